"""`show` / `report` on big stories: CPU seconds and peak memory of one story's report.

A crawl's big story is mostly wire copies: every outlet runs some of one agency's paragraphs
and adds a line of its own. A synthetic wire story of N articles is built from one real
event's sentences (the longest pool of at most WIRE_SENTENCES that `bench_ingest` builds
from ECB+ dev and PolNeAR): the agency's paragraphs are its sentences two by two; each
article runs 3-6 of them in order and one sentence of its own from another pool. Each size's
report is built in a fresh process (`story.build_report`, with the parse processes `show`
uses), and each stage's CPU (the process and its children) is read by timing the functions
`story` calls.

Peer, in the same script on the same articles: reading, cleaning, segmenting and the spaCy
parse alone, with spaCy's pipeline as it ships (the floor any per-article pipeline pays;
until 2026-11-24 the peer parsed as ours does, before `parse_speed` made ours cheaper);
`ratio_to_parse` is our CPU over the peer's, which moves less with the machine's load than
seconds do.

`--stock` also builds each report with the stock spaCy pipeline
(`Settings(fast_parse=False)`), so our parse's speed-up shows on the whole report, same run.

Memory: `peak_mb` is the child's peak resident size, models included; `story_mb` is that peak
less the resident size once the models have loaded: the memory the report itself needs. Only
`story_mb` is gated. `peak_mb` moves with the machine, not the code: at 2401cc4 the same code
peaked at 486 MB in a long-used venv, 516-528 MB in a venv installed a minute before (freshly
written shared libraries are wholly in the page cache, so more of their pages get mapped) and
531 MB on the CI machine, while `story_mb` read 128-149 MB in both venvs.

    python bench/bench_story_speed.py [--quick] [--sizes 20,100,300] [--stock]
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from _common import data_dir, file_hash, print_table, require_data, write_results
from bench_ingest import sentence_pools

NAME = "story_speed"
WIRE_SENTENCES = 40  # the agency's story: the longest pool up to this many sentences
QUICK_SIZES = "20,100"
FULL_SIZES = "20,100,300"
# the functions `story.build_report` calls, in its order, timed one by one in the child
STAGES = (
    "clean_articles",
    "segment_article",
    "find_copies",
    "parse_all",
    "find_quotes",
    "align_claims",
    "find_exclusives",
    "build_ledger",
    "summarise",
)


def wire_story(pools: list[list[str]], size: int, seed: int = 11) -> Iterator[dict[str, str]]:
    """`size` articles of one event, deterministic. The agency's copy is one pool's
    sentences, two to a paragraph; each outlet runs 3-6 of its paragraphs in order (outlets
    cut a wire story, rarely reorder it) and one paragraph of its own from another pool."""
    rng = random.Random(seed)
    pool = max((p for p in pools if len(p) <= WIRE_SENTENCES), key=len)
    wire = [" ".join(pool[i : i + 2]) for i in range(1, len(pool), 2)]
    others = [p for p in pools if p is not pool]
    for index in range(size):
        kept = sorted(rng.sample(range(len(wire)), min(len(wire), rng.randint(3, 6))))
        paragraphs = [wire[k] for k in kept]
        paragraphs.insert(rng.randint(0, len(paragraphs)), rng.choice(rng.choice(others)))
        yield {
            "id": f"wire-{index}",
            "title": pool[0][:90],
            "outlet": f"Outlet {index % 97}",
            "published": f"2026-03-{1 + index % 28:02d}",
            "text": "\n\n".join(paragraphs),
        }


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _timed(spent: dict[str, float], name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        started = _cpu()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + _cpu() - started

    return run


def _current_mb() -> float:
    """This process's resident memory now (VmRSS; the peak so far where /proc is missing)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(mode: str, data: Path) -> int:
    """One measurement in this fresh process; prints its figures as JSON."""
    from corroborate import story
    from corroborate.clean import clean_articles
    from corroborate.nlp import Resources, auto_parse_processes
    from corroborate.read import read_inputs
    from corroborate.records import Article
    from corroborate.segment import segment_article
    from corroborate.settings import Settings

    articles = [a for a in read_inputs([str(data)]) if isinstance(a, Article)]
    settings = Settings(parse_processes=auto_parse_processes(), fast_parse=mode == "ours")
    resources = Resources(settings)
    resources.spacy()
    resources.embedder()  # models load outside the timed part: a fixed cost of every run
    models_mb = _current_mb()
    spent: dict[str, float] = {}
    started, wall = _cpu(), time.perf_counter()
    if mode == "peer":
        clean_articles(articles, use_others=settings.use_other_articles_for_cleaning)
        for article in articles:
            segment_article(article)
        resources.parse_all(articles)
    else:
        for name in STAGES:
            if name == "parse_all":
                resources.parse_all = _timed(spent, name, resources.parse_all)  # type: ignore[method-assign]
            else:
                setattr(story, name, _timed(spent, name, getattr(story, name)))
        report = story.build_report(articles, settings=settings, resources=resources)
        spent["claims"] = float(len(report.claims))
    figures = {
        "cpu": _cpu() - started,
        "seconds": time.perf_counter() - wall,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "models_mb": models_mb,
        "articles": len(articles),
        **{f"stage_{k}": v for k, v in spent.items()},
    }
    print(json.dumps(figures))
    return 0


def measure(mode: str, data: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", mode, "--data", str(data)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"sizes {QUICK_SIZES} only")
    parser.add_argument("--sizes", default=FULL_SIZES)
    parser.add_argument("--stock", action="store_true", help="also ours on stock spaCy")
    parser.add_argument("--child", choices=["ours", "peer", "stock"])
    parser.add_argument("--data")
    args = parser.parse_args()
    if args.child:
        return child(args.child, Path(args.data))
    if require_data(NAME, "ecbplus-dev.jsonl") is None or require_data(NAME, "polnear") is None:
        return 0
    sizes = [int(s) for s in (QUICK_SIZES if args.quick else args.sizes).split(",")]
    pools = sentence_pools(data_dir())
    figures: dict[str, float] = {}
    peers: dict[str, dict[str, float]] = {"read_clean_segment_parse": {}}
    table, stage_rows = [], []
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            data = Path(folder) / f"wire-{size}.jsonl"
            data.write_text("".join(json.dumps(r) + "\n" for r in wire_story(pools, size)))
            peer, ours = measure("peer", data), measure("ours", data)
            if args.stock:
                stock = measure("stock", data)
                peers.setdefault("ours_on_stock_spacy", {})[f"cpu_s_{size}"] = round(
                    stock["cpu"], 2
                )
                figures[f"cpu_ratio_to_stock_spacy_{size}"] = round(ours["cpu"] / stock["cpu"], 3)
                stage_rows.append(
                    [f"{size} stock", *(stock.get(f"stage_{s}", 0.0) for s in STAGES)]
                )
            figures[f"cpu_s_{size}"] = round(ours["cpu"], 2)
            figures[f"peak_mb_{size}"] = round(ours["peak_mb"], 1)
            figures[f"story_mb_{size}"] = round(ours["peak_mb"] - ours["models_mb"], 1)
            figures[f"ratio_to_parse_{size}"] = round(ours["cpu"] / peer["cpu"], 2)
            peers["read_clean_segment_parse"][f"cpu_s_{size}"] = round(peer["cpu"], 2)
            table.append(
                [size, ours["cpu"], ours["seconds"], ours["peak_mb"],
                 ours["peak_mb"] - ours["models_mb"], peer["cpu"],
                 ours["cpu"] / peer["cpu"], int(ours.get("stage_claims", 0))]
            )  # fmt: skip
            stage_rows.append([size, *(ours.get(f"stage_{s}", 0.0) for s in STAGES)])
    for small, big in itertools.pairwise(sizes):
        growth = math.log(figures[f"cpu_s_{big}"] / figures[f"cpu_s_{small}"]) / math.log(
            big / small
        )
        figures[f"cpu_growth_{small}_{big}"] = round(growth, 2)
    print_table(
        "Story report (synthetic wire story; loaded 2-core machine: compare CPU, not wall)",
        ["articles", "CPU s", "wall s", "peak MB", "story MB", "peer CPU s", "ratio", "claims"],
        table,
    )
    print_table("CPU s per stage", ["articles", *STAGES], stage_rows)
    growth_text = ", ".join(f"{k}: {v}" for k, v in figures.items() if k.startswith("cpu_growth"))
    print(f"\nCPU growth exponents (1.0 = linear in articles): {growth_text}")
    write_results(
        NAME,
        figures,
        peers=peers,
        notes=[
            "peer: read + clean + segment + spaCy parse, same articles, same script, fresh "
            "process; models load outside the timed part in both",
            "timings on a shared 2-core machine under load",
        ],
        extra={
            "data": {
                "ecbplus-dev.jsonl": file_hash(data_dir() / "ecbplus-dev.jsonl"),
                "polnear/train/text": file_hash(data_dir() / "polnear" / "train" / "text"),
            }
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
