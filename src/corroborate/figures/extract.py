"""Reading quantities out of a sentence: numbers in digits or words, with unit and bounds.

`read_quantities(text)` finds "5%", "five percent", "5 per cent", "$185 million", "£4.2bn",
"185m dollars", "23 member nations", "at least 28", "around a fifth", "between 10 and 12",
"north of three percent", "an hour and a half", "cut fares by half", "60g"... and normalises
each: the value (scales applied, fractions as percentages), the unit ("percent", "USD", "count",
"tonnes"...), a floor or ceiling for bounds, whether it is approximate, and how precisely it was
written (2.3 means 2.25-2.35).

Dates, years, times of day, ages, labels ("Article 5", "Resolution 2231"), ordinals and model
names ("F-16", "G7") are not quantities and are never returned. This is plain text work with no
model, so it can be tested on its own; spaCy's DATE/TIME entities can veto more (`vetoes`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from corroborate.figures import lexicon as lx
from corroborate.figures import spans
from corroborate.figures.number import Number, digits, number_at
from corroborate.figures.spacing import Token, join_spaced_numbers

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-'’][^\W\d_]+)*|\S", re.UNICODE)
_QUOTES = frozenset("'\"‘’“”«»")
_DASHES = frozenset("-–—")
_DURATIONS = frozenset(lx.DURATION_SUFFIX.values())
_DEGREES = {"C": "degrees", "F": "degrees F"}


@dataclass(slots=True)
class Quantity:
    """One quantity read from a text; offsets are into the text given."""

    start: int
    end: int
    as_written: str
    value: float | None
    unit: str
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    precision: float = 0.0  # half the step of the last digit written, in the value's scale
    number_start: int = 0  # where the number itself (without markers) begins
    number_end: int = 0
    # Half the last written digit's step before the stage's clamp for a scaled whole number
    # ("$1 trillion": 0.5tn, where `precision` is 0.1tn); None without a scale word. For
    # comparing "$1 trillion" with "$1.2 trillion" as one fact rounded (claims.disputes).
    written_precision: float | None = None

    @property
    def plain(self) -> bool:
        """A single value, written without a bound or an approximation marker ("31", not
        "more than a hundred")."""
        return not self.approximate and self.low is None and self.high is None


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        glued = bool(tokens) and tokens[-1].end == match.start()
        tokens.extend(_split_number_word(match.group(), match.start(), glued))
    return join_spaced_numbers(text, tokens)


def _split_number_word(word: str, start: int, glued: bool) -> list[Token]:
    """ "nine-year" as "nine", "-", "year", as "9-year" is read: a number word and a unit."""
    head, dash, unit = word.partition("-")
    if not dash or head.lower() not in lx.SMALL | lx.TENS or unit.lower() not in _UNIT_WORDS:
        return [Token(word, start, start + len(word), glued)]
    mid = start + len(head)
    return [
        Token(head, start, mid, glued),
        Token(dash, mid, mid + 1, True),
        Token(unit, mid + 1, start + len(word), True),
    ]


_UNIT_WORDS = frozenset(lx.DURATION_SUFFIX) | frozenset(lx.MEASURE_SUFFIX)


def read_quantities(text: str, vetoes: Sequence[tuple[int, int]] = ()) -> list[Quantity]:
    """Every quantity in `text`, left to right; spans in `vetoes` (dates, times) are skipped."""
    tokens = tokenize(text)
    found: list[Quantity] = []
    i = 0
    while i < len(tokens):
        number = number_at(tokens, i)
        if number is None:
            i += 1
            continue
        quantities, next_i = _complete(text, tokens, number)
        for quantity in quantities:
            if _is_conversion(text, quantity, found):
                continue
            if not any(s < quantity.number_end and quantity.number_start < e for s, e in vetoes):
                found.append(quantity)
        i = max(next_i, i + 1)
    return found


def _is_conversion(text: str, quantity: Quantity, before: list[Quantity]) -> bool:
    """ "US$1 million ($1.52 million)", "13 nautical miles (about 24km)": the same figure
    restated in another unit, in brackets right after it; not a figure of its own."""
    if not before or quantity.start == 0:
        return False
    gap = text[before[-1].end : quantity.start]
    return gap.strip() == "(" or gap.strip() in ("(about", "(around", "(roughly", "(some")


# --- what surrounds a number ---------------------------------------------------------------


def _phrase_at(tokens: list[Token], j: int, table: dict[str, str]) -> tuple[str, int] | None:
    """The longest key of `table` spelt by the tokens from j (at most three tokens)."""
    for width in (3, 2, 1):
        if j + width > len(tokens):
            continue
        parts = tokens[j : j + width]
        if any(
            p.glued and k and parts[k - 1].text[-1].isalnum() and p.text[0].isalnum()
            for k, p in enumerate(parts)
        ):
            continue
        phrase = " ".join(p.low for p in parts)
        if phrase in table:
            return table[phrase], j + width
        tight = "".join(p.low for p in parts)  # "km/h" is three tokens written as one
        if width > 1 and all(p.glued for p in parts[1:]) and tight in table:
            return table[tight], j + width
    return None


def _suffix_unit(tokens: list[Token], j: int) -> tuple[str, int] | None:
    """The unit written after the number: percent, a currency word, a measure, a duration."""
    if j < len(tokens) and tokens[j].text == "%":
        return "percent", j + 1
    if j < len(tokens) and tokens[j].glued and tokens[j].text in _DEGREES:
        return _DEGREES[tokens[j].text], j + 1  # "46.8C": a temperature, the letter touching
    if j + 1 < len(tokens) and tokens[j].text == "°" and tokens[j + 1].text in _DEGREES:
        return _DEGREES[tokens[j + 1].text], j + 2  # "46.8°C", "44 °C"
    if j < len(tokens) and tokens[j].glued and tokens[j].text in lx.GLUED_UNITS:
        return lx.GLUED_UNITS[tokens[j].text], j + 1  # "60g"; "5G" is a network, left a code
    for table in (lx.PERCENT_SUFFIX, lx.CURRENCY_SUFFIX, lx.MEASURE_SUFFIX, lx.DURATION_SUFFIX):
        hit = _phrase_at(tokens, j, table)
        if hit:
            return hit
    return None


def _prefix_currency(tokens: list[Token], i: int) -> tuple[str, int] | None:
    """A currency sign or code before the number: "$", "US$", "£", "USD 40", "CHF 2"."""
    if i == 0:
        return None
    prev = tokens[i - 1]
    if prev.text in ("$", "£", "€", "¥", "₹"):
        before = tokens[i - 2] if i >= 2 else None
        if prev.text == "$" and before and prev.glued and before.low in ("us", "c", "a"):
            return lx.CURRENCY_PREFIX[before.low + "$"], i - 2
        return lx.CURRENCY_PREFIX[prev.text], i - 1
    if prev.low in lx.CURRENCY_PREFIX and prev.text.isupper() and prev.text.isalpha():
        return lx.CURRENCY_PREFIX[prev.low], i - 1
    if prev.text == "Rs":  # "Rs 12 crore", "Rs.500"
        return "INR", i - 1
    if prev.text == "." and i >= 2 and tokens[i - 2].text == "Rs":
        return "INR", i - 2
    if _dollar_code(tokens, i):  # "$US1 million", "$A20"
        return lx.CURRENCY_PREFIX.get(prev.low + "$", "USD"), i - 2
    return None


def _dollar_code(tokens: list[Token], i: int) -> bool:
    """ "$US1 million": a dollar sign, a country code, then the number, all glued."""
    if i < 2:
        return False
    sign, code = tokens[i - 2], tokens[i - 1]
    return sign.text == "$" and code.glued and tokens[i].glued and code.text in ("US", "A", "C")


# Verbs that move a value: after them "up to" says where it went.
_MOVED_UP = frozenset(
    "revised revise revises marked scaled ratcheted nudged moved pushed bumped adjusted".split()
)


def _marker_before(tokens: list[Token], i: int) -> tuple[tuple[str | None, bool], int] | None:
    """A bound or approximation marker ending just before token i (quote marks may sit between)."""
    k = i
    while k > 0 and tokens[k - 1].text in _QUOTES:
        k -= 1
    for width in (4, 3, 2, 1):
        if k - width < 0:
            continue
        phrase = " ".join(t.low for t in tokens[k - width : k])
        if phrase == "up to" and k > width and tokens[k - width - 1].low in _MOVED_UP:
            return None  # "revised up to 1.5%": where the value went, not a ceiling
        if phrase in lx.MARKERS:
            return lx.MARKERS[phrase], k - width
    if k > 0 and tokens[k - 1].text == "~":
        return lx.MARKERS["~"], k - 1
    return None


@dataclass(slots=True)
class _Around:
    """The tokens next to a number."""

    before: Token | None
    after: Token | None
    after2: Token | None
    raw: Token
    before2: Token | None = None


def _around(tokens: list[Token], number: Number) -> _Around:
    first, last = number.first, number.last
    before = tokens[first - 1] if first > 0 and not _dollar_code(tokens, first) else None
    after = tokens[last] if last < len(tokens) else None
    after2 = tokens[last + 1] if last + 1 < len(tokens) else None
    before2 = tokens[first - 2] if before is not None and first > 1 else None
    return _Around(before, after, after2, tokens[first], before2)


def _is_not_quantity(tokens: list[Token], number: Number, unit: str | None) -> bool:
    """Dates, years, times, ages, labels, ordinals, codes: numbers that are not figures."""
    near = _around(tokens, number)
    if _is_code(tokens, number, unit, near) or _is_date_or_time(number, unit, near):
        return True
    if _is_age_or_label(number, unit, near):
        return True
    if _is_era_year(tokens, number, unit, near):
        return True
    # Years: a bare four-digit number from 1800 to 2100.
    raw = near.raw
    plain = unit is None and not number.words and not number.scaled and raw.text.isdigit()
    if plain and len(raw.text) == 4 and 1800 <= number.value <= 2100:
        return True
    return (
        unit is None and number.words and near.raw.low == "one" and number.last == number.first + 1
    )


# Era marks, in capitals only ("an ad campaign" is no era).
_ERAS = frozenset({"BC", "BCE", "AD", "CE"})
_RANGE_WORDS = frozenset({"and", "to", "-", "–", "—"})


def _is_era_year(tokens: list[Token], number: Number, unit: str | None, near: _Around) -> bool:
    """A year of an era, whatever its size: "1100 BC", "AD 79", and the first year of "between
    1250 and 1100 BC" (a figure of 1,250 read there had been a count in the ledger)."""
    if unit is not None or number.words:
        return False
    if (near.before and near.before.text in _ERAS) or (near.after and near.after.text in _ERAS):
        return True
    after, after2 = near.after, near.after2
    if not (after and after2 and after.low in _RANGE_WORDS and after2.text.isdigit()):
        return False
    era = number.last + 2
    return era < len(tokens) and tokens[era].text in _ERAS


def _is_code(tokens: list[Token], number: Number, unit: str | None, near: _Around) -> bool:
    """Glued to letters or a letter-hyphen ("G7", "F-16", "Covid-19", "75th", "QX214"), or
    after a short capitalised code ("AK 47", "MH 17")."""
    before, after, raw = near.before, near.after, near.raw
    if number.words:
        return False
    if before and raw.glued and (before.text[-1].isalpha() or before.text in _DASHES):
        prior = tokens[number.first - 2] if number.first >= 2 else None
        if before.text[-1].isalpha() or (prior and before.glued and prior.text[-1].isalpha()):
            return True
    if after and after.glued and after.text[0].isalpha() and not number.scaled and unit is None:
        return True
    if unit is not None or before is None or not before.text.isalpha():
        return False
    if before.text.isupper() and len(before.text) <= 3:
        return before.low not in lx.CURRENCY_PREFIX
    # A model name: "Leopard 2 tank", "Boeing 737" (a capitalised word mid-sentence, then the
    # number; sentence starts and months are not names of models).
    first_word = number.first < 2 or tokens[number.first - 2].text in '.!?"“'
    calendar = before.low in lx.MONTHS or before.low in lx.DAYS
    return before.text[0].isupper() and not first_word and not calendar


def _is_date_or_time(number: Number, unit: str | None, near: _Around) -> bool:
    """ "9/11", "10:45", "7.15pm", "11 am", "2 a.m.", "1000 GMT", "11 February", "May 3"."""
    before, after, after2, raw = near.before, near.after, near.after2, near.raw
    if (after and after.glued and after.text in ("/", ":")) or (
        before and raw.glued and before.text in ("/", ":")
    ):
        return True
    if unit is None and after and after.low in lx.TIME_WORDS:
        return True
    if unit is None and after and after2 and after.low in ("a", "p") and after2.text == ".":
        return True
    month_after = after and after.low.rstrip(".") in lx.MONTHS and after.text[0].isupper()
    month_before = before and before.low.rstrip(".") in lx.MONTHS and before.text[0].isupper()
    return bool((month_after or month_before) and unit is None)


def _is_age_or_label(number: Number, unit: str | None, near: _Around) -> bool:
    """ "24-year-old", "aged 63", "63 years old"; "Article 5", "page 4", "the 12000 block"."""
    before, after, after2 = near.before, near.after, near.after2
    if before and before.low in ("aged", "age", "ages"):
        return True
    if after and after.text in _DASHES and after2 and after2.low.startswith(("year-", "years-")):
        return True  # "24-year-old"; "a 9-year sentence" is a term
    if unit == "years" and after and after.low == "old":
        return True
    if unit in (None, "years") and _of_a_person(near):
        return True  # "a man of 54", "a woman, 71,"; "a father of three" counts children
    if unit is None and after and after.low == "block":
        return True
    labelled = before and before.low.rstrip(".") in lx.LABEL_NOUNS
    return bool(labelled and unit is None and not number.words)


def _of_a_person(near: _Around) -> bool:
    before, before2, after = near.before, near.before2, near.after
    if not (before and before2 and before2.low in lx.AGED_PEOPLE):
        return False
    return before.low == "of" or (before.text == "," and after is not None and after.text == ",")


# --- a number and what comes with it -------------------------------------------------------


@dataclass(slots=True)
class _Reading:
    number: Number
    unit: str | None
    start_tok: int  # first token of the written form (currency sign or the number)
    end_tok: int  # token after the written form (after the unit)


def _read_unit(tokens: list[Token], number: Number) -> _Reading:
    start, end, unit = number.first, number.last, None
    if number.fraction:
        return _Reading(number, "percent", start, end)
    currency = _prefix_currency(tokens, number.first)
    if currency:
        unit, start = currency
    if number.first > 0 and tokens[number.first - 1].low == "magnitude":
        unit = "magnitude"
    if number.first > 1 and [t.low for t in tokens[number.first - 2 : number.first]] == [
        "magnitude",
        "of",
    ]:
        unit = "magnitude"  # "a magnitude of 5.9" is "magnitude 5.9"
    if unit is None and _hyphened_magnitude(tokens, end):
        return _Reading(number, "magnitude", start, end + 2)  # "a 6.4-magnitude quake"
    suffix = _suffix_unit(tokens, end) or _hyphened_measure(tokens, end) or spans.term(tokens, end)
    if suffix and (unit is None or unit == suffix[0]):
        unit, end = suffix
        whole = number.value == int(number.value)
        if unit in _DURATIONS and whole and spans.and_a_half(tokens, end):
            number.value, end = number.value + 0.5, end + 3  # "a year and a half": 1.5 years
    elif unit is None and not number.scaled and _pence(tokens, end):
        # "65p", "20 pence": a hundredth of a pound, so "65p" and "£0.65" are one price
        unit, end = "GBP", end + 1
        number.value, number.precision = number.value / 100, number.precision / 100
    return _Reading(number, unit, start, end)


def _hyphened_magnitude(tokens: list[Token], j: int) -> bool:
    words = tokens[j : j + 2]
    return [t.low for t in words] == ["-", "magnitude"] and all(t.glued for t in words)


def _pence(tokens: list[Token], j: int) -> bool:
    """ "65p" (the letter touching the number, not "2 p.m.") or "65 pence"."""
    if j >= len(tokens):
        return False
    if tokens[j].low in ("pence", "penny"):
        return True
    if tokens[j].text != "p" or not tokens[j].glued:
        return False
    return not (
        j + 1 < len(tokens)
        and tokens[j + 1].text == "."
        and tokens[j + 1].glued
        and j + 2 < len(tokens)
        and tokens[j + 2].low.startswith("m")
    )


def _hyphened_measure(tokens: list[Token], j: int) -> tuple[str, int] | None:
    """ "the 410-metre bridge", "a 40-tonne lorry": a measure written as a modifier."""
    if j + 1 >= len(tokens) or tokens[j].text not in _DASHES:
        return None
    if not (tokens[j].glued and tokens[j + 1].glued):
        return None
    return _phrase_at(tokens, j + 1, lx.MEASURE_SUFFIX)


def _ratio(tokens: list[Token], reading: _Reading) -> _Reading | None:
    """ "one in five", "1 in 4", "three out of ten": a share, read as a percentage."""
    j = reading.end_tok
    if reading.unit is not None or j + 1 >= len(tokens):
        return None
    if tokens[j].low == "out" and j + 2 < len(tokens) and tokens[j + 1].low == "of":
        j += 1  # "out of" reads as "in"
    elif tokens[j].low != "in":
        return None
    other = number_at(tokens, j + 1)
    if other is None or not 0 < reading.number.value < other.value <= 100:
        return None
    share = Number(100 * reading.number.value / other.value, 0.0, reading.number.first, other.last)
    return _Reading(share, "percent", reading.start_tok, other.last)


def _second_of_range(tokens: list[Token], reading: _Reading, between: bool) -> _Reading | None:
    """The upper end of "10-12", "10 to 12", "$3 million to $5 million", "between 10 and 12"."""
    j = reading.end_tok
    if j + 1 >= len(tokens):
        return None
    joiner = tokens[j]
    if not (joiner.text in _DASHES or joiner.low == "to" or (between and joiner.low == "and")):
        return None
    k = j + 1
    if tokens[k].text in ("$", "£", "€", "¥") or (
        tokens[k].low in ("us", "c", "a") and k + 1 < len(tokens) and tokens[k + 1].text == "$"
    ):
        k += 2 if tokens[k].text not in ("$", "£", "€", "¥") else 1
    other = number_at(tokens, k)
    if other is None:
        return None
    second = _read_unit(tokens, other)
    if second.unit and reading.unit and second.unit != reading.unit:
        return None
    return second


def _complete(text: str, tokens: list[Token], number: Number) -> tuple[list[Quantity], int]:
    """The quantities starting at a number (two for "from 20% to 18%"), and where to go on."""
    reading = _read_unit(tokens, number)
    reading = _ratio(tokens, reading) or reading
    marker = _marker_before(tokens, reading.start_tok)
    between = (
        marker is None
        and reading.start_tok > 0
        and (tokens[reading.start_tok - 1].low == "between")
    )
    second = _second_of_range(tokens, reading, between)
    if second is not None:
        unit = reading.unit or second.unit
        low, high = reading.number, second.number
        if not low.scaled and high.scaled and low.value < high.value and high.value >= 1000:
            scale = high.value / _unscaled(tokens, high)
            low.value, low.precision = low.value * scale, low.precision * scale
        before = tokens[reading.start_tok - 1].low if reading.start_tok > 0 else ""
        is_change = before == "from"  # "from 900 to 1,200": two figures, not a range
        by_to = before == "by"  # "fell by 1,200 to 14,800" too ("by 52 to 48%" shares a unit)
        # "fell 2.3% to 7,412": a change, then the level it left; never a range of percentages
        by_to = by_to or (reading.unit == "percent" and second.unit is None)
        aged = (
            between
            and reading.start_tok > 1
            and tokens[reading.start_tok - 2].low in ("aged", "age", "ages")
        )
        if _is_score(tokens, reading, second, unit):
            return [], second.end_tok
        if low.value < high.value and not is_change and not by_to:
            if aged or _is_not_quantity(tokens, low, unit) or _is_not_quantity(tokens, high, unit):
                return [], second.end_tok
            first_tok = reading.start_tok - 1 if between else reading.start_tok
            quantity = _make(
                text,
                tokens,
                first_tok,
                second.end_tok,
                None,
                unit or "count",
                low=low.value,
                high=high.value,
                approximate=False,
                precision=max(low.precision, high.precision),
                number=low,
            )
            quantity.number_end = tokens[high.last - 1].end
            return [quantity], second.end_tok
        if reading.unit is None and second.unit and not is_change:
            reading.unit = second.unit  # "52 to 48 percent": both are percentages
    return _single(text, tokens, reading, marker), reading.end_tok


def _is_score(tokens: list[Token], first: _Reading, second: _Reading, unit: str | None) -> bool:
    """ "won 3-1", "drew 2-2", "a 98-87 victory": a result, not a range (which rises)."""
    joiner = tokens[first.end_tok]
    low, high = first.number, second.number
    return (
        unit is None
        and joiner.text in _DASHES
        and joiner.glued
        and tokens[second.start_tok].glued
        and not (low.words or high.words or low.scaled or high.scaled)
        and low.value >= high.value
        and low.value == int(low.value)
        and high.value == int(high.value)
    )


def _unscaled(tokens: list[Token], number: Number) -> float:
    read = digits(tokens[number.first]) if tokens[number.first].text[0].isdigit() else None
    return read[0] if read and read[0] else number.value


def _single(
    text: str,
    tokens: list[Token],
    reading: _Reading,
    marker: tuple[tuple[str | None, bool], int] | None,
) -> list[Quantity]:
    number, unit, end = reading.number, reading.unit, reading.end_tok
    if _is_not_quantity(tokens, number, unit) or spans.is_adjective(tokens, end, unit):
        return []
    start = marker[1] if marker else reading.start_tok
    if unit in _DURATIONS and spans.is_relative_time(tokens, start, end):
        return []
    if _is_phone(tokens, number):
        return []
    if marker and unit in _DURATIONS and tokens[marker[1]].low in ("over", "under"):
        marker = None  # "over five years" is a span of time, not a bound
    bound, approximate = marker[0] if marker else (None, False)
    start = marker[1] if marker else reading.start_tok
    trailing = _trailing_approx(tokens, end)
    if trailing:
        approximate, end = True, trailing
    value = number.value
    return [
        _make(
            text,
            tokens,
            start,
            end,
            value,
            unit or "count",
            low=value if bound == "low" else None,
            high=value if bound == "high" else None,
            approximate=approximate,
            precision=number.precision,
            number=number,
        )
    ]


def _is_phone(tokens: list[Token], number: Number) -> bool:
    """ "0800 123 456": groups of bare digits in a row are a phone number or a code."""
    if number.words or number.scaled or number.last - number.first != 1:
        return False
    near = [tokens[k] for k in (number.first - 1, number.last) if 0 <= k < len(tokens)]
    return any(t.text.isdigit() and not t.glued for t in near) or (
        number.last < len(tokens) and tokens[number.last].text.isdigit()
    )


def _trailing_approx(tokens: list[Token], end: int) -> int | None:
    for phrase in lx.TRAILING_APPROX:
        words = phrase.split()
        if end + len(words) <= len(tokens) and [t.low for t in tokens[end : end + len(words)]] == (
            words
        ):
            return end + len(words)
    return None


def _make(
    text: str,
    tokens: list[Token],
    first: int,
    end: int,
    value: float | None,
    unit: str,
    *,
    low: float | None,
    high: float | None,
    approximate: bool,
    precision: float,
    number: Number,
) -> Quantity:
    start_char, end_char = tokens[first].start, tokens[end - 1].end
    return Quantity(
        start=start_char,
        end=end_char,
        as_written=text[start_char:end_char],
        value=value,
        unit=unit,
        low=low,
        high=high,
        approximate=approximate,
        precision=precision,
        number_start=tokens[number.first].start,
        number_end=tokens[number.last - 1].end,
        written_precision=number.written_precision,
    )
