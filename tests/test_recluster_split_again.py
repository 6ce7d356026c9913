"""Re-clustering splits its stories again after the reassignment.

The first split looks at the one pass's stories, which can hold strays of other events: a
story of two events of one kind plus strays can look like one loose event, and stays whole.
The reassignment takes the strays out; a second split then finds the two events. The test
makes the first split keep every story whole (as the strays did) and checks that the two
events of one kind still end in two stories, each article with its evidence.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence

import pytest

from corpus_fixtures import KESTREL, MUSEUM, PORTMOOR
from corroborate.clean import clean_article
from corroborate.corpus.cluster import StoryClusterer
from corroborate.corpus.features import ArticleFeatures, extract_features
from corroborate.corpus.recluster import recluster
from corroborate.read.article import make_article
from corroborate.segment import segment_article

# the module (the package exports a function of the same name)
RECLUSTER = importlib.import_module("corroborate.corpus.recluster")
EVENTS = {"portmoor": PORTMOOR, "kestrel": KESTREL, "museum": MUSEUM}


def _features(event: str, index: int) -> ArticleFeatures:
    _, title, text = EVENTS[event][index]
    article = make_article(source=f"{event}-{index}", text=text, title=title)
    article.id = f"{event}-{index}"
    segment_article(clean_article(article))
    return extract_features(article)


def _one_story_of_both_ferries(
    clusterer: StoryClusterer, items: Sequence[ArticleFeatures]
) -> list[list[ArticleFeatures]]:
    """The one pass's mistake: both ferry groundings in one story, the fire in its own."""
    for item in items:  # the statistics stay those of the whole corpus, as in `_one_pass`
        clusterer.documents -= 1
        clusterer.df.subtract(item.terms.keys())
        clusterer.assign(item)
    ferries = [i for i in items if not i.article.startswith("museum")]
    return [ferries, [i for i in items if i.article.startswith("museum")]]


@pytest.mark.parametrize("second", [True, False])
@pytest.mark.parametrize("order", [("portmoor", "kestrel"), ("kestrel", "portmoor")])
def test_a_story_the_first_split_kept_whole_is_split_after_the_reassignment(
    monkeypatch: pytest.MonkeyPatch, second: bool, order: tuple[str, str]
) -> None:
    items = [_features(e, i) for e in (*order, "museum") for i in range(len(EVENTS[e]))]
    monkeypatch.setattr(RECLUSTER, "_one_pass", _one_story_of_both_ferries)
    bisect = RECLUSTER.bisect_group
    calls = {"n": 0}

    def first_keeps_whole(
        clusterer: StoryClusterer,
        group: list[ArticleFeatures],
        idf: Mapping[str, float] | None = None,
    ) -> list[list[ArticleFeatures]]:
        if idf is not None:  # a split's own recursion
            return bisect(clusterer, group, idf)
        calls["n"] += 1
        if calls["n"] <= 2 or not second:  # the first split: one call per story
            return [group]
        return bisect(clusterer, group)

    monkeypatch.setattr(RECLUSTER, "bisect_group", first_keeps_whole)
    assignments, stories = recluster(items, {})
    groups = {}
    for assignment in assignments:
        groups.setdefault(assignment.story, set()).add(assignment.article.split("-")[0])
    found = sorted(sorted(events) for events in groups.values())
    if second:
        assert found == [["kestrel"], ["museum"], ["portmoor"]]
        assert all(a.reason.startswith("re-clustered: ") for a in assignments)
    else:  # the reassignment alone keeps the two ferries together
        assert ["kestrel", "portmoor"] in found
    assert sorted(a.article for a in assignments) == sorted(i.article for i in items)
    assert sum(s.size for s in stories) == len(items)
