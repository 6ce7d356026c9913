"""The cited extractive summary, over invented coverage of a fictional dock strike."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate import summary as summary_module
from corroborate.claims import align_claims
from corroborate.nlp import Resources
from corroborate.records import Article, Borrowed, Claim, Mention, Removed
from corroborate.segment import segment_article
from corroborate.settings import Settings
from corroborate.summary import SIGNALS, SummaryWeights, signals, summarise
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
POOL = [STRIKE, STRIKE_2, STRIKE_3, CLOSED, CLOSED_2, *EXTRA]


def with_junk(item: Article) -> Article:
    """Append the newsletter line as a removed block, the way cleaning leaves it."""
    start = len(item.text) + 2
    item.text = f"{item.text}\n\n{JUNK}"
    item.removed = [Removed(start, start + len(JUNK), "share", JUNK)]
    return segment_article(item)


def claim(story: list[Article], texts: set[str], sources: int) -> Claim:
    """A claim whose mentions are the story's sentences with those texts."""
    mentions = [
        Mention(s.article, s.start, s.end, s.text)
        for a in story
        for s in a.sentences
        if s.text in texts
    ]
    key = hashlib.sha1("|".join(sorted(texts)).encode()).hexdigest()[:8]
    status = "corroborated" if sources >= 2 else "single-source"
    return Claim(f"c-{key}", mentions[0].text, status, sources, mentions)


@pytest.fixture(scope="module")
def story() -> list[Article]:
    return [
        with_junk(article("post", [STRIKE, CLOSED, EXTRA[0]])),
        with_junk(article("herald", [STRIKE_2, EXTRA[1], CLOSED_2])),
        with_junk(article("courier", [EXTRA[2], STRIKE_3, EXTRA[3]])),
    ]


@pytest.fixture(scope="module")
def claims(story: list[Article]) -> list[Claim]:
    return [claim(story, {STRIKE, STRIKE_2, STRIKE_3}, 3), claim(story, {CLOSED, CLOSED_2}, 2)]


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources(Settings(summary_sentences=4))


@pytest.mark.parametrize("count", [1, 3, 5])
@pytest.mark.parametrize("with_claims", [True, False])
def test_summary_has_the_sentences_asked_for(
    story: list[Article],
    claims: list[Claim],
    resources: Resources,
    count: int,
    with_claims: bool,
) -> None:
    summary = summarise(story, claims if with_claims else [], resources, count=count)
    assert len(summary) == count


def test_best_supported_fact_comes_first_with_its_citations(
    story: list[Article], claims: list[Claim], resources: Resources
) -> None:
    summary = summarise(story, claims, resources)
    assert len(summary) == resources.settings.summary_sentences
    first = summary[0]
    assert first.text in {STRIKE, STRIKE_2, STRIKE_3}
    assert first.claims == [claims[0].id]
    assert set(first.articles) == {a.id for a in story}


def test_a_fact_is_told_once_and_junk_never(
    story: list[Article], claims: list[Claim], resources: Resources
) -> None:
    summary = summarise(story, claims, resources, count=6)
    texts = [s.text for s in summary]
    assert len([t for t in texts if t in {STRIKE, STRIKE_2, STRIKE_3}]) == 1
    assert len([t for t in texts if t in {CLOSED, CLOSED_2}]) == 1
    assert JUNK not in " ".join(texts)


@pytest.mark.parametrize("group", ["own", "copy"])
def test_a_sentence_repeated_word_for_word_is_told_once(resources: Resources, group: str) -> None:
    """Without claims to say so, a near-verbatim repeat is still a repeat (copy or not)."""
    first = article("tide", [STRIKE, EXTRA[0], EXTRA[1]])
    second = article(
        "wave", [STRIKE.replace("Monday", "Monday morning"), EXTRA[2], EXTRA[3]],
        group=first.source_group if group == "copy" else None,
    )  # fmt: skip
    summary = summarise([first, second], [], resources, count=5)
    assert len([s for s in summary if "walked off the job" in s.text]) == 1


@pytest.mark.parametrize(
    ("kind", "sources", "said_by"), [("copy", 2, 1), ("borrowed", 3, 1), ("independent", 3, 2)]
)
def test_support_counts_sources_not_articles(kind: str, sources: int, said_by: int) -> None:
    """A whole copy and a borrowed passage belong to their origin's source; others add one.

    The third article repeats the origin's strike sentence: as a copy, as a passage it borrowed
    (its other sentence is its own), or as an independent outlet."""
    origin = article("line", [STRIKE, CLOSED])
    other = article("ledger", [STRIKE_2, EXTRA[1]])
    third = article(
        "reprint", [STRIKE, EXTRA[2]], group=origin.source_group if kind == "copy" else None
    )
    if kind == "borrowed":
        first = third.sentences[0]
        third.borrowed = [Borrowed(first.start, first.end, origin.id, 0, len(STRIKE))]
    story = [origin, other, third]
    sentences = [s for a in story for s in a.sentences]
    resolved = summary_module._story(story, sentences)
    assert resolved.sources == sources
    by_text = {(s.article, s.text): int(k) for s, k in zip(sentences, resolved.source, strict=True)}
    assert (by_text[(third.id, STRIKE)] == by_text[(origin.id, STRIKE)]) == (kind != "independent")
    support = signals(story, sentences)[0][:, SIGNALS.index("support_count")]
    # the origin's strike sentence: the other sources that say it, as a share of the others
    assert support[0] == pytest.approx(said_by / (sources - 1))


def test_summary_needs_no_model(story: list[Article], claims: list[Claim]) -> None:
    """The summary is lexical: models that cannot load are never asked for."""
    resources = Resources(Settings(spacy_model="no_such_model", embedder="no-such-embedder"))
    assert len(summarise(story, claims, resources, count=3)) == 3


def test_with_the_aligner_the_first_sentence_cites_every_outlet(
    story: list[Article], resources: Resources
) -> None:
    claims = align_claims(story, resources)
    first = summarise(story, claims, resources)[0]
    assert first.text in {STRIKE, STRIKE_2, STRIKE_3}
    assert first.claims and all(c in {claim.id for claim in claims} for c in first.claims)
    assert set(first.articles) == {a.id for a in story}


def test_no_articles_no_summary(resources: Resources) -> None:
    assert summarise([], [], resources) == []


@settings(max_examples=60, deadline=None)
@given(
    picks=st.lists(
        st.lists(st.sampled_from(POOL), min_size=1, max_size=5, unique=True),
        min_size=1,
        max_size=4,
    ),
    count=st.integers(1, 8),
)
def test_summary_spans_are_distinct_kept_sentences(picks: list[list[str]], count: int) -> None:
    articles = [with_junk(article(f"outlet{k}", texts)) for k, texts in enumerate(picks)]
    unique = {a.id: a for a in articles}
    summary = summarise(articles, [], Resources(), count=count)
    kept = {(s.article, s.start, s.end) for a in unique.values() for s in a.sentences}
    spans = [(s.article, s.start, s.end) for s in summary]
    assert len(summary) <= count
    assert len(set(spans)) == len(spans)
    assert set(spans) <= kept
    for sentence in summary:
        host = unique[sentence.article]
        assert host.text[sentence.start : sentence.end] == sentence.text
        assert all(sentence.end <= r.start or sentence.start >= r.end for r in host.removed)


QUOTED = "“The terminal will stay closed until Thursday,” port director Mara Lind said."
HOWEVER = "However, she said the terminal would stay closed until Thursday at the earliest."


@pytest.mark.parametrize(
    ("shown", "also_states", "expected"),
    [
        (QUOTED, None, CLOSED),  # the bare quote gives way to the plain report of it
        (HOWEVER, None, CLOSED),  # so does a sentence leaning on the one before
        (QUOTED, "strike", QUOTED),  # the plainer one would tell the strike a second time
        (CLOSED, None, CLOSED),  # already plain
    ],
)
def test_a_claim_is_shown_in_its_plainest_wording(
    shown: str, also_states: str | None, expected: str
) -> None:
    story = [
        article("wire", [STRIKE, QUOTED]),
        article("daily", [HOWEVER, EXTRA[0]]),
        article("weekly", [CLOSED, STRIKE_2]),
    ]
    closed = claim(story, {QUOTED, HOWEVER, CLOSED}, 3)
    strike = claim(story, {STRIKE, STRIKE_2}, 2)
    if also_states:  # the plain sentence also states the strike claim
        strike.mentions.append(next(m for m in closed.mentions if m.text == CLOSED))
    candidates = summary_module._candidates(story, [closed, strike])
    table, _ = signals(story, [c.sentence for c in candidates])
    texts = [c.sentence.text for c in candidates]
    chosen = [texts.index(shown), texts.index(STRIKE)]
    shown_now = summary_module.plain_wordings(
        candidates, chosen, summary_module._awkwardness(table)
    )
    assert [texts[i] for i in shown_now] == [expected, STRIKE]


def test_dense_and_sparse_vectors_give_the_same_signals(
    story: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Small stories use numpy arrays, large ones scipy's sparse rows: the figures agree."""
    sentences = [s for a in story for s in a.sentences]
    monkeypatch.setattr(summary_module, "DENSE_CELLS", 10**9)
    dense, dense_cosines = signals(story, sentences)
    monkeypatch.setattr(summary_module, "DENSE_CELLS", 0)
    sparse, sparse_cosines = signals(story, sentences)
    assert dense == pytest.approx(sparse) and dense_cosines == pytest.approx(sparse_cosines)


def test_a_sentence_adding_a_new_claim_may_share_an_old_one() -> None:
    """A sentence is skipped only when everything it states is already told."""
    both = (
        "Dockworkers walked off the job on Monday and the terminal will stay shut until Thursday."
    )
    story = [
        article("bulletin", [both, EXTRA[0]]),
        article("gazette", [STRIKE_2, EXTRA[1]]),
        article("observer", [CLOSED_2, EXTRA[2]]),
    ]
    strike = claim(story, {both, STRIKE_2}, 2)
    closed = claim(story, {both, CLOSED_2}, 2)
    candidates = summary_module._candidates(story, [strike, closed])
    ranked = [STRIKE_2, both, CLOSED_2, *EXTRA]  # the order the scores put them in
    for candidate in candidates:
        candidate.score = 10.0 - ranked.index(candidate.sentence.text)
    unrelated = np.eye(len(candidates))  # no lexical overlap: only the claims decide
    chosen = summary_module.select(candidates, unrelated, 3, SummaryWeights(overlap=0.0))
    texts = [candidates[i].sentence.text for i in chosen]
    assert texts == [STRIKE_2, both, EXTRA[0]]  # CLOSED_2 only says again what `both` said
