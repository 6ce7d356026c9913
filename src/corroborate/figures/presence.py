"""Counts of presence: how many people or things are at, in, part of or pass through a holder.

"The Harwick plant employs 2,100 people" and "3,000 people work at the Harwick plant" give one
count, the plant's workforce, with two verbs told from two ends. Word similarity cannot tell such
verbs from two acts ("employs 1,200" / "cut 300 jobs"; "drew 12,000 runners" / "9,400 runners
finished"), so the verbs are read by what the count is of the holder: its workforce (`staff`),
the people who came to it (`attend`), the people or vehicles carried by or passing through it
(`traffic`), or those it serves (`serve`). Two verbs of one such role, or a verb of it and a
plain statement of how many there are ("has 640 pupils", "there were 310 passengers on board")
whose counted noun is a noun of the role, count one thing. Every other pair of verbs stays two
acts, so an unknown verb never makes a conflict.
"""

from __future__ import annotations

from typing import Any

# Verbs by role. A verb with a particle or preposition that makes it one ("take part", "turn
# out", "go to", "pass through") is in `_PHRASES`; those verbs alone say nothing of the role.
_ROLE_VERBS = {
    "staff": "employ work staff",
    "attend": "attend draw attract visit watch gather welcome host join participate march involve",
    "traffic": "carry fly travel handle cross use ride board transport",
    "serve": "serve supply power",
}
ROLE_OF_VERB = {verb: role for role, verbs in _ROLE_VERBS.items() for verb in verbs.split()}
_PHRASES = {
    ("take", "part"): "attend",
    ("turn", "out"): "attend",
    ("go", "to"): "attend",
    ("come", "to"): "attend",
    ("flock", "to"): "attend",
    ("pass", "through"): "traffic",
}

# Nouns that say which role a plain count of a holder's people is in: "the plant has 2,100
# workers" is its workforce; "there were 310 passengers on board" the ferry's traffic.
_ROLE_NOUNS = {
    "staff": "worker employee staff workforce",
    "attend": "visitor tourist spectator fan attendee participant volunteer pupil student "
    "protester",
    "traffic": "passenger traveller traveler commuter vehicle car",
    "serve": "customer household home",
}
ROLE_OF_NOUN = {noun: role for role, nouns in _ROLE_NOUNS.items() for noun in nouns.split()}

# Verbs that only state how many there are ("has", "there are"): their role is the noun's.
STATE_LEMMAS = frozenset({"have", "be"})


def read_presence(verb: Any) -> str | None:
    """The presence role of the figure's verb, or "state" for a plain "has" / "there are"."""
    lemma = str(verb.lemma_).lower()
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if lemma in STATE_LEMMAS:
        return "state"
    for child in verb.children:
        if child.dep_ in ("prt", "prep", "dobj"):
            role = _PHRASES.get((lemma, child.lower_))
            if role is not None:
                return role
    if any(c.dep_ == "aux" and c.lower_ in ("can", "could") for c in verb.children):
        return None  # "can carry 400 passengers": room for, not how many came
    return ROLE_OF_VERB.get(lemma)


# Verbs that give the level a count reached: "visitor numbers hit 710,000".
_LEVEL_LEMMAS = frozenset("hit reach top total stand rise climb grow fall drop".split())


def numbers_of(verb: Any, anchor: Any) -> Any | None:
    """The noun a "numbers" subject counts, where the figure is the level they reached:
    "visitor numbers at the gallery hit 710,000", "passenger numbers rose to 6.1 million"
    count visitors and passengers, as "drew 640,000 visitors" does. Not a change ("rose by
    200,000")."""
    if str(verb.lemma_).lower() not in _LEVEL_LEMMAS:
        return None
    if any(a.lower_ == "by" for a in anchor.ancestors if verb in a.ancestors):
        return None
    for child in verb.children:
        if child.dep_ != "nsubj" or child.lower_ not in ("numbers", "number"):
            continue
        kinds = [c for c in child.children if c.dep_ == "compound" and c.is_alpha]
        return kinds[-1] if kinds else None
    return None


def noun_role(counted_text: str | None) -> str | None:
    """The role a counted noun names ("passengers": traffic), from its last word."""
    if not counted_text or not counted_text.split():
        return None
    word = counted_text.lower().split()[-1]
    if word not in ROLE_OF_NOUN and word.endswith("s"):
        word = word[:-1]
    return ROLE_OF_NOUN.get(word)


def same_presence(
    role_x: str | None, role_y: str | None, noun_x: str | None, noun_y: str | None
) -> bool:
    """One role of presence on both sides: the same role, or a plain count whose noun names
    the other side's role. Two plain counts are left to the ordinary rules."""
    if role_x is None or role_y is None or role_x == role_y == "state":
        return False
    if role_x == "state":
        return noun_role(noun_x) == role_y
    if role_y == "state":
        return noun_role(noun_y) == role_x
    return role_x == role_y
