"""Counting independent sources: copies count once, borrowed passages count as their origin's.

Every count of support in a report (claims, quotes, figures) goes through `source_of` and
`count_sources`, so the copies stage decides in one place what "independent" means.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from corroborate.records import Article


class Span(Protocol):
    @property
    def article(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def source_of(article: Article, start: int, end: int) -> str:
    """The independent source a span of `article` belongs to.

    A span that lies mostly inside a passage the article borrowed from another article belongs
    to the origin's source; anything else belongs to the article's own source group (for a
    whole-article copy that is already the origin's group).
    """
    length = max(1, end - start)
    for passage in article.borrowed:
        overlap = min(end, passage.end) - max(start, passage.start)
        if overlap * 2 >= length:
            return f"origin:{passage.origin}"
    return article.source_group or article.id


def count_sources(spans: Iterable[Span], articles: Mapping[str, Article]) -> int:
    """The number of independent sources among the spans' articles."""
    return len(sources_of(spans, articles))


def sources_of(spans: Iterable[Span], articles: Mapping[str, Article]) -> set[str]:
    """The independent sources behind the spans, resolved through borrowed passages."""
    found: set[str] = set()
    for span in spans:
        article = articles[span.article]
        key = source_of(article, span.start, span.end)
        if key.startswith("origin:"):
            origin = articles.get(key.removeprefix("origin:"))
            key = (origin.source_group or origin.id) if origin else key
        found.add(key)
    return found
