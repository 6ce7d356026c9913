"""Clusters' blocks kept while average-link clustering grows them (issue 7): what `_link`
tests a merge on must be the merged cluster's block as computed whole, bit for bit, whatever
merges were tried, refused or made before, and the clusters must be those the whole blocks
give."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.claims import align
from corroborate.claims.align import align_units
from corroborate.claims.grown import GrownBlocks, Members
from corroborate.nlp import Resources
from corroborate.records import Article
from test_claims import article

N = 12


@settings(max_examples=80, deadline=None)
@given(
    seed=st.integers(0, 2**16),
    steps=st.lists(
        st.tuples(st.integers(0, N - 1), st.integers(0, N - 1), st.booleans(), st.booleans())
    ),
)
def test_merged_blocks_are_the_whole_blocks(
    seed: int, steps: list[tuple[int, int, bool, bool]]
) -> None:
    """Merges tried and refused, made after a test, or made untested (`_link` tests no
    merge into fewer than three members)."""
    rng = np.random.default_rng(seed)
    first, second = rng.random((N, N)), rng.random((N, N))  # not symmetric: order shows
    grown = GrownBlocks(first, second)
    members = {i: [i] for i in range(N)}
    root = list(range(N))
    for x, y, tested, join in steps:
        a, b = root[x], root[y]
        if a == b:
            continue
        if tested:
            together = members[a] + members[b]
            got = grown.merged((a, members[a]), (b, members[b]))
            grid = np.ix_(together, together)
            assert np.array_equal(got[0], first[grid]) and np.array_equal(got[1], second[grid])
        if join:
            members[a].extend(members.pop(b))
            grown.joined(a, b, len(members[a]))
            for i in members[a]:
                root[i] = a


def _articles() -> list[Article]:
    """An invented council story: every outlet runs part of the wire and two lines of its
    own, so the claims grow past a few members."""
    wire = [
        "The Arlen county council voted on Tuesday to close the Mossgate bridge to lorries.",
        "Council leader Petra Lind said the bridge's old piers could not carry heavy loads.",
        "Repairs are expected to cost 2.4 million euros and take until the spring.",
    ]
    own = [
        "Hauliers said the detour via Brennick would add forty minutes to each trip.",
        "Residents of Mossgate welcomed the decision at a packed meeting.",
        "The bridge was built in 1911 and last strengthened in 1978.",
        "Council leader Petra Lind said the Mossgate piers could not take heavy lorries.",
        "Hauliers said a detour through Brennick adds forty minutes to every trip.",
    ]
    return [article(f"arlen{n}", [*wire[: 1 + n % 3], *own[n % 4 : n % 4 + 2]]) for n in range(14)]


def test_clusters_are_those_of_the_whole_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    articles = _articles()
    kept = align_units(articles, Resources()).clusters
    calls: list[int] = []

    def whole(owner: np.ndarray, grown: GrownBlocks, a: Members, b: Members) -> bool:
        calls.append(len(a[1]) + len(b[1]))
        closeness, scores = grown._matrices
        return align._keeps_core(owner, closeness, scores, a[1] + b[1])

    monkeypatch.setattr(align, "_keeps_grown", whole)
    assert align_units(articles, Resources()).clusters == kept
    assert max(calls) >= 6  # merges of grown clusters were tested
