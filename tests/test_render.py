"""Renderers: every format shows every section in order, escapes article text, computes nothing."""

from __future__ import annotations

import dataclasses
import json
import re
from html import escape
from html.parser import HTMLParser
from pathlib import PurePath
from typing import ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from rich.console import Console

from corroborate.records import Figure, FigureValue, Paragraph, Quote, Report, StoryInfo
from corroborate.render import EXTENSIONS, FORMATS, UnknownFormatError, format_for_path, render
from corroborate.render._view import (
    DISPUTE_CAVEAT,
    EMPTY,
    SECTION_TITLES,
    diff_words,
    element_id,
    excerpt,
)
from corroborate.render.example import example_report, mention
from corroborate.render.html import diff_html
from corroborate.render.markdown import diff_markdown, md
from corroborate.render.terminal import diff_text, print_report, render_text

SCRIPT = "<script>alert(1)</script>"
TITLES = list(SECTION_TITLES.values())


def hostile_report() -> Report:
    """The example with markup, pipes and rich markup in places a stage copies article text to."""
    report = example_report()
    ledger = report.articles[2]
    ledger.text += f"\n\nA reader wrote {SCRIPT} | [bold]not bold[/bold] *not em* # not a heading"
    hostile = mention(ledger, f"A reader wrote {SCRIPT} | [bold]not bold[/bold] *not em*")
    report.claims[0].mentions.append(hostile)
    report.claims[2].text = f"Cost | {SCRIPT}"
    report.figures[0].subject = "vehicles | per day <b>"
    report.articles[1].outlet = "Velmora <i>Daily</i> | Online"
    return report


def render_terminal(report: Report) -> str:
    return render_text(report, width=120)


def rendered(report: Report) -> dict[str, str]:
    """Every format; for HTML only the page's main part (the table of contents names sections)."""
    texts = {fmt: render(report, fmt) for fmt in FORMATS}
    texts["html"] = texts["html"][texts["html"].index("<main>") :]
    return {**texts, "terminal": render_terminal(report)}


# --- choosing a format -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        ("r.json", "json"),
        ("out/r.md", "markdown"),
        ("r.markdown", "markdown"),
        ("R.HTML", "html"),
        ("/tmp/x.y/report.htm", "html"),
        (PurePath("a/b.json"), "json"),
    ],
)
def test_format_for_path(path: str | PurePath, fmt: str) -> None:
    assert format_for_path(path) == fmt
    assert fmt in FORMATS


@pytest.mark.parametrize(
    ("path", "found"),
    [("r.pdf", "extension '.pdf'"), ("report", "no extension"), ("r.json.gz", "extension '.gz'")],
)
def test_format_for_path_names_the_extension_and_the_choices(path: str, found: str) -> None:
    with pytest.raises(UnknownFormatError) as caught:
        format_for_path(path)
    assert str(caught.value) == (
        f"cannot tell the report format of {path!r}: it has {found}; use one of "
        ".json, .md, .markdown, .html, .htm (or name the format: json, markdown, html)"
    )
    assert isinstance(caught.value, ValueError)  # the CLI turns ValueError into a usage message


def test_every_extension_names_a_format() -> None:
    assert set(EXTENSIONS.values()) == set(FORMATS)


def test_unknown_format_is_a_clear_error() -> None:
    with pytest.raises(UnknownFormatError, match=r"unknown report format 'pdf': choose one of"):
        render(example_report(), "pdf")


# --- every format ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["markdown", "html", "terminal"])
def test_sections_appear_in_reading_order(fmt: str) -> None:
    text = rendered(example_report())[fmt]
    titles = [t.upper() for t in TITLES] if fmt == "terminal" else TITLES
    positions = [text.index(title) for title in titles]
    assert positions == sorted(positions)
    assert text.index("Crack closes Velmora harbour bridge") < positions[0]


def test_json_is_exactly_to_dict() -> None:
    report = example_report()
    assert json.loads(render(report, "json")) == json.loads(json.dumps(report.to_dict()))
    assert list(json.loads(render(report, "json")))[:2] == ["schema", "generated_at"]


@pytest.mark.parametrize("fmt", ["markdown", "html", "terminal"])
def test_empty_sections_say_so_in_one_line(fmt: str) -> None:
    report = Report(generated_at="2026-03-04T09:30:00+00:00", story=StoryInfo("s-0", None, 0, 0))
    text = rendered(report)[fmt]
    for message in EMPTY.values():
        assert message in text
    assert "Untitled story" in text


@pytest.mark.parametrize("fmt", ["markdown", "html", "terminal"])
def test_counts_come_from_the_report_not_from_mentions(fmt: str) -> None:
    report = example_report()
    report.claims[1].independent_sources = 7  # two mentions, but the report says 7: show 7
    report.story.independent_sources = 11
    text = rendered(report)[fmt]
    assert "7 independent sources" in text
    assert "11 independent sources" in text


@pytest.mark.parametrize("fmt", ["markdown", "html", "terminal"])
def test_figure_conflicts_come_first(fmt: str) -> None:
    report = example_report()
    traffic, cost = report.figures
    lanes = dataclasses.replace(traffic, id="f-lanes", subject="lanes")
    report.figures = [lanes, traffic, cost]  # the conflict is last in the report
    text = rendered(report)[fmt]
    ledger = text[
        text.index(SECTION_TITLES["figures"].upper() if fmt == "terminal" else "Figures") :
    ]
    assert ledger.index("repair cost") < ledger.index("lanes") < ledger.index("vehicles crossing")
    conflicts = text.index("repair cost")
    assert conflicts < text.index(TITLES[1].upper() if fmt == "terminal" else TITLES[1])  # summary


@pytest.mark.parametrize("fmt", ["markdown", "html", "terminal"])
def test_disputed_claims_come_with_the_caveat_and_only_then(fmt: str) -> None:
    report = example_report()
    assert any(c.status == "disputed" for c in report.claims)
    caveat = DISPUTE_CAVEAT.split(":")[0]
    text = rendered(report)[fmt]
    assert caveat in text
    assert text.index(caveat) < text.index(TITLES[1].upper() if fmt == "terminal" else TITLES[1])
    for claim in report.claims:
        if claim.status == "disputed":
            claim.status = "corroborated"
    assert caveat not in rendered(report)[fmt]


@pytest.mark.parametrize("fmt", ["markdown", "html", "terminal"])
def test_summary_citations_are_numbered_in_order_of_first_citation(fmt: str) -> None:
    text = rendered(example_report())[fmt]
    if fmt == "html":
        text = "".join(parse_html(render(example_report(), "html")).text)
    summary = text[text.index("Engineers closed the Velmora") :]
    first, second = summary.index("Coastal Wire"), summary.index("Northern Ledger")
    assert first < second
    assert re.search(r"\\?\[1\\?\]\s*\\?\[2\\?\]\s*\\?\[3\\?\]", summary)


@pytest.mark.parametrize("fmt", ["markdown", "html", "terminal"])
def test_quotes_are_grouped_by_speaker(fmt: str) -> None:
    report = example_report()
    brandt = report.quotes[0]
    again = dataclasses.replace(brandt, id="q-2", text="The city will pay.", variants=[])
    nobody = dataclasses.replace(
        brandt, id="q-3", speaker=None, speaker_role=None, text="Nobody said this."
    )
    report.quotes = [brandt, nobody, again]
    text = rendered(report)[fmt]
    assert text.count("Ilse Brandt (Mayor of Velmora)") == 1
    assert text.index("Ilse Brandt (Mayor") < text.index("The city will pay.")
    assert text.index("The city will pay.") < text.index("Unattributed")
    assert text.index("Unattributed") < text.index("Nobody said this.")


@pytest.mark.parametrize("fmt", ["markdown", "html", "terminal"])
def test_every_section_shows_its_content(fmt: str) -> None:
    report = example_report()
    text = rendered(report)[fmt]
    for expected in [
        "1 figure conflict · 1 disputed claim",  # in the header
        "Mayor Ilse Brandt",  # speaker as written
        "paraphrased by one outlet",  # quote flag
        "partial quote",  # how one outlet gives the quote
        "quoted only in part",  # a variant's note
        "€4.5 million and €6 million do not agree",  # figure reason
        "abridged",  # copy evidence
        "after the end of the story",  # removed block reason
        "feeds/broken.jsonl:3",  # read error
        "line 3 is not a JSON object",
        "Officials estimate the bill could reach €6 million.",  # exclusive claim
        "https://wire.example/velmora-bridge",  # article source
    ]:
        assert expected in text
    if fmt != "terminal":  # the terminal leaves the full texts to the files
        assert "About 12,000 vehicles cross the bridge each day." in text  # kept text


# --- escaping --------------------------------------------------------------------------------


class TagChecker(HTMLParser):
    """Collects the tags of a page and fails on a closing tag that does not match."""

    VOID: ClassVar[set[str]] = {"meta", "br", "hr", "img", "input", "link"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(page: str) -> TagChecker:
    checker = TagChecker()
    checker.feed(page)
    checker.close()
    assert checker.stack == []
    return checker


def test_html_escapes_article_text() -> None:
    page = render(hostile_report(), "html")
    assert page.count("<script") == 1  # ours, at the end
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    parsed = parse_html(page)
    assert [t for t, _ in parsed.tags].count("i") == 0  # an outlet named "<i>Daily</i>"
    assert SCRIPT in "".join(parsed.text)  # shows as text


def test_html_is_self_contained_and_links_resolve() -> None:
    parsed = parse_html(render(example_report(), "html"))
    ids = {attrs["id"] for _, attrs in parsed.tags if attrs.get("id")}
    links = [attrs["href"] or "" for tag, attrs in parsed.tags if tag == "a" and "href" in attrs]
    assert links and all(link.startswith("#") for link in links)
    assert {link[1:] for link in links} <= ids
    assert not [t for t, a in parsed.tags if t in ("link", "img", "iframe") or "src" in a]
    assert "@import" not in render(example_report(), "html")


def test_html_links_every_mention_to_its_article() -> None:
    report = example_report()
    page = render(report, "html")
    for claim in report.claims:
        for m in claim.mentions:
            assert f'href="#article-{m.article}"' in page
    for article in report.articles:
        assert f'<article class="article" id="article-{article.id}">' in page


def test_html_collapses_removed_blocks_and_kept_text() -> None:
    page = render(example_report(), "html")
    removed = page.index('<details class="removed">')
    assert page.index("after the end of the story", removed) < page.index("</details>", removed)
    kept = page.index('<details class="kept">')
    assert page.index("About 12,000 vehicles cross", kept) < page.index("</details>", kept)


def markdown_to_html(text: str) -> str:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)


def test_markdown_escapes_markup_and_pipes() -> None:
    text = render(hostile_report(), "markdown")
    html = markdown_to_html(text)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<em>not em</em>" not in html
    assert "Cost | &lt;script&gt;" in html  # an escaped pipe in a heading
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert rows and all(len(re.findall(r"(?<!\\)\|", row)) == 5 for row in rows)  # 4 columns
    assert "vehicles \\| per day" in text
    assert "<td>vehicles | per day &lt;b&gt;</td>" in html


def test_markdown_renders_the_figure_ledger_as_a_table() -> None:
    html = markdown_to_html(render(example_report(), "markdown"))
    table = html[html.index("<table>") : html.index("</table>")]
    assert table.index("repair cost") < table.index("vehicles crossing the bridge")
    assert table.count("<tr>") == 3


@pytest.mark.parametrize(
    "text", ["1. not a list", "- not an item", "# not a heading", "+ no", "===", "> no quote"]
)
def test_markdown_kept_text_stays_text(text: str) -> None:
    report = example_report()
    article = report.articles[0]
    start = len(article.text) + 2
    article.text += "\n\n" + text
    article.paragraphs.append(
        dataclasses.replace(article.paragraphs[0], start=start, end=start + len(text))
    )
    html = markdown_to_html(render(report, "markdown"))
    shown = html.index(f"<p>{text.replace('>', '&gt;')}</p>")
    folded = html.rindex("<summary>Kept text", 0, shown)
    assert "</details>" not in html[folded:shown]


def test_terminal_shows_rich_markup_as_written() -> None:
    text = render_terminal(hostile_report())
    assert "[bold]not bold[/bold]" in text
    assert SCRIPT in text


def test_print_report_writes_to_the_console() -> None:
    console = Console(record=True, width=100, file=open("/dev/null", "w"))  # noqa: SIM115
    print_report(example_report(), console)
    assert "CONFLICTS" in console.export_text()


def test_md_escapes_every_markup_character() -> None:
    assert md("a*b _c`d[e]f<g>h|i~j&k#l!m\\n") == r"a\*b \_c\`d\[e\]f\<g\>h\|i\~j\&k\#l\!m\\n"
    assert md("two\nlines") == "two lines"


@pytest.mark.parametrize("text", ["snake_case_name", "_emph_", "__strong__", "a _b_ c", "x_ _y"])
def test_md_underscores_never_become_emphasis(text: str) -> None:
    html = markdown_to_html(md(text))
    assert html == f"<p>{text}</p>\n"


# --- word diffs ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("canonical", "variant", "runs"),
    [
        (
            "an illusionary goal",
            "an illusory goal",
            [
                ("equal", "an"),
                ("delete", " illusionary"),
                ("insert", " illusory"),
                ("equal", " goal"),
            ],
        ),
        (
            "We will not give up, ever.",
            "We will not give up",
            [("equal", "We will not give up"), ("delete", ", ever.")],
        ),
        ("we must act", "we must act now", [("equal", "we must act"), ("insert", " now")]),
        ("Same words", "same words", [("equal", "same words")]),
        ("", "new", [("insert", "new")]),
    ],
)
def test_diff_words(canonical: str, variant: str, runs: list[tuple[str, str]]) -> None:
    assert diff_words(canonical, variant) == runs


def test_diff_keeps_a_space_where_a_deletion_meets_a_word() -> None:
    runs = diff_words("We will not reopen it until every girder", "until every single girder")
    assert runs[:2] == [("delete", "We will not reopen it"), ("equal", " until every")]


@given(st.text(max_size=60), st.text(max_size=60))
def test_diff_gives_back_both_texts(canonical: str, variant: str) -> None:
    runs = diff_words(canonical, variant)

    def unspaced(text: str) -> str:
        return "".join(text.casefold().split())

    def joined(ops: set[str]) -> str:
        return unspaced("".join(text for op, text in runs if op in ops))

    assert joined({"equal", "insert"}) == unspaced(variant)
    assert joined({"equal", "delete"}) == unspaced(canonical)


def test_diff_in_each_format() -> None:
    canonical, variant = "an illusionary goal", "an illusory goal <b>"
    assert diff_html(canonical, variant) == (
        "an<del> illusionary</del><ins> illusory</ins> goal<ins> &lt;b&gt;</ins>"
    )
    assert (
        diff_markdown(canonical, variant)
        == "an ~~illusionary~~ **illusory** goal <ins>\\<b\\></ins>"
    )
    assert diff_text(canonical, variant).plain == "an [-illusionary-] {+illusory+} goal {+<b>+}"


def test_markdown_diff_renders_as_strikethrough_and_strong() -> None:
    html = markdown_to_html(diff_markdown("an illusionary goal.", "an illusory goal!"))
    assert "<s>illusionary</s>" in html or "<del>illusionary</del>" in html
    assert "<strong>illusory</strong>" in html
    assert "<del>.</del>" in html and "<ins>!</ins>" in html


def test_a_reworded_variant_is_shown_whole_not_as_a_diff() -> None:
    quote = Quote("q", "X", "We will not reopen it", 1)
    paraphrase = "Officials said the crossing would stay shut"
    assert diff_html(quote.text, paraphrase).startswith(paraphrase)
    assert "(reworded)" in diff_markdown(quote.text, paraphrase)


def test_values_show_as_written_and_approximation() -> None:
    report = example_report()
    report.figures = [
        Figure("f", "share", "%", "single-source", [FigureValue(2.33, "2.33 per cent")])
    ]
    for fmt, text in rendered(report).items():
        if fmt != "json":
            assert "2.33" in text and "2.33 per cent" in text


def test_element_ids_are_safe_and_kept_apart() -> None:
    ids = {element_id("claim", raw) for raw in ["a b", "a-b", 'a"b', "a<b"]}
    assert len(ids) == 4
    assert all(re.fullmatch(r"claim-[A-Za-z0-9_-]+", i) for i in ids)


def test_long_excerpts_are_cut_between_words() -> None:
    article = example_report().articles[0]
    short = excerpt(article, 0, len(article.text), limit=60)
    assert " … " in short and len(short) <= 63
    head, tail = short.split(" … ")
    assert article.text.replace("\n", " ").split()[: len(head.split())] == head.split()
    assert " ".join(article.text.split()).endswith(tail)


def test_html_mention_links_carry_offsets_that_land_in_the_kept_text() -> None:
    report = example_report()
    page = render(report, "html")
    for claim in report.claims:
        for m in claim.mentions:
            assert f'data-spans="{m.start}-{m.end}"' in page
    for article in report.articles:
        section = page[page.index(f'id="article-{article.id}"') :]
        for paragraph in article.paragraphs:
            shown = escape(article.text[paragraph.start : paragraph.end])
            assert f'<p data-start="{paragraph.start}">{shown}</p>' in section


@pytest.mark.parametrize("fmt", ["markdown", "html", "terminal"])
def test_exclusives_and_omissions_are_grouped_per_source(fmt: str) -> None:
    text = rendered(example_report())[fmt]
    titles = [SECTION_TITLES[k] for k in ("exclusives", "sources")]
    if fmt == "terminal":
        titles = [t.upper() for t in titles]
    section = text[text.rindex(titles[0]) : text.rindex(titles[1])]
    assert section.count("Bridge closure snarls Velmora traffic") == 1  # only + omits, one heading
    label = section.index("Bridge closure snarls Velmora traffic")
    only = section.index("About 12,000 vehicles a day need another route.")
    omits = section.index("Repairs will cost €4.5 million.")
    assert label < only < omits
    assert section.index("Northern Ledger") < label


@pytest.mark.parametrize("fmt", ["markdown", "html", "terminal"])
def test_an_updated_figure_says_so(fmt: str) -> None:
    report = example_report()
    report.figures[0] = dataclasses.replace(report.figures[0], status="agree", updated=True)
    assert "updated" in rendered(report)[fmt]
    assert "updated" not in rendered(example_report())[fmt]


def test_html_keeps_carriage_returns_so_offsets_hold() -> None:
    report = example_report()
    article = report.articles[0]
    article.text = "Title\n\nOne line\r\nnext line."
    article.paragraphs = [Paragraph(7, len(article.text))]
    report.claims, report.quotes, report.figures, report.summary = [], [], [], []
    report.source_groups = []
    page = render(report, "html")
    assert '<p data-start="7">One line&#13;\nnext line.</p>' in page  # a browser keeps both
    assert "\r" not in page
