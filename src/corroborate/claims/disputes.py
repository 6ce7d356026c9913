"""Disputes: when two independent sources in one claim state incompatible versions of it.

A dispute is the first thing a fact-checker reads, so a false one is the worst error a report
can print. Both sides must be about the same thing:
- a negation: one negates what the other states, the rest of their words the same
  (NEGATION_OVERLAP) or the two very close in meaning (NEGATION_COSINE), and the pair model
  backing them as one fact (NEGATION_SCORE);
- figures: quantities read by the figure stage's own reader (`figures.extract`), which skips
  dates, times of day, ages, ordinals ("the 4th election") and labels, of one dimension, and
  for plain counts of the same counted thing ("565 shops" / "355 damaged shops", never "50
  firefighters" / "ten fire engines"), none of which agree (`figures.ledger.values_agree`);
- a different doer of the same act, the rest of the sentences matching.
The versions must clash piece to piece and sentence to sentence: a clause cut out ("for the US
to deploy troops") loses the "not feasible" above it, and a figure may have its match
elsewhere in the sentence.

Gates against false disputes (on the labelled ECB+ disputes, bench/data/claims_disputes.jsonl):
- a negation worded another way is no dispute ("had not yet regained" / "had yet to regain",
  "did not allow" / "refused to allow", "not only ... but"), nor is one under "none"/"never";
- a figure on a sentence cut inside a number ("magnitude 5." + "8 on the Richter scale",
  "$368." + "4 million") is no figure;
- a bound holds what it bounds: "at least three" dead and "10 dead" agree, as do two bounds;
- a count of "two other victims" is a part, never the total, and what a count counts is read
  from the words right after it up to punctuation ("Gray, 16, was shot" counts nothing);
- two sides that give one exact value in common agree (the others are about other things).
The gates were set on that labelled set itself (no held-out part): 58 disputes, 13 true.
"""

from __future__ import annotations

import re

from corroborate.claims.align import LOOSE_PAIR, Alignment, Unit
from corroborate.claims.features import THRESHOLD, actor_clash, conflict
from corroborate.figures.extract import Quantity, read_quantities
from corroborate.figures.ledger import same_dimension, values_agree
from corroborate.records import Sentence

FIGURE_DISPUTE_COSINE = 0.65
# Two versions that differ by a negation share most of their words ("opened the lock gates on
# Monday" / "did not open the lock gates on Monday"); "Ross is not signed for a sequel" and
# "Lawrence, Hutcherson and Hemsworth are signed for the sequel" are about different people.
NEGATION_OVERLAP = 0.5  # Jaccard of the content lemmas, names included
NEGATION_COSINE = 0.75  # ... or this close in meaning (long sentences add words of their own)
# ... and the pair model must back them as one fact: shared words and a close embedding also
# join "no shots were fired at the arrest" to "he fired one shot" (scores 0.00-0.14 on the
# labelled false negation disputes; the true one scores 0.51).
NEGATION_SCORE = 0.3
ACTOR_DISPUTE_OVERLAP = 0.5  # Jaccard of the content lemmas other than names
COUNTED_WORDS = 2  # words after a count read for what it counts ("times by police": time)

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CLAUSE_END = re.compile(r"[,.;:()\"“”—]")
_CUT_END = re.compile(r"\d\.\s*$")  # a sentence ending "5." before a text going on "8 on the"
# A part of what the other side counts, not its total: "the two other victims".
_PART = frozenset("other more additional remaining further extra another".split())
# Negations worded another way than "not": "had yet to regain" is "had not yet regained",
# "refused to allow" is "didn't allow"; "not only ... but" and "none"/"never" state no opposite.
_REWORDED_NEGATION = re.compile(
    r"\b(?:yet to|not only|fail(?:s|ed|ing)? to|refus(?:e|es|ed|ing) to|declin(?:e|es|ed|ing) to"
    r"|unable to|none|never|no longer|neither|nor)\b",
    re.IGNORECASE,
)
_FILLER = frozenset(
    "of the a an and in on at to for from with by were was are is be been being have has had "
    "will would more than some about other its their his her who which that".split()
)

# Quantities already read in one `dispute_of` call, by unit (its id: the units outlive the
# call) and span.
_Read = dict[tuple[int, int, int], list[Quantity]]

__all__ = ["dispute_of", "figure_clash"]


def dispute_of(alignment: Alignment, cluster: list[int]) -> str | None:
    """Why the cluster's sources disagree: the first conflicting pair of independent sources
    close in their own right (a long sentence added for one of its facts may negate another of
    its facts), or None."""
    units, vectors = alignment.units, alignment.vectors
    read: _Read = {}  # each unit's quantities are read once, whatever the pairs it is in
    for x, i in enumerate(cluster):
        for j in cluster[x + 1 :]:
            a, b = units[i], units[j]
            cosine = float(vectors[i] @ vectors[j])
            close = alignment.scores[i, j] >= THRESHOLD or cosine >= LOOSE_PAIR
            if not close or a.source == b.source:
                continue
            reason = _clash(a, b, cosine, float(alignment.scores[i, j]), read)
            if reason:
                return reason
    return None


def _clash(a: Unit, b: Unit, cosine: float, score: float, read: _Read) -> str | None:
    if score >= NEGATION_SCORE and _negation_clash(a, b, cosine):
        name_a, name_b = _names(a, b)
        return f"negation: {name_a} and {name_b} state opposite versions"
    if cosine >= FIGURE_DISPUTE_COSINE:
        pair = _clash_of(
            a.sentence.text,
            _figures(a, a.sentence, read),
            b.sentence.text,
            _figures(b, b.sentence, read),
        )
        if pair and _clash_of(
            a.whole.text, _figures(a, a.whole, read), b.whole.text, _figures(b, b.whole, read)
        ):
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


def _negation_clash(a: Unit, b: Unit, cosine: float) -> bool:
    similar = cosine >= NEGATION_COSINE or _overlap(a, b, names=True) >= NEGATION_OVERLAP
    reworded = _REWORDED_NEGATION.search(a.whole.text) or _REWORDED_NEGATION.search(b.whole.text)
    return (
        similar
        and not reworded
        and conflict(a.facts, b.facts) == "negation"
        and conflict(a.whole_facts, b.whole_facts) == "negation"
    )


def figure_clash(text_a: str, text_b: str) -> tuple[str, str] | None:
    """The first pair of comparable quantities (as written) on which two texts disagree, when
    no pair of one dimension agrees; None when they agree or give nothing comparable."""
    return _clash_of(text_a, read_quantities(text_a), text_b, read_quantities(text_b))


def _clash_of(
    text_a: str, found_a: list[Quantity], text_b: str, found_b: list[Quantity]
) -> tuple[str, str] | None:
    found: tuple[str, str] | None = None
    for x in found_a:
        for y in found_b:
            if not same_dimension(x, y):
                continue
            if _exact(x) and _exact(y) and values_agree(x, y):
                return None  # one figure both give: the others may be about other things
            if not _comparable(text_a, x, text_b, y):
                continue
            if values_agree(x, y) or _within_bound(x, y) or _within_bound(y, x):
                return None  # "at least three" dead and "10 dead" can both be true
            found = found or (x.as_written, y.as_written)
    return found


def _figures(unit: Unit, span: Sentence, read: _Read) -> list[Quantity]:
    """The quantities of a span of the unit, less a number the sentence splitter cut at its
    decimal point ("magnitude 5." | "8 on the Richter scale"): that part is no figure."""
    key = (id(unit), span.start, span.end)
    found = read.get(key)
    if found is None:
        found = read[key] = _read_figures(unit, span)
    return found


def _read_figures(unit: Unit, span: Sentence) -> list[Quantity]:
    text, whole, full = span.text, unit.whole, unit.article.text
    cut_before = bool(_CUT_END.search(full[: whole.start])) and whole.text[:1].isdigit()
    cut_after = bool(_CUT_END.search(whole.text)) and full[whole.end :].lstrip()[:1].isdigit()
    kept = []
    for quantity in read_quantities(text):
        start, end = span.start + quantity.number_start, span.start + quantity.number_end
        if (cut_before and start <= whole.start) or (cut_after and end >= whole.end - 1):
            continue
        kept.append(quantity)
    return kept


def _exact(quantity: Quantity) -> bool:
    """Written as one value, with no bound or approximation ("31", not "more than a hundred")."""
    return not quantity.approximate and quantity.low is None and quantity.high is None


def _within_bound(bound: Quantity, other: Quantity) -> bool:
    if bound.approximate or bound.value is None or other.value is None:
        return False
    if bound.unit != other.unit:
        return False
    if bound.low is not None and bound.high is None:
        return max(other.value, other.low or other.value) >= bound.low
    if bound.high is not None and bound.low is None:
        return min(other.value, other.high or other.value) <= bound.high
    return False


def _comparable(text_a: str, x: Quantity, text_b: str, y: Quantity) -> bool:
    if x.unit != "count":
        return True
    counted_a, counted_b = _counted(text_a, x), _counted(text_b, y)
    return counted_a is not None and counted_b is not None and bool(counted_a & counted_b)


def _counted(text: str, quantity: Quantity) -> set[str] | None:
    """Stems of the words just after a count, up to punctuation ("565 shops suffering": shop,
    suffering); None for a part ("two other victims") or a count of nothing ("Gray, 16,")."""
    words = [w.lower() for w in _WORD.findall(_CLAUSE_END.split(text[quantity.end :])[0])]
    if not words or words[0] in _PART:
        return None
    return {w.rstrip("s") for w in words[:COUNTED_WORDS] if w not in _FILLER}


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
