"""Candidate search over the story clustering's term index (`StoryClusterer._numbers`).

Each term's postings are the numbers of the stories posted under it, oldest first (a story is
posted again when a term pruned from its centroid comes back, and a removed story's postings
for pruned terms stay behind, so readers skip stories no longer live).
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Container, Mapping, Sequence

import numpy as np
import numpy.typing as npt

# Below this many postings to read, a dict sums them faster than numpy's fixed costs.
NUMPY_FROM = 1000
# From this long, a posting is searched with numpy (array.remove compares element by element
# as Python objects: 70 us at 1,000 entries, 600 us at 20,000, against 3 and 70 with numpy).
SCAN_WITH_NUMPY = 256


def drop_first(posting: array[int], number: int, start: int = 0) -> bool:
    """Remove the first `number` at or after `start` from the posting; False when none."""
    if len(posting) - start < SCAN_WITH_NUMPY:
        try:
            at = posting.index(number, start)
        except ValueError:
            return False
    else:
        # the view on the posting's buffer is gone once `hits` is made: the array can shrink
        hits = np.flatnonzero(np.frombuffer(posting, dtype=np.int32)[start:] == number)
        if not len(hits):
            return False
        at = start + int(hits[0])
    del posting[at]
    return True


def top_stories(
    postings: Mapping[str, array[int]],
    ids: Sequence[str],
    live: Container[str],
    heaviest: list[tuple[str, float]],
    limit: int,
    wanted: int,
) -> list[str]:
    """The `wanted` live stories with the most weight summed over the last `limit` postings
    of each of the weighted terms, most first; ties go to the story met first in the postings
    read. `ids` gives a story number's id."""
    lengths = [min(len(postings.get(term, ())), limit) for term, _ in heaviest]
    if sum(lengths) < NUMPY_FROM:
        accumulated: defaultdict[str, float] = defaultdict(float)
        for term, weight in heaviest:
            for number in postings.get(term, ())[-limit:]:
                story_id = ids[number]
                if story_id in live:
                    accumulated[story_id] += weight
        best = sorted(accumulated.items(), key=lambda kv: -kv[1])[:wanted]
        return [story_id for story_id, _ in best]
    # Long postings (a large corpus): the same sums with numpy, added in the same order,
    # so they are exactly those of the dict above.
    read = array("i")
    for (term, _), length in zip(heaviest, lengths, strict=True):
        if length:
            read.extend(postings[term][-limit:])
    numbers = np.frombuffer(read, dtype=np.int32)
    weights = np.repeat(np.array([weight for _, weight in heaviest]), lengths)
    # float64 already (the stubs type bincount's result as integers)
    totals = np.bincount(numbers, weights=weights).astype(np.float64, copy=False)
    present = np.flatnonzero(np.bincount(numbers))
    if len(present) > 4 * wanted:  # a few spare places for skipped stories
        values = totals[present]
        cut = np.partition(values, len(values) - 4 * wanted)[len(values) - 4 * wanted]
        short = present[values >= cut]
    else:
        short = present
    chosen = _live_in_order(numbers, totals, short, wanted, ids, live)
    if len(chosen) < wanted and len(short) < len(present):
        chosen = _live_in_order(numbers, totals, present, wanted, ids, live)
    return chosen


def _live_in_order(
    read: npt.NDArray[np.int32],
    totals: npt.NDArray[np.float64],
    numbers: npt.NDArray[np.intp],
    wanted: int,
    ids: Sequence[str],
    live: Container[str],
) -> list[str]:
    """Up to `wanted` live stories among `numbers` (sorted), most weight first, ties by
    first position in `read`."""
    first = np.full(len(totals), len(read), dtype=np.intp)  # each story's first position
    np.minimum.at(first, read, np.arange(len(read)))  # no sort (np.unique sorted them all)
    order = np.lexsort((first[numbers], -totals[numbers]))
    chosen: list[str] = []
    # a few at a time: ties can make `numbers` long, and most of them are never reached
    for start in range(0, len(order), wanted):
        for number in numbers[order[start : start + wanted]].tolist():
            story_id = ids[number]
            if story_id in live:
                chosen.append(story_id)
                if len(chosen) == wanted:
                    return chosen
    return chosen
