"""The HTML reader: main text kept, page furniture left out, metadata read, bad pages refused.

Every page here is invented (an invented town, outlet and people) with the kinds of furniture real
news pages carry around the story.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from trafilatura.settings import Document as TrafilaturaDocument

from corroborate.errors import InputReadError
from corroborate.read import html as html_reader
from corroborate.read.html import read_html, trim_to_agreement

STORY = [
    "The harbour council of Valdmere voted on Tuesday to build a tidal barrier across the mouth "
    "of the Orrin estuary, ending a decade of argument over how to protect the old town.",
    "The barrier, a row of eleven steel gates set on concrete piers, is expected to cost 412 "
    "million crowns and to take six years to build, according to the council's own estimate.",
    "“We have waited long enough, and every winter the water comes a little higher,” said Ilse "
    "Marrow, who chairs the council's works committee.",
    "Fishing crews on the estuary had opposed earlier plans, saying fixed walls would silt up the "
    "channel. The gates chosen stay open except during storm warnings.",
    "Work on the first two piers is due to start next spring, once the regional water authority "
    "has approved the design.",
]
HEADLINE = "Valdmere approves tidal barrier"

NAV = (
    "<header><nav><ul>"
    + "".join(
        f'<li><a href="/{w.lower()}">{w}</a></li>' for w in ("Home", "News", "Sport", "Weather")
    )
    + "</ul></nav></header>"
)
COOKIES = (
    '<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your '
    "experience. By continuing to browse you accept our cookie policy.</p>"
    "<button>Accept all</button></div>"
)
SHARE = (
    '<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a> '
    '<a href="#">Email this article</a></div>'
)
CAPTION = (
    '<figure><img src="gates.jpg" alt=""><figcaption>An artist\'s drawing of the planned gates. '
    "Photo: Courier archive</figcaption></figure>"
)
RELATED = (
    '<section class="related"><h2>Related stories</h2><ul>'
    '<li><a href="/a">Ferry timetable changes for the summer season</a></li>'
    '<li><a href="/b">Museum reopens after flood repairs</a></li></ul></section>'
)
COMMENTS = (
    '<section id="comments" class="comments"><h3>3 comments</h3>'
    '<div class="comment"><p>Grim Tollack wrote: about time, my cellar flooded twice last year '
    "and nobody on the council cared at all.</p></div>"
    '<div class="comment"><p>Hanne Berg wrote: a waste of money that will never be finished on '
    "time, mark my words.</p></div></section>"
)
FOOTER = (
    "<footer><p>© 2025 The Northgate Courier. All rights reserved.</p>"
    '<a href="/privacy">Privacy policy</a></footer>'
)
SCRIPT = '<script>var adSlot = "inline-ad-7"; loadAds(adSlot);</script>'

FURNITURE = {
    "navigation": ["Weather"],
    "cookie banner": ["We use cookies", "Accept all"],
    "share bar": ["Share on Facebook", "Email this article"],
    "caption": ["artist's drawing", "Courier archive"],
    "related stories": ["Ferry timetable", "Museum reopens"],
    "comments": ["Grim Tollack", "cellar flooded", "waste of money"],
    "footer": ["All rights reserved", "Privacy policy"],
    "script": ["adSlot", "loadAds", "inline-ad-7"],
}


def page(*, head: str = "", story: list[str] = STORY, script_in: int = 3) -> str:
    """A news page: the story among every kind of furniture, a script inside one paragraph."""
    paragraphs = [
        f"<p>{text}{' ' + SCRIPT if i == script_in else ''}</p>" for i, text in enumerate(story)
    ]
    body = "".join(paragraphs[:2]) + CAPTION + "".join(paragraphs[2:])
    return (
        f"<!DOCTYPE html><html><head><title>{HEADLINE} | The Northgate Courier</title>{head}"
        f"</head><body>{COOKIES}{NAV}<main><article><h1>{HEADLINE}</h1>{SHARE}{body}</article>"
        f"{RELATED}{COMMENTS}</main>{FOOTER}</body></html>"
    )


META_TAGS = (
    '<meta property="og:site_name" content="The Northgate Courier">'
    '<meta name="author" content="Petra Olsund">'
    '<meta property="article:published_time" content="2025-03-04T09:30:00Z">'
    '<link rel="canonical" href="https://northgate-courier.example/news/valdmere-barrier">'
)
JSON_LD = json.dumps(
    {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": HEADLINE,
        "datePublished": "2025-03-04T09:30:00+01:00",
        "author": {"@type": "Person", "name": "Petra Olsund"},
        "publisher": {"@type": "Organization", "name": "The Northgate Courier"},
    }
)


def normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_keeps_every_paragraph_of_the_story_as_its_own_block() -> None:
    article = read_html(page(), source="courier.html")
    blocks = [normal(block) for block in article.text.split("\n\n")]
    assert blocks == [normal(text) for text in STORY]


@pytest.mark.parametrize("kind", sorted(FURNITURE))
def test_leaves_out_page_furniture(kind: str) -> None:
    text = read_html(page(), source="courier.html").text
    for fragment in FURNITURE[kind]:
        assert fragment not in text, f"{kind}: {fragment!r} leaked into the text"


def test_headline_is_the_title_not_a_paragraph() -> None:
    article = read_html(page(), source="courier.html")
    assert article.title == HEADLINE
    assert not article.text.startswith(HEADLINE)


def test_text_that_mentions_a_script_tag_is_kept_as_text() -> None:
    story = [*STORY[:4], "Its web page shows &lt;script&gt; in plain text, as a test of escaping."]
    article = read_html(page(story=story), source="courier.html")
    assert "shows <script> in plain text" in article.text


@pytest.mark.parametrize(
    "head",
    [
        pytest.param(META_TAGS, id="meta-tags"),
        pytest.param(f'<script type="application/ld+json">{JSON_LD}</script>', id="json-ld"),
    ],
)
def test_reads_metadata(head: str) -> None:
    article = read_html(page(head=head), source="courier.html")
    assert article.title == HEADLINE
    assert article.author == "Petra Olsund"
    assert article.published == "2025-03-04"
    assert article.outlet == "The Northgate Courier"


def test_canonical_url_wins_over_the_url_given() -> None:
    article = read_html(
        page(head=META_TAGS), source="courier.html", url="https://mirror.example/copy?id=7"
    )
    assert article.url == "https://northgate-courier.example/news/valdmere-barrier"


def test_without_site_name_the_outlet_is_the_urls_host() -> None:
    article = read_html(page(), source="courier.html", url="https://www.harbour-post.example/x")
    assert article.url == "https://www.harbour-post.example/x"
    assert article.outlet == "harbour-post.example"


def test_metadata_the_caller_knows_wins_over_the_page() -> None:
    given_meta: dict[str, str | None] = {
        "title": "Barrier vote",
        "outlet": "Courier Wire",
        "published": "2025-03-05",
        "author": None,  # unknown to the caller: the page's value stays
    }
    article = read_html(page(head=META_TAGS), source="feed.jsonl", meta=given_meta)
    assert (article.title, article.outlet, article.published) == (
        "Barrier vote",
        "Courier Wire",
        "2025-03-05",
    )
    assert article.author == "Petra Olsund"


def test_unknown_meta_key_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown meta keys"):
        read_html(page(), source="x.html", meta={"headline": "x"})


NO_ARTICLE = [
    pytest.param("", "the page is empty", id="empty"),
    pytest.param("   \n\t ", "the page is empty", id="blank"),
    pytest.param(
        f"<html><head><title>Index</title></head><body>{COOKIES}{NAV}{RELATED}{FOOTER}</body></html>",
        "neither trafilatura nor readability found a block of prose",
        id="index-page",
    ),
    pytest.param(
        "<html><body><form><label>User</label><input name='u'><label>Password</label>"
        "<input type='password'><button>Log in</button></form></body></html>",
        "neither trafilatura nor readability found a block of prose",
        id="login-page",
    ),
]


@pytest.mark.parametrize(("html", "problem"), NO_ARTICLE)
def test_page_without_article_is_refused_with_a_clear_message(html: str, problem: str) -> None:
    with pytest.raises(InputReadError) as caught:
        read_html(html, source="pages/index.html")
    assert caught.value.source == "pages/index.html"
    assert str(caught.value).startswith(
        "pages/index.html: no article text found in the HTML page ("
    )
    assert problem in str(caught.value)


LEGACY_STORY = [
    "Le conseil du port de Valdmère a voté mardi la construction d’une digue à marée, après dix "
    "années de débats sur la façon de protéger la vieille ville des tempêtes d’hiver.",
    "« Nous avons assez attendu », a déclaré Ilse Marrow, présidente de la commission des "
    "travaux, devant une salle comble où l’on comptait des pêcheurs et des élus.",
    "Le chantier des deux premières piles doit commencer au printemps prochain, une fois le "
    "projet approuvé par l’autorité régionale de l’eau.",
]


@pytest.mark.parametrize(
    ("declaration", "encoding"),
    [
        pytest.param('<meta charset="windows-1252">', "cp1252", id="meta-charset"),
        pytest.param(
            '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
            "latin-1",
            id="http-equiv",
        ),
    ],
)
def test_legacy_encoded_page_decoded_by_the_caller(declaration: str, encoding: str) -> None:
    story = (
        [text.replace("’", "'") for text in LEGACY_STORY]
        if encoding == "latin-1"
        else (LEGACY_STORY)
    )
    raw = page(head=declaration, story=story, script_in=-1).encode(encoding)
    article = read_html(raw.decode(encoding), source="valdmere-fr.html")
    blocks = [normal(block) for block in article.text.split("\n\n")]
    assert blocks == [normal(text) for text in story]


def test_xml_declaration_with_an_encoding_is_read() -> None:
    html = '<?xml version="1.0" encoding="iso-8859-1"?>\n' + page(script_in=-1)
    article = read_html(html, source="courier.xhtml")
    assert normal(STORY[0]) in normal(article.text)


@pytest.mark.parametrize("trafilatura_finds", [None, "Home\nNews\nSport"])
def test_readability_fills_in_when_trafilatura_finds_no_prose(
    monkeypatch: pytest.MonkeyPatch, trafilatura_finds: str | None
) -> None:
    def fake(data: str, url: str | None, second: object) -> TrafilaturaDocument | None:
        if trafilatura_finds is None:
            return None
        document = TrafilaturaDocument()
        document.text = trafilatura_finds
        return document

    monkeypatch.setattr(html_reader, "_trafilatura", fake)
    article = read_html(page(), source="courier.html")
    assert article.meta["extraction"] == "readability"
    for text in STORY:
        assert normal(text) in normal(article.text)


def test_metadata_is_read_even_when_trafilatura_finds_no_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(html_reader, "_bare_extraction", lambda *args, **kwargs: None)
    article = read_html(page(head=META_TAGS), source="courier.html")
    assert article.meta["extraction"] == "readability"
    assert (article.title, article.author, article.outlet) == (
        HEADLINE,
        "Petra Olsund",
        "The Northgate Courier",
    )


@pytest.mark.parametrize(("fast_finds", "passes"), [(STORY[:1], 2), (STORY, 1)])
def test_trafilatura_fallbacks_run_only_when_its_fast_pass_falls_short(
    monkeypatch: pytest.MonkeyPatch, fast_finds: list[str], passes: int
) -> None:
    calls: list[bool] = []

    def fake(data: str, url: str | None, *, favor_precision: bool, fast: bool) -> object:
        calls.append(fast)
        document = TrafilaturaDocument()
        document.text = "\n".join(fast_finds if fast else STORY)
        return document

    monkeypatch.setattr(html_reader, "_bare_extraction", fake)
    article = read_html(page(), source="courier.html")
    assert calls == [True, False][:passes]
    assert [normal(block) for block in article.text.split("\n\n")] == [normal(t) for t in STORY]


def test_agreement_trims_teasers_around_the_story() -> None:
    teasers = ["Ferry timetable changes for the summer season", "Museum reopens after repairs"]
    lines = [teasers[0], *STORY, teasers[1]]
    assert trim_to_agreement(lines, STORY) == STORY


def test_lines_inside_the_agreed_span_are_kept() -> None:
    embedded = "An embedded post that the second opinion left out, quoted in full here"
    lines = [*STORY[:2], embedded, *STORY[2:]]
    assert trim_to_agreement(lines, STORY) == lines


@pytest.mark.parametrize(
    "second",
    [pytest.param([], id="none"), pytest.param(STORY[:1], id="too-small")],
)
def test_no_trimming_without_a_comparable_second_opinion(second: list[str]) -> None:
    lines = ["Teaser for another story entirely", *STORY]
    assert trim_to_agreement(lines, second) == lines


JAPANESE_STORY = [
    "ヴァルドメア港湾評議会は火曜日、旧市街を冬の高潮から守るため、オリン川の河口に潮止め堤を建設することを決めた。",
    "堤は十一基の鋼鉄の水門からなり、建設には六年かかる見込みだと評議会は説明した。",
    "工事は来年の春、地域の水道局が設計を承認した後に始まる予定だ。",
]


def test_page_in_a_script_without_spaces_counts_as_prose() -> None:
    article = read_html(page(story=JAPANESE_STORY, script_in=-1), source="valdmere-ja.html")
    assert [normal(block) for block in article.text.split("\n\n")] == JAPANESE_STORY


@pytest.mark.parametrize(
    ("site_name", "outlet"),
    [
        ("The Northgate Courier", "The Northgate Courier"),
        ("The Northgate Courier | News for the northern coast", "The Northgate Courier"),
    ],
)
def test_site_name_becomes_the_outlet(site_name: str, outlet: str) -> None:
    head = f'<meta property="og:site_name" content="{site_name}">'
    assert read_html(page(head=head), source="courier.html").outlet == outlet


lines_strategy = st.lists(
    st.text(alphabet="abcdefgh ", min_size=1, max_size=40).map(str.strip).filter(bool),
    min_size=1,
    max_size=12,
)


@given(lines=lines_strategy, second=lines_strategy)
def test_trimming_keeps_a_contiguous_run_of_the_lines(lines: list[str], second: list[str]) -> None:
    kept = trim_to_agreement(lines, second)
    assert kept, "trimming never empties a text"
    starts = [i for i in range(len(lines)) if lines[i : i + len(kept)] == kept]
    assert starts, "the kept lines are a contiguous run of the input, in order"


@given(lines=lines_strategy)
def test_full_agreement_keeps_every_line(lines: list[str]) -> None:
    assert trim_to_agreement(lines, lines) == lines
