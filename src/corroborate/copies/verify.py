"""Verification of a candidate pair: sentence alignment with rapidfuzz, evidence, kind.

Only candidate pairs from the LSH index come here, never all pairs. Two articles are copies
when enough sentences match and their words outside quotation marks match too: independent
outlets quote the same speaker word for word, but they do not write the same own sentences.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from corroborate.copies.settings import CopySettings
from corroborate.copies.text import Unit
from corroborate.records import SharedPassage


@dataclass(slots=True)
class Alignment:
    """Matched sentences of two documents (a, b) and what they amount to."""

    pairs: list[tuple[int, int, float]]  # (unit in a, unit in b, similarity 0..1), by a
    evidence_words: float
    evidence_sentences: int
    own_evidence_words: int  # of evidence_words, those outside quotation marks
    longest_run: int  # most sentences matched one after another in both
    coverage_a: float  # share of a's words in matched sentences
    coverage_b: float

    def is_copy(self, settings: CopySettings) -> bool:
        # Several own sentences, or a run of sentences copied in order, with enough own
        # words: more than two outlets share by quoting one speaker or stating the same facts.
        # One sentence is never enough, however long: outlets repeat their own boilerplate
        # (an editor's note) under unrelated stories.
        if self.own_evidence_words < settings.min_own_evidence_words:
            return False  # shared quotes alone are not copying
        return self.evidence_words >= settings.min_evidence_words and (
            self.evidence_sentences >= settings.min_evidence_sentences
            or self.longest_run >= settings.min_run
        )


@dataclass(slots=True)
class CopyMatch:
    """A verified copy relation: `copy` took text from `origin`.

    `whole` is a whole-article copy (same source group); otherwise a partial copy, whose
    shared passages count as the origin's and the rest as the copy's own.
    """

    copy: str
    origin: str
    kind: str
    similarity: float  # share of the copy's words found in the origin, weighted by match
    whole: bool
    copy_coverage: float
    origin_coverage: float
    passages: list[SharedPassage] = field(default_factory=list)
    origin_similarity: float = 0.0  # the same share, of the origin's words

    def flipped(self) -> CopyMatch:
        """The same relation read the other way (for a partial copy whose direction changes)."""
        return CopyMatch(
            copy=self.origin,
            origin=self.copy,
            kind=self.kind,
            similarity=self.origin_similarity,
            whole=self.whole,
            copy_coverage=self.origin_coverage,
            origin_coverage=self.copy_coverage,
            passages=sorted(
                (
                    SharedPassage(p.origin_start, p.origin_end, p.start, p.end, p.similarity)
                    for p in self.passages
                ),
                key=lambda p: p.start,
            ),
            origin_similarity=self.similarity,
        )


def align(
    a: list[Unit], b: list[Unit], settings: CopySettings, *, same_outlet: bool = False
) -> Alignment:
    """Match each sentence of a to at most one sentence of b (greedy by similarity)."""
    cutoff = settings.sentence_similarity * 100
    pairs: list[tuple[int, int, float]] = []
    if a and b:
        scores = process.cdist(
            [u.normal for u in a],
            [u.normal for u in b],
            scorer=fuzz.ratio,
            score_cutoff=cutoff,
            dtype=np.float32,
        )
        rows, cols = np.nonzero(scores)
        order = np.argsort(-scores[rows, cols], kind="stable")
        used_a: set[int] = set()
        used_b: set[int] = set()
        for k in order:
            i, j = int(rows[k]), int(cols[k])
            if i not in used_a and j not in used_b:
                used_a.add(i)
                used_b.add(j)
                pairs.append((i, j, float(scores[i, j]) / 100))
        contained = _trimmed(a, b, used_a, used_b)
        pairs += [(i, j, sim) for (i, j), sim in contained.items()]
        pairs.sort()
    else:
        contained = {}
    runs = _run_lengths(pairs)
    coverage_a = _coverage(a, [i for i, _, _ in pairs])
    coverage_b = _coverage(b, [j for _, j, _ in pairs])
    # Between two articles of one outlet, passages found in many documents are its boilerplate
    # (an editor's note, a newsletter promo): evidence only where one is mostly the other's
    # text. Across outlets they are what wire copying looks like, and count.
    skip_common = same_outlet and max(coverage_a, coverage_b) < 0.5
    own_words, quoted, sentences = 0, 0.0, 0
    for (i, j, _), run in zip(pairs, runs, strict=True):
        if skip_common and (a[i].common or b[j].common):
            continue
        own = min(len(a[i].own_words), len(b[j].own_words))
        if own >= settings.min_own_words and (
            (i, j) in contained or fuzz.ratio(a[i].own_normal, b[j].own_normal) >= cutoff
        ):
            own_words += own
            sentences += 1
        if run >= settings.min_run:  # quotes copied in the wire's order count a little
            quoted += settings.quote_weight * min(
                len(a[i].words) - len(a[i].own_words), len(b[j].words) - len(b[j].own_words)
            )
    return Alignment(
        pairs=pairs,
        evidence_words=own_words + quoted,
        evidence_sentences=sentences,
        own_evidence_words=own_words,
        longest_run=max(runs, default=0),
        coverage_a=coverage_a,
        coverage_b=coverage_b,
    )


# A sentence cut short by a subeditor ("... 23 reports of kettles overheating." from "...
# overheating, and that two people had suffered minor burns"): its words are a run of the
# other's, too short a part of it for the ratio to match. A reprint that trimmed every sentence
# it kept matched one sentence and counted as a source of its own (session-12 audit). As long a
# run of the outlet's own words is what a wire passage is (bench_copies' 12-word rule).
_TRIMMED_WORDS = 12


def _trimmed(
    a: list[Unit], b: list[Unit], used_a: set[int], used_b: set[int]
) -> dict[tuple[int, int], float]:
    """Unmatched sentence pairs where one's own words (12 or more, no quotation) are a run of
    the other's: (i, j) -> the share of the longer sentence's words that the shorter holds."""
    found: dict[tuple[int, int], float] = {}
    long_a = [i for i, u in enumerate(a) if i not in used_a and len(u.own_words) >= _TRIMMED_WORDS]
    long_b = [j for j, u in enumerate(b) if j not in used_b and len(u.own_words) >= _TRIMMED_WORDS]
    for i, j in itertools.product(long_a, long_b):
        if i in used_a or j in used_b:
            continue
        x, y = a[i], b[j]
        if len(x.own_words) != len(x.words) or len(y.own_words) != len(y.words):
            continue  # a quote is never the evidence
        short, longer = sorted((x.normal, y.normal), key=len)
        if f" {short} " in f" {longer} ":
            used_a.add(i)
            used_b.add(j)
            found[(i, j)] = min(len(x.words), len(y.words)) / max(len(x.words), len(y.words))
    return found


def _run_lengths(pairs: list[tuple[int, int, float]]) -> list[int]:
    """For each matched pair (sorted by a), the length of its run of consecutive pairs."""
    lengths = [0] * len(pairs)
    start = 0
    for k in range(1, len(pairs) + 1):
        if k == len(pairs) or pairs[k][:2] != (pairs[k - 1][0] + 1, pairs[k - 1][1] + 1):
            lengths[start:k] = [k - start] * (k - start)
            start = k
    return lengths


def _coverage(units: list[Unit], matched: list[int]) -> float:
    total = sum(len(u.words) for u in units)
    return sum(len(units[i].words) for i in matched) / total if total else 0.0


def is_whole_copy(alignment: Alignment, settings: CopySettings, a_words: int, b_words: int) -> bool:
    """Whether the pair is one text (one source), rather than one embedding part of the other.

    The shorter article must be mostly the other's text, and the longer one at least half the
    shorter's: a long report that embeds a short wire brief is a partial copy, not a reprint.
    """
    short_cov, long_cov = (
        (alignment.coverage_a, alignment.coverage_b)
        if a_words <= b_words
        else (alignment.coverage_b, alignment.coverage_a)
    )
    return short_cov >= settings.whole_copy_coverage and long_cov >= 0.5


def shared_passages(
    alignment: Alignment, copy: list[Unit], origin: list[Unit], copy_is_a: bool
) -> list[SharedPassage]:
    """Runs of consecutive matched sentences, as spans in both articles."""
    pairs = sorted((i, j, s) if copy_is_a else (j, i, s) for i, j, s in alignment.pairs)
    passages: list[SharedPassage] = []
    run: list[tuple[int, int, float]] = []
    for pair in pairs:
        if run and (pair[0] != run[-1][0] + 1 or pair[1] != run[-1][1] + 1):
            passages.append(_passage(run, copy, origin))
            run = []
        run.append(pair)
    if run:
        passages.append(_passage(run, copy, origin))
    return passages


def _passage(
    run: list[tuple[int, int, float]], copy: list[Unit], origin: list[Unit]
) -> SharedPassage:
    weights = [len(copy[i].words) for i, _, _ in run]
    similarity = sum(w * s for w, (_, _, s) in zip(weights, run, strict=True)) / max(
        1, sum(weights)
    )
    return SharedPassage(
        start=copy[run[0][0]].start,
        end=copy[run[-1][0]].end,
        origin_start=origin[run[0][1]].start,
        origin_end=origin[run[-1][1]].end,
        similarity=round(similarity, 4),
    )


def copy_kind(alignment: Alignment, *, whole: bool, copy_is_a: bool, titles_differ: bool) -> str:
    """The main way the copy differs from its origin, in order of what matters to a reader."""
    copy_cov, origin_cov = (
        (alignment.coverage_a, alignment.coverage_b)
        if copy_is_a
        else (alignment.coverage_b, alignment.coverage_a)
    )
    if not whole:
        return "partial"
    if origin_cov < 0.9:
        return "abridged"
    origin_order = [
        j if copy_is_a else i
        for i, j, _ in sorted(alignment.pairs, key=lambda p: p[0] if copy_is_a else p[1])
    ]
    if any(later < earlier for earlier, later in itertools.pairwise(origin_order)):
        return "reordered"
    if any(s < 0.985 for _, _, s in alignment.pairs):  # a word or more changed somewhere
        return "edited"
    if copy_cov < 0.97:  # a few added lines (a box, scraped junk) are worth naming
        return "extended"
    return "re-headlined" if titles_differ else "verbatim"


def copy_similarity(alignment: Alignment, copy: list[Unit], copy_is_a: bool) -> float:
    """Share of the copy's words found in the origin, each sentence weighted by its match."""
    total = sum(len(u.words) for u in copy)
    if not total:
        return 0.0
    found = sum(len(copy[i if copy_is_a else j].words) * s for i, j, s in alignment.pairs)
    return round(found / total, 4)
