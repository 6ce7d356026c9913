"""What the command line can check before the work is told before it: an output that cannot
be written, an embedder that cannot be loaded. A report takes seconds to minutes; these were
told only after it (an embedder's missing extra as a traceback).

Each case names an input that does not exist: had the work started, stderr would say
"skipped missing.txt" and "no article could be read", so their absence shows the order.
"""

from __future__ import annotations

import errno
import importlib.util
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from corroborate.cli import main


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _told_first(result: Result, *words: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("Error: ")
    assert all(word in line for word in words), line
    assert "skipped" not in result.stderr and "no article" not in result.stderr
    assert "no store" not in result.stderr


@pytest.mark.parametrize("command", ["report", "show"])
@pytest.mark.parametrize(
    ("where", "words"),
    [
        ("gone/r.json", ["the folder", "gone", "does not exist", "nothing was written"]),
        ("notes.txt/r.md", ["notes.txt is a file, not a folder", "nothing was written"]),
    ],
)
def test_an_output_that_cannot_be_written_is_told_first(
    tmp_path: Path, command: str, where: str, words: list[str]
) -> None:
    (tmp_path / "notes.txt").write_text("a file, where a folder is expected\n")
    out = tmp_path / where
    args = ["missing.txt"] if command == "report" else ["s-nope", "--db", str(tmp_path / "c.db")]
    result = _run(command, *args, "-o", str(out))
    _told_first(result, f"cannot write {out}", *words)


def test_a_folder_that_may_not_be_written_is_told_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root here, which may write anywhere: the file system's refusal is faked.
    real_open = Path.open

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name.endswith(".partial"):
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    out = tmp_path / "r.html"
    result = _run("report", "missing.txt", "-o", str(out))
    _told_first(result, f"cannot write {out}", "permission denied", str(tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_the_probe_leaves_nothing_behind(tmp_path: Path) -> None:
    result = _run("report", "missing.txt", "-o", str(tmp_path / "r.json"))
    assert result.exit_code == 1  # nothing to read: the work ran, and wrote nothing
    assert "skipped missing.txt" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_demo_into_a_folder_it_cannot_make_is_told_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_work(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the demo's report was built before its folder was checked")

    monkeypatch.setattr("corroborate.story.report", no_work)
    (tmp_path / "notes.txt").write_text("a file\n")
    result = _run("demo", "-o", str(tmp_path / "notes.txt" / "demo"))
    assert result.exit_code == 1
    assert "cannot create" in result.stderr and "notes.txt" in result.stderr
    assert "report written" not in result.output


@pytest.mark.parametrize(
    ("embedder", "words"),
    [
        ("word2vec", ["unknown embedder 'word2vec'", "minilm"]),
        ("minilm:large", ["unknown embedder 'minilm:large'"]),
        ("model2vec:{tmp}/nothing-here", ["nothing-here", "not a folder"]),
        ("sentence-transformers:mpnet", ["optional extra", "[sentence-transformers]"]),
    ],
)
def test_an_embedder_that_cannot_load_is_told_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, embedder: str, words: list[str]
) -> None:
    real_find_spec = importlib.util.find_spec

    def without_sentence_transformers(name: str, *args: Any) -> Any:
        return None if name == "sentence_transformers" else real_find_spec(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", without_sentence_transformers)
    result = _run("report", "missing.txt", "--embedder", embedder.format(tmp=tmp_path))
    _told_first(result, *words)


class _Terminal:
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("inputs", "terminal", "told"),
    [
        (["-"], True, True),
        (["a.txt", "-"], True, True),
        (["-"], False, False),
        (["a.txt"], True, False),
    ],
)
def test_reading_typed_input_says_how_to_end_it(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    inputs: list[str],
    terminal: bool,
    told: bool,
) -> None:
    from corroborate.cli.output import note_stdin

    if terminal:
        monkeypatch.setattr("sys.stdin", _Terminal())
    assert note_stdin(inputs) == told
    assert ("then Ctrl-D" in capsys.readouterr().err) == told
