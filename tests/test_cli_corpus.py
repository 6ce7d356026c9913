"""The corpus commands as a newcomer would run them: ingest, stories, show, export."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus_fixtures import MUSEUM, PORTMOOR, all_rows, ingested_store, rows, write_jsonl
from corroborate.cli import main
from corroborate.corpus.store import SCHEMA_VERSION


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return ingested_store(tmp_path)


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_ingest_prints_the_counts(tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "news.jsonl", all_rows())
    db = str(tmp_path / "c.db")
    missing = str(tmp_path / "missing.txt")
    code, output = _run("ingest", str(data), missing, "--db", db, "--workers", "1")
    assert code == 0
    assert "read 8 articles: 8 new, 0 already known, 0 copies; 1 could not be read" in output
    assert f"corroborate: skipped {missing}: no such file or directory" in output
    code, output = _run("ingest", str(data), "--db", db, "--workers", "1")
    assert "read 8 articles: 0 new, 8 already known" in output


def _story_rows(db: Path, *options: str) -> list[dict[str, object]]:
    code, output = _run("stories", "--db", str(db), "--json", *options)
    assert code == 0, output
    return [json.loads(line) for line in output.splitlines()]


@pytest.mark.parametrize("bad", ["2013-13-45", "5/3/2026", "yesterday", "2026-02-30"])
@pytest.mark.parametrize("option", ["--since", "--until"])
def test_stories_refuses_a_date_it_cannot_read(store: Path, option: str, bad: str) -> None:
    code, output = _run("stories", "--db", str(store), option, bad)
    assert code == 2
    assert f"{bad!r} is not a date; write it as YYYY-MM-DD" in output


@pytest.mark.parametrize("published", ["2026-03-03", "2026-03-03T18:30:00+00:00"])
def test_stories_until_includes_its_own_day(tmp_path: Path, published: str) -> None:
    data = write_jsonl(tmp_path / "news.jsonl", rows({"museum": MUSEUM}, day=published))
    db = tmp_path / "c.db"
    code, output = _run("ingest", str(data), "--db", str(db), "--workers", "1")
    assert code == 0, output
    (story,) = _story_rows(db)
    assert [r["id"] for r in _story_rows(db, "--until", "2026-03-03")] == [story["id"]]
    assert _story_rows(db, "--until", "2026-03-02") == []


def test_stories_json_gives_outlets_as_a_list(store: Path) -> None:
    rows = _story_rows(store)
    assert rows and all(isinstance(r["outlets"], list) and r["outlets"] for r in rows)
    assert all(isinstance(o, str) for r in rows for o in r["outlets"])  # type: ignore[attr-defined]


def test_show_titles_the_story_as_stories_lists_it(store: Path, tmp_path: Path) -> None:
    for row in _story_rows(store):
        out = tmp_path / f"{row['id']}.json"
        code, output = _run("show", str(row["id"]), "--db", str(store), "-o", str(out))
        assert code == 0, output
        if row["title"]:
            assert json.loads(out.read_text())["story"]["title"] == row["title"]


def test_export_says_how_many_rows_of_which_table(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "s.csv"
    args = ["export", "--db", str(store), "--format", "csv", "--table", "stories", "-o", str(out)]
    code, output = _run(*args)
    assert code == 0
    assert f"3 rows of stories written to {out}" in output


def test_stories_lists_filters_and_sorts(store: Path) -> None:
    everything = _story_rows(store)
    assert len(everything) == 3
    assert sum(int(r["article_count"]) for r in everything) == 8  # type: ignore[call-overload]
    by_size = _story_rows(store, "--sort", "size")
    assert [r["article_count"] for r in by_size] == [3, 3, 2]
    assert [r["article_count"] for r in _story_rows(store, "--min-articles", "3")] == [3, 3]
    (museum,) = _story_rows(store, "--search", "Lindqvist")
    assert "Lindqvist" in str(museum["title"])
    assert _story_rows(store, "--since", "2030-01-01") == []


def test_stories_prints_a_table(store: Path) -> None:
    code, output = _run("stories", "--db", str(store))
    assert code == 0
    assert "3 of 3 stories" in output and "articles" in output


def test_show_writes_a_report_of_one_story(store: Path, tmp_path: Path) -> None:
    (story,) = _story_rows(store, "--search", "Lindqvist")
    out = tmp_path / "story.json"
    code, output = _run("show", str(story["id"])[:8], "--db", str(store), "-o", str(out))
    assert code == 0, output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["story"]["id"] == story["id"]
    assert {a["outlet"] for a in report["articles"]} == {"Valley Post", "Coastal Courier"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "s-nope"], "no story 's-nope'"),
        (["show", "s-"], "matches several stories"),
    ],
)
def test_show_explains_a_bad_story_id(store: Path, args: list[str], message: str) -> None:
    code, output = _run(*args, "--db", str(store))
    assert code == 1 and message in output


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_carries_source_id_and_story_id(store: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"articles.{fmt}"
    code, output = _run("export", "--db", str(store), "--format", fmt, "-o", str(out))
    assert code == 0, output
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    else:
        import pyarrow.parquet as pq

        rows = pq.read_table(out).to_pylist()
    assert {r["source_id"] for r in rows} == {r["id"] for r in all_rows()}
    assert all(str(r["story_id"]).startswith("s-") for r in rows)


@pytest.mark.parametrize("table", ["stories", "assignments"])
def test_export_other_tables_to_stdout(store: Path, table: str) -> None:
    code, output = _run("export", "--db", str(store), "--format", "jsonl", "--table", table)
    assert code == 0
    rows = [json.loads(line) for line in output.splitlines()]
    assert len(rows) == (3 if table == "stories" else 8)
    lists = ["outlets"] if table == "stories" else ["shared_names", "shared_terms"]
    for row in rows:  # lists, not JSON text inside JSON
        assert all(isinstance(row[name], list) for name in lists), row
    if table == "stories":
        assert all(
            row["outlets"] and all(isinstance(o, str) for o in row["outlets"]) for row in rows
        )


def test_parquet_needs_an_output_file(store: Path) -> None:
    code, output = _run("export", "--db", str(store), "--format", "parquet")
    assert code == 1 and "give an output file with -o FILE" in output


def test_a_newer_store_is_refused_by_every_command(store: Path) -> None:
    db = sqlite3.connect(store)
    db.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION + 1),))
    db.commit()
    db.close()
    for args in (["stories"], ["show", "s-"], ["export", "--format", "csv"], ["ingest", "x"]):
        code, output = _run(*args, "--db", str(store))
        assert code == 1
        assert "written by a newer corroborate" in output


def test_commands_on_a_missing_store_say_how_to_make_one(tmp_path: Path) -> None:
    code, output = _run("stories", "--db", str(tmp_path / "none.db"))
    assert code == 1 and "run `corroborate ingest INPUT..." in output


@pytest.mark.parametrize(("flag", "refine"), [([], True), (["--no-second-look"], False)])
def test_ingest_second_look_is_on_unless_turned_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flag: list[str], refine: bool
) -> None:
    import importlib

    # the package exports a function of the module's name, so the module is fetched by path
    ingest_module = importlib.import_module("corroborate.corpus.ingest")
    seen: dict[str, object] = {}
    real = ingest_module.ingest

    def spy(*args: object, **kwargs: object) -> object:
        seen.update(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(ingest_module, "ingest", spy)
    data = write_jsonl(tmp_path / "news.jsonl", all_rows())
    db = str(tmp_path / "c.db")
    code, output = _run("ingest", str(data), "--db", db, "--workers", "1", *flag)
    assert code == 0, output
    assert "read 8 articles: 8 new" in output
    assert seen["refine"] is refine


@pytest.mark.parametrize(
    ("search", "found"),
    [("50%", 1), ("%", 1), ("50", 1), ("5_%", 0), ("_", 0), ("Museum", 1), ("\\", 0)],
)
def test_stories_search_takes_its_text_literally(tmp_path: Path, search: str, found: int) -> None:
    """% and _ were LIKE wildcards: --search % listed every story."""
    (outlet, _, text), *others = MUSEUM
    data = rows({"museum": [(outlet, "Museum fire: 50% of the paintings saved", text), *others]})
    db = tmp_path / "c.db"
    result = CliRunner().invoke(
        main, ["ingest", str(write_jsonl(tmp_path / "m.jsonl", data)), "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    assert len(_story_rows(db, "--search", search)) == found


@pytest.mark.parametrize(("option", "day"), [("--since", "2000-01-01"), ("--until", "2099-12-31")])
def test_a_date_filter_leaves_out_undated_stories_and_says_how_many(
    tmp_path: Path, option: str, day: str
) -> None:
    """A story no article dated is not known to fall in the window (`--until 2000-01-01` listed
    every undated story of a store as if it had)."""
    undated = [{k: v for k, v in row.items() if k != "published"} for row in rows({"m": MUSEUM})]
    data = write_jsonl(tmp_path / "news.jsonl", rows({"portmoor": PORTMOOR}) + undated)
    db = tmp_path / "c.db"
    assert _run("ingest", str(data), "--db", str(db), "--workers", "1")[0] == 0
    assert len(_story_rows(db)) == 2
    result = CliRunner().invoke(main, ["stories", "--db", str(db), "--json", option, day])
    assert result.exit_code == 0
    (listed,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert listed["first_seen"] is not None
    assert result.stderr == "not listed: 1 story with no date (--since and --until need one)\n"
    searched = ["stories", "--db", str(db), option, day, "--search", "Portmoor"]
    assert "not listed" not in CliRunner().invoke(main, searched).stderr  # it matches no search


def test_stories_count_every_outlet_where_the_store_lists_the_first_50(store: Path) -> None:
    """The store keeps a story's first 50 outlet names: `stories --json` gave those 50 and no
    count (a 276-article story of 60 outlets read as one of 50), and the table's "+N" counted
    the list, not the outlets."""
    (first, *_) = _story_rows(store)
    names = [f"Outlet {n:02d}" for n in range(60)]
    with sqlite3.connect(store) as db:
        db.execute(
            "UPDATE stories SET outlet_count = 60, outlets = ? WHERE id = ?",
            (json.dumps(names[:50]), first["id"]),
        )
    (row,) = [r for r in _story_rows(store) if r["id"] == first["id"]]
    assert (row["outlet_count"], len(row["outlets"])) == (60, 50)  # type: ignore[arg-type]
    result = CliRunner().invoke(main, ["stories", "--db", str(store)], env={"COLUMNS": "240"})
    assert "60 outlets: Outlet 00" in result.output
