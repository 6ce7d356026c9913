"""Who and where a figure belongs to: the names of places, organisations and people around it.

Names are read from the parse of the figure's sentence (proper nouns and named entities, titles
and measures such as "GDP" left out) and compared loosely ("ostrian" matches "ostria"), because
outlets write the same holder in different forms. `subject` turns them into a figure's features.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from corroborate.figures.lexicon import DAYS, MONTHS

# fmt: off
NAME_ALIASES = {
    "united states": "us", "america": "us", "american": "us", "u.s.": "us", "usa": "us",
    "britain": "uk", "british": "uk", "united kingdom": "uk", "u.k.": "uk", "england": "uk",
    "gross domestic product": "gdp",
}
# fmt: on


# Names that describe the measure rather than its holder ("5% of GDP").
MEASURE_NAMES = frozenset({"gdp", "gnp", "gni", "gross", "domestic", "product"})


NAME_ENTS = frozenset({"GPE", "ORG", "NORP", "LOC", "FAC"})


_POSSESSIVE = re.compile(r"['’]s?$")


# Heads of many names ("Loan Fund", "Agriculture Fund"): shared, they tie nothing together.
NAME_HEADS = frozenset(
    """fund bank council ministry department agency party group company university office union
    association committee commission court service authority board institute foundation
    corporation island province county city""".split()
)


def distinctive(names: frozenset[str]) -> frozenset[str]:
    """The names less their generic heads, when something more telling is left."""
    telling = names - NAME_HEADS
    return telling if telling else names


def norm_name(text: str) -> str:
    low = _POSSESSIVE.sub("", text.lower().strip())
    low = NAME_ALIASES.get(low, low)
    return low.replace(".", "")


def _same_name(x: str, y: str) -> bool:
    return x == y or (min(len(x), len(y)) >= 5 and (x.startswith(y) or y.startswith(x)))


def names_match(a: Iterable[str], b: Iterable[str]) -> bool:
    """Some name in common; "ostrian" matches "ostria" (a shared stem of five letters or more)."""
    return any(_same_name(x, y) for x in a for y in b)


def persons_in(region: Sequence[Any]) -> frozenset[str]:
    """Surnames of the people named in the tokens ("Mark Rutte" gives "rutte")."""
    if not region:
        return frozenset()
    ids = {t.i for t in region}
    return frozenset(
        norm_name(ent[-1].text)
        for ent in region[0].doc.ents
        if ent.label_ == "PERSON" and ent[-1].i in ids and norm_name(ent[-1].text)
    )


SPEECH = frozenset(
    """say tell add note announce state claim report according explain warn reiterate stress
    emphasise emphasize insist argue confirm""".split()
)


TITLES = frozenset(
    """president minister governor secretary chief general mr mrs ms dr prime defence defense
    foreign finance interior mayor spokesman spokeswoman spokesperson commissioner director
    chairman chair head deputy senator""".split()
)


INSTRUMENTS = frozenset("poll survey census study ranking".split())


def instruments_of(region: Sequence[Any]) -> frozenset[str]:
    """Names attached to a poll or survey of the sentence ("an opinion poll for the Kathimerini
    newspaper", "the Focus poll"): two polls are two measurements, not rivals. The whole
    sentence is read, since "the poll of 520 people published in X" hangs X off another figure."""
    ids = {t.i for t in region}
    found = set()
    for noun in region:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in INSTRUMENTS:
            continue
        for t in noun.subtree:
            if t.i in ids and t.pos_ == "PROPN" and t.is_alpha and t.text[0].isupper():
                found.add(norm_name(t.text))
    return frozenset(found)


def ordinary_words(nlp: Any) -> frozenset[str]:
    """The lower-case words the spaCy model was trained on, read from the model's package.

    A capitalised word that is not one of them ("Ostmark spends 2.6%") is a name even at the
    start of a sentence, where the tagger often takes it for a common noun. The run's own string
    store cannot tell: it grows with every text parsed.
    """
    path = getattr(nlp, "path", None)
    return _model_words(str(path)) if path else frozenset()


@functools.lru_cache(maxsize=2)
def _model_words(path: str) -> frozenset[str]:
    try:
        strings = json.loads((Path(path) / "vocab" / "strings.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return frozenset()  # no list: sentence-initial capitals stay unread, as before
    return frozenset(s for s in strings if isinstance(s, str) and s.isalpha() and s.islower())


# A name with a number in it: a craft, a model, a mission ("the Aurel-3 satellite", "an A320",
# "the Veyra-2 rocket"); not a quarter or half-year ("Q3", "H1"), which is a time.
_NUMBERED_NAME = re.compile(r"(?![QH]\d\b)[A-Z][A-Za-z]*-?[A-Za-z]*\d+[A-Za-z]*")


def name_shaped(token: Any) -> bool:
    """A word a name can be: letters, or a capitalised word with a number in it."""
    return bool(token.is_alpha or _NUMBERED_NAME.fullmatch(token.text))


def unfamiliar(token: Any, ordinary: frozenset[str]) -> bool:
    """A capitalised word the model never saw in lower case: a name, whatever its tag."""
    return bool(
        ordinary and token.is_alpha and token.text[0].isupper() and token.lower_ not in ordinary
    )


def actors_of(verb: Any, ordinary: frozenset[str] = frozenset()) -> frozenset[str]:
    """Places and organisations that are the subject of the figure's verb, or of the verb that
    governs it ("Velmark plans to deploy 800"): who sends, spends or pledges it. Read at the
    start of a sentence too, where `name_tokens` is wary of capitals."""
    heads = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    found = set()
    for head in heads:
        # "Snow forced Gale Airways to scrap 340 flights": the one made to do it is the doer
        made = head is not verb and any(c.dep_ == "dobj" for c in head.children)
        doers = ("dobj",) if made else ("nsubj", "nsubjpass")
        for child in head.children:
            if child.dep_ not in doers:
                continue
            found |= {norm_name(t.text) for t in child.subtree if _is_actor_name(t, ordinary)}
    return frozenset(found)


def _is_actor_name(t: Any, ordinary: frozenset[str]) -> bool:
    named = t.pos_ == "PROPN" or t.ent_type_ in NAME_ENTS or unfamiliar(t, ordinary)
    if not named or t.ent_type_ == "PERSON":
        return False
    if not (name_shaped(t) and t.text[0].isupper()) or t.lower_ in TITLES:
        return False
    return norm_name(t.text) not in MEASURE_NAMES


def is_place(token: Any) -> bool:
    """A name in a place phrase ("in the Halvern valley", "from Portvale"): where, not whose."""
    node = token
    while node.dep_ in ("compound", "amod", "poss", "flat") and node.head.i != node.i:
        node = node.head
    return bool(node.dep_ == "pobj" and node.head.lower_ in PLACE_PREPS)


PLACE_PREPS = frozenset("in from at near across around throughout outside inside into off".split())


def name_tokens(region: Iterable[Any], ordinary: frozenset[str] = frozenset()) -> list[Any]:
    """Places and organisations: proper nouns and national adjectives, titles left out.

    A capital at the start of a sentence says nothing, so a word there counts only when the
    entity recogniser marks it or the model never saw it in lower case (`unfamiliar`).
    """
    found = []
    for token in region:
        strange = unfamiliar(token, ordinary)
        is_name = token.pos_ == "PROPN" or token.ent_type_ in NAME_ENTS or strange
        if not is_name or not name_shaped(token) or token.is_stop or token.lower_ in TITLES:
            continue
        if not token.text[0].isupper():
            continue
        if token.is_sent_start and not (token.ent_type_ or strange):
            continue
        if token.lower_ in MONTHS or token.lower_ in DAYS:
            continue
        if token.ent_type_ in ("DATE", "TIME") and not strange:
            continue  # the recogniser takes unknown words for dates too ("Tarrow has")
        if norm_name(token.text) not in MEASURE_NAMES:
            found.append(token)
    return found


def is_speaker(token: Any) -> bool:
    """A name that says the figure ("..., Marrow said", "according to Talbot")."""
    if not (token.pos_ == "PROPN" or token.ent_type_ == "PERSON"):
        return False
    head = token
    while head.dep_ in ("compound", "flat", "appos", "poss") and head.head.i != head.i:
        head = head.head
    if head.pos_ != "PROPN" and "PERSON" not in (head.ent_type_, token.ent_type_):
        return False  # "the Velmark minister said": Velmark holds the figure; no one is named
    verb = head.head
    if head.dep_ == "nsubj" and verb.lemma_.lower() in SPEECH:
        # "Kestrel reported a profit of $310m": the company holds what it reports
        return not (
            verb.lemma_.lower() == "report" and any(c.dep_ == "dobj" for c in verb.children)
        )
    return bool(
        head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ == "according"
    )
