"""Sentences with offsets into the article text. (Placeholder: naive splitter.)"""

from __future__ import annotations

import re

from corroborate.records import Article, Sentence

_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'A-Z0-9])")


def segment_article(article: Article) -> Article:
    article.sentences = []
    for p_index, para in enumerate(article.paragraphs):
        chunk = article.text[para.start : para.end]
        start = 0
        for match in [*_END.finditer(chunk), None]:
            end = match.start() if match else len(chunk)
            piece = chunk[start:end].strip()
            if piece:
                s = para.start + start + chunk[start:end].index(piece)
                article.sentences.append(
                    Sentence(article.id, len(article.sentences), s, s + len(piece), piece, p_index)
                )
            start = match.end() if match else len(chunk)
    return article
