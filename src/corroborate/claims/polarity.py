"""Negations without "not": words whose meaning holds one, and what they reach.

"voted against the bill", "rejected the bill" and "did not vote for the bill" take one stance;
"all the votes in opposition" are the "no votes"; "dropping the inquiry without bringing
charges" says he "will not be charged". A negation dispute counts "not", "no", "never" on both
sides (`features.conflict`); one side's opposite may instead be held in a word like these. Such
a word flips the polarity only of what it reaches in the parse, so that "attended the meeting
without her deputy" still clashes with "did not attend the meeting", and "did not reject the
plan" with "rejected the plan" (the word itself is not in its own reach).

Three kinds, by what they reach:
- a stance against an act ("against", "in opposition"): the act it hangs on and its object;
- the absence of a thing ("without", "the absence of"): its object only;
- a verb that negates what it governs ("refused to sign", "dropped plans to add", "blocked
  the sale"): its complements, and the act it says how was done ("voted to reject").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# Prepositions and nouns that put an act against something: "voted against", "votes in
# opposition". Words of opposition in general, not of any one story.
STANCE_WORDS = frozenset({"against", "opposition", "rejection", "refusal", "veto", "boycott"})
# Words of absence: "without bringing charges", "in the absence of a deal", "a lack of funds".
ABSENCE_WORDS = frozenset({"without", "absence", "lack"})
# Verbs that negate what they govern (negative implicatives and verbs of preventing or
# opposing): "refused to sign" is "did not sign", "blocked the sale" is "the sale did not go
# ahead".
NEGATING_VERBS = frozenset(
    """reject oppose block bar ban halt stop prevent refuse decline deny drop abandon scrap
    cancel veto fail avoid lack miss skip withhold exclude forgo boycott abstain shelve suspend
    dismiss resist refrain spurn rebuff""".split()
)
# Particle verbs of the same kind: "turned down the offer", "ruled out a rise".
NEGATING_PARTICLE_VERBS = frozenset(
    {("turn", "down"), ("vote", "down"), ("rule", "out"), ("call", "off"), ("back", "out")}
)
# Adjectives that negate their complement: "unable to reach the ship" did not reach it.
NEGATING_ADJECTIVES = frozenset({"unable"})
# Dependents that complete a verb (what it governs), as against adjuncts ("dropping the inquiry
# without bringing charges": the charges hang on "without", not on "dropping").
COMPLEMENTS = frozenset({"dobj", "xcomp", "ccomp", "attr", "oprd", "acomp", "nsubjpass", "pcomp"})

__all__ = ["implicit_negations", "reach"]


def implicit_negations(tokens: Iterable[Any], shared: frozenset[str]) -> int:
    """How many words holding a negation (of the kinds above) reach a word of `shared` (lemmas
    or lower-case words) in these spaCy tokens."""
    tokens = list(tokens)
    inside = {t.i for t in tokens}
    count = 0
    for token in tokens:
        found = reach(token)
        if found and any(t.i in inside and t.i != token.i and _is_shared(t, shared) for t in found):
            count += 1
    return count


def _is_shared(token: Any, shared: frozenset[str]) -> bool:
    return token.lemma_.lower() in shared or token.lower_ in shared


def reach(token: Any) -> list[Any]:
    """The tokens whose polarity the word flips (empty when it holds no negation)."""
    lemma = token.lemma_.lower()
    if lemma in ABSENCE_WORDS:
        return _objects(token)
    if lemma in STANCE_WORDS:
        return [*_act_of(token), *_objects(token)]
    if lemma in NEGATING_ADJECTIVES:
        return [t for child in token.children if child.dep_ == "xcomp" for t in child.subtree]
    if token.pos_ in {"VERB", "AUX"} and _negating_verb(token):
        found = [t for child in token.children if child.dep_ in COMPLEMENTS for t in child.subtree]
        if token.dep_ == "xcomp":
            found.append(token.head)  # "voted to reject": the vote was against
        return found
    return []


def _negating_verb(token: Any) -> bool:
    lemma = token.lemma_.lower()
    if lemma in NEGATING_VERBS:
        return True
    particles = (c.lower_ for c in token.children if c.dep_ == "prt")
    return any((lemma, particle) in NEGATING_PARTICLE_VERBS for particle in particles)


def _objects(token: Any) -> list[Any]:
    """What a preposition or noun of absence or stance governs: its object's words, or the
    noun's own dependents ("opposition to the tax")."""
    return [t for child in token.children for t in child.subtree if child.dep_ != "punct"]


def _act_of(token: Any) -> list[Any]:
    """The word a stance hangs on: "voted against" gives "voted"; "votes in opposition", the
    noun under "in", gives "votes". A stance noun that is itself an object ("faced
    opposition") says nothing against the act it is the object of."""
    if token.pos_ == "ADP":
        return [token.head]
    if token.dep_ == "pobj" and token.head.pos_ == "ADP":
        return [token.head.head]
    return []
