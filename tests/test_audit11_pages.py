"""Audit 11: the head of a scraped page under a cookie banner, and the page's own notes.

A banner of two lines ("We value your privacy. ..." and its buttons "Accept all | Manage
preferences") was taken for the headline: the story's title became "Accept all | Manage
preferences", the masthead was not seen as the outlet, the date line was not read, and the
banner, the masthead, the menu and the byline stayed in the story as claims ("We and our 212
partners use cookies" gave a figure). A menu joined by runs of spaces ("Menu  Search  Sign in")
was the title of another page. A correction note with a date ("Correction, 23 November: ...")
stayed in the story with the figure it corrected. Fixtures are invented.
"""

from __future__ import annotations

import pytest

from corroborate.clean import clean_article
from corroborate.read.feed import read_feed_bytes
from corroborate.read.text import read_text
from corroborate.records import Article

HEADLINE = "Tram depot fire closes Ostrell line for a week"
STORY = [
    "OSTRELL, March 3 2026 (Kestrel Wire) — A fire at the Vell Street tram depot closed the "
    "city's northern line on Tuesday, and the operator said services would not run for a week.",
    "Firefighters were called at 4am and the blaze was out by 7am, the fire service said. No "
    "one was hurt.",
    "\u201cWe are sorry for the disruption,\u201d said operations manager Ilka Brandt.",
    "Replacement buses will run every ten minutes between Vell Street and the harbour.",
]


def _page(head: list[str], tail: list[str] = ()) -> Article:  # type: ignore[assignment]
    text = "\n".join(head) + "\n\n" + "\n\n".join([*STORY, *tail]) + "\n"
    return clean_article(read_text(text, source="0312_ab12cd.txt"))


def _kept(article: Article) -> str:
    return "\n".join(article.text[p.start : p.end] for p in article.paragraphs)


BANNERS = [
    [
        "We value your privacy. We and our 212 partners use cookies to store and access "
        "information on your device.",
        "Accept all | Manage preferences",
    ],
    ["This site uses cookies. Find out more. Got it"],
    ["Cookie settings: we use essential cookies.", "[Accept] [Reject non-essential]"],
    ["We use cookies to improve your visit.", "Yes, I agree"],
    ["We use cookies to improve your visit.", "No, take me to settings"],
]


@pytest.mark.parametrize("banner", BANNERS)
def test_under_a_cookie_banner_the_headline_masthead_and_date_are_read(banner: list[str]) -> None:
    head = [
        *banner,
        "OSTRELL EVENING POST",
        "News | Sport | What's On | Jobs",
        HEADLINE,
        "Tuesday 3 March 2026 · 2 min read",
        "By Ana Lind, Kestrel Wire",
    ]
    article = _page(head)
    assert article.title == HEADLINE
    assert article.outlet == "Ostrell Evening Post"
    assert (article.published or "").startswith("2026-03-03")
    kept = _kept(article)
    for line in head:
        assert line not in kept
    assert kept.startswith("A fire at the Vell Street tram depot")


@pytest.mark.parametrize(
    "menu",
    [
        ["Menu  Search  Sign in", "News  Politics  Sport  Community  Obituaries"],
        ["Home\tNews\tSport\tWeather"],
    ],
)
def test_a_menu_joined_by_spaces_is_neither_title_nor_byline(menu: list[str]) -> None:
    article = _page(["OSTRELL HERALD", *menu, HEADLINE, "3 March 2026", "By Ana Lind, Reporter"])
    assert article.title == HEADLINE
    assert article.outlet == "Ostrell Herald"
    reasons = {r.text: r.reason for r in article.removed}
    for line in menu:
        assert reasons[line.strip()] == "navigation links before the story"


@pytest.mark.parametrize(
    "note",
    [
        "Correction, 3 March: An earlier version of this article said 48 trams were damaged. "
        "Four were.",
        "Correction (March 3, 2026): This article originally gave the depot as Vell Road.",
        "Clarification, 4 March: An earlier version said the line would close for a month.",
    ],
)
def test_a_dated_correction_note_goes_with_what_it_corrects(note: str) -> None:
    article = _page([HEADLINE], [note])
    assert note.split(":")[0] not in _kept(article)
    assert any(r.text == note and "correction" in r.reason for r in article.removed)


@pytest.mark.parametrize(
    ("line", "stays"),
    [
        ("Get the latest news on Ostrell FM every hour, on the hour.", False),
        ("Picture gallery: the depot fire from the air", False),
        ("Photo gallery: Ostrell's trams through the years", False),
        ("Comments are closed on this article.", False),
        # Story sentences that look like these notes stay.
        ("Correction officer Dana Wu, 23, said the depot doors had been locked.", True),
        ("Commuters can get the latest times from the operator's website.", True),
        ("Passengers said they valued the privacy of the night trams.", True),
    ],
)
def test_a_promotion_or_gallery_link_goes_and_story_sentences_stay(line: str, stays: bool) -> None:
    article = _page([HEADLINE], [line])
    assert (line in _kept(article)) is stays


@pytest.mark.parametrize(
    ("head", "dateline", "outlet"),
    [
        # A wire's own text: no masthead, the agency in its byline and its dateline's credit.
        (
            [HEADLINE, "By Ana Lind, Kestrel Wire"],
            "OSTRELL, March 3 2026 (Kestrel Wire) —",
            "Kestrel Wire",
        ),
        # Only one of the two names it: the file's name stays.
        ([HEADLINE, "By Ana Lind, Kestrel Wire"], "OSTRELL, March 3 2026 —", "0312_ab12cd"),
        ([HEADLINE, "By Ana Lind"], "OSTRELL, March 3 2026 (Kestrel Wire) —", "0312_ab12cd"),
        ([HEADLINE, "By Ana Lind, Business reporter"], "OSTRELL (Kestrel Wire) —", "0312_ab12cd"),
        # A reprint's masthead names the page's outlet, whoever wrote the text.
        (
            ["OSTRELL EVENING POST", "News | Sport", HEADLINE, "By Ana Lind, Kestrel Wire"],
            "OSTRELL, March 3 2026 (Kestrel Wire) —",
            "Ostrell Evening Post",
        ),
    ],
)
def test_a_wire_named_in_its_byline_and_dateline_is_its_outlet(
    head: list[str], dateline: str, outlet: str
) -> None:
    text = (
        "\n".join(head)
        + "\n\n"
        + STORY[0].replace("OSTRELL, March 3 2026 (Kestrel Wire) —", dateline)
    )
    article = read_text(text + "\n\n" + "\n\n".join(STORY[1:]) + "\n", source="0312_ab12cd.txt")
    assert article.outlet == outlet


@pytest.mark.parametrize(
    ("channel", "outlet"),
    [
        ("Esker Valley Echo — News", "Esker Valley Echo"),
        ("Ostrell Post | Latest stories", "Ostrell Post"),
        ("Kessel FM - Home", "Kessel FM"),
        # A name that holds a section word, or a title with no section, stays whole.
        ("Varrow FM News", "Varrow FM News"),
        ("News - Ostrell Post", "News - Ostrell Post"),
        ("Tide & Harbour — Notes from Kessel", "Tide & Harbour — Notes from Kessel"),
    ],
)
def test_a_feeds_section_is_no_part_of_its_outlet(channel: str, outlet: str) -> None:
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>'
        + channel.replace("&", "&amp;")
        + "</title><item><title>"
        + HEADLINE
        + "</title><guid>t-1</guid><description>"
        + " ".join(STORY[1:3]).replace("\u201c", "").replace("\u201d", "")
        + "</description></item></channel></rss>"
    )
    [article] = read_feed_bytes(feed.encode(), "ostrell.rss")
    assert isinstance(article, Article)
    assert article.outlet == outlet


def test_a_date_with_its_reading_time_is_removed_as_a_date_line() -> None:
    """The dateline dates the article; the page's own date line above it is still a date line."""
    line = "Tuesday 3 March 2026 · 2 min read"
    article = _page(["OSTRELL EVENING POST", HEADLINE, line, "By Ana Lind, Kestrel Wire"])
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons[line].startswith("date line")


@pytest.mark.parametrize("line", ["Advertisement", "Story continues below advertisement"])
def test_an_advert_slot_is_not_called_a_link(line: str) -> None:
    article = _page([HEADLINE], [STORY[0].split(" — ")[1], line, STORY[2]])
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons[line] == "advertisement slot or prompt to read on (marker line)"


def test_a_menu_that_ends_on_subscribe_is_the_pages_navigation() -> None:
    bar = "Home | News | Business | Sport | Family Notices | Subscribe"
    article = _page(["THE OSTRELL COURIER", bar, HEADLINE])
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons[bar] == "navigation links before the story"
