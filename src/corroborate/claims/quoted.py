"""Quote evidence for claims: one sentence of a quote, and the sentences that carry it.

An outlet often reports a statement twice: in its own words ("he said returning to the old
borders was “unrealistic”") and as a direct quote ("“returning to the old borders is an
unrealistic objective”"); other outlets quote it whole or in part. Alignment may put the
quoted and the paraphrased wordings in two claims, because the embedding of a quote's
rhetoric is far from a reporter's summary of it.

The quote stage knows better: it grouped the mentions of one quote by speaker and wording
(`corroborate.quotes.variants`). A quote may run over several sentences that state different
facts, so the evidence is taken per sentence of the quote, never per quote: each mention's
quoted words are matched to the one sentence of the fullest wording they come from ("an
unrealistic objective" to the second sentence, "illusionary goal" to the third), and a
paraphrase to the sentence it is closest to. Units that carry the same sentence of the same
quote state one fact, and their claims are joined when the guards in `merge_quoted` hold.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from corroborate.claims.align import Alignment
from corroborate.claims.features import conflict
from corroborate.quotes.variants import PARAPHRASE_COSINES, SAME_QUOTE, overlap, stems_of, words_of
from corroborate.records import Article, Quote, QuoteMention, Sentence

# The two units a quote links must be this close in meaning: the link says which sentence of
# the quote they carry, the cosine that each states it rather than naming it in passing.
EVIDENCE_COSINE = 0.55
# ... and the two claims joined this close on average, so that a unit that belongs to its
# claim for another fact of its sentence does not drag the whole claim along.
CLAIM_MEAN_COSINE = 0.45
_BLOCK_MARGIN = 1e-3  # far above a float32 product's rounding on unit vectors

_Anchor = tuple[str, int, list[str]]  # article id, sentence start, quoted words in it

__all__ = ["merge_quoted", "quote_links"]


def quote_links(
    alignment: Alignment, quotes: Sequence[Quote], articles: Mapping[str, Article]
) -> list[list[int]]:
    """Groups of units (indexes) that carry one sentence of one quote, two or more each."""
    place = _units_by_sentence(alignment)
    groups: list[list[int]] = []
    for quote in quotes:
        # a title or a scare quote ("The Hunger Games") has no speaker: no statement to carry
        if quote.speaker is None and quote.speaker_role is None:
            continue
        direct = [m for m in quote.mentions if m.direct and m.pieces]
        if not direct:
            continue
        fullest = max(direct, key=_quoted_length)
        anchors = _quoted_sentences(fullest, articles[fullest.article])
        found: dict[int, set[int]] = {}
        for mention in direct:
            for j, unit in _direct_links(alignment, mention, anchors, articles, place):
                found.setdefault(j, set()).add(unit)
        for mention in quote.mentions:
            link = None if mention.direct else _paraphrase_link(alignment, mention, anchors, place)
            if link is not None:
                found.setdefault(link[0], set()).add(link[1])
        groups.extend(sorted(units) for units in found.values() if len(units) > 1)
    return groups


def _units_by_sentence(alignment: Alignment) -> dict[tuple[str, int], list[int]]:
    place: dict[tuple[str, int], list[int]] = {}
    for i, unit in enumerate(alignment.units):
        place.setdefault((unit.article.id, unit.whole.start), []).append(i)
    return place


def _quoted_length(mention: QuoteMention) -> int:
    return sum(end - start for start, end in mention.pieces)


def _sentences_over(article: Article, start: int, end: int) -> list[Sentence]:
    return [s for s in article.sentences if s.start < end and start < s.end]


def _inside(pieces: list[list[int]], start: int, end: int) -> int:
    """Characters of the pieces that lie between start and end."""
    return sum(max(0, min(e, end) - max(s, start)) for s, e in pieces)


def _quoted_in(mention: QuoteMention, article: Article, sentence: Sentence) -> str:
    """The quoted words of the mention that lie inside one sentence."""
    parts = []
    for start, end in mention.pieces:
        low, high = max(start, sentence.start), min(end, sentence.end)
        if low < high:
            parts.append(article.text[low:high])
    return " ".join(parts)


def _quoted_sentences(mention: QuoteMention, article: Article) -> list[_Anchor]:
    """The sentences of the fullest wording, each with its quoted words."""
    anchors: list[_Anchor] = []
    for sentence in _sentences_over(article, mention.pieces[0][0], mention.pieces[-1][1]):
        words = words_of(_quoted_in(mention, article, sentence))
        if words:
            anchors.append((article.id, sentence.start, words))
    return anchors


def _direct_links(
    alignment: Alignment,
    mention: QuoteMention,
    anchors: list[_Anchor],
    articles: Mapping[str, Article],
    place: Mapping[tuple[str, int], list[int]],
) -> list[tuple[int, int]]:
    """(anchor index, unit) for each sentence the mention's words fall in that matches one
    sentence of the fullest wording, and only one."""
    article = articles[mention.article]
    links = []
    for sentence in _sentences_over(article, mention.pieces[0][0], mention.pieces[-1][1]):
        words = words_of(_quoted_in(mention, article, sentence))
        shares = [overlap(words, anchor[2]) for anchor in anchors] if words else []
        if not shares:
            continue
        best = int(np.argmax(shares))
        # a fragment found in two sentences of the quote ("the war") says nothing of which
        if shares[best] < SAME_QUOTE or shares.count(shares[best]) > 1:
            continue
        unit = _unit_holding(alignment, place.get((mention.article, sentence.start), []), words)
        if unit is not None and not _title_like(_quoted_in(mention, article, sentence)):
            links.append((best, unit))
    return links


def _unit_holding(alignment: Alignment, units: list[int], quoted: list[str]) -> int | None:
    """The piece of the sentence whose own words hold most of the quoted words (SAME_QUOTE of
    them at least): a main clause whose span runs over a quote taken out of it holds none."""
    best: tuple[float, int] | None = None
    for unit in units:
        share = overlap(quoted, words_of(alignment.units[unit].text)) if quoted else 0.0
        if share >= SAME_QUOTE and (best is None or share > best[0]):
            best = (share, unit)
    return None if best is None else best[1]


def _title_like(quoted: str) -> bool:
    """Quoted words that are all capitalised name something ("New Moon", "Bettie Page"): a
    title or a name in quotation marks states nothing."""
    words = [w for w in quoted.split() if w[:1].isalpha()]
    return bool(words) and all(w[:1].isupper() for w in words) and len(words) <= 4


def _paraphrase_link(
    alignment: Alignment,
    mention: QuoteMention,
    anchors: list[_Anchor],
    place: Mapping[tuple[str, int], list[int]],
) -> tuple[int, int] | None:
    """(anchor index, unit) of the quote sentence a paraphrase is closest to, when it fits
    by the quote stage's own rule (PARAPHRASE_COSINES), sentence by sentence."""
    units = alignment.units
    mine = [
        i
        for (article, _), found in place.items()
        if article == mention.article
        for i in found
        if units[i].whole.start < mention.end and mention.start < units[i].whole.end
    ]
    best: tuple[float, int, int] | None = None
    for j, (article, start, words) in enumerate(anchors):
        quoted = stems_of(" ".join(words))
        for unit in mine:
            for anchor_unit in place.get((article, start), []):
                cosine = float(alignment.vectors[unit] @ alignment.vectors[anchor_unit])
                common = len(stems_of(units[unit].text) & quoted)
                fits = any(cosine >= c and common >= n for c, n in PARAPHRASE_COSINES)
                if fits and (best is None or cosine > best[0]):
                    best = (cosine, j, unit)
    return None if best is None else (best[1], best[2])


def merge_quoted(
    alignment: Alignment, quotes: Sequence[Quote], articles: Mapping[str, Article]
) -> None:
    """Join the claims of units that carry one sentence of one quote.

    Guards, so that a count can only be the right one: the two units must be close in meaning
    (EVIDENCE_COSINE) and the two claims close on average (CLAIM_MEAN_COSINE); no close pair
    of their mentions from two source groups may conflict (a different figure, actor or a
    negation is a dispute to show, not one fact). The joined claim's sources are the union of
    both claims' source groups, counted through `sources_of` like any claim's, so a copy
    still counts once.
    """
    clusters = alignment.clusters
    owner = {i: k for k, cluster in enumerate(clusters) for i in cluster}
    vectors = alignment.vectors
    for group in quote_links(alignment, quotes, articles):
        for x, u in enumerate(group):
            for v in group[x + 1 :]:
                a, b = owner[u], owner[v]
                if a == b or float(vectors[u] @ vectors[v]) < EVIDENCE_COSINE:
                    continue
                if not _joinable(alignment, clusters[a], clusters[b]):
                    continue
                clusters[a].extend(clusters[b])
                for i in clusters[b]:
                    owner[i] = a
                clusters[b] = []
    alignment.clusters = [c for c in clusters if c]


def _joinable(alignment: Alignment, a: list[int], b: list[int]) -> bool:
    vectors = alignment.vectors
    block = vectors[a] @ vectors[b].T
    if float(block.mean()) < CLAIM_MEAN_COSINE:
        return False
    # `_clash` compares only pairs this close: the block picks them, in the same order, with
    # a margin for a float32 product's last bits (`_clash` tests each pair's own cosine)
    rows, cols = np.nonzero(block >= EVIDENCE_COSINE - _BLOCK_MARGIN)
    pairs = zip(rows.tolist(), cols.tolist(), strict=True)
    return not any(_clash(alignment, a[x], b[y]) for x, y in pairs)


def _clash(alignment: Alignment, i: int, j: int) -> bool:
    """Whether two units state incompatible versions, as the status step would see it: two
    wordings of one source group ("Europe must" / "EU must" in a wire and its copy) are no
    dispute, nor are two units too far apart in meaning to be compared."""
    a, b = alignment.units[i], alignment.units[j]
    if float(alignment.vectors[i] @ alignment.vectors[j]) < EVIDENCE_COSINE:
        return False
    if a.source == b.source:
        return False
    return conflict(a.facts, b.facts) is not None
