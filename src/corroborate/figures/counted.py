"""What a count counts and what happened to the people it counts, from the sentence's parse:
"23 member nations" counts countries, "12 were killed" dead people, "a city of 500,000 people"
its population, "31 of the 60 seats" a part of a whole.

Split from `subject.py`, which puts these together with the rest of a figure's subject.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from corroborate.figures.extract import Quantity
from corroborate.figures.words import (
    CHANGE_VERBS,
    GENERIC_NOUNS,
    NOUN_CLASS,
    OUTCOME_OF,
    PERSON_EVENTS,
    RESIDENT_NOUNS,
    ROLE_HEADS,
    SETTLEMENTS,
    WEAK_OUTCOME_WORDS,
)


def verb_above(token: Any) -> Any:
    node = token
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return node


def read_counted(
    tokens: list[Any], anchor: Any, quantity: Quantity, para_start: int
) -> tuple[str | None, str | None]:
    """The thing a count counts ("member nations" in "23 member nations"), and its class."""
    if quantity.unit != "count":
        return None, None
    if _crowd_of(tokens, quantity, para_start):
        return "person", "people"  # "a crowd of almost 42,000 watched Rovers' win"
    head = _table_label(tokens, quantity, para_start)
    own = anchor.dep_ in ("nummod", "quantmod", "compound", "amod", "appos") and (
        anchor.head.pos_ in ("NOUN", "PROPN") and anchor.head.i > anchor.i
    )
    if head is None and own and not _time_phrase(anchor.head):
        head = anchor.head
    elif head is None:
        after = [t for t in tokens if para_start + t.idx >= quantity.end]
        if after and after[0].pos_ == "NOUN":
            head = after[0]
    if head is None:
        head = _whole_noun(anchor)
    if head is None:
        return _counted_by_total(anchor) or _counted_by_level(anchor)
    words = [t for t in head.lefts if t.dep_ == "compound" and t.i > anchor.i] + [head]
    lemma = head.lemma_.lower()
    if lemma in ROLE_HEADS and len(words) > 1:  # "22 crew members" count the crew
        lemma = words[-2].lemma_.lower()
    if lemma in PERSON_EVENTS:  # "31 arrests", "12 deaths": people arrested, people dead
        return "person", " ".join(t.text for t in words)
    return NOUN_CLASS.get(lemma, lemma), " ".join(t.text for t in words)


_TIME_HEADS = frozenset("year month week day quarter decade season".split())
_TIME_MARKS = frozenset("last this next past previous".split())


def _time_phrase(noun: Any) -> bool:
    """ "rose to 71,500 last year": the parse may hang the number on "year"; the phrase says
    when, not what is counted."""
    marked = any(c.lower_ in _TIME_MARKS for c in noun.children)
    return str(noun.lemma_).lower() in _TIME_HEADS and marked


def _whole_noun(anchor: Any) -> Any | None:
    """ "won 142 of the 300 seats", "lost 11 of their last 14 games": a part counts what its
    whole counts."""
    for prep in anchor.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for noun in prep.children:
                if noun.dep_ == "pobj" and noun.pos_ == "NOUN":
                    return noun
    return None


CROWDS = frozenset({"crowd", "attendance", "audience"})


def _crowd_of(tokens: list[Any], quantity: Quantity, para_start: int) -> bool:
    """ "a crowd of 12,800", "an attendance of 9,500": the people there (read from the words,
    since the parse often hangs the number off the noun after it)."""
    before = [t for t in tokens if para_start + t.idx < quantity.start][-2:]
    if before and before[-1].lemma_.lower() in CROWDS:
        return True  # a scraped result line: "Attendance 8,412"
    linked = len(before) == 2 and before[1].lower_ in ("of", ":")  # "Attendance: 8,412"
    return linked and before[0].lemma_.lower() in CROWDS


def _table_label(tokens: list[Any], quantity: Quantity, para_start: int) -> Any | None:
    """A row of a table scraped as text ("Registered voters 1,840,000 Spoilt ballots 12,311"):
    each number follows its label and the next column's label follows it (or a bar, or the
    end of a verbless row), so the noun before it is what it counts."""
    before = [t for t in tokens if para_start + t.idx < quantity.start]
    after = [t for t in tokens if para_start + t.idx >= quantity.end]
    verbless = not any(t.pos_ in ("VERB", "AUX") for t in tokens)
    label_next = (
        (not after and verbless)
        or (after and after[0].text in ("|", ";"))
        or (after and after[0].is_alpha and after[0].text[0].isupper())
    )
    if before and label_next and before[-1].pos_ == "NOUN" and before[-1].is_alpha:
        return before[-1]
    return None


def _counted_by_level(anchor: Any) -> tuple[str | None, str | None]:
    """ "road deaths fell to 35", "cases stand at 412": the subject of a verb of level counts."""
    verb = verb_above(anchor)
    if str(verb.lemma_).lower() not in (*CHANGE_VERBS, "stand", "total", "hit", "top"):
        return None, None
    for child in verb.children:
        if child.dep_ == "nsubj" and child.pos_ == "NOUN":
            if child.lemma_.lower() in ("number", "total"):  # "passenger numbers reached"
                child = next((c for c in child.lefts if c.dep_ == "compound"), child)
            lemma = str(child.lemma_).lower()
            if lemma in PERSON_EVENTS:
                return "person", child.text
            if lemma not in GENERIC_NOUNS:
                return NOUN_CLASS.get(lemma, lemma), child.text
    return None, None


def _counted_by_total(anchor: Any) -> tuple[str | None, str | None]:
    """ "the number of people killed has risen to 17", "put the toll at 12": people counted."""
    for node in [anchor, *anchor.ancestors]:
        for child in node.children:
            if child.lemma_.lower() == "toll":
                return "person", "people"
            if child.lemma_.lower() in ("number", "total"):
                for of in child.children:
                    nouns = [t for t in of.children if t.dep_ == "pobj" and t.pos_ == "NOUN"]
                    if of.lower_ == "of" and nouns:
                        lemma = nouns[0].lemma_.lower()
                        return NOUN_CLASS.get(lemma, lemma), nouns[0].text
    return None, None


def read_outcome(
    local: Sequence[Any], narrow: Sequence[Any], anchor: Any, *, people: bool = True
) -> str | None:
    """What happened to the people counted: the figure's own phrase first ("64 survivors"),
    then the word of its clause nearest to it ("killed 12 and injured 40"). With `people`
    false (the count is of homes, cars...), only the words that say so on their own: "left
    48,000 homes without power" moved no one."""
    if population_of(anchor):
        return "living"
    other = _other_argument(anchor)
    for region in (local, narrow):
        hits = [t for t in region if t.lemma_.lower() in OUTCOME_OF or t.lower_ in OUTCOME_OF]
        hits = [t for t in hits if t.i not in other and not _free_of_charge(t)]
        strong = [t for t in hits if t.lemma_.lower() not in WEAK_OUTCOME_WORDS]
        if hits and not strong:  # "left 19 people missing": the state the verb left them in
            strong = [t for t in _complements(anchor) if t.lower_ in OUTCOME_OF]
            strong = [t for t in strong if t.lemma_.lower() not in WEAK_OUTCOME_WORDS]
        hits = strong or (hits if people else [])  # "left 64 people hurt": hurt, not left
        if hits:
            nearest = min(hits, key=lambda t: abs(t.i - anchor.i))
            return OUTCOME_OF.get(nearest.lemma_.lower()) or OUTCOME_OF[nearest.lower_]
    # "2.4 million residents" live there; "12,000 residents signed the petition" did something
    if any(t.lemma_.lower() in RESIDENT_NOUNS for t in local):
        return "living" if str(verb_above(anchor).lemma_).lower() in _STATES else None
    return None


_STATES = frozenset("be have live number total remain".split())


def _free_of_charge(token: Any) -> bool:
    """ "free" before its noun is what a thing costs ("more than 100 free water points",
    "2,000 free tickets"), not people freed ("12 hostages were freed", "set free")."""
    return bool(token.lower_ == "free" and token.dep_ == "amod")


def _other_argument(anchor: Any) -> set[int]:
    """The doer of a verb whose object holds the figure: "the shelter" in "the Hesketh shelter
    turned away 30 people" is where, not what happened to them. (Not the object of a verb the
    figure does: "twelve people lost their lives".)"""
    verb = verb_above(anchor)
    if not any(c.dep_ == "dobj" and anchor in c.subtree for c in verb.children):
        return set()
    return {t.i for c in verb.children if c.dep_ == "nsubj" for t in c.subtree}


def _complements(anchor: Any) -> list[Any]:
    """The words that complete the figure's verb: "missing" in "left 19 people missing"."""
    verb = verb_above(anchor)
    return [c for c in verb.children if c.dep_ in ("advcl", "xcomp", "acomp", "oprd", "dobj")]


def population_of(anchor: Any) -> bool:
    """ "a city of 500,000 people", "home to 120,000 people": the people live there, whatever
    the clause around the place says happened to others."""
    noun = anchor.head if anchor.dep_ == "nummod" else anchor
    prep = noun.head
    return bool(
        noun.dep_ == "pobj"
        and prep.lower_ in ("of", "to")
        and prep.head.lemma_.lower() in SETTLEMENTS
    )


def settlement_names(anchor: Any) -> list[Any]:
    """The place a population belongs to: "Bandar Abbas, a city of 500,000 people", "Qeshm
    Island, home to 200,000 people"; not the other places of the clause."""
    if not population_of(anchor):
        return []
    noun = anchor.head if anchor.dep_ == "nummod" else anchor
    place = noun.head.head
    # The place it describes: an apposition ("Belcaster, a city of"), also when the parse
    # hangs "home to" off the name as a modifier.
    beside = place.dep_ in ("appos", "advmod", "npadvmod") and place.head.pos_ in ("NOUN", "PROPN")
    owner = place.head if beside else place
    words = [t for t in owner.lefts if t.dep_ in ("compound", "flat", "amod")] + [owner]
    return [t for t in words if t.pos_ == "PROPN" and t.is_alpha]


def whole_or_part(anchor: Any) -> str | None:
    """ "31 of the 60 seats": 60 is the whole, 31 a part; they never conflict."""
    if anchor.head.lower_ == "of" and anchor.head.head.like_num:
        return "whole"
    # "31 of the 60 seats": 60 counts the seats that hang off "of" after another number.
    noun = anchor.head
    if anchor.dep_ == "nummod" and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        if noun.head.head.like_num or _fronted_whole(noun.head):
            return "whole"
        return _part_of(anchor)
    return _part_of(anchor)


def _fronted_whole(of: Any) -> bool:
    """ "Of the 95 passengers on board, 80 were rescued": an "of" phrase before its verb, whose
    subject is another number, gives the whole that number is a part of."""
    verb = of.head
    if verb.pos_ not in ("VERB", "AUX") or of.i > verb.i:
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.like_num for c in verb.children)


def _part_of(anchor: Any) -> str | None:
    if any(
        c.lower_ == "of" and any(g.like_num for g in c.subtree if g.i != c.i)
        for c in anchor.children
    ):
        return "part"
    return None


# Singular noun tags: a count above one names its thing in the plural ("1,500 workers").
_SINGULAR = frozenset({"NN", "NNP"})
# Nouns counted in the singular form: "1500 staff", "1200 sheep", "1300 aircraft".
_SAME_PLURAL = frozenset(
    "staff crew personnel police cattle livestock poultry sheep deer fish aircraft".split()
)


def is_old_year(
    tokens: list[Any], quantity: Quantity, para_start: int, ordinary: frozenset[str]
) -> bool:
    """A bare four-digit number used as a year: before a singular noun ("the 1482 printed
    atlas", "a 1640 charter"), where a count names its thing in the plural ("the 1500
    workers"); or as the time of a preposition ("in 1482", "since 1640", "an atlas from 1482";
    not "fell from 1300" nor "from 1200 to 1500"). Years from 1800 are dates already
    (`extract`); this covers the older ones, written without an era mark. `ordinary`: the
    model's lower-case words."""
    written = quantity.as_written
    if quantity.unit != "count" or len(written) != 4 or not written.isdigit():
        return False
    token = next((t for t in tokens if para_start + t.idx == quantity.start), None)
    if token is None:
        return False
    if token.dep_ == "pobj":
        return _time_of_preposition(token)
    if token.dep_ != "nummod" or token.head.i <= token.i:
        return False
    head, lemma = token.head, token.head.lemma_.lower()
    if lemma in _SAME_PLURAL or NOUN_CLASS.get(lemma) == "person":
        return False
    return head.tag_ in _SINGULAR or _false_plural(head, ordinary)


# Prepositions of time; "from" only after a noun ("an atlas from 1482", not "fell from 1300").
_TIME_PREPOSITIONS = frozenset({"in", "since", "until", "till"})


def _time_of_preposition(token: Any) -> bool:
    doc, i = token.doc, token.i
    if i + 2 < len(doc) and doc[i + 1].lower_ in ("to", "and", "-", "–") and doc[i + 2].like_num:
        return False  # "from 1200 to 1500": a range of counts
    preposition = token.head
    if preposition.lower_ in _TIME_PREPOSITIONS:
        return True
    return preposition.lower_ == "from" and preposition.head.pos_ in ("NOUN", "PROPN")


def _false_plural(token: Any, ordinary: frozenset[str]) -> bool:
    """A singular noun ending in "s" that the tagger, led by the number before it, took for a
    plural: "atlas" read as the plural of "atla", a stem nobody writes."""
    word, lemma = token.lower_, token.lemma_.lower()
    return bool(ordinary) and word in ordinary and lemma != word and lemma not in ordinary
