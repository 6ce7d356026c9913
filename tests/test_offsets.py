"""Every span a report gives lies inside its article and slices back to the text it claims.

Run over the demo corpus and over generated articles, through the whole pipeline, so every stage
(cleaning, sentences, copies, claims, quotes, figures, summary) is held to the same contract.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corroborate import build_report, report
from corroborate.read.text import read_text
from corroborate.records import Report


def _spans(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        if "start" in node and "end" in node:
            yield path, node
        for key, value in node.items():
            yield from _spans(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _spans(value, f"{path}[{index}]")


def check_offsets(result: Report) -> int:
    data = result.to_dict()
    texts = {a["id"]: a["text"] for a in data["articles"]}
    checked = 0
    for article in data["articles"]:
        text = article["text"]
        for key in ("removed", "paragraphs"):
            for span in article[key]:
                assert 0 <= span["start"] < span["end"] <= len(text), (key, span)
                if "text" in span:
                    assert text[span["start"] : span["end"]] == span["text"]
                checked += 1
    for path, span in _spans({k: v for k, v in data.items() if k != "articles"}):
        article_id = span.get("article")
        if article_id is None:
            continue  # evidence passages are checked below, with both articles
        text = texts[article_id]
        assert 0 <= span["start"] <= span["end"] <= len(text), path
        if isinstance(span.get("text"), str) and span["text"]:
            assert text[span["start"] : span["end"]] == span["text"], path
        if span.get("speaker_start") is not None:
            speaker = text[span["speaker_start"] : span["speaker_end"]]
            assert speaker == span["speaker_text"], path
        checked += 1
    for group in data["source_groups"]:
        for evidence in group["evidence"]:
            for passage in evidence["passages"]:
                copy_len = len(texts[evidence["article"]])
                origin_len = len(texts[evidence["origin"]])
                assert 0 <= passage["start"] < passage["end"] <= copy_len
                assert 0 <= passage["origin_start"] < passage["origin_end"] <= origin_len
                checked += 1
    return checked


@pytest.fixture(scope="module")
def demo_report() -> Report:
    from corroborate.demo import demo_inputs

    return report(demo_inputs())


def test_demo_report_offsets(demo_report: Report) -> None:
    assert check_offsets(demo_report) > 50


_PARAGRAPHS = st.sampled_from(
    [
        "The Kell dam spillway opened on Monday, officials said.",
        "\u201cWe had no choice,\u201d said water board chief Anton Reyes.",
        "Anton Reyes",
        "About 3,400 residents were moved, up from 2,900 on Sunday.",
        "READ ALSO: Ten lakes to visit",
        "Related Articles",
        "Orchestra opens season with baroque night",
        "Photo: K. Lund/Valley Press",
        "0",
        "Reyes said the reservoir stood at 97% of capacity. Levels are falling.",
        "The board said repairs would cost 12 million crowns (about $1.1m).",
    ]
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_PARAGRAPHS, min_size=1, max_size=12), min_size=1, max_size=4))
def test_generated_reports_offsets(articles: list[list[str]]) -> None:
    read = [read_text("\n\n".join(p), source=f"outlet-{i}.txt") for i, p in enumerate(articles)]
    check_offsets(build_report(read))
