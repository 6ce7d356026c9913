"""Graded identity: which loose readings of "the same thing" may make a conflict.

Two figures line up when their subjects may be one thing. Some of the rules that say so are
loose: two verbs told for one act, a verb and its noun, one frame with no holder noun, jobs
counted as people, pay read as a year's, a level read on two days, one named period that
overrides an update cue, a counted thing named with a synonym. A loose match may make two
figures AGREE; it makes them CONFLICT only where the rule is kept in `CONFLICT_LOOSE`, because
a false conflict is printed first and costs a fact-checker most. When a loose match is all
that ties two differing values, they stay separate figures, each with a note saying so.

Each rule was kept or dropped on the dev sets (dev..dev23): kept only where it gave right
conflicts and no false one. The counts are in the session-4 figures report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from corroborate.figures.words import NOUN_CLASS

# Every loose rule by name; `CONFLICT_LOOSE` holds the ones trusted to make a conflict.
LOOSE_RULES = (
    "two_verbs",  # "will strike" / "plan to walk out" about one named holder
    "verb_noun",  # "12,000 signed" / "6,500 signatures"
    "level_acts",  # "there had been 1,240 burglaries" / "recorded 980 burglaries"
    "promise",  # "promised to build" / "pledged"
    "durations",  # "sacked their manager after 14 months" / "...11 months"
    "frame_no_holder",  # "Shipley Town have lost 11 of their last 14" / "...nine of 14"
    "jobs_people",  # "lay off 1,200 staff" / "cutting 1,500 jobs"
    "pay_year",  # "earns $52,000 a year" / "a salary of $47,500"
    "two_days",  # "stood at 41% on Monday" / "48% on Friday", articles of two dates
    "one_period",  # "rose to 6.2% in the first quarter" / "5.8% in the first quarter"
    "synonym",  # "18,000 runners" / "14,500 participants"
    "narrower_scope",  # "the youth jobless rate" / "the jobless rate" (figures/scope.py)
    "unsaid_both",  # "Halden Rail carried" / "Halden's bus network carried" (figures/scope.py)
)

CONFLICT_LOOSE = frozenset(
    {
        "verb_noun",
        "level_acts",
        "promise",
        "durations",
        "pay_year",
        "two_days",
        "one_period",
        "synonym",
        "jobs_people",
    }
)

NOT_SURE = "not sure these measure the same thing, so not a conflict"


@dataclass(frozen=True, slots=True)
class Strictness:
    """Which loose rules may tie two figures whose values differ into a conflict. Passed down
    explicitly from the ledger to every rule that reads it."""

    trusted: frozenset[str]

    def allows(self, rule: str) -> bool:
        return rule in self.trusted


# For a conflict: only the loose rules kept in `CONFLICT_LOOSE`.
FOR_CONFLICT = Strictness(CONFLICT_LOOSE)
# For the note on a figure: every loose rule counts, as for agreeing (would the two be rivals
# on a loose match?).
ANY_LOOSE = Strictness(frozenset(LOOSE_RULES))


class _Counted(Protocol):
    @property
    def counted(self) -> str | None: ...
    @property
    def counted_text(self) -> str | None: ...


def synonym_only(x: _Counted, y: _Counted, strict: Strictness = FOR_CONFLICT) -> bool:
    """The same class of counted thing, named with two different words ("runners",
    "participants"): loose. People are left out: outlets name the dead, residents or victims
    as they please, and what happened to them (the outcome) tells the counts apart."""
    if strict.allows("synonym") or x.counted is None or x.counted != y.counted:
        return False
    if x.counted == "person" or not (x.counted_text and y.counted_text):
        return False
    p, q = _head(x.counted_text), _head(y.counted_text)
    return not (p.startswith(q) or q.startswith(p))


def _head(text: str) -> str:
    """The last word, plural crudely cut: "member nations" -> "nation"."""
    word = text.lower().split()[-1] if text.split() else ""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def two_kinds(x: _Counted, y: _Counted, said_x: frozenset[str], said_y: frozenset[str]) -> bool:
    """Two kinds of one class of thing, neither named by the class word nor on the other side:
    "sold 5,200 electric cars" / "sold 8,900 vans" (two kinds of vehicle) are two counts. A kind
    against its class ("vehicles" / "cars", "runners" / "participants") may be one count, and
    people are left out, as in `synonym_only`. Never a conflict; they may still agree."""
    if x.counted is None or x.counted != y.counted or x.counted == "person":
        return False
    if not (x.counted_text and y.counted_text):
        return False
    p, q = _known(_head(x.counted_text)), _known(_head(y.counted_text))
    if p == q or x.counted in (p, q):
        return False
    kinds = NOUN_CLASS.get(p) == NOUN_CLASS.get(q) == x.counted
    return kinds and p not in said_y and q not in said_x


def _known(word: str) -> str:
    """The word as the class table spells it: "buse" (from "buses") is "bus"."""
    if word in NOUN_CLASS or not word.endswith("e"):
        return word
    return word[:-1] if word[:-1] in NOUN_CLASS else word
