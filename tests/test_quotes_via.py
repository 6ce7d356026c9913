"""Quotes: the outer source ("via") that relays a speaker's words.

Every article here is invented (invented outlets, people and events). Paragraphs are the
non-empty lines of each text, as the cleaning stage keeps them.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.nlp import Resources
from corroborate.quotes import find_quotes
from corroborate.records import QuoteMention, Report
from corroborate.render import render
from corroborate.render._view import said_as
from corroborate.render.example import example_report
from corroborate.render.terminal import render_text
from test_quotes import make

RESOURCES = Resources()  # one spaCy load for the module, the hypothesis test included


@pytest.fixture(scope="module")
def resources() -> Resources:
    return RESOURCES


def mention_of(text: str, words: str, resources: Resources) -> QuoteMention:
    """The direct mention of the quote holding `words`, checking its via's offsets."""
    article = make(text, "ostra-gazette")
    for quote in find_quotes([article], resources):
        for mention in quote.mentions:
            if mention.direct and words in mention.text:
                if mention.via_text is not None:
                    assert mention.via_start is not None and mention.via_end is not None
                    assert article.text[mention.via_start : mention.via_end] == mention.via_text
                else:
                    assert mention.via_start is None and mention.via_end is None
                return mention
    raise AssertionError(f"no quote holding {words!r}")


@pytest.mark.parametrize(
    ("text", "words", "speaker", "via"),
    [
        (
            "“We will rebuild the pier by spring,” Tomas Walker said, according to an "
            "Associated Press account.",
            "rebuild the pier",
            "Tomas Walker",
            "an Associated Press account",
        ),
        (
            "According to a transcript, Mayor Lena Ortiz said the flood was “a warning we "
            "ignored.”",
            "a warning we ignored",
            "Mayor Lena Ortiz",
            "a transcript",
        ),
        (
            "“The levee held for three days,” Tomas Walker said, Reuters reported.",
            "levee held",
            "Tomas Walker",
            "Reuters",
        ),
        (
            "“The river is falling,” Tomas Walker said, reports the Ostra Gazette.",
            "river is falling",
            "Tomas Walker",
            "the Ostra Gazette",
        ),
        (
            "“The levee held for three days,” Mayor Lena Ortiz told the BBC on Tuesday.",
            "levee held",
            "Mayor Lena Ortiz",
            "the BBC",
        ),
        (
            "“We never saw the water coming,” Ines Marlow said in a statement released by "
            "her office.",
            "water coming",
            "Ines Marlow",
            "a statement released by her office",
        ),
        (
            "“We need more pumps at the weir,” Ines Marlow said in an interview with Channel "
            "Four News.",
            "more pumps",
            "Ines Marlow",
            "Channel Four News",
        ),
        (
            "“The river is falling slowly,” Tomas Walker said on Radio Ostra.",
            "river is falling",
            "Tomas Walker",
            "Radio Ostra",
        ),
        # What only says when, or an aside, is no part of the source as written.
        (
            "“We never saw the water coming,” Ines Marlow said in a statement on Tuesday.",
            "water coming",
            "Ines Marlow",
            "a statement",
        ),
        (
            "“We need more pumps at the weir,” Ines Marlow said in an interview with the "
            "Velmora Courier, her first since the flood.",
            "more pumps",
            "Ines Marlow",
            "the Velmora Courier",
        ),
    ],
)
def test_each_form_finds_the_outer_source(
    text: str, words: str, speaker: str, via: str, resources: Resources
) -> None:
    mention = mention_of(text, words, resources)
    assert mention.speaker_text == speaker  # the speaker stays who said the words
    assert mention.via_text == via


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A plan is no source of anyone's words.
        (
            "According to the plan, the bridge will reopen in May. “We are on schedule,” "
            "Tomas Walker said.",
            "on schedule",
        ),
        # Reporters are a crowd, not an outlet.
        ("“We need more pumps at the weir,” Ines Marlow told reporters.", "more pumps"),
        # A person told is no outlet.
        ("“We need more pumps at the weir,” Ines Marlow told Tomas Walker.", "more pumps"),
        # An interview with no one named relays nothing.
        ("“We need more pumps at the weir,” Ines Marlow said in an interview.", "more pumps"),
        # A day is not a programme.
        ("“The river is falling slowly,” Tomas Walker said on Tuesday.", "river is falling"),
        # "according to" inside the quotation marks is the speaker's own words.
        (
            "“According to the Ostra Gazette, the weir is failing,” Tomas Walker said.",
            "weir is failing",
        ),
    ],
)
def test_no_outer_source(text: str, words: str, resources: Resources) -> None:
    assert mention_of(text, words, resources).via_text is None


@pytest.mark.parametrize(
    "text",
    [
        "“The river is falling,” the Ostra Gazette reported.",
        "“The river is falling,” according to the Ostra Gazette.",
    ],
)
def test_an_outlet_that_is_the_speaker_is_no_via(text: str, resources: Resources) -> None:
    mention = mention_of(text, "river is falling", resources)
    assert mention.speaker_text is not None and "Ostra Gazette" in mention.speaker_text
    assert mention.via_text is None


def test_via_is_per_outlet(resources: Resources) -> None:
    """One quote in two outlets: only the outlet that relays it through a third names it."""
    relayed = make(
        "“The weir will hold,” Tomas Walker said, according to a Harbour Radio account.", "a"
    )
    direct = make("“The weir will hold,” Tomas Walker said at the quay.", "b")
    quotes = find_quotes([relayed, direct], resources)
    assert len(quotes) == 1
    vias = {m.article: m.via_text for m in quotes[0].mentions if m.direct}
    assert vias == {relayed.id: "a Harbour Radio account", direct.id: None}


def shown(report: Report, fmt: str) -> str:
    return render_text(report, width=400) if fmt == "terminal" else render(report, fmt)


@pytest.mark.parametrize("fmt", ["markdown", "html", "terminal"])
def test_renderers_show_the_via_beside_the_speaker(fmt: str) -> None:
    report = example_report()
    relayed = next(m for m in report.quotes[0].mentions if m.via_text)
    mark = "via {}</span>" if fmt == "html" else f"({relayed.speaker_text}, via {{}})"
    assert mark.format(relayed.via_text) in shown(report, fmt)
    for mention in report.quotes[0].mentions:
        mention.via_text = mention.via_start = mention.via_end = None
    assert mark.format(relayed.via_text) not in shown(report, fmt)


@pytest.mark.parametrize(
    ("speaker", "via", "shown"),
    [
        ("Tomas Walker", "Reuters", "Tomas Walker, via Reuters"),
        (None, "Reuters", "via Reuters"),
        ("Tomas Walker", None, "Tomas Walker"),
        (None, None, ""),
    ],
)
def test_said_as(speaker: str | None, via: str | None, shown: str) -> None:
    mention = QuoteMention("a", 0, 4, "text", speaker_text=speaker, via_text=via)
    assert said_as(mention) == shown


SPEAKERS = ["Tomas Walker", "Mayor Lena Ortiz", "Ines Marlow, the harbour master,"]
TAILS = [
    "said, according to {}.",
    "said, {} reported.",
    "told {} on Friday.",
    "said in an interview with {}.",
    "said in a statement.",
    "told reporters.",
    "said.",
]
OUTLETS = ["the Ostra Gazette", "Harbour Radio", "the Velmora Courier", "Reuters"]


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(SPEAKERS),
    st.sampled_from(TAILS),
    st.sampled_from(OUTLETS),
    st.sampled_from(["The weir held all night", "We will rebuild the pier by spring"]),
)
def test_a_via_is_outside_the_quote_and_the_speaker(
    speaker: str, tail: str, outlet: str, words: str
) -> None:
    text = f"Flooding on the Ostra eased on Friday.\n“{words},” {speaker} {tail.format(outlet)}"
    article = make(text, "ostra-gazette")
    for quote in find_quotes([article], RESOURCES):
        for m in quote.mentions:
            if m.via_start is None or m.via_end is None:
                continue
            assert article.text[m.via_start : m.via_end] == m.via_text
            assert all(m.via_end <= s or e <= m.via_start for s, e in m.pieces)
            if m.speaker_start is not None and m.speaker_end is not None:
                assert m.via_end <= m.speaker_start or m.speaker_end <= m.via_start
            assert any(p.start <= m.via_start and m.via_end <= p.end for p in article.paragraphs)
