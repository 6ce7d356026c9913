"""Incremental, explainable story clustering.

Each article joins the story it best matches or starts a new one. Candidates come from an
inverted index over the stories' key terms and names (a search engine's index: never all
pairs); the decision compares the article's weighted term vector with each candidate story's
centroid (a cosine, plus the cosines of names, years and numbers on their own, less that of
ordinary words: twin events of one kind share their vocabulary, not their details), asks for
shared names (two earthquakes share "quake", "magnitude" and "killed" but
not the place, so they stay two stories), and respects a time window. Every assignment keeps
its evidence: the score, the runner-up, the shared names and terms.

Story ids are derived from the article that founded the story, so they never change as the
story grows; re-clustering maps its new clusters onto the old ids by overlap.
"""

from __future__ import annotations

import hashlib
import math
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from corroborate.corpus.features import ENTITY_PREFIX, YEAR_PREFIX, ArticleFeatures
from corroborate.corpus.postings import drop_first, top_stories
from corroborate.corpus.scoring import (
    KINDS,
    WORD_KIND,
    ClusterSettings,
    combine,
    joins,
    kind_norms,
    within_window,
    word_cosine,
)

# Postings this long (or longer) after loading are searched by `_drop_sorted`.
ASCENDING_FROM = 32


@dataclass(slots=True)
class StoryState:
    """A story's centroid: summed term counts of its articles, and its date range."""

    id: str
    counts: dict[str, float] = field(default_factory=dict)
    size: int = 0
    first: str | None = None
    last: str | None = None
    title: str | None = None
    norm: float = 0.0  # cached length of the weighted centroid, for `generation`
    generation: int = -1
    kind_squares: dict[str, float] = field(default_factory=dict)  # its squares, per kind
    kind_norms: dict[str, float] = field(default_factory=dict)  # their roots, when known


@dataclass(slots=True)
class Assignment:
    """Which story an article joined, and why."""

    article: str
    story: str
    created: bool  # True when the article founded the story
    score: float  # similarity to the chosen story's centroid (0 for a new story)
    shared_names: list[str] = field(default_factory=list)
    shared_terms: list[str] = field(default_factory=list)
    runner_up: str | None = None
    runner_up_score: float = 0.0
    candidates: int = 0
    reason: str = ""


# The article's terms by kind, each with its weight times the term weight; its length per kind;
# its length.
_Prepared = tuple[dict[str, list[tuple[str, float]]], dict[str, float], float]


def story_id_for(founder: str) -> str:
    """The stable id of a story founded by article `founder`."""
    return "s-" + hashlib.sha1(founder.encode()).hexdigest()[:12]


class StoryClusterer:
    """Online story assignment over a stream of article features."""

    def __init__(self, settings: ClusterSettings | None = None) -> None:
        self.settings = settings or ClusterSettings()
        self.stories: dict[str, StoryState] = {}
        self.df: Counter[str] = Counter()
        self.documents = 0
        # The candidate index: term -> the numbers of the stories posted under it, 4 bytes an
        # entry (`_story_ids` gives a number's id). A list of the ids beside it cost 8 more
        # bytes an entry, for millions of entries at 100k articles.
        self._numbers: dict[str, array[int]] = {}
        self._story_number: dict[str, int] = {}
        self._story_ids: list[str] = []
        self._idf_cache: dict[str, float] = {}
        self._cached_documents = -1
        # term -> how many of its postings' first entries ascend (the stories loaded from the
        # store, numbered in loading order), for the long postings only: `_drop_sorted`
        self._ascending: dict[str, int] = {}
        self.generation = 0  # bumped whenever the term weights change

    # -- state -------------------------------------------------------------------------------
    def load(self, stories: Iterable[StoryState], df: Mapping[str, int], documents: int) -> None:
        """Restore the state saved by a previous run (the store keeps it)."""
        self.df.update(df)
        self.documents = documents
        fresh = not self._story_ids  # no story numbered yet: each loaded one gets the next
        postings, number_of = self._numbers, self._number
        for story in stories:
            self.stories[story.id] = story
            if not story.counts:
                continue
            number = number_of(story.id)
            for term in story.counts:  # the term's postings, with the story added
                posting = postings.get(term)
                if posting is None:
                    postings[term] = array("i", (number,))
                else:
                    posting.append(number)
        if fresh:  # each story numbered after the last, so each posting ascends
            self._ascending = {
                term: len(posting)
                for term, posting in postings.items()
                if len(posting) >= ASCENDING_FROM
            }

    def _number(self, story_id: str) -> int:
        number = self._story_number.get(story_id)
        if number is None:
            number = self._story_number[story_id] = len(self._story_ids)
            self._story_ids.append(story_id)
        return number

    def idf(self, term: str) -> float:
        """The term's weight: inverse document frequency, names and years boosted.

        Cached, and the cache renewed once the corpus has grown by 25% (always below 100
        documents): weights then move too little to matter, and scoring a candidate story
        costs one look-up per term instead of a logarithm, its centroid's length once.
        """
        if self.documents == self._cached_documents:  # `_idf_table`'s check, inlined: the
            value = self._idf_cache.get(term)  # second look calls this for every term
        else:
            value = self._idf_table().get(term)
        return self._new_idf(term) if value is None else value

    def _idf_table(self) -> dict[str, float]:
        """The cache of term weights, renewed first when due (as every `idf` call checks).

        Loops over many terms take it once and look terms up themselves (`_new_idf` for the
        missing ones): the corpus does not grow inside a loop, so it is the same check.
        """
        if self.documents != self._cached_documents and (
            self.documents < 100 or self.documents > self._cached_documents * 1.25
        ):
            self._idf_cache.clear()
            self._cached_documents = self.documents
            self.generation += 1
        return self._idf_cache

    def _new_idf(self, term: str) -> float:
        value = math.log((self.documents + 1) / (self.df.get(term, 0) + 1)) + 1.0
        if term.startswith(ENTITY_PREFIX):
            value *= self.settings.entity_boost
        elif term.startswith(YEAR_PREFIX):
            value *= self.settings.year_boost
        self._idf_cache[term] = value
        return value

    # -- the decision ----------------------------------------------------------------------
    def assign(self, features: ArticleFeatures) -> Assignment:
        """Put the article in its best story (or a new one) and update the state."""
        self.documents += 1
        self.df.update(features.terms.keys())
        vector = self.weigh(features.terms)
        prepared = self._prepare(vector)
        scored = self.score_candidates(vector, features.published, prepared)
        best = self._choose(vector, scored, prepared)
        if best is None:
            story = self._create(features)
            assignment = Assignment(
                features.article,
                story.id,
                True,
                0.0,
                candidates=len(scored),
                reason=self._why_new(vector, scored),
            )
            if scored:
                assignment.runner_up, assignment.runner_up_score = scored[0][1], scored[0][0]
        else:
            score, story_id = best
            assignment = self._explain(features.article, vector, story_id, score, scored)
        self.add(self.stories[assignment.story], features)
        return assignment

    def join(self, features: ArticleFeatures, story_id: str, reason: str) -> Assignment:
        """Put the article in a story decided elsewhere (a copy joins its origin's story)."""
        self.documents += 1
        self.df.update(features.terms.keys())
        if story_id not in self.stories:
            return self.assign_new(features, reason)
        vector = self.weigh(features.terms)
        assignment = self._explain(
            features.article, vector, story_id, self._cosine(vector, self.stories[story_id]), []
        )
        assignment.reason = reason
        self.add(self.stories[story_id], features)
        return assignment

    def assign_new(self, features: ArticleFeatures, reason: str) -> Assignment:
        story = self._create(features)
        self.add(story, features)
        return Assignment(features.article, story.id, True, 0.0, reason=reason)

    def explain_member(self, features: ArticleFeatures, story_id: str) -> Assignment:
        """The evidence that ties an article to a story it is already counted in."""
        vector = self.weigh(features.terms)
        score = self._cosine(vector, self.stories[story_id])
        return self._explain(features.article, vector, story_id, score, [])

    def weighted(self, counts: Mapping[str, float]) -> dict[str, float]:
        """Each term's count times its weight: `{t: c * self.idf(t)}`, the same floats, with
        the weights' cache checked once for all the terms instead of once a term."""
        table = self._idf_table() if counts else self._idf_cache
        new = self._new_idf
        return {
            t: c * (w if (w := table.get(t)) is not None else new(t)) for t, c in counts.items()
        }

    def weigh(self, terms: Mapping[str, float]) -> dict[str, float]:
        table = self._idf_table() if terms else self._idf_cache
        new = self._new_idf
        weights = {t: tf * (table.get(t) or new(t)) for t, tf in terms.items()}
        norm = math.sqrt(sum([w * w for w in weights.values()])) or 1.0
        return {t: w / norm for t, w in weights.items()}

    def score_candidates(
        self, vector: dict[str, float], published: str | None, prepared: _Prepared | None = None
    ) -> list[tuple[float, str]]:
        """Exact similarity for the stories that share the most weight with the article
        (`prepared` is `_prepare(vector)`, when the caller has it)."""
        heaviest = sorted(vector.items(), key=lambda kv: -kv[1])[: self.settings.query_terms]
        scored = []
        prepared = prepared or self._prepare(vector)
        for story_id in self._top_stories(heaviest):
            story = self.stories[story_id]
            if not self.in_window(story, published):
                continue
            scored.append((self._cosine(vector, story, prepared), story_id))
        scored.sort(reverse=True)
        return scored

    def _top_stories(self, heaviest: list[tuple[str, float]]) -> list[str]:
        """The `candidates` stories that share the most weight with the article's heaviest
        terms (the last `posting_limit` stories of each term's postings), in that order.

        Ties go to the story met first in the postings read. A merged story's stale postings
        (terms pruned from its centroid) stay behind and are skipped.
        """
        settings = self.settings
        return top_stories(
            self._numbers,
            self._story_ids,
            self.stories,
            heaviest,
            settings.posting_limit,
            settings.candidates,
        )

    def _prepare(self, vector: Mapping[str, float]) -> _Prepared:
        """The vector times the term weights, by kind of term, and its length per kind."""
        scaled: defaultdict[str, list[tuple[str, float]]] = defaultdict(list)
        table = self._idf_table() if vector else self._idf_cache
        new, kinds = self._new_idf, KINDS
        for t, w in vector.items():
            scaled[kinds.get(t[:1], WORD_KIND)].append((t, w * (table.get(t) or new(t))))
        norms = kind_norms(vector)
        return dict(scaled), norms, math.sqrt(sum(n * n for n in norms.values()))

    def _cosine(
        self,
        vector: Mapping[str, float],
        story: StoryState,
        prepared: _Prepared | None = None,
    ) -> float:
        """Similarity of the (normalised) article vector and the story's weighted centroid.

        `prepared` is `_prepare(vector)`, when the caller scores many stories.
        """
        table = self._idf_table()  # renewed (and the generation) when the corpus has grown
        if story.generation != self.generation or not story.norm:
            squares: defaultdict[str, float] = defaultdict(float)
            kinds, new = KINDS, self._new_idf
            for t, c in story.counts.items():
                value = c * (table.get(t) or new(t))
                squares[kinds.get(t[:1], WORD_KIND)] += value * value
            story.kind_squares = dict(squares)
            story.norm = math.sqrt(sum(squares.values())) or 1.0
            story.generation = self.generation
            story.kind_norms = {}
        scaled, norms, length = prepared or self._prepare(vector)
        counts = story.counts
        dots = {
            kind: sum([w * counts[t] for t, w in terms if t in counts])
            for kind, terms in scaled.items()
        }
        story_norms = story.kind_norms
        if not story_norms:  # emptied whenever `kind_squares` changes
            story_norms = story.kind_norms = {
                k: math.sqrt(v) for k, v in story.kind_squares.items()
            }
        return combine(
            sum(dots.values()), length * story.norm, dots, norms, story_norms, self.settings
        )

    def would_join(
        self,
        vector: Mapping[str, float],
        story_id: str,
        score: float,
        prepared: _Prepared | None = None,
    ) -> bool:
        """The join rule (`scoring.joins`): the threshold, shared names unless the score is
        strong, the words' agreement at `min_word_agreement`."""
        settings = self.settings
        if score < settings.join_threshold:
            return False  # (`joins` asks it first too: this spares the names' look-up)
        story = self.stories[story_id]
        return joins(
            score,
            len(self._shared(vector, story, names=True)) >= settings.min_shared_names,
            lambda: self.word_agreement(vector, story, prepared),
            settings,
            min_words=self.words_needed(vector, story),
            waive_names=True,
        )

    def words_needed(self, vector: Mapping[str, float], story: StoryState) -> float:
        """How much the article's ordinary words must agree with the story's to join it:
        `min_word_agreement`, or `move_word_agreement` with the event's details
        (`has_evidence`), as a small story's articles join a larger one in the second look.

        One event told from another side (the commuters of a bridge collapse, not its
        engineers) shares who, where and when, not what the sentences say. Of the joins the
        words' test refused to an article with the details, 69 of 76 were its own event on
        ECB+ topics 1-10 (5 orders), 9 of 45 on NeuS train's short excerpts (session 10).
        With this rule: topics 1-10 one pass B-cubed F1 0.848 -> 0.879 (recall 0.826 ->
        0.892; 10 orders), ingest 0.949 -> 0.948 (its second look had joined most of them
        later); NeuS train ingest 0.724 either way (3 orders; precision 0.797 -> 0.794).
        """
        settings = self.settings
        if self.has_evidence(vector, story):
            return settings.move_word_agreement
        return settings.min_word_agreement

    def has_evidence(self, vector: Mapping[str, float], story: StoryState) -> bool:
        """Whether the article shares `evidence_terms` of its names, years and numbers with
        the story: who, where, when and how many tell two events of one kind apart, not
        the words of what happened (an invented twin ferry fire shares 37 terms with the
        first, 28 of them words and 9 institutions' names)."""
        counts, kinds = story.counts, KINDS
        shared = sum(1 for t in vector if t[:1] in kinds and t in counts)
        return shared >= self.settings.evidence_terms

    def word_agreement(
        self, vector: Mapping[str, float], story: StoryState, prepared: _Prepared | None = None
    ) -> float:
        """`word_cosine` of the article (any scale) and the story's weighted centroid;
        `prepared` is `_prepare(vector)`, when the caller has it."""
        if story.generation != self.generation or not story.kind_norms:
            self._cosine(vector, story, prepared)  # renews the story's lengths per kind
        scaled, norms, _ = prepared or self._prepare(vector)
        return word_cosine(
            scaled.get(WORD_KIND, ()),
            story.counts,
            norms.get(WORD_KIND, 0.0),
            story.kind_norms.get(WORD_KIND, 0.0),
        )

    def _choose(
        self, vector: Mapping[str, float], scored: list[tuple[float, str]], prepared: _Prepared
    ) -> tuple[float, str] | None:
        for score, story_id in scored:
            if score < self.settings.join_threshold:
                return None
            if self.would_join(vector, story_id, score, prepared):
                return score, story_id
        return None

    def in_window(self, story: StoryState, published: str | None) -> bool:
        """Whether an article of that date falls within the story's time window (an undated
        article or story always does)."""
        if not published or not story.first or not story.last:
            return True
        return within_window(published, story.first, story.last, self.settings.window_days)

    def _shared(self, vector: Mapping[str, float], story: StoryState, *, names: bool) -> list[str]:
        shared = [t for t in vector if t in story.counts and t.startswith(ENTITY_PREFIX) == names]
        shared.sort(key=lambda t: -vector[t])
        return shared

    # -- evidence ----------------------------------------------------------------------------
    def _explain(
        self,
        article: str,
        vector: Mapping[str, float],
        story_id: str,
        score: float,
        scored: list[tuple[float, str]],
    ) -> Assignment:
        story = self.stories[story_id]
        others = [(s, sid) for s, sid in scored if sid != story_id]
        names = self._shared(vector, story, names=True)
        terms = self._shared(vector, story, names=False)
        return Assignment(
            article=article,
            story=story_id,
            created=False,
            score=round(score, 4),
            shared_names=[n.removeprefix(ENTITY_PREFIX) for n in names[:10]],
            shared_terms=terms[:10],
            runner_up=others[0][1] if others else None,
            runner_up_score=round(others[0][0], 4) if others else 0.0,
            candidates=len(scored),
            reason=f"similarity {score:.2f} >= {self.settings.join_threshold}, "
            f"{len(names)} shared names",
        )

    def _why_new(self, vector: Mapping[str, float], scored: list[tuple[float, str]]) -> str:
        settings = self.settings
        if not scored:
            return "no candidate story shares its key terms within the time window"
        best, story_id = scored[0]
        if best < settings.join_threshold:
            return f"best candidate similarity {best:.2f} < {settings.join_threshold}"
        story = self.stories[story_id]
        words, needed = self.word_agreement(vector, story), self.words_needed(vector, story)
        if words < needed:
            return (
                f"best candidate (similarity {best:.2f}) shares too few of its ordinary words "
                f"({words:.2f} < {needed})"
            )
        return "candidates above the threshold share no names with it"

    # -- updates -----------------------------------------------------------------------------
    def posted(self, term: str) -> list[str]:
        """The stories whose centroids hold `term`, oldest first (the candidate index)."""
        return [self._story_ids[number] for number in self._numbers.get(term, ())]

    def posted_numbers(self, term: str) -> array[int]:
        """`posted(term)` as story numbers (for numpy; `story_at` gives a number's id)."""
        return self._numbers.get(term) or array("i")

    def story_at(self, number: int) -> str:
        return self._story_ids[number]

    def number_of(self, story_id: str) -> int:
        """The story's number: stories loaded or founded earlier have lower ones."""
        return self._number(story_id)

    def remove_story(self, story_id: str) -> StoryState:
        """Take a story out (merged into another, or to be rebuilt), its postings with it."""
        story = self.stories.pop(story_id)
        number = self._number(story_id)
        postings, ascending = self._numbers, self._ascending
        for term in story.counts:
            posting = postings.get(term)
            if posting is None:
                continue
            if term in ascending:
                dropped = self._drop_sorted(term, posting, number)
            else:
                dropped = drop_first(posting, number)
            if dropped and not posting:
                del postings[term]  # (its first posting went, as before)
                ascending.pop(term, None)
        return story

    def _drop_sorted(self, term: str, posting: array[int], number: int) -> bool:
        """`drop_first` for a posting whose first `_ascending[term]` entries ascend: a
        binary search there, then a scan of the entries appended since.

        A run into a large store removes many stories (small ones absorbed, stories
        rebuilt), and a scan of the longest postings made each removal cost in proportion
        to the store: at 100k synthetic articles, 13x the CPU of a removal at 10k.
        """
        ends = self._ascending[term]
        at = bisect_left(posting, number, 0, ends)
        if at < ends and posting[at] == number:
            del posting[at]
            self._ascending[term] = ends - 1
            return True
        return drop_first(posting, number, ends)

    def rebuild_story(self, story_id: str, members: Iterable[ArticleFeatures]) -> StoryState:
        """The story's centroid and dates again from exactly these member articles."""
        old = self.remove_story(story_id) if story_id in self.stories else None
        story = StoryState(id=story_id, title=old.title if old else None)
        self.stories[story_id] = story
        for item in members:
            self.add(story, item)
        return story

    def _create(self, features: ArticleFeatures) -> StoryState:
        story = StoryState(id=story_id_for(features.article), title=features.title)
        self.stories[story.id] = story
        return story

    def add(self, story: StoryState, features: ArticleFeatures) -> None:
        story.size += 1
        current = story.generation == self.generation and story.norm > 0
        squares = story.norm**2 if current else 0.0
        number = self._number(story.id)
        table = self._idf_table() if current and features.terms else self._idf_cache
        counts, kind_squares, new, kinds = story.counts, story.kind_squares, self._new_idf, KINDS
        postings = self._numbers
        for term, tf in features.terms.items():
            old = counts.get(term)
            if old is None:  # `_post`, inlined: about half the terms of an article are new
                posting = postings.get(term)
                if posting is None:
                    postings[term] = array("i", (number,))
                else:
                    posting.append(number)
                old = 0.0
            counts[term] = old + tf
            if current:  # keep the lengths up to date instead of summing all terms again
                change = ((old + tf) ** 2 - old**2) * (table.get(term) or new(term)) ** 2
                squares += change
                kind = kinds.get(term[:1], WORD_KIND)
                kind_squares[kind] = kind_squares.get(kind, 0.0) + change
        story.norm = math.sqrt(squares) if current else 0.0
        story.kind_norms = {}
        if len(story.counts) > 2 * self.settings.story_terms:
            kept = sorted(story.counts.items(), key=lambda kv: -kv[1])[: self.settings.story_terms]
            story.counts = dict(kept)
            story.norm = 0.0
        if features.published:
            story.first = min(story.first or features.published, features.published)
            story.last = max(story.last or features.published, features.published)
        if not story.title and features.title:
            story.title = features.title
