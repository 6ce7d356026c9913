"""The number itself: digits ("1,200", "4.2"), words ("twenty-three", "twelve hundred"), word
fractions ("a third of", "half the"), and the scale after it ("million", "bn", "lakh", "crore").

Split from `extract.py`, which reads what comes with a number (unit, bounds, ranges) and which
numbers are not figures at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corroborate.figures import lexicon as lx
from corroborate.figures.spacing import Token

# Words after "half" that make it a share without "of": "half the vote", "half their volume".
_OWNERS = frozenset("the their its his her our all".split())
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


@dataclass(slots=True)
class Number:
    value: float
    precision: float
    first: int  # token index range of the number (words or digits), end exclusive
    last: int
    words: bool = False
    fraction: bool = False
    scaled: bool = False
    # Half the last written digit's step, scaled, before `_scale` clamps it (digits only):
    # "$736bn" 0.5bn, "$1 trillion" 0.5tn. None without a scale word.
    written_precision: float | None = None


def digits(token: Token) -> tuple[float, float] | None:
    """A digit token's value and precision, or None ("0800" is a phone prefix, not a number)."""
    text = token.text
    if "," in text and not _THOUSANDS.match(text):
        return None
    plain = text.replace(",", "")
    if plain.count(".") > 1 or (len(plain) > 1 and plain[0] == "0" and plain[1] != "."):
        return None
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    return float(plain), 0.5 * 10**-decimals


def _word_value(word: str) -> int | None:
    word = word.lower()
    if word in lx.SMALL:
        return lx.SMALL[word]
    if word in lx.TENS:
        return lx.TENS[word]
    tens, _, unit = word.partition("-")
    if tens in lx.TENS and unit in lx.SMALL and 0 < lx.SMALL[unit] < 10:
        return lx.TENS[tens] + lx.SMALL[unit]
    return None


def _words_number(tokens: list[Token], i: int) -> Number | None:
    """ "twenty-three", "two hundred and fifty", "a hundred", "a dozen", "half a million"."""
    low = tokens[i].low
    if low in ("a", "an") and i + 1 < len(tokens):
        nxt = tokens[i + 1].low
        if nxt in ("hundred", "thousand", "million", "billion", "dozen"):
            base = {"hundred": 100.0, "dozen": 12.0}.get(nxt) or lx.SCALE_WORDS[nxt]
            return Number(base, 0.0, i, i + 2, words=True, scaled=nxt != "dozen")
        return _one_span(tokens, i)
    if low == "half" and i + 2 < len(tokens) and tokens[i + 1].low in ("a", "an"):
        scale = lx.SCALE_WORDS.get(tokens[i + 2].low)
        if scale:
            return Number(0.5 * scale, 0.05 * scale, i, i + 3, words=True, scaled=True)
        if tokens[i + 2].low in lx.ONE_SPAN:  # "half a year": six months, as "six months" reads
            return Number(0.5, 0.0, i, i + 2, words=True)
    value = _word_value(low)
    if value is None:
        return None
    j = i + 1
    if j < len(tokens) and tokens[j].low == "dozen":
        return Number(value * 12.0, 0.0, i, j + 1, words=True)
    if j < len(tokens) and tokens[j].low == "hundred":
        value *= 100
        j += 1
        rest_at = j + 1 if j < len(tokens) and tokens[j].low == "and" else j
        rest = _word_value(tokens[rest_at].text) if rest_at < len(tokens) else None
        if rest is not None and rest < 100:
            value += rest
            j = rest_at + 1
    return Number(float(value), 0.0, i, j, words=True)


def _one_span(tokens: list[Token], i: int) -> Number | None:
    """ "an hour and a half", "in under an hour", "almost a decade", "jailed for a year": one
    unit of time, told with "a". Only where the words around make it a span: "£5,000 a year",
    "twice a week" and "a day of protests" are a rate and a phrase, not one year or one day."""
    if tokens[i + 1].low not in lx.ONE_SPAN:
        return None
    after = [t.low for t in tokens[i + 2 : i + 5]]
    if after == ["and", "a", "half"] or _span_cue_before(tokens, i):
        return Number(1.0, 0.0, i, i + 1, words=True)
    return None


def _span_cue_before(tokens: list[Token], i: int) -> bool:
    """A marker ("almost", "more than", "up to") or a word of lasting ("for", "spent",
    "lasted", "took") just before token i."""
    if i > 0 and tokens[i - 1].low in lx.SPAN_CUES:
        return True
    return any(
        i >= width and " ".join(t.low for t in tokens[i - width : i]) in lx.MARKERS
        for width in (1, 2, 3)
    )


def _fraction(tokens: list[Token], i: int) -> Number | None:
    """ "a fifth of", "two-thirds of", "half of": a share, read as a percentage."""
    for width in (2, 1):
        if i + width >= len(tokens):
            continue
        phrase = " ".join(t.low for t in tokens[i : i + width])
        after = tokens[i + width].low
        # "half of", and "half the vote", "half their volume": no "of" after "half" itself.
        owned = phrase == "half" and after in _OWNERS and not _idiom(tokens, i + width + 1)
        # "a third full", "half empty": a share of a whole the adjective names
        shares = after == "of" or owned or after in _WHOLE_STATES
        if phrase in lx.FRACTIONS and (shares or _share_of_change(tokens, i, i + width)):
            if width == 1 and i > 0 and tokens[i - 1].low in ("second", "first", "the"):
                return None
            value = lx.FRACTIONS[phrase]
            return Number(value, FRACTION_STEP, i, i + width, words=True, fraction=True)
    return None


def _share_of_change(tokens: list[Token], i: int, end: int) -> bool:
    """A share with no "of" that sizes a change: "cut fares by half", "raise bills by nearly a
    third", "a fifth below their level", "a quarter higher than"; not "sued by a third party"
    nor "by half-time" (one token)."""
    after = tokens[end].low if end < len(tokens) else ""
    if after in _COMPARED:
        return True
    k = i
    for width in (3, 2, 1):  # step back over a marker: "by nearly a third"
        if k >= width and " ".join(t.low for t in tokens[k - width : k]) in lx.MARKERS:
            k -= width
            break
    if not (k > 0 and tokens[k - 1].low == "by" and _changed_before(tokens, k - 1)):
        return False
    return end == len(tokens) or not tokens[end].text[0].isalnum() or after in _AFTER_BY


def _changed_before(tokens: list[Token], by: int) -> bool:
    """A verb of change shortly before "by": "cut fares for students by half"; not "was
    advised by a third" (a third bank) nor "beaten by a second-half goal"."""
    return any(t.low.startswith(_CHANGE_STEMS) for t in tokens[max(0, by - CHANGE_REACH) : by])


# How many words before "by" the verb of change may stand ("cut fares for 16- to 17-year-olds
# by half").
CHANGE_REACH = 10
_CHANGE_STEMS = tuple(
    """cut rais rise rose risen ris fall fell drop reduc increas grow grew shrank shrink shrunk
    slash lower boost climb jump soar plung slump declin expand halv trim lift swell swoll
    widen narrow doubl push contract""".split()
)


# Words that say a share sizes a difference: "a fifth below", "a third more than".
_COMPARED = frozenset(
    """below above higher lower more less fewer bigger smaller larger cheaper dearer shorter
    longer up down""".split()
)
# Words that may follow "by half" and leave the share a share (time, place, a new clause).
_AFTER_BY = frozenset(
    """in on at last this next since from to over compared between and or after before while
    when as for among across within during until but""".split()
)

# States a share of a whole is in: "the reservoir is a third full", "the ward is half empty".
_WHOLE_STATES = frozenset({"full", "empty", "complete", "occupied"})

# The widest rounding a scaled whole number is read with, as a share of itself.
SCALED_SHARE = 0.1

# A share in words is a rounded share: "two-thirds" is what an outlet writes for 66%, "half"
# for 49%. Percentage points either side it stands for.
FRACTION_STEP = 1.0


def _idiom(tokens: list[Token], j: int) -> bool:
    """ "half the time": a manner of speaking, not a share."""
    return j < len(tokens) and tokens[j].low == "time"


def number_at(tokens: list[Token], i: int) -> Number | None:
    if i >= len(tokens):
        return None
    token = tokens[i]
    if token.text[0].isdigit():
        read = digits(token)
        if read is None:
            return None
        number = Number(read[0], read[1], i, i + 1)
    else:
        number = _fraction(tokens, i) or _words_number(tokens, i)  # type: ignore[assignment]
        if number is None:
            return None
    return _scale(tokens, _and_a_half(tokens, number))


def _and_a_half(tokens: list[Token], number: Number) -> Number:
    """ "six and a half kilometres", "2 and a half million": the half belongs to the number
    (it was read as "six", a count, and the unit after "half" was lost)."""
    j = number.last
    words = [t.low for t in tokens[j : j + 3]]
    if number.fraction or words != ["and", "a", "half"] or number.value != int(number.value):
        return number
    number.value += 0.5
    number.last = j + 3
    return number


def _scale(tokens: list[Token], number: Number) -> Number:
    j = number.last
    if j >= len(tokens) or number.fraction:
        return number
    if _hyphened_scale(tokens, j) and not number.scaled:
        j += 1  # "a Rs 45,000-crore budget", "a $4.5-million fine": the scale as a modifier
    low = tokens[j].low
    factor = lx.SCALE_WORDS.get(low) if not number.scaled else None
    if factor is None and tokens[j].glued and not number.words:
        factor = lx.SCALE_SHORT.get(low) if low != "mm" or tokens[j].text == "MM" else None
    if factor is None and low in ("bn", "mn", "mln", "tn") and not number.words:
        factor = lx.SCALE_SHORT[low]
    if factor is None:
        return number
    if not number.words:
        number.written_precision = number.precision * factor
    if number.precision >= 0.5:
        # A scaled whole number is read to its last digit ("$736bn" is $735.5bn-$736.5bn, so
        # "$735.7bn" agrees), but never looser than a tenth of itself: "3 billion" is not
        # anything from 2.5 to 3.5 billion, and "$1tn" is not "$1.4tn".
        number.precision = min(number.precision, SCALED_SHARE * number.value)
    number.value *= factor
    number.precision *= factor
    number.last = j + 1
    number.scaled = True
    return number


def _hyphened_scale(tokens: list[Token], j: int) -> bool:
    if j + 1 >= len(tokens) or tokens[j].text not in ("-", "–"):
        return False
    word = tokens[j + 1]
    return tokens[j].glued and word.glued and word.low in lx.SCALE_WORDS
