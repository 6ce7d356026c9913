"""A summary sentence never cites an outlet for a figure that outlet gives otherwise.

A summary sentence cites every article of its claims. A claim may be disputed by figure (one
outlet says 12 dead, another 15), and a long sentence may carry a claim through a clause while
stating a figure the claim's other articles contradict; citing those articles under "12 people
were killed" tells a reader they say 12. The figure ledger knows which value each article gives,
so an article that gives only another value of a figure the sentence states is uncited.
"""

from __future__ import annotations

from collections.abc import Sequence

from corroborate.records import Figure, FigureMention, SummarySentence


def uncite_rivals(summary: Sequence[SummarySentence], figures: Sequence[Figure]) -> None:
    """Drop from each sentence's citations the articles that give a figure the sentence states
    only with another value (a later update included: it does not say what the sentence says).
    The sentence's own article is always cited."""
    for sentence in summary:
        rivals: set[str] = set()
        for figure in figures:
            stated = [v for v in figure.values if any(_inside(m, sentence) for m in v.mentions)]
            if not stated:
                continue
            agreeing = {m.article for v in stated for m in v.mentions}
            rivals.update(
                m.article for v in figure.values for m in v.mentions if m.article not in agreeing
            )
        rivals.discard(sentence.article)
        sentence.articles = [a for a in sentence.articles if a not in rivals]


def _inside(mention: FigureMention, sentence: SummarySentence) -> bool:
    return (
        mention.article == sentence.article
        and sentence.start <= mention.start
        and mention.end <= sentence.end
    )
