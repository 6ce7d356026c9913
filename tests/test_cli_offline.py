"""The command line keeps to itself: nothing is queued for upload and nothing is written in the
user's home folder. onnxruntime (the sentence embedder's runtime) queues usage telemetry under
~/.cache/Microsoft unless told not to, and warns on stderr when it cannot write there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

STORY = (
    "Ferry sailings to Halby resume\n\n"
    "HALBY — Sailings to Halby resumed on Friday after a two-week strike by ferry crews ended, "
    "the operator said, and the first boat left at seven in the morning.\n\n"
    "The operator said the strike had cost it 1.2 million crowns in lost fares.\n"
)


def test_a_report_writes_nothing_in_the_home_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    story = tmp_path / "halby-post.txt"
    story.write_text(STORY, encoding="utf-8")
    out = tmp_path / "r.json"
    env = {k: v for k, v in os.environ.items() if k != "ORT_DISABLE_TELEMETRY"}
    env |= {"HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    code = "from corroborate.cli import main; main()"
    done = subprocess.run(
        [sys.executable, "-c", code, "report", str(story), "-o", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert out.exists()
    assert "telemetry" not in done.stderr.lower()
    assert sorted(str(p.relative_to(home)) for p in home.rglob("*")) == []


def test_the_library_writes_nothing_in_the_home_folder(tmp_path: Path) -> None:
    # a caller of the library (or a benchmark) who never set the switch is covered too
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "ORT_DISABLE_TELEMETRY"}
    env |= {"HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    code = (
        "from corroborate.nlp import Resources; "
        "print(Resources().embedder().embed(['Sailings resumed on Friday.']).shape)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert "telemetry" not in done.stderr.lower()
    assert sorted(str(p.relative_to(home)) for p in home.rglob("*")) == []


def test_reading_the_store_does_not_load_the_language_pipeline() -> None:
    # `stories` and `export` only read SQLite: importing the package must not pull in spaCy
    code = "import sys, corroborate, corroborate.cli; print('spacy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
    code = (
        "import corroborate; print(callable(corroborate.report), corroborate.build_report.__name__)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["True", "build_report"], done.stderr
