"""Audit 11: the three invented stories of tests/fixtures/audit11 against their MANIFEST.json.

The stories (ferry, fire, library; 16 articles of 15 outlets as saved HTML, scraped text and
Markdown, JSON lines, RSS and Atom feeds) and the manifest were written and committed before
corroborate was first run on them. Each check here is what a right report shows; where today's
report does not show it, the case is marked xfail with the reason (strict: a fix makes it pass
and the mark must go). A feed's channel title may add its section ("Varrow FM News", "Esker
Valley Echo — News"): that is still the outlet the manifest names.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import corroborate
from corroborate.records import Article
from test_audit_head import _covered

FIXTURES = Path(__file__).parent / "fixtures" / "audit11"
MANIFEST: dict[str, Any] = json.loads((FIXTURES / "MANIFEST.json").read_text(encoding="utf-8"))
_METADATA = ("headline:", "dateline:", "date line: read")
_MANY = (".jsonl", ".rss", ".atom")


def _xfail(cases: dict[str, str], names: list[str]) -> list[Any]:
    return [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=cases[n])) if n in cases else n
        for n in names
    ]


@pytest.fixture(scope="module")
def reports() -> dict[str, dict[str, Any]]:
    """Each story's report as JSON, read from its folder as a user would give it."""
    return {
        story: corroborate.report([str(FIXTURES / story)]).to_dict()
        for story in MANIFEST["stories"]
    }


def _key(story: str, article: dict[str, Any]) -> str:
    name = Path(re.split(r"[#:]", article["source"].split(f"{story}/", 1)[1])[0]).name
    return f"{name}#{article['title']}" if name.endswith(_MANY) else name


def _articles(report: dict[str, Any], story: str) -> dict[str, dict[str, Any]]:
    return {_key(story, a): a for a in report["articles"]}


def _outlet(name: str) -> str:
    return re.sub(r"\s*(?:[—–|-]\s*)?news$", "", name.strip(), flags=re.IGNORECASE)


_ARTICLE_FAULTS: dict[str, str] = {}


@pytest.mark.parametrize("name", _xfail(_ARTICLE_FAULTS, sorted(MANIFEST["files"])))
def test_title_date_outlet_junk_and_story(reports: dict[str, Any], name: str) -> None:
    entry = MANIFEST["files"][name]
    story, key = name.split("/", 1)
    found = _articles(reports[story], story)[key]
    assert found["title"] == entry["title"]
    assert (found["published"] or "")[:10] == entry["published"]
    assert _outlet(found["outlet"]) == _outlet(entry["outlet"])
    article = Article(id=found["id"], source=found["source"], text=found["text"])
    removed = [(r["start"], r["end"]) for r in found["removed"]]
    kept = [(p["start"], p["end"]) for p in found["paragraphs"]]
    kept += [(r["start"], r["end"]) for r in found["removed"] if r["reason"].startswith(_METADATA)]
    for junk in entry["junk"]:
        assert _covered(article, junk, removed), f"left in the story: {junk!r}"
    for junk in entry.get("junk_absent", []):
        assert junk not in found["kept_text"], f"left in the story: {junk!r}"
    for keep in entry["keep"]:
        assert _covered(article, keep, kept), f"story text lost: {keep!r}"


@pytest.mark.parametrize("story", sorted(MANIFEST["stories"]))
def test_sources_copies_and_origins(reports: dict[str, Any], story: str) -> None:
    expected = MANIFEST["stories"][story]
    report = reports[story]
    assert report["story"]["article_count"] == expected["article_count"]
    assert report["story"]["independent_sources"] == expected["independent_sources"]
    keys = {a["id"]: _key(story, a) for a in report["articles"]}
    groups = {frozenset(keys[i] for i in g["articles"]) for g in report["source_groups"]}
    assert {frozenset(g) for g in expected["source_groups"] if len(g) > 1} <= groups
    for article in report["articles"]:
        copy_of = MANIFEST["files"][f"{story}/{keys[article['id']]}"]["copy_of"]
        origin = keys.get(article["copy_of"] or "")
        assert (f"{story}/{origin}" if origin else None) == copy_of, article["source"]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _quote_cases() -> list[str]:
    return [f"{s}:{i}" for s, e in MANIFEST["stories"].items() for i in range(len(e["quotes"]))]


_QUOTE_FAULTS = {}


@pytest.mark.parametrize("case", _xfail(_QUOTE_FAULTS, _quote_cases()))
def test_quote_speaker_and_sources(reports: dict[str, Any], case: str) -> None:
    story, index = case.split(":")
    expected = MANIFEST["stories"][story]["quotes"][int(index)]
    words = " ".join(_words(expected["text"])[:6])
    found = [q for q in reports[story]["quotes"] if words in " ".join(_words(q["text"]))]
    assert found, f"no quote holds {expected['text']!r}"
    assert found[0]["speaker"] == expected["speaker"]
    assert found[0]["independent_sources"] == expected["independent_sources"]


_SCALE = {"million": 1e6, "m": 1e6, "bn": 1e9, "billion": 1e9}


def _number(text: str) -> float:
    found = re.match(r"[£$€]?([\d,.]+)\s*(million|m|bn|billion)?", text)
    assert found, text
    return float(found.group(1).replace(",", "")) * _SCALE.get(found.group(2) or "", 1)


def _figure_cases() -> list[str]:
    return [
        f"{s}:{i}"
        for s, e in MANIFEST["stories"].items()
        for i, f in enumerate(e["figures"])
        if len(f["values"]) > 1 or f["status"] == "agree"
    ]


_FIGURE_FAULTS = {
    "ferry:2": "6,420 (wire) and 6,400 (Islander, Gazette) tonnes are two rows",
    "ferry:3": "7 injured and the Gazette's update to 9 are two rows",
    "fire:0": "about 80 and more than 120 firefighters are two rows, no conflict",
    "fire:2": "£3.2 million (Courier) and more than £3m (Echo) are two single-source rows",
    "library:3": "31 votes (agency, Herald) and 33 (Varrow FM) are two rows, no conflict",
    "library:4": "24 votes against and 22 are two rows, no conflict",
}


@pytest.mark.parametrize("case", _xfail(_FIGURE_FAULTS, _figure_cases()))
def test_figure_values_in_one_row(reports: dict[str, Any], case: str) -> None:
    """A figure the outlets give (alike, at another precision, or in conflict) is one row
    holding every value, with the status the manifest gives ('updated': the row says so)."""
    story, index = case.split(":")
    expected = MANIFEST["stories"][story]["figures"][int(index)]
    wanted = {_number(v) for v in expected["values"]}
    rows = [
        f
        for f in reports[story]["figures"]
        if all(any(abs(v["value"] - w) <= 1e-6 * w for v in f["values"]) for w in wanted)
    ]
    assert rows, f"no row holds {sorted(wanted)}"
    if expected["status"] == "updated":
        assert any(f["updated"] for f in rows)
    else:
        assert any(f["status"] == expected["status"] for f in rows)


_DISPUTE_FAULTS: dict[str, str] = {}


@pytest.mark.parametrize(
    "story",
    _xfail(
        _DISPUTE_FAULTS,
        sorted(
            s
            for s, e in MANIFEST["stories"].items()
            if any(c["status"] == "disputed" for c in e["claims"])
        ),
    ),
)
def test_the_planted_conflict_is_disputed(reports: dict[str, Any], story: str) -> None:
    disputed = [c for c in reports[story]["claims"] if c["status"] == "disputed"]
    assert any("different figures" in (c["reason"] or "") for c in disputed)
