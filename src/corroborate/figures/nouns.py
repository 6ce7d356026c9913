"""What the nouns around a figure say of it: the kinds of a noun ("fuel prices", "pairs of
puffins"), the noun a figure is the value of ("a profit of £410m"), an adjective that says what a
generic noun counts ("the jobless rate"), and whether a noun is a name. Split from `subject.py`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from corroborate.figures.frames import noun_class
from corroborate.figures.names import NAME_ENTS, unfamiliar
from corroborate.figures.words import GENERIC_NOUNS, NOUN_CLASS, OUTCOME_OF, STATISTICS


def value_of(anchor: Any) -> str | None:
    """The noun whose "of" is the figure: "a pre-tax profit of £410m", "winds of 185 km/h"."""
    of = anchor.head
    if anchor.dep_ != "pobj" or of.lower_ != "of" or of.head.pos_ != "NOUN":
        return None
    return noun_class(of.head)


def qualifiers_of(verb: Any, anchor: Any, ordinary: frozenset[str]) -> frozenset[tuple[str, str]]:
    """Adjectives that narrow what the figure is of to a part of it: the noun doing its verb
    ("violent crime rose 9%"), the noun it counts ("150 affordable homes"), what those are of
    ("sales of electric cars") and what the verb's "on", "for", "among" or "in" names ("spends
    £6m on rural roads", "among young voters"); and a part of a place ("in central Tarvin",
    "northern Osk"). (noun class, adjective). Adjectives of time, size, standing or statistic
    say which reading of the whole, not which part; names ("British exports") say whose; what
    happened to people ("12 injured people") is their outcome, not a kind."""
    nouns = [
        noun
        for noun in verb.children
        if noun.dep_ == "nsubj" and noun.pos_ == "NOUN" and anchor not in noun.subtree
    ]
    if anchor.dep_ == "nummod" and anchor.head.pos_ == "NOUN" and anchor.head.i > anchor.i:
        nouns.append(anchor.head)  # "150 affordable homes"
    heads = [verb, *nouns]
    nouns += [
        obj
        for head in heads
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in _NARROWING_PREPS and anchor not in prep.subtree
        for obj in prep.children
        if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN")
    ]
    return frozenset(
        (noun_class(noun), t.lemma_.lower())
        for noun in nouns
        for t in noun.children
        if t.dep_ == "amod"
        and t.pos_ == "ADJ"
        and t.is_alpha
        and (noun.pos_ == "NOUN" or t.lower_ in PLACE_PARTS)
        and noun.lemma_.lower() not in _TIME_NOUNS  # "in the third quarter" is a time
        and t.lower_ not in _WHOLE_READINGS
        and t.lower_ not in STATISTICS
        and t.lower_ not in NOUN_CLASS  # "the jobless rate" says what a rate counts
        and not _outcome_word(t.lower_)
        and not is_name_word(t, ordinary)
    )


_NARROWING_PREPS = frozenset({"of", "on", "for", "among", "in"})

# The qualifier of people narrowed to an age band ("runners over the age of 60", "the
# population aged over 65"), which narrows whatever the other side counts.
AGE_BAND = "*"
_AGE_PREPS = frozenset({"over", "under", "above", "below"})  # "had 900 runners over the age of"


def age_band(verb: Any, anchor: Any) -> frozenset[tuple[str, str]]:
    """("*", "aged") when the noun the figure counts, or the noun doing its verb, is given an
    age band ("900 runners over the age of 60", "the population aged over 65 is 18,000"):
    read from those nouns' whole phrases, the band's own number included."""
    nouns = [c for c in verb.children if c.dep_ == "nsubj" and anchor not in c.subtree]
    if anchor.dep_ == "nummod":
        nouns.append(anchor.head)
    nouns += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in _AGE_PREPS]
    aged = any(t.lower_ in ("aged", "age") for noun in nouns for t in noun.subtree)
    return frozenset({(AGE_BAND, "aged")}) if aged else frozenset()


# Adjectives that name a part of a place: "central Tarvin", "northern Osk".
PLACE_PARTS = frozenset(
    """central northern southern eastern western north south east west inner outer upper
    lower rural urban coastal downtown""".split()
)


def part_of(verb: Any, anchor: Any) -> str | None:
    """The whole that the noun doing the figure's verb is a part of: "the museum" in "the
    Orley museum's new wing drew 60,000", "the bridge" in "the main span of the Kessel bridge
    is 480 metres long". Only nouns that name a part (`PART_NOUNS`): "the city's population"
    is the city's, not a part of it."""
    for noun in verb.children:
        if noun.dep_ != "nsubj" or anchor in noun.subtree or noun.lemma_.lower() not in PART_NOUNS:
            continue
        for child in noun.children:
            if child.dep_ == "poss" and child.pos_ in ("NOUN", "PROPN"):
                return noun_class(child)
            if child.dep_ == "prep" and child.lower_ == "of":
                whole = [g for g in child.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
                if whole:
                    return noun_class(whole[0])
    return None


def _outcome_word(word: str) -> bool:
    """A word of what happened to people, as an adjective: "injured", "wounded", "dead"."""
    return any(w in OUTCOME_OF for w in (word, word.removesuffix("d"), word.removesuffix("ed")))


# Nouns that name a part of a thing, whose figure is not the whole's.
PART_NOUNS = frozenset(
    """wing span section branch site campus unit division department ward terminal stand
    floor stretch part arm lane platform""".split()
)


# Adjectives that say which reading of a whole is given, not a part of it.
_WHOLE_READINGS = frozenset(
    """annual yearly monthly weekly daily quarterly last next previous first new latest current
    recent early final provisional official estimated recorded reported
    registered total overall whole full entire big large
    small huge record high low same such own several many few further additional other second
    third fourth overnight""".split()
)


def rate_adjectives(region: Iterable[Any]) -> frozenset[str]:
    """An adjective that says what a generic noun counts ("the jobless rate", "the Velmar
    jobless total"): the thing measured, as a noun would say it."""
    return frozenset(
        NOUN_CLASS.get(t.lemma_.lower(), t.lemma_.lower())
        for t in region
        if t.pos_ == "ADJ"
        and t.dep_ == "amod"
        and t.head.lemma_.lower() in GENERIC_NOUNS
        and t.lower_ in NOUN_CLASS
    )


def kinds_of(
    region: Iterable[Any], ordinary: frozenset[str], *, count: bool = False
) -> frozenset[tuple[str, str]]:
    """Nouns with the noun that modifies them ("fuel prices", "crew members"): two figures whose
    shared noun is modified by different nouns ("fuel prices", "bread prices") measure two
    things. With `count`, also what a counted noun is of ("pairs of puffins"); a unit's "of"
    ("tonnes of cargo", "tonnes of goods") is too often said in other words."""
    among = {
        (t.head.head.lemma_.lower(), t.lemma_.lower())
        for t in region
        if t.dep_ == "pobj" and t.head.lower_ == "among" and t.head.head.pos_ == "NOUN"
    }  # "turnout among students" is the students' turnout
    of_what = {
        (t.head.head.lemma_.lower(), noun_class(t))
        for t in region
        if count
        and t.dep_ == "pobj"
        and t.pos_ in ("NOUN", "PROPN")  # "copies of Lantern" are not "copies of Ember"
        and t.head.lower_ == "of"
        and t.head.head.pos_ == "NOUN"
        and t.head.head.lemma_.lower() not in _SHARE_NOUNS
    }  # "pairs of puffins" are "puffin pairs", not "pairs of gannets"
    stats = {
        (t.head.lemma_.lower(), t.lemma_.lower())
        for t in region
        if t.dep_ in ("amod", "compound") and t.lower_ in STATISTICS and t.head.pos_ == "NOUN"
    }  # "the median price" is not "the average price"
    return (
        frozenset(among)
        | of_what
        | stats
        | frozenset(
            (_head_class(t.head), noun_class(t))
            for t in region
            if t.dep_ == "compound"
            and t.pos_ == "NOUN"
            and t.lemma_.lower() not in _TIME_NOUNS
            and not is_name_word(t, ordinary)
            and t.head.pos_ == "NOUN"
            and t.is_alpha
            and t.head.is_alpha
        )
    )


# Times that modify a noun without saying what kind it is: "polling day turnout" is turnout.
_TIME_NOUNS = frozenset("day week month year quarter morning evening night hour decade".split())

# Nouns whose "of" says what they are a share of, not what kind they are: "5% of GDP" and
# "5 per cent of national output" may be one figure.
_SHARE_NOUNS = frozenset("% percent cent share proportion part fraction rate majority".split())


def _head_class(token: Any) -> str:
    """A modified noun by its class ("home matches" are home games), but for people: "dock
    workers" are not all the people the story counts."""
    kind = noun_class(token)
    return str(token.lemma_).lower() if kind == "person" else kind


def is_name_word(token: Any, ordinary: frozenset[str]) -> bool:
    """A name tagged as a noun ("Ellisport customers"): it says whose, not what kind."""
    if token.ent_type_ in NAME_ENTS or unfamiliar(token, ordinary):
        return True
    return token.text[0].isupper() and not token.is_sent_start
