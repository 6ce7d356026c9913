"""Direct quotes and their speakers on PolNeAR, beside textacy's `direct_quotations`.

Data: ../shared/data/polnear/<part>/text/*.txt and attributions/*.ann (brat standoff). An
article annotated by several people has one .ann per annotator: the first in name order is
used. Gold quotes are the `Content` spans that carry a quotation mark (a double mark or
guillemet anywhere; a single mark only where it is no apostrophe inside a word).

Counting (the same for both systems):
- a prediction is the quoted words of one mention, as pieces (several for "A," he said, "B.");
  a gold Content may be discontinuous too. Overlap = characters shared by the two piece sets.
- a prediction and a gold Content match when the overlap is at least half of the shorter of
  the two (a partial quote inside a long reported-speech Content matches it).
- precision = predictions that match some gold / predictions; recall = golds that match some
  prediction / golds. So "A," he said, "B." predicted as two quotes counts two true positives
  for one gold, and as one quote counts one: pieces are never penalised twice.
- speaker accuracy, over predictions matched to a gold Content that has a Source: the speaker
  as written overlaps the Source span, or the resolved name's surname is a word of the Source
  (a Source ending in a possessive, "Mr. Comey's", also has its owner's surname).
  A Source that is a relative pronoun ("Mr. Scott, who has called it ...") also accepts the
  speaker phrase ending right before it (at most ", " between), for both systems.
  A prediction is scored against the gold it overlaps most (the smallest gold on ties, so a
  quote nested in another's speech is scored against its own speaker).

Both systems read the same spaCy parses of the same paragraphs (every non-empty line is one
paragraph, no cleaning, so gold offsets stay comparable); parse time is timed once and counted
in both systems' articles per second. The parse is timed two ways in the same run: batched over
all articles (`Resources.parse_all`, what the pipeline does) and one `pipe` call per article.
textacy gives up on a whole text when quotation marks are unbalanced, so it runs per paragraph.
Throughput is given in wall time and in CPU seconds of this process (`articles_per_cpu_s`:
what one free core would give; the machine this was developed on is shared and loaded).
`--processes N` also times the same parse with `nlp.pipe(n_process=N)` in the same run, with
the CPU of all processes together over the one-process parse's (`parse_cpu_ratio_N_processes`).
`--profile-parse` adds the CPU ms per article of the tokenizer and each spaCy component.
`--against-stock` also parses the same paragraphs with the stock spaCy pipeline (no
`parse_speed`) in the same run: its CPU ms per article, ours over it, and the tokens whose
annotation differs between the two (tag, POS, morphology, lemma, dependency, head, entity).
Speaker errors are broken down by what the gold Source is (a pronoun, the cue word, other).
The quotes' outer sources ("via": "according to X", "told the BBC") are scored apart, never in
the speaker accuracy (`_quotes_via.py`); `--vias` prints each via found.
`--quick`: the first 25 dev articles. `--part train` measures the train part instead;
`--offset N --limit M` a slice of it; `--errors` prints every speaker error.
`--learned`: the learned speaker ranker (`quotes.ranker`, off by default) after the rules.
`--candidates`: the learned-choice study instead of the scores: every speaker the rules could
propose for each matched quote (`quotes.candidates`), labelled right or wrong as
the scorer would, and a logistic regression choosing among them, 5-fold cross-validated by
article; it prints the rules' accuracy on those quotes, the model's, and the best any choice
could do.
`--fold tuning|held-out`: all but every fifth article of the part, or every fifth (index % 5
== 4 in name order), held out from tuning since session 3 (train: `--errors` needs
`--fold tuning`; some held-out train articles were looked at in sessions 1 and 2)."""

from __future__ import annotations

import argparse
import re
import resource
import time
from typing import Any

from _common import file_hash, print_table, require_data, write_results
from _polnear import (
    Gold,
    Prediction,
    as_article,
    length,
    load,
    matches,
    shared,
    speaker_right,
)
from _quotes_candidates import candidate_rows, candidate_study
from _quotes_via import is_outer, relations_of, via_figures, via_lines
from corroborate.nlp import PARSE_BATCH, Resources
from corroborate.quotes import find_quotes
from corroborate.records import Article
from corroborate.settings import Settings

NAME = "quotes"
QUICK_ARTICLES = 25


LEARNED = {"on": False}  # --learned: the rule order, then the learned ranker


def corroborate_predictions(article: Article, resources: Resources) -> list[Prediction]:
    out = []
    for quote in find_quotes([article], resources, learned=LEARNED["on"]):
        for m in quote.mentions:
            if not m.direct:
                continue
            speaker = [] if m.speaker_start is None else [(m.speaker_start, m.speaker_end or 0)]
            pieces = [(s, e) for s, e in m.pieces]
            via = [] if m.via_start is None else [(m.via_start, m.via_end or 0)]
            how = via_form(article.text, via[0]) if via else None
            out.append(Prediction(pieces, speaker, quote.speaker, m.attribution, via, how))
    return out


def textacy_predictions(article: Article, resources: Resources) -> list[Prediction]:
    from textacy.extract.triples import direct_quotations

    out = []
    for paragraph, doc in resources.paragraph_docs(article):
        try:
            triples = list(direct_quotations(doc))
        except (ValueError, IndexError):
            continue  # unbalanced quotation marks in this paragraph
        for triple in triples:
            content = triple.content
            pieces = [(paragraph.start + content.start_char, paragraph.start + content.end_char)]
            speaker = [
                (paragraph.start + t.idx, paragraph.start + t.idx + len(t)) for t in triple.speaker
            ]
            out.append(Prediction(pieces, speaker, None))
    return out


def score(predictions: list[list[Prediction]], golds: list[list[Gold]]) -> dict[str, float]:
    tp_pred = n_pred = tp_gold = n_gold = speaker_ok = speaker_n = 0
    for preds, gold in zip(predictions, golds, strict=True):
        n_pred += len(preds)
        n_gold += len(gold)
        tp_gold += sum(any(matches(p.content, g.content) for p in preds) for g in gold)
        for pred in preds:
            hits = [g for g in gold if matches(pred.content, g.content)]
            if not hits:
                continue
            tp_pred += 1
            best = max(hits, key=lambda g: (shared(pred.content, g.content), -length(g.content)))
            if best.source:
                speaker_n += 1
                speaker_ok += speaker_right(pred, best)
    precision = tp_pred / n_pred if n_pred else 0.0
    recall = tp_gold / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "quote_precision": precision,
        "quote_recall": recall,
        "quote_f1": f1,
        "speaker_accuracy": speaker_ok / speaker_n if speaker_n else 0.0,
        "predicted": float(n_pred),
        "gold": float(n_gold),
        "speaker_scored": float(speaker_n),
    }


def speaker_verdicts(
    predictions: list[list[Prediction]], golds: list[list[Gold]]
) -> dict[tuple[int, int], bool]:
    """(article, gold) -> whether the first prediction scored against that gold names its
    speaker right; only golds with a Source."""
    verdicts: dict[tuple[int, int], bool] = {}
    for a, (preds, gold) in enumerate(zip(predictions, golds, strict=True)):
        for pred in preds:
            hits = [g for g, item in enumerate(gold) if matches(pred.content, item.content)]
            if not hits:
                continue
            best = max(
                hits,
                key=lambda g: (shared(pred.content, gold[g].content), -length(gold[g].content)),
            )
            if gold[best].source and (a, best) not in verdicts:
                verdicts[a, best] = speaker_right(pred, gold[best])
    return verdicts


def speaker_on_shared(
    ours: list[list[Prediction]], peer: list[list[Prediction]], golds: list[list[Gold]]
) -> tuple[float, float, int]:
    """Both systems' speaker accuracy over the gold quotes that both found (a fair comparison:
    each system's own figure is over the quotes it found, and the peer finds the easy ones)."""
    mine, theirs = speaker_verdicts(ours, golds), speaker_verdicts(peer, golds)
    both = sorted(set(mine) & set(theirs))
    if not both:
        return 0.0, 0.0, 0
    return (
        sum(mine[k] for k in both) / len(both),
        sum(theirs[k] for k in both) / len(both),
        len(both),
    )


PRONOUN_SOURCES = frozenset(
    "he she it they i we you his her its their him them me us our my who which that".split()
)
CUE_SOURCES = frozenset("said says say told tells added according".split())


def speaker_errors(preds: list[Prediction], gold: list[Gold]) -> list[tuple[Prediction, Gold]]:
    """The matched predictions of one article whose speaker is wrong, each with its gold."""
    wrong = []
    for pred in preds:
        hits = [g for g in gold if matches(pred.content, g.content)]
        if not hits:
            continue
        best = max(hits, key=lambda g: (shared(pred.content, g.content), -length(g.content)))
        if best.source and not speaker_right(pred, best):
            wrong.append((pred, best))
    return wrong


def best_gold(pred: Prediction, gold: list[Gold]) -> Gold | None:
    """The gold a matched prediction is scored against: the one it overlaps most (the
    smallest on ties); None when it matches none."""
    hits = [g for g in gold if matches(pred.content, g.content)]
    if not hits:
        return None
    return max(hits, key=lambda g: (shared(pred.content, g.content), -length(g.content)))


def via_form(text: str, via: tuple[int, int]) -> str:
    """The form of a via, read from the words before and after it (the record keeps none)."""
    before, after = text[max(0, via[0] - 40) : via[0]].lower(), text[via[1] : via[1] + 12]
    for form, pattern in VIA_FORMS:
        if re.search(pattern, before) or (form == "reported" and re.match(r"\s*report", after)):
            return form
    return "in"


VIA_FORMS = (
    ("according-to", r"according to\s*$"),
    ("reported", r"report(?:s|ed)(?: by)?\s*$"),
    ("told", r"\bt(?:old|ells?|elling)\s*$"),
    ("interview", r"\b(?:with|to)\W*$"),
    ("on", r"\bon\s*$"),
)


# A gold Source written as the outer source of a report: "..., O'Malley said, according to
# the Las Vegas Sun", "..., reports USA Today", "..., CNN reported" (`_quotes_via.is_outer`).
# PolNeAR marks the outer source; we name the person quoted (who said the words) and give the
# outer source as the quote's via, so these count wrong as speakers by design.


def error_class(pred: Prediction, best: Gold, text: str) -> str:
    """What kind of speaker error: the gold Source is a pronoun (scorable only when our
    speaker as written overlaps that very pronoun: the gold gives no antecedent, so a right
    name counts wrong), a cue word ("said": an annotation slip), an outer source ("according
    to X", "X reported"), we found no speaker, or anything else."""
    source = best.source_text.strip().lower()
    if source in PRONOUN_SOURCES:
        return "pronoun"
    if source in CUE_SOURCES:
        return "cue_word"
    if is_outer(best.source, text):
        return "outer_source"
    return "other" if pred.speaker else "no_speaker"


def speaker_error_classes(
    predictions: list[list[Prediction]], golds: list[list[Gold]], texts: list[str]
) -> dict[str, float]:
    """Speaker errors counted by `error_class`."""
    counts = {"pronoun": 0, "cue_word": 0, "outer_source": 0, "other": 0, "no_speaker": 0}
    for preds, gold, text in zip(predictions, golds, texts, strict=True):
        for pred, best in speaker_errors(preds, gold):
            counts[error_class(pred, best, text)] += 1
    return {f"speaker_errors_{k}": float(v) for k, v in counts.items()}


def print_speaker_errors(
    items: list[tuple[str, str, list[Gold]]],
    predictions: list[list[Prediction]],
    golds: list[list[Gold]],
) -> None:
    """One line per matched quote whose speaker is wrong, sorted by class: class, article,
    quote, gold, ours."""
    lines = []
    for (stem, text, _), preds, gold in zip(items, predictions, golds, strict=True):
        for pred, best in speaker_errors(preds, gold):
            quote = " ".join(text[s:e] for s, e in pred.content).replace("\n", " ")
            said = " ".join(text[s:e] for s, e in pred.speaker)
            kind = error_class(pred, best, text)
            lines.append(
                f"SPEAKER [{kind}] {stem} @{pred.content[0][0]} gold={best.source_text!r} "
                f"ours={said!r} name={pred.name!r} how={pred.how} | {quote[:90]!r}"
            )
    print("\n".join(sorted(lines)))


def timed_parallel_parse(
    nlp: Any, articles: list[Article], processes: int
) -> tuple[float, float] | None:
    """Wall seconds to parse the same paragraphs with `processes` worker processes, and the
    CPU seconds of this process and its workers together (what the parse costs in all)."""
    if processes < 2:
        return None
    texts = _paragraph_texts(articles)
    began, cpu = time.perf_counter(), _cpu_with_children()
    list(nlp.pipe(texts, batch_size=PARSE_BATCH, n_process=processes))
    return time.perf_counter() - began, _cpu_with_children() - cpu


def _cpu_with_children() -> float:
    """CPU seconds of this process and of its children that have ended."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _paragraph_texts(articles: list[Article]) -> list[str]:
    return list(dict.fromkeys(a.text[p.start : p.end] for a in articles for p in a.paragraphs))


def parse_profile(nlp: Any, articles: list[Article]) -> dict[str, float]:
    """CPU ms per article of the tokenizer and of each spaCy component, run one after another
    over the articles' paragraphs: where the parse time goes (every stage reads all of it:
    quotes the parse and PERSON names, figures the number entities, claims the lemmas)."""
    texts = _paragraph_texts(articles)
    cpu = time.process_time()
    docs = [nlp.make_doc(text) for text in texts]
    spent = {"tokenizer": time.process_time() - cpu}
    for name, component in nlp.pipeline:
        cpu = time.process_time()
        docs = list(component.pipe(docs, batch_size=PARSE_BATCH))
        spent[name] = time.process_time() - cpu
    return {f"parse_cpu_ms_{k}": 1000 * v / len(articles) for k, v in spent.items()}


def _annotations(docs: list[Any]) -> list[tuple[Any, ...]]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
        for doc in docs
        for t in doc
    ]


def against_stock(
    articles: list[Article], resources: Resources, parse_cpu_s: float
) -> dict[str, float]:
    """The stock pipeline's parse of the same paragraphs, timed in this run, beside ours."""
    stock = Resources(Settings(fast_parse=False))
    list(stock.spacy().pipe(["A warm-up sentence, said the bench."] * 8))
    cpu = time.process_time()
    stock.parse_all(articles)
    stock_cpu_s = time.process_time() - cpu
    ours = _annotations([d for a in articles for _, d in resources.paragraph_docs(a)])
    theirs = _annotations([d for a in articles for _, d in stock.paragraph_docs(a)])
    return {
        "stock_parse_cpu_ms_per_article": 1000 * stock_cpu_s / len(articles),
        "parse_cpu_ratio_to_stock": parse_cpu_s / stock_cpu_s,
        "stock_parse_tokens_differing": float(
            sum(a != b for a, b in zip(ours, theirs, strict=True))
        ),
    }


def run(
    system: Any, articles: list[Article], resources: Resources
) -> tuple[list[Any], float, float]:
    """The system's output, wall seconds and CPU seconds."""
    began, cpu = time.perf_counter(), time.process_time()
    out = [system(article, resources) for article in articles]
    return out, time.perf_counter() - began, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"first {QUICK_ARTICLES} articles")
    parser.add_argument("--part", default="dev", choices=["dev", "train"])
    parser.add_argument("--limit", type=int, help="only N articles of the part")
    parser.add_argument("--offset", type=int, default=0, help="skip the first N articles")
    parser.add_argument("--errors", action="store_true", help="print every speaker error")
    parser.add_argument("--vias", action="store_true", help="print every via found")
    parser.add_argument(
        "--fold",
        default="all",
        choices=["all", "tuning", "held-out"],
        help="every article, all but every fifth (tuning) or every fifth (held-out)",
    )
    parser.add_argument(
        "--candidates", action="store_true", help="the learned speaker-choice study (see above)"
    )
    parser.add_argument(
        "--learned", action="store_true", help="the learned ranker after the rule order"
    )
    parser.add_argument(
        "--profile-parse", action="store_true", help="CPU time of each spaCy component"
    )
    parser.add_argument(
        "--against-stock", action="store_true", help="also time the stock spaCy parse (above)"
    )
    parser.add_argument(
        "--processes",
        type=int,
        default=0,
        help="also time the parse with nlp.pipe(n_process=N) in the same run",
    )
    args = parser.parse_args()
    LEARNED["on"] = args.learned
    held_out = args.fold == "held-out" or (args.part == "train" and args.fold == "all")
    if (args.errors or args.vias) and held_out:
        parser.error("--errors/--vias never show held-out train articles: add --fold tuning")
    part_dir = require_data(NAME, "polnear", args.part)
    if part_dir is None:
        return
    items = load(part_dir, QUICK_ARTICLES if args.quick else args.limit, args.offset, args.fold)
    articles = [as_article(stem, text) for stem, text, _ in items]
    golds = [gold for _, _, gold in items]
    resources = Resources()
    nlp = resources.spacy()  # model load is not part of any system's time
    list(nlp.pipe(["A warm-up sentence, said the bench."] * 8))
    # The parse two ways in the same run: one `pipe` call per article (as the stages did when
    # each asked `paragraph_docs` in turn) and one batched call for all (`parse_all`).
    began = time.perf_counter()
    with resources.one_blas_thread():
        for article in articles:
            paragraphs = [article.text[p.start : p.end] for p in article.paragraphs]
            list(nlp.pipe(paragraphs, batch_size=64))
    per_article_s = time.perf_counter() - began
    began, cpu = time.perf_counter(), time.process_time()
    resources.parse_all(articles)
    parse_s, parse_cpu_s = time.perf_counter() - began, time.process_time() - cpu
    if args.candidates:
        study = candidate_study(candidate_rows(articles, golds, resources))
        print("\n".join(f"{k}: {v:.4f}" for k, v in study.items()))
        return
    with resources.one_blas_thread():
        parallel = timed_parallel_parse(nlp, articles, args.processes)
        profile = parse_profile(nlp, articles) if args.profile_parse else {}
    stock = against_stock(articles, resources, parse_cpu_s) if args.against_stock else {}
    ours, ours_s, ours_cpu_s = run(corroborate_predictions, articles, resources)
    peer, peer_s, peer_cpu_s = run(textacy_predictions, articles, resources)
    n = len(articles)
    figures = score(ours, golds)
    figures["articles_per_s"] = n / (parse_s + ours_s)
    figures["extract_articles_per_s"] = n / ours_s
    figures["per_article_parse_articles_per_s"] = n / (per_article_s + ours_s)
    figures["parse_speedup"] = per_article_s / parse_s
    # CPU seconds of this process: on a machine shared by many, the time the work itself
    # took, which wall time hides behind everyone else's load.
    figures["articles_per_cpu_s"] = n / (parse_cpu_s + ours_cpu_s)
    # The parse is shared with claims and figures in a report: the stage's own cost apart.
    figures["extract_cpu_ms_per_article"] = 1000 * ours_cpu_s / n
    figures["parse_cpu_ms_per_article"] = 1000 * parse_cpu_s / n
    if parallel is not None:
        parallel_s, parallel_cpu_s = parallel
        figures[f"parse_speedup_{args.processes}_processes"] = parse_s / parallel_s
        figures[f"articles_per_s_{args.processes}_processes"] = n / (parallel_s + ours_s)
        # All processes' CPU over the one-process parse's: what the workers cost in all.
        figures[f"parse_cpu_ratio_{args.processes}_processes"] = parallel_cpu_s / parse_cpu_s
    figures.update(profile)
    figures.update(stock)
    peer_figures = score(peer, golds)
    peer_figures["articles_per_s"] = n / (parse_s + peer_s)
    peer_figures["extract_articles_per_s"] = n / peer_s
    peer_figures["articles_per_cpu_s"] = n / (parse_cpu_s + peer_cpu_s)
    peer_figures["extract_cpu_ms_per_article"] = 1000 * peer_cpu_s / n
    if args.errors:
        print_speaker_errors(items, ours, golds)
    texts = [text for _, text, _ in items]
    figures.update(speaker_error_classes(ours, golds, texts))
    relations = relations_of(part_dir, [stem for stem, _, _ in items])
    figures.update(via_figures(ours, golds, texts, relations, best_gold))
    if args.vias:
        print("\n".join(via_lines(items, ours)))
    peer_figures.update(speaker_error_classes(peer, golds, texts))
    mine, theirs, common = speaker_on_shared(ours, peer, golds)
    figures["speaker_accuracy_on_shared"] = mine
    peer_figures["speaker_accuracy_on_shared"] = theirs
    figures["shared_quotes"] = peer_figures["shared_quotes"] = float(common)
    rows = [
        [
            name,
            f["quote_precision"],
            f["quote_recall"],
            f["quote_f1"],
            f["speaker_accuracy"],
            f["speaker_accuracy_on_shared"],
            f["articles_per_s"],
            f["extract_articles_per_s"],
            f["articles_per_cpu_s"],
        ]
        for name, f in (("corroborate", figures), ("textacy 0.13.0", peer_figures))
    ]
    header = ["system", "P", "R", "F1", "speaker acc", "on shared", "articles/s", "extract-only/s"]
    header.append("articles/CPU-s")
    print_table(
        f"quotes on PolNeAR {args.part}: {n} articles, "
        f"{int(figures['gold'])} gold quotes, spaCy parse {parse_s:.1f}s shared "
        f"(batched; {per_article_s:.1f}s as one pipe call per article)",
        header,
        rows,
    )
    print(
        f"via (outer source): recall {figures['via_recall_outer_source']:.3f} over "
        f"{int(figures['via_outer_source_quotes'])} quotes whose gold Source is an outer "
        f"source; precision {figures['via_precision_according_reported']:.3f} "
        f"('according to'/'reported' forms), {figures['via_precision_all']:.3f} over all "
        f"{int(figures['via_predicted'])} vias (gold marks no 'told X' recipient)"
    )
    if stock:
        print(
            f"parse: {figures['parse_cpu_ms_per_article']:.1f} CPU ms per article, stock spaCy "
            f"{stock['stock_parse_cpu_ms_per_article']:.1f} in the same run (ratio "
            f"{stock['parse_cpu_ratio_to_stock']:.3f}); tokens annotated differently: "
            f"{int(stock['stock_parse_tokens_differing'])}"
        )
    write_results(
        NAME,
        {k: round(v, 4) for k, v in figures.items()},
        peers={"textacy-0.13.0": {k: round(v, 4) for k, v in peer_figures.items()}},
        notes=[
            f"polnear/{args.part}, {n} articles{' (quick)' if args.quick else ''}, "
            f"fold {args.fold}, {'rules + learned ranker' if args.learned else 'rules only'}",
            "timings on a shared 2-core machine under load: compare only the ratio to the peer",
            "articles_per_s includes the shared spaCy parse; extract_articles_per_s does not",
            "articles_per_cpu_s: articles per CPU second of this process (parse + stage), "
            "the throughput one free core would give",
            "speaker_errors_*: errors whose gold Source is a pronoun (no antecedent in the "
            "gold, so a right name counts wrong), the cue word itself (annotation slip), "
            "none found by us, or other",
            "via_*: the quotes' outer sources (see bench/_quotes_via.py); the speaker "
            "accuracy counts the speaker only, never the via",
            "the parse is batched over all articles (Resources.parse_all); "
            "per_article_parse_articles_per_s is ours with one pipe call per article instead, "
            "timed in the same run",
        ],
        extra={"data": {f"polnear/{args.part}": file_hash(part_dir)}},
    )


if __name__ == "__main__":
    main()
