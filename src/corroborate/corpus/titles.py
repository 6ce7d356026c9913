"""Story titles that follow their members: a story is named by one of its own articles, the
one `report` would name it by.

Articles join and move (splits, merges, the end-of-run look, re-clustering); the store calls
`retitle` for every story a batch or a move touched.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping

from corroborate.corpus.features import extract_features
from corroborate.corpus.scoring import cosine
from corroborate.records import Article

# The order `report` titles the same articles by (`story._story_title`): the headline of the
# origin that most of the story's articles copy (a wire story), else of the earliest origin
# (by the date as the input gave it, then the source), else of the earliest copy. `stories`
# had titled a story by its first article and kept it while that article stayed, so the
# session-11 audit's fire story was listed by one outlet's follow-up ("Sprinklers were off
# at warehouse ...") and reported as the wire's "Fire destroys Esker Bridge furniture
# warehouse". A group's origin is the article whose id is the group's (`source_group`).
# The first CANDIDATES in that order are read: `retitle` may pass over one that does not fit.
_REPORT_ORDER = """
    SELECT a.title, g.size IS NULL, -coalesce(g.size, 0), coalesce(a.published, '9999'),
        a.source, a.rowid, a.id
    FROM articles AS a INDEXED BY articles_story
    LEFT JOIN (
        SELECT source_group AS origin, count(*) AS size FROM articles
        INDEXED BY articles_story_sources WHERE story_id = ?1 GROUP BY source_group
    ) AS g ON g.origin = a.id
    WHERE a.story_id = ?1 AND a.title IS NOT NULL
    ORDER BY 2, 3, 4, 5, 6
    LIMIT ?2
"""
CANDIDATES = 16
# A headline whose terms fit the story's other articles less than this share of the best
# fitting one's is another event's: an article clustered into the wrong story does not name
# it, however early it came.
FIT_SHARE = 0.5


def retitle(db: sqlite3.Connection, story_id: str, centroid: Mapping[str, float]) -> None:
    """Give the story the title `report` gives its articles (`_REPORT_ORDER`), passing over a
    headline that does not fit the story (`FIT_SHARE`); none when no member has one.

    Among headlines `report` ranks equal (same group size, date and source), the story keeps
    the one it has, else takes the first stored, as `report` takes the first given. When
    the first in the order is the title already stored, nothing is computed: a batch that
    only adds articles costs one query.
    """
    rows = db.execute(_REPORT_ORDER, (story_id, CANDIDATES)).fetchall()
    (current,) = db.execute("SELECT title FROM stories WHERE id = ?", (story_id,)).fetchone()
    if rows and rows[0][0] == current:
        return
    best = None
    if rows:
        fits = _fits(db, rows, centroid)
        bar = FIT_SHARE * max(fits)
        eligible = [row for row, fit in zip(rows, fits, strict=True) if fit >= bar]
        best = min(eligible, key=lambda row: (row[1:5], row[0] != current, row[5]))[0]
    if best != current:
        db.execute("UPDATE stories SET title = ? WHERE id = ?", (best, story_id))


def _fits(
    db: sqlite3.Connection, rows: list[sqlite3.Row], centroid: Mapping[str, float]
) -> list[float]:
    """How well each row's headline (its terms, as clustering reads a headline) fits the
    story's centroid less the row's own article: in a small story a stray article's terms
    are a large part of the centroid, and its headline fitted as well as the story's own.
    A title that is only a date line has no terms and fits nothing."""
    ids = [row[6] for row in rows]
    marks = ",".join("?" * len(ids))
    own = dict(
        db.execute(f"SELECT article_id, terms FROM features WHERE article_id IN ({marks})", ids)
    )
    fits = []
    for row in rows:
        mine = json.loads(own[row[6]]) if row[6] in own else {}
        others = {t: w - mine.get(t, 0.0) for t, w in centroid.items()}
        headline = extract_features(Article(id="", source="", text="", title=row[0])).terms
        fits.append(cosine(headline, {t: w for t, w in others.items() if w > 0}))
    return fits


LEAD_CHARS = 100  # a lead longer than this is cut at a word, with an ellipsis

# The earliest member first (by date, then as stored): the story's opening report.
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
