"""Cue-verb attribution: the verb that reports a quote ("said", "told", "according to",
"Trump's claim that") and the subject that names who speaks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from corroborate.quotes.speakers import ParsedParagraph, in_spans, tokens_within

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
    elaborate scold taunt gripe grouse opine posit read protest speculate brag marvel sigh
    implore confess rebut inquire aver exult theorize surmise grumble rant
    refer reference portray denounce laud confide relate pronounce advise discuss reprise
    publish express recognize intimate insinuate deride ridicule lambaste quote
    paraphrase disparage apologize vent rail fret hope fear interrupt heckle""".split()
)
MAX_CUE_DISTANCE = 160  # characters between a quote and a cue verb outside its clause


def paragraph_cues(para: ParsedParagraph, quoted: Sequence[tuple[int, int]]) -> list[Any]:
    """`cue_candidates` of the paragraph, found on the first call and kept on it; `quoted`
    must be the paragraph's quote spans of this run (the same at every call)."""
    if para.cues is None:
        para.cues = cue_candidates(para, quoted)
    return para.cues


def cue_candidates(para: ParsedParagraph, quoted: Sequence[tuple[int, int]]) -> list[Any]:
    """Cue verbs of a paragraph outside its quotation marks, with a subject to name."""
    found = []
    for token in para.doc:
        # The word tests first: they are cheap, and few tokens pass them.
        verb = token.pos_ in ("VERB", "AUX") and (
            (token.lemma_.lower() in CUE_LEMMAS and not _put_elsewhere(token))
            or _answers_back(token)
        )
        speech = _speech_noun(token) or _in_words(token)
        if not (verb or token.lower_ == "according" or speech or _finding(token)):
            continue
        if in_spans(token.idx, token.idx + len(token), quoted):
            continue
        subject = subject_of(token)
        # '“... #Cologne,” tweeted a user': a subject inside the quotation marks is a word of
        # the quote the parser misread, never who speaks.
        if subject is not None and not in_spans(subject.idx, subject.idx + len(subject), quoted):
            found.append(token)
    return found


def _put_elsewhere(token: Any) -> bool:
    """ "put" says words only as "put it" ("as he put it", "Berg put it bluntly") or "put
    X as “...”"; "Trump Would Put Liberals On Court" puts something somewhere."""
    return token.lemma_.lower() == "put" and not any(
        (c.dep_ == "dobj" and c.lower_ == "it") or (c.dep_ == "prep" and c.lower_ == "as")
        for c in token.subtree
    )


def _answers_back(token: Any) -> bool:
    """ "Hillary shot back, “...”", "Trump fired back", "her husband cut in", "Berg chimed
    in": a verb that says words only with its particle."""
    particle = PHRASAL_SPEECH.get(token.lemma_.lower())
    return particle is not None and any(
        c.dep_ in ("prt", "advmod", "prep") and c.lower_ == particle for c in token.children
    )


PHRASAL_SPEECH = {
    "shoot": "back",
    "fire": "back",
    "hit": "back",
    "snap": "back",
    "push": "back",
    "cut": "in",
    "chime": "in",
    "pipe": "up",
    "sum": "up",
}


# Nouns for what someone said: "Trump’s claim that there were “thousands of shootings”".
SPEECH_NOUNS = frozenset(
    """claim statement remark comment words assertion promise pledge description warning
    accusation argument suggestion response answer message vow boast insistence prediction
    allegation contention declaration announcement admission complaint dictum slogan motto
    mantra refrain phrase""".split()
)


def _in_words(token: Any) -> bool:
    """ "in Ann Lee's words", "in the words of a senior adviser": whose words the clause
    quotes. Not "in her words": the clause's own subject is that person, as written nearer."""
    if token.lower_ != "words" or token.head.lower_ != "in" or token.dep_ != "pobj":
        return False
    if any(c.dep_ in ("amod", "compound", "conj") for c in token.children):
        return False  # "in his stare and robotic words of introduction"
    return any(
        (c.dep_ == "poss" and c.pos_ != "PRON") or (c.dep_ == "prep" and c.lower_ == "of")
        for c in token.children
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
        owner = next((c for c in cue.children if c.dep_ == "poss"), None)
        of = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if owner is None and of is not None and _in_words(cue):
            owner = next((c for c in of.children if c.dep_ == "pobj"), None)
        return owner
    subjects = [
        c
        for c in cue.children
        if (c.dep_ in ("nsubj", "nsubjpass") and c.text.isalnum())
        or (c.dep_ in ("nsubj", "nsubjpass") and any(ch.isalpha() for ch in c.text))
        or _misread_name(c)
    ]
    if subjects:
        agent = _agent(cue)
        if agent is not None:
            return agent  # "has been called “strategic ambiguity” by Joshua Hendrick"
        # The subject nearest the verb: "... made public ― Trump boasted" has two.
        # "a fundraising email sent out by Sanders warned": the one who sent the text.
        subject = min(subjects, key=lambda c: abs(c.i - cue.i))
        return _poll_of(cue, subject) or _author_of(antecedent(subject))
    # "Asked by Thrush if Clinton “gets” race, Sharpton ...": a participle's own "by X".
    by = _by_agent(cue)
    if by is not None:
        return by
    # "He stressed and added, ...", "..., stating", "shared the news, writing ...": the verb
    # it hangs on has the subject (two steps up at most).
    named = _modal_name(cue)
    if named is not None:
        return named  # '“...,” Will wrote': George Will, not the modal
    if cue.dep_ == "acl" and cue.head.dep_ == "ROOT" and cue.head.pos_ in ("NOUN", "PROPN"):
        return cue.head  # "Her neighbour, a nurse, called ...": a finite verb read as a modifier
    if cue.dep_ == "acl" and cue.head.lemma_.lower() in WORN:
        return _publisher(cue.head)  # "held up a sign saying ...", "a hat reading ..."
    if cue.dep_ == "acl" and cue.head.lemma_.lower() in TEXTS | SPEECH_NOUNS:
        return _issuer(cue.head)  # "BLM issued a statement saying ...", "a letter stating ..."
    head = cue
    for _ in range(2):
        if head.dep_ not in ("conj", "advcl", "xcomp", "dep", "pcomp", "acl", "prep"):
            break
        if head.head.i == head.i:  # the root is its own head
            break
        control = head.dep_ == "xcomp"
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            doer = _controller(head) if control else None
            if doer is not None:
                return doer
            subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                # A person before a place the parse also made a subject: "Speaking in
                # Salem, New Hampshire, Trump went after Bush, calling him ...".
                people = [c for c in subjects if c.ent_type_ == "PERSON"]
                return antecedent((people or subjects)[0])
    if cue.pos_ not in ("VERB", "AUX"):
        return None
    return _participle_subject(cue) or _name_before_verb(cue)


# Verbs whose object does what follows ("prompted X to", "urged X to"); not "would like X
# to", where X is only wished to.
CAUSING = frozenset(
    """prompt urge ask lead force push cause encourage persuade invite inspire press drive
    spur challenge dare convince compel""".split()
)


# Heads of a share of those asked: "75 percent of Republicans", "the vast majority".
SHARES = frozenset("percent % majority minority plurality half third quarter most".split())
POLLS = frozenset("poll survey".split())


def _poll_of(cue: Any, subject: Any) -> Any:
    """ "In a September poll, 75 percent of Republicans said “...”", "Some 55 percent of
    voters said ..., according to a Quinnipiac poll": a share of those asked speaks through
    the poll the sentence names."""
    if subject.lemma_.lower() not in SHARES and not subject.like_num:
        return None
    return next((t for t in cue.sent if t.lemma_.lower() in POLLS and t.pos_ == "NOUN"), None)


def _misread_name(token: Any) -> bool:
    """ "Schilling describes himself as ...": a capitalised word ending in -ing that opens
    the sentence, read as a gerund subject, is a surname."""
    return bool(
        token.dep_ == "csubj"
        and token.is_title
        and token.i == token.sent.start
        and not any(True for _ in token.children)
    )


def _controller(verb: Any) -> Any:
    """Who does the verb after "prompted X to", "urged X to": the object X ("That prompted
    Rubio to call Trump “...”")."""
    if verb.lemma_.lower() not in CAUSING:
        return None
    return next(
        (c for c in verb.children if c.dep_ == "dobj" and _person_like(c) and c.lower_ not in MUTE),
        None,
    )


def _modal_name(cue: Any) -> Any:
    """A capitalised "modal" right before a cue verb in the past or -s form is a name ("Will
    wrote", "May says"): a modal takes the bare verb ("will write"), so the tagger misread a
    surname."""
    if cue.tag_ not in ("VBD", "VBN", "VBZ") or cue.i == 0:
        return None
    before = cue.doc[cue.i - 1]
    if before.tag_ == "MD" and before.is_title and before.dep_ == "aux" and before.head.i == cue.i:
        return before
    return None


def _agent(cue: Any) -> Any:
    """Who does a passive cue verb: X in "was described as “...” by X" (the parser may hang
    "by X" on the quoted words)."""
    if not any(c.dep_ == "nsubjpass" for c in cue.children):
        return None
    for token in cue.subtree:
        if token.i > cue.i and (token.dep_ == "agent" or token.lower_ == "by"):
            doer = next((g for g in token.children if g.dep_ == "pobj"), None)
            return doer if doer is not None and _person_like(doer) else None
    return None


def _by_agent(cue: Any) -> Any:
    """X in a passive participle's "by X" ("Asked by X if ...", "..., prompted by X")."""
    if cue.tag_ != "VBN":
        return None
    for child in cue.children:
        if child.dep_ == "agent":
            doer = next((g for g in child.children if g.dep_ == "pobj"), None)
            return doer if doer is not None and _person_like(doer) else None
    return None


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
            return antecedent(subjects[0]) if subjects else None
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
                return antecedent(child)
    return text


def antecedent(subject: Any) -> Any:
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


def is_cue_word(token: Any) -> bool:
    """A cue verb even where the tagger, misled by a capital, calls it a name ("Stated")."""
    word = token.lower_
    forms = {token.lemma_.lower(), word, word[:-1], word[:-2], word[:-3] + "y"}
    if "put" in forms and _put_elsewhere(token):
        return False  # '“...?” Nega put his house up for sale'
    return bool(forms & (CUE_LEMMAS - CLAUSE_ONLY)) or word in ("said", "told", "wrote")


# Cue verbs only through the clause they govern ("expressed frustration that ..."): after a
# closing mark ('in a clip that X called “distasteful,” Berg expressed a wish') they start
# a sentence of their own, and say nothing of the quote before them.
CLAUSE_ONLY = frozenset({"express"})


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
        return _publisher(source)
    for child in source.children:
        if child.dep_ == "poss" and _person_like(child):
            return child
        if child.dep_ in ("relcl", "acl"):
            for grandchild in child.children:
                if grandchild.dep_ == "nsubj" and _person_like(grandchild):
                    return grandchild
                # "a court document filed by state attorney Dave Aronberg"
                if grandchild.dep_ == "agent":
                    doer = next((g for g in grandchild.children if g.dep_ == "pobj"), None)
                    if doer is not None and _person_like(doer) and doer.lower_ not in MUTE:
                        return doer
    return _maker(source) or _publisher(source)


def _maker(said: Any) -> Any:
    """Who made the comment or gave the speech ("X made a comment that described them as
    “...”", "prompted X to make a comment that ..."): the subject of the verb whose object
    it is, or the one that verb's causing verb names; None when neither is a person, or when
    the text names its author ("X released a letter from his doctor": the doctor's words)."""
    verb = said.head
    if said.dep_ != "dobj" or verb.pos_ != "VERB":
        return None
    if any(c.dep_ == "prep" and c.lower_ in ("from", "by") for c in said.children):
        return None
    doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if doer is None and verb.dep_ == "xcomp":
        doer = _controller(verb.head)
    if doer is None:
        return None
    doer = antecedent(doer)
    return doer if _person_like(doer) and doer.lower_ not in MUTE else None


# What carries someone's words ("Sanders is releasing an ad that urges ...").
CARRIERS = frozenset(
    """video ad advertisement commercial spot documentary film sign banner poster flyer
    mailer statement message note""".split()
)
# What someone holds up or wears, that speaks for itself ("a sign saying “...”").
WORN = frozenset("sign banner poster placard hat cap shirt t-shirt button sticker".split())
# Verbs that make the one who does them the author of what they put out.
PUBLISHING = frozenset(
    "release issue publish air run launch unveil premiere produce send post circulate".split()
)


def _publisher(source: Any) -> Any:
    """Who put out the ad or video that speaks: the subject of "released" in "Trump released
    a marketing video that said ..." (but "He held up a sign that read ..." is the sign's)."""
    if source.pos_ != "NOUN" or source.dep_ != "dobj" or source.lemma_.lower() not in CARRIERS:
        return source
    if any(c.dep_ == "poss" for c in source.children) or source.head.lemma_ not in PUBLISHING:
        return source
    subject = next((c for c in source.head.children if c.dep_ == "nsubj"), None)
    if subject is not None and _person_like(subject) and subject.lower_ not in MUTE:
        return antecedent(subject)
    return source


TEXTS = frozenset(
    "speech interview letter memo tweet post op-ed column book testimony remarks report article "
    "essay study email release".split()
)


def holds(cue: Any, para: ParsedParagraph, piece: tuple[int, int]) -> bool:
    """Whether the quote piece (offsets in the paragraph) stands in the cue's clause."""
    subtree = _held(cue)
    return any(piece[0] <= t.idx < piece[1] and t.i in subtree for t in para.doc)


def choose_cue(para: ParsedParagraph, piece: tuple[int, int], candidates: Sequence[Any]) -> Any:
    """The cue verb for a quote piece (offsets in the paragraph), or None."""
    if candidates is not para.cues:
        return _choose_cue(para, piece, candidates)
    key = ("choose_cue", piece)
    if key not in para.memo:
        para.memo[key] = _choose_cue(para, piece, candidates)
    return para.memo[key]


def _choose_cue(para: ParsedParagraph, piece: tuple[int, int], candidates: Sequence[Any]) -> Any:
    inside = [t for t in tokens_within(para.doc, *piece) if not t.is_punct]
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
    best: tuple[tuple[bool, int], Any] | None = None
    for cue in candidates:
        if cue.pos_ == "NOUN" and not _in_words(cue):
            continue  # "Trump’s claim" speaks only for the quote it holds
        if _subordinate(cue):
            continue  # '..., after de Blasio stated an interest in it. “...”': a circumstance
        distance = max(piece[0] - (cue.idx + len(cue)), cue.idx - piece[1], 0)
        own = cue.sent.start in sentences
        # The quote's own sentence first: in 'X, Rubio said, had been ... and passed “...”.
        # That's bad, according to Rubio' the "said" is farther but reports the words.
        rank = (not own, distance)
        near = own or _adjacent(cue.sent, inside)
        if near and distance <= MAX_CUE_DISTANCE and (best is None or rank < best[0]):
            best = (rank, cue)
    return best[1] if best else None


SUBORDINATORS = frozenset("after before when once until".split())


def _subordinate(cue: Any) -> bool:
    """A cue in a clause that only sets the time of another ("after X stated ...", "when X
    said ..."): it speaks for the quotes it holds, not for those near it. ("While he said
    ..., the US will “...”" is his speech: "while" concedes, it sets no time here.)"""
    for verb in (cue, *(a for a in cue.ancestors if a.pos_ in ("VERB", "AUX"))):
        if any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in verb.children):
            return True
        if verb.dep_ != "conj":
            return False
    return False


# Subjects that name no one who could have spoken: '... said it would tell "...."', a
# generic "you" ('he notes that you cannot yell "fire"').
MUTE = frozenset({"it", "its", "this", "that", "which", "you"})


def is_mute(subject: Any) -> bool:
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
    if any(c.dep_ in ("appos", "conj") and c.ent_type_ == "PERSON" for c in token.children):
        return True  # "the Latvian journalist Dainis Ivans": a role heading the name
    if token.ent_type_:
        return bool(token.ent_type_ in ("PERSON", "ORG", "NORP"))
    return bool(token.pos_ == "PROPN")


def _held(cue: Any) -> set[int]:
    """The tokens a cue speaks for: its clause; for "according to X, ..." and "..., as X put
    it" the clause that the phrase modifies (the quote is there, not under the cue); for a
    speech noun its content clause only ("Trump’s claim [that ...]", not "Trump’s statement
    about “...” is true", which is the judge's), or what a copula says it was ("Berg’s
    answer was [that ...]")."""
    if _in_words(cue):
        return {t.i for t in cue.head.head.subtree}  # "…, in Forbes' words, “...”"
    if cue.pos_ == "NOUN":
        held = {t.i for c in cue.children if c.dep_ in ("acl", "ccomp") for t in c.subtree}
        if cue.dep_ == "nsubj" and cue.head.lemma_ == "be":
            # "Berg’s answer was that “...”": the clause the copula says the words were.
            # Only a clause: in "Trump’s claim was “false”" the words judge the claim.
            held |= {t.i for c in cue.head.children if c.dep_ == "ccomp" for t in c.subtree}
        return held
    hedge = cue.lower_ == "according" or any(
        c.dep_ == "mark" and c.lower_ == "as" for c in cue.children
    )
    return {t.i for t in (cue.head if hedge else cue).subtree}


def _adjacent(sentence: Any, inside: Sequence[Any]) -> bool:
    """The sentence right after the quote's last or right before its first."""
    return bool(sentence.start == inside[-1].sent.end or sentence.end == inside[0].sent.start)
