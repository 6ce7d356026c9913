"""PolNeAR's gold quotes, and how a predicted quote and its speaker are matched to them.

Shared by bench_quotes.py and its studies; the counting rules are in bench_quotes.py's docstring.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from corroborate.read.article import make_article
from corroborate.records import Article, Paragraph

# Every fifth article of a part (name order, index % 5 == 4) is held out from tuning: rules
# are developed on dev and the other train articles ("tuning"), and the held-out fold is
# scored only to report, never with --errors.
HELD_OUT_EVERY = 5
# A double mark or guillemet anywhere; a single mark only as a pair opening at a word start,
# so "voters’ preferences" (a possessive) is no quote.
QUOTE_MARK = re.compile(r"[\"“”«»„]|(?<!\w)['‘]\w[^'‘’]*['’](?!\w)")

Pieces = list[tuple[int, int]]


@dataclass(slots=True)
class Gold:
    content: Pieces
    source: Pieces = field(default_factory=list)
    source_text: str = ""


@dataclass(slots=True)
class Prediction:
    content: Pieces
    speaker: Pieces = field(default_factory=list)
    name: str | None = None  # the resolved speaker, when the system resolves one
    how: str | None = None  # how the speaker was found, when the system says
    via: Pieces = field(default_factory=list)  # the outer source as written ("according to X")
    via_how: str | None = None


def read_ann(path: Path) -> list[Gold]:
    spans: dict[str, tuple[str, Pieces, str]] = {}
    links: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            ident, info, text = [*line.split("\t"), "", ""][:3]
            kind, _, offsets = info.partition(" ")
            numbers = [part.split() for part in offsets.split(";")]
            pieces = [(int(p[0]), int(p[1])) for p in numbers if len(p) == 2]
            spans[ident] = (kind, pieces, text)
        elif line.startswith("E"):
            roles = dict(part.split(":", 1) for part in line.split("\t")[1].split())
            links.append(roles)
    golds = []
    for roles in links:
        content = spans.get(roles.get("Content", ""))
        if content is None or not QUOTE_MARK.search(content[2]):
            continue
        source = spans.get(roles.get("Source", ""))
        golds.append(Gold(content[1], source[1] if source else [], source[2] if source else ""))
    return golds


def in_fold(index: int, fold: str) -> bool:
    """Whether the article at `index` (name order within its part) belongs to the fold."""
    if fold == "all":
        return True
    held = index % HELD_OUT_EVERY == HELD_OUT_EVERY - 1
    return held if fold == "held-out" else not held


def load(
    part_dir: Path, limit: int | None, offset: int = 0, fold: str = "all"
) -> list[tuple[str, str, list[Gold]]]:
    items = []
    stop = None if limit is None else offset + limit
    paths = sorted((part_dir / "text").glob("*.txt"))
    paths = [path for i, path in enumerate(paths) if in_fold(i, fold)]
    for text_path in paths[offset:stop]:
        anns = sorted((part_dir / "attributions").glob(f"{text_path.stem}_*.ann"))
        if anns:
            items.append((text_path.stem, text_path.read_text(encoding="utf-8"), read_ann(anns[0])))
    return items


def as_article(stem: str, text: str) -> Article:
    article = make_article(source=stem, text=text, outlet=stem.split("_")[0])
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped)
            article.paragraphs.append(Paragraph(start, start + len(stripped)))
        pos += len(line)
    article.source_group = article.id
    return article


def shared(a: Pieces, b: Pieces) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def length(pieces: Pieces) -> int:
    return sum(e - s for s, e in pieces)


def matches(pred: Pieces, gold: Pieces) -> bool:
    return shared(pred, gold) * 2 >= min(length(pred), length(gold)) > 0


RELATIVE = frozenset({"who", "which", "that"})


def speaker_right(pred: Prediction, gold: Gold) -> bool:
    if pred.speaker and shared(pred.speaker, gold.source) > 0:
        return True
    if gold.source_text.strip().lower() in RELATIVE and pred.speaker:
        # "Mr. Scott, who has called it “toxic,”": the annotation marks the relative pronoun;
        # the phrase it hangs on, ending right before it (", "), is the same speaker.
        return 0 <= gold.source[0][0] - pred.speaker[-1][1] <= 3
    if pred.name:
        surname = pred.name.split()[-1].lower()
        return surname in source_words(gold.source_text)
    return False


def source_words(source: str) -> set[str]:
    """The words of a gold Source; a Source that is a possessive ("Mr. Comey's" in "Mr.
    Comey's suggestion was ...") also has its owner ("comey"): the rule is "the resolved
    name shares its surname with the Source". Only a final possessive: in "Peter Burrows's
    book about Carly Fiorina's years" the speaker is not Fiorina."""
    words = re.findall(r"[\w’'-]+", source.lower())
    owner = [re.sub(r"['’]s?$", "", words[-1])] if words else []
    return set(words) | set(owner)
