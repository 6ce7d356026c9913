"""Whether two figures' subjects can be one thing, feature by feature: kinds of a noun ("fuel
prices" / "bread prices"), times and weekdays, a measure's dimension, and what two shares of one
population say of it. `ledger` combines these into `compatible` and the conflict rules.

Split from `ledger.py`, which groups mentions and decides agreement and conflict.
"""

from __future__ import annotations

from corroborate.figures.names import names_match
from corroborate.figures.nouns import AGE_BAND
from corroborate.figures.subject import Subject
from corroborate.figures.words import GENERIC_NOUNS, NOUN_CLASS


def say_one_thing(x: Subject, y: Subject) -> bool:
    """Two shares of one population say the same of it: a word of their sentences beyond the
    population, the names and the share itself is common ("smoke" / "smokers")."""

    def said(s: Subject) -> str:
        words = s.context - x.names - y.names - GENERIC_NOUNS - _SHARE_WORDS
        return " ".join(w for w in words if NOUN_CLASS.get(w, w) != s.base)

    return share_word(said(x), said(y))


_SHARE_WORDS = frozenset("quarter third fifth tenth half cent percent".split())


def share_word(x: str, y: str) -> bool:
    """Two phrases share a word, or a word's first five letters ("lights", "lighting")."""
    return any(a == b or a[:5] == b[:5] for a in x.split() for b in y.split() if len(a) > 2)


def kinds_clash(x: Subject, y: Subject, *, narrower: bool = False) -> bool:
    """A noun both subjects have, modified by different nouns on each side ("fuel prices" and
    "bread prices", "crew members" and "party members"). With `narrower`, also a noun one side
    narrows further ("youth unemployment rate" against "unemployment rate")."""
    for noun in {n for n, _ in x.kinds} & {n for n, _ in y.kinds}:
        mx = {m for n, m in x.kinds if n == noun}
        my = {m for n, m in y.kinds if n == noun}
        if not mx & my:
            return True
        if narrower and (_unnamed(mx - my, y) or _unnamed(my - mx, x)):
            return True  # "youth unemployment rate" against "unemployment rate"
    return narrower and (_narrows(x, y) or _narrows(y, x))


def qualified(x: Subject, y: Subject) -> bool:
    """One side narrows a noun of the other's subject with an adjective the other never says:
    "violent crime" against "crime", "online sales" against "sales"."""

    def narrows(p: Subject, q: Subject) -> bool:
        said = q.nouns | q.context | q.names
        return any(
            (n == AGE_BAND or n in q.nouns or n in q.names) and m not in said
            for n, m in p.qualifiers
        )

    return narrows(x, y) or narrows(y, x)


def _unnamed(modifiers: set[str], other: Subject) -> bool:
    """Some modifier the other side never names ("the Ormsby hospital waiting list" against
    "the Ormsby hospital's waiting list" names all)."""
    said = other.nouns | other.context | other.names
    return any(m not in said for m in modifiers)


def _narrows(x: Subject, y: Subject) -> bool:
    """x qualifies a noun y names bare: "turnout among students" against "turnout"."""
    heads_y = {n for n, _ in y.kinds}
    # A modifier y names at all narrows nothing: "police officers" against "Ingham police
    # said 23 officers"; "measles cases" against "Measles cases rose" read as a name.
    said = y.nouns | y.context | y.names | _PLAIN_STATISTICS
    # a kind of people written before its noun is keyed by that noun's word ("nursing staff":
    # "staff"), which y's nouns hold only as its class ("person")
    counted = (y.counted_text or "").lower().split()[-1:]
    people_y = {w.removesuffix("s") for w in counted} | set(counted)
    written_x = (x.counted_text or "").lower().split()
    return any(
        (n in y.nouns or (n in people_y and m in written_x))
        and n not in heads_y
        and m not in said
        and f"{m}s" not in said
        for n, m in x.kinds
    )


# Statistics a bare noun usually means: "a net profit of $220m" is what "a profit of" reports,
# "the average salary" what "workers earn"; "core inflation" is not "inflation".
_PLAIN_STATISTICS = frozenset({"net", "average", "mean", "typical"})


def dimensions_differ(x: Subject, y: Subject) -> bool:
    """Two dimensions, or a property written before its noun (a length, mostly: "the
    410-metre bridge") against a height, depth or width."""
    if x.dimension and y.dimension:
        return x.dimension != y.dimension
    other = y.dimension if x.attribute else x.dimension if y.attribute else None
    return other not in (None, "length")


def times_differ(x: Subject, y: Subject) -> bool:
    """The figures' times or weekdays differ. Not where a property ("the 410-metre bridge
    opened on Friday") is dated only by what happened to its noun, and the other side names
    no time: the bridge is as long on any day."""
    times_x, times_y = _dated_times(x), _dated_times(y)
    if times_x == times_y and not _days_differ(x, y):
        return False
    undated_x, undated_y = not (times_x or x.days), not (times_y or y.days)
    if times_x == times_y and ((undated_x and x.update_cue) or (undated_y and y.update_cue)):
        return False  # "stood at 3.2 metres on Friday", then "has risen to 3.9 metres"
    return not ((undated_y and _owner_named(x, y)) or (undated_x and _owner_named(y, x)))


def _dated_times(x: Subject) -> frozenset[str]:
    """The times that date a figure: not the current period, nor a start ("doubled to 40,000
    since 2000" is today's 40,000)."""
    return frozenset(t for t in x.times - CURRENT_PERIODS if not t.startswith("since "))


def _owner_named(x: Subject, y: Subject) -> bool:
    """x is a property of a noun ("the $14m elephant house") that y names as well."""
    if not x.attribute:
        return False
    if x.owner is None:  # a name: "the 90m Ilford Pearl"
        return bool(x.names) and names_match(x.names, y.names)
    return x.owner in y.nouns or x.owner in (y.holder_noun, y.owner)


def _days_differ(x: Subject, y: Subject) -> bool:
    """Weekdays of the figures' own clauses differ, and neither sentence names the other's
    day elsewhere ("the quake that hit on Sunday had a magnitude of 5.9")."""
    if x.days == y.days:
        return False
    return not (x.days <= y.context and y.days <= x.context)


# Times that a report without a time means too: "sold 45,000 tickets this year".
CURRENT_PERIODS = frozenset({"this year", "this month", "this quarter"})


def goods_differ(x: Subject, y: Subject, said_x: frozenset[str], said_y: frozenset[str]) -> bool:
    """A weight, length or volume of two different kinds of thing, one side never naming the
    other's: "42,000 tonnes of wheat" / "18,000 tonnes of barley" (what the unit is of), and
    "the satellite weighs 4.3 tonnes" / "its solar panels weigh 600kg" (what weighs it, a part
    the first side never names). `said_x`, `said_y`: every word each sentence says. Bulk words
    ("tonnes of goods", "of cargo") may name any good, so they never differ."""
    stuff_x, stuff_y = x.own_nouns - _BULK, y.own_nouns - _BULK
    if stuff_x and stuff_y and not stuff_x & said_y and not stuff_y & said_x:
        return True
    hx, hy = x.holder_noun, y.holder_noun
    if not (hx and hy) or hx == hy or {hx, hy} & (_BULK | _MEASURE_NOUNS):
        return False
    if x.verb != y.verb:
        return False  # "the dam rose 2 metres" and "the river rose 2 metres" are kept apart
    # elsewhere; a part weighs less than its whole, whatever the sentence says of the whole
    return hx not in said_y or hy not in said_x


# Words for goods in bulk, said of any kind of them ("tonnes of goods", "litres of fuel").
_BULK = GENERIC_NOUNS | frozenset(
    """good goods cargo freight material product produce food fuel supply aid waste output
    crop grain metal ore load shipment stock stuff weight""".split()
)

# Nouns that name the measure, not the thing measured ("its mass is 4.1 tonnes").
_MEASURE_NOUNS = frozenset(
    """mass weight length height width depth size area volume distance capacity cost price
    value output production consumption diameter span range""".split()
)


def one_named_measure(
    x: Subject, y: Subject, said_x: frozenset[str], said_y: frozenset[str]
) -> bool:
    """One reading of one named thing told with two verbs: "the Linnet Bridge is 1.2 km long" /
    "the Linnet Bridge stretches 1.9 km"; "Storm Edda brought gusts of 140 km/h to Wexford Bay"
    / "gusts reached 155 km/h in Wexford Bay". Both name it; neither says a name, a holder,
    the reading's kind ("a low of") or a time the other does not (the caller leaves out
    changes: "rose 2 metres").
    A part ("the bridge's main span stretches 400 m") is a holder the other side never says."""
    if not (x.names and y.names and names_match(x.names, y.names)):
        return False
    if x.times != y.times or x.days != y.days or x.day_parts != y.day_parts:
        return False  # "hit 41C on Tuesday" is not "fell to 18C overnight on Tuesday"
    if names_unsaid_both(x, y, said_x, said_y):
        return False  # "gusts of 140 km/h in Kessock Bay", "...in Ardmore": two places
    for one, said_other in ((x, said_y), (y, said_x)):
        holders = {one.holder_noun, one.owner} - {None} - _READINGS
        if not holders <= said_other:
            return False  # "its main span", "the storm brought": a part, or what made it
        if (one.context & _READING_KINDS) - said_other:
            return False  # "a low of minus 9C" is not the day's high
    return True


def names_unsaid_both(
    x: Subject, y: Subject, said_x: frozenset[str], said_y: frozenset[str]
) -> bool:
    """Each side names something the other sentence never says: "gusts of 140 km/h in Kessock
    Bay" / "...in Ardmore". Two things, or one told with two names. (Tried as a rule for every
    conflict in session 6 and reverted: it cost 3 of the 110 seen pairs.)"""
    return bool(_unsaid_names(x, said_y) and _unsaid_names(y, said_x))


def _unsaid_names(x: Subject, said: frozenset[str]) -> frozenset[str]:
    """x's names that the other sentence never says ("Gusts" is said as "gust")."""
    return frozenset(n for n in x.names if n not in said and n.removesuffix("s") not in said)


# Nouns that name the reading itself, not a thing that has it ("temperatures hit 41C").
_READINGS = frozenset(
    """temperature rainfall rain snowfall level height length depth width speed altitude
    weight mass distance""".split()
)
# Kinds of one reading: a day's low is not its high, a peak not an average.
_READING_KINDS = frozenset(
    """low high minimum maximum average mean peak top record overnight daytime""".split()
)


def things_differ(x: Subject, y: Subject, said_x: frozenset[str], said_y: frozenset[str]) -> bool:
    """Each side says what its amount is, and they are two things neither sentence names on
    the other side: "the council's budget is £412m" / "a £28m funding gap" (a budget, a gap).
    What a figure is: the noun it is written before ("a £28m gap") or is the value of ("a
    profit of £410m"), or the holder of a verb that states a level ("the budget is £412m")."""
    one, other = _what_it_is(x), _what_it_is(y)
    if one is None or other is None or one == other or {one, other} & _MEASURE_NOUNS:
        return False
    return one not in said_y and other not in said_x


def _what_it_is(x: Subject) -> str | None:
    if x.attribute:
        return x.owner
    if x.value_of is not None:
        return x.value_of  # "a pre-tax profit of £410m"
    return x.holder_noun if x.verb in _STATING else None


# Verbs that state a level: "the budget is £412m", "revenue reached £2.9bn".
_STATING = frozenset({None, "have", "reach", "stand", "total", "amount"})
