"""The figure ledger: extraction, normalisation, agree/conflict decisions, the demo corpus, speed.

Labelled data, all written for the project (bench/data/, invented sentences, no real text):
- figures_cases.jsonl / figures_cases_heldout.jsonl: sentences with every figure they hold
  (as written, value, bounds, unit, approximation) and sentences that hold none (dates, years,
  ages, times, labels such as "Article 5"). Metrics: extraction precision and recall (a found
  figure matches a gold one when their spans overlap) and normalisation accuracy (value, bounds,
  unit and approximation all right, over the matched figures).
- figures_pairs.jsonl / figures_pairs_heldout.jsonl: two one-sentence articles and a figure in
  each, labelled agree / conflict / separate (different subjects) / update (a later report).
  Metric: decision accuracy of `build_ledger` over the pair.
- figures_pairs_dev2.jsonl .. figures_pairs_dev11.jsonl: more pairs written in session 2 after
  the fresh set, tuned on.
- figures_pairs_fresh.jsonl: pairs of the same kinds written in session 2 before any code change
  of that session, plus copies (a "copy" pair shares one source group and must come out as one
  figure with one independent source). Never tuned on; its failures are never printed.
- figures_pairs_fresh2.jsonl: 73 more such pairs, written at 21:00 before the session's last
  round of changes and measured once, at its end. Never tuned on; failures never printed.
- figures_pairs_fresh3.jsonl (split "dev12"): 150 pairs written in session 3 by another engineer,
  in another style and other news kinds (sports, polls, markets, weather, courts, company
  results, science, headlines, scraped tables; US/UK/EU/Indian/Australian forms), committed
  before any code change of that session and scored once (0.733), then tuned on: a dev set.
- figures_pairs_fresh4.jsonl (split "dev13"): 100 more pairs by that engineer, written with
  fresh3 and scored once at the end of session 3's first round (0.780), then tuned on: a dev set.
- figures_pairs_fresh5.jsonl: 111 pairs written in session 3's second round by a third engineer
  (health, transport, housing, elections, crime, strikes, layoffs, company results, energy,
  disasters, weather, schools, sport, farming, economy, courts, science, polls, aid), committed
  before that engineer read the figures code or any error, scored once at the round's end.
  Never tuned on; failures never printed.
- figures_pairs_fresh6.jsonl: 179 pairs written in session 4 by a fourth engineer who had not
  read the figures code, its tests or any error (budgets, transfers, company results, fines,
  storms, waiting lists, rail, elections abroad, markets, science, wildfires, trade, tourism,
  prices, polls, crore and A$ amounts, ranges, bounds, fractions in words, copies), committed
  before anyone scored it. Never tuned on; failures never printed.
- figures_pairs_fresh7.jsonl: 199 pairs written in session 5 by a fifth engineer who had not
  read the figures code, its tests, any error or any other pair set beyond its first 3 lines
  (courts, health statistics, exam results, ports and shipping, energy prices, football and
  cricket, housing, crime, migration, harvests, air traffic, elections, company results,
  weather records, disasters, space, polls; words and digits, ranges, bounds, approximations,
  money with suffixes, crore and A$, per cent spellings), committed before anyone scored it.
  Never tuned on; failures never printed.
- figures_pairs_fresh8.jsonl: 214 pairs written in session 6 by a sixth engineer who had not
  read the figures code, its tests, any error or any other pair set beyond its first 3 lines
  (public debt and borrowing, wages and strikes, hospital waits, tech users, outages and data
  breaches, medical trials, emissions, species counts and temperatures, box office and
  attendances, transport accidents, prisons, troops and aid packages, charities and gifts,
  council tax and potholes; words and digits, ranges, bounds, approximations, money with
  suffixes, per cent spellings, one fact told with two verbs, rounded forms, one measure for
  two goods or places, copies), committed before anyone scored it. Never tuned on; failures
  never printed.
- figures_pairs_fresh9.jsonl: 292 pairs written in session 7 by a seventh engineer under the same
  rules as fresh8 (food prices, fisheries, insurance claims, canals, mining, drought, pensions,
  lotteries, census and religion, asylum, roads, broadband, retail, air safety, quakes and
  volcanoes, archaeology, summits and sanctions, indices, crypto, charts; one count told with two
  verbs or from two ends, a whole and a narrower part, rounded forms, one measure for two goods or
  places, copies), committed before anyone scored it. Never tuned on; failures never printed.
- figures_pairs_fresh10.jsonl: 302 pairs written in session 8 by an eighth engineer under the same
  rules (a week of general news: politics, economy, crime, health, weather, sport, business,
  science, local, world, transport, schools, entertainment; one count told with two verbs or from
  two ends, a whole and a part, rounded forms, one measure for two goods or places, running
  tallies, copies), committed before anyone scored it. Never tuned on; failures never printed.
- figures_pairs_dev14.jsonl: 40 invented pairs written in session 4 to probe general forms both
  ways (one act told with two verbs, opposite acts, a measure or amount written before its
  noun, durations of one act, "crossed 70%", money spent on two things, tallies). Written after
  the rules they probe, so a dev set, not a blind one.
- figures_pairs_dev15.jsonl .. figures_pairs_dev21.jsonl: 7 x 40 invented pairs written in
  session 4, each scored once on the code as it stood (first looks 0.575, 0.675, 0.875, 0.775,
  0.625, 0.875, 0.650), then tuned on: updates, company results, fines, transfers, storms,
  shares in words, lakh/crore and A$, scraped results, long sentences with several figures,
  capacity, rates per head, quotes. Not blind: written by the engineer changing the code.
- figures_cases_news.jsonl (split "news"): 62 extraction cases by the session-3 round-2
  engineer (words and
  digits, ranges, bounds, money with suffixes, lakh/crore, scraped tables, non-figures).
The "dev" files were written first and the code was tuned while looking at them; the "heldout"
files (now "seen": their totals steered later work) were written before tuning went on and their
failures are never printed (only totals).
- The demo corpus (src/corroborate/demo, MANIFEST.json "figures"): each ground-truth figure must
  come out as one ledger figure holding all its mentions, with the expected status.
Throughput: sentences per second through `build_ledger` on already-parsed articles (stories of
8 articles of 12 sentences, the labelled sentences reused), and the spaCy parse it needs, side
by side in this script (peer: the parse alone, which the ledger shares with other stages).

- figures_pairs_dev23.jsonl: 44 invented pairs written in session 4 (second round) before the
  graded-identity change, aimed at false conflicts through loose subject matches (two verbs for
  one act, durations, jobs as people, a verb and its noun, pay, two days, one period, synonyms);
  first look 0.705 with 11 false conflicts, then tuned on.

- figures_pairs_dev24.jsonl, figures_pairs_dev25.jsonl: 45 and 47 invented pairs written in
  session 5 by the figures engineer before the change they led to (the scope of a figure:
  place, event, mode, population, figures/scope.py), over many news kinds (crashes, outages,
  arrests, jobless rates, transport, company results, courts, migration, harvests, airports,
  weather, wildfires, storms, space, polls, health, schools, housing, crime, cricket, seats).
  First looks 0.822 (6 false conflicts) and 0.830 (4), then tuned on: dev sets.
- figures_pairs_dev26.jsonl: 44 invented pairs written in session 5 after the scope change
  (ships, courts, energy tariffs, exams, transfers, cricket, mayoral races, telecoms results,
  cold, hurricanes, landslides, a lander, polls, flu, knife crime, rents, asylum, frost,
  airlines), first look 0.773 (4 false conflicts), then tuned on.
- figures_pairs_dev27.jsonl: 42 invented pairs written in session 5 after dev26's changes, most
  of them two things that look alike (rail and bus, stores and online, a sector of a town's
  pay, a race and a 10k, Earth and Mars, goals scored and conceded), first look 0.738 (6 false
  conflicts), then tuned on.
- figures_pairs_dev28.jsonl: 40 invented pairs written in session 5 after dev27's changes
  (fires, council tax, airlines, a fraud trial, mortgages, crowds, an eruption, results, exams,
  polls, a dam, mobile customers, fish landings, strikes, rescues, ferries, rainfall), first
  look 0.875 (1 false conflict), then tuned on.
- figures_pairs_dev29.jsonl: 40 invented pairs written in session 5 after dev28's change
  (donations, outages, turnout, fuel, metals, line closures, plants, deficits, repairs, exams,
  surveys, river peaks, investment, crossings, fundraising, pollution days, fires, prices),
  first look 0.675 (1 false conflict; the session-start code scores it 0.550 with 6), then
  tuned on.
- figures_pairs_dev30.jsonl: 40 invented pairs written in session 5 on the near-final code
  (quakes, budgets, losses, airports, scores, a referendum, fines, outages, a reservoir, wind
  turbines, admissions, vigils, exports, fires, branches, a comet, yields, pay, poverty), first
  look 0.850 (3 false conflicts), then one change (names fined: 'fined Ressor Chemicals').
- figures_pairs_dev31.jsonl: 38 invented pairs written in session 5 (second figures pass) on
  the code at 1679c2f: different goods, fuels, crops, metals and products in one unit,
  a whole and its part, and true conflicts about one good; first look 0.763 (6 false
  conflicts), then one change (`alike.goods_differ`).
- figures_pairs_dev32.jsonl .. figures_pairs_dev36.jsonl: 44, 44, 44, 42 and 40 invented pairs
  written in session 6 by the figures engineer, each scored once on the code as it stood before
  the changes it led to: dev32 (session-start code: gifts and sales told from both ends, fuels
  and goods, rounding of scaled amounts, many news kinds) 0.636 (4 false conflicts); dev33
  (after the rounding, roles, numbered-name and pence changes) 0.705 (0); dev34 (after the
  measures and two-kinds rules) 0.909 (1); dev35 (look-alike amounts of one holder) 0.881 (1);
  dev36 (near-final code) 0.775 (1). Then tuned on: dev sets.
- figures_pairs_dev37.jsonl .. figures_pairs_dev41.jsonl: 46, 44, 42, 42 and 42 invented pairs
  written in session 7 by the figures engineer, each scored once on the code as it stood before
  the changes it led to: dev37 (session-start code: one count told with two verbs or from two
  ends, narrower measures, look-alike acts) 0.652 (3 false conflicts); dev38 (after the
  presence and narrower-adjective changes) 0.864 (0); dev39 (crowds, jabs, customers, exams,
  shelters, appeals, temperatures, votes, car plants) 0.667 (3); dev40 (costs, migrants,
  profits, outbreaks, inflation, recalls, census) 0.786 (0); dev41 (insurance, fish, pensions,
  lotteries, broadband, mines, reservoirs, canals, potholes, indices) 0.667 (2). Then tuned
  on: dev sets.
- figures_pairs_dev42.jsonl .. figures_pairs_dev45.jsonl: 40, 40, 30 and 40 more, session 7,
  scored once each the same way: dev42 (all two figures of one holder that are not rivals:
  windows, stretches, forecasts, parts, kinds, capacity, real terms) 0.725 (11 false
  conflicts); dev43 (fines, sentences, waits, seats, fares, floods, shares) 0.900 (1); dev44
  (a whole and a narrower part in many forms) 0.700 (7); dev45 (mixed like a blind set)
  0.800 (2). Then tuned on: dev sets.

Decisions: `--decider rules` or `--decider learned` scores the ledger with the rules or with the
learned same-subject model (figures/learned.py, fitted by bench/fit_figures.py on the dev sets
only); the default is whatever `figures.LEARNED_DEFAULT` says. The throughput table times both
ledgers side by side with the parse.

Usage: python bench/bench_figures.py [--quick] [--show-dev-failures] [--dev-only]
       [--decider default|rules|learned] [--loso]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from _common import ROOT, file_hash, print_table, write_results
from corroborate.figures import LEARNED_DEFAULT, build_ledger, collect_mentions, read_quantities
from corroborate.nlp import Resources
from corroborate.records import Article, Figure, Paragraph, Sentence

DATA = ROOT / "bench" / "data"
# "seen": the files named heldout, written before tuning but used to steer session 2's changes.
CASES = {
    "dev": "figures_cases.jsonl",
    "seen": "figures_cases_heldout.jsonl",
    "news": "figures_cases_news.jsonl",
}
PAIRS = {
    "dev": "figures_pairs.jsonl",
    "dev2": "figures_pairs_dev2.jsonl",
    "dev3": "figures_pairs_dev3.jsonl",
    "dev4": "figures_pairs_dev4.jsonl",
    "dev5": "figures_pairs_dev5.jsonl",
    "dev6": "figures_pairs_dev6.jsonl",
    "dev7": "figures_pairs_dev7.jsonl",
    "dev8": "figures_pairs_dev8.jsonl",
    "dev9": "figures_pairs_dev9.jsonl",
    "dev10": "figures_pairs_dev10.jsonl",
    "dev11": "figures_pairs_dev11.jsonl",
    "dev12": "figures_pairs_fresh3.jsonl",  # fresh3: first look 0.733, then tuned on
    "seen": "figures_pairs_heldout.jsonl",
    "fresh": "figures_pairs_fresh.jsonl",
    "fresh2": "figures_pairs_fresh2.jsonl",
    "dev13": "figures_pairs_fresh4.jsonl",  # fresh4: scored once (0.780), then tuned on
    "fresh5": "figures_pairs_fresh5.jsonl",  # session 3 round 2, scored once at its end
    "fresh6": "figures_pairs_fresh6.jsonl",  # session 4, written blind, never tuned on
    "fresh7": "figures_pairs_fresh7.jsonl",  # session 5, written blind, never tuned on
    "fresh8": "figures_pairs_fresh8.jsonl",  # session 6, written blind, never tuned on
    "fresh9": "figures_pairs_fresh9.jsonl",  # session 7, written blind, never tuned on
    "fresh10": "figures_pairs_fresh10.jsonl",  # session 8, written blind, never tuned on
    "dev14": "figures_pairs_dev14.jsonl",  # session 4: probes of general forms, both ways
    "dev15": "figures_pairs_dev15.jsonl",  # session 4: updates and common news forms
    "dev16": "figures_pairs_dev16.jsonl",  # session 4: more news kinds, scored first as is
    "dev17": "figures_pairs_dev17.jsonl",  # session 4: headlines, tables, lakh, A$, ranges
    "dev18": "figures_pairs_dev18.jsonl",  # session 4: long sentences holding several figures
    "dev19": "figures_pairs_dev19.jsonl",  # session 4: conversions, points, shares, recalls
    "dev20": "figures_pairs_dev20.jsonl",  # session 4: updates over days, copies
    "dev21": "figures_pairs_dev21.jsonl",  # session 4: quotes, rates per head, records
    "dev22": "figures_pairs_dev22.jsonl",  # session 4: rates, events, fines, prices, shares
    "dev23": "figures_pairs_dev23.jsonl",  # session 4: probes of false conflicts, loose matches
    "dev24": "figures_pairs_dev24.jsonl",  # session 5: probes of many news kinds, scored first
    "dev25": "figures_pairs_dev25.jsonl",  # session 5: places, populations, modes, events
    "dev26": "figures_pairs_dev26.jsonl",  # session 5: probes written after the scope change
    "dev27": "figures_pairs_dev27.jsonl",  # session 5: parts, other places, other things
    "dev28": "figures_pairs_dev28.jsonl",  # session 5: probes after the doer rule
    "dev29": "figures_pairs_dev29.jsonl",  # session 5: gifts, outages, votes, closures, debts
    "dev30": "figures_pairs_dev30.jsonl",  # session 5: probes of the near-final code
    "dev31": "figures_pairs_dev31.jsonl",  # session 5: goods, fuels, parts in one unit
    "dev32": "figures_pairs_dev32.jsonl",  # session 6: gifts, sales, rounding, many kinds
    "dev33": "figures_pairs_dev33.jsonl",  # session 6: probes after the roles change
    "dev34": "figures_pairs_dev34.jsonl",  # session 6: strikes, polls, fares, budgets, fires
    "dev35": "figures_pairs_dev35.jsonl",  # session 6: look-alike amounts of one holder
    "dev36": "figures_pairs_dev36.jsonl",  # session 6: probes of the near-final code
    "dev37": "figures_pairs_dev37.jsonl",  # session 7: one count told with two verbs
    "dev38": "figures_pairs_dev38.jsonl",  # session 7: tolls, jobs, ferries, turnout, flights
    "dev39": "figures_pairs_dev39.jsonl",  # session 7: crowds, jabs, exams, appeals, votes
    "dev40": "figures_pairs_dev40.jsonl",  # session 7: costs, outbreaks, inflation, census
    "dev41": "figures_pairs_dev41.jsonl",  # session 7: insurance, broadband, mines, canals
    "dev42": "figures_pairs_dev42.jsonl",  # session 7: two figures of one holder, not rivals
    "dev43": "figures_pairs_dev43.jsonl",  # session 7: fines, waits, seats, fares, shares
    "dev44": "figures_pairs_dev44.jsonl",  # session 7: a whole and a narrower part
    "dev45": "figures_pairs_dev45.jsonl",  # session 7: mixed, like a blind set
}


def load(name: str) -> list[dict[str, Any]]:
    path = DATA / name
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-3 * max(1.0, abs(b))


def score_extraction(cases: list[dict[str, Any]], show: bool) -> dict[str, float]:
    found = gold_total = matched = normal = 0
    for case in cases:
        text = case["text"]
        predicted = read_quantities(text)
        found += len(predicted)
        used: set[int] = set()
        for gold in case["gold"]:
            gold_total += 1
            start = text.find(gold["w"])
            end = start + len(gold["w"])
            hit = next(
                (
                    k
                    for k, q in enumerate(predicted)
                    if k not in used and q.start < end and start < q.end
                ),
                None,
            )
            if hit is None:
                if show:
                    print(f"  missed  {case['id']}: {gold['w']!r} in {text!r}")
                continue
            used.add(hit)
            matched += 1
            q = predicted[hit]
            ok = (
                close(q.value, gold.get("v"))
                and close(q.low, gold.get("lo"))
                and close(q.high, gold.get("hi"))
                and q.unit == gold["u"]
                and q.approximate == gold.get("a", False)
            )
            normal += ok
            if show and not ok:
                print(
                    f"  wrong   {case['id']}: {q.as_written!r} -> {q.value} {q.low} {q.high} "
                    f"{q.unit} approx={q.approximate}; gold {gold}"
                )
        if show:
            for k, q in enumerate(predicted):
                if k not in used:
                    print(f"  extra   {case['id']}: {q.as_written!r} in {text!r}")
    precision = matched / found if found else 1.0
    recall = matched / gold_total if gold_total else 1.0
    return {
        "precision": precision,
        "recall": recall,
        "normalisation": normal / matched if matched else 1.0,
        "figures": float(gold_total),
        "sentences": float(len(cases)),
    }


def one_sentence_article(key: str, text: str, published: str | None) -> Article:
    article = Article(id=key, source=f"{key}.txt", text=text, outlet=key, published=published)
    article.paragraphs = [Paragraph(0, len(text))]
    article.sentences = [Sentence(key, 0, 0, len(text), text, 0)]
    article.source_group = f"g-{key}"
    return article


def figure_holding(figures: list[Figure], article: str, start: int, end: int) -> Figure | None:
    """The ledger figure with a mention overlapping [start, end) of the article."""
    for figure in figures:
        for value in figure.values:
            if any(
                m.article == article and m.start < end and start < m.end for m in value.mentions
            ):
                return figure
    return None


def find_figure(text: str, written: str) -> int:
    """Where a figure as written stands in the text: "2%" in "rose 3.2%, and wages 2%" is the
    second, not the tail of "3.2%"."""
    start = text.find(written)
    while start > 0 and (text[start - 1].isdigit() or text[start - 1] in ".,"):
        start = text.find(written, start + 1)
    return start if start >= 0 else text.find(written)


def decide(figures: list[Figure], a: Article, b: Article, fa: str, fb: str) -> str:
    def holder(article: Article, written: str) -> Figure | None:
        start = find_figure(article.text, written)
        return figure_holding(figures, article.id, start, start + len(written))

    first, second = holder(a, fa), holder(b, fb)
    if first is None or second is None:
        return "missed"
    if first is not second:
        return "separate"
    if first.status == "conflict":
        return "conflict"
    if a.source_group == b.source_group:
        # copies of one article: one figure stated by one independent source
        one = max(v.independent_sources for v in first.values) == 1
        return "copy" if one and first.status == "single-source" else "copy-counted-twice"
    return "update" if first.updated else "agree"


def score_pairs(
    pairs: list[dict[str, Any]],
    resources: Resources,
    show: bool,
    split: str = "",
    judge: bool | None = None,
) -> dict[str, float]:
    right = 0
    confusion: dict[str, int] = {}
    for pair in pairs:
        # The split in the id: parses are cached per article id, and sets may reuse pair ids.
        key = f"{split}:{pair['id']}" if split else pair["id"]
        a = one_sentence_article(f"{key}-a", pair["a"], pair.get("date_a"))
        b = one_sentence_article(f"{key}-b", pair["b"], pair.get("date_b"))
        if pair.get("copy"):
            b.source_group = a.source_group
        got = decide(build_ledger([a, b], resources, judge), a, b, pair["fa"], pair["fb"])
        right += got == pair["label"]
        key = f"{pair['label']}->{got}"
        confusion[key] = confusion.get(key, 0) + 1
        if show and got != pair["label"]:
            print(f"  {pair['id']}: {pair['label']} but {got}: {pair['a']!r} / {pair['b']!r}")
    result = {"accuracy": right / len(pairs), "pairs": float(len(pairs))}
    false_conflicts = sum(
        v for k, v in confusion.items() if k.endswith("->conflict") and not k.startswith("conflict")
    )
    result["false_conflicts"] = float(false_conflicts)
    return result


def score_demo(resources: Resources, show: bool) -> dict[str, float] | None:
    try:
        from corroborate.demo import demo_inputs, manifest
    except ImportError:
        return None
    from corroborate.clean import clean_articles
    from corroborate.copies import find_copies
    from corroborate.read import read_inputs
    from corroborate.segment import segment_article

    articles = [a for a in read_inputs(demo_inputs()) if isinstance(a, Article)]
    clean_articles(articles)
    for article in articles:
        segment_article(article)
    find_copies(articles)
    figures = build_ledger(articles, resources)
    by_file = {Path(a.source).name.split(":")[0]: a for a in articles}  # "x.jsonl:1"
    truth = manifest()["figures"]
    right = found = total = 0
    for item in truth:
        holders: set[str] = set()
        for value in item["values"]:
            total += 1
            article = by_file.get(value["file"])
            figure = _figure_of(figures, article, value) if article else None
            if figure is not None:
                found += 1
                holders.add(figure.id)
        statuses = {f.status for f in figures if f.id in holders}
        ok = len(holders) == 1 and statuses == {item["expected_status"]}
        right += ok
        if show and not ok:
            print(
                f"  demo {item['id']}: {len(holders)} figures, statuses {statuses}, "
                f"expected {item['expected_status']}"
            )
    return {
        "figures_right": right / len(truth),
        "mentions_found": found / total,
        "figures": float(len(truth)),
    }


def _figure_of(figures: list[Figure], article: Article, value: dict[str, Any]) -> Figure | None:
    context = article.text.find(value["context"])
    if context < 0:
        return None
    start = article.text.find(value["as_written"], context)
    return figure_holding(figures, article.id, start, start + len(value["as_written"]))


ARTICLE_SENTENCES = 12  # sentences per synthetic article in the timing run
STORY_ARTICLES = 8  # articles per story in the timing run


def timing_article(key: str, sentences: list[str]) -> Article:
    """An article of several one-sentence paragraphs, as the cleaning stage leaves them."""
    text = "\n\n".join(sentences)
    article = Article(id=key, source=f"{key}.txt", text=text, outlet=key)
    start = 0
    for index, sentence in enumerate(sentences):
        article.paragraphs.append(Paragraph(start, start + len(sentence)))
        article.sentences.append(
            Sentence(key, index, start, start + len(sentence), sentence, index)
        )
        start += len(sentence) + 2
    article.source_group = f"g-{key}"
    return article


def throughput(resources: Resources, texts: list[str], repeat: int) -> dict[str, float]:
    """Sentences per second: the ledger on parsed articles, and the spaCy parse (the peer),
    over stories of `STORY_ARTICLES` articles of `ARTICLE_SENTENCES` sentences."""
    step = ARTICLE_SENTENCES
    articles = [timing_article(f"t{k}", texts[k : k + step]) for k in range(0, len(texts), step)]
    stories = [articles[k : k + STORY_ARTICLES] for k in range(0, len(articles), STORY_ARTICLES)]
    started = time.perf_counter()
    for article in articles:
        resources.paragraph_docs(article)
    parse = time.perf_counter() - started
    best = {False: float("inf"), True: float("inf")}
    resources.embedder()  # loaded once, as the claims stage would have
    for _ in range(repeat):
        for judge in (False, True):  # the rules and the learned decision, side by side
            started = time.perf_counter()
            for story in stories:
                build_ledger(story, resources, judge)
            best[judge] = min(best[judge], time.perf_counter() - started)
    started = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            read_quantities(text)
    extract = (time.perf_counter() - started) / repeat
    return {
        "ledger_sentences_per_s": len(texts) / best[LEARNED_DEFAULT],
        "ledger_rules_sentences_per_s": len(texts) / best[False],
        "ledger_learned_sentences_per_s": len(texts) / best[True],
        "parse_sentences_per_s": len(texts) / parse,
        "extract_sentences_per_s": len(texts) / extract,
    }


def _mention_at(mentions: list[Any], article: Article, written: str) -> Any | None:
    start = find_figure(article.text, written)
    end = start + len(written)
    return next((m for m in mentions if m.quantity.start < end and start < m.quantity.end), None)


def _pair_features(a: Any, b: Any) -> list[float]:
    """Subject features of two mentions, the shallow signals the rules read, for the study."""
    from corroborate.figures import ledger as rules
    from corroborate.figures.names import names_match

    x, y = a.subject, b.subject

    def jaccard(p: frozenset[str], q: frozenset[str]) -> float:
        return len(p & q) / len(p | q) if p | q else 0.0

    def differ(p: object, q: object) -> float:
        return float(p is not None and q is not None and p != q)

    named = bool(x.names and y.names)
    return [
        1.0, float(rules.values_agree(a.quantity, b.quantity)), float(named),
        float(named and names_match(x.names, y.names)), jaccard(x.nouns, y.nouns),
        jaccard(x.own_nouns, y.own_nouns), jaccard(x.context, y.context),
        float(x.counted is not None and x.counted == y.counted), differ(x.counted, y.counted),
        float(x.outcome is not None and x.outcome == y.outcome), differ(x.outcome, y.outcome),
        float(x.verb is not None and x.verb == y.verb), differ(x.verb, y.verb),
        differ(x.holder_noun, y.holder_noun), float(rules.kinds_clash(x, y)),
        float(x.times != y.times), float(x.per != y.per), float(x.phase != y.phase),
        float(a.quantity.unit == "count"), float(a.quantity.unit == "percent"),
    ]  # fmt: skip


def loso_study(resources: Resources) -> None:
    """Leave one dev set out: a logistic model of "same subject" over `_pair_features`, fitted
    on the other dev sets, against the rules (which were tuned on every dev set)."""
    from sklearn.linear_model import LogisticRegression

    rows: list[tuple[str, list[float], bool, bool]] = []
    for split, name in PAIRS.items():
        if not split.startswith("dev"):
            continue  # the seen and never-tuned sets stay out
        for pair in load(name):
            if pair.get("copy"):
                continue
            key = f"{split}:{pair['id']}"
            a = one_sentence_article(f"{key}-a", pair["a"], pair.get("date_a"))
            b = one_sentence_article(f"{key}-b", pair["b"], pair.get("date_b"))
            got = decide(build_ledger([a, b], resources), a, b, pair["fa"], pair["fb"])
            ma = _mention_at(collect_mentions(a, resources), a, pair["fa"])
            mb = _mention_at(collect_mentions(b, resources), b, pair["fb"])
            if ma is not None and mb is not None:
                same = pair["label"] != "separate"
                rows.append((split, _pair_features(ma, mb), same, got not in ("separate",)))
    table = []
    for split in sorted({r[0] for r in rows}):
        train = [r for r in rows if r[0] != split]
        test = [r for r in rows if r[0] == split]
        model = LogisticRegression(max_iter=3000, fit_intercept=False)
        model.fit([r[1] for r in train], [r[2] for r in train])
        guess = model.predict([r[1] for r in test])
        model_right = sum(g == r[2] for g, r in zip(guess, test, strict=True))
        rules_right = sum(r[3] == r[2] for r in test)
        table.append([split, len(test), rules_right / len(test), model_right / len(test)])
    total = sum(r[1] for r in table)
    table.append(["all", total, sum(r[1] * r[2] for r in table) / total])
    table[-1].append(sum(r[1] * r[3] for r in table[:-1]) / total)
    print_table(
        "figures: same subject or not, leave one dev set out",
        ["held-out set", "pairs", "rules (tuned on all)", "model (not on this set)"],
        table,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="one timing round, fewer sentences")
    parser.add_argument(
        "--show-dev-failures",
        action="store_true",
        help="print each dev-set failure (seen and fresh failures are never printed)",
    )
    parser.add_argument(
        "--dev-only",
        action="store_true",
        help="score only the dev sets (never-tuned and seen sets are not run); no results file",
    )
    parser.add_argument(
        "--decider",
        choices=("default", "rules", "learned"),
        default="default",
        help="decide with the rules or the learned model (figures/learned.py); other than "
        "the default, no results file is written",
    )
    parser.add_argument(
        "--loso",
        action="store_true",
        help="only the leave-one-dev-set-out study of a learned same-subject model",
    )
    args = parser.parse_args()
    show = args.show_dev_failures
    resources = Resources()
    if args.loso:
        loso_study(resources)
        return
    judge = {"default": None, "rules": False, "learned": True}[args.decider]
    figures: dict[str, float] = {}
    rows = []
    for split, pair_file in PAIRS.items():
        if args.dev_only and not split.startswith("dev"):
            continue
        shown = show and split.startswith("dev")
        pairs = score_pairs(load(pair_file), resources, shown, split, judge)
        figures[f"{split}_decision_accuracy"] = pairs["accuracy"]
        figures[f"{split}_false_conflicts"] = pairs["false_conflicts"]
        row: list[Any] = [split, "-", "-", "-", "-", "-"]
        if split in CASES:
            ext = score_extraction(load(CASES[split]), show and split == "dev")
            figures[f"{split}_extraction_precision"] = ext["precision"]
            figures[f"{split}_extraction_recall"] = ext["recall"]
            figures[f"{split}_normalisation_accuracy"] = ext["normalisation"]
            row = [split, int(ext["sentences"]), int(ext["figures"])]
            row += [ext["precision"], ext["recall"], ext["normalisation"]]
        rows.append([*row, int(pairs["pairs"]), pairs["accuracy"], int(pairs["false_conflicts"])])
    for split in CASES.keys() - PAIRS.keys():  # extraction cases without pairs
        ext = score_extraction(load(CASES[split]), False)
        figures[f"{split}_extraction_precision"] = ext["precision"]
        figures[f"{split}_extraction_recall"] = ext["recall"]
        figures[f"{split}_normalisation_accuracy"] = ext["normalisation"]
        rows.append([split, int(ext["sentences"]), int(ext["figures"])])
        rows[-1] += [ext["precision"], ext["recall"], ext["normalisation"], "-", "-", "-"]
    print_table(
        "figures: extraction and decisions",
        [
            "split",
            "sentences",
            "figures",
            "precision",
            "recall",
            "normalised",
            "pairs",
            "decisions",
            "false conflicts",
        ],
        rows,
    )
    demo = score_demo(resources, show)
    if demo:
        figures["demo_figures_right"] = demo["figures_right"]
        figures["demo_mentions_found"] = demo["mentions_found"]
        print_table(
            "figures: demo corpus (MANIFEST.json)",
            ["figures", "right", "mentions found"],
            [[int(demo["figures"]), demo["figures_right"], demo["mentions_found"]]],
        )
    texts = [c["text"] for name in CASES.values() for c in load(name)]
    texts += [p[s] for name in PAIRS.values() for p in load(name) for s in ("a", "b")]
    if args.quick:
        texts = texts[:200]
    speed = throughput(Resources(), texts, 1 if args.quick else 3)
    figures.update(speed)
    print_table(
        "figures: throughput (sentences/s, loaded shared machine)",
        ["ledger rules", "ledger learned", "spaCy parse (peer)", "extraction only"],
        [
            [
                speed["ledger_rules_sentences_per_s"],
                speed["ledger_learned_sentences_per_s"],
                speed["parse_sentences_per_s"],
                speed["extract_sentences_per_s"],
            ]
        ],
    )
    if args.dev_only or args.decider != "default":
        return  # partial figures: the results file keeps the last whole run
    hashes = {name: file_hash(DATA / name) for name in (*CASES.values(), *PAIRS.values())}
    write_results(
        "figures",
        figures,
        peers={"spacy_parse": {"sentences_per_s": speed["parse_sentences_per_s"]}},
        notes=[
            "dev: tuned while looking; seen (files *_heldout): its failures steered session 2; "
            "fresh, fresh2, fresh5..fresh10: never tuned on, failures never "
            "printed; dev12 and dev13 are session 3's fresh3 and fresh4 (first looks 0.733 and "
            "0.780, then tuned on)",
            "timings on a shared, loaded 2-core machine",
        ],
        extra={"data": hashes, "quick": args.quick},
    )


if __name__ == "__main__":
    main()
