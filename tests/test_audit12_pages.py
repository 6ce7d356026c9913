"""Audit 12: page heads and tails of invented scrapes that the session-12 audit found misread.

- A consent banner with its own heading ("Cookies on this site") was the story's title; the
  banner's sentences, the masthead, the date line and the byline under it stayed in the story.
- A wire's agency name on a line of its own ("... Press Association") was the title, and the
  headline under it was removed as a standfirst.
- A reader service's header with a blank line between its fields was not read: the title was
  "Title: ...", and the page had no date.
- A feed's section ("— Business") stayed in the outlet when it was no section word.
- A page's pointers to itself below the story ("Hear more on ... from 4pm", "Click here to
  follow ...", "X is published by Y Ltd.") were claims.
Fixtures are invented.
"""

from __future__ import annotations

import pytest

from corroborate.clean import clean_article
from corroborate.clean.furniture import furniture
from corroborate.read.feed import read_feed_bytes
from corroborate.read.markdown import page_metadata
from corroborate.read.text import read_text
from corroborate.records import Article

HEADLINE = "Lantern factory closure puts 140 jobs at risk in Orrisby"
STORY = [
    "ORRISBY, June 9 2026 (Tolland Wire) — Brightwell Lanterns will close its Orrisby factory "
    "in August, putting 140 jobs at risk, the company said on Tuesday.",
    "The firm blamed rising energy costs and said it would move production to its plant in "
    "Castle Fenner, which employs 310 people.",
    "\u201cThis is a dark day for the town,\u201d said union organiser Petra Valdane.",
    "Orrisby council said it would hold talks with the company next week.",
]


def _page(head: list[str], tail: list[str] = ()) -> Article:  # type: ignore[assignment]
    text = "\n".join(head) + "\n\n" + "\n\n".join([*STORY, *tail]) + "\n"
    return clean_article(read_text(text, source="5512_e09c.txt"))


def _kept(article: Article) -> str:
    return "\n".join(article.text[p.start : p.end] for p in article.paragraphs)


@pytest.mark.parametrize(
    "banner",
    [
        [
            "Cookies on this site",
            "We use cookies to measure our audience. You can change your choices at any time.",
            "Accept all cookies | Reject non-essential",
        ],
        ["About cookies", "We use cookies to run this site well.", "Accept cookies | Settings"],
        ["This website uses cookies", "Allow all cookies | Reject all"],
    ],
)
def test_under_a_banner_with_its_own_heading_the_page_head_is_read(banner: list[str]) -> None:
    head = [
        *banner,
        "ORRISBY MERCURY",
        "Home | News | Sport | Business | Jobs | Subscribe",
        HEADLINE,
        "9 June 2026 · 4 min read",
        "By Idris Fellowes, Tolland Wire",
    ]
    article = _page(head)
    assert article.title == HEADLINE
    assert article.outlet == "Orrisby Mercury"
    assert (article.published or "").startswith("2026-06-09")
    kept = _kept(article)
    for line in head:
        assert line not in kept, line
    assert kept.startswith("Brightwell Lanterns will close")


@pytest.mark.parametrize("heading", ["Cookies and the Crumble Bakery", "Cookie sales rise 9%"])
def test_a_headline_that_names_cookies_is_still_a_headline(heading: str) -> None:
    article = _page([heading])
    assert article.title == heading


def test_an_agency_name_above_its_headline_is_the_outlet_not_the_title() -> None:
    article = _page(["Tolland Press Association", HEADLINE, "By Idris Fellowes, Tolland Press"])
    assert article.title == HEADLINE
    assert article.outlet == "Tolland Press Association"
    assert _kept(article).startswith("Brightwell Lanterns will close")


def test_a_short_title_case_headline_above_a_standfirst_stays_the_title() -> None:
    """Only an agency's name gives way: a headline that ends on a masthead's noun stays."""
    head = ["Orrisby Breaks Attendance Record", "A crowd of 9,000 saw the lantern parade"]
    assert _page(head).title == "Orrisby Breaks Attendance Record"


def test_a_reader_header_with_blank_lines_between_its_fields_is_read() -> None:
    page = (
        "Title: Lantern factory to close\n\n"
        "URL Source: https://orrisby-mercury.example/news/lanterns\n\n"
        "Published Time: 2026-06-09T10:00:00Z\n\n"
        "Markdown Content:\n"
        "# Lantern factory to close\n\nBrightwell Lanterns will close its factory.\n"
    )
    meta, body = page_metadata(page)
    assert meta["title"] == "Lantern factory to close"
    assert meta["url"] == "https://orrisby-mercury.example/news/lanterns"
    assert meta["published"] == "2026-06-09T10:00:00Z"
    assert body.startswith("# Lantern factory")


@pytest.mark.parametrize(
    ("channel", "link", "outlet"),
    [
        ("Orrisby Mercury — Business", "https://mercury.example/business", "Orrisby Mercury"),
        (
            "Fennick Sport | Local Rugby",
            "https://fennick.example/sport/local-rugby/",
            "Fennick Sport",
        ),
        # A last part that is not the feed's own section stays in the name.
        ("Orrisby Mercury — Business", "https://mercury.example/", "Orrisby Mercury — Business"),
        ("Tide & Harbour — Notes", "https://tide.example/letters", "Tide & Harbour — Notes"),
    ],
)
def test_a_feeds_section_named_by_its_link_is_no_part_of_its_outlet(
    channel: str, link: str, outlet: str
) -> None:
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>'
        + channel.replace("&", "&amp;")
        + f"</title><link>{link}</link><item><title>"
        + HEADLINE
        + "</title><guid>o-1</guid><description>"
        + " ".join(STORY[1:2])
        + "</description></item></channel></rss>"
    )
    [article] = read_feed_bytes(feed.encode(), "mercury.rss")
    assert isinstance(article, Article)
    assert article.outlet == outlet


@pytest.mark.parametrize(
    ("line", "notice"),
    [
        ("Hear more on Mercury Drive from 6pm.", True),
        ("Read the Mercury's full coverage of the closure.", True),
        ("Read more business news at mercury.example", True),
        ("Follow our live factory blog for every update.", True),
        ("Click here to follow Orrisby Mercury on social media.", True),
        ("Mercury Sport on Facebook · Mercury Sport on Instagram", True),
        ("The Mercury may earn a commission when you buy through links on our site.", True),
        ("Was this article helpful? Yes / No", True),
        ("Have your say: should the factory close? Comment below.", True),
        ("The Orrisby Mercury is published by Fennick Regional Media Ltd.", True),
        # Story sentences in the same words stay.
        ("Estate agents may earn a commission of 1.5% on each sale, the council said.", False),
        ("Valdane said she would read the full report before the union met.", False),
        ("Police said the man had posted threats on Facebook and on X.", False),
        ("Click-and-collect orders at the factory shop rose 12% last year.", False),
        ("The lanterns are published in a catalogue by Brightwell each spring.", False),
        ("Workers will hear more from the company on Friday, the union said.", False),
    ],
)
def test_a_pages_pointers_to_itself_go_and_story_sentences_stay(line: str, notice: bool) -> None:
    assert bool(furniture(line)) is notice
    article = _page([HEADLINE], [line])
    assert (line in _kept(article)) is not notice
