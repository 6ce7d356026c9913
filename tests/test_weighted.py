"""Speed-only paths of the second look give what the plain ones give: `StoryClusterer.weighted`
(the centroid weights, the cache checked once) the floats `idf` gives one term at a time, as the
corpus grows and the weights' cache renews; members read without titles the same features."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_fixtures import all_rows, write_jsonl
from corroborate.corpus.cluster import StoryClusterer
from corroborate.corpus.features import ArticleFeatures
from corroborate.corpus.ingest import ingest, load_clusterer
from corroborate.corpus.refine import BatchRefiner
from corroborate.corpus.store import SqliteStore

terms = st.sampled_from(["@Varga", "@Portmoor", "#2026", "%212", "ferry", "fog", "inquiry"])
articles = st.lists(st.dictionaries(terms, st.floats(0.5, 4.0), min_size=1), max_size=30)


@settings(max_examples=60, deadline=None)
@given(articles, st.dictionaries(terms, st.floats(0.1, 9.0)), st.integers(0, 29))
def test_weighted_is_idf_term_by_term(
    stream: list[dict[str, float]], counts: dict[str, float], when: int
) -> None:
    one, other = StoryClusterer(), StoryClusterer()
    for n, item in enumerate(stream):
        for clusterer in (one, other):
            clusterer.assign(ArticleFeatures(f"a{n}", dict(item), "2026-03-01"))
        if n == when:  # mid-stream, before the cache would be renewed by anything else
            assert one.weighted(counts) == {t: c * other.idf(t) for t, c in counts.items()}
    assert one.weighted(counts) == {t: c * other.idf(t) for t, c in counts.items()}
    assert one.generation == other.generation


def test_members_read_without_titles_come_in_the_same_order(tmp_path: Path) -> None:
    """The end-of-run look rebuilds a titled story from its members read without titles
    (through an index, not the articles' rows): the same features, in the same order."""
    rows = all_rows()
    rows += [{**row, "id": f"{row['id']}-undated", "published": None} for row in rows[:3]]
    data = write_jsonl(tmp_path / "a.jsonl", rows)
    with SqliteStore(tmp_path / "c.db") as store:
        ingest([str(data)], store, workers=1)
        refiner = BatchRefiner(store, load_clusterer(store, None))
        stories = [r[0] for r in store.query("SELECT id FROM stories")]
        assert stories
        for story_id in stories:
            titled = list(refiner._member_stream(story_id))
            plain = list(refiner._member_stream(story_id, titles=False))
            assert [(f.article, f.terms, f.published) for f in plain] == [
                (f.article, f.terms, f.published) for f in titled
            ]
            assert all(f.title is None for f in plain)
