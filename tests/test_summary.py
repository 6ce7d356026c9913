"""The cited extractive summary, over invented coverage of a fictional dock strike."""

from __future__ import annotations

import hashlib
from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

from corroborate import summary as summary_module
from corroborate.claims import align_claims
from corroborate.nlp import Resources
from corroborate.records import Article, Borrowed, Claim, Mention, Removed
from corroborate.segment import segment_article
from corroborate.settings import Settings
from corroborate.summary import (
    Coverage,
    SummaryWeights,
    awkwardness,
    select,
    sentence_sources,
    summarise,
    word_rows,
)
from corroborate.summary import words as words_module
from corroborate.summary.words import WORD_FEATURES, Prior, shipped_prior, tokens
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
    source = sentence_sources(story, sentences)
    assert source == resolved.source.tolist()
    words = word_rows(story, sentences, source, shipped_prior())
    share = words.table[words.vocabulary.index("walk"), WORD_FEATURES.index("source_share")]
    # "walked" is in the strike sentences: the origin's source and the others that say it
    assert share == pytest.approx((1 + said_by) / sources)


def test_summary_without_claims_needs_no_model(story: list[Article]) -> None:
    """Without claims the summary is lexical: models that cannot load are never asked for."""
    resources = Resources(Settings(spacy_model="no_such_model", embedder="no-such-embedder"))
    assert len(summarise(story, [], resources, count=3)) == 3


@pytest.mark.parametrize("with_meaning", [True, False])
def test_a_claim_joining_two_facts_bars_only_the_sentence_that_means_the_same(
    resources: Resources, with_meaning: bool
) -> None:
    """A claim that joined the strike with the union's record (a shared topic, not a shared
    fact): the record still gets told, since it does not mean what the strike sentence does;
    the strike's paraphrase does and stays out. Without meaning, the claim alone bars both."""
    story = [
        article("post", [STRIKE]),
        article("herald", [STRIKE_2]),
        article("courier", [EXTRA[1]]),
    ]
    joined = claim(story, {STRIKE, STRIKE_2, EXTRA[1]}, 3)
    candidates = summary_module._candidates(story, [joined])
    texts = [c.sentence.text for c in candidates]
    covered = _one_word_each(candidates, [STRIKE, STRIKE_2, EXTRA[1]])
    meaning = summary_module.Meaning(texts, resources) if with_meaning else None
    chosen = select(candidates, covered, _unrelated(candidates), 3, SummaryWeights(), meaning)
    told = [texts[i] for i in chosen]
    assert told == ([STRIKE, EXTRA[1]] if with_meaning else [STRIKE])


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
    texts = [c.sentence.text for c in candidates]
    chosen = [texts.index(shown), texts.index(STRIKE)]
    awkward = awkwardness([c.sentence for c in candidates])
    shown_now = summary_module.plain_wordings(candidates, chosen, awkward)
    assert [texts[i] for i in shown_now] == [expected, STRIKE]


def test_dense_and_sparse_vectors_give_the_same_cosines(
    story: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Small stories use numpy arrays, large ones scipy's sparse rows: the cosines agree."""
    sentences = [s for a in story for s in a.sentences]

    def cosines(cells: int) -> np.ndarray:
        monkeypatch.setattr(summary_module, "DENSE_CELLS", cells)
        unit = summary_module._story(story, sentences).unit
        return summary_module._dense(unit @ unit.T)

    assert cosines(10**9) == pytest.approx(cosines(0))


def test_dense_and_sparse_word_counts_give_the_same_summary(
    story: list[Article], claims: list[Claim], monkeypatch: pytest.MonkeyPatch
) -> None:
    def picked(cells: int) -> list[tuple[str, int]]:
        monkeypatch.setattr(words_module, "DENSE_CELLS", cells)
        monkeypatch.setattr(summary_module, "DENSE_CELLS", cells)
        return [(s.article, s.start) for s in summarise(story, claims, Resources(), count=4)]

    assert picked(10**9) == picked(0)


def test_dense_and_sparse_word_counts_give_the_same_word_features(
    story: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    sentences = [s for a in story for s in a.sentences]
    source = sentence_sources(story, sentences)

    def table(cells: int) -> np.ndarray:
        monkeypatch.setattr(words_module, "DENSE_CELLS", cells)
        return word_rows(story, sentences, source, shipped_prior()).table

    assert table(10**9) == pytest.approx(table(0))


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The union can't say if it won the vote.", ["union", "won", "vote"]),
        ("Shippers don't know; they didn't ask.", ["shipper", "know", "ask"]),
        ("Mr Lind said this was the port's busiest week.", ["lind", "port", "busiest", "week"]),
    ],
)
def test_near_repeats_are_judged_on_content_words(text: str, content: list[str]) -> None:
    """The TF-IDF that finds near repeats counts content words: no stop word, no half of a
    contraction ("didn't": "didn", "t"), whatever its stem looks like."""
    assert summary_module._terms(tokens(text)) == content


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
    ranked = [STRIKE_2, both, CLOSED_2, *EXTRA]  # the order the chances put them in
    covered = _one_word_each(candidates, ranked)
    chosen = select(candidates, covered, _unrelated(candidates), 3, SummaryWeights())
    texts = [candidates[i].sentence.text for i in chosen]
    assert texts == [STRIKE_2, both, EXTRA[0]]  # CLOSED_2 only says again what `both` said


def _one_word_each(candidates: list[summary_module.Candidate], ranked: list[str]) -> Coverage:
    """Each sentence one word of its own, more likely in the roundup the earlier it is ranked;
    every sentence ten words long."""
    for candidate in candidates:
        candidate.words = 10
    order = [ranked.index(c.sentence.text) for c in candidates]
    chance = np.array([1.0 - k / 10 for k in range(len(ranked))])
    return Coverage(sparse.csr_matrix(np.eye(len(ranked))[order]), chance)


def _unrelated(candidates: list[summary_module.Candidate]) -> np.ndarray:
    return np.eye(len(candidates))  # no lexical overlap: only the claims and words decide


@pytest.mark.parametrize(("decay", "second"), [(0.5, EXTRA[2]), (0.9, STRIKE_2)])
def test_a_word_said_again_is_worth_less(decay: float, second: str) -> None:
    """After STRIKE, STRIKE_2 brings only its words again: worth `decay` of their chance each.

    With a low decay EXTRA[2]'s new but less likely words gain more; with a high one the
    repeated likelier words still do."""
    story = [article("crier", [STRIKE, EXTRA[1]]), article("dispatch", [STRIKE_2, EXTRA[2]])]
    candidates = summary_module._candidates(story, [])
    for candidate in candidates:
        candidate.words = 10
    texts = [c.sentence.text for c in candidates]
    # words 0-1 belong to both strike sentences (chance 0.9), 2-3 to EXTRA[2] (0.6), 4 to EXTRA[1]
    rows = {STRIKE: [0, 1], STRIKE_2: [0, 1], EXTRA[2]: [2, 3], EXTRA[1]: [4]}
    counts = np.zeros((len(texts), 5))
    for k, text in enumerate(texts):
        counts[k, rows[text]] = 1
    covered = Coverage(sparse.csr_matrix(counts), np.array([0.9, 0.9, 0.6, 0.6, 0.1]))
    weights = SummaryWeights(decay=decay)
    chosen = select(candidates, covered, _unrelated(candidates), 2, weights)
    assert [texts[i] for i in chosen] in ([STRIKE, second], [STRIKE_2, second])


def test_word_features_count_independent_sources_and_headlines(story: list[Article]) -> None:
    """A word every outlet uses, early and in a headline, against one a single outlet uses."""
    story[0].title = "Calder Bay dockworkers strike"
    try:
        sentences = [s for a in story for s in a.sentences]
        source = sentence_sources(story, sentences)
        words = word_rows(story, sentences, source, shipped_prior())
    finally:
        story[0].title = None
    feature = {name: k for k, name in enumerate(WORD_FEATURES)}
    calder, bread = (words.table[words.vocabulary.index(w)] for w in ("calder", "bread"))
    assert calder[feature["source_share"]] == 1.0
    assert bread[feature["source_share"]] == pytest.approx(1 / 3)
    assert (calder[feature["one_source"]], bread[feature["one_source"]]) == (0.0, 1.0)
    assert (calder[feature["title_share"]], bread[feature["title_share"]]) == (1.0, 0.0)
    assert calder[feature["earliest"]] == 1.0 > bread[feature["earliest"]]
    holding = [s for s in sentences if "Calder" in s.text]  # the strike sentences and EXTRA[1]
    assert calder[feature["sentence_share"]] == pytest.approx(len(holding) / len(sentences))
    sizes = np.asarray(words.counts.sum(axis=1)).ravel()
    assert sizes.tolist() == [len(tokens(s.text)) for s in sentences]


@settings(max_examples=40, deadline=None)
@given(
    kept=st.dictionaries(
        st.sampled_from(["harbour", "strike", "gull", "crane", "the", "quay"]),
        st.integers(0, 12),
        min_size=1,
    ),
    extra=st.integers(0, 12),
)
def test_the_lexicon_ranks_words_by_how_often_roundups_keep_them(
    kept: dict[str, int], extra: int
) -> None:
    """Among words outlets used equally often, the more often kept gets higher log-odds; rare
    words get the overall rate; the written lines read back the same."""
    used = {word: 12 + extra for word in kept}
    used["rare"] = 4  # under PRIOR_MIN_STORIES
    prior = Prior.from_counts(Counter(used), Counter(kept))
    assert prior("rare") == prior.default == prior("never-seen")
    ranked = sorted(kept, key=lambda w: kept[w])
    odds = [prior(w) for w in ranked]
    assert odds == sorted(odds)
    parsed = dict(line.split("\t") for line in prior.lines()[1:])
    assert {w: float(v) for w, v in parsed.items()} == pytest.approx(
        {w: round(prior(w), 3) for w in kept}
    )


def test_the_shipped_lexicon_loads() -> None:
    prior = shipped_prior()
    assert len(prior.log_odds) > 1000
    assert -5 < prior.default < 0  # most words an outlet uses are not in the roundup


@pytest.mark.parametrize(("broad_words", "expected"), [(20, {"narrow", "other"}), (10, {"broad"})])
def test_a_long_first_pick_gives_way_to_two_that_say_more(
    broad_words: int, expected: set[str]
) -> None:
    """Greedy takes the broad sentence first (its four likely words per word beat the narrow
    ones'); when it is long, the two narrow sentences that share its words out between them
    make the better pair, and the swap pass finds them. When it is short it stays."""
    texts = {"broad": STRIKE, "narrow": STRIKE_2, "other": CLOSED, "aside": EXTRA[0]}
    story = [article("crier", [STRIKE, STRIKE_2]), article("dispatch", [CLOSED, EXTRA[0]])]
    candidates = summary_module._candidates(story, [])
    rows = {"broad": [0, 1, 2, 3], "narrow": [0, 1], "other": [2, 3], "aside": [4]}
    lengths = {"broad": broad_words, "narrow": 5, "other": 5, "aside": 5}
    name = {text: key for key, text in texts.items()}
    counts = np.zeros((len(candidates), 5))
    for k, candidate in enumerate(candidates):
        key = name[candidate.sentence.text]
        counts[k, rows[key]] = 1
        candidate.words = lengths[key]
    covered = Coverage(counts, np.array([0.8, 0.8, 0.8, 0.8, 0.1]))
    chosen = select(candidates, covered, _unrelated(candidates), 2, SummaryWeights())
    picked = {name[candidates[i].sentence.text] for i in chosen}
    assert len(chosen) == 2
    assert expected <= picked


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 2), min_size=6, max_size=6), min_size=3, max_size=9),
    st.lists(st.floats(0.01, 0.99), min_size=6, max_size=6),
    st.integers(1, 4),
)
def test_swaps_never_lower_the_selection_objective(
    rows: list[list[int]], chance: list[float], count: int
) -> None:
    """Whatever the words, the swap pass ends at least as high as greedy choice alone."""
    texts = [
        f"Sentence number {k} about the harbour strike went on for hours." for k in range(len(rows))
    ]
    story = [article("crier", texts)]
    candidates = summary_module._candidates(story, [])
    counts = np.array(rows, dtype=np.float64)
    for candidate, row in zip(candidates, rows, strict=True):
        candidate.words = sum(row) + 3
    covered = Coverage(counts, np.array(chance))
    weights = SummaryWeights()
    words = np.array([c.words for c in candidates], dtype=np.float64)
    length = count * weights.target_words

    def value(chosen: list[int]) -> float:
        return summary_module._set_value(covered, words, chosen, length, weights.decay)

    swapped = select(candidates, covered, _unrelated(candidates), count, weights)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(summary_module, "SWAP_PASSES", 0)
        greedy = select(candidates, covered, _unrelated(candidates), count, weights)
    assert len(swapped) == len(greedy) == min(count, len(rows))
    assert value(swapped) >= value(greedy) - 1e-12


def test_similarity_reads_as_the_dense_matrix() -> None:
    from scipy import sparse

    from corroborate.summary import Similarity

    rng = np.random.default_rng(7)
    unit = sparse.random(40, 25, density=0.3, random_state=rng, format="csr")
    dense = (unit @ unit.T).toarray()
    similarity = Similarity(unit)
    for cols in ([3], [0, 39, 12], list(range(40))):
        assert np.allclose(similarity[:, cols], dense[:, cols], rtol=0, atol=1e-12)
        assert np.allclose(similarity[5, cols], dense[5, cols], rtol=0, atol=1e-12)


HALTED = "Container traffic at Calder Bay will stay halted until Thursday because the dockworkers "
HALTED += "walked off the job"


@pytest.mark.parametrize(
    ("quote", "named"),
    [
        (f'"{HALTED}," he said.', f'"{HALTED}," said union leader Tomas Vey.'),
        (f"“{HALTED},” she added.", f"“{HALTED},” union leader Ada Vey added."),
        (f"'{HALTED},' said he.", f"'{HALTED},' said Tomas Vey."),
        (
            f'"{HALTED}," they said, "and we mean it."',
            f'"{HALTED}," the union said, "and we mean it."',
        ),
        (f"He said c{HALTED[1:]}.", f"Union leader Tomas Vey said c{HALTED[1:]}."),
    ],
)
@pytest.mark.parametrize("with_claims", [True, False])
def test_a_quote_whose_speaker_is_only_a_pronoun_is_not_summarised(
    story: list[Article],
    claims: list[Claim],
    resources: Resources,
    quote: str,
    named: str,
    with_claims: bool,
) -> None:
    """Out of its article nobody knows who "he" is: the summary takes sentences that stand on
    their own. The same words with the speaker named are taken (the words earn the place)."""
    for text, taken in ((quote, False), (named, True)):
        lead = "Dockworkers at Calder Bay stayed off the job on Monday morning."
        gazette = article("gazette", [lead, text])
        found = claims if with_claims else []
        picked = summarise([*story, gazette], found, resources, count=4)
        assert (text in [s.text for s in picked]) is taken, text
