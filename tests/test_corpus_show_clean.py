"""`show` cleans a stored article as `report` cleans it when read.

The store keeps an article's text as read but not what its reader noted (the headline's and
the dateline's spans, that a page extractor gave the text), and `show` cleans stored articles
again: on the session-10 audit's stories (tests/fixtures/audit10) 7 of 16 articles kept in
`show` what `report` removed, a wire's dateline ("BRINDLEFORD —") opening a claim among them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate import clean_articles, read_inputs
from corroborate.corpus.ingest import ingest
from corroborate.corpus.store import SqliteStore
from corroborate.records import Article

AUDIT = Path(__file__).parent / "fixtures" / "audit10"


def _removed(articles: list[Article]) -> dict[str, list[tuple[int, int, str]]]:
    clean_articles(articles)
    return {a.id: [(r.start, r.end, r.reason) for r in a.removed] for a in articles}


@pytest.mark.parametrize("story", ["sinkhole", "airline", "marathon", "birdflu"])
def test_a_stored_story_is_cleaned_as_it_was_when_read(tmp_path: Path, story: str) -> None:
    folder = str(AUDIT / story)
    read = [a for a in read_inputs([folder]) if isinstance(a, Article)]
    with SqliteStore(tmp_path / "c.db") as store:
        ingest([folder], store, workers=1)
        stored = [
            a
            for s in {r[0] for r in store.query("SELECT story_id FROM articles")}
            for a in store.story_articles(s)
        ]
    assert _removed(stored) == _removed(read)
