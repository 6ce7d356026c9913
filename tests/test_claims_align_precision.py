"""Alignment precision: no claim is supported by a sentence that states another fact.

Every sentence here is invented (road budgets of the fictional provinces of Velmora and Castrel,
a storm in the port of Harlen). Three rules, each of which the session-7 aligner broke:
- two figures for two different named holders, or two different named doers, are two facts
  (`apart.two_facts`), never one claim and no dispute either; a name both sentences use keeps
  a figure dispute possible;
- the looser pass does not join two sentences that share one content word (a topic) when the
  pair model does not back them and they are only moderately close (`align.loose_link`);
- a clause folded into its sentence's claim is shown through its whole sentence, not listed
  alone as that claim's mention.
"""

from __future__ import annotations

import pytest

from corroborate.claims import align_claims
from corroborate.claims.align import CORE_MODEL, LOOSE_PAIR, TOPIC_CLOSENESS, loose_link
from corroborate.claims.apart import two_facts
from corroborate.claims.features import SentenceFacts, facts_of_tokens
from corroborate.nlp import Resources
from test_claims import article
from test_claims_slots import TWO_FILLERS


def facts(resources: Resources, text: str) -> SentenceFacts:
    return facts_of_tokens(resources.spacy()(text))


TWO_HOLDERS = [
    (
        "Velmora spends roughly 2.8% of its budget on roads.",
        "Castrel currently spends 4.1% of its budget on roads.",
    ),
    (
        "The Harlen port authority handled 41,000 containers last month.",
        "The Dunmere terminal handled 67,000 containers last month.",
    ),
    (
        "Fuel prices in Ostrava rose to 1.92 euros a litre.",
        "In Brindle, fuel now costs 1.47 euros a litre, officials said.",
    ),
    # "GDP" names the measure, not a holder both share
    (
        "That would lift Velmora's road budget to 1.9% of GDP.",
        "Castrel already spends about 3.2% of its GDP on roads.",
    ),
]
# two doers by name, whatever the figures (a kind word they share names no common thing)
TWO_DOERS = [
    (
        "Velmora spends roughly 2.8% of its budget on roads.",
        "Castrel, like its neighbour, spends about 2.8% of its budget on roads.",
    ),
    ("Rennick won the harbour swim on Sunday.", "Okafor won the harbour swim on Sunday."),
    (
        "The Kesterton Bridge will shut for repairs in May.",
        "The Maddox Bridge will shut for repairs in May.",
    ),
    ("The ferry was built by Larsholm Yards.", "The ferry was built by Quaybright Marine."),
]
ONE_FACT = [
    # one holder for two figures: a dispute, not two facts
    (
        "Floodwater from the River Senn killed 12 people in Harlen.",
        "Fifteen people died when the Senn burst its banks near Harlen on Monday.",
    ),
    # no holder named on one side: nothing says the holders differ
    (
        "Velmora spends roughly 2.8% of its budget on roads.",
        "The province spends 4.1% of its budget on roads.",
    ),
    # two people as the doer of one act: two versions of it, for the dispute step
    (
        "The harbour inquiry was opened by Judge Anna Petrova.",
        "Judge Karl Weiss opened the harbour inquiry.",
    ),
    # one doer told by two names of it, or a place at two sizes (no doer, no figure)
    ("Pete Varga closed the inquiry.", "Varga closed the inquiry on Friday."),
    ("The United States will not send troops.", "The US will not send troops to the border."),
    (
        "Nearly 3,000 residents of the Senn valley left their homes.",
        "About 3,000 people were moved out of Harlen.",
    ),
    # a speaker is not a holder ("Reuters said", "according to ...")
    (
        "About 340 homes lost power in Harlen, Reuters reported.",
        "According to Castrel Energy, 410 homes in Harlen lost power.",
    ),
]


@pytest.mark.parametrize(("first", "second"), TWO_HOLDERS + TWO_DOERS)
def test_two_holders_or_doers_are_two_facts(first: str, second: str, resources: Resources) -> None:
    a, b = facts(resources, first), facts(resources, second)
    assert two_facts(a, b) and two_facts(b, a)


@pytest.mark.parametrize(("first", "second"), ONE_FACT)
def test_a_shared_name_is_not_two_facts(first: str, second: str, resources: Resources) -> None:
    a, b = facts(resources, first), facts(resources, second)
    assert not two_facts(a, b) and not two_facts(b, a)


@pytest.mark.parametrize(("first", "second"), TWO_HOLDERS + TWO_DOERS + TWO_FILLERS)
def test_two_holders_or_doers_never_share_a_claim(
    first: str, second: str, resources: Resources
) -> None:
    a = article("a", [first, "Road crews in Velmora resurfaced the coast highway in June."])
    b = article("b", [second, "The Castrel road agency said its winter gritting fleet was ready."])
    claims = align_claims([a, b], resources)
    for claim in claims:
        held = {m.article for m in claim.mentions if m.text in {first, second}}
        assert len(held) <= 1, claim
        assert claim.status != "disputed", claim


# (first, second, cosine, pair-model score, joined by the loose pass)
MEETING = ("The council meeting ran late into the night.", "The union held a meeting on Friday.")
CONCEDE = ("Mayor Orla Quinn conceded shortly after midnight.", "Orla Quinn refused to concede.")
ROAD = ("Crews reopened the coast road on Tuesday.", "The coast road was reopened by crews.")
LOOSE = [
    # one shared word ("meeting"), no backing, moderately close: a topic
    (*MEETING, 0.6, 0.02, False),
    # the same pair, but the pair model backs it, or it is close in meaning
    (*MEETING, 0.6, 0.3, True),
    (*MEETING, 0.7, 0.02, True),
    # two shared content words
    (*ROAD, 0.6, 0.02, True),
    # one shared word, but a doer both name: one act of one doer (a negation to weigh)
    (*CONCEDE, 0.6, 0.02, True),
    # below the loose pass's floor nothing joins
    (*ROAD, 0.5, 0.9, False),
]


@pytest.mark.parametrize(("first", "second", "cosine", "score", "joined"), LOOSE)
def test_the_loose_pass_needs_more_than_a_shared_topic_word(
    first: str, second: str, cosine: float, score: float, joined: bool, resources: Resources
) -> None:
    assert LOOSE_PAIR <= 0.6 < TOPIC_CLOSENESS <= 0.7 and 0.02 < CORE_MODEL <= 0.3
    a, b = facts(resources, first), facts(resources, second)
    assert loose_link(a, b, cosine, score) is joined
    assert loose_link(b, a, cosine, score) is joined


def test_a_folded_clause_is_shown_through_its_whole_sentence(resources: Resources) -> None:
    """ "flooded the harbour and the boatyards around it" cannot stand alone and no other
    outlet states it: it stays with its sentence, and the claim its sentence also makes lists
    that whole sentence, never the clause alone as if it stated the promise."""
    first = (
        "Governor Lena Ostrova promised 2.5 million crowns for repairs on Wednesday, two days "
        "after the storm surge broke through the sea wall and flooded the harbour and the "
        "boatyards around it."
    )
    a = article("a", [first, "Fishing crews said the damage was the worst in forty years."])
    b = article(
        "b",
        [
            "Ostrova pledged 2.5 million crowns to pay for repairs, her office said on Wednesday.",
            "The storm surge broke through the sea wall on Monday.",
        ],
    )
    claims = align_claims([a, b], resources)
    promise = next(c for c in claims if any("pledged" in m.text for m in c.mentions))
    assert promise.independent_sources == 2
    assert [m.text for m in promise.mentions if m.article == a.id] == [first]
    for claim in claims:
        for mention in claim.mentions:
            assert not mention.text.startswith("flooded")
            host = a if mention.article == a.id else b
            assert host.text[mention.start : mention.end] == mention.text
