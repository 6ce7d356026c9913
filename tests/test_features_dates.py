"""An article's date for story windows: only a real day counts."""

from __future__ import annotations

import pytest

from corroborate.corpus.features import extract_features
from corroborate.records import Article

TEXT = "The ferry Kelda ran aground off Marrow Point on Tuesday; all 40 passengers were rescued."


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2026-03-02", "2026-03-02"),
        ("2026-03-02T10:00:00Z", "2026-03-02"),
        ("2026-13-45", None),
        ("2026-02-30", None),
        ("yesterday", None),
    ],
)
def test_only_a_real_day_is_the_articles_date(published: str, expected: str | None) -> None:
    article = Article(id="a-1", source="kelda.txt", text=TEXT, published=published)
    assert extract_features(article).published == expected
