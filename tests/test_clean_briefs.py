"""A news brief without a paragraph of prose keeps its text.

The shape rules remove lines before the story's first sentence of eight words or more; a brief of
two short lines had none, so every line went as a headline or caption and the article was empty
(63 of 2,393 NeuS excerpts, and one ECB+ article, were emptied so). Invented briefs.
"""

from __future__ import annotations

import pytest

from corroborate.clean import clean_article
from corroborate.records import Article

BRIEFS = [
    [
        "Harbour crane operator Ilse Varga retires at 70",
        "She worked the docks for 41 years.",
    ],
    [
        "Ferry to Skarn Island cancelled",
        "High winds halted the morning crossing.",
        "More updates soon",
    ],
    ["Brannock council approves new cycle lane on Mill Road"],
]


def _article(lines: list[str], sep: str = "\n\n") -> Article:
    text = sep.join(lines) + "\n"
    return Article(id="brief", source="brief.jsonl", text=text)


@pytest.mark.parametrize("lines", BRIEFS)
@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_a_brief_of_short_lines_keeps_them(lines: list[str], sep: str) -> None:
    article = clean_article(_article(lines, sep))
    for line in lines:
        assert line in article.kept_text
    assert article.removed == []


def test_lines_removed_for_what_they_say_stay_removed_in_a_brief() -> None:
    lines = ["By Oona Brackley", "Tollmere ferry fares rise by a tenth", "Fares go up in May."]
    article = clean_article(_article(lines))
    assert "By Oona Brackley" not in article.kept_text
    assert [r.text for r in article.removed] == ["By Oona Brackley"]
    assert "Tollmere ferry fares rise by a tenth" in article.kept_text
    assert "Fares go up in May." in article.kept_text


def test_a_story_with_prose_still_loses_its_headline_shaped_lines() -> None:
    lines = [
        "Tollmere ferry fares rise by a tenth",
        "The island's ferry company said on Monday that fares on every route would rise by ten "
        "per cent from the first of May, blaming fuel costs.",
    ]
    article = clean_article(_article(lines))
    assert article.kept_text.startswith("The island's ferry company")
    assert [r.text for r in article.removed] == [lines[0]]
