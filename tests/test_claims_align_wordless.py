"""Alignment recall: two outlets may state one fact without sharing a single content word.

Every sentence here is invented (a bridge closed in the town of Harlow, a storm, a fair's
crowd). The aligner weighed only pairs that share a content word other than a name, so a
paraphrase in other words ("The Harlow bridge was shut to traffic" / "The Harlow crossing was
closed to vehicles") was two claims. Now a word shared by meaning (`wordmeaning`: "shut" /
"closed" in context) lets the pair model weigh the pair, and a distinctive figure both give
("48,000") counts as a shared word for the looser pass too; names alone or a small count of
two things still do not.
"""

from __future__ import annotations

import pytest

from corroborate.claims import align_claims
from corroborate.claims.align import align_units, loose_link
from corroborate.claims.features import facts_of_tokens
from corroborate.claims.wordmeaning import share_meaning
from corroborate.nlp import Resources
from corroborate.records import Claim
from test_claims import article

# (first, second): one fact, no content word in common
BRIDGE = ("The Harlow bridge was shut to traffic.", "The Harlow crossing was closed to vehicles.")
STORM = (
    "The storm destroyed houses along the coast.",
    "Homes on the shore were wrecked by the gale.",
)
FAIR = (
    "A record 48,000 visitors came to the Harlow fair on Saturday.",
    "Some 48,000 people attended, the most in the show's history.",
)
# two facts that look alike: names only, a small count of two things
NAMES = ("Ilse Brandt met Tomas Keller in Vienna on Monday.", "Tomas Keller thanked Ilse Brandt.")
COUNT = ("Fourteen people were treated in hospital.", "Fourteen families were moved to shelters.")
FILLER = (
    ["Traders in the old market said the week had been quiet.", "Rain is due on Thursday."],
    ["The town council meets again next month.", "Parking charges rise in April."],
)


def _pair_units(resources: Resources, first: str, second: str) -> list:
    a, b = article("a", [first]), article("b", [second])
    return align_units([a, b], resources).units


@pytest.mark.parametrize(
    ("first", "second", "shared"),
    [(*BRIDGE, True), (*STORM, True), (*NAMES, False), (*COUNT, False)],
)
def test_a_synonym_in_context_is_a_word_shared_by_meaning(
    first: str, second: str, shared: bool, resources: Resources
) -> None:
    """A synonym in context is a word shared by meaning; names and a verb between them, or
    two things counted, are not."""
    units = _pair_units(resources, first, second)
    a, b = units[0], units[-1]
    if shared:  # the paraphrases have no content word in common by spelling
        assert not (a.facts.lemmas - a.facts.entities) & (b.facts.lemmas - b.facts.entities)
    assert a.word_vectors is not None and b.word_vectors is not None
    assert share_meaning(a.word_vectors, b.word_vectors) is shared


@pytest.mark.parametrize(("first", "second"), [BRIDGE, STORM, FAIR])
def test_one_fact_in_other_words_is_one_claim(
    first: str, second: str, resources: Resources
) -> None:
    a = article("a", [first, *FILLER[0]])
    b = article("b", [second, *FILLER[1]])
    claims = align_claims([a, b], resources)
    held = [c for c in claims if _holds(c, a.id, first) and _holds(c, b.id, second)]
    assert len(held) == 1, [[m.text for m in c.mentions] for c in claims]
    assert held[0].independent_sources == 2


def _holds(claim: Claim, article_id: str, sentence: str) -> bool:
    """A mention of the claim is the sentence or a clause of it (a sentence may be split)."""
    return any(m.article == article_id and m.text in sentence for m in claim.mentions)


@pytest.mark.parametrize(("first", "second"), [NAMES, COUNT])
def test_names_alone_or_a_small_count_stay_two_claims(
    first: str, second: str, resources: Resources
) -> None:
    a = article("a", [first, *FILLER[0]])
    b = article("b", [second, *FILLER[1]])
    for claim in align_claims([a, b], resources):
        assert not (_holds(claim, a.id, first) and _holds(claim, b.id, second)), claim


def test_the_loose_link_counts_a_distinctive_figure_not_a_small_count(
    resources: Resources,
) -> None:
    """A pair close enough not to be a topic (cosine 0.6) that shares no content word: a
    figure of 100 or more both give counts as one shared word, a count of 14 does not."""
    nlp = resources.spacy()
    big = [facts_of_tokens(nlp(t)) for t in FAIR]
    small = [facts_of_tokens(nlp(t)) for t in COUNT]
    assert loose_link(big[0], big[1], 0.6, 0.02)
    assert not loose_link(small[0], small[1], 0.6, 0.02)
