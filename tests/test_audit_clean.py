"""Audit: each removed line carries the reason a reader would give it (a byline is a byline).

The head of a scraped page holds bylines in a page's own shapes ("By Ana Lind | Business
reporter | 2026-03-02", "Written by Ana Lind", "2026-03-02 — Kestrel Post staff"), a reading-time
note, and its body holds "More from <site>: <teaser>" lines. They were removed, but as a
"headline-shaped line" or a "photo caption", which tells a reader checking what was taken out
the wrong thing. Fixtures are invented.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import pytest

from corroborate.clean import clean_article
from corroborate.read.jsonl import read_jsonl
from corroborate.read.text import read_text
from corroborate.records import Article

STORY = [
    "The harbour authority of Ostrell said on Tuesday that the new breakwater had cut the "
    "height of waves inside the port by half during the winter storms.",
    "The breakwater, finished in October at a cost of 48 million crowns, shelters about 300 "
    "fishing boats, the authority said in a statement.",
    "\u201cWe lost no boats this winter for the first time in a decade,\u201d said skipper "
    "Oddny Varr, who has fished from Ostrell for thirty years.",
    "Engineers will inspect the structure again in the spring, when the storm season ends.",
    "By March, the authority hopes to open a second berth for the ferry to the islands.",
]


def _scraped(head: Sequence[str], tail: Sequence[str] = ()) -> Article:
    text = "\n\n".join(["Breakwater halves storm waves in Ostrell", *head, *STORY, *tail])
    return clean_article(read_text(text + "\n", source="kestrel-post.txt"))


def _reason(article: Article, line: str) -> str:
    for block in article.removed:
        if block.text.strip() == line:
            return block.reason
    raise AssertionError(f"{line!r} was not removed: {[r.text for r in article.removed]}")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("By Ana Lind", "byline"),
        ("Written by Ana Lind", "byline"),
        ("By Ana Lind | Business reporter | 2026-03-02", "byline"),
        ("By Ana Lind · Harbour correspondent", "byline"),
        ("Ana Lind, News desk", "byline"),
        ("2026-03-02 — Kestrel Post staff", "byline"),
        ("· 4 min read", "reading-time note"),
        ("6-minute read", "reading-time note"),
    ],
)
def test_a_head_line_is_removed_with_its_own_reason(line: str, reason: str) -> None:
    article = _scraped([line])
    assert _reason(article, line).startswith(reason)
    assert all(sentence in article.kept_text for sentence in STORY)


@pytest.mark.parametrize(
    "line",
    [
        "More from Kestrel Post: Ferry timetable changes for the summer",
        "More on this story: Fishing quotas to be cut",
        "More in Business – Port of Ostrell posts record year",
    ],
)
def test_a_more_from_line_is_a_link_to_other_content(line: str) -> None:
    article = _scraped([], [line])
    assert _reason(article, line) == "link to other content (marker line)"


def test_story_lines_that_open_with_by_or_more_stay() -> None:
    extra = ["More than 40 boats sheltered there during the worst storm of the winter."]
    article = _scraped([], extra)
    for sentence in (*STORY, *extra):
        assert sentence in article.kept_text


@pytest.mark.parametrize(
    "line",
    ["By Ana Lind | Business reporter | 2026-03-02", "More from Kestrel Post: Ferry timetable"],
)
def test_an_extracted_page_also_loses_these_lines(line: str) -> None:
    """HTML and JSON text skip the shape-only rules; a byline and a marker are not shape."""
    record = json.dumps({"id": "k1", "outlet": "Kestrel Post", "text": "\n\n".join([line, *STORY])})
    (article,) = [a for a in read_jsonl(record, "k.jsonl") if isinstance(a, Article)]
    article.meta["extraction"] = "test"  # as an HTML page's text: shape-only rules off
    clean_article(article)
    assert line in [r.text.strip() for r in article.removed]
    assert all(sentence in article.kept_text for sentence in STORY)


@pytest.mark.parametrize(
    "first_line",
    [
        "By Ana Lind | Business reporter | 2026-03-02",
        "Written by Ana Lind",
        "By Ana Lind and Per Holm",
        "· 4 min read",
        "More from Kestrel Post: Ferry timetable changes for the summer",
    ],
)
def test_a_byline_or_link_is_never_the_title(first_line: str) -> None:
    """A page with no headline line opens on its byline: the report's title must not be it."""
    text = "\n\n".join([first_line, *STORY]) + "\n"
    assert read_text(text, source="kestrel-post.txt").title is None
    record = json.dumps({"id": "k1", "text": text})
    (article,) = [a for a in read_jsonl(record, "k.jsonl") if isinstance(a, Article)]
    assert article.title is None
    clean_article(article)
    assert first_line in [r.text.strip() for r in article.removed]


@pytest.mark.parametrize(
    "headline",
    ["Breakwater halves storm waves in Ostrell", "More boats return to Ostrell harbour"],
)
def test_a_headline_is_still_the_title(headline: str) -> None:
    text = "\n\n".join([headline, "By Ana Lind", *STORY]) + "\n"
    article = clean_article(read_text(text, source="kestrel-post.txt"))
    assert article.title == headline
    assert _reason(article, "By Ana Lind").startswith("byline")


@pytest.mark.parametrize(
    ("dateline", "what"),
    [
        ("HARWICK — ", "place"),
        ("Published 2026-02-16\n\n", "date"),
        ("date 2026-03-03\n\n", "date"),
        ("HARWICK, March 3 (Reuters) - ", "place"),  # a day without a year is not read as a date
    ],
)
def test_a_dateline_says_what_it_was_read_as(dateline: str, what: str) -> None:
    """ "Published 2026-02-16" was removed as "read as the article's place and date"."""
    text = "Breakwater halves storm waves in Ostrell\n\n" + dateline + "\n\n".join(STORY) + "\n"
    article = clean_article(read_text(text, source="kestrel-post.txt"))
    reasons = [r.reason for r in article.removed if r.reason.startswith("dateline")]
    assert reasons == [f"dateline: read as the article's {what}"]


@pytest.mark.parametrize(
    ("dateline", "place", "published"),
    [
        ("OSTRELL, March 3, 2026 — ", "Ostrell", "2026-03-03"),  # the year was matched, not read
        ("OSTRELL, Mar. 3, 2026 (Reuters) - ", "Ostrell", "2026-03-03"),
        ("OSTRELL, March 3 (Reuters) - ", "Ostrell", None),  # no year: no date
        ("MUST SEE: ", None, None),  # a kicker, not a place
        ("REPORT: ", None, None),
        ("BREAKING NEWS — ", None, None),
    ],
)
def test_a_dateline_gives_its_full_date_and_a_kicker_is_no_place(
    dateline: str, place: str | None, published: str | None
) -> None:
    text = "Breakwater halves storm waves in Ostrell\n\n" + dateline + "\n\n".join(STORY) + "\n"
    article = clean_article(read_text(text, source="kestrel-post.txt"))
    assert (article.place, article.published) == (place, published)
    assert all(sentence in article.kept_text for sentence in STORY[1:])


@pytest.mark.parametrize(
    ("byline", "published"),
    [
        ("By Ana Lind | Staff reporter | 2026-03-02", "2026-03-02"),
        ("2026-03-02 — Kestrel Post staff", "2026-03-02"),
        ("By Ana Lind | Staff reporter | 2026-02-30", None),  # no such day
        ("Written by Ana Lind", None),
        ("Storm season: 2026-03-02 report", None),  # a date, but no byline
    ],
)
@pytest.mark.parametrize("kind", ["txt", "jsonl"])
def test_a_bylines_date_is_the_articles_date(byline: str, published: str | None, kind: str) -> None:
    """A scraped page's only date is often in its byline: the article was undated, so left out
    of every --since/--until."""
    text = "\n\n".join(["Breakwater halves storm waves in Ostrell", byline, *STORY]) + "\n"
    if kind == "txt":
        article = read_text(text, source="kestrel-post.txt")
    else:
        record = json.dumps({"id": "k1", "text": text})
        (article,) = [a for a in read_jsonl(record, "k.jsonl") if isinstance(a, Article)]
    assert article.published == published
    clean_article(article)
    assert all(sentence in article.kept_text for sentence in STORY)


def test_a_given_date_wins_over_the_bylines() -> None:
    text = "\n\n".join(["By Ana Lind | Staff reporter | 2026-03-02", *STORY])
    record = json.dumps({"id": "k1", "text": text, "published": "2026-03-01"})
    (article,) = [a for a in read_jsonl(record, "k.jsonl") if isinstance(a, Article)]
    assert article.published == "2026-03-01"
