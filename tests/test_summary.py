"""The cited extractive summary, over invented coverage of a fictional dock strike."""

from __future__ import annotations

import numpy as np
import pytest

from corroborate.claims import align_claims
from corroborate.nlp import Resources
from corroborate.records import Article, Removed
from corroborate.segment import segment_article
from corroborate.settings import Settings
from corroborate.summary import summarise
from test_claims import article

JUNK = "Sign up for the Harbour Post morning newsletter and never miss a story from the docks."

STRIKE = "Dockworkers at Calder Bay walked off the job on Monday, halting all container traffic."
STRIKE_2 = "Container traffic at Calder Bay stopped on Monday when dockworkers walked off the job."
STRIKE_3 = (
    "Calder Bay's dockworkers went on strike on Monday, bringing container traffic to a halt."
)
CLOSED = "Port director Mara Lind said the terminal would stay closed until Thursday."
CLOSED_2 = "The terminal will remain shut until Thursday, according to port director Mara Lind."
EXTRA = [
    "A bakery near the harbour gates handed out free bread to the pickets at noon.",
    "The union has not called a strike at Calder Bay since the winter of 1998.",
    "Shipping lines said perishable cargo would be diverted to the port of Northmoor.",
    "Gulls gathered over the empty quays as the cranes stood idle in the rain.",
]


def with_junk(item: Article) -> Article:
    """Append the newsletter line as a removed block, the way cleaning leaves it."""
    start = len(item.text) + 2
    item.text = f"{item.text}\n\n{JUNK}"
    item.removed = [Removed(start, start + len(JUNK), "share", JUNK)]
    return segment_article(item)


@pytest.fixture(scope="module")
def story() -> list[Article]:
    return [
        with_junk(article("post", [STRIKE, CLOSED, EXTRA[0]])),
        with_junk(article("herald", [STRIKE_2, EXTRA[1], CLOSED_2])),
        with_junk(article("courier", [EXTRA[2], STRIKE_3, EXTRA[3]])),
    ]


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources(Settings(summary_sentences=4))


@pytest.mark.parametrize("count", [1, 3, 5])
def test_summary_has_the_sentences_asked_for(
    story: list[Article], resources: Resources, count: int
) -> None:
    claims = align_claims(story, resources)
    assert len(summarise(story, claims, resources, count=count)) == count


def test_best_supported_fact_comes_first_with_its_citations(
    story: list[Article], resources: Resources
) -> None:
    claims = align_claims(story, resources)
    summary = summarise(story, claims, resources)
    assert len(summary) == resources.settings.summary_sentences
    first = summary[0]
    assert "strike" in first.text or "walked off" in first.text
    assert set(first.articles) == {a.id for a in story}
    assert first.claims and all(c in {claim.id for claim in claims} for c in first.claims)


def test_summary_never_repeats_a_fact_nor_uses_junk(
    story: list[Article], resources: Resources
) -> None:
    claims = align_claims(story, resources)
    summary = summarise(story, claims, resources, count=6)
    texts = {a.id: a.text for a in story}
    strike_sentences = [s for s in summary if s.text in {STRIKE, STRIKE_2, STRIKE_3}]
    assert len(strike_sentences) == 1
    assert len([s for s in summary if s.text in {CLOSED, CLOSED_2}]) == 1
    for sentence in summary:
        assert JUNK not in sentence.text
        assert texts[sentence.article][sentence.start : sentence.end] == sentence.text
    vectors = resources.embedder().embed([s.text for s in summary])
    similarity = vectors @ vectors.T - np.eye(len(summary))
    assert similarity.max() < 0.72


def test_no_articles_no_summary(resources: Resources) -> None:
    assert summarise([], [], resources) == []
