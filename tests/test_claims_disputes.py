"""Disputes only where two sources state incompatible versions of one fact.

Every article here is invented (a storm and a shipping accident in the fictional port of
Calder Bay), with the kinds of noise real scrapes carry: sentences cut inside a number, counts of
a part beside a total, bounds beside exact figures, negations worded without "not".
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corroborate.claims import align_claims
from corroborate.claims.disputes import figure_clash
from corroborate.claims.features import actor_clash, facts_of_tokens
from corroborate.nlp import Resources
from corroborate.records import Article, Claim
from test_claims import article


def claims_of(claims: list[Claim], host: Article, phrase: str) -> list[Claim]:
    return [
        c
        for c in claims
        if any(m.article == host.id and phrase in host.text[m.start : m.end] for m in c.mentions)
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a bound holds the exact figure, and two lower bounds never clash
        (
            "The storm killed at least three people in Calder Bay, the coastguard said.",
            "The storm killed 10 people in Calder Bay, the coastguard said.",
        ),
        (
            "The storm killed at least 10 people in Calder Bay on Monday.",
            "The storm killed at least three people in Calder Bay on Monday.",
        ),
        # a count of a part beside the total
        (
            "The three injured deckhands were taken to St Anne's hospital in Calder Bay.",
            "The two other injured deckhands were taken to St Anne's hospital in Calder Bay.",
        ),
        # an age is no count of shots
        (
            "Harbour police fired a total of 9 shots at the smuggler Piet Vos.",
            "Piet Vos, 19, was shot nine times by harbour police.",
        ),
        # one figure both give: the other is about another thing
        (
            "A total of 27 separate pieces of rescue equipment answered the call, including "
            "three tugs.",
            "A total of 27 tugs, launches and other boats were eventually on the scene.",
        ),
        # a fraction written without its leading zero is no count of games
        (
            "The Calder Rovers won 18 of their next 23 games after the new year.",
            "The Calder Rovers raised their winning percentage to .519 in games after the new "
            "year.",
        ),
        # a running total against one operation's haul
        (
            "In their five patrols so far, the coastguard crews have seized 14 rifles.",
            "During the patrol off Calder Bay, the coastguard crews seized six rifles.",
        ),
        # one side rounded within its own precision: "$1 trillion" is the $1.2 trillion plan
        (
            "The Senate passed a $1 trillion harbour plan.",
            "The Senate passed a $1.2 trillion harbour plan.",
        ),
        (
            "The port's deficit reached $736bn last year.",
            "The port's deficit reached $735.7bn last year.",
        ),
        (
            "The council passed the $741 million budget.",
            "The council passed the $740.5 million budget.",
        ),
        ("The storm cost the port $3 billion.", "The storm cost the port $2.6 billion."),
    ],
)
def test_figures_that_can_both_be_true_do_not_clash(first: str, second: str) -> None:
    assert figure_clash(first, second) is None
    assert figure_clash(second, first) is None


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "The storm was followed by three strong aftershocks, the observatory said.",
            "The storm was followed by at least four strong aftershocks, the observatory said.",
        ),
        (
            "The port authority said 565 warehouses suffered serious damage.",
            "The port authority counted 355 damaged warehouses.",
        ),
        (
            "The skipper had been arrested four times for smuggling.",
            "The skipper had been arrested three times for smuggling.",
        ),
        # beyond the coarser side's precision, or both written to a tenth
        (
            "The Senate passed a $1 trillion harbour plan.",
            "The Senate passed a $1.5 trillion harbour plan.",
        ),
        (
            "The Senate passed a $1.0 trillion harbour plan.",
            "The Senate passed a $1.2 trillion harbour plan.",
        ),
        (
            "The port's deficit reached $736bn last year.",
            "The port's deficit reached $734.9bn last year.",
        ),
        ("The storm cost the port $500 million.", "The storm cost the port $300 million."),
        # thousands spaced by a scrape are no scale word
        (
            "The island lies 1, 500 kilometers south of the capital.",
            "The island lies 1, 150 kilometers south of the capital.",
        ),
    ],
)
def test_figures_that_cannot_both_be_true_clash(first: str, second: str) -> None:
    assert figure_clash(first, second) is not None
    assert figure_clash(second, first) is not None


@given(low=st.integers(1, 5_000), extra=st.integers(0, 5_000))
def test_a_lower_bound_never_clashes_with_a_figure_it_holds(low: int, extra: int) -> None:
    bound = f"The storm damaged at least {low} houses in Calder Bay."
    exact = f"The storm damaged {low + extra} houses in Calder Bay."
    assert figure_clash(bound, exact) is None
    assert figure_clash(exact, bound) is None


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "The injured skipper had not yet regained consciousness, harbour police said.",
            "The injured skipper had yet to regain consciousness, harbour police said.",
        ),
        (
            "The harbour master did not allow the trawler to leave the port on Monday.",
            "The harbour master refused to allow the trawler to leave the port on Monday.",
        ),
        (
            "The coastguard did not reach the stranded trawler before nightfall on Monday.",
            "The coastguard failed to reach the stranded trawler before nightfall on Monday.",
        ),
    ],
)
def test_a_negation_worded_another_way_is_no_dispute(
    first: str, second: str, resources: Resources
) -> None:
    a, b = article("a", [first]), article("b", [second])
    claims = align_claims([a, b], resources)
    assert all(c.status != "disputed" for c in claims), [c.reason for c in claims]
    # still one claim of two sources where the two align
    joined = [c for c in claims_of(claims, a, first[:20]) if len(c.mentions) == 2]
    assert all(c.status == "corroborated" for c in joined)


def test_a_number_cut_at_its_decimal_point_is_no_figure(resources: Resources) -> None:
    # A scrape that spaced the decimal point ("5. 8"), so the splitter may cut the sentence.
    a = article(
        "a", ["The earthquake near Calder Bay had a magnitude of 5. 8 on the Richter scale."]
    )
    b = article(
        "b", ["The earthquake near Calder Bay had a magnitude of 5.8 on the Richter scale."]
    )
    claims = align_claims([a, b], resources)
    assert all(c.status != "disputed" for c in claims), [c.reason for c in claims]


def test_a_true_dispute_is_kept(resources: Resources) -> None:
    first = "The storm has cost the port 12 million dollars so far, the chamber of commerce said."
    second = "The storm has cost the port 30 million dollars so far, the chamber of commerce said."
    a, b = article("a", [first]), article("b", [second])
    (claim,) = claims_of(align_claims([a, b], resources), a, first[:20])
    assert claim.status == "disputed"
    assert claim.reason is not None and claim.reason.startswith("different figures")


def one_claim(claims: list[Claim], a: Article, b: Article) -> Claim:
    """The claim holding both articles' sentences (the test is void if they never align)."""
    both = [c for c in claims if {m.article for m in c.mentions} >= {a.id, b.id}]
    assert len(both) == 1, [(c.text, [m.article for m in c.mentions]) for c in claims]
    return both[0]


# Each case: two sentences about different things that align as one claim and whose figures
# differ, then the same second sentence told about the first's subject (a true dispute). A
# third article names the story's main figure, as real stories do (that name then tells no
# two figures apart).
CONTEXT = "Tomas Brenn scored 31 goals for Calder Athletic last season, the club said."


@pytest.mark.parametrize(
    ("first", "other", "same"),
    [
        (  # two polls' findings
            "A poll for the Calder Courier found that 68 percent of residents oppose the "
            "new harbour tax.",
            "A poll for the Bay Herald found that 83 percent of residents oppose the new "
            "harbour tax.",
            "A poll for the Calder Courier found that 83 percent of residents oppose the "
            "new harbour tax.",
        ),
        (  # two clubs' offers, each named in its own clause
            "The Calder Rovers offered the striker Tomas Brenn a contract worth $200 million.",
            "The Harlow Mariners offered the striker Tomas Brenn a contract worth $150 million.",
            "The Calder Rovers offered the striker Tomas Brenn a contract worth $150 million.",
        ),
        (  # two things counted: people and boats
            "Coastguard officers detained 11 Velmark smugglers off Calder Bay on Monday.",
            "Coastguard officers detained two Velmark fishing boats off Calder Bay on Monday.",
            "Coastguard officers detained 14 Velmark smugglers off Calder Bay on Monday.",
        ),
        (  # what one side asks for is not what the other gives
            "The dockers' union is demanding a pay rise of 9 percent from the port authority.",
            "The port authority gave the dockers' union a pay rise of 4 percent.",
            "The dockers' union is demanding a pay rise of 4 percent from the port authority.",
        ),
    ],
)
def test_figures_about_different_things_do_not_dispute(
    first: str, other: str, same: str, resources: Resources
) -> None:
    a, b, c = article("a", [first]), article("b", [other]), article("c", [same])
    context = article("x", [CONTEXT])
    # two things may also be two claims (alignment keeps a figure of another named holder
    # apart): no claim holding both may be disputed
    claims = align_claims([a, b, context], resources)
    both = [k for k in claims if {m.article for m in k.mentions} >= {a.id, b.id}]
    assert all(k.status != "disputed" for k in both), [k.reason for k in both]
    together = one_claim(align_claims([a, c, context], resources), a, c)
    assert together.status == "disputed", [m.article for m in together.mentions]
    assert together.reason is not None and together.reason.startswith("different figures")


@pytest.mark.parametrize("earlier", ["Previously,", "In the past,", "Until now,"])
def test_a_negation_of_how_things_stood_before_is_no_dispute(
    earlier: str, resources: Resources
) -> None:
    now = "The new rules do not require shipping firms to consult the harbour council first."
    before = f"{earlier} shipping firms were required to consult the harbour council first."
    a, b = article("a", [now]), article("b", [before])
    claims = align_claims([a, b], resources)
    assert all(c.status != "disputed" for c in claims), [c.reason for c in claims]


@pytest.mark.parametrize(
    ("first", "second", "clash"),
    [
        (
            "The United States imposed the levy on steel.",
            "The U.S. imposed the levy on steel.",
            False,
        ),
        (
            "The US imposed the levy on steel.",
            "The United States imposed the levy on steel.",
            False,
        ),
        ("The European Union approved the loan.", "The EU approved the loan.", False),
        # the figure stage's aliases: one country under two names
        ("America imposed the levy on steel.", "The US imposed the levy on steel.", False),
        ("Britain imposed the levy on steel.", "The UK imposed the levy on steel.", False),
        ("Halvor Lind closed the port on Monday.", "Ada Brenner closed the port on Monday.", True),
        ("The United States imposed the levy on steel.", "Canada imposed the levy on steel.", True),
    ],
)
def test_a_short_form_of_a_name_is_the_same_doer(
    resources: Resources, first: str, second: str, clash: bool
) -> None:
    a, b = (facts_of_tokens(resources.spacy()(text)) for text in (first, second))
    assert (actor_clash(a, b) is not None) is clash


@given(whole=st.integers(1, 900), tenths=st.integers(-4, 4))
def test_a_whole_amount_holds_every_amount_that_rounds_to_it(whole: int, tenths: int) -> None:
    exact = whole + tenths / 10
    rounded = f"The harbour plan will cost ${whole} billion, the council said."
    finer = f"The harbour plan will cost ${exact:.1f} billion, the council said."
    assert figure_clash(rounded, finer) is None


# (first, second, disputed): a negation held in a word ("against", "without", "dropped plans
# to") is one stance with "not"; a question states no version; a negation that flips the fact
# stays a dispute.
STANCES = [
    (
        "Why is the harbour master so sure that the port will reopen on Monday?",
        "The harbour master is not sure that the port will reopen on Monday.",
        False,
    ),
    (
        '"Why are you so confident the ferry will sail on Monday, Mr Lind?"',
        '"I am not confident the ferry will sail on Monday," Lind said.',
        False,
    ),
    (
        "Senator Ilsa Marrow voted against the harbour tax bill on Tuesday.",
        "Senator Ilsa Marrow did not vote for the harbour tax bill on Tuesday.",
        False,
    ),
    (
        "Senator Ilsa Marrow voted no on the harbour tax bill.",
        "Senator Ilsa Marrow voted against the harbour tax bill.",
        False,
    ),
    (
        "The council voted to reject the harbour tax on Monday.",
        "The council did not vote for the harbour tax on Monday.",
        False,
    ),
    (
        "All the votes in opposition to the harbour tax came from the Green Party.",
        "All no votes on the harbour tax came from the Green Party.",
        False,
    ),
    (
        "Halvor Lind will not be charged over the harbour fire, the prosecutors said on Friday.",
        "The prosecutors are dropping their inquiry into Halvor Lind over the harbour fire "
        "without bringing charges.",
        False,
    ),
    (
        "The port authority dropped plans to add a toll to the Calder bridge.",
        "The port authority decided not to add a toll to the Calder bridge.",
        False,
    ),
    (
        "Ada Brenner did not attend the harbour council meeting on Monday.",
        "Ada Brenner attended the harbour council meeting on Monday.",
        True,
    ),
    # "without" reaches the deputy, not the attending
    (
        "Ada Brenner did not attend the harbour council meeting on Monday.",
        "Ada Brenner attended the harbour council meeting on Monday without her deputy.",
        True,
    ),
    # a negating verb negated: "did not reject" / "rejected"
    (
        "The council did not reject the harbour tax on Monday.",
        "The council rejected the harbour tax on Monday.",
        True,
    ),
    # a stance noun as an object says nothing against its verb
    (
        "Ada Brenner did not face opposition at the harbour council meeting.",
        "Ada Brenner faced opposition at the harbour council meeting.",
        True,
    ),
    (
        "Senator Ilsa Marrow voted no on the harbour tax bill.",
        "Senator Ilsa Marrow voted yes on the harbour tax bill.",
        True,
    ),
    # the same stance word on both sides leaves the negation as it was
    (
        "The ferry did not sail from Calder Bay against the storm warning on Monday.",
        "The ferry sailed from Calder Bay against the storm warning on Monday.",
        True,
    ),
]


@pytest.mark.parametrize(("first", "second", "disputed"), STANCES)
def test_a_negation_dispute_needs_two_stated_opposite_versions(
    first: str, second: str, disputed: bool, resources: Resources
) -> None:
    a, b = article("a", [first]), article("b", [second])
    claim = one_claim(align_claims([a, b], resources), a, b)
    if disputed:
        assert claim.reason is not None and claim.reason.startswith("negation")
    else:
        assert claim.status == "corroborated", claim.reason
