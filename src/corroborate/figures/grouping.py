"""Grouping a story's figure mentions: agreement first, then rivals.

Split from `ledger.py`, which decides whether two mentions may be one figure (`compatible`),
how much they share (`evidence`) and whether they are true rivals (`can_conflict`). Here those
pairwise decisions make groups: each mention joins the group it agrees with best, then groups
whose values differ merge only where every differing pair is a true rival (`_rivals`).
"""

from __future__ import annotations

from collections.abc import Callable

from corroborate.figures.ledger import (
    FigureMentionDraft,
    can_conflict,
    compatible,
    context_overlap,
    echoes,
    evidence,
    rich_clash,
)
from corroborate.figures.loose import ANY_LOOSE
from corroborate.figures.values import METRIC, same_dimension, values_agree

CONTEXT_ALONE = 0.75  # three content words of the sentences in common


Pairs = list[tuple[FigureMentionDraft, FigureMentionDraft]]
# How well a newcomer suits a group, from every (newcomer, member) pair; None: it may not join.
Scorer = Callable[[Pairs, frozenset[str], bool], float | None]


def group_mentions(
    mentions: list[FigureMentionDraft],
    topic: frozenset[str] = frozenset(),
    scorer: Scorer | None = None,
) -> list[list[FigureMentionDraft]]:
    """Mentions about the same subject together; most specific subjects lead.

    Agreement first, rivals after: each mention joins the group it agrees with best; then
    groups whose values differ merge where every pair that differs is a true rival
    (`_rivals`). So "the toll now stands
    at 7" meets "seven died" before "3 dead" earlier in its sentence can claim it. A `scorer`
    (the learned decision, `learned.PairJudge.score`) replaces the rules' `rules_score`.
    """
    score = scorer or rules_score
    order = sorted(mentions, key=lambda m: -m.subject.size())
    groups: list[list[FigureMentionDraft]] = []
    for mention in order:
        _place(groups, [mention], topic, score, rivals=False)
    merged: list[list[FigureMentionDraft]] = []
    for group in groups:
        _place(merged, group, topic, score, rivals=True)
    return merged


def never_one(a: FigureMentionDraft, b: FigureMentionDraft) -> bool:
    """Never one figure, whatever a learned decision says: two units of no common dimension,
    or two figures of one sentence."""
    if a.quantity.unit != b.quantity.unit and not values_agree(a.quantity, b.quantity):
        metric = {a.quantity.unit, b.quantity.unit} <= METRIC
        if not (metric and same_dimension(a.quantity, b.quantity)):
            return True
    return a.article.id == b.article.id and a.sentence.index == b.sentence.index


def _place(
    groups: list[list[FigureMentionDraft]],
    newcomer: list[FigureMentionDraft],
    topic: frozenset[str],
    score: Scorer,
    *,
    rivals: bool,
) -> None:
    """Add the newcomer mentions to the group that suits them best, or as a new group."""
    best: tuple[float, int] | None = None
    for g, group in enumerate(groups):
        suits = score([(m, o) for m in newcomer for o in group], topic, rivals)
        if suits is not None and (best is None or suits > best[0]):
            best = (suits, g)
    if best is None:
        groups.append(newcomer)
    else:
        groups[best[1]].extend(newcomer)


def rules_score(pairs: Pairs, topic: frozenset[str], rivals: bool) -> float | None:
    """How well a newcomer suits a group by the rules; None where it may not join."""
    if not all(compatible(m, o) for m, o in pairs):
        return None
    score = max(evidence(m, o) for m, o in pairs)
    context = max(context_overlap(m, o) for m, o in pairs)
    if all(values_agree(m.quantity, o.quantity) for m, o in pairs):
        # Where no feature speaks either way, many shared words of the sentence will do.
        weak = any(rich_clash(m.subject, o.subject) for m, o in pairs)
        # Two articles' lone figures of one value need no words in common (`echo`)
        echo = any(echoes(m, o) for m, o in pairs)
        if score < 1 and (weak or context < CONTEXT_ALONE) and not echo:
            return None
        score += 10.0
    elif not rivals or not _rivals(pairs, topic):
        if rivals:
            note_doubt(pairs, topic)
        return None  # every value it disagrees with must be a true rival
    return score + context


def _rivals(pairs: Pairs, topic: frozenset[str]) -> bool:
    """Differing groups are one figure where every pair that differs is a true rival
    (`can_conflict`) of two sides (`_two_sides`), or a value and an earlier value of it that a
    sentence gives ("3,400, up from 1,200"). One true rival among the pairs was tried in
    session 10: it merged unrelated figures in the held-out stories."""
    differing = [(m, o) for m, o in pairs if not values_agree(m.quantity, o.quantity)]
    earlier = [e for pair in pairs for e in pair if e.earlier_of is not None]
    return all(
        _was_earlier(m, o, earlier)
        or _was_earlier(o, m, earlier)
        or (_two_sides(m, o) and can_conflict(m, o, topic))
        for m, o in differing
    )


def _two_sides(a: FigureMentionDraft, b: FigureMentionDraft) -> bool:
    """Two articles, or one that says its figure changed ("has risen to 17"); an article that
    gives "€2.7bn" and "€160m" tells two figures, it does not disagree with itself."""
    return a.article.id != b.article.id or a.subject.update_cue != b.subject.update_cue


def _was_earlier(
    old: FigureMentionDraft, new: FigureMentionDraft, earlier: list[FigureMentionDraft]
) -> bool:
    """`old` is, or says, what a sentence gives as the earlier value of `new`'s value."""
    return any(
        e.earlier_of is not None
        and values_agree(e.quantity, old.quantity)
        and values_agree(e.earlier_of.quantity, new.quantity)
        for e in earlier
    )


def note_doubt(pairs: Pairs, topic: frozenset[str]) -> None:
    """Two compatible groups that differ and that only a loose match would make rivals: each
    notes the other's values, so the reader sees why they were not called a conflict."""
    loose = all(
        values_agree(m.quantity, o.quantity) or can_conflict(m, o, topic, ANY_LOOSE)
        for m, o in pairs
    )
    if loose:
        for m, o in pairs:
            m.doubts.add(o.quantity.as_written)
            o.doubts.add(m.quantity.as_written)
