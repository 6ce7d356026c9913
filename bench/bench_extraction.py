"""Main-text extraction from HTML: ours against trafilatura alone and readability-lxml alone.

Data: ../shared/data/article-extraction-dev (91 pages of the scrapinghub
article-extraction-benchmark, html/<id>.html.gz and ground-truth.json).

Metric: the benchmark's own (its evaluate.py): text is split into \\w+ tokens, shingles are
4 consecutive tokens (one shorter shingle for a text under 4 tokens), and each page gives tp/fp/fn
counts over the multiset of shingles, normalised to sum to 1 so that long pages weigh no more than
short ones. Precision is averaged over pages with tp+fp > 0 (an empty prediction does not count
toward precision), recall over pages with tp+fn > 0 (an empty prediction scores 0 there), and F1
is the harmonic mean of the two averages.

Columns: `ours` is what a user gets from corroborate (read_html, then clean_article's kept text);
`ours-extract` is read_html alone; `trafilatura` is trafilatura.extract(include_comments=False) as
the benchmark runs it; `readability` is readability-lxml's summary turned to text by html-text, as
the benchmark runs it. Throughput is measured with the tools interleaved page by page, so a loaded
machine slows every column alike; compare the ratio, not the absolute figures.

Usage: python bench/bench_extraction.py [--quick]   (--quick: the first 20 pages by id)
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from _common import file_hash, print_table, require_data, write_results

NAME = "extraction"
QUICK_PAGES = 20
_TOKEN = re.compile(r"\w+")

Counts = tuple[float, float, float]


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    grams = (tuple(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1)))
    return Counter(gram for gram in grams if gram)


def page_counts(true: str, pred: str) -> Counts:
    """tp, fp, fn over 4-token shingles, normalised to sum to 1 (all 0 when both are empty)."""
    gold, guess = shingles(true), shingles(pred)
    tp = float(sum((gold & guess).values()))
    fp = float(sum((guess - gold).values()))
    fn = float(sum((gold - guess).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def score(counts: list[Counts]) -> dict[str, float]:
    precision = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}


def _extractors() -> tuple[dict[str, Callable[[str, str], str]], list[str]]:
    """name -> function(page id, html) -> text; and notes on how each peer was run."""
    import trafilatura
    from readability import Document

    from corroborate.clean import clean_article
    from corroborate.errors import InputReadError
    from corroborate.read.html import read_html

    notes: list[str] = []
    try:
        import html_text

        def readability_text(html: str) -> str:
            return str(html_text.extract_text(Document(html).summary(html_partial=True)))

    except ImportError:
        import lxml.html

        notes.append("html-text missing (pip install -e .[bench]): readability text by lxml")

        def readability_text(html: str) -> str:
            summary = Document(html).summary(html_partial=True)
            return str(lxml.html.fromstring(summary).text_content())

    def ours(page: str, html: str, clean: bool) -> str:
        try:
            article = read_html(html, source=page)
        except InputReadError:
            return ""
        return clean_article(article).kept_text if clean else article.text

    return {
        "ours": lambda page, html: ours(page, html, True),
        "ours-extract": lambda page, html: ours(page, html, False),
        "trafilatura": lambda _, html: trafilatura.extract(html, include_comments=False) or "",
        "readability": lambda _, html: readability_text(html),
    }, notes


def load_pages(folder: Path, quick: bool) -> tuple[dict[str, str], dict[str, str]]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:QUICK_PAGES] if quick else sorted(truth)
    pages = {}
    for page in ids:
        with gzip.open(folder / "html" / f"{page}.html.gz", "rt", encoding="utf-8") as handle:
            pages[page] = handle.read()
    return pages, {page: truth[page].get("articleBody") or "" for page in ids}


def run(
    pages: dict[str, str], tools: dict[str, Callable[[str, str], str]]
) -> tuple[dict[str, dict[str, str]], dict[str, float]]:
    """Every tool on every page, interleaved page by page; outputs and total seconds per tool."""
    outputs: dict[str, dict[str, str]] = {name: {} for name in tools}
    seconds = dict.fromkeys(tools, 0.0)
    for page, html in pages.items():
        for name, tool in tools.items():
            start = time.perf_counter()
            outputs[name][page] = tool(page, html)
            seconds[name] += time.perf_counter() - start
    return outputs, seconds


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    folder = require_data(NAME, "article-extraction-dev")
    if folder is None:
        return 0
    pages, truth = load_pages(folder, quick)
    tools, notes = _extractors()
    warnings.filterwarnings("ignore")  # readability and htmldate warn on odd pages
    run(dict(list(pages.items())[:2]), tools)  # warm-up: imports, compiled patterns, caches
    outputs, seconds = run(pages, tools)

    results: dict[str, dict[str, float]] = {}
    for name in tools:
        counts = [page_counts(truth[page], outputs[name][page]) for page in pages]
        metrics = score(counts)
        metrics["ms_per_page"] = 1000 * seconds[name] / len(pages)
        metrics["pages_per_s"] = len(pages) / seconds[name]
        metrics["empty"] = float(sum(not outputs[name][page].strip() for page in pages))
        results[name] = metrics
    rows = [
        [
            name,
            m["f1"],
            m["precision"],
            m["recall"],
            int(m["empty"]),
            m["ms_per_page"],
            m["pages_per_s"],
        ]
        for name, m in results.items()
    ]
    mode = f"quick, {len(pages)} pages" if quick else f"{len(pages)} pages"
    print_table(
        f"Main-text extraction, article-extraction-dev ({mode}); shingle F1 as upstream",
        ["tool", "F1", "precision", "recall", "empty", "ms/page", "pages/s"],
        rows,
    )
    ratio = results["trafilatura"]["ms_per_page"] / results["ours"]["ms_per_page"]
    print(f"\nours (read+clean) runs at {ratio:.2f}x trafilatura's speed (interleaved, same run)")
    ours, extract_only = results["ours"], results["ours-extract"]
    figures = {
        "f1": ours["f1"],
        "precision": ours["precision"],
        "recall": ours["recall"],
        "f1_extract_only": extract_only["f1"],
        "ms_per_page": ours["ms_per_page"],
        "pages_per_s": ours["pages_per_s"],
        "speed_vs_trafilatura": ratio,
        "f1_gain_vs_trafilatura": ours["f1"] - results["trafilatura"]["f1"],
    }
    notes = [*notes, f"mode: {mode}", "timings on a shared, loaded machine: compare ratios only"]
    write_results(
        NAME,
        figures,
        peers={name: results[name] for name in ("trafilatura", "readability", "ours-extract")},
        notes=notes,
        extra={"data": {"article-extraction-dev": file_hash(folder)}, "quick": quick},
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
