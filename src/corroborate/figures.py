"""The figure ledger: every number the coverage states, with agreement and conflict.

Placeholder until the figures issue lands: no figures.
"""

from __future__ import annotations

from corroborate.nlp import Resources
from corroborate.records import Article, Figure


def build_ledger(articles: list[Article], resources: Resources) -> list[Figure]:
    """Figures about the same subject lined up across outlets, with a status each."""
    return []
