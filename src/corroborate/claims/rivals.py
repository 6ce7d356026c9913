"""Two sentences' figures compared: which pairs of quantities are rivals, and whether they clash.

Text-level rules of `disputes` for figures, read from the words around each number (what a count
counts, a part against a total, a bound, a figure both give) and compared by the figure stage's
`values_agree`. `disputes` adds what the figure stage reads of each figure's subject (`Rivals`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from corroborate.figures.extract import Quantity, read_quantities
from corroborate.figures.lexicon import FRACTIONS, MARKERS, SCALE_WORDS, SMALL, TENS
from corroborate.figures.names import names_match
from corroborate.figures.subject import Subject
from corroborate.figures.values import same_dimension, values_agree

COUNTED_WORDS = 2  # words after a count read for what it counts ("times by police": time)
TALLY_WORDS = 3  # words between the two figures of a tally ("212 votes to 187", "out of 100")

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CLAUSE_END = re.compile(r"[,.;:()\"“”—]")
# A part of what the other side counts, not its total: "the two other victims".
_PART = frozenset("other more additional remaining further extra another".split())
# A running total against one event's count: "in their five operations so far, 14 rifles" /
# "during the operation, six rifles".
# Words after "of" that make a count a part of a definite whole ("84,600 of its kettles")
_PARTITIVE = frozenset("the its their his her our these those".split())
_RUNNING_TOTAL = re.compile(r"\b(?:so far|to date|thus far|all told)\b", re.IGNORECASE)
_TOTAL = re.compile(r"\b(?:in total|a total of|in all|altogether|overall)\b", re.IGNORECASE)
_FILLER = frozenset(
    "of the a an and in on at to for from with by were was are is be been being have has had "
    "will would more than some about other its their his her who which that".split()
)

# Whether two quantities may be rivals, as the figure stage reads what each is about.
Rivals = Callable[[Quantity, Quantity], bool]

__all__ = [
    "Rivals",
    "as_rounded",
    "bare_decimal",
    "clash_of",
    "figure_clash",
    "read_text",
    "subjects_differ",
]


def figure_clash(text_a: str, text_b: str) -> tuple[str, str] | None:
    """The first pair of comparable quantities (as written) on which two texts disagree, when
    no pair of one dimension agrees; None when they agree or give nothing comparable."""
    return clash_of(text_a, read_text(text_a), text_b, read_text(text_b))


def read_text(text: str) -> list[Quantity]:
    found = read_quantities(text)
    return [as_rounded(q) for q in found if not bare_decimal(text, q.number_start)]


def as_rounded(quantity: Quantity) -> Quantity:
    """The figure as precise as its last written digit, for `values_agree` to compare.

    The figure stage reads a whole number of a scale to a tenth of it ("$1 trillion" as
    "$1.0 trillion"), so that its ledger keeps "3 billion" and "2.6 billion" apart. Told of
    one fact by two outlets, "$1 trillion" is the "$1.2 trillion" package rounded and "$736bn"
    the "$735.7bn" deficit: one side within the coarser side's precision states no other
    version ("$1 trillion" / "$1.5 trillion" still clash: on the edge, `values_agree` wants
    the gap small beside the value). The stage keeps that half-step, before its clamp, as
    `written_precision` (digits with a scale word only; a number in words stays as read)."""
    if not quantity.plain or not quantity.value or not quantity.written_precision:
        return quantity
    return replace(quantity, precision=max(quantity.precision, quantity.written_precision))


def clash_of(
    text_a: str,
    found_a: list[Quantity],
    text_b: str,
    found_b: list[Quantity],
    rivals: Rivals | None = None,
    *,
    counted: bool = True,
) -> tuple[str, str] | None:
    """The first pair of rival figures that disagree, or None (see `figure_clash`);
    `counted=False` when the caller already knows two counts count one thing."""
    if bool(_RUNNING_TOTAL.search(text_a)) != bool(_RUNNING_TOTAL.search(text_b)):
        return None
    # One figure both give says the others may be about other things, unless a clashing pair
    # counts a thing of its own: "212 passengers and 14 crew" / "184 passengers and 14 crew".
    agreed = [
        (x, y)
        for x in found_a
        for y in found_b
        if same_dimension(x, y) and x.plain and y.plain and values_agree(x, y)
    ]
    found: tuple[str, str] | None = None
    for x in found_a:
        for y in found_b:
            if not same_dimension(x, y):
                continue
            if (counted and not _comparable(text_a, x, text_b, y)) or (rivals and not rivals(x, y)):
                continue
            if any(x is p and y is q for p, q in agreed):
                continue  # the figure in common; what it excuses is read below
            if values_agree(x, y) or _within_bound(x, y) or _within_bound(y, x):
                return None  # "at least three" dead and "10 dead" can both be true
            if _part_of_total(text_a, x, text_b, y) or _part_of_total(text_b, y, text_a, x):
                continue
            if agreed and not (
                _counted_apart(text_a, x, text_b, y, agreed)
                or _tally_apart(text_a, x, text_b, y, agreed)
            ):
                continue
            found = found or (x.as_written, y.as_written)
    return found


def _part_of_total(text: str, part: Quantity, total_text: str, total: Quantity) -> bool:
    """One side gives a total ("in total about 41,000 customers") and the other counts a kind
    of what it counts ("18,000 business customers"): a part, not another total."""
    if part.unit != "count" or not _TOTAL.search(total_text) or _TOTAL.search(text):
        return False
    words, whole = _words_after(text, part), _words_after(total_text, total)
    # the total's noun comes after a word of the part's own: "business customers"
    return bool(words and whole) and words[0] != whole[0] and whole[0] in words[:COUNTED_WORDS]


def _counted_apart(
    text_a: str, x: Quantity, text_b: str, y: Quantity, agreed: list[tuple[Quantity, Quantity]]
) -> bool:
    """Two counts of one thing ("212 passengers" / "184 passengers") that no agreeing pair
    takes part in, while each agreeing pair counts one other thing ("14 crew" / "14 crew"): an
    agreement on what is counted unclear ("two other rifles" / "two grenades") may be a
    coincidence, and excuses the rest as before."""
    if x.unit != "count" or any(x is p or y is q for p, q in agreed):
        return False
    counted_a, counted_b = _counted(text_a, x), _counted(text_b, y)
    if not counted_a or not counted_b or not counted_a & counted_b:
        return False
    for p, q in agreed:
        counted_p, counted_q = _counted(text_a, p), _counted(text_b, q)
        if not counted_p or not counted_q or not counted_p & counted_q or counted_p & counted_a:
            return False
    return True


def _tally_apart(
    text_a: str, x: Quantity, text_b: str, y: Quantity, agreed: list[tuple[Quantity, Quantity]]
) -> bool:
    """The figure in common is the other side of one tally or the scale of one score, on both
    sides: "212 votes to 187" / "221 votes to 187", "71.4 points out of 100" / "68.9 out of
    100". It says the two tell one result, not that the rest is about other things."""
    return any(
        _tally(text_a, x, p) and _tally(text_b, y, q)
        for p, q in agreed
        if p is not x and q is not y
    )


def _tally(text: str, first: Quantity, second: Quantity) -> bool:
    if second.number_start < first.end:
        return False
    between = text[first.end : second.number_start].lower().split()
    return len(between) <= TALLY_WORDS and bool(between) and between[-1] in ("to", "of")


def bare_decimal(text: str, at: int) -> bool:
    """A number right after a point with no digit before it (".519", a winning percentage): a
    fraction the reader took for a whole number."""
    return at >= 1 and text[at - 1] == "." and (at == 1 or not text[at - 2].isdigit())


def _within_bound(bound: Quantity, other: Quantity) -> bool:
    if bound.approximate or bound.value is None or other.value is None:
        return False
    if bound.unit != other.unit:
        return False
    if bound.low is not None and bound.high is None:
        return max(other.value, other.low or other.value) >= bound.low
    if bound.high is not None and bound.low is None:
        return min(other.value, other.high or other.value) <= bound.high
    return False


def _comparable(text_a: str, x: Quantity, text_b: str, y: Quantity) -> bool:
    if x.unit != "count":
        return True
    counted_a, counted_b = _counted(text_a, x), _counted(text_b, y)
    return counted_a is not None and counted_b is not None and bool(counted_a & counted_b)


def _counted(text: str, quantity: Quantity) -> set[str] | None:
    """Stems of the words just after a count, up to punctuation ("565 shops suffering": shop,
    suffering); None for a part ("two other victims") or a count of nothing ("Gray, 16,")."""
    words = _words_after(text, quantity)
    if not words or words[0] in _PART:
        return None
    if words[0] == "of" and len(words) > 1 and words[1] in _PARTITIVE:
        words = words[2:]  # "84,600 of its kettles" counts kettles, as "48,600 kettles" does
    return {w.rstrip("s") for w in words[:COUNTED_WORDS] if w not in _FILLER}


def _words_after(text: str, quantity: Quantity) -> list[str]:
    """The words after a figure up to punctuation, lower-cased."""
    return [w.lower() for w in _WORD.findall(_CLAUSE_END.split(text[quantity.end :])[0])]


def subjects_differ(x: Subject, y: Subject, topic: frozenset[str] = frozenset()) -> bool:
    """Features of two figures' subjects that make them two things, whatever else they share.

    `topic`: names most of the story's articles give (the event, its main actor), which tell
    no two figures apart. Times are left out on purpose: "arrested four times" against "three
    times since October" is one fact told with and without its period (3 true ECB+ disputes)."""
    names_x, names_y = x.names - topic, y.names - topic
    own_names = x.names_in_clause and y.names_in_clause and names_x and names_y
    if own_names and not names_match(names_x, names_y):
        return True  # "the Red Sox offered $200m" / "the Orioles offered $150m"
    if x.instruments and y.instruments and x.instruments != y.instruments:
        return True  # the Kathimerini poll's 68% and the Ethnos poll's 83%
    actors_x, actors_y = x.actors - topic, y.actors - topic
    if actors_x and actors_y and not names_match(actors_x, actors_y):
        return True
    if x.counted and y.counted and x.counted != y.counted:
        return True  # "11 Yemeni" (pirates) / "two Yemeni fishing boats"
    if x.subset or y.subset or (x.share_role == "whole") != (y.share_role == "whole"):
        return True  # "two other victims", "31 of the 60 seats"
    if x.times and y.times and not x.times & y.times:
        # "44 per cent full a fortnight ago" / "33 per cent at the end of August"; weekdays
        # are left out: a count "by Friday" and one "on Saturday" can be one running count
        return True
    if x.margin != y.margin or x.capacity != y.capacity or x.per != y.per:
        return True  # "won by 1,204 votes", "seats 32,000", "£40m a day"
    # what one side asks for is not what the other says is ("seeking a 10-year contract")
    return (x.phase == "demand") != (y.phase == "demand")


# The words a figure as written may open on: number words, and the first words of fractions and
# of bound or approximation markers ("More than 120", "Nearly 30", "Twelve", "A third").
_OPENING_WORDS = frozenset(
    key.split()[0] for table in (SMALL, TENS, SCALE_WORDS, FRACTIONS, MARKERS) for key in table
)


def cited(as_written: str) -> str:
    """A figure as written, fit to stand inside a reason's sentence: a sentence's capital on a
    number word or a marker goes ("Echo gives more than 120", not "gives More than 120");
    a name's capital ("Rs 500", "US$4bn") stays."""
    first, _, rest = as_written.partition(" ")
    lower = first.lower()
    if first[:1].isupper() and first[1:] == lower[1:] and lower.split("-")[0] in _OPENING_WORDS:
        return lower + (" " + rest if rest else "")
    return as_written


def figures_reason(name_a: str, figure_a: str, name_b: str, figure_b: str) -> str:
    """The reason a claim is disputed over its figures, as the reports print it."""
    return f"different figures: {name_a} gives {cited(figure_a)}, {name_b} gives {cited(figure_b)}"
