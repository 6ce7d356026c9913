"""Users are told when the text they gave was changed or guessed on the way in.

`Article.decoding` is set when an encoding was guessed or invalid bytes were replaced, never
for UTF-8 or a charset the input declares; the report's article list shows it in every format,
and `corroborate ingest` names such articles in its final count.
"""

from __future__ import annotations

import html
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from corroborate.cli import main
from corroborate.read import read_inputs
from corroborate.read.decode import decode
from corroborate.records import Article, ReadError, Report
from corroborate.render import render
from corroborate.render.example import example_report
from corroborate.render.markdown import md
from corroborate.render.terminal import print_report
from corroborate.schema.load import load_report

Write = Callable[[str, str | bytes], Path]

# Invented outlet and people; accented Western letters, as a Latin-1 page would hold them.
STORY = (
    "Varnholm quay reopens after the storm\n\n"
    "The quay at Varnholm reopened on Thursday, said Élise Marchetti, who runs the café by the "
    "ferry steps. Façades along the front were repainted, and Jörg Ødegård's bakery sold out "
    "before noon.\n\n"
    "About 40 fishing boats were back in the water by evening, the harbour master said."
)
GUESSED = "encoding guessed as "
REPLACED = "not valid UTF-8 and replaced by \N{REPLACEMENT CHARACTER}"


def _stray(text: str, before: list[str]) -> bytes:
    """UTF-8 of `text` with a byte 0xFF before the first occurrence of each word."""
    data = text.encode()
    for word in before:
        data = data.replace(word.encode(), b"\xff" + word.encode(), 1)
    return data


def _html(body: str, head: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n")[1:])
    return f"<html><head>{head}<title>Varnholm quay</title></head><body>{paragraphs}</body></html>"


def _feed(declaration: str = "") -> str:
    body = STORY.split("\n\n", 1)[1].replace("\n\n", " ")
    return (
        f'<?xml version="1.0"{declaration}?><rss version="2.0"><channel><title>Varnholm Post'
        "</title><item><title>Quay reopens</title><link>https://varnholm.test/quay</link>"
        f"<description>{body}</description></item></channel></rss>"
    )


def _jsonl(text: str) -> str:
    return json.dumps({"id": "v1", "text": text}, ensure_ascii=False) + "\n"


# (file name, its bytes, what the reader must be told: a prefix, a fragment, or None)
CASES: list[tuple[str, bytes, str | None]] = [
    ("clean.txt", STORY.encode(), None),
    ("bom.txt", b"\xef\xbb\xbf" + STORY.encode(), None),
    ("utf16.txt", STORY.encode("utf-16"), None),
    ("latin.txt", STORY.encode("latin-1"), GUESSED),
    ("cp1252.txt", STORY.replace("the café", "the “café”").encode("cp1252"), GUESSED),
    ("one-stray.txt", _stray(STORY, ["Thursday"]), "1 byte was " + REPLACED),
    ("three-stray.txt", _stray(STORY, ["Thursday", "bakery", "evening"]), "3 bytes were "),
    ("clean.html", _html(STORY).encode(), None),
    (
        "declared.html",
        _html(STORY, '<meta charset="iso-8859-1">').encode("latin-1"),
        None,
    ),
    ("undeclared.html", _html(STORY).encode("latin-1"), GUESSED),
    ("misdeclared.html", _html(STORY, '<meta charset="utf-8">').encode("latin-1"), GUESSED),
    ("unknown-charset.html", _html(STORY, '<meta charset="x-nope">').encode("latin-1"), GUESSED),
    ("clean.jsonl", _jsonl(STORY).encode(), None),
    ("latin.jsonl", _jsonl(STORY).encode("latin-1"), GUESSED),
    ("stray.jsonl", _stray(_jsonl(STORY), ["Thursday"]), "1 byte was " + REPLACED),
    ("clean.rss", _feed().encode(), None),
    ("declared.rss", _feed(' encoding="iso-8859-1"').encode("latin-1"), None),
    ("undeclared.rss", _feed().encode("latin-1"), GUESSED),
    ("stray.rss", _stray(_feed(), ["Thursday"]), "1 byte was " + REPLACED),
]


def _one_article(path: Path) -> Article:
    items = list(read_inputs([str(path)]))
    errors = [i for i in items if isinstance(i, ReadError)]
    assert errors == []
    (article,) = items
    assert isinstance(article, Article)
    return article


@pytest.mark.parametrize(("name", "data", "told"), CASES, ids=[c[0] for c in CASES])
def test_the_reader_warns_only_when_text_was_guessed_or_replaced(
    write: Write, name: str, data: bytes, told: str | None
) -> None:
    article = _one_article(write(name, data))
    if told is None:
        assert article.decoding is None
    else:
        assert article.decoding is not None and told in article.decoding
    # Whatever was guessed, the accented names read right: the warning is about doubt, and
    # replaced bytes never take the letters next to them.
    assert "Élise Marchetti" in article.text and "Jörg Ødegård" in article.text


def _warc(path: Path, payload: bytes, content_type: str) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        "https://varnholm.test/quay", "response", payload=io.BytesIO(payload), http_headers=headers
    )
    writer.write_record(record)
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.parametrize(
    ("content_type", "encoding", "told"),
    [
        ("text/html", "utf-8", None),
        ("text/html; charset=iso-8859-1", "latin-1", None),
        ("text/html", "latin-1", GUESSED),
        ("text/html; charset=utf-8", "latin-1", GUESSED),
    ],
)
def test_a_warc_page_warns_only_when_its_encoding_was_guessed(
    tmp_path: Path, content_type: str, encoding: str, told: str | None
) -> None:
    payload = _html(STORY).encode(encoding)
    article = _one_article(_warc(tmp_path / "quay.warc", payload, content_type))
    assert "Élise Marchetti" in article.text
    if told is None:
        assert article.decoding is None
    else:
        assert article.decoding is not None and article.decoding.startswith(told)


def test_a_feed_with_stray_bytes_keeps_its_other_accented_letters(write: Write) -> None:
    """feedparser alone read such a feed wholesale as a legacy encoding ("cafÃ©")."""
    article = _one_article(write("stray.rss", _stray(_feed(), ["Thursday"])))
    assert "café" in article.text and "Ã" not in article.text
    assert "\N{REPLACEMENT CHARACTER}Thursday" in article.text


def test_a_declared_charset_is_recorded_but_not_warned_about(write: Write) -> None:
    html = _html(STORY, '<meta charset="iso-8859-1">').encode("latin-1")
    article = _one_article(write("declared.html", html))
    assert article.decoding is None
    assert article.meta["decoding"] == "not UTF-8: read as cp1252 (declared)"


# Invented sentences in legacy encodings: each must be guessed right (and warned about).
LEGACY = [
    ("cp1252", "The quay at Varnholm reopened, said Élise Marchetti, who runs the “café”."),
    ("cp1252", "Le maire a dit « non » – puis “peut-être” à l’été, a précisé Hélène Côté."),
    ("cp1252", "„Wir öffnen den Hafen“, sagte Bürgermeister Jürgen Weiß – „endlich“."),
    ("cp1252", "El alcalde dijo que “la situación es difícil” y añadió: ¿qué más podíamos hacer?"),
    ("shift_jis", "東京の港は月曜日に再開され、漁船四十隻が海に戻ったと港長が述べた。"),
    ("gb18030", "港口周四重新开放，港务长说，大约四十艘渔船在傍晚前回到水中。"),
    ("cp1251", "Порт Варнхольма вновь открылся в четверг, сообщила владелица кафе у причала."),
    ("iso8859_7", "Το λιμάνι άνοιξε ξανά την Πέμπτη, είπε ο λιμενάρχης στους ψαράδες."),
    ("cp1250", "Starosta Jiří Dvořák řekl, že most přes řeku bude otevřen v pondělí ráno."),
    ("cp1254", "Belediye başkanı Ayşe Yılmaz, limanın perşembe günü yeniden açıldığını söyledi."),
]


@pytest.mark.parametrize(("encoding", "text"), LEGACY, ids=[f"{e}-{t[:12]}" for e, t in LEGACY])
def test_legacy_text_is_guessed_right_and_warned_about(encoding: str, text: str) -> None:
    decoded = decode(text.encode(encoding), "x.txt")
    assert decoded.text == text
    assert decoded.warning is not None and decoded.warning.startswith(GUESSED)


@dataclass(frozen=True)
class _Match:
    """What the guess reads of one charset_normalizer match."""

    encoding: str
    chaos: float
    coherence: float


class _Matches(list[_Match]):
    def best(self) -> _Match | None:
        return self[0] if self else None


# (the detector's matches, best first; what it says of cp1252 alone; the encoding chosen)
RULES = [
    ([("cp775", 0, 0.719), ("cp1250", 0, 0.696)], ("cp1252", 0, 0.696), "cp1252"),
    ([("cp866", 0, 0.8)], ("cp1252", 0.4, 0.1), "cp866"),
    ([("shift_jis_2004", 0.107, 0), ("cp932", 0.121, 0)], ("cp1252", 0, 0.586), "cp1252"),
    ([("cp1251", 0, 0.8)], ("cp1252", 0.3, 0.1), "cp1251"),
    ([("cp1250", 0, 0.45), ("cp1252", 0, 0.445)], None, "cp1252"),
    ([("cp775", 0.054, 0.571), ("cp1252", 0.082, 0.6)], None, "cp1252"),
    ([("cp1250", 0, 0.6), ("cp1252", 0.138, 0.6)], None, "cp1250"),
    ([("cp1253", 0, 0.9), ("cp1252", 0, 0.5)], None, "cp1253"),
]


@pytest.mark.parametrize(("found", "alone", "chosen"), RULES)
def test_the_guess_prefers_web_and_western_encodings_only_on_a_near_tie(
    monkeypatch: pytest.MonkeyPatch,
    found: list[tuple[str, float, float]],
    alone: tuple[str, float, float] | None,
    chosen: str,
) -> None:
    import charset_normalizer

    def from_bytes(data: bytes, cp_isolation: list[str] | None = None) -> _Matches:
        if cp_isolation:
            return _Matches([_Match(*alone)] if alone else [])
        return _Matches([_Match(*m) for m in found])

    monkeypatch.setattr(charset_normalizer, "from_bytes", from_bytes)
    assert (
        decode(b"caf\xe9 \x93quay\x94", "x.txt").note == f"not UTF-8: read as {chosen} (detected)"
    )


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.characters(categories=("L", "N", "P", "Zs"), exclude_characters="\ufffd"),
        min_size=1,
        max_size=300,
    ).filter(str.strip)
)
def test_valid_utf8_is_never_warned_about(text: str) -> None:
    assert decode(text.encode(), "x.txt").warning is None


def _report_with_warning(warning: str | None) -> Report:
    report = example_report()
    report.articles[0].decoding = warning
    return report


def _terminal(report: Report) -> str:
    console = Console(file=io.StringIO(), width=200, color_system=None)
    print_report(report, console)
    text = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(text, str)
    return text


WARNING = "encoding guessed as cp1252: not UTF-8, and no declared charset fits, so <é> & more"
RENDERED: dict[str, Callable[[Report], str]] = {
    "markdown": lambda r: render(r, "markdown"),
    "html": lambda r: render(r, "html"),
    "terminal": _terminal,
}
LABEL = {"markdown": "- Decoding: ", "html": "<dt>Decoding</dt>", "terminal": "decoding: "}
SHOWN = {"markdown": md(WARNING), "html": html.escape(WARNING), "terminal": WARNING}


@pytest.mark.parametrize("fmt", list(RENDERED))
def test_the_article_list_shows_the_warning_in_every_format(fmt: str) -> None:
    plain = RENDERED[fmt](_report_with_warning(None))
    assert LABEL[fmt] not in plain
    shown = RENDERED[fmt](_report_with_warning(WARNING))
    assert shown.count(LABEL[fmt]) == 1
    assert SHOWN[fmt] in shown


def test_markdown_escapes_the_warning() -> None:
    shown = render(_report_with_warning(WARNING), "markdown")
    line = next(line for line in shown.splitlines() if line.startswith("- Decoding: "))
    assert "<é>" not in line  # an unescaped tag would vanish in a Markdown viewer


def test_the_json_carries_the_warning_per_article_and_reads_back() -> None:
    data = json.loads(render(_report_with_warning(WARNING), "json"))
    assert [a["decoding"] for a in data["articles"]][:2] == [WARNING, None]
    assert load_report(data).articles[0].decoding == WARNING


def test_ingest_names_the_articles_read_with_a_guess(write: Write, tmp_path: Path) -> None:
    inputs = [
        write("latin.txt", STORY.encode("latin-1")),
        write("stray.txt", _stray(STORY.replace("Varnholm", "Skarby"), ["Thursday"])),
        write("clean.txt", STORY.replace("Varnholm", "Ostby").encode()),
    ]
    db = str(tmp_path / "c.db")
    args = ["ingest", *map(str, inputs), "--db", db, "--workers", "1"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    (line,) = [x for x in result.output.splitlines() if x.startswith("decoding: ")]
    assert line.startswith("decoding: 2 articles not read exactly as given — ")
    assert f"{inputs[0]}: {GUESSED}" in line and f"{inputs[1]}: 1 byte was {REPLACED}" in line
    assert str(inputs[2]) not in line


def test_ingest_of_clean_text_says_nothing_about_decoding(write: Write, tmp_path: Path) -> None:
    path = write("clean.txt", STORY.encode())
    args = ["ingest", str(path), "--db", str(tmp_path / "c.db"), "--workers", "1"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "decoding" not in result.output


def test_ingest_counts_the_articles_past_the_ones_it_names(write: Write, tmp_path: Path) -> None:
    paths = [
        write(f"latin{k}.txt", STORY.replace("Varnholm", f"Varnholm{k}").encode("latin-1"))
        for k in range(5)
    ]
    args = ["ingest", *map(str, paths), "--db", str(tmp_path / "c.db"), "--workers", "1"]
    result = CliRunner().invoke(main, args)
    (line,) = [x for x in result.output.splitlines() if x.startswith("decoding: ")]
    assert line.startswith("decoding: 5 articles ") and line.endswith("; and 2 more")
    assert sum(str(p) in line for p in paths) == 3


def test_show_and_export_tell_what_ingest_guessed(write: Write, tmp_path: Path) -> None:
    """The store keeps the note, so a story shown or exported later says it too."""
    latin = write("latin.txt", STORY.encode("latin-1"))
    clean = write("clean.txt", STORY.replace("Varnholm", "Ostby").encode())
    db = str(tmp_path / "c.db")
    runner = CliRunner()
    ingested = runner.invoke(main, ["ingest", str(latin), str(clean), "--db", db, "--workers", "1"])
    assert ingested.exit_code == 0, ingested.output
    exported = runner.invoke(main, ["export", "--db", db, "--format", "jsonl"])
    rows = {row["source"]: row for row in map(json.loads, exported.output.splitlines())}
    assert GUESSED in rows[str(latin)]["decoding"] and rows[str(clean)]["decoding"] is None
    story = rows[str(latin)]["story_id"]
    shown = runner.invoke(main, ["show", story, "--db", db, "--format", "json"])
    assert shown.exit_code == 0, shown.output
    notes = {a["source"]: a["decoding"] for a in json.loads(shown.output)["articles"]}
    assert GUESSED in notes[str(latin)]
