"""Quotes: every speaker the rules could propose for a quote (the learned-choice study).

Every article here is invented. The candidates feed bench/bench_quotes.py --candidates; the
pipeline's own choice is the rule order's, which an observer must not change.
"""

from __future__ import annotations

from typing import Any

import pytest

from corroborate.nlp import Resources
from corroborate.quotes import candidates, find_quotes
from corroborate.quotes.extract import parsed_paragraphs, quotes_of_article
from corroborate.quotes.people import PersonRegistry
from corroborate.quotes.resolve import person_names
from corroborate.records import Article
from test_quotes import make

TEXTS = [
    # The rules take the verb's subject; the person named nearest before the quote is a rival.
    (
        "Mayor Lena Ortiz told Councillor Dale Ferris on Friday: “The quay will open in May.”",
        "Lena Ortiz",
        "Dale Ferris",
    ),
    # A whole paragraph of quotation signed on the next line; the paragraph before names
    # another person.
    (
        "Councillor Dale Ferris opened the meeting on Monday.\n"
        "“The quay will open in May, and the new pier will follow it in June.”\n"
        "Lena Ortiz",
        "Lena Ortiz",
        "Dale Ferris",
    ),
    # A second cue verb in the paragraph proposes its own subject.
    (
        "Pilot Tomas Berg said the crews were ready, and Mayor Lena Ortiz added: “We will "
        "open the quay in May.”",
        "Lena Ortiz",
        "Tomas Berg",
    ),
]


def each_quote(article: Article, resources: Resources, observe: Any) -> None:
    """Runs the article's quotes with `observe` seeing each quote's attribution."""
    paras = parsed_paragraphs(article, resources.paragraph_docs(article))
    registry = PersonRegistry()
    registry.build(person_names(paras))
    quotes_of_article(article, paras, registry, observe)


def observed(article: Article, resources: Resources) -> list[tuple[Any, list[Any]]]:
    """(rules' speaker, candidates) for every quote span of the article."""
    seen: list[tuple[Any, list[Any]]] = []

    def observe(span: Any, paras: Any, quoted: Any, choice: Any, before: Any, _: Any) -> None:
        seen.append((choice, candidates.collect(span, paras, quoted, choice, before)))
        for candidate in seen[-1][1]:
            assert len(candidates.features(candidate, span, paras)) == len(candidates.FEATURES)

    each_quote(article, resources, observe)
    return seen


@pytest.mark.parametrize(("text", "chosen", "rival"), TEXTS)
def test_candidates_hold_the_rules_choice_and_its_rivals(
    resources: Resources, text: str, chosen: str, rival: str
) -> None:
    article = make(text, "quaytimes")
    seen = observed(article, resources)
    assert len(seen) == 1
    choice, found = seen[0]
    assert choice is not None and chosen in choice.text
    firsts = [c for c in found if "choice" in c.rules]
    assert len(firsts) == 1 and firsts[0].speaker is choice
    assert any(rival in c.speaker.text for c in found), [c.speaker.text for c in found]
    # One candidate a phrase; each points at its own words in a kept paragraph.
    spans = [(c.speaker.start, c.speaker.end) for c in found]
    assert len(spans) == len(set(spans))
    for c in found:
        assert article.text[c.speaker.start : c.speaker.end] == c.speaker.text
        assert any(
            p.start <= c.speaker.start and c.speaker.end <= p.end for p in article.paragraphs
        )


@pytest.mark.parametrize(("text", "chosen", "rival"), TEXTS)
def test_an_observer_changes_no_speaker(
    resources: Resources, text: str, chosen: str, rival: str
) -> None:
    article = make(text, "quaytimes")
    plain = [(q.text, q.speaker) for q in find_quotes([article], resources)]
    observed(article, resources)
    assert [(q.text, q.speaker) for q in find_quotes([article], resources)] == plain
    assert [speaker for _, speaker in plain] == [chosen]


SHE = "Lena Ortiz arrived late. She said: “The quay will open in May.”"
THEY = "They said: “The quay will open in May.”"
TOLD = "Mayor Lena Ortiz told Councillor Dale Ferris on Friday: “The quay will open in May.”"
# (text, candidate phrase, feature, value)
FEATURE_CASES = [
    *[(SHE, "She", name, 1.0) for name in ("singular_pronoun", "dep_nsubj", "cue_root")],
    (SHE, "She", "has_person", 0.0),
    (SHE, "Lena Ortiz", "has_person", 1.0),
    (SHE, "Lena Ortiz", "after", 0.0),
    (THEY, "They", "other_pronoun", 1.0),
    (THEY, "They", "singular_pronoun", 0.0),
    (TOLD, "Mayor Lena Ortiz", "cue_same_sentence", 1.0),
]


@pytest.mark.parametrize(("text", "phrase", "name", "value"), FEATURE_CASES)
def test_features_describe_the_candidate(
    resources: Resources, text: str, phrase: str, name: str, value: float
) -> None:
    rows: list[list[float]] = []

    def observe(span: Any, paras: Any, quoted: Any, choice: Any, before: Any, _: Any) -> None:
        found = candidates.collect(span, paras, quoted, choice, before)
        for c in found:
            numbers = candidates.features(c, span, paras, quoted, found)
            assert len(numbers) == len(candidates.FEATURES)
            if c.speaker.text == phrase:
                rows.append(numbers)

    each_quote(make(text, "quaytimes"), resources, observe)
    assert len(rows) == 1, f"no single candidate {phrase!r}"
    assert rows[0][candidates.FEATURES.index(name)] == value
