"""Output files that are either written whole or not at all.

A report or export cut off by a full disk, a quota or Ctrl-C used to leave a truncated file
under the name the user asked for, which looks like a finished one. Everything is written to a
hidden file beside it first and renamed into place only when complete; on any failure the
partial file is removed and the error names the file the user gave.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

import click


@contextmanager
def whole_file(path: Path) -> Iterator[Path]:
    """A temporary path beside `path` to write to; renamed onto `path` if the block succeeds.

    An OSError inside the block (or from the rename) becomes a one-line ClickException naming
    `path`; any failure, Ctrl-C included, removes the partial file. A symbolic link's file is
    replaced, not the link; a device or named pipe (/dev/stdout) is written as it is: a rename
    onto it would replace the device's name itself with a plain file.
    """
    if _not_a_file(path):
        try:
            yield path
        except OSError as exc:
            raise click.ClickException(write_problem(path, exc)) from exc
        return
    target = path.resolve() if path.is_symlink() else path
    partial = _partial(target)
    try:
        yield partial
        os.replace(partial, target)
    except OSError as exc:
        raise click.ClickException(write_problem(path, exc)) from exc
    finally:
        # If the folder became unwritable, the error above is the one to show.
        with suppress(OSError):
            partial.unlink(missing_ok=True)


def check_writable(path: Path) -> None:
    """A one-line ClickException now if `path` cannot be written, rather than after the work.

    A report takes seconds to minutes; a folder that does not exist or may not be written was
    only told when the finished report was to be saved. The probe writes and removes the same
    hidden partial file `whole_file` would, so it asks the file system what it will be asked.
    """
    if path.is_dir():
        raise click.ClickException(f"cannot write {path}: it is a folder; give a file name")
    if _not_a_file(path):
        return  # a device or a pipe: written as it is, and opening it will tell
    partial = _partial(path.resolve() if path.is_symlink() else path)
    try:
        with partial.open("x"):
            pass
        partial.unlink()
    except FileExistsError:
        return  # our own leftover: whole_file will overwrite it
    except OSError as exc:
        raise click.ClickException(write_problem(path, exc)) from exc


def _partial(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.partial")


def _not_a_file(path: Path) -> bool:
    """Something other than a plain file is there (a device, a named pipe), links followed."""
    return path.exists() and not path.is_file() and not path.is_dir()


def write_problem(path: Path, exc: OSError) -> str:
    """'cannot write PATH: why; nothing was written', with the OS's words for why."""
    why = exc.strerror or str(exc)
    folder = path.parent
    if isinstance(exc, FileNotFoundError) and not folder.exists():
        why = f"the folder {folder} does not exist"
    elif isinstance(exc, NotADirectoryError):
        why = f"{_first_file(folder)} is a file, not a folder"
    elif isinstance(exc, PermissionError):
        why = f"permission denied: you may not write in the folder {folder.absolute()}"
    return f"cannot write {path}: {why}; nothing was written"


def _first_file(folder: Path) -> Path:
    """The part of a folder path that is in fact a file ("notes.txt/report.md")."""
    for parent in (folder, *folder.parents):
        if parent.is_file():
            return parent
    return folder


def note_stdin(inputs: Sequence[str]) -> bool:
    """Say so when `-` will wait for typed input (a newcomer trying `report -` at a terminal
    saw nothing happen and took it for hung); True then, so no spinner draws over the typing."""
    if "-" in inputs and sys.stdin.isatty():
        click.echo("reading articles from standard input: paste or type, then Ctrl-D", err=True)
        return True
    return False


@contextmanager
def working(message: str) -> Iterator[Callable[[str], None]]:
    """A spinner with `message` on stderr while a long step runs, on a terminal only.

    A story's report takes seconds to minutes (the parse, the embeddings); without a sign of
    life a newcomer took `show` for hung. The block gets a callback to name the stage that
    begins (`build_report`'s `progress`): the spinner names it, and each stage that ended
    leaves a line with its time, so a long report says where it is and where the time went.
    Without a terminal (a log, a pipe) nothing is printed.
    """
    from rich.console import Console

    console = Console(stderr=True)
    if not console.is_terminal:
        yield lambda name: None
        return
    running: list[tuple[str, float]] = []

    def finish() -> None:
        if running:
            name, began = running.pop()
            took = time.perf_counter() - began
            console.print(f"  {message}: {name} {took:.1f} s", highlight=False, markup=False)

    with console.status(message) as status:

        def begin(name: str) -> None:
            finish()
            running.append((name, time.perf_counter()))
            status.update(f"{message}: {name}")

        yield begin
        finish()
