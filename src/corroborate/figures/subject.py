"""What a figure is about: features of its subject, read from the sentence's parse.

Two figures line up only when their subjects can be the same thing. The features are small and
explainable: the names around the number (places, organisations: "UK", "NATO"), the people who
state or demand it, the nouns of its clause ("defence spending", "GDP"), the thing counted
("member nations"), the outcome for counts of people ("killed", "injured"), whether it is a
proposal or a fact ("called for 5%" against "the current 2% target") and its time ("last year").

The clause of a number is the subtree of the nearest verb above it, less the branches that hold
another number, so in "the US spends 3.4%, while the UK spends about 2.3%" each figure keeps its
own country.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from corroborate.figures.counted import (
    population_of,
    read_counted,
    read_outcome,
    settlement_names,
    verb_above,
    whole_or_part,
)
from corroborate.figures.extract import Quantity
from corroborate.figures.frames import (
    attribute_of,
    dimension_of,
    is_excess,
    is_margin,
    is_money,
    noun_class,
    purpose_of,
    share_base,
)
from corroborate.figures.label import describe
from corroborate.figures.lexicon import DURATION_SUFFIX
from corroborate.figures.names import (
    actors_of,
    distinctive,
    instruments_of,
    is_place,
    is_speaker,
    name_tokens,
    names_match,
    norm_name,
    persons_in,
)
from corroborate.figures.nouns import (
    age_band,
    is_name_word,
    kinds_of,
    part_of,
    qualifiers_of,
    rate_adjectives,
    value_of,
)
from corroborate.figures.presence import numbers_of, read_presence
from corroborate.figures.roles import Handover, read_handover
from corroborate.figures.scope import read_scope, read_words
from corroborate.figures.when import (
    REVISED,
    cue_levels,
    day_parts_of,
    days_of,
    in_real_terms,
    other_event,
    period_of,
    read_phase,
    span_of,
    times_of,
)
from corroborate.figures.words import (
    CHANGE_BY,
    CHANGE_VERBS,
    GENERIC_NOUNS,
    NOUN_CLASS,
    SUBSET_WORDS,
    VERB_CLASS,
)


@dataclass(slots=True)
class Subject:
    """The features of what one figure mention measures."""

    names: frozenset[str] = frozenset()
    places_only: bool = False  # every name is a place phrase ("in Portvale"), none a holder
    names_in_clause: bool = False  # the names come from the figure's own clause
    persons: frozenset[str] = frozenset()
    persons_named: bool = False  # the persons are named in the sentence, not just before it
    nouns: frozenset[str] = frozenset()
    context: frozenset[str] = frozenset()  # content words of the whole sentence
    own_nouns: frozenset[str] = frozenset()  # nouns of the figure's own phrase ("of GDP")
    counted: str | None = None  # the class of the counted noun, for counts
    counted_text: str | None = None  # the counted noun as written ("member nations")
    outcome: str | None = None
    share_role: str | None = None  # "whole" or "part" in "31 of the 60 seats"
    verb: str | None = None  # the act, for things counted ("seize", "capture")
    phase: str | None = None  # "demand", "future", or None for a fact

    @property
    def proposed(self) -> bool:
        return self.phase is not None

    times: frozenset[str] = frozenset()
    days: frozenset[str] = frozenset()  # weekdays of the figure's own clause ("on Saturday")
    day_parts: frozenset[str] = frozenset()  # "overnight", "morning": parts of a day (clause)
    span: str | None = None  # "over five years", "so far": a stretch or a running tally
    real: bool = False  # "rose 1.1% after inflation", "in real terms": net of prices
    part_of: str | None = None  # "the museum's new wing drew": the whole its holder is part of
    kinds: frozenset[tuple[str, str]] = frozenset()  # (noun, compound modifier): "fuel prices"
    update_cue: bool = False
    revised: bool = False  # "revised to", "now", "latest": a figure replaced, whatever its period
    capacity: bool = False  # "can carry 400 passengers", "seats 32,000": room for, not how many
    per: str | None = None  # "a day" in "£40m a day": a rate, not a total
    margin: bool = False  # "won by 1,204 votes": a difference, not an amount
    promise: str | None = None  # the verb an act hangs from: "promise" in "promised to build"
    holder_noun: str | None = None  # the common noun subject of its verb ("economy grew 2.4%")
    actors: frozenset[str] = frozenset()  # names that do the figure's act ("Ostria will send")
    instruments: frozenset[str] = frozenset()  # whose poll or survey measured it ("Ethnos poll")
    subset: bool = False  # "two other rifles", "four prior arrests": not the whole count
    purpose: str | None = None  # what money is for: "school" in "£1.2bn for schools"
    label: str = ""  # the subject in words, for the ledger
    # "the 410-metre bridge": a property of its noun (`owner`, a common noun's class), which
    # what the clause says happened to the bridge does not change
    attribute: bool = False
    owner: str | None = None
    dimension: str | None = None  # "45 metres high": the height, not the length
    base: str | None = None  # what a share is of, when it counts people or things ("of homes")
    # (role, word): where, by what, of whom, done by what ("at the protest", "by train")
    scope: frozenset[tuple[str, str]] = frozenset()
    words: frozenset[str] = frozenset()  # what its clause says it is about (scope.read_words)
    handover: Handover | None = None  # "gave £2m to the hospice": the act and its two parties
    value_of: str | None = None  # the noun the figure is the value of: "a profit of £410m"
    presence: str | None = None  # what a count is of its holder: "staff", "attend" (presence.py)
    qualifiers: frozenset[tuple[str, str]] = frozenset()  # "violent crime": (noun, adjective)

    def is_vague(self) -> bool:
        """Nothing in the sentence says what the figure is about ("Two percent is too little")."""
        return not (self.names or self.counted or self.outcome or self.own_nouns)

    def size(self) -> int:
        """How much is known: more specific subjects lead when figures are grouped."""
        return (
            2 * len(self.names)
            + len(self.nouns)
            + 2 * bool(self.counted)
            + 2 * bool(self.outcome)
            + len(self.persons)
        )


def names_clash(x: Subject, y: Subject) -> bool:
    """Both name what they are about and share no name: "the UK spends" against "the US
    spends". Two place phrases of different size ("from Portvale", "in the Halvern valley")
    are no clash: a town lies in its valley."""
    if not x.names or not y.names or names_match(x.names, y.names):
        return False
    return not (x.places_only and y.places_only)


def sentence_tokens(docs: Sequence[tuple[int, Any]], start: int, end: int) -> list[Any]:
    """The spaCy tokens of the span [start, end) of the article (docs: paragraph start, doc)."""
    for para_start, doc in docs:
        if para_start <= start and end <= para_start + len(doc.text):
            return [t for t in doc if start <= para_start + t.idx < end]
    return []


def read_subjects(
    tokens: list[Any],
    para_start: int,
    quantities: Sequence[Quantity],
    previous_persons: frozenset[str],
    ordinary: frozenset[str] = frozenset(),
) -> list[Subject]:
    """One Subject per quantity of a sentence (quantity offsets are into the article).

    `ordinary`: the model's lower-case words (`names.ordinary_words`), to tell names at the
    start of a sentence."""
    anchors = [_anchor(tokens, para_start, q) for q in quantities]
    subjects = []
    for index, anchor in enumerate(anchors):
        if anchor is None:
            subjects.append(Subject(persons=previous_persons))
            continue
        # A span of time ("for schools over three years") is an adjunct, not another figure's
        # branch: cutting it would cut the words around it that say what this figure is for.
        others = [
            a
            for k, a in enumerate(anchors)
            if k != index
            and a is not None
            and (quantities[k].unit not in _DURATIONS or quantities[index].unit in _DURATIONS)
        ]
        subjects.append(
            _subject(
                tokens, anchor, others, quantities[index], para_start, previous_persons, ordinary
            )
        )
    return subjects


def _anchor(tokens: list[Any], para_start: int, quantity: Quantity) -> Any | None:
    """The token that heads the quantity's words in the parse ("%" in "5 %")."""
    inside = [t for t in tokens if quantity.start <= para_start + t.idx < quantity.end]
    if not inside:
        return None
    ids = {t.i for t in inside}
    top = inside[-1]
    for token in inside:
        if token.head.i not in ids or token.head.i == token.i:
            top = token
    return top


_DURATIONS = frozenset(DURATION_SUFFIX.values())
CLAUSE_DEPS = frozenset({"advcl", "relcl", "ccomp", "conj", "parataxis", "csubj"})
# Clauses and appositions that hang off a noun: another figure inside one is cut with it alone.
_ASIDES = frozenset({"relcl", "acl", "appos"})


def _region(
    top: Any, anchor: Any, others: Sequence[Any], tokens: list[Any], *, clause: bool = False
) -> list[Any]:
    """The subtree of `top` less the branches that hold another figure but not this one.

    With `clause`, subordinate and coordinate clauses that do not hold the figure are left out
    too: in "promised $4.2m, a day after the Ostra flooded Portvale" the money is not Portvale's.
    """
    allowed = {t.i for t in tokens}
    ours = {a.i for a in anchor.ancestors} | {anchor.i}
    cut: set[int] = set()
    if clause:
        for token in top.subtree:
            if token.dep_ in CLAUSE_DEPS and token.i not in ours and token.i != top.i:
                cut |= {t.i for t in token.subtree}
    for other in others:
        branch = other
        while branch.head.i != branch.i and branch.head.i not in ours and branch.i != top.i:
            if branch.dep_ in _ASIDES:
                break  # "the project, first costed at $400m, ...": cut the aside, not its noun
            branch = branch.head
        if branch.i in ours or branch.i == top.i:
            continue  # the other figure sits on this one's path: keep everything
        cut |= {t.i for t in branch.subtree}
    return [t for t in top.subtree if t.i in allowed and t.i not in cut]


@dataclass(slots=True)
class _Regions:
    """The token sets a figure's subject is read from, nearest first."""

    anchor: Any
    verb: Any
    local: list[Any]  # the figure's own noun phrase
    narrow: list[Any]  # its clause
    wide: list[Any]  # its sentence, less other figures' branches
    skip: set[int]  # the figure's own tokens


def _regions(
    tokens: list[Any], anchor: Any, others: Sequence[Any], quantity: Quantity, para_start: int
) -> _Regions:
    skip = {t.i for t in tokens if quantity.start <= para_start + t.idx < quantity.end}
    skip |= _compared(tokens, anchor, skip)
    verb = verb_above(anchor)
    root = anchor
    while root.head.i != root.i:
        root = root.head
    narrow = [t for t in _region(verb, anchor, others, tokens, clause=True) if t.i not in skip]
    if verb.dep_ == "xcomp":  # "Velmark plans to deploy 800": the planner holds the figure
        narrow += [t for c in verb.head.children if c.dep_ == "nsubj" for t in c.subtree]
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":  # "damage estimated at €12m"
        noun = verb.head
        narrow += [t for t in noun.lefts if t.dep_ == "compound"] + [noun]
    wide = [t for t in _region(root, anchor, others, tokens) if t.i not in skip]
    return _Regions(anchor, verb, _local(anchor, skip), narrow, wide, skip)


def _compared(tokens: list[Any], anchor: Any, own: set[int]) -> set[int]:
    """What a figure is compared with, where the figure is not in it: "Turnout was 47%, higher
    than in recent city council elections" is no figure of council elections, nor "rose 3%,
    compared with 2.1% in 2024" one of 2024."""
    path = {a.i for a in anchor.ancestors} | {anchor.i} | own
    out: set[int] = set()
    for token in tokens:
        compare = token.lower_ == "than" or (
            token.lower_ in ("with", "to") and token.head.lower_ in ("compared", "against")
        )
        if not compare or token.i in path:
            continue
        branch = {t.i for t in token.subtree}
        if not branch & own:
            out |= branch
    return out


def _classes(tokens: Iterable[Any], pos: tuple[str, ...]) -> frozenset[str]:
    """Lemmas of the tokens with those parts of speech, synonyms folded, generic words out."""
    return frozenset(
        NOUN_CLASS.get(t.lemma_.lower(), t.lemma_.lower())
        for t in tokens
        if t.pos_ in pos and t.is_alpha and t.lemma_.lower() not in GENERIC_NOUNS
    )


def _subject(
    tokens: list[Any],
    anchor: Any,
    others: Sequence[Any],
    quantity: Quantity,
    para_start: int,
    previous_persons: frozenset[str],
    ordinary: frozenset[str],
) -> Subject:
    r = _regions(tokens, anchor, others, quantity, para_start)
    if population_of(anchor):  # only the place the people live in says whose they are
        clause_names = named = settlement_names(anchor)
    else:
        clause_names = name_tokens(r.narrow, ordinary)
        named = clause_names or name_tokens(
            [t for t in r.wide if t.i < r.verb.i or t.head.i == r.verb.i], ordinary
        )
    speaking = [t for t in r.wide if is_speaker(t)]
    speakers = frozenset(norm_name(t.text) for t in speaking)
    # Who speaks is the head of the speaker's phrase ("Rutte" in "NATO chief Mark Rutte").
    heads = frozenset(norm_name(t.text) for t in speaking if t.dep_ not in ("compound", "flat"))
    own_persons = persons_in(r.wide) | heads
    counted, counted_text = read_counted(tokens, anchor, quantity, para_start)
    presence = read_presence(r.verb) if quantity.unit == "count" else None
    numbers = numbers_of(r.verb, anchor) if counted is None and presence is None else None
    if numbers is not None:  # "visitor numbers hit 710,000": 710,000 visitors there were
        counted, counted_text, presence = noun_class(numbers), numbers.text, "state"
    phase, update_cue = read_phase(cue_levels(anchor, r.verb, r.local))
    if phase == "demand" and _ordered_to_pay(r.verb, r.local):
        phase = None  # "must pay a £14m fine": the order made, not a demand
    # What happened to people, for counts only: "to save £400,000" rescued no one.
    people = counted in (None, "person")
    count = quantity.unit == "count"
    outcome = read_outcome(r.local, r.narrow, anchor, people=people) if count else None
    share_role = whole_or_part(anchor)
    if share_role == "whole":
        outcome = None  # "of the 95 passengers, 80 were rescued": what befell the part
    verb = _act(r.verb, anchor)
    owner = attribute_of(anchor, quantity.unit)
    holders = [t for t in named if not is_place(t) and norm_name(t.text) not in speakers]
    elsewhere = other_event(tokens, anchor)  # its time dates that event, not the figure
    return Subject(
        names=distinctive(frozenset(norm_name(t.text) for t in named) - speakers),
        places_only=all(is_place(t) for t in named),
        names_in_clause=bool(clause_names),
        persons=own_persons or previous_persons,
        persons_named=bool(own_persons),
        nouns=_classes(r.local + r.narrow, ("NOUN",)) | rate_adjectives(r.local + r.narrow),
        context=frozenset(
            t.lemma_.lower()
            for t in r.wide
            if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and t.is_alpha and not t.is_stop
        ),
        own_nouns=_classes(r.local, ("NOUN", "PROPN")),
        counted=counted,
        counted_text=counted_text,
        outcome=outcome,
        share_role=share_role,
        verb=VERB_CLASS.get(verb, verb) if verb else None,
        promise=_promise(r.verb),
        phase=phase,
        times=times_of([t for t in r.wide if t.i not in elsewhere]),
        days=days_of([t for t in r.narrow if t.i not in elsewhere]),
        day_parts=day_parts_of(r.narrow),
        span=span_of(r.narrow),
        real=in_real_terms(r.wide),
        part_of=part_of(r.verb, anchor),
        kinds=kinds_of(r.local + r.narrow, ordinary, count=quantity.unit == "count"),
        qualifiers=qualifiers_of(r.verb, anchor, ordinary) | age_band(r.verb, anchor),
        update_cue=update_cue or any(t.lower_ == "latest" for t in r.wide),
        revised=update_cue and any(t.lemma_.lower() in REVISED for t in r.wide),
        capacity=_is_capacity(r.verb, anchor, r.local + r.narrow, share=quantity.unit == "percent"),
        per=period_of(tokens, anchor, r.verb),
        margin=is_margin(anchor, r.verb, verb) or is_excess(tokens, quantity, para_start),
        holder_noun=_holder_noun(r.verb, anchor, ordinary),
        attribute=owner is not None,
        owner=_owner_class(owner, ordinary) if owner is not None else None,
        dimension=dimension_of(tokens, quantity, para_start),
        base=share_base(tokens, quantity, para_start),
        words=read_words(_doer(r.verb, anchor)),
        handover=read_handover(r.verb, anchor, count=count),
        value_of=value_of(anchor),
        presence=presence,
        scope=read_scope(r.verb, anchor, r.wide, share=quantity.unit == "percent"),
        actors=actors_of(r.verb, ordinary),
        instruments=instruments_of(tokens),
        subset=_is_subset(anchor, tokens, quantity.start - para_start),
        purpose=purpose_of(anchor, r.verb) if is_money(quantity.unit) else None,
        label=describe(
            holders=holders,
            anchor=anchor,
            local=r.local,
            narrow=r.narrow,
            counted_text=counted_text,
            outcome=outcome,
            unit=quantity.unit,
            skip=r.skip,
        ),
    )


def _doer(verb: Any, anchor: Any) -> list[Any]:
    """The phrase that does the figure's verb ("Halden's bus network carried 140m"), where the
    figure is not in it."""
    return [
        t
        for c in verb.children
        if c.dep_ in ("nsubj", "nsubjpass") and anchor not in c.subtree
        for t in c.subtree
    ]


def _owner_class(owner: Any, ordinary: frozenset[str]) -> str | None:
    """The common noun that has the property; a name ("the 90m Ilford Pearl") is in `names`."""
    if owner.pos_ != "NOUN" or is_name_word(owner, ordinary):
        return None
    return noun_class(owner)


# What a ruling orders paid: "the company must pay a $750k fine" reports the order.
_ORDERED = frozenset({"fine", "penalty", "damages", "compensation"})


# Verbs that give room for something: always ("seats 32,000"), or with "can" ("can carry 400").
_ROOM_ALWAYS = frozenset("seat accommodate hold".split())
_ROOM_CAN = _ROOM_ALWAYS | frozenset("carry take house fit store".split())


def _is_capacity(verb: Any, anchor: Any, region: list[Any], *, share: bool = False) -> bool:
    """A figure of capacity: how many there is room for, not how many there are ("held its
    rate at 4.25%" holds a level). A share of those who can do something ("98% of homes can
    get fast broadband") is how many could, not how many do."""
    lemma = str(verb.lemma_).lower()
    can = any(c.dep_ == "aux" and c.lower_ in ("can", "could") for c in verb.children)
    if share and can:
        return True
    at = any(a.lower_ == "at" for a in anchor.ancestors if verb in a.ancestors)
    if not at and (lemma in _ROOM_ALWAYS or (can and lemma in _ROOM_CAN)):
        return True
    return any(str(t.lemma_).lower() == "capacity" for t in region)


def _ordered_to_pay(verb: Any, local: list[Any]) -> bool:
    """ "must pay a fine": the modal of an order, not of a demand ("must spend 5%")."""
    if str(verb.lemma_).lower() != "pay":
        return False
    modal = any(c.dep_ == "aux" and c.lower_ == "must" for c in verb.children)
    # "must pay $1.2m for breaching safety rules": paying for a wrong, as a fine is
    cause = any(c.dep_ == "prep" and c.lower_ in ("for", "over") for c in verb.children)
    return modal and (cause or any(str(t.lemma_).lower() in _ORDERED for t in local))


def _is_subset(anchor: Any, tokens: list[Any], start: int) -> bool:
    """ "another $600,000", "two other rifles": one amount or set among others; "nine of
    them", "12 of whom": a part of a count told before."""
    before = [t for t in tokens if t.idx < start]
    if before and before[-1].lower_ in SUBSET_WORDS:
        return True
    if any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in _OF_THEM for g in c.children)
        for c in anchor.children
    ):
        return True
    if anchor.dep_ != "nummod":
        return False
    return any(c.dep_ == "amod" and c.lower_ in SUBSET_WORDS for c in anchor.head.children)


# "nine of them", "12 of whom", "two of those": the count a part is of was told before.
_OF_THEM = frozenset({"them", "whom", "those", "these", "which"})


def _local(anchor: Any, in_quantity: set[int]) -> list[Any]:
    """The noun phrase the number belongs to ("the current 2% target"), number left out."""
    head = anchor
    if anchor.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and (
        anchor.head.pos_ in ("NOUN", "PROPN")
    ):
        head = anchor.head
    # Appositions and clauses hanging off the phrase ("5 per cent, a demand the governor...")
    # say something about it, not what it measures.
    aside = {t.i for c in head.children if c.dep_ in ("appos", "relcl", "acl") for t in c.subtree}
    return [t for t in head.subtree if t.i not in in_quantity and t.i not in aside and t.is_alpha]


def _act(verb: Any, anchor: Any) -> str | None:
    """The figure's verb as a lemma; a state when the sentence states how many there are:
    "there are five schools", "the fleet has shrunk to 22 boats"."""
    lemma = str(verb.lemma_).lower()
    if lemma == "be" and (planned := _planned(verb)) is not None:
        return planned  # "32,000 hens are to be destroyed": the act planned, not a state
    if lemma == "be":
        return "have"  # "9,000 households are still without power": a state, as "remain" is
    misread = _noun_as_verb(anchor)
    if misread is not None:  # "Petrol costs £1.48 a litre", read with no verb: "costs" is the act
        return str(misread.lemma_).lower()
    if verb.pos_ != "VERB" and not any(c.dep_ == "expl" for c in verb.children):
        return None
    if lemma == "be" and any(c.dep_ == "expl" for c in verb.children):
        return "have"
    path = [a for a in anchor.ancestors if a.i != verb.i and verb in a.ancestors]
    if lemma in _LEVEL_TO and any(t.lower_ == "to" for t in path):
        return "have"  # "rose to $4.6bn", "came to $2.9bn": the level reached
    for child in verb.children:  # "will walk out", "cast ballots": one word's act in two
        phrase = _PHRASES.get((lemma, str(child.lemma_).lower()))
        particle = child.dep_ in ("prt", "dobj", "advmod", "prep")
        if phrase is not None and particle and anchor not in child.subtree:
            return phrase
    return lemma


def _planned(verb: Any) -> str | None:
    """The act of "are to be destroyed", "is to close": the verb "be ... to" governs."""
    for child in verb.children:
        to = any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        if child.dep_ == "xcomp" and child.pos_ == "VERB" and to:
            return str(child.lemma_).lower()
    return None


# A verb with its particle or object that says one verb's act: "walk out" is "strike".
_PHRASES = {
    ("walk", "out"): "strike",
    ("sign", "up"): "add",
    ("cast", "ballot"): "vote",
    ("cast", "vote"): "vote",
}


_LEVEL_TO = CHANGE_VERBS | {"come", "amount"}


def _noun_as_verb(anchor: Any) -> Any | None:
    """The word the tagger took for a noun in a sentence it read with no verb at all: a plural
    noun just before the figure, after a noun of its own ("Petrol costs £1.48 a litre", "A loaf
    of bread costs £1.35": "costs" tagged a noun). It is the verb the sentence needs, and the
    noun before it the thing that does it."""
    if any(t.pos_ in ("VERB", "AUX") for t in anchor.sent):
        return None
    i = anchor.left_edge.i - 1
    if i < anchor.sent.start:
        return None
    word = anchor.doc[i]
    if word.pos_ != "NOUN" or not word.lower_.endswith("s"):
        return None
    if not any(c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") for c in word.lefts):
        return None
    return word


def _promise(verb: Any) -> str | None:
    """ "promised to build 3,000 homes": the promise is the act as much as the building is."""
    if verb.dep_ != "xcomp":
        return None
    lemma = str(verb.head.lemma_).lower()
    return VERB_CLASS.get(lemma, lemma)


def _holder_noun(verb: Any, anchor: Any, ordinary: frozenset[str]) -> str | None:
    """The common noun that does the figure's verb: "economy" in "Renwick's economy grew 2.4%".
    Generic words ("the rate rose"), names and the figure's own phrase ("27 ministers signed")
    say nothing of what is measured. For a change made by someone ("the council will raise
    council tax by 4.99%"), the thing changed."""
    changed = str(verb.lemma_).lower() in CHANGE_BY and any(
        a.lower_ == "by" and a.head.i == verb.i for a in anchor.ancestors
    )
    deps = ("dobj",) if changed else ("nsubj",)
    misread = _noun_as_verb(anchor)
    if misread is not None:
        verb, deps = misread, ("compound",)  # "Petrol costs £1.48": the noun before the verb
    for child in verb.children:
        if child.dep_ in deps and child.pos_ == "NOUN" and anchor not in child.subtree:
            lemma = str(child.lemma_).lower()
            if child.lower_ in ("shares", "stocks"):
                return "stock"  # "shares jumped 14%": the share price, not "a share of"
            # the tagger's noun before a misread verb may be marked a name too ("Petrol")
            named = misread is None and is_name_word(child, ordinary)
            if lemma not in GENERIC_NOUNS and not named:
                return NOUN_CLASS.get(lemma, lemma)
    return None
