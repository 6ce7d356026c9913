"""Multi-outlet summary on NeuS val: ROUGE against the neutral AllSides roundups.

Data: ../shared/data/neus/val.source and val.target (307 stories; each source line joins the
left/centre/right outlets' excerpts, the target is the neutral roundup). Every method picks as
many sentences as the roundup has (split by the project's sentence splitter) from the same
articles, split by the same splitter:
- corroborate: `summarise` without claims, as timed: tokenising, the word model's features
  and chances, TF-IDF for near repeats, and the greedy selection; no model is loaded;
- with `--with-claims`, also corroborate+claims: align_claims (spaCy parse and MiniLM embeddings,
  in its time) then summarise with those claims, as a report runs it;
- sumy LexRank, TextRank, Luhn, LSA over all the story's sentences (sumy gets our splitter and a
  regex word tokenizer, since its default needs NLTK data that cannot be downloaded here);
- lead: round-robin over the outlets, first sentences first.
Nothing is fitted on val; decide changes on train with `--cv` (3-fold, story by story, paired
against an earlier run's `--cv-save`). `--fit` fits the summary's word lexicon and word model
on the 2,452 train stories and picks its two selection constants by 3-fold cross-validation on
them (see `corroborate.summary.SummaryWeights` and `corroborate.summary.words`).
`--claims-cost N` scores the report's summary (after align_claims) against summarise alone on
every Nth train story, paired, with the `--cv` fold models (what the claims steps cost).
ROUGE-1/2/L F1 (rouge-score, Porter stemmer), mean over stories, x100. Runtime ratio is each
method's seconds over corroborate's, in this same run: story by story the methods take turns,
`--repeats` times, and each story counts each method's fastest run; wall-clock seconds and
this process's CPU seconds are both kept (on a loaded machine the CPU ratio is the steadier);
parsing the data and splitting sentences (the same for every method) and ROUGE scoring are
outside every timed region. `--quick` uses the first 30 val stories.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np

from _common import file_hash, print_table, require_data, write_results
from corroborate.claims import align_claims
from corroborate.nlp import Resources
from corroborate.records import Article, Paragraph
from corroborate.segment import segment_article, split_sentences
from corroborate.summary import SummaryWeights, sentence_sources, summarise, word_rows
from corroborate.summary.words import PRIOR_FILE, Prior, tokens

_WORD = re.compile(r"\w+")
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
    return _with_weights(SummaryWeights(), resources, with_claims=with_claims)


def evaluate(
    methods: dict[str, Method], stories: list[list[Article]], targets: list[str], repeats: int
) -> tuple[dict[str, dict[str, float]], dict[str, float], dict[str, float]]:
    """ROUGE of each method's picks, and its seconds: per story, the methods run in turn
    `repeats` times and each keeps its fastest run (the machine is shared: taking turns story by
    story exposes every method to the same load, and the fastest run is the least disturbed)."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    picks: dict[str, list[list[str]]] = {name: [] for name in methods}
    seconds = dict.fromkeys(methods, 0.0)
    cpu = dict.fromkeys(methods, 0.0)
    for articles, target in zip(stories, targets, strict=True):
        count = sentence_count(target)
        fastest = dict.fromkeys(methods, float("inf"))
        least = dict.fromkeys(methods, float("inf"))
        picked: dict[str, list[str]] = {}
        for _ in range(repeats):
            for name, method in methods.items():
                started, processed = time.perf_counter(), time.process_time()
                picked[name] = method(articles, count)
                fastest[name] = min(fastest[name], time.perf_counter() - started)
                least[name] = min(least[name], time.process_time() - processed)
        for name in methods:
            picks[name].append(picked[name])
            seconds[name] += fastest[name]
            cpu[name] += least[name]
    scores: dict[str, dict[str, float]] = {}
    for name, picked_by_story in picks.items():
        totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
        for picked, target in zip(picked_by_story, targets, strict=True):
            result = scorer.score(target, " ".join(picked))
            for key in totals:
                totals[key] += result[key].fmeasure
        scores[name] = {key: 100 * value / len(stories) for key, value in totals.items()}
    return scores, seconds, cpu


def fit_weights(folder: Path) -> None:
    """Fit `SummaryWeights` and the word lexicon on NeuS train only: the two selection
    constants by 3-fold cross-validation of ROUGE-1 + ROUGE-2 over the grid (lexicon and word
    model refitted on each fold's other two thirds), then lexicon and model on all of it."""
    stories, targets = load(folder, "train", None)
    rows = [_StoryWords(a, t) for a, t in zip(stories, targets, strict=True)]
    folds = _folds(len(stories))
    results: dict[tuple[float, float], float] = {}
    parts: dict[tuple[float, float], list[float]] = {}
    for fold in folds:
        held = set(fold)
        rest = [rows[i] for i in range(len(rows)) if i not in held]
        prior, words = _fit_words(rest)
        for target_words, decay in GRID:
            weights = SummaryWeights(words, target_words, decay, prior)
            scores, _, _ = evaluate(
                {"fit": _with_weights(weights)},
                [stories[i] for i in fold],
                [targets[i] for i in fold],
                1,
            )
            score = (scores["fit"]["rouge1"] + scores["fit"]["rouge2"]) * len(fold)
            results[(target_words, decay)] = results.get((target_words, decay), 0.0) + score
            both = parts.setdefault((target_words, decay), [0.0, 0.0])
            both[0] += scores["fit"]["rouge1"] * len(fold) / len(rows)
            both[1] += scores["fit"]["rouge2"] * len(fold) / len(rows)
    for (target_words, decay), total in results.items():
        r1, r2 = parts[(target_words, decay)]
        print(
            f"target_words {target_words:4.1f} decay {decay:4.2f}: CV R1+R2 {total / len(rows):.2f}"
            f" (R1 {r1:.2f}, R2 {r2:.2f})"
        )
    target_words, decay = max(results, key=lambda k: results[k])
    prior, words = _fit_words(rows)
    PRIOR_FILE.write_text("\n".join(prior.lines()) + "\n", encoding="utf-8")
    print(f"wrote {PRIOR_FILE} ({len(prior.log_odds)} words)")
    print(f"target_words = {target_words}, decay = {decay}")
    print("words = (" + ", ".join(f"{w:.3f}" for w in words) + ")")


GRID = [(t, d) for t in (12.0, 15.0, 18.0) for d in (0.4, 0.5, 0.6)]
FOLDS = 3


def _folds(stories: int) -> list[list[int]]:
    """Train's cross-validation folds: every third story, so each fold spans the whole file."""
    return [list(range(k, stories, FOLDS)) for k in range(FOLDS)]


def cross_validate(
    folder: Path, save: Path | None, against: Path | None, changes: dict[str, float]
) -> None:
    """Train 3-fold CV of the summary as shipped, story by story, to decide a change on.

    Per fold, the lexicon and word model are refitted on the other two thirds (as `--fit`
    does) and the selection's constants are the shipped ones. Each story's ROUGE-1/2 go to
    `save` (.npy); with `against` (an earlier run's file) the paired difference and its
    standard error are printed: two methods differ on train far less than val's noise can show.
    `changes`: selection constants to try instead of the shipped ones (`--set`)."""
    stories, targets = load(folder, "train", None)
    rows = [_StoryWords(a, t) for a, t in zip(stories, targets, strict=True)]
    shipped = replace(SummaryWeights(), **changes)
    scores = np.zeros((2, len(stories)))
    for fold in _folds(len(stories)):
        held = set(fold)
        prior, words = _fit_words([r for k, r in enumerate(rows) if k not in held])
        fitted = replace(shipped, words=words, prior=prior)
        method = _with_weights(fitted)
        scores[:, fold] = story_scores(
            method, [stories[i] for i in fold], [targets[i] for i in fold]
        )
    print(
        f"train {FOLDS}-fold CV, {len(stories)} stories: R1 {scores[0].mean():.2f}, "
        f"R2 {scores[1].mean():.2f}"
    )
    if against is not None:
        paired(scores, np.load(against), against.name)
    if save is not None:
        np.save(save, scores)
        print(f"per-story scores written: {save}")


def paired(scores: np.ndarray, earlier: np.ndarray, name: str) -> None:
    """The paired difference, story by story, of ROUGE-1/2 rows from `earlier`'s, with its SE."""
    for rouge, now, then in zip(("R1", "R2"), scores, earlier, strict=True):
        change = now - then
        error = change.std(ddof=1) / np.sqrt(len(change))
        print(
            f"  {rouge} vs {name}: {change.mean():+.3f} (SE {error:.3f}), "
            f"{int((change != 0).sum())} stories changed"
        )


def claims_cost(folder: Path, every: int) -> None:
    """What the report's summary (after align_claims) costs against summarise alone, on every
    `every`-th train story, paired, each fold with its refitted word model (as `--cv`).

    Both run the same weights on the same stories; the claims stage (spaCy and MiniLM, about
    0.35 CPU s a story) is why this is a sample: on the whole of train it takes too long."""
    stories, targets = load(folder, "train", None)
    rows = [_StoryWords(a, t) for a, t in zip(stories, targets, strict=True)]
    resources = Resources()
    sample = [k for k in range(len(stories)) if k % every == 0]
    scores = np.zeros((2, 2, len(stories)))  # summarise alone, with claims; R1, R2; story
    for fold in _folds(len(stories)):
        held = set(fold)
        prior, words = _fit_words([r for k, r in enumerate(rows) if k not in held])
        weights = replace(SummaryWeights(), words=words, prior=prior)
        chosen = [k for k in fold if k % every == 0]
        subset = [stories[k] for k in chosen], [targets[k] for k in chosen]
        for mode, method in enumerate(
            (_with_weights(weights), _with_weights(weights, resources, with_claims=True))
        ):
            scores[mode][:, chosen] = story_scores(method, *subset)
    alone, claims = scores[0][:, sample], scores[1][:, sample]
    print(
        f"train, every {every}th story ({len(sample)}): alone R1 {alone[0].mean():.2f}, "
        f"R2 {alone[1].mean():.2f}; with claims R1 {claims[0].mean():.2f}, "
        f"R2 {claims[1].mean():.2f}"
    )
    paired(claims, alone, "summarise alone")


def story_scores(method: Method, stories: list[list[Article]], targets: list[str]) -> np.ndarray:
    """ROUGE-1 and ROUGE-2 F1 (x100) of each story's picks: two rows, one column per story."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    scores = np.zeros((2, len(stories)))
    for k, (articles, target) in enumerate(zip(stories, targets, strict=True)):
        result = scorer.score(target, " ".join(method(articles, sentence_count(target))))
        scores[:, k] = result["rouge1"].fmeasure * 100, result["rouge2"].fmeasure * 100
    return scores


PRIOR_PARTS = 4  # cross-fitting: each story's lexicon features come from the other parts


class _StoryWords:
    """One train story's sentences, their sources and words, and the roundup's words."""

    def __init__(self, articles: list[Article], target: str) -> None:
        self.articles = articles
        self.sentences = [s for a in articles for s in a.sentences]
        self.source = sentence_sources(articles, self.sentences)
        self.used = Counter(set(tokens(" ".join(s.text for s in self.sentences))))
        self.roundup = set(tokens(target))

    def table(self, prior: Prior) -> tuple[np.ndarray, np.ndarray]:
        words = word_rows(self.articles, self.sentences, self.source, prior)
        return words.table, np.array([w in self.roundup for w in words.vocabulary], dtype=float)


def _fit_words(rows: list[_StoryWords]) -> tuple[Prior, tuple[float, ...]]:
    """The lexicon over `rows`, and the word model's coefficients fitted on them.

    A story's lexicon feature must not have seen its own roundup (the model would learn to
    trust the lexicon too much): cross-fitting, each part's from the other parts' counts."""
    from sklearn.linear_model import LogisticRegression

    tables, labels = [], []
    for part in range(PRIOR_PARTS):
        others = [r for k, r in enumerate(rows) if k % PRIOR_PARTS != part]
        prior = _prior(others)
        for row in rows[part::PRIOR_PARTS]:
            table, label = row.table(prior)
            tables.append(table)
            labels.append(label)
    model = LogisticRegression(C=1.0, max_iter=2000, fit_intercept=False)
    model.fit(np.vstack(tables), np.concatenate(labels))  # the bias is a feature
    return _prior(rows), tuple(round(float(w), 3) for w in model.coef_[0])


def _prior(rows: list[_StoryWords]) -> Prior:
    used: Counter[str] = Counter()
    kept: Counter[str] = Counter()
    for row in rows:
        used.update(row.used)
        kept.update(w for w in row.used if w in row.roundup)
    return Prior.from_counts(used, kept)


def _with_weights(
    weights: SummaryWeights, resources: Resources | None = None, *, with_claims: bool = False
) -> Method:
    resources = resources or Resources()

    def run(articles: list[Article], count: int) -> list[str]:
        claims = align_claims(articles, resources) if with_claims else []
        picked = summarise(articles, claims, resources, count=count, weights=weights)
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
    parser.add_argument(
        "--cv", action="store_true", help="train 3-fold CV of the shipped model, per story"
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="with --cv: a selection constant instead of the shipped one (decay=0.5)",
    )
    parser.add_argument(
        "--claims-cost",
        type=int,
        metavar="N",
        help="every Nth train story: the report's summary (with claims) against summarise alone",
    )
    parser.add_argument("--cv-save", type=Path, help="with --cv: write per-story scores (.npy)")
    parser.add_argument(
        "--cv-against", type=Path, help="with --cv: paired difference from an earlier --cv-save"
    )
    args = parser.parse_args()
    folder = require_data("summary", "neus")
    if folder is None:
        return
    if args.fit:
        fit_weights(folder)
        return
    if args.claims_cost:
        claims_cost(folder, args.claims_cost)
        return
    if args.cv:
        changes = {k: float(v) for k, _, v in (c.partition("=") for c in args.set)}
        constants = ("target_words", "decay")
        if unknown := set(changes) - set(constants):
            parser.error(f"--set {sorted(unknown)}: the selection constants are {constants}")
        cross_validate(folder, args.cv_save, args.cv_against, changes)
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
    scores, seconds, cpu = evaluate(methods, stories, targets, args.repeats)
    base, base_cpu = seconds["corroborate"], cpu["corroborate"]
    rows = [
        (name, s["rouge1"], s["rouge2"], s["rougeL"], seconds[name] / base, cpu[name] / base_cpu)
        for name, s in scores.items()
    ]
    print_table(
        f"NeuS {args.split}: {len(stories)} stories",
        ("method", "ROUGE-1", "ROUGE-2", "ROUGE-L", "time vs ours", "CPU vs ours"),
        rows,
    )
    sumy_ratio = min(seconds[name] / base for name in SUMY)
    sumy_cpu = min(cpu[name] / base_cpu for name in SUMY)
    print(
        f"corroborate: {base:.2f} s, {base_cpu:.2f} CPU s for {len(stories)} stories (fastest of "
        f"{args.repeats} runs per story; the fastest sumy method took {sumy_ratio:.2f}x as long, "
        f"{sumy_cpu:.2f}x the CPU; loaded machine)"
    )
    ours_scores = scores.pop("corroborate")
    figures = {
        **ours_scores,
        "seconds_per_story": base / len(stories),
        "fastest_sumy_time_ratio": sumy_ratio,
        "cpu_seconds_per_story": base_cpu / len(stories),
        "fastest_sumy_cpu_ratio": sumy_cpu,
    }
    peers = {
        name: {
            **s,
            "time_ratio_vs_ours": seconds[name] / base,
            "cpu_ratio_vs_ours": cpu[name] / base_cpu,
        }
        for name, s in scores.items()
    }
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
