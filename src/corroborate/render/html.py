"""The report as one self-contained HTML page: inline CSS, a few lines of inline JS, no assets.

One function per section, in the order the report reads. Every string that comes from an
article or a stage goes through `esc` (html.escape), so a `<script>` inside an article shows as
text. Every mention links to its article's section (`#article-<id>`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from html import escape
from importlib import resources

from corroborate.records import (
    Article,
    Claim,
    CopyEvidence,
    Figure,
    FigureValue,
    Mention,
    Quote,
    QuoteMention,
    QuoteVariant,
    Report,
    SourceGroup,
)
from corroborate.render._view import (
    CONTEXT_LABEL,
    DISPUTE_CAVEAT,
    EMPTY,
    SAME_OUTLET_NOTE,
    SECTION_TITLES,
    STATUS_LABEL,
    ReportView,
    anchor,
    cited_articles,
    conflict_summary,
    conflicting_figures,
    contrasts_by_source,
    copy_mark,
    copy_note,
    disputed_claims,
    element_id,
    excerpt,
    figures_in_display_order,
    flag_words,
    format_value,
    group_members,
    is_same_outlet,
    mention_notes,
    number_citations,
    plural,
    quotes_by_speaker,
    readable_diff,
    section_functions,
    speaker_heading,
    split_claims,
    split_groups,
    variant_note,
)

_TEMPLATES = resources.files(__package__).joinpath("templates")


def esc(text: object) -> str:
    # A carriage return is written as a character reference: the HTML parser would fold a
    # literal CR LF into one character, and offsets into the text would drift.
    return escape("" if text is None else str(text), quote=True).replace("\r", "&#13;")


def render_html(report: Report) -> str:
    view = ReportView(report)
    title = esc(report.story.title or "Untitled story")
    body = "\n".join(section(view) for section in SECTIONS)
    css = _TEMPLATES.joinpath("report.css").read_text(encoding="utf-8")
    script = _TEMPLATES.joinpath("report.js").read_text(encoding="utf-8")
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title} · corroborate report</title>\n<style>\n{css}</style>\n</head>\n"
        f"<body>\n{_contents()}\n<main>\n{body}\n</main>\n<script>\n{script}</script>\n"
        "</body>\n</html>\n"
    )


def _contents() -> str:
    links = "".join(f'<a href="#{key}">{esc(name)}</a>' for key, name in SECTION_TITLES.items())
    toggle = '<button type="button" id="toggle-all">Expand all</button>'
    return f'<nav class="toc" aria-label="Sections">{links}{toggle}</nav>'


def _section(key: str, body: str, count: int | None = None) -> str:
    counter = f' <span class="count">{count}</span>' if count is not None else ""
    title = esc(SECTION_TITLES[key])
    return f'<section id="{key}">\n<h2>{title}{counter}</h2>\n{body}\n</section>'


def _empty_section(key: str) -> str:
    return _section(key, _empty(EMPTY[key]))


def _empty(message: str) -> str:
    return f'<p class="empty">{esc(message)}</p>'


def article_link(view: ReportView, article_id: str, spans: Sequence[Sequence[int]] = ()) -> str:
    """A link to the article's section; with spans, the page's script highlights them there."""
    data = f' data-spans="{" ".join(f"{s}-{e}" for s, e in spans)}"' if spans else ""
    label = esc(view.label(article_id))
    return f'<a class="outlet" href="#{anchor(article_id)}"{data}>{label}</a>'


def _badge(text: str, kind: str) -> str:
    return f'<span class="badge {esc(kind)}">{esc(text)}</span>'


def _span(start: int, end: int) -> str:
    return f'<span class="offsets" title="character offsets">{start}–{end}</span>'


def _span_link(article_id: str, start: int, end: int) -> str:
    """Offsets that, followed, mark the span in its article."""
    return (
        f'<a class="offsets" title="show in the article" href="#{anchor(article_id)}" '
        f'data-spans="{start}-{end}">{start}–{end}</a>'
    )


def story_section(view: ReportView) -> str:
    story = view.report.story
    conflicts = conflict_summary(view.report)
    facts = [
        f"<strong>{plural(story.article_count, 'article')}</strong>",
        f"<strong>{plural(story.independent_sources, 'independent source')}</strong>",
    ]
    if conflicts:
        facts.append(f'<a class="alert" href="#conflicts">{esc(conflicts)}</a>')
    meta = f"story {esc(story.id)} · generated {esc(view.report.generated_at)}"
    return (
        f'<header id="story">\n<h1>{esc(story.title or "Untitled story")}</h1>\n'
        f'<p class="facts">{" · ".join(facts)}</p>\n<p class="meta">{meta}</p>\n</header>'
    )


def conflicts_section(view: ReportView) -> str:
    figures = conflicting_figures(view.report)
    disputed = disputed_claims(view.report)
    if not figures and not disputed:
        return _empty_section("conflicts")
    items = [_conflict_figure(view, figure) for figure in figures]
    items += [
        f'<li><span class="badge disputed">disputed claim</span> {esc(c.text)}'
        f"{_context(c, 'span').rstrip()}{_reason(c.reason)} "
        f"{_outlets(view, [m.article for m in c.mentions])}</li>"
        for c in disputed
    ]
    body = f'<ul class="conflicts">\n{"".join(items)}\n</ul>'
    if disputed:
        body += f'\n<p class="note">{esc(DISPUTE_CAVEAT)}</p>'
    return _section("conflicts", body, len(items))


def _conflict_figure(view: ReportView, figure: Figure) -> str:
    values = "".join(f"<li>{_value(view, v)}</li>" for v in figure.values)
    unit = f' <span class="unit">{esc(figure.unit)}</span>' if figure.unit else ""
    return (
        f'<li><span class="badge conflict">conflict</span> <strong>{esc(figure.subject)}</strong>'
        f"{unit}{_reason(figure.reason)}<ul>{values}</ul>{_figure_sentences(view, figure)}</li>"
    )


def summary_section(view: ReportView) -> str:
    summary = view.report.summary
    if not summary:
        return _empty_section("summary")
    citations = number_citations(view.report)
    sentences = []
    for sentence in summary:
        numbers = citations.numbers(cited_articles(sentence.articles, sentence.article))
        refs = "".join(f'<a class="cite" href="#cite-{n}">[{n}]</a>' for n in numbers)
        source = (
            f' <span class="from">from {article_link(view, sentence.article)} '
            f"{_span_link(sentence.article, sentence.start, sentence.end)}</span>"
        )
        sentences.append(f"<li>{esc(sentence.text)} {refs}{source}</li>")
    sources = [
        f'<li id="cite-{n}">{_article_reference(view, article_id)}{_copy(note)}</li>'
        for n, article_id in enumerate(citations.order, start=1)
        for note in [copy_note(view, citations, article_id)]
    ]
    body = (
        f'<ol class="summary">{"".join(sentences)}</ol>\n'
        f'<h3>Sources cited</h3>\n<ol class="citations">{"".join(sources)}</ol>'
    )
    return _section("summary", body)


def _copy(note: str) -> str:
    return f' <span class="copy">— {esc(note)}</span>' if note else ""


def _article_reference(view: ReportView, article_id: str) -> str:
    article = view.articles.get(article_id)
    if article is None:
        return esc(article_id)
    show_title = article.title and article.title != view.label(article_id)
    title = f" — “{esc(article.title)}”" if show_title else ""
    return f'{article_link(view, article_id)}{title} <span class="src">{esc(article.source)}</span>'


def claims_section(view: ReportView) -> str:
    claims = view.report.claims
    if not claims:
        return _empty_section("claims")
    shared, single = split_claims(claims)
    body = "\n".join(_claim(view, claim) for claim in shared)
    if single:
        inner = "\n".join(_claim(view, claim) for claim in single)
        summary = f"{plural(len(single), 'single-source claim')} (see also Exclusives)"
        body += f'\n<details class="single"><summary>{summary}</summary>\n{inner}\n</details>'
    return _section("claims", body, len(claims))


def _claim(view: ReportView, claim: Claim) -> str:
    badges = _badge(STATUS_LABEL[claim.status], claim.status) + _badge(
        plural(claim.independent_sources, "independent source"), "sources"
    )
    outlets = ", ".join(esc(o) for o in view.labels(m.article for m in claim.mentions))
    return (
        f'<article class="claim {esc(claim.status)}" id="{element_id("claim", claim.id)}">\n'
        f'<p class="claim-text">{esc(claim.text)}</p>\n{_context(claim)}'
        f"<p>{badges}{_reason(claim.reason)}</p>\n"
        f"<details><summary>{plural(len(claim.mentions), 'mention')}: {outlets}</summary>\n"
        f'<div class="mentions">{"".join(_mention(view, m) for m in claim.mentions)}</div>\n'
        "</details>\n</article>"
    )


def _context(claim: Claim, tag: str = "p") -> str:
    """The sentence a clause-only claim was cut from, dimmed (empty when there is none)."""
    if not claim.context:
        return ""
    return f'<{tag} class="claim-context">{CONTEXT_LABEL}{esc(claim.context)}</{tag}>\n'


def _mention(view: ReportView, mention: Mention | QuoteMention, note: str = "") -> str:
    return (
        f'<div class="mention"><div class="who">'
        f"{article_link(view, mention.article, _pieces(mention))} "
        f"{_span(mention.start, mention.end)}{note}</div>"
        f'<p class="sentence">{esc(mention.text)}</p></div>'
    )


def quotes_section(view: ReportView) -> str:
    quotes = view.report.quotes
    if not quotes:
        return _empty_section("quotes")
    parts = []
    for speaker, group in quotes_by_speaker(quotes):
        parts.append(f'<h3 class="speaker">{esc(speaker_heading(speaker, group))}</h3>')
        parts += [_quote(view, quote) for quote in group]
    return _section("quotes", "\n".join(parts), len(quotes))


def _quote(view: ReportView, quote: Quote) -> str:
    badges = _badge(plural(quote.independent_sources, "independent source"), "sources")
    badges += "".join(_badge(flag_words(flag), "flag") for flag in quote.flags)
    mentions = "".join(_mention(view, m, _quote_note(m)) for m in quote.mentions)
    return (
        f'<article class="quote" id="{element_id("quote", quote.id)}">\n'
        f"<blockquote>{esc(quote.text)}</blockquote>\n<p>{badges}</p>\n{_variants(view, quote)}"
        f"<details><summary>{plural(len(quote.mentions), 'mention')}</summary>\n"
        f'<div class="mentions">{mentions}</div>\n</details>\n</article>'
    )


def _pieces(mention: Mention | QuoteMention) -> list[Sequence[int]]:
    """The spans to mark: a quote's own words (without the attribution), else the mention."""
    pieces = getattr(mention, "pieces", None)
    return list(pieces) if pieces else [(mention.start, mention.end)]


def _quote_note(mention: QuoteMention) -> str:
    how = f' title="speaker found by: {esc(mention.attribution)}"' if mention.attribution else ""
    said = (
        f' <span class="said"{how}>{esc(mention.speaker_text)}</span>'
        if mention.speaker_text
        else ""
    )
    via = (
        f' <span class="via" title="who relays the words: chars {mention.via_start}–'
        f'{mention.via_end}">via {esc(mention.via_text)}</span>'
        if mention.via_text
        else ""
    )
    notes = "".join(f" {_badge(note, 'flag')}" for note in mention_notes(mention))
    return said + via + notes


def _variants(view: ReportView, quote: Quote) -> str:
    variants = [v for v in quote.variants if v.text != quote.text]
    if not variants:
        return ""
    rows = "".join(
        f"<tr><td>{_outlets(view, v.articles)}{_variant_note(v)}</td>"
        f'<td class="diff">{diff_html(quote.text, v.text)}</td></tr>'
        for v in variants
    )
    return (
        '<table class="variants"><caption>Wording by outlet, against the wording above '
        "(<del>left out</del> <ins>added</ins>)</caption>"
        f"<thead><tr><th>Outlets</th><th>Wording</th></tr></thead><tbody>{rows}</tbody></table>\n"
    )


def _variant_note(variant: QuoteVariant) -> str:
    note = variant_note(variant)
    return f'<div class="note">{esc(note)}</div>' if note else ""


def diff_html(canonical: str, variant: str) -> str:
    """The variant with <del>words it leaves out</del> and <ins>words it adds</ins>."""
    runs = readable_diff(canonical, variant)
    if runs is None:
        return f'{esc(variant)} <span class="reason">(reworded)</span>'
    tags = {"equal": "{}", "delete": "<del>{}</del>", "insert": "<ins>{}</ins>"}
    return "".join(tags[op].format(esc(text)) for op, text in runs)


def figures_section(view: ReportView) -> str:
    figures = view.report.figures
    if not figures:
        return _empty_section("figures")
    rows = "".join(_figure_row(view, figure) for figure in figures_in_display_order(figures))
    body = (
        '<table class="ledger"><thead><tr><th>Subject</th><th>Unit</th><th>Status</th>'
        f"<th>Values (as written — outlets)</th></tr></thead><tbody>{rows}</tbody></table>"
    )
    return _section("figures", body, len(figures))


def _figure_row(view: ReportView, figure: Figure) -> str:
    values = "".join(f"<li>{_value(view, v)}</li>" for v in figure.values)
    return (
        f'<tr class="{esc(figure.status)}" id="{element_id("figure", figure.id)}">'
        f"<td>{esc(figure.subject)}</td><td>{esc(figure.unit or '—')}</td>"
        f"<td>{_badge(STATUS_LABEL[figure.status], figure.status)}{_updated(figure)}"
        f"{_reason(figure.reason)}</td>"
        f'<td><ul class="values">{values}</ul>{_figure_sentences(view, figure)}</td></tr>'
    )


def _updated(figure: Figure) -> str:
    return _badge("updated", "kind") if figure.updated else ""


def _figure_sentences(view: ReportView, figure: Figure) -> str:
    """Every sentence a value was read from, in one collapsed list per figure."""
    items = "".join(
        f"<li><q>{esc(m.as_written or value.as_written)}</q> "
        f"{article_link(view, m.article, [(m.start, m.end)])} "
        f"{_span(m.start, m.end)} {esc(m.sentence or m.text)}</li>"
        for value in figure.values
        for m in value.mentions
    )
    if not items:
        return ""
    count = sum(len(value.mentions) for value in figure.values)
    return f"<details><summary>{plural(count, 'sentence')}</summary><ul>{items}</ul></details>"


def _value(view: ReportView, value: FigureValue) -> str:
    approx = '<span title="approximate">≈</span>' if value.approximate else ""
    articles = value.articles or [m.article for m in value.mentions]
    count = (
        f" · {plural(value.independent_sources, 'independent source')}"
        if value.independent_sources
        else ""
    )
    return (
        f'<span class="value">{approx}{esc(format_value(value.value))}</span> '
        f"<q>{esc(value.as_written)}</q> — {_outlets(view, articles, copies=True)}{count}"
    )


def exclusives_section(view: ReportView) -> str:
    contrasts = contrasts_by_source(view.report)
    if not contrasts:
        return _empty_section("exclusives")
    cards = "".join(
        f'<div class="card"><h3>{esc(view.source_label(c.key))}</h3>'
        f"{_claim_list(view, c.only, 'Only this source reports')}"
        f"{_claim_list(view, c.omits, 'Omits what most others report')}</div>"
        for c in contrasts
    )
    return _section("exclusives", f'<div class="cards">{cards}</div>')


def _claim_list(view: ReportView, claim_ids: Sequence[str], heading: str) -> str:
    if not claim_ids:
        return ""
    items = "".join(
        f'<li><a href="#{element_id("claim", c)}">{esc(view.claim_text(c))}</a></li>'
        for c in claim_ids
    )
    return f'<h4>{esc(heading)} ({len(claim_ids)})</h4><ul class="claim-list">{items}</ul>'


def sources_section(view: ReportView) -> str:
    groups = view.report.source_groups
    if not groups:
        return _empty_section("sources")
    with_copies, alone = split_groups(groups)
    body = "\n".join(_group(view, group) for group in with_copies)
    if alone:
        members = ", ".join(article_link(view, a) for g in alone for a in g.articles)
        body += f'\n<p class="alone">No copies of: {members}.</p>'
    return _section("sources", body, len(groups))


def _group(view: ReportView, group: SourceGroup) -> str:
    members = ", ".join(article_link(view, a) for a in group.articles)
    evidence = "".join(_evidence(view, ev) for ev in group.evidence)
    heading = f"{esc(view.label(group.origin))} and {esc(group_members(view, group))}"
    return (
        f'<article class="group" id="{element_id("group", group.id)}"><h3>{heading} '
        f"<small>{esc(group.id)}</small></h3>"
        f"<p>{plural(len(group.articles), 'article')}: {members}. "
        f"Origin: {article_link(view, group.origin)}.</p>{evidence}</article>"
    )


def _evidence(view: ReportView, ev: CopyEvidence) -> str:
    if is_same_outlet(ev):
        return f"<p>{article_link(view, ev.article)}: {esc(SAME_OUTLET_NOTE)}</p>"
    copy = view.articles.get(ev.article)
    rows = "".join(
        f"<tr><td>{_span_link(ev.article, p.start, p.end)}</td>"
        f"<td>{_span_link(ev.origin, p.origin_start, p.origin_end)}</td>"
        f"<td>{p.similarity:.2f}</td><td>{esc(excerpt(copy, p.start, p.end))}</td></tr>"
        for p in ev.passages
    )
    table = (
        '<table class="passages"><thead><tr><th>In the copy</th><th>In the origin</th>'
        f"<th>Similarity</th><th>Passage</th></tr></thead><tbody>{rows}</tbody></table>"
        if rows
        else ""
    )
    return (
        f"<p>{article_link(view, ev.article)} copies {article_link(view, ev.origin)}: "
        f"{_badge(ev.kind, 'kind')} similarity {ev.similarity:.2f}, "
        f"{plural(len(ev.passages), 'shared passage')}</p>{table}"
    )


def articles_section(view: ReportView) -> str:
    articles = view.report.articles
    if not articles:
        return _empty_section("articles")
    body = "\n".join(_article(view, article) for article in articles)
    return _section("articles", body, len(articles))


def _article(view: ReportView, article: Article) -> str:
    rows = [
        ("Title", esc(article.title or "—")),
        ("Published", esc(article.published or "unknown")),
        ("Source", f'<span class="src">{esc(article.source)}</span>'),
        ("Id", esc(article.id)),
    ]
    if article.copy_of:
        rows.insert(3, ("Copy of", article_link(view, article.copy_of)))
    if article.decoding:  # the text may differ from what was written: say so where it is listed
        rows.insert(3, ("Decoding", f'<span class="decoding">{esc(article.decoding)}</span>'))
    meta = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows)
    return (
        f'<article class="article" id="{anchor(article.id)}">\n'
        f"<h3>{esc(view.label(article.id))}</h3>\n<dl>{meta}</dl>\n"
        f"{_removed(article)}\n{_kept(article)}\n</article>"
    )


def _removed(article: Article) -> str:
    if not article.removed:
        return '<p class="empty">Nothing removed.</p>'
    items = "".join(
        f'<li><span class="reason">{esc(block.reason)}</span> {_span(block.start, block.end)}'
        f'<div class="removed-text">{esc(block.text)}</div></li>'
        for block in article.removed
    )
    summary = f"Removed blocks ({len(article.removed)})"
    return f'<details class="removed"><summary>{summary}</summary><ul>{items}</ul></details>'


def _kept(article: Article) -> str:
    # Each paragraph says where it starts in the article text, so that a mention's offsets
    # can be found and highlighted in it.
    text = "".join(
        f'<p data-start="{p.start}">{esc(article.text[p.start : p.end])}</p>'
        for p in article.paragraphs
    )
    text = text or _empty("No text kept.")
    summary = f"<summary>Kept text ({plural(len(article.paragraphs), 'paragraph')})</summary>"
    return f'<details class="kept">{summary}<div class="text">{text}</div></details>'


def errors_section(view: ReportView) -> str:
    errors = view.report.errors
    if not errors:
        return _empty_section("errors")
    items = "".join(
        f'<li><span class="src">{esc(e.source)}</span>: {esc(e.message)}</li>' for e in errors
    )
    return _section("errors", f'<ul class="errors">{items}</ul>', len(errors))


def _reason(reason: str | None) -> str:
    return f' <span class="reason">{esc(reason)}</span>' if reason else ""


def _outlets(view: ReportView, article_ids: Iterable[str], *, copies: bool = False) -> str:
    ids = list(dict.fromkeys(article_ids))
    marks = [copy_mark(view, a, ids) if copies else "" for a in ids]
    return ", ".join(article_link(view, a) + m for a, m in zip(ids, marks, strict=True)) or "—"


SECTIONS: Sequence[Callable[[ReportView], str]] = section_functions(globals())
