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
from functools import cache
from pathlib import Path

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

_TOKEN = re.compile(r"[a-z0-9]+")  # words as ROUGE counts them
_STOP = frozenset(STOP_WORDS)
PRIOR_FILE = Path(__file__).with_name("word_prior.tsv")
PRIOR_MIN_STORIES = 5  # a word seen in fewer train stories gets the overall rate
PRIOR_SMOOTHING = 2.0  # pseudo-stories at the overall rate added to each word's counts

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


class Tokens:
    """Words of a text as the word model counts them; stems cached across calls."""

    def __init__(self) -> None:
        self._stems: dict[str, str] = {}

    def __call__(self, text: str) -> list[str]:
        out = []
        for word in _TOKEN.findall(text.lower()):
            stem = self._stems.get(word)
            if stem is None:
                stem = self._stems[word] = strip_suffix(word)
            out.append(stem)
        return out


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
class _Seen:
    """Where in the story one word occurs."""

    sources: set[int]
    leads: set[int]
    sentences: int = 0
    count: int = 0
    earliest: int = 1 << 30


def word_table(
    words: Sequence[Sequence[str]],
    indexes: Sequence[int],
    source: Sequence[int],
    titles: Sequence[Sequence[str]],
    prior: Prior,
) -> tuple[list[str], np.ndarray]:
    """The story's distinct words and one row of `WORD_FEATURES` each.

    `words` per sentence, with its index in its article and its independent source."""
    seen: dict[str, _Seen] = {}
    for tokens, index, owner in zip(words, indexes, source, strict=True):
        for word in tokens:
            entry = seen.get(word)
            if entry is None:
                entry = seen[word] = _Seen(set(), set())
            entry.count += 1
        for word in set(tokens):
            entry = seen[word]
            entry.sources.add(owner)
            entry.sentences += 1
            entry.earliest = min(entry.earliest, index)
            if index == 0:
                entry.leads.add(owner)
    headlines = Counter(w for title in titles for w in set(title))
    sources, sentences, heads = len(set(source)) or 1, max(len(words), 1), max(len(titles), 1)
    vocabulary = list(seen)
    table = np.empty((len(vocabulary), len(WORD_FEATURES)))
    for row, word in enumerate(vocabulary):
        entry, odds = seen[word], prior(word)
        share = len(entry.sources) / sources
        table[row] = (
            odds, share, entry.sentences / sentences, headlines[word] / heads,
            float(word in headlines), 1 / math.sqrt(1 + entry.earliest), float(entry.earliest == 0),
            len(entry.leads) / sources, math.log1p(entry.count), float(word in _STOP),
            float(word[0].isdigit()), float(len(entry.sources) == 1), odds * share, 1.0,
        )  # fmt: skip
    return vocabulary, table


def probabilities(table: np.ndarray, coefficients: Sequence[float]) -> np.ndarray:
    """The chance that the roundup uses each word: the logistic of the linear score."""
    return np.asarray(1 / (1 + np.exp(-(table @ np.asarray(coefficients)))))
