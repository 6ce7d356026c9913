"""Who said it: the speaker as written near a quote, and the parse it is read from.

Attribution reads the spaCy parse of the kept paragraphs (cached by `Resources`). For one
quote it tries, in order (`extract._attribute`):
1. a cue verb ("said", "told", "warned"...) outside the quotation marks whose clause holds the
   quote, else the nearest such verb in the quote's sentence or the one next to it; or
   "according to X" the same way. The speaker is the verb's subject (or X) (`cues`), or
   the subject of the cue that reports that verb's clause (`nesting`);
2. in the quote's paragraph: "...” ― Name" after it, "X retorted: “...”" or "Name: ..." before
   it, "...: Name" after it (headlines and key points) (`layout`);
3. for a paragraph that is all quotation: a line right after it that holds only a name, as
   scraped pages show; a paragraph before it that ends "He said:" (or "Stated Stone:"); the
   main subject of the paragraph before it ("Viguerie is upbeat about Cruz." then the quote)
   (`layout`);
4. the speaker of the quote just before, in the same paragraph or the paragraph before.
Who a speaker as written resolves to (pronouns, descriptions) is `resolve`'s work.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from corroborate.quotes.people import fold

PRONOUNS = frozenset({"he", "she", "they", "i", "we", "him", "her", "it", "his", "its", "their"})
WHO_POS = ("PRON", "PROPN", "NOUN")


@dataclass(slots=True)
class ParsedParagraph:
    """One kept paragraph: its index, where it starts in the article, its text and parse."""

    index: int
    offset: int
    text: str
    doc: Any
    # Its cue verbs, found once per run: every quote of the paragraph and the reported-speech
    # pass ask for them (see `cues.paragraph_cues`).
    cues: list[Any] | None = None
    # Surnames of the story's people (folded): the tagger names one person a place in one
    # sentence ("Valastro praised ...") and a person in another.
    people: frozenset[str] = frozenset()
    # Each cue verb's subject as a speaker, by token index (`candidates`: asked per quote).
    subjects: dict[int, Any] = field(default_factory=dict)
    # Answers asked again for the same quote piece (the rules, then the learned ranker's
    # candidates): the cue chosen for a piece, the subject before a stand-alone quote.
    memo: dict[Any, Any] = field(default_factory=dict)


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


def is_person(token: Any, para: ParsedParagraph) -> bool:
    """A token naming a person: tagged PERSON, or a name that the story names a person
    elsewhere (its surname, as written)."""
    if token.ent_type_ == "PERSON":
        return True
    return bool(token.pos_ == "PROPN" and fold(token.text) in para.people)


def tokens_within(doc: Any, start: int, end: int) -> list[Any]:
    """The tokens of a parse that start inside [start, end) (offsets of its text), found by
    bisection: token offsets ascend, and a paragraph's parse is scanned for every quote."""
    low = bisect.bisect_left(range(len(doc)), start, key=lambda i: doc[i].idx)
    high = bisect.bisect_left(range(len(doc)), end, key=lambda i: doc[i].idx)
    return list(doc[low:high])


def in_spans(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether [start, end) lies inside one of the spans (offsets of one paragraph)."""
    return any(s <= start and end <= e for s, e in spans)


def phrase_of(head: Any) -> tuple[int, int]:
    """Token range of the noun phrase a subject heads, without clauses hung on it."""
    drop = {"relcl", "acl", "advcl", "prep"} if head.pos_ == "PROPN" else {"relcl", "acl", "advcl"}
    keep = titled_holder(head)
    tokens = []
    stack = [head]
    while stack:
        token = stack.pop()
        tokens.append(token)
        stack.extend(
            c for c in token.children if (c.dep_ not in drop or c == keep) and c.dep_ != "punct"
        )
    left = min(t.i for t in tokens)
    right = max(t.i for t in tokens)
    doc = head.doc
    left = _after_dateline(doc, left, head.i)
    while left < head.i and doc[left].is_punct:
        left += 1
    while right > head.i and (doc[right].is_punct or doc[right].dep_ in ("cc", "prep")):
        right -= 1
    return left, right + 1


def titled_holder(head: Any) -> Any:
    """The "of" that holds the name in a title written before it: "Director of National
    Intelligence James Clapper" (the parse heads the phrase with "Director" and hangs the
    name on "of"), else None. The words between "of" and the name ("National
    Intelligence") say it is a title's office, not "a friend of Ann Lee"."""
    if head.ent_type_ == "PERSON" or head.pos_ not in ("PROPN", "NOUN"):
        return None
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        name = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if name is None or name.ent_type_ != "PERSON" or name.pos_ != "PROPN":
            continue
        office = [t for t in name.subtree if t.i < name.i and t.ent_type_ != "PERSON"]
        if office and not any(t.pos_ in ("VERB", "AUX", "PRON") for t in office):
            return prep
    return None


DASHES = frozenset({"—", "–", "-", "--"})


def _after_dateline(doc: Any, left: int, head: int) -> int:
    """Where a phrase starts past a dateline the parse hung on it ("RENO, Nev. (AP) —
    Republican hopeful Donald Trump"): after a dash that only place names and an agency
    tag precede."""
    dash = next((i for i in range(head - 1, left - 1, -1) if doc[i].text in DASHES), None)
    if dash is None or dash == left or not (doc[dash - 1].whitespace_ and doc[dash].whitespace_):
        return left  # none, or a hyphen inside a name ("UC-AFT President Bob Samuels")
    before = doc[left:dash]
    if all(t.is_punct or t.is_title or t.is_upper for t in before) and any(
        t.is_upper and len(t) > 1 for t in before
    ):
        return dash + 1
    return left


def speaker_from_head(para: ParsedParagraph, head: Any, how: str, cue: Any) -> Speaker:
    left, right = phrase_of(head)
    span = para.doc[left:right]
    start = para.offset + span.start_char
    cue_at = (para.index, cue.i) if cue is not None else None
    return Speaker(span.text, start, start + len(span.text), how, head, cue_at, (left, right))
