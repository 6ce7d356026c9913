"""A second look after each ingest batch: the re-clustering split and merge, on the stories
the batch touched only, with bounded work per batch (see `BatchRefiner`)."""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain

import numpy as np
import numpy.typing as npt

from corroborate.corpus.cluster import Assignment, StoryClusterer, StoryState, story_id_for
from corroborate.corpus.features import ENTITY_PREFIX, ArticleFeatures
from corroborate.corpus.recluster import (
    Vector,
    bisect_group,
    keep_copies_together,
    prepare_vector,
    similarity_less,
    vector_similarity,
)
from corroborate.corpus.scoring import WORD_KIND, joins, spans_meet, word_cosine
from corroborate.corpus.store import SqliteStore, features_of_row, load_terms


@dataclass(slots=True)
class Refinement:
    """What one batch's second look changed."""

    assignments: list[Assignment] = field(default_factory=list)  # moved articles, with evidence
    stories: list[StoryState] = field(default_factory=list)  # stories whose members changed
    removed: list[str] = field(default_factory=list)  # stories merged into another
    splits: int = 0
    merges: int = 0
    checked: dict[str, int] = field(default_factory=dict)  # stories bisected: size then


class BatchRefiner:
    """Splits and merges among the stories an ingest batch touched, as re-clustering would.

    The one-pass assignment cannot undo a decision: two events of one kind that met early share
    a story for good, and one event's first articles can found two stories. After each batch,
    every touched story is bisected (`bisect_group`, the re-clustering split) and compared with the
    stories its heaviest terms lead to (the re-clustering merge); then each neighbouring story
    of at most `small` articles whose articles would all join a touched story now joins the one
    they match best (`small` = 3 was best of 1, 2, 3, 5 on ECB+ topics 1-10; `growth` 1.25
    and 2 scored alike there; 1.5 costs less than 1.25). The work per batch
    is bounded: a story is bisected again only once it has grown by `growth` since its last
    check (so a story of n articles is checked O(log n) times, O(n) work in all), stories over
    `max_split` articles are not bisected, and each story is compared with at most
    `settings.candidates` neighbours from the term index. The sizes at the last check are
    kept in the store (`checked`, read from it unless given), so that a story bisected in an
    earlier run waits for the same growth: a run of new articles then bisects as it would
    within one long run.
    """

    def __init__(
        self,
        store: SqliteStore,
        clusterer: StoryClusterer,
        *,
        growth: float = 1.5,
        max_split: int = 400,
        small: int = 3,
        checked: dict[str, int] | None = None,
    ) -> None:
        self.store, self.clusterer = store, clusterer
        self.growth, self.max_split, self.small = growth, max_split, small
        # story id -> its size when last bisected, in this run or an earlier one
        self.checked = store.load_checks() if checked is None else checked
        # Stories numbered below this were loaded from the store (earlier runs): the
        # clusterer numbers the stories it loads first.
        self._loaded = len(clusterer.stories)
        self._members: dict[str, list[ArticleFeatures]] = {}  # stories read in this refinement
        self._joined: defaultdict[str, list[ArticleFeatures]] = defaultdict(list)
        self._vectors: dict[str, Vector] = {}  # weighted centroids, while they hold
        self._changed: set[str] = set()  # stories whose members changed
        self._emptied: set[str] = set()  # stories left without articles (end of a run)
        self._weighed: dict[str, tuple[dict[str, float], Vector]] = {}  # `_weigh`'s

    def refine(self, touched: Iterable[str]) -> Refinement:
        """Split, then merge, the touched stories; the clusterer's state follows."""
        self._reset()
        done, moves = Refinement(), _Moves()
        queue = [sid for sid in sorted(set(touched)) if sid in self.clusterer.stories]
        for story_id in list(queue):
            queue.extend(self._split(story_id, done, moves))
        for story_id in queue:
            if story_id in self.clusterer.stories:
                self._merge(story_id, done, moves)
        self._absorb([sid for sid in queue if sid in self.clusterer.stories], done, moves)
        self._finish(done, moves)
        return done

    def finish(self, run_id: int) -> None:
        """The end of an ingest run: each article the run stored looks again for its story.

        Its first decision was taken with the term weights and stories of its moment (early
        articles of a run meet few stories, and weights that later change); now, with the
        run's final statistics, an article moves to the story it would join (the join rule:
        threshold, shared names, time window) when that scores above its own story without
        it. The stories that moved articles touch then get the per-batch second look. The
        work is one candidate scoring per article of the run, `FINISH_CHUNK` articles at a
        time, each chunk saved before the next is read (memory stays that of a chunk; at
        10k synthetic articles one chunk of 2,000 cost ~0.5 ms more CPU per article than
        one of 10,000 for ~10 MB less peak memory).
        """
        ids = [row[0] for row in self.store.query(_RUN_ARTICLES, (run_id,))]
        for start in range(0, len(ids), FINISH_CHUNK):
            self._look_again(ids[start : start + FINISH_CHUNK])

    def _look_again(self, ids: list[str]) -> None:
        self._reset()
        done, moves = Refinement(), _Moves()
        marks = ",".join("?" * len(ids))
        for row in self.store.stream(_FEATURES_OF.format(marks=marks), ids):
            home = moves.home.get(row[0], row[1])  # a copy may have moved with its origin
            item = ArticleFeatures(row[0], load_terms(row[3]), row[2], row[4])
            target = self._better_story(item, home)
            if target is not None:
                self._move(item, home, target, moves)
        self._rebuild_homes(moves)
        self._finish(done, moves, how="re-examined at the end of its run")
        save_refinement(self.store, done)
        touched = {a.story for a in done.assignments} | set(moves.before.values())
        del done, moves  # the moved articles' features are not needed by the second look
        save_refinement(self.store, self.refine(touched))

    def _better_story(self, item: ArticleFeatures, home: str) -> str | None:
        """The story the article would join now, if it beats its own story without it.

        An article that matches its own story strongly (`strong_threshold`) stays without a
        look at the candidates: most do, and that look is most of the work.
        """
        clusterer = self.clusterer
        story = clusterer.stories.get(home)
        if story is None:
            return None
        vector = clusterer.weigh(item.terms)
        own = -1.0
        if story.size > 1:  # its story without it, from the story's cached centroid
            counts = clusterer.weighted(item.terms)
            own = similarity_less(
                prepare_vector(vector), self._vector(home), counts, clusterer.settings
            )
        if own >= clusterer.settings.strong_threshold:
            return None
        for score, story_id in clusterer.score_candidates(vector, item.published):
            if score <= own:
                return None
            if story_id != home and clusterer.would_join(vector, story_id, score):
                return story_id
        return None

    def _move(self, item: ArticleFeatures, home: str, target: str, moves: _Moves) -> None:
        """The article joins `target` now; `home` is rebuilt without it in `_rebuild_homes`."""
        self._add_members(target, [item])
        moves.move([item], home, target)
        for row in self.store.query(_COPIES_OF, (item.article, home)):
            if moves.home.get(row[0], home) == home:  # a copy follows the article it copies
                copy = features_of_row(row)
                self._move(copy, home, target, moves)

    def _rebuild_homes(self, moves: _Moves) -> None:
        """Each story that articles left, rebuilt once from the members it kept (or gone).

        The members stream from the store into the rebuild, one at a time, and are not kept
        (nothing in this look reads them again): read whole and held to the chunk's end, they
        were the features of a large part of the store, since the stories that articles
        leave include the largest (at 30k synthetic articles one story holds 11k articles,
        and a chunk's homes held 14k-17k articles' features: the look's peak was 470 MB
        against 336 MB before it).
        """
        left: defaultdict[str, set[str]] = defaultdict(set)
        for article, story_id in moves.home.items():
            if moves.before[article] != story_id:
                left[moves.before[article]].add(article)
        for story_id, gone in sorted(left.items()):
            # a titled story keeps its title: its members' titles are not read
            titled = bool(self.clusterer.stories[story_id].title)
            members = self._member_stream(story_id, titles=not titled)
            kept = (f for f in members if f.article not in gone)
            first = next(kept, None)
            if first is not None:
                self._vectors.pop(story_id, None)
                self._changed.add(story_id)
                self.clusterer.rebuild_story(story_id, chain([first], kept))
            else:
                self._drop(story_id)
                self._emptied.add(story_id)

    def _member_stream(self, story_id: str, *, titles: bool = True) -> Iterator[ArticleFeatures]:
        """`members`, read one row at a time and not cached (the stored ones, then the
        joined ones, in the same order); without `titles`, stored ones may come untitled."""
        if story_id in self._members:
            yield from self._members.pop(story_id)
            return
        for row in self.store.stream(_MEMBERS if titles else _MEMBER_TERMS, (story_id,)):
            yield features_of_row(row)
        yield from self._joined.pop(story_id, [])

    def _reset(self) -> None:
        self._members, self._joined, self._vectors = {}, defaultdict(list), {}
        self._changed, self._emptied, self._weighed = set(), set(), {}

    def _weigh(self, item: ArticleFeatures) -> tuple[dict[str, float], Vector]:
        """The article's weighted vector, as is and prepared: a small story's articles are
        scored against each of its neighbours (the weights do not change within one look)."""
        found = self._weighed.get(item.article)
        if found is None:
            vector = self.clusterer.weigh(item.terms)
            found = self._weighed[item.article] = (vector, prepare_vector(vector))
        return found

    def members(self, story_id: str) -> list[ArticleFeatures]:
        """The story's articles' features: as stored, plus those that joined it since."""
        if story_id not in self._members:
            self._members[story_id] = list(self._member_stream(story_id))
        return self._members[story_id]

    def _vector(self, story_id: str) -> Vector:
        if story_id not in self._vectors:
            story = self.clusterer.stories[story_id]
            self._vectors[story_id] = prepare_vector(self.clusterer.weighted(story.counts))
        return self._vectors[story_id]

    def _split(self, story_id: str, done: Refinement, moves: _Moves) -> list[str]:
        size = self.clusterer.stories[story_id].size
        settings = self.clusterer.settings
        if not 2 * settings.min_split_size <= size <= self.max_split:
            return []
        if size < self.growth * self.checked.get(story_id, 0):
            return []
        self.checked[story_id] = done.checked[story_id] = size
        parts = bisect_group(self.clusterer, self.members(story_id))
        if len(parts) < 2:
            return []
        parts = keep_copies_together(parts, self._copies(story_id))
        parts.sort(key=lambda part: (-len(part), min(f.published or "9999" for f in part)))
        self._rebuild(story_id, parts[0])
        # its growth counts from what it kept
        self.checked[story_id] = done.checked[story_id] = len(parts[0])
        created = []
        for part in parts[1:]:
            first = min(part, key=lambda f: (f.published or "9999", f.article)).article
            new_id = story_id_for(first)
            while new_id in self.clusterer.stories:
                new_id = story_id_for(new_id)
            self._rebuild(new_id, part)
            self.checked[new_id] = done.checked[new_id] = len(part)
            moves.move(part, story_id, new_id)
            created.append(new_id)
        done.splits += len(created)
        return created

    def _merge(self, story_id: str, done: Refinement, moves: _Moves) -> None:
        """Join the story with the neighbour whose centroid agrees most, if above the threshold
        and within the time window."""
        clusterer = self.clusterer
        settings, stories = clusterer.settings, clusterer.stories
        if stories[story_id].size <= self.small:
            return  # a small story joins another only by `_absorb`'s test
        mine, story = self._vector(story_id), stories[story_id]
        best: tuple[float, str] | None = None
        for other in self._neighbours(story_id):
            if stories[other].size <= self.small:
                continue
            # Two stories merge only within the join rule's time window, as an article
            # joins one: two events of one kind years apart share the place's and the
            # institutions' names. ECB+, all 20 topics ingested: a topic 1-10 courthouse
            # story (its own articles undated, two of another topic's dated 2007) took in a
            # 9-article story of another topic dated 2005 in 2 of 3 orders, at 0.456-0.459;
            # the 3 right merges of topics 1-10 ingested alone are days apart or undated;
            # NeuS train F1 0.724 either way. Seen at the end: all 20 topics F1 0.937 either
            # way (precision 0.931 -> 0.942), topics 11-20 recall 0.907 -> 0.885.
            if not spans_meet(
                (story.first, story.last),
                (stories[other].first, stories[other].last),
                settings.window_days,
            ):
                continue
            theirs = self._vector(other)
            score = vector_similarity(mine, theirs, settings)
            if score < settings.merge_threshold or (best is not None and score <= best[0]):
                continue
            # Stories about one person or body can agree on names alone (NeuS ingest F1
            # 0.661 -> 0.669 with this test; ECB+ topics 1-10 unchanged).
            if _words_agree(mine, theirs) >= settings.move_word_agreement:
                best = (score, other)
        if best is not None:
            self._join(story_id, best[1], done, moves)

    def _absorb(self, stories: list[str], done: Refinement, moves: _Moves) -> None:
        """Each small story joins the neighbour its articles match best (`_small_pairs`),
        when that is also the story they match best of all (`_prefer`).

        Small stories join only so, never by `_merge`: a centroid of one to three articles
        meets the merge threshold with another story on a few shared names, and on NeuS
        train (800 stories, 1 order) 102 of 136 merges joined two events, 106 of them
        merges of a single article (ingest B-cubed F1 0.691 -> 0.703 without them). A
        touched small story does not look for a larger story the batch left alone: at the
        words' 0.05 that cost NeuS 0.708 -> 0.695 (3 orders); the end-of-run look moves its
        articles by the join rule.
        """
        best: dict[str, tuple[float, str]] = {}
        for story_id in stories:
            for score, small, other in self._small_pairs(story_id):
                if small not in best or score > best[small][0]:
                    best[small] = (score, other)
        joined: dict[str, str] = {}  # a story merged away -> the one that kept its articles
        live = self.clusterer.stories
        for small, (_, other) in sorted(best.items()):
            small, other = _followed(joined, small), _followed(joined, other)
            if small != other and small in live and other in live and self._prefer(small, other):
                keep, gone = self._join(other, small, done, moves)
                joined[gone] = keep

    def _prefer(self, small: str, story_id: str) -> bool:
        """Whether every article of the small story matches `story_id` best of all stories
        but its own (the one pass's candidate scoring, final weights).

        The best neighbour found from the touched story is not enough: among many stories
        about one person or body, it is often not the one the article is about. On NeuS
        train (800 stories, 1 order) 436 of 533 absorbs joined two different events; with
        this test ingest B-cubed F1 rose 0.669 -> 0.691 (precision 0.641 -> 0.693).

        An article with `_evidence` for the story need not pass it: a long article about the
        same event can match a fragment of that event better. Fitted on gold-labelled logs:
        ECB+ topics 1-10 (3 orders) had 6 absorbs refused, all right, 5 of them with the
        evidence; NeuS train (short excerpts, 1 order) had 508, 58 right, 3 of them (all
        wrong) with it (22 wrong and 1 right at 10-11 shared names and numbers).
        """
        clusterer = self.clusterer
        story = clusterer.stories[story_id]
        for item in self.members(small):
            vector = self._weigh(item)[0]
            if self._evidence(vector, story):
                continue
            scored = clusterer.score_candidates(vector, item.published)
            if next((sid for _, sid in scored if sid != small), None) != story_id:
                return False
        return True

    def _small_pairs(self, story_id: str) -> Iterator[tuple[float, str, str]]:
        """(score, small story, this story): the story's neighbours of at most `small`
        articles (and no more than its own) each of whose articles would join it now.

        Centroids of one or two articles are a poor test; the join rule (an article against
        a centroid: threshold, shared names, time window, words at `move_word_agreement`)
        is the one that fits them, and the one the one pass used before the weights
        settled. The score is the lowest of the small story's articles.
        """
        stories = self.clusterer.stories
        size = stories[story_id].size
        for other in self._neighbours(story_id):
            if stories[other].size <= min(self.small, size):
                score = self._weakest_join(other, story_id)
                if score is not None:
                    yield score, other, story_id

    def _weakest_join(self, small: str, story_id: str) -> float | None:
        """The lowest similarity of the small story's articles to the story, if each of
        them would join it by the join rule (`scoring.joins`: always a shared name, words at
        `small_word_agreement`, or `move_word_agreement` with `_evidence`) within the
        story's time window."""
        clusterer, settings = self.clusterer, self.clusterer.settings
        story = clusterer.stories[story_id]
        mine = self._vector(story_id)
        names = mine[0].get(ENTITY_PREFIX, {})
        scores = []
        for item in self.members(small):
            vector, prepared = self._weigh(item)
            if not clusterer.in_window(story, item.published):
                return None
            score = vector_similarity(prepared, mine, settings)
            if not joins(
                score,
                any(t in names for t in prepared[0].get(ENTITY_PREFIX, ())),
                lambda: _words_agree(prepared, mine),  # noqa: B023 (called at once)
                settings,
                min_words=settings.move_word_agreement
                if self._evidence(vector, story)
                else settings.small_word_agreement,
                waive_names=False,
            ):
                return None
            scores.append(score)
        return min(scores) if scores else None

    def _evidence(self, vector: Mapping[str, float], story: StoryState) -> bool:
        """`StoryClusterer.has_evidence`: with it, a small story's article joins on the
        words' `move_word_agreement` and need not match the story best of all (`_prefer`);
        without it, the words must agree `small_word_agreement`."""
        return self.clusterer.has_evidence(vector, story)

    def _neighbours(self, story_id: str) -> list[str]:
        """The stories sharing most of this one's heaviest terms (from the term index), most
        shared weight first, ties by id.

        The weights are summed with numpy over story numbers in the order a dict would add
        them (term by term, each term's postings in order): the same sums, bit for bit.
        """
        clusterer, settings = self.clusterer, self.clusterer.settings
        weights = {t: w for part in self._vector(story_id)[0].values() for t, w in part.items()}
        heaviest = sorted(weights, key=lambda t: -weights[t])[:40]
        read, lengths = array("i"), []
        for term in heaviest:
            posted = clusterer.posted_numbers(term)[-settings.posting_limit :]
            read.extend(posted)
            lengths.append(len(posted))
        if not read:
            return []
        numbers = np.frombuffer(read, dtype=np.int32)
        shares = np.repeat(np.array([weights[t] for t in heaviest]), lengths)
        totals = np.bincount(numbers, weights=shares).astype(np.float64, copy=False)
        # the stories read: those with a total, when every share counts (a second count over
        # every story number, dead ones too, cost more as the corpus grew)
        present = np.flatnonzero(totals if shares.min() > 0 else np.bincount(numbers))
        wanted, short = settings.candidates, present
        if len(present) > 4 * wanted:  # spare places for itself and merged-away stories
            values = totals[present]
            cut = np.partition(values, len(values) - 4 * wanted)[len(values) - 4 * wanted]
            short = present[values >= cut]
        ranked = self._ranked(story_id, totals, short)
        if len(ranked) < wanted and len(short) < len(present):
            ranked = self._ranked(story_id, totals, present)
        return ranked[:wanted]

    def _ranked(
        self, story_id: str, totals: npt.NDArray[np.float64], numbers: npt.NDArray[np.intp]
    ) -> list[str]:
        """The live stories among `numbers` but `story_id`, most weight first, then by id."""
        stories, story_at = self.clusterer.stories, self.clusterer.story_at
        found = sorted(
            zip((-totals[numbers]).tolist(), map(story_at, numbers.tolist()), strict=True)
        )
        return [other for _, other in found if other != story_id and other in stories]

    def _join(self, story_id: str, other: str, done: Refinement, moves: _Moves) -> tuple[str, str]:
        """One story of the two, under the id a user is likeliest to have seen: a story of
        an earlier run before one of this run, then the larger, then the older. Returns
        (kept, gone)."""
        clusterer = self.clusterer
        keep, gone = sorted(
            (story_id, other),
            key=lambda s: (
                clusterer.number_of(s) >= self._loaded,
                -clusterer.stories[s].size,
                clusterer.number_of(s),
            ),
        )
        moving = self.members(gone)
        self._add_members(keep, moving)
        self._drop(gone)
        done.removed.append(gone)
        done.merges += 1
        moves.move(moving, gone, keep)
        return keep, gone

    def _add_members(self, story_id: str, items: list[ArticleFeatures]) -> None:
        """The articles join the story as the one pass adds them (the story is not re-read)."""
        story = self.clusterer.stories[story_id]
        for item in items:
            self.clusterer.add(story, item)
        if story_id in self._members:
            self._members[story_id].extend(items)
        else:
            self._joined[story_id].extend(items)
        self._vectors.pop(story_id, None)
        self._changed.add(story_id)

    def _drop(self, story_id: str) -> None:
        self.clusterer.remove_story(story_id)
        self._vectors.pop(story_id, None)
        self._members.pop(story_id, None)

    def _rebuild(self, story_id: str, members: list[ArticleFeatures]) -> None:
        self._members[story_id] = members
        self._vectors.pop(story_id, None)
        self._changed.add(story_id)
        self.clusterer.rebuild_story(story_id, members)

    def _copies(self, story_id: str) -> dict[str, str]:
        rows = self.store.query(
            "SELECT c.article_id, c.origin FROM copies c JOIN articles a ON a.id = c.article_id "
            "WHERE a.story_id = ?",
            (story_id,),
        )
        return {row[0]: row[1] for row in rows}

    def _finish(self, done: Refinement, moves: _Moves, how: str = "") -> None:
        done.removed.extend(sorted(self._emptied))
        for article, story_id in sorted(moves.home.items()):
            was = moves.before[article]
            if was == story_id or story_id not in self.clusterer.stories:
                continue
            assignment = self.clusterer.explain_member(moves.features[article], story_id)
            if how:
                why = f"{how}, from {was}"
            else:
                why = f"{'merged' if was in done.removed else 'split'} from {was} after its batch"
            assignment.reason = f"{why}: {assignment.reason}"
            done.assignments.append(assignment)
        changed = self._changed - set(done.removed)
        done.stories = [self.clusterer.stories[sid] for sid in sorted(changed)]


def _words_agree(first: Vector, second: Vector) -> float:
    """`word_cosine` of two prepared vectors (an article's or a centroid's)."""
    return word_cosine(
        first[0].get(WORD_KIND, {}).items(),
        second[0].get(WORD_KIND, {}),
        first[1].get(WORD_KIND, 0.0),
        second[1].get(WORD_KIND, 0.0),
    )


def _followed(joined: dict[str, str], story_id: str) -> str:
    """The story that holds `story_id`'s articles now (it may have joined others since)."""
    while story_id in joined:
        story_id = joined[story_id]
    return story_id


@dataclass(slots=True)
class _Moves:
    """Where each moved article was before this refinement and where it is now."""

    home: dict[str, str] = field(default_factory=dict)
    before: dict[str, str] = field(default_factory=dict)
    features: dict[str, ArticleFeatures] = field(default_factory=dict)

    def move(self, items: Iterable[ArticleFeatures], source: str, target: str) -> None:
        for item in items:
            self.before.setdefault(item.article, source)
            self.home[item.article] = target
            self.features[item.article] = item


FINISH_CHUNK = 10_000  # articles of a run looked at again (and saved) at a time
_RUN_ARTICLES = "SELECT id FROM articles WHERE run_id = ? AND copy_of IS NULL ORDER BY rowid"
_FEATURES_OF = (
    "SELECT a.id, a.story_id, f.date, f.terms, a.title FROM articles a JOIN features f "
    "ON f.article_id = a.id WHERE a.id IN ({marks}) ORDER BY a.rowid"
)
_COPIES_OF = (
    "SELECT c.article_id, f.date, f.terms, a.title FROM copies c JOIN articles a "
    "ON a.id = c.article_id JOIN features f ON f.article_id = c.article_id "
    "WHERE c.origin = ? AND a.story_id = ?"
)
_MEMBERS = (
    "SELECT f.article_id, f.date, f.terms, a.title FROM features f JOIN articles a "
    "ON a.id = f.article_id WHERE a.story_id = ? ORDER BY f.date IS NULL, f.date, a.rowid"
)
# The same rows in the same order without the titles, through an index that holds the story,
# the id and the rowid: the articles' own rows (their text) are not read. 2.5x less CPU on a
# story of 20k articles (the largest at 100k synthetic), which the end-of-run look rebuilds.
_MEMBER_TERMS = (
    "SELECT f.article_id, f.date, f.terms, NULL FROM articles a "
    "INDEXED BY articles_story_sources JOIN features f ON f.article_id = a.id "
    "WHERE a.story_id = ? ORDER BY f.date IS NULL, f.date, a.rowid"
)


def save_refinement(store: SqliteStore, refinement: Refinement) -> None:
    """Write what a batch's second look changed, in one transaction.

    The sizes of the stories it bisected are kept as they are in memory, those of stories
    merged away too: the next run then starts where this one stopped.
    """
    if not refinement.assignments and not refinement.removed and not refinement.checked:
        return
    with store.transaction():
        store.save_checks(refinement.checked)
        store.db.executemany(
            "UPDATE articles SET story_id = ? WHERE id = ?",
            [(a.story, a.article) for a in refinement.assignments],
        )
        store.save_assignments(refinement.assignments, "refine")
        store.db.executemany(
            "DELETE FROM stories WHERE id = ?", [(sid,) for sid in refinement.removed]
        )
        store.save_stories(refinement.stories)
