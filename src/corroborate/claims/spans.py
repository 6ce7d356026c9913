"""A claim's mentions: each unit's span, each span once.

The claims stage and the disputes between claims (`cross`, which names the other claim by the
id its mentions give) both need them, so they live below both.
"""

from __future__ import annotations

from corroborate.claims.align import Unit
from corroborate.records import Mention

__all__ = ["distinct", "mention_of"]


def distinct(mentions: list[Mention]) -> list[Mention]:
    """Each span once: two pieces of one sentence, or a quote and the sentence it is in, can
    both join a claim, and a report listing one line twice (or a clause under its own
    sentence) reads as two mentions. A span inside another of the same article goes."""
    first: dict[tuple[str, int, int], Mention] = {}
    for m in mentions:
        first.setdefault((m.article, m.start, m.end), m)
    spans = list(first.values())
    return [
        m
        for m in spans
        if not any(
            o.article == m.article and o.start <= m.start and m.end <= o.end and o is not m
            for o in spans
        )
    ]


def mention_of(unit: Unit) -> Mention:
    """The unit's own span, or its whole sentence for a folded clause (`_fold_lone_clauses`:
    the piece of the sentence that states the claim falls inside it and goes, `distinct`)."""
    s = unit.whole if unit.folded else unit.sentence
    return Mention(article=s.article, start=s.start, end=s.end, text=s.text)
