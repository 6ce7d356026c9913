"""The report as CommonMark (GitHub-flavoured where it helps: tables, ~~strikethrough~~).

One function per section, in the order the report reads. Every piece of text that comes from an
article or a stage is escaped, so it shows as written and never as markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from corroborate.records import Article, Claim, Figure, FigureValue, Quote, QuoteMention, Report
from corroborate.render._view import (
    CONTEXT_LABEL,
    DISPUTE_CAVEAT,
    EMPTY,
    SAME_OUTLET_NOTE,
    SECTION_TITLES,
    STATUS_LABEL,
    DiffOp,
    ReportView,
    anchor,
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

# Characters that can start markup anywhere in a line. CommonMark lets any ASCII punctuation be
# backslash-escaped, so escaping a few more than needed is always safe.
_INLINE_SPECIAL = re.compile(r"([\\`*\[\]<>|~&#!]|(?<![^\W_])_|_(?![^\W_]))")
# What makes a line a list item, heading underline or thematic break when it starts a line.
_LINE_START = re.compile(r"^(\d+)([.)])|^([-+=])")
_WORD_EDGES = re.compile(r"^[^\W_].*[^\W_]$|^[^\W_]$", re.DOTALL)


def md(text: str | None) -> str:
    """Escape text for inline use; line breaks become spaces so one item stays one line."""
    if not text:
        return ""
    return _INLINE_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def md_line(text: str) -> str:
    """Escape text that starts a line, so "1. Foo" or "- Foo" stays text."""
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", md(text))


def article_link(view: ReportView, article_id: str) -> str:
    return f"[{md(view.label(article_id))}](#{anchor(article_id)})"


def _heading(key: str) -> str:
    return f"## {SECTION_TITLES[key]}"


def _empty_section(key: str) -> str:
    return f"{_heading(key)}\n\n{EMPTY[key]}"


def render_markdown(report: Report) -> str:
    view = ReportView(report)
    return "\n\n".join(section(view) for section in SECTIONS).rstrip() + "\n"


def story_section(view: ReportView) -> str:
    story = view.report.story
    title = md(story.title) or "Untitled story"
    return (
        f"# {title}\n\n"
        f"**{plural(story.article_count, 'article')}** from "
        f"**{plural(story.independent_sources, 'independent source')}**"
        f"{_conflicts_note(view)} · "
        f"story {md(story.id)} · generated {md(view.report.generated_at)} · "
        f"{md(view.report.schema)}"
    )


def _conflicts_note(view: ReportView) -> str:
    conflicts = conflict_summary(view.report)
    return f" · [{conflicts}](#conflicts)" if conflicts else ""


def conflicts_section(view: ReportView) -> str:
    figures = conflicting_figures(view.report)
    disputed = disputed_claims(view.report)
    lines = [_heading("conflicts")]
    if not figures and not disputed:
        return _empty_section("conflicts")
    for figure in figures:
        values = "; ".join(_value_summary(view, v) for v in figure.values)
        reason = f" ({md(figure.reason)})" if figure.reason else ""
        lines.append(f"- **{md(figure.subject)}**{_unit(figure)}: {values}{reason}")
    for claim in disputed:
        reason = f" ({md(claim.reason)})" if claim.reason else ""
        lines.append(f"- Disputed claim: {md(claim.text)}{_context(claim)}{reason}")
    caveat = f"\n\n_{DISPUTE_CAVEAT}_" if disputed else ""
    return lines[0] + "\n\n" + "\n".join(lines[1:]) + caveat


def summary_section(view: ReportView) -> str:
    summary = view.report.summary
    if not summary:
        return _empty_section("summary")
    citations = number_citations(view.report)
    lines = [_heading("summary"), ""]
    for sentence in summary:
        numbers = citations.numbers(cited_articles(sentence.articles, sentence.article))
        refs = "".join(f"\\[{n}\\]" for n in numbers)
        source = (
            f" (from {article_link(view, sentence.article)}, chars {sentence.start}–{sentence.end})"
        )
        lines.append(f"- {md(sentence.text)} {refs}{source}")
    lines += ["", "Sources cited:", ""]
    for number, article_id in enumerate(citations.order, start=1):
        note = copy_note(view, citations, article_id)
        lines.append(f"{number}. {_article_reference(view, article_id)}{_copy(note)}")
    return "\n".join(lines)


def _copy(note: str) -> str:
    return f" — {md(note)}" if note else ""


def claims_section(view: ReportView) -> str:
    claims = view.report.claims
    if not claims:
        return _empty_section("claims")
    shared, single = split_claims(claims)
    parts = [_heading("claims"), *(_claim(view, claim) for claim in shared)]
    if single:
        lines = [f"### {plural(len(single), 'single-source claim')}", ""]
        lines += [
            f"- {md(c.text)}{_context(c)} — "
            + ", ".join(
                f"{article_link(view, article)} (chars {spans})"
                for article, spans in spans_by_article(c.mentions)
            )
            for c in single
        ]
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def _claim(view: ReportView, claim: Claim) -> str:
    reason = f" — {md(claim.reason)}" if claim.reason else ""
    badge = (
        f"**{STATUS_LABEL[claim.status]}** · "
        f"{plural(claim.independent_sources, 'independent source')}{reason}"
    )
    lines = [f"### {md(claim.text)}", ""]
    lines += [_context(claim).strip(), ""] if claim.context else []
    lines += [badge, ""]
    lines += [
        f"- {article_link(view, m.article)} (chars {m.start}–{m.end}): {md(m.text)}"
        for m in claim.mentions
    ]
    return "\n".join(lines).rstrip()


def _context(claim: Claim) -> str:
    """The sentence a clause-only claim was cut from, in italics (dimmed), or ""."""
    return f" _{CONTEXT_LABEL}{md(claim.context)}_" if claim.context else ""


def quotes_section(view: ReportView) -> str:
    quotes = view.report.quotes
    if not quotes:
        return _empty_section("quotes")
    parts = [_heading("quotes")]
    for speaker, group in quotes_by_speaker(quotes):
        parts.append(f"### {md(speaker_heading(speaker, group))}")
        parts += [_quote(view, quote) for quote in group]
    return "\n\n".join(parts)


def _quote(view: ReportView, quote: Quote) -> str:
    flags = "".join(f" · ⚑ {md(flag_words(flag))}" for flag in quote.flags)
    lines = [
        f"> “{md(quote.text)}”",
        "",
        f"{plural(quote.independent_sources, 'independent source')}{flags}",
    ]
    variants = [v for v in quote.variants if v.text != quote.text]
    if variants:
        lines += ["", "Wording by outlet (~~left out~~ / **added** against the wording above):", ""]
        lines += [
            f"- {md(', '.join(view.labels(v.articles)))}{_note(variant_note(v))}: "
            f"{diff_markdown(quote.text, v.text)}"
            for v in variants
        ]
    lines += ["", "Mentions:", "", *(_quote_mention(view, m) for m in quote.mentions)]
    return "\n".join(lines)


def _note(note: str) -> str:
    return f" ({md(note)})" if note else ""


def _quote_mention(view: ReportView, mention: QuoteMention) -> str:
    said = f" ({md(said_as(mention))})" if said_as(mention) else ""
    kind = "".join(f" — {note}" for note in mention_notes(mention))
    return (
        f"- {article_link(view, mention.article)}{said}, chars {mention.start}–{mention.end}"
        f"{kind}: {md(mention.text)}"
    )


def diff_markdown(canonical: str, variant: str) -> str:
    """The variant with ~~words it leaves out~~ and **words it adds** against the canonical."""
    runs = readable_diff(canonical, variant)
    if runs is None:
        return f"{md(variant)} *(reworded)*"
    return "".join(_diff_run(op, text) for op, text in runs)


def _diff_run(op: DiffOp, text: str) -> str:
    lead, core, trail = split_space(text)
    lead, trail = (" " if lead else ""), (" " if trail else "")
    if op == "equal":
        return f"{lead}{md(core)}{trail}" if core else lead
    # ~~ and ** only work when they touch a word character; <del>/<ins> work anywhere.
    if _WORD_EDGES.match(core):
        mark = "~~" if op == "delete" else "**"
        return f"{lead}{mark}{md(core)}{mark}{trail}"
    tag = "del" if op == "delete" else "ins"
    return f"{lead}<{tag}>{md(core)}</{tag}>{trail}"


def figures_section(view: ReportView) -> str:
    figures = view.report.figures
    if not figures:
        return _empty_section("figures")
    rows = [
        "| Subject | Unit | Status | Values (as written — outlets) |",
        "| --- | --- | --- | --- |",
    ]
    for figure in figures_in_display_order(figures):
        values = "<br>".join(_value_summary(view, v) for v in figure.values)
        status = STATUS_LABEL[figure.status]
        status = f"**{status}**" if figure.status == "conflict" else status
        status += " (updated)" if figure.updated else ""
        reason = f" ({md(figure.reason)})" if figure.reason else ""
        unit = md(figure.unit) or "—"
        rows.append(f"| {md(figure.subject)} | {unit} | {status}{reason} | {values} |")
    return _heading("figures") + "\n\n" + "\n".join(rows)


def _value_summary(view: ReportView, value: FigureValue) -> str:
    approx = "≈" if value.approximate else ""
    if value.mentions:  # each where it was read, so the number can be checked in its sentence
        listed = [m.article for m in value.mentions]
        where = ", ".join(
            f"{article_link(view, m.article)}{copy_mark(view, m.article, listed)} {m.start}–{m.end}"
            + (f" “{md(own)}”" if (own := own_wording(value, m)) else "")
            for m in value.mentions
        )
    else:
        where = md(", ".join(view.labels(value.articles)))
    count = f", {plural(value.independent_sources, 'source')}" if value.independent_sources else ""
    return f"{approx}{format_value(value.value)} “{md(value.as_written)}” — {where}{count}"


def _unit(figure: Figure) -> str:
    return f" ({md(figure.unit)})" if figure.unit else ""


def exclusives_section(view: ReportView) -> str:
    contrasts = contrasts_by_source(view.report)
    if not contrasts:
        return _empty_section("exclusives")
    lines = [_heading("exclusives")]
    for contrast in contrasts:
        lines += ["", f"### {md(view.source_label(contrast.key))}"]
        if contrast.only:
            lines += ["", f"Only this source reports ({len(contrast.only)}):", ""]
            lines += [
                f"- {md(view.claim_text(c))}{_where(view, c, contrast.key)}" for c in contrast.only
            ]
        if contrast.omits:
            lines += ["", f"Omits what most others report ({len(contrast.omits)}):", ""]
            lines += [f"- {md(view.claim_text(c))}" for c in contrast.omits]
    return "\n".join(lines)


def _where(view: ReportView, claim_id: str, source_key: str) -> str:
    """Where the source says it, " — [chars 12–80](#article-…)", so an exclusive can be traced to
    its sentence as every other item can (the outlet is named when it is a copy in the group)."""
    parts = []
    for m in own_mentions(view, claim_id, source_key):
        outlet = "" if m.article == source_key else f"{md(view.label(m.article))} "
        group = view.groups.get(source_key)
        outlet = "" if group and group.origin == m.article else outlet
        parts.append(f"{outlet}[chars {m.start}–{m.end}](#{anchor(m.article)})")
    return f" — {', '.join(parts)}" if parts else ""


def sources_section(view: ReportView) -> str:
    groups = view.report.source_groups
    if not groups:
        return _empty_section("sources")
    with_copies, alone = split_groups(groups)
    parts = [_heading("sources")]
    if alone:
        members = ", ".join(article_link(view, a) for g in alone for a in g.articles)
        parts.append(f"No copies of: {members}.")
    for group in with_copies:
        members = ", ".join(article_link(view, a) for a in group.articles)
        copies = group_members(view, group)
        heading = f"**{md(view.label(group.origin))} and {copies}** ({md(group.id)})"
        lines = [f"- {heading}: {members} (origin: {article_link(view, group.origin)})"]
        for ev in group.evidence:
            if is_same_outlet(ev):
                lines.append(f"  - {article_link(view, ev.article)}: {md(SAME_OUTLET_NOTE)}")
                continue
            lines.append(
                f"  - {article_link(view, ev.article)} copies {article_link(view, ev.origin)}: "
                f"{md(ev.kind)}, similarity {ev.similarity:.2f}, "
                f"{plural(len(ev.passages), 'shared passage')}"
            )
            copy = view.articles.get(ev.article)
            lines += [
                f"    - copy chars {p.start}–{p.end} ↔ origin chars {p.origin_start}–"
                f"{p.origin_end} ({p.similarity:.2f}): {md(excerpt(copy, p.start, p.end))}"
                for p in ev.passages
            ]
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def articles_section(view: ReportView) -> str:
    articles = view.report.articles
    if not articles:
        return _empty_section("articles")
    return _heading("articles") + "\n\n" + "\n\n".join(_article(view, a) for a in articles)


def _article(view: ReportView, article: Article) -> str:
    lines = [f'### <a id="{anchor(article.id)}"></a>{md(view.label(article.id))}', ""]
    lines.append(f"- Title: {md(article.title) or '—'}")
    lines.append(f"- Published: {md(article.published) or 'unknown'}")
    lines.append(f"- Source: {md(article.source)}")
    if article.decoding:  # the text may differ from what was written: say so where it is listed
        lines.append(f"- Decoding: **{md(article.decoding)}**")
    if article.copy_of:
        lines.append(f"- Copy of: {article_link(view, article.copy_of)}")
    lines.append(f"- Id: {md(article.id)}")
    lines += ["", f"Removed ({len(article.removed)}):" if article.removed else "Nothing removed."]
    if article.removed:
        lines.append("")
        lines += [
            f"- *{md(block.reason)}* (chars {block.start}–{block.end}): {md(block.text)}"
            for block in article.removed
        ]
    kept = [article.text[p.start : p.end] for p in article.paragraphs]
    kept = [p for p in kept if p.strip()]
    # A <details> block is valid CommonMark and folds the text away where HTML is shown.
    summary = f"<summary>Kept text ({plural(len(kept), 'paragraph')})</summary>"
    lines += ["", "<details>", summary, ""]
    lines += ["\n>\n".join(f"> {md_line(p)}" for p in kept) if kept else "> (no text kept)"]
    lines += ["", "</details>"]
    return "\n".join(lines)


def errors_section(view: ReportView) -> str:
    errors = view.report.errors
    if not errors:
        return _empty_section("errors")
    lines = [_heading("errors"), ""]
    lines += [f"- {md(e.source)}: {md(e.message)}" for e in errors]
    return "\n".join(lines)


def _article_reference(view: ReportView, article_id: str) -> str:
    article = view.articles.get(article_id)
    if article is None:
        return md(article_id)
    show_title = article.title and article.title != view.label(article_id)
    title = f" — “{md(article.title)}”" if show_title else ""
    return f"{article_link(view, article_id)}{title} ({md(article.source)})"


SECTIONS: Sequence[Callable[[ReportView], str]] = section_functions(globals())
