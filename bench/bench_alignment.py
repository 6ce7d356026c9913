"""Claim alignment on MSRP: does the aligner's pair decision match "same meaning"?

Data: ../shared/data/msrp/msr_paraphrase_train.txt (4,076 labelled news sentence pairs).
Split by position in the file: rows 0-2999 are the fitting part, rows 3000-4075 the held-out
part every figure is measured on. What is fitted on the fitting part, and nothing else:
- corroborate: its shipped model (src/corroborate/claims/pair_model.json, sha256 pinned in
  `pair_model.MODEL_SHA256`) is what `--fit` writes: one logistic regression on rows 0-2999 over
  the 62 dense pair features (`features.DENSE_FEATURES`: MiniLM cosine, lemma, entity, number
  and fuzzy overlaps, the same times the cosine, word-piece alignment from MiniLM's token
  vectors, word n-gram overlaps) and, per lemma seen in WORD_MIN_SENTENCES (20) or more of those
  rows' sentences, "in one sentence only" / "in both" indicators (a discriminative cousin of
  TF-KLD: which words matter when one sentence lacks them); the decision threshold is the 0.5
  the aligner uses. `--fit` first prints the 5-fold CV accuracy inside rows 0-2999 with and
  without the word weights, then refits, writes the model file, prints the checksum to pin and
  the refitted model's held-out figures, and stops. Feature sets, the model kind and WORD_C /
  WORD_SCALE / WORD_MIN_SENTENCES were chosen by 5-fold cross-validation inside rows 0-2999.
- TF-IDF cosine (word unigrams+bigrams, vocabulary from the fitting part): one threshold.
The row "corroborate_strict_or_loose" adds the clustering's looser second-pass link (cosine and
a shared content word, two when the pair model gives under 0.1 and the cosine is under 0.65;
thresholds set on the demo corpus and read on ECB+ dev stories, not on MSRP): more recall, less
precision, for information.
- MiniLM cosine (the same embeddings the aligner uses): one threshold.
`--quick` uses rows 0-299 to fit the peers' thresholds and rows 3000-3299 to measure, and
skips the speed figures (claims for a 20-article story, sentences embedded per second).
`--cv` is the development run: it parses rows 0-2999 only and prints the 5-fold CV accuracy
(three shufflings) of the shipped design, every part fitted per fold; the held-out rows are
never read, so it can be run as often as a change needs.
The leads that were measured and not shipped (idf-weighted piece alignment, content-word
alignment, dependency overlap, soft word weights, other learners) are re-run by
`python bench/alignment_study.py`, and session 11's (content words aligned by meaning,
unaligned runs, numbers / negation / entities, TF-KLD, ...) by `python bench/alignment_leads.py`;
both read rows 0-2999 only.
"""

from __future__ import annotations

import argparse
import hashlib
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np

from _common import file_hash, print_table, require_data, write_results
from _msrp import FIT_END, load_pairs
from corroborate.claims import align_claims
from corroborate.claims.align import loose_link
from corroborate.claims.features import (
    FEATURES,
    THRESHOLD,
    SentenceFacts,
    facts_of_tokens,
    pair_features,
    same_fact,
)
from corroborate.claims.pair_model import MODEL_FILE, PairModel, shipped_model
from corroborate.embed import token_vectors_of
from corroborate.nlp import Resources
from corroborate.records import Article, Paragraph
from corroborate.segment import segment_article

# Chosen by 5-fold CV inside rows 0-2999 (see the module docstring).
WORD_C = 0.3
WORD_SCALE = 0.5
WORD_MIN_SENTENCES = 20


@dataclass
class PairInputs:
    """What the features are computed from: per sentence (left sentences first, then right),
    its spaCy parse, sentence vector and word-piece vectors."""

    docs: list[Any]
    vectors: np.ndarray
    tokens: list[np.ndarray]

    @property
    def pairs(self) -> int:
        return len(self.docs) // 2


def parse_pairs(left: list[str], right: list[str], resources: Resources) -> PairInputs:
    docs = list(resources.spacy().pipe(left + right, batch_size=256))
    embedder = token_vectors_of(resources.embedder())
    if embedder is None:
        raise SystemExit("the alignment benchmark needs an embedder that gives token vectors")
    vectors, tokens = embedder.embed_tokens(left + right)
    return PairInputs(docs, vectors, tokens)


LooseInputs = list[tuple[SentenceFacts, SentenceFacts, float]]


def features_for(
    inputs: PairInputs,
) -> tuple[np.ndarray, LooseInputs, list[tuple[frozenset[str], frozenset[str]]]]:
    """Per pair: the dense pair features (the word-evidence column left at 0, see
    `with_words`), what the clustering's looser second-pass link reads (the two sentences'
    facts and their cosine), and the two lemma sets."""
    facts = [facts_of_tokens(doc) for doc in inputs.docs]
    n, vectors, tokens = inputs.pairs, inputs.vectors, inputs.tokens
    cosines = np.einsum("ij,ij->i", vectors[:n], vectors[n:])
    no_words = PairModel(np.zeros(len(FEATURES)), 0.0, {})
    rows = [
        pair_features(
            facts[i], facts[n + i], float(cosines[i]), (tokens[i], tokens[n + i]), no_words
        )
        for i in range(n)
    ]
    loose = [(facts[i], facts[n + i], float(cosines[i])) for i in range(n)]
    lemmas = [(facts[i].all_lemmas, facts[n + i].all_lemmas) for i in range(n)]
    return np.array(rows, dtype=np.float64), loose, lemmas


def with_words(
    features: np.ndarray, lemmas: list[tuple[frozenset[str], frozenset[str]]], model: PairModel
) -> np.ndarray:
    """The features with the word-evidence column filled in from `model`'s word weights."""
    out = features.copy()
    out[:, -1] = [model.evidence(a, b) for a, b in lemmas]
    return out


def best_threshold(scores: np.ndarray, labels: np.ndarray) -> float:
    candidates = np.unique(np.round(scores, 3))
    accuracy = [((scores >= t) == labels).mean() for t in candidates]
    return float(candidates[int(np.argmax(accuracy))])


def scores_of(predicted: np.ndarray, labels: np.ndarray) -> dict[str, float]:
    tp = float(((predicted == 1) & (labels == 1)).sum())
    precision = tp / max(1.0, float(predicted.sum()))
    recall = tp / max(1.0, float(labels.sum()))
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    return {"accuracy": float((predicted == labels).mean()), "f1": f1}


def tfidf_scores(left: list[str], right: list[str], fit_texts: list[str]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit(fit_texts)
    a, b = vectorizer.transform(left), vectorizer.transform(right)
    return np.asarray(a.multiply(b).sum(axis=1)).ravel()


def fit_model(
    features: np.ndarray, lemmas: list[tuple[frozenset[str], frozenset[str]]], labels: np.ndarray
) -> PairModel:
    """One logistic regression over the standardised dense features and, per lemma seen in at
    least WORD_MIN_SENTENCES sentences, "in one sentence only" / "in both" indicators (scaled by
    WORD_SCALE, which sets how much more strongly the word weights are regularised), folded back
    into raw-scale weights."""
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    dense = features[:, :-1]  # every column but the word evidence, which the words replace
    mean, scale = dense.mean(axis=0), dense.std(axis=0) + 1e-9
    seen: Counter[str] = Counter(w for pair in lemmas for side in pair for w in side)
    vocabulary = sorted(w for w, n in seen.items() if n >= WORD_MIN_SENTENCES)
    column = {w: k for k, w in enumerate(vocabulary)}
    rows, cols = [], []
    for r, (a, b) in enumerate(lemmas):
        for word in (a | b) & column.keys():
            rows.append(r)
            cols.append(2 * column[word] + (word in a and word in b))
    indicators = sparse.csr_matrix(
        (np.full(len(rows), WORD_SCALE), (rows, cols)), shape=(len(lemmas), 2 * len(vocabulary))
    )
    matrix = sparse.hstack([sparse.csr_matrix((dense - mean) / scale), indicators]).tocsr()
    model = LogisticRegression(C=WORD_C, max_iter=5000).fit(matrix, labels)
    coef = model.coef_[0]
    weights = np.append(coef[: len(mean)] / scale, 1.0)
    bias = float(model.intercept_[0] - (coef[: len(mean)] * mean / scale).sum())
    pairs = WORD_SCALE * coef[len(mean) :].reshape(-1, 2)
    words = {w: (float(pairs[k, 0]), float(pairs[k, 1])) for w, k in column.items()}
    return PairModel(weights, bias, words)


def cross_validate(
    features: np.ndarray,
    lemmas: list[tuple[frozenset[str], frozenset[str]]],
    labels: np.ndarray,
    folds: int = 5,
    seeds: tuple[int, ...] = (0,),
) -> float:
    """Mean accuracy of `fit_model` over shuffled folds of the fitting part (all fitted per fold,
    the word vocabulary and weights included), over one shuffling per seed."""
    from sklearn.model_selection import KFold

    accuracy = []
    for seed in seeds:
        for fit, test in KFold(folds, shuffle=True, random_state=seed).split(features):
            model = fit_model(features[fit], [lemmas[i] for i in fit], labels[fit])
            rows = with_words(features[test], [lemmas[i] for i in test], model)
            right = (same_fact(rows, model) >= THRESHOLD) == labels[test]
            accuracy.append(float(right.mean()))
    return float(np.mean(accuracy))


def story_of(
    left: list[str], right: list[str], articles: int = 20, size: int = 15
) -> list[Article]:
    """A 20-article story from MSRP pairs: each pair's two sentences go to two neighbouring
    articles, so there is real paraphrase to find across outlets."""
    texts: list[list[str]] = [[] for _ in range(articles)]
    pair = 0
    for k in range(articles):
        while len(texts[k]) < size:
            texts[k].append(left[pair])
            texts[(k + 1) % articles].append(right[pair])
            pair += 1
    story = []
    for k, sentences in enumerate(texts):
        text = "\n\n".join(sentences)
        spans, start = [], 0
        for sentence in sentences:
            spans.append(Paragraph(start, start + len(sentence)))
            start += len(sentence) + 2
        item = Article(id=f"speed-{k}", source=f"speed-{k}", text=text, paragraphs=spans)
        item.source_group = item.id
        story.append(segment_article(item))
    return story


def speed(left: list[str], right: list[str]) -> dict[str, float]:
    """Seconds for the claims of a 20-article story (parse, embed, align) and sentences/s.

    Models are loaded before the clock starts, and each figure gets fresh ones: the main run
    filled the embedder's cache, and the claims run fills it with the story's sentences."""
    story = story_of(left, right)
    resources = Resources()
    resources.spacy(), resources.embedder()
    started = time.perf_counter()
    align_claims(story, resources)
    claims_seconds = time.perf_counter() - started
    sentences = left[:1000]
    embedder = Resources().embedder()
    started = time.perf_counter()
    embedder.embed(sentences)
    embed_rate = len(sentences) / (time.perf_counter() - started)
    return {
        "claims_seconds_20_articles": claims_seconds,
        "sentences_embedded_per_second": embed_rate,
    }


def refit(
    features: np.ndarray,
    lemmas: list[tuple[frozenset[str], frozenset[str]]],
    labels: np.ndarray,
    n_fit: int,
    test_rows: list[int],
) -> None:
    """Fit on the fitting part, write the package's model file and say what to pin."""
    model = fit_model(features[:n_fit], lemmas[:n_fit], labels[:n_fit])
    notes = {
        "fitted": "bench/bench_alignment.py --fit: logistic regression, MSRP train rows 0-2999",
        "features": list(FEATURES),
        "word_c": WORD_C,
        "word_scale": WORD_SCALE,
        "word_min_sentences": WORD_MIN_SENTENCES,
    }
    MODEL_FILE.write_text(model.to_json(notes), encoding="utf-8")
    digest = hashlib.sha256(MODEL_FILE.read_bytes()).hexdigest()
    print(f"wrote {MODEL_FILE} ({len(model.words)} words); pin MODEL_SHA256 = {digest!r}")
    rows = with_words(features[n_fit:], lemmas[n_fit:], model)
    held_out = scores_of((same_fact(rows, model) >= THRESHOLD).astype(int), labels[test_rows])
    print(f"refitted model on the held-out rows: {held_out}")


def develop(left: list[str], right: list[str], labels: np.ndarray, resources: Resources) -> None:
    """The development figure: CV accuracy of the shipped model's design (dense features and
    word weights, all fitted per fold) inside the fitting rows, over three shufflings. Nothing
    is written and the held-out rows are never parsed."""
    features, _, lemmas = features_for(parse_pairs(left, right, resources))
    no_words = [(frozenset[str](), frozenset[str]())] * len(labels)
    seeds = (0, 1, 2)
    dense_cv = cross_validate(features, no_words, labels, seeds=seeds)
    words_cv = cross_validate(features, lemmas, labels, seeds=seeds)
    print(f"5-fold CV x {len(seeds)} shufflings, rows 0-{len(labels) - 1} (held-out unread):")
    print(f"  dense features only {dense_cv:.4f}; with the word weights {words_cv:.4f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small subset for CI")
    parser.add_argument(
        "--fit", action="store_true", help="5-fold CV, then refit and write the shipped model"
    )
    parser.add_argument(
        "--cv",
        action="store_true",
        help="5-fold CV x 3 shufflings inside rows 0-2999 only; the held-out rows are not read",
    )
    args = parser.parse_args()
    if sum((args.quick, args.fit, args.cv)) > 1:
        parser.error("--quick, --fit and --cv are separate runs: give one")
    path = require_data("alignment", "msrp", "msr_paraphrase_train.txt")
    if path is None:
        return
    left, right, labels = load_pairs(path)
    if args.cv:
        develop(left[:FIT_END], right[:FIT_END], labels[:FIT_END], resources=Resources())
        return
    fit_rows = range(0, 300) if args.quick else range(0, FIT_END)
    test_rows = range(FIT_END, 3300) if args.quick else range(FIT_END, len(labels))
    rows = list(fit_rows) + list(test_rows)
    resources = Resources()
    started = time.perf_counter()
    inputs = parse_pairs([left[i] for i in rows], [right[i] for i in rows], resources)
    features, loose, lemmas = features_for(inputs)
    feature_seconds = time.perf_counter() - started
    n_fit = len(fit_rows)
    fit_y, test_y = labels[list(fit_rows)], labels[list(test_rows)]
    if args.fit:
        no_words = [(frozenset[str](), frozenset[str]())] * n_fit
        dense_cv = cross_validate(features[:n_fit], no_words, fit_y)
        words_cv = cross_validate(features[:n_fit], lemmas[:n_fit], fit_y)
        print(f"5-fold CV accuracy on rows {fit_rows.start}-{fit_rows.stop - 1}:")
        print(f"  dense features only {dense_cv:.4f}; with the word weights {words_cv:.4f}")
        refit(features, lemmas, labels, n_fit, list(test_rows))
        return
    features = with_words(features, lemmas, shipped_model())
    fit_x, test_x = features[:n_fit], features[n_fit:]
    probabilities = same_fact(test_x)
    strict = probabilities >= THRESHOLD
    ours = scores_of(strict.astype(int), test_y)
    linked = [
        loose_link(a, b, cosine, float(p))
        for (a, b, cosine), p in zip(loose[n_fit:], probabilities, strict=True)
    ]
    peers = {}
    # What the clustering's second, looser pass would also link (not the reported decision).
    peers["corroborate_strict_or_loose"] = scores_of(
        (strict | np.array(linked)).astype(int), test_y
    )
    minilm_threshold = best_threshold(fit_x[:, 0], fit_y)
    peers["minilm_cosine"] = scores_of((test_x[:, 0] >= minilm_threshold).astype(int), test_y)
    fit_texts = [left[i] for i in fit_rows] + [right[i] for i in fit_rows]
    tfidf_fit = tfidf_scores([left[i] for i in fit_rows], [right[i] for i in fit_rows], fit_texts)
    tfidf_test = tfidf_scores(
        [left[i] for i in test_rows], [right[i] for i in test_rows], fit_texts
    )
    tfidf_threshold = best_threshold(tfidf_fit, fit_y)
    peers["tfidf_cosine"] = scores_of((tfidf_test >= tfidf_threshold).astype(int), test_y)
    majority = {"accuracy": float(max(test_y.mean(), 1 - test_y.mean())), "f1": 0.0}
    peers["majority_class"] = majority
    timing: dict[str, float] = {} if args.quick else speed(left[FIT_END:], right[FIT_END:])
    figures = {**ours, "pairs_per_second": len(rows) / feature_seconds, **timing}
    table = [("corroborate", ours["accuracy"], ours["f1"])]
    table += [(name, p["accuracy"], p["f1"]) for name, p in peers.items()]
    print_table(
        f"MSRP held-out rows {test_rows.start}-{test_rows.stop - 1}",
        ("method", "accuracy", "F1"),
        table,
    )
    print(f"features for {len(rows)} pairs (spaCy parse + MiniLM) in {feature_seconds:.1f} s")
    if timing:
        print(
            f"claims for a 20-article story (300 sentences): "
            f"{timing['claims_seconds_20_articles']:.1f} s; MiniLM: "
            f"{timing['sentences_embedded_per_second']:.0f} sentences/s (loaded 2-core machine)"
        )
    notes = [
        f"fit rows {fit_rows.start}-{fit_rows.stop - 1}, measured on rows "
        f"{test_rows.start}-{test_rows.stop - 1}",
        f"thresholds fitted: minilm {minilm_threshold:.3f}, tfidf {tfidf_threshold:.3f}",
        f"features: {', '.join(FEATURES)}",
    ]
    write_results(
        "alignment",
        figures,
        peers=peers,
        notes=notes,
        extra={"data": {"msrp": file_hash(path)}, "quick": args.quick},
    )


if __name__ == "__main__":
    main()
