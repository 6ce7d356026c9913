"""Claims: sentences across articles that state the same fact, with independent support.

Placeholder until the claims issue lands: no claims are made.
"""

from __future__ import annotations

from corroborate.nlp import Resources
from corroborate.records import Article, Claim


def align_claims(articles: list[Article], resources: Resources) -> list[Claim]:
    """Group sentences that state the same fact across articles."""
    return []


def find_exclusives(
    claims: list[Claim], articles: list[Article]
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Per source group: the claims only it reports, and the claims most others carry but it omits."""
    return {}, {}
