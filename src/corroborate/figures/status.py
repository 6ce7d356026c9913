"""From a group of mentions to a `Figure`: values, independent sources, status and reason.

Sources are counted through `corroborate.sources`, so copies of one article count once. Values
stated at different times are an update, not a conflict, when the articles' dates or the
sentence ("has risen to 17") say which came later; values stated at the same time that do not
agree are a conflict.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence

from corroborate.figures.ledger import FigureMentionDraft, values_agree
from corroborate.records import Article, Figure, FigureMention, FigureValue
from corroborate.sources import sources_of


def make_figure(group: Sequence[FigureMentionDraft], articles: Mapping[str, Article]) -> Figure:
    values = _values(group, articles)
    by_time = _by_time(group)
    clashes = [key for key, members in by_time.items() if not _all_agree(members)]
    sources = len(sources_of(_mentions(group), articles))
    updated = False
    if clashes:
        status, reason = "conflict", _conflict_reason(values)
    elif len(by_time) > 1 and not _all_agree(group):
        updated = True
        latest = by_time[max(by_time, key=_time_order)]
        latest_sources = len(sources_of(_mentions(latest), articles))
        status = "agree" if latest_sources > 1 else "single-source"
        reason = _update_reason(by_time)
    elif sources > 1:
        status, reason = "agree", f"{sources} independent sources agree within their precision"
    else:
        status = "single-source"
        reason = _single_reason(group, articles)
    lead = max(group, key=lambda m: m.subject.size())
    return Figure(
        id=_figure_id(group),
        subject=_label(lead),
        unit=_unit(group),
        status=status,  # type: ignore[arg-type]
        values=values,
        reason=reason,
        updated=updated,
    )


def _mentions(group: Sequence[FigureMentionDraft]) -> list[FigureMention]:
    return [
        FigureMention(
            article=m.article.id,
            start=m.quantity.start,
            end=m.quantity.end,
            text=m.sentence.text,
            as_written=m.quantity.as_written,
        )
        for m in group
    ]


def _values(
    group: Sequence[FigureMentionDraft], articles: Mapping[str, Article]
) -> list[FigureValue]:
    """One value per distinct reading (value, bounds, approximation), most sources first."""
    buckets: dict[tuple[object, ...], list[FigureMentionDraft]] = {}
    for mention in group:
        q = mention.quantity
        key = (_round(q.value), _round(q.low), _round(q.high), q.approximate)
        buckets.setdefault(key, []).append(mention)
    values = []
    for members in buckets.values():
        q = members[0].quantity
        mentions = _mentions(members)
        values.append(
            FigureValue(
                value=q.value,
                as_written=q.as_written,
                approximate=q.approximate,
                low=q.low,
                high=q.high,
                articles=sorted({m.article.id for m in members}),
                mentions=mentions,
                independent_sources=len(sources_of(mentions, articles)),
            )
        )
    values.sort(key=lambda v: (-v.independent_sources, v.as_written))
    return values


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def _by_time(
    group: Sequence[FigureMentionDraft],
) -> dict[tuple[str, bool], list[FigureMentionDraft]]:
    """Mentions by when they were stated: the article's date, then whether the sentence says
    the figure is newer ("has risen to")."""
    by_time: dict[tuple[str, bool], list[FigureMentionDraft]] = {}
    for mention in group:
        key = (mention.date or "", mention.subject.update_cue)
        by_time.setdefault(key, []).append(mention)
    return by_time


def _time_order(key: tuple[str, bool]) -> tuple[str, bool]:
    return key


def _all_agree(members: Sequence[FigureMentionDraft]) -> bool:
    return all(
        values_agree(a.quantity, b.quantity)
        for i, a in enumerate(members)
        for b in members[i + 1 :]
    )


def _conflict_reason(values: Sequence[FigureValue]) -> str:
    sides = [f"{v.as_written} ({_sources(v.independent_sources)})" for v in values]
    return "values disagree beyond their precision: " + " vs ".join(sides)


def _update_reason(by_time: Mapping[tuple[str, bool], Sequence[FigureMentionDraft]]) -> str:
    steps = []
    for key in sorted(by_time, key=_time_order):
        date, cue = key
        written = sorted({m.quantity.as_written for m in by_time[key]})
        when = date or "undated"
        steps.append(f"{' / '.join(written)} ({when}{', stated as an update' if cue else ''})")
    return "updated over time, not a conflict: " + " then ".join(steps)


def _single_reason(group: Sequence[FigureMentionDraft], articles: Mapping[str, Article]) -> str:
    count = len({m.article.id for m in group})
    if count > 1:
        return f"stated by {count} articles that are copies of one source"
    return "stated by one source only"


def _sources(count: int) -> str:
    return f"{count} independent source{'s' if count != 1 else ''}"


def _label(mention: FigureMentionDraft) -> str:
    words = mention.subject.label_words or [mention.quantity.as_written]
    label = " ".join(words)
    return f"{label} (proposed)" if mention.subject.proposed else label


def _unit(group: Sequence[FigureMentionDraft]) -> str:
    unit = group[0].quantity.unit
    if unit != "count":
        return unit
    nouns = Counter(m.subject.counted_text.lower() for m in group if m.subject.counted_text)
    return nouns.most_common(1)[0][0] if nouns else "count"


def _figure_id(group: Sequence[FigureMentionDraft]) -> str:
    keys = sorted(f"{m.article.id}:{m.quantity.start}" for m in group)
    return "f-" + hashlib.sha1("|".join(keys).encode()).hexdigest()[:10]
