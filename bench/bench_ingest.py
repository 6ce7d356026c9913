"""Ingest at scale: throughput and peak memory at 1k, 10k and 100k articles; list/show latency.

Synthetic articles are built from real sentences: each of PolNeAR's training articles and
ECB+'s stories is a pool of sentences about one event; a synthetic article takes a pool's
title-like first sentence and 6-12 of its sentences in a random order, plus one sentence from
another pool (the noise of scraped pages). Articles drawn from one pool share sentences, so
copy detection and clustering have real work to do. The same articles, in the same order,
go through the peer in the same script: reading, cleaning and segmenting alone (no store, no
copies, no clustering), to show what the corpus stages cost on top.

Each size runs in a fresh process (peak memory is that process's maxrss, workers included
as separate processes: the largest one is reported). Two variants of ours: the default ingest,
and the same without the per-batch refinement (`ingest(..., refine=False)`: the split/merge
second look after each batch), whose cost grows with the number of stories; the default runs
only up to `--refine-max` articles. Story-list and show latency are measured on the largest
store built. "the same again tomorrow": after the default ingest of each size, `--added`
(10% of it by default) new synthetic articles (another seed) go into a copy of its store in a
second run; its main CPU per new article (the store's state loaded included) against the
first run's says whether a run's cost follows its own size or the store's.

    python bench/bench_ingest.py [--quick] [--sizes 1000,10000,100000] [--refine-max 10000]
        [--added N]
        [--profile PREFIX]   (cProfile of each ingest's main process, e.g. /tmp/ingest)
"""

from __future__ import annotations

import argparse
import cProfile
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import data_dir, file_hash, print_table, require_data, write_results

NAME = "ingest"
_SPLIT = ". "


def sentence_pools(data: Path) -> list[list[str]]:
    """Lists of sentences, each about one event (one article or one gold story)."""
    pools: list[list[str]] = []
    polnear = data / "polnear" / "train" / "text"
    for path in sorted(polnear.glob("*.txt")):
        pools.append(_sentences(path.read_text(encoding="utf-8", errors="replace")))
    stories: dict[str, list[str]] = {}
    for line in (data / "ecbplus-dev.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        stories.setdefault(row["story"], []).extend(_sentences(row["text"]))
    pools.extend(stories.values())
    return [p for p in pools if len(p) >= 8]


def _sentences(text: str) -> list[str]:
    found = []
    for paragraph in text.split("\n"):
        for piece in paragraph.split(_SPLIT):
            piece = piece.strip()
            if 40 <= len(piece) <= 400:
                found.append(piece if piece.endswith((".", "?", "!", '"')) else piece + ".")
    return found


def synthetic(pools: list[list[str]], count: int, seed: int = 7) -> Iterator[dict[str, str]]:
    """`count` synthetic JSON-lines articles from the sentence pools (deterministic)."""
    rng = random.Random(seed)
    outlets = [f"Outlet {n}" for n in range(60)]
    for index in range(count):
        pool = pools[rng.randrange(len(pools))]
        body = rng.sample(pool, min(len(pool), rng.randint(6, 12)))
        body.append(rng.choice(pools[rng.randrange(len(pools))]))
        paragraphs = ["\n\n".join(body[i : i + 2]) for i in range(0, len(body), 2)]
        yield {
            "id": f"syn-{index}",
            "title": pool[0][:90],
            "outlet": rng.choice(outlets),
            "published": f"2026-{1 + index * 12 // max(count, 1):02d}-{1 + index % 28:02d}",
            "text": "\n\n".join(paragraphs),
        }


def child(args: argparse.Namespace) -> int:
    """Run one measurement in this (fresh) process and print its figures as JSON."""
    from corroborate.corpus.ingest import ingest
    from corroborate.corpus.store import SqliteStore

    started = time.perf_counter()
    if args.mode in ("ours", "no-refine"):
        profile = cProfile.Profile() if args.profile else None
        with SqliteStore(args.db) as store:
            if profile:
                profile.enable()
            counts = ingest([args.data], store, refine=args.mode == "ours")
            if profile:
                profile.disable()
                profile.dump_stats(f"{args.profile}-{args.mode}-{counts.new}.prof")
        done = counts.new
    else:
        from corroborate.clean import clean_article
        from corroborate.read import read_inputs
        from corroborate.records import Article
        from corroborate.segment import segment_article

        done = 0
        for item in read_inputs([args.data]):
            if isinstance(item, Article):
                segment_article(clean_article(item))
                done += 1
    seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)  # the pool's, reaped at its end
    figures = {
        "articles": done,
        "seconds": seconds,
        # this process and its workers: the largest one (each its own address space)
        "peak_mb": max(own.ru_maxrss, workers.ru_maxrss) / 1024,
        # CPU seconds say what a loaded machine's wall clock cannot
        "main_cpu": own.ru_utime + own.ru_stime,
        "worker_cpu": workers.ru_utime + workers.ru_stime,
        # of which the kernel's (reading the store, pipes): py-spy sees only Python frames
        "main_sys": own.ru_stime,
        "worker_sys": workers.ru_stime,
    }
    print(json.dumps(figures))
    return 0


def measure(mode: str, data: Path, db: Path, profile: str | None = None) -> dict[str, float]:
    extra = ["--profile", profile] if profile else []
    done = subprocess.run(
        [sys.executable, __file__, "--child", mode, "--data", str(data), "--db", str(db), *extra],
        capture_output=True,
        text=True,
        check=True,
    )
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    figures["per_second"] = figures["articles"] / figures["seconds"]
    return figures


def latency(db: Path) -> dict[str, float]:
    """Seconds for `stories` (default listing) and `show` of a median-sized story, in-process."""
    from click.testing import CliRunner

    from corroborate.cli import main
    from corroborate.corpus.store import SqliteStore

    runner = CliRunner()
    started = time.perf_counter()
    listed = runner.invoke(main, ["stories", "--db", str(db), "--json"])
    list_seconds = time.perf_counter() - started
    started = time.perf_counter()
    runner.invoke(
        main, ["stories", "--db", str(db), "--json", "--search", "police", "--sort", "size"]
    )
    search_seconds = time.perf_counter() - started
    assert listed.exit_code == 0, listed.output
    with SqliteStore(db, read_only=True) as store:
        sizes = store.query(
            "SELECT id, article_count FROM stories WHERE article_count >= 5 ORDER BY article_count"
        )
    story, size = sizes[len(sizes) // 2] if sizes else (None, 0)
    show_seconds = float("nan")
    if story:
        started = time.perf_counter()
        shown = runner.invoke(main, ["show", story, "--db", str(db), "--format", "json"])
        show_seconds = time.perf_counter() - started
        assert shown.exit_code == 0, shown.output
    return {
        "list_seconds": list_seconds,
        "search_seconds": search_seconds,
        "show_seconds": show_seconds,
        "show_articles": float(size),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 articles only")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument(
        "--refine-max",
        type=int,
        default=10_000,
        help="largest size the default ingest (with the per-batch refinement) runs at",
    )
    parser.add_argument(
        "--profile",
        metavar="PREFIX",
        help="cProfile the main process of each ingest into PREFIX-<variant>-<articles>.prof "
        "(timings then include the profiler's overhead)",
    )
    parser.add_argument(
        "--added",
        type=int,
        help="new articles ingested into a copy of each size's store in a second run "
        "(default: a tenth of the size)",
    )
    parser.add_argument("--child", choices=["ours", "no-refine", "peer"])
    parser.add_argument("--data")
    parser.add_argument("--db")
    args = parser.parse_args()
    if args.child:
        args.mode = args.child
        return child(args)
    if require_data(NAME, "ecbplus-dev.jsonl") is None or require_data(NAME, "polnear") is None:
        return 0
    sizes = [1000] if args.quick else [int(s) for s in args.sizes.split(",")]
    pools = sentence_pools(data_dir())
    figures: dict[str, float] = {}
    peers: dict[str, dict[str, float]] = {"read_clean_segment": {}}
    table = []
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        for size in sizes:
            data = Path(folder) / f"syn-{size}.jsonl"
            with data.open("w", encoding="utf-8") as handle:
                for row in synthetic(pools, size):
                    handle.write(json.dumps(row) + "\n")
            peer = measure("peer", data, db)
            peers["read_clean_segment"][f"articles_per_second_{size}"] = round(
                peer["per_second"], 1
            )
            for variant, suffix in (("ours", ""), ("no-refine", "_no_refine")):
                if variant == "ours" and size > args.refine_max:
                    table.append([size, variant, "skipped (--refine-max)", "", "", "", "", "", ""])
                    continue
                # the no-refine store is built last: latency is measured on it
                db.unlink(missing_ok=True)
                ours = measure(variant, data, db, args.profile)
                key = f"{suffix}_{size}"
                figures[f"articles_per_second{key}"] = round(ours["per_second"], 1)
                figures[f"peak_mb{key}"] = round(ours["peak_mb"], 1)
                ratio = ours["per_second"] / peer["per_second"]
                figures[f"ratio_to_peer{key}"] = round(ratio, 3)
                for cpu in ("main_cpu", "worker_cpu"):  # milliseconds per article
                    figures[f"{cpu}_ms{key}"] = round(1000 * ours[cpu] / ours["articles"], 2)
                table.append(_row(size, variant, ours, peer["per_second"]))
                if variant == "ours":
                    added = args.added or size // 10
                    more = _added_run(pools, added, db, Path(folder))
                    for cpu in ("main_cpu", "worker_cpu"):
                        figures[f"added_{cpu}_ms_{size}"] = round(1000 * more[cpu] / added, 2)
                    table.append(_row(f"+{added}", "ours, 2nd run", more, float("nan")))
            data.unlink()
        timing = latency(db)
        stories = _count_stories(db)
    print_table(
        "Ingest (synthetic articles from real sentences; loaded 2-core machine)",
        [
            "articles",
            "ours",
            "seconds",
            "articles/s",
            "peak MB",
            "main CPU ms/art",
            "workers CPU ms/art",
            "peer articles/s",
            "ratio",
        ],
        table,
    )
    largest = sizes[-1]
    print(
        f"\non the {largest:,}-article store ({stories:,} stories): stories list "
        f"{timing['list_seconds']:.3f} s, search {timing['search_seconds']:.3f} s, show "
        f"{timing['show_seconds']:.2f} s ({int(timing['show_articles'])} articles)"
    )
    figures.update({f"{k}_{largest}": round(v, 4) for k, v in timing.items()})
    figures[f"stories_{largest}"] = stories
    write_results(
        NAME,
        figures,
        peers=peers,
        notes=[
            "peer: read + clean + segment only, same articles, same script, fresh process",
            "timings on a shared 2-core machine under load",
        ],
        extra={"data": {"ecbplus-dev.jsonl": file_hash(data_dir() / "ecbplus-dev.jsonl")}},
    )
    return 0


def _row(size: object, variant: str, ours: dict[str, float], peer: float) -> list[object]:
    return [
        size,
        variant,
        ours["seconds"],
        ours["per_second"],
        ours["peak_mb"],
        1000 * ours["main_cpu"] / ours["articles"],
        1000 * ours["worker_cpu"] / ours["articles"],
        peer,
        ours["per_second"] / peer,
    ]


def _added_run(pools: list[list[str]], count: int, db: Path, folder: Path) -> dict[str, float]:
    """`count` new articles (seed 8: none of the store's) into a copy of the store at `db`."""
    data, grown = folder / "added.jsonl", folder / "grown.db"
    with data.open("w", encoding="utf-8") as handle:
        for row in synthetic(pools, count, seed=8):
            handle.write(json.dumps({**row, "id": f"added-{row['id']}"}) + "\n")
    for suffix in ("", "-wal"):  # a log is left only if a reader held the store at its close
        if Path(f"{db}{suffix}").exists():
            shutil.copyfile(f"{db}{suffix}", f"{grown}{suffix}")
    figures = measure("ours", data, grown)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{grown}{suffix}").unlink(missing_ok=True)
    data.unlink()
    return figures


def _count_stories(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as connection:
        return int(connection.execute("SELECT count(*) FROM stories").fetchone()[0])


if __name__ == "__main__":
    sys.exit(main())
