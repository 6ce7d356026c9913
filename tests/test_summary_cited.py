"""A summary sentence never cites an outlet for a figure that outlet gives otherwise.

The demo's first summary sentence ("... killed 12 people ...", from the wire) cited the two
outlets that give 15 dead, because the claim it carries holds their sentences too. Records below
are invented; the demo corpus is the project's own.
"""

from __future__ import annotations

from corroborate.records import Figure, FigureMention, FigureValue, SummarySentence
from corroborate.summary.cited import uncite_rivals


def _value(value: float, *spans: tuple[str, int, int]) -> FigureValue:
    mentions = [FigureMention(article=a, start=s, end=e) for a, s, e in spans]
    return FigureValue(
        value=value, as_written=str(value), articles=[a for a, _, _ in spans], mentions=mentions
    )


def _sentence(article: str, start: int, end: int, cited: list[str]) -> SummarySentence:
    return SummarySentence(text="x", article=article, start=start, end=end, articles=cited)


def test_outlets_giving_a_rival_value_are_not_cited() -> None:
    toll = Figure(
        id="f1",
        subject="people killed",
        unit=None,
        status="conflict",
        values=[_value(12, ("wire", 40, 42), ("reprint", 10, 12)), _value(15, ("daily", 5, 7))],
    )
    sentence = _sentence("wire", 0, 100, ["daily", "other", "reprint", "wire"])
    uncite_rivals([sentence], [toll])
    assert sentence.articles == ["other", "reprint", "wire"]


def test_an_outlet_giving_both_values_stays_cited() -> None:
    toll = Figure(
        id="f1",
        subject="people killed",
        unit=None,
        status="conflict",
        values=[_value(12, ("wire", 40, 42), ("update", 3, 5)), _value(17, ("update", 50, 52))],
    )
    sentence = _sentence("wire", 0, 100, ["update", "wire"])
    uncite_rivals([sentence], [toll])
    assert sentence.articles == ["update", "wire"]


def test_a_figure_the_sentence_does_not_state_changes_nothing() -> None:
    toll = Figure(
        id="f1",
        subject="people killed",
        unit=None,
        status="conflict",
        values=[_value(12, ("wire", 140, 142)), _value(15, ("daily", 5, 7))],
    )
    sentence = _sentence("wire", 0, 100, ["daily", "wire"])
    uncite_rivals([sentence], [toll])
    assert sentence.articles == ["daily", "wire"]


def test_the_sentences_own_article_is_always_cited() -> None:
    toll = Figure(
        id="f1",
        subject="people killed",
        unit=None,
        status="conflict",
        values=[_value(12, ("daily", 140, 142)), _value(15, ("daily", 5, 7))],
    )
    sentence = _sentence("daily", 0, 10, ["daily"])
    uncite_rivals([sentence], [toll])
    assert sentence.articles == ["daily"]


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
