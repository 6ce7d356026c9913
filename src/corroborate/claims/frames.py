"""Frames: who did what to what in a sentence, and whether the sentence says it happened.

Two sentences of one claim state opposite versions when they tell one act (the same verb, or the
same "be" with the same complement) about the same participants and one of them negates it:
"Renk conceded defeat" / "Renk did not concede", "the fault has been linked to crashes" / "the
fault has not been linked to any crashes", "Okafor offered a draw" / "Okafor refused to offer a
draw". Reading the act from the parse, rather than from how alike the two sentences are, finds
such pairs however much else the two sentences say (a time, a place, who told whom), and keeps
apart pairs that share words but not the act ("no shots were fired" / "he fired one shot": the
shots and he are not one doer).

A frame's polarity counts "not", "no" on a participant ("no crashes were caused") and the words
that hold a negation (`polarity`: "refused to concede", "voted against"), so "did not vote for"
and "voted against" are one stance. A frame under "will", "would", "may"... or a verb of
intending ("plans to close") is another mood: a plan and a fact are not two versions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from corroborate.claims.features import name_of, same_name
from corroborate.claims.pieces import RELATIVE_PRONOUNS
from corroborate.claims.polarity import ABSENCE_WORDS, reach

# Verbs that say who spoke: their frames are attributions, not the facts under dispute.
SPEECH_VERBS = frozenset(
    """say tell add state note stress warn insist explain claim argue report confirm deny
    announce accord suggest acknowledge admit allege""".split()
)
# Verbs of belief whose negation is the negation of what they govern: "I don't think he won".
BELIEF_VERBS = frozenset({"think", "believe", "feel", "expect", "suppose"})
# Words that tell a sentence as said by someone it does not name.
HEARSAY = frozenset({"allegedly", "reportedly", "purportedly", "supposedly"})
_NEGATING_ADVERBS = frozenset({"no", "barely", "hardly", "scarcely"})
# Where a verb of saying stands when it says who said the sentence's fact.
_SAYING_DEPS = frozenset({"ROOT", "prep", "parataxis", "relcl"})
# Auxiliaries that put an act in another mood than a stated fact ("could" and "can" are left
# out: "could not reach the ship" says it was not reached).
MOOD_WORDS = frozenset({"will", "would", "may", "might", "should", "must", "shall", "'ll"})
# A verb hanging on a noun ("a plan to cut") or a preposition ("against cutting") names an
# act without saying it happened.
HYPOTHETICAL_DEPS = frozenset({"acl", "pcomp"})
# Heads that stand for a part of what their "of" names: "part of the ransom", "most of the crew".
PARTITIVES = frozenset(
    "part some most half all share portion rest majority bulk any none each many few".split()
)
_DOER_DEPS = frozenset({"nsubj", "csubj"})
_PATIENT_DEPS = frozenset({"dobj", "nsubjpass"})
_COMPLEMENT_DEPS = frozenset({"acomp", "attr"})
# "was the first to raise the alarm": the subject of the copula did it
_RANKS = frozenset({"first", "last", "only"})
# Prepositions that tie a role to its owner or place: "divers from the Rescue Service"
# ("offers for Teixeira" says what for, not whose)
_ANCHOR_PREPOSITIONS = frozenset({"from", "at", "of"})

__all__ = ["Arg", "Frame", "frames_of", "speaker_of"]


@dataclass(frozen=True, slots=True)
class Arg:
    """A participant: the head word's lemma, its names (its own, its appositions' and its
    conjuncts': "the Workers' Party and the Liberal Union"), and where it stands."""

    lemma: str
    names: frozenset[str]  # its own and its appositions' ("the candidate, Renk"), conjuncts'
    words: frozenset[str]  # its lemma and those of the nouns before it ("Green candidate Renk")
    start: int  # character offsets of the participant's phrase in the parsed text
    end: int
    known: bool = True  # False for a pronoun ("he", "some"): who it is, the sentence does not say
    person: bool = False  # one of its names is a person's
    # whose or where it is ("the hall's fire officer", "divers from the Rescue Service", "a
    # guard at the Orveld depot"): the names or lemmas of those owners
    anchors: frozenset[str] = frozenset()
    one: bool = False  # a singular noun with "a"/"an": one someone ("a passing jogger")
    common: bool = False  # its head is a common noun (a name on it, "bus driver", is a slip)

    def matches(self, other: Arg) -> bool:
        """One participant: a name in common when both are named, else one's head word among
        the other's words ("the candidate" / "Green candidate Tobias Renk"); a pronoun is
        never known to be anyone."""
        if not (self.known and other.known):
            return False
        if self.names and other.names:
            return any(same_name(x, y) for x in self.names for y in other.names)
        return self.lemma in other.words or other.lemma in self.words


@dataclass(frozen=True, slots=True)
class Frame:
    """One act of a sentence: its verb (or "be:<complement>"), doer, what it was done to."""

    verb: str
    doer: Arg | None
    patient: Arg | None
    negated: bool
    mood: frozenset[str]
    definite: bool = False  # the patient is "the ..." or a name: one thing, not any

    def same_act(self, other: Frame) -> bool:
        """The same verb about the same participants: both name a doer or neither does ("no
        shots were fired" / "he fired one shot" may be two shooters), every participant both
        name matches, and at least one does."""
        if self.verb != other.verb or (self.doer is None) != (other.doer is None):
            return False
        pairs = [(x, y) for x, y in ((self.doer, other.doer), (self.patient, other.patient))]
        known = [(x, y) for x, y in pairs if x is not None and y is not None]
        return bool(known) and all(x.matches(y) for x, y in known)


def frames_of(tokens: Iterable[Any], base: int = 0) -> list[Frame]:
    """The frames of a parsed sentence (spaCy tokens of one sentence), speech verbs left out.
    `base` is added to the participants' offsets (the parsed paragraph's start, for offsets
    into the article)."""
    tokens = list(tokens)
    inside = {t.i for t in tokens}
    frames = []
    for token in tokens:
        if token.pos_ not in {"VERB", "AUX"} or token.dep_ in {"aux", "auxpass"}:
            continue
        verb = _predicate(token)
        if verb is None or token.lemma_.lower() in SPEECH_VERBS:
            continue
        doer = _participant(token, _DOER_DEPS, inside, base) or _agent(token, inside, base)
        patient = _participant(token, _PATIENT_DEPS, inside, base)
        frames.append(
            Frame(
                verb=verb,
                doer=doer,
                patient=patient,
                negated=_negations(token, tokens) % 2 == 1,
                mood=_mood(token),
                definite=_definite(token),
            )
        )
    return frames


def speaker_of(tokens: Iterable[Any]) -> Arg | None:
    """Who the sentence says said it ("…, the regulator said", "according to the owner",
    "…, police say, …", "witnesses who claim"); an unknown speaker ("some said", "allegedly")
    when it is told as said by someone it does not name; None when told as fact."""
    tokens = list(tokens)
    for token in tokens:
        if token.lemma_.lower() not in SPEECH_VERBS or token.dep_ not in _SAYING_DEPS:
            continue
        for child in token.children:
            if child.dep_ in _DOER_DEPS or (child.dep_ == "prep" and child.lower_ == "to"):
                head = child if child.dep_ in _DOER_DEPS else _first_object(child)
                if head is not None:
                    return _arg(head)
    if any(t.lower_ in HEARSAY for t in tokens):
        return Arg("", frozenset(), frozenset(), 0, 0, known=False)
    return None


def _predicate(token: Any) -> str | None:
    """The verb's lemma; for a copula, "be:" and its complement ("was not safe": "be:safe")."""
    lemma: str = token.lemma_.lower()
    if lemma != "be":
        return lemma
    for child in token.children:
        if child.dep_ in _COMPLEMENT_DEPS:
            return f"be:{child.lemma_.lower()}"
        if child.dep_ == "prep" and (obj := _first_object(child)) is not None:
            return f"be:{child.lower_}:{obj.lemma_.lower()}"
    return None


def _participant(token: Any, deps: frozenset[str], inside: set[int], base: int) -> Arg | None:
    """The verb's own participant of these roles; a verb without a subject of its own takes
    its controller's or first conjunct's ("refused to concede", "arrived and opened")."""
    for child in token.children:
        if child.dep_ in deps and child.i in inside:
            return _arg(child, base)
    if deps is not _DOER_DEPS:
        return None
    if token.dep_ in {"xcomp", "conj"} and token.head.i in inside:
        return _participant(token.head, deps, inside, base)
    if _ranked(token) and token.head.head.i in inside:  # "was the first to raise the alarm"
        return _participant(token.head.head, deps, inside, base)
    if _absent(token) and token.head.head.i in inside:  # "left without shaking his hand"
        return _participant(token.head.head, deps, inside, base)
    return None


def _ranked(verb: Any) -> bool:
    """The verb says what the copula's subject was first, last or only one to do."""
    head = verb.head
    return bool(
        verb.dep_ in {"relcl", "acl", "xcomp"}
        and head.lower_ in _RANKS
        and head.dep_ == "attr"
        and head.head.lemma_.lower() == "be"
    )


def _absent(verb: Any) -> bool:
    """The verb is the object of a word of absence: "without shaking his hand" says he did
    not shake it (a fact, negated), not an act that might be."""
    return verb.dep_ == "pcomp" and verb.head.lemma_.lower() in ABSENCE_WORDS


def _agent(token: Any, inside: set[int], base: int) -> Arg | None:
    """The doer of a passive: the object of its "by" phrase."""
    for child in token.children:
        if child.dep_ == "agent" and (obj := _first_object(child)) is not None and obj.i in inside:
            return _arg(obj, base)
    return None


def _first_object(preposition: Any) -> Any:
    return next((c for c in preposition.children if c.dep_ == "pobj"), None)


def _arg(token: Any, base: int = 0) -> Arg | None:
    """A participant from its head token; a pronoun says nothing of who (an unknown one),
    except a relative one in the doer's place, which stands for the noun its clause hangs on
    ("the minister, who did not attend"). In the place of what was done to it stays unknown:
    "a New York facility that was approved" is not known to be "that facility" of another
    sentence."""
    if token.pos_ == "PRON" or (token.pos_ == "DET" and token.dep_ in _DOER_DEPS):
        relative = token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl"
        if not relative or token.dep_ not in _DOER_DEPS:
            end = token.idx + len(token.text)
            return Arg("", frozenset(), frozenset(), base + token.idx, base + end, known=False)
        token = token.head.head
    phrase = list(token.subtree)
    start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1].text)
    # "the candidate, Renk", "the Workers' Party and the Liberal Union", "Roussel of the Greens"
    heads = [token, *(c for c in token.children if c.dep_ in {"appos", "conj"})]
    heads += [o for h in list(heads) for o in _of_object_tokens(h) if o.pos_ == "PROPN"]
    names = frozenset(name for head in heads if (name := name_of(head)))
    person = any(head.ent_type_ == "PERSON" for head in heads)
    words = {token.lemma_.lower()}
    words.update(c.lemma_.lower() for c in token.lefts if c.dep_ == "compound")
    if token.lemma_.lower() in PARTITIVES or token.pos_ == "NUM":  # "part of the ransom"
        words.update(_of_objects(token))
    lemma = token.lemma_.lower()
    one = token.tag_ in {"NN", "NNP"} and any(d.lower_ in {"a", "an"} for d in token.children)
    return Arg(
        lemma,
        names,
        frozenset(words),
        base + start,
        base + end,
        person=person,
        anchors=_anchors(token),
        one=one,
        common=token.pos_ == "NOUN",
    )


def _anchors(token: Any) -> frozenset[str]:
    """Whose or where the participant is, by name or lemma: its possessor ("Velcor's own
    inspectors", not "its") and the object of "from"/"at"/"of" ("divers from the Rescue
    Service"), unless the head is a part of that object ("part of the ransom")."""
    owners = [c for c in token.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    if token.lemma_.lower() not in PARTITIVES and token.pos_ != "NUM":
        owners += [
            obj
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ in _ANCHOR_PREPOSITIONS
            for obj in prep.children
            if obj.dep_ == "pobj" and obj.pos_ in {"NOUN", "PROPN"}
        ]
    return frozenset(name_of(o) or o.lemma_.lower() for o in owners)


def _of_objects(token: Any) -> set[str]:
    return {obj.lemma_.lower() for obj in _of_object_tokens(token)}


def _of_object_tokens(token: Any) -> list[Any]:
    """The objects of the word's "of" phrases: "part of the ransom" gives "ransom"."""
    return [
        obj
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def _negations(verb: Any, tokens: list[Any]) -> int:
    """How many negations bear on the verb: "not"/"never" on it, "no" on its participants,
    and words holding a negation that reach it ("refused to concede"), each of these counted
    with the negations on itself ("did not refuse to sign" signs)."""
    # "not", "never", "voted no", "barely landed a punch"
    count = sum(1 for c in verb.children if c.dep_ == "neg" or c.lower_ in _NEGATING_ADVERBS)
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in BELIEF_VERBS:
        # "I don't think he won" says "he did not win"
        count += sum(1 for c in verb.head.children if c.dep_ == "neg")
    for child in verb.children:
        if child.dep_ in _DOER_DEPS | _PATIENT_DEPS:
            count += sum(1 for d in child.children if d.dep_ == "det" and d.lower_ == "no")
    for token in tokens:
        if _next_to(token, verb) and any(t.i == verb.i for t in reach(token)):
            count += 1 + sum(1 for c in token.children if c.dep_ == "neg")
    return count


def _next_to(token: Any, verb: Any) -> bool:
    """The word governs the verb ("refused to allow" negates "allow", not the "leave" of "allow
    the trawler to leave"), or is a preposition or its noun hanging on the verb ("voted
    against", "voted in opposition"). A verb under it says what the act was for, not that it
    was not done: "voted to reject the veto" is a vote."""
    if token.i == verb.i:
        return False
    if verb.head.i == token.i:
        # an infinitive or gerund it governs ("refused to concede", "without shaking"); a
        # clause of its own under it is the parser's slip ("the bloodshed must stop and this
        # war must end" with "our message is clear" put under "stop")
        return bool(verb.dep_ in {"xcomp", "pcomp"})
    if token.head.i == verb.i:
        return bool(token.pos_ == "ADP")
    return bool(token.head.head.i == verb.i and token.head.pos_ == "ADP")


def _mood(verb: Any) -> frozenset[str]:
    """The auxiliaries of mood on the verb, and the verb of intending it hangs on ("plans to
    close": "to:plan"), unless that verb is one that negates it ("refused to")."""
    found = {c.lower_ for c in verb.children if c.dep_ == "aux" and c.lower_ in MOOD_WORDS}
    if verb.dep_ == "xcomp" and not reach(verb.head):
        found.add(f"to:{verb.head.lemma_.lower()}")
    if verb.dep_ in HYPOTHETICAL_DEPS and not _absent(verb):
        found.add(verb.dep_)  # "a plan to cut", "voted against cutting": no act stated
    return frozenset(found)


def _definite(verb: Any) -> bool:
    """The verb's object is one thing: "the final", "Tuesday's vote", a name."""
    for child in verb.children:
        if child.dep_ in _PATIENT_DEPS:
            if child.pos_ == "PROPN":
                return True
            return any(
                d.dep_ == "poss" or (d.dep_ == "det" and d.lower_ in {"the", "this", "that"})
                for d in child.children
            )
    return False
