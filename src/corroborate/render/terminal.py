"""The report for a person at a terminal (rich), when no output file is asked for.

One function per section, in the order the report reads. Text from articles is put in `Text`
objects, never parsed as rich markup, so "[bold]" in an article shows as written. Article texts
are not printed in full here: the HTML and Markdown reports hold them.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from corroborate.records import Article, Claim, FigureValue, Mention, Quote, Report, SourceGroup
from corroborate.render._view import (
    CONTEXT_LABEL,
    DISPUTE_CAVEAT,
    EMPTY,
    SAME_OUTLET_NOTE,
    SECTION_TITLES,
    STATUS_LABEL,
    ReportView,
    cited_articles,
    conflict_summary,
    conflicting_figures,
    contrasts_by_source,
    copy_mark,
    copy_note,
    disputed_claims,
    excerpt,
    figures_in_display_order,
    flag_words,
    format_value,
    group_members,
    is_same_outlet,
    mention_notes,
    number_citations,
    own_mentions,
    own_wording,
    plural,
    quotes_by_speaker,
    readable_diff,
    said_as,
    section_functions,
    spans_by_article,
    speaker_heading,
    split_claims,
    split_groups,
    split_space,
    variant_note,
)

STATUS_STYLE = {
    "corroborated": "bold green",
    "agree": "green",
    "single-source": "yellow",
    "disputed": "bold red",
    "conflict": "bold red",
}
_EXCERPT = 160  # characters of a removed block or passage shown at a terminal


def print_report(report: Report, console: Console) -> None:
    """Print every section of the report to `console`."""
    view = ReportView(report)
    for section in SECTIONS:
        console.print(section(view))
        console.print()


def render_text(report: Report, width: int = 100) -> str:
    """The terminal view as plain text (no colours), e.g. for a log or a test."""
    buffer = io.StringIO()
    print_report(report, Console(width=width, file=buffer, color_system=None, highlight=False))
    return buffer.getvalue()


def _heading(key: str, count: int | None = None) -> Text:
    text = Text(SECTION_TITLES[key].upper(), style="bold underline")
    if count is not None:
        text.append(f"  {count}", style="dim")
    return text


def _empty_section(key: str) -> RenderableType:
    return Group(_heading(key), Text(EMPTY[key], style="italic"))


def _status(status: str) -> Text:
    return Text(f"[{STATUS_LABEL.get(status, status)}]", style=STATUS_STYLE.get(status, ""))


def story_section(view: ReportView) -> RenderableType:
    story = view.report.story
    facts = Text.assemble(
        (plural(story.article_count, "article"), "bold"),
        " from ",
        (plural(story.independent_sources, "independent source"), "bold"),
    )
    conflicts = conflict_summary(view.report)
    if conflicts:
        facts.append(f" · {conflicts}", style="bold red")
    meta = Text(f"story {story.id} · generated {view.report.generated_at}", style="dim")
    title = Text(story.title or "Untitled story", style="bold")
    return Panel(Group(title, facts, meta), title="corroborate", title_align="left")


def conflicts_section(view: ReportView) -> RenderableType:
    figures = conflicting_figures(view.report)
    disputed = disputed_claims(view.report)
    lines: list[RenderableType] = [_heading("conflicts", len(figures) + len(disputed))]
    if not figures and not disputed:
        return _empty_section("conflicts")
    for figure in figures:
        unit = f" ({figure.unit})" if figure.unit else ""
        lines.append(Text.assemble(_status("conflict"), " ", (figure.subject + unit, "bold")))
        lines += [_indent(_value_text(view, v)) for v in figure.values]
        if figure.reason:
            lines.append(_indent(Text(figure.reason, style="italic")))
    for claim in disputed:
        lines.append(
            Text.assemble(
                _status("disputed"), " ", claim.text, _context(claim), _reason(claim.reason)
            )
        )
    if disputed:
        lines.append(Text(DISPUTE_CAVEAT, style="italic"))
    return Group(*lines)


def summary_section(view: ReportView) -> RenderableType:
    summary = view.report.summary
    if not summary:
        return _empty_section("summary")
    citations = number_citations(view.report)
    lines: list[RenderableType] = [_heading("summary")]
    for sentence in summary:
        numbers = citations.numbers(cited_articles(sentence.articles, sentence.article))
        refs = "".join(f"[{n}]" for n in numbers)
        lines.append(Text.assemble("• ", sentence.text, " ", (refs, "cyan")))
    lines.append(Text("Sources cited:", style="bold"))
    for number, article_id in enumerate(citations.order, start=1):
        reference = _reference(view, article_id)
        if note := copy_note(view, citations, article_id):
            reference.append(f" — {note}", style="yellow")
        lines.append(Text.assemble((f"[{number}] ", "cyan"), reference))
    return Group(*lines)


def _reference(view: ReportView, article_id: str) -> Text:
    article = view.articles.get(article_id)
    text = Text(view.label(article_id), style="bold")
    if article is not None:
        if article.title and article.title != view.label(article_id):
            text.append(f" — {article.title}")
        text.append(f" ({article.source})", style="dim")
    return text


def claims_section(view: ReportView) -> RenderableType:
    claims = view.report.claims
    if not claims:
        return _empty_section("claims")
    shared, single = split_claims(claims)
    lines = [_heading("claims", len(claims)), *(_claim(view, c) for c in shared)]
    for claim in single:  # each with its outlet and offsets, as shared claims are
        line = Text.assemble(_status(claim.status), f" {claim.text}", _context(claim), " — ")
        for index, (article, spans) in enumerate(spans_by_article(claim.mentions)):
            line.append("; " if index else "")
            line.append(view.label(article), style="bold")
            line.append(f" {spans}")
        lines.append(line)
    return Group(*lines)


def _claim(view: ReportView, claim: Claim) -> RenderableType:
    head = Text.assemble(
        _status(claim.status),
        (f" {plural(claim.independent_sources, 'independent source')} ", "cyan"),
        (claim.text, "bold"),
        _context(claim),
        _reason(claim.reason),
    )
    mentions = [
        _indent(Text.assemble((view.label(m.article), "bold"), f" {m.start}–{m.end}: ", m.text))
        for m in claim.mentions
    ]
    return Group(head, *mentions)


def _context(claim: Claim) -> Text:
    """The sentence a clause-only claim was cut from, dimmed (empty when there is none)."""
    return Text(f" ({CONTEXT_LABEL}{claim.context})", style="dim") if claim.context else Text()


def quotes_section(view: ReportView) -> RenderableType:
    quotes = view.report.quotes
    if not quotes:
        return _empty_section("quotes")
    parts: list[RenderableType] = [_heading("quotes", len(quotes))]
    for speaker, group in quotes_by_speaker(quotes):
        parts.append(Text(speaker_heading(speaker, group), style="bold magenta"))
        parts += [_quote(view, quote) for quote in group]
    return Group(*parts)


def _quote(view: ReportView, quote: Quote) -> RenderableType:
    head = Text.assemble(
        "“",
        (quote.text, "italic"),
        "” ",
        (plural(quote.independent_sources, "independent source"), "cyan"),
    )
    for flag in quote.flags:
        head.append(f" ⚑ {flag_words(flag)}", style="bold red")
    lines: list[RenderableType] = [_indent(head, 2)]
    for variant in quote.variants:
        if variant.text != quote.text:
            outlets = ", ".join(view.labels(variant.articles))
            note = variant_note(variant)
            head = Text.assemble((outlets, "bold"), (f" ({note})" if note else "", "cyan"), ": ")
            lines.append(_indent(head.append_text(diff_text(quote.text, variant.text))))
    for mention in quote.mentions:
        said = f" ({said_as(mention)})" if said_as(mention) else ""
        kind = "".join(f" [{note}]" for note in mention_notes(mention))
        who = Text.assemble((view.label(mention.article), "bold"), said, (kind, "red"), ": ")
        lines.append(_indent(who.append(mention.text)))
    return Group(*lines)


def diff_text(canonical: str, variant: str) -> Text:
    """The variant with [-words it leaves out-] in red and {+words it adds+} in green.

    The markers are git's word-diff markers, so the diff reads without colours too.
    """
    runs = readable_diff(canonical, variant)
    if runs is None:
        return Text.assemble(variant, (" (reworded)", "italic"))
    text = Text()
    for op, run in runs:
        lead, core, trail = split_space(run)
        if op == "equal" or not core:
            text.append(run)
        else:
            marks = ("[-", "-]", "strike red") if op == "delete" else ("{+", "+}", "bold green")
            text.append(lead)
            text.append(f"{marks[0]}{core}{marks[1]}", style=marks[2])
            text.append(trail)
    return text


def figures_section(view: ReportView) -> RenderableType:
    figures = view.report.figures
    if not figures:
        return _empty_section("figures")
    table = Table(show_lines=True, expand=True)
    for name in ("Subject", "Unit", "Status", "Values (as written — outlets)"):
        table.add_column(name, overflow="fold")
    for figure in figures_in_display_order(figures):
        status = _status(figure.status)
        if figure.updated:
            status.append(" [updated]", style="cyan")
        if figure.reason:
            status.append(f"\n{figure.reason}", style="italic")
        values = Text("\n").join(_value_text(view, v) for v in figure.values)
        table.add_row(figure.subject, figure.unit or "—", status, values)
    return Group(_heading("figures", len(figures)), table)


def _value_text(view: ReportView, value: FigureValue) -> Text:
    text = Text.assemble(
        ("≈" if value.approximate else "") + format_value(value.value),
        f" “{value.as_written}” — ",
    )
    if value.mentions:
        for i, m in enumerate(value.mentions):
            text.append(", " if i else "")
            text.append(view.label(m.article), style="bold")
            text.append(copy_mark(view, m.article, [n.article for n in value.mentions]), "dim")
            text.append(f" {m.start}–{m.end}")
            if own := own_wording(value, m):
                text.append(f" “{own}”")
    else:
        text.append(", ".join(view.labels(value.articles)), style="bold")
    if value.independent_sources:
        text.append(f", {plural(value.independent_sources, 'source')}")
    return text


def exclusives_section(view: ReportView) -> RenderableType:
    contrasts = contrasts_by_source(view.report)
    if not contrasts:
        return _empty_section("exclusives")
    lines: list[RenderableType] = [_heading("exclusives")]
    for contrast in contrasts:
        lines.append(Text(view.source_label(contrast.key), style="bold"))
        for c in contrast.only:
            where = ", ".join(
                _mention_place(view, m, contrast.key) for m in own_mentions(view, c, contrast.key)
            )
            text = Text(f"only it reports: {view.claim_text(c)}")
            text.append(f" ({where})" if where else "", style="dim")
            lines.append(_indent(text, 2))
        lines += [_indent(Text(f"omits: {view.claim_text(c)}"), 2) for c in contrast.omits]
    return Group(*lines)


def _mention_place(view: ReportView, mention: Mention, source_key: str) -> str:
    """ "chars 12–80", naming the outlet when the words are a copy's, whose offsets are
    into the copy's text, not the key article's."""
    group = view.groups.get(source_key)
    own = mention.article == source_key or (group is not None and group.origin == mention.article)
    outlet = "" if own else f"{view.label(mention.article)} "
    return f"{outlet}chars {mention.start}–{mention.end}"


def sources_section(view: ReportView) -> RenderableType:
    groups = view.report.source_groups
    if not groups:
        return _empty_section("sources")
    with_copies, alone = split_groups(groups)
    lines: list[RenderableType] = [_heading("sources", len(groups))]
    if alone:
        members = ", ".join(view.labels(a for g in alone for a in g.articles))
        lines.append(Text(f"No copies of: {members}"))
    lines += [_group(view, group) for group in with_copies]
    return Group(*lines)


def _group(view: ReportView, group: SourceGroup) -> RenderableType:
    members = ", ".join(view.labels(group.articles))
    copies = group_members(view, group)
    lines: list[RenderableType] = [
        Text.assemble(
            (f"{view.label(group.origin)} and {copies}", "bold"), f" ({group.id}): {members}"
        )
    ]
    for ev in group.evidence:
        if is_same_outlet(ev):
            lines.append(_indent(Text(f"{view.label(ev.article)}: {SAME_OUTLET_NOTE}")))
            continue
        summary = (
            f"{view.label(ev.article)} copies {view.label(ev.origin)}: {ev.kind}, "
            f"similarity {ev.similarity:.2f}, {plural(len(ev.passages), 'shared passage')}"
        )
        lines.append(_indent(Text(summary)))
        copy = view.articles.get(ev.article)
        for p in ev.passages:
            where = (
                f"copy {p.start}–{p.end} ↔ origin {p.origin_start}–{p.origin_end} "
                f"({p.similarity:.2f})"
            )
            passage = excerpt(copy, p.start, p.end, _EXCERPT)
            lines.append(_indent(Text(f"{where}: {passage}", style="dim"), 6))
    return Group(*lines)


def articles_section(view: ReportView) -> RenderableType:
    articles = view.report.articles
    if not articles:
        return _empty_section("articles")
    return Group(_heading("articles", len(articles)), *(_article(view, a) for a in articles))


def _article(view: ReportView, article: Article) -> RenderableType:
    head = Text.assemble((view.label(article.id), "bold"), f" — {article.title or 'untitled'}")
    facts = [article.published or "date unknown", article.source]
    if article.copy_of:
        facts.append(f"copy of {view.label(article.copy_of)}")
    facts.append(f"{plural(len(article.paragraphs), 'paragraph')} kept")
    lines: list[RenderableType] = [head, _indent(Text(" · ".join(facts), style="dim"))]
    if article.decoding:  # the text may differ from what was written: say so where it is listed
        lines.append(_indent(Text.assemble(("decoding: ", "yellow"), article.decoding)))
    lines += [
        _indent(
            Text.assemble(
                ("removed ", "yellow"),
                (block.reason, "yellow italic"),
                f" {block.start}–{block.end}: ",
                (excerpt(article, block.start, block.end, _EXCERPT), "dim"),
            )
        )
        for block in article.removed
    ]
    return Group(*lines)


def errors_section(view: ReportView) -> RenderableType:
    errors = view.report.errors
    if not errors:
        return _empty_section("errors")
    lines = [Text.assemble((e.source, "bold red"), f": {e.message}") for e in errors]
    return Group(_heading("errors", len(errors)), *lines)


def _indent(renderable: RenderableType, level: int = 4) -> Padding:
    """Indented, and indented again where it wraps, so long sentences stay readable."""
    return Padding(renderable, (0, 0, 0, level), expand=False)


def _reason(reason: str | None) -> Text:
    return Text(f" — {reason}", style="italic") if reason else Text()


SECTIONS: Sequence[Callable[[ReportView], RenderableType]] = section_functions(globals())
