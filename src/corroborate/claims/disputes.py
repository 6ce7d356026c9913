"""Disputes: when two independent sources in one claim state incompatible versions of it.

A dispute is the first thing a fact-checker reads, so a false one is the worst error a report
can print. Both sides must be about the same thing:
- a negation: one negates what the other states, the rest of their words the same
  (NEGATION_OVERLAP) or the two very close in meaning (NEGATION_COSINE);
- figures: quantities read by the figure stage's own reader (`figures.extract`), which skips
  dates, times of day, ages, ordinals ("the 4th election") and labels, of one dimension, and
  for plain counts of the same counted thing ("565 shops" / "355 damaged shops", never "50
  firefighters" / "ten fire engines"), none of which agree (`figures.ledger.values_agree`);
- a different doer of the same act, the rest of the sentences matching.
The versions must clash piece to piece and sentence to sentence: a clause cut out ("for the US
to deploy troops") loses the "not feasible" above it, and a figure may have its match
elsewhere in the sentence.
"""

from __future__ import annotations

import re

from corroborate.claims.align import LOOSE_PAIR, Alignment, Unit
from corroborate.claims.features import THRESHOLD, actor_clash, conflict
from corroborate.figures.extract import Quantity, read_quantities
from corroborate.figures.ledger import same_dimension, values_agree

FIGURE_DISPUTE_COSINE = 0.65
# Two versions that differ by a negation share most of their words ("opened the lock gates on
# Monday" / "did not open the lock gates on Monday"); "Ross is not signed for a sequel" and
# "Lawrence, Hutcherson and Hemsworth are signed for the sequel" are about different people.
NEGATION_OVERLAP = 0.5  # Jaccard of the content lemmas, names included
NEGATION_COSINE = 0.75  # ... or this close in meaning (long sentences add words of their own)
ACTOR_DISPUTE_OVERLAP = 0.5  # Jaccard of the content lemmas other than names
COUNTED_WORDS = 4  # words after a count read for what it counts

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_FILLER = frozenset(
    "of the a an and in on at to for from with by were was are is be been being have has had "
    "will would more than some about other its their his her who which that".split()
)

__all__ = ["dispute_of", "figure_clash"]


def dispute_of(alignment: Alignment, cluster: list[int]) -> str | None:
    """Why the cluster's sources disagree: the first conflicting pair of independent sources
    close in their own right (a long sentence added for one of its facts may negate another of
    its facts), or None."""
    units, vectors = alignment.units, alignment.vectors
    for x, i in enumerate(cluster):
        for j in cluster[x + 1 :]:
            a, b = units[i], units[j]
            cosine = float(vectors[i] @ vectors[j])
            close = alignment.scores[i, j] >= THRESHOLD or cosine >= LOOSE_PAIR
            if not close or a.source == b.source:
                continue
            reason = _clash(a, b, cosine)
            if reason:
                return reason
    return None


def _clash(a: Unit, b: Unit, cosine: float) -> str | None:
    similar = cosine >= NEGATION_COSINE or _overlap(a, b, names=True) >= NEGATION_OVERLAP
    if (
        similar
        and conflict(a.facts, b.facts) == "negation"
        and conflict(a.whole_facts, b.whole_facts) == "negation"
    ):
        return f"negation: {_names(a, b)[0]} and {_names(a, b)[1]} state opposite versions"
    if cosine >= FIGURE_DISPUTE_COSINE:
        pair = figure_clash(a.sentence.text, b.sentence.text)
        if pair and figure_clash(a.whole.text, b.whole.text):
            name_a, name_b = _names(a, b)
            return f"different figures: {name_a} gives {pair[0]}, {name_b} gives {pair[1]}"
    clash = actor_clash(a.facts, b.facts)
    # Two doers of one verb dispute only when the rest of the sentences match: the names weigh
    # so much in the embedding that their cosine says little here.
    if (
        clash
        and actor_clash(a.whole_facts, b.whole_facts)
        and _overlap(a, b, names=False) >= ACTOR_DISPUTE_OVERLAP
    ):
        verb, doer_a, doer_b = clash
        name_a, name_b = _names(a, b)
        return (
            f"different actor: {name_a} says {doer_a.title()} did it ({verb}), "
            f"{name_b} says {doer_b.title()}"
        )
    return None


def figure_clash(text_a: str, text_b: str) -> tuple[str, str] | None:
    """The first pair of comparable quantities (as written) on which two texts disagree, when
    no comparable pair agrees; None when they agree or give nothing comparable."""
    found: tuple[str, str] | None = None
    for x in read_quantities(text_a):
        for y in read_quantities(text_b):
            if not _comparable(text_a, x, text_b, y):
                continue
            if values_agree(x, y):
                return None  # one figure both give: the others may be about other things
            found = found or (x.as_written, y.as_written)
    return found


def _comparable(text_a: str, x: Quantity, text_b: str, y: Quantity) -> bool:
    if not same_dimension(x, y):
        return False
    if x.unit != "count":
        return True
    return bool(_counted(text_a, x) & _counted(text_b, y))


def _counted(text: str, quantity: Quantity) -> set[str]:
    """Stems of the words just after a count ("565 shops suffering": shop, suffering)."""
    words = [w.lower() for w in _WORD.findall(text[quantity.end :])[:COUNTED_WORDS]]
    return {w.rstrip("s") for w in words if w not in _FILLER}


def _overlap(a: Unit, b: Unit, *, names: bool) -> float:
    words_a = a.facts.lemmas if names else a.facts.lemmas - a.facts.entities
    words_b = b.facts.lemmas if names else b.facts.lemmas - b.facts.entities
    union = words_a | words_b
    return len(words_a & words_b) / len(union) if union else 0.0


def _names(a: Unit, b: Unit) -> tuple[str, str]:
    name_a = a.article.outlet or a.article.id
    name_b = b.article.outlet or b.article.id
    if name_a == name_b:  # one outlet name for both (e.g. taken from one input file's name)
        return f"{name_a} ({a.article.id})", f"{name_b} ({b.article.id})"
    return name_a, name_b
