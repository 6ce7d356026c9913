"""Speed of disputes between claims on big stories (issue 7): what `cross._times_apart` reads
of a sentence is read once per sentence, and never given to another article's sentence.

Invented wire story: a ferry grounding told by several outlets, some of them copies with other
paragraphs before the copied sentence (so one text sits at other offsets), others with another
sentence at the same offset as a copy's (so one offset holds other texts).
"""

from __future__ import annotations

import itertools

import pytest

from corroborate.claims.align import sentence_units
from corroborate.claims.cross import _times_apart
from corroborate.claims.disputes import FigureSubjects
from corroborate.nlp import Resources
from corroborate.records import Article
from test_claims import article

SENTENCES = [
    "The ferry Northwind ran aground off Kessel Point with 212 passengers on board.",
    "Early on Monday the ferry Northwind ran aground off Kessel Point.",
    "Previously, the ferry Northwind had run aground off Kessel Point in heavy fog.",
    "In December the ferry Northwind ran aground off Kessel Point, the coastguard said.",
]
LEADS = ["", "KESSEL — Coastguard crews were called out at dawn.", "By a staff reporter."]


def _story() -> list[Article]:
    """Each sentence in an outlet of its own after each lead: copies at other offsets, and
    other sentences at one offset."""
    articles = []
    for (k, sentence), (m, lead) in itertools.product(enumerate(SENTENCES), enumerate(LEADS)):
        paragraphs = [lead, sentence] if lead else [sentence]
        articles.append(article(f"wire{k}{m}", paragraphs))
    return articles


@pytest.mark.parametrize("order", ["forward", "backward"])
def test_times_apart_is_each_sentences_own(order: str, resources: Resources) -> None:
    articles = _story()
    units = sentence_units(articles, resources)
    pairs = list(itertools.combinations(range(len(units)), 2))
    if order == "backward":
        pairs.reverse()
    shared = FigureSubjects(articles, resources)  # one cache over every pair, as a story has
    found = [_times_apart(units[i], units[j], shared) for i, j in pairs]
    # each pair read afresh: nothing kept from another pair
    alone = [
        _times_apart(units[i], units[j], FigureSubjects(articles, resources)) for i, j in pairs
    ]
    assert found == alone
    assert any(found) and not all(found)  # the story has pairs of both kinds


def test_a_copy_at_another_offset_reads_as_its_text(resources: Resources) -> None:
    articles = _story()
    units = sentence_units(articles, resources)
    subjects = FigureSubjects(articles, resources)
    plain = [u for u in units if u.whole.text == SENTENCES[0]]
    dated = [u for u in units if u.whole.text == SENTENCES[1]]
    assert len({u.whole.start for u in plain}) > 1  # the copies sit at other offsets
    for a, b in itertools.product(plain, dated):
        assert _times_apart(a, b, subjects)  # "Early on Monday" is a time the other lacks
    for a, b in itertools.combinations(plain, 2):
        assert not _times_apart(a, b, subjects)
