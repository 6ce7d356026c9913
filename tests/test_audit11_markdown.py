"""Audit 11: a page saved as Markdown is read as its words, not its markup.

Read as plain text, a Markdown scrape's first link "[Skip to main content](#main)" was the
story's title, its masthead "**DUNMERE ...**" was not the outlet, and its byline, its picture
"![...](...)" and its "**READ MORE:** [...](...)" link stayed in the story as claims. Fixtures
are invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate import clean_articles, read_inputs
from corroborate.records import Article

PAGE = """[Skip to main content](#main)

**OSTRELL EVENING POST**

[News](/news) · [Sport](/sport) · [Jobs](/jobs) · [Puzzles](/puzzles)

# Tram depot fire closes Ostrell line for a week

*Tuesday 3 March 2026*

*By Ana Lind, Kestrel Wire*

OSTRELL, March 3 2026 (Kestrel Wire) — A fire at the Vell Street tram depot closed the city's
northern line on Tuesday, and the operator said services would not run for a week.

![The depot at dawn](/img/depot.jpg)

*The depot on Tuesday morning. Picture: reader's own*

Firefighters were called at 4am and the blaze was out by 7am, the fire service said. No one
was hurt at [Vell Street](https://example.org/vell).

**READ MORE:** [Ostrell trams to go driverless by 2030](/news/driverless)

"We are sorry for the disruption," said operations manager **Ilka Brandt** of Brandt &amp; Ferro.

---

*Comments are closed on this article.*
"""


def _read(tmp_path: Path, name: str, text: str) -> Article:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    articles = [a for a in read_inputs([str(path)]) if isinstance(a, Article)]
    clean_articles(articles)
    return articles[0]


def _kept(article: Article) -> str:
    return "\n".join(article.text[p.start : p.end] for p in article.paragraphs)


@pytest.mark.parametrize("name", ["0312_ab12.md", "0312_ab12.markdown"])
def test_a_markdown_page_gives_its_headline_masthead_date_and_story(
    tmp_path: Path, name: str
) -> None:
    article = _read(tmp_path, name, PAGE)
    assert article.title == "Tram depot fire closes Ostrell line for a week"
    assert article.outlet == "Ostrell Evening Post"
    assert (article.published or "").startswith("2026-03-03")
    assert article.place == "Ostrell"
    kept = _kept(article)
    assert kept.startswith("A fire at the Vell Street tram depot")
    assert "No one\nwas hurt at Vell Street." in kept  # a link is its words
    assert "said operations manager Ilka Brandt of Brandt & Ferro." in kept
    for junk in ("](", "**", "![", "Skip to", "By Ana Lind", "READ MORE", "Picture:", "Comments"):
        assert junk not in kept


PLAIN = """Kessel FM News

Harbour wall to be rebuilt after winter storms

Published 2 March 2026

By Oona Prideaux

The harbour wall at Kessel will be rebuilt this summer after storms broke it in three places,
the port authority said on Monday.

- The work will cost about 4 million crowns.
- It will take 14 weeks.

1911. That was the year the wall was first built, the authority said.
"""


def test_a_markdown_file_of_plain_text_reads_as_the_text_file_does(tmp_path: Path) -> None:
    as_md = _read(tmp_path, "0402_aa.md", PLAIN)
    as_txt = _read(tmp_path, "0402_aa.txt", PLAIN)
    assert (as_md.title, as_md.outlet, as_md.published) == (
        as_txt.title,
        as_txt.outlet,
        as_txt.published,
    )
    assert _kept(as_md) == _kept(as_txt)


STORY = """# Tram depot fire closes Ostrell line for a week

A fire at the Vell Street tram depot closed the city's northern line on Tuesday, and the
operator said services would not run for a week.

Firefighters were called at 4am and the blaze was out by 7am, the fire service said.
"""
CLIPPED = {
    # A browser clipper's YAML front matter.
    "front matter": '---\ntitle: "Tram depot fire closes Ostrell line for a week"\nsource: '
    '"https://www.ostrellpost.example/news/tram-fire"\nauthor:\n  - "[[Ana Lind]]"\n'
    "published: 2026-03-03\ncreated: 2026-03-04\ntags:\n  - clippings\n---\n",
    # A reader service's header.
    "header": "Title: Tram depot fire closes Ostrell line for a week\nURL Source: "
    "https://www.ostrellpost.example/news/tram-fire\nPublished Time: Tue, 03 Mar 2026 "
    "10:00:00 GMT\nMarkdown Content:\n",
}


@pytest.mark.parametrize("kind", sorted(CLIPPED))
def test_a_clippers_metadata_gives_title_date_and_url(tmp_path: Path, kind: str) -> None:
    article = _read(tmp_path, "clip.md", CLIPPED[kind] + STORY)
    assert article.title == "Tram depot fire closes Ostrell line for a week"
    assert (article.published or "").startswith("2026-03-03")
    assert article.url == "https://www.ostrellpost.example/news/tram-fire"
    assert "ostrellpost" in article.outlet
    assert "Tram depot fire closes" not in _kept(article)  # the heading is the title shown
    for field in ("title:", "Title:", "URL Source", "published:", "tags", "Markdown Content"):
        assert field not in article.text
    assert _kept(article).startswith("A fire at the Vell Street tram depot")


def test_a_rule_and_a_story_line_with_a_colon_are_no_metadata(tmp_path: Path) -> None:
    text = "---\nPolice said: the depot will stay shut.\n---\n\n" + STORY
    article = _read(tmp_path, "0402_ab.md", text)
    assert "Police said: the depot will stay shut." in article.text
