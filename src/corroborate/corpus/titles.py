"""Story titles that follow their members: a story is named by one of its own articles.

A title is set when a story starts; articles then move (splits, merges, the end-of-run look,
re-clustering), and the one that named the story may leave. The store calls `retitle` for
every story a move touched.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping

from corroborate.corpus.features import extract_features
from corroborate.corpus.scoring import cosine
from corroborate.records import Article

# In rowid order (the story_id index alone), the founder, which usually gave the title, is
# the first member looked at: the check costs one row while it stays.
_HOLDS_TITLE = (
    "SELECT 1 FROM articles INDEXED BY articles_story WHERE story_id = ? AND title = ? LIMIT 1"
)
_MEMBER_TITLES = (
    "SELECT title FROM articles INDEXED BY articles_story WHERE story_id = ? AND title IS NOT NULL "
    "ORDER BY coalesce(date, '9999'), rowid"
)


def retitle(db: sqlite3.Connection, story_id: str, centroid: Mapping[str, float]) -> None:
    """Keep the story's title while an article of that title is in it; else take the member
    title that best fits the story's centroid (its key terms and names), else none."""
    row = db.execute("SELECT title FROM stories WHERE id = ?", (story_id,)).fetchone()
    if row is None or (row[0] and db.execute(_HOLDS_TITLE, (story_id, row[0])).fetchone()):
        return
    best = best_title((r[0] for r in db.execute(_MEMBER_TITLES, (story_id,))), centroid)
    if best != row[0]:  # None when no member has a title: better than another story's
        db.execute("UPDATE stories SET title = ? WHERE id = ?", (best, story_id))


def best_title(titles: Iterable[str], centroid: Mapping[str, float]) -> str | None:
    """The title whose terms (as clustering reads a headline) best fit the centroid; the
    earliest of equals. A title that is only a date line has no terms and never wins."""
    best, best_score = None, 0.0
    for title in titles:
        terms = extract_features(Article(id="", source="", text="", title=title)).terms
        score = cosine(terms, centroid)
        if score > best_score:
            best, best_score = title, score
    return best


LEAD_CHARS = 100  # a lead longer than this is cut at a word, with an ellipsis

# The earliest member first, as `_MEMBER_TITLES` orders them: the story's opening report.
# `story_lead` takes its rows; the story id is its one parameter.
FIRST_MEMBER = (
    "SELECT text, kept FROM articles INDEXED BY articles_story WHERE story_id = ? "
    "ORDER BY coalesce(date, '9999'), rowid LIMIT 1"
)


def story_lead(rows: Iterable[tuple[str, str | None]]) -> str | None:
    """What a story with no headline among its articles can be listed by: the first sentence
    of its earliest article's first kept paragraph (never removed text), cut to LEAD_CHARS.

    `rows` is what `FIRST_MEMBER` reads. It is never stored as the title: a title is a
    headline some article gave, and a reader is shown this as a lead, not a headline.
    """
    for text, kept in rows:
        spans = json.loads(kept) if kept else [[0, len(text)]]
        for start, end in spans:
            paragraph = " ".join(text[start:end].split())
            if paragraph:
                return _cut(paragraph)
    return None


def _cut(paragraph: str) -> str:
    sentence_end = paragraph.find(". ")
    if 0 < sentence_end < LEAD_CHARS:
        return paragraph[: sentence_end + 1]
    if len(paragraph) <= LEAD_CHARS:
        return paragraph
    return paragraph[:LEAD_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"
