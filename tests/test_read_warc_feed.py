"""WARC and RSS/Atom readers: pages and entries read, broken records and entries reported."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from corroborate.read import read_inputs
from corroborate.read.feed import read_feed
from corroborate.read.warc import read_warc
from corroborate.records import Article, ReadError

PAGE = """<html><head><title>{title}</title></head><body><nav>Home | World | Sport</nav>
<article><h1>{title}</h1><p>{body} The harbour master said the channel would reopen once
the vessel was refloated, and lifeboat crews stayed on watch through the night.</p>
<p>Northway Ferries said an inquiry had begun into the grounding near the breakwater.</p>
</article><footer>Copyright Harbour Gazette</footer></body></html>"""


def _warc(path: Path, *, gzip: bool, damage: bytes | None, status: str = "200 OK") -> Path:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for index in range(3):
        title = f"Ferry story number {index}"
        body = f"Story {index}: the ferry Saint Brennoc ran aground off Portmoor on day {index}."
        payload = PAGE.format(title=title, body=body).encode()
        headers = StatusAndHeaders(
            status if index == 2 else "200 OK",
            [("Content-Type", "text/html; charset=utf-8")],
            protocol="HTTP/1.1",
        )
        record = writer.create_warc_record(
            f"https://gazette.test/{index}",
            "response",
            payload=io.BytesIO(payload),
            http_headers=headers,
        )
        writer.write_record(record)
        if index == 0 and damage is not None:
            buffer.write(damage)
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
def test_a_broken_record_is_reported_and_the_rest_read(tmp_path: Path, gzip: bool) -> None:
    damage = (
        b"\x1f\x8b\x08\x00not really gzip" if gzip else b"garbage where a record should be\r\n\r\n"
    )
    name = "crawl.warc.gz" if gzip else "crawl.warc"
    path = _warc(tmp_path / name, gzip=gzip, damage=damage)
    items = list(read_warc(path))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [a.url for a in articles] == [f"https://gazette.test/{i}" for i in range(3)]
    assert len(errors) == 1
    assert errors[0].source.startswith(f"{path}@")
    assert errors[0].message.startswith("broken WARC record skipped: ")
    assert all("Saint Brennoc" in a.text and a.source_id == a.url for a in articles)


@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
@pytest.mark.parametrize("length", ["x", "-40", "12", "900"])
def test_a_wrong_content_length_loses_no_other_page(
    tmp_path: Path, gzip: bool, length: str
) -> None:
    # A record whose Content-Length is not its length, between two good records: warcio
    # reads it "whole" and eats the next record's header line as its closing blank line.
    body = b"<html><body><p>Half a page</p></body></html>"
    damage = b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/html\r\n"
    damage += b"Content-Length: " + length.encode() + b"\r\n\r\n" + body + b"\r\n\r\n"
    if gzip:
        import gzip as gz

        damage = gz.compress(damage)
    path = _warc(tmp_path / ("c.warc.gz" if gzip else "c.warc"), gzip=gzip, damage=damage)
    items = list(read_warc(path))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [a.url for a in articles] == [f"https://gazette.test/{i}" for i in range(3)]
    assert len(errors) == 1 and errors[0].message.startswith("broken WARC record skipped: ")
    assert errors[0].source == f"{path}@{path.read_bytes().index(damage[:8], 100)}"


@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
@pytest.mark.parametrize("cut", [40, 300, 520])
def test_a_file_cut_short_names_the_lost_page(tmp_path: Path, gzip: bool, cut: int) -> None:
    path = _warc(tmp_path / ("c.warc.gz" if gzip else "c.warc"), gzip=gzip, damage=None)
    whole = path.read_bytes()
    path.write_bytes(whole[:-cut])
    items = list(read_warc(path))
    assert [i.url for i in items if isinstance(i, Article)] == [
        "https://gazette.test/0",
        "https://gazette.test/1",
    ]
    (error,) = [i for i in items if isinstance(i, ReadError)]
    last = whole.rindex(b"\x1f\x8b\x08" if gzip else b"WARC/1.0")
    assert error.source == f"{path}@{last}"
    assert "cut short" in error.message and error.message.isascii()


def test_a_damaged_gzip_member_is_described_not_printed(tmp_path: Path) -> None:
    import gzip

    junk = gzip.compress(bytes(range(256)) * 4)
    path = _warc(tmp_path / "c.warc.gz", gzip=True, damage=junk)
    items = list(read_warc(path))
    (error,) = [i for i in items if isinstance(i, ReadError)]
    assert error.message == "broken WARC record skipped: not a WARC record header"
    assert len([i for i in items if isinstance(i, Article)]) == 3


def test_a_warc_page_is_read_in_the_charset_of_its_http_header(tmp_path: Path) -> None:
    text = "Burmistrz Łodzi powiedział, że most na Warcie zostanie otwarty w poniedziałek rano."
    payload = f"<html><body><article><p>{text}</p><p>{text}</p></article></body></html>"
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    headers = StatusAndHeaders(
        "200 OK", [("Content-Type", 'text/html; charset="ISO-8859-2"')], protocol="HTTP/1.1"
    )
    record = writer.create_warc_record(
        "https://lodz.test/most",
        "response",
        payload=io.BytesIO(payload.encode("iso-8859-2")),
        http_headers=headers,
    )
    writer.write_record(record)
    path = tmp_path / "lodz.warc"
    path.write_bytes(buffer.getvalue())
    (article,) = list(read_warc(path))
    assert isinstance(article, Article) and text in article.text
    assert article.meta["decoding"] == "not UTF-8: read as iso8859-2 (declared)"


def test_an_intact_warc_gives_every_page_and_skips_non_200(tmp_path: Path) -> None:
    path = _warc(tmp_path / "ok.warc.gz", gzip=True, damage=None, status="404 Not Found")
    items = list(read_warc(path))
    assert all(isinstance(i, Article) for i in items)
    assert [i.url for i in items if isinstance(i, Article)] == [
        "https://gazette.test/0",
        "https://gazette.test/1",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the WARC file holds no records"),
        (b"not a warc at all", "the WARC file holds no records (no WARC header in it)"),
    ],
)
def test_an_empty_or_foreign_file_is_one_clear_error(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(content)
    (error,) = list(read_warc(path))
    assert isinstance(error, ReadError) and message in error.message


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Gazette</title><link>https://gazette.test/</link>
<item><title>Ferry runs aground off Portmoor</title><link>https://gazette.test/ferry</link>
<guid>gz-1</guid><pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate>
<description>&lt;p&gt;The ferry Saint Brennoc ran aground off Portmoor on Tuesday, the
coastguard said.&lt;/p&gt;&lt;p&gt;All 212 passengers were taken ashore.&lt;/p&gt;
</description></item>
<item><title>An entry with nothing in it</title><link>https://gazette.test/empty</link></item>
<item><title>Plain words</title><link>https://gazette.test/plain</link>
<description>Harbour master Tomas Reyl said the channel stays closed.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Post</title>
<entry><title>Fire at the Lindqvist Museum</title><id>urn:vp:1</id>
<link href="https://post.test/fire"/><updated>2026-03-08T21:00:00Z</updated>
<content type="html">&lt;p&gt;A fire broke out in the roof of the Lindqvist Museum in Brauning on
Sunday night, and firefighters saved most of the paintings.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_entries_become_articles_and_an_empty_entry_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "gazette.rss"
    path.write_text(RSS, encoding="utf-8")
    items = list(read_feed(path))
    assert [type(i).__name__ for i in items] == ["Article", "ReadError", "Article"]
    first, error, plain = items
    assert isinstance(first, Article) and isinstance(plain, Article)
    assert first.title == "Ferry runs aground off Portmoor"
    assert first.outlet == "Harbour Gazette"
    assert first.published == "2026-03-03T10:00:00+00:00"
    assert first.source_id == "gz-1"
    assert "All 212 passengers" in first.text and "<p>" not in first.text
    assert error == ReadError(
        f"{path}#https://gazette.test/empty",
        "the feed entry has no text (no content and no summary)",
    )
    assert plain.text == "Harbour master Tomas Reyl said the channel stays closed."


def test_atom_content_is_read(tmp_path: Path) -> None:
    path = tmp_path / "post.atom"
    path.write_text(ATOM, encoding="utf-8")
    (article,) = list(read_feed(path))
    assert isinstance(article, Article)
    assert article.url == "https://post.test/fire" and article.source_id == "urn:vp:1"
    assert article.text.startswith("A fire broke out in the roof of the Lindqvist Museum")


@pytest.mark.parametrize("feed", [RSS, ATOM], ids=["rss", "atom"])
def test_a_feed_cut_off_inside_an_entry_says_where(tmp_path: Path, feed: str) -> None:
    cut = feed.index("firefighters" if feed is ATOM else "Tomas Reyl")
    path = tmp_path / ("post.atom" if feed is ATOM else "gazette.rss")
    path.write_text(feed[:cut], encoding="utf-8")
    items = list(read_feed(path))
    error = items[-1]
    assert isinstance(error, ReadError) and error.source.startswith(f"{path}#")
    line = feed[:cut].count("\n") + 1
    assert error.message.startswith("the feed is cut off or broken in this entry ")
    assert f"not well-formed XML at line {line}" in error.message
    assert "has no text" not in error.message
    assert all(isinstance(i, Article) for i in items[:-1] if "empty" not in i.source)


def test_a_feed_cut_off_between_entries_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "gazette.rss"
    path.write_text(RSS[: RSS.rindex("</item>") + len("</item>")], encoding="utf-8")
    items = list(read_feed(path))
    assert sum(isinstance(i, Article) for i in items) == 2
    assert isinstance(items[-1], ReadError) and items[-1].source == str(path)
    assert items[-1].message.startswith("the feed is cut off or broken (not well-formed XML")


def test_an_atom_entry_id_is_its_source_id_even_for_a_summary(tmp_path: Path) -> None:
    path = tmp_path / "post.atom"
    summary = "<summary>The Orrin bridge closed on Monday for repairs, the council said.</summary>"
    path.write_text(
        ATOM.replace(
            "</entry>",
            f"</entry><entry><title>Bridge</title><id>tag:vp,2"
            f'</id><link href="https://post.test/b"/>{summary}</entry>',
        )
    )
    assert [a.source_id for a in read_feed(path) if isinstance(a, Article)] == [
        "urn:vp:1",
        "tag:vp,2",
    ]


def test_a_file_that_is_not_a_feed_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.xml"
    path.write_text("<notes><note>nothing</note></notes>", encoding="utf-8")
    (error,) = list(read_feed(path))
    assert isinstance(error, ReadError) and error.source == str(path)
    assert error.message.startswith("not an RSS or Atom feed")


def test_read_inputs_dispatches_warc_and_feeds(tmp_path: Path) -> None:
    _warc(tmp_path / "crawl.warc.gz", gzip=True, damage=None)
    (tmp_path / "gazette.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "post.atom").write_text(ATOM, encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) == 3 + 2 + 1
    assert sum(isinstance(i, ReadError) for i in items) == 1
