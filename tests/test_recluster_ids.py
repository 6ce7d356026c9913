"""Re-clustering keeps story ids stable and never gives two stories one id."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corroborate.corpus.cluster import story_id_for
from corroborate.corpus.recluster import map_ids


def _chain(first: str, length: int) -> list[str]:
    """`first`, then `story_id_for` of each: the ids the second look gives split-off parts."""
    ids = [first]
    for _ in range(length - 1):
        ids.append(story_id_for(ids[-1]))
    return ids


@pytest.mark.parametrize("length", [2, 3, 4])
def test_a_new_story_named_like_a_taken_chain_gets_a_free_id(length: int) -> None:
    """New story X has no old articles; old stories X, S(X), S(S(X)), ... all live on under
    other new stories: X must take the first free id of its chain, no one else's."""
    chain = _chain("s-x", length + 1)
    old = {f"a{i}": story for i, story in enumerate(chain[:length])}
    new = {f"a{i}": f"s-new{i}" for i in range(length)} | {"fresh": "s-x"}
    mapping = map_ids(new, old)
    assert len(set(mapping.values())) == len(mapping)
    assert [mapping[f"s-new{i}"] for i in range(length)] == chain[:length]  # old ids kept
    assert mapping["s-x"] == chain[length]


@given(
    st.dictionaries(st.sampled_from("abcdefgh"), st.integers(0, 4), min_size=1),
    st.dictionaries(st.sampled_from("abcdefghij"), st.integers(0, 4)),
)
def test_ids_stay_one_to_one_when_old_ids_are_chained(
    old_at: dict[str, int], new_at: dict[str, int]
) -> None:
    """Old stories named along one chain of ids, new stories named after chain members too
    (as split-off parts are): every new story gets its own id, old ids kept where they can."""
    chain = _chain("s-z", 5)
    old = {article: chain[at] for article, at in old_at.items()}
    new = {article: chain[at] for article, at in new_at.items()}
    mapping = map_ids(new, old)
    assert set(mapping) == set(new.values())
    assert len(set(mapping.values())) == len(mapping)
