"""One act told two ways: the same verb, a verb and its noun, or two verbs for one act.

`strict` is for a conflict: only the loose readings it trusts count then (`loose.FOR_CONFLICT`
keeps those in `loose.CONFLICT_LOOSE`); None is for agreeing, where every reading counts.
"""

from __future__ import annotations

from corroborate.figures.loose import Strictness
from corroborate.figures.names import names_match
from corroborate.figures.presence import same_presence
from corroborate.figures.roles import one_handover
from corroborate.figures.subject import Subject
from corroborate.figures.words import VERB_CLASS


def may_be_one_act(x: Subject, y: Subject, *, strict: Strictness | None = None) -> bool:
    """The same act, or two verbs for it about one named holder: "Treddick's 5,000 dock
    workers will strike", "2,000 Treddick dockers plan to walk out". Not a state against an
    act ("has 112 schools", "the strike closed 38"), nor two acts the word lists tell apart
    ("damaged 300 buildings", "destroyed 40 buildings")."""
    if same_act(x, y, strict=strict):
        return True
    if strict is not None and not (strict.allows("two_verbs") or {x.verb, y.verb} & LIGHT_VERBS):
        return False  # "visited 240 homes", "insulated 90 homes": two full verbs, two acts
    if strict is not None and (_light_adds(x, y) or _light_adds(y, x)):
        return False  # "left 25,000 homes without power" is not "damaged 600 homes"
    if x.verb is None or y.verb is None or {x.verb, y.verb} & STATE_ACTS:
        return False
    if x.verb in KNOWN_ACTS and y.verb in KNOWN_ACTS:
        return False
    return bool(x.names and y.names) and names_match(x.names, y.names)


# Verbs that say little of their own, the act lying in the words around them ("plan to walk
# out", "gave the go-ahead", "took 138 seats", "left 70,000 homes without power"):
# against another verb they may be one act, even for a conflict.
LIGHT_VERBS = frozenset("plan give take leave estimate make get put".split())


def _light_adds(light: Subject, other: Subject) -> bool:
    """ "Left" with the state an act left behind, in a noun the other side never says ("left
    25,000 homes without power" against "the storm damaged 600 homes"). Other light verbs name
    the act itself in their noun ("gave the go-ahead to 620 homes": approved them)."""
    if light.verb != "leave" or other.verb in LIGHT_VERBS:
        return False
    said = other.nouns | other.context | {light.counted}
    return bool(light.nouns - said)


# Verbs that state how many there are, not something done to them.
STATE_ACTS = frozenset({"have", "reach", "stand", "total", "amount", "be"})
KNOWN_ACTS = frozenset(VERB_CLASS.values())


def same_frame(x: Subject, y: Subject, *, strict: Strictness | None = None) -> bool:
    """The same holder does it: one common noun ("the waiting list stood at"), or, with no
    such noun on either side, the same names and nouns ("Shipley Town have lost 11 of their
    last 14 league games", "...lost nine of their last 14 league matches")."""
    if x.holder_noun is not None or y.holder_noun is not None:
        return x.holder_noun == y.holder_noun
    if strict is not None and not strict.allows("frame_no_holder"):
        return False
    return bool(x.names and x.nouns) and names_match(x.names, y.names)


# Acts that state how many there are: "has 22 boats", "recorded 980 burglaries".
LEVEL_ACTS = frozenset({"have", "reach"})


def same_act(x: Subject, y: Subject, *, strict: Strictness | None = None) -> bool:
    """One verb, or one side's verb named as the other's noun ("500 homes were flooded", "the
    floods hit 900 homes"). `strict` (for a conflict) keeps only the loose readings it
    trusts."""
    if x.verb is None or y.verb is None:
        return False
    if x.verb == y.verb or one_handover(x.handover, y.handover):
        return True  # one verb, or one handing-over told by its two parties ("sold", "bought")
    if strict is None or strict.allows("verb_noun"):
        if x.verb in y.nouns or y.verb in x.nouns:
            return True
        if _verb_as_noun(x.verb, y) or _verb_as_noun(y.verb, x):
            return True  # "12,000 signed the petition", "the petition has 6,500 signatures"
    if {x.verb, y.verb} <= LEVEL_ACTS and (strict is None or strict.allows("level_acts")):
        return True  # "there had been 1,240 burglaries", "Vardon recorded 980 burglaries"
    if strict is not None and not strict.allows("promise"):
        return False
    return x.promise == y.verb or y.promise == x.verb  # "promised to build", "pledged"


def _verb_as_noun(verb: str, other: Subject) -> bool:
    """The other side counts what the verb does, as a noun: "signed" and "signatures",
    "admitted" and "admissions"."""
    nouns = f"{other.counted_text or ''} {other.holder_noun or ''}".lower().split()
    return len(verb) >= 4 and any(n.startswith(verb[:4]) for n in nouns)


# Outcomes a verb of presence gives by itself ("was carrying 230 passengers": aboard).
PRESENCE_OUTCOMES = frozenset({None, "aboard", "sheltered"})


def one_presence(x: Subject, y: Subject) -> bool:
    """One count of presence at one named holder, told with two verbs or from two ends: "the
    Harwick plant employs 2,100 people" / "3,000 people work at the Harwick plant" (figures/
    presence.py). Both name the holder, and a common noun doing either verb ("the plant") is
    said on the other side."""
    if not same_presence(x.presence, y.presence, x.counted_text, y.counted_text):
        return False
    if not {x.outcome, y.outcome} <= PRESENCE_OUTCOMES:
        return False
    if not (x.names or y.names) or not (_names_said(x, y) and _names_said(y, x)):
        return False  # the holder named, and no name on one side only
    return _holder_said(x, y) and _holder_said(y, x)


def _names_said(x: Subject, y: Subject) -> bool:
    """Every name of x is said on y's side, as a name or a word of its sentence (a name at the
    start of a sentence may be read as a plain word: "The Morrow line carried ...")."""
    said = y.names | y.context
    return all(n in said or names_match({n}, y.names) for n in x.names)


def _holder_said(x: Subject, y: Subject) -> bool:
    return x.holder_noun is None or x.holder_noun in y.nouns or x.holder_noun in y.context
