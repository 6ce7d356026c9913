"""What is not the story, with reasons and offsets. (Placeholder: keeps every line.)"""

from __future__ import annotations

from collections.abc import Sequence

from corroborate.records import Article, Paragraph


def clean_article(article: Article, others: Sequence[Article] = ()) -> Article:
    article.paragraphs = []
    pos = 0
    for line in article.text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped)
            article.paragraphs.append(Paragraph(start, start + len(stripped)))
        pos += len(line)
    return article


def clean_articles(articles: Sequence[Article], *, use_others: bool = True) -> None:
    for article in articles:
        clean_article(article, [a for a in articles if a is not article] if use_others else ())
