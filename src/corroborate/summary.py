"""Extractive summary with citations.

Placeholder until the claims issue lands: no summary.
"""

from __future__ import annotations

from corroborate.nlp import Resources
from corroborate.records import Article, Claim, SummarySentence


def summarise(
    articles: list[Article], claims: list[Claim], resources: Resources
) -> list[SummarySentence]:
    """Pick sentences that tell the story, best-supported first, each with its citations."""
    return []
