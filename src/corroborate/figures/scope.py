"""The scope of a figure: which place, event, mode, population or kind each of its nouns says.

A figure's subject is more than a bag of nouns: "arrests at the protest" and "arrests at the
match" share every noun but the one that says where, and that one makes them two counts. The
scope keeps each qualifying word with the role it plays, read from the parse:

- ("where", "protest"), ("by", "train"): the object of a preposition hung on the figure's own
  words (its number, its verb, the verb's subject and object), under the preposition's role
  (`ROLE_OF`: "in", "at", "near" all say where);
- ("doer", "diesel"): a name that does the figure's verb ("Diesel costs", "Petrol costs");
- ("day", "saturday"): a weekday under the figure's verb ("watched Harwick beat Lornby on
  Saturday"), not the day something was said, and unless a level is read on two days
  (`ledger._state_on_two_days`);
- ("whom", "arby"): a name the figure's act is done to ("paid £18m to sign Joel Arby");
- ("grade", "two-bedroom"): a number glued to a noun ("a two-bedroom flat", "the under-18s");
- ("part", "centre"): a part of a named place ("in Ostborough town centre"), one side only;
- ("of", "earth"): a name the figure's own noun is of ("4.2 million km of Earth");
- ("people", "voter"): the people a share or count is of, among or for ("54% of voters", "among
  Ferrow residents", "crime against women"), and people narrowing a noun ("the youth jobless
  rate").

Nouns such as "wheat" in "tonnes of wheat" or a common noun doing the verb are left out:
outlets say them in other words ("tonnes of cargo", "of goods"; "unemployment",
"joblessness") too often.

Two figures whose scopes fill one role with different words, neither named anywhere on the other
side, measure two things (`scopes_clash`): never a conflict. A role filled on one side only
("youth", "against women") makes that side a part of the other (`scope_narrower`): a loose match
at most, so the two may agree but are never called a conflict.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from corroborate.figures.frames import noun_class
from corroborate.figures.lexicon import DAYS, MONTHS
from corroborate.figures.names import SPEECH
from corroborate.figures.when import ORDINALS
from corroborate.figures.words import GENERIC_NOUNS, NOUN_CLASS

# Prepositions by the role of their object; others are left out (too many senses to trust).
ROLE_OF = {
    "in": "where", "at": "where", "near": "where", "inside": "where", "across": "where",
    "outside": "where", "throughout": "where",
    "by": "by", "via": "by", "aboard": "by",
    "of": "people", "among": "people", "against": "people", "for": "people",
}  # fmt: skip

# Roles a narrowing on one side only makes a part: "the youth jobless rate", "among women".
NARROWING_ROLES = frozenset({"people", "part", "grade"})

# Words of time say when, which `when.py` reads; "in the year to March" says no place.
_TIME_WORDS = frozenset(
    "year month week day decade hour quarter season spring summer autumn winter morning "
    "evening night weekend period half start end".split()
)
_PEOPLE = frozenset({"person"})
# Nouns of a part of a population that the word classes do not count as people.
_PEOPLE_WORDS = frozenset("youth child children adult woman women man men teen teenager".split())
# Nouns of fixed phrases that say no place: "in front of", "in line with", "in total".
_PHRASE_NOUNS = frozenset("front line total place terms case addition part".split())


def read_scope(
    verb: Any, anchor: Any, wide: Iterable[Any], *, share: bool = False
) -> frozenset[tuple[str, str]]:
    """The (role, word) pairs of a figure: the objects of prepositions hung on its own words
    (its verb, its number's noun, the verb's subject and object), the people-nouns that
    narrow those, a name that does its verb, and the weekdays of its sentence region (`wide`:
    "watched Harwick beat Lornby on Saturday"). Prepositions deeper in the sentence ("started
    in a kitchen at the home") say where something else happened. `share`: the figure is a
    share, whose "of" says of whom ("61% of nurses")."""
    core = _core(verb, anchor)
    wide = list(wide)
    under = {t.i for t in verb.subtree}  # not "our report from Tuesday, when officials put"
    scope = {
        ("day", t.lower_) for t in wide if t.lower_ in DAYS and t.i in under and not _said_on(t)
    }
    scope |= {
        ("doer", t.lower_)
        for t in verb.children
        if t.dep_ == "nsubj" and t.pos_ == "PROPN" and t.is_alpha and t.i != anchor.i
    }
    scope |= _grades(wide) | _whom(verb, anchor)
    for token in core:
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in ROLE_OF:
                continue
            for obj in prep.children:
                if prep.lower_ == "among" and obj.lower_ == "people":
                    scope |= _kind_of_people(obj)  # "among Grenmoor's young people"
                role = _role(prep.lower_, obj)
                if role == "where" and obj.pos_ == "NOUN":
                    scope |= _place_part(obj)
                if share and token.i == anchor.i and prep.lower_ == "of" and _group(obj):
                    role = "base"  # "61% of nurses": nurses are the people it is a share of
                if token.i == anchor.i and prep.lower_ == "of" and obj.pos_ == "PROPN":
                    role = "of"  # "within 4.2 million km of Earth" is not "of Mars"
                if role is not None:
                    scope.add((role, _word(obj)))
        if token.pos_ == "NOUN":
            scope |= _narrowing(token)
    return frozenset(scope)


def _grades(wide: list[Any]) -> set[tuple[str, str]]:
    """A number glued to a noun that grades it: "a two-bedroom flat", "the under-18 team",
    "the 10-year bond" (the figure's own words are not in `wide`)."""
    found = set()
    after = {t.i: t for t in wide}
    for first, dash, noun in zip(wide, wide[1:], wide[2:], strict=False):
        following = after.get(noun.i + 2)
        if following is not None and following.lower_ == "old":
            continue  # "a 7-year-old boy" gives an age, which `extract` leaves out
        joined = dash.i == first.i + 1 and noun.i == dash.i + 1 and dash.text in ("-", "–")
        # "third-quarter growth" says when (`when.py`); "a two-year fixed rate" says which
        ordinal = first.lower_ in ORDINALS or first.lower_[-2:] in ("st", "nd", "rd", "th")
        timed = noun.lower_ in _TIME_WORDS and ordinal
        if joined and (first.like_num or first.lower_ == "under") and noun.is_alpha and not timed:
            found.add(("grade", f"{first.lower_}-{noun.lemma_.lower()}"))
    return found


def _whom(verb: Any, anchor: Any) -> set[tuple[str, str]]:
    """Names the figure's act is done to: "paid £18m to sign Joel Arby" (also
    through a verb it hangs from, "to sign"), "fined Ressor Chemicals £850,000"; not the
    figure's own phrase."""
    verbs = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "advcl"))]
    objects = [
        c
        for v in verbs
        for c in v.children
        if c.dep_ in ("dobj", "dative") and anchor not in c.subtree
    ]
    # Common nouns are left out: "passed water quality tests", "met water quality standards"
    return {
        ("whom", t.lower_) for c in objects for t in c.subtree if t.pos_ == "PROPN" and t.is_alpha
    }


def read_words(region: Iterable[Any]) -> frozenset[str]:
    """The words that say what a figure's clause is about (`region`: its own phrase and clause,
    less its number): nouns, names, adjectives on nouns ("online sales", "public sector"), and
    labels such as "10k". Not who said it ("the ministry said", "according to officials"), nor
    times and generic words."""
    words = set()
    for t in region:
        modifier = t.pos_ == "ADJ" and t.dep_ == "amod"
        label = _label(t)
        if not (t.pos_ in ("NOUN", "PROPN") or modifier or label) or t.is_stop or t.is_punct:
            continue  # the hyphen of "pre-tax" is no word any sentence says
        if not (label or _content(t) or modifier) or _telling(t):
            continue
        words.add(str(t.lemma_).lower())
    return frozenset(words)


def _telling(token: Any) -> bool:
    """The token names who tells the figure: "the ministry said", "according to officials"."""
    node = token
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        if node.lower_ == "according":
            return True
        node = node.head
    if str(token.lemma_).lower() in _TELLERS:
        return True
    return str(node.lemma_).lower() in _TELLING and token.dep_ != "ccomp"


# Verbs whose doer tells a figure ("officials put the toll at 12"), and nouns of those who tell
# figures for a living: what they are does not say what the figure measures.
_TELLING = SPEECH | frozenset({"put", "estimate", "count"})
_TELLERS = frozenset(
    "official authority police ministry agency spokesman spokeswoman spokesperson government "
    "officer expert analyst researcher source".split()
)


def unsaid_both(
    x: frozenset[str], y: frozenset[str], said_x: frozenset[str], said_y: frozenset[str]
) -> bool:
    """Each clause says something the other sentence never says: "Halden Rail carried 61m
    passengers" and "Halden's bus network carried 140m"; "sales at Pruett's stores" and
    "online sales at Pruett's". Perhaps one thing told two ways, perhaps two things: loose."""
    fold_x, fold_y = _folded(x), _folded(y)
    said_x, said_y = frozenset(_folded(said_x)), frozenset(_folded(said_y))
    return bool(_unsaid(fold_x, said_y) and _unsaid(fold_y, said_x))


# Words outlets swap for one another, beyond the noun classes: "jobless rate", "unemployment".
_FOLD = {"jobless": "unemployment", "ticket": "fare"}


def _folded(words: Iterable[str]) -> set[str]:
    return {_FOLD.get(w, NOUN_CLASS.get(w, w)) for w in words} | set(words)


def _said_on(day: Any) -> bool:
    """ "officials said on Tuesday": the day of the telling, not of what is told."""
    verb = day.head.head if day.dep_ == "pobj" else day.head
    return str(verb.lemma_).lower() in SPEECH


def _place_part(place: Any) -> set[tuple[str, str]]:
    """ "in Ostborough town centre", "in Kessock's public sector": a part of a named place, the
    name said as the place."""
    names = [c for c in place.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"]
    if not names:
        return set()
    return {("where", n.lower_) for n in names} | {("part", str(place.lemma_).lower())}


def _core(verb: Any, anchor: Any) -> list[Any]:
    """The figure's own words: its number and the path up to its verb, the verb's subject and
    object."""
    core = [anchor, *(a for a in anchor.ancestors if verb in a.ancestors), verb]
    core += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    return core


def _role(preposition: str, obj: Any) -> str | None:
    """The role of a preposition's object, or None where it says nothing of scope."""
    if obj.dep_ != "pobj" or not _content(obj) or any(c.pos_ == "NUM" for c in obj.children):
        return None  # "by 0.25 percentage points" is an amount, not a means
    role = ROLE_OF[preposition]
    if role == "people":  # "among teachers", "against women", "for children"
        if preposition != "among" and not _is_people(obj):
            return None  # "£1.2bn for schools" is a purpose, which `frames` reads
        # "54% of voters", "the number of survivors": what is counted, often left unsaid on
        # the other side, so it tells two populations apart but narrows nothing
        return "base" if preposition == "of" else role
    return role


def _kind_of_people(people: Any) -> set[tuple[str, str]]:
    """ "young people", "older people": which people, by the word before them."""
    return {
        ("people", str(c.lemma_).lower())
        for c in people.children
        if c.dep_ in ("amod", "compound") and c.is_alpha
    }


def _group(token: Any) -> bool:
    """A plural noun no one owns: the members a share is of ("of nurses"), not a thing of a
    place ("of Pentland's electricity", "of their wheat crop"), often said in other words."""
    owned = any(c.dep_ == "poss" for c in token.children)
    return _content(token) and token.tag_ == "NNS" and not owned


def _is_people(token: Any) -> bool:
    return noun_class(token) in _PEOPLE or str(token.lemma_).lower() in _PEOPLE_WORDS


def _narrowing(noun: Any) -> set[tuple[str, str]]:
    """People that narrow a noun: "youth" in "the youth jobless rate". Other modifiers are
    often said another way ("voter turnout", "turnout"), which `kinds` weighs."""
    return {
        ("people", _word(c))
        for c in noun.children
        if c.dep_ in ("compound", "nmod") and c.pos_ == "NOUN" and _content(c) and _is_people(c)
    }


def _content(token: Any) -> bool:
    """A noun or name that can say which thing: not a number, a time or a generic word."""
    if token.pos_ not in ("NOUN", "PROPN") or not (token.is_alpha or _label(token)):
        return False
    low = token.lower_
    if low in MONTHS or low in DAYS or low in _TIME_WORDS or low in _PHRASE_NOUNS:
        return False
    return str(token.lemma_).lower() not in GENERIC_NOUNS


def _label(token: Any) -> bool:
    """Letters and digits in one word: "the Castlereagh 10k", "the A14"."""
    text = str(token.text)
    return text.isalnum() and any(c.isdigit() for c in text) and not text.isdigit()


def _word(token: Any) -> str:
    """The word as the other side's `context` holds it (its lemma): "residents" and "voters"
    stay two words though both are people."""
    return str(token.lemma_).lower()


def _fillers(scope: frozenset[tuple[str, str]], role: str) -> set[str]:
    return {word for r, word in scope if r == role}


def _unsaid(words: set[str], said: frozenset[str]) -> set[str]:
    """The words not said on the other side, even in another form ("Ostrian", "Ostria")."""
    return {w for w in words if not any(w == s or (len(w) > 4 and w[:5] == s[:5]) for s in said)}


def scopes_clash(
    x: frozenset[tuple[str, str]],
    y: frozenset[tuple[str, str]],
    said_x: frozenset[str],
    said_y: frozenset[str],
    ignore: frozenset[str] = frozenset(),
) -> bool:
    """One role filled with different words on each side, neither side's word said anywhere on
    the other: "arrests at the protest" and "arrests at the match", "journeys by train" and "by
    bus", "house prices in Wexley" and "in Corrin". `said_*`: every word of each sentence;
    `ignore`: roles that do not tell these two apart (the days of a level read on two days)."""
    x, y = _bases_as_people(x), _bases_as_people(y)
    for role in ({r for r, _ in x} & {r for r, _ in y}) - ignore:
        only_x = _fillers(x, role) - _fillers(y, role)
        only_y = _fillers(y, role) - _fillers(x, role)
        if _unsaid(only_x, said_y) and _unsaid(only_y, said_x):
            return True
    return False


def _bases_as_people(scope: frozenset[tuple[str, str]]) -> frozenset[tuple[str, str]]:
    """ "54% of voters" and "among Ferrow residents" name the people of one role."""
    return frozenset(("people" if r == "base" else r, w) for r, w in scope)


def scope_narrower(
    x: frozenset[tuple[str, str]], y: frozenset[tuple[str, str]], said_y: frozenset[str]
) -> bool:
    """x narrows a role y leaves open, with a word y never says: "the youth jobless rate"
    against "the jobless rate", "violent crime against women" against "violent crime"."""
    for role in NARROWING_ROLES:
        only_x = _fillers(x, role) - _fillers(y, role)
        if not _fillers(y, role) and _unsaid(only_x, said_y):
            return True
    return False
