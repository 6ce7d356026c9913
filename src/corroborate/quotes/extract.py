"""The quotes of one article: spans, speakers as written, and who they resolve to.

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

from corroborate.quotes.marks import QuoteSpan, find_quote_spans
from corroborate.quotes.people import Person, PersonRegistry
from corroborate.quotes.speakers import (
    PRONOUNS,
    ParsedParagraph,
    Speaker,
    adjacent_speaker,
    choose_cue,
    colon_speaker,
    cue_candidates,
    dash_speaker,
    governing_subject,
    introducer,
    inverted_introducer,
    lead_in,
    name_line,
    outer_cue,
    speaker_from_head,
    subject_before,
    subject_of,
)
from corroborate.records import Article

MIN_UNATTRIBUTED_WORDS = 6  # shorter quotes with no speaker are scare quotes or titles
SUBJECT_DEPS = ("nsubj", "nsubjpass")


@dataclass(slots=True)
class Found:
    """One quote in one article, with its speaker as written and as resolved."""

    article: str
    pieces: list[tuple[int, int]]  # offsets into Article.text, quotation marks excluded
    text: str  # the quoted words: pieces joined by " … " across an attribution, else by " "
    partial: bool  # a few words embedded in reported speech
    speaker: Speaker | None
    person: Person | None
    label: str | None  # the person's name, else the description as written
    paragraphs: tuple[int, int] = (0, 0)  # indexes of its first and last kept paragraph


@dataclass(slots=True)
class Reported:
    """A sentence of reported speech: a cue verb whose subject resolves to someone."""

    article: str
    start: int
    end: int
    text: str
    person: Person | None
    label: str | None
    speaker: Speaker
    content: str = ""  # what is reported: the cue verb's clause ("that walls ... out")


@dataclass(slots=True)
class Timeline:
    """People named in one article, in text order, for pronouns and descriptions."""

    offsets: list[int] = field(default_factory=list)
    entries: list[tuple[Person, bool]] = field(default_factory=list)  # (person, main subject)

    def add(self, offset: int, person: Person, main: bool) -> None:
        at = bisect.bisect_right(self.offsets, offset)
        self.offsets.insert(at, offset)
        self.entries.insert(at, (person, main))

    def before(self, offset: int) -> list[Person]:
        return [p for p, _ in self.entries[: bisect.bisect_left(self.offsets, offset)]]

    def antecedent(self, offset: int, pronoun: str = "") -> Person | None:
        """The last person named as a main subject before `offset` that the pronoun fits,
        else the last person named at all that it fits."""
        earlier = [
            (p, main)
            for p, main in self.entries[: bisect.bisect_left(self.offsets, offset)]
            if p.fits(pronoun)
        ]
        for person, main in reversed(earlier):
            if main:
                return person
        return earlier[-1][0] if earlier else None


def parsed_paragraphs(article: Article, docs: list[tuple[Any, Any]]) -> list[ParsedParagraph]:
    return [
        ParsedParagraph(i, p.start, article.text[p.start : p.end], doc)
        for i, (p, doc) in enumerate(docs)
    ]


def person_names(paras: list[ParsedParagraph]) -> list[tuple[str, str | None]]:
    """Every PERSON name in the paragraphs with the role words written before it."""
    names = []
    for para in paras:
        for ent in para.doc.ents:
            if ent.label_ == "PERSON":
                names.append((ent.text, role_before(ent)))
    return names


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
    return text or None


def is_main_subject(token: Any) -> bool:
    while token.dep_ in ("appos", "compound") and token.head.i != token.i:
        token = token.head
    if token.dep_ not in SUBJECT_DEPS:
        return False
    verb = token.head
    return bool(verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"))


def build_timeline(paras: list[ParsedParagraph], registry: PersonRegistry) -> Timeline:
    timeline = Timeline()
    for para in paras:
        for ent in para.doc.ents:
            if ent.label_ != "PERSON":
                continue
            offset = para.offset + ent.start_char
            person = registry.lookup(ent.text, timeline.before(offset))
            if person is not None:
                _note_title(person, ent)
                main = is_main_subject(ent.root)
                timeline.add(offset, person, main)
                if main:
                    _note_pronoun(person, ent)
    return timeline


# A courtesy title says which pronoun fits ("Mr. Daley" is no "she").
TITLE_PRONOUN = {"mr": "he", "mr.": "he", "mrs": "she", "mrs.": "she", "ms": "she", "ms.": "she"}
TITLE_PRONOUN["miss"] = "she"


def _note_title(person: Person, ent: Any) -> None:
    """Count a title before or at the start of the name as strong pronoun evidence."""
    first = ent.doc[ent.start]
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    for token in (first, before):
        pronoun = TITLE_PRONOUN.get(token.lower_) if token is not None else None
        if pronoun is not None:
            person.pronouns[pronoun] += 2
            return


def _note_pronoun(person: Person, ent: Any) -> None:
    """ "Marrow said she ...": the first he/she after a main subject in its sentence."""
    for token in ent.sent:
        if token.i >= ent.end and token.lower_ in ("he", "she", "his", "her", "him"):
            person.pronouns["he" if token.lower_ in ("he", "his", "him") else "she"] += 1
            return


def resolve(
    speaker: Speaker, registry: PersonRegistry, timeline: Timeline
) -> tuple[Person | None, str | None]:
    """The person a written speaker means, and the label to show when none fits."""
    head = speaker.head
    recent = timeline.before(speaker.start)
    if head is not None and head.lower_ in PRONOUNS:
        # "his claim": a possessive means whom the subject form would ("he").
        pronoun = {"his": "he", "her": "she", "him": "he", "its": "it", "their": "they"}.get(
            head.lower_, head.lower_
        )
        if pronoun in ("they", "we", "it"):
            return None, None
        return _named(timeline.antecedent(speaker.start, pronoun))
    if head is not None and speaker.tokens is not None:
        low, high = speaker.tokens
        for ent in head.doc.ents:
            if ent.label_ == "PERSON" and low <= ent.start and ent.end <= high:
                person = registry.lookup(ent.text, recent)
                if person is not None:
                    registry.note_role(person, _role_in(speaker.text, ent.text))
                    return _named(person)
    proper = _proper_run(speaker.text)
    if proper:
        person = registry.lookup(proper, recent) or registry.add(proper)
        if person is not None:
            registry.note_role(person, _role_in(speaker.text, proper))
            return _named(person)
    if head is not None and head.lower_ in ("it", "this", "that", "which", "who"):
        return None, None
    if head is None or _indefinite(head):
        return None, speaker.text
    person = registry.describe(speaker.text, head.lemma_, recent)
    return (person, person.name) if person else (None, speaker.text)


def _named(person: Person | None) -> tuple[Person | None, str | None]:
    return person, person.name if person else None


def _role_in(phrase: str, name: str) -> str | None:
    """ "the union's chair" in "Bram Esterhuys, the union's chair": the phrase less the name."""
    rest = phrase.replace(name, " ")
    rest = re.sub(r"^\W*(?:the|a|an)\s+", "", rest.strip(" ,;:()—–-"), flags=re.IGNORECASE)
    rest = re.sub(r"\s+", " ", rest).strip(" ,;:()—–-")
    words = rest.split()
    if not 1 <= len(words) <= 8 or not any(w[:1].isalpha() for w in words):
        return None
    return rest


def _proper_run(text: str) -> str | None:
    """The last run of capitalised words in the speaker phrase ("Governor Marrow")."""
    runs = [r.strip() for r in re.findall(r"(?:[A-Z][\w’'.-]+\s?)+", text)]
    runs = [r for r in runs if r and r.lower() not in ("the", "a", "an")]
    return runs[-1] if runs else None


def _indefinite(head: Any) -> bool:
    """ "a NATO diplomat", "officials", "sources": nobody in particular."""
    if head.tag_ in ("NNS", "NNPS") and head.pos_ == "NOUN":
        return True
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "some", "one") for c in head.children)


def quotes_of_article(
    article: Article, paras: list[ParsedParagraph], registry: PersonRegistry
) -> tuple[list[Found], list[Reported]]:
    """Every quote of one article with its speaker, and its sentences of reported speech."""
    spans = find_quote_spans([(p.offset, p.text) for p in paras])
    quoted: dict[int, list[tuple[int, int]]] = {}
    for span in spans:
        for piece in span.pieces:
            offset = paras[piece.paragraph].offset
            quoted.setdefault(piece.paragraph, []).append(
                (piece.start - offset, piece.end - offset)
            )
    timeline = build_timeline(paras, registry)
    cues, reported = _resolve_cues(article, paras, quoted, registry, timeline)
    found: list[Found] = []
    previous: tuple[Found, int] | None = None  # the last quote and its last paragraph
    for span in spans:
        speaker = _attribute(span, paras, quoted, previous)
        person: Person | None = None
        label: str | None = None
        if speaker is not None:
            known = cues.get(speaker.cue) if speaker.cue is not None else None
            if speaker.how == "adjacent":
                # Named right after the quote: that name, not what the parser made the verb's
                # subject, is who speaks; quotes carried on from this one say the same.
                known = resolve(speaker, registry, timeline)
                if speaker.cue is not None:
                    cues[speaker.cue] = known
            person, label = known or resolve(speaker, registry, timeline)
        item = _found(article, span, speaker, person, label)
        if _keep(item, span, paras):
            found.append(item)
            previous = (item, span.pieces[-1].paragraph)
    return _merge_broken(found), reported


def _resolve_cues(
    article: Article,
    paras: list[ParsedParagraph],
    quoted: dict[int, list[tuple[int, int]]],
    registry: PersonRegistry,
    timeline: Timeline,
) -> tuple[dict[Any, tuple[Person | None, str | None]], list[Reported]]:
    """Resolve every cue verb's subject in text order; resolved ones become antecedents."""
    cues: dict[Any, tuple[Person | None, str | None]] = {}
    reported: list[Reported] = []
    for para in paras:
        for cue in cue_candidates(para, quoted.get(para.index, [])):
            speaker = speaker_from_head(para, subject_of(cue), "cue", cue)
            person, label = resolve(speaker, registry, timeline)
            cues[speaker.cue] = (person, label)
            if person is not None:
                # "a deal Trump has vowed to reach" names no antecedent for a later "he".
                timeline.add(speaker.start, person, is_main_subject(subject_of(cue)))
            sent = cue.sent
            start = para.offset + sent.start_char
            reported.append(
                Reported(
                    article.id,
                    start,
                    para.offset + sent.end_char,
                    sent.text,
                    person,
                    label,
                    speaker,
                    _reported_clause(cue) or _without(sent, speaker, para.offset),
                )
            )
    return cues, reported


def _reported_clause(cue: Any) -> str | None:
    """The clause a cue verb reports ("said [the pier would reopen]"), when the parse has one."""
    for child in cue.children:
        if child.dep_ in ("ccomp", "xcomp", "dobj") and child.i > cue.i:
            tokens = list(child.subtree)
            return str(cue.doc[tokens[0].i : tokens[-1].i + 1].text)
    return None


def _without(sentence: Any, speaker: Speaker, offset: int) -> str:
    """The sentence's text with the speaker phrase cut out."""
    start, end = speaker.start - offset - sentence.start_char, speaker.end - offset
    end -= sentence.start_char
    text = str(sentence.text)
    return f"{text[: max(0, start)]} {text[max(0, end) :]}"


def _attribute(
    span: QuoteSpan,
    paras: list[ParsedParagraph],
    quoted: dict[int, list[tuple[int, int]]],
    previous: tuple[Found, int] | None,
) -> Speaker | None:
    """The speaker as written for one quote (see the order in `speakers`)."""
    return _attribute_within(span, paras, quoted) or _attribute_around(
        span, paras, quoted, previous
    )


def _attribute_within(
    span: QuoteSpan, paras: list[ParsedParagraph], quoted: dict[int, list[tuple[int, int]]]
) -> Speaker | None:
    """A speaker in the quote's own paragraph: cue verb, "― Name", "X retorted:", "Name:"."""
    first, last = span.pieces[0], span.pieces[-1]
    end_para = paras[last.paragraph]
    adjacent = adjacent_speaker(end_para, last.end - end_para.offset)
    named = adjacent is not None and adjacent.head is not None and adjacent.head.pos_ == "PROPN"
    start_para = paras[first.paragraph]
    inverted = inverted_introducer(start_para, first.start - start_para.offset)
    if inverted is not None:
        return inverted
    for piece in (first, last) if first.paragraph != last.paragraph else (first,):
        para = paras[piece.paragraph]
        local = (piece.start - para.offset, piece.end - para.offset)
        candidates = cue_candidates(para, quoted.get(para.index, []))
        cue = choose_cue(para, local, candidates)
        if cue is not None:
            cue = outer_cue(cue, candidates)
            speaker = speaker_from_head(para, subject_of(cue), "cue", cue)
            if adjacent and named and not adjacent.start <= speaker.start < adjacent.end:
                # '“...,” Gene Sperling, an adviser, said': a name right after the closing
                # mark is surer than the parse, which gave the verb another subject.
                return adjacent
            return speaker
    if named:
        return adjacent
    dash = dash_speaker(end_para, last.end - end_para.offset)
    if dash is not None:
        return dash
    if adjacent is not None:
        return adjacent
    para = paras[first.paragraph]
    local = (first.start - para.offset, first.end - para.offset)
    return (
        introducer(para, first.start - para.offset)
        or colon_speaker(para, local)
        or governing_subject(para, local)
    )


def _attribute_around(
    span: QuoteSpan,
    paras: list[ParsedParagraph],
    quoted: dict[int, list[tuple[int, int]]],
    previous: tuple[Found, int] | None,
) -> Speaker | None:
    """A speaker in the paragraphs around: a name line after, "He said:" or the paragraph's
    subject before, or the previous quote's speaker."""
    first, last = span.pieces[0], span.pieces[-1]
    whole = _all_quote(paras[first.paragraph], quoted) and _all_quote(paras[last.paragraph], quoted)
    if whole and last.paragraph + 1 < len(paras):
        named = name_line(paras[last.paragraph + 1])
        if named is not None:
            return named
    if whole and first.paragraph > 0:
        before = paras[first.paragraph - 1]
        found = lead_in(before, quoted.get(before.index, []))
        if found is None and not quoted.get(before.index):
            found = subject_before(before)
        if found is not None:
            return found
    # A paragraph of quotation right after a quoted paragraph goes on with the same speaker
    # ('“...,” Clinton said.' then '“And that is why ...”'), unless a name line ended that one;
    # so does a second quote in the paragraph ('“A,” Spencer said, as ... . “B.”').
    same_paragraph = previous is not None and previous[1] == first.paragraph
    if (whole or same_paragraph) and previous is not None and previous[1] >= first.paragraph - 1:
        speaker = previous[0].speaker
        if speaker is not None and speaker.how != "name-line":
            return Speaker(
                speaker.text,
                speaker.start,
                speaker.end,
                "carried",
                speaker.head,
                speaker.cue,
                speaker.tokens,
            )
    return None


def _all_quote(para: ParsedParagraph, quoted: dict[int, list[tuple[int, int]]]) -> bool:
    """Whether the paragraph is quotation and little else (marks, a dash, a full stop)."""
    inside = sum(e - s for s, e in quoted.get(para.index, []))
    return inside >= 0.8 * len(para.text.strip())


def _found(
    article: Article,
    span: QuoteSpan,
    speaker: Speaker | None,
    person: Person | None,
    label: str | None,
) -> Found:
    pieces = [(p.start, p.end) for p in span.pieces]
    text = " ".join(article.text[s:e] for s, e in pieces)
    spread = (span.pieces[0].paragraph, span.pieces[-1].paragraph)
    return Found(article.id, pieces, text, is_partial(text), speaker, person, label, spread)


def is_partial(text: str) -> bool:
    """A few words, or words that start mid-sentence: a fragment inside reported speech."""
    return len(text.split()) <= 3 or (not text[:1].isupper() and not text[:1].isdigit())


def span_is_partial(span: QuoteSpan, paras: list[ParsedParagraph]) -> bool:
    piece = span.pieces[0]
    para = paras[piece.paragraph]
    return is_partial(para.text[piece.start - para.offset : piece.end - para.offset])


def _keep(item: Found, span: QuoteSpan, paras: list[ParsedParagraph]) -> bool:
    """Drop what only looks like a quote: scare quotes, titles, nicknames."""
    words = item.text.split()
    if sum(c.isalnum() for c in item.text) < 2 and not any(c.isdigit() for c in item.text):
        return False  # "R" in "(R-Texas)", a lone mark
    if item.speaker is None:
        return len(words) >= MIN_UNATTRIBUTED_WORDS and not _title_case(words)
    return not _looks_like_title(item, span, paras)


def _looks_like_title(item: Found, span: QuoteSpan, paras: list[ParsedParagraph]) -> bool:
    """ "on Fox News's “Fox and Friends.”": a short run of capitalised words after a name."""
    words = [w for w in re.split(r"\s+", item.text.strip(" .,!?")) if w]
    if not 1 <= len(words) <= 6 or item.speaker is None:
        return False
    if not _title_case(words):
        return False
    para = paras[span.pieces[0].paragraph]
    before = para.text[: span.pieces[0].start - para.offset - 1].rstrip()
    return bool(re.search(r"(?:['’]s|\b(?:on|in|of|called|titled|show|book|film|song))$", before))


def _title_case(words: list[str]) -> bool:
    small = {"and", "of", "the", "a", "an", "in", "on", "for", "to", "with", "at", "&", "-"}
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in small for w in words)


def _merge_broken(found: list[Found]) -> list[Found]:
    """ "A," he said, "B." is one quote: consecutive pieces that share one cue verb."""
    merged: list[Found] = []
    for item in found:
        last = merged[-1] if merged else None
        cue = item.speaker.cue if item.speaker else None
        if (
            last is not None
            and cue is not None
            and last.speaker is not None
            and last.speaker.cue == cue
            and last.speaker.how in ("cue", "adjacent")
            and item.speaker.how in ("cue", "carried", "adjacent")  # type: ignore[union-attr]
            and last.pieces[-1][1] <= item.speaker.start  # type: ignore[union-attr]
            and item.speaker.end <= item.pieces[0][0]  # type: ignore[union-attr]
            and not last.partial  # "... ," he said, "and then ..." goes on mid-sentence
            and item.paragraphs[0] == last.paragraphs[1]
        ):
            last.pieces.extend(item.pieces)
            last.paragraphs = (last.paragraphs[0], item.paragraphs[1])
            # The words between the pieces are the attribution, not the speaker's: mark the cut.
            last.text = f"{last.text} … {item.text}"
            continue
        merged.append(item)
    return merged
