"""The outer source of a quote: who relays the words when someone else said them.

"“…,” Walker said, according to an Associated Press account": Walker is the speaker, the
Associated Press account is the channel a fact-checker must also see. Read from the parse of
the quote's sentences and its cue verb's sentence, outside the quotation marks:
- "according to X", where X is a name (organisation, group, person) or a noun for a text or a
  body that relays words ("a transcript", "police"); not "according to the plan";
- "X reported", "reports X", "as reported by X", where X is an outlet or organisation;
- the cue's "told X" where X is an organisation ("told the BBC", not "told reporters");
- the cue's "in an interview with X", "on X" (a programme or outlet: "said on CNN");
- the cue's "in a statement", "in a transcript", "in a statement released by his office".
A phrase that is the speaker itself ("according to the AP", "CNN reported") is no via.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from corroborate.quotes.cues import CARRIERS as CARRIER_TEXTS
from corroborate.quotes.cues import TEXTS, WORN
from corroborate.quotes.speakers import ParsedParagraph, Speaker, in_spans, phrase_of


@dataclass(slots=True)
class Via:
    """The outer source as written: its text and offsets into Article.text, and its form."""

    text: str
    start: int
    end: int
    # "according-to", "reported", "told", "interview", "on", "in"; "carrier": the speaker as
    # written is a thing the words are on ("a sign read"), and the quote has no speaker.
    how: str


# Nouns for a text or a record that carries someone's words ("according to a transcript").
RELAY_TEXTS = frozenset(
    """account report reports transcript transcripts statement statements interview recording
    recordings story article newspaper paper release document documents filing filings record
    records tape tapes video footage email emails letter memo post tweet broadcast readout
    minutes notes testimony affidavit complaint indictment book biography memoir excerpt
    excerpts copy summary""".split()
)
# Nouns for people or bodies who pass on what others said ("according to police").
RELAY_BODIES = frozenset(
    """source sources official officials aide aides spokesman spokeswoman spokesperson police
    authorities prosecutors investigators witness witnesses reporter reporters journalist
    network agency outlet station magazine website tabloid newspaper paper people person
    organizers organisers campaign office""".split()
)
# Nouns for an outlet ("the newspaper reported", "told the paper").
OUTLETS = frozenset(
    "newspaper paper network agency outlet station magazine website site tabloid daily "
    "broadcaster channel wire publication".split()
)
# What a quote can be given "in" by its speaker.
CHANNELS = frozenset(
    """statement statements release transcript interview letter email tweet post memo filing
    recording video op-ed column essay readout affidavit testimony broadcast podcast
    newsletter""".split()
)
NAMES = ("ORG", "NORP", "PERSON")
# What words can be written on or in, that no one speaks through ("a handwritten sign on the
# door read ...", "the email read ...", "a study found ..."): as the speaker as written, it is
# the quote's via and the quote has no speaker. Not an outlet ("the newspaper said"): the
# outlet speaks, as any organisation does.
CARRIERS = (
    (RELAY_TEXTS | CHANNELS | WORN | CARRIER_TEXTS | TEXTS)
    | frozenset(
        """editorial headline caption billboard placard plaque inscription slogan poll survey
        study analysis audit ad advert advertisement commercial mailer flyer leaflet pamphlet
        brochure website webpage page label card text graffiti mural sticker""".split()
    )
) - {"newspaper", "paper"}
KEEP_PREPS = frozenset({"of", "by", "from"})  # "a transcript of the call", "an account by X"


def via_of(
    pieces: Sequence[tuple[int, int, int]],
    paras: Sequence[ParsedParagraph],
    quoted: dict[int, list[tuple[int, int]]],
    speaker: Speaker | None,
) -> Via | None:
    """The outer source of one quote, or None. `pieces` are (paragraph, start, end) with
    offsets into Article.text; `quoted` the quote spans of each paragraph (its offsets)."""
    cue = _cue_token(paras, speaker)
    found: list[Via] = []
    for para, sentence in _sentences(pieces, paras, cue):
        inside = quoted.get(para.index, [])
        for token in sentence:
            if in_spans(token.idx, token.idx + len(token), inside):
                continue
            via = _via_at(token, para, cue[1] if cue is not None else None)
            if via is not None and not _overlaps(via, speaker):
                found.append(via)
    if not found:
        return None
    # The nearest to the quote: "according to X" of another quote in a long sentence is farther.
    first = pieces[0][1]
    return min(found, key=lambda v: abs(v.start - first))


def carrier_via(speaker: Speaker | None) -> Via | None:
    """The speaker as written, as a via, when it is a thing the words are written on or in
    (`CARRIERS`) rather than someone: "a handwritten sign on the door read “...”" gives
    words no one is named for, and a sign named as their speaker would read as a person."""
    head = speaker.head if speaker is not None else None
    if speaker is None or head is None or head.pos_ != "NOUN" or head.ent_type_ in NAMES:
        return None
    if head.lemma_.lower() not in CARRIERS and head.lower_ not in CARRIERS:
        return None
    return Via(speaker.text, speaker.start, speaker.end, "carrier")


def _cue_token(paras: Sequence[ParsedParagraph], speaker: Speaker | None) -> tuple[int, Any] | None:
    """The speaker's cue verb: its paragraph's index and its token."""
    if speaker is None or speaker.cue is None or speaker.cue[0] >= len(paras):
        return None
    index, token = speaker.cue
    return index, paras[index].doc[token]


def _sentences(
    pieces: Sequence[tuple[int, int, int]],
    paras: Sequence[ParsedParagraph],
    cue: tuple[int, Any] | None,
) -> list[tuple[ParsedParagraph, Any]]:
    """The sentences holding the quote's words, and the cue verb's sentence, each once."""
    out: dict[tuple[int, int], tuple[ParsedParagraph, Any]] = {}
    for index, start, end in pieces:
        para = paras[index]
        for sentence in para.doc.sents:
            lo, hi = para.offset + sentence.start_char, para.offset + sentence.end_char
            if lo < end and start < hi:
                out[index, sentence.start] = (para, sentence)
    if cue is not None:
        para = paras[cue[0]]
        out[para.index, cue[1].sent.start] = (para, cue[1].sent)
    return list(out.values())


def _via_at(token: Any, para: ParsedParagraph, cue: Any) -> Via | None:
    """A via phrase starting at this token, when there is one."""
    if token.lower_ == "according":
        return _according(token, para)
    if token.lemma_.lower() == "report" and token.pos_ == "VERB":
        return _reported(token, para)
    if cue is not None and token.doc is cue.doc and token.head.i == cue.i != token.i:
        return _of_cue(token, para, cue)
    return None


def _according(token: Any, para: ParsedParagraph) -> Via | None:
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    source = next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
    if source is None or not _relays(source):
        return None
    return _via(para, source, "according-to")


def _reported(verb: Any, para: ParsedParagraph) -> Via | None:
    """ "CNN reported", "reports USA Today", "as reported by the Times"."""
    for child in verb.children:
        if child.dep_ == "nsubj" and _outlet(child):
            return _via(para, child, "reported")
        if child.dep_ == "agent":
            doer = next((g for g in child.children if g.dep_ == "pobj"), None)
            if doer is not None and _outlet(doer):
                return _via(para, doer, "reported")
    return None


def _of_cue(token: Any, para: ParsedParagraph, cue: Any) -> Via | None:
    """ "told the BBC", "in an interview with X", "on CNN", "in a statement" on the cue."""
    if token.dep_ in ("dobj", "dative") and cue.lemma_.lower() == "tell":
        return _via(para, token, "told") if _organisation(token) else None
    if token.dep_ != "prep":
        return None
    obj = next((c for c in token.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    if token.lower_ == "on" and _organisation(obj):
        return _via(para, obj, "on")
    if token.lower_ != "in" or obj.lemma_.lower() not in CHANNELS:
        return None
    for prep in obj.children:
        if prep.dep_ == "prep" and prep.lower_ in ("with", "on", "to"):
            who = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if who is not None and _interviewer(prep.lower_, who):
                return _via(para, who, "interview")
    if obj.lemma_.lower() == "interview":
        return None  # "said in an interview": no one relays it
    return _via(para, obj, "in")


def _relays(token: Any) -> bool:
    """A name, or a noun for a text or body that passes words on."""
    if token.ent_type_ in NAMES:
        return True
    if token.pos_ == "PROPN" and not token.ent_type_:
        return True
    return bool(token.pos_ == "NOUN" and token.lemma_.lower() in RELAY_TEXTS | RELAY_BODIES)


def _outlet(token: Any) -> bool:
    """Who reports: an organisation's name, a name the tagger leaves untyped (as it does
    many mastheads: "the Ostra Gazette"), or a noun for an outlet ("the newspaper"); not a
    person (in "Walker said Berg reported ..." Berg reports an event, not the quote)."""
    if token.ent_type_:
        return bool(token.ent_type_ in ("ORG", "NORP"))
    return token.pos_ == "PROPN" or _organisation(token)


def _organisation(token: Any) -> bool:
    """A name the tagger calls an organisation, or a noun for an outlet; never a person,
    a place or a crowd ("told reporters")."""
    if token.ent_type_ in ("ORG", "NORP"):
        return True
    return bool(token.pos_ == "NOUN" and token.lemma_.lower() in OUTLETS)


def _interviewer(prep: str, who: Any) -> bool:
    """ "an interview with CNN / with host Greg Garrison", "an interview on ABC", "a statement
    to the AP": an outlet, or a person who interviews; not "a letter to Senate Democrats"."""
    if who.ent_type_ == "ORG" or (who.pos_ == "NOUN" and who.lemma_.lower() in OUTLETS):
        return True
    return prep == "with" and who.ent_type_ == "PERSON"


def _via(para: ParsedParagraph, head: Any, how: str) -> Via:
    """The phrase `head` heads; for a text, with who released it ("a statement released by
    his office"), without what only says when or to whom ("a letter to X on Tuesday")."""
    left, right = phrase_of(head)
    for child in head.children:
        if child.dep_ == "acl" and any(t.dep_ == "agent" for t in child.subtree):
            right = max(right, max(t.i for t in child.subtree) + 1)
        elif child.dep_ == "prep" and child.i > head.i and child.lower_ not in KEEP_PREPS:
            right = min(right, child.i)
    ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
    if ent is not None:
        left, right = min(left, ent.start), max(right, ent.end)
    doc = head.doc
    # An apposition or an aside ends it: "The Washington Post, the first ...", "the AP (AP".
    right = next((t.i for t in doc[head.i : right] if t.text in (",", "(", "—", "–")), right)
    # Trailing days and joints: "a statement Tuesday night", "a memo on Tuesday", and "told
    # MSNBC’s “Morning Joe”" read as "told MSNBC": not "MSNBC’s".
    while right - 1 > head.i and (
        doc[right - 1].ent_type_ in ("DATE", "TIME")
        or doc[right - 1].dep_ in ("case", "prep", "det", "cc")
        or doc[right - 1].is_punct
    ):
        right -= 1
    span = doc[left:right]
    start = para.offset + span.start_char
    return Via(span.text, start, start + len(span.text), how)


def _overlaps(via: Via, speaker: Speaker | None) -> bool:
    return speaker is not None and via.start < speaker.end and speaker.start < via.end
