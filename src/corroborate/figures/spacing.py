"""Numbers that detokenised text spaced apart: "1, 500" for 1,500 and "5. 3 million" for 5.3
million (text rebuilt from tokens puts a space after every comma and full stop).

The tokens are joined before numbers are read; the joined token keeps the span as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corroborate.figures import lexicon as lx


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    glued: bool  # no space between this token and the one before it

    @property
    def low(self) -> str:
        return self.text.lower()


_SHORT = re.compile(r"^\d{1,3}$")
_GROUP = re.compile(r"^\d{3}$")
_NOT_THOUSANDS_BEFORE = lx.MONTHS | lx.LABEL_NOUNS | {"aged", "age", "ages"}


def join_spaced_numbers(text: str, tokens: list[Token]) -> list[Token]:
    """ "1, 500" as detokenised text leaves "1,500": one number, read as "1,500" while its span
    keeps the text as written. Not in a list ("12, 150 and 300"), after a month ("May 3, 500
    marched") or a label ("Article 5, 300 troops")."""
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        mark = "," if _spaced_thousands_at(text, tokens, k) else "."
        if mark == "," or _spaced_decimal_at(text, tokens, k):
            first, rest = tokens[k], tokens[k + 2]
            out.append(Token(f"{first.text}{mark}{rest.text}", first.start, rest.end, first.glued))
            k += 3
            continue
        out.append(tokens[k])
        k += 1
    return out


_DECIMALS = re.compile(r"^\d{1,2}$")
# What may follow a detokenised decimal ("$5. 3 million", "a 6. 1-magnitude quake", "9. 25 am").
_AFTER_DECIMAL = frozenset(
    [*lx.SCALE_WORDS, *lx.SCALE_SHORT, "%", "-", "a", "p", *lx.TIME_WORDS]
    + [phrase.split()[0] for phrase in (*lx.PERCENT_SUFFIX, *lx.CURRENCY_SUFFIX)]
    + [phrase.split()[0] for phrase in lx.MEASURE_SUFFIX]
)


def _spaced_decimal_at(text: str, tokens: list[Token], k: int) -> bool:
    """ "5. 3 million" as detokenised text leaves "5.3 million": only where a scale, unit or time
    word or a mark follows, since a full stop then a number may also end one sentence and
    start another ("...killed 5. 3 more died later" is left alone)."""
    if k + 3 >= len(tokens) or not _SHORT.match(tokens[k].text):
        return False
    dot, decimals, after = tokens[k + 1], tokens[k + 2], tokens[k + 3]
    if dot.text != "." or not dot.glued or not _DECIMALS.match(decimals.text):
        return False
    if text[dot.end : decimals.start] != " " or (k and tokens[k - 1].text == "."):
        return False
    # No sentence starts "9, but" or "9.": a mark glued after the digits ends the number.
    glued_mark = after.glued and after.text in (",", ";", ":", ")", ".")
    return glued_mark or (after.low in _AFTER_DECIMAL and after.text != ".")


def _spaced_thousands_at(text: str, tokens: list[Token], k: int) -> bool:
    if k + 2 >= len(tokens) or not _SHORT.match(tokens[k].text):
        return False
    comma, group = tokens[k + 1], tokens[k + 2]
    if comma.text != "," or not comma.glued or not _GROUP.match(group.text):
        return False
    if text[comma.end : group.start] != " ":
        return False
    before = tokens[k - 1] if k else None
    if before is not None and (
        before.low.rstrip(".") in _NOT_THOUSANDS_BEFORE
        or (before.glued and before.text[-1].isalnum())
        or (before.text == "," and k >= 2 and tokens[k - 2].text[0].isdigit())
    ):
        return False
    # A list goes on after the group: "12, 150 and 300", "4, 500, 600".
    rest = tokens[k + 3 : k + 5]
    return not (
        len(rest) == 2 and rest[0].low in (",", "and", "or", "to") and rest[1].text[0].isdigit()
    )
