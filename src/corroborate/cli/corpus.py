"""Corpus commands: `ingest`, `stories`, `show`, `export`, `recluster` over one SQLite store."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from corroborate.cli.report import output_options
from corroborate.corpus.store import DEFAULT_PATH, SqliteStore
from corroborate.errors import CorroborateError

if TYPE_CHECKING:
    from rich.console import Console

    from corroborate.corpus.ingest import IngestCounts

DB_OPTION = click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False),
    default=DEFAULT_PATH,
    show_default=True,
    help="The store: one SQLite file (it opens in Datasette as it is).",
)
SORTS = {
    "last-seen": "coalesce(last_seen, '') DESC, updated_at DESC",
    "first-seen": "coalesce(first_seen, '') ASC, created_at ASC",
    "size": "article_count DESC, source_count DESC",
    "sources": "source_count DESC, article_count DESC",
    "title": "title COLLATE NOCASE ASC",
}


def register(group: click.Group) -> None:
    for command in (ingest_command, stories_command, show_command, export_command):
        group.add_command(command)
    group.add_command(recluster_command)


@contextmanager
def _open(db_path: str, *, write: bool = False) -> Iterator[SqliteStore]:
    """The store (read-only unless asked), every library error a one-line CLI error."""
    try:
        with SqliteStore(db_path, read_only=not write) as store:
            yield store
    except CorroborateError as exc:
        raise click.ClickException(str(exc)) from exc


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@DB_OPTION
@click.option(
    "--batch-size",
    type=click.IntRange(1, 100_000),
    default=256,
    show_default=True,
    help="Articles per batch: each batch is stored in one transaction (memory grows with it).",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=None,
    help="Processes for cleaning and features [default: 2, or 1 on a one-core machine].",
)
@click.option(
    "--second-look/--no-second-look",
    default=True,
    show_default=True,
    help="After each batch, split and merge the stories it touched, as recluster does "
    "(better stories; --no-second-look ingests faster and leaves that to recluster).",
)
def ingest_command(
    inputs: tuple[str, ...],
    db_path: str,
    batch_size: int,
    workers: int | None,
    second_look: bool,
) -> None:
    """Read INPUTS into the store, find copies and assign every article to a story.

    INPUTS: files, directories, globs or - (stdin): .txt, .md, .html, .json, .jsonl, .warc,
    .warc.gz, .rss, .atom, .xml feeds. Articles already stored are recognised by their
    content and skipped, so running the same ingest twice adds nothing, and a run that was
    stopped half-way finishes the job when run again.
    """
    from corroborate.corpus.ingest import ingest

    with _open(db_path, write=True) as store, _progress() as update:
        counts = ingest(
            list(inputs),
            store,
            batch_size=batch_size,
            workers=workers,
            progress=update,
            refine=second_look,
        )
    click.echo(
        f"read {counts.read} articles: {counts.new} new, {counts.known} already known, "
        f"{counts.copies} copies; {counts.failed} inputs failed"
    )
    click.echo(f"stories: {counts.new_stories} new, {counts.grown_stories} grown; store: {db_path}")
    for error in counts.errors:
        click.echo(f"  failed {error.source}: {error.message}", err=True)


@contextmanager
def _progress() -> Iterator[Callable[[IngestCounts], None]]:
    """A rich progress display of the running counts (the total is unknown when streaming)."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} articles"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, transient=True, console=_stderr_console()) as progress:
        task = progress.add_task("ingesting", total=None)

        def update(counts: IngestCounts) -> None:
            progress.update(
                task,
                completed=counts.read,
                description=f"ingesting: {counts.new} new, {counts.known} known, "
                f"{counts.failed} failed",
            )

        yield update


def _stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True)


@click.command("stories")
@DB_OPTION
@click.option(
    "--sort",
    type=click.Choice(list(SORTS)),
    default="last-seen",
    show_default=True,
    help="Newest first (last-seen), oldest first, most articles, most sources, or by title.",
)
@click.option("--since", metavar="DATE", help="Only stories seen on or after DATE (YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Only stories that began on or before DATE.")
@click.option(
    "--min-articles",
    type=click.IntRange(1),
    default=1,
    show_default=True,
    help="Only stories with at least this many articles.",
)
@click.option(
    "--search",
    "text",
    metavar="TEXT",
    help="Only stories whose title, or one of whose articles' titles, contains TEXT.",
)
@click.option(
    "--limit", type=click.IntRange(1), default=30, show_default=True, help="Stories to list."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines instead of a table.")
def stories_command(
    db_path: str,
    sort: str,
    since: str | None,
    until: str | None,
    min_articles: int,
    text: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """List the stories in the store: id, title, dates, articles, sources, outlets."""
    where, params = ["article_count >= ?"], [str(min_articles)]
    if since:
        where.append("coalesce(last_seen, '9999') >= ?")
        params.append(since)
    if until:
        where.append("coalesce(first_seen, '0000') <= ?")
        params.append(until)
    if text:
        where.append("(title LIKE ? OR id IN (SELECT story_id FROM articles WHERE title LIKE ?))")
        params += [f"%{text}%", f"%{text}%"]
    sql = (
        "SELECT id, title, first_seen, last_seen, article_count, source_count, outlets "
        f"FROM stories WHERE {' AND '.join(where)} ORDER BY {SORTS[sort]} LIMIT ?"
    )
    with _open(db_path) as store:
        rows = store.query(sql, [*params, str(limit)])
        total = store.query("SELECT count(*) FROM stories")[0][0]
    if as_json:
        for row in rows:
            click.echo(json.dumps(dict(row), ensure_ascii=False))
        return
    _print_stories(rows, total)


def _print_stories(rows: list[sqlite3.Row], total: int) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(rows)} of {total} stories", title_justify="left", expand=True)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("title", ratio=3, no_wrap=True, overflow="ellipsis")
    for name in ("first seen", "last seen"):
        table.add_column(name, no_wrap=True)
    for name in ("articles", "sources"):
        table.add_column(name, justify="right", no_wrap=True)
    table.add_column("outlets", style="dim", ratio=1, no_wrap=True, overflow="ellipsis")
    for row in rows:
        outlets = json.loads(row["outlets"] or "[]")
        shown = ", ".join(outlets[:4]) + (f" +{len(outlets) - 4}" if len(outlets) > 4 else "")
        table.add_row(
            row["id"],
            row["title"] or "(untitled)",
            (row["first_seen"] or "-")[:10],
            (row["last_seen"] or "-")[:10],
            str(row["article_count"]),
            str(row["source_count"]),
            shown,
        )
    Console().print(table)


@click.command("show")
@click.argument("story_id")
@DB_OPTION
@output_options
def show_command(story_id: str, db_path: str, output: Path | None, fmt: str | None) -> None:
    """The full report of one story (STORY_ID, or a unique prefix of it), as `report` makes it."""
    from corroborate.cli.report import emit_report
    from corroborate.story import build_report

    with _open(db_path) as store:
        try:
            resolved = store.resolve_story(story_id)
            articles = store.story_articles(resolved)
            result = build_report(articles, story_id=resolved)
        except CorroborateError as exc:
            raise click.ClickException(str(exc)) from exc
    emit_report(result, output, fmt)


@click.command("export")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(("parquet", "csv", "jsonl")), required=True)
@click.option(
    "--table",
    type=click.Choice(("articles", "stories", "assignments")),
    default="articles",
    show_default=True,
    help="articles (with source_id and story_id), stories, or assignments (the evidence).",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
def export_command(db_path: str, fmt: str, table: str, output: Path | None) -> None:
    """Export articles, stories or their links as Parquet, CSV or JSON lines.

    Each article row carries `source_id` (the input's own id, else its URL, else the file
    path) and `story_id`, to join results back to your data. Without -o, CSV and JSON lines
    go to stdout; Parquet needs -o.
    """
    from corroborate.corpus.export import export

    with _open(db_path) as store:
        try:
            count = export(store, fmt, output or sys.stdout, table=table)  # type: ignore[arg-type]
        except BrokenPipeError:  # `export ... | head`: the reader has all it wanted
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stays open until exit
            return
        except (CorroborateError, OSError) as exc:
            raise click.ClickException(str(exc)) from exc
    if output:
        click.echo(f"{count} {table} rows written to {output}", err=True)


@click.command("recluster")
@DB_OPTION
def recluster_command(db_path: str) -> None:
    """Cluster every stored article again (date order, final term weights); ids are kept."""
    from corroborate.corpus.ingest import recluster_store

    with _open(db_path, write=True) as store:
        moved = recluster_store(store)
    click.echo(f"re-clustered: {moved} articles changed story")
