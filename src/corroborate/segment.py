"""Sentences with offsets into the article text.

A rule-based splitter: fast (no model), exact offsets, and tuned for news prose:
- a boundary is a `.`, `!`, `?` or `…` followed by closing quotes/brackets, whitespace, and then
  an opening quote, a capital letter or a digit;
- no boundary after an abbreviation (Gen., Dr., Sen., Jan.), an initial (J. D. Vance) or a dotted
  acronym followed by a capitalised word ("U.S. Defense Secretary");
- closing quotation marks stay with the sentence they end, so a quote that spans sentences
  splits into sentences that each keep their own marks;
- a paragraph without final punctuation (a headline, a subheading, a name line) is one sentence.
Sentences never cross paragraph boundaries, so nothing from removed text can join a sentence.
"""

from __future__ import annotations

import re
from itertools import pairwise

from corroborate.records import Article, Paragraph, Sentence

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col sgt capt cmdr adm maj brig sen rep gov pres supt insp det rev
    fr sr jr st mt ft no nos vol vols art fig figs approx est inc ltd co corp plc bros dept univ
    assn jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat
    sun vs etc al e.g i.e cf ave blvd rd hon messrs mme mlle""".split()
)
# No paragraph of 20,351 real ones (extraction benchmark pages, PolNeAR, ECB+, seeds) is longer
# than 2,573 characters: a longer one is a page flattened onto one line, cut into pieces.
_LONG_PARAGRAPH = 3000
_PIECE = 1200
# Longer than any abbreviation or dotted acronym the rules below look for.
_WORD_WINDOW = 40
_CANDIDATE = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s+[\"“‘'«(\[]?[A-Z0-9])")


def segment_article(article: Article) -> Article:
    """Fill `article.sentences` from its kept paragraphs; a paragraph too long to be one (a page
    flattened onto a line) is first cut, between its sentences, into paragraph-sized pieces."""
    paragraphs: list[Paragraph] = []
    article.sentences = []
    for paragraph in article.paragraphs:
        spans = split_sentences(article.text, paragraph.start, paragraph.end)
        first = len(paragraphs)
        paragraphs += _pieces(paragraph, spans)
        piece = first
        for start, end in spans:  # in order: each in the first piece that has not ended
            while end > paragraphs[piece].end:
                piece += 1
            article.sentences.append(_sentence(article, start, end, piece))
    article.paragraphs = paragraphs
    return article


def _sentence(article: Article, start: int, end: int, paragraph: int) -> Sentence:
    return Sentence(
        article=article.id,
        index=len(article.sentences),
        start=start,
        end=end,
        text=article.text[start:end],
        paragraph=paragraph,
    )


def _pieces(paragraph: Paragraph, spans: list[tuple[int, int]]) -> list[Paragraph]:
    """The paragraph, or, when it is longer than any real one, runs of its whole sentences of
    about a long paragraph's length each. Every later stage reads a paragraph's sentences
    against the whole paragraph's parse, so one of 40 KB cost a minute, and 12 MB never ended;
    no offset changes, and nothing between the pieces but the space between two sentences."""
    if paragraph.end - paragraph.start <= _LONG_PARAGRAPH or len(spans) < 2:
        return [paragraph]
    pieces: list[Paragraph] = []
    begin = spans[0][0]
    for (_, end), (following, _) in pairwise(spans):
        if end - begin >= _PIECE:
            pieces.append(Paragraph(begin, end))
            begin = following
    pieces.append(Paragraph(begin, spans[-1][1]))
    return pieces


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the sentences of `text[start:end]`, as offsets into `text`."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _CANDIDATE.finditer(chunk):
        if not _is_boundary(chunk, match):
            continue
        _add(spans, chunk, begin, match.end(), start)
        begin = match.end()
    _add(spans, chunk, begin, len(chunk), start)
    return spans


def _is_boundary(chunk: str, match: re.Match[str]) -> bool:
    if match.group()[0] != "." or match.group().startswith(".."):
        return True  # "!", "?", or an ellipsis followed by a capital
    if any(ch in match.group() for ch in "\"”’'»)]"):
        return True  # a closing quote or bracket after the full stop: not an abbreviation
    # Only the word before the stop matters: a window, not the whole chunk before it (that
    # made one long paragraph, a page flattened onto one line, quadratic: 400 KB took 21 s).
    before = chunk[max(0, match.start() - _WORD_WINDOW) : match.start()]
    word_match = re.search(r"([A-Za-z][A-Za-z.]*)$", before)
    if not word_match:
        return True  # "...in 2014." or "...$5." end sentences
    word = word_match.group(1)
    if len(word) >= _WORD_WINDOW:
        return True  # no abbreviation, initial or acronym is this long
    bare = word.lower().rstrip(".")
    if bare in _ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. D. Vance", "Donald J. Trump"
    # Dotted acronyms ("U.S.", "U.K.") usually modify the next word; at a sentence end they
    # are followed by a pronoun or an article far more often than by a name.
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
        following = chunk[match.end() :].lstrip(" \"“‘'")
        next_word = re.match(r"[A-Za-z]+", following)
        return bool(next_word and next_word.group().lower() in _SENTENCE_STARTERS)
    return True


_SENTENCE_STARTERS = frozenset(
    "the a an he she it they we i this that these those but and in on at his her their its "
    "there however meanwhile yet so".split()
)


def _add(spans: list[tuple[int, int]], chunk: str, begin: int, stop: int, offset: int) -> None:
    piece = chunk[begin:stop]
    stripped = piece.strip()
    if not stripped:
        return
    left = begin + piece.index(stripped)
    spans.append((offset + left, offset + left + len(stripped)))
