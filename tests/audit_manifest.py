"""What the audit manifest tests share (test_audit11_manifest, test_audit12_manifest): each
story's report as a user would get it, an article's key in the manifest, and the checks of an
article, a quote and a figure row against the manifest's entry for it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import corroborate
from corroborate.records import Article
from test_audit_head import _covered

_METADATA = ("headline:", "dateline:", "date line: read")
_MANY = (".jsonl", ".rss", ".atom")  # files holding several articles: keyed by title too
_SCALE = {"million": 1e6, "m": 1e6, "bn": 1e9, "billion": 1e9}


def load_manifest(fixtures: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((fixtures / "MANIFEST.json").read_text(encoding="utf-8"))
    return loaded


def xfail(cases: dict[str, str], names: list[str]) -> list[Any]:
    """The names as parameters, those in `cases` marked strict xfail with their reason."""
    return [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=cases[n])) if n in cases else n
        for n in names
    ]


def story_reports(fixtures: Path, manifest: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each story's report as JSON, read from its folder as a user would give it."""
    return {
        story: corroborate.report([str(fixtures / story)]).to_dict()
        for story in manifest["stories"]
    }


def article_key(story: str, article: dict[str, Any]) -> str:
    name = Path(re.split(r"[#:]", article["source"].split(f"{story}/", 1)[1])[0]).name
    return f"{name}#{article['title']}" if name.endswith(_MANY) else name


def articles_by_key(report: dict[str, Any], story: str) -> dict[str, dict[str, Any]]:
    return {article_key(story, a): a for a in report["articles"]}


def check_junk_and_kept(found: dict[str, Any], entry: dict[str, Any]) -> None:
    """The entry's junk is removed from the reported article and its story text kept."""
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


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def quote_cases(manifest: dict[str, Any]) -> list[str]:
    return [f"{s}:{i}" for s, e in manifest["stories"].items() for i in range(len(e["quotes"]))]


def check_quote(report: dict[str, Any], expected: dict[str, Any]) -> None:
    """The quote holding the expected words has the expected speaker and source count."""
    opening = " ".join(words(expected["text"])[:6])
    found = [q for q in report["quotes"] if opening in " ".join(words(q["text"]))]
    assert found, f"no quote holds {expected['text']!r}"
    assert found[0]["speaker"] == expected["speaker"]
    assert found[0]["independent_sources"] == expected["independent_sources"]


def number(text: str) -> float:
    found = re.match(r"[£$€]?([\d,.]+)\s*(million|m|bn|billion)?", text)
    assert found, text
    return float(found.group(1).replace(",", "")) * _SCALE.get(found.group(2) or "", 1)


def figure_cases(manifest: dict[str, Any]) -> list[str]:
    return [
        f"{s}:{i}"
        for s, e in manifest["stories"].items()
        for i, f in enumerate(e["figures"])
        if len(f["values"]) > 1 or f["status"] == "agree"
    ]


def check_figure_row(report: dict[str, Any], expected: dict[str, Any]) -> None:
    """A figure the outlets give (alike, at another precision, or in conflict) is one row
    holding every value, with the status the manifest gives ('updated': the row says so)."""
    wanted = {number(v) for v in expected["values"]}
    rows = [
        f
        for f in report["figures"]
        if all(any(abs(v["value"] - w) <= 1e-6 * w for v in f["values"]) for w in wanted)
    ]
    assert rows, f"no row holds {sorted(wanted)}"
    if expected["status"] == "updated":
        assert any(f["updated"] for f in rows)
    else:
        assert any(f["status"] == expected["status"] for f in rows)


def disputed_stories(manifest: dict[str, Any]) -> list[str]:
    """The stories whose manifest has a disputed claim (a planted conflict), sorted."""
    return sorted(
        s
        for s, e in manifest["stories"].items()
        if any(c["status"] == "disputed" for c in e["claims"])
    )
