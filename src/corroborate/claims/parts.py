"""A part against its whole: two facts, not one figure told two ways.

"Forty of the postponed operations were hip replacements" / "The hospital postponed 140
operations", "The hack affected 2.3m of the scheme's members" / "The scheme has 6 million
members": the same noun, counted, close in meaning, so alignment joined them, and the claim
then showed two figures as one fact (or as a dispute). A number that takes "of" and a definite
noun ("forty of the operations", "600 of its members") counts a part of that noun's whole; a
sentence that counts the same noun directly with a figure well above it ("140 operations")
tells the whole.

Where both count the noun as a part ("40 of the operations" / "45 of the operations") or
the two figures are near each other ("Three of the crew were hurt" / "Five crew were hurt"),
they may be one count told two ways, which the dispute step weighs: no split.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from corroborate.figures.extract import read_quantities

# The whole must count at least this many times the part. Two outlets' versions of one count
# seldom differ twofold ("58" / "34 treated" is a dispute), while a part told with "of" is
# mostly a small share of its whole; a guess, not fitted (no labelled set holds enough parts).
WHOLE_RATIO = 2.0
# Words that make "of" + noun definite: "of the operations", "of its members".
_DEFINITE = frozenset("the these those its their our his her my your".split())
# A scale noun that carries the number before "of": "2.3m of the members".
_SCALE_HEADS = frozenset("m mn bn k million billion thousand hundred".split())

Count = tuple[float, str]  # (the figure's value, the lemma of the noun it counts)


@dataclass(frozen=True, slots=True)
class Counts:
    """The nouns a sentence counts: as a part ("40 of the operations") or directly ("140
    operations")."""

    parts: frozenset[Count] = frozenset()
    wholes: frozenset[Count] = frozenset()


NO_COUNTS = Counts()


def counts_of(tokens: Iterable[Any]) -> Counts:
    """The parts and direct counts inside the tokens (a piece of a parsed sentence)."""
    tokens = list(tokens)
    inside = {t.i for t in tokens}
    parts: set[Count] = set()
    wholes: set[Count] = set()
    for token in tokens:
        if token.dep_ == "prep" and token.lower_ == "of" and token.head.i in inside:
            part = _part(token)
            if part is not None:
                parts.add(part)
        elif token.dep_ == "nummod" and token.head.pos_ == "NOUN" and token.head.i in inside:
            value = _value(token)
            if value is not None and token.head.lower_ not in _SCALE_HEADS:
                wholes.add((value, token.head.lemma_.lower()))
    if not parts and not wholes:
        return NO_COUNTS
    return Counts(frozenset(parts), frozenset(wholes))


def _part(of: Any) -> Count | None:
    """ "forty of the operations" -> (40, "operation"), from the preposition "of"."""
    # "forty", or "m" of "2.3m" (its subtree holds the whole figure); the parse sometimes
    # hangs "of" on the verb ("hit 1.2m of the bank's customers"): then the word before it
    number = next((t for t in (of.head, of.nbor(-1) if of.i > 0 else None) if _counts(t)), None)
    if number is None:
        return None
    whole = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
    if whole is None or not _definite(whole):
        return None
    value = _value(number, stop=of.i)
    return None if value is None else (value, whole.lemma_.lower())


def _counts(token: Any) -> bool:
    """A number, or a scale word carrying one ("m" of "2.3m")."""
    if token is None or token.is_punct:
        return False
    if token.like_num or token.pos_ == "NUM":
        return True
    return token.lower_ in _SCALE_HEADS and any(c.dep_ == "nummod" for c in token.children)


def _definite(noun: Any) -> bool:
    return any(
        (c.dep_ == "det" and c.lower_ in _DEFINITE) or c.dep_ == "poss" for c in noun.children
    )


def _value(number: Any, stop: int | None = None) -> float | None:
    """The figure the number's words give ("around 6 million": 6,000,000), up to `stop`."""
    words = [t for t in number.subtree if stop is None or t.i < stop]
    text = "".join(t.text_with_ws for t in words).strip()
    found = read_quantities(text)
    return found[0].value if found else None


def part_of_whole(a: Counts, b: Counts) -> bool:
    """Whether one sentence counts a part of a noun that the other counts whole (at least
    WHOLE_RATIO times as many), and the other counts no part of that noun."""
    return _part_against(a, b) or _part_against(b, a)


def _part_against(a: Counts, b: Counts) -> bool:
    counted_parts = {noun for _, noun in b.parts}
    return any(
        noun == whole_noun and whole >= WHOLE_RATIO * value
        for value, noun in a.parts
        if noun not in counted_parts and value > 0
        for whole, whole_noun in b.wholes
    )
