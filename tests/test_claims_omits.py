"""Omissions: a source group is said to omit a claim only when none of its own sentences
states it (session 10's audit: "omits: 340 jobs are at risk" of an outlet whose first sentence
says "putting 340 jobs at risk", kept in the claim of the route cuts).

Every article here is invented (a ferry operator in the fictional port of Haldwick)."""

from __future__ import annotations

import pytest

from corroborate.claims import align_claims, find_exclusives
from corroborate.nlp import Resources
from corroborate.quotes import find_quotes
from corroborate.records import Article, Claim, Mention
from test_claims import article

JOBS = "The ferry company says 210 jobs are at risk."
JOBS_AGAIN = "About 210 jobs are now at risk, the company told staff."
CUTS = "Orwell Ferries will stop sailing four of its nine routes from April."
WEATHER = "Heavy rain is forecast for the Haldwick coast on Friday afternoon."
HARBOUR = "The harbour master opened a new visitor centre beside the lighthouse last spring."


def _claim(claim_id: str, *hosts: tuple[Article, str]) -> Claim:
    """A claim the alignment could have made, with one mention per (article, sentence)."""
    mentions = []
    for host, sentence in hosts:
        start = host.text.index(sentence)
        mentions.append(Mention(host.id, start, start + len(sentence), sentence))
    groups = sorted({host.source_group or host.id for host, _ in hosts})
    status = "corroborated" if len(groups) > 1 else "single-source"
    return Claim(claim_id, hosts[0][1], status, len(groups), mentions, None, groups)


@pytest.mark.parametrize(
    ("own", "omits"),
    [
        # the fact inside a sentence that states another one too (placed in that claim)
        (
            "Orwell Ferries said on Monday it would stop sailing four of its nine routes from "
            "April, putting 210 jobs at risk.",
            False,
        ),
        ("Some 210 posts at the ferry company are at risk, the union said.", False),
        # near in topic only: the company and its staff, no word of the jobs at risk
        ("The ferry company told its staff about the route cuts on Monday.", True),
        (WEATHER, True),
    ],
)
def test_a_group_omits_a_claim_only_when_none_of_its_sentences_states_it(
    resources: Resources, own: str, omits: bool
) -> None:
    a = article("a", [CUTS, JOBS])
    b = article("b", [CUTS, JOBS_AGAIN])
    c = article("c", [own, HARBOUR])
    jobs = _claim("c-jobs", (a, JOBS), (b, JOBS_AGAIN))
    cuts = _claim("c-cuts", (a, CUTS), (b, CUTS))
    if not omits:  # the alignment put the outlet's sentence in the claim of the route cuts
        cuts = _claim("c-cuts", (a, CUTS), (b, CUTS), (c, own))
    articles = [a, b, c]
    _, omitted = find_exclusives([jobs, cuts], articles, resources)
    assert ("c-jobs" in omitted[c.id]) is omits
    assert omitted[a.id] == [] and omitted[b.id] == []
    # without the run's resources the claim's mentions alone decide, as before
    assert "c-jobs" in find_exclusives([jobs, cuts], articles)[1][c.id]


def test_a_copy_in_the_group_that_states_the_claim_clears_the_omission(
    resources: Resources,
) -> None:
    """The group's sentences are those of every article in it, copies included."""
    a = article("a", [CUTS, JOBS])
    b = article("b", [CUTS, JOBS_AGAIN])
    c = article("c", [WEATHER, HARBOUR], group="g-c")
    reprint = article("r", [WEATHER, "Around 210 jobs at the ferry company are at risk."])
    reprint.source_group = "g-c"
    reprint.copy_of = c.id
    jobs = _claim("c-jobs", (a, JOBS), (b, JOBS_AGAIN))
    _, omitted = find_exclusives([jobs], [a, b, c, reprint], resources)
    assert omitted[c.id] == []


def test_a_line_that_only_names_a_quotes_speaker_is_no_claim(resources: Resources) -> None:
    """Under a quote, "Name, who ..." is the quote's speaker (the quote stage reads it so),
    not a fact of the story that one outlet alone reports."""
    quote = "“I heard the pier groan, and when I ran outside the kiosk had slid into the sea.”"
    line = "Elspeth Mackery, who runs the tea room opposite"
    told = "Elspeth Mackery, who runs the tea room opposite, said the kiosk had slid into the sea."
    a = article("a", [CUTS, quote, line, WEATHER])
    b = article("b", [CUTS, told, HARBOUR])
    claims = align_claims([a, b], resources)
    quotes = find_quotes([a, b], resources)
    assert any(q.speaker == "Elspeth Mackery" for q in quotes)
    texts = [m.text for c in claims for m in c.mentions]
    assert line not in texts
    assert any("Elspeth Mackery" in t and "said" in t for t in texts)
    exclusive, _ = find_exclusives(claims, [a, b], resources)
    named = {c.id for c in claims if any(line in m.text for m in c.mentions)}
    assert not named & set(exclusive[a.id])
