"""RSS and Atom feed files (.rss, .atom, .xml): one article per entry.

An entry's text is its full content when the feed carries it, else its summary; HTML goes
through `read_html`, and a fragment too short for a page extractor (a two-sentence summary) is
kept as plain text. An entry with no text, or a feed that is not a feed, is reported and the
other entries go on.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlparse
from xml.sax import SAXParseException

import feedparser

from corroborate.errors import InputReadError
from corroborate.read.article import make_article, source_name
from corroborate.read.decode import Decoded, decode, guessed_warning, with_note
from corroborate.records import Article, ReadError

_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(?:p|div|li|h[1-6]|blockquote|tr)\s*>|<br\s*/?>", re.IGNORECASE)


def read_feed(path: str | Path) -> Iterator[Article | ReadError]:
    """An Article for every entry with text; a ReadError for each entry or feed that fails."""
    source = source_name(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        yield ReadError(source, f"cannot read the file: {exc.strerror or exc}")
        return
    yield from read_feed_bytes(data, source)


def read_feed_bytes(data: bytes, source: str) -> Iterator[Article | ReadError]:
    """`read_feed` of a feed's bytes (standard input), its entries named `source#ID`."""
    parsed, decoded = _parse(data, source)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        why = f": {problem}" if problem else ""
        yield ReadError(source, f"not an RSS or Atom feed, or a feed with no entries{why}")
        return
    outlet = _outlet(parsed.feed.get("title"), parsed.feed.get("link"))
    broken = _xml_problem(parsed.get("bozo_exception"))
    last = len(parsed.entries) - 1
    for index, entry in enumerate(parsed.entries):
        item = with_note(_entry(entry, source, index, outlet), decoded)
        if broken and index == last and isinstance(item, ReadError):
            # The entry the XML breaks off in: "no text" would hide why.
            why = f"the feed is cut off or broken in this entry ({broken}); this entry and "
            item = ReadError(item.source, why + "any after it are missing")
            broken = None
        yield item
    if broken:  # broken after the last whole entry: say so, or entries vanish unannounced
        # The parser reads on past the break as best it can: name the last entry it gave, so
        # the reader can see whether any entry of the feed is missing after it.
        yield ReadError(
            source,
            f"the feed is cut off or broken ({broken}); {len(parsed.entries)} entries were "
            f"read, the last {item.source}: any entry after it is missing",
        )


# A character reference to half of a UTF-16 pair (&#xD800;, &#55296;) stops feedparser with
# UnicodeEncodeError; it stands for no character, so it is read as U+FFFD.
_SURROGATE_REF = re.compile(
    rb"&#(?:[xX]0*[dD][89a-fA-F][0-9a-fA-F]{2}"  # D800-DFFF
    rb"|0*(?:5529[6-9]|55[3-9][0-9]{2}|56[0-9]{3}|57[0-2][0-9]{2}|573[0-3][0-9]|5734[0-3]));"
)
_XML_ENCODING = re.compile(rb"""^(\s*<\?xml[^>]*?encoding\s*=\s*)["'][^"']*["']""")


# A feed's title names the outlet and often the feed's section after it ("Esker Valley Echo
# — News", "Ostrell Post | Latest", "Kessel FM - Home"): the section is no part of the outlet
# a reader is shown on every line of a report.
_SECTION = re.compile(
    r"\s+[—–|-]\s+(?:(?:all |latest |top |local |breaking )?(?:news|stories|headlines|articles"
    r"|posts)|home|latest|front page|homepage|rss|rss feed|feed|top stories)\s*$",
    re.IGNORECASE,
)


def _outlet(title: str | None, link: str | None = None) -> str | None:
    """The outlet a feed's title names, without the feed's section: a section word, or the
    last part of the feed's own link ("Goalmouth — Transfers" for .../transfers). Sections of
    other names ("Brightside News — Business") stayed in the outlet (session-12 audit)."""
    if not title or not title.strip():
        return None
    name = _SECTION.sub("", title.strip())
    parts = _SECTION_SPLIT.split(name)
    if len(parts) == 2 and parts[0].strip() and _names_link(parts[1], link):
        name = parts[0]
    return name.strip() or title.strip()


_SECTION_SPLIT = re.compile(r"\s+[—–|-]\s+")


def _names_link(section: str, link: str | None) -> bool:
    """Whether a title's last part is the feed link's last path segment ("Business" and
    https://site.example/business, "Local Sport" and .../local-sport)."""
    if not link:
        return False
    segment = urlparse(link).path.rstrip("/").rsplit("/", 1)[-1]
    words = re.sub(r"[-_+]+", " ", segment).casefold().split()
    return bool(words) and words == section.casefold().split()


def _parse(data: bytes, source: str) -> tuple[Any, Decoded]:
    """The parsed feed, and how its bytes were decoded.

    A feed whose bytes do not fit the encoding it declares (or UTF-8, XML's default) is read
    by feedparser in a legacy encoding it guesses, wholesale: UTF-8 with one stray byte came
    out as ISO-8859-9, every accented letter garbled. Such a feed is decoded as every other
    file is (a few stray bytes replaced, else a guess that prefers Western encodings), and
    its readers are told.
    """
    parsed = feedparser.parse(_SURROGATE_REF.sub(b"&#xFFFD;", data))
    problem = parsed.get("bozo_exception")
    if not isinstance(problem, feedparser.CharacterEncodingOverride):
        encoding = str(parsed.get("encoding") or "utf-8")
        plain = encoding.lower().startswith(("utf", "us-ascii", "ascii"))
        declared = None if plain else encoding
        return parsed, Decoded("", declared and f"not UTF-8: read as {declared} (declared)")
    try:
        decoded = decode(data, source)
    except InputReadError:  # nothing fits better: keep the feed parser's guess, and say so
        encoding = str(parsed.get("encoding") or "an unknown encoding")
        note = f"not UTF-8: read as {encoding} (detected by the feed parser)"
        return parsed, Decoded("", note, guessed_warning(encoding))
    utf8 = _XML_ENCODING.sub(rb'\1"utf-8"', decoded.text.encode("utf-8"), count=1)
    return feedparser.parse(utf8), decoded


def _xml_problem(problem: object) -> str | None:
    """Where and how the feed stops being well-formed XML, if it does. feedparser reads what
    it can and keeps the error in `bozo_exception`; its other bozo notes (an encoding
    declared wrongly, say) lose nothing and are not reported."""
    if not isinstance(problem, SAXParseException):
        return None
    return f"not well-formed XML at line {problem.getLineNumber()}: {problem.getMessage()}"


def _entry(entry: Any, source: str, index: int, outlet: str | None) -> Article | ReadError:
    link = entry.get("link") or None
    name = f"{source}#{link or entry.get('id') or f'entry-{index + 1}'}"
    html, kind = _content(entry)
    if not html or not html.strip():
        return ReadError(name, "the feed entry has no text (no content and no summary)")
    meta = {
        "title": _plain(entry.get("title")),
        "published": _published(entry),
        "author": entry.get("author") or None,
        "outlet": outlet,
        "url": link,
        "source_id": entry.get("id") or link,
    }
    if kind == "text/plain" or "<" not in html:
        return _as_text(html, name, meta)
    from corroborate.read.html import read_html

    try:
        return read_html(html, source=name, url=link, meta=meta)
    except InputReadError:
        return _as_text(_fragment_text(html), name, meta)  # a summary, not a page


def _content(entry: Any) -> tuple[str | None, str]:
    for content in entry.get("content") or ():
        if content.get("value"):
            return content["value"], content.get("type", "text/html")
    detail = entry.get("summary_detail") or {}
    return entry.get("summary"), detail.get("type", "text/html")


def _as_text(text: str, name: str, meta: Mapping[str, str | None]) -> Article | ReadError:
    text = text.strip()
    if not text:
        return ReadError(name, "the feed entry has no text (only markup)")
    return make_article(
        source=name,
        text=text,
        title=meta["title"],
        outlet=meta["outlet"],
        url=meta["url"],
        published=meta["published"],
        author=meta["author"],
        source_id=meta["source_id"],
    )


def _fragment_text(html: str) -> str:
    """Paragraphs of an HTML fragment as text, one blank line between blocks."""
    from html import unescape

    text = _BLOCK_END.sub("\n\n", html)
    text = unescape(_TAG.sub("", text))
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def _plain(value: str | None) -> str | None:
    if not value:
        return None
    return " ".join(_fragment_text(value).split()) or None


def _published(entry: Any) -> str | None:
    """The entry's date as ISO 8601 (UTC), from the parsed published or updated date."""
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            stamp = calendar.timegm(parsed)
            return datetime.fromtimestamp(stamp, UTC).isoformat(timespec="seconds")
    return None
