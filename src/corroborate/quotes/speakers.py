"""Who said it: the cue verb and its subject, "according to", a name on the next line.

Attribution reads the spaCy parse of the kept paragraphs (cached by `Resources`). For one
quote it tries, in order (`extract._attribute`):
1. a cue verb ("said", "told", "warned"...) outside the quotation marks whose clause holds the
   quote, else the nearest such verb in the quote's sentence or the one next to it; or
   "according to X" the same way. The speaker is the verb's subject (or X);
2. in the quote's paragraph: "...” ― Name" after it, "X retorted: “...”" or "Name: ..." before
   it, "...: Name" after it (headlines and key points);
3. for a paragraph that is all quotation: a line right after it that holds only a name, as
   scraped pages show; a paragraph before it that ends "He said:" (or "Stated Stone:"); the
   main subject of the paragraph before it ("Viguerie is upbeat about Cruz." then the quote);
4. the speaker of the quote just before, in the same paragraph or the paragraph before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

CUE_LEMMAS = frozenset(
    """say tell add insist warn state note stress explain argue ask write claim declare announce
    reiterate emphasise emphasize affirm acknowledge call describe suggest deem mention voice
    reply respond answer admit agree assert complain confirm concede contend deny observe point
    predict promise recall remark report reveal shout tweet post urge vow whisper testify
    continue quip joke caution charge counter proclaim pledge maintain signal lament accuse
    blast slam praise boast conclude recount concur label dub brand term hint indicate exclaim
    propose demand threaten decry criticize criticise welcome hail dismiss rule predict
    underline underscore highlight remind tout dispute reject question wonder muse lament
    telling put cite sing chant retort
    fume scoff sniff gush chide estimate echo repeat assure imply comment mock characterize
    characterise allege interject snap yell scream mutter groan plead clarify
    elaborate scold taunt gripe grouse opine posit""".split()
)
PRONOUNS = frozenset({"he", "she", "they", "i", "we", "him", "her", "it", "his", "its", "their"})
WHO_POS = ("PRON", "PROPN", "NOUN")
MAX_CUE_DISTANCE = 160  # characters between a quote and a cue verb outside its clause


@dataclass(slots=True)
class ParsedParagraph:
    """One kept paragraph: its index, where it starts in the article, its text and parse."""

    index: int
    offset: int
    text: str
    doc: Any


@dataclass(slots=True)
class Speaker:
    """The speaker as written near one quote, and how it was found."""

    text: str
    start: int  # offsets into Article.text
    end: int
    how: str  # "cue", "according-to", "name-line", "colon", "carried"
    head: Any = None  # the spaCy token heading the speaker phrase, when there is one
    cue: tuple[int, int] | None = None  # (paragraph, token index) of the cue verb
    tokens: tuple[int, int] | None = None  # the phrase's token range in its paragraph's parse


def in_spans(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether [start, end) lies inside one of the spans (offsets of one paragraph)."""
    return any(s <= start and end <= e for s, e in spans)


def cue_candidates(para: ParsedParagraph, quoted: Sequence[tuple[int, int]]) -> list[Any]:
    """Cue verbs of a paragraph outside its quotation marks, with a subject to name."""
    found = []
    for token in para.doc:
        if in_spans(token.idx, token.idx + len(token), quoted):
            continue
        verb = token.lemma_.lower() in CUE_LEMMAS and token.pos_ in ("VERB", "AUX")
        if not (verb or token.lower_ == "according" or _speech_noun(token) or _finding(token)):
            continue
        subject = subject_of(token)
        # '“... #Cologne,” tweeted a user': a subject inside the quotation marks is a word of
        # the quote the parser misread, never who speaks.
        if subject is not None and not in_spans(subject.idx, subject.idx + len(subject), quoted):
            found.append(token)
    return found


# Nouns for what someone said: "Trump’s claim that there were “thousands of shootings”".
SPEECH_NOUNS = frozenset(
    """claim statement remark comment words assertion promise pledge description warning
    accusation argument suggestion response answer message vow boast insistence prediction
    allegation contention declaration announcement admission complaint""".split()
)


def _speech_noun(token: Any) -> bool:
    """A noun for something said, with whose it is: "Trump’s claim", "his remark"."""
    return bool(
        token.pos_ == "NOUN"
        and token.lemma_.lower() in SPEECH_NOUNS
        and any(c.dep_ == "poss" for c in token.children)
    )


# Who "finds" or "shows" something in the sense of reporting it: "A GAO report found that
# ... “...”", "the authors of the study found ...".
FINDERS = frozenset(
    """report study survey poll analysis review audit memo investigation inquiry probe
    research researcher author scientist economist analyst complaint lawsuit filing
    indictment document documents""".split()
)


def _finding(token: Any) -> bool:
    """ "found"/"showed" whose subject is a study, a report or its authors."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in ("find", "show"):
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    return bool(subjects) and subjects[0].lemma_.lower() in FINDERS


def subject_of(cue: Any) -> Any:
    """The token heading who speaks: the verb's subject, X in "according to X", or the
    owner of a speech noun ("Trump’s claim")."""
    if cue.lower_ == "according":
        return _according_to(cue)
    if cue.pos_ == "NOUN":
        return next((c for c in cue.children if c.dep_ == "poss"), None)
    subjects = [
        c
        for c in cue.children
        if (c.dep_ in ("nsubj", "nsubjpass") and c.text.isalnum())
        or (c.dep_ in ("nsubj", "nsubjpass") and any(ch.isalpha() for ch in c.text))
    ]
    if subjects:
        # The subject nearest the verb: "... made public ― Trump boasted" has two.
        return _antecedent(min(subjects, key=lambda c: abs(c.i - cue.i)))
    # "He stressed and added, ...", "..., stating", "shared the news, writing ...": the verb
    # it hangs on has the subject (two steps up at most).
    if cue.dep_ == "acl" and cue.head.dep_ == "ROOT" and cue.head.pos_ in ("NOUN", "PROPN"):
        return cue.head  # "Her neighbour, a nurse, called ...": a finite verb read as a modifier
    if cue.dep_ == "acl" and cue.head.lemma_.lower() in TEXTS | SPEECH_NOUNS:
        return _issuer(cue.head)  # "BLM issued a statement saying ...", "a letter stating ..."
    head = cue
    for _ in range(2):
        if head.dep_ not in ("conj", "advcl", "xcomp", "dep", "pcomp", "acl", "prep"):
            break
        if head.head.i == head.i:  # the root is its own head
            break
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            for child in head.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    return _antecedent(child)
    if cue.pos_ not in ("VERB", "AUX"):
        return None
    return _participle_subject(cue) or _name_before_verb(cue)


def _participle_subject(cue: Any) -> Any:
    """ "Flea shared the news, writing “Feels great ...”": a participle after a comma that the
    parse hung on the quote (as its subject) speaks for the subject of the main verb before
    it."""
    if cue.tag_ != "VBG" or cue.i == 0 or cue.doc[cue.i - 1].text != ",":
        return None
    for token in reversed(cue.doc[cue.sent.start : cue.i - 1]):
        # The main clause's verb, not one of a clause inside it ("... that Rubio recites").
        if token.pos_ in ("VERB", "AUX") and token.dep_ in ("ROOT", "conj"):
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            return _antecedent(subjects[0]) if subjects else None
    return None


# Words that may stand between a name and its verb in an apposition ("Col. Steven Warren, a
# military spokesman in Baghdad, said"): no verb, no pronoun, no subordinator.
APPOSITION_POS = frozenset({"PUNCT", "DET", "ADJ", "NOUN", "PROPN", "ADP", "NUM", "CCONJ"})


def _name_before_verb(cue: Any) -> Any:
    """A person named right before a cue verb the parser gave no subject ('On Dec. 2, Col.
    Steven Warren, a spokesman, said, ...' read with the name hung on the date): the nearest
    name to the left, with only an apposition between it and the verb."""
    for token in reversed(cue.doc[cue.sent.start : cue.i]):
        if token.ent_type_ == "PERSON":
            ents = [e for e in cue.doc.ents if e.start <= token.i < e.end]
            return ents[0].root if ents else token
        if token.pos_ not in APPOSITION_POS or cue.i - token.i > 15:
            return None
    return None


def _issuer(text: Any) -> Any:
    """Who put out the statement or letter a participle hangs on ("BLM issued a statement
    saying"): the subject of the verb whose object it is, else the text itself."""
    verb = text.head
    if text.dep_ == "dobj" and verb.pos_ == "VERB":
        for child in verb.children:
            if child.dep_ == "nsubj":
                return _antecedent(child)
    return text


def _antecedent(subject: Any) -> Any:
    """For a relative pronoun, the noun its clause hangs on ("an aide who said", "a pilot
    whose boat sank but who insisted"), and for an apposition the name it describes
    ("Tomas Berg, a pilot who said"); any other subject as it is."""
    if subject.lower_ not in ("who", "that", "which"):
        return subject
    clause = subject.head  # its verb, or the first of verbs joined by "and"/"but"
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "relcl":
        return subject
    noun = clause.head
    return noun.head if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" else noun


def _cue_word(token: Any) -> bool:
    """A cue verb even where the tagger, misled by a capital, calls it a name ("Stated")."""
    word = token.lower_
    forms = {token.lemma_.lower(), word, word[:-1], word[:-2], word[:-3] + "y"}
    return bool(forms & CUE_LEMMAS) or word in ("said", "told", "wrote")


def _according_to(cue: Any) -> Any:
    """X in "according to X": the object of "to", else the last name before the clause ends."""
    doc = cue.doc
    if cue.i + 1 >= len(doc) or doc[cue.i + 1].lower_ != "to":
        return None
    for child in doc[cue.i + 1].children:
        if child.dep_ == "pobj":
            return _author_of(child)
    last = None
    for token in doc[cue.i + 2 : cue.i + 12]:
        if token.is_punct:
            break
        if token.pos_ in ("PROPN", "NOUN"):
            last = token  # the parser may read "to engineer Tomas Berg" as a verb phrase
    return last


def _author_of(source: Any) -> Any:
    """Who is behind "a speech Mrs. Clinton delivered" or "her letter": the person, when
    the text names one for a speech or a text; else the source as written."""
    if source.pos_ != "NOUN" or source.lemma_.lower() not in TEXTS | SPEECH_NOUNS:
        return source
    for child in source.children:
        if child.dep_ == "poss" and _person_like(child):
            return child
        if child.dep_ in ("relcl", "acl"):
            for grandchild in child.children:
                if grandchild.dep_ == "nsubj" and _person_like(grandchild):
                    return grandchild
    return source


TEXTS = frozenset(
    "speech interview letter memo tweet post op-ed column book testimony remarks report article "
    "essay study email release".split()
)


def phrase_of(head: Any) -> tuple[int, int]:
    """Token range of the noun phrase a subject heads, without clauses hung on it."""
    drop = {"relcl", "acl", "advcl", "prep"} if head.pos_ == "PROPN" else {"relcl", "acl", "advcl"}
    tokens = []
    stack = [head]
    while stack:
        token = stack.pop()
        tokens.append(token)
        stack.extend(c for c in token.children if c.dep_ not in drop and c.dep_ != "punct")
    left = min(t.i for t in tokens)
    right = max(t.i for t in tokens)
    doc = head.doc
    while left < head.i and doc[left].is_punct:
        left += 1
    while right > head.i and (doc[right].is_punct or doc[right].dep_ in ("cc", "prep")):
        right -= 1
    return left, right + 1


def speaker_from_head(para: ParsedParagraph, head: Any, how: str, cue: Any) -> Speaker:
    left, right = phrase_of(head)
    span = para.doc[left:right]
    start = para.offset + span.start_char
    cue_at = (para.index, cue.i) if cue is not None else None
    return Speaker(span.text, start, start + len(span.text), how, head, cue_at, (left, right))


def choose_cue(para: ParsedParagraph, piece: tuple[int, int], candidates: Sequence[Any]) -> Any:
    """The cue verb for a quote piece (offsets in the paragraph), or None."""
    inside = [t for t in para.doc if piece[0] <= t.idx < piece[1] and not t.is_punct]
    if not inside:
        return None
    holding = []
    for cue in candidates:
        subtree = _held(cue)
        if any(t.i in subtree for t in inside):
            holding.append((len(subtree), cue))
    if holding:
        return min(holding, key=lambda item: item[0])[1]
    sentences = {inside[0].sent.start, inside[-1].sent.start}
    best: tuple[int, Any] | None = None
    for cue in candidates:
        if cue.pos_ == "NOUN":
            continue  # "Trump’s claim" speaks only for the quote it holds
        distance = max(piece[0] - (cue.idx + len(cue)), cue.idx - piece[1], 0)
        near = cue.sent.start in sentences or _adjacent(cue.sent, inside)
        if near and distance <= MAX_CUE_DISTANCE and (best is None or distance < best[0]):
            best = (distance, cue)
    return best[1] if best else None


# Subjects that name no one who could have spoken: '... said it would tell "...."'.
MUTE = frozenset({"it", "its", "this", "that", "which"})


# Verbs that say someone uttered the words: a quote under them is that person's, however
# deep in someone else's report it stands ('the congressman said is designed to “...”').
UTTERED = frozenset("say tell write add state explain note insist".split())


def outer_cue(cue: Any, candidates: Sequence[Any]) -> Any:
    """The cue that reports another cue, when the quoted words are the reporter's.

    A cue whose subject can speak for no one: in 'Holm said in the letter that the
    advertisement “unmistakably” suggests ...' or 'Obama said it would tell “...”', the
    words are Holm's or Obama's. A cue inside the reported clause of another: in 'Clinton
    says she expects Obama to announce an “intensification”' or 'Cardin said Republicans
    rejected it, calling it an “area of contention”', the reporter chose the words (unless
    the inner verb says they were uttered: "said", "told", "wrote")."""
    subject = subject_of(cue)
    reporting = set(candidates)
    outer = next((a for a in cue.ancestors if _reports(a, reporting)), None)
    if subject is not None and not _mute(subject):
        nested = cue.pos_ != "NOUN" and cue.dep_ in ("ccomp", "xcomp")
        return outer if nested and outer and cue.lemma_.lower() not in UTTERED else cue
    if outer is not None:
        return outer
    # 'The spot concludes with footage of Trump saying, “...”': the cue of someone who can
    # speak, nearest in the same sentence.
    speaking = [
        c
        for c in candidates
        if c.sent.start == cue.sent.start
        and c is not cue
        and c.pos_ != "NOUN"
        and not _mute(subject_of(c))
    ]
    return min(speaking, key=lambda c: abs(c.i - cue.i)) if speaking else cue


def _reports(token: Any, reporting: set[Any]) -> bool:
    """A verb cue of the paragraph whose subject can speak."""
    if token not in reporting or token.pos_ == "NOUN":
        return False
    subject = subject_of(token)
    return subject is not None and not _mute(subject)


def _mute(subject: Any) -> bool:
    """A pronoun for a thing, or a common noun for a thing (no name, no person)."""
    if subject.lower_ in MUTE:
        return True
    return bool(
        subject.pos_ == "NOUN" and not subject.ent_type_ and subject.lemma_.lower() in THINGS
    )


# Nouns for things that "suggest", "show" or "say" only figuratively.
THINGS = frozenset(
    """advertisement ad spot video footage image photo picture film clip song book move
    decision plan policy program programme bill law measure deal agreement change result
    data figure number event incident attack vote election race debate""".split()
)


def _person_like(token: Any) -> bool:
    """A name of someone (not of a place), or "he"/"she"."""
    if token.lower_ in ("he", "she"):
        return True
    if token.ent_type_:
        return bool(token.ent_type_ in ("PERSON", "ORG", "NORP"))
    return bool(token.pos_ == "PROPN")


def _held(cue: Any) -> set[int]:
    """The tokens a cue speaks for: its clause; for "according to X, ..." and "..., as X put
    it" the clause that the phrase modifies (the quote is there, not under the cue); for a
    speech noun its content clause only ("Trump’s claim [that ...]", not "Trump’s statement
    about “...” is true", which is the judge's)."""
    if cue.pos_ == "NOUN":
        return {t.i for c in cue.children if c.dep_ in ("acl", "ccomp") for t in c.subtree}
    hedge = cue.lower_ == "according" or any(
        c.dep_ == "mark" and c.lower_ == "as" for c in cue.children
    )
    return {t.i for t in (cue.head if hedge else cue).subtree}


def _adjacent(sentence: Any, inside: Sequence[Any]) -> bool:
    """The sentence right after the quote's last or right before its first."""
    return bool(sentence.start == inside[-1].sent.end or sentence.end == inside[0].sent.start)


def name_line(para: ParsedParagraph) -> Speaker | None:
    """A paragraph that holds only a person's name (perhaps with a role after a comma)."""
    words = [t for t in para.doc if not t.is_punct and not t.is_space]
    if not 1 <= len(words) <= 8 or any(c in para.text for c in '"“”«»'):
        return None
    # "- Jane Roe, Springfield." signs the quote above it: a leading dash allows a full stop.
    signed = para.text.lstrip()[:1] in "-—–―" and not para.text.rstrip().endswith((":", "?"))
    if para.text.rstrip().endswith((".", ":", "?", "!")) and not signed:
        return None
    people = [e for e in para.doc.ents if e.label_ == "PERSON"]
    first_part = [t for t in words if t.i < _comma_index(para.doc)]
    named = bool(people) and people[0].start <= first_part[0].i + 1 if first_part else False
    all_proper = bool(first_part) and all(t.pos_ == "PROPN" for t in first_part)
    if not (named or (all_proper and len(first_part) <= 4)):
        return None
    if any(t.pos_ in ("VERB", "AUX") and not t.is_title for t in first_part):
        return None
    start = para.offset + words[0].idx
    end = para.offset + words[-1].idx + len(words[-1])
    head = people[0].root if people else first_part[-1]
    text = para.text[words[0].idx : end - para.offset]
    return Speaker(text, start, end, "name-line", head, None, (words[0].i, words[-1].i + 1))


def _comma_index(doc: Any) -> int:
    for token in doc:
        if token.text == ",":
            return int(token.i)
    return len(doc)


def colon_speaker(para: ParsedParagraph, piece: tuple[int, int]) -> Speaker | None:
    """ "Marrow: higher walls 'a fanciful notion'" or "...aid to the valley: regional official"."""
    text = para.text
    colon = text.find(": ")
    if colon <= 0:
        return None
    if colon < piece[0]:
        named = _name_before(para, colon)
        if named is not None:
            return named
        part = (0, colon)
    elif colon >= piece[1] and "“" not in text[colon:] and '"' not in text[colon:]:
        part = (colon + 2, len(text.rstrip(" .")))
    else:
        return None
    return _short_name(para, part[0], part[1], "colon")


def introducer(para: ParsedParagraph, opening: int) -> Speaker | None:
    """ "the Christie supporter retorted: “...”": a quote right after a colon belongs to the
    subject of the clause the colon ends, when that subject can be someone."""
    before = _before_mark(para.text, opening)
    if before.endswith(("--", "—", "–")):
        return _dash_introducer(para, before)
    if not before.endswith(":"):
        return None
    colon = [t for t in para.doc if t.idx == len(before) - 1]
    if not colon:
        return None
    named = _name_before(para, len(before) - 1)
    if named is not None:
        return named  # "Headline - Philip Bump: “...”"
    for clause in [*_clauses_ending(colon[0]), colon[0].sent.root]:
        for child in clause.children:
            someone = child.ent_type_ in ("PERSON", "ORG", "NORP") or child.pos_ in WHO_POS
            someone = someone and child.lower_ not in MUTE | {"what"}
            if child.dep_ in ("nsubj", "nsubjpass") and child.i < colon[0].i and someone:
                return speaker_from_head(para, _antecedent(child), "colon", None)
    # "..., her adviser, Jake Sullivan, said: “...”" where the parse gave "said" no subject:
    # the last person named before a cue verb that ends the clause.
    if colon[0].i == 0 or not _cue_word(para.doc[colon[0].i - 1]):
        return None
    sentence_start = colon[0].sent.start
    people = [
        e for e in para.doc.ents if e.label_ == "PERSON" and sentence_start <= e.start < colon[0].i
    ]
    if not people:
        return None
    return speaker_from_head(para, people[-1].root, "colon", None)


def _dash_introducer(para: ParsedParagraph, before: str) -> Speaker | None:
    """ "Trump also embraced harsher methods -- “I think ...”": a dash before the opening
    mark introduces the quote like a colon, but only for a person as the clause's subject
    (a dash also sets off asides, so the sentence root is not tried)."""
    dash_at = len(before.rstrip("-—–"))
    dash = [t for t in para.doc if t.idx == dash_at]
    if not dash:
        return None
    for clause in _clauses_ending(dash[0]):
        for child in clause.children:
            if child.dep_ not in ("nsubj", "nsubjpass") or child.i > dash[0].i:
                continue
            person = child.ent_type_ == "PERSON" or child.lower_ in ("he", "she")
            if person or (child.pos_ == "PROPN" and child.ent_type_ in ("", "ORG", "NORP")):
                return speaker_from_head(para, child, "colon", None)
            return None
    return None


def _before_mark(text: str, opening: int) -> str:
    """The text before a quote's opening mark, which may be two characters ('' in NYT text)."""
    return text[:opening].rstrip().rstrip("\"“”'‘’«»„").rstrip()


def _clauses_ending(colon: Any) -> list[Any]:
    """The verbs of the clause a colon ends, nearest first: 'Sanders delivered a retort:
    “No one ...”' is often parsed with "delivered" hanging on the quote's verb, so the
    sentence root is the quote's; these are the verbs above the word before the colon that
    stand before it."""
    token, verbs = colon.doc[max(0, colon.i - 1)], []
    while True:
        if token.pos_ in ("VERB", "AUX"):
            verbs.append(token)
        if token.head.i == token.i or token.head.i > colon.i:
            return verbs
        token = token.head


def inverted_introducer(para: ParsedParagraph, opening: int) -> Speaker | None:
    """ "... say her plans would not help. Said Ellis: “...”": a short "Said Name:" right
    before the opening mark names the speaker, whatever cue verbs stand nearby."""
    before = _before_mark(para.text, opening)
    if not before.endswith(":"):
        return None
    start = max(before.rfind(". "), before.rfind("? "), before.rfind("! "))
    start = start + 2 if start >= 0 else 0
    words = [
        t for t in para.doc if start <= t.idx < len(before) - 1 and not (t.is_punct or t.is_space)
    ]
    if not 2 <= len(words) <= 6 or not words[0].is_title or not _cue_word(words[0]):
        return None
    names = [t for t in words[1:] if t.pos_ in ("PROPN", "NOUN")]
    return speaker_from_head(para, names[-1], "colon", None) if names else None


def _name_before(para: ParsedParagraph, colon: int) -> Speaker | None:
    """ "...doesn't surprise pollster Daron Shaw: “...”": a person named right before a colon."""
    for ent in para.doc.ents:
        # A name after the colon is no name before it (the slice would be empty).
        right_before = ent.end_char <= colon and not para.text[ent.end_char : colon].strip()
        if ent.label_ == "PERSON" and right_before:
            start = para.offset + ent.start_char
            return Speaker(
                ent.text,
                start,
                start + len(ent.text),
                "colon",
                ent.root,
                None,
                (ent.start, ent.end),
            )
    return None


def subject_before(para: ParsedParagraph) -> Speaker | None:
    """The one the paragraph before a stand-alone quote is about: its last sentence's main
    subject, when that is a named person or organisation, or "he"/"she"."""
    sentences = list(para.doc.sents)
    if not sentences:
        return None
    root = sentences[-1].root
    for child in root.children:
        if child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if child.ent_type_ in ("PERSON", "ORG") or child.lower_ in ("he", "she"):
            return speaker_from_head(para, child, "previous-subject", None)
    return None


# A name after a closing mark and a dash, at the end of the paragraph.
SIGNED = re.compile(r"[”\"’'»][”\"’'»\s]*[―—–-]+\s*([^!?“”\"]{2,80}?)[.\s]*$")


def dash_speaker(para: ParsedParagraph, after: int) -> Speaker | None:
    """ "...”― Pamela Padilla": a name after a dash that closes the paragraph. The name signs
    every quote of the paragraph, so text may stand between this quote and the last mark
    (a second quote, or words the scrape left outside the marks)."""
    match = SIGNED.search(para.text, max(0, after))
    if match is None:
        return None
    return _short_name(para, match.start(1), match.end(1), "dash")


def _short_name(para: ParsedParagraph, begin: int, end: int, how: str) -> Speaker | None:
    """A speaker from a short run of text that names someone and says nothing."""
    tokens = [t for t in para.doc if begin <= t.idx < end and not t.is_punct]
    if not 1 <= len(tokens) <= 8 or any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return None
    if not any(t.pos_ in ("PROPN", "NOUN") or t.ent_type_ == "PERSON" for t in tokens):
        return None
    head = tokens[-1]
    for token in tokens:
        if token.head not in tokens or token.head == token:
            head = token
            break
    start = para.offset + tokens[0].idx
    stop = para.offset + tokens[-1].idx + len(tokens[-1])
    text = para.text[start - para.offset : stop - para.offset]
    return Speaker(text, start, stop, how, head, None, (tokens[0].i, tokens[-1].i + 1))


def lead_in(para: ParsedParagraph, quoted: Sequence[tuple[int, int]]) -> Speaker | None:
    """A paragraph ending "He said:" whose quote follows in the next paragraph."""
    if not para.text.rstrip().endswith(":"):
        return None
    candidates = cue_candidates(para, quoted)
    if not candidates:
        return _inverted_lead_in(para)
    cue = candidates[-1]
    return speaker_from_head(para, subject_of(cue), "cue", cue)


def _inverted_lead_in(para: ParsedParagraph) -> Speaker | None:
    """ "Stated Stone:" or "Said the minister:": a short line of a cue verb and a name."""
    words = [t for t in para.doc if not t.is_punct]
    if not 2 <= len(words) <= 6 or not _cue_word(words[0]):
        return None
    names = [t for t in words[1:] if t.pos_ in ("PROPN", "NOUN")]
    if not names:
        return None
    return speaker_from_head(para, names[-1], "cue", None)


# Right after a closing mark: '“...,” Toomey fumed', '“...,” said Skelly', '“...,” Nate Silver,
# the polling guru, tweeted'. A quote whose words end in a comma (or ?, !, a dash) goes on into
# its attribution, so the words right after the mark name who spoke even when the verb is no
# cue verb or the parser has not found its subject.
AFTER_CLOSE = re.compile(r"\s*[,?!—–-]*\s*[”\"’'»]+\s*")
TITLES = frozenset("mr mr. mrs mrs. ms ms. dr dr. sen. rep. gov. gen. lt. col. sgt. st.".split())


def adjacent_speaker(para: ParsedParagraph, after: int) -> Speaker | None:
    """The speaker named right after a quote that ends in a comma (`after`: paragraph offset
    of the end of the quoted words)."""
    match = AFTER_CLOSE.match(para.text, after)
    if match is None:
        return None
    mark = re.search(r"[”\"’'»]", match.group())
    ending = para.text[: match.start() + (mark.start() if mark else 0)].rstrip()
    if not ending.endswith((",", "?", "!", "—", "–", "-")):
        return None  # '“...” Then he left': a full stop ends the quote's sentence
    tokens = [t for t in para.doc if t.idx >= match.end()][:14]
    if not tokens:
        return None
    first = tokens[0]
    if first.is_lower and (first.pos_ in ("VERB", "AUX") or _cue_word(first)):
        return _with_verb(_run_speaker(para, tokens[1:]), para, first)  # '“...,” said Ann Lee'
    run = _run_speaker(para, tokens)
    if run is None or run.tokens is None:
        return None
    following = para.doc[run.tokens[1]] if run.tokens[1] < len(para.doc) else None
    if following is None or not (following.text == "," or following.pos_ in ("VERB", "AUX")):
        return None
    return _with_verb(run, para, following if following.pos_ in ("VERB", "AUX") else None)


def _with_verb(speaker: Speaker | None, para: ParsedParagraph, verb: Any) -> Speaker | None:
    """The speaker with the verb it goes with, so that '“A,” Lee grumbled, “B.”' is one quote."""
    if speaker is not None and verb is not None:
        speaker.cue = (para.index, verb.i)
    return speaker


def _run_speaker(para: ParsedParagraph, tokens: Sequence[Any]) -> Speaker | None:
    """A person's name or a short description at the head of `tokens`: "Pat Toomey",
    "the senator", "he", "Oversight ranking Democrat Elijah Cummings"."""
    if not tokens:
        return None
    run: list[Any] = []
    if tokens[0].lower_ in ("he", "she"):
        run = [tokens[0]]
    for k, token in enumerate(tokens if not run else ()):
        # A capitalised word is a name even where the tagger calls it something else
        # ("said Skelly" tagged as an adverb).
        nameish = token.pos_ in ("PROPN", "NOUN", "ADJ") or token.lower_ in TITLES
        nameish = nameish or (token.is_title and token.pos_ not in ("PRON", "VERB", "AUX"))
        # '“...,” Trump shot back': a capitalised subject is a name though tagged a verb.
        subject = token.dep_ in ("nsubj", "nsubjpass") and token.pos_ != "PRON"
        nameish = nameish or (token.is_title and subject)
        # The parser may tag a word of a long title as a verb ("ranking Democrat"): a name
        # right after it keeps the run going.
        titled = token.tag_ in ("VBG", "VBN") and k + 1 < len(tokens)
        titled = titled and tokens[k + 1].pos_ == "PROPN"
        opening = token.pos_ == "DET" and not run
        if not (nameish or titled or opening or token.text in ("'s", "’s")):
            break
        run.append(token)
    if not run or len(run) > 7:
        return None
    proper = any(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" or t.is_title for t in run)
    described = run[0].pos_ == "DET" and run[-1].pos_ == "NOUN"
    if not (proper or described or run[0].lower_ in ("he", "she")):
        return None
    head = next((t for t in reversed(run) if t.pos_ == "PROPN"), run[-1])
    start = para.offset + run[0].idx
    end = para.offset + run[-1].idx + len(run[-1])
    text = para.text[start - para.offset : end - para.offset]
    return Speaker(text, start, end, "adjacent", head, None, (run[0].i, run[-1].i + 1))


def governing_subject(para: ParsedParagraph, piece: tuple[int, int]) -> Speaker | None:
    """ "Sanders credited Clinton's victory to “a closed primary”": a quote inside the clause
    of a verb that is no cue verb, whose subject is a named person or "he"/"she"."""
    inside = [t for t in para.doc if piece[0] <= t.idx < piece[1] and not t.is_punct]
    if not inside:
        return None
    top = min(inside, key=lambda t: len(list(t.ancestors)))
    for verb in top.ancestors:
        if verb.pos_ not in ("VERB", "AUX") or in_spans(verb.idx, verb.idx + 1, [piece]):
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            continue
        subject = subjects[0]
        if (
            subject.ent_type_ == "PERSON"
            or subject.lower_ in ("he", "she")
            or (
                subject.pos_ == "PROPN"
                and subject.ent_type_ not in ("GPE", "LOC", "FAC", "WORK_OF_ART")
            )
        ):
            return speaker_from_head(para, subject, "governing", None)
        return None  # the nearest verb with a subject speaks of someone else, or of no one
    return None
