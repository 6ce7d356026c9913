"""Quoted spans in kept paragraphs, in any quotation-mark style.

Only plain text is read here (no parse): the quotes of a paragraph are found by a small state
machine over its characters. Double marks (straight, curly, low-9 „, guillemets) may open a
quote that runs on into the next kept paragraph, as newspapers do when a speech spans
paragraphs (the next paragraph opens with a mark again, the previous one has none closing it).
Single marks (‘ ’ and the straight apostrophe) only quote within one paragraph, because an
apostrophe that looks like an opening mark ("’90s") must never swallow the rest of a story.
Marks of another family inside a quote are nested quotes and stay part of its text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

# opening mark -> (family, the marks that may close it)
CLOSERS: dict[str, tuple[str, str]] = {
    '"': ("double", '"'),  # a straight mark holding curly ones nests them
    "“": ("double", '”"'),
    "”": ("double", '”"'),  # typed the wrong way round ("”Fear. ...”"): only at a word start
    "„": ("double", "“”"),
    "‟": ("double", '”"'),
    "«": ("guillemet", "»"),
    "»": ("guillemet", "«"),
    "‹": ("angle", "›"),
    "›": ("angle", "‹"),
    "'": ("single", "'’"),
    "‘": ("single", "’'"),
    "‚": ("single", "‘’"),
}
SPANNING = frozenset({"double", "guillemet"})
ELIDED_YEAR = re.compile(r"\d\ds?(?!\w)")
STRAIGHT = frozenset("\"'‘’”")  # marks that also serve as apostrophes or need context
OPEN_BEFORE = frozenset(' \t\n([{—–―-/:;,"“„«')  # what may stand before such an opening mark
# what may stand after such a closing mark ("...”― Jane Roe": a horizontal bar signs a quote)
CLOSE_AFTER = frozenset(' \t\n.,;:!?)]}—–―-/…"”»')
# The characters the scan must look at: outside a quote, the marks that may open one; inside,
# the marks that may close it and the curly ones (a mixed close, or nesting in a straight
# quote). `_opens` and `_closes` are False at any other character, so it skips them.
OPENING = re.compile("[" + re.escape("".join(CLOSERS)) + "]")
CLOSING = {
    opener: re.compile("[" + re.escape(marks + "“”") + "]")
    for opener, (_, marks) in CLOSERS.items()
}


@dataclass(slots=True)
class Piece:
    """The words between one pair of marks: offsets into the article text, marks excluded."""

    paragraph: int  # index into Article.paragraphs
    start: int
    end: int


@dataclass(slots=True)
class QuoteSpan:
    """One quotation: usually one piece; several when it runs over paragraphs."""

    pieces: list[Piece] = field(default_factory=list)
    mark: str = "double"

    @property
    def start(self) -> int:
        return self.pieces[0].start

    @property
    def end(self) -> int:
        return self.pieces[-1].end


def _opens(text: str, i: int) -> bool:
    """Whether the mark at i opens a quote (a straight mark needs a word start after it)."""
    char = text[i]
    if char not in CLOSERS:
        return False
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        # '” … what I learned is ...': a paragraph may open with a mark, a space and an
        # ellipsis (words left out at the start of the quote).
        return not text[:i].strip() and text[i + 1 :].lstrip()[:1] in ("…", ".")
    # An elided year ("in ‘08", "the ‘90s") is no opening mark.
    if char in "'‘" and ELIDED_YEAR.match(text, i + 1):
        return False
    # An apostrophe inside a word ("Clinton's") is no opening mark.
    return char not in STRAIGHT or before.isspace() or before in OPEN_BEFORE


def _closes(text: str, i: int, opener: str, nested: int = 0) -> bool:
    char = text[i]
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if char not in CLOSERS[opener][1]:
        # Mixed styles: '“It's unusual,“ said' closes with an opening mark, '"This is a long
        # process,” said' with a curly one (unless a curly quote is open inside it).
        mixed = (opener == "“" and char == "“") or (opener == '"' and char == "”" and not nested)
        return mixed and before in ",.?!…" and (after.isspace() or after in CLOSE_AFTER)
    if char == '"' and before in ",.?!":
        return True  # '...audiences,"Katie Packer said': a comma before it, so it closes
    if before.isspace() and CLOSERS[opener][0] != "guillemet":
        # '“... treat it like, ‘Oh, this is important,’ ” Magel said': a nested quote closed
        # just before, then a space, then the closing mark.
        nested_close = (
            i >= 2 and text[i - 2] in "'’" and text[i - 3 : i - 2] in (",", ".", "?", "!")
        )
        if not (nested_close and char != "'" and (after.isspace() or after in CLOSE_AFTER)):
            return False
    # "Clinton’s" inside a single-quoted span: a mark followed by a letter is an apostrophe.
    return char not in STRAIGHT or after.isspace() or after in CLOSE_AFTER


@dataclass(slots=True)
class ScanResult:
    spans: list[tuple[int, int, str]]  # (start, end, opening mark), offsets in the paragraph
    left_open: str | None  # the opening mark of a quote that runs on past the paragraph
    continued: bool  # the first span continues a quote left open by the previous paragraph


def scan_paragraph(text: str, carried: str | None) -> ScanResult:
    """Quoted spans in one paragraph's text.

    `carried` is the opening mark of a quote left open by the previous paragraph; the quote
    continues here only when this paragraph opens with a mark of the same family.
    """
    text = _doubled_apostrophes(text)
    spans: list[tuple[int, int, str]] = []
    opener: str | None = None
    begin = i = 0
    lead = len(text) - len(text.lstrip())
    continued = bool(carried) and lead < len(text) and text[lead] == carried
    if continued and carried:
        opener, begin, i = carried, lead + 1, lead + 1
    nested = 0  # curly quotes open inside a straight-quoted one
    while (found := (OPENING if opener is None else CLOSING[opener]).search(text, i)) is not None:
        i = found.start()
        if opener is None:
            if _opens(text, i):
                opener, begin, nested = text[i], i + 1, 0
        elif _closes(text, i, opener, nested):
            spans.append((begin, i, opener))
            opener = None
        elif opener == '"' and text[i] in "“”":
            nested += 1 if text[i] == "“" else -1 if nested else 0
        i += 1
    if opener is not None:
        if CLOSERS[opener][0] in SPANNING:
            spans.append((begin, len(text), opener))
        else:
            opener = None  # an unclosed single mark is an apostrophe, not a quote
    return ScanResult(spans, opener, continued)


def _doubled_apostrophes(text: str) -> str:
    """Two apostrophes as one double mark (''Like this,'' as some archives print quotes).

    The same length, so offsets hold: an opening pair becomes ' "', a closing one '" '.
    """
    if "''" not in text:
        return text
    chars = list(text)
    i = text.find("''")
    while i >= 0:
        before = text[i - 1] if i else " "
        after = text[i + 2] if i + 2 < len(text) else " "
        if before == " " and after.isspace() and i >= 2 and text[i - 2] in ",.?!":
            # "coalitions, '' said Berg": a closing pair set off by a stray space.
            chars[i - 1 : i + 2] = ['"', " ", " "]
        elif (before.isspace() or before in "([{—–/") and not after.isspace():
            chars[i : i + 2] = [" ", '"']
        elif after == "'":  # "a special case,'''": a single mark closes, then the pair
            chars[i + 1 : i + 3] = ['"', " "]
            i += 1
        else:
            chars[i : i + 2] = ['"', " "]
        i = text.find("''", i + 2)
    return "".join(chars)


def find_quote_spans(texts: Sequence[tuple[int, str]]) -> list[QuoteSpan]:
    """Quotes over consecutive kept paragraphs, given as (offset in article, text) pairs."""
    quotes: list[QuoteSpan] = []
    carried: str | None = None
    for index, (offset, text) in enumerate(texts):
        scan = scan_paragraph(text, carried)
        for k, (start, end, opener) in enumerate(scan.spans):
            piece = _trimmed(Piece(index, offset + start, offset + end), text, offset)
            if k == 0 and scan.continued and quotes:
                if piece is not None:
                    quotes[-1].pieces.append(piece)
            elif piece is not None:
                quotes.append(QuoteSpan([piece], CLOSERS[opener][0]))
            elif k == len(scan.spans) - 1:
                scan.left_open = None  # nothing quoted yet: nothing to carry on
        carried = scan.left_open
    return [q for q in quotes if q.pieces]


def _trimmed(piece: Piece, text: str, offset: int) -> Piece | None:
    """The piece without surrounding spaces; None when nothing but spaces is quoted."""
    inner = text[piece.start - offset : piece.end - offset]
    # "not realistic,”: the comma before the closing mark is the sentence's, not the speaker's.
    stripped = inner.strip().rstrip(",;: ").strip()
    if not stripped:
        return None
    start = piece.start + inner.index(stripped)
    return Piece(piece.paragraph, start, start + len(stripped))
