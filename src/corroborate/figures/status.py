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

from corroborate.figures.label import with_phase
from corroborate.figures.ledger import FigureMentionDraft
from corroborate.figures.loose import FOR_CONFLICT, NOT_SURE
from corroborate.figures.values import values_agree
from corroborate.records import Article, Figure, FigureMention, FigureValue
from corroborate.sources import sources_of


def make_figure(group: Sequence[FigureMentionDraft], articles: Mapping[str, Article]) -> Figure:
    superseded = _superseded(group)
    counted = [m for m in group if id(m) not in superseded]
    mark_past(counted)
    values = _values(group, counted, articles)
    clashing = [m for m in counted if any(_same_time(m, o) and not _agree(m, o) for o in counted)]
    updated = _updated(counted)
    sources = len(sources_of(_mentions(counted), articles))
    if clashing:
        status, reason = "conflict", _conflict_reason(clashing, articles)
        later = [m for m in counted if m not in clashing]
        if updated and later:
            reason += "; then " + _update_reason(later).partition(": ")[2]
    elif updated:
        latest_key = max(_time_key(m) for m in counted)
        latest = [m for m in counted if _time_key(m) == latest_key]
        status = "agree" if len(sources_of(_mentions(latest), articles)) > 1 else "single-source"
        reason = _update_reason(counted)
    elif sources > 1:
        status, reason = "agree", f"{sources} independent sources agree within their precision"
    else:
        status, reason = "single-source", _single_reason(group)
    doubts = sorted({d for m in group for d in m.doubts} - {m.quantity.as_written for m in group})
    if doubts and status != "conflict":
        reason += f"; {', '.join(doubts)} elsewhere may be this figure: {NOT_SURE}"
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


def _updated(counted: Sequence[FigureMentionDraft]) -> bool:
    """A later report changed the value, and the latest reports settle on it. Where the latest
    reports still disagree among themselves ("27 injured" / "23 injured" on Monday, after "27"
    on Sunday), nothing was updated: the values are in conflict."""
    if not any(not _same_time(m, o) and _changed(m, o) for m in counted for o in counted):
        return False
    latest_key = max(_time_key(m) for m in counted)
    latest = [m for m in counted if _time_key(m) == latest_key]
    return all(_agree(m, o) for m in latest for o in latest)


def mark_past(counted: Sequence[FigureMentionDraft]) -> None:
    """Mark the mentions of an earlier time: a value told as an earlier one ("58 seats, up from
    41"), and another outlet's plain statement of that value ("won 41 seats at the last
    election"), which reports the earlier value and is no rival to the new one."""
    earlier = [(m, m.earlier_of) for m in counted if m.earlier_of is not None]
    for m in counted:
        old = any(_agree(m, e) and not _agree(m, head) for e, head in earlier)
        m.past = m.earlier_of is not None or (old and not m.subject.update_cue)


def _time_key(mention: FigureMentionDraft) -> tuple[bool, str, bool]:
    """When a figure was stated: a sentence saying it is newer ("has risen to") comes after any
    date; among the rest, the article's date (undated articles sort first); an earlier value
    told beside its figure ("up from 1,200") comes before the figure of its article's date."""
    return mention.subject.update_cue, mention.date or "", not mention.past


def _same_time(a: FigureMentionDraft, b: FigureMentionDraft) -> bool:
    """Stated at one time: neither says it is newer nor is told as an earlier value, and the
    dates match or one is unknown."""
    if a.past != b.past:
        return False
    if a.subject.update_cue != b.subject.update_cue and not _one_period(a, b):
        return False
    return a.date == b.date or a.date is None or b.date is None


def _one_period(a: FigureMentionDraft, b: FigureMentionDraft) -> bool:
    """Both state one named period ("in the first quarter") and neither says it revises: "rose
    to 6.2%" is then how the period ended, not a later report."""
    x, y = a.subject, b.subject
    if not FOR_CONFLICT.allows("one_period"):
        return False
    return bool(x.times) and x.times == y.times and not (x.revised or y.revised)


def _agree(a: FigureMentionDraft, b: FigureMentionDraft) -> bool:
    return values_agree(a.quantity, b.quantity)


def _changed(a: FigureMentionDraft, b: FigureMentionDraft) -> bool:
    """The later report says something else: another value, or an exact value where the
    earlier gave a floor ("at least 9 died", then "the toll rose to 16")."""
    if not _agree(a, b):
        return True
    for bound, other in ((a, b), (b, a)):
        is_bound = bound.quantity.low is not None or bound.quantity.high is not None
        exact = other.quantity.low is None and other.quantity.high is None
        if is_bound and exact and other.subject.update_cue:
            return other.quantity.value != bound.quantity.value
    return False


def _readings(members: Sequence[FigureMentionDraft]) -> list[list[FigureMentionDraft]]:
    """Mentions by what they say (12 and "Twelve" together), most mentions first."""
    found: dict[tuple[object, ...], list[FigureMentionDraft]] = {}
    for m in members:
        q = m.quantity
        found.setdefault((_round(q.value), _round(q.low), _round(q.high)), []).append(m)
    return sorted(found.values(), key=len, reverse=True)


def _superseded(group: Sequence[FigureMentionDraft]) -> set[int]:
    """Mentions an article itself reports as replaced: "...risen to 17" makes that article's
    "officials put the toll at 12" a past value, not its own support for 12."""
    updating = {m.article.id for m in group if m.subject.update_cue}
    return {
        id(m)
        for m in group
        if m.article.id in updating
        and not m.subject.update_cue
        and m.earlier_of is None  # "up from £38m" is told as the earlier value: it stays one
        and not any(
            values_agree(m.quantity, u.quantity)
            for u in group
            if u.article.id == m.article.id and u.subject.update_cue
        )
    }


def _mentions(group: Sequence[FigureMentionDraft]) -> list[FigureMention]:
    return [
        FigureMention(
            article=m.article.id,
            start=m.quantity.start,
            end=m.quantity.end,
            text=m.quantity.as_written,
            as_written=m.quantity.as_written,
            sentence=m.sentence.text,
            sentence_start=m.sentence.start,
            sentence_end=m.sentence.end,
        )
        for m in group
    ]


def _values(
    group: Sequence[FigureMentionDraft],
    counted: Sequence[FigureMentionDraft],
    articles: Mapping[str, Article],
) -> list[FigureValue]:
    """One value per distinct reading (value, bounds, approximation), most sources first.

    Sources are counted over `counted`: mentions an article reports as superseded still show.
    """
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
                independent_sources=len(
                    sources_of(_mentions([m for m in members if m in counted]), articles)
                ),
            )
        )
    values.sort(key=lambda v: (-v.independent_sources, v.as_written))
    return values


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def _conflict_reason(
    clashing: Sequence[FigureMentionDraft], articles: Mapping[str, Article]
) -> str:
    sides = [
        f"{ms[0].quantity.as_written} ({_sources(len(sources_of(_mentions(ms), articles)))})"
        for ms in _readings(clashing)
    ]
    dates = {m.date for m in clashing if m.date}
    when = f" on {dates.pop()}" if len(dates) == 1 else ""
    return f"values stated{when} disagree beyond their precision: " + " vs ".join(sides)


def _update_reason(counted: Sequence[FigureMentionDraft]) -> str:
    steps = []
    for members in sorted(_readings(counted), key=lambda ms: max(_time_key(m) for m in ms)):
        # an earlier value told beside its figure ("up from 1,200") is dated before its article
        told = [m for m in members if m.earlier_of is None]
        last = max(told or members, key=_time_key)
        when = last.date or "undated"
        when = when if told else f"before {when}"
        cue = ", stated as an update" if last.subject.update_cue else ""
        steps.append(f"{members[0].quantity.as_written} ({when}{cue})")
    return "updated over time, not a conflict: " + " then ".join(steps)


def _single_reason(group: Sequence[FigureMentionDraft]) -> str:
    count = len({m.article.id for m in group})
    if count == 1:
        return "stated by one source only"
    copied = any(m.article.copy_of or m.article.borrowed for m in group)
    outlets = {m.article.outlet for m in group}
    if len(outlets) == 1 and None not in outlets and not copied:
        return f"stated by {count} articles of one outlet: one source"
    return f"stated by {count} articles that are copies of one source"


def _sources(count: int) -> str:
    return f"{count} independent source{'s' if count != 1 else ''}"


def _label(mention: FigureMentionDraft) -> str:
    subject = mention.subject
    persons = subject.persons if subject.persons_named else frozenset()
    return with_phase(subject.label or mention.quantity.as_written, subject.phase, persons)


def _unit(group: Sequence[FigureMentionDraft]) -> str:
    unit = group[0].quantity.unit
    if unit != "count":
        return unit
    nouns = Counter(m.subject.counted_text.lower() for m in group if m.subject.counted_text)
    return nouns.most_common(1)[0][0] if nouns else "count"


def _figure_id(group: Sequence[FigureMentionDraft]) -> str:
    keys = sorted(f"{m.article.id}:{m.quantity.start}" for m in group)
    return "f-" + hashlib.sha1("|".join(keys).encode()).hexdigest()[:10]
