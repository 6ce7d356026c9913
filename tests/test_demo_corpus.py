"""The demo corpus and its ground truth (MANIFEST.json) agree with each other.

Every substring the manifest names (junk, kept text, quotes, figures, claims, copied passages)
must occur exactly once in its file, so the stage tests can locate it without ambiguity.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from corroborate.demo import demo_inputs, manifest, other_inputs

DEMO = Path(demo_inputs()[0]).parent
MANIFEST = manifest()
FILES: dict[str, Any] = MANIFEST["files"]
ROLES = {"wire", "abridged-copy", "partial-copy", "independent", "unrelated"}
NOT_ARTICLES = {"MANIFEST.json", "README.md", "__init__.py"}


def searchable(name: str) -> str:
    """The text a reader sees: the file as is, or the decoded `text`/`html` of its objects."""
    raw = (DEMO / name).read_text(encoding="utf-8")
    if name.endswith(".jsonl"):
        objects = [json.loads(line) for line in raw.splitlines() if line.strip()]
    elif name.endswith(".json"):
        objects = [json.loads(raw)]
    else:
        return raw
    return "\n\n".join(obj.get("text") or obj.get("html") for obj in objects)


def json_objects(name: str) -> list[dict[str, Any]]:
    raw = (DEMO / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in raw.splitlines() if line.strip()]


def located() -> list[tuple[str, str, str]]:
    """(what, file, substring) for every substring the manifest points at."""
    out: list[tuple[str, str, str]] = []
    for name, entry in FILES.items():
        out += [("junk", name, junk["text"]) for junk in entry["junk"]]
        out += [("dropped", name, drop["text"]) for drop in entry.get("extraction_drops", [])]
        out += [("keep", name, keep) for keep in entry["keep"]]
        for passage in entry.get("copied_passages", []):
            out.append(("copied", name, passage["text"]))
            out.append(("origin", passage["origin"], passage["text"]))
    for quote in MANIFEST["quotes"]:
        for mention in quote["mentions"] + quote.get("paraphrased_by", []):
            out.append((f"quote {quote['id']}", mention["file"], mention["text"]))
    for variant in MANIFEST["variants"]:
        for side in (variant["a"], variant["b"]):
            out.append((f"variant {variant['quote']}", side["file"], side["text"]))
    for figure in MANIFEST["figures"]:
        for value in figure["values"]:
            out.append((f"figure {figure['id']}", value["file"], value["context"]))
    for claim in MANIFEST["claims"]:
        for mention in claim["mentions"]:
            out.append((f"claim {claim['id']}", mention["file"], mention["text"]))
    return out


@pytest.mark.parametrize(("what", "name", "text"), located())
def test_substring_occurs_exactly_once(what: str, name: str, text: str) -> None:
    assert name in FILES, f"{what}: {name} is not listed"
    assert searchable(name).count(text) == 1, f"{what}: {text!r} in {name}"


def test_every_file_is_listed_and_exists() -> None:
    on_disk = {p.name for p in DEMO.iterdir() if p.is_file() and p.name not in NOT_ARTICLES}
    assert on_disk == set(FILES)


@pytest.mark.parametrize("name", sorted(FILES))
def test_file_entry_is_consistent(name: str) -> None:
    entry = FILES[name]
    assert entry["role"] in ROLES
    assert name.rsplit(".", 1)[1] == entry["format"]
    copies = {"abridged-copy", "partial-copy"}
    assert (entry["copy_of"] is not None) == (entry["role"] in copies)
    if entry["copy_of"] is not None:
        assert FILES[entry["copy_of"]]["role"] == "wire"
    junk = entry["junk"] + entry.get("extraction_drops", [])
    assert {item["reason"] for item in junk} <= set(MANIFEST["junk_reasons"])
    assert entry["outlet"]


@pytest.mark.parametrize("name", sorted(FILES))
def test_junk_and_keep_never_overlap(name: str) -> None:
    text = searchable(name)
    entry = FILES[name]

    def spans(items: list[str]) -> list[range]:
        return [range(text.index(item), text.index(item) + len(item)) for item in items]

    junk = spans([j["text"] for j in entry["junk"]])
    for keep in spans(entry["keep"]):
        assert all(not set(keep) & set(j) for j in junk)


def test_main_story_and_unrelated_files_split_the_corpus() -> None:
    main = MANIFEST["main_story_files"]
    assert [Path(p).name for p in demo_inputs()] == main
    assert [Path(p).name for p in other_inputs()] == MANIFEST["unrelated_files"]
    assert set(main) | set(MANIFEST["unrelated_files"]) == set(FILES)
    assert all(FILES[name]["role"] != "unrelated" for name in main)
    assert all(Path(p).is_file() for p in demo_inputs() + other_inputs())
    assert len({FILES[name]["outlet"] for name in main}) >= 7


@pytest.mark.parametrize("name", [n for n in sorted(FILES) if n.endswith(".jsonl")])
def test_jsonl_object_ids_match(name: str) -> None:
    ids = [obj["id"] for obj in json_objects(name)]
    assert ids == FILES[name]["objects"]
    for obj in json_objects(name):
        assert {"id", "url", "outlet", "title", "published", "text"} <= set(obj)


def group_of() -> dict[str, int]:
    return {name: i for i, group in enumerate(MANIFEST["source_groups"]) for name in group}


def test_source_groups_partition_the_main_story() -> None:
    groups = MANIFEST["source_groups"]
    members = [name for group in groups for name in group]
    assert sorted(members) == sorted(MANIFEST["main_story_files"])
    assert MANIFEST["independent_sources"] == len(groups)
    for name in members:
        entry = FILES[name]
        if entry["role"] == "abridged-copy":
            assert group_of()[name] == group_of()[entry["copy_of"]]
        if entry["role"] == "partial-copy":
            # Its own reporting is a source of its own; only the borrowed passages are not.
            assert group_of()[name] != group_of()[entry["copy_of"]]
            assert entry["copied_passages"]


def source_of(name: str, text: str) -> int:
    """The source group a mention counts for: a passage borrowed by a partial copy counts
    for the group of the article it was copied from."""
    for passage in FILES[name].get("copied_passages", []):
        if text in passage["text"]:
            return group_of()[passage["origin"]]
    return group_of()[name]


def _groups(mentions: list[dict[str, Any]]) -> int:
    return len({source_of(m["file"], m.get("text") or m["context"]) for m in mentions})


@pytest.mark.parametrize("claim", MANIFEST["claims"], ids=lambda c: c["id"])
def test_claim_counts_follow_source_groups(claim: dict[str, Any]) -> None:
    files = [m["file"] for m in claim["mentions"]]
    assert claim["files"] == sorted(set(files))
    assert claim["independent_sources"] == _groups(claim["mentions"])
    expected = "corroborated" if _groups(claim["mentions"]) >= 2 else "single-source"
    if claim["expected_status"] == "disputed":
        assert _groups(claim["mentions"]) >= 2  # a dispute needs two sides
    else:
        assert claim["expected_status"] == expected


@pytest.mark.parametrize("quote", MANIFEST["quotes"], ids=lambda q: q["id"])
def test_quote_counts_follow_source_groups(quote: dict[str, Any]) -> None:
    files = [m["file"] for m in quote["mentions"]]
    assert quote["files"] == sorted(set(files))
    assert quote["independent_sources"] == _groups(quote["mentions"])


@pytest.mark.parametrize("figure", MANIFEST["figures"], ids=lambda f: f["id"])
def test_figure_values_are_in_their_context(figure: dict[str, Any]) -> None:
    for value in figure["values"]:
        assert value["as_written"] in value["context"]
    current = [v for v in figure["values"] if not v.get("update")]
    sources = figure["independent_sources"]
    if figure["expected_status"] == "conflict":
        by_value: dict[str, list[dict[str, Any]]] = {}
        for v in current:
            by_value.setdefault(str(v["value"]), []).append(v)
        assert {k: _groups(vs) for k, vs in by_value.items()} == sources
    else:
        assert sources == _groups(current)
        assert (figure["expected_status"] == "single-source") == (sources == 1)


def test_corpus_covers_the_cases_the_stage_tests_rely_on() -> None:
    """The kinds of agreement and clash the brief asks for are all present, so an edit to the
    corpus that removes one fails here rather than silently weakening a stage's tests."""
    claims, figures, quotes = MANIFEST["claims"], MANIFEST["figures"], MANIFEST["quotes"]
    assert sum(c["independent_sources"] >= 4 for c in claims) >= 4
    assert any(c["expected_status"] == "disputed" for c in claims)
    assert sum(c["expected_status"] == "single-source" for c in claims) >= 3
    statuses = [f["expected_status"] for f in figures]
    assert {"agree", "conflict", "single-source"} <= set(statuses)
    assert any(v["update"] for f in figures for v in f["values"])
    assert any(v["approximate"] for f in figures for v in f["values"])
    kinds = {variant["kind"] for variant in MANIFEST["variants"]}
    assert {"synonym", "cut-short", "partial-quote", "quoted-vs-paraphrased"} <= kinds
    assert len({q["speaker"] for q in quotes if q["speaker"]}) >= 3
    teasers = FILES["valley-ledger-scraped.txt"]["junk"]
    related = {j["text"] for j in teasers if j.get("related_topic") and j["reason"] == "teaser"}
    assert len(related) == 2  # the related story's headline and its snippet
    roles = {entry["role"] for entry in FILES.values()}
    assert roles == ROLES


@pytest.mark.parametrize(
    "marks",
    [('"', '"'), ("“", "”"), ("‘", "’"), ("«", "»")],
    ids=["straight", "curly", "single", "guillemets"],
)
def test_one_article_uses_every_quotation_mark_style(marks: tuple[str, str]) -> None:
    text = searchable("riverside-gazette.json")
    assert marks[0] in text and marks[1] in text
