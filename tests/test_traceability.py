"""A fact-checker's audit of the demo report, over every item (not a sample): each claim, quote,
figure, exclusive and summary sentence shows what its spans say, from kept text only, and counts
the sources its spans have.

tests/test_offsets.py holds every span to its own `text`; this file holds what a report *shows*
to its spans: a figure's sentence, a quote's variants, a claim's wording, the counts, the
exclusive and omitted lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from corroborate import report
from corroborate.records import Article, Report
from corroborate.sources import count_sources, sources_of

# A claim's wording may restore the subject its mention leaves to the sentence ("who led the
# talks" -> "Defence Minister John Healey led the talks"): a few words, before the rest.
RESTORED_SUBJECT_WORDS = 8


@pytest.fixture(scope="module")
def demo() -> Report:
    from corroborate.demo import demo_inputs

    return report(demo_inputs())


@pytest.fixture(scope="module")
def articles(demo: Report) -> dict[str, Article]:
    return {a.id: a for a in demo.articles}


def _assert_none(problems: list[str]) -> None:
    assert not problems, f"{len(problems)} problems, e.g.:\n" + "\n".join(problems[:5])


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _spans(result: Report) -> Iterator[tuple[str, str, int, int]]:
    """(what, article, start, end) of every span an item of the report points to."""
    for claim in result.claims:
        for m in claim.mentions:
            yield f"claim {claim.id}", m.article, m.start, m.end
    for quote in result.quotes:
        for q in quote.mentions:
            for start, end in q.pieces or [[q.start, q.end]]:
                yield f"quote {quote.id}", q.article, start, end
    for figure in result.figures:
        for value in figure.values:
            for f in value.mentions:
                assert f.sentence_start is not None and f.sentence_end is not None
                yield f"figure {figure.id}", f.article, f.sentence_start, f.sentence_end
    for line in result.summary:
        yield "summary", line.article, line.start, line.end


def test_no_item_points_into_removed_text(demo: Report, articles: dict[str, Article]) -> None:
    problems = []
    for what, article_id, start, end in _spans(demo):
        article = articles[article_id]
        removed = [r for r in article.removed if r.start < end and start < r.end]
        kept = any(p.start <= start and end <= p.end for p in article.paragraphs)
        if removed or not kept:
            problems.append(f"{what}: {article_id} {start}-{end} {article.text[start:end]!r}")
    _assert_none(problems)


def test_a_figure_is_shown_in_the_sentence_it_was_read_from(
    demo: Report, articles: dict[str, Article]
) -> None:
    problems = []
    for figure in demo.figures:
        for value in figure.values:
            for m in value.mentions:
                text = articles[m.article].text
                assert m.sentence_start is not None and m.sentence_end is not None
                if text[m.sentence_start : m.sentence_end] != m.sentence:
                    problems.append(f"{figure.id}: sentence {m.sentence!r} is not its span")
                if not m.sentence_start <= m.start < m.end <= m.sentence_end:
                    problems.append(f"{figure.id}: {m.text!r} lies outside its sentence")
                if text[m.start : m.end] != m.as_written:
                    problems.append(f"{figure.id}: {m.as_written!r} is not what the span says")
            if value.as_written not in {m.as_written for m in value.mentions}:
                problems.append(f"{figure.id}: value {value.as_written!r} is no mention's")
            if set(value.articles) != {m.article for m in value.mentions}:
                problems.append(f"{figure.id}: value {value.as_written!r} lists other articles")
    _assert_none(problems)


def test_a_quote_variant_is_what_each_of_its_articles_wrote(
    demo: Report, articles: dict[str, Article]
) -> None:
    """A variant is shown without its quotation marks, its pieces joined ("..., he said, ...");
    its words are the words of that article's pieces, in order."""
    problems = []
    for quote in demo.quotes:
        for q in quote.mentions:
            if any(not q.start <= s < e <= q.end for s, e in q.pieces):
                problems.append(f"{quote.id}: a piece lies outside its mention in {q.article}")
        for variant in quote.variants:
            for article_id in variant.articles:
                text = articles[article_id].text
                said = [
                    _words(" ".join(text[s:e] for s, e in q.pieces or [[q.start, q.end]]))
                    for q in quote.mentions
                    if q.article == article_id
                ]
                if _words(variant.text) not in said:
                    problems.append(f"{quote.id}: {article_id} never wrote {variant.text!r}")
        if quote.text not in {v.text for v in quote.variants}:
            problems.append(f"{quote.id}: its text {quote.text!r} is no variant's")
    _assert_none(problems)


def test_counts_are_the_sources_of_the_spans_shown(
    demo: Report, articles: dict[str, Article]
) -> None:
    problems = []
    for claim in demo.claims:
        sources = sources_of(claim.mentions, articles)
        if set(claim.source_groups) != sources or claim.independent_sources != len(sources):
            problems.append(
                f"{claim.id}: {claim.independent_sources} sources, spans give {sources}"
            )
    for quote in demo.quotes:
        direct = [q for q in quote.mentions if q.direct]  # a paraphrase is no source of words
        if quote.independent_sources != count_sources(direct, articles):
            problems.append(f"{quote.id}: {quote.independent_sources} sources")
        for variant in quote.variants:
            spans = [q for q in quote.mentions if q.article in variant.articles]
            if variant.independent_sources != count_sources(spans, articles):
                problems.append(f"{quote.id}: variant {variant.text!r} miscounted")
    for figure in demo.figures:
        for value in figure.values:
            # A value one outlet gives as an earlier report's ("put the toll at 12 on Tuesday")
            # may count for that day only, so a value may count fewer sources, never more.
            if not 1 <= value.independent_sources <= count_sources(value.mentions, articles):
                problems.append(f"{figure.id}: {value.as_written} counts too many sources")
    _assert_none(problems)


def _groups_saying(claim_id: str, result: Report, articles: dict[str, Article]) -> set[str]:
    (claim,) = [c for c in result.claims if c.id == claim_id]
    return sources_of(claim.mentions, articles)


def test_an_exclusive_is_said_by_its_articles_source_alone(
    demo: Report, articles: dict[str, Article]
) -> None:
    problems = []
    for article_id, claim_ids in demo.exclusive.items():
        article = articles[article_id]
        for claim_id in claim_ids:
            said = _groups_saying(claim_id, demo, articles)
            if said != {article.source_group}:
                problems.append(f"{article.outlet}: exclusive {claim_id} is said by {said}")
    _assert_none(problems)


def test_an_article_never_omits_what_it_says(demo: Report) -> None:
    problems = []
    for article_id, claim_ids in demo.omitted.items():
        for claim in demo.claims:
            if claim.id in claim_ids and any(m.article == article_id for m in claim.mentions):
                problems.append(f"{article_id} 'omits' {claim.id} yet states {claim.text!r}")
    _assert_none(problems)


def test_no_item_lists_one_span_twice(demo: Report) -> None:
    problems = []
    lists: list[tuple[str, list[Any]]] = [(c.id, c.mentions) for c in demo.claims]
    lists += [(q.id, q.mentions) for q in demo.quotes]
    lists += [(f.id, v.mentions) for f in demo.figures for v in f.values]
    for item_id, mentions in lists:
        keys = [(m.article, m.start, m.end) for m in mentions]
        if len(keys) != len(set(keys)):
            problems.append(f"{item_id}: {len(keys) - len(set(keys))} spans listed twice")
    _assert_none(problems)


def _unsaid(claim_words: list[str], mention_words: list[str]) -> list[int]:
    said = set(mention_words)
    return [i for i, word in enumerate(claim_words) if word not in said]


def test_a_claims_wording_is_what_one_of_its_spans_says(demo: Report) -> None:
    """Every word of a claim's text is in one of its mentions, but for a restored subject."""
    problems = []
    for claim in demo.claims:
        words = _words(claim.text)
        fits = False
        for m in claim.mentions:
            unsaid = _unsaid(words, _words(m.text))
            if not unsaid or unsaid[-1] < RESTORED_SUBJECT_WORDS:
                fits = True
        if not fits:
            problems.append(f"{claim.id}: {claim.text!r}; spans {[m.text for m in claim.mentions]}")
    _assert_none(problems)


def test_a_summary_sentence_is_a_whole_sentence_citing_what_it_states(
    demo: Report, articles: dict[str, Article]
) -> None:
    problems = []
    claims = {c.id: c for c in demo.claims}
    for line in demo.summary:
        article = articles[line.article]
        if not any((s.start, s.end) == (line.start, line.end) for s in article.sentences):
            problems.append(f"summary {line.text[:50]!r} is not one of its article's sentences")
        stating: set[str] = {line.article}
        for claim_id in line.claims:
            claim = claims[claim_id]
            if not any(
                m.article == line.article and m.start < line.end and line.start < m.end
                for m in claim.mentions
            ):
                problems.append(f"summary {line.text[:50]!r} cites {claim_id}, which it never says")
            stating |= {m.article for m in claim.mentions}
        if not set(line.articles) <= stating:
            problems.append(f"summary {line.text[:50]!r} cites articles that state none of it")
    _assert_none(problems)
