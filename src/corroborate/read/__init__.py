"""Readers: one per input kind, each turning an input into Articles.

`read_inputs` takes what a user gives (files, directories, globs, `-` for standard input) and
yields an `Article` for every document read and a `ReadError` for every input that failed, so
one bad file never sinks a batch.
"""

from __future__ import annotations

from corroborate.read.article import make_article
from corroborate.read.paths import read_articles, read_inputs

__all__ = ["make_article", "read_articles", "read_inputs"]
