"""corroborate: what independent outlets agree on, who said what, and which figures clash.

The public API: `report(inputs) -> Report` reads articles and builds one story's report;
`read_inputs` and `clean_articles` are the first stages on their own; the record types are in
`corroborate.records`.
"""

from typing import TYPE_CHECKING

from corroborate.clean import clean_article, clean_articles
from corroborate.read import read_inputs
from corroborate.records import (
    Article,
    Claim,
    Figure,
    Quote,
    ReadError,
    Removed,
    Report,
    Sentence,
    SourceGroup,
)
from corroborate.settings import Settings

if TYPE_CHECKING:
    from corroborate.story import build_report, report


def __getattr__(name: str) -> object:
    # The pipeline (and spaCy with it) is imported when first asked for: `corroborate stories`
    # and `export` only read the store, and spent most of their 0.8 s importing spaCy.
    if name in ("build_report", "report"):
        from corroborate import story

        return getattr(story, name)
    raise AttributeError(f"module 'corroborate' has no attribute {name!r}")


__all__ = [
    "Article",
    "Claim",
    "Figure",
    "Quote",
    "ReadError",
    "Removed",
    "Report",
    "Sentence",
    "Settings",
    "SourceGroup",
    "build_report",
    "clean_article",
    "clean_articles",
    "read_inputs",
    "report",
]

__version__ = "0.1.0"
