"""Multi-outlet summary on NeuS val: ROUGE against the neutral AllSides roundups.

Data: ../shared/data/neus/val.source and val.target (307 stories; each source line joins the
left/centre/right outlets' excerpts, the target is the neutral roundup). Every method picks as
many sentences as the roundup has (split by the project's sentence splitter) from the same
articles, split by the same splitter:
- corroborate: `summarise` without claims, as timed: its lexical signals (tokenising, TF-IDF,
  support per source, shape), the linear score and the greedy selection; no model is loaded;
- with `--with-claims`, also corroborate+claims: align_claims (spaCy parse and MiniLM embeddings,
  in its time) then summarise with those claims, as a report runs it;
- sumy LexRank, TextRank, Luhn, LSA over all the story's sentences (sumy gets our splitter and a
  regex word tokenizer, since its default needs NLTK data that cannot be downloaded here);
- lead: round-robin over the outlets, first sentences first.
Nothing is fitted on val: `--fit` fits the summary's weights on the 2,452 train stories and
picks its two selection constants by 3-fold cross-validation on them (see
`corroborate.summary.SummaryWeights`).
ROUGE-1/2/L F1 (rouge-score, Porter stemmer), mean over stories, x100. Runtime ratio is each
method's seconds over corroborate's, in this same run: story by story the methods take turns,
`--repeats` times, and each story counts each method's fastest run;
parsing the data and splitting sentences (the same for every method) and ROUGE scoring are
outside every timed region. `--quick` uses the first 30 val stories.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np

from _common import file_hash, print_table, require_data, write_results
from corroborate.claims import align_claims
from corroborate.nlp import Resources
from corroborate.records import Article, Paragraph
from corroborate.segment import segment_article, split_sentences
from corroborate.summary import SIGNALS, SummaryWeights, signals, summarise

_WORD = re.compile(r"\w+")
RIDGE = 1.0
SUMY = ("lexrank", "textrank", "luhn", "lsa")
Method = Callable[[list[Article], int], list[str]]


def parse_source(line: str, story: int) -> list[Article]:
    articles = []
    for k, part in enumerate(line.split("[SEP]")):
        title, _, body = part.partition("ARTICLE=>")
        body = body.strip()
        if not body:
            continue
        article = Article(
            id=f"n{story}-{k}",
            source=f"neus:{story}:{k}",
            text=body,
            title=title.replace("TITLE=>", "").strip() or None,
            paragraphs=[Paragraph(0, len(body))],
        )
        article.source_group = article.id
        segment_article(article)
        articles.append(article)
    return articles


def target_text(line: str) -> str:
    return line.partition("ARTICLE=>")[2].strip() or line.strip()


def sentence_count(text: str) -> int:
    return max(1, len(split_sentences(text, 0, len(text))))


class _Words:
    """A tokenizer for sumy: our sentence splitter and a regex for words (no NLTK data)."""

    language = "english"

    def to_sentences(self, text: str) -> list[str]:
        return [text[a:b] for a, b in split_sentences(text, 0, len(text))]

    def to_words(self, sentence: str) -> list[str]:
        return _WORD.findall(sentence)


def sumy_method(name: str) -> Method:
    from sumy.models.dom import ObjectDocumentModel
    from sumy.models.dom import Paragraph as SumyParagraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    kinds = {
        "lexrank": LexRankSummarizer,
        "textrank": TextRankSummarizer,
        "luhn": LuhnSummarizer,
        "lsa": LsaSummarizer,
    }
    summarizer = kinds[name](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    words = _Words()

    def run(articles: list[Article], count: int) -> list[str]:
        paragraphs = [
            SumyParagraph([SumySentence(s.text, words) for s in a.sentences]) for a in articles
        ]
        document = ObjectDocumentModel(paragraphs)
        return [str(s) for s in summarizer(document, count)]

    return run


def lead(articles: list[Article], count: int) -> list[str]:
    picked: list[str] = []
    depth = 0
    while len(picked) < count and any(depth < len(a.sentences) for a in articles):
        for article in articles:
            if depth < len(article.sentences) and len(picked) < count:
                picked.append(article.sentences[depth].text)
        depth += 1
    return picked


def ours(resources: Resources, *, with_claims: bool = False) -> Method:
    def run(articles: list[Article], count: int) -> list[str]:
        claims = align_claims(articles, resources) if with_claims else []
        return [s.text for s in summarise(articles, claims, resources, count=count)]

    return run


def evaluate(
    methods: dict[str, Method], stories: list[list[Article]], targets: list[str], repeats: int
) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """ROUGE of each method's picks, and its seconds: per story, the methods run in turn
    `repeats` times and each keeps its fastest run (the machine is shared: taking turns story by
    story exposes every method to the same load, and the fastest run is the least disturbed)."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    picks: dict[str, list[list[str]]] = {name: [] for name in methods}
    seconds = dict.fromkeys(methods, 0.0)
    for articles, target in zip(stories, targets, strict=True):
        count = sentence_count(target)
        fastest = dict.fromkeys(methods, float("inf"))
        picked: dict[str, list[str]] = {}
        for _ in range(repeats):
            for name, method in methods.items():
                started = time.perf_counter()
                picked[name] = method(articles, count)
                fastest[name] = min(fastest[name], time.perf_counter() - started)
        for name in methods:
            picks[name].append(picked[name])
            seconds[name] += fastest[name]
    scores: dict[str, dict[str, float]] = {}
    for name, picked_by_story in picks.items():
        totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
        for picked, target in zip(picked_by_story, targets, strict=True):
            result = scorer.score(target, " ".join(picked))
            for key in totals:
                totals[key] += result[key].fmeasure
        scores[name] = {key: 100 * value / len(stories) for key, value in totals.items()}
    return scores, seconds


def fit_weights(folder: Path) -> None:
    """Fit `SummaryWeights` on NeuS train only: the two selection constants by 3-fold
    cross-validation of ROUGE-1 + ROUGE-2 over the grid, then the signal weights on all of it."""
    stories, targets = load(folder, "train", None)
    tables, labels = _fit_rows(stories, targets)
    folds = [range(k, len(stories), 3) for k in range(3)]
    results: dict[tuple[float, float], float] = {}
    for target_words in (10.0, 15.0):
        for overlap in (0.2, 0.3, 0.4):
            total = 0.0
            for fold in folds:
                held = set(fold)
                rest = [i for i in range(len(stories)) if i not in held]
                weights = SummaryWeights(_ridge(tables, labels, rest), target_words, overlap)
                method = _with_weights(weights)
                scores, _ = evaluate(
                    {"fit": method}, [stories[i] for i in fold], [targets[i] for i in fold], 1
                )
                total += (scores["fit"]["rouge1"] + scores["fit"]["rouge2"]) * len(fold)
            mean = results[(target_words, overlap)] = total / len(stories)
            print(f"target_words {target_words:4.1f} overlap {overlap:4.2f}: R1+R2 {mean:.2f}")
    target_words, overlap = max(results, key=lambda k: results[k])
    fitted = _ridge(tables, labels, range(len(stories)))
    print(f"target_words = {target_words}, overlap = {overlap}")
    print("signals = (" + ", ".join(str(w) for w in fitted) + ")")


def _fit_rows(
    stories: list[list[Article]], targets: list[str]
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Each story's signal table and, per sentence, the ROUGE-1 + ROUGE-2 precision against its
    roundup: the share of the sentence's words and word pairs the roundup also uses."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    tables, labels = [], []
    for articles, target in zip(stories, targets, strict=True):
        sentences = [s for a in articles for s in a.sentences]
        tables.append(signals(articles, sentences)[0])
        scored = [scorer.score(target, s.text) for s in sentences]
        labels.append(np.array([r["rouge1"].precision + r["rouge2"].precision for r in scored]))
    return tables, labels


def _ridge(
    tables: list[np.ndarray], labels: list[np.ndarray], rows: Iterable[int]
) -> tuple[float, ...]:
    picked = list(rows)
    table = np.vstack([tables[i] for i in picked])
    label = np.concatenate([labels[i] for i in picked])
    ridge = table.T @ table + RIDGE * np.eye(len(SIGNALS))
    ridge[-1, -1] -= RIDGE  # the bias is not shrunk
    return tuple(round(float(w), 3) for w in np.linalg.solve(ridge, table.T @ label))


def _with_weights(weights: SummaryWeights) -> Method:
    resources = Resources()

    def run(articles: list[Article], count: int) -> list[str]:
        picked = summarise(articles, [], resources, count=count, weights=weights)
        return [s.text for s in picked]

    return run


def load(folder: Path, split: str, limit: int | None) -> tuple[list[list[Article]], list[str]]:
    sources = (folder / f"{split}.source").read_text(encoding="utf-8").splitlines()
    targets = (folder / f"{split}.target").read_text(encoding="utf-8").splitlines()
    pairs = list(zip(sources, targets, strict=True))[:limit]
    stories = [parse_source(source, i) for i, (source, _) in enumerate(pairs)]
    kept = [(s, target_text(t)) for s, (_, t) in zip(stories, pairs, strict=True) if s]
    return [s for s, _ in kept], [t for _, t in kept]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="first 30 val stories")
    parser.add_argument("--split", default="val", help="val (default) or train, for tuning")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument(
        "--repeats", type=int, default=3, help="timed runs per story; the fastest counts"
    )
    parser.add_argument(
        "--with-claims",
        action="store_true",
        help="also time summarise after align_claims (then one timed run per story)",
    )
    parser.add_argument("--fit", action="store_true", help="fit the weights on NeuS train")
    args = parser.parse_args()
    folder = require_data("summary", "neus")
    if folder is None:
        return
    if args.fit:
        fit_weights(folder)
        return
    limit = 30 if args.quick else args.limit
    stories, targets = load(folder, args.split, limit)
    resources = Resources()
    methods: dict[str, Method] = {"corroborate": ours(resources), "lead": lead}
    for name in SUMY:
        methods[name] = sumy_method(name)
    if args.with_claims:
        args.repeats = 1  # a second run would find the story's parses cached
        resources.embedder()
        resources.spacy()  # model loading is not summarising: load before timing
        methods["corroborate+claims"] = ours(resources, with_claims=True)
    scores, seconds = evaluate(methods, stories, targets, args.repeats)
    base = seconds["corroborate"]
    rows = [
        (name, s["rouge1"], s["rouge2"], s["rougeL"], seconds[name] / base)
        for name, s in scores.items()
    ]
    print_table(
        f"NeuS {args.split}: {len(stories)} stories",
        ("method", "ROUGE-1", "ROUGE-2", "ROUGE-L", "time vs ours"),
        rows,
    )
    sumy_ratio = min(seconds[name] / base for name in SUMY)
    print(
        f"corroborate: {base:.2f} s for {len(stories)} stories (fastest of {args.repeats} runs "
        f"per story; the fastest sumy method took {sumy_ratio:.2f}x as long; loaded machine)"
    )
    ours_scores = scores.pop("corroborate")
    figures = {
        **ours_scores,
        "seconds_per_story": base / len(stories),
        "fastest_sumy_time_ratio": sumy_ratio,
    }
    peers = {name: {**s, "time_ratio_vs_ours": seconds[name] / base} for name, s in scores.items()}
    notes = [f"{args.split} stories: {len(stories)}", "ROUGE F1 x100, rouge-score with stemmer"]
    write_results(
        "summary",
        figures,
        peers=peers,
        notes=notes,
        extra={"data": {"neus": file_hash(folder)}, "quick": args.quick, "split": args.split},
    )


if __name__ == "__main__":
    main()
