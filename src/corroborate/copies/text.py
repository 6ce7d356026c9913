"""Text units for copy detection: passages for signatures, sentences for verification.

Both work on the story text only (kept paragraphs in story mode, non-empty lines in corpus
mode), never on removed blocks. Words are folded so that the differences copy desks make
without rewriting (curly vs straight quotes, dashes, case, British vs American spelling) do not
count as differences.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

_WORD = re.compile(r"\w+")
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
    ("our", "or"),
    ("ours", "ors"),
    ("ence", "ense"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ogue", "og"),
)


def fold_word(word: str) -> str:
    """The spelling-neutral form of one lower-case word."""
    if len(word) > 5:
        for british, american in _SPELLING:
            if word.endswith(british):
                return word[: -len(british)] + american
    return word


def raw_words(text: str) -> list[str]:
    """The lower-case words of a text, not yet folded (punctuation, quotes, dashes dropped)."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def words(text: str) -> list[str]:
    """The folded words of a text."""
    return [fold_word(w) for w in raw_words(text)]


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

    @property
    def normal(self) -> str:
        return " ".join(self.words)

    @property
    def own_normal(self) -> str:
        return " ".join(self.own_words)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """The non-empty lines of a text, stripped: the paragraphs of corpus-mode input."""
    spans = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped)
            spans.append((start, start + len(stripped)))
        pos += len(line)
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


def quote_mask(text: str, start: int, end: int) -> list[bool]:
    """For each character of text[start:end], whether it lies inside quotation marks.

    Straight double quotes toggle; curly quotes open and close. A paragraph that opens a quote
    without closing it (a quote running on into the next paragraph) is quoted to its end.
    """
    mask = []
    inside = False
    for char in text[start:end]:
        if char in _OPEN_QUOTES or (char == '"' and not inside):
            mask.append(True)
            inside = True
        elif char in _CLOSE_QUOTES or (char == '"' and inside):
            mask.append(True)
            inside = False
        else:
            mask.append(inside)
    return mask


def sentence_units(text: str, paragraphs: list[tuple[int, int]]) -> list[Unit]:
    """The sentences of the given paragraphs, with their own (unquoted) words."""
    units = []
    for p_start, p_end in paragraphs:
        mask = quote_mask(text, p_start, p_end)
        for s, e in sentence_spans(text, p_start, p_end):
            own_text = "".join(" " if mask[i - p_start] else text[i] for i in range(s, e))
            unit = Unit(s, e, words(text[s:e]), words(own_text))
            if unit.words:
                units.append(unit)
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
    for p_start, p_end in paragraphs:
        para_words = raw_words(text[p_start:p_end])
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
