"""Alignment: group the sentences of a story's articles that state the same fact.

1. Every kept sentence with enough words becomes a unit with its embedding and `SentenceFacts`.
2. Pairs from different articles whose embeddings are close enough to matter are scored by the
   fitted pair model (`features.same_fact`).
3. Average-link clustering: clusters merge along the strongest pairs while the mean score over
   all their cross-article pairs stays above the threshold, so two sentences that merely share
   names (high cosine, little else) do not chain unrelated facts together.
4. A long sentence that also states the fact of another cluster (it contains that cluster's core
   words and is close in meaning) is added to it as well: one sentence may support two claims.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np

from corroborate.claims.features import (
    THRESHOLD,
    SentenceFacts,
    facts_of_tokens,
    pair_features,
    same_fact,
)
from corroborate.nlp import Resources
from corroborate.records import Article, Paragraph, Sentence

CLAUSE_WORDS = 5  # a clause shorter than this stays with its neighbour
MIN_WORDS = 4  # shorter "sentences" are attributions, datelines and captions, not facts
# A cluster grows along pairs the model calls the same fact (>= THRESHOLD) while the mean over
# all its cross-article pairs stays above LINK_MEAN: lower than THRESHOLD, because the MSRP
# model asks for near-equivalence and a claim gathers looser wordings of one fact.
LINK_MEAN = 0.35
CANDIDATE_COSINE = 0.4  # below this the pair model never says "same fact" on MSRP
CONTAINED_SHARE = 0.6  # share of a cluster's core words a sentence must hold to join it
CONTAINED_COSINE = 0.45
CONTAINER_WORDS = 10  # only a sentence this long can state a second fact
# Reporting verbs say who spoke, not what the fact is.
_REPORTING = frozenset(
    "say tell add state note stress warn insist explain claim argue told said".split()
)


@dataclass(slots=True)
class Unit:
    """One sentence, or one clause of a sentence that joins clauses, taking part in alignment."""

    article: Article
    sentence: Sentence  # the clause's own span when the sentence was split
    facts: SentenceFacts
    whole: Sentence  # the full sentence


@dataclass(slots=True)
class Alignment:
    """Units, their vectors and pair scores, and the clusters (lists of unit indexes)."""

    units: list[Unit]
    vectors: np.ndarray
    scores: np.ndarray  # same-fact probability, 0 for pairs never scored
    clusters: list[list[int]]


def sentence_units(articles: list[Article], resources: Resources) -> list[Unit]:
    """The kept sentences with their facts, read from the run's cached spaCy parses."""
    units: list[Unit] = []
    for article in articles:
        if not article.sentences:
            continue
        docs = resources.paragraph_docs(article)
        for sentence in article.sentences:
            paragraph, doc = docs[sentence.paragraph]
            span = doc.char_span(
                sentence.start - paragraph.start,
                sentence.end - paragraph.start,
                alignment_mode="expand",
            )
            tokens = span if span is not None else doc[:]
            for clause in _clauses(tokens):
                facts = facts_of_tokens(clause)
                if facts.length >= MIN_WORDS and len(facts.lemmas) >= 2:
                    units.append(
                        Unit(
                            article, _clause_sentence(sentence, paragraph, clause), facts, sentence
                        )
                    )
    return units


def _clauses(span: Any) -> list[Any]:
    """The clauses of a sentence joined by a conjunction ("X was needed, but Y was not
    realistic, and Z"): each may state its own fact. Pieces too short to be a fact stay joined."""
    starts = {span.start}
    for token in span:
        if (
            token.dep_ == "conj"
            and token.pos_ in {"VERB", "AUX"}
            and token.head.pos_ in {"VERB", "AUX"}
        ):
            joined = [c.i for c in token.head.children if c.dep_ == "cc" and c.i < token.i]
            starts.add(min([token.left_edge.i, *joined[-1:]]))
    bounds = sorted(i for i in starts if span.start <= i < span.end)
    pieces = [span.doc[a:b] for a, b in zip(bounds, [*bounds[1:], span.end], strict=True)]
    merged: list[Any] = []
    for piece in pieces:
        if merged and (_words(piece) < CLAUSE_WORDS or _words(merged[-1]) < CLAUSE_WORDS):
            merged[-1] = span.doc[merged[-1].start : piece.end]
        else:
            merged.append(piece)
    return merged


def _words(span: Any) -> int:
    return sum(1 for token in span if not token.is_punct)


def _clause_sentence(sentence: Sentence, paragraph: Paragraph, clause: Any) -> Sentence:
    """The clause as a span of the article (the sentence itself when it was not split)."""
    start = paragraph.start + clause.start_char
    end = paragraph.start + clause.end_char
    if start <= sentence.start and end >= sentence.end:
        return sentence
    start, end = max(start, sentence.start), min(end, sentence.end)
    text = sentence.text[start - sentence.start : end - sentence.start].strip(" ,;–—")
    start = sentence.text.find(text, start - sentence.start) + sentence.start
    return Sentence(
        sentence.article, sentence.index, start, start + len(text), text, sentence.paragraph
    )


def score_pairs(units: list[Unit], vectors: np.ndarray) -> np.ndarray:
    """Same-fact probabilities for candidate pairs of different articles."""
    n = len(units)
    scores = np.zeros((n, n), dtype=np.float64)
    if n < 2:
        return scores
    cosines = vectors @ vectors.T
    article_index: dict[str, int] = {}
    owner = np.array([article_index.setdefault(u.article.id, len(article_index)) for u in units])
    candidate = (cosines >= CANDIDATE_COSINE) & (owner[:, None] != owner[None, :])
    left, right = np.nonzero(np.triu(candidate, k=1))
    if len(left) == 0:
        return scores
    rows = [
        pair_features(units[i].facts, units[j].facts, float(cosines[i, j]))
        for i, j in zip(left, right, strict=True)
    ]
    probabilities = same_fact(np.array(rows, dtype=np.float64))
    # Sentences that share only names (no other content word) never state the same fact here.
    for k, (i, j) in enumerate(zip(left, right, strict=True)):
        a, b = units[i].facts, units[j].facts
        if not (a.lemmas - a.entities) & (b.lemmas - b.entities):
            probabilities[k] = 0.0
    scores[left, right] = probabilities
    scores[right, left] = probabilities
    return scores


def cluster_units(units: list[Unit], scores: np.ndarray) -> list[list[int]]:
    """Average-link clusters: merge along strong pairs while the mean cross score holds."""
    members: dict[int, list[int]] = {i: [i] for i in range(len(units))}
    root = list(range(len(units)))
    left, right = np.nonzero(np.triu(scores >= THRESHOLD, k=1))
    order = np.argsort(-scores[left, right], kind="stable")
    for k in order:
        a, b = root[int(left[k])], root[int(right[k])]
        if a == b or _mean_cross(units, scores, members[a], members[b]) < LINK_MEAN:
            continue
        members[a].extend(members.pop(b))
        for index in members[a]:
            root[index] = a
    return sorted(members.values(), key=lambda c: min(c))


def _mean_cross(units: list[Unit], scores: np.ndarray, a: list[int], b: list[int]) -> float:
    """Mean score over the cross pairs from different articles (same-article pairs say nothing)."""
    block = scores[np.ix_(a, b)]
    owners_a = np.array([units[i].article.id for i in a])[:, None]
    owners_b = np.array([units[i].article.id for i in b])[None, :]
    mask = owners_a != owners_b
    return float(block[mask].mean()) if mask.any() else 0.0


def add_contained(alignment: Alignment) -> None:
    """Add a sentence to another cluster whose fact it also states (two facts, one sentence)."""
    units, clusters = alignment.units, alignment.clusters
    cosines = alignment.vectors @ alignment.vectors.T
    for cluster in [c for c in clusters if len(c) >= 2]:
        core = _core_words(units, cluster)
        if len(core) < 2:
            continue
        present = {units[i].article.id for i in cluster}
        for index, unit in enumerate(units):
            if unit.article.id in present or unit.facts.length < CONTAINER_WORDS:
                continue
            held = len(core & (unit.facts.lemmas | unit.facts.prefixed))
            if (
                held >= 2
                and held >= CONTAINED_SHARE * len(core)
                and cosines[index, cluster].mean() >= CONTAINED_COSINE
            ):
                cluster.append(index)
                present.add(unit.article.id)


def _core_words(units: list[Unit], cluster: list[int]) -> frozenset[str]:
    """Lemmas that most of a cluster's articles use for its fact, names and "said" left out:
    sharing only names is not stating the same fact."""
    counts: Counter[str] = Counter()
    articles: dict[str, set[str]] = {}
    for index in cluster:
        facts = units[index].facts
        words = (facts.lemmas | facts.prefixed) - facts.entities - _REPORTING
        articles.setdefault(units[index].article.id, set()).update(words)
    for lemmas in articles.values():
        counts.update(lemmas)
    needed = max(2, -(-3 * len(articles) // 4))
    return frozenset(word for word, count in counts.items() if count >= needed)


def align_units(articles: list[Article], resources: Resources) -> Alignment:
    """Units, pair scores and clusters for one story's articles."""
    units = sentence_units(articles, resources)
    if units:
        vectors = resources.embedder().embed([u.sentence.text for u in units])
    else:
        vectors = np.zeros((0, 384), dtype=np.float32)
    scores = score_pairs(units, vectors)
    alignment = Alignment(units, vectors, scores, cluster_units(units, scores))
    add_contained(alignment)
    return alignment
