"""Bytes to text: UTF-8, UTF-8 with BOM, UTF-8 with a few stray bytes replaced, then a
detected legacy encoding (Western on a tie); binary is refused."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from typing import TypeVar

from corroborate.errors import InputReadError
from corroborate.records import Article

T = TypeVar("T")

_REPLACEMENT = "\ufffd"
# Encodings of Western European text (charset_normalizer's names), and how close a
# Western candidate's coherence must come to the best guess's to count as a tie.
_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_15"})
_TIE = 0.01
# charset_normalizer's names of the DOS and other code pages that the WHATWG Encoding
# Standard (what browsers decode pages in) does not know; IBM866 (cp866) it does.
_NOT_WEB = frozenset(
    {"cp037", "cp273", "cp424", "cp437", "cp500", "cp720", "cp737", "cp775", "cp850", "cp852"}
    | {"cp855", "cp856", "cp857", "cp858", "cp860", "cp861", "cp862", "cp863", "cp864"}
    | {"cp865", "cp869", "cp875", "cp1006", "cp1026", "cp1125", "cp1140", "hp_roman8"}
)
# How much more "chaos" (charset_normalizer's mess score) a Western candidate may show and
# still win: typographic punctuation (curly quotes, dashes, guillemets) raises it a little,
# and French text with them came out as cp775 (chaos 0.054) over cp1252 (0.082, but the
# more coherent: 0.600 against 0.571).
_CHAOS_TIE = 0.05

# Control characters other than tab/newline/carriage return/form feed are rare in text and
# common in binary formats; a file with many of them is not something we can read.
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}


@dataclass(slots=True, frozen=True)
class Decoded:
    """A file's text, and a note when it was not clean UTF-8 (kept in `Article.meta`).

    `warning` is what a user is told (`Article.decoding`): set only when the text may differ
    from what the author wrote, because its encoding was guessed or bytes were replaced. A
    charset the input declares is read as given, so it gets a note but no warning.
    """

    text: str
    note: str | None = None
    warning: str | None = None


def with_note(item: T, decoded: Decoded) -> T:
    """The item, an Article of it noting how its bytes were decoded (`meta["decoding"]`) and
    warning its reader when they were guessed at or replaced (`decoding`)."""
    if isinstance(item, Article):
        if decoded.note:
            item.meta["decoding"] = decoded.note
        if decoded.warning:
            item.decoding = decoded.warning
    return item


def decode_bytes(data: bytes, source: str) -> str:
    """The text of a file's bytes, or an InputReadError that says why it is not text."""
    return decode(data, source).text


def decode(data: bytes, source: str, declared: str | None = None) -> Decoded:
    """`decode_bytes`, with a note saying how bytes that are not UTF-8 were read.

    `declared` is the encoding the input names for itself (an HTTP header's charset); an HTML
    page's own `<meta charset>` counts too. Either is used when the bytes are not UTF-8 and
    decode in it, before any guess: on short text the detector cannot tell a Central European
    page from a Western one, and the page can.
    """
    if not data.strip():
        raise InputReadError(source, "the file is empty")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return Decoded(_decoded(data, encoding, source))
    if looks_binary(data):
        raise InputReadError(source, "this looks like a binary file, not text, HTML or JSON")
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged:
        return damaged
    named = _usable(declared) or _usable(html_charset(data))
    as_named = _declared(data, named)
    if as_named is not None and not _misfits(as_named):
        return Decoded(as_named, f"not UTF-8: read as {named} (declared)")
    legacy = _legacy_encoding(data)
    if legacy is None:
        raise InputReadError(
            source, "the bytes are not UTF-8 and no other text encoding fits; convert it to UTF-8"
        )
    text = _decoded(data, legacy, source)
    if as_named is not None and _misfits(text) >= _misfits(as_named):
        return Decoded(as_named, f"not UTF-8: read as {named} (declared)")
    note = f"not UTF-8: read as {legacy} (detected)"
    if as_named is None:
        return Decoded(text, note, guessed_warning(legacy))
    warning = (
        f"the page declares {named}, which garbles its words ('{_misfit_example(as_named)}'): "
        f"read as {legacy} instead (a guess), so accented letters may be wrong"
    )
    return Decoded(text, note + f"; the declared {named} did not fit", warning)


def _declared(data: bytes, named: str | None) -> str | None:
    """The text in the charset the input declares, if it names one and the bytes decode in it."""
    if not named:
        return None
    try:
        return data.decode(named)
    except UnicodeDecodeError:
        return None  # the declaration is wrong: guess


# Letters of two alphabets in one word ("cafй", "Zoл Mбrquez": a Western page read as the
# windows-1251 it declares) or box-drawing signs in prose ("⌠like thunder■": as KOI8-R) are
# what a wrong single-byte charset gives; real text almost never holds either.
_WORD = re.compile(r"[^\W\d_]+")
_BOX_DRAWING = re.compile(r"[\u2320\u2321\u2500-\u259f]")


def _misfits(text: str) -> int:
    """How many words mix a Latin letter with a letter of another alphabet, plus box-drawing
    signs; 0 unless there are at least two, and they are a fifth of the non-ASCII words."""
    foreign = [word for word in _WORD.findall(text) if not word.isascii()]
    mixed = sum(1 for word in foreign if _mixes_alphabets(word))
    found = mixed + len(_BOX_DRAWING.findall(text))
    return found if found >= 2 and found * 5 >= len(foreign) else 0


def _mixes_alphabets(word: str) -> bool:
    alphabets = {unicodedata.name(ch, "?").split(" ")[0] for ch in word}
    return len(alphabets) > 1 and "LATIN" in alphabets


def _misfit_example(text: str) -> str:
    return next((w for w in _WORD.findall(text) if _mixes_alphabets(w)), "")


def guessed_warning(encoding: str) -> str:
    """What a reader is told when a text's encoding was guessed."""
    return (
        f"encoding guessed as {encoding}: not UTF-8, and no declared charset fits, "
        "so accented letters may be wrong"
    )


_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{2,40})""", re.I
)


def html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a `<meta>` tag near its start, if any."""
    head = data[:4096]
    if b"<" not in head[:512]:
        return None
    found = _META_CHARSET.search(head)
    return found.group(1).decode("ascii") if found else None


def _usable(name: str | None) -> str | None:
    """The codec's canonical name when Python knows it and it is a legacy one (a page that
    declares UTF-8 but is not has been tried as UTF-8 already)."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    if codec.startswith("utf"):
        return None
    # As browsers do (WHATWG): pages labelled Latin-1 or ASCII are windows-1252.
    return "cp1252" if codec in ("iso8859-1", "ascii") else codec


def _damaged_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few stray bytes, each replaced by U+FFFD, when the valid multi-byte
    characters are at least as many as the stray bytes. Text in a legacy encoding has its
    accented letters as single high bytes, which almost never form valid UTF-8, so it has
    next to none; decoding UTF-8 whole as cp1252 would garble every accented letter."""
    text = data.decode("utf-8", errors="replace")
    stray = text.count(_REPLACEMENT) - data.count(_REPLACEMENT.encode())
    valid = sum(1 for ch in text if ord(ch) > 127 and ch != _REPLACEMENT)
    if stray <= 0 or valid < stray:
        return None
    places = [i for i, ch in enumerate(text) if ch == _REPLACEMENT][:5]
    where = ", ".join(map(str, places)) + (", ..." if stray > len(places) else "")
    note = f"UTF-8 with {stray} invalid byte{'s' if stray > 1 else ''}, each replaced by "
    were = "bytes were" if stray > 1 else "byte was"
    warning = f"{stray} {were} not valid UTF-8 and replaced by \N{REPLACEMENT CHARACTER}"
    return Decoded(text, note + f"U+FFFD (at characters {where})", warning)


def _legacy_encoding(data: bytes) -> str | None:
    """charset_normalizer's best guess, except that a Western encoding wins a near tie: on
    short text it often cannot tell cp1250 from cp1252 and picks the first ("Åsa Jørgensen"
    read as "Ĺsa Jřrgensen"), and Western text is the more common here."""
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    if results.best() is None:
        return None
    matches = [match for match in results if match.encoding]  # best first
    # DOS code pages only when nothing else fits: no browser reads a page in them, and they
    # won on real pages re-encoded as cp1252 (cp775 for "©" and "—").
    web = [match for match in matches if match.encoding not in _NOT_WEB] or matches
    if not web:
        return None
    best = web[0]
    if best.encoding in _WESTERN:
        return str(best.encoding)
    western = [match for match in web if match.encoding in _WESTERN]
    if not western:
        # The detector stops early once some candidates fit, and may never try a Western
        # one: cp1252 text with curly quotes came out as shift_jis_2004 (chaos 0.107,
        # coherence 0), where cp1252 alone scores chaos 0, coherence 0.586.
        western = list(from_bytes(data, cp_isolation=["cp1252"]))
    for match in western:
        tie = match.chaos <= best.chaos + _CHAOS_TIE and match.coherence >= best.coherence - _TIE
        if tie:
            return str(match.encoding)
    return str(best.encoding)


def _decoded(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputReadError(source, f"cannot decode as {encoding}: {exc}") from exc


def looks_binary(data: bytes) -> bool:
    """Whether the bytes (their first 8 KB) hold more control characters than text does."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL)
    return controls > max(8, len(sample) // 100)
