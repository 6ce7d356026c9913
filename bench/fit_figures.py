"""Fit the learned figure decision (`corroborate.figures.learned`) on the dev and probe sets.

Rows: every labelled pair of the splits of bench_figures.PAIRS named "dev*" (dev, dev2..dev45,
and fresh3/fresh4 as dev12/dev13), copies left out; the never-tuned sets (fresh, fresh2,
fresh5..fresh10) and "seen" are never read here. A row is the two labelled mentions'
`pair_features` and whether their values agree; the target is "one figure is right" (agree or
update where the values agree, conflict or update where they differ). Two heads of boosted
trees (GradientBoosting, 200 trees of depth 3, rate 0.05, random_state 0: scikit-learn's usual
settings, not searched), one on the rows whose values agree, one on the rest.

The two thresholds are chosen by leave-one-dev-set-out: each dev set's pairs are judged by
heads fitted on the other dev sets, and the pair-level decision (separate, or one figure) is
scored; the best held-out accuracy whose held-out false conflicts are no more than the rules'
own on the dev sets wins (`choose_thresholds`).

    .venv/bin/python bench/fit_figures.py --loso          # the cross-validated figures
    .venv/bin/python bench/fit_figures.py --loso --fit    # and rewrite figures_model.json
    .venv/bin/python bench/fit_figures.py --ledger        # also the whole ledger, per fold

scikit-learn comes from the `bench` extra; the fit is deterministic.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from bench_figures import PAIRS, decide, find_figure, load, one_sentence_article
from corroborate.figures import build_ledger, story_mentions
from corroborate.figures.learned import (
    FEATURES,
    MODEL_FILE,
    PairJudge,
    PairModel,
    Trees,
    pair_features,
)
from corroborate.figures.ledger import FigureMentionDraft
from corroborate.figures.values import values_agree
from corroborate.nlp import Resources
from corroborate.records import Article

# Boosted trees: scikit-learn's usual settings, not searched.
TREES = 200
DEPTH = 3
RATE = 0.05
DROPPED: frozenset[str] = frozenset()  # features left out of the fit (none)
SAME = ("agree", "conflict", "update")


@dataclass(slots=True)
class Row:
    split: str
    pair: dict[str, Any]
    vector: np.ndarray | None  # None: a labelled figure was not found
    agree: bool
    same: bool
    rules: str  # the rules' decision through the whole ledger


def dev_splits() -> list[str]:
    return [s for s in PAIRS if s.startswith("dev")]


def _mention(
    mentions: list[FigureMentionDraft], article: Article, written: str
) -> FigureMentionDraft | None:
    start = find_figure(article.text, written)
    end = start + len(written)
    here = [m for m in mentions if m.article.id == article.id]
    return next((m for m in here if m.quantity.start < end and start < m.quantity.end), None)


def pair_articles(split: str, pair: dict[str, Any]) -> tuple[Article, Article]:
    key = f"{split}:{pair['id']}"
    a = one_sentence_article(f"{key}-a", pair["a"], pair.get("date_a"))
    b = one_sentence_article(f"{key}-b", pair["b"], pair.get("date_b"))
    if pair.get("copy"):
        b.source_group = a.source_group
    return a, b


def read_rows(resources: Resources, splits: list[str]) -> list[Row]:
    judge = PairJudge(_blank_model(), resources.embedder().embed)  # only for verb similarity
    rows = []
    for split in splits:
        for pair in load(PAIRS[split]):
            a, b = pair_articles(split, pair)
            rules = decide(build_ledger([a, b], resources, False), a, b, pair["fa"], pair["fb"])
            mentions, topic = story_mentions([a, b], resources)
            ma, mb = _mention(mentions, a, pair["fa"]), _mention(mentions, b, pair["fb"])
            vector = agree = None
            if ma is not None and mb is not None:
                vector = pair_features(ma, mb, topic, judge.similarity)
                agree = values_agree(ma.quantity, mb.quantity)
            same = pair["label"] in SAME
            rows.append(Row(split, pair, vector, bool(agree), same, rules))
    return rows


def _blank_model() -> PairModel:
    blank = Trees(0.0, 0.0, np.zeros((1, 1), np.int64), np.zeros((1, 1)), np.zeros((1, 2)))
    ones = np.ones(len(FEATURES))
    return PairModel(FEATURES, ones * 0, ones, blank, blank, 0.5, 0.5)


def fit(
    rows: list[Row], agree_t: float, differ_t: float, dropped: frozenset[str] = DROPPED
) -> PairModel:
    """Both heads on the rows' standardised features; `dropped` features read as 0."""
    from sklearn.ensemble import GradientBoostingClassifier

    usable = [r for r in rows if r.vector is not None and not r.pair.get("copy")]
    keep = np.array([f not in dropped for f in FEATURES], dtype=np.float64)
    matrix = np.stack([r.vector * keep for r in usable if r.vector is not None])
    mean = matrix.mean(axis=0)
    scale = matrix.std(axis=0)
    scale[scale == 0] = 1.0
    mean[0], scale[0] = 0.0, 1.0  # the bias column stays 1: padded nodes split on it
    heads = []
    for agree in (True, False):
        part = [r for r in usable if r.agree == agree and _reachable(r)]
        x = (np.stack([r.vector * keep for r in part if r.vector is not None]) - mean) / scale
        y = np.array([_target(r) for r in part])
        model = GradientBoostingClassifier(
            n_estimators=TREES, max_depth=DEPTH, learning_rate=RATE, random_state=0
        )
        model.fit(x, y)
        heads.append(_as_trees(model, x))
    return PairModel(FEATURES, mean, scale, heads[0], heads[1], agree_t, differ_t, dropped)


def _as_trees(model: Any, x: np.ndarray) -> Trees:
    """The fitted ensemble as full-depth arrays; checked against sklearn's own scores."""
    width = 2**DEPTH - 1
    feature = np.zeros((TREES, width), dtype=np.int64)
    threshold = np.zeros((TREES, width))
    leaf = np.zeros((TREES, width + 1))
    for t, estimator in enumerate(model.estimators_[:, 0]):
        tree = estimator.tree_

        def pad(node: int, slot: int, depth: int, t: int = t, tree: Any = tree) -> None:
            if depth == DEPTH:
                leaf[t, slot - width] = tree.value[node][0][0]
                return
            if tree.children_left[node] < 0:  # a leaf above full depth: split on the bias
                feature[t, slot], threshold[t, slot] = 0, 2.0  # column (1.0): always left
                pad(node, 2 * slot + 1, depth + 1)
                pad(node, 2 * slot + 2, depth + 1)
                return
            feature[t, slot], threshold[t, slot] = tree.feature[node], tree.threshold[node]
            pad(tree.children_left[node], 2 * slot + 1, depth + 1)
            pad(tree.children_right[node], 2 * slot + 2, depth + 1)

        pad(0, 0, 0)
    raw = model.decision_function(x[:1])[0]
    trees = Trees(0.0, RATE, feature, threshold, leaf)
    trees = Trees(float(raw - trees.score(x[0])), RATE, feature, threshold, leaf)
    check = model.decision_function(x[:50])
    if not np.allclose(check, [trees.score(row) for row in x[:50]], atol=1e-6):
        raise AssertionError("padded trees disagree with scikit-learn")
    return trees


def _target(row: Row) -> bool:
    """One figure is right: agreeing values of one subject, or differing values that are
    rivals or an update. Agreeing values labelled "conflict" and differing ones labelled
    "agree" cannot come out right either way; separate is the less costly error."""
    label = row.pair["label"]
    return label in (("agree", "update") if row.agree else ("conflict", "update"))


def _reachable(row: Row) -> bool:
    label = row.pair["label"]
    return label == "separate" or label == "update" or (label == "agree") == row.agree


def pair_right(row: Row, probability: float, agree_t: float, differ_t: float) -> bool:
    """Whether the pair-level decision is right (the label's kind: agree and update count as
    one kind where values agree, conflict and update where they differ)."""
    if row.vector is None:
        return False
    one = probability >= (agree_t if row.agree else differ_t)
    label = row.pair["label"]
    if not one:
        return label == "separate"
    return label in (("agree", "update") if row.agree else ("conflict", "update"))


def pair_false_conflict(row: Row, probability: float, differ_t: float) -> bool:
    if row.vector is None or row.agree or row.pair["label"] in ("conflict", "update"):
        return False
    return probability >= differ_t


@dataclass(slots=True)
class Folds:
    """Leave one dev set out: each held-out row's probability from heads fitted without its
    set (thresholds do not change the fit, so one pass serves the whole grid)."""

    rows: list[Row]
    probability: dict[int, float]
    models: dict[str, PairModel]

    def score(self, agree_t: float, differ_t: float) -> tuple[int, int, int]:
        test = [r for r in self.rows if not r.pair.get("copy")]
        p = self.probability
        right = sum(pair_right(r, p.get(id(r), 0.0), agree_t, differ_t) for r in test)
        fc = sum(pair_false_conflict(r, p.get(id(r), 0.0), differ_t) for r in test)
        return len(test), right, fc


def folds(rows: list[Row], dropped: frozenset[str] = DROPPED) -> Folds:
    probability: dict[int, float] = {}
    models = {}
    for split in sorted({r.split for r in rows}):
        model = fit([r for r in rows if r.split != split], 0.5, 0.5, dropped)
        models[split] = model
        for row in rows:
            if row.split == split and row.vector is not None:
                probability[id(row)] = model.probability(row.vector, row.agree)
    return Folds(rows, probability, models)


def choose_thresholds(result: Folds, rules_fc: int) -> tuple[float, float]:
    """The thresholds of the best held-out accuracy whose held-out false conflicts are no more
    than the rules' own on the dev sets (which they were tuned on)."""
    best: tuple[int, float, float] | None = None
    for agree_t in (0.3, 0.4, 0.5, 0.6, 0.7):
        for differ_t in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95):
            _, right, fc = result.score(agree_t, differ_t)
            if fc <= rules_fc and (best is None or right > best[0]):
                best = (right, agree_t, differ_t)
    if best is None:
        raise RuntimeError("no threshold keeps false conflicts down to the rules'")
    return best[1], best[2]


def _rules_kind(row: Row) -> bool:
    """The rules' decision, scored like `pair_decision` (agree and update as one kind)."""
    label, got = row.pair["label"], row.rules
    if label == "separate" or got == "separate":
        return label == got
    if got == "conflict":
        return label in ("conflict", "update") and not row.agree
    return label in ("agree", "update") if row.agree else label in ("conflict", "update")


def ledger_loso(resources: Resources, rows: list[Row], models: dict[str, PairModel]) -> None:
    """The whole ledger per held-out dev set, with that fold's model, against the rules."""
    table = []
    for split, model in models.items():
        judge = PairJudge(model, resources.embedder().embed)
        part = [r for r in rows if r.split == split]
        right = rules = fc = 0
        for row in part:
            a, b = pair_articles(split, row.pair)
            got = decide(
                build_ledger([a, b], resources, judge), a, b, row.pair["fa"], row.pair["fb"]
            )
            right += got == row.pair["label"]
            rules += row.rules == row.pair["label"]
            fc += got == "conflict" and row.pair["label"] != "conflict"
        table.append((split, len(part), rules, right, fc))
    for line in table:
        print("  {:<6} {:4d} rules {:4d} model {:4d} false conflicts {}".format(*line))
    n = sum(t[1] for t in table)
    print(
        f"ledger, leave one dev set out: rules {sum(t[2] for t in table)}/{n}, "
        f"model {sum(t[3] for t in table)}/{n}, false conflicts {sum(t[4] for t in table)}"
    )


def rules_false_conflicts(rows: list[Row]) -> int:
    test = [r for r in rows if not r.pair.get("copy")]
    return sum(r.rules == "conflict" and r.pair["label"] != "conflict" for r in test)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--loso", action="store_true", help="leave-one-dev-set-out table")
    parser.add_argument("--ledger", action="store_true", help="with --loso: whole ledger")
    parser.add_argument("--fit", action="store_true", help="refit and write the model file")
    args = parser.parse_args()
    resources = Resources()
    rows = read_rows(resources, dev_splits())
    missing = sum(r.vector is None for r in rows)
    print(f"{len(rows)} dev pairs, {missing} with a labelled figure not found")
    report(rows)
    if args.loso or args.ledger or args.fit:
        result = folds(rows)
        agree_t, differ_t = choose_thresholds(result, rules_false_conflicts(rows))
        n, right, fc = result.score(agree_t, differ_t)
        print(f"chosen thresholds: agree >= {agree_t}, differ >= {differ_t}")
        print(f"pairs, leave one dev set out: model {right}/{n} = {right / n:.3f}, fc {fc}")
        if args.ledger:
            for split, model in result.models.items():
                result.models[split] = replace(
                    model, agree_threshold=agree_t, differ_threshold=differ_t
                )
            ledger_loso(resources, rows, result.models)
        if args.fit:
            model = fit(rows, agree_t, differ_t)
            MODEL_FILE.write_text(json.dumps(model.to_json()) + "\n")
            print(f"wrote {MODEL_FILE}")


def report(rows: list[Row]) -> None:
    test = [r for r in rows if not r.pair.get("copy")]
    right = sum(_rules_kind(r) for r in test)
    print(
        f"rules on the dev sets (tuned on all of them): pairs {right}/{len(test)} = "
        f"{right / len(test):.3f}, false conflicts {rules_false_conflicts(rows)}"
    )


if __name__ == "__main__":
    main()
