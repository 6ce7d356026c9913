"""Two sentences that fill one slot of one word with two different things: two facts.

"Army engineers inspected the cathedral" / "Fire crews inspected the cathedral", "The price of
butter has risen by 22%" / "The price of chocolate has risen by 15%": the same words around
one changed noun, so MiniLM and the pair model fitted on MSRP (which asks whether two
sentences mean the same, not who did it) find them near-equivalent. The parse tells the
changed part: a word both sentences use (the head: "inspected", "price") takes, in the same
relation (its subject, object, passive subject, possessor or the object of one preposition),
a different noun in each ("engineers" / "crews"), and neither sentence uses the other's noun.

A paraphrase changes nouns too, so a clash needs more (measured on MSRP rows 0-2999, where a
bare clash fired on 11.7% of the paraphrases and 6.9% of the others):
- the slot is anchored: its head keeps another slot filled alike in both ("inspected the
  cathedral"), or the head fills one slot of one word in both ("the price ... has risen");
- the two nouns are not one word spelt two ways ("organiser" / "organizer", "e-mail") and not
  close in meaning where they stand (`MEANING_WORD`, as `wordmeaning` reads it: "film" /
  "movie" 0.90, "lawyer" / "attorney" 0.86; "engineers" / "crews" 0.55);
- a name against a common noun ("Quillon will cut" / "The company will cut"), a pronoun, a
  person (two people for one act are a dispute: `apart._other_doers`), a date or an amount
  is no clash.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from difflib import SequenceMatcher
from typing import Any

from corroborate.claims.features import SentenceFacts, names_meet

# Relations of a head word to the noun that fills one of its slots.
_DIRECT = frozenset({"nsubj", "nsubjpass", "dobj", "poss"})
# A preposition's own relation: "to" is a "dative" after "sold", "by" an "agent" after "built".
_PREPOSITIONS = frozenset({"prep", "dative", "agent"})
# Heads that say who spoke or that only link: "police said" / "officials said" tell one fact.
_NO_HEAD = frozenset("say tell add state report be have do".split())
_FILLER_POS = frozenset({"NOUN", "PROPN"})
# A person (two people for one act: a dispute), a date or an amount in a slot ("on Monday" /
# "on Tuesday") is one event's two versions as often as two events: other steps weigh those.
_NOT_FILLER = frozenset(
    {"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
)
SPELLING = 0.8  # two nouns this alike by characters are one word spelt two ways

# (head lemma, relation, filler lemma, filler is a name, the number counting it or "")
Slot = tuple[str, str, str, bool, str]
# Whether two nouns (filler lemmas, one of each sentence) are close in meaning where they stand
Near = Callable[[str, str], bool]


def slots_of(tokens: Iterable[Any]) -> frozenset[Slot]:
    """Each noun filling a slot of a head word inside the tokens, as (head, relation, noun,
    whether the noun is a name, the number that counts it: "58" of "treated 58 people"). A
    preposition's object fills the slot "prep:<word>" of the preposition's head ("office in
    Leeds": office, prep:in, leeds)."""
    return frozenset(slot for slot, _ in _filled(list(tokens)))


def filler_spans(tokens: Iterable[Any]) -> dict[str, tuple[int, int]]:
    """The character span, in the tokens' text as `Piece.text` joins it, of each common noun
    that fills a slot (its lemma first met), for its vector in context."""
    tokens = list(tokens)
    starts, at = {}, 0
    for token in tokens:
        starts[token.i] = at
        at += len(token.text_with_ws)
    spans: dict[str, tuple[int, int]] = {}
    for slot, token in _filled(tokens):
        if not slot[3]:
            spans.setdefault(slot[2], (starts[token.i], starts[token.i] + len(token.text)))
    return spans


def _filled(tokens: list[Any]) -> Iterable[tuple[Slot, Any]]:
    inside = {t.i for t in tokens}
    # a name fills its slot whole ("united states"), for `names_meet` to match "US" with it
    entity = {t.i: _name(e.text) for e in tokens[0].doc.ents for t in e} if tokens else {}
    for token in tokens:
        if token.pos_ not in _FILLER_POS or not token.is_alpha or token.ent_type_ in _NOT_FILLER:
            continue
        head, relation = token.head, token.dep_
        if relation == "pobj" and head.dep_ in _PREPOSITIONS:
            relation, head = f"prep:{head.lower_}", head.head
        elif relation not in _DIRECT:
            continue
        if head.i not in inside or head.i == token.i or not head.is_alpha:
            continue
        lemma = head.lemma_.lower()
        if lemma in _NO_HEAD:
            continue
        name = token.pos_ == "PROPN" or bool(token.ent_type_)
        filler = entity.get(token.i, token.lemma_.lower()) if name else token.lemma_.lower()
        count = next((c.lower_ for c in token.children if c.dep_ == "nummod"), "")
        yield (lemma, relation, filler, name, count), token


def slot_clash(
    a: frozenset[Slot],
    b: frozenset[Slot],
    facts: tuple[SentenceFacts, SentenceFacts],
    near: Near | None = None,
) -> bool:
    """Whether two sentences fill one anchored slot two ways, either way round
    (`clashing_slots`; `facts`: each sentence's; `near`: whether two nouns, a's then b's, are
    close in meaning), or swap the fillers of two slots of one word (`swapped_slots`).

    Not where both count one thing in one slot with two numbers ("Paramedics treated 58
    people" / "Ambulance crews treated 34 people"): the count is the fact at stake, and its
    doer told two ways ("paramedics" / "ambulance crews") is one party as often as two; the
    dispute step weighs that pair."""
    if _counted_two_ways(a, b):
        return False
    back = None if near is None else (lambda x, y: near(y, x))
    return bool(
        clashing_slots(a, b, facts, near)
        or clashing_slots(b, a, (facts[1], facts[0]), back)
        or swapped_slots(a, b)
    )


def clashing_slots(
    a: frozenset[Slot],
    b: frozenset[Slot],
    facts: tuple[SentenceFacts, SentenceFacts],
    near: Near | None = None,
) -> tuple[Slot, Slot] | None:
    """The first pair of anchored slots of one head and relation that two sentences fill
    with different nouns of one kind (two common nouns, or two names), neither of which the
    other sentence uses (a name: `names_meet`, "US" for "United States"), neither spelt like
    the other nor close to it in meaning."""
    fa, fb = facts
    words_a, words_b = fa.lemmas | fa.words, fb.lemmas | fb.words
    by_key: dict[tuple[str, str], list[Slot]] = {}
    for slot in b:
        by_key.setdefault(slot[:2], []).append(slot)
    for slot in sorted(a):
        for other in by_key.get(slot[:2], ()):
            x, y = slot[2], other[2]
            if x == y or slot[3] != other[3] or x in words_b or y in words_a:
                continue
            if slot[3] and (names_meet(x, fb) or names_meet(y, fa)):
                continue
            if _spelt_alike(x, y) or (near is not None and near(x, y)):
                continue
            if _anchored(slot, a, b):
                return slot, other
    return None


def _name(text: str) -> str:
    return text.lower().removeprefix("the ")


def _anchored(slot: Slot, a: frozenset[Slot], b: frozenset[Slot]) -> bool:
    """The slot's head keeps another slot filled alike in both sentences ("inspected the
    cathedral"), or the head fills one slot of one word in both ("the price ... has risen")."""
    head, relation = slot[0], slot[1]
    keys_b = {s[:3] for s in b}
    return any(s[:3] in keys_b and ((s[0] == head and s[1] != relation) or s[2] == head) for s in a)


def _spelt_alike(x: str, y: str) -> bool:
    return x in y or y in x or SequenceMatcher(None, x, y).ratio() >= SPELLING


def _counted_two_ways(a: frozenset[Slot], b: frozenset[Slot]) -> bool:
    counts = {slot[:3]: slot[4] for slot in a if slot[4] and not slot[3]}
    return any(counts.get(slot[:3], slot[4]) != slot[4] for slot in b if slot[4])


def swapped_slots(a: frozenset[Slot], b: frozenset[Slot]) -> bool:
    """Two slots of one word whose fillers the two sentences swap ("Marovia sold wheat to
    Kesh" / "Kesh sold wheat to Marovia"): each names both, in the other roles."""
    fillers_a = {(head, relation): filler for head, relation, filler, *_ in a}
    fillers_b = {(head, relation): filler for head, relation, filler, *_ in b}
    for (head, first), x in fillers_a.items():
        for (other_head, second), y in fillers_a.items():
            if other_head != head or second == first or x == y:
                continue
            if fillers_b.get((head, first)) == y and fillers_b.get((head, second)) == x:
                return True
    return False
