"""Sentence splitting: abbreviations, initials, quotes, headlines; offsets always exact."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corroborate.clean import clean_article
from corroborate.read.text import read_text
from corroborate.segment import segment_article, split_sentences


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "U.S. Energy Secretary Dana Hollis spoke first. She left at noon.",
            ["U.S. Energy Secretary Dana Hollis spoke first.", "She left at noon."],
        ),
        (
            "Gen. Arvo Tamm and Dr. Lena Kroos met Sen. Pike on Jan. 4. They agreed.",
            ["Gen. Arvo Tamm and Dr. Lena Kroos met Sen. Pike on Jan. 4.", "They agreed."],
        ),
        (
            "Vice President J. D. Marsh arrived. The talks began.",
            ["Vice President J. D. Marsh arrived.", "The talks began."],
        ),
        (
            "The plan was drafted in the U.S. The allies were not consulted.",
            ["The plan was drafted in the U.S.", "The allies were not consulted."],
        ),
        (
            "\u201cWe will rebuild. It will take years.\u201d Officials agreed.",
            ["\u201cWe will rebuild.", "It will take years.\u201d", "Officials agreed."],
        ),
        (
            '"The bridge is safe," she said. "Traffic can resume." Crews left.',
            ['"The bridge is safe," she said.', '"Traffic can resume."', "Crews left."],
        ),
        (
            "Growth slowed to 2.33% in May. Prices rose.",
            ["Growth slowed to 2.33% in May.", "Prices rose."],
        ),
        ("Harbour Reopens After Storm", ["Harbour Reopens After Storm"]),
        (
            "Is it over? Nobody knows! Wait... Then rain.",
            ["Is it over?", "Nobody knows!", "Wait...", "Then rain."],
        ),
        (
            "It costs $5 a day, e.g. for bread. Prices rose.",
            ["It costs $5 a day, e.g. for bread.", "Prices rose."],
        ),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_sentences_stay_inside_kept_paragraphs() -> None:
    text = (
        "Harbour reopens after the storm passes\n\n"
        "KESTRAVIK — Ships sailed again on Friday. The port had been shut for two days.\n\n"
        "READ ALSO: Ten ferries to ride this summer\n\n"
        "Dock workers cleared debris overnight, the port authority said.\n"
    )
    article = segment_article(clean_article(read_text(text, source="t.txt")))
    texts = [s.text for s in article.sentences]
    assert texts == [
        "Ships sailed again on Friday.",
        "The port had been shut for two days.",
        "Dock workers cleared debris overnight, the port authority said.",
    ]
    assert [s.paragraph for s in article.sentences] == [0, 0, 1]
    assert [s.index for s in article.sentences] == [0, 1, 2]


_ALPHABET = st.sampled_from(
    [
        "The",
        "port",
        "U.S.",
        "Dr.",
        "J.",
        "said",
        ".",
        "!",
        "?",
        " ",
        "  ",
        "\n",
        "\u201c",
        "\u201d",
        '"',
        "2.5%",
        "Ships",
        "sailed",
        "...",
        "(",
        ")",
        "e.g.",
        "A",
    ]
)


@given(st.lists(_ALPHABET, max_size=60).map(" ".join))
def test_offsets_slice_back_and_never_overlap(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip() and piece
        previous_end = end
    joined = "".join(text[s:e] for s, e in spans)
    assert joined.replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")
