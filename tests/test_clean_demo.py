"""Cleaning on the demo corpus: every planted junk block goes, every story paragraph stays.

The demo's MANIFEST.json lists, per file, exact substrings of junk blocks and of story paragraphs.
Text the reader used as metadata (the headline as title, the dateline as place and date) counts
as kept: it is in the report, only not as story sentences.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from corroborate import clean_articles, read_inputs
from corroborate.demo import demo_inputs, manifest
from corroborate.records import Article

_METADATA_REASONS = ("headline:", "dateline:")


@pytest.fixture(scope="module")
def cleaned() -> dict[str, Article]:
    articles = [a for a in read_inputs(demo_inputs()) if isinstance(a, Article)]
    clean_articles(articles)
    return {Path(a.source.split(":")[0].split("[")[0]).name: a for a in articles}


def _files() -> list[tuple[str, dict[str, Any]]]:
    data = manifest()
    return [(name, data["files"][name]) for name in data["main_story_files"]]


def _covered(article: Article, fragment: str, spans: list[tuple[int, int]]) -> bool:
    """Whether every non-space character of the fragment's occurrence lies inside the spans."""
    start = article.text.find(fragment)
    assert start >= 0, f"{fragment!r} is not in {article.source}"
    for offset, char in enumerate(fragment):
        if char.isspace():
            continue
        pos = start + offset
        if not any(s <= pos < e for s, e in spans):
            return False
    return True


@pytest.mark.parametrize(("name", "entry"), _files(), ids=[n for n, _ in _files()])
def test_junk_removed_and_story_kept(
    cleaned: dict[str, Article], name: str, entry: dict[str, Any]
) -> None:
    article = cleaned[name]
    removed = [(r.start, r.end) for r in article.removed]
    kept = [(p.start, p.end) for p in article.paragraphs]
    kept += [(r.start, r.end) for r in article.removed if r.reason.startswith(_METADATA_REASONS)]
    for junk in entry.get("junk", []):
        assert _covered(article, junk["text"], removed), f"junk left in {name}: {junk['text']!r}"
    for keep in entry.get("keep", []):
        assert _covered(article, keep, kept), f"story text lost from {name}: {keep!r}"


def test_removed_blocks_have_specific_reasons(cleaned: dict[str, Article]) -> None:
    reasons = {r.reason for a in cleaned.values() for r in a.removed}
    assert reasons, "the demo corpus has junk to remove"
    assert all(re.match(r"^[a-z].{8,}", reason) for reason in reasons)
