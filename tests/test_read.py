"""Readers: every input kind, metadata, encodings, and every kind of bad input."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from corroborate import read_inputs
from corroborate.read.text import read_text
from corroborate.records import Article, ReadError

Write = Callable[[str, str | bytes], Path]

STORY = (
    "Ferry service to Lornholm restored after storm\n\n"
    "KESTRAVIK — The ferry link to the island of Lornholm resumed on Tuesday after a three-day "
    "suspension, the harbour authority said.\n\n"
    "About 1,200 passengers had been stranded on both sides of the strait, officials said.\n"
)


def read_split(*inputs: str) -> tuple[list[Article], list[ReadError]]:
    """What `read_inputs` gives, as the articles read and the inputs refused (other read tests
    use it too)."""
    articles: list[Article] = []
    errors: list[ReadError] = []
    for item in read_inputs(inputs):
        if isinstance(item, ReadError):
            errors.append(item)
        else:
            articles.append(item)
    return articles, errors


def test_text_reader_takes_headline_as_title_and_dateline_as_place() -> None:
    article = read_text(STORY, source="kestravik-post.txt")
    assert article.title == "Ferry service to Lornholm restored after storm"
    assert article.place == "Kestravik"
    assert article.outlet == "kestravik-post"
    assert article.text == STORY  # nothing is cut by the reader


@pytest.mark.parametrize(
    ("opening", "place", "published"),
    [
        ("date 2031-04-02 KESTRAVIK — The ferry resumed.", "Kestravik", "2031-04-02"),
        ("KESTRAVIK: The ferry resumed on Tuesday.", "Kestravik", None),
        ("PORT ELLEN, Apr 2 (Nordwire) - The ferry resumed.", "Port Ellen", None),
        ("Published: 2031-04-02T09:30 The ferry resumed.", None, "2031-04-02T09:30"),
        ("2 April 2031\nThe ferry resumed on Tuesday.", None, "2031-04-02"),
    ],
)
def test_datelines(opening: str, place: str | None, published: str | None) -> None:
    article = read_text(opening + "\n\nMore text follows here in a second paragraph.", source="x")
    assert (article.place, article.published) == (place, published)


@pytest.mark.parametrize(
    "first_line",
    [
        "Key points",  # too short to be a headline
        "The ferry resumed on Tuesday after a long stop.",  # a sentence, not a headline
        "- a bullet point that is not a headline",
        # when the page was posted, not what it says
        "Saturday, August 24, 2013",
        "THURSDAY, JUNE 30, 2005",
        "Last Updated: Monday, 28 November 2005, 10:12 GMT",
        "12 January 2010 @ 09: 29 pm",
        "8 / 2 / 13 at 1: 30 PM",
    ],
)
def test_no_title_from_lines_that_are_not_headlines(first_line: str) -> None:
    article = read_text(first_line + "\n" + STORY.split("\n\n", 1)[1], source="x")
    assert article.title is None


@pytest.mark.parametrize(
    "headline",
    ["May Day march fills Kestravik square", "Ferry link to Lornholm back after 3 days"],
)
def test_a_headline_with_date_words_is_still_a_title(headline: str) -> None:
    article = read_text(headline + "\n\n" + STORY.split("\n\n", 1)[1], source="x")
    assert article.title == headline


@pytest.mark.parametrize(
    "posted", ["Saturday, August 24, 2013", "June 06, 2013", "12 January 2010"]
)
def test_the_headline_after_a_posting_date_is_the_title(posted: str) -> None:
    headline = "Ferry link to Lornholm back after 3 days"
    body = STORY.split("\n\n", 1)[1]
    article = read_text(f"{posted}\n\n{headline}\n\n{body}", source="x")
    assert article.title == headline
    start, end = article.meta["title_span"]
    assert article.text[start:end] == headline


def test_directory_is_read_recursively_and_sorted(write: Write, tmp_path: Path) -> None:
    write("b/two.txt", STORY.replace("Tuesday", "Wednesday"))
    write("a/one.md", STORY)
    write("a/notes.bin", b"\x00\x01")  # not an input, but named in one line: never passed over
    articles, errors = read_split(str(tmp_path))
    assert [Path(a.source).name for a in articles] == ["one.md", "two.txt"]
    assert [(e.source, e.message.split(";")[0]) for e in errors] == [
        (str(tmp_path), "not read: 1 file of a kind corroborate does not read (a/notes.bin)")
    ]


def test_glob(write: Write, tmp_path: Path) -> None:
    write("x1.txt", STORY)
    write("x2.txt", STORY + "\nA later line.\n")
    articles, _ = read_split(str(tmp_path / "x*.txt"))
    assert len(articles) == 2


def test_json_object_metadata_wins(write: Write) -> None:
    obj = {
        "id": "feed-77",
        "url": "https://www.kestravik-post.example/ferry",
        "title": "Ferry back",
        "published": "2031-04-02",
        "text": STORY,
    }
    path = write("one.json", json.dumps(obj))
    (article,), errors = read_split(str(path))
    assert errors == []
    assert article.title == "Ferry back"
    assert article.outlet == "kestravik-post.example"  # from the URL's host, www. dropped
    assert article.source_id == "feed-77"
    assert article.published == "2031-04-02"


def test_json_array_and_jsonl_with_bad_lines(write: Write) -> None:
    good = {"outlet": "Nordwire", "text": STORY}
    array = write("many.json", json.dumps([good, {"outlet": "Isle FM", "text": STORY}]))
    lines = write(
        "feed.jsonl",
        "\n".join([json.dumps(good), "[1, 2]", "{not json", json.dumps({"title": "no body"})]),
    )
    articles, errors = read_split(str(array), str(lines))
    assert [a.outlet for a in articles] == ["Nordwire", "Isle FM", "Nordwire"]
    assert [(e.source, e.message) for e in errors] == [
        (f"{lines}:2", "expected a JSON object with 'text' or 'html', got array"),
        (
            f"{lines}:3",
            "not valid JSON (Expecting property name enclosed in double quotes at column 2)",
        ),
        (f"{lines}:4", "the object has no non-empty 'text' or 'html' field (its fields: 'title')"),
    ]


def test_same_article_twice_has_one_id(write: Write) -> None:
    a = write("a.txt", STORY)
    b = write("copy/a.txt", STORY.replace("\n\n", "\n\n\n"))  # whitespace differs only
    (first, second), _ = read_split(str(a), str(b))
    assert first.id == second.id


@pytest.mark.parametrize(
    ("encoded", "expected"),
    [
        (
            b"\xef\xbb\xbf" + "Caf\u00e9 owners said the harbour was calm again today.".encode(),
            "Café",
        ),
        ("Caf\u00e9 owners said the harbour was calm again today.".encode("cp1252"), "Café"),
        ("Caf\u00e9 owners said the harbour was calm again today.".encode("utf-16"), "Café"),
    ],
)
def test_encodings(write: Write, encoded: bytes, expected: str) -> None:
    (article,), errors = read_split(str(write("enc.txt", encoded)))
    assert errors == []
    assert article.text.startswith(expected)
    assert not article.text.startswith("\ufeff")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"  \n\n ", "the file is empty"),
        (
            "image.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "this looks like a binary file, not text, HTML or JSON",
        ),
        (
            "notes.docx",
            b"PK\x03\x04",
            "unknown file type '.docx'; expected one of ",
        ),
        ("broken.json", b'{"text": ', "not valid JSON (Expecting value at line 1)"),
        ("number.json", b"42", "expected a JSON object with 'text' or 'html', got int"),
    ],
)
def test_bad_input_is_one_line_naming_the_file_and_the_rest_goes_on(
    write: Write, name: str, content: bytes, message: str
) -> None:
    bad = write(name, content)
    good = write("good.txt", STORY)
    articles, errors = read_split(str(bad), str(good))
    assert [a.source for a in articles] == [str(good)]
    (error,) = errors
    assert error.source == str(bad)
    assert error.message.startswith(message)  # the list of known kinds goes on
    assert "\n" not in error.message


def test_missing_path_and_empty_glob(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    pattern = str(tmp_path / "*.html")
    _, errors = read_split(missing, pattern)
    assert [(e.source, e.message) for e in errors] == [
        (missing, "no such file or directory"),
        (pattern, "the pattern matches no files"),
    ]


def test_bytes_no_encoding_fits_get_one_line(write: Write, monkeypatch: pytest.MonkeyPatch) -> None:
    import charset_normalizer

    class _NoMatch:
        def best(self) -> None:
            return None

    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda data: _NoMatch())
    bad = write("odd.txt", b"Harbour \xff\xfe\xfa news from the quay, written in no known way.")
    _, errors = read_split(str(bad))
    assert [(e.source, e.message) for e in errors] == [
        (str(bad), "the bytes are not UTF-8 and no other text encoding fits; convert it to UTF-8")
    ]


def _cleaned(article: Article) -> tuple[str, list[tuple[int, int, str]], list[tuple[int, int]]]:
    from corroborate.clean import clean_article

    clean_article(article)
    removed = [(r.start, r.end, r.reason) for r in article.removed]
    return article.kept_text, removed, [(p.start, p.end) for p in article.paragraphs]


@pytest.mark.parametrize(
    "given",
    [
        {},
        {"outlet": "Nordwire"},
        {"title": "Ferry service to Lornholm restored after storm"},
        {"title": "ferry service to  Lornholm restored after STORM", "outlet": "Nordwire"},
        {"url": "https://isle-fm.example/ferry", "published": "2031-04-02", "author": "K. Lund"},
    ],
)
def test_json_text_is_kept_and_cut_as_the_same_text_in_a_txt(
    write: Write, given: dict[str, str]
) -> None:
    (from_json,), errors = read_split(str(write("one.json", json.dumps({**given, "text": STORY}))))
    from_txt = read_text(STORY, source="x.txt")
    assert errors == []
    assert from_json.meta["title_span"] == from_txt.meta["title_span"]
    assert from_json.meta["dateline_span"] == from_txt.meta["dateline_span"]
    assert from_json.place == from_txt.place == "Kestravik"
    kept, removed, paragraphs = _cleaned(from_json)
    assert (kept, removed, paragraphs) == _cleaned(from_txt)
    assert "Ferry service to Lornholm" not in kept and not kept.startswith("KESTRAVIK")
    assert from_json.published == given.get("published", from_txt.published)


def test_a_different_given_title_leaves_the_headline_line_in_the_story(write: Write) -> None:
    obj = {"title": "Lornholm ferry back", "published": "2031-04-02", "text": STORY}
    (article,), _ = read_split(str(write("one.json", json.dumps(obj))))
    assert (article.title, article.published) == ("Lornholm ferry back", "2031-04-02")
    assert "title_span" not in article.meta
    assert article.meta["dateline_span"] == read_text(STORY, source="x").meta["dateline_span"]
    _, removed, _ = _cleaned(article)
    # Cleaning may still drop the short line on its own grounds, never as "the title shown".
    assert "headline: shown as the article's title" not in [r[2] for r in removed]


def test_jsonl_is_read_a_line_at_a_time_with_every_kind_of_line(write: Write) -> None:
    # a separator JSON allows inside a string (U+2028) does not end the line; CRLF endings,
    # a BOM, blank lines and a legacy-encoded line are all read; line numbers stay right
    first = json.dumps(
        {"outlet": "Nordwire", "text": STORY + "Ferry\u2028times"}, ensure_ascii=False
    )
    legacy = json.dumps({"outlet": "Caf\u00e9 Radio", "text": STORY}, ensure_ascii=False)
    data = (
        b"\xef\xbb\xbf" + first.encode() + b"\r\n\r\n" + legacy.encode("cp1252") + b"\n{not json\n"
    )
    path = write("feed.jsonl", data)
    articles, errors = read_split(str(path))
    assert [a.outlet for a in articles] == ["Nordwire", "Café Radio"]
    assert articles[0].text.endswith("Ferry\u2028times")
    assert [a.source for a in articles] == [f"{path}:1", f"{path}:3"]
    assert [e.source for e in errors] == [f"{path}:4"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\n \n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "this looks like a binary file"),
    ],
)
def test_jsonl_file_that_holds_no_lines_gets_one_error(
    write: Write, content: bytes, message: str
) -> None:
    path = write("feed.ndjson", content)
    articles, errors = read_split(str(path))
    assert articles == []
    assert [(e.source, e.message[: len(message)]) for e in errors] == [(str(path), message)]


def test_jsonl_in_utf16_is_read_whole(write: Write) -> None:
    line = json.dumps({"outlet": "Isle FM", "text": STORY})
    path = write("feed.jsonl", (line + "\n" + line + "\n").encode("utf-16"))
    articles, errors = read_split(str(path))
    assert errors == []
    assert [a.source for a in articles] == [f"{path}:1", f"{path}:2"]


# Invented Western names and words: the detector alone read short Latin-1 text as cp1250.
WESTERN = (
    "Orlen harbour reopens\n\nThe harbour at Orlen reopened on Monday, said Åsa Jørgensen, the "
    "café owner on the quay. Façades along the front were repainted, and Søren Dahlqvist's "
    "bakery sold out before noon."
)


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_short_western_text_in_a_legacy_encoding_is_read_right(write: Write, encoding: str) -> None:
    (article,), errors = read_split(str(write("orlen.txt", WESTERN.encode(encoding))))
    assert errors == []
    assert "Åsa Jørgensen" in article.text and "Søren Dahlqvist" in article.text
    assert article.text.endswith("bakery sold out before noon.")
    assert article.meta["decoding"].startswith("not UTF-8: read as ")


def test_central_european_text_keeps_its_encoding(write: Write) -> None:
    text = "Starosta Jiří Dvořák řekl, že most přes řeku bude otevřen v pondělí ráno."
    (article,), _ = read_split(str(write("most.txt", text.encode("cp1250"))))
    assert article.text == text


def _with_stray_bytes(text: str, at: list[int]) -> tuple[bytes, str]:
    """UTF-8 of `text` with a stray byte 0xFF before each character index in `at`, and the
    text that reading it should give (U+FFFD where each stray byte was)."""
    data, expected = b"", ""
    for index, char in enumerate(text):
        if index in at:
            data += b"\xff"
            expected += "\ufffd"
        data += char.encode()
        expected += char
    return data, expected


@pytest.mark.parametrize("name", ["orlen.txt", "orlen.jsonl"])
def test_utf8_with_a_few_stray_bytes_stays_utf8(write: Write, name: str) -> None:
    at = [WESTERN.index("Monday"), WESTERN.index("quay"), WESTERN.index("bakery")]
    data, expected = _with_stray_bytes(WESTERN, at)
    if name.endswith(".jsonl"):
        data = b'{"text": "' + data.replace(b"\n", b"\\n") + b'"}\n'
    (article,), errors = read_split(str(write(name, data)))
    assert errors == []
    assert expected.split("\n\n", 1)[1] in article.text
    note = article.meta["decoding"]
    assert note.startswith("UTF-8 with 3 invalid bytes, each replaced by U+FFFD (at characters ")


@settings(max_examples=40, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(["Åsa", "Jørgensen", "café", "Façades", "Müller", "quay", "the", "ñandú"]),
        min_size=4,
        max_size=30,
    ),
    picks=st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=4),
)
def test_stray_bytes_never_garble_valid_utf8(words: list[str], picks: list[int]) -> None:
    """However few the accented letters, as long as they are as many as the stray bytes, the
    text reads back exactly, with U+FFFD for each stray byte."""
    from corroborate.read.decode import decode

    text = " ".join(words)
    at = sorted({p % len(text) for p in picks})
    assume(sum(1 for ch in text if ord(ch) > 127) >= len(at))
    data, expected = _with_stray_bytes(text, at)
    decoded = decode(data, "x")
    assert decoded.text == expected
    assert decoded.note is not None and f"UTF-8 with {len(at)} invalid byte" in decoded.note


POLISH = "Burmistrz Łodzi powiedział, że most na Warcie zostanie otwarty w poniedziałek rano."


@pytest.mark.parametrize(
    ("page", "encoding", "expected"),
    [
        # the page names its encoding: short Central European text the detector reads wrong
        ('<meta charset="iso-8859-2">', "iso-8859-2", POLISH),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1250">',
            "cp1250",
            POLISH,
        ),
        # a wrong declaration is not trusted: the bytes are not that
        ('<meta charset="utf-8">', "latin-1", WESTERN.split("\n\n")[1]),
    ],
    ids=["meta-charset", "http-equiv", "wrong-declaration"],
)
def test_an_html_page_is_read_in_the_encoding_it_declares(
    write: Write, page: str, encoding: str, expected: str
) -> None:
    html = f"<html><head>{page}<title>Most</title></head><body><article><p>{expected}</p>"
    html += f"<p>{expected}</p></article></body></html>"
    (article,), errors = read_split(str(write("most.html", html.encode(encoding))))
    assert errors == []
    assert expected in article.text
