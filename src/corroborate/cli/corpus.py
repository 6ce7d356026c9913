"""Corpus commands: `ingest`, `stories`, `show`, `export`, `recluster` over one SQLite store."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

import click

from corroborate.cli.output import check_writable, note_stdin, whole_file, working
from corroborate.cli.report import output_options
from corroborate.corpus.connect import explain_sqlite_error
from corroborate.corpus.export import json_list, lists_decoded
from corroborate.corpus.store import DEFAULT_PATH, SqliteStore
from corroborate.corpus.titles import FIRST_MEMBER, story_lead
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
    folder = Path(db_path).absolute().parent
    if write and not folder.is_dir():  # SQLite only says "unable to open database file"
        raise click.ClickException(
            f"{db_path}: cannot create the store: the folder {folder} does not exist"
        )
    if write and not Path(db_path).exists() and not os.access(folder, os.W_OK):
        raise click.ClickException(  # the same SQLite words, for a folder one may not write
            f"{db_path}: cannot create the store: you may not write in the folder {folder}; "
            "use --db with a file in a folder of yours"
        )
    try:
        with SqliteStore(db_path, read_only=not write) as store:
            yield store
    except CorroborateError as exc:
        raise click.ClickException(str(exc) + _other_stores(db_path, write)) from exc
    except sqlite3.Error as exc:  # a query the store did not translate: a damaged file, say
        raise click.ClickException(str(explain_sqlite_error(db_path, exc))) from exc


def _other_stores(db_path: str, write: bool) -> str:
    """A hint when the store asked for is missing but its folder holds others: `ingest --db
    news.db`, then `stories` (default corroborate.db) said only "no store here"."""
    path = Path(db_path)
    if write or path.exists():
        return ""
    found = sorted(p.name for p in path.absolute().parent.glob("*.db") if p.is_file())[:3]
    if not found:
        return ""
    return f" (this folder holds {', '.join(found)}: give it with --db)"


@click.command("ingest", short_help="Read inputs into the store: copies found, stories assigned.")
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
    help="After each batch, split and merge the stories it touched, as recluster does, and "
    "at the end let each stored article look again for its story (better stories; "
    "--no-second-look ingests faster and leaves that to recluster).",
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
    .rss, .atom, .xml feeds, each also gzipped (.jsonl.gz, .warc.gz, .html.gz...). Articles
    already stored are recognised by their content and skipped, so running the same ingest
    twice adds nothing, and a run that was stopped half-way finishes the job when run again.
    """
    from corroborate.corpus.ingest import ingest

    note_stdin(inputs)
    stored = 0  # new articles of this run in batches already committed

    def counted(update: Callable[[IngestCounts], None]) -> Callable[[IngestCounts], None]:
        def step(counts: IngestCounts) -> None:
            nonlocal stored
            stored = counts.new
            update(counts)

        return step

    try:
        with _open(db_path, write=True) as store, _progress() as update, _ctrl_c_in_main_only():
            counts = ingest(
                list(inputs),
                store,
                batch_size=batch_size,
                workers=workers,
                progress=counted(update),
                refine=second_look,
            )
            update(counts)  # the failures of the last batch
    except click.ClickException as exc:
        raise click.ClickException(_kept_note(exc.message, stored)) from exc
    except KeyboardInterrupt:
        click.echo(
            f"corroborate: interrupted; every batch stored before it is kept in {db_path}: "
            "run the same ingest again to finish",
            err=True,
        )
        click.get_current_context().exit(130)
    click.echo(
        f"read {_plural(counts.read, 'article', 'articles')}: {counts.new} new, "
        f"{counts.known} already known, "
        f"{_plural(counts.copies, 'copy', 'copies')}; {counts.failed} could not be read"
    )
    click.echo(f"stories: {counts.new_stories} new, {counts.grown_stories} grown; store: {db_path}")
    if counts.decoded:
        click.echo(_decoding_line(counts.decoded))
    if counts.failed and not counts.read:
        raise click.ClickException(
            "no article could be read from the inputs given (each problem is listed above)"
        )


def _kept_note(message: str, stored: int) -> str:
    """A store fault in mid-run (locked out, disk full) with what the run had stored: the
    lock's message said only to wait, not that 50 articles were in and a rerun finishes."""
    if not stored:
        return message
    were = "was" if stored == 1 else "were"
    kept = f"{_plural(stored, 'new article', 'new articles')} of this run {were} stored before it"
    if "run the same ingest again" in message:
        return f"{message} ({kept})"
    return f"{message}; {kept}: run the same ingest again to finish"


def _decoding_line(found: list[tuple[str, str]], shown: int = 3) -> str:
    """The articles read whose text was changed or guessed on the way in (`Article.decoding`,
    as (source, note)): their text may differ from what was written, so the final count says
    which (the store keeps the note too, for `show` and `export`); `shown` are named."""
    named = "; ".join(f"{source}: {note}" for source, note in found[:shown])
    more = len(found) - shown
    rest = f"; and {more} more" if more > 0 else ""
    changed = _plural(len(found), "article", "articles")
    return f"decoding: {changed} not read exactly as given — {named}{rest}"


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


@contextmanager
def _ctrl_c_in_main_only() -> Iterator[None]:
    """Ctrl-C stops this process; the forked workers ignore it and end when their pool closes.

    By default each worker also got the KeyboardInterrupt and printed a traceback.
    """
    main_pid = os.getpid()

    def handler(signum: int, frame: FrameType | None) -> None:
        if os.getpid() == main_pid:
            raise KeyboardInterrupt

    ignored = signal.getsignal(signal.SIGINT) is signal.SIG_IGN  # e.g. a background job
    if ignored or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def _progress() -> Iterator[Callable[[IngestCounts], None]]:
    """A rich progress display of the running counts (the total is unknown when streaming),
    and each input that fails, as one line on stderr as soon as its batch is stored.

    Without a terminal (a log file, a pipe) only the failures are printed: a progress display
    there leaves blank lines or control characters.
    """
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    shown = 0

    def new_failures(counts: IngestCounts) -> Iterator[str]:
        nonlocal shown
        for error in counts.errors[shown:]:
            yield f"corroborate: skipped {error.source}: {error.message}"
        shown = len(counts.errors)

    console = _stderr_console()
    if not console.is_terminal:

        def echo(counts: IngestCounts) -> None:
            for line in new_failures(counts):
                click.echo(line, err=True)

        yield echo
        return
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} articles"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, transient=True, console=console) as progress:
        task = progress.add_task("ingesting", total=None)

        def update(counts: IngestCounts) -> None:
            for line in new_failures(counts):  # printed above the live display
                progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
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


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A date as YYYY-MM-DD. Dates are compared as text in the store, so "2013-13-45" or
    "5/3/2013" gave a wrong list with no word of why."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from None


@click.command("stories", short_help="List the stored stories (filter, sort, or as JSON).")
@DB_OPTION
@click.option(
    "--sort",
    type=click.Choice(list(SORTS)),
    default="last-seen",
    show_default=True,
    help="Newest first (last-seen), oldest first, most articles, most sources, or by title.",
)
@click.option(
    "--since",
    metavar="DATE",
    callback=_iso_date,
    help="Only stories seen on or after DATE (YYYY-MM-DD); stories with no date are left out.",
)
@click.option(
    "--until",
    metavar="DATE",
    callback=_iso_date,
    help="Only stories that began on or before DATE (YYYY-MM-DD); undated ones are left out.",
)
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
    if text:  # the words as written: % and _ are no wildcards ("50%", "covid_19")
        like = "LIKE ? ESCAPE '\\'"
        where.append(f"(title {like} OR id IN (SELECT story_id FROM articles WHERE title {like}))")
        literal = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params += [f"%{literal}%", f"%{literal}%"]
    # A story no article gave a date is not known to fall in a window: a date filter leaves
    # it out and says how many it left (`--until 2000-01-01` listed 20 undated stories).
    dated, dates = [], []
    if since:
        dated.append("last_seen >= ?")
        dates.append(since)
    if until:  # the day itself counts, whether a date or a date and time is stored
        dated.append("substr(first_seen, 1, 10) <= ?")
        dates.append(until)
    sql = (
        "SELECT id, title, first_seen, last_seen, article_count, source_count, outlet_count, "
        "outlets "
        f"FROM stories WHERE {' AND '.join(where + dated)} ORDER BY {SORTS[sort]} LIMIT ?"
    )
    with _open(db_path) as store:
        rows = [dict(row) for row in store.query(sql, [*params, *dates, str(limit)])]
        total = store.query("SELECT count(*) FROM stories")[0][0]
        undated = 0
        if dated:
            no_date = (
                f"SELECT count(*) FROM stories WHERE {' AND '.join(where)} AND first_seen IS NULL"
            )
            undated = store.query(no_date, params)[0][0]
        for row in rows:
            # No article of the story gave a headline: list it by its lead sentence instead,
            # marked as such (JSON keeps `title` null and adds `lead`).
            if not row["title"]:
                first = store.query(FIRST_MEMBER, (row["id"],))
                row["lead"] = story_lead((r[0], r[1]) for r in first)
    if as_json:
        for row in rows:  # outlets as a list, as export's JSON lines give them
            click.echo(json.dumps(lists_decoded(row), ensure_ascii=False))
    elif not total:
        click.echo(
            f"no stories in {db_path} yet: add articles with "
            f"`corroborate ingest INPUT... --db {db_path}`",
            err=True,
        )
    elif not rows:
        click.echo(
            f"no story matches these filters ({_plural(total, 'story', 'stories')} in {db_path})",
            err=True,
        )
    else:
        _print_stories(rows, total)
    if undated:
        stories = _plural(undated, "story", "stories")
        click.echo(f"not listed: {stories} with no date (--since and --until need one)", err=True)


WIDE = 110  # below this many columns the table drops "first seen" and "outlets"


def _print_stories(rows: list[dict[str, Any]], total: int) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    # At 80 columns the full table left titles 7 characters: a narrow terminal gets the
    # columns a reader needs to pick a story, and titles that wrap instead of vanishing.
    wide = console.width >= WIDE
    note = "" if wide else " (first seen and outlets: a wider terminal, or --json)"
    table = Table(title=f"{len(rows)} of {total} stories{note}", title_justify="left")
    table.expand = True
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("title", ratio=3, overflow="fold")
    for name in ("first seen", "last seen") if wide else ("last seen",):
        table.add_column(name, no_wrap=True)
    for name in ("articles", "sources"):
        table.add_column(name, justify="right", no_wrap=True)
    if wide:
        table.add_column("outlets", style="dim", ratio=1, no_wrap=True, overflow="ellipsis")
    for row in rows:
        # Text, not a markup string: a headline such as "[Update] Floods" is shown as written.
        if row["title"]:
            title = Text(row["title"])
        elif row.get("lead"):
            title = Text.assemble(("lead: ", "dim"), row["lead"])
        else:
            title = Text("(untitled)", style="dim")
        cells: list[str | Text] = [Text(row["id"]), title]
        if wide:
            cells.append((row["first_seen"] or "-")[:10])
        cells += [
            (row["last_seen"] or "-")[:10],
            str(row["article_count"]),
            str(row["source_count"]),
        ]
        if wide:
            outlets = json_list(row["outlets"])
            # The store keeps the first 50 names, and a narrow column cuts the line's end: the
            # count of every outlet comes first ("+46" after the names counted the list, and
            # was cut off).
            count = max(row.get("outlet_count") or 0, len(outlets))
            first = f"{count} outlets: " if count > 4 else ""
            cells.append(Text(first + ", ".join(outlets[:4])))
        table.add_row(*cells)
    console.print(table)


@click.command("show", short_help="The full report of one stored story.")
@click.argument("story_id")
@DB_OPTION
@output_options
def show_command(story_id: str, db_path: str, outputs: tuple[Path, ...], fmt: str | None) -> None:
    """The full report of one story (STORY_ID, or a unique prefix of it), as `report` makes it."""
    from corroborate.cli.report import emit_reports, report_targets
    from corroborate.nlp import auto_parse_processes
    from corroborate.settings import Settings
    from corroborate.story import build_report

    targets = report_targets(outputs, fmt)  # a bad -o is told before the work, not after
    with _open(db_path) as store:
        try:
            resolved = store.resolve_story(story_id)
            articles = store.story_articles(resolved)
            building = f"building the report of {resolved} ({len(articles)} articles)"
            with working(building) as stage:
                # A large story parses faster on every usable core, as `report` does by default.
                settings = Settings(parse_processes=auto_parse_processes())
                result = build_report(
                    articles, story_id=resolved, settings=settings, progress=stage
                )
            (stored,) = store.query("SELECT title FROM stories WHERE id = ?", (resolved,))
        except CorroborateError as exc:
            raise click.ClickException(str(exc)) from exc
    if stored[0]:  # the title `stories` lists it by, so the two never name one story twice
        result.story.title = stored[0]
    emit_reports(result, targets)


@click.command(
    "export", short_help="Export articles, stories or assignments (Parquet, CSV, JSONL)."
)
@DB_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("parquet", "csv", "jsonl")),
    help="The file format (Parquet needs pyarrow: pip install 'corroborate[parquet]') "
    "[default: from -o's extension; needed without -o].",
)
@click.option(
    "--table",
    type=click.Choice(("articles", "stories", "assignments")),
    default="articles",
    show_default=True,
    help="articles (with source_id and story_id), stories, or assignments (the evidence).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write here (whole or not at all); without it CSV and JSON lines go to stdout.",
)
def export_command(db_path: str, fmt: str | None, table: str, output: Path | None) -> None:
    """Export articles, stories or their links as Parquet, CSV or JSON lines.

    Each article row carries `source_id` (the input's own id, else its URL, else the file
    path) and `story_id`, to join results back to your data. The format comes from -o's
    extension (.parquet, .csv, .jsonl) unless --format names it. Without -o, CSV and JSON
    lines go to stdout; Parquet needs -o.
    """
    from corroborate.corpus.export import export

    fmt = _export_format(fmt, output)
    if output:
        check_writable(output)  # before the store is read, not after
    with _open(db_path) as store:
        try:
            if output:
                with whole_file(output) as partial:
                    count = export(store, fmt, partial, table=table)  # type: ignore[arg-type]
            else:
                count = export(store, fmt, sys.stdout, table=table)  # type: ignore[arg-type]
        except BrokenPipeError:  # `export ... | head`: the reader has all it wanted
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stays open until exit
            return
        except CorroborateError as exc:
            raise click.ClickException(str(exc)) from exc
        except OSError as exc:  # standard output redirected to a full disk, say
            raise click.ClickException(
                f"cannot write to standard output: {exc.strerror or exc}"
            ) from exc
    if output:
        click.echo(f"{_plural(count, 'row', 'rows')} of {table} written to {output}", err=True)


EXPORT_EXTENSIONS = {".parquet": "parquet", ".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def _export_format(fmt: str | None, output: Path | None) -> str:
    """The format asked for, else the one -o's extension names; an extension that names
    another format than --format is a mistake worth a word (a CSV in a .parquet file)."""
    named = EXPORT_EXTENSIONS.get(output.suffix.lower()) if output else None
    if fmt and named and fmt != named:
        raise click.UsageError(
            f"--format {fmt}, but -o {output} is named for {named}: make them agree"
        )
    if fmt or named:
        return fmt or str(named)
    if output:
        raise click.UsageError(
            f"cannot tell the format of {output}: give --format parquet|csv|jsonl, or a file "
            "ending in .parquet, .csv or .jsonl"
        )
    raise click.UsageError("give --format parquet|csv|jsonl (or -o FILE with that extension)")


@click.command("recluster", short_help="Cluster every stored article again; story ids are kept.")
@DB_OPTION
def recluster_command(db_path: str) -> None:
    """Cluster every stored article again (date order, final term weights); ids are kept."""
    from corroborate.corpus.ingest import recluster_store

    with _open(db_path, write=True) as store:
        moved = recluster_store(store)
    click.echo(f"re-clustered: {moved} articles changed story")
