"""The quotes of one article: spans, speakers as written, and who they resolve to."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from corroborate.quotes.cues import (
    choose_cue,
    holds,
    is_cue_word,
    paragraph_cues,
    subject_of,
)
from corroborate.quotes.layout import (
    adjacent_speaker,
    aside_speaker,
    colon_speaker,
    dash_speaker,
    governing_subject,
    introducer,
    inverted_introducer,
    lead_in,
    name_line,
    subject_before,
)
from corroborate.quotes.marks import QuoteSpan, find_quote_spans
from corroborate.quotes.nesting import outer_cue
from corroborate.quotes.people import Person, PersonRegistry
from corroborate.quotes.ranker import Ranker
from corroborate.quotes.resolve import Timeline, build_timeline, is_main_subject, resolve
from corroborate.quotes.speakers import ParsedParagraph, Speaker, speaker_from_head
from corroborate.quotes.via import Via, carrier_via, via_of
from corroborate.records import Article

MIN_UNATTRIBUTED_WORDS = 6  # shorter quotes with no speaker are scare quotes or titles


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
    via: Via | None = None  # who relays the words: "according to X", "told the BBC"


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


def parsed_paragraphs(article: Article, docs: list[tuple[Any, Any]]) -> list[ParsedParagraph]:
    return [
        ParsedParagraph(i, p.start, article.text[p.start : p.end], doc)
        for i, (p, doc) in enumerate(docs)
    ]


# Sees each quote's attribution as it is made (the benchmark's candidate study): the span,
# the paragraphs, their quote spans, the rules' speaker, the speaker the quote before had
# (what a carried speaker would be), and a function resolving any speaker as written.
Observer = Callable[
    [
        QuoteSpan,
        list[ParsedParagraph],
        dict[int, list[tuple[int, int]]],
        Speaker | None,
        Speaker | None,
        Callable[[Speaker], tuple[Person | None, str | None]],
    ],
    None,
]


def quotes_of_article(
    article: Article,
    paras: list[ParsedParagraph],
    registry: PersonRegistry,
    observe: Observer | None = None,
    ranker: Ranker | None = None,
) -> tuple[list[Found], list[Reported]]:
    """Every quote of one article with its speaker, and its sentences of reported speech;
    `ranker` may take another candidate than the rules' speaker (`quotes.ranker`)."""
    spans = find_quote_spans([(p.offset, p.text) for p in paras])
    quoted: dict[int, list[tuple[int, int]]] = {}
    for span in spans:
        for piece in span.pieces:
            offset = paras[piece.paragraph].offset
            quoted.setdefault(piece.paragraph, []).append(
                (piece.start - offset, piece.end - offset)
            )
    timeline = build_timeline(paras, registry, quoted)
    people = frozenset(person.surname for person in registry.people)
    for para in paras:
        para.people = people
    cues, reported = _resolve_cues(article, paras, quoted, registry, timeline)
    found: list[Found] = []
    previous: tuple[Found, int] | None = None  # the last quote and its last paragraph
    for span in spans:
        speaker = _attribute(span, paras, quoted, previous)
        near = previous is not None and previous[1] >= span.pieces[0].paragraph - 1
        before = previous[0].speaker if previous is not None and near else None
        if observe is not None:
            observe(span, paras, quoted, speaker, before, lambda s: resolve(s, registry, timeline))
        if ranker is not None and speaker is not None:
            speaker = ranker.speaker(span, paras, quoted, speaker, before)
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
            where = [(p.paragraph, p.start, p.end) for p in span.pieces]
            carrier = carrier_via(speaker) if person is None else None
            item.via = carrier or via_of(where, paras, quoted, speaker)
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
        for cue in paragraph_cues(para, quoted.get(para.index, [])):
            speaker = speaker_from_head(para, subject_of(cue), "cue", cue)
            person, label = resolve(speaker, registry, timeline)
            cues[speaker.cue] = (person, label)
            if person is not None:
                # "a deal Trump has vowed to reach" names no antecedent for a later "he".
                main = is_main_subject(subject_of(cue)) or _speaks(cue)
                timeline.add(speaker.start, person, main)
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


def _speaks(cue: Any) -> bool:
    """A cue verb outside a relative clause: its subject speaks, and "he added" after it
    means that speaker even where the verb is not the sentence's main one ("However, as the
    archbishop told the agency, “...” He added, ...")."""
    if cue.pos_ not in ("VERB", "AUX") or cue.dep_ == "relcl":
        return False
    # Its own subject only: one read off another verb (", adding ...") may be the wrong one.
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children)


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
    local_last = (last.start - end_para.offset, last.end - end_para.offset)
    if adjacent is not None and _subject_of_other_verb(adjacent, local_last):
        adjacent = None  # "... laid out a vision for “...,” Ben Carson, a doctor, used ..."
    named = adjacent is not None and adjacent.head is not None and adjacent.head.pos_ == "PROPN"
    # '“...,” read the email.': a cue verb right after the closing mark, then who speaks.
    named = named or (adjacent is not None and _inverted(adjacent, paras))
    start_para = paras[first.paragraph]
    inverted = inverted_introducer(start_para, first.start - start_para.offset)
    if inverted is not None:
        return inverted
    local_first = (first.start - start_para.offset, first.end - start_para.offset)
    aside = aside_speaker(start_para, local_first)
    if aside is not None:
        return aside
    for piece in (first, last) if first.paragraph != last.paragraph else (first,):
        para = paras[piece.paragraph]
        local = (piece.start - para.offset, piece.end - para.offset)
        candidates = paragraph_cues(para, quoted.get(para.index, []))
        cue = choose_cue(para, local, candidates)
        if cue is not None:
            own = _own_clause_subject(para, local, cue)
            if own is not None:
                return own
            cue = outer_cue(cue, candidates)
            speaker = speaker_from_head(para, subject_of(cue), "cue", cue)
            # '“...,” Gene Sperling, an adviser, said': a name right after the closing mark
            # is surer than the parse, which gave the verb another subject; but not a name
            # that goes on with a verb of its own, when the cue's clause holds the quote
            # ('what Mr. Hedge called “...,” the club charged').
            if (
                adjacent is not None
                and named
                and _overrides(adjacent, speaker, paras, (cue, para, local))
            ):
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


def _inverted(adjacent: Speaker, paras: list[ParsedParagraph]) -> bool:
    """Whether a speaker named after the closing mark follows its cue verb ("said the
    mayor", "read the email")."""
    if adjacent.cue is None:
        return False
    doc = paras[adjacent.cue[0]].doc
    verb = doc[adjacent.cue[1]]
    if verb.i > adjacent.head.i or verb.lemma_.lower() not in INVERTING:
        return False
    # '“...,” saying the city embodied ...' and 'said the candidate could ...' go on with a
    # clause: the words after the verb are its subject, not who speaks.
    end = adjacent.tokens[1] if adjacent.tokens is not None else len(doc)
    then = doc[end] if end < len(doc) else None
    return verb.tag_ != "VBG" and (then is None or then.pos_ not in ("VERB", "AUX"))


# Verbs that open an inverted attribution ('“...,” said the mayor'); others after a closing
# mark often start a clause about the quoted words ('“...,” calling the city ...').
INVERTING = frozenset("say read write add ask explain recall note continue".split())


def _overrides(
    adjacent: Speaker,
    speaker: Speaker,
    paras: list[ParsedParagraph],
    chosen: tuple[Any, ParsedParagraph, tuple[int, int]],
) -> bool:
    """Whether the name after the closing mark, not the cue's subject, speaks: it differs,
    and it comes with a cue verb or with no verb (an apposition), or the cue's clause does
    not hold the quote (`chosen`: the cue, its paragraph and the piece's offsets there)."""
    if adjacent.start <= speaker.start < adjacent.end:
        return False
    if adjacent.cue is None or is_cue_word(paras[adjacent.cue[0]].doc[adjacent.cue[1]]):
        return True
    return not holds(*chosen)


def _subject_of_other_verb(adjacent: Speaker, piece: tuple[int, int]) -> bool:
    """A name after the closing mark that is the subject of a main verb after it, which
    reports nothing and does not hold the quote ("“...,” Ben Carson, the physician, used
    part of his address to ..."; but '“...,” Tomas Berg huffed' holds it)."""
    head = adjacent.head
    if head is None or head.dep_ != "nsubj":
        return False
    verb = head.head
    main = verb.dep_ in ("ROOT", "conj") and verb.pos_ == "VERB" and verb.i > head.i
    # An object of its own: "used part of his address", not '“...?” Hannity pressed.'
    if not main or is_cue_word(verb) or not any(c.dep_ == "dobj" for c in verb.children):
        return False
    # The quote is said by the verb when it hangs on it as what was said (a ccomp), not
    # inside a clause of its own ("While Ryan laid out “...”, Carson used ...").
    inside = [c for c in verb.children if any(piece[0] <= t.idx < piece[1] for t in c.subtree)]
    return not inside or inside[0].dep_ in ("advcl", "prep", "npadvmod")


def _own_clause_subject(para: ParsedParagraph, piece: tuple[int, int], cue: Any) -> Speaker | None:
    """ "He promises to act. He rails against its “Great Wall of Protectionism”": a cue verb
    chosen only for being near, in another sentence, gives way to the person who is the
    subject of the quote's own clause."""
    if holds(cue, para, piece):
        return None
    first = next((t for t in para.doc if t.idx >= piece[0]), None)
    if first is None or cue.sent.start == first.sent.start:
        return None
    return governing_subject(para, piece)


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
        if found is None and not _speech_in(before, quoted):
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


def _speech_in(para: ParsedParagraph, quoted: dict[int, list[tuple[int, int]]]) -> bool:
    """Whether the paragraph quotes anyone: a quote of more than a few words (a scare quote,
    'What “go after them” means', quotes no one whose speech could go on after it)."""
    return any(len(para.text[s:e].split()) > 3 for s, e in quoted.get(para.index, []))


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
            last.via = last.via or item.via
            last.paragraphs = (last.paragraphs[0], item.paragraphs[1])
            # The words between the pieces are the attribution, not the speaker's: mark the cut.
            last.text = f"{last.text} … {item.text}"
            continue
        merged.append(item)
    return merged
