"""A learned speaker ranker over the rules' candidates: cross-validated against the rules.

Rows: every quote of PolNeAR train's tuning fold (all but every fifth article; never dev,
never the held-out fold) that matches a gold quote with a Source, with every speaker the
rules could propose for it (`corroborate.quotes.candidates.collect`: the rules' own pick and
the picks of each rule asked alone, the subjects of the paragraph's other cue verbs, the
nearest people named before and after) and their `features` (cue verb, distance, direction,
syntactic role, pronoun/name/group/organisation, inside quotation marks, which rules propose
it, paragraph gap, ...), each labelled right or wrong as bench_quotes.py's scorer would.
Quotes whose gold Source is an outer source ("according to a transcript, X said") are left
out of every fit: by design X speaks and the transcript is the quote's via, so the gold's
label there would teach a model the opposite.

Models, each 5-fold cross-validated by article (GroupKFold) on those rows and scored on the
quotes the rules gave a speaker (the rules' accuracy there is the figure to beat):
- logistic regression on standardised features, C in {0.1, 1, 10}, choosing the candidate
  with the highest probability;
- the same without the "the rules chose it" feature, overriding the rules' pick only when
  another candidate's probability is higher by a margin (0 to 0.6);
- histogram gradient boosting (300 trees, rate 0.05, 15 leaves, 20 rows a leaf: usual
  settings, not searched) both ways;
- and, for the quotes the rules leave without a speaker, how often the best candidate is
  right above a probability threshold ("fills").
The rules' errors are grouped by cause first (`_quotes_candidates.error_causes`).

    .venv/bin/python bench/fit_quotes.py --cache /tmp/polnear-parse   # parse once, reuse
    .venv/bin/python bench/fit_quotes.py --out /tmp/ranker.json       # also write LR weights

`--out` fits the best cross-validated logistic regression on every row and writes its
weights (feature names, standardisation, coefficients) as JSON, read with numpy alone. In
session 9 no model beat the rules (see the closing note), so the pipeline ships none.
scikit-learn comes from the `bench` extra; every fit is deterministic.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import numpy as np

from _common import print_table, require_data
from _polnear import as_article, load
from _quotes_candidates import Row, candidate_rows, error_causes
from corroborate.nlp import Resources
from corroborate.quotes.candidates import FEATURES
from corroborate.records import Article

CHOSEN = FEATURES.index("rule_choice")
MARGINS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.6)
FILL_THRESHOLDS = (0.3, 0.5, 0.7)


def parsed(articles: list[Article], cache: Path | None) -> Resources:
    """Resources with every article's paragraphs parsed, read from `cache` when it holds
    them (a spaCy DocBin keyed by paragraph text), else parsed and written there."""
    from spacy.tokens import DocBin

    resources = Resources()
    texts = list(dict.fromkeys(a.text[p.start : p.end] for a in articles for p in a.paragraphs))
    bin_path = cache / "docs.spacy" if cache else None
    if bin_path is not None and bin_path.exists():
        store = DocBin().from_bytes(bin_path.read_bytes())
        docs = {d.text: d for d in store.get_docs(resources.spacy().vocab)}
        if all(t in docs for t in texts):
            for a in articles:
                paragraphs = [(p, docs[a.text[p.start : p.end]]) for p in a.paragraphs]
                resources._docs[a.id] = paragraphs  # the pipeline's own cache, filled
            return resources
    resources.parse_all(articles)
    if bin_path is not None:
        store = DocBin(store_user_data=False)
        seen: set[str] = set()
        for a in articles:
            for _, doc in resources.paragraph_docs(a):
                if doc.text not in seen:
                    seen.add(doc.text)
                    store.add(doc)
        bin_path.parent.mkdir(parents=True, exist_ok=True)
        bin_path.write_bytes(store.to_bytes())
    return resources


def arrays(rows: list[Row]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels, quote index, article (the CV group) and the rules' pick, per candidate."""
    flat = [(c, q, r.article) for q, r in enumerate(rows) for c in r.found]
    x = np.array([c.features for c, _, _ in flat], dtype=float)
    y = np.array([c.right for c, _, _ in flat], dtype=int)
    quote = np.array([q for _, q, _ in flat])
    group = np.array([a for _, _, a in flat])
    chosen = np.array([c.chosen for c, _, _ in flat], dtype=bool)
    return x, y, quote, group, chosen


def cv_scores(x: np.ndarray, y: np.ndarray, group: np.ndarray, make: Any) -> np.ndarray:
    """Each candidate's probability of being right, from a model fitted on the other folds."""
    from sklearn.model_selection import GroupKFold
    from sklearn.preprocessing import StandardScaler

    scores = np.zeros(len(y))
    for train, test in GroupKFold(5).split(x, y, group):
        scaler = StandardScaler().fit(x[train])
        model = make().fit(scaler.transform(x[train]), y[train])
        scores[test] = model.predict_proba(scaler.transform(x[test]))[:, 1]
    return scores


def choose(
    scores: np.ndarray, spans: list[np.ndarray], chosen: np.ndarray, margin: float | None
) -> list[int | None]:
    """Per quote the candidate taken: the highest score (`margin` None), or the rules' pick
    unless another beats it by more than `margin`; None where the rules chose nothing."""
    picks: list[int | None] = []
    for ix in spans:
        if not chosen[ix].any():
            picks.append(None)
            continue
        best = int(ix[np.argmax(scores[ix])])
        rule = int(ix[chosen[ix]][0])
        if margin is None or scores[best] - scores[rule] > margin:
            picks.append(best)
        else:
            picks.append(rule)
    return picks


def tally(
    picks: list[int | None], spans: list[np.ndarray], y: np.ndarray, chosen: np.ndarray
) -> tuple[int, int, int]:
    """Right picks, and how many the model gained and lost against the rules' picks."""
    right = gained = lost = 0
    for pick, ix in zip(picks, spans, strict=True):
        if pick is None:
            continue
        rule = int(ix[chosen[ix]][0])
        right += int(y[pick])
        gained += int(y[pick] and not y[rule])
        lost += int(y[rule] and not y[pick])
    return right, gained, lost


def fills(
    scores: np.ndarray, spans: list[np.ndarray], y: np.ndarray, chosen: np.ndarray
) -> dict[float, tuple[int, int]]:
    """For the quotes the rules leave without a speaker: per threshold, how many the best
    candidate would fill and how many of those are right."""
    out: dict[float, tuple[int, int]] = {}
    for threshold in FILL_THRESHOLDS:
        taken = right = 0
        for ix in spans:
            if chosen[ix].any():
                continue
            best = int(ix[np.argmax(scores[ix])])
            if scores[best] >= threshold:
                taken += 1
                right += int(y[best])
        out[threshold] = (taken, right)
    return out


def models() -> dict[str, Any]:
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression

    found: dict[str, Any] = {
        f"logistic C={c}": (lambda c=c: LogisticRegression(C=c, max_iter=5000))
        for c in (0.1, 1.0, 10.0)
    }
    found["boosted trees"] = lambda: HistGradientBoostingClassifier(
        max_iter=300, learning_rate=0.05, max_leaf_nodes=15, min_samples_leaf=20, random_state=0
    )
    return found


def study(rows: list[Row]) -> tuple[list[list[Any]], dict[str, Any]]:
    """The table rows (one per model and way of choosing) and the best logistic model."""
    x, y, quote, group, chosen = arrays(rows)
    spans = [np.where(quote == q)[0] for q in range(len(rows))]
    rules = sum(int(y[ix][chosen[ix]].any()) for ix in spans)
    table: list[list[Any]] = [["rules", "-", rules, 0, 0, "-"]]
    best: dict[str, Any] = {"right": -1}
    free = np.delete(x, CHOSEN, axis=1)
    for name, make in models().items():
        scores = cv_scores(x, y, group, make)
        right, gained, lost = tally(choose(scores, spans, chosen, None), spans, y, chosen)
        filled = fills(scores, spans, y, chosen)
        text = ", ".join(f">={t}: {r}/{n}" for t, (n, r) in filled.items())
        table.append([name, "highest", right, gained, lost, text])
        if name.startswith("logistic") and right > best["right"]:
            best = {"right": right, "name": name, "make": make}
        scores = cv_scores(free, y, group, make)
        for margin in MARGINS:
            right, gained, lost = tally(choose(scores, spans, chosen, margin), spans, y, chosen)
            table.append([f"{name}, no rule pick", f"margin {margin}", right, gained, lost, ""])
    return table, best


def first_stage(x: np.ndarray, y: np.ndarray, group: np.ndarray) -> np.ndarray:
    """Out-of-fold probabilities of the rule-free logistic model (C=1), per candidate."""
    from sklearn.linear_model import LogisticRegression

    return cv_scores(
        np.delete(x, CHOSEN, axis=1), y, group, lambda: LogisticRegression(C=1.0, max_iter=5000)
    )


def pairs(
    x: np.ndarray, y: np.ndarray, spans: list[np.ndarray], chosen: np.ndarray, scores: np.ndarray
) -> tuple[np.ndarray, np.ndarray, list[tuple[int, int]]]:
    """Per quote with a rules' pick and another candidate: the switch features (both
    candidates' features, their difference, the first stage's two probabilities and their
    difference) and the target, "the best other is right and the rules' pick is wrong"."""
    rows, target, which = [], [], []
    for ix in spans:
        if not chosen[ix].any() or len(ix) < 2:
            continue
        rule = int(ix[chosen[ix]][0])
        other = max((int(j) for j in ix if j != rule), key=lambda j: scores[j])
        rows.append(switch_features(x[rule], x[other], scores[rule], scores[other]))
        target.append(int(y[other] and not y[rule]))
        which.append((rule, other))
    return np.array(rows), np.array(target), which


def switch_features(
    rule: np.ndarray, other: np.ndarray, p_rule: float, p_other: float
) -> np.ndarray:
    return np.concatenate([rule, other, other - rule, [p_rule, p_other, p_other - p_rule]])


SWITCH_C = 0.3  # not searched
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def stacked(rows: list[Row]) -> tuple[list[list[Any]], float]:
    """The two-stage ranker, cross-validated: the rules' pick is switched to the best other
    candidate when the second stage's probability reaches a threshold; per threshold the
    quotes switched, gained and lost. Returns the table and the threshold with the best net
    gain (on ties the higher, which switches fewer)."""
    from sklearn.linear_model import LogisticRegression

    x, y, quote, group, chosen = arrays(rows)
    spans = [np.where(quote == q)[0] for q in range(len(rows))]
    scores = first_stage(x, y, group)
    q, target, which = pairs(x, y, spans, chosen, scores)
    groups = np.array([group[rule] for rule, _ in which])
    p = cv_scores(q, target, groups, lambda: LogisticRegression(C=SWITCH_C, max_iter=5000))
    table, best = [], (1, 1.01)  # never switch unless it gains
    for threshold in THRESHOLDS:
        switch = [w for w, pr in zip(which, p, strict=True) if pr >= threshold]
        gained = sum(int(y[o] and not y[r]) for r, o in switch)
        lost = sum(int(y[r] and not y[o]) for r, o in switch)
        table.append(["two-stage switch", f">= {threshold}", len(switch), gained, lost])
        if gained - lost >= best[0]:
            best = (gained - lost, threshold)
    return table, best[1]


def write_weights(rows: list[Row], threshold: float, path: Path) -> None:
    """Fit both stages on every row; write what numpy needs to apply them
    (`corroborate.quotes.ranker`)."""
    from sklearn.linear_model import LogisticRegression

    x, y, quote, group, chosen = arrays(rows)
    spans = [np.where(quote == q)[0] for q in range(len(rows))]
    # The second stage learns from out-of-fold first-stage probabilities, as it will meet
    # probabilities of quotes the first stage never saw.
    q, target, _ = pairs(x, y, spans, chosen, first_stage(x, y, group))
    free = np.delete(x, CHOSEN, axis=1)
    payload = {
        "fitted_on": "PolNeAR train, tuning fold (all but every fifth article), matched quotes",
        "features": list(FEATURES),
        "without": CHOSEN,
        "first": _linear(free, y, LogisticRegression(C=1.0, max_iter=5000)),
        "second": _linear(q, target, LogisticRegression(C=SWITCH_C, max_iter=5000)),
        "threshold": threshold,
    }
    path.write_text(json.dumps(payload) + "\n")


def _linear(x: np.ndarray, y: np.ndarray, model: Any) -> dict[str, Any]:
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x)
    model.fit(scaler.transform(x), y)
    return {
        "mean": scaler.mean_.round(8).tolist(),
        "scale": scaler.scale_.round(8).tolist(),
        "coef": model.coef_[0].round(8).tolist(),
        "intercept": round(float(model.intercept_[0]), 8),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N tuning-fold articles")
    parser.add_argument("--cache", type=Path, help="folder to keep and reuse the spaCy parse")
    parser.add_argument("--out", type=Path, help="write the two-stage ranker's weights")
    parser.add_argument(
        "--all-models", action="store_true", help="also the one-stage models (slower)"
    )
    args = parser.parse_args()
    part_dir = require_data("quotes", "polnear", "train")
    if part_dir is None:
        return
    items = load(part_dir, args.limit, 0, "tuning")
    articles = [as_article(stem, text) for stem, text, _ in items]
    began = time.process_time()
    resources = parsed(articles, args.cache)
    rows = [r for r in candidate_rows(articles, [g for *_, g in items], resources) if r.found]
    print(
        f"{len(articles)} tuning-fold articles, {len(rows)} matched quotes with a Source, "
        f"{time.process_time() - began:.0f} CPU s to parse and collect"
    )
    print("the rules' errors by cause:", json.dumps(error_causes(rows), indent=1))
    # A gold Source that is an outer source ("according to a transcript, X said") names who
    # relays the words; by design the speaker is X and the relay the quote's via, so those
    # labels would teach the models the opposite: they are left out of every fit.
    rows = [r for r in rows if not r.outer]
    print(f"{len(rows)} quotes fitted on (outer sources left out)")
    if args.all_models:
        table, _ = study(rows)
        header = ["model", "choice", "right", "gained", "lost", "fills right/taken"]
        print_table("speaker choice, 5-fold CV by article (rules' picked quotes)", header, table)
    table, threshold = stacked(rows)
    header = ["model", "threshold", "switched", "gained", "lost"]
    print_table("two-stage switch, 5-fold CV by article", header, table)
    if args.out is not None:
        write_weights(rows, threshold, args.out)
        print(f"wrote {args.out} (threshold {threshold})")


if __name__ == "__main__":
    main()
