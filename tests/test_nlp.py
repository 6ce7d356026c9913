"""The shared parse: worker processes give the same parses, and only when they can pay off."""

from __future__ import annotations

from typing import Any

import click
import pytest

import corroborate.nlp as nlp_module
from corroborate.cli.report import ProcessCount
from corroborate.nlp import Resources
from corroborate.read.article import make_article
from corroborate.records import Article, Paragraph
from corroborate.settings import Settings

LINES = [
    "Harbour master Ines Corr closed the Calder Bay terminal on Monday.",
    "About 300 dockworkers walked out after talks with the shipping lines failed.",
    "“We will not load a single crate until the deal is signed,” union leader Dale Ferris said.",
    "The port handles 40% of the region's container traffic, officials said.",
]


def _article(outlet: str, lines: list[str]) -> Article:
    text = "\n".join(lines)
    article = make_article(source=f"{outlet}.txt", text=text, outlet=outlet)
    pos = 0
    for line in lines:
        article.paragraphs.append(Paragraph(pos, pos + len(line)))
        pos += len(line) + 1
    return article


def _parses(resources: Resources, articles: list[Article]) -> list[list[tuple[Any, ...]]]:
    resources.parse_all(articles)
    return [
        [(t.text, t.dep_, t.head.i, t.ent_type_, t.lemma_) for t in doc]
        for article in articles
        for _, doc in resources.paragraph_docs(article)
    ]


def test_two_parse_processes_give_the_same_parses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp_module, "PARALLEL_PARSE_MIN", 0)
    articles = [_article(f"outlet{i}", [*LINES[i:], *LINES[:i]]) for i in range(3)]
    one = _parses(Resources(Settings(parse_processes=1)), articles)
    two = _parses(Resources(Settings(parse_processes=2)), articles)
    assert one == two
    assert len(one) == 12


@pytest.mark.parametrize(("minimum", "expected"), [(10_000, 1), (0, 2)])
def test_a_small_story_is_parsed_in_this_process(
    monkeypatch: pytest.MonkeyPatch, minimum: int, expected: int
) -> None:
    monkeypatch.setattr(nlp_module, "PARALLEL_PARSE_MIN", minimum)
    resources = Resources(Settings(parse_processes=2))
    nlp = resources.spacy()
    seen: list[int] = []
    real = nlp.pipe

    def spy(texts: Any, **kwargs: Any) -> Any:
        seen.append(kwargs.get("n_process", 1))
        return real(texts, **{**kwargs, "n_process": 1})

    monkeypatch.setattr(nlp, "pipe", spy)
    resources.parse_all([_article("outlet", LINES)])
    assert seen == [expected]


def test_parse_processes_out_of_range_is_refused() -> None:
    with pytest.raises(ValueError, match="parse_processes must be between 1 and 64, got 0"):
        Settings(parse_processes=0)


@pytest.mark.parametrize("cores", [1, 2, 3, 16])
def test_auto_parse_processes_follows_the_usable_cores(
    monkeypatch: pytest.MonkeyPatch, cores: int
) -> None:
    monkeypatch.setattr(nlp_module, "usable_cores", lambda: cores)
    assert nlp_module.auto_parse_processes() == min(cores, nlp_module.AUTO_PARSE_PROCESSES_MAX)


@pytest.mark.parametrize(
    ("given", "expected"), [("1", 1), ("3", 3), ("64", 64), ("auto", None), (" AUTO ", None)]
)
def test_the_cli_reads_a_process_count_or_auto(
    monkeypatch: pytest.MonkeyPatch, given: str, expected: int | None
) -> None:
    monkeypatch.setattr(nlp_module, "usable_cores", lambda: 3)
    assert ProcessCount().convert(given, None, None) == (expected or 3)


@pytest.mark.parametrize("given", ["0", "65", "two", ""])
def test_the_cli_refuses_other_process_counts(given: str) -> None:
    with pytest.raises(click.BadParameter):
        ProcessCount().convert(given, None, None)
