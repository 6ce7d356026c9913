"""The report's JSON Schema: what `Report.to_dict()` makes is valid; a broken report is named."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from markdown_it import MarkdownIt

from corroborate.records import (
    Article,
    Claim,
    CopyEvidence,
    Figure,
    FigureMention,
    FigureValue,
    Mention,
    Paragraph,
    Quote,
    QuoteMention,
    QuoteVariant,
    ReadError,
    Removed,
    Report,
    SharedPassage,
    SourceGroup,
    StoryInfo,
    SummarySentence,
)
from corroborate.render import FORMATS, render
from corroborate.render.example import example_report
from corroborate.render.terminal import render_text
from corroborate.schema import ReportValidationError, load_schema, validate_report
from corroborate.schema.load import load_report

Data = dict[str, Any]


def empty_report() -> Report:
    return Report(generated_at="2026-03-04T09:30:00+00:00", story=StoryInfo("s-1", None, 0, 0))


def test_schema_file_is_valid_draft_2020_12() -> None:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["schema"] == {"const": "corroborate.report/1"}


def test_load_schema_returns_a_copy() -> None:
    load_schema()["required"].clear()
    assert "story" in load_schema()["required"]


@pytest.mark.parametrize("report", [empty_report(), example_report()], ids=["empty", "example"])
def test_reports_made_by_to_dict_are_valid(report: Report) -> None:
    data = report.to_dict()
    validate_report(data)
    validate_report(json.loads(json.dumps(data)))  # and after a trip through a file


def _dotted(path: tuple[str | int, ...]) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)


CONTRACT_FIELDS = [
    (),
    ("story",),
    ("articles", 0),
    ("articles", 1, "removed", 0),
    ("source_groups", 0),
    ("claims", 0),
    ("claims", 0, "mentions", 0),
    ("quotes", 0),
    ("quotes", 0, "variants", 0),
    ("quotes", 0, "mentions", 0),
    ("figures", 0),
    ("figures", 0, "values", 0),
    ("figures", 0, "values", 0, "mentions", 0),
    ("summary", 0),
]
REQUIRED = {
    (): ["schema", "generated_at", "story", "articles", "source_groups", "claims", "quotes",
         "figures", "exclusive", "summary"],
    ("story",): ["id", "title", "article_count", "independent_sources"],
    ("articles", 0): ["id", "source", "text", "outlet", "title", "published", "source_group",
                      "copy_of", "removed"],
    ("articles", 1, "removed", 0): ["text", "reason", "start", "end"],
    ("source_groups", 0): ["id", "articles", "origin", "evidence"],
    ("claims", 0): ["id", "text", "status", "independent_sources", "mentions"],
    ("claims", 0, "mentions", 0): ["article", "start", "end", "text"],
    ("quotes", 0): ["id", "speaker", "text", "independent_sources", "variants", "mentions"],
    ("quotes", 0, "variants", 0): ["text", "articles"],
    ("quotes", 0, "mentions", 0): ["article", "start", "end", "text", "speaker_text",
                                   "speaker_start", "speaker_end"],
    ("figures", 0): ["id", "subject", "unit", "status", "values"],
    ("figures", 0, "values", 0): ["value", "as_written", "approximate", "articles", "mentions"],
    ("figures", 0, "values", 0, "mentions", 0): ["article", "start", "end"],
    ("summary", 0): ["text", "claims", "articles"],
}  # fmt: skip


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


@pytest.mark.parametrize(
    ("path", "field"),
    [(path, field) for path in CONTRACT_FIELDS for field in REQUIRED[path]],
    ids=[f"{_dotted(path)}.{field}" for path in CONTRACT_FIELDS for field in REQUIRED[path]],
)
def test_every_contract_field_is_required(path: tuple[str | int, ...], field: str) -> None:
    data = example_report().to_dict()
    del _at(data, path)[field]
    with pytest.raises(ReportValidationError) as caught:
        validate_report(data)
    assert caught.value.problems == [f"{_dotted(path)}: {field!r} is a required property"]


def _set(path: tuple[str | int, ...], value: Any) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        _at(data, path[:-1])[path[-1]] = value

    return change


def _backwards(data: Data) -> None:
    block = data["articles"][1]["removed"][0]
    block["start"] = block["end"] + 1


def _facts() -> dict[str, int]:
    """Offsets and lengths of the example report that the messages below name."""
    report = example_report()
    wire, reprint = report.articles[0], report.articles[1]
    assert reprint.removed[0].end == len(reprint.text)
    return {
        "wire": len(wire.text),
        "reprint": len(reprint.text),
        "reprint_1": len(reprint.text) + 1,
        "claim_start": report.claims[0].mentions[0].start,
        "origin_start": report.source_groups[0].evidence[0].passages[0].origin_start,
        "ledger": len(report.articles[2].text),
        "via_start": report.quotes[0].mentions[2].via_start or 0,
    }


BROKEN = [
    ("bad claim status", _set(("claims", 0, "status"), "likely"),
     "$.claims[0].status: 'likely' is not one of ['corroborated', 'single-source', 'disputed']"),
    ("bad figure status", _set(("figures", 0, "status"), "conflicts"),
     "$.figures[0].status: 'conflicts' is not one of ['agree', 'conflict', 'single-source']"),
    ("negative offset", _set(("claims", 0, "mentions", 0, "start"), -1),
     "$.claims[0].mentions[0].start: -1 is less than the minimum of 0"),
    ("offset as float", _set(("articles", 1, "removed", 0, "end"), 3.5),
     "$.articles[1].removed[0].end: 3.5 is not of type 'integer'"),
    ("offset as string", _set(("quotes", 0, "mentions", 0, "speaker_start"), "5"),
     "$.quotes[0].mentions[0].speaker_start: '5' is not valid under any of the given schemas"),
    ("count as text", _set(("story", "independent_sources"), "3"),
     "$.story.independent_sources: '3' is not of type 'integer'"),
    ("count as bool", _set(("claims", 1, "independent_sources"), True),
     "$.claims[1].independent_sources: True is not of type 'integer'"),
    ("other schema", _set(("schema",), "corroborate.report/2"),
     "$.schema: 'corroborate.report/1' was expected"),
    ("title not text", _set(("articles", 0, "title"), 7),
     "$.articles[0].title: 7 is not of type 'string', 'null'"),
    ("value not a number", _set(("figures", 0, "values", 0, "value"), "12,000"),
     "$.figures[0].values[0].value: '12,000' is not of type 'number', 'null'"),
    ("approximate not bool", _set(("figures", 0, "values", 0, "approximate"), "yes"),
     "$.figures[0].values[0].approximate: 'yes' is not of type 'boolean'"),
    ("exclusive not a list", _set(("exclusive", "a-post"), "c-detour"),
     "$.exclusive.a-post: 'c-detour' is not of type 'array'"),
    ("span past the end", _set(("claims", 0, "mentions", 0, "end"), 10_000),
     "$.claims[0].mentions[0]: span {claim_start}-10000 is not inside article 'a-wire' "
     "(length {wire})"),
    ("span backwards", _backwards,
     "$.articles[1].removed[0]: span {reprint_1}-{reprint} is not inside article 'a-reprint' "
     "(length {reprint})"),
    ("quote piece past the end", _set(("quotes", 0, "mentions", 0, "pieces"), [[0, 10_000]]),
     "$.quotes[0].mentions[0].pieces[0]: span 0-10000 is not inside article 'a-wire' "
     "(length {wire})"),
    ("via past the end", _set(("quotes", 0, "mentions", 2, "via_end"), 10_000),
     "$.quotes[0].mentions[2]: via span {via_start}-10000 is not inside its article "
     "(length {ledger})"),
    ("via as string", _set(("quotes", 0, "mentions", 2, "via_start"), "5"),
     "$.quotes[0].mentions[2].via_start: '5' is not valid under any of the given schemas"),
    ("quote piece not a pair", _set(("quotes", 0, "mentions", 0, "pieces"), [[1, 2, 3]]),
     "$.quotes[0].mentions[0].pieces[0]: [1, 2, 3] is too long"),
    ("unknown article", _set(("claims", 0, "mentions", 0, "article"), "a-gone"),
     "$.claims[0].mentions[0]: article 'a-gone' is not in the report's articles"),
    ("unknown copy origin", _set(("articles", 1, "copy_of"), "a-gone"),
     "$.articles[1].copy_of: article 'a-gone' is not in the report's articles"),
    ("unknown claim", _set(("exclusive", "a-post"), ["c-gone"]),
     "$.exclusive.a-post[0]: claim 'c-gone' is not in the report"),
    ("unknown summary claim", _set(("summary", 0, "claims"), ["c-gone"]),
     "$.summary[0].claims[0]: claim 'c-gone' is not in the report"),
    ("passage outside origin", _set(("source_groups", 0, "evidence", 0, "passages", 0,
                                     "origin_end"), 9_999),
     "$.source_groups[0].evidence[0].passages[0] (origin): span {origin_start}-9999 is not "
     "inside article 'a-wire' (length {wire})"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("change", "problem"), [(c, p) for _, c, p in BROKEN], ids=[n for n, _, _ in BROKEN]
)
def test_a_broken_report_names_the_problem(change: Callable[[Data], None], problem: str) -> None:
    data = example_report().to_dict()
    change(data)
    problem = problem.format(**_facts())
    with pytest.raises(ReportValidationError) as caught:
        validate_report(data)
    assert caught.value.problems == [problem]
    assert problem in str(caught.value)


def test_the_message_counts_and_lists_problems() -> None:
    data = example_report().to_dict()
    for claim in data["claims"]:
        claim["status"] = "maybe"
    with pytest.raises(ReportValidationError) as caught:
        validate_report(data)
    allowed = "['corroborated', 'single-source', 'disputed']"
    assert str(
        caught.value
    ) == "report is not a valid corroborate.report/1 (4 problems):\n" + "\n".join(
        f"  - $.claims[{i}].status: 'maybe' is not one of {allowed}" for i in range(4)
    )


def test_a_long_list_of_problems_is_cut_short() -> None:
    data = empty_report().to_dict()
    data["claims"] = [{"id": f"c{i}"} for i in range(12)]
    with pytest.raises(ReportValidationError) as caught:
        validate_report(data)
    assert len(caught.value.problems) == 48  # text, status, independent_sources, mentions each
    assert str(caught.value).endswith("  ... and 38 more")


def test_span_checks_can_be_left_out() -> None:
    data = example_report().to_dict()
    data["claims"][0]["mentions"][0]["end"] = 10_000
    validate_report(data, check_spans=False)


def test_added_fields_are_allowed() -> None:
    data = example_report().to_dict()
    data["story"]["language"] = "en"
    data["claims"][0]["confidence"] = 0.9
    data["extra_section"] = []
    validate_report(data)


# --- random reports: always valid, always rendered ---------------------------------------------

ids = st.text(min_size=1, max_size=6)
# Any text, and text that is markup in one of the formats.
HOSTILE = [
    "<script>alert(1)</script>",
    "a | b",
    "**x** _y_ [z](u)",
    "# h",
    "1. x",
    "\r\n",
    "[b]x[/b]",
]
words = st.text(max_size=40) | st.sampled_from(HOSTILE)


@st.composite
def spans(draw: st.DrawFn, text: str) -> tuple[int, int]:
    start = draw(st.integers(0, len(text)))
    return start, draw(st.integers(start, len(text)))


@st.composite
def articles(draw: st.DrawFn, article_id: str) -> Article:
    text = draw(st.text(max_size=120))
    removed = [Removed(*draw(spans(text)), draw(words.filter(bool)), draw(words))
               for _ in range(draw(st.integers(0, 2)))]  # fmt: skip
    paragraphs = [Paragraph(*draw(spans(text))) for _ in range(draw(st.integers(0, 3)))]
    return Article(
        id=article_id, source=draw(words), text=text, title=draw(st.none() | words),
        outlet=draw(st.none() | words), published=draw(st.none() | words),
        removed=removed, paragraphs=paragraphs, source_group=article_id,
    )  # fmt: skip


@st.composite
def mentions(draw: st.DrawFn, pool: list[Article]) -> Mention:
    article = draw(st.sampled_from(pool))
    return Mention(article.id, *draw(spans(article.text)), draw(words))


@st.composite
def quote_mentions(draw: st.DrawFn, pool: list[Article]) -> QuoteMention:
    article = draw(st.sampled_from(pool))
    speaker = draw(st.none() | spans(article.text))
    via = draw(st.none() | spans(article.text))
    pieces = [list(draw(spans(article.text))) for _ in range(draw(st.integers(0, 2)))]
    return QuoteMention(
        article.id, *draw(spans(article.text)), draw(words), draw(st.none() | words),
        speaker[0] if speaker else None, speaker[1] if speaker else None, draw(st.booleans()),
        pieces, draw(st.booleans()), draw(st.none() | words),
        article.text[via[0] : via[1]] if via else None, via[0] if via else None,
        via[1] if via else None,
    )  # fmt: skip


@st.composite
def reports(draw: st.DrawFn) -> Report:
    article_ids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    pool = [draw(articles(a)) for a in article_ids]
    counts = st.integers(0, 9)
    numbers = st.none() | st.floats(allow_nan=False, allow_infinity=False)
    claims = [
        Claim(f"c{i}", draw(words), draw(st.sampled_from(["corroborated", "single-source",
              "disputed"])), draw(counts), draw(st.lists(mentions(pool), max_size=3)),
              draw(st.none() | words))
        for i in range(draw(st.integers(0, 4)))
    ]  # fmt: skip
    claim_ids = [c.id for c in claims]
    quotes = [
        Quote(f"q{i}", draw(st.none() | words), draw(words), draw(counts),
              [QuoteVariant(draw(words), draw(st.lists(st.sampled_from(article_ids), max_size=2)),
                            draw(counts), draw(st.booleans()))
               for _ in range(draw(st.integers(0, 3)))],
              draw(st.lists(quote_mentions(pool), max_size=3)), draw(st.none() | words),
              draw(st.lists(words, max_size=2)))
        for i in range(draw(st.integers(0, 3)))
    ]  # fmt: skip
    figures = [
        Figure(f"f{i}", draw(words), draw(st.none() | words),
               draw(st.sampled_from(["agree", "conflict", "single-source"])),
               [FigureValue(draw(numbers), draw(words), draw(st.booleans()), draw(numbers),
                            draw(numbers), [m.article for m in ms],
                            [FigureMention(m.article, m.start, m.end, m.text, draw(words))
                             for m in ms],
                            draw(counts))
                for ms in draw(st.lists(st.lists(mentions(pool), max_size=2), max_size=3))],
               draw(st.none() | words), draw(st.booleans()))
        for i in range(draw(st.integers(0, 3)))
    ]  # fmt: skip
    summary = [
        SummarySentence(m.text, m.article, m.start, m.end,
                        draw(st.lists(st.sampled_from(claim_ids), max_size=2)) if claim_ids else [],
                        draw(st.lists(st.sampled_from(article_ids), max_size=3)))
        for m in draw(st.lists(mentions(pool), max_size=3))
    ]  # fmt: skip
    groups = [SourceGroup(a.id, [a.id], a.id) for a in pool]
    if len(pool) > 1:
        copy, origin = pool[1], pool[0]
        copy.copy_of = origin.id
        passages = [SharedPassage(*draw(spans(copy.text)), *draw(spans(origin.text)), 1.0)]
        groups[0] = SourceGroup(
            origin.id,
            [origin.id, copy.id],
            origin.id,
            [CopyEvidence(copy.id, origin.id, "verbatim", 0.5, passages)],
        )
        del groups[1]
    exclusive = {a: draw(st.lists(st.sampled_from(claim_ids), max_size=2)) if claim_ids else []
                 for a in draw(st.lists(st.sampled_from(article_ids), max_size=2))}  # fmt: skip
    return Report(
        generated_at="2026-03-04T09:30:00+00:00",
        story=StoryInfo(draw(ids), draw(st.none() | words), len(pool), len(groups)),
        articles=pool, source_groups=groups, claims=claims, quotes=quotes, figures=figures,
        exclusive=exclusive, omitted=dict(exclusive), summary=summary,
        errors=[ReadError(draw(words), draw(words)) for _ in range(draw(st.integers(0, 2)))],
    )  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_random_reports_are_valid_and_always_render(report: Report) -> None:
    data = report.to_dict()
    validate_report(data)
    validate_report(json.loads(json.dumps(data)))
    texts = {fmt: render(report, fmt) for fmt in FORMATS}
    assert texts["html"].count("<script") == 1  # ours: no text of the report became markup
    assert "<script" not in MarkdownIt("commonmark").render(texts["markdown"])
    assert render_text(report)
    assert copy.deepcopy(data) == report.to_dict()  # rendering changed nothing


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_a_saved_report_reads_back_to_the_same_report(report: Report) -> None:
    data = json.loads(json.dumps(report.to_dict()))
    assert load_report(data).to_dict() == report.to_dict()


def test_a_saved_report_renders_like_the_report() -> None:
    report = example_report()
    data = json.loads(render(report, "json"))
    for fmt in FORMATS:
        assert render(data, fmt) == render(report, fmt)


def test_reading_back_an_invalid_report_names_the_problem() -> None:
    data = example_report().to_dict()
    data["figures"][0]["status"] = "unsure"
    with pytest.raises(ReportValidationError, match=r"\$\.figures\[0\]\.status: 'unsure'"):
        load_report(data)


def test_fields_added_by_a_newer_writer_are_ignored_when_read_back() -> None:
    data = example_report().to_dict()
    data["claims"][0]["confidence"] = 0.9
    data["story"]["language"] = "en"
    assert load_report(data).claims[0] == example_report().claims[0]
