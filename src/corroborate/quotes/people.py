"""A per-story registry of the people named in the coverage, under every name they go by.

Outlets name one person in many ways ("Regional Governor Ilsa Marrow", "Marrow", "the
governor", "Governor Marrow"). The registry gathers every PERSON name spaCy finds in
the story's kept paragraphs, folds spelling variants of a surname together ("Zelensky",
"Zelenskyy"), keeps the role words written next to each name, and answers three questions:
which person a written name means, which person a description ("the US defence chief") fits,
and which full name to print.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

TITLES = frozenset(
    "mr mrs ms miss dr prof sir dame lord lady gen general lt col colonel maj major capt sgt "
    "adm sen senator rep gov governor president vice secretary minister chancellor "
    "prime pm premier king queen prince princess pope rev judge justice mayor ambassador "
    "chief commissioner speaker deputy leader foreign defence defense us u.s. uk".split()
)
# A courtesy title says which pronoun fits ("Mr. Daley" is no "she").
TITLE_PRONOUN = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she"}
# Post-nominals too: "Imogen Rathbone KC" is Imogen Rathbone, and "KC" no word of a name.
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "kc", "qc", "sc"})
# Words that say nothing about who someone is, dropped from role words.
ROLE_STOP = frozenset(
    "the a an of 's ’s his her its their former new then current top senior and for to in".split()
)
SPELLING = {
    "defense": "defence",
    "u.s.": "us",
    "u.s": "us",
    "america": "us",
    "american": "us",
    "united": "us",
    "britain": "uk",
    "british": "uk",
    "u.k.": "uk",
    "secretary-general": "secretary",
    "nato": "nato",
    "organisation": "organization",
}


@lru_cache(maxsize=1 << 16)  # the same few hundred names are folded thousands of times
def fold(text: str) -> str:
    """Lower case without accents or dots: "Zelenskyy", "J.D." compare by this."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return plain.lower().replace(".", "").strip()


def name_tokens(name: str) -> list[str]:
    """A written name's words without titles, possessive endings and suffixes."""
    name = re.sub(r"['’]s?$", "", name.strip())
    words = [w.strip(",;:()\"“”‘’'") for w in name.split()]
    words = [w for w in words if w]
    while len(words) > 1 and fold(words[0]) in TITLES:
        words.pop(0)
    while len(words) > 1 and fold(words[-1]) in SUFFIXES:
        words.pop()
    return words


def role_words(text: str) -> set[str]:
    """The words of a role or description that can match another outlet's wording."""
    words = set()
    for raw in re.split(r"[\s,]+", text.lower()):
        word = re.sub(r"['’]s$", "", raw.strip(".,;:()\"“”‘’'"))
        word = SPELLING.get(word, word)
        if word and word not in ROLE_STOP and len(word) > 1:
            words.add(word)
    return words


@dataclass(slots=True)
class Person:
    """One person of the story: every written form of the name, and the roles seen with it."""

    surname: str  # folded
    first: str | None  # folded first name, when any form gives one
    forms: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    words: set[str] = field(default_factory=set)  # role words, for matching descriptions
    pronouns: Counter[str] = field(default_factory=Counter)  # "he"/"she" seen referring back
    kin: int = 0  # times named as someone's relative ("his daughter Ivanka Trump")
    # Known only from a capitalised run no tagger called a person ("Westrel Ferries said"):
    # it may be an organisation (`PersonRegistry.add`).
    untagged: bool = False

    def fits(self, pronoun: str) -> bool:
        """Whether "he" or "she" can mean this person, by the pronouns seen with the name."""
        other = {"he": "she", "she": "he"}.get(pronoun)
        return other is None or self.pronouns[other] <= self.pronouns[pronoun]

    def known_as(self, pronoun: str) -> bool:
        """Whether more evidence says "he" (or "she") than the other."""
        other = {"he": "she", "she": "he"}.get(pronoun)
        return other is not None and self.pronouns[pronoun] > self.pronouns[other]

    @property
    def name(self) -> str:
        """The name to print: the most frequent full form, else the most frequent form."""
        full = [
            (n, f) for f, n in self.forms.items() if len(f.split()) > 1 and not _particle(f.split())
        ]
        pool = full or [(n, f) for f, n in self.forms.items()]
        return max(pool, key=lambda item: (item[0], len(item[1]), item[1]))[1]

    @property
    def role(self) -> str | None:
        if not self.roles:
            return None
        # "US Defence Secretary" says more than "Secretary": longer roles first, then the commoner.
        ranked = max(self.roles.items(), key=lambda kv: (" " in kv[0], kv[1], len(kv[0])))
        return ranked[0]

    def mentions(self) -> int:
        return sum(self.forms.values())


class PersonRegistry:
    """The people of one story; built from all its articles' names before any lookup."""

    def __init__(self) -> None:
        self.people: list[Person] = []

    def build(self, names: Iterable[tuple[str, str | None]]) -> None:
        """Register (name as written, role written beside it) pairs; full names first."""
        pairs = [(name_tokens(n), role) for n, role in names]
        pairs = [(w, r) for w, r in pairs if w and w[0][:1].isupper()]
        pairs.sort(key=lambda pair: -len(pair[0]))
        for words, role in pairs:
            bare = len(words) == 1 or _particle(words)
            person = self._match(words, ()) if bare else self._match_full(words)
            if person is None:
                person = Person(
                    surname=fold(words[-1]), first=fold(words[0]) if len(words) > 1 else None
                )
                self.people.append(person)
            self._note(person, words, role)

    def _note(self, person: Person, words: Sequence[str], role: str | None) -> None:
        person.forms[" ".join(words)] += 1
        if role:
            person.roles[role] += 1
            person.words |= role_words(role)

    def _match_full(self, words: Sequence[str]) -> Person | None:
        surname, first = fold(words[-1]), fold(words[0])
        for person in self.people:
            # "Agnes Tornqvist" and "Agnes Thornquist": one first name, a close surname.
            near = person.first == first and fuzz.ratio(person.surname, surname) >= 75
            if not (near or _same_surname(person.surname, surname)):
                continue
            if person.first is None or _same_first(person.first, first):
                if person.first is None:
                    person.first = first
                return person
        return None

    def _match(
        self, words: Sequence[str], recent: Sequence[Person], pronoun: str = ""
    ) -> Person | None:
        """A person whose surname (or, failing that, first name) is this one-word name."""
        word = fold(words[-1])
        found = [p for p in self.people if _same_surname(p.surname, word)]
        if not found:
            found = [p for p in self.people if p.first and p.first == word]
        if len(found) > 1 and pronoun:
            # "Mrs. Clinton" where two Clintons are named: the one known as "she", else
            # the ones not known as "he".
            found = (
                [p for p in found if p.known_as(pronoun)]
                or [p for p in found if p.fits(pronoun)]
                or found
            )
        if len(found) > 1:
            # A relative named beside the one the story is about ("his daughter Ivanka
            # Trump") leaves them the bare surname.
            found = [p for p in found if not p.kin] or found
        if len(found) > 1:
            # Two people share a surname: the first of them the article named in full
            # (`recent`: in that order), else the most named.
            for person in recent:
                if person in found:
                    return person
            found.sort(key=lambda p: -p.mentions())
        return found[0] if found else None

    def lookup(self, name: str, recent: Sequence[Person] = (), title: str = "") -> Person | None:
        """The person a written name means ("Marrow", "Governor Marrow", "Ilsa Marrow");
        `recent`: the people the article has named in full so far, first named first;
        `title`: a courtesy title written before it ("Mrs."), when not part of `name`."""
        words = name_tokens(name)
        if not words:
            return None
        if len(words) > 1 and not _particle(words):
            person = self._match_full(words)
            if person is not None:
                return person
        pronoun = TITLE_PRONOUN.get(fold(title or name.split()[0]), "")
        return self._match(words, recent, pronoun)

    def note_role(self, person: Person, role: str | None) -> None:
        """A role written beside the name in a speaker phrase ("Mayor", "the union's chair")."""
        if role and fold(role) not in TITLES - {"mayor", "governor", "senator", "president"}:
            person.roles[role] += 1
            person.words |= role_words(role)

    def add(self, name: str) -> Person | None:
        """Register a name spaCy did not tag as a person ("Mayor Agnes Thornquist")."""
        words = name_tokens(name)
        if len(words) < 2 or fold(words[0]) in ("the", "a", "an", "this", "that"):
            return None
        # A name's words are capitalised words, not acronyms ("The US", "NATO Council").
        if not all(w[:1].isupper() and not w.isupper() and fold(w) not in TITLES for w in words):
            return None
        person = self._match_full(words)
        if person is None:
            person = Person(surname=fold(words[-1]), first=fold(words[0]), untagged=True)
            self.people.append(person)
        self._note(person, words, None)
        return person

    def describe(
        self, description: str, head: str, recent: Sequence[Person], places: str = ""
    ) -> Person | None:
        """The person a description fits ("the US defence chief"), by the role words seen.

        The description's head noun must be among a person's role words, or two of its words
        must be; among fitting people, the best overlap wins, then the one named most recently.
        The `places` the description names ("New Jersey" in "the New Jersey governor") must
        all be among the person's role words: a Florida governor is no New Jersey governor.
        """
        wanted = role_words(description)
        where = role_words(places)
        head_word = SPELLING.get(head.lower(), head.lower())
        best: tuple[int, int, int] | None = None
        chosen: Person | None = None
        order = {id(p): i for i, p in enumerate(recent)}
        for person in self.people:
            overlap = len(wanted & person.words)
            if (head_word not in person.words and overlap < 2) or where - person.words:
                continue
            score = (overlap, order.get(id(person), -1), person.mentions())
            if best is None or score > best:
                best, chosen = score, person
        return chosen


# Words that open a surname ("Le Pen", "de Blasio"): no first name. Not "al", "van", "von":
# first names too (Al Gore, Van Jones).
PARTICLES = frozenset("le la de du da di del der den".split())


def _particle(words: Sequence[str]) -> bool:
    """ "Le Pen": a surname with its particle, not a first name and a surname."""
    return len(words) == 2 and fold(words[0]) in PARTICLES


def _same_surname(a: str, b: str) -> bool:
    if a == b:
        return True
    # Transliterations differ by a letter or two ("zelensky", "zelenskyy", "zelenskiy").
    return min(len(a), len(b)) >= 5 and a[:3] == b[:3] and fuzz.ratio(a, b) >= 83


def _same_first(a: str, b: str) -> bool:
    return a == b or (a[:1] == b[:1] and (len(a) <= 2 or len(b) <= 2 or fuzz.ratio(a, b) >= 75))
