"""What two sentences share: the signals behind "these state the same fact".

Each sentence is reduced once to `SentenceFacts` (content lemmas, named-entity words, numbers,
negation) from its spaCy parse; a pair of sentences then gives a handful of features beside the
embedding cosine. A logistic model over those features, fitted on the train part of the MSRP
paraphrase corpus by bench/bench_alignment.py (`--fit`), turns them into the probability that the
two sentences state the same fact. The aligner and the benchmark call the same `same_fact`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
from rapidfuzz import fuzz

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20",
    "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "half": "0.5",
}  # fmt: skip
_NEGATIONS = frozenset({"not", "no", "never", "n't", "neither", "nor", "none"})
_NEGATIVE_PREFIXES = ("un", "non", "in", "im", "ir", "il", "dis")
_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT"})

BASE_FEATURES = (
    "cosine",
    "lemma_jaccard",
    "lemma_containment",
    "bigram_dice",
    "entity_jaccard",
    "entity_clash",
    "number_clash",
    "number_shared",
    "length_ratio",
    "unshared_lemma_share",
    "length_gap",
    "token_set_ratio",
    "token_sort_ratio",
    "char_ratio",
    "word_jaccard",
    "unshared_fewer",
    "unshared_more",
)
# Each base feature again, times the cosine (and the cosine squared): lexical overlap means more
# when the meanings are close too.
FEATURES = BASE_FEATURES + tuple(f"cosine_x_{name}" for name in BASE_FEATURES)
# Fitted by `bench/bench_alignment.py --fit` on MSRP train rows 0-2999 (logistic regression,
# standardised features folded back into these raw-feature weights); see that script.
# Held-out rows 3000-4075: accuracy 0.761, F1 0.833.
# fmt: off
WEIGHTS = np.array([
    4.8263, 0.1752, -1.4411, 0.3798, -1.2721, -1.7624,
    -0.5360, 1.0819, -5.3733, -0.1752, 5.3733, -0.7892,
    2.0948, 5.9468, 5.3654, -0.0073, 0.2852, -1.3629,
    1.6440, -0.8308, -5.9915, 1.1116, 2.7529, -0.3671,
    -1.3743, 7.1475, 1.7545, -10.8210, -1.1845, 2.4228,
    -1.0037, 0.9267, -0.1968, -0.3144,
], dtype=np.float64)
# fmt: on
BIAS = -7.2004
THRESHOLD = 0.5


@dataclass(slots=True, frozen=True)
class SentenceFacts:
    """The parts of a sentence the alignment features compare."""

    lemmas: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    entities: frozenset[str]
    numbers: frozenset[str]
    negated: frozenset[str]  # content lemmas a negation applies to ("not realistic": realistic)
    length: int
    words: frozenset[str] = frozenset()
    prefixed: frozenset[str] = frozenset()  # "unrealistic" gives "realistic": negated if a word
    text: str = ""
    negations: int = 0  # negation words ("not", "never", "no")


def facts_of_tokens(tokens: Iterable[Any]) -> SentenceFacts:
    """Facts from spaCy tokens (a Span or Doc): lemmas, entity words, numbers, negation."""
    tokens = list(tokens)
    lemmas: set[str] = set()
    words: list[str] = []
    entities: set[str] = set()
    numbers: set[str] = set()
    negated: set[str] = set()
    prefixed: set[str] = set()
    for token in tokens:
        lower = token.lower_
        if token.is_punct or token.is_space:
            continue
        words.append(lower)
        if lower in _NEGATIONS or token.dep_ == "neg":
            negated.update(_negated_by(token))
        prefixed.update(
            lower[len(p) :]
            for p in _NEGATIVE_PREFIXES
            if lower.startswith(p) and token.pos_ in {"ADJ", "ADV"}
        )
        if token.ent_type_ in _ENTITY_LABELS and token.is_alpha:
            entities.add(lower)
        numbers.update(_numbers_in(lower))
        if token.is_alpha and not token.is_stop:
            lemmas.add(token.lemma_.lower())
    return SentenceFacts(
        lemmas=frozenset(lemmas),
        bigrams=frozenset(itertools.pairwise(words)),
        entities=frozenset(entities),
        numbers=frozenset(numbers),
        negated=frozenset(negated),
        length=len(words),
        words=frozenset(words),
        prefixed=frozenset(prefixed),
        negations=sum(1 for word in words if word in _NEGATIONS),
        text="".join(token.text_with_ws for token in tokens).strip(),
    )


def _negated_by(token: Any) -> set[str]:
    """The content lemmas a negation word applies to: its head, and a copula's complement."""
    head = token.head
    found = {head.lemma_.lower()} if not head.is_stop else set()
    for child in head.children:
        if child.dep_ in {"acomp", "attr"} and not child.is_stop:
            found.add(child.lemma_.lower())
    return found


def _numbers_in(word: str) -> list[str]:
    if word in _NUMBER_WORDS:
        return [_NUMBER_WORDS[word]]
    return [m.group().replace(",", "") for m in _NUMBER.finditer(word)]


def _jaccard(a: frozenset[Any], b: frozenset[Any]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _containment(a: frozenset[Any], b: frozenset[Any]) -> float:
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller else 0.0


def pair_features(a: SentenceFacts, b: SentenceFacts, cosine: float) -> list[float]:
    """The features of `FEATURES`, in order, for one pair."""
    both_entities = bool(a.entities) and bool(b.entities)
    both_numbers = bool(a.numbers) and bool(b.numbers)
    bigram_total = len(a.bigrams) + len(b.bigrams)
    only_a, only_b = len(a.lemmas - b.lemmas), len(b.lemmas - a.lemmas)
    base = [
        cosine,
        _jaccard(a.lemmas, b.lemmas),
        _containment(a.lemmas, b.lemmas),
        2 * len(a.bigrams & b.bigrams) / bigram_total if bigram_total else 0.0,
        _jaccard(a.entities, b.entities),
        1.0 if both_entities and not a.entities & b.entities else 0.0,
        1.0 if both_numbers and a.numbers != b.numbers else 0.0,
        1.0 if a.numbers & b.numbers else 0.0,
        min(a.length, b.length) / max(a.length, b.length, 1),
        (only_a + only_b) / max(1, len(a.lemmas | b.lemmas)),
        abs(a.length - b.length) / max(a.length, b.length, 1),
        fuzz.token_set_ratio(a.text, b.text) / 100,
        fuzz.token_sort_ratio(a.text, b.text) / 100,
        fuzz.ratio(a.text.lower(), b.text.lower()) / 100,
        _jaccard(a.words, b.words),
        float(min(only_a, only_b)),
        float(max(only_a, only_b)),
    ]
    return base + [cosine * value for value in base]


def same_fact(
    features: np.ndarray, weights: np.ndarray = WEIGHTS, bias: float = BIAS
) -> np.ndarray:
    """The probability that each row's pair states the same fact (rows of `pair_features`)."""
    logits: np.ndarray = features @ weights + bias
    return np.asarray(1.0 / (1.0 + np.exp(-logits)))


def conflict(a: SentenceFacts, b: SentenceFacts) -> str | None:
    """Why two sentences on the same fact disagree (negation or figures), or None.

    A negation conflicts when a word both use is negated in one only; "not realistic" and
    "unrealistic" agree, and "not enough" in one does not clash with a sentence without "enough".
    """
    vocab_a, vocab_b = a.lemmas | a.words, b.lemmas | b.words
    negated_a = a.negated | (a.prefixed & vocab_b)
    negated_b = b.negated | (b.prefixed & vocab_a)
    parity_a = a.negations + len(a.prefixed & vocab_b)
    parity_b = b.negations + len(b.prefixed & vocab_a)
    shared = (negated_a ^ negated_b) & (vocab_a | negated_a) & (vocab_b | negated_b)
    if parity_a % 2 != parity_b % 2 and shared:
        return "negation"
    if a.numbers and b.numbers and not any(_close(x, y) for x in a.numbers for y in b.numbers):
        return "figures"
    return None


def _close(x: str, y: str) -> bool:
    """The same figure, allowing rounding ("2.33" and "2.3")."""
    try:
        first, second = float(x), float(y)
    except ValueError:
        return x == y
    return abs(first - second) <= 0.02 * max(abs(first), abs(second), 1e-9)
