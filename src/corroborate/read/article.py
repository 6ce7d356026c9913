"""Building an Article from what a reader found: ids, outlet names."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path, PurePath
from typing import overload
from urllib.parse import urlparse

from corroborate.errors import InputReadError
from corroborate.records import Article


def article_id(text: str, outlet: str | None) -> str:
    """A content-derived id: the same text from the same outlet always gets the same id.

    The outlet is part of the identity because two outlets running one wire story verbatim are
    two articles (one source, but two publications); whitespace differences do not count.
    """
    normal = re.sub(r"\s+", " ", text).strip()
    digest = hashlib.sha1(f"{(outlet or '').lower()}\0{normal}".encode()).hexdigest()
    return f"a-{digest[:16]}"


def outlet_from(outlet: str | None, url: str | None, source: str) -> str:
    """The outlet from metadata, else the URL's host, else the file name."""
    if outlet and outlet.strip():
        return outlet.strip()
    if url:
        host = urlparse(url).hostname or ""
        host = host.removeprefix("www.")
        if host:
            return host
    if source in ("-", "<stdin>"):
        return "stdin"
    # "cnn.html.gz" is cnn's, as "cnn.html" is; so is line 3 of "cnn.jsonl.gz" ("...:3").
    plain = _GZ_NAME.sub("", source)
    return PurePath(plain).stem or source


_GZ_NAME = re.compile(r"\.gz(?=(?::\d+|\[\d+\]|#.*)?$)", re.IGNORECASE)


# Half of a UTF-16 pair with no other half: a JSON "\ud800" escape or an HTML/XML "&#xD800;"
# decodes to one, and no UTF-8 (the store, the report, the article's id) can hold it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def source_name(path: str | Path) -> str:
    """A path as inputs are named in reports, the store and messages: as given, except that
    a file name's bytes that are not UTF-8 (which Python holds as lone surrogates, and no
    UTF-8 output can hold) are written as \\xNN, so the name still says which file it is."""
    name = str(path)
    if not _SURROGATE.search(name):
        return name
    return _SURROGATE.sub(_escaped, name)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else "\ufffd"


# A long-form feature runs to 100,000-150,000 characters; a text several times that is a
# crawl or a book in one file, whose parse would take hours (it is told, not read).
MAX_ARTICLE_CHARS = 500_000


def _too_long(length: int) -> str:
    return (
        f"too long for one article ({length:,} characters; corroborate reads up to "
        f"{MAX_ARTICLE_CHARS:,}): if it holds many articles, give each its own file, or one "
        "a line as JSON lines"
    )


def make_article(
    *,
    source: str,
    text: str,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published: str | None = None,
    author: str | None = None,
    place: str | None = None,
    source_id: str | None = None,
) -> Article:
    """An Article with its id and outlet filled in from whatever metadata there is.

    An unpaired surrogate becomes U+FFFD (one character for one, so offsets hold) and the
    article says so in `decoding`, as for bytes that were not valid UTF-8.
    """
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputReadError(source_name(source), _too_long(len(text)))
    fields = (text, title, outlet, url, published, author, place, source_id)
    found = sum(len(_SURROGATE.findall(f)) for f in fields if f)
    if found:
        text = _whole(text)
        title, outlet, url, author = _whole(title), _whole(outlet), _whole(url), _whole(author)
        published, place, source_id = _whole(published), _whole(place), _whole(source_id)
    source = source_name(source)
    name = outlet_from(outlet, url, source)
    article = Article(
        id=article_id(text, name),
        source=source,
        text=text,
        title=title,
        outlet=name,
        url=url,
        published=published,
        author=author,
        place=place,
        source_id=source_id or url or source,
    )
    if found:
        were = "surrogate escape was" if found == 1 else "surrogate escapes were"
        article.decoding = f"{found} unpaired {were} replaced by \N{REPLACEMENT CHARACTER}"
    return article


@overload
def _whole(value: str) -> str: ...
@overload
def _whole(value: None) -> None: ...
def _whole(value: str | None) -> str | None:
    return _SURROGATE.sub("\ufffd", value) if value else value
