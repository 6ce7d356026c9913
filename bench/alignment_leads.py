"""Session-11 leads for the MSRP pair model, measured and not shipped
(`python bench/alignment_leads.py`; the session-4 leads are in bench/alignment_study.py).

Every figure is the mean accuracy of 5-fold cross-validation over three shufflings of MSRP rows
0-2999 (the fitting part), as `bench_alignment.py --cv` gives it for the shipped design; the
held-out rows 3000-4075 are never read. Each lead is fitted per fold like the shipped model (one
logistic regression over the standardised dense features and the per-word weights); a wide block
(a hundred columns or more) enters with its own scale, as the word weights do. The leads:

- content words aligned by meaning: `wordmeaning.word_vectors` for each content word (noun,
  verb, adjective, adverb, name, number; a shared lemma counts as a match of 1), then
  BERTScore-style precision / recall / F over content words, unmatched content words at 0.5,
  0.6, 0.7 (the larger and the smaller side, the larger share), unmatched nouns, verbs, numbers
  and entity words, the worst match and the gap in content-word counts. Session 12 built it
  into the package (branch msrp-s12-meaning: the aligner hands each unit's
  content-word vectors to `pair_features`, no second MiniLM pass) and refitted: `--cv` 0.7997
  against 0.7950, held-out 0.785 / F1 0.850 against 0.784 / 0.849 (did not move), one new false
  support on claim_support dev, +0.09 ms per pair: not shipped;
- unaligned runs: the longest run of consecutive word pieces left unaligned (an extra clause, "as
  she lay dead"), how many runs of three or more, at 0.4 / 0.5 / 0.6;
- numbers, negation, entities: numbers unmatched within rounding (2%), all matched; negation
  parity differs; `features.conflict`'s reason (negation, figures, actor); entity words in one
  sentence only;
- unmatched words by dependency relation and by part of speech (counts over both sides and the
  larger side);
- three-state word weights: a word in only one sentence weighs differently in the longer and the
  shorter one;
- MiniLM sentence vectors as |u - v| and u * v (768 columns);
- TF-KLD (Ji & Eisenstein, EMNLP 2013): word unigrams and bigrams weighted by the KL divergence
  of "in the other sentence too" between paraphrases and not, 100-dimensional SVD of the fold's
  sentences, [u + v, |u - v|].
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from _common import print_table
from _msrp import fitting_pairs
from alignment_study import Lemmas, study_inputs
from bench_alignment import (
    WORD_C,
    WORD_MIN_SENTENCES,
    WORD_SCALE,
    PairInputs,
)
from corroborate.claims.features import _close, conflict, facts_of_tokens
from corroborate.claims.wordmeaning import word_vectors

SEEDS = (0, 1, 2)
_CONTENT = frozenset({"NOUN", "VERB", "ADJ", "ADV", "PROPN", "NUM"})
# A block fitted with a scale: (fit rows, test rows) -> (fit block, test block).
Block = Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


def fit_predict(
    dense: np.ndarray,
    lemmas: Sequence[tuple[frozenset[str], frozenset[str]]],
    labels: np.ndarray,
    fit: np.ndarray,
    test: np.ndarray,
    block: tuple[np.ndarray, np.ndarray, float] | None = None,
) -> np.ndarray:
    """`bench_alignment.fit_model`'s regression (dense features, per-word indicators) with an
    optional extra block (fit rows, test rows, scale); the test rows' probabilities."""
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    mean, scale = dense[fit].mean(axis=0), dense[fit].std(axis=0) + 1e-9
    seen: Counter[str] = Counter(w for i in fit for side in lemmas[i] for w in side)
    column = {
        w: k for k, w in enumerate(sorted(w for w, n in seen.items() if n >= WORD_MIN_SENTENCES))
    }

    def indicators(rows_of: np.ndarray) -> Any:
        rows, cols = [], []
        for r, i in enumerate(rows_of):
            a, b = lemmas[i]
            for word in (a | b) & column.keys():
                rows.append(r)
                cols.append(2 * column[word] + (word in a and word in b))
        values = np.full(len(rows), WORD_SCALE)
        return sparse.csr_matrix((values, (rows, cols)), shape=(len(rows_of), 2 * len(column)))

    parts = []
    for rows_of in (fit, test):
        part = [sparse.csr_matrix((dense[rows_of] - mean) / scale), indicators(rows_of)]
        parts.append(part)
    if block is not None:
        fitted, tested, weight = block
        centre, spread = fitted.mean(axis=0), fitted.std(axis=0) + 1e-9
        parts[0].append(sparse.csr_matrix(weight * (fitted - centre) / spread))
        parts[1].append(sparse.csr_matrix(weight * (tested - centre) / spread))
    x_fit, x_test = (sparse.hstack(p).tocsr() for p in parts)
    model = LogisticRegression(C=WORD_C, max_iter=5000).fit(x_fit, labels[fit])
    return np.asarray(model.predict_proba(x_test)[:, 1])


def cv(
    dense: np.ndarray,
    lemmas: Sequence[tuple[frozenset[str], frozenset[str]]],
    labels: np.ndarray,
    block: Block | None = None,
    scale: float = 0.3,
) -> float:
    from sklearn.model_selection import KFold

    accuracy = []
    for seed in SEEDS:
        for fit, test in KFold(5, shuffle=True, random_state=seed).split(dense):
            extra = None if block is None else (*block(fit, test), scale)
            p = fit_predict(dense, lemmas, labels, fit, test, extra)
            accuracy.append(float(((p >= 0.5) == labels[test]).mean()))
    return float(np.mean(accuracy))


def content_alignment(inputs: PairInputs, pieces: list[list[tuple[int, int, int]]]) -> np.ndarray:
    n = inputs.pairs

    def words(i: int) -> tuple[np.ndarray, list[Any], list[str]]:
        spans, tokens, at = [], [], 0
        for token in inputs.docs[i]:
            if token.pos_ in _CONTENT and not token.is_stop and not token.is_punct:
                spans.append((at, at + len(token.text)))
                tokens.append(token)
            at += len(token.text_with_ws)
        return word_vectors(spans, inputs.tokens[i], pieces[i]), tokens, spans

    rows = []
    for i in range(n):
        (va, ta, _), (vb, tb, _) = words(i), words(n + i)
        if len(va) != len(ta) or len(vb) != len(tb) or not len(va) or not len(vb):
            rows.append([0.0] * 22)
            continue
        similarity = va @ vb.T
        for x, p in enumerate(ta):
            for z, q in enumerate(tb):
                if p.lemma_.lower() == q.lemma_.lower():
                    similarity[x, z] = 1.0
        best_a, best_b = similarity.max(axis=1), similarity.max(axis=0)
        precision, recall = float(best_a.mean()), float(best_b.mean())
        row = [min(precision, recall), max(precision, recall)]
        row.append(2 * precision * recall / max(1e-9, precision + recall))
        for threshold in (0.5, 0.6, 0.7):
            ca, cb = int((best_a < threshold).sum()), int((best_b < threshold).sum())
            row += [max(ca, cb), min(ca, cb), max(ca / len(best_a), cb / len(best_b))]
        kinds = []
        for best, tokens in ((best_a, ta), (best_b, tb)):
            missed = [t for s, t in zip(best, tokens, strict=True) if s < 0.6]
            kinds.append([
                sum(t.pos_ in {"NOUN", "PROPN"} for t in missed),
                sum(t.pos_ == "VERB" for t in missed),
                sum(t.like_num for t in missed),
                sum(bool(t.ent_type_) for t in missed),
            ])  # fmt: skip
        row += [*np.maximum(kinds[0], kinds[1]), *np.minimum(kinds[0], kinds[1])]
        row += [float(min(best_a.min(), best_b.min())), float(abs(len(best_a) - len(best_b)))]
        rows.append(row)
    return np.array(rows, dtype=np.float64)


def _longest(mask: np.ndarray) -> tuple[int, int]:
    """The longest run of True, and how many runs reach three."""
    best = current = runs = 0
    for value in mask.tolist():
        current = current + 1 if value else 0
        runs += current == 3
        best = max(best, current)
    return best, runs


def unaligned_runs(inputs: PairInputs) -> np.ndarray:
    n, rows = inputs.pairs, []
    for i in range(n):
        a, b = inputs.tokens[i], inputs.tokens[n + i]
        if not len(a) or not len(b):
            rows.append([0.0] * 12)
            continue
        similarity, row = a @ b.T, []
        for threshold in (0.4, 0.5, 0.6):
            ra, ca = _longest(similarity.max(axis=1) < threshold)
            rb, cb = _longest(similarity.max(axis=0) < threshold)
            row += [max(ra, rb), min(ra, rb), max(ca, cb), max(ra / len(a), rb / len(b))]
        rows.append(row)
    return np.array(rows, dtype=np.float64)


def numbers_negation_entities(inputs: PairInputs) -> np.ndarray:
    facts = [facts_of_tokens(doc) for doc in inputs.docs]
    n, rows = inputs.pairs, []
    for i in range(n):
        a, b = facts[i], facts[n + i]
        ua = sum(1 for x in a.numbers if not any(_close(x, z) for z in b.numbers))
        ub = sum(1 for x in b.numbers if not any(_close(x, z) for z in a.numbers))
        ea, eb = len(a.entities - b.entities), len(b.entities - a.entities)
        why = conflict(a, b)
        rows.append([
            max(ua, ub), min(ua, ub), float(bool(a.numbers and b.numbers) and ua + ub == 0),
            float(a.negations % 2 != b.negations % 2),
            float(why == "negation"), float(why == "figures"), float(why == "actor"),
            max(ea, eb), min(ea, eb),
        ])  # fmt: skip
    return np.array(rows, dtype=np.float64)


def relations_and_tags(inputs: PairInputs) -> np.ndarray:
    docs, n = inputs.docs, inputs.pairs
    deps = sorted({t.dep_ for doc in docs for t in doc})
    tags = sorted({t.pos_ for doc in docs for t in doc})

    def side(me: Any, other: Any) -> np.ndarray:
        shared = {t.lemma_.lower() for t in other}
        out = np.zeros(len(deps) + len(tags))
        for t in me:
            if not t.is_punct and t.lemma_.lower() not in shared:
                out[deps.index(t.dep_)] += 1
                out[len(deps) + tags.index(t.pos_)] += 1
        return out

    rows = []
    for i in range(n):
        a, b = side(docs[i], docs[n + i]), side(docs[n + i], docs[i])
        rows.append(np.concatenate([a + b, np.maximum(a, b)]))
    matrix = np.array(rows)
    return matrix[:, matrix.std(axis=0) > 0]


def three_states(lemmas: Lemmas, left: list[str], right: list[str]) -> Lemmas:
    """A word in only the longer sentence renamed ">word": it gets weights of its own."""
    out = []
    for (a, b), x, y in zip(lemmas, left, right, strict=True):
        a_longer = len(x.split()) >= len(y.split())
        longer, shorter = (a, b) if a_longer else (b, a)
        renamed = frozenset(w if w in shorter else ">" + w for w in longer)
        out.append((renamed, shorter) if a_longer else (shorter, renamed))
    return out


def tf_kld(left: list[str], right: list[str], labels: np.ndarray) -> Block:
    from scipy import sparse
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import CountVectorizer

    def block(fit: np.ndarray, test: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        counts = CountVectorizer(binary=True, ngram_range=(1, 2), min_df=2)
        counts.fit([left[i] for i in fit] + [right[i] for i in fit])
        a, b = counts.transform(left).tocsr(), counts.transform(right).tocsr()
        chances = []
        for label in (1, 0):
            rows = fit[labels[fit] == label]
            both = np.asarray(a[rows].multiply(b[rows]).sum(axis=0)).ravel()
            either = np.asarray((a[rows] + b[rows]).sum(axis=0)).ravel()
            chances.append(np.clip((2 * both + 0.5) / (either + 1.0), 1e-4, 1 - 1e-4))
        p, q = chances
        weights = p * np.log(p / q) + (1 - p) * np.log((1 - p) / (1 - q))
        a, b = a.multiply(weights).tocsr(), b.multiply(weights).tocsr()
        svd = TruncatedSVD(100, random_state=0).fit(sparse.vstack([a[fit], b[fit]]))
        u, v = svd.transform(a), svd.transform(b)
        latent = np.hstack([u + v, np.abs(u - v)])
        return latent[fit], latent[test]

    return block


def main() -> None:
    argparse.ArgumentParser(description=__doc__).parse_args()
    pairs = fitting_pairs()
    if pairs is None:
        return
    left, right, labels = pairs
    inputs, features, lemmas, embedder = study_inputs(left, right)
    dense = features[:, :-1]
    n = inputs.pairs
    u, v = inputs.vectors[:n], inputs.vectors[n:]
    pairs = np.hstack([np.abs(u - v), u * v])
    blocks = {
        "content words aligned by meaning": content_alignment(
            inputs, embedder.pieces(left + right)
        ),
        "unaligned runs": unaligned_runs(inputs),
        "numbers, negation, entities": numbers_negation_entities(inputs),
        "unmatched words by relation and part of speech": relations_and_tags(inputs),
    }
    rows = [("shipped design", cv(dense, lemmas, labels))]
    for name, extra in blocks.items():
        rows.append((f"+ {name}", cv(np.hstack([dense, extra]), lemmas, labels)))
    rows.append(("three-state word weights", cv(dense, three_states(lemmas, left, right), labels)))
    for scale in (0.1, 0.3):
        rows.append((
            f"+ |u - v|, u * v (scale {scale})",
            cv(dense, lemmas, labels, lambda f, t: (pairs[f], pairs[t]), scale),
        ))  # fmt: skip
    for scale in (0.15, 0.3):
        rows.append(
            (
                f"+ TF-KLD latent (scale {scale})",
                cv(dense, lemmas, labels, tf_kld(left, right, labels), scale),
            )
        )
    title = f"5-fold CV x {len(SEEDS)} shufflings, MSRP rows 0-{n - 1} (held-out rows unread)"
    print_table(title, ("lead", "CV accuracy"), rows)


if __name__ == "__main__":
    main()
