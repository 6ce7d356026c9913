"""Disputes between two claims: two outlets tell one act in versions alignment kept apart.

Alignment joins sentences that state the same fact, so two versions worded apart ("The trophy
was presented by the federation's president, Arkady Melin" / "Tervan's mayor, Silvia Brandt,
presented the trophy to Derevko") often land in two claims, and a dispute test inside each
claim never sees them. Merging such pairs would make one claim of two versions and count the
second outlet as support; alignment is right to keep them apart. Instead both claims are marked
`disputed`, each with a reason naming the other claim, both outlets and both sentences.

Evidence wanted is the same act read from the parse on both sides (`frames`), not closeness
alone (a cosine merge on a figure or frame clash at 0.45 found 4 true pairs and 6 traps among
23 on the development set): `disputes.frame_clash` with the same verb, the same participants
and one of them told two ways: negated, another figure for what was done (the figure stage's
subjects veto two things counted), or another person as the doer of one act on one definite
thing. Pairs are read only between sentences of two independent sources, in no claim
together, with cosine >= CROSS_COSINE, found a block of rows at a time (no n x n matrix).
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

from corroborate.claims.align import Alignment, Unit
from corroborate.claims.blocked import Cosines, close_pairs, incidence, share_block
from corroborate.claims.disputes import (
    REASON_PAIRS,
    FigureSubjects,
    Read,
    frame_clash,
    outlet_names,
    within,
)
from corroborate.claims.earlier import EARLIER
from corroborate.claims.spans import distinct, mention_of

# Two sentences of two claims this close may tell one act (the chess final's two presenters of
# the trophy are at 0.41: the names weigh much in the embedding).
CROSS_COSINE = 0.4
# ... and figures and doers are compared from this close (`frame_clash`'s `near`)
CROSS_NEAR = 0.4
SHOWN_CHARS = 160  # of each sentence quoted in a reason
_TIMES = frozenset({"DATE", "TIME"})
_WORD = re.compile(r"\w+")
__all__ = ["CROSS_COSINE", "cross_pairs", "dispute_of", "with_crossed"]


def dispute_of(
    alignment: Alignment, cluster: list[int], subjects: FigureSubjects | None = None
) -> str | None:
    """Why the cluster's sources disagree (`disputes.within`), and with `subjects` also where
    one of its sentences tells an act of another claim's sentence another way (`with_crossed`)."""
    if subjects is None:
        return within(alignment, cluster)
    return with_crossed(alignment, cluster, subjects)


def cross_pairs(alignment: Alignment, subjects: FigureSubjects) -> list[tuple[int, int, str]]:
    """(unit, unit, why) for each pair of units of two independent sources, in no claim
    together, that tell one act in two versions (`frame_clash` between claims)."""
    units = alignment.units
    if len(units) < 2:
        return []
    homes: list[set[int]] = [set() for _ in units]
    for k, cluster in enumerate(alignment.clusters):
        for i in cluster:
            homes[i].add(k)
    member = incidence([frozenset(h) for h in homes])
    number: dict[str, int] = {}
    sources = np.array([number.setdefault(u.source, len(number)) for u in units])
    every = np.arange(len(units))

    def keep(rows: np.ndarray, block: np.ndarray) -> np.ndarray:
        apart: np.ndarray = sources[rows][:, None] != sources[None, :]
        together: np.ndarray = share_block(member, rows, every)
        kept: np.ndarray = np.logical_and(apart, np.logical_not(together))
        return kept

    left, right, cosines = close_pairs(Cosines(alignment.vectors), CROSS_COSINE, keep)
    read: Read = {}
    # one clash per pair of sentences, between the pieces closest in meaning: the frames are
    # the whole sentences', and "when the roof fell in" is not what "nine were injured" counts
    best: dict[tuple[str, int, str, int], tuple[float, int, int, str]] = {}
    for i, j, cosine in zip(left.tolist(), right.tolist(), cosines.tolist(), strict=True):
        a, b = units[i], units[j]
        if a.headline or b.headline or not (homes[i] and homes[j]):
            continue
        key = (a.article.id, a.whole.start, b.article.id, b.whole.start)
        if key in best and best[key][0] >= cosine:
            continue
        if _times_apart(a, b, subjects):
            continue
        why = frame_clash(a, b, cosine, read, subjects, near=CROSS_NEAR, between=True)
        if why:
            best[key] = (cosine, i, j, why)
    return [(i, j, why) for _, i, j, why in best.values()]


def _times_apart(a: Unit, b: Unit, subjects: FigureSubjects) -> bool:
    """The two sentences may tell two occasions: one names a time the other does not ("Early
    November, the British Royal Navy had captured eight pirates" / "The Indian navy captured
    23 pirates"; "in December 2003"), they name two times, or one looks back ("Prior to
    that", "previously")."""
    earlier_a, words_a, text_a = _timing(a, subjects)
    earlier_b, words_b, text_b = _timing(b, subjects)
    if earlier_a != earlier_b:
        return True
    # "during the evening rush hour" and "at rush hour" (no time to the parser) are one time
    return bool(words_a and not words_a & text_b) or bool(words_b and not words_b & text_a)


def _timing(unit: Unit, subjects: FigureSubjects) -> tuple[bool, frozenset[str], frozenset[str]]:
    """Whether the unit's sentence looks back, its time words and all its words, read once
    per sentence: a big story's close pairs hold each sentence many times (issue 7)."""
    found: dict[tuple[str, int], tuple[bool, frozenset[str], frozenset[str]]]
    found = subjects.cache.setdefault("timing", {})
    key = (unit.article.id, unit.whole.start)
    timing = found.get(key)
    if timing is None:
        text = unit.whole.text
        timing = found[key] = (
            bool(EARLIER.search(text)),
            frozenset(_time_words(unit, subjects)),
            frozenset(_WORD.findall(text.lower())),
        )
    return timing


def _time_words(unit: Unit, subjects: FigureSubjects) -> set[str]:
    tokens = subjects.tokens(unit.article, unit.whole)
    return {
        t.lower_
        for entity in tokens.ents
        if entity.label_ in _TIMES
        for t in entity
        if not (t.is_stop or t.is_punct)
    }


def with_crossed(alignment: Alignment, cluster: list[int], subjects: FigureSubjects) -> str | None:
    """The cluster's dispute reason (`disputes.within`) and, after it, each clash of one of its
    sentences with a sentence of another claim (`cross_pairs`), naming that claim and quoting
    both sentences with their outlets. Every claim's reasons are found on the first call for
    an alignment (a clash marks both claims) and kept in `subjects`."""
    found = subjects.cache.get("crossed")
    if found is None or found[0] is not alignment:
        found = subjects.cache["crossed"] = (alignment, _all_reasons(alignment, subjects))
    reasons: dict[frozenset[int], str | None] = found[1]
    key = frozenset(cluster)
    return reasons[key] if key in reasons else within(alignment, cluster, subjects)


def _all_reasons(
    alignment: Alignment, subjects: FigureSubjects
) -> dict[frozenset[int], str | None]:
    units, clusters = alignment.units, alignment.clusters
    # in the order the claims stage reads a cluster in (each pair of outlets' first clash)
    ordered = [
        sorted(c, key=lambda i: (units[i].article.id, units[i].sentence.start)) for c in clusters
    ]
    own = [within(alignment, cluster, subjects) for cluster in ordered]
    ids = [_claim_id(units, cluster) for cluster in ordered]
    extra = _between(alignment, own, ids, subjects)
    return {
        frozenset(cluster): "; ".join(r for r in (own[k], *extra.get(k, [])) if r) or None
        for k, cluster in enumerate(clusters)
    }


def _claim_id(units: list[Unit], cluster: list[int]) -> str:
    """The id the claims stage gives the cluster's claim (`claims._claim`; a test checks that
    a reason names the other claim's real id)."""
    mentions = distinct([mention_of(units[i]) for i in cluster])
    key = "|".join(f"{m.article}:{m.start}" for m in mentions)
    return "c-" + hashlib.sha1(key.encode()).hexdigest()[:10]


def _between(
    alignment: Alignment, own: list[str | None], ids: list[str], subjects: FigureSubjects
) -> dict[int, list[str]]:
    """For each claim (by cluster), its clashes with other claims: at most REASON_PAIRS, one
    per other claim and pair of sources; none where pieces of the two sentences meet in a
    claim that its own test already disputes."""
    units, clusters = alignment.units, alignment.clusters
    homes: dict[int, list[int]] = {}
    for k, cluster in enumerate(clusters):
        for i in cluster:
            homes.setdefault(i, []).append(k)
    sentences: dict[tuple[str, int], set[int]] = {}  # the claims each sentence is in
    for i, unit in enumerate(units):
        sentences.setdefault((unit.article.id, unit.whole.start), set()).update(homes.get(i, []))
    disputed = {k for k, reason in enumerate(own) if reason}
    extra: dict[int, list[str]] = {}
    seen: dict[int, set[tuple[int, frozenset[str]]]] = {}
    for i, j, why in cross_pairs(alignment, subjects):
        a, b = units[i], units[j]
        meet = sentences[a.article.id, a.whole.start] & sentences[b.article.id, b.whole.start]
        if meet & disputed:
            continue  # pieces of the two sentences meet in a claim its own test disputes
        shown = _shown(a, b)
        outlets = frozenset({a.source, b.source})
        for k in homes[i]:
            for m in homes[j]:
                for mine, other in ((k, m), (m, k)):
                    done = seen.setdefault(mine, set())
                    if (other, outlets) in done or len(done) >= REASON_PAIRS:
                        continue
                    done.add((other, outlets))
                    extra.setdefault(mine, []).append(
                        f"{why}, against claim {ids[other]} — {shown}"
                    )
    return extra


def _shown(a: Unit, b: Unit) -> str:
    """Both sentences with their outlets: "Arcline News: “…” / Harwick Courier: “…”"."""
    name_a, name_b = outlet_names(a, b)
    return f"{name_a}: {_quoted(a)} / {name_b}: {_quoted(b)}"


def _quoted(unit: Unit) -> str:
    text = " ".join(unit.whole.text.split())
    if len(text) > SHOWN_CHARS:
        text = text[: SHOWN_CHARS - 1].rstrip() + "…"
    return f"“{text}”"
