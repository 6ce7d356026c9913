"""Presentation helpers every renderer shares: labels, display order, citations, word diffs.

Nothing here counts support or decides a status: those numbers come from the report. This
module only orders, groups, numbers and labels what the report already says, so that every
format shows the same thing the same way.
"""

from __future__ import annotations

import difflib
import re
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from corroborate.records import (
    SAME_OUTLET,
    Article,
    Claim,
    CopyEvidence,
    Figure,
    FigureMention,
    FigureValue,
    Mention,
    Quote,
    QuoteMention,
    QuoteVariant,
    Report,
    SourceGroup,
)

DiffOp = Literal["equal", "delete", "insert"]

# A word (with inner apostrophes or hyphens) or one punctuation mark, with the space before it,
# so that joining the pieces gives back the text exactly.
_TOKEN = re.compile(r"\s*(?:\w+(?:['’\-]\w+)*|[^\w\s])|\s+$", re.UNICODE)

_WORD = re.compile(r"\w+")

FIGURE_STATUS_ORDER = {"conflict": 0, "agree": 1, "single-source": 2}
STATUS_LABEL = {
    "corroborated": "corroborated",
    "single-source": "single source",
    "disputed": "disputed",
    "agree": "agree",
    "conflict": "CONFLICT",
}
UNATTRIBUTED = "Unattributed"
UNNAMED = "Speaker not named"

# The sections of every rendering, in reading order: what a fact-checker looks for first
# (conflicts) comes before the summary; the articles themselves come last. Each renderer
# has one function per section, named `<key>_section`.
SECTION_ORDER = (
    "story",
    "conflicts",
    "summary",
    "claims",
    "quotes",
    "figures",
    "exclusives",
    "sources",
    "articles",
    "errors",
)
SECTION_TITLES = {
    "conflicts": "Conflicts",
    "summary": "Summary",
    "claims": "Claims",
    "quotes": "Quotes",
    "figures": "Figures",
    "exclusives": "Exclusives and omissions",
    "sources": "Source groups",
    "articles": "Articles",
    "errors": "Read errors",
}
# Said under the disputed claims: on held-out news most disputes turn out to be two different
# facts on a closer reading (bench_claim_pairs --set disputes): the label is a lead, not a finding.
DISPUTE_CAVEAT = (
    "A disputed claim is a lead to check, not a finding: read both sentences, since sources often"
    " state two different facts that only look alike."
)
# Put before a claim's `context`, the sentence its wording (a clause that cannot stand alone)
# was cut from: shown dimmed, so that the claim itself reads as only what its mentions say.
CONTEXT_LABEL = "from the sentence: "
# What an empty section says, in one line, so that a reader knows it was looked for.
EMPTY = {
    "conflicts": "No figure conflicts or disputed claims were found.",
    "summary": "No summary yet.",
    "claims": "No claims were found.",
    "quotes": "No quotes were found.",
    "figures": "No figures were found.",
    "exclusives": "No source reports anything the others lack.",
    "sources": "No source groups yet: every article counts as its own source.",
    "articles": "No articles were read.",
    "errors": "Every input was read.",
}


def section_functions(namespace: Mapping[str, Any]) -> list[Any]:
    """A renderer's `<key>_section` functions in SECTION_ORDER (a missing one fails at import)."""
    return [namespace[f"{key}_section"] for key in SECTION_ORDER]


def article_label(article: Article | None, article_id: str) -> str:
    """How an article is named to a reader: its outlet, else its title, else where it came from."""
    if article is None:
        return article_id
    return article.outlet or article.title or article.source or article.id


def element_id(kind: str, item_id: str) -> str:
    """An HTML id for a claim, quote, figure, group or article: safe in any attribute or URL."""
    safe = re.sub(r"[^A-Za-z0-9_-]", "-", item_id)
    if safe != item_id:  # keep ids apart that differ only in the characters replaced
        safe += f"-{zlib.crc32(item_id.encode()):08x}"
    return f"{kind}-{safe}"


def anchor(article_id: str) -> str:
    """The id of an article's section in HTML and Markdown: links from every mention land there."""
    return element_id("article", article_id)


class ReportView:
    """Read-only look-ups over one report, so renderers name things consistently."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.articles = {a.id: a for a in report.articles}
        self.claims = {c.id: c for c in report.claims}
        self.groups = {g.id: g for g in report.source_groups}

    def label(self, article_id: str) -> str:
        return article_label(self.articles.get(article_id), article_id)

    def labels(self, article_ids: Iterable[str]) -> list[str]:
        """Outlet names of the articles, each once, in the given order."""
        return list(dict.fromkeys(self.label(a) for a in article_ids))

    def source_label(self, key: str) -> str:
        """Name an exclusive/omitted key: an article id or a source group id."""
        if key in self.articles:
            return self._told_apart(key)
        group = self.groups.get(key)
        if group is None:
            return key
        others = len(group.articles) - 1
        suffix = f" (+{others} cop{'y' if others == 1 else 'ies'})" if others > 0 else ""
        return f"{self._told_apart(group.origin)}{suffix}"

    def _told_apart(self, article_id: str) -> str:
        """The outlet, and the article's title when the outlet gave more than one article:
        "Larkmoor Chronicle omits" the judge's finding read as the outlet's, which ran it in
        its other article."""
        label = self.label(article_id)
        article = self.articles.get(article_id)
        twins = [a for a in self.articles if a != article_id and self.label(a) == label]
        if not twins or article is None or not article.title:
            return label
        return f"{label}: “{article.title}”"

    def claim_text(self, claim_id: str) -> str:
        claim = self.claims.get(claim_id)
        return claim.text if claim else claim_id

    def group_of(self, article_id: str) -> SourceGroup | None:
        article = self.articles.get(article_id)
        return self.groups.get(article.source_group or "") if article else None


def group_members(view: ReportView, group: SourceGroup) -> str:
    """What a group holds besides its origin: "2 copies", "1 copy, 1 more article by the
    same outlet" (an outlet's follow-up is one source with its first article, no copy)."""
    others = [a for a in group.articles if a != group.origin]
    copies = sum(1 for a in others if (x := view.articles.get(a)) is not None and x.copy_of)
    parts = [plural(copies, "copy", "copies")] if copies or len(others) == copies else []
    if len(others) > copies:
        parts.append(plural(len(others) - copies, "more article") + " by the same outlet")
    return ", ".join(parts)


SAME_OUTLET_NOTE = "another article by the same outlet, no copy; counted as one source with it"


def is_same_outlet(evidence: CopyEvidence) -> bool:
    """Evidence that joins an outlet's follow-up to its group (no copy, no shared passage)."""
    return evidence.kind == SAME_OUTLET


def split_groups(groups: Sequence[SourceGroup]) -> tuple[list[SourceGroup], list[SourceGroup]]:
    """Groups that hold copies (shown with their evidence), and single-article groups."""
    return [g for g in groups if len(g.articles) > 1], [g for g in groups if len(g.articles) <= 1]


def split_claims(claims: Sequence[Claim]) -> tuple[list[Claim], list[Claim]]:
    """Claims more than one source makes or disputes, and single-source claims (shown briefly)."""
    single = [c for c in claims if c.status == "single-source"]
    return [c for c in claims if c.status != "single-source"], single


@dataclass(frozen=True, slots=True)
class SourceContrast:
    """What one source (an article or source group) alone reports, and what it leaves out."""

    key: str
    only: list[str]  # claim ids
    omits: list[str]


def contrasts_by_source(report: Report) -> list[SourceContrast]:
    """One entry per source with exclusives or omissions, in the report's order."""
    keys = dict.fromkeys([*report.exclusive, *report.omitted])
    found = [
        SourceContrast(key, report.exclusive.get(key, []), report.omitted.get(key, []))
        for key in keys
    ]
    return [c for c in found if c.only or c.omits]


def figures_in_display_order(figures: Sequence[Figure]) -> list[Figure]:
    """Conflicts first, then agreement, then single-source figures; report order within each."""
    return sorted(
        figures, key=lambda f: FIGURE_STATUS_ORDER.get(f.status, len(FIGURE_STATUS_ORDER))
    )


def conflicting_figures(report: Report) -> list[Figure]:
    return [f for f in report.figures if f.status == "conflict"]


def disputed_claims(report: Report) -> list[Claim]:
    return [c for c in report.claims if c.status == "disputed"]


def conflict_summary(report: Report) -> str:
    """ "1 figure conflict · 2 disputed claims", or "" when there is neither."""
    figures, claims = len(conflicting_figures(report)), len(disputed_claims(report))
    parts = [plural(figures, "figure conflict")] if figures else []
    parts += [plural(claims, "disputed claim")] if claims else []
    return " · ".join(parts)


@dataclass(frozen=True, slots=True)
class Citations:
    """Numbers [1], [2], ... for the articles the summary cites, in order of first citation."""

    order: tuple[str, ...]

    def number(self, article_id: str) -> int:
        return self.order.index(article_id) + 1

    def numbers(self, article_ids: Iterable[str]) -> list[int]:
        return sorted({self.number(a) for a in article_ids if a in self.order})


def number_citations(report: Report) -> Citations:
    order: dict[str, None] = {}
    for sentence in report.summary:
        for article_id in cited_articles(sentence.articles, sentence.article):
            order.setdefault(article_id, None)
    return Citations(tuple(order))


def copy_note(view: ReportView, citations: Citations, article_id: str) -> str:
    """ "copy of [5]" for a cited article that copies another: two numbers of one source would
    read as two sources behind a sentence (a wire story and its reprint were [2] and [5])."""
    article = view.articles.get(article_id)
    origin = article.copy_of if article else None
    if origin is None:
        return ""
    if origin in citations.order:
        return f"copy of [{citations.number(origin)}]"
    return f"copy of {view.label(origin)}"


def copy_mark(view: ReportView, article_id: str, listed: Iterable[str]) -> str:
    """ " (copy)" for an article listed beside the article it copies: a figure listing five
    outlets and "3 sources" reads as a miscount unless the copies are told apart."""
    article = view.articles.get(article_id)
    return " (copy)" if article and article.copy_of and article.copy_of in set(listed) else ""


def cited_articles(articles: Sequence[str], own: str) -> list[str]:
    """The articles a summary sentence cites; the one it was taken from when it names none."""
    return list(articles) if articles else [own]


def quotes_by_speaker(quotes: Sequence[Quote]) -> list[tuple[str, list[Quote]]]:
    """Quotes grouped under their resolved speaker, speakers in order of first appearance.

    Quotes whose speaker is not named are grouped by how the outlet describes the speaker ("a
    nurse", "one elderly man"): under one heading, two unnamed people would read as one."""
    groups: dict[tuple[str, str], list[Quote]] = {}
    for quote in quotes:
        key = (quote.speaker, "") if quote.speaker else ("", quote.speaker_role or "")
        groups.setdefault(key, []).append(quote)
    return [(speaker or UNATTRIBUTED, group) for (speaker, _), group in groups.items()]


def variant_note(variant: QuoteVariant) -> str:
    """ "2 independent sources · quoted only in part", from the variant's own fields."""
    notes = []
    if variant.independent_sources:
        notes.append(plural(variant.independent_sources, "independent source"))
    if variant.partial:
        notes.append("quoted only in part")
    return " · ".join(notes)


# A quote's flags (`Quote.flags`, kept as codes in JSON) in a reader's words: "⚑ cut-short"
# read as if the report, or the outlet, had cut the quote.
FLAG_WORDS = {
    "wording-differs": "outlets word it differently",
    "cut-short": "some outlets quote only part of it",
    "paraphrased-elsewhere": "also paraphrased, without quotation marks",
    "speaker-unresolved": "speaker not named",
}


def flag_words(flag: str) -> str:
    return FLAG_WORDS.get(flag, flag)


def mention_notes(mention: QuoteMention) -> list[str]:
    """What a reader should know about how an outlet gives a quote."""
    notes = [] if mention.direct else ["paraphrase, not in quotation marks"]
    return notes + (["partial quote"] if mention.partial else [])


def said_as(mention: QuoteMention) -> str:
    """The speaker as written and who relays the words: "Walker, via the Associated Press"
    (the renderers put it in brackets after the outlet's name)."""
    via = f"via {mention.via_text}" if mention.via_text else ""
    if mention.attribution == "carrier":
        return via  # "via a handwritten sign": a thing is no speaker
    if mention.speaker_text and via:
        return f"{mention.speaker_text}, {via}"
    return mention.speaker_text or via


def speaker_heading(speaker: str, quotes: Sequence[Quote]) -> str:
    """ "Ana Lind (mayor)"; for a speaker the outlet describes but does not name, "Speaker not
    named: a nurse" ("Unattributed (a nurse)" read as if no one were credited)."""
    roles = list(dict.fromkeys(q.speaker_role for q in quotes if q.speaker_role))
    if roles and all(q.speaker is None for q in quotes):
        return f"{UNNAMED}: {', '.join(roles)}"
    return f"{speaker} ({', '.join(roles)})" if roles else speaker


def spans_by_article(mentions: Sequence[Mention]) -> list[tuple[str, str]]:
    """Each article once, with its spans: ("a-1", "12–80, 90–120"), in order of first mention
    (a claim said twice by one outlet read as "Outlet (chars 12–80), Outlet (chars 90–120)")."""
    spans: dict[str, list[str]] = {}
    for m in mentions:
        spans.setdefault(m.article, []).append(f"{m.start}–{m.end}")
    return [(article, ", ".join(found)) for article, found in spans.items()]


def own_wording(value: FigureValue, mention: FigureMention) -> str:
    """How this outlet wrote the figure, when not as the value's heading does: "£64m" under
    “£64 million” read as if every outlet listed had written "£64 million"."""
    written = mention.as_written or mention.text
    return written if written and written != value.as_written else ""


def own_mentions(view: ReportView, claim_id: str, source_key: str) -> list[Mention]:
    """The mentions of a claim in one source (an article id or a source group id): where a
    reader finds an outlet's exclusive in its own text."""
    claim = view.claims.get(claim_id)
    # A key may be the article that heads a group: its copies' words are the group's too (an
    # exclusive found only in a copy was listed under the origin with no span at all).
    group = view.groups.get(source_key) or view.group_of(source_key)
    articles = set(group.articles) if group else {source_key}
    return [m for m in claim.mentions if m.article in articles] if claim else []


def diff_words(canonical: str, variant: str) -> list[tuple[DiffOp, str]]:
    """A word-level diff of `variant` against `canonical`: runs of equal, deleted, inserted text.

    Joining the "equal" and "insert" runs gives `variant` back, and "equal" and "delete" give
    `canonical` back, up to spacing and case. Words are compared without the space before
    them and without case, so a capital at a cut does not count as a change.
    """
    old, new = _tokens(canonical), _tokens(variant)
    # Punctuation may extend a match but never start one: otherwise a lone "." can anchor the
    # alignment and hide that "unrealistic." is a word of "an unrealistic objective."
    matcher = difflib.SequenceMatcher(
        isjunk=lambda token: not _WORD.search(token),
        a=[t.strip().casefold() for t in old],
        b=[t.strip().casefold() for t in new],
        autojunk=False,
    )
    runs: list[tuple[DiffOp, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _append(runs, "equal", "".join(new[j1:j2]))
        if tag in ("delete", "replace"):
            _append(runs, "delete", "".join(old[i1:i2]))
        if tag in ("insert", "replace"):
            _append(runs, "insert", "".join(new[j1:j2]))
    return _spaced(runs)


def _spaced(runs: list[tuple[DiffOp, str]]) -> list[tuple[DiffOp, str]]:
    """A space where a deleted run would glue two words together ("reopen it" + "until")."""
    for i in range(1, len(runs)):
        before, (op, text) = runs[i - 1][1], runs[i]
        if "delete" in (op, runs[i - 1][0]) and before[-1:].isalnum() and text[:1].isalnum():
            runs[i] = (op, " " + text)
    return runs


def shared_share(runs: Sequence[tuple[DiffOp, str]]) -> float:
    """The share of words kept, of the shorter side: a quote cut short keeps all its words.

    Below about half, a diff is harder to read than the variant itself (a paraphrase rather
    than a variant of the wording).
    """

    def count(ops: tuple[DiffOp, ...]) -> int:
        return sum(len(_WORD.findall(text)) for op, text in runs if op in ops)

    same = count(("equal",))
    shorter = min(count(("equal", "delete")), count(("equal", "insert")))
    return same / shorter if shorter else 1.0


READABLE_DIFF = 0.5


def readable_diff(canonical: str, variant: str) -> list[tuple[DiffOp, str]] | None:
    """The word diff, or None when the variant shares too little with the canonical wording."""
    runs = diff_words(canonical, variant)
    return runs if shared_share(runs) >= READABLE_DIFF else None


def _tokens(text: str) -> list[str]:
    tokens = _TOKEN.findall(text)
    return tokens if "".join(tokens) == text else [*tokens, text[len("".join(tokens)) :]]


def _append(runs: list[tuple[DiffOp, str]], op: DiffOp, text: str) -> None:
    if not text:
        return
    if runs and runs[-1][0] == op:
        runs[-1] = (op, runs[-1][1] + text)
    else:
        runs.append((op, text))


def split_space(text: str) -> tuple[str, str, str]:
    """Leading space, core, trailing space: markup wraps the core only (**word**, not ** word**)."""
    core = text.strip()
    if not core:
        return text, "", ""
    start = text.index(core)
    return text[:start], core, text[start + len(core) :]


def format_value(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


def excerpt(article: Article | None, start: int, end: int, limit: int = 240) -> str:
    """The text of a span, shortened in the middle when long."""
    if article is None:
        return ""
    text = " ".join(article.text[start:end].split())
    if len(text) <= limit:
        return text
    half = limit // 2
    head, tail = text[:half], text[-half:]
    head = head.rsplit(" ", 1)[0] if " " in head else head  # cut between words
    tail = tail.split(" ", 1)[-1]
    return f"{head} … {tail}"


def plural(count: int, word: str, plural_word: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural_word or word + 's'}"
