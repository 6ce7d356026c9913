"""When and in what mode a figure is stated: fact, demand or forecast, an update of an earlier
figure, its time ("last year", "in March", "on Saturday") and whether it is a rate ("a day").

Read from the words near the figure in the sentence's parse; `subject` adds them to the rest of
what the figure is about.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from corroborate.figures.lexicon import DAYS, MONTHS

# Words that make a figure a demand or a target rather than a fact ("called for 5%").
DEMAND = frozenset(
    """call demand want urge propose seek ask insist suggest recommend need should appeal
    must target goal ambition necessity""".split()
)
# Words that make it a forecast: it may line up with a fact or with a demand.
FUTURE = frozenset(
    """expect aim plan forecast predict project anticipate envisage likely hope vow intend would
    will could might""".split()
)
# Words that pin a figure to the present state, overriding a proposal word further away.
CURRENT = frozenset(
    "current currently existing present presently today now already meet miss fail".split()
)  # "missed the target", "failed to meet it": a fact about the target, not the target
# Words that say a figure replaces an earlier one ("the toll has risen to 17").
UPDATE = frozenset(
    """rise risen rose climb climbed increase jump jumped grow grew revise revised update updated
    latest now""".split()
)
# Of those, the words that say so on their own; the verbs of change need "to" ("rose to 16").
UPDATE_ALWAYS = frozenset("revise revised update updated latest now".split())

# Verbs that change an estimate, and the estimates they change.
REVISING = frozenset("cut raise lower trim lift upgrade downgrade revise slash".split())
ESTIMATES = frozenset("forecast estimate guidance outlook projection prediction".split())

# Words that replace an earlier figure even for one stated period ("May inflation was revised
# to 2.6%"); a verb of change ("rose to 6.2% in the first quarter") does not.
REVISED = UPDATE_ALWAYS | REVISING | ESTIMATES

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
CUE_DEPS = frozenset({"aux", "auxpass", "advmod", "neg", "amod", "compound", "acomp", "npadvmod"})


def cue_levels(anchor: Any, verb: Any, local: list[Any]) -> list[list[Any]]:
    """Where proposal and time words are looked for, nearest first."""
    path = [a for a in anchor.ancestors if a.i != verb.i and verb in a.ancestors]
    near = [verb, *path]
    near += [c for t in near for c in t.children if c.dep_ in CUE_DEPS]
    near += [c for c in verb.children if c.dep_ == "dobj"]  # "double its target to 5%"
    if verb.lemma_ == "be":  # "the goal was $3 billion": the subject says what it is
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        near += subjects + [c for t in subjects for c in t.children if c.dep_ == "amod"]
    # A demand governs what follows it ("called for 5%"); a verb after the figure that the
    # parse puts above it is usually a misparse of two clauses ("2% is not enough; he called").
    above = [a for a in verb.ancestors if a.i < anchor.i]
    above += [c for t in above for c in t.children if c.dep_ in ("aux", "auxpass", "advmod")]
    return [local, near, above]


def read_phase(levels: list[list[Any]]) -> tuple[str | None, bool]:
    """(phase, update cue): a current word beats a demand or forecast word at the same level."""
    words = {t.lemma_.lower() for t in levels[1]} | {t.lower_ for t in levels[1]}
    # "rose to 16" replaces an earlier figure; "rose 6%" is the size of a change, not an update
    to_value = any(t.lower_ == "to" and t.dep_ == "prep" for t in levels[1])
    update = bool(words & UPDATE_ALWAYS) or bool(to_value and words & UPDATE)
    # "cut its forecast to 380,000": a forecast replaced, which is an update of a forecast
    revision = to_value and bool(words & REVISING) and bool(words & ESTIMATES)
    for level in levels:
        # "backing the project" names a scheme, not a projection
        words = {w for t in level if not _scheme(t) for w in (t.lemma_.lower(), t.lower_)}
        if words & CURRENT:
            return None, update
        if words & DEMAND or any(_presses_for(t) for t in level):
            return "demand", False  # "increase to 5%" in a demand is not a later report
        if words & FUTURE:
            return "future", revision
    return None, update or revision


def _scheme(token: Any) -> bool:
    return bool(token.lower_ in ("project", "projects") and token.pos_ in ("NOUN", "PROPN"))


def _presses_for(token: Any) -> bool:
    """ "pushed for 5%", "pressing for a 10% rise": a demand; "pushed temperatures to 39C"
    is not."""
    if token.lemma_.lower() not in ("push", "press"):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "for" for c in token.children)


PERIODS = {
    "head": "person",
    "person": "person",
    "capita": "person",
    "resident": "person",
    "inhabitant": "person",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "hour": "hour",
    "annum": "year",
    "quarter": "quarter",
}


PERIOD_ADVERBS = {
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "annually": "year",
    "yearly": "year",
    "hourly": "hour",
}


SPAN_PREPS = frozenset("in for over within after than".split())


def period_of(tokens: list[Any], anchor: Any, verb: Any = None) -> str | None:
    """ "£40m a day", "1,500 patients a week", "$148,000 annually": the figure is a rate; so
    is one whose verb or counted noun says so ("45,000 cars cross it every day", "600 daily
    services")."""
    after = [t for t in tokens if t.i > anchor.i][:5]
    for k, token in enumerate(after):
        if token.is_punct or token.pos_ in ("VERB", "AUX"):
            return _period_around(anchor, verb)
        if token.lower_ in PERIOD_ADVERBS:
            return PERIOD_ADVERBS[token.lower_]
        nxt = after[k + 1].lemma_.lower() if k + 1 < len(after) else ""
        before = after[k - 1].lower_ if k > 0 else anchor.lower_
        if before in SPAN_PREPS:
            continue  # "rose 8% in a year" took a year; "£40m a day" is a rate
        if token.lower_ in ("a", "an", "per", "each", "every") and nxt in PERIODS:
            return PERIODS[nxt]
    return _period_around(anchor, verb)


_RATE_DETS = frozenset({"a", "an", "per", "each", "every"})


def _period_around(anchor: Any, verb: Any) -> str | None:
    """A period word on the figure's verb ("cross the bridge every day", "travel daily") or on
    its counted noun ("600 daily services"). Not a year: "visitors come each year" is what
    "an annual carnival attracts", a total that names no period."""
    period = _period_word(anchor, verb)
    return None if period == "year" else period


def _period_word(anchor: Any, verb: Any) -> str | None:
    holders = [anchor.head] if anchor.dep_ == "nummod" else []
    for token in holders:
        for child in token.children:
            if child.dep_ == "amod" and child.lower_ in PERIOD_ADVERBS:
                return PERIOD_ADVERBS[child.lower_]
    for child in verb.children if verb is not None else ():
        if child.dep_ == "advmod" and child.lower_ in PERIOD_ADVERBS:
            return PERIOD_ADVERBS[child.lower_]
        lemma = str(child.lemma_).lower()
        dets = {c.lower_ for c in child.children if c.dep_ == "det"}
        if child.dep_ == "npadvmod" and lemma in PERIODS and dets & _RATE_DETS:
            return PERIODS[lemma]
    return None


def days_of(clause: Iterable[Any]) -> frozenset[str]:
    """Weekdays in the figure's own clause: "drew 20,000 on Saturday" is another count than
    "35,000 on Sunday". Read from the clause only: "..., officials said on Monday" dates the
    saying, not the figure."""
    return frozenset(t.lower_ for t in clause if t.lower_ in DAYS and t.text[0].isupper())


def day_parts_of(clause: Iterable[Any]) -> frozenset[str]:
    """Parts of a day in the figure's own clause: "fell to 18C overnight" is another reading
    than the day's "hit 41C"."""
    return frozenset(t.lower_ for t in clause if t.lower_ in DAY_PARTS)


def span_of(clause: Iterable[Any]) -> str | None:
    """A total told as a running tally ("so far", "to date": "so far"), over a recent window
    ("in the past week": "past week"), or over a stretch ("over five years", "over the next
    five years": "stretch five year"). How they part figures is `ledger._spans_differ`."""
    words = [t for t in clause if not t.is_punct]
    for k, token in enumerate(words):
        if " ".join(w.lower_ for w in words[k : k + 2]) in _RUNNING:
            return "so far"
        opener = token.lower_
        if opener not in _SPAN_OPENERS:
            continue
        rest = [w for w in words[k + 1 : k + 5] if w.lower_ not in ("the", "next", "coming")]
        for m, word in enumerate(rest[:3]):
            if word.lemma_.lower() not in _SPAN_UNITS:
                continue
            before: list[str] = [str(w.lower_) for w in rest[:m]]
            unit = str(word.lemma_).lower()
            if before[:1] and before[0] in _PAST:
                return f"past {unit}"
            if opener != "in" and before and all(w.isalpha() or w[0].isdigit() for w in before):
                return "stretch " + " ".join(before) + " " + unit
            break
    return None


def in_real_terms(clause: Iterable[Any]) -> bool:
    """ "Wages rose 1.1% after inflation", "in real terms": a change net of prices, another
    measure than the plain one ("wages rose 4.2%")."""
    words = [t.lower_ for t in clause]
    pairs = {" ".join(words[k : k + 2]) for k in range(len(words) - 1)}
    return bool(pairs & _REAL_TERMS)


_REAL_TERMS = frozenset({"after inflation", "real terms", "for inflation", "real-terms"})

_RUNNING = frozenset({"so far", "to date", "thus far"})
_SPAN_OPENERS = frozenset({"over", "in", "during", "within"})
_PAST = frozenset({"past", "last", "previous"})
_SPAN_UNITS = frozenset("day week month year decade hour".split())


DAY_PARTS = frozenset(
    "overnight night nighttime morning afternoon evening midday noon dawn daytime".split()
)

ORDINALS = ("first", "second", "third", "fourth")  # "the second quarter"


def times_of(region: Iterable[Any]) -> frozenset[str]:
    """Years, months and "last year"-type phrases: figures of different times never merge."""
    found = set()
    for token in region:
        low = token.lower_
        if _YEAR.match(low) and token.i > 0 and token.nbor(-1).lower_ == "since":
            found.add(f"since {low}")  # "the lowest since 2008" is not a figure of 2008
        elif _YEAR.match(low) or (low in MONTHS and token.text[0].isupper()):
            found.add(low)
        elif low == "ago" and token.i > 1:  # "four years ago", "a decade ago"
            found.add(f"{token.nbor(-2).lower_} {token.nbor(-1).lemma_.lower()} ago")
        elif low in ("year", "month", "quarter", "half") and token.i > 0:
            before = token.nbor(-1).lower_
            if before in ("-", "–") and token.i > 1:
                before = token.nbor(-2).lower_  # "first-quarter growth"
            if before in ("last", "this", "next", "previous", *ORDINALS):
                found.add(f"{before} {low}")
    return frozenset(found)


# Words that tell another event than the clause they hang from ("... after a warehouse caught
# fire late on Wednesday"): its time dates that event, not the figure.
_SEQUENCE = frozenset({"after", "before", "until"})


def other_event(tokens: Iterable[Any], anchor: Any) -> set[int]:
    """Tokens told of another event than the figure's: an "after" / "before" clause the
    figure is not in ("80 firefighters spent the night there after a warehouse caught fire on
    Wednesday"), or, for a figure inside one, all but that clause ("are to close in March
    after councillors voted by 33 votes to 22"). Not a plain phrase ("after a four-hour
    meeting"): only a clause, with its own verb, is an event of its own."""
    out: set[int] = set()
    for token in tokens:
        if token.lower_ not in _SEQUENCE or token.dep_ not in ("mark", "prep"):
            continue
        event = token.head if token.dep_ == "mark" else token
        clause = list(event.subtree)
        if not any(t.pos_ in ("VERB", "AUX") for t in clause):
            continue
        inside = {t.i for t in clause}
        if anchor.i in inside:
            out |= {t.i for t in tokens if t.i not in inside}
        else:
            out |= inside
    return out
