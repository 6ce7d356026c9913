"""Claim lists: are two labelled sentences in one claim exactly when they state one fact?

`bench/data/claims_pairs.jsonl` holds sentence pairs from ECB+ dev stories and NeuS val stories,
labelled same fact or not before the session-3 claim-list changes; each row names the story and
the two spans (article id, start, end) and never the text, which stays in the shared data. A
pair counts as "together" when the claim owning most of span a also owns most of span b (owned
= a mention overlapping the span). Accuracy is over all pairs; the four cells are printed too.

`bench/data/claims_pairs_clusters.jsonl` (session 4, labelled before the anti-chaining change)
holds pairs of mentions that the session-3 code put in one claim: 70 drawn at random (pair-
weighted) from the claims of 30 ECB+ gold stories, ECB+ topics 9-11 taken whole (`ecbt:<topic>`,
both events of the topic, as ingest merges those twins) and 40 NeuS val stories, plus 21 from the
Turkmen election topic (kind `turkmen`). Here a pair is "together" when some claim has a mention
overlapping each span (a sentence may support two claims). Purity is the share of same-fact
pairs among those together; "same kept" the share of same-fact pairs still together. The random
part is the measurement; it was scored at the start and at the end of session 4 only.

`bench/data/claims_disputes.jsonl` (session 4, labelled before the dispute gates) holds every
dispute the session-4 claims code gave on the 33 ECB+ stories of the cluster set: the story, the
two sides (article id, start, end), the kind and a true/false label with a one-word why. A
disputed claim matches a row when it has a mention overlapping each side; the figures are the
disputed claims matching a true row, a false row or none, and how many true rows are still
disputed ("true kept").

`bench/data/claims_disputes_neus.jsonl` (session 5, held out) holds every dispute the claims
code of the session's start (d3048c1) gave on NeuS stories no labelled set used: the val stories
not named above (2 disputes in 281 stories; three outlets' excerpts rarely dispute) and all 2,452
train stories (43; `neustrain:<line number>`), each labelled true or false with a one-word why
by reading both sentences as a fact-checker would, before any dispute change: 45 disputes, 6
true. It is scored like the ECB+ set, as the `neusdev_` figures. It was held out in session 5
(scored at its start and end only); from session 6 it is a development set, and the invented
set below is the held-out one.

`bench/data/claims_disputes_invented.jsonl` (session 6, written blind: by someone who had not
read the claims code or the labelled sets) holds 15 invented stories of 3-4 outlets, each with
labelled sentence pairs: true disputes (a different figure, a negation, a different actor for one
fact) and traps that must not be disputes (rounding, approximation, total vs part, two subjects,
earlier vs later, negation idioms, one entity under two names, forecast vs outcome, a claim and a
denial by two speakers). The stories are read as JSON lines and run through the whole report
(cleaning, copies, quotes, claims). A disputed claim holds a pair when it has a mention
overlapping each sentence, or (session 8) when a clash of its reason names another claim
("against claim c-...", `claims.cross`) and the two claims do; where its reason names
outlets, only pairs whose two outlets it names count. `invented_precision` is the share of
disputed claims holding a true pair, `invented_recall` the share of true pairs held by a
disputed claim, `invented_traps_disputed` the traps held by one. It needs no shared data, and
prints totals only.

`bench/data/claims_disputes_dev.jsonl` (session 7) is a DEVELOPMENT set in the same format and of
the same kinds (plus a different place or date for one event), written without reading the
claims code or the blind set's stories: 16 invented stories on other kinds of news. `--set
dev-invented` scores it like the invented set, as the `devinv_` figures (never part of `all`), and
`--show` prints its errors: each true pair no disputed claim holds and each trap one holds. The
blind set's errors are never printed.

The claims and disputes the checked stories show are counted too. `--set all` writes
bench/results/claim_pairs.json (the file bench/baselines/claim_pairs.json checks); a single set
writes claim_pairs_<set>.json, so that a partial run never stands in for the full one.

    python bench/bench_claim_pairs.py [--set pairs|clusters|disputes|invented|dev-invented|all]
        [--kind turkmen|random] [--show]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import file_hash, print_table, require_data, write_results
from bench_summary import parse_source
from corroborate.claims import align_claims
from corroborate.claims.figured import dispute_figures
from corroborate.copies import find_copies
from corroborate.figures import build_ledger
from corroborate.nlp import Resources
from corroborate.read.jsonl import read_jsonl
from corroborate.records import Article, Claim, Paragraph
from corroborate.segment import segment_article
from corroborate.story import build_report

DATA = Path(__file__).resolve().parent / "data"
PAIRS = DATA / "claims_pairs.jsonl"
CLUSTERS = DATA / "claims_pairs_clusters.jsonl"
DISPUTES = DATA / "claims_disputes.jsonl"
HELDOUT = DATA / "claims_disputes_neus.jsonl"
INVENTED = DATA / "claims_disputes_invented.jsonl"
DEV_INVENTED = DATA / "claims_disputes_dev.jsonl"


def ecb_stories(path: Path) -> dict[str, list[Article]]:
    """ECB+ dev stories as articles (paragraphs split at blank lines), keyed `ecb:<story>`."""
    by_story: dict[str, list[Article]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text = row["text"]
        spans, start = [], 0
        for part in text.split("\n\n"):
            if part:
                spans.append(Paragraph(start, start + len(part)))
            start += len(part) + 2
        article = Article(
            id=row["id"], source=row["id"], text=text, outlet=row["id"], paragraphs=spans
        )
        article.source_group = article.id
        by_story["ecb:" + row["story"]].append(segment_article(article))
    for articles in by_story.values():
        find_copies(articles)
    # both events of a topic as one story, as ingest merges twins (in the file's order)
    for name in list(by_story):
        topic = "ecbt:" + name[len("ecb:") :].removesuffix("plus").removesuffix("ecb")
        by_story.setdefault(topic, []).extend(by_story[name])
    return by_story


def neus_stories(path: Path, wanted: set[str], prefix: str = "neus") -> dict[str, list[Article]]:
    """The NeuS stories of one file the rows name, keyed `<prefix>:<line number>`."""
    numbers = [int(name.split(":")[1]) for name in wanted if name.startswith(prefix + ":")]
    if not numbers:
        return {}
    lines = path.read_text(encoding="utf-8").splitlines()
    return {f"{prefix}:{n}": parse_source(lines[n], n) for n in numbers}


def owner(claims: list[Claim], article: str, start: int, end: int) -> str | None:
    """The claim with the mention overlapping the span most, if any."""
    best: tuple[int, str] | None = None
    for claim in claims:
        for mention in claim.mentions:
            overlap = min(end, mention.end) - max(start, mention.start)
            if mention.article == article and overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, claim.id)
    return best[1] if best else None


def owners(claims: list[Claim], article: str, start: int, end: int) -> set[str]:
    """Every claim with a mention overlapping the span."""
    return {
        claim.id
        for claim in claims
        for m in claim.mentions
        if m.article == article and min(end, m.end) > max(start, m.start)
    }


def purity(pairs: list[dict[str, Any]], claims_of: dict[str, list[Claim]]) -> dict[str, float]:
    """Same-fact share among the pairs still in one claim, and same-fact pairs kept together."""
    together = same_together = same = 0
    for pair in pairs:
        claims = claims_of[pair["story"]]
        joined = bool(owners(claims, *pair["a"]) & owners(claims, *pair["b"]))
        together += joined
        same += pair["same_fact"]
        same_together += joined and pair["same_fact"]
    return {
        "pairs": float(len(pairs)),
        "together": float(together),
        "purity": same_together / together if together else 1.0,
        "same_kept": same_together / same if same else 1.0,
    }


def story_counts(claims_of: dict[str, list[Claim]]) -> dict[str, float]:
    """Claims, corroborated claims and disputes over the checked stories, by corpus."""
    out: dict[str, float] = {}
    for corpus in ("ecb", "neus"):
        claims = [c for name, cs in claims_of.items() if name.startswith(corpus) for c in cs]
        out[f"{corpus}_claims"] = float(len(claims))
        out[f"{corpus}_corroborated"] = float(sum(c.status == "corroborated" for c in claims))
        out[f"{corpus}_disputed"] = float(sum(c.status == "disputed" for c in claims))
    return out


def dispute_score(
    rows: list[dict[str, Any]], claims_of: dict[str, list[Claim]]
) -> dict[str, float]:
    """Disputed claims on the labelled stories: matching a true row, a false row, or none."""
    out = {"disputes": 0.0, "disputes_true": 0.0, "disputes_false": 0.0, "disputes_unlabelled": 0.0}
    kept: set[int] = set()
    for story in sorted({row["story"] for row in rows}):
        labelled = [(n, row) for n, row in enumerate(rows) if row["story"] == story]
        by_id = {c.id: c for c in claims_of[story]}
        for claim in claims_of[story]:
            if claim.status != "disputed":
                continue
            found = [(n, row) for n, row in labelled if _holds(claim, row, by_id)]
            kept.update(n for n, row in found if row["label"] == "true")
            labels = {row["label"] for _, row in found}
            key = "true" if "true" in labels else "false" if labels else "unlabelled"
            out["disputes"] += 1
            out[f"disputes_{key}"] += 1
    out["disputes_precision"] = out["disputes_true"] / out["disputes"] if out["disputes"] else 1.0
    out["disputes_true_kept"] = float(len(kept))
    out["disputes_true_labelled"] = float(sum(row["label"] == "true" for row in rows))
    return out


def _holds(claim: Claim, row: dict[str, Any], by_id: dict[str, Claim]) -> bool:
    """Both sides in the claim, or in the two claims of one of its clashes (`clashes`)."""
    return any(
        all(
            any(
                m.article == row[side]["article"]
                and min(row[side]["end"], m.end) > max(row[side]["start"], m.start)
                for c in group
                for m in c.mentions
            )
            for side in ("a", "b")
        )
        for _, group in clashes(claim, by_id)
    )


def score(pairs: list[dict[str, Any]], claims_of: dict[str, list[Claim]]) -> dict[str, float]:
    cells = {"together_same": 0, "together_different": 0, "apart_same": 0, "apart_different": 0}
    for pair in pairs:
        claims = claims_of[pair["story"]]
        a, b = owner(claims, *pair["a"]), owner(claims, *pair["b"])
        together = a is not None and a == b
        key = ("together_" if together else "apart_") + (
            "same" if pair["same_fact"] else "different"
        )
        cells[key] += 1
    right = cells["together_same"] + cells["apart_different"]
    return {
        "pairs": float(len(pairs)),
        "accuracy": right / len(pairs),
        **{k: float(v) for k, v in cells.items()},
    }


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _claims_of(wanted: set[str], ecb: Path, neus: Path) -> dict[str, list[Claim]]:
    stories = {
        **ecb_stories(ecb),
        **neus_stories(neus, wanted),
        **neus_stories(neus.with_name("train.source"), wanted, "neustrain"),
    }
    resources = Resources()
    claims_of: dict[str, list[Claim]] = {}
    for name in sorted(wanted):
        resources.parse_all(stories[name])
        claims_of[name] = align_claims(stories[name], resources)
        # as the report does: a figure the ledger finds in conflict disputes its claims
        dispute_figures(claims_of[name], build_ledger(stories[name], resources), stories[name])
    return claims_of


@dataclass(frozen=True, slots=True)
class Side:
    """One labelled sentence of an invented pair, found in the article as read."""

    article: str  # Article.id (content-derived), as claim mentions name it
    start: int
    end: int
    outlet: str


@dataclass(frozen=True, slots=True)
class Labelled:
    a: Side
    b: Side
    true: bool  # a true dispute; False for a trap


def invented_articles(story: dict[str, Any]) -> list[Article]:
    """A story's articles read as a JSON lines input would be (cleaning comes in the report)."""
    lines = "\n".join(
        json.dumps(
            {
                "id": a["id"],
                "outlet": a["outlet"],
                "published": a["date"],
                "title": a["title"],
                "text": a["text"],
            }
        )
        for a in story["articles"]
    )
    return [
        item for item in read_jsonl(lines, f"invented:{story['id']}") if isinstance(item, Article)
    ]


def find_side(articles: list[Article], side: dict[str, str]) -> Side | None:
    """The labelled sentence's span in the article with the given JSON id, if it is there."""
    for article in articles:
        start = article.text.find(side["sentence"])
        if article.source_id == side["article"] and start >= 0:
            end = start + len(side["sentence"])
            return Side(article.id, start, end, article.outlet or "")
    return None


def kept(articles: list[Article], side: Side) -> bool:
    """Whether the side lies in a kept sentence (cleaning could have removed it)."""
    return any(
        s.start < side.end and side.start < s.end
        for a in articles
        if a.id == side.article
        for s in a.sentences
    )


def holds(claim: Claim, side: Side) -> bool:
    return any(
        m.article == side.article and min(side.end, m.end) > max(side.start, m.start)
        for m in claim.mentions
    )


# A reason lists one clash per pair of outlets, joined by "; " (a quoted sentence may hold
# "; " too: a clash starts with its kind); a clash between two claims names the other one.
_CLASH = re.compile(r"; (?=(?:negation|different [a-z]+):)")
_OTHER_CLAIM = re.compile(r"\bagainst claim (c-[0-9a-f]+)\b")


def clashes(claim: Claim, by_id: dict[str, Claim] | None = None) -> list[tuple[str, list[Claim]]]:
    """Each clash of a disputed claim's reason with the claims whose mentions it sets against
    each other: the claim itself, and the other claim a dispute between two claims names."""
    parts = _CLASH.split(claim.reason) if claim.reason else [""]
    by_id = by_id or {}
    return [
        (part, [claim, *(by_id[c] for c in _OTHER_CLAIM.findall(part) if c in by_id)])
        for part in parts
    ]


def held_pairs(
    claim: Claim, pairs: list[Labelled], by_id: dict[str, Claim] | None = None
) -> list[int]:
    """The pairs (by index) a disputed claim holds: both sides in the claim, or, for a clash
    against another claim (`claims.cross`), in the two claims; when its reason names outlets,
    only pairs whose two outlets one clash names (a claim can hold a trap beside the fact it
    disputes)."""
    reason = claim.reason or ""
    outlets = {side.outlet for p in pairs for side in (p.a, p.b) if side.outlet}
    named = any(outlet in reason for outlet in outlets)
    held = []
    for n, pair in enumerate(pairs):
        for part, group in clashes(claim, by_id):
            if not all(any(holds(c, side) for c in group) for side in (pair.a, pair.b)):
                continue
            if not named or (pair.a.outlet in part and pair.b.outlet in part):
                held.append(n)
                break
    return held


def invented_score(claims: list[Claim], pairs: list[Labelled]) -> dict[str, float]:
    """Disputed claims of one story, those holding a true pair, true pairs found, traps hit."""
    disputed = [c for c in claims if c.status == "disputed"]
    by_id = {c.id: c for c in claims}
    right = 0
    found: set[int] = set()
    traps: set[int] = set()
    for claim in disputed:
        held = held_pairs(claim, pairs, by_id)
        right += any(pairs[n].true for n in held)
        found.update(n for n in held if pairs[n].true)
        traps.update(n for n in held if not pairs[n].true)
    return {
        "disputes": float(len(disputed)),
        "disputes_true": float(right),
        "true_found": float(len(found)),
        "traps_disputed": float(len(traps)),
    }


def show_errors(
    story: str, claims: list[Claim], pairs: list[Labelled], rows: list[dict[str, Any]]
) -> list[str]:
    """Lines naming each true pair no disputed claim holds, each trap one holds and each
    disputed claim holding no labelled pair (with the claim's reason). For the development set
    only: the blind set's errors stay unseen."""
    reasons: dict[int, str] = {}
    lines = []
    by_id = {c.id: c for c in claims}
    for claim in claims:
        if claim.status != "disputed":
            continue
        held = held_pairs(claim, pairs, by_id)
        for n in held:
            reasons.setdefault(n, claim.reason or "")
        if not held:
            lines.append(f"{story} unlabelled dispute: {claim.reason}")
            lines += [f"  {m.article}: {m.text}" for m in claim.mentions]
    for n, (pair, row) in enumerate(zip(pairs, rows, strict=True)):
        if pair.true != (n in reasons):
            what = "true pair missed" if pair.true else f"trap disputed: {reasons[n]}"
            lines.append(f"{story} [{row['kind']}] {what}")
            lines += [f"  {side}: {row[side]['sentence']}" for side in ("a", "b")]
    return lines


def invented_figures(path: Path, prefix: str = "invented", show: bool = False) -> dict[str, float]:
    """Every invented story through the whole report, scored; totals only unless `show` (which
    prints the errors, for the development set only)."""
    totals: dict[str, float] = defaultdict(float)
    resources = Resources()
    for story in _rows(path):
        articles = invented_articles(story)
        report = build_report(articles, resources=resources, story_id=story["id"])
        pairs, rows, missing = [], [], 0
        for row in story["pairs"]:
            a, b = find_side(report.articles, row["a"]), find_side(report.articles, row["b"])
            lost = sum(s is None or not kept(report.articles, s) for s in (a, b))
            missing += lost
            if show and lost:
                print(f"{story['id']}: a side not found or not kept: {row['a']['sentence']!r}")
            if a is not None and b is not None:
                pairs.append(Labelled(a, b, row["label"] == "true"))
                rows.append(row)
        if show:
            print("\n".join(show_errors(story["id"], report.claims, pairs, rows)))
        for key, value in invented_score(report.claims, pairs).items():
            totals[key] += value
        totals["stories"] += 1
        totals["true_pairs"] += sum(row["label"] == "true" for row in story["pairs"])
        totals["trap_pairs"] += sum(row["label"] == "trap" for row in story["pairs"])
        totals["sides_missing"] += missing
    out = {f"{prefix}_{k}": v for k, v in totals.items()}
    disputes, true_pairs = totals["disputes"], totals["true_pairs"]
    out[f"{prefix}_precision"] = totals["disputes_true"] / disputes if disputes else 1.0
    out[f"{prefix}_recall"] = totals["true_found"] / true_pairs if true_pairs else 1.0
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the labelled pairs only")
    parser.add_argument(
        "--set",
        choices=("pairs", "clusters", "disputes", "invented", "dev-invented", "all"),
        default="all",
    )
    parser.add_argument("--kind", help="only the cluster checks of this kind (e.g. turkmen)")
    parser.add_argument(
        "--show", action="store_true", help="print the dev-invented set's errors (that set only)"
    )
    args = parser.parse_args(argv)
    if args.show and args.set != "dev-invented":
        parser.error("--show prints the errors of --set dev-invented only")
    if args.set == "dev-invented":  # a development set: never part of `all`
        dev = invented_figures(DEV_INVENTED, "devinv", show=args.show)
        print_table("Invented claim disputes (dev)", ["figure", "value"], sorted(dev.items()))
        extra = {"data": {DEV_INVENTED.name: file_hash(DEV_INVENTED)}}
        write_results("claim_pairs_dev-invented", dev, extra=extra)
        return 0
    if args.quick:
        args.set = "pairs"
    if args.set == "invented":  # needs no shared data
        invented = invented_figures(INVENTED)
        print_table("Invented claim disputes", ["figure", "value"], sorted(invented.items()))
        extra = {"data": {INVENTED.name: file_hash(INVENTED)}}
        write_results("claim_pairs_invented", invented, extra=extra)
        return 0
    ecb = require_data("claim_pairs", "ecbplus-dev.jsonl")
    neus = require_data("claim_pairs", "neus", "val.source")
    if ecb is None or neus is None:
        return 0
    pairs = _rows(PAIRS) if args.set in ("pairs", "all") else []
    clusters = _rows(CLUSTERS) if args.set in ("clusters", "all") else []
    disputes = _rows(DISPUTES) if args.set in ("disputes", "all") else []
    heldout = _rows(HELDOUT) if args.set in ("disputes", "all") else []
    clusters = [row for row in clusters if args.kind in (None, row["kind"])]
    wanted = {p["story"] for p in pairs + clusters + disputes + heldout}
    claims_of = _claims_of(wanted, ecb, neus)
    figures: dict[str, float] = {}
    if pairs:
        figures.update(score(pairs, claims_of))
    if clusters:
        for kind in sorted({row["kind"] for row in clusters}):
            found = purity([row for row in clusters if row["kind"] == kind], claims_of)
            figures.update({f"clusters_{kind}_{k}": v for k, v in found.items()})
        figures.update(story_counts(claims_of))
    if disputes:
        figures.update(dispute_score(disputes, claims_of))
    if heldout:
        found = dispute_score(heldout, claims_of)
        figures.update({f"neusdev_{k}": v for k, v in found.items()})
    if args.set == "all":
        figures.update(invented_figures(INVENTED))
    print_table(
        "Labelled claim pairs (ECB+ dev, NeuS val)", ["figure", "value"], sorted(figures.items())
    )
    write_results(
        "claim_pairs" if args.set == "all" else f"claim_pairs_{args.set}",
        figures,
        extra={
            "data": {
                "ecbplus-dev.jsonl": file_hash(ecb),
                "neus/val.source": file_hash(neus),
                "neus/train.source": file_hash(neus.with_name("train.source")),
                INVENTED.name: file_hash(INVENTED),
            }
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
