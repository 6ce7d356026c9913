"""Claim lists a reader can trust: one fact is one claim, and its wording reads whole.

Quote evidence (a quote's sentence and the sentences that quote or paraphrase it join one
claim), claims that cannot be shown alone, and quotation marks in claim wordings. Every
article is invented (a dock strike in the fictional port of Calder Bay).
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from corroborate.claims import _unmatched_marks, align_claims, balance_quotes, join_unshowable
from corroborate.claims.align import Alignment, align_units
from corroborate.claims.quoted import merge_quoted, quote_links
from corroborate.nlp import Resources
from corroborate.quotes import find_quotes
from corroborate.records import Article
from corroborate.sources import sources_of
from test_claims import FILLER_A, FILLER_B, article

# Lind's statement, two sentences of two facts, as outlets carry it.
STATEMENT = (
    "“We must accept that reopening the old quays to container ships is an unrealistic "
    "objective. Chasing that illusory aim will only cost the port another year,” Lind told "
    "the harbour board on Monday."
)
# an outlet that reports the first sentence in its own words, with one word of it quoted
REPORTED = (
    "Port director Mara Lind said it was “unrealistic” to expect the old quays to take "
    "container ships again."
)
# an outlet that quotes only the second sentence
SECOND_ONLY = "“Chasing that illusory aim will only cost the port another year,” Lind said."
INTRO = "Port director Mara Lind addressed the harbour board of Calder Bay on Monday."


def _story(resources: Resources, *, copy: bool = False) -> tuple[list[Article], Alignment]:
    articles = [
        article("quoting", [INTRO, STATEMENT, FILLER_A]),
        article("reporting", [REPORTED, FILLER_B], group="g-reporting"),
        article("second", [INTRO, SECOND_ONLY]),
    ]
    if copy:  # the reporting outlet's text run again by another site: the same source
        articles.append(article("copy", [REPORTED], group="g-reporting"))
    return articles, align_units(articles, resources)


def _holding(alignment: Alignment, phrase: str) -> list[int]:
    return [i for i, u in enumerate(alignment.units) if phrase in u.text]


def test_a_quote_links_each_sentence_to_what_carries_it(resources: Resources) -> None:
    articles, alignment = _story(resources)
    by_id = {a.id: a for a in articles}
    groups = quote_links(alignment, find_quotes(articles, resources), by_id)
    first = set(_holding(alignment, "unrealistic objective"))
    second = set(_holding(alignment, "illusory aim"))
    reported = set(_holding(alignment, "to expect the old quays"))
    assert first and second and reported
    # the reported sentence quotes one word of the first sentence: it carries that one only
    assert any(first & set(g) and reported & set(g) for g in groups)
    assert not any(second & set(g) and reported & set(g) for g in groups)
    assert not any(first & set(g) and second & set(g) for g in groups)


@pytest.mark.parametrize("copy", [False, True])
def test_quote_and_paraphrase_become_one_claim_without_inflating(
    copy: bool, resources: Resources
) -> None:
    articles, alignment = _story(resources, copy=copy)
    by_id = {a.id: a for a in articles}
    first = _holding(alignment, "unrealistic objective")
    reported = _holding(alignment, "to expect the old quays")
    rest = [[i] for i in range(len(alignment.units)) if i not in first + reported]
    alignment.clusters = [list(first), list(reported), *rest]  # apart, as alignment may leave
    merge_quoted(alignment, find_quotes(articles, resources), by_id)
    joined = next(c for c in alignment.clusters if set(first) <= set(c))
    assert set(reported) <= set(joined)
    spans = [alignment.units[i].sentence for i in joined]
    # the copy adds a mention, never a source: the quoting outlet and the reporting one
    assert len(sources_of(spans, by_id)) == 2


def test_a_quoted_title_is_no_evidence(resources: Resources) -> None:
    articles = [
        article("t1", ["Critics said “Harbour Lights” showed Calder Bay at its worst last year."]),
        article("t2", ["The port board banned filming of “Harbour Lights” on the quays in May."]),
    ]
    alignment = align_units(articles, resources)
    by_id = {a.id: a for a in articles}
    assert quote_links(alignment, find_quotes(articles, resources), by_id) == []


def test_the_pipeline_joins_them_and_counts_each_source_once(resources: Resources) -> None:
    articles, _ = _story(resources, copy=True)
    claims = align_claims(articles, resources)
    holders = [
        c
        for c in claims
        if any("to expect the old quays" in m.text for m in c.mentions)
        and any("unrealistic objective" in m.text for m in c.mentions)
    ]
    assert len(holders) == 1
    assert holders[0].independent_sources == 2
    assert holders[0].status == "corroborated"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("The board called the plan “not realistic,”", "The board called the plan “not realistic”"),
        (
            "Lind wants to end the strike through “talks,”",
            "Lind wants to end the strike through “talks”",
        ),
        ("“The quays must be rebuilt by spring.", "“The quays must be rebuilt by spring.”"),
        ("Shippers must lead the way.”", "“Shippers must lead the way.”"),
        ("Lind said that “reopening is a priority –", "Lind said that “reopening is a priority”"),
        ("The pickets will be met with dismay – –", "The pickets will be met with dismay"),
        ('The union called it a "fair offer"', 'The union called it a "fair offer"'),
        ('"We are ready to talk.', '"We are ready to talk."'),
        ("” the strike must end", "the strike must end"),
        ("The board said the strike must “", "The board said the strike must"),
        ("Calder Bay’s quays stay shut", "Calder Bay’s quays stay shut"),
        ("The ‘robust’ guarantees hold", "The ‘robust’ guarantees hold"),
        ("The cuts fall on older readers.'", "'The cuts fall on older readers.'"),
        ("'The quays stay shut,' Lind said.", "'The quays stay shut,' Lind said."),
        ("Calder Bay's quays stay shut.", "Calder Bay's quays stay shut."),
    ],
)
def test_no_wording_ends_or_begins_inside_a_dangling_mark(text: str, shown: str) -> None:
    assert balance_quotes(text) == shown


WORDS = st.sampled_from(
    [
        "the",
        "quays",
        "Lind’s",
        "strike,",
        "“must",
        "end”",
        "‘talks’",
        '"now',
        'later"',
        "–",
        "”",
        "“",
    ]
)


@given(st.lists(WORDS, min_size=1, max_size=12))
@example(['"now', "end”", 'later"'])  # reopening with a straight mark before a straight mark
def test_every_mark_shown_is_matched_and_tidying_is_stable(words: list[str]) -> None:
    shown = balance_quotes(" ".join(words))
    assert _unmatched_marks(shown) == ([], [])
    assert balance_quotes(shown) == shown


CLAUSE = "The minister said talks would go on and made clear the port would not reopen in June."
RESTATING = [
    "The port will not reopen in June, the harbour board said on Friday.",
    "According to the harbour board, the port cannot reopen in June.",
]


@pytest.mark.parametrize("clause_stands", [False, True])
def test_a_clause_that_cannot_stand_joins_the_claim_it_restates(
    clause_stands: bool, resources: Resources
) -> None:
    articles = [
        article("wire", [CLAUSE, FILLER_A], group="g-wire"),
        article("copy", [CLAUSE], group="g-wire"),
        article("board", [RESTATING[0], FILLER_B]),
        article("other", [RESTATING[1]]),
    ]
    alignment = align_units(articles, resources)
    units = alignment.units
    clause = [i for i, u in enumerate(units) if u.text.startswith("made clear")]
    shared = [i for i, u in enumerate(units) if u.whole.text == RESTATING[0]]
    restating = [i for i, u in enumerate(units) if u.whole.text == RESTATING[1]]
    assert len(clause) == 2 and shared and restating
    for i in clause:
        units[i].standalone = clause_stands
    rest = [[i] for i in range(len(units)) if i not in clause + shared + restating]
    # the board's sentence holds both claims' words, as `add_contained` leaves it
    alignment.clusters = [clause + shared, shared + restating, *rest]
    join_unshowable(alignment)
    joined = [c for c in alignment.clusters if set(clause) <= set(c)]
    assert len(joined) == 1
    assert (set(restating) <= set(joined[0])) is not clause_stands
    spans = [units[i].sentence for i in joined[0]]
    # the wire and its copy are one source: joined, three groups at most, never four
    assert len(sources_of(spans, {a.id: a for a in articles})) == (2 if clause_stands else 3)
