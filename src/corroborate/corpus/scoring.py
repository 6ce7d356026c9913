"""How an article and a story are scored: the join settings and the similarity of weighted
term vectors (the cosine, and the cosines of names, years, numbers and ordinary words on their
own). Shared by the incremental clusterer, its second look and re-clustering.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from corroborate.corpus.features import ENTITY_PREFIX, NUMBER_PREFIX, YEAR_PREFIX


@dataclass(slots=True, frozen=True, kw_only=True)
class ClusterSettings:
    """Thresholds of the join decision; defaults were fitted on ECB+ topics 1-10."""

    join_threshold: float = 0.18  # similarity to the story centroid needed to join
    strong_threshold: float = 0.5  # above this, shared names are not required
    min_shared_names: int = 1
    # An article joins a story only if their ordinary words agree this much too (the cosine of
    # the words alone): many stories about one person or body share its names ("Pelosi",
    # "Supreme Court"), and one event's articles share what happened. Fitted on NeuS train
    # (800 stories, ingest B-cubed F1 0.552 with no minimum; 0.609 / 0.621 / 0.614 at 0.10 /
    # 0.15 / 0.20); ECB+ topics 1-10 ingest 0.944 -> 0.945 (0.927 at 0.20). Session 7, with
    # the second look's small-story rules: 0.20 gives NeuS train (3 orders) 0.724 either way
    # (precision 0.835 against 0.801) and keeps a courthouse story of topics 1-10 from taking
    # in one of another topic on "Superior Court", "County", "Deputy" (2 of 3 orders), but
    # topics 1-10 ingested alone lose recall to it in four events (F1 0.944 -> 0.921, 3
    # orders): one case against several, so 0.15 stays.
    min_word_agreement: float = 0.15
    # The same test when a small story's articles join a larger one, and between the
    # centroids of two stories that merge (the second look after each batch). NeuS wants
    # 0.15 for the small stories too (ingest 0.621 -> 0.702), but ECB+ topics 1-10
    # then keep one event's stray pieces apart (ingest 0.945 -> 0.924): 0.05 keeps those
    # (0.945) and gives NeuS 0.661. Re-clustering asks neither (see `recluster`).
    move_word_agreement: float = 0.05
    # A small story's article joins a larger story on `move_word_agreement` only with
    # evidence: `evidence_terms` of its names, years and numbers in the story (who, where,
    # when, how many); else its words must agree `small_word_agreement`. (The one pass and
    # the end-of-run look ask the same of an article with evidence: `words_needed`.) Fitted on NeuS
    # train (one pass at 0.20, 1 order: ingest 0.708 -> 0.725 at 0.10, 0.725 at 0.15) and
    # ECB+ topics 1-10 (0.947 unchanged at 0.10; 0.939 at 0.15, 0.925 at 0.20); with the
    # one pass at 0.15, NeuS train (3 orders) 0.708 -> 0.724 (precision 0.732 -> 0.801).
    small_word_agreement: float = 0.1
    evidence_terms: int = 12
    window_days: int = 120  # an article more than this far from a story's dates cannot join it
    entity_boost: float = 2.5
    year_boost: float = 2.0
    # The similarity is the cosine plus the cosines of each kind of term on its own, weighted
    # (a logistic regression on pairs of articles of ECB+ topics 1-10, scaled to the cosine's
    # weight: `bench/bench_clustering.py --fit-weights`): agreeing on the years, numbers and
    # names written counts beyond the cosine, sharing only ordinary words counts against, as
    # that is what twin events of one kind do.
    name_weight: float = 0.4
    year_weight: float = 0.44
    number_weight: float = 0.21
    word_weight: float = -0.56
    query_terms: int = 24  # the article's heaviest terms used to look up candidates
    candidates: int = 12  # candidate stories scored exactly
    posting_limit: int = 500  # most recent stories looked at per term
    story_terms: int = 160  # terms kept per story centroid
    # re-clustering. 0.45 (split) was best on ECB+ topics 1-10 (0.44-0.50 alike there: it
    # splits topic 10's two events, 0.42-0.45 alike) but split single events of topics 11-20
    # (held ingest F1 0.944 -> 0.909): one event's halves and two events overlap there.
    split_threshold: float = 0.4  # halves of a story less alike than this become two
    min_split_size: int = 2  # articles each half needs
    merge_threshold: float = 0.45  # stories whose centroids are this alike become one (> split)

    def __post_init__(self) -> None:
        if not 0 < self.join_threshold <= 1:
            raise ValueError(f"join_threshold must be in (0, 1], got {self.join_threshold}")
        for name in ("min_word_agreement", "move_word_agreement", "small_word_agreement"):
            if not 0 <= getattr(self, name) <= 1:
                raise ValueError(f"{name} must be in [0, 1], got {getattr(self, name)}")
        if self.window_days < 0:
            raise ValueError(f"window_days must be >= 0, got {self.window_days}")
        if self.merge_threshold <= self.split_threshold:  # else a merge undoes a split
            raise ValueError("merge_threshold must be above split_threshold")
        if 1 + sum(w for _, w in self.kind_weights()) <= 0:
            raise ValueError("the kind weights must leave the similarity a positive scale")

    def kind_weights(self) -> tuple[tuple[str, float], ...]:
        """(kind of term, weight of that kind's own cosine) for the similarity."""
        return (
            (ENTITY_PREFIX, self.name_weight),
            (YEAR_PREFIX, self.year_weight),
            (NUMBER_PREFIX, self.number_weight),
            (WORD_KIND, self.word_weight),
        )


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    norm = math.sqrt(sum(w * w for w in a.values()) * sum(w * w for w in b.values()))
    if not norm:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[t] for t, w in a.items() if t in b) / norm


WORD_KIND = "w"  # the kind of an ordinary word (names, years and numbers carry a prefix)


# A term's first character -> its kind, for names, years and numbers (`kind_of`, which hot
# loops inline as `KINDS.get(term[:1], WORD_KIND)`).
KINDS = {prefix: prefix for prefix in (ENTITY_PREFIX, YEAR_PREFIX, NUMBER_PREFIX)}


def kind_of(term: str) -> str:
    return KINDS.get(term[:1], WORD_KIND)


def kind_norms(vector: Mapping[str, float]) -> dict[str, float]:
    squares: defaultdict[str, float] = defaultdict(float)
    kinds = KINDS  # kind_of, inlined: this runs for every term of every vector compared
    for term, weight in vector.items():
        squares[kinds.get(term[:1], WORD_KIND)] += weight * weight
    return {kind: math.sqrt(total) for kind, total in squares.items()}


def combine(
    dot: float,
    norm: float,
    dots: Mapping[str, float],
    norms_a: Mapping[str, float],
    norms_b: Mapping[str, float],
    settings: ClusterSettings,
) -> float:
    """The cosine and the per-kind cosines, weighted, as fitted: a kind absent from either side
    adds 0 (so two identical vectors score 1 when they hold every kind of term)."""
    if not norm:
        return 0.0
    total, scale = dot / norm, 1.0
    for kind, weight in settings.kind_weights():
        scale += weight
        below = norms_a.get(kind, 0.0) * norms_b.get(kind, 0.0)
        if below:
            total += weight * dots.get(kind, 0.0) / below
    return total / scale


def similarity(a: Mapping[str, float], b: Mapping[str, float], settings: ClusterSettings) -> float:
    """How alike two weighted term vectors are (see `ClusterSettings`'s kind weights)."""
    if len(a) > len(b):
        a, b = b, a
    dots: defaultdict[str, float] = defaultdict(float)
    kinds = KINDS
    for term, weight in a.items():
        other = b.get(term)
        if other is not None:
            dots[kinds.get(term[:1], WORD_KIND)] += weight * other
    norms_a, norms_b = kind_norms(a), kind_norms(b)
    norm = math.sqrt(sum(n * n for n in norms_a.values()) * sum(n * n for n in norms_b.values()))
    return combine(sum(dots.values()), norm, dots, norms_a, norms_b, settings)


def word_cosine(
    words: Iterable[tuple[str, float]], other: Mapping[str, float], norm: float, other_norm: float
) -> float:
    """The cosine of two vectors' ordinary words (no names, years or numbers); 1 when the
    first has none (nothing to disagree on), 0 when only the other has none.

    `words` are the first's (term, weight) pairs, scaled so that `weight * other[term]` is
    the weighted product; `norm`, `other_norm` the word parts' lengths. The join passes the
    article's prepared weights and the story's raw counts, the second look prepared vectors:
    each what it holds, one definition.
    """
    if not norm:
        return 1.0
    if not other_norm:
        return 0.0
    return sum([w * other[t] for t, w in words if t in other]) / (norm * other_norm)


def joins(
    score: float,
    named: bool,
    words: Callable[[], float],
    settings: ClusterSettings,
    *,
    min_words: float,
    waive_names: bool,
) -> bool:
    """The join rule: whether an article scored against a story may join it.

    `score` is the similarity, `named` whether they share a name, `words()` the agreement of
    their ordinary words (`word_cosine`; asked last, and only when the rest holds). The one
    pass and the end-of-run look (`StoryClusterer.would_join`) ask `min_word_agreement` and
    waive the names above `strong_threshold`; a small story's articles joining a larger story
    in the second look (`BatchRefiner._weakest_join`) ask `small_word_agreement` and always a
    name. Both ask only `move_word_agreement` of an article with the event's details
    (`StoryClusterer.has_evidence`). The callers compute the figures over the shapes they
    hold (an article's prepared weights against a story's raw counts; two prepared vectors);
    the rule is this one. The time window is the caller's: the one pass scores only stories
    within it.
    """
    if score < settings.join_threshold:
        return False
    if not named and not (waive_names and score >= settings.strong_threshold):
        return False
    return words() >= min_words


def within_window(day: str, first: str, last: str, window_days: int) -> bool:
    """Whether the ISO date `day` is at most `window_days` before `first` or after `last`."""
    when = date.fromisoformat(day)
    before = (date.fromisoformat(first) - when).days
    after = (when - date.fromisoformat(last)).days
    return before <= window_days and after <= window_days


def spans_meet(
    first: tuple[str | None, str | None], second: tuple[str | None, str | None], window_days: int
) -> bool:
    """Whether two stories' date spans (first day, last day; ISO dates) come within
    `window_days` of each other: the join rule's time window, between two stories. A span
    without dates meets any (an undated article joins any story, as in the one pass)."""
    start, end = first
    other_start, other_end = second
    if not (start and end and other_start and other_end):
        return True
    gap_after = (date.fromisoformat(other_start) - date.fromisoformat(end)).days
    gap_before = (date.fromisoformat(start) - date.fromisoformat(other_end)).days
    return gap_after <= window_days and gap_before <= window_days
