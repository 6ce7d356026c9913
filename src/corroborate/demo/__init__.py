"""The demo corpus: one invented event (a river flood in the fictional Halvern valley) told by
eight invented outlets, plus an unrelated second story, with its ground truth in MANIFEST.json.

Everything in this folder is fiction written for the project; see README.md here for what each
file shows. `demo_inputs()` gives the main story's files, ready for `corroborate.report`.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

_PACKAGE = "corroborate.demo"
_MANIFEST = "MANIFEST.json"


def manifest() -> dict[str, Any]:
    """The ground truth: per file its outlet, role, junk and kept spans; quotes, figures, claims."""
    text = files(_PACKAGE).joinpath(_MANIFEST).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def demo_inputs() -> list[str]:
    """Paths of the main story's files (the unrelated story's file is left out)."""
    folder = files(_PACKAGE)
    return [str(folder.joinpath(name)) for name in manifest()["main_story_files"]]


def other_inputs() -> list[str]:
    """Paths of the files holding the unrelated story (for corpus and clustering tests)."""
    folder = files(_PACKAGE)
    return [str(folder.joinpath(name)) for name in manifest()["unrelated_files"]]


__all__ = ["demo_inputs", "manifest", "other_inputs"]
