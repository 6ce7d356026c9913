"""Doers told two ways: two outlets name different doers of one act and word the act apart.

`disputes.frame_clash` finds "Chief Orlov ordered the evacuation" / "Mayor Lund ordered the
evacuation": one verb, one definite thing done to, two people. Outlets often tell one act with
two verbs and two nouns ("The leak was found by the Rensby Gas Board" / "Velcor's own
inspectors discovered the gas escape"), and name doers by a role ("a passing jogger" / "a
postal worker was the first to find the boy"). A table of synonyms would be written against
the examples at hand, and the embedding of single verbs does not help (MiniLM puts
"win"/"lose" at 0.69, "buy"/"sell" at 0.76, "spot"/"detect" at 0.34). What does tell one act
is the two sentences with their doers taken out: each doer replaced by "someone", the two
sentences ask the same "who did it?" (0.56-0.94 on the invented development set's such
pairs; a forecast and its outcome, or two figures rounded apart, also come close, and are
left to the gates: one mood, no figures that agree or differ, no "also").

Two doers are only "different" when each is told as a particular someone: a name, a role
tied to an owner or place ("the hall's fire officer", "divers from the Coast Rescue
Service"), or one indefinite someone ("a passing jogger"), and not both named. "The company"
and "Velcor", "paramedics" and "ambulance crews" may be one doer, or two groups side by side.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from corroborate.claims.align import Unit
from corroborate.claims.features import same_name
from corroborate.claims.frames import Arg, Frame

# Two sentences, their doers each replaced by "someone", this close tell one act (the
# development set's true pairs 0.56-0.94; one told with "spot"/"detect", at 0.48, is left).
MASKED_COSINE = 0.55
# ... and this close where what was done to is worded apart too ("found the fault" /
# "discovered the problem": 0.63 on the development set)
MASKED_COSINE_APART = 0.6
SHOWN_DOER = 60  # characters of a doer named by its role, in a reason
# A side that adds a doer beside another ("also found", "rose in the table too") tells two.
_ALSO = re.compile(
    r"\b(?:too|also|as well|likewise|jointly|together with|alongside|along with)\b",
    re.IGNORECASE,
)

# Nouns of a person doing something: "driver", "inspector", "jogger", "spokesman".
_AGENT = re.compile(r"(?:er|or|ist|ian|man|woman|person)$")

Embed = Callable[[Sequence[str]], np.ndarray]

__all__ = ["MASKED_COSINE", "distinct", "reworded_actors"]


def distinct(x: Arg, y: Arg) -> bool:
    """Two doers that cannot be one: at least one told by a role, each a particular someone
    (`_particular`), sharing no name, owner or head word. Two named doers are left to
    `disputes._frame_actors` (one verb, two people): in real news two named organisations
    or people in one story mostly do acts of their own (a first cut that took them gave 41
    false disputes on ECB+, a navy and a ship's name at 0.73 without the doers)."""
    if not (x.known and y.known) or x.matches(y) or x.lemma == y.lemma:
        return False
    named_x, named_y = _named(x), _named(y)
    if (named_x and named_y) or not (_particular(x) and _particular(y)):
        return False
    if (named_x and not y.anchors) or (named_y and not x.anchors):
        # "a retired teacher found the painting" / "Marta Lindqvist found the painting": a
        # role beside a name is often that name's first mention; one tied to another owner
        # ("Velcor's own inspectors" / "the Rensby Gas Board") is not
        return False
    ties_x = x.names | x.anchors
    ties_y = y.names | y.anchors
    if any(same_name(p, q) for p in ties_x for q in ties_y):
        return False
    # "Velcor's inspectors" / "Velcor Energy's team": an owner of one among the other's words
    return not (x.anchors & y.words or y.anchors & x.words)


def _named(arg: Arg) -> bool:
    """Named by its own words: "a bus driver" read as a PERSON entity is a role."""
    return bool(arg.names) and not (arg.common and arg.names <= {arg.lemma})


def _particular(arg: Arg) -> bool:
    """A name, or a role of a person ("driver", "inspector", "jogger": an agent noun) that is
    one someone ("a passing jogger") or tied to an owner or place ("the hall's fire
    officer"). "A fire" / "a blaze", "hit by a stray bullet" / "Dorn hit him": things, not
    people, and often one under two words."""
    if _named(arg):
        return True
    return bool(_AGENT.search(arg.lemma)) and (arg.one or bool(arg.anchors))


def reworded_actors(
    a: Unit, b: Unit, frames: tuple[list[Frame], list[Frame]], embed: Embed
) -> tuple[str, str, str] | None:
    """(act, doer in a, doer in b) when two different doers (`distinct`) are told of one act
    done to one definite thing, worded with any verbs, the two sentences without their doers
    at least MASKED_COSINE close; neither doer may be a doer on the other side."""
    if _ALSO.search(a.whole.text) or _ALSO.search(b.whole.text):
        return None
    frames_a, frames_b = frames
    for x in frames_a:
        for y in frames_b:
            if x.negated != y.negated or x.mood != y.mood or not (x.definite and y.definite):
                continue
            if x.doer is None or y.doer is None or not (x.patient and y.patient):
                continue
            if not distinct(x.doer, y.doer):
                continue
            if any(f.doer and f.doer.matches(y.doer) for f in frames_a) or any(
                f.doer and f.doer.matches(x.doer) for f in frames_b
            ):
                continue
            wanted = MASKED_COSINE if x.patient.matches(y.patient) else MASKED_COSINE_APART
            if _masked_cosine(a, x.doer, b, y.doer, embed) < wanted:
                continue
            act = x.verb if x.verb == y.verb else f"{x.verb} / {y.verb}"
            return act, _shown(a, x.doer), _shown(b, y.doer)
    return None


def _masked_cosine(a: Unit, x: Arg, b: Unit, y: Arg, embed: Embed) -> float:
    texts = [_masked(a, x), _masked(b, y)]
    if not all(texts):
        return 0.0
    vectors = embed(texts)
    vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    return float(vectors[0] @ vectors[1])


def _masked(unit: Unit, doer: Arg) -> str:
    """The unit's whole sentence with the doer's phrase replaced by "someone"."""
    whole, text = unit.whole, unit.article.text
    if not (whole.start <= doer.start < doer.end <= whole.end):
        return ""
    return text[whole.start : doer.start] + "someone" + text[doer.end : whole.end]


def _shown(unit: Unit, doer: Arg) -> str:
    """A doer's name, else its phrase as written ("A passing jogger")."""
    if doer.names:
        return min(doer.names)
    phrase = " ".join(unit.article.text[doer.start : doer.end].split())
    return phrase if len(phrase) <= SHOWN_DOER else phrase[: SHOWN_DOER - 1].rstrip() + "…"
