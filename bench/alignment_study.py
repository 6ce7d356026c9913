"""Leads for the MSRP pair model, measured and not shipped (`python bench/alignment_study.py`).

Every figure is the mean accuracy of 5-fold cross-validation over two shufflings of MSRP rows
0-2999 (the fitting part); the held-out rows 3000-4075 are never read. Each lead adds its
columns to the shipped dense features and is fitted exactly as the shipped model is (one
logistic regression with the per-word weights, `bench_alignment.fit_model`), unless it is a
different learner. The leads:

- idf-weighted word-piece alignment (BERTScore-style precision / recall / F with idf weights,
  and the idf mass of pieces left unaligned). The idf comes from the word pieces of rows
  0-2999 (no labels), so every fold sees the same table.
- content-word alignment: each content word (noun, proper noun, verb, adjective, adverb,
  number) of each sentence, matched when the other sentence has its lemma or its word pieces'
  best cosine to the other's pieces reaches a threshold (0.5, 0.6, 0.7); per threshold, counts
  of unmatched words, of nouns, verbs, numbers and named-entity words among them, their share
  and idf mass (the larger and the smaller side), and the mean match of each side.
- dependency overlap: (head lemma, relation, lemma) triples shared, subject / object / root
  words shared, the same root verb.
- soft word weights: the per-word weights see a word whose lemma the other sentence lacks but
  whose pieces align above 0.7 as a third case ("matched by meaning").
- other learners over the dense features: gradient boosting, a one-layer MLP, and the shipped
  logistic model averaged with the MLP.
"""

from __future__ import annotations

import argparse
import math
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from _common import print_table
from _msrp import fitting_pairs
from bench_alignment import (
    PairInputs,
    cross_validate,
    features_for,
    fit_model,
    parse_pairs,
    with_words,
)
from corroborate.claims.features import THRESHOLD, same_fact
from corroborate.embed import MiniLmOnnxEmbedder
from corroborate.nlp import Resources

Lemmas = list[tuple[frozenset[str], frozenset[str]]]
Pieces = list[list[tuple[int, int, int]]]
_CONTENT = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"})
_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "ROOT"})
SEEDS = (0, 1)


def run_study(
    inputs: PairInputs,
    texts: list[str],
    features: np.ndarray,
    lemmas: Lemmas,
    labels: np.ndarray,
    embedder: MiniLmOnnxEmbedder,
) -> list[tuple[str, float]]:
    """(lead, CV accuracy) rows, the shipped features first."""
    pieces = embedder.pieces(texts)
    idf = _idf(pieces)
    n = inputs.pairs
    docs = inputs.docs
    blocks = {
        "idf-weighted piece alignment": [_idf_alignment(inputs, pieces, idf, i) for i in range(n)],
        "content-word alignment": [_content_alignment(inputs, pieces, idf, i) for i in range(n)],
        "dependency overlap": [_dependency_overlap(docs[i], docs[n + i]) for i in range(n)],
    }
    arrays = {name: np.array(rows, dtype=np.float64) for name, rows in blocks.items()}
    rows = [("shipped features", cross_validate(features, lemmas, labels, seeds=SEEDS))]
    for name, extra in arrays.items():
        rows.append(
            (f"+ {name}", cross_validate(_insert(features, extra), lemmas, labels, seeds=SEEDS))
        )
    every = _insert(features, np.column_stack(list(arrays.values())))
    rows.append(("+ all three", cross_validate(every, lemmas, labels, seeds=SEEDS)))
    soft = _soft_lemmas(inputs, pieces, lemmas, 0.7)
    rows.append(("soft word weights (0.7)", cross_validate(features, soft, labels, seeds=SEEDS)))
    rows += _learners(every, lemmas, labels)
    return rows


def _insert(features: np.ndarray, extra: np.ndarray) -> np.ndarray:
    """Extra columns before the last (word-evidence) column, which `fit_model` expects last."""
    return np.column_stack([features[:, :-1], extra, features[:, -1:]])


def _idf(pieces: Pieces) -> dict[int, float]:
    documents = Counter(piece for sentence in pieces for piece in {p[0] for p in sentence})
    total = len(pieces)
    return {piece: math.log((total + 1) / (count + 1)) for piece, count in documents.items()}


def _idf_alignment(
    inputs: PairInputs, pieces: Pieces, idf: dict[int, float], i: int
) -> list[float]:
    n = inputs.pairs
    a, b = inputs.tokens[i], inputs.tokens[n + i]
    if len(a) == 0 or len(b) == 0:
        return [0.0] * 6
    similarity = a @ b.T
    recalls, unaligned = [], []
    for best, sentence in (
        (similarity.max(axis=1), pieces[i]),
        (similarity.max(axis=0), pieces[n + i]),
    ):
        weights = np.array([idf.get(p[0], 0.0) for p in sentence]) + 1e-9
        recalls.append(float((best * weights).sum() / weights.sum()))
        unaligned.append(float((weights * (best < 0.5)).sum()))
    f = 2 * recalls[0] * recalls[1] / max(1e-9, recalls[0] + recalls[1])
    return [min(recalls), max(recalls), f, max(unaligned), min(unaligned), sum(unaligned)]


def _word_matches(
    inputs: PairInputs, pieces: Pieces, idf: dict[int, float], me: int, other: int
) -> list[tuple[Any, float, float]]:
    """(spaCy token, best match to the other sentence, idf of its first piece) per content
    word; a lemma the other sentence has is a match of 1."""
    a, b = inputs.tokens[me], inputs.tokens[other]
    best = (a @ b.T).max(axis=1) if len(a) and len(b) else np.zeros(len(a))
    other_lemmas = {t.lemma_.lower() for t in inputs.docs[other]}
    out = []
    for token in inputs.docs[me]:
        if token.is_punct or token.is_stop or token.pos_ not in _CONTENT:
            continue
        end = token.idx + len(token.text)
        covered = [k for k, (_, s, e) in enumerate(pieces[me]) if s < end and e > token.idx]
        if token.lemma_.lower() in other_lemmas:
            match = 1.0
        else:
            match = float(best[covered].mean()) if covered else 0.0
        weight = idf.get(pieces[me][covered[0]][0], 0.0) if covered else 0.0
        out.append((token, match, weight))
    return out


def _content_alignment(
    inputs: PairInputs, pieces: Pieces, idf: dict[int, float], i: int
) -> list[float]:
    n = inputs.pairs
    sides = [
        _word_matches(inputs, pieces, idf, i, n + i),
        _word_matches(inputs, pieces, idf, n + i, i),
    ]
    out: list[float] = []
    for threshold in (0.5, 0.6, 0.7):
        counts = []
        for words in sides:
            missed = [(t, w) for t, m, w in words if m < threshold]
            counts.append([
                len(missed),
                len(missed) / max(1, len(words)),
                sum(1 for t, _ in missed if t.pos_ in {"NOUN", "PROPN"}),
                sum(1 for t, _ in missed if t.pos_ == "VERB"),
                sum(1 for t, _ in missed if t.pos_ == "NUM" or t.like_num),
                sum(1 for t, _ in missed if t.ent_type_),
                sum(w for _, w in missed),
            ])  # fmt: skip
        first, second = np.array(counts[0]), np.array(counts[1])
        out += [*np.maximum(first, second), *np.minimum(first, second)]
    means = [float(np.mean([m for _, m, _ in words])) if words else 0.0 for words in sides]
    return [*out, min(means), max(means)]


def _dependency_overlap(a: Any, b: Any) -> list[float]:
    def parts(doc: Any) -> tuple[set[tuple[str, str, str]], set[tuple[str, str]], set[str]]:
        triples = {(t.head.lemma_.lower(), t.dep_, t.lemma_.lower()) for t in doc if not t.is_punct}
        roles = {(t.dep_, t.lemma_.lower()) for t in doc if t.dep_ in _ROLES}
        return triples, roles, {t.lemma_.lower() for t in doc if t.dep_ == "ROOT"}

    (triples_a, roles_a, root_a), (triples_b, roles_b, root_b) = parts(a), parts(b)
    shared = len(triples_a & triples_b)
    return [
        shared / max(1, len(triples_a | triples_b)),
        shared / max(1, min(len(triples_a), len(triples_b))),
        len(roles_a & roles_b) / max(1, len(roles_a | roles_b)),
        float(bool(root_a & root_b)),
    ]


def _soft_lemmas(inputs: PairInputs, pieces: Pieces, lemmas: Lemmas, threshold: float) -> Lemmas:
    """The lemma sets with a word the other sentence matches by meaning only renamed "~word",
    so that it gets weights of its own."""
    n, out = inputs.pairs, []
    for i, (a, b) in enumerate(lemmas):
        soft = []
        for me, other, own, others in ((i, n + i, a, b), (n + i, i, b, a)):
            matched = {
                t.lemma_.lower()
                for t, m, _ in _word_matches(inputs, pieces, {}, me, other)
                if m >= threshold
            }
            soft.append(frozenset(w if w in others or w not in matched else "~" + w for w in own))
        out.append((soft[0], soft[1]))
    return out


def _learners(features: np.ndarray, lemmas: Lemmas, labels: np.ndarray) -> list[tuple[str, float]]:
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    def boosting(x: np.ndarray, y: np.ndarray) -> Any:
        return HistGradientBoostingClassifier(
            max_iter=300, learning_rate=0.04, max_leaf_nodes=15, min_samples_leaf=40,
            l2_regularization=1.0, random_state=0,
        ).fit(x, y)  # fmt: skip

    def mlp(x: np.ndarray, y: np.ndarray) -> Any:
        network = MLPClassifier((32,), alpha=3.0, max_iter=3000, random_state=0)
        return make_pipeline(StandardScaler(), network).fit(x, y)

    dense = features[:, :-1]
    return [
        ("gradient boosting (dense + all three)", _cv_learner(dense, labels, [boosting])),
        ("MLP (dense + all three)", _cv_learner(dense, labels, [mlp])),
        ("shipped logistic + MLP, averaged", _cv_learner(dense, labels, [mlp], features, lemmas)),
    ]


def _cv_learner(
    dense: np.ndarray,
    labels: np.ndarray,
    learners: Sequence[Callable[[np.ndarray, np.ndarray], Any]],
    features: np.ndarray | None = None,
    lemmas: Lemmas | None = None,
) -> float:
    """CV accuracy of the learners' mean probability (and the shipped logistic model's, when
    `features` and `lemmas` are given), on the same folds as `cross_validate`."""
    from sklearn.model_selection import KFold

    accuracy = []
    for seed in SEEDS:
        for fit, test in KFold(5, shuffle=True, random_state=seed).split(dense):
            probabilities = [
                m(dense[fit], labels[fit]).predict_proba(dense[test])[:, 1] for m in learners
            ]
            if features is not None and lemmas is not None:
                model = fit_model(features[fit], [lemmas[i] for i in fit], labels[fit])
                rows = with_words(features[test], [lemmas[i] for i in test], model)
                probabilities.append(same_fact(rows, model))
            right = (np.mean(probabilities, axis=0) >= THRESHOLD) == labels[test]
            accuracy.append(float(right.mean()))
    return float(np.mean(accuracy))


def study_inputs(
    left: list[str], right: list[str]
) -> tuple[PairInputs, np.ndarray, Lemmas, MiniLmOnnxEmbedder]:
    """The parsed pairs, their shipped features and lemma sets, and the MiniLM embedder (the
    leads read its word-piece offsets)."""
    resources = Resources()
    embedder = resources.embedder()
    if not isinstance(embedder, MiniLmOnnxEmbedder):
        raise SystemExit("the studies need the default MiniLM embedder (word-piece offsets)")
    inputs = parse_pairs(left, right, resources)
    features, _, lemmas = features_for(inputs)
    return inputs, features, lemmas, embedder


def study(left: list[str], right: list[str], labels: np.ndarray) -> None:
    """Print the CV accuracy of each lead in alignment_study.py on the fitting rows."""
    inputs, features, lemmas, embedder = study_inputs(left, right)
    rows = run_study(inputs, left + right, features, lemmas, labels, embedder)
    title = (
        f"5-fold CV x {len(SEEDS)} shufflings, MSRP rows 0-{len(labels) - 1} (held-out rows unread)"
    )
    print_table(title, ("lead", "CV accuracy"), rows)


def main() -> None:
    argparse.ArgumentParser(description=__doc__).parse_args()
    pairs = fitting_pairs()
    if pairs is not None:
        study(*pairs)


if __name__ == "__main__":
    main()
