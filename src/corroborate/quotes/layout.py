"""Speakers the page layout gives: a name line after a quote paragraph, "Name: ...",
"X retorted: “...”", "...” ― Name", "“...,” said Ann Lee", "He said:" before a quote, and
the subject of a clause that holds a quote under no cue verb.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from corroborate.quotes.cues import (
    CUE_LEMMAS,
    MUTE,
    antecedent,
    is_cue_word,
    paragraph_cues,
    subject_of,
)
from corroborate.quotes.speakers import (
    WHO_POS,
    ParsedParagraph,
    Speaker,
    in_spans,
    is_person,
    speaker_from_head,
    tokens_within,
)


def name_line(para: ParsedParagraph) -> Speaker | None:
    """A paragraph that holds only a person's name (perhaps with a role after a comma)."""
    if any(c in para.text for c in '"“”«»'):
        return None
    words = []
    for token in para.doc:
        if not token.is_punct and not token.is_space:
            words.append(token)
            if len(words) > 8:
                return None
    if not words:
        return None
    # "- Jane Roe, Springfield." signs the quote above it: a leading dash allows a full stop.
    signed = para.text.lstrip()[:1] in "-—–―" and not para.text.rstrip().endswith((":", "?"))
    if para.text.rstrip().endswith((".", ":", "?", "!")) and not signed:
        return None
    people = [e for e in para.doc.ents if e.label_ == "PERSON"]
    first_part = [t for t in words if t.i < _comma_index(para.doc)]
    named = bool(people) and people[0].start <= first_part[0].i + 1 if first_part else False
    all_proper = bool(first_part) and all(t.pos_ == "PROPN" for t in first_part)
    led = _role_led(first_part, people)
    if not (named or led or (all_proper and len(first_part) <= 4)):
        return None
    if any(t.pos_ in ("VERB", "AUX") and not t.is_title for t in first_part):
        return None
    if led:
        people = [e for e in people if e.end == first_part[-1].i + 1]
    start = para.offset + words[0].idx
    end = para.offset + words[-1].idx + len(words[-1])
    head = people[0].root if people else first_part[-1]
    text = para.text[words[0].idx : end - para.offset]
    return Speaker(text, start, end, "name-line", head, None, (words[0].i, words[-1].i + 1))


# Words a role before a name on a signature line is made of ("Transport secretary", "Chief
# executive", "Harbour minister"): no verb, article or preposition ("Reporting by Ann Lee").
ROLE_POS = frozenset({"NOUN", "PROPN", "ADJ"})


def _role_led(first_part: list[Any], people: list[Any]) -> bool:
    """A signature line whose name comes after a short role, "Transport secretary Ann Lee":
    the words before a PERSON name that ends the line's first part are a role of at most
    four nouns or adjectives, one of them in lower case (a run of capitalised words is a
    name, or a headline, not a role)."""
    if not first_part:
        return False
    last = first_part[-1].i + 1
    name = next((e for e in people if e.end == last), None)
    if name is None:
        return False
    role = [t for t in first_part if t.i < name.start]
    return (
        1 <= len(role) <= 4
        and all(t.pos_ in ROLE_POS for t in role)
        and any(t.is_lower for t in role)
    )


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
        return _glued_label(para, before)
    named = _name_before(para, len(before) - 1)
    if named is not None:
        return named  # "Headline - Philip Bump: “...”"
    for clause in [*_clauses_ending(colon[0]), colon[0].sent.root]:
        for child in clause.children:
            someone = child.ent_type_ in ("PERSON", "ORG", "NORP") or child.pos_ in WHO_POS
            someone = someone and child.lower_ not in MUTE | {"what"}
            if child.dep_ in ("nsubj", "nsubjpass") and child.i < colon[0].i and someone:
                return speaker_from_head(para, antecedent(child), "colon", None)
    # "..., her adviser, Jake Sullivan, said: “...”" where the parse gave "said" no subject:
    # the last person named before a cue verb that ends the clause.
    if colon[0].i == 0 or not is_cue_word(para.doc[colon[0].i - 1]):
        return None
    sentence_start = colon[0].sent.start
    people = [
        e for e in para.doc.ents if e.label_ == "PERSON" and sentence_start <= e.start < colon[0].i
    ]
    if not people:
        return None
    return speaker_from_head(para, people[-1].root, "colon", None)


# A transcript line's label: 'Rep. Tomas Varga (R-Ore.):"...' (a name, maybe a party tag).
LABEL = re.compile(r"(?P<name>[A-Z][^:;!?\"“”]{1,80}?)\s*(?:\([^()]{1,20}\))?\s*:$")


def _glued_label(para: ParsedParagraph, before: str) -> Speaker | None:
    """ "Former mayor Ilsa Marrow:“We ...”": a transcript label with no space after the colon,
    which the tokenizer glues to the quote's first word (so no colon token is found). The
    label is the whole text before the colon: a few words with no verb, naming someone."""
    match = LABEL.fullmatch(before)
    words = match.group("name").split() if match is not None else []
    # A name ends in a capitalised word ("... Ilsa Marrow:"), a clause in a verb ("he said:").
    if match is None or len(words) > 8 or not words[-1][:1].isupper():
        return None
    end = match.end("name")
    if any(t.pos_ in ("VERB", "AUX") for t in para.doc if t.idx + len(t) <= end):
        return None
    named = any(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in para.doc if t.idx < end)
    if not (named or match.group("name").isupper()):  # "VARGA:" in capitals is a label too
        return None
    start = para.offset
    return Speaker(match.group("name"), start, start + end, "colon", None, None, None)


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
    if not 2 <= len(words) <= 6 or not words[0].is_title or not is_cue_word(words[0]):
        return None
    names = [t for t in words[1:] if t.pos_ in ("PROPN", "NOUN")]
    return speaker_from_head(para, names[-1], "colon", None) if names else None


def _name_before(para: ParsedParagraph, colon: int) -> Speaker | None:
    """ "...doesn't surprise pollster Daron Shaw: “...”": a person named right before a colon."""
    for ent in para.doc.ents:
        # A name after the colon is no name before it (the slice would be empty).
        right_before = ent.end_char <= colon and not para.text[ent.end_char : colon].strip()
        if ent.label_ == "PERSON" and right_before:
            doer = _doer_of(ent.root, para)
            if doer is not None:
                return speaker_from_head(para, doer, "colon", None)
            headline = _headline_subject(para, ent)
            if headline is not None:
                return headline
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


# Verbs a headline puts between who speaks and whom: "Berg Praises Ann Lee: “...”".
HEADLINE_VERBS = CUE_LEMMAS | frozenset(
    "endorse back thank defend attack rip hit mock congratulate challenge".split()
)


def _headline_subject(para: ParsedParagraph, name: Any) -> Speaker | None:
    """ "Tomas Berg Praises Harbour Editor Ann Lee: ‘...’": a title-case headline the parse
    read as one long name; the words before its verb (a capitalised -s form) speak."""
    start = name.sent.start
    for token in para.doc[start + 1 : name.start]:
        word = token.lower_
        if token.is_title and word.endswith("s") and {word[:-1], word[:-2]} & HEADLINE_VERBS:
            return _short_name(para, para.doc[start].idx, token.idx, "colon")
    return None


def _doer_of(name: Any, para: ParsedParagraph) -> Any:
    """ "Fiorina Endorses Ted Cruz: “...”", "McConnell delivered a message to Trump: “...”":
    for a name that is the object of a verb (or of "to" after it) whose subject is a person,
    that subject, who speaks; else None ("... doesn't surprise pollster Daron Shaw:", whose
    subject is a thing, leaves the name as the speaker)."""
    to = name.dep_ == "pobj" and name.head.lower_ == "to"  # who was addressed
    if not (to or name.dep_ in ("dobj", "dative")):
        return None
    for verb in name.ancestors:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and (is_person(subject, para) or subject.lower_ in ("he", "she")):
            return subject
        return None
    return None


def subject_before(para: ParsedParagraph) -> Speaker | None:
    """The one the paragraph before a stand-alone quote is about: its last sentence's main
    subject, when that is a named person or organisation, or "he"/"she"."""
    if "subject_before" not in para.memo:
        para.memo["subject_before"] = _subject_before(para)
    found: Speaker | None = para.memo["subject_before"]
    return found


def _subject_before(para: ParsedParagraph) -> Speaker | None:
    sentences = list(para.doc.sents)
    if not sentences:
        return None
    root = sentences[-1].root
    for child in root.children:
        if child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if child.ent_type_ in ("PERSON", "ORG") or child.lower_ in ("he", "she"):
            return speaker_from_head(para, child, "previous-subject", None)
        if is_person(child, para):
            return speaker_from_head(para, child, "previous-subject", None)
    return _reporter_before(para, sentences[-1])


def _reporter_before(para: ParsedParagraph, sentence: Any) -> Speaker | None:
    """ "If anything, Ash argued in his email, the rules are to blame." then the quote: a
    person who reports something in the last sentence, the main clause being about a thing,
    or who speaks there ("..., since Trump spoke only in bromides during the interview." then
    the quotes: "speak" names no words, so it is no cue verb elsewhere)."""
    cues = [c for c in paragraph_cues(para, []) if sentence.start <= c.i < sentence.end]
    cues += [t for t in sentence if t.pos_ == "VERB" and t.lemma_ in ("speak", "talk")]
    for cue in cues:
        subject = subject_of(cue)
        if subject is not None and (is_person(subject, para) or subject.lower_ in ("he", "she")):
            return speaker_from_head(para, subject, "previous-subject", cue)
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


# An aside set off by dashes: "including Mitt Romney -- “It is disqualifying ...” -- and".
ASIDE_OPEN = re.compile(r"(?:--|[—–])\s*$")
ASIDE_CLOSE = re.compile(r"^[\s.,]*(?:--|[—–])")
MARKS = "\"'“”‘’«»„ "


def aside_speaker(para: ParsedParagraph, piece: tuple[int, int]) -> Speaker | None:
    """A quote between dashes right after a person's name ("Mitt Romney -- “...” --") is
    that person's: the name, not the clause around the aside, says who speaks."""
    before = para.text[: piece[0]].rstrip(MARKS)
    opening = ASIDE_OPEN.search(before)
    if opening is None or not ASIDE_CLOSE.match(para.text[piece[1] :].lstrip(MARKS)):
        return None
    name = [t for t in para.doc if t.idx + len(t) <= opening.start() and not t.is_space]
    if not name or not is_person(name[-1], para):
        return None
    # The phrase up to the name: the parse may hang the aside and what follows on it.
    speaker = speaker_from_head(para, name[-1], "dash", None)
    left = speaker.tokens[0] if speaker.tokens is not None else name[-1].i
    return _short_name(para, para.doc[left].idx, name[-1].idx + len(name[-1]), "dash")


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
    candidates = paragraph_cues(para, quoted)
    if not candidates:
        return _inverted_lead_in(para)
    cue = candidates[-1]
    return speaker_from_head(para, subject_of(cue), "cue", cue)


def _inverted_lead_in(para: ParsedParagraph) -> Speaker | None:
    """ "Stated Stone:" or "Said the minister:": a short line of a cue verb and a name."""
    words = [t for t in para.doc if not t.is_punct]
    if not 2 <= len(words) <= 6 or not is_cue_word(words[0]):
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
    if first.is_lower and (first.pos_ in ("VERB", "AUX") or is_cue_word(first)):
        return _with_verb(_run_speaker(para, tokens[1:]), para, first)  # '“...,” said Ann Lee'
    run = _run_speaker(para, tokens)
    if run is None or run.tokens is None:
        return None
    following = para.doc[run.tokens[1]] if run.tokens[1] < len(para.doc) else None
    if following is None or not (following.text == "," or following.pos_ in ("VERB", "AUX")):
        return _run_ending_in_cue(para, tokens, run)
    return _with_verb(run, para, following if following.pos_ in ("VERB", "AUX") else None)


def _run_ending_in_cue(
    para: ParsedParagraph, tokens: Sequence[Any], run: Speaker
) -> Speaker | None:
    """ "“...,” the editorial read.", "“...,” the Saudis state in the paper": the tagger took
    the cue verb for a noun of the run; the words before it are who speaks."""
    if run.tokens is None or run.tokens[1] - run.tokens[0] < 2:
        return None
    verb = para.doc[run.tokens[1] - 1]
    if not (verb.is_lower and is_cue_word(verb)):
        return None
    words = [t for t in tokens if t.i < verb.i]
    speaker = _run_speaker(para, words)
    if speaker is None and words[0].pos_ == "DET" and len(words) > 1:
        # "the editorial", its noun tagged an adjective as the verb after it was a noun
        start, end = para.offset + words[0].idx, para.offset + words[-1].idx + len(words[-1])
        text = para.text[start - para.offset : end - para.offset]
        span = (words[0].i, words[-1].i + 1)
        speaker = Speaker(text, start, end, "adjacent", words[-1], None, span)
    return _with_verb(speaker, para, verb)


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
    inside = [t for t in tokens_within(para.doc, *piece) if not t.is_punct]
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
        # A group ("The Lindqvists", "Democrats", a nationality) frames words, not one voice.
        if (
            is_person(subject, para)
            or subject.lower_ in ("he", "she")
            or (
                subject.pos_ == "PROPN"
                and subject.ent_type_ not in ("GPE", "LOC", "FAC", "WORK_OF_ART", "NORP")
                and subject.tag_ != "NNPS"
            )
        ):
            return speaker_from_head(para, subject, "governing", None)
        if verb.dep_ == "ccomp" and verb.head.pos_ in ("VERB", "AUX"):
            # "Ryan worried that the safety net was becoming “a hammock ...”": the clause's
            # subject is a thing, and the clause is what the verb above it says or thinks.
            continue
        return None  # the nearest verb with a subject speaks of someone else, or of no one
    return None
