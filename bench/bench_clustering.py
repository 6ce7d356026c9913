"""Story clustering on ECB+ (dev topics 1-20): B-cubed precision, recall and F1.

Each topic of ECB+ holds two real events of the same kind (two celebrities entering rehab, two
earthquakes), so a good clustering must separate them. The articles are ingested as a stream
in a shuffled order through the real `ingest` path (reading, cleaning, copies, one-pass
assignment and, unless turned off, the second look after each batch and the end-of-run look
at each article of the run), then re-clustered
(`recluster_store`); all three are scored. Beside them, in the same
script, a TF-IDF + agglomerative (average link, cosine) baseline whose distance threshold is
fitted on topics 1-10.

Our thresholds were fitted on topics 1-10 (`fit` split); the figures are given for topics 11-20
(`held` split, not used for fitting) and for all 20. The similarity's kind weights
(`ClusterSettings.name_weight` etc.) come from `--fit-weights`: a logistic regression on the
pairs of articles within each topic of the fit split, over the cosine and the per-kind cosines.

    python bench/bench_clustering.py [--quick] [--seeds N] [--fit-weights]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import file_hash, print_table, require_data, write_results
from corroborate.corpus.cluster import (
    ENTITY_PREFIX,
    NUMBER_PREFIX,
    WORD_KIND,
    YEAR_PREFIX,
    ClusterSettings,
    StoryClusterer,
    cosine,
    kind_of,
)
from corroborate.corpus.ingest import ingest, recluster_store
from corroborate.corpus.store import SqliteStore

NAME = "clustering"
FIT_TOPICS = set(range(1, 11))
METHODS = ("one-pass", "ingest", "re-cluster")
SPLITS = {"fit": FIT_TOPICS, "held": set(range(11, 21)), "all": set(range(1, 21))}


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against gold labels (same keys)."""
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for item in gold:
        by_pred[predicted[item]].add(item)
        by_gold[gold[item]].add(item)
    precision = recall = 0.0
    for item in gold:
        cluster, truth = by_pred[predicted[item]], by_gold[gold[item]]
        both = len(cluster & truth)
        precision += both / len(cluster)
        recall += both / len(truth)
    precision, recall = precision / len(gold), recall / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def load(path: Path, topics: set[int]) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [row for row in rows if row["topic"] in topics]


def run_ours(
    rows: list[dict[str, Any]], seed: int, settings: ClusterSettings | None = None
) -> dict[str, dict[str, str]]:
    """Ingest the rows in a shuffled order; {method: {source_id: story}} for each method.

    "one-pass": ingest with its second looks turned off; "ingest": what a user gets from
    `corroborate ingest` (one pass, the second look after each batch, and the end-of-run look
    at each article of the run); "re-cluster":
    that store after `recluster_store`.
    """
    shuffled = rows[:]
    random.Random(seed).shuffle(shuffled)
    found: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "stream.jsonl"
        data.write_text("".join(json.dumps(r) + "\n" for r in shuffled), encoding="utf-8")
        for method, refine in (("one-pass", False), ("ingest", True)):
            with SqliteStore(Path(folder) / f"{method}.db") as store:
                ingest([str(data)], store, settings=settings, workers=1, refine=refine)
                found[method] = _stories(store)
                if refine:
                    recluster_store(store, settings)
                    found["re-cluster"] = _stories(store)
    return found


def _stories(store: SqliteStore) -> dict[str, str]:
    return {r[0]: r[1] for r in store.query("SELECT source_id, story_id FROM articles")}


def baseline(rows: list[dict[str, Any]], threshold: float) -> dict[str, str]:
    """TF-IDF (sublinear, English stop words) + average-link agglomerative, cosine distance."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [r["text"] for r in rows]
    )
    model = AgglomerativeClustering(
        n_clusters=None, distance_threshold=threshold, metric="cosine", linkage="average"
    )
    labels = model.fit_predict(matrix.toarray())
    return {r["id"]: str(label) for r, label in zip(rows, labels, strict=True)}


def fit_baseline(rows: list[dict[str, Any]]) -> float:
    """The baseline's distance threshold with the best F1 on the fitting topics."""
    gold = {r["id"]: r["story"] for r in rows}
    best = max((bcubed(baseline(rows, t / 100), gold)[2], t / 100) for t in range(50, 100, 2))
    return best[1]


def score_split(predicted: Mapping[str, str], rows: list[dict[str, Any]]) -> tuple[float, ...]:
    gold = {r["id"]: r["story"] for r in rows}
    return bcubed({k: predicted[k] for k in gold}, gold)


def fit_kind_weights(rows: list[dict[str, Any]]) -> dict[str, float]:
    """Kind weights from pairs of same-topic articles: same story or not, by logistic regression.

    The features are the cosine of the articles' weighted vectors and the cosine of each kind
    of term on its own; the weights are the kinds' coefficients over the cosine's.
    """
    from sklearn.linear_model import LogisticRegression

    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "fit.jsonl"
        data.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        with SqliteStore(Path(folder) / "fit.db") as store:
            ingest([str(data)], store, workers=1, find_copies=False)
            source = dict(store.query("SELECT id, source_id FROM articles"))
            features = list(store.iter_features())
            df, documents = store.load_df()
    clusterer = StoryClusterer()
    clusterer.load([], df, documents)
    label = {r["id"]: (r["topic"], r["story"]) for r in rows}
    kinds = (ENTITY_PREFIX, YEAR_PREFIX, NUMBER_PREFIX, WORD_KIND)
    vectors, labels = [], []
    for item in features:
        vector = clusterer.weigh(item.terms)
        parts = [{t: w for t, w in vector.items() if kind_of(t) == k} for k in kinds]
        vectors.append([vector, *parts])
        labels.append(label[source[item.article]])
    x, y = [], []
    for i, first in enumerate(vectors):
        for j in range(i + 1, len(vectors)):
            if labels[i][0] == labels[j][0]:
                x.append([cosine(a, b) for a, b in zip(first, vectors[j], strict=True)])
                y.append(labels[i][1] == labels[j][1])
    coef = LogisticRegression(C=10.0).fit(x, y).coef_[0]
    names = ("name_weight", "year_weight", "number_weight", "word_weight")
    return {name: round(float(c / coef[0]), 2) for name, c in zip(names, coef[1:], strict=True)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one shuffle instead of three")
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument(
        "--fit-weights", action="store_true", help="print the kind weights fitted on topics 1-10"
    )
    args = parser.parse_args()
    path = require_data(NAME, "ecbplus-dev.jsonl")
    if path is None:
        return 0
    if args.fit_weights:
        print(fit_kind_weights(load(path, FIT_TOPICS)))
        return 0
    rows = load(path, SPLITS["all"])
    seeds = 1 if args.quick else args.seeds
    started = time.perf_counter()
    runs = [run_ours(rows, seed) for seed in range(seeds)]
    ours_seconds = (time.perf_counter() - started) / seeds
    threshold = fit_baseline([r for r in rows if r["topic"] in FIT_TOPICS])
    started = time.perf_counter()
    base = baseline(rows, threshold)
    base_seconds = time.perf_counter() - started
    figures: dict[str, float] = {}
    table = []
    for split, topics in SPLITS.items():
        subset = [r for r in rows if r["topic"] in topics]
        for method in METHODS:
            scores = [score_split(run[method], subset) for run in runs]
            mean = [sum(s[i] for s in scores) / len(scores) for i in range(3)]
            for metric, value in zip(("precision", "recall", "f1"), mean, strict=True):
                figures[f"{split}_{method.replace('-', '_')}_{metric}"] = round(value, 4)
            table.append([split, f"ours {method}", *mean])
        base_scores = score_split(base, subset)
        for metric, value in zip(("precision", "recall", "f1"), base_scores, strict=True):
            figures[f"{split}_baseline_{metric}"] = round(value, 4)
        table.append([split, "tf-idf + agglomerative", *base_scores])
    print_table(
        f"B-cubed on ECB+ dev ({len(rows)} articles, {seeds} shuffled orders)",
        ["topics", "method", "precision", "recall", "f1"],
        table,
    )
    print(
        f"\nours: {ours_seconds:.1f} s per two ingests + re-cluster; baseline {base_seconds:.1f} s"
    )
    write_results(
        NAME,
        figures,
        peers={"tfidf_agglomerative": {"threshold": threshold, "seconds": base_seconds}},
        notes=[
            "fit = topics 1-10 (thresholds fitted there), held = topics 11-20, all = 1-20",
            f"ours: mean over {seeds} shuffled ingest orders; {ours_seconds:.1f} s per run",
            "one-pass = ingest(refine=False); ingest = one pass + the second look after each "
            "batch + the end-of-run look at each article of the run (what `corroborate ingest` "
            "stores); re-cluster = that store re-clustered",
        ],
        extra={"data": {"ecbplus-dev.jsonl": file_hash(path)}},
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
