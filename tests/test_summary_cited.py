"""A summary sentence never cites an outlet for a figure that outlet gives otherwise.

The demo's first summary sentence ("... killed 12 people ...", from the wire) cited the two
outlets that give 15 dead, because the claim it carries holds their sentences too. Records below
are invented; the demo corpus is the project's own.
"""

from __future__ import annotations

import pytest

from corroborate.records import Figure, FigureMention, FigureValue, SummarySentence
from corroborate.summary.cited import uncite_rivals


def _value(value: float, *spans: tuple[str, int, int]) -> FigureValue:
    mentions = [FigureMention(article=a, start=s, end=e) for a, s, e in spans]
    return FigureValue(
        value=value, as_written=str(value), articles=[a for a, _, _ in spans], mentions=mentions
    )


# (values as (value, mentions as (article, start, end)), the sentence's article, start and end,
# its citations before, its citations after)
CASES = {
    "outlets giving a rival value are not cited": (
        [(12, [("wire", 40, 42), ("reprint", 10, 12)]), (15, [("daily", 5, 7)])],
        ("wire", 0, 100),
        ["daily", "other", "reprint", "wire"],
        ["other", "reprint", "wire"],
    ),
    "an outlet giving both values stays cited": (
        [(12, [("wire", 40, 42), ("update", 3, 5)]), (17, [("update", 50, 52)])],
        ("wire", 0, 100),
        ["update", "wire"],
        ["update", "wire"],
    ),
    "a figure the sentence does not state changes nothing": (
        [(12, [("wire", 140, 142)]), (15, [("daily", 5, 7)])],
        ("wire", 0, 100),
        ["daily", "wire"],
        ["daily", "wire"],
    ),
    "the sentence's own article is always cited": (
        [(12, [("daily", 140, 142)]), (15, [("daily", 5, 7)])],
        ("daily", 0, 10),
        ["daily"],
        ["daily"],
    ),
}


@pytest.mark.parametrize(("values", "where", "cited", "expected"), CASES.values(), ids=CASES)
def test_citations_of_a_sentence_stating_a_figure(
    values: list[tuple[float, list[tuple[str, int, int]]]],
    where: tuple[str, int, int],
    cited: list[str],
    expected: list[str],
) -> None:
    toll = Figure(
        id="f1",
        subject="people killed",
        unit=None,
        status="conflict",
        values=[_value(value, *spans) for value, spans in values],
    )
    article, start, end = where
    sentence = SummarySentence(text="x", article=article, start=start, end=end, articles=cited)
    uncite_rivals([sentence], [toll])
    assert sentence.articles == expected


def test_demo_summary_cites_no_outlet_for_a_figure_it_gives_otherwise() -> None:
    from corroborate import report as make_report
    from corroborate.demo import demo_inputs

    report = make_report(demo_inputs())
    checked = 0
    for sentence in report.summary:
        for figure in report.figures:
            inside = [
                v
                for v in figure.values
                for m in v.mentions
                if m.article == sentence.article and sentence.start <= m.start < sentence.end
            ]
            if not inside:
                continue
            checked += 1
            agreeing = {m.article for v in inside for m in v.mentions}
            for value in figure.values:
                for m in value.mentions:
                    if m.article not in agreeing:
                        assert m.article not in sentence.articles, (sentence.text, value.as_written)
    assert checked > 0
