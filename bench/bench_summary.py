"""Multi-outlet summary on NeuS val: ROUGE against the neutral AllSides roundups.

Data: ../shared/data/neus/val.source and val.target (307 stories; each source line joins the
left/centre/right outlets' excerpts, the target is the neutral roundup). Every method picks as
many sentences as the roundup has (split by the project's sentence splitter) from the same
articles, split by the same splitter:
- corroborate: align_claims + summarise (spaCy parse and MiniLM embeddings included in its time);
- sumy LexRank, TextRank, Luhn, LSA over all the story's sentences (sumy gets our splitter and a
  regex word tokenizer, since its default needs NLTK data that cannot be downloaded here);
- lead: round-robin over the outlets, first sentences first.
Nothing is fitted on val: the summary's weights were set by looking at NeuS *train* lines only.
ROUGE-1/2/L F1 (rouge-score, Porter stemmer), mean over stories, x100. Runtime ratio is each
method's seconds over corroborate's, in this same run. `--quick` uses the first 30 val stories.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from pathlib import Path

from _common import file_hash, print_table, require_data, write_results
from corroborate.claims import align_claims
from corroborate.nlp import Resources
from corroborate.records import Article, Paragraph
from corroborate.segment import segment_article, split_sentences
from corroborate.summary import summarise

_WORD = re.compile(r"\w+")
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


def ours(resources: Resources) -> Method:
    def run(articles: list[Article], count: int) -> list[str]:
        claims = align_claims(articles, resources)
        return [s.text for s in summarise(articles, claims, resources, count=count)]

    return run


def evaluate(
    methods: dict[str, Method], stories: list[list[Article]], targets: list[str]
) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    scores: dict[str, dict[str, float]] = {}
    seconds: dict[str, float] = {}
    for name, method in methods.items():
        totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
        elapsed = 0.0
        for articles, target in zip(stories, targets, strict=True):
            started = time.perf_counter()
            picked = method(articles, sentence_count(target))
            elapsed += time.perf_counter() - started
            result = scorer.score(target, " ".join(picked))
            for key in totals:
                totals[key] += result[key].fmeasure
        scores[name] = {key: 100 * value / len(stories) for key, value in totals.items()}
        seconds[name] = elapsed
    return scores, seconds


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
    args = parser.parse_args()
    folder = require_data("summary", "neus")
    if folder is None:
        return
    limit = 30 if args.quick else args.limit
    stories, targets = load(folder, args.split, limit)
    resources = Resources()
    resources.embedder()
    resources.spacy()  # model loading is not summarising: load before timing
    methods: dict[str, Method] = {"corroborate": ours(resources), "lead": lead}
    for name in ("lexrank", "textrank", "luhn", "lsa"):
        methods[name] = sumy_method(name)
    scores, seconds = evaluate(methods, stories, targets)
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
    print(f"corroborate: {base:.1f} s for {len(stories)} stories (loaded machine)")
    ours_scores = scores.pop("corroborate")
    figures = {**ours_scores, "seconds_per_story": base / len(stories)}
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
