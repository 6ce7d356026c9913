"""Audit 11: the three invented stories of tests/fixtures/audit11 against their MANIFEST.json.

The stories (ferry, fire, library; 16 articles of 15 outlets as saved HTML, scraped text and
Markdown, JSON lines, RSS and Atom feeds) and the manifest were written and committed before
corroborate was first run on them. Each check here is what a right report shows; where today's
report does not show it, the case is marked xfail with the reason (strict: a fix makes it pass
and the mark must go). A feed's channel title may add its section ("Varrow FM News", "Esker
Valley Echo — News"): that is still the outlet the manifest names.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from audit_manifest import (
    article_key,
    articles_by_key,
    check_figure_row,
    check_junk_and_kept,
    check_quote,
    disputed_stories,
    figure_cases,
    load_manifest,
    quote_cases,
    story_reports,
    xfail,
)

FIXTURES = Path(__file__).parent / "fixtures" / "audit11"
MANIFEST = load_manifest(FIXTURES)


@pytest.fixture(scope="module")
def reports() -> dict[str, dict[str, Any]]:
    return story_reports(FIXTURES, MANIFEST)


def _outlet(name: str) -> str:
    return re.sub(r"\s*(?:[—–|-]\s*)?news$", "", name.strip(), flags=re.IGNORECASE)


_ARTICLE_FAULTS: dict[str, str] = {}


@pytest.mark.parametrize("name", xfail(_ARTICLE_FAULTS, sorted(MANIFEST["files"])))
def test_title_date_outlet_junk_and_story(reports: dict[str, Any], name: str) -> None:
    entry = MANIFEST["files"][name]
    story, key = name.split("/", 1)
    found = articles_by_key(reports[story], story)[key]
    assert found["title"] == entry["title"]
    assert (found["published"] or "")[:10] == entry["published"]
    assert _outlet(found["outlet"]) == _outlet(entry["outlet"])
    check_junk_and_kept(found, entry)


@pytest.mark.parametrize("story", sorted(MANIFEST["stories"]))
def test_sources_copies_and_origins(reports: dict[str, Any], story: str) -> None:
    expected = MANIFEST["stories"][story]
    report = reports[story]
    assert report["story"]["article_count"] == expected["article_count"]
    assert report["story"]["independent_sources"] == expected["independent_sources"]
    keys = {a["id"]: article_key(story, a) for a in report["articles"]}
    groups = {frozenset(keys[i] for i in g["articles"]) for g in report["source_groups"]}
    assert {frozenset(g) for g in expected["source_groups"] if len(g) > 1} <= groups
    for article in report["articles"]:
        copy_of = MANIFEST["files"][f"{story}/{keys[article['id']]}"]["copy_of"]
        origin = keys.get(article["copy_of"] or "")
        assert (f"{story}/{origin}" if origin else None) == copy_of, article["source"]


_QUOTE_FAULTS = {}


@pytest.mark.parametrize("case", xfail(_QUOTE_FAULTS, quote_cases(MANIFEST)))
def test_quote_speaker_and_sources(reports: dict[str, Any], case: str) -> None:
    story, index = case.split(":")
    check_quote(reports[story], MANIFEST["stories"][story]["quotes"][int(index)])


_FIGURE_FAULTS = {
    "ferry:2": "6,420 (wire) and 6,400 (Islander, Gazette) tonnes are two rows",
    "ferry:3": "7 injured and the Gazette's update to 9 are two rows",
    "fire:0": "about 80 and more than 120 firefighters are two rows, no conflict",
    "fire:2": "£3.2 million (Courier) and more than £3m (Echo) are two single-source rows",
    "library:3": "31 votes (agency, Herald) and 33 (Varrow FM) are two rows, no conflict",
    "library:4": "24 votes against and 22 are two rows, no conflict",
}


@pytest.mark.parametrize("case", xfail(_FIGURE_FAULTS, figure_cases(MANIFEST)))
def test_figure_values_in_one_row(reports: dict[str, Any], case: str) -> None:
    """The manifest's figure is one row with its status (`check_figure_row`)."""
    story, index = case.split(":")
    check_figure_row(reports[story], MANIFEST["stories"][story]["figures"][int(index)])


_DISPUTE_FAULTS: dict[str, str] = {}


@pytest.mark.parametrize(
    "story",
    xfail(_DISPUTE_FAULTS, disputed_stories(MANIFEST)),
)
def test_the_planted_conflict_is_disputed(reports: dict[str, Any], story: str) -> None:
    disputed = [c for c in reports[story]["claims"] if c["status"] == "disputed"]
    assert any("different figures" in (c["reason"] or "") for c in disputed)
