"""`corroborate report` and `corroborate demo`: one story's report from files given."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

import click

from corroborate.cli.output import check_writable, note_stdin, whole_file, working
from corroborate.errors import CorroborateError
from corroborate.records import Report
from corroborate.settings import Settings

if TYPE_CHECKING:
    from corroborate.nlp import Resources

FORMAT_CHOICES = ("json", "markdown", "html", "terminal")


def register(group: click.Group) -> None:
    group.add_command(report_command)
    group.add_command(demo_command)


class ProcessCount(click.ParamType[int]):
    """A process count: a number from 1 to 64, or `auto` (one per usable core, up to 4)."""

    name = "N|auto"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip().lower()
        if text == "auto":
            from corroborate.nlp import auto_parse_processes

            return auto_parse_processes()
        try:
            number = int(text)
        except ValueError:
            self.fail(f"{value!r} is neither a number nor 'auto'", param, ctx)
        if not 1 <= number <= 64:
            self.fail(f"{number} is not between 1 and 64", param, ctx)
        return number


def _settings_options(func: click.decorators.FC) -> click.decorators.FC:
    func = click.option(
        "--summary-sentences",
        type=click.IntRange(1, 50),
        default=Settings().summary_sentences,
        show_default=True,
        help="How many sentences the summary holds.",
    )(func)
    func = click.option(
        "--embedder",
        default=Settings().embedder,
        show_default=True,
        help="Sentence embedder: minilm, sentence-transformers:MODEL or model2vec:PATH.",
    )(func)
    func = click.option(
        "--parse-processes",
        type=ProcessCount(),
        default="auto",
        show_default=True,
        help="Processes for the spaCy parse of a large story (400+ paragraphs): a number, or "
        "auto (one per usable core, up to 4). Smaller stories are parsed in one process.",
    )(func)
    return func


def output_options(func: click.decorators.FC) -> click.decorators.FC:
    """`-o/--output` and `--format`, for every command that writes a report."""
    func = click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMAT_CHOICES),
        help="Override the format chosen from the extension (terminal when no -o is given).",
    )(func)
    func = click.option(
        "-o",
        "--output",
        "outputs",
        multiple=True,
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write the report here; the format comes from the extension (.json, .md, .html). "
        "Give it more than once for several formats from one run.",
    )(func)
    return func


def report_targets(outputs: tuple[Path, ...], fmt: str | None) -> list[tuple[Path | None, str]]:
    """Each file to write and its format (or the terminal), checked before the work: one run
    serves every format asked for, where each format was a run of its own (25 s for a story
    of 19 articles)."""
    if len(outputs) > 1 and fmt not in (None, "terminal"):
        raise click.UsageError(
            "--format names one format; with several -o, each file's extension gives its own"
        )
    if len(set(outputs)) < len(outputs):
        raise click.UsageError("the same -o file is given twice")
    return [(output, report_format(output, fmt)) for output in outputs or (None,)]


def emit_reports(result: Report, targets: list[tuple[Path | None, str]]) -> None:
    for output, fmt in targets:
        emit_report(result, output, fmt)


@click.command("report", short_help="One story's report from files, folders, globs or stdin.")
@click.argument("inputs", nargs=-1, required=True)
@output_options
@_settings_options
def report_command(
    inputs: tuple[str, ...],
    outputs: tuple[Path, ...],
    fmt: str | None,
    summary_sentences: int,
    embedder: str,
    parse_processes: int,
) -> None:
    """Build one story's report from INPUTS (files, directories, globs, or - for stdin).

    INPUTS are read as the coverage of one story: .txt/.md (text as scraped), .html/.htm,
    .json/.jsonl (objects with "text" or "html" and optional "title", "url", "outlet",
    "published"), .warc crawls and .rss/.atom/.xml feeds, each also gzipped (.warc.gz,
    .html.gz...). An input that cannot be read is named on stderr and the rest go on. For
    many stories at once, use `ingest`.
    """
    settings = Settings(
        summary_sentences=summary_sentences, embedder=embedder, parse_processes=parse_processes
    )
    targets = report_targets(outputs, fmt)  # a bad -o is told before the work, not after
    result = _build(list(inputs), settings)
    emit_reports(result, targets)


@click.command("demo", short_help="Run everything on the demo corpus that ships with it.")
@click.option(
    "-o",
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("corroborate-demo"),
    show_default=True,
    help="Folder for the demo's reports (HTML, Markdown and JSON).",
)
def demo_command(output_dir: Path) -> None:
    """Run the whole pipeline on the demo corpus that ships with the package."""
    from corroborate.demo import demo_inputs

    try:  # the folder is made (or refused) before the work, not after it
        output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise click.ClickException(f"cannot create {output_dir}: {exc.strerror or exc}") from exc
    check_writable(output_dir / "report.html")
    result = _build(demo_inputs(), Settings())
    written = []
    for name, fmt in (("report.html", "html"), ("report.md", "markdown"), ("report.json", "json")):
        path = output_dir / name
        with whole_file(path) as partial:
            partial.write_text(_render(result, fmt), encoding="utf-8")
        written.append(path)
    _print_terminal(result)
    click.echo("")
    for path in written:
        click.echo(f"report written: {path}")


def _build(inputs: list[str], settings: Settings) -> Report:
    from corroborate.read import read_articles
    from corroborate.render._view import plural
    from corroborate.story import build_report

    resources = _resources(settings)
    typed = note_stdin(inputs)
    try:
        with nullcontext() if typed else working("reading the inputs"):
            # As `corroborate.report`, but a text given twice is named (build_report keeps it
            # once without a word).
            articles, errors = read_articles(inputs)
        if len(articles) > MANY_ARTICLES:
            click.echo(_many_note(len(articles)), err=True)
        building = f"building the report of {plural(len(articles), 'article')}"
        with nullcontext(_silent) if typed else working(building) as stage:
            result = build_report(
                articles, errors=errors, settings=settings, resources=resources, progress=stage
            )
    except (CorroborateError, ImportError) as exc:  # ImportError: an optional extra missing
        raise click.ClickException(str(exc)) from exc
    for error in result.errors:
        click.echo(f"corroborate: skipped {error.source}: {error.message}", err=True)
    if not result.articles:
        raise click.ClickException(
            "no article could be read from the inputs given (each problem is listed above)"
        )
    return result


def _silent(name: str) -> None:
    """No stage lines while typed input is awaited (nothing draws over the typing)."""


# More articles than one story's coverage usually holds (the demo has 8, a big story 40):
# `report` on a crawl export reads it all as one story, for many minutes.
MANY_ARTICLES = 100


def _many_note(count: int) -> str:
    return (
        f"corroborate: note: {count} articles, all read as the coverage of one story; for a "
        "crawl of many stories, `corroborate ingest INPUT... --db news.db`, then `stories` "
        "and `show`"
    )


def _resources(settings: Settings) -> Resources:
    """The run's models. A misspelt --embedder, or a backend whose optional extra is missing,
    was told (the latter as a traceback) only after the inputs had been read, cleaned and
    parsed: such an embedder is loaded now. The shipped MiniLM, and sentence-transformers once
    its package is found, load when first needed, as before: after the parse, whose worker
    processes are forked and should not inherit a loaded model's threads."""
    from importlib.util import find_spec

    from corroborate.nlp import Resources

    resources = Resources(settings)
    kind, _, _ = settings.embedder.partition(":")
    try:
        if kind == "sentence-transformers" and find_spec("sentence_transformers") is None:
            raise ImportError(
                "the sentence-transformers backend needs the optional extra: install "
                "torch==2.13.0 first, then `pip install 'corroborate[sentence-transformers]'`"
            )
        if settings.embedder != "minilm" and kind != "sentence-transformers":
            resources.embedder()
    except (CorroborateError, ImportError) as exc:
        raise click.ClickException(str(exc)) from exc
    return resources


def report_format(output: Path | None, fmt: str | None) -> str:
    """The format a report is written in: as given, else from the output's extension, else
    the terminal. An extension no renderer writes, or an output that cannot be written where
    it is named, is a one-line error (called before the work, so it is told at once)."""
    if output is None and fmt in (None, "terminal"):
        return "terminal"
    chosen = _format_for(output) if fmt in (None, "terminal") else fmt
    if output is not None:
        check_writable(output)
    return chosen


def emit_report(result: Report, output: Path | None, fmt: str | None) -> None:
    """Write a report to a file (format from its extension unless given) or the terminal."""
    fmt = report_format(output, fmt)
    if fmt == "terminal":
        _print_terminal(result)
        return
    text = _render(result, fmt)
    if output is None:
        sys.stdout.write(text)
        return
    with whole_file(output) as partial:
        partial.write_text(text, encoding="utf-8")
    click.echo(f"report written: {output}", err=True)


def _format_for(output: Path | None) -> str:
    from corroborate.render import format_for_path

    assert output is not None
    try:
        return format_for_path(str(output))
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc


def _render(result: Report, fmt: str) -> str:
    from corroborate.render import render

    return render(result, fmt)


def _print_terminal(result: Report) -> None:
    from rich.console import Console

    from corroborate.render.terminal import print_report

    print_report(result, Console())
