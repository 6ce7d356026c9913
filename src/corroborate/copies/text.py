"""Text units for copy detection: passages for signatures, sentences for verification.

Both work on the story text only (kept paragraphs in story mode, non-empty lines in corpus
mode), never on removed blocks. Words are folded so that the differences copy desks make
without rewriting (curly vs straight quotes, dashes, case, British vs American spelling) do not
count as differences.
"""

from __future__ import annotations

import bisect
import re
import string
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

# A sentence ends at . ! ? (optionally followed by a closing quote) before whitespace and a
# capital, digit or opening quote; good enough for alignment, which tolerates split errors.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(\[A-Z0-9])")
_OPEN_QUOTES = "“«„"
_CLOSE_QUOTES = "”»"

# British -> American endings, applied to every word on both sides so that "defence" and
# "defense", "organise" and "organize", "colour" and "color" hash alike. Merging a few
# unrelated words this way costs nothing measurable; missing a re-spelt copy would.
_SPELLING = (
    ("isation", "ization"),
    ("ised", "ized"),
    ("ising", "izing"),
    ("ise", "ize"),
    ("ises", "izes"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("ysing", "yzing"),
    ("our", "or"),
    ("ours", "ors"),
    ("ence", "ense"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ogue", "og"),
)


_SPELLING_LONGEST_FIRST = sorted(_SPELLING, key=lambda pair: -len(pair[0]))


def fold_word(word: str) -> str:
    """The spelling-neutral form of one lower-case word (three letters at least before the
    ending, so that short words stay as they are)."""
    for british, american in _SPELLING_LONGEST_FIRST:
        if word.endswith(british) and len(word) - len(british) >= 3:
            return word[: -len(british)] + american
    return word


# Punctuation, quotes and dashes become spaces, so that splitting on whitespace gives the words:
# four times faster than a \w+ regex, and the same words for news text.
_PUNCTUATION = str.maketrans(
    dict.fromkeys(string.punctuation + "“”‘’„‚«»‹›—–―‐‑…•·¿¡′″§¶©®™°", " ")
)


def raw_words(text: str) -> list[str]:
    """The lower-case words of a text, not yet folded (punctuation, quotes, dashes dropped)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return text.lower().translate(_PUNCTUATION).split()


_FOLD = re.compile(r"(?<=\w\w\w)(" + "|".join(b for b, _ in _SPELLING_LONGEST_FIRST) + r")\b")
_FOLD_TO = dict(_SPELLING)


def words(text: str) -> list[str]:
    """The folded words of a text (the same as `fold_word` on each, in one pass)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    text = _FOLD.sub(lambda m: _FOLD_TO[m.group(1)], text.lower())
    return text.translate(_PUNCTUATION).split()


@dataclass(slots=True)
class Unit:
    """A span of an article's text (a sentence or a passage) with its folded words.

    `own_words` are the words outside quotation marks: what the outlet wrote itself. Shared
    quotes alone are not copying, so only own words count as evidence.
    """

    start: int
    end: int
    words: list[str]
    own_words: list[str]
    common: bool = False  # inside a passage found in very many documents (boilerplate)

    @property
    def normal(self) -> str:
        return " ".join(self.words)

    @property
    def own_normal(self) -> str:
        return " ".join(self.own_words)


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """The paragraphs of corpus-mode input, stripped: blocks between blank lines where the
    text has blank lines (so hard-wrapped lines stay one paragraph), else non-empty lines."""
    if _BLANK_LINE.search(text):
        bounds = [
            0,
            *(x for m in _BLANK_LINE.finditer(text) for x in (m.start(), m.end())),
            len(text),
        ]
        chunks = list(zip(bounds[::2], bounds[1::2], strict=True))
    else:
        chunks, pos = [], 0
        for line in text.splitlines(keepends=True):
            chunks.append((pos, pos + len(line)))
            pos += len(line)
    spans = []
    for start, end in chunks:
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            first = start + piece.index(stripped)
            spans.append((first, first + len(stripped)))
    return spans


def sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence spans inside text[start:end]."""
    chunk = text[start:end]
    pos = 0
    for match in [*_SENTENCE_END.finditer(chunk), None]:
        stop = match.start() if match else len(chunk)
        piece = chunk[pos:stop]
        stripped = piece.strip()
        if stripped:
            s = start + pos + piece.index(stripped)
            yield s, s + len(stripped)
        pos = match.end() if match else len(chunk)


_QUOTE_CHARS = re.compile(r"[\"“”«»„]")


def _is_opening(text: str, pos: int, inside: bool) -> bool:
    """Whether the quotation mark at pos opens a quote (curly marks say; straight ones are
    read from the spacing around them, else from whether a quote is open)."""
    char = text[pos]
    if char in _OPEN_QUOTES:
        return True
    if char in _CLOSE_QUOTES:
        return False
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if before.isspace() != after.isspace():
        return before.isspace() or before in "([{—–-"
    return not inside


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Quoted spans of the text (marks included).

    A quote closes at the next closing mark. It runs on into the next paragraph only when that
    paragraph opens with a quotation mark (the news convention for a long quote); otherwise it
    ends with its paragraph, so a stray mark cannot swallow the rest of the article. A
    paragraph whose first mark closes a quote is quoted from its start (a quote set out one
    sentence a line).
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    last_end = 0
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        body = line.strip()
        if not body:
            continue
        line_start = start + line.index(body)
        if open_at is not None and not (body[0] in _OPEN_QUOTES or body[0] == '"'):
            spans.append((open_at, last_end))
            open_at = None
        first = True
        for mark in _QUOTE_CHARS.finditer(line):
            at = start + mark.start()
            if _is_opening(text, at, open_at is not None):
                open_at = at if open_at is None else open_at
            elif open_at is not None:
                spans.append((open_at, at + 1))
                open_at = None
            elif first:
                spans.append((line_start, at + 1))
            first = False
        last_end = start + len(line.rstrip())
    if open_at is not None:
        spans.append((open_at, last_end))
    return spans


def own_text(text: str, start: int, end: int, quoted: list[tuple[int, int]]) -> str:
    """text[start:end] with its quoted parts blanked out (`quoted` sorted, not overlapping)."""
    pieces, pos = [], start
    first = bisect.bisect_right(quoted, (start, len(text) + 1)) - 1
    for q_start, q_end in quoted[max(0, first) :]:
        if q_start >= end:
            break
        if q_end <= pos:
            continue
        pieces.append(text[pos : max(pos, q_start)])
        pos = max(pos, min(end, q_end))
    pieces.append(text[pos:end])
    return " ".join(pieces)


def sentence_units(text: str, paragraphs: list[tuple[int, int]]) -> list[Unit]:
    """The sentences of the given paragraphs, with their own (unquoted) words."""
    quoted = quote_spans(text)
    starts = [q[0] for q in quoted]
    units = []
    for p_start, p_end in paragraphs:
        for s, e in sentence_spans(text, p_start, p_end):
            all_words = words(text[s:e])
            if not all_words:
                continue
            # most sentences hold no quotation: their own words are all their words
            k = bisect.bisect_left(starts, e)
            touched = k > 0 and quoted[k - 1][1] > s
            own = words(own_text(text, s, e, quoted)) if touched else all_words
            units.append(Unit(s, e, all_words, own))
    return units


def passage_spans(
    text: str, paragraphs: list[tuple[int, int]], *, min_words: int, max_words: int
) -> list[tuple[int, int, list[str]]]:
    """Passages for signatures (with their raw words): paragraphs, long ones cut at sentence ends.

    Passages never cross paragraphs, so dropping or reordering paragraphs (abridged and
    reordered copies) leaves the other passages' signatures intact. Lines shorter than
    `min_words` (captions, buttons, teaser fragments) get no signature.
    """
    passages = []
    # ASCII text keeps its length through lower() and the punctuation table: prepare it once
    # and cut paragraphs out of it by offset.
    prepared = text.lower().translate(_PUNCTUATION) if text.isascii() else None
    for p_start, p_end in paragraphs:
        para_words = (
            prepared[p_start:p_end].split()
            if prepared is not None
            else raw_words(text[p_start:p_end])
        )
        if len(para_words) < min_words:
            continue
        if len(para_words) <= max_words:
            passages.append((p_start, p_end, para_words))
            continue
        cur_start, cur_words = -1, []
        for s, e in sentence_spans(text, p_start, p_end):
            if cur_start < 0:
                cur_start = s
            cur_words.extend(raw_words(text[s:e]))
            if len(cur_words) >= max_words // 2:
                passages.append((cur_start, e, cur_words))
                cur_start, cur_words = -1, []
        if cur_words:
            if len(cur_words) < min_words and passages and passages[-1][0] >= p_start:
                last = passages.pop()
                passages.append((last[0], p_end, last[2] + cur_words))
            else:
                passages.append((cur_start, p_end, cur_words))
    return passages
