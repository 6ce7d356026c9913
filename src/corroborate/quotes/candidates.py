"""Every speaker the rules could propose for one quote, and what describes each.

The rules in `extract._attribute` stop at the first that answers. Here each rule is asked,
and so are the subjects of the paragraph's other cue verbs and the nearest people named
before and after the quote; one phrase proposed by several rules is one candidate that
remembers them all. `features` turns a candidate into numbers for a model that chooses
among them.

The pipeline reads them only through `ranker` (off by default); `bench_quotes.py --candidates` and
`bench/fit_quotes.py` fit models on these features and compare their choice with the
rules'. In session 3 a logistic regression did not beat them where they choose (train tuning
fold and dev: the same accuracy; the held-out fold +0.0007). In session 9, with the context
features added (the head's role and kind, the cue's place in the parse, agreeing rules,
paragraph gap, the quote's length), neither logistic regressions nor boosted trees did either
(5-fold CV by article on the tuning fold: 6,133 of 6,536 right for the rules, 6,121 to 6,135
for the models), nor the two-stage switch of `ranker` (off by default); and the quotes the
rules leave without a speaker get a right one from the best candidate about one time in three.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from corroborate.quotes.cues import CUE_LEMMAS, choose_cue, is_mute, paragraph_cues, subject_of
from corroborate.quotes.layout import (
    adjacent_speaker,
    colon_speaker,
    dash_speaker,
    governing_subject,
    introducer,
    inverted_introducer,
    lead_in,
    name_line,
    subject_before,
)
from corroborate.quotes.marks import QuoteSpan
from corroborate.quotes.nesting import outer_cue
from corroborate.quotes.speakers import (
    PRONOUNS,
    ParsedParagraph,
    Speaker,
    speaker_from_head,
    tokens_within,
)

Quoted = dict[int, list[tuple[int, int]]]

# The rules that may propose a candidate, in a fixed order (the features' order).
RULES = (
    "choice",  # what the rule order chose
    "inverted",
    "cue",  # the subject of the cue verb `choose_cue` picks
    "outer",  # the subject of the cue that reports it
    "adjacent",
    "dash",
    "introducer",
    "colon",
    "governing",
    "name_line",
    "lead_in",
    "before_subject",
    "carried",
    "other_cue",  # the subject of any other cue verb of the paragraph
    "person_before",
    "person_after",
)
ENTITY_LABELS = ("PERSON", "ORG", "NORP", "GPE")


@dataclass(slots=True)
class Candidate:
    speaker: Speaker
    rules: set[str] = field(default_factory=set)


def collect(
    span: QuoteSpan,
    paras: list[ParsedParagraph],
    quoted: Quoted,
    choice: Speaker | None,
    carried: Speaker | None,
) -> list[Candidate]:
    """The candidates for one quote; the rule order's choice (if any) comes first."""
    found: dict[tuple[int, int], Candidate] = {}

    def add(rule: str, speaker: Speaker | None) -> None:
        if speaker is None or speaker.end <= speaker.start:
            return
        found.setdefault((speaker.start, speaker.end), Candidate(speaker)).rules.add(rule)

    add("choice", choice)
    first, last = span.pieces[0], span.pieces[-1]
    start_para, end_para = paras[first.paragraph], paras[last.paragraph]
    opening = first.start - start_para.offset
    local = (opening, first.end - start_para.offset)
    add("inverted", inverted_introducer(start_para, opening))
    _cue_candidates(add, start_para, local, quoted)
    add("adjacent", adjacent_speaker(end_para, last.end - end_para.offset))
    add("dash", dash_speaker(end_para, last.end - end_para.offset))
    add("introducer", introducer(start_para, opening))
    add("colon", colon_speaker(start_para, local))
    add("governing", governing_subject(start_para, local))
    if last.paragraph + 1 < len(paras):
        add("name_line", name_line(paras[last.paragraph + 1]))
    if first.paragraph > 0:
        before = paras[first.paragraph - 1]
        add("lead_in", lead_in(before, quoted.get(before.index, [])))
        add("before_subject", subject_before(before))
    add("carried", carried)
    _people_around(add, start_para, local)
    return list(found.values())


def _cue_candidates(
    add: Callable[[str, Speaker | None], None],
    para: ParsedParagraph,
    local: tuple[int, int],
    quoted: Quoted,
) -> None:
    cues = paragraph_cues(para, quoted.get(para.index, []))
    cue = choose_cue(para, local, cues)
    if cue is not None:
        add("cue", _subject_speaker(para, cue))
        outer = outer_cue(cue, cues)
        if outer is not cue:
            add("outer", _subject_speaker(para, outer))
    for other in cues:
        add("other_cue", _subject_speaker(para, other))


def _subject_speaker(para: ParsedParagraph, cue: Any) -> Speaker | None:
    """The cue's subject as a speaker, found once per paragraph and cue (every quote of the
    paragraph asks for all its cues)."""
    if cue.i not in para.subjects:
        head = subject_of(cue)
        para.subjects[cue.i] = None if head is None else speaker_from_head(para, head, "cue", cue)
    found: Speaker | None = para.subjects[cue.i]
    return found


def _people_around(
    add: Callable[[str, Speaker | None], None], para: ParsedParagraph, local: tuple[int, int]
) -> None:
    """The nearest person named before the quote and after it, outside the marks."""
    people = [e for e in para.doc.ents if e.label_ == "PERSON"]
    before = [e for e in people if e.end_char <= local[0]]
    after = [e for e in people if e.start_char >= local[1]]
    if before:
        add("person_before", speaker_from_head(para, before[-1].root, "person", None))
    if after:
        add("person_after", speaker_from_head(para, after[0].root, "person", None))


def features(
    candidate: Candidate,
    span: QuoteSpan,
    paras: list[ParsedParagraph],
    quoted: Quoted | None = None,
    others: list[Candidate] | None = None,
) -> list[float]:
    """Numbers describing one candidate for one quote (see `FEATURES` for their names);
    `quoted` (the article's quote spans) and `others` (all candidates of the quote) add the
    context features."""
    return [
        *_base_features(candidate, span, paras),
        *_head_features(candidate.speaker, paras, quoted or {}),
        *_context_features(candidate, span, paras, others or [candidate]),
    ]


def _base_features(
    candidate: Candidate, span: QuoteSpan, paras: list[ParsedParagraph]
) -> list[float]:
    speaker = candidate.speaker
    rules = [float(rule in candidate.rules) for rule in RULES]
    distance = max(span.start - speaker.end, speaker.start - span.end, 0)
    inside = float(span.start <= speaker.start and speaker.end <= span.end)
    after = float(speaker.start >= span.end)
    first = paras[span.pieces[0].paragraph]
    same_para = float(first.offset <= speaker.start < first.offset + len(first.text))
    head = speaker.head
    label = head.ent_type_ if head is not None else ""
    entity = [float(label == name) for name in ENTITY_LABELS]
    pronoun = float(head is not None and head.lower_ in PRONOUNS)
    proper = float(head is not None and head.pos_ == "PROPN")
    noun = float(head is not None and head.pos_ == "NOUN")
    speech_subject = float(
        head is not None
        and head.dep_ in ("nsubj", "nsubjpass")
        and head.head.lemma_.lower() in CUE_LEMMAS
    )
    words = float(min(len(speaker.text.split()), 8))
    return [
        *_cue_features(speaker, span, paras),
        *rules,
        float(len(candidate.rules)),
        math.log1p(distance),
        inside,
        after,
        same_para,
        *entity,
        pronoun,
        proper,
        noun,
        speech_subject,
        words,
    ]


def _cue_features(speaker: Speaker, span: QuoteSpan, paras: list[ParsedParagraph]) -> list[float]:
    """About the candidate's cue verb, when it has one: whether its clause holds the quote,
    whether it stands in the quote's sentence, how far it is, whether it is "say"/"tell"."""
    if speaker.cue is None:
        return [0.0, 0.0, 0.0, 0.0, 0.0]
    para = paras[speaker.cue[0]]
    cue = para.doc[speaker.cue[1]]
    piece = (span.start - para.offset, span.end - para.offset)
    inside = tokens_within(para.doc, *piece)
    holds = float(any(t.i == cue.i or cue.is_ancestor(t) for t in inside))
    same = float(bool(inside) and cue.sent.start in (inside[0].sent.start, inside[-1].sent.start))
    distance = max(piece[0] - (cue.idx + len(cue)), cue.idx - piece[1], 0)
    say = float(cue.lemma_.lower() in ("say", "tell"))
    return [1.0, holds, same, math.log1p(distance), say]


HEAD_DEPS = ("nsubj", "nsubjpass", "poss", "pobj")
SINGULAR = frozenset({"he", "she", "him", "his", "her"})
RELATIVE = frozenset({"who", "that", "which"})


def _head_features(speaker: Speaker, paras: list[ParsedParagraph], quoted: Quoted) -> list[float]:
    """What the phrase's head is (its role in the parse, what kind of pronoun or noun) and
    what kind of verb its cue is."""
    head = speaker.head
    if head is None:
        return [0.0] * (len(HEAD_DEPS) + 13)
    deps = [float(head.dep_ == d) for d in HEAD_DEPS]
    low = head.lower_
    phrase = head.doc[speaker.tokens[0] : speaker.tokens[1]] if speaker.tokens else [head]
    para = next((p for p in paras if p.doc is head.doc), None)
    spans = quoted.get(para.index, []) if para is not None else []
    inside_other = float(any(s <= head.idx < e for s, e in spans))
    return [
        *deps,
        float(low in SINGULAR),
        float(low in PRONOUNS and low not in SINGULAR),
        float(low in RELATIVE),
        float(is_mute(head)),
        float(any(t.ent_type_ == "PERSON" for t in phrase)),
        float(head.ent_type_ == "LOC"),
        float(head.tag_ in ("NNS", "NNPS")),
        inside_other,
        *_cue_kind(speaker, paras),
    ]


def _cue_kind(speaker: Speaker, paras: list[ParsedParagraph]) -> list[float]:
    """The cue verb's place in the parse (main verb, relative clause, clause under another
    verb), whether it comes before the speaker, and whether it is a noun or "according"."""
    if speaker.cue is None:
        return [0.0] * 5
    cue = paras[speaker.cue[0]].doc[speaker.cue[1]]
    return [
        float(cue.dep_ == "ROOT"),
        float(cue.dep_ in ("relcl", "acl")),
        float(cue.dep_ in ("ccomp", "advcl", "xcomp", "conj", "pcomp")),
        float(cue.pos_ == "NOUN"),
        float(cue.lower_ == "according"),
    ]


def _context_features(
    candidate: Candidate, span: QuoteSpan, paras: list[ParsedParagraph], others: list[Candidate]
) -> list[float]:
    """How many other candidates name the same head word (rules agreeing under another
    phrase), how far apart the paragraphs are, and what the quote is like."""
    head = candidate.speaker.head
    word = head.lower_ if head is not None else candidate.speaker.text.lower()
    agree = sum(
        1
        for o in others
        if o is not candidate and o.speaker.head is not None and o.speaker.head.lower_ == word
    )
    para = next(
        (
            p.index
            for p in paras
            if p.offset <= candidate.speaker.start < p.offset + len(p.text) + 1
        ),
        0,
    )
    first, last = span.pieces[0].paragraph, span.pieces[-1].paragraph
    gap = first - para if para < first else max(para - last, 0)
    words = sum(
        len(
            paras[p.paragraph]
            .text[p.start - paras[p.paragraph].offset : p.end - paras[p.paragraph].offset]
            .split()
        )
        for p in span.pieces
    )
    return [
        float(min(agree, 4)),
        float(min(gap, 3)),
        math.log1p(words),
        float(min(len(others), 10)),
        float(span.pieces[0].paragraph != span.pieces[-1].paragraph),
    ]


FEATURES = (
    "has_cue",
    "cue_holds",
    "cue_same_sentence",
    "cue_log_distance",
    "cue_say",
    *(f"rule_{r}" for r in RULES),
    "rules",
    "log_distance",
    "inside",
    "after",
    "same_paragraph",
    *(f"ent_{e}" for e in ENTITY_LABELS),
    "pronoun",
    "proper",
    "noun",
    "speech_subject",
    "words",
    *(f"dep_{d}" for d in HEAD_DEPS),
    "singular_pronoun",
    "other_pronoun",
    "relative",
    "mute",
    "has_person",
    "ent_LOC",
    "plural",
    "inside_other_quote",
    "cue_root",
    "cue_relative",
    "cue_embedded",
    "cue_noun",
    "cue_according",
    "agree",
    "paragraph_gap",
    "quote_log_words",
    "candidates",
    "multi_paragraph",
)
