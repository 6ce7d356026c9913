"""Scoring of quotes' outer sources ("via") for bench_quotes.py.

PolNeAR marks an outer source as the Source of a quote in some cases ("“…,” Walker said,
according to an AP account": the AP account). Two figures, over matched quotes (each
prediction scored against the gold it overlaps most, as for speakers):
- recall on outer sources: of the quotes whose gold Source is an outer source ("according to
  X", "reports X", "X reported"; `is_outer`) and is not our speaker as written (where the
  speaker is the outlet itself, "CNN reported", no via is due), the share whose via overlaps
  that gold Source;
- precision: of the quotes with a via, the share whose via overlaps the Source of some gold
  attribution (any, quotation marks or not) whose Content overlaps the quote or the words
  right around it (an outer source's Content is the inner report: "“…,” Walker said").
  PolNeAR marks no recipient, so a "told the BBC" via is never a gold Source: precision is
  also given for the forms it does mark ("according-to", "reported") apart.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Protocol

Pieces = list[tuple[int, int]]
RELAY_FORMS = ("according-to", "reported")
OUTER_BEFORE = re.compile(r"(?:according to|\breports|\breported)\s*$", re.IGNORECASE)
OUTER_AFTER = re.compile(r"^[\s,]*(?:has |had )?(?:reported|reports|recalled)\b")


class Scored(Protocol):
    content: Pieces
    speaker: Pieces
    via: Pieces
    via_how: str | None


def is_outer(source: Pieces, text: str) -> bool:
    """A gold Source written as the outer source of a report."""
    start, end = source[0][0], source[-1][1]
    return bool(
        OUTER_BEFORE.search(text[max(0, start - 30) : start])
        or OUTER_AFTER.match(text[end : end + 30])
    )


def read_relations(ann: Path) -> list[tuple[Pieces, Pieces]]:
    """Every gold attribution of one .ann file with a Source: (source, content) pieces."""
    spans: dict[str, Pieces] = {}
    out = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            ident, info = [*line.split("\t"), ""][:2]
            offsets = info.partition(" ")[2]
            numbers = [part.split() for part in offsets.split(";")]
            spans[ident] = [(int(p[0]), int(p[1])) for p in numbers if len(p) == 2]
        elif line.startswith("E"):
            roles = dict(part.split(":", 1) for part in line.split("\t")[1].split())
            source, content = (
                spans.get(roles.get("Source", "")),
                spans.get(roles.get("Content", "")),
            )
            if source and content:
                out.append((source, content))
    return out


def relations_of(part_dir: Path, stems: list[str]) -> list[list[tuple[Pieces, Pieces]]]:
    """The attributions of each article, from the same annotator file `load` reads."""
    out = []
    for stem in stems:
        anns = sorted((part_dir / "attributions").glob(f"{stem}_*.ann"))
        out.append(read_relations(anns[0]) if anns else [])
    return out


def _overlap(a: Pieces, b: Pieces) -> bool:
    return any(min(e1, e2) > max(s1, s2) for s1, e1 in a for s2, e2 in b)


def via_figures(
    predictions: list[list[Any]],
    golds: list[list[Any]],
    texts: list[str],
    relations: list[list[tuple[Pieces, Pieces]]],
    best_gold: Any,
) -> dict[str, float]:
    """The figures above; `best_gold(pred, gold)` is the gold a prediction is scored against
    (None when it matches none)."""
    due = found = 0
    counts: dict[str, list[int]] = {}
    for preds, gold, text, rels in zip(predictions, golds, texts, relations, strict=True):
        for pred in preds:
            best = best_gold(pred, gold)
            if best is None:
                continue
            if (
                best.source
                and is_outer(best.source, text)
                and not _overlap(pred.speaker, best.source)
            ):
                due += 1
                found += bool(pred.via) and _overlap(pred.via, best.source)
            if pred.via:
                around = [(pred.content[0][0] - 80, pred.content[-1][1] + 80)]
                right = any(_overlap(pred.via, s) and _overlap(c, around) for s, c in rels)
                tally = counts.setdefault(pred.via_how or "?", [0, 0])
                tally[0] += right
                tally[1] += 1
    figures = {
        "via_outer_source_quotes": float(due),
        "via_recall_outer_source": found / due if due else 0.0,
    }
    relay = [counts.get(form, [0, 0]) for form in RELAY_FORMS]
    right, total = sum(r for r, _ in relay), sum(n for _, n in relay)
    figures["via_precision_according_reported"] = right / total if total else 0.0
    right, total = sum(r for r, _ in counts.values()), sum(n for _, n in counts.values())
    figures["via_precision_all"] = right / total if total else 0.0
    figures["via_predicted"] = float(total)
    for form, (right, n) in sorted(counts.items()):
        figures[f"via_{form}_right"] = float(right)
        figures[f"via_{form}_predicted"] = float(n)
    return figures


def via_lines(items: list[tuple[str, str, Any]], predictions: list[list[Any]]) -> list[str]:
    """One line per via found (tuning data only): article, form, via, the text around it."""
    lines = []
    for (stem, text, _), preds in zip(items, predictions, strict=True):
        for pred in preds:
            if pred.via:
                s, e = pred.via[0]
                around = text[max(0, s - 90) : e + 30].replace("\n", " ")
                lines.append(f"VIA [{pred.via_how}] {stem} {text[s:e]!r} | {around!r}")
    return lines
