"""Quotes: who said what, and how each outlet worded it.

The stage runs in three steps over a story's articles (kept paragraphs only, offsets into
`Article.text`):
1. `people`: one registry of the people the story names, under every name and role;
2. `marks` + `speakers` (`cues`, `nesting`, `layout`) + `extract`: each article's quotes and
   the speaker as written there, resolved to a person of the registry by `resolve` (pronouns
   and descriptions included); `ranker`, a learned second look (off by default), may take
   another of the candidates the rules propose (`candidates`) instead of the rules' pick;
3. `variants`: mentions of one quote across outlets become one `Quote` with its variants, and
   outlets that only paraphrase it are linked and flagged.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from corroborate.errors import ModelLoadError
from corroborate.nlp import Resources
from corroborate.quotes.extract import Found, Reported, parsed_paragraphs, quotes_of_article
from corroborate.quotes.people import PersonRegistry
from corroborate.quotes.ranker import shipped_ranker
from corroborate.quotes.resolve import person_names
from corroborate.quotes.variants import Embed, cluster_mentions, link_paraphrases, to_quote
from corroborate.records import Article, Quote

__all__ = ["find_quotes"]


def find_quotes(
    articles: list[Article], resources: Resources, learned: bool = False
) -> list[Quote]:
    """Direct and partial quotes, their speakers, and their variants across outlets;
    `learned`: the shipped ranker takes a second look at each rule-chosen speaker
    (`quotes.ranker`; off by default: it does not beat the rule order alone)."""
    ranker = shipped_ranker() if learned else None
    parsed = {a.id: parsed_paragraphs(a, resources.paragraph_docs(a)) for a in articles}
    registry = PersonRegistry()
    registry.build(name for paras in parsed.values() for name in person_names(paras))
    found: list[Found] = []
    reported: list[Reported] = []
    for article in articles:
        article_found, article_reported = quotes_of_article(
            article, parsed[article.id], registry, ranker=ranker
        )
        found.extend(article_found)
        reported.extend(article_reported)
    by_id = {a.id: a for a in articles}
    clusters = cluster_mentions(found)
    link_paraphrases(clusters, reported, by_id, _embedder(resources))
    quotes = [to_quote(c, by_id) for c in clusters]
    first = {a.id: i for i, a in enumerate(articles)}
    quotes.sort(key=lambda q: (-q.independent_sources, _first_seen(q, first)))
    return quotes


def _embedder(resources: Resources) -> Embed:
    """The run's sentence embedder, loaded only when a paraphrase candidate needs it.

    Without a loadable model, words alone decide (every cosine reads as 0).
    """

    def embed(texts: list[str]) -> Any:
        try:
            return resources.embedder().embed(texts)
        except ModelLoadError:
            return np.zeros((len(texts), 1), dtype=np.float32)

    return embed


def _first_seen(quote: Quote, order: dict[str, int]) -> tuple[int, int]:
    return min((order[m.article], m.start) for m in quote.mentions)
