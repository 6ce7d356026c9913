"""How a figure is framed in its sentence, beyond its subject's nouns: what money pays for
("£1.2bn for schools"), the noun a measure or amount is a property of ("the 410-metre bridge"),
a measure's dimension ("45 metres high"), the population a share is of ("one in five
children"), and a difference rather than an amount ("won by 1,204 votes", "£40m over budget").

Split from `subject.py`, which puts these together with the rest of a figure's subject.
"""

from __future__ import annotations

from typing import Any

from corroborate.figures.extract import Quantity
from corroborate.figures.lexicon import MEASURE_SUFFIX
from corroborate.figures.words import (
    CHANGE_BY,
    CHANGE_VERBS,
    EXCESS_WORDS,
    GENERIC_NOUNS,
    NOUN_CLASS,
)

MEASURE_UNITS = frozenset(MEASURE_SUFFIX.values())


def is_money(unit: str) -> bool:
    return len(unit) == 3 and unit.isupper()  # currency codes: "USD", "GBP", "INR"


def noun_class(token: Any) -> str:
    lemma = str(token.lemma_).lower()
    return NOUN_CLASS.get(lemma, lemma)


# Objects of "for" that give a time or a cause, not what the money pays for.
_NOT_PURPOSE = frozenset("quarter period season fraud breach breaches damage damages".split())


# Verbs whose "on" says what the money goes to: "will spend £14.5m on road repairs".
_SPEND_VERBS = frozenset("spend invest allocate waste splurge lavish".split())


def purpose_of(anchor: Any, verb: Any) -> str | None:
    """What an amount of money pays for: "sets aside £1.2bn for schools" (the "for" of the
    amount or of its verb), "spends £14.5m on road repairs" (the "on" of a verb of spending).
    "£1.2bn for schools" and "£450m for hospitals" are two budgets."""
    holders = [anchor.head] if anchor.dep_ in ("nummod", "compound") else []
    spends = str(verb.lemma_).lower() in _SPEND_VERBS
    for node in [anchor, *holders, verb]:
        for prep in node.children:
            wanted = prep.lower_ == "for" or (prep.lower_ == "on" and spends)
            if prep.dep_ != "prep" or not wanted or anchor in prep.subtree:
                continue
            for obj in prep.children:
                lemma = str(obj.lemma_).lower()
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and lemma not in _NOT_PURPOSE:
                    return None if lemma in GENERIC_NOUNS else _purpose_words(obj)
    return None


def _purpose_words(noun: Any) -> str:
    """The purpose with its noun modifiers ("street light"): two purposes are two only when
    they share no word ("road repair", "social care"), as "street lights" and "street
    lighting" are one."""
    words = [t for t in noun.lefts if t.dep_ == "compound" and t.is_alpha] + [noun]
    return " ".join(noun_class(t) for t in words)


def attribute_of(anchor: Any, unit: str) -> Any | None:
    """The noun an amount of money or a measure is written before, as its property: "the
    410-metre bridge", "the $14m elephant house". Counts ("500 troops") count their noun."""
    if not (is_money(unit) or unit in MEASURE_UNITS):
        return None
    head = anchor.head
    if anchor.dep_ not in _MODIFIER_DEPS or head.i <= anchor.i or head.pos_ not in _NOUNS:
        return None
    while head.dep_ == "compound" and head.head.i > head.i:  # "the 3.8-kilometre Ossery tunnel"
        head = head.head
    return None if str(head.lemma_).lower() in GENERIC_NOUNS else head


_MODIFIER_DEPS = frozenset({"nummod", "compound", "amod", "nmod", "quantmod"})


_NOUNS = ("NOUN", "PROPN")


DIMENSIONS = {
    "long": "length", "length": "length", "high": "height", "tall": "height",
    "height": "height", "deep": "depth", "depth": "depth", "wide": "width", "width": "width",
    "across": "width", "thick": "depth",
}  # fmt: skip


def dimension_of(tokens: list[Any], quantity: Quantity, para_start: int) -> str | None:
    """ "45 metres high", "340 metres in length": which dimension a measure gives."""
    if quantity.unit not in MEASURE_UNITS:
        return None
    after = [t.lower_ for t in tokens if para_start + t.idx >= quantity.end][:2]
    if after[:1] == ["in"]:
        after = after[1:]
    return DIMENSIONS.get(after[0]) if after else None


# What shares of people or things are of: "a quarter of Marlow's homes" is not "a quarter of
# Marlow's adults". Aggregates ("of GDP", "of national output") are left out: outlets name
# one aggregate in many words.
POPULATIONS = frozenset(
    """person child adult man woman voter family home student job company business firm school
    hospital road vehicle teenager pensioner household train flight service""".split()
)


_BEFORE_BASE = frozenset("of the a an its their his her our all".split())


def share_base(tokens: list[Any], quantity: Quantity, para_start: int) -> str | None:
    """The population a percentage or "one in five" is a share of, read after the figure."""
    if quantity.unit != "percent":
        return None
    for token in (t for t in tokens if para_start + t.idx >= quantity.end):
        if token.lower_ in _BEFORE_BASE or token.pos_ in ("PROPN", "ADJ", "PART", "NUM"):
            continue
        kind = noun_class(token) if token.pos_ == "NOUN" else None
        if kind in POPULATIONS:
            return kind
        if kind is None or token.dep_ != "compound":  # "of Ashgrove county children"
            return None
    return None


def _is_tally(anchor: Any) -> bool:
    """ "passed by 142 votes to 88": the votes for, with those against, not a gap."""
    after = anchor.doc[anchor.i + 1 : anchor.i + 4]
    words = [t.lower_ for t in after]
    return "to" in words and any(t.like_num for t in after[words.index("to") + 1 :])


def is_margin(anchor: Any, verb: Any, lemma: str | None) -> bool:
    """ "won by 1,204 votes", "beat them by 12 points": the gap between two amounts ("rose by
    2.4 metres" is the change itself, as "rose 2.4 metres" is)."""
    if lemma in CHANGE_VERBS or lemma in CHANGE_BY or _is_tally(anchor):
        return False
    return any(
        a.lower_ == "by" and a.dep_ == "prep" and a.head.i == verb.i
        for a in anchor.ancestors
        if a.i != verb.i
    )


def is_excess(tokens: list[Any], quantity: Quantity, para_start: int) -> bool:
    """ "£40m over budget", "£2.1m more", "800 fewer than in 2020": a difference, not an amount
    (markers before a number, "over 5,000", are read as bounds by extraction)."""
    if quantity.unit == "percent":
        return False  # "11 per cent fewer tickets" is a change, as "down 11%" is
    after = [t for t in tokens if para_start + t.idx >= quantity.end][:4]
    if not after or after[0].lower_ not in EXCESS_WORDS:
        return False
    if after[0].lower_ in ("over", "under"):  # "fined £6.5m over late trains": a cause
        return any(t.lemma_.lower() in _REFERENCES for t in after[1:])
    return not (len(after) > 1 and after[1].like_num)


# What an amount over or under something is measured against: "£40m over budget".
_REFERENCES = frozenset("budget target estimate forecast plan schedule expectation cap".split())
