"""Claim support: are two outlets' sentences in one claim exactly when they state one fact?

Two invented sets in the format of claims_disputes_invented.jsonl (`id`, `articles` [id, outlet,
date, title, text], `pairs` [a/b = article + exact sentence, `kind`, `label`]), written on
2026-11-24 (session 8) by a helper engineer who had not read the claims code
(src/corroborate/claims/), its tests, or the labelled dispute sets beyond their first line:

- `bench/data/claims_support_blind.jsonl`: HELD OUT, written first and committed on its own
  (a3e435b, fecb0fc) before the development set existed. 14 stories (floods, a mill closure,
  hospital waits, a wildfire, a club takeover, a rate decision, a derailment, exam results, a
  mayoral election, an airline strike, a product recall, a new frog, a housing plan, a quarry
  protest). Its scores are read by the lead only; its errors are never printed (`--show` refuses).
- `bench/data/claims_support_dev.jsonl`: the DEVELOPMENT set, 14 stories on other topics.
- `bench/data/claims_support_blind2.jsonl`: a SECOND HELD-OUT set (24fa321), written in session 9
  by another helper under the same rules, 14 stories on still other topics (a drought, a museum
  return, a heat record, a council cyber attack, a marathon, a tram line, zoo cubs, a chemical
  fire, a wind farm consent, bird flu, a teachers' pay deal, a mountain rescue, a ferry grounding,
  university cuts), 167 pairs (70 same, 97 different). Totals only, like `blind`.
- `bench/data/claims_support_blind3.jsonl`: a THIRD HELD-OUT set, written in session 11 by a helper
  who had not read src/, 13 stories (a port bribery verdict, a deep-sea reef, a cup final, a
  brewery takeover, a snowstorm, a car-free street vote, a Legionnaires' outbreak, a cash van
  robbery, a cracked bridge, a fish kill, a school roof collapse, cooling towers demolished, a
  violin left on a train) of 4-5 outlets each (55 articles, 104-304 words with scrape noise),
  173 pairs (74 same, 99 different); each pair also carries a `reason` for its label. Totals only.
- `bench/data/claims_support_dev3.jsonl`: a second DEVELOPMENT set, the twin of blind3, written in
  session 11 by a helper who had not read src/ nor blind3's text, so that failures of the kinds
  blind3 holds can be studied without looking at it. 12 stories (a hospital support-staff strike, a
  horse race, an incinerator inquiry, a pie recall, a prison escape, a river flood, an insurers'
  merger, a council recount, an avalanche, a forgery trial, a boil-water notice, a loyalty-card
  data breach), 4 outlets each (48 articles, 300-430 words with scrape noise), 170 pairs (75 same,
  95 different), each with a `reason`. Errors can be printed (`--show`).

Each story has 3 invented outlets, 500-900 words each with the noise of real scrapes (bylines,
captions, "Read more" lines, share buttons, video and cookie blurbs). Each pair is two sentences
of two outlets, labelled `same` (one fact, which should be one claim: a paraphrase, a reordering,
one fact inside a longer sentence, one figure in two spellings) or `different` (must not be one
claim: shared names, topic or a figure's shape but another holder, place, time, figure, actor,
act or speaker; a general against a specific claim; two steps of one event; a part against the
whole). Labels are a careful fact-checker's; pairs the writer was unsure of were dropped.

How pairs count: every story runs through the whole report (`build_report`: cleaning, copies,
quotes, claims), as bench_claim_pairs' invented sets do. Each side is found in its article's
text as read (`find_side`); a pair with a side not found is skipped and counted in
`sides_missing` (a data error: it should be 0). A pair is held together when some claim has a
mention overlapping each side (a sentence may support two claims).

- `support_precision`: the share of the pairs held together that are `same`;
- `same_kept`: the share of `same` pairs held together;
- `false_support`: the number of `different` pairs held together;
- counts: stories, pairs, same and different pairs, pairs held together, sides missing, and the
  sides that cleaning dropped (`sides_dropped`: found in the text but in no kept sentence).

    python bench/bench_claim_support.py [--set dev|dev3|blind|blind2|blind3] [--show] [--quick]

`--set blind` (the default, what bench/baselines/claim_support.json checks) writes
bench/results/claim_support.json with totals only; `--set dev` (and `--quick`, which is `--set
dev`) writes claim_support_dev.json, with a table by kind; `--set blind2` writes
claim_support_blind2.json with totals only (`--set blind3`: claim_support_blind3.json); `--set
dev3` writes claim_support_dev3.json, with the table by kind; `--show` prints a dev set's errors
(it refuses every blind set).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import file_hash, print_table, write_results
from bench_claim_pairs import Side, find_side, holds, invented_articles, kept
from corroborate.nlp import Resources
from corroborate.records import Article, Claim
from corroborate.story import build_report

DATA = Path(__file__).resolve().parent / "data"
SETS = {
    "blind": DATA / "claims_support_blind.jsonl",
    "blind2": DATA / "claims_support_blind2.jsonl",
    "blind3": DATA / "claims_support_blind3.jsonl",
    "dev": DATA / "claims_support_dev.jsonl",
    "dev3": DATA / "claims_support_dev3.jsonl",
}
DEV_SETS = ("dev", "dev3")  # the sets whose errors --show may print


@dataclass(frozen=True, slots=True)
class Scored:
    """One labelled pair after the report: its row and whether some claim holds both sides."""

    story: str
    row: dict[str, Any]
    together: bool
    claims: tuple[str, ...]  # the ids of the claims holding both sides


def stories(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def claims_holding(claims: list[Claim], a: Side, b: Side) -> tuple[str, ...]:
    return tuple(c.id for c in claims if holds(c, a) and holds(c, b))


def score_story(
    story: dict[str, Any], resources: Resources, counts: Counter[str]
) -> tuple[list[Scored], list[Claim]]:
    """The story through the whole report; each pair whose two sides are found, scored."""
    report = build_report(invented_articles(story), resources=resources, story_id=story["id"])
    articles: list[Article] = report.articles
    scored = []
    for row in story["pairs"]:
        a, b = find_side(articles, row["a"]), find_side(articles, row["b"])
        if a is None or b is None:
            counts["sides_missing"] += (a is None) + (b is None)
            print(f"{story['id']}: a side is not in the text as read: {row['a']['sentence']!r}")
            continue
        counts["sides_dropped"] += sum(not kept(articles, side) for side in (a, b))
        held = claims_holding(report.claims, a, b)
        scored.append(Scored(story["id"], row, bool(held), held))
    counts["claims"] += len(report.claims)
    counts["corroborated"] += sum(c.status == "corroborated" for c in report.claims)
    return scored, report.claims


def figures(scored: list[Scored], counts: Counter[str]) -> dict[str, float]:
    same = [s for s in scored if s.row["label"] == "same"]
    together = [s for s in scored if s.together]
    same_together = sum(s.together for s in same)
    out = {k: float(v) for k, v in sorted(counts.items())}
    out.update(
        {
            "pairs": float(len(scored)),
            "same_pairs": float(len(same)),
            "different_pairs": float(len(scored) - len(same)),
            "together": float(len(together)),
            "same_together": float(same_together),
            "false_support": float(len(together) - same_together),
            "support_precision": same_together / len(together) if together else 1.0,
            "same_kept": same_together / len(same) if same else 1.0,
        }
    )
    return out


def by_kind(scored: list[Scored]) -> list[tuple[str, str, int, int]]:
    """Rows (label, kind, pairs, held together), for the development set's table."""
    cells: Counter[tuple[str, str]] = Counter()
    held: Counter[tuple[str, str]] = Counter()
    for s in scored:
        key = (s.row["label"], s.row["kind"])
        cells[key] += 1
        held[key] += s.together
    return [(label, kind, n, held[(label, kind)]) for (label, kind), n in sorted(cells.items())]


def errors(scored: list[Scored], claims_of: dict[str, list[Claim]]) -> list[str]:
    """Each `same` pair held apart and each `different` pair held together (with the claim)."""
    lines = []
    for s in scored:
        if s.together == (s.row["label"] == "same"):
            continue
        what = "same pair apart" if s.row["label"] == "same" else "different pair together"
        lines.append(f"{s.story} [{s.row['kind']}] {what}")
        lines += [f"  {side}: {s.row[side]['sentence']}" for side in ("a", "b")]
        for claim in (c for c in claims_of[s.story] if c.id in s.claims):
            lines.append(f"  claim {claim.id} ({claim.status}, {len(claim.mentions)} mentions)")
    return lines


def run(name: str, show: bool) -> int:
    path = SETS[name]
    if not path.exists():
        print(f"claim_support: {path} is missing")
        return 1
    resources = Resources()
    counts: Counter[str] = Counter(sides_missing=0, sides_dropped=0)
    scored: list[Scored] = []
    claims_of: dict[str, list[Claim]] = {}
    started = time.process_time()
    for story in stories(path):
        found, claims = score_story(story, resources, counts)
        scored += found
        claims_of[story["id"]] = claims
        counts["stories"] += 1
    cpu = time.process_time() - started
    result = figures(scored, counts)
    print_table(f"Claim support ({name} set)", ["figure", "value"], sorted(result.items()))
    if name in DEV_SETS:
        print_table(f"By kind ({name})", ["label", "kind", "pairs", "together"], by_kind(scored))
    if show:
        print("\n".join(errors(scored, claims_of)) or "no errors")
    write_results(
        "claim_support" if name == "blind" else f"claim_support_{name}",
        result,
        notes=[f"{cpu:.1f} CPU s in this process (models loading included)"],
        extra={"data": {path.name: file_hash(path)}},
    )
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(SETS), default="blind")
    parser.add_argument("--quick", action="store_true", help="the development set (--set dev)")
    parser.add_argument("--show", action="store_true", help="print a dev set's errors")
    args = parser.parse_args(argv)
    name = "dev" if args.quick else args.set
    if args.show and name not in DEV_SETS:
        parser.error("--show prints the errors of a development set only (--set dev or dev3)")
    return run(name, args.show)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
