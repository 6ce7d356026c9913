"""Who a speaker as written means: a person of the story's registry, or a label.

Pronouns and descriptions resolve against a timeline of the people the article has named so
far: "he" is the person most recently named as the subject of a main clause (a name inside a
relative clause, "a deal Trump has vowed to reach", is no antecedent); "the US defence chief"
is the person whose role words across the story fit it best (see `people.PersonRegistry`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from corroborate.quotes.people import (
    TITLE_PRONOUN,
    Person,
    PersonRegistry,
    fold,
    name_tokens,
)
from corroborate.quotes.speakers import (
    PRONOUNS,
    ParsedParagraph,
    Speaker,
    in_spans,
    titled_holder,
)
from corroborate.quotes.via import CARRIERS

SUBJECT_DEPS = ("nsubj", "nsubjpass")


@dataclass(slots=True)
class Timeline:
    """People named in one article, in text order, for pronouns and descriptions."""

    offsets: list[int] = field(default_factory=list)
    # (person, named as a main subject, named inside quotation marks, named in full)
    entries: list[tuple[Person, bool, bool, bool]] = field(default_factory=list)
    # Where each person was first named in full: (offset, person) by id(person).
    first_full: dict[int, tuple[int, Person]] = field(default_factory=dict)

    def add(
        self, offset: int, person: Person, main: bool, quoted: bool = False, full: bool = False
    ) -> None:
        at = bisect.bisect_right(self.offsets, offset)
        self.offsets.insert(at, offset)
        self.entries.insert(at, (person, main, quoted, full))
        known = self.first_full.get(id(person))
        if full and (known is None or offset < known[0]):
            self.first_full[id(person)] = (offset, person)

    def before(self, offset: int) -> list[Person]:
        """Everyone named before `offset`, inside quotes too, in text order."""
        return [p for p, *_ in self.entries[: bisect.bisect_left(self.offsets, offset)]]

    def introduced(self, offset: int) -> list[Person]:
        """The people named in full before `offset`, in the order they were first named
        so. A bare surname two people share means the one the article brought on first:
        after "Hillary Clinton ... her husband, Bill Clinton", "Clinton said" is hers."""
        named = sorted((at, i) for i, (at, _) in self.first_full.items() if at < offset)
        return [self.first_full[i][1] for _, i in named]

    def antecedent(self, offset: int, pronoun: str = "") -> Person | None:
        """The last person named as a main subject before `offset` that the pronoun fits,
        else the last person named at all that it fits. A name inside quotation marks
        ('"... particularly Donald Trump ...," she said') is a word of the quote, not someone
        the reporter has brought on stage: never an antecedent."""
        earlier = [
            (p, main)
            for p, main, quoted, _ in self.entries[: bisect.bisect_left(self.offsets, offset)]
            if p.fits(pronoun) and not quoted
        ]
        for person, main in reversed(earlier):
            if main:
                return person
        return earlier[-1][0] if earlier else None


def person_names(paras: list[ParsedParagraph]) -> list[tuple[str, str | None]]:
    """Every PERSON name in the paragraphs with the role words written before it, and the
    names the tagger misread that share a surname with one of them (`person_ents`)."""
    surnames = {
        fold(ent[-1].text) for para in paras for ent in para.doc.ents if ent.label_ == "PERSON"
    }
    return [
        (ent.text, role_before(ent)) for para in paras for ent in person_ents(para.doc, surnames)
    ]


# Labels the small model gives a person's name in some sentences ("Carly Fiorina" as an ORG).
MISREAD = frozenset({"ORG", "GPE", "NORP", "FAC", "PRODUCT"})


def person_ents(doc: Any, surnames: set[str] | frozenset[str]) -> list[Any]:
    """The PERSON names of a parse, and names under another label whose surname is one of
    `surnames` (folded): "Carly Fiorina strode onstage" tagged a company, where the story
    names "her husband, Frank Fiorina" a person."""
    return [
        ent
        for ent in doc.ents
        if ent.label_ == "PERSON"
        or (ent.label_ in MISREAD and fold(ent[-1].text) in surnames and _name_like(ent))
    ]


def _name_like(ent: Any) -> bool:
    """One to three capitalised words ending in a proper noun, outside a title-case
    headline."""
    words = [t for t in ent if not t.is_punct]
    return (
        0 < len(words) == len(ent) <= 3
        and all(t.is_title for t in words)  # "Carly" may be tagged an adjective
        and words[-1].pos_ == "PROPN"
        and not _title_case(ent.sent)
    )


def role_before(ent: Any) -> str | None:
    """ "Britain's defence minister" in "Britain's defence minister John Healey"."""
    doc = ent.doc
    root = ent.root
    while root.dep_ in ("appos", "compound") and root.head.i < ent.start:
        root = root.head  # "minister" heads "John Healey" as an apposition
    tokens = [t for t in root.subtree if t.i < ent.start and t.dep_ not in ("det", "punct")]
    tokens = [t for t in tokens if t.ent_type_ != "PERSON"]
    if not tokens:
        return None
    left = tokens[0].i
    if ent.start - left > 8:
        return None
    text = doc[left : ent.start].text.strip(" ,")
    return text if text and not _NO_ROLE.search(text) else None


def is_main_subject(token: Any) -> bool:
    while token.dep_ in ("appos", "compound") and token.head.i != token.i:
        token = token.head
    if token.dep_ == "poss" and token.head.dep_ in SUBJECT_DEPS:
        # "Oz’s advice earned him ...": whose the main subject is, is who the sentence is about.
        token = token.head
    if token.dep_ not in SUBJECT_DEPS:
        return False
    verb = token.head
    return bool(verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"))


def build_timeline(
    paras: list[ParsedParagraph],
    registry: PersonRegistry,
    quoted: dict[int, list[tuple[int, int]]] | None = None,
) -> Timeline:
    """The people named in the paragraphs, in text order, marking those named inside the
    paragraphs' quotation marks (`quoted`: spans by paragraph index)."""
    timeline = Timeline()
    surnames = {person.surname for person in registry.people}
    for para in paras:
        spans = quoted.get(para.index, []) if quoted else []
        names = person_ents(para.doc, surnames) + _untagged_surnames(para.doc, surnames)
        for ent in sorted(names, key=lambda span: span.start):
            inside = in_spans(ent.start_char, ent.end_char, spans)
            offset = para.offset + ent.start_char
            person = registry.lookup(ent.text, timeline.introduced(offset), _title_before(ent))
            if person is not None:
                _note_title(person, ent)
                relative = not inside and _kin(ent)
                person.kin += relative
                main = is_main_subject(ent.root)
                # A headline's title case makes names of words ("Top Clinton Aide Sent ..."):
                # a full name there introduces no one; nor does a relative's ("his daughter
                # Ivanka Trump"): the bare surname stays with the one they are kin of.
                full = len(name_tokens(ent.text)) > 1 and not _title_case(ent.sent) and not relative
                timeline.add(offset, person, main, inside, full)
                if main and not inside:
                    _note_pronoun(person, ent, surnames)
    return timeline


def _untagged_surnames(doc: Any, surnames: set[str]) -> list[Any]:
    """A story's surname the tagger left without an entity here ("— Oz’s advice earned
    him ..."): the person is named all the same, and can be the antecedent of "he"."""
    return [
        doc[t.i : t.i + 1]
        for t in doc
        if not t.ent_type_ and t.pos_ == "PROPN" and t.is_title and fold(t.text) in surnames
    ]


# Role nouns that say it too ("Congresswoman Ilsa Marrow", "Berg, the chairman of ...").
ROLE_PRONOUN = dict.fromkeys(
    """congresswoman chairwoman spokeswoman businesswoman assemblywoman councilwoman
    stateswoman sportswoman anchorwoman wife mother daughter sister widow grandmother aunt
    niece actress waitress girlfriend queen princess duchess countess lady""".split(),
    "she",
) | dict.fromkeys(
    """congressman chairman spokesman businessman assemblyman councilman statesman
    sportsman anchorman husband father son brother widower grandfather uncle nephew actor
    boyfriend king prince duke count lord""".split(),
    "he",
)


def _note_title(person: Person, ent: Any) -> None:
    """Count a courtesy title or a gendered role word right before the name, or heading an
    apposition right after it, as strong pronoun evidence."""
    doc = ent.doc
    first = TITLE_PRONOUN.get(doc[ent.start].lower_.rstrip("."))
    if first is not None:
        person.pronouns[first] += 2
        return
    near = []  # "King" may be a name: role words stand outside it
    for i in range(ent.start - 1, max(-1, ent.start - 4), -1):
        if doc[i].pos_ in ("ADP", "PART", "PUNCT", "VERB", "AUX"):
            break  # "the wife of Tomas Berg", "Berg's wife" say nothing of Berg
        near.append(doc[i])
    near += [t for t in ent.root.children if t.dep_ == "appos"]
    for token in near:
        pronoun = TITLE_PRONOUN.get(token.lower_.rstrip(".")) or ROLE_PRONOUN.get(token.lower_)
        if pronoun is not None:
            person.pronouns[pronoun] += 2
            return


KIN = frozenset(
    """wife husband daughter son brother sister mother father widow widower grandmother
    grandfather granddaughter grandson aunt uncle niece nephew cousin stepson stepdaughter
    stepmother stepfather son-in-law daughter-in-law""".split()
)


def _kin(ent: Any) -> bool:
    """Whether a name is given as someone's relative: "his daughter Ivanka Trump", "her
    husband, Bill Clinton", "Bill Clinton, her husband"."""
    doc = ent.doc
    for i in range(ent.start - 1, max(-1, ent.start - 4), -1):
        stop = doc[i].pos_ in ("ADP", "PART", "VERB", "AUX")
        if stop or (doc[i].is_punct and doc[i].text != ","):
            break
        if doc[i].lower_ in KIN:
            return True
    root = ent.root
    if root.dep_ == "appos" and root.head.lower_ in KIN:
        return True
    # "Bill Clinton, her husband,": an apposition set off by a comma.
    return any(
        c.dep_ == "appos" and c.lower_ in KIN and doc[c.left_edge.i - 1].text == ","
        for c in root.children
        if c.i > root.i
    )


def _title_case(sentence: Any) -> bool:
    """Whether most words of a sentence are capitalised, as in a headline."""
    words = [t for t in sentence if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title for t in words) * 4 >= len(words) * 3


def _title_before(ent: Any) -> str:
    """ "Mrs." in "Mrs. Berg" where the tagger left the title out of the name."""
    return ent.doc[ent.start - 1].text if ent.start > 0 else ""


def _note_pronoun(person: Person, ent: Any, surnames: set[str]) -> None:
    """ "Marrow said she ...": the first he/she after a main subject in its sentence, when
    no other person is named between them ("Marrow, who praised Berg when he was mayor"
    says nothing of Marrow; nor does "Marrow told Berg, after he admitted ..." where the
    tagger missed that "Berg" is a name: a surname of the story's people counts too)."""
    for token in ent.sent:
        if token.i < ent.end:
            continue
        if token.ent_type_ == "PERSON":
            return
        if token.pos_ == "PROPN" and fold(token.text) in surnames - {person.surname}:
            return
        if token.lower_ in ("he", "she", "his", "her", "him"):
            if _object_in_relative(token, ent):
                return  # "Kett, who gave him his debut": him (and his) is someone else
            person.pronouns["he" if token.lower_ in ("he", "his", "him") else "she"] += 1
            return


def _object_in_relative(token: Any, ent: Any) -> bool:
    """Whether a pronoun is the object in a clause hung on the name ("Kett, who gave him his
    debut"): the clause's subject is the name's person, so the object is someone else (a
    possessive there is often theirs: "Sunshine, who remains friendly with her boss")."""
    if token.dep_ not in ("dobj", "dative", "iobj", "pobj"):
        return False
    return any(a.dep_ == "relcl" and ent.start <= a.head.i < ent.end for a in token.ancestors)


def resolve(
    speaker: Speaker, registry: PersonRegistry, timeline: Timeline
) -> tuple[Person | None, str | None]:
    """The person a written speaker means, and the label to show when none fits."""
    head = speaker.head
    recent = timeline.before(speaker.start)
    introduced = timeline.introduced(speaker.start)
    if head is not None and head.lower_ in PRONOUNS:
        # "his claim": a possessive means whom the subject form would ("he").
        pronoun = {"his": "he", "her": "she", "him": "he", "its": "it", "their": "they"}.get(
            head.lower_, head.lower_
        )
        if pronoun in ("they", "we", "it"):
            return None, None
        return _named(timeline.antecedent(speaker.start, pronoun))
    if _group(speaker):
        return None, speaker.text  # "Berg supporters", "Clinton's lawyers": a group
    if head is not None and speaker.tokens is not None:
        low, high = speaker.tokens
        names = [
            e for e in head.doc.ents if e.label_ == "PERSON" and low <= e.start and e.end <= high
        ]
        speaking = [e for e in names if not _for_someone(e, head)]
        if names and not speaking:
            return None, speaker.text  # "a spokeswoman for Ann Lee": not Ann Lee
        for ent in _about_first(speaking, head):
            person = registry.lookup(ent.text, introduced, _title_before(ent))
            if person is not None:
                # "A letter from council leader Ivo Marsh": the role is his, not the letter's.
                author = _author(ent, head)
                role = role_before(ent) if author else _role_in(speaker.text, ent.text)
                registry.note_role(person, role)
                return _named(person)
    proper = _head_run(speaker) or _proper_run(speaker.text)
    if proper:
        person = registry.lookup(proper, introduced)
        if person is None and _could_be_name(speaker, proper):
            person = registry.add(proper)
        if person is not None:
            # The rest of "an email from Ann Lee" is the email, no role of hers.
            text = head is not None and _carrier(head)
            registry.note_role(person, None if text else _role_in(speaker.text, proper))
            return _named(person)
    if head is not None and head.lower_ in ("it", "this", "that", "which", "who"):
        return None, None
    if head is None or _indefinite(head):
        return None, speaker.text
    # "the New Jersey governor": a place in the description must be one of the person's.
    low, high = speaker.tokens if speaker.tokens is not None else (head.i, head.i + 1)
    places = " ".join(t.text for t in head.doc[low:high] if t.ent_type_ == "GPE")
    person = registry.describe(speaker.text, head.lemma_, recent, places)
    return (person, person.name) if person else (None, speaker.text)


# Prepositions that tie a person to someone who speaks for them or about them ("a spokesman
# for Ann Lee", "an aide to Lee", "a friend of Lee", "a man with Lee's campaign").
ON_BEHALF = frozenset({"for", "to", "of", "with"})


def _pobj_of(ent: Any, head: Any) -> Any:
    """The preposition through which a name hangs on the phrase's head noun, else None."""
    root = ent.root
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ not in ("prep", "agent") or prep.head != head:
        return None
    return prep if not (ent.start <= head.i < ent.end) else None


def _for_someone(ent: Any, head: Any) -> bool:
    """ "A spokeswoman for Ann Lee said": the words are the spokeswoman's, whoever she speaks
    for (a thing's "letter from Lee" is Lee's: `_author`)."""
    prep = _pobj_of(ent, head)
    if prep is None or head.pos_ != "NOUN" or _carrier(head) or prep == titled_holder(head):
        return False  # "the director of national intelligence James Clapper" is Clapper
    return bool(prep.lower_ in ON_BEHALF)


def _author(ent: Any, head: Any) -> bool:
    """ "An email from Neera Tallis", "a statement by Lee": the name is the author of a text."""
    prep = _pobj_of(ent, head)
    return prep is not None and _carrier(head) and prep.lower_ in ("from", "by")


def _carrier(head: Any) -> bool:
    return bool(head.lemma_.lower() in CARRIERS or head.lower_ in CARRIERS)


def _about_first(names: list[Any], head: Any) -> list[Any]:
    """The PERSON names of a speaker phrase, the one it is about first: "Brackwater's owner,
    Tessa Quirke" and "Clinton campaign manager Robby Mook" are Quirke and Mook, not the
    one named first. In a list ("Matthews, Ann Lee and Tomas Berg argued") the parse's head
    is no surer than the first name: the order stays."""
    about = next((e for e in names if _names_head(e, head)), None)
    if about is None or about is names[0]:
        return names
    if any(t.pos_ == "CCONJ" for t in head.doc[names[0].start : about.start]):
        return names
    return [about, *(e for e in names if e is not about)]


def _names_head(ent: Any, head: Any) -> bool:
    """Whether a name is the speaker phrase's head or stands beside it ("Tessa Quirke" in
    "Brackwater's owner, Tessa Quirke"), rather than naming an owner before it or a work."""
    if ent.start <= head.i < ent.end:
        return True
    # A role noun the name is set beside; a name beside a name is a list's parse slip.
    return bool(head.pos_ == "NOUN" and ent.root.dep_ == "appos" and ent.root.head == head)


def _could_be_name(speaker: Speaker, run: str) -> bool:
    """Whether a capitalised run no one in the story goes by may be a new person's name: at
    most four words, none a verb, not all a place ("Veto Power Impedes Peace Efforts", a
    headline before a colon, and "the New Jersey governor" name no one). The tagger's other
    labels are no guide: it calls rare names a facility, a product or a show, and a name
    after a role noun a place ("Fenwold librarian Agnes Whitlock")."""
    if len(name_tokens(run)) > 4:
        return False
    if speaker.head is None or speaker.tokens is None:
        return True
    words = run.split()
    tokens = [t for t in speaker.head.doc[slice(*speaker.tokens)] if t.text in words]
    if any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return False
    place = bool(tokens) and all(t.ent_type_ in ("GPE", "LOC") for t in tokens)
    return not place or _role_led(tokens, speaker.head)


def _role_led(tokens: list[Any], head: Any) -> bool:
    """Whether a run that heads the phrase follows a lower-case role noun ("librarian
    Agnes Whitlock"): a person's name, not the place in "the New Jersey governor"."""
    if not any(t.i == head.i for t in tokens) or tokens[0].i == 0:
        return False
    before = head.doc[tokens[0].i - 1]
    return bool(before.pos_ == "NOUN" and before.is_lower)


def _head_run(speaker: Speaker) -> str | None:
    """The capitalised run that holds the phrase's head: "June Castellane" in the line
    "June Castellane, Save Varrow Libraries" is who speaks, not the group named after her."""
    head = speaker.head
    if head is None or speaker.tokens is None or not _capital(head):
        return None
    low, high = speaker.tokens
    if not low <= head.i < high:
        return None  # a phrase written apart from its head ("Chrabaszcz" of "Braynard and ...")
    doc = head.doc
    left = head.i
    while left > low and _capital(doc[left - 1]):
        left -= 1
    right = head.i + 1
    while right < high and _capital(doc[right]):
        right += 1
    # "Jean-Marc Ayrault", "African-American Museum": a hyphen inside a word joins the run.
    while left - 2 >= low and _joined(doc, left - 1) and _capital(doc[left - 2]):
        left -= 2
    if (left > 0 and doc[left - 1].text == "&") or (right < len(doc) and doc[right].text == "&"):
        return None  # "Hollin & Pryce" is a firm, not Ms Hollin
    return _trim_calendar(doc[left:right].text) or None


def _capital(token: Any) -> bool:
    return bool(token.text[:1].isupper() and not token.is_punct)


def _joined(doc: Any, i: int) -> bool:
    """Whether token i is a hyphen written inside a word, with no space either side."""
    return bool(doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_)


def _group(speaker: Speaker) -> bool:
    """A plural noun that names its people only before it ("Berg supporters", "Obama's
    questioners"), not after it ("nuclear experts Ann Lee and Tomas Berg", "calculations by
    Ann Lee"): a group, whoever it is named after."""
    head = speaker.head
    if head is None or not (head.tag_ == "NNS" and head.pos_ == "NOUN" and head.is_lower):
        return False
    high = speaker.tokens[1] if speaker.tokens is not None else head.i + 1
    return not any(t.ent_type_ == "PERSON" for t in head.doc[head.i + 1 : high])


def _named(person: Person | None) -> tuple[Person | None, str | None]:
    return person, person.name if person else None


def _role_in(phrase: str, name: str) -> str | None:
    """ "the union's chair" in "Bram Esterhuys, the union's chair": the phrase less the name."""
    # A title right before the name is part of how the name is written, not a role ("Dr Oriel
    # Stanz, the county's chief vet" printed the role "Dr , the county's chief vet").
    rest = _TITLE_BEFORE_NAME.sub(" ", phrase.replace(name, "\0")).replace("\0", " ")
    # "Anna Palmer, 34, a North Dakota native": the age is no part of the role.
    rest = re.sub(r"^\W*\d{1,3}\s*,", "", rest.strip(" ,;:()—–-"))
    rest = re.sub(r"^\W*(?:the|a|an)\s+", "", rest.strip(" ,;:()—–-"), flags=re.IGNORECASE)
    rest = re.sub(r"\s+", " ", rest).strip(" ,;:()—–-")
    words = rest.split()
    if not 1 <= len(words) <= 8 or not any(w[:1].isalpha() for w in words):
        return None
    return None if _NO_ROLE.search(rest) else rest


# What is left of a phrase that is no role: another person joined on ("Wilcox and Beruff, a
# Sarasota Republican" gives Wilcox no "and Beruff"), a thing of theirs ("Santilli's role in
# the occupation"), a clause hung on the name ("who was
# responsible for ..."), or words of a quote the phrase ran into (an opening mark: "’" is an
# apostrophe too).
_NO_ROLE = re.compile(
    r"^(?:(?:and|or|but|nor)\b|&)|^['’]s\b|\b(?:who|which|whose)\b|[\"“”‘«»]", re.IGNORECASE
)


_TITLE_BEFORE_NAME = re.compile(
    r"\b(?:Dr|Mr|Mrs|Ms|Mx|Miss|Prof|Professor|Sir|Dame|Rev|Revd|Fr)\.?\s*\x00"
)


def _proper_run(text: str) -> str | None:
    """The last run of capitalised words in the speaker phrase ("Governor Marrow")."""
    runs = [r.strip() for r in re.findall(r"(?:[A-Z][\w’'.-]+\s?)+", text)]
    runs = [r for r in runs if r and r.lower() not in ("the", "a", "an")]
    if not runs:
        return None
    return _trim_calendar(runs[-1])


def _trim_calendar(run: str) -> str:
    """ "a September Harbour Post poll": a month or a weekday before a name is no part of it
    (not April, May, June or August, which are first names too)."""
    words = run.split()
    while len(words) > 1 and words[0].lower() in CALENDAR:
        words.pop(0)
    return " ".join(words)


CALENDAR = frozenset(
    """january february march july september october november december monday tuesday
    wednesday thursday friday saturday sunday""".split()
)


def _indefinite(head: Any) -> bool:
    """ "a NATO diplomat", "officials", "sources", "another supporter": nobody in particular."""
    if head.tag_ in ("NNS", "NNPS") and head.pos_ == "NOUN":
        return True
    return any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in head.children)


# Determiners of someone not singled out ("another supporter" is no one named before).
INDEFINITE = frozenset({"a", "an", "some", "one", "another", "any", "each", "every", "no"})
