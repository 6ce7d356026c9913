"""Expanding inputs (files, directories, globs, `-`) and dispatching to readers. (Placeholder.)"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from corroborate.read.article import make_article
from corroborate.records import Article, ReadError


def read_inputs(inputs: Iterable[str]) -> Iterator[Article | ReadError]:
    for item in inputs:
        path = Path(item)
        if not path.exists():
            yield ReadError(item, "no such file or directory")
            continue
        yield make_article(source=item, text=path.read_text(encoding="utf-8"))
