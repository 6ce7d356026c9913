"""HTML pages: the main text and metadata of an article page.

Two extractors that fail differently are combined. trafilatura in its precision mode gives the
main text with good recall but keeps some page furniture at its edges (the headline again, teaser
titles of other stories above or below the article, newsletter boxes, a publisher's "about us"
paragraph). readability-lxml picks the single best content block of the page, which seldom holds
that furniture but sometimes misses paragraphs inside the story (embedded posts, list items).

So trafilatura's text is kept from the first to the last of its lines that readability's text
agrees with, and nothing inside that span is dropped: agreement marks where the story starts and
ends, trafilatura says what lies between. On the 91 development pages of the
article-extraction-benchmark this scores main-text F1 0.981, against 0.965 for trafilatura alone
and 0.963 for readability alone (bench/bench_extraction.py), and it beats both on each half of
those pages; the result does not move when the two thresholds below are halved or raised.

Metadata (title, author, date, site name, canonical URL) comes from trafilatura (meta tags,
JSON-LD, the page itself); what the caller already knows (`meta`) wins.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml.etree import ParserError
from readability import Document as ReadabilityDocument
from readability.readability import Unparseable
from trafilatura.settings import Document as TrafilaturaDocument

from corroborate.errors import InputReadError
from corroborate.read.article import make_article
from corroborate.read.text import page_dateline
from corroborate.records import Article

_WORD = re.compile(r"\w+")
_SHINGLE = 4  # words per shingle when comparing two extractors' texts
_AGREE = 0.5  # share of a line's shingles the second opinion must hold for the line to agree
# The second opinion only counts when it found a comparable amount of text: a readability
# result a small fraction of trafilatura's is a different (wrong) block, not a judgement.
_COMPARABLE = 0.3
# trafilatura's own fallbacks run when its fast pass found less than this share of readability's
# words (they matter on 1 development page in 91; 0.5 to 1.2 give the same F1 there).
_RERUN_BELOW = 0.8
# Block elements whose text readability's output is split on (one line of text per block).
_BLOCKS = "p|div|li|h1|h2|h3|h4|h5|h6|blockquote|pre|td|th|dd|dt|figcaption|section|article"
# Elements readability need not see: never the article, and full of links it would rewrite.
_NEVER_ARTICLE = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "nav",
    "footer",
    "aside",
)
# A page holds an article when an extractor finds at least this many words in lines that end
# like sentences: a cookie notice or a list of links is not one.
_MIN_PROSE_WORDS = 20
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’)\]」』）]*$")
# Scripts written without spaces between words: there a character, not a run of word
# characters, is the unit, and about two of them make a word.
_UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD_OR_CHARACTER = re.compile(f"[{_UNSPACED}]|[^\\W{_UNSPACED}]+")
_UNSPACED_CHARACTER = re.compile(f"[{_UNSPACED}]")

# The publication date, not the last-modified one; no full-text date search, which guesses from
# any date in the page (a copyright year, a comment's date).
_DATES = {"original_date": True, "extensive_search": False}

_META_KEYS = frozenset({"title", "author", "published", "outlet", "url", "place", "source_id"})


@dataclass(frozen=True, slots=True)
class HtmlExtraction:
    """What was found in one page, before the caller's metadata is applied."""

    paragraphs: tuple[str, ...]
    title: str | None
    author: str | None
    published: str | None
    sitename: str | None
    url: str | None
    method: str  # which extractor decided the text, for the report's notes and for debugging


def read_html(
    data: str,
    *,
    source: str,
    url: str | None = None,
    meta: Mapping[str, str | None] | None = None,
) -> Article:
    """An Article from one HTML page: main text (paragraphs split by blank lines) and metadata.

    `data` is the page already decoded to str. `meta` holds what the caller knows (keys `title`,
    `author`, `published`, `outlet`, `url`, `place`, `source_id`); a non-empty value there wins over
    what the page says. Raises InputReadError when the page holds no article text.
    """
    meta = dict(meta or {})
    unknown = set(meta) - _META_KEYS
    if unknown:
        raise ValueError(f"read_html: unknown meta keys {sorted(unknown)}")
    found = extract_html(data, source=source, url=meta.get("url") or url)

    def pick(key: str, page_value: str | None) -> str | None:
        given = meta.get(key)
        return given.strip() if given and given.strip() else page_value

    article = make_article(
        source=source,
        text="\n\n".join(found.paragraphs),
        title=pick("title", found.title),
        outlet=pick("outlet", found.sitename),
        url=pick("url", found.url),
        published=pick("published", found.published),
        author=pick("author", found.author),
        place=pick("place", None),
        source_id=pick("source_id", None),
    )
    article.meta["extraction"] = found.method
    _note_dateline(article)
    return article


def _note_dateline(article: Article) -> None:
    """A dateline opening the first paragraph ("LARKMOOR — A High Court judge ...") gives the
    place, and the date when the page gave none; cleaning lists it as removed, as it does for
    text (a feed entry's dateline stayed in the story and opened its first claim)."""
    found = page_dateline(article.text)
    if found is None:
        return
    start, end, place, published = found
    article.meta["dateline_span"] = (start, end)
    article.place = article.place or place
    article.published = article.published or published


def extract_html(data: str, *, source: str, url: str | None = None) -> HtmlExtraction:
    """The main text and metadata of a page, or InputReadError when there is no article."""
    if not data.strip():
        raise InputReadError(source, "no article text found in the HTML page (the page is empty)")
    second = _readability_lines(data)
    document = _trafilatura(data, url, second)
    lines = _lines(document.text if document is not None else None)
    if _is_prose(lines):
        lines = trim_to_agreement(lines, second)
        method = "trafilatura+readability" if second else "trafilatura"
    elif _is_prose(second):
        lines, method = list(second), "readability"
    else:
        raise InputReadError(
            source,
            "no article text found in the HTML page (neither trafilatura nor readability "
            "found a block of prose; is it an index, a login or an error page?)",
        )
    title = _clean(document.title) if document is not None else None
    lines = _drop_leading_title(lines, title)
    if not lines:
        raise InputReadError(
            source, "no article text found in the HTML page (only a headline, no text)"
        )
    return HtmlExtraction(
        paragraphs=tuple(lines),
        title=title,
        author=_clean(document.author) if document is not None else None,
        published=_clean(document.date) if document is not None else None,
        sitename=_sitename(document.sitename) if document is not None else None,
        url=_clean(document.url) if document is not None else url,
        method=method,
    )


def _trafilatura(data: str, url: str | None, second: Sequence[str]) -> TrafilaturaDocument | None:
    """trafilatura's precision mode, its own fallbacks only where they can matter.

    Its fallbacks (its copy of readability, then jusText) exist to recover text its own pass
    missed, and they cost a third of its time; readability has already run here, so they run
    only when trafilatura found clearly less text than readability did, or none. When precision
    mode finds nothing at all, the default mode gets a try.
    """
    found = _bare_extraction(data, url, favor_precision=True, fast=True)
    readability_words = sum(len(_words(line)) for line in second)
    if _word_total(found) < _RERUN_BELOW * readability_words or _word_total(found) == 0:
        again = _bare_extraction(data, url, favor_precision=True, fast=False)
        found = again if again is not None else found
    if _word_total(found) == 0:
        default = _bare_extraction(data, url, favor_precision=False, fast=False)
        found = default if default is not None else found
    if found is not None:
        return found
    # No text at all: the metadata still serves when readability finds the text.
    return trafilatura.extract_metadata(data, default_url=url, date_config=_DATES)


def _word_total(document: TrafilaturaDocument | None) -> int:
    return len(_words(document.text or "")) if document is not None else 0


def _bare_extraction(
    data: str, url: str | None, *, favor_precision: bool, fast: bool
) -> TrafilaturaDocument | None:
    found = trafilatura.bare_extraction(
        data,
        url=url,
        fast=fast,
        favor_precision=favor_precision,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        deduplicate=False,  # its dedup cache is module state: results would depend on history
        date_extraction_params=_DATES,
    )
    return found if isinstance(found, TrafilaturaDocument) else None


def _readability_lines(data: str) -> list[str]:
    """readability-lxml's best content block, one line per block element; [] when it fails."""
    try:
        summary = ReadabilityDocument(_pruned_tree(data)).summary(html_partial=True)
        root = lxml.html.fromstring(summary)
    except (Unparseable, ParserError, ValueError):
        return []
    for element in root.iter(*_BLOCKS.split("|"), "br"):
        # Newlines around block elements, so that text from two blocks never joins into one line.
        element.tail = "\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
    return _lines(root.text_content())


def _pruned_tree(data: str) -> lxml.html.HtmlElement:
    """The page parsed as readability parses a str, less what is never the article.

    readability cleans the whole tree and rewrites every link before it scores anything; on news
    pages most links sit in menus and footers, so dropping those first halves its time without
    changing its choice (same F1 on the development pages). Forms stay: some sites wrap the
    whole page in one.
    """
    parser = lxml.html.HTMLParser(encoding="utf-8")  # one per call: parsers are not thread-safe
    root = lxml.html.document_fromstring(data.encode("utf-8", "replace"), parser=parser)
    for element in list(root.iter(*_NEVER_ARTICLE)):
        element.drop_tree()
    return root


def _lines(text: str | None) -> list[str]:
    lines = (re.sub(r"\s+", " ", line).strip() for line in (text or "").splitlines())
    return [line for line in lines if line]


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _shingles(words: Sequence[str]) -> set[tuple[str, ...]]:
    if len(words) < _SHINGLE:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}


def trim_to_agreement(lines: Sequence[str], second: Sequence[str]) -> list[str]:
    """`lines` from the first to the last line the second opinion agrees with.

    Lines are kept unchanged when the second opinion is missing, too small to compare, or agrees
    with no line at all (it then chose another part of the page: no evidence either way).
    """
    second_words = [w for line in second for w in _words(line)]
    first_count = sum(len(_words(line)) for line in lines)
    if not second_words or len(second_words) < _COMPARABLE * first_count:
        return list(lines)
    vocabulary = set(second_words)
    shingles: set[tuple[str, ...]] = set()
    for line in second:
        shingles |= _shingles(_words(line))
    agreed = [i for i, line in enumerate(lines) if _agrees(line, shingles, vocabulary)]
    if not agreed:
        return list(lines)
    return list(lines[agreed[0] : agreed[-1] + 1])


def _agrees(line: str, shingles: set[tuple[str, ...]], vocabulary: set[str]) -> bool:
    words = _words(line)
    if not words:
        return False  # punctuation or symbols only: it cannot mark where the story starts
    if len(words) < _SHINGLE:
        return all(word in vocabulary for word in words)
    own = _shingles(words)
    return len(own & shingles) >= _AGREE * len(own)


def _is_prose(lines: Sequence[str]) -> bool:
    """Enough words in lines that end like sentences to call it an article's text."""
    prose = sum(_word_count(line) for line in lines if _SENTENCE_END.search(line))
    return prose >= _MIN_PROSE_WORDS


def _word_count(line: str) -> float:
    return len(_WORD_OR_CHARACTER.findall(line)) - len(_UNSPACED_CHARACTER.findall(line)) / 2


def _drop_leading_title(lines: list[str], title: str | None) -> list[str]:
    """The headline repeated as the first line is metadata, not a paragraph of the story."""
    if title and lines and _words(lines[0]) == _words(title):
        return lines[1:]
    return lines


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = re.sub(r"\s+", " ", value).strip()
    return value or None


def _sitename(value: str | None) -> str | None:
    """A site name as an outlet: its name without a tagline ('Name | Tagline') or handle's '@'."""
    value = _clean(value)
    if not value:
        return None
    name = value.split(" | ")[0].strip().lstrip("@")
    return name or None
