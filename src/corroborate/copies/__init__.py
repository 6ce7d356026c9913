"""Copies and independent sources: wire copies, reprints and partial copies count once.

Story mode (a handful of articles, after cleaning and sentence segmentation)::

    groups = find_copies(articles)

sets on every article `source_group`, `copy_of` (the group's origin, or None for the origin
itself and for articles that copy nobody) and `borrowed` (passages a partial copy took from
another article), and returns one `SourceGroup` per independent source. Each copy in a group
has a `CopyEvidence` (kind, similarity, shared passages with offsets in both articles); a
partial copy stays its own group and its group carries a "partial" evidence naming the
passages it borrowed. Only kept paragraphs are read, so scraped junk makes no difference.

Kinds: "verbatim", "re-headlined", "extended" (text added, e.g. a "Key points" box or junk),
"edited" (spelling, a word or two), "reordered", "abridged" (paragraphs dropped), "partial".

Corpus mode (10^5 articles and more, in batches)::

    detector = MinhashCopyDetector(CopySettings(processes=2))
    pairs = detector.add(ids, texts)            # index a batch, get candidate pairs (ids)
    matches = detector.verify(pairs, load)      # load(id) -> DocInfo (e.g. from the store):
                                                #   DocInfo(id, text_units(kept_text), published)
    groups = group_matches(docs, matches, settings, realign=False)

`add` computes MinHash signatures of every passage (paragraphs, long ones cut at sentence ends;
word 4-shingles hashed with xxhash; datasketch-compatible affine32 values computed for a whole
batch with numpy, batches spread over `processes` cores), queries the banded LSH index for
passages sharing a band with earlier documents and with each other, and then indexes the batch.
Only candidate pairs are verified (sentence alignment with rapidfuzz), never all pairs.
`detector.find(ids, texts, published)` does add + verify for a corpus held in memory.
`signatures(texts)` alone gives the `SignatureBatch` (passage -> document, offsets, values);
`SignatureBatch.hashvalues` rows turn into datasketch objects with
`datasketch.LeanMinHash(seed=settings.seed, hashvalues=row, scheme="affine32")`.
Memory is linear in documents: the index keeps 8 bytes per passage per band.
"""

from __future__ import annotations

from corroborate.copies.detector import (
    DocInfo,
    MinhashCopyDetector,
    article_doc,
    pick_origin,
    text_units,
)
from corroborate.copies.groups import (
    CopyGroup,
    borrowed_spans,
    group_matches,
    partial_matches,
    relate_all,
    to_evidence,
)
from corroborate.copies.incremental import ArticleCopyFinder
from corroborate.copies.minhash import SignatureBatch
from corroborate.copies.settings import CopySettings
from corroborate.copies.verify import CopyMatch
from corroborate.records import Article, SourceGroup

__all__ = [
    "ArticleCopyFinder",
    "CopyGroup",
    "CopyMatch",
    "CopySettings",
    "DocInfo",
    "MinhashCopyDetector",
    "SignatureBatch",
    "find_copies",
    "group_matches",
    "pick_origin",
    "text_units",
]


def find_copies(articles: list[Article], settings: CopySettings | None = None) -> list[SourceGroup]:
    """Group articles that are copies of one another and mark partial copies.

    Sets `source_group`, `copy_of` and `borrowed` on every article; returns one SourceGroup
    per independent source, origins first by date, then by completeness.
    """
    settings = settings or CopySettings(processes=1)
    docs = [article_doc(a) for a in articles]
    detector = MinhashCopyDetector(settings)
    pairs = detector.add([a.id for a in articles], [a.kept_text for a in articles])
    matches = relate_all(docs, pairs, settings)
    groups = group_matches(docs, matches, settings)
    partials = partial_matches(docs, matches, groups)
    by_id = {a.id: a for a in articles}
    result = []
    for group in groups:
        evidence = [to_evidence(m) for m in group.evidence]
        for member in group.members:
            article = by_id[member]
            article.source_group = group.id
            article.copy_of = group.origin if member != group.origin else None
            article.borrowed = borrowed_spans(partials, member)
            evidence.extend(to_evidence(m) for m in partials if m.copy == member)
        result.append(
            SourceGroup(id=group.id, articles=group.members, origin=group.origin, evidence=evidence)
        )
    return result
