"""Whether a clause tells its event as to come or as past: one claim never holds both."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

_FUTURE = frozenset({"will", "shall", "'ll"})
_MODAL = frozenset({"would", "could", "should", "might", "may", "must", "can"})


class HasTense(Protocol):
    @property
    def tense(self) -> str: ...


def tense_of(tokens: Any) -> str:
    """Whether a clause says its event will happen ("will be held on December 15") or has
    happened ("voted on Sunday", "has ended"): "" for the present, modals and no verb.

    One claim never holds both: an announcement and a report of the event are two facts, and
    in a story that covers two events of one kind (two elections, two fires) the leads of the
    first and the second differ mostly there."""
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    verbs = [t for t in heads if t.pos_ in {"VERB", "AUX"}]
    if not verbs:
        return ""
    verb = verbs[0]
    # "..., will be held on December 15, a message from the commission said", "made clear the
    # US would not deploy troops": the tense of what was said
    said = [c for c in verb.children if c.dep_ == "ccomp" and c.i in inside]
    if said:
        verb = said[0]
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if auxes & _FUTURE:
        return "future"
    if auxes & _MODAL:
        return ""
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and auxes & {"have", "has", "had"}):
        return "past"
    return ""


def tenses_clash(units: Sequence[HasTense], a: list[int], b: list[int]) -> bool:
    """One cluster says the event will happen and the other that it has (`tense_of`)."""
    tenses_a = {units[i].tense for i in a}
    tenses_b = {units[i].tense for i in b}
    return bool(
        ("future" in tenses_a and "past" in tenses_b)
        or ("past" in tenses_a and "future" in tenses_b)
    )
