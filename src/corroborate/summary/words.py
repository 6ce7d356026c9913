"""Which of a story's words a neutral roundup of it would use: one logistic model per word.

A roundup writer keeps the words the story is about (those most independent sources use, early,
and in their headlines) and words roundups use anyway, and leaves out what only one outlet says
in passing. Each distinct word of the story (lower-cased, lightly stemmed, stop words included:
ROUGE counts them too) gets the features in `WORD_FEATURES`, and a logistic model turns them into
the chance that the roundup uses it. `prior` is a learned lexicon: the log-odds, over the NeuS
*train* stories, that a word an outlet used appears in the story's roundup (`word_prior.tsv`,
words seen in at least `PRIOR_MIN_STORIES` stories; others get the overall rate). Both the
lexicon and the coefficients are fitted on train only (`bench/bench_summary.py --fit`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from spacy.lang.en.stop_words import STOP_WORDS

_TOKEN = re.compile(r"[a-z0-9]+")  # words as ROUGE counts them
_STOP = frozenset(STOP_WORDS)
PRIOR_FILE = Path(__file__).with_name("word_prior.tsv")
PRIOR_MIN_STORIES = 5  # a word seen in fewer train stories gets the overall rate
PRIOR_SMOOTHING = 2.0  # pseudo-stories at the overall rate added to each word's counts
DENSE_CELLS = 200_000  # sentences x distinct words up to which counts are a numpy array

WORD_FEATURES = (
    "prior",  # the lexicon's log-odds that a roundup uses the word
    "source_share",  # share of the independent sources that use it
    "sentence_share",  # share of the story's sentences that hold it
    "title_share",  # share of the headlines that hold it
    "in_title",  # some headline holds it
    "earliest",  # 1 / sqrt(1 + the first sentence index it appears at)
    "in_lead",  # some article's first sentence holds it
    "lead_share",  # share of the sources whose first sentence holds it
    "log_count",  # log(1 + its count in the story)
    "stop",  # a stop word
    "digit",  # a number
    "one_source",  # only one source uses it
    "prior_x_sources",  # prior times source_share: a common word many use tells less
    "bias",
)


@lru_cache(maxsize=1 << 16)
def strip_suffix(word: str) -> str:
    """Plural, -ing and -ed endings off, so "strikes"/"strike" and "halted"/"halt" meet."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if len(word) > 5 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    """Words of a text as the word model counts them (stems cached across stories)."""
    return [strip_suffix(word) for word in _TOKEN.findall(text.lower())]


@dataclass(frozen=True, slots=True)
class Prior:
    """The lexicon: log-odds per word, and the rate for words it does not hold."""

    log_odds: Mapping[str, float]
    default: float

    def __call__(self, word: str) -> float:
        return self.log_odds.get(word, self.default)

    @staticmethod
    def from_counts(used: Counter[str], kept: Counter[str]) -> Prior:
        """From stories per word: `used` (some outlet used it), `kept` (and so did the roundup)."""
        # kept by no roundup or by every one: no log-odds at 0 or 1
        rate = min(max(sum(kept.values()) / max(sum(used.values()), 1), 1e-3), 1 - 1e-3)
        smooth = PRIOR_SMOOTHING
        odds = {
            word: math.log((kept[word] + smooth * rate) / (n - kept[word] + smooth * (1 - rate)))
            for word, n in used.items()
            if n >= PRIOR_MIN_STORIES
        }
        return Prior(odds, math.log(rate / (1 - rate)))

    def lines(self) -> list[str]:
        head = [f"# default\t{self.default:.3f}"]
        return head + [f"{w}\t{v:.3f}" for w, v in sorted(self.log_odds.items())]


@cache
def shipped_prior() -> Prior:
    """The lexicon shipped with the package (fitted on NeuS train)."""
    odds: dict[str, float] = {}
    default = 0.0
    for line in PRIOR_FILE.read_text(encoding="utf-8").splitlines():
        word, _, value = line.partition("\t")
        if word == "# default":
            default = float(value)
        elif word:
            odds[word] = float(value)
    return Prior(odds, default)


@dataclass(slots=True)
class WordTable:
    """A story's distinct words: their `WORD_FEATURES` rows and each sentence's counts of them."""

    vocabulary: list[str]
    table: np.ndarray  # one row of WORD_FEATURES per word
    counts: Any  # sentences x words, numpy or scipy CSR: how often each sentence uses each word


def word_table(
    words: Sequence[Sequence[str]],
    indexes: Sequence[int],
    source: Sequence[int],
    titles: Sequence[Sequence[str]],
    prior: Prior,
) -> WordTable:
    """The story's words and their features; `words` per sentence, with the sentence's index
    in its article and its independent source."""
    column: dict[str, int] = {}
    for sentence in words:
        for word in sentence:
            column.setdefault(word, len(column))
    vocabulary = list(column)
    lengths = [len(w) for w in words]
    ids = np.fromiter((column[w] for sentence in words for w in sentence), np.int64, sum(lengths))
    rows = np.repeat(np.arange(len(words)), lengths)  # each word use's sentence
    shape = (len(words), max(len(vocabulary), 1))
    index = np.asarray(indexes, dtype=np.int64)[rows]
    owner = np.asarray(source, dtype=np.int64)
    sources = int(owner.max()) + 1 if len(owner) else 1
    owner = owner[rows]
    # which sources use each word at all, and in an article's first sentence
    used = np.zeros((sources, shape[1]), dtype=bool)
    used[owner, ids] = True
    leads = np.zeros_like(used)
    leads[owner[index == 0], ids[index == 0]] = True
    earliest = np.full(shape[1], np.iinfo(np.int64).max)
    np.minimum.at(earliest, ids, index)
    counts = _counts(rows, ids, shape)
    in_sources = used.sum(axis=0)
    headlines = Counter(w for title in titles for w in set(title))
    lookup, default = prior.log_odds.get, prior.default
    odds = np.array([lookup(w, default) for w in vocabulary] or [0.0])
    share = in_sources / sources
    columns = {
        "prior": odds,
        "source_share": share,
        "sentence_share": _sentences_holding(counts) / max(len(words), 1),
        "title_share": np.array([headlines[w] for w in vocabulary] or [0]) / max(len(titles), 1),
        "earliest": 1 / np.sqrt(1 + earliest),
        "in_lead": (earliest == 0).astype(np.float64),
        "lead_share": leads.sum(axis=0) / sources,
        "log_count": np.log1p(np.bincount(ids, minlength=shape[1])),
        "stop": np.array([w in _STOP for w in vocabulary] or [False], dtype=np.float64),
        "digit": np.array([w[0].isdigit() for w in vocabulary] or [False], dtype=np.float64),
        "one_source": (in_sources == 1).astype(np.float64),
        "prior_x_sources": odds * share,
        "bias": np.ones(shape[1]),
    }
    columns["in_title"] = (columns["title_share"] > 0).astype(np.float64)
    table = np.column_stack([columns[name] for name in WORD_FEATURES])[: len(vocabulary)]
    return WordTable(vocabulary, table, counts)


def _counts(rows: np.ndarray, ids: np.ndarray, shape: tuple[int, int]) -> Any:
    """Sentences x words counts: a numpy array for a small story (scipy's per-call cost
    outweighs the work there), else a scipy CSR matrix."""
    if shape[0] * shape[1] <= DENSE_CELLS:
        table = np.zeros(shape)
        np.add.at(table, (rows, ids), 1.0)
        return table
    pointers = np.searchsorted(rows, np.arange(shape[0] + 1))
    counts = sparse.csr_matrix((np.ones(len(ids)), ids, pointers), shape=shape)
    counts.sum_duplicates()  # a word twice in a sentence: one entry counting 2
    return counts


def _sentences_holding(counts: Any) -> np.ndarray:
    """Per word: how many sentences use it (from the sentences x words counts)."""
    if isinstance(counts, np.ndarray):
        nonzero: np.ndarray = np.count_nonzero(counts, axis=0)
        return nonzero.astype(np.float64)
    # CSR with duplicates summed: one stored entry per sentence and word
    holding: np.ndarray = np.bincount(counts.indices, minlength=counts.shape[1])
    return holding.astype(np.float64)


def probabilities(table: np.ndarray, coefficients: Sequence[float]) -> np.ndarray:
    """The chance that the roundup uses each word: the logistic of the linear score."""
    return np.asarray(1 / (1 + np.exp(-(table @ np.asarray(coefficients)))))
