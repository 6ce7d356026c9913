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

    python bench/bench_clustering.py [--quick] [--seeds N] [--splits fit[,held,all]]
        [--errors] [--fit-weights] [--twins [--minilm]] [--neus STORIES [--neus-from N]]

`--splits fit` scores and prints the fitting topics only (and `--twins` then reads only
them): the way to work on the clustering without looking at the held topics. Results are
written only when all three splits are scored. `--errors` also prints what each method got
wrong on the printed splits, tallied over the orders: each true story split into parts (their
sizes) and each found story holding several (their sizes; articles of topics outside the
printed splits only counted, never named).

`--neus STORIES` is a second, larger set to fit on: the first STORIES stories of NeuS train
(`neus/train.source`, AllSides: each line one story told by a left, a centre and a right
outlet, as short excerpts), ingested in shuffled orders and scored the same way (printed, not
written: no floors). Its stories are many of one kind (one campaign, one trial), so they test
the separation of events of one kind at a scale ECB+ dev's 20 topics cannot. Rules are fitted
on the first 800; `--neus 800 --neus-from 800` (the next 800) checks them on stories no rule
was fitted on.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import data_dir, file_hash, print_table, require_data, write_results
from corroborate.corpus.cluster import StoryClusterer
from corroborate.corpus.features import ENTITY_PREFIX, NUMBER_PREFIX, YEAR_PREFIX, ArticleFeatures
from corroborate.corpus.ingest import ingest, recluster_store
from corroborate.corpus.recluster import Vector, prepare_vector, two_means, vector_similarity
from corroborate.corpus.scoring import WORD_KIND, ClusterSettings, cosine, kind_of
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


_NEUS_PART = re.compile(r"TITLE=>\s*(?P<title>.*?)\s*ARTICLE=>\s*(?P<text>.*)$", re.S)


def neus_rows(path: Path, stories: int, start: int = 0) -> list[dict[str, Any]]:
    """NeuS stories `start` .. `start + stories - 1` as rows: one per outlet's excerpt, story =
    its line."""
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number >= start + stories:
                break
            if number < start:
                continue
            for side, part in enumerate(line.split("[SEP]")):
                match = _NEUS_PART.match(part.strip())
                if match and match.group("text").strip():
                    rows.append(
                        {
                            "id": f"neus-{number}-{side}",
                            "story": f"neus-{number}",
                            "title": match.group("title"),
                            "outlet": f"side {side}",
                            "text": match.group("text"),
                        }
                    )
    return rows


def neus_study(rows: list[dict[str, Any]], seeds: int) -> None:
    """B-cubed of our three methods on NeuS stories, averaged over `seeds` shuffled orders.

    Rows the store holds once (the same excerpt twice) are scored once: only stored ids count.
    """
    table = []
    runs = [run_ours(rows, seed) for seed in range(seeds)]
    for method in METHODS:
        scores = []
        for run in runs:
            found = run[method]
            gold = {r["id"]: r["story"] for r in rows if r["id"] in found}
            scores.append(bcubed({k: found[k] for k in gold}, gold))
        table.append([method, *(sum(s[i] for s in scores) / len(scores) for i in range(3))])
    print_table(
        f"B-cubed on NeuS train ({len({r['story'] for r in rows})} stories, {len(rows)} "
        f"excerpts, {seeds} shuffled orders)",
        ["method", "precision", "recall", "f1"],
        table,
    )


def errors(predicted: Mapping[str, str], rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(kind, pattern) of each error of `predicted` on the rows: a true story split over
    several found stories ("split", "4ecb: 9 + 1"), a found story holding several true
    stories or articles of other rows ("merged", "9ecb 8 + 9ecbplus 13"; "+ 2 other topics"
    for articles of `predicted` outside the rows, counted and not named)."""
    gold = {r["id"]: r["story"] for r in rows}
    inside: dict[str, Counter[str]] = defaultdict(Counter)
    outside: Counter[str] = Counter()
    for item, story in predicted.items():
        if item in gold:
            inside[story][gold[item]] += 1
        else:
            outside[story] += 1
    parts: dict[str, list[int]] = defaultdict(list)
    found = []
    for story, counts in inside.items():
        for truth, count in counts.items():
            parts[truth].append(count)
        if len(counts) > 1 or outside[story]:
            pattern = " + ".join(f"{truth} {count}" for truth, count in sorted(counts.items()))
            if outside[story]:
                pattern += f" + {outside[story]} other topics"
            found.append(("merged", pattern))
    for truth, sizes in sorted(parts.items()):
        if len(sizes) > 1:
            found.append(
                ("split", f"{truth}: " + " + ".join(map(str, sorted(sizes, reverse=True))))
            )
    return found


def print_errors(
    runs: list[dict[str, dict[str, str]]], rows: list[dict[str, Any]], label: str
) -> None:
    """Each method's errors on the rows (`errors`), with the number of orders showing each."""
    table = []
    for method in METHODS:
        tally = Counter(error for run in runs for error in errors(run[method], rows))
        for (kind, pattern), orders in sorted(
            tally.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1])
        ):
            table.append([method, kind, pattern, f"{orders} of {len(runs)}"])
    print_table(
        f"Errors on {label} (over {len(runs)} shuffled orders)",
        ["method", "error", "stories", "orders"],
        table,
    )


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

    features, source, clusterer = _features(rows)
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


def _features(
    rows: list[dict[str, Any]],
) -> tuple[list[ArticleFeatures], dict[str, str], StoryClusterer]:
    """The rows' clustering features (one ingest, no copies), article id -> row id, and a
    clusterer holding their term statistics."""
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "rows.jsonl"
        data.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        with SqliteStore(Path(folder) / "rows.db") as store:
            ingest([str(data)], store, workers=1, find_copies=False, refine=False)
            source = {r[0]: r[1] for r in store.query("SELECT id, source_id FROM articles")}
            features = list(store.iter_features())
            df, documents = store.load_df()
    clusterer = StoryClusterer()
    clusterer.load([], df, documents)
    return features, source, clusterer


def contrast(left: list[ArticleFeatures], right: list[ArticleFeatures], kinds: str) -> float:
    """How well each half has a term of its own: for each half, its best term's share of the
    half's articles less its share of the other half's; the smaller of the two."""
    shares = []
    for group in (left, right):
        held: Counter[str] = Counter()
        for item in group:
            held.update({t for t in item.terms if t[:1] in kinds})
        shares.append({t: n / len(group) for t, n in held.items()})
    mine, theirs = shares
    best_left = max((v - theirs.get(t, 0.0) for t, v in mine.items()), default=0.0)
    best_right = max((v - mine.get(t, 0.0) for t, v in theirs.items()), default=0.0)
    return min(best_left, best_right)


def twin_evidence(rows: list[dict[str, Any]], minilm: bool) -> None:
    """Twin topics' true halves against single events' two-means halves: centroid similarity,
    the names' contrast (and with years and numbers), and MiniLM centroids' cosine."""
    features, source, clusterer = _features(rows)
    story = {r["id"]: r["story"] for r in rows}
    topic = {r["story"]: r["topic"] for r in rows}
    members: dict[str, list[ArticleFeatures]] = defaultdict(list)
    for item in features:
        members[story[source[item.article]]].append(item)
    idf = {t: clusterer.idf(t) for item in features for t in item.terms}
    settings = clusterer.settings
    embed = _minilm(rows, source) if minilm else None
    table = []
    for number in sorted(set(topic.values())):
        first, second = sorted(s for s in members if topic[s] == number)
        pair = (members[first], members[second])
        alike = vector_similarity(*(_centroid(g, idf) for g in pair), settings)
        left, right, _ = two_means(pair[0] + pair[1], idf, settings)
        found = {i.article: side for side, g in enumerate((left, right)) for i in g}
        gold = {i.article: side for side, g in enumerate(pair) for i in g}
        row = _evidence_row(f"topic {number}: two events", pair, alike, embed)
        table.append([*row, round(bcubed(found, gold)[2], 3)])
    for name in sorted(members, key=lambda s: (topic[s], s)):
        if len(members[name]) >= 4:
            left, right, alike = two_means(members[name], idf, settings)
            table.append([*_evidence_row(f"{name}: one event", (left, right), alike, embed), ""])
    print_table(
        "Two events of one kind (true halves) vs one event's two-means halves (ECB+ dev)",
        ["halves", "sizes", "centroids", "names", "+years,numbers", "minilm", "2-means F1"],
        table,
    )


def _evidence_row(
    label: str,
    pair: tuple[list[ArticleFeatures], list[ArticleFeatures]],
    alike: float,
    embed: dict[str, Any] | None,
) -> list[Any]:
    left, right = pair
    cosine_text = ""
    if embed is not None:
        import numpy as np

        means = [np.mean([embed[i.article] for i in g], axis=0) for g in pair]
        cosine_text = (
            f"{means[0] @ means[1] / np.linalg.norm(means[0]) / np.linalg.norm(means[1]):.3f}"
        )
    return [
        label,
        f"{len(left)}/{len(right)}",
        round(alike, 3),
        round(contrast(left, right, ENTITY_PREFIX), 2),
        round(contrast(left, right, ENTITY_PREFIX + YEAR_PREFIX + NUMBER_PREFIX), 2),
        cosine_text,
    ]


def _centroid(group: list[ArticleFeatures], idf: Mapping[str, float]) -> Vector:
    counts: Counter[str] = Counter()
    for item in group:
        counts.update(item.terms)
    return prepare_vector({t: c * idf[t] for t, c in counts.items()})


def _minilm(rows: list[dict[str, Any]], source: Mapping[str, str]) -> dict[str, Any]:
    """Each article's MiniLM vector of its first 700 characters (the title and lead)."""
    from corroborate.embed import load_embedder

    text = {r["id"]: r["text"][:700] for r in rows}
    ids = sorted(source)
    started = time.process_time()
    vectors = load_embedder("minilm").embed([text[source[i]] for i in ids])
    spent = time.process_time() - started
    print(f"MiniLM: {1000 * spent / len(ids):.1f} ms CPU per article (first 700 characters)")
    return dict(zip(ids, vectors, strict=True))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one shuffle instead of three")
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument(
        "--fit-weights", action="store_true", help="print the kind weights fitted on topics 1-10"
    )
    parser.add_argument(
        "--twins",
        action="store_true",
        help="print what tells two events of one kind apart (add --minilm for MiniLM's view)",
    )
    parser.add_argument("--minilm", action="store_true")
    parser.add_argument(
        "--errors",
        action="store_true",
        help="print each method's split stories and merged events on the printed splits "
        "(with --splits fit while working: the held topics' errors are a look at them)",
    )
    parser.add_argument(
        "--splits",
        default=",".join(SPLITS),
        help="the splits to score and print, comma-separated (fit: develop without the held "
        "topics; results are written only with all three)",
    )
    parser.add_argument(
        "--neus",
        type=int,
        metavar="STORIES",
        help="score the first STORIES NeuS train stories instead (printed only)",
    )
    parser.add_argument(
        "--neus-from",
        type=int,
        default=0,
        metavar="N",
        help="with --neus: start at story N (--neus 800 --neus-from 800 is the block kept for "
        "checking rules fitted on the first 800)",
    )
    args = parser.parse_args()
    splits = [name.strip() for name in args.splits.split(",") if name.strip()]
    if not splits or set(splits) - set(SPLITS):
        parser.error(f"--splits takes names among {', '.join(SPLITS)}")
    if args.neus:
        neus = data_dir() / "neus" / "train.source"
        if not neus.exists():
            print(f"{NAME}: {neus} does not exist (set CORROBORATE_DATA to the data folder)")
            return 0
        neus_study(neus_rows(neus, args.neus, args.neus_from), 1 if args.quick else args.seeds)
        return 0
    path = require_data(NAME, "ecbplus-dev.jsonl")
    if path is None:
        return 0
    if args.fit_weights:
        print(fit_kind_weights(load(path, FIT_TOPICS)))
        return 0
    rows = load(path, SPLITS["all"])
    if args.twins:
        wanted = set().union(*(SPLITS[name] for name in splits))
        twin_evidence([r for r in rows if r["topic"] in wanted], args.minilm)
        return 0
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
    for split in splits:
        subset = [r for r in rows if r["topic"] in SPLITS[split]]
        for method in METHODS:
            scores = [score_split(run[method], subset) for run in runs]
            mean = [sum(s[i] for s in scores) / len(scores) for i in range(3)]
            for metric, value in zip(("precision", "recall", "f1"), mean, strict=True):
                figures[f"{split}_{method.replace('-', '_')}_{metric}"] = round(value, 4)
            spread = f"{min(s[2] for s in scores):.3f}-{max(s[2] for s in scores):.3f}"
            table.append([split, f"ours {method}", *mean, spread])
        base_scores = score_split(base, subset)
        for metric, value in zip(("precision", "recall", "f1"), base_scores, strict=True):
            figures[f"{split}_baseline_{metric}"] = round(value, 4)
        table.append([split, "tf-idf + agglomerative", *base_scores, ""])
    # The orders' spread beside the mean: on topics 1-10 one order's ingest F1 ranges
    # 0.941-0.956 (10 orders, session 10), so a change of a few thousandths in the mean of
    # three orders can be the orders alone.
    print_table(
        f"B-cubed on ECB+ dev ({len(rows)} articles, {seeds} shuffled orders)",
        ["topics", "method", "precision", "recall", "f1", "f1 by order (min-max)"],
        table,
    )
    print(
        f"\nours: {ours_seconds:.1f} s per two ingests + re-cluster; baseline {base_seconds:.1f} s"
    )
    if args.errors:
        for split in [name for name in splits if name != "all" or len(splits) == 1]:
            print_errors(runs, [r for r in rows if r["topic"] in SPLITS[split]], f"{split} topics")
    if set(splits) != set(SPLITS):
        print("(results not written: not every split was scored)")
        return 0
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
