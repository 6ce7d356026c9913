"""Bytes to text: UTF-8, UTF-8 with BOM, then a detected legacy encoding; binary is refused."""

from __future__ import annotations

import codecs

from corroborate.errors import InputReadError

# Control characters other than tab/newline/carriage return/form feed are rare in text and
# common in binary formats; a file with many of them is not something we can read.
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}


def decode_bytes(data: bytes, source: str) -> str:
    """The text of a file's bytes, or an InputReadError that says why it is not text."""
    if not data.strip():
        raise InputReadError(source, "the file is empty")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _decoded(data, encoding, source)
    if looks_binary(data):
        raise InputReadError(source, "this looks like a binary file, not text, HTML or JSON")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputReadError(
            source, "the bytes are not UTF-8 and no other text encoding fits; convert it to UTF-8"
        )
    return _decoded(data, best.encoding, source)


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
