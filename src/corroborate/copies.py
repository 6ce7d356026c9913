"""Copies and independent sources.

Placeholder until the copies issue lands: every article is its own source group, so every
count of support counts articles. `find_copies` is the one function that issue replaces.
"""

from __future__ import annotations

from corroborate.records import Article, SourceGroup


def find_copies(articles: list[Article]) -> list[SourceGroup]:
    """Group articles that are copies of one another; sets `source_group` on each article."""
    groups = []
    for article in articles:
        article.source_group = f"g-{article.id}"
        article.copy_of = None
        groups.append(SourceGroup(id=article.source_group, articles=[article.id], origin=article.id))
    return groups
