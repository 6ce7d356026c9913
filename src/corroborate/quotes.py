"""Quotes: who said what, and how each outlet worded it.

Placeholder until the quotes issue lands: no quotes.
"""

from __future__ import annotations

from corroborate.nlp import Resources
from corroborate.records import Article, Quote


def find_quotes(articles: list[Article], resources: Resources) -> list[Quote]:
    """Direct and partial quotes, their speakers, and their variants across outlets."""
    return []
