"""The records that flow through every stage.

One `Article` per input document carries everything the per-article stages find (what was
removed and why, the kept paragraphs, the sentences, which source group it belongs to). The
story-level records (`SourceGroup`, `Claim`, `Quote`, `Figure`, `SummarySentence`) are built
from articles and gathered in one `Report`, which renderers read and never change.

Every `start`/`end` in every record is a character offset into `Article.text`: the article's
whole text as read (after HTML extraction, before cleaning), so any span can be shown exactly.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_ID = "corroborate.report/1"

ClaimStatus = Literal["corroborated", "single-source", "disputed"]
FigureStatus = Literal["agree", "conflict", "single-source"]


@dataclass(slots=True)
class Removed:
    """A block of the article text that is not the story, with why it was removed."""

    start: int
    end: int
    reason: str
    text: str


@dataclass(slots=True)
class Paragraph:
    """A kept paragraph: a span of the article text that belongs to the story."""

    start: int
    end: int


@dataclass(slots=True)
class Sentence:
    """A sentence of a kept paragraph; `index` counts sentences within the article."""

    article: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(slots=True)
class Borrowed:
    """A passage of this article copied from another article (a partial copy)."""

    start: int
    end: int
    origin: str  # article id the passage was copied from
    origin_start: int
    origin_end: int


@dataclass(slots=True)
class Article:
    """One input document, and everything the per-article stages learn about it."""

    id: str  # content-derived: the same text read twice gets the same id
    source: str  # the path or URL as the user gave it
    text: str  # the whole text as read; all offsets point into it
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO 8601 date or datetime, as precise as the input says
    author: str | None = None
    place: str | None = None  # from a dateline such as "BRUSSELS —"
    url: str | None = None
    source_id: str | None = None  # the input's own identity: a JSON `id`, else `url`, else path
    removed: list[Removed] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    source_group: str | None = None  # id of the SourceGroup; until copies run, its own id
    copy_of: str | None = None  # article id of the origin when this article is a copy
    borrowed: list[Borrowed] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    # Told to the user: the text may differ from what was written because its encoding was
    # guessed or invalid bytes were replaced. None when read as given (UTF-8, or a declared
    # charset); `meta["decoding"]` records every decoding that was not plain UTF-8.
    decoding: str | None = None

    @property
    def kept_text(self) -> str:
        """The story text: the kept paragraphs joined by blank lines."""
        return "\n\n".join(self.text[p.start : p.end] for p in self.paragraphs)


@dataclass(slots=True)
class ReadError:
    """An input that could not be read; the batch goes on without it."""

    source: str
    message: str


@dataclass(slots=True)
class SharedPassage:
    """A passage that two articles share, with its offsets in both."""

    start: int  # in the copy
    end: int
    origin_start: int  # in the origin
    origin_end: int
    similarity: float


# The evidence kind that joins an outlet's follow-up article to its first (copies.outlets):
# no copy and no shared passage, but one newsroom is one source.
SAME_OUTLET = "same outlet"


@dataclass(slots=True)
class CopyEvidence:
    """Why `article` counts as a copy of `origin`."""

    article: str
    origin: str
    kind: str  # "verbatim", "abridged", "partial", ...
    similarity: float
    passages: list[SharedPassage] = field(default_factory=list)


@dataclass(slots=True)
class SourceGroup:
    """Articles that are copies of one another: together they are one independent source."""

    id: str
    articles: list[str]
    origin: str
    evidence: list[CopyEvidence] = field(default_factory=list)


@dataclass(slots=True)
class Mention:
    """Where an item was found: a span of one article."""

    article: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Claim:
    id: str
    text: str
    status: ClaimStatus
    independent_sources: int
    mentions: list[Mention] = field(default_factory=list)
    reason: str | None = None  # why disputed, or with whom it conflicts
    source_groups: list[str] = field(default_factory=list)
    # The sentence `text` was cut from, when `text` is a clause of it that cannot stand alone
    # ("… swept through the lower town before dawn"): shown beside it, never as the claim.
    context: str | None = None


@dataclass(slots=True)
class QuoteMention:
    article: str
    start: int
    end: int
    text: str
    speaker_text: str | None = None  # the speaker as written near the quote ("he")
    speaker_start: int | None = None
    speaker_end: int | None = None
    direct: bool = True  # False when this outlet only paraphrases the quote
    # The quoted words' spans ([start, end] pairs, marks excluded): several when the quote is
    # broken by an attribution or runs over paragraphs (`text` is all of start..end, as for
    # every span; the words alone are the variant's text).
    pieces: list[list[int]] = field(default_factory=list)
    partial: bool = False  # a few words quoted inside reported speech
    attribution: str | None = None  # how the speaker was found: cue, name-line, colon, ...
    # Who relays the words, as written ("an Associated Press account", "the BBC" in "told the
    # BBC", "a statement"), when the speaker's words reach the reader through it.
    via_text: str | None = None
    via_start: int | None = None
    via_end: int | None = None


@dataclass(slots=True)
class QuoteVariant:
    text: str
    articles: list[str] = field(default_factory=list)
    independent_sources: int = 0
    partial: bool = False  # only ever quoted as a fragment


@dataclass(slots=True)
class Quote:
    id: str
    speaker: str | None
    text: str
    independent_sources: int
    variants: list[QuoteVariant] = field(default_factory=list)
    mentions: list[QuoteMention] = field(default_factory=list)
    speaker_role: str | None = None
    flags: list[str] = field(default_factory=list)


@dataclass(slots=True)
class FigureMention:
    article: str
    start: int
    end: int
    text: str = ""  # Article.text[start:end], as for every span: the figure as written
    as_written: str = ""  # the figure as this article wrote it ("185m dollars"), same as text
    sentence: str = ""  # the sentence the figure was read from
    sentence_start: int | None = None  # the sentence's span in Article.text
    sentence_end: int | None = None


@dataclass(slots=True)
class FigureValue:
    value: float | None
    as_written: str
    approximate: bool = False
    low: float | None = None  # for ranges and bounds ("at least 20" has low=20)
    high: float | None = None
    articles: list[str] = field(default_factory=list)
    mentions: list[FigureMention] = field(default_factory=list)
    independent_sources: int = 0


@dataclass(slots=True)
class Figure:
    id: str
    subject: str
    unit: str | None
    status: FigureStatus
    values: list[FigureValue] = field(default_factory=list)
    reason: str | None = None
    updated: bool = False  # values differ because a later report updated them, not a conflict


@dataclass(slots=True)
class SummarySentence:
    text: str
    article: str
    start: int
    end: int
    claims: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class StoryInfo:
    id: str
    title: str | None
    article_count: int
    independent_sources: int


@dataclass(slots=True)
class Report:
    """Everything known about one story. Renderers read it; nothing computes on it after."""

    generated_at: str
    story: StoryInfo
    articles: list[Article] = field(default_factory=list)
    source_groups: list[SourceGroup] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    exclusive: dict[str, list[str]] = field(default_factory=dict)
    omitted: dict[str, list[str]] = field(default_factory=dict)
    summary: list[SummarySentence] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)
    schema: str = SCHEMA_ID

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready data (the `corroborate.report/1` contract)."""
        data = dataclasses.asdict(self)
        for article, raw in zip(self.articles, data["articles"], strict=True):
            raw.pop("meta", None)
            raw.pop("sentences", None)
            raw["kept_text"] = article.kept_text
        ordered = {"schema": data.pop("schema"), "generated_at": data.pop("generated_at")}
        ordered.update(data)
        return ordered
