"""Re-clustering: the whole corpus again, with what the one-pass assignment could not know.

One pass sees the corpus grow: its first articles were placed with unsettled term weights, and
two events of one kind that met early can share a story for good, because the merged centroid
then attracts both. Re-clustering fixes both:
  1. one pass again, in date order, with the final term statistics;
  2. split: every story is bisected (two-means on its articles' vectors); the halves become
     two stories when their centroids are less alike than `split_threshold` (checked on the
     halves again, recursively);
  3. merge: stories whose centroids are alike (candidates from the term index, never all
     pairs) and whose dates fall within the time window of each other become one;
  4. each article moves to the story it is most like (twice); the stories are split again
     (step 2); then each story of at most three articles joins the larger story all its
     articles would join (the join rule: threshold, shared names, time window), as the
     ingest refinement does.
Story ids stay stable: each new story takes the old id it overlaps most.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from corroborate.corpus.cluster import Assignment, StoryClusterer, StoryState, story_id_for
from corroborate.corpus.features import ENTITY_PREFIX, ArticleFeatures
from corroborate.corpus.scoring import (
    KINDS,
    WORD_KIND,
    ClusterSettings,
    combine,
    joins,
    kind_of,
    spans_meet,
    within_window,
)


def recluster(
    features: Iterable[ArticleFeatures],
    previous: Mapping[str, str],
    settings: ClusterSettings | None = None,
    *,
    df: Mapping[str, int] | None = None,
    documents: int = 0,
    copies: Mapping[str, str] | None = None,
) -> tuple[list[Assignment], list[StoryState]]:
    """Cluster all articles again; return their assignments and the stories, old ids kept.

    `features` are held in memory (about 10 KB an article). `df` and `documents` are the
    corpus-wide term statistics (computed from `features` when not given). `previous` maps
    article id -> its current story id; `copies` maps a copy to the article it copies, and a
    copy always ends in that article's story.
    """
    items = sorted(features, key=lambda f: (f.published or "9999", f.article))
    if df is None:
        counted: Counter[str] = Counter()
        for item in items:
            counted.update(item.terms.keys())
        df, documents = counted, len(items)
    # Re-clustering does not ask the words to agree (`min_word_agreement`): with that test its
    # ECB+ F1 fell 0.950 -> 0.938 (topics 11-20: 0.961 -> 0.932, recall 0.953 -> 0.897), though
    # it rose on NeuS (0.534 -> 0.638) and held on topics 1-10 (0.941). Decided on the held
    # topics, so recorded as such (bench/baselines/clustering.json, measured_session_5).
    settings = replace(settings or ClusterSettings(), min_word_agreement=0.0)
    clusterer = StoryClusterer(settings)
    clusterer.load([], df, documents)
    groups = _one_pass(clusterer, items)
    groups = [part for group in groups for part in bisect_group(clusterer, group)]
    groups = _merge(clusterer, groups)
    for _ in range(2):
        groups = _reassign(clusterer, groups)
    # Split again: articles of other events that the one pass put in a story kept it whole
    # at the first split, and the reassignment has taken them out (ECB+ topics 1-10: two
    # events of one kind, 8 and 13 articles, shared a story with strays until then).
    groups = [part for group in groups for part in bisect_group(clusterer, group)]
    groups = _absorb_small(clusterer, groups)
    groups = keep_copies_together(groups, copies or {})
    return _finish(clusterer, groups, previous, df, documents)


def _one_pass(
    clusterer: StoryClusterer, items: Sequence[ArticleFeatures]
) -> list[list[ArticleFeatures]]:
    members: dict[str, list[ArticleFeatures]] = defaultdict(list)
    for item in items:
        clusterer.documents -= 1  # assign() counts the article again: the totals stay final
        clusterer.df.subtract(item.terms.keys())
        members[clusterer.assign(item).story].append(item)
    return list(members.values())


def _centroid(clusterer: StoryClusterer, group: Iterable[ArticleFeatures]) -> dict[str, float]:
    counts: Counter[str] = Counter()
    for item in group:
        counts.update(item.terms)
    return {t: c * clusterer.idf(t) for t, c in counts.items()}


# A weighted term vector split by kind of term, with its length per kind, so that scoring one
# vector against many (the two-means steps, merge candidates) computes each length once.
Vector = tuple[dict[str, dict[str, float]], dict[str, float]]


def prepare_vector(weights: Mapping[str, float]) -> Vector:
    by_kind: dict[str, dict[str, float]] = {}
    kinds = KINDS  # kind_of, inlined: this runs for every term of every vector prepared
    for term, weight in weights.items():
        kind = kinds.get(term[:1], WORD_KIND)
        part = by_kind.get(kind)
        if part is None:
            by_kind[kind] = {term: weight}
        else:
            part[term] = weight
    norms = {kind: math.sqrt(sum([w * w for w in part.values()])) for kind, part in by_kind.items()}
    return by_kind, norms


def vector_similarity(a: Vector, b: Vector, settings: ClusterSettings) -> float:
    """`similarity` of two prepared vectors (the same figure, without recomputing lengths)."""
    (parts_a, norms_a), (parts_b, norms_b) = a, b
    dots: dict[str, float] = {}
    for kind, first in parts_a.items():
        second = parts_b.get(kind)
        if second is None:
            continue
        if len(first) > len(second):
            first, second = second, first
        dots[kind] = sum([w * second[t] for t, w in first.items() if t in second])
    norm = math.sqrt(sum(n * n for n in norms_a.values()) * sum(n * n for n in norms_b.values()))
    return combine(sum(dots.values()), norm, dots, norms_a, norms_b, settings)


def bisect_group(
    clusterer: StoryClusterer,
    group: list[ArticleFeatures],
    idf: Mapping[str, float] | None = None,
) -> list[list[ArticleFeatures]]:
    """Split the group in two while its halves look like two different events."""
    settings = clusterer.settings
    if len(group) < 2 * settings.min_split_size:
        return [group]
    # The term weights looked up once for the group: the two-means steps reuse them often.
    idf = idf or {t: clusterer.idf(t) for item in group for t in item.terms}
    left, right, alike = two_means(group, idf, settings)
    if min(len(left), len(right)) < settings.min_split_size or alike >= settings.split_threshold:
        return [group]
    return bisect_group(clusterer, left, idf) + bisect_group(clusterer, right, idf)


def _centroid_of(
    group: Sequence[ArticleFeatures], indices: Iterable[int], idf: Mapping[str, float]
) -> Vector:
    """The weighted centroid of the group's articles at `indices` (summed in that order, as
    `Counter.update` would: this runs for every two-means step, and the Counter's Python-level
    update was most of its cost)."""
    counts: dict[str, float] = {}
    get = counts.get
    for index in indices:
        for term, tf in group[index].terms.items():
            counts[term] = tf + get(term, 0)
    return prepare_vector({t: c * idf[t] for t, c in counts.items()})


def two_means(
    group: list[ArticleFeatures], idf: Mapping[str, float], settings: ClusterSettings
) -> tuple[list[ArticleFeatures], list[ArticleFeatures], float]:
    """The group's two halves by two-means on the articles' vectors (seeded with the article
    least like the whole and the one least like it), and how alike the halves' centroids are."""
    vectors = [prepare_vector(_unit({t: tf * idf[t] for t, tf in i.terms.items()})) for i in group]
    similar = vector_similarity
    whole = _centroid_of(group, range(len(group)), idf)
    first = min(range(len(group)), key=lambda i: similar(vectors[i], whole, settings))
    second = min(range(len(group)), key=lambda i: similar(vectors[i], vectors[first], settings))
    left, right = [first], [second]
    halves: tuple[Vector, Vector] | None = None  # the centroids of `left` and `right`
    for _ in range(6):
        a, b = _centroid_of(group, left, idf), _centroid_of(group, right, idf)
        sides = [similar(v, a, settings) >= similar(v, b, settings) for v in vectors]
        new_left = [i for i, side in enumerate(sides) if side]
        new_right = [i for i, side in enumerate(sides) if not side]
        if (new_left, new_right) == (left, right):
            halves = a, b  # settled: the last step's centroids are the halves'
            break
        left, right = new_left, new_right
    if not right:
        return [group[i] for i in left], [], 1.0
    if halves is None:
        halves = _centroid_of(group, left, idf), _centroid_of(group, right, idf)
    alike = similar(*halves, settings)
    return [group[i] for i in left], [group[i] for i in right], alike


def _unit(weights: dict[str, float]) -> dict[str, float]:
    """The vector scaled to length 1, as `StoryClusterer.weigh` makes it."""
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


def _merge(
    clusterer: StoryClusterer, groups: list[list[ArticleFeatures]]
) -> list[list[ArticleFeatures]]:
    """Join stories whose centroids are alike (best pairs first), from indexed candidates,
    within the time window of each other (`spans_meet`, as in the ingest's second look)."""
    centroids = [_centroid(clusterer, g) for g in groups]
    spans = [_span(group) or (None, None) for group in groups]
    window = clusterer.settings.window_days
    postings: dict[str, list[int]] = defaultdict(list)
    for index, centroid in enumerate(centroids):
        for term in sorted(centroid, key=lambda t: -centroid[t])[:40]:
            postings[term].append(index)
    pairs = []
    prepared = [prepare_vector(centroid) for centroid in centroids]  # lengths computed once
    for index, centroid in enumerate(centroids):
        candidates = {j for t in centroid for j in postings.get(t, ()) if j > index}
        for j in candidates:
            if not spans_meet(spans[index], spans[j], window):
                continue
            score = vector_similarity(prepared[index], prepared[j], clusterer.settings)
            if score >= clusterer.settings.merge_threshold:
                pairs.append((score, index, j))
    parent = list(range(len(groups)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, i, j in sorted(pairs, reverse=True):
        parent[root(j)] = root(i)
    merged: dict[int, list[ArticleFeatures]] = defaultdict(list)
    for index, group in enumerate(groups):
        merged[root(index)].extend(group)
    return list(merged.values())


def _reassign(
    clusterer: StoryClusterer, groups: list[list[ArticleFeatures]]
) -> list[list[ArticleFeatures]]:
    """One k-means step: each article moves to the story it is most like (itself left out).

    An article moves only to a story it would have joined (threshold, shared names); a
    story left empty disappears.
    """
    settings = clusterer.settings
    counts = [Counter[str]() for _ in groups]
    for index, group in enumerate(groups):
        for item in group:
            counts[index].update(item.terms)
    postings: dict[str, set[int]] = defaultdict(set)
    for index, count in enumerate(counts):
        for term in count:
            postings[term].add(index)
    moved: list[list[ArticleFeatures]] = [[] for _ in groups]
    # Each story's weighted centroid and its lengths once; the home story is scored less the
    # article's own counts, which costs the article's terms, not the story's (recomputing a
    # large story's lengths per article made this step quadratic in a story's size).
    prepared: dict[int, Vector] = {}
    for home, group in enumerate(groups):
        for item in group:
            vector = clusterer.weigh(item.terms)
            mine = prepare_vector(vector)
            names = mine[0].get(ENTITY_PREFIX, {})
            heaviest = sorted(vector, key=lambda t: -vector[t])[: settings.query_terms]
            candidates = {j for t in heaviest for j in postings.get(t, ())}
            best, best_score = home, -1.0
            for j in sorted(candidates):
                if j not in prepared:
                    prepared[j] = prepare_vector(
                        {t: c * clusterer.idf(t) for t, c in counts[j].items() if c > 0}
                    )
                story = prepared[j]
                if j == home:
                    own = {t: c * clusterer.idf(t) for t, c in item.terms.items()}
                    score = similarity_less(mine, story, own, settings)
                else:
                    score = vector_similarity(mine, story, settings)
                if score > best_score and (
                    j == home
                    or (
                        score >= settings.join_threshold
                        and any(t in story[0].get(ENTITY_PREFIX, {}) for t in names)
                    )
                ):
                    best, best_score = j, score
            moved[best].append(item)
    return [group for group in moved if group]


def similarity_less(
    article: Vector, story: Vector, less: Mapping[str, float], settings: ClusterSettings
) -> float:
    """`vector_similarity(article, story less the weights `less`)` (a story without one of
    its articles): only the terms of `less` change the story, so the cost is theirs."""
    (parts_a, norms_a), (parts_s, norms_s) = article, story
    squares = {kind: norm * norm for kind, norm in norms_s.items()}
    dots: defaultdict[str, float] = defaultdict(float)
    for kind, mine in parts_a.items():
        theirs = parts_s.get(kind)
        if theirs:
            for term, weight in mine.items():
                if term in theirs:
                    dots[kind] += weight * max(theirs[term] - less.get(term, 0.0), 0.0)
    for term, weight in less.items():
        kind = kind_of(term)
        present = parts_s.get(kind, {}).get(term)
        if present is not None:
            rest = max(present - weight, 0.0)
            squares[kind] -= present * present - rest * rest
    norms_rest = {kind: math.sqrt(max(total, 0.0)) for kind, total in squares.items()}
    length = sum(n * n for n in norms_a.values()) * sum(n * n for n in norms_rest.values())
    return combine(sum(dots.values()), math.sqrt(length), dots, norms_a, norms_rest, settings)


def _absorb_small(
    clusterer: StoryClusterer, groups: list[list[ArticleFeatures]], small: int = 3
) -> list[list[ArticleFeatures]]:
    """Each story of at most `small` articles joins the larger story all its articles would join.

    The same test as the ingest refinement's (`BatchRefiner._small_neighbours`): a centroid of
    one or two articles rarely reaches the merge threshold, and `_reassign` keeps a pair of
    articles together because each is the other's best match. The join rule (threshold,
    shared names, time window) against a story at least as large is the fitting test; the
    story whose weakest article scores best wins. Candidates come from the term index, the
    `settings.candidates` sharing most weight, so the work per small story is bounded.
    """
    settings = clusterer.settings
    vectors = [prepare_vector(_centroid(clusterer, group)) for group in groups]
    spans = [_span(group) for group in groups]
    postings: defaultdict[str, list[int]] = defaultdict(list)
    for index, (parts, _) in enumerate(vectors):
        weights = {t: w for part in parts.values() for t, w in part.items()}
        for term in sorted(weights, key=lambda t: -weights[t])[:40]:
            postings[term].append(index)
    target = list(range(len(groups)))  # each story's new home; itself until it joins one
    for index in sorted(range(len(groups)), key=lambda i: len(groups[i])):
        group = groups[index]
        if len(group) > small:
            continue
        items = [(prepare_vector(clusterer.weigh(i.terms)), i.published) for i in group]
        best: tuple[float, int] | None = None
        shared: defaultdict[int, float] = defaultdict(float)
        for term, weight in _heaviest(vectors[index]):
            for other in postings.get(term, ()):
                if other != index and len(groups[other]) >= len(group) and target[other] == other:
                    shared[other] += weight
        ranked = sorted(shared, key=lambda j: (-shared[j], j))[: settings.candidates]
        for other in ranked:
            score = _weakest_join(items, vectors[other], spans[other], settings)
            if score is not None and (best is None or score > best[0]):
                best = (score, other)
        if best is not None:
            target[index] = best[1]
    merged: dict[int, list[ArticleFeatures]] = defaultdict(list)
    for index, group in enumerate(groups):
        home = index
        while target[home] != home:  # a story that took a small one may have joined another
            home = target[home]
        merged[home].extend(group)
    return list(merged.values())


def _heaviest(vector: Vector, count: int = 40) -> list[tuple[str, float]]:
    weights = {t: w for part in vector[0].values() for t, w in part.items()}
    return sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:count]


def _weakest_join(
    items: list[tuple[Vector, str | None]],
    story: Vector,
    span: tuple[str, str] | None,
    settings: ClusterSettings,
) -> float | None:
    """The lowest score of the items against the story, or None if one would not join it
    (the join rule, `joins`, with a shared name always and no words' test: see `recluster`)."""
    names = story[0].get(ENTITY_PREFIX, {})
    scores = []
    for vector, published in items:
        if published and span and not within_window(published, *span, settings.window_days):
            return None
        score = vector_similarity(vector, story, settings)
        named = any(t in names for t in vector[0].get(ENTITY_PREFIX, {}))
        if not joins(score, named, _no_words_test, settings, min_words=0.0, waive_names=False):
            return None
        scores.append(score)
    return min(scores)


def _no_words_test() -> float:
    """Re-clustering does not ask the words to agree (see `recluster`)."""
    return 1.0


def _span(group: list[ArticleFeatures]) -> tuple[str, str] | None:
    """The first and last publication dates in the group, if any is known."""
    dates = [item.published for item in group if item.published]
    return (min(dates), max(dates)) if dates else None


def keep_copies_together(
    groups: list[list[ArticleFeatures]], copies: Mapping[str, str]
) -> list[list[ArticleFeatures]]:
    """Move each copy into the group of the article it copies (following chains)."""
    home = {item.article: index for index, group in enumerate(groups) for item in group}
    moved: list[list[ArticleFeatures]] = [[] for _ in groups]
    for index, group in enumerate(groups):
        for item in group:
            origin, seen = item.article, set()
            while origin in copies and origin not in seen:
                seen.add(origin)
                origin = copies[origin]
            moved[home.get(origin, index)].append(item)
    return [group for group in moved if group]


def _finish(
    clusterer: StoryClusterer,
    groups: list[list[ArticleFeatures]],
    previous: Mapping[str, str],
    df: Mapping[str, int],
    documents: int,
) -> tuple[list[Assignment], list[StoryState]]:
    """Stories from the final groups (old ids kept) and each article's evidence in its story."""
    groups = [sorted(g, key=lambda f: (f.published or "9999", f.article)) for g in groups]
    new = {item.article: story_id_for(group[0].article) for group in groups for item in group}
    mapping = map_ids(new, previous)
    final = StoryClusterer(clusterer.settings)
    final.load([], df, documents)
    final.documents -= 1  # each article's own counts are part of the statistics already
    stories, assignments = [], []
    for group in groups:
        story = StoryState(id=mapping[new[group[0].article]])
        final.stories[story.id] = story
        for item in group:
            final.add(story, item)
        stories.append(story)
        for item in group:
            assignment = final.explain_member(item, story.id)
            assignment.reason = "re-clustered: " + assignment.reason
            assignments.append(assignment)
    return assignments, stories


def map_ids(new: Mapping[str, str], old: Mapping[str, str]) -> dict[str, str]:
    """Each new story id -> the old id it shares most articles with (largest first)."""
    overlap: Counter[tuple[str, str]] = Counter()
    for article, story in new.items():
        if article in old:
            overlap[(story, old[article])] += 1
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for (new_id, old_id), _ in sorted(overlap.items(), key=lambda kv: (-kv[1], kv[0])):
        if new_id not in mapping and old_id not in taken:
            mapping[new_id] = old_id
            taken.add(old_id)
    for new_id in sorted(set(new.values())):
        if new_id not in mapping:
            # A taken id's successor can be taken too: the second look names the part it
            # splits off `story_id_for(id)` of a taken id, and so on (a NeuS store had two
            # stories of one id, which the store refused).
            free = new_id
            while free in taken:
                free = story_id_for(free)
            mapping[new_id] = free
            taken.add(free)
    return mapping
