"""Copies and independent sources: wire copies, reprints and partial copies count once.

Story mode (a handful of articles, after cleaning and sentence segmentation)::

    groups = find_copies(articles)

sets on every article `source_group`, `copy_of` (the group's origin, or None for the origin
itself and for articles that copy nobody) and `borrowed` (passages a partial copy took from
another article), and returns one `SourceGroup` per independent source. Each copy in a group
has a `CopyEvidence` (kind, similarity, shared passages with offsets in both articles); a
partial copy stays its own group and its group carries a "partial" evidence naming the
passages it borrowed. Only kept paragraphs are read, so scraped junk makes no difference.

`join_outlets(groups, articles)` then makes one source of each outlet's articles (a follow-up
is no copy, but one newsroom cannot corroborate itself); `story.build_report` calls both.

Kinds: "verbatim", "re-headlined", "extended" (text added, e.g. a "Key points" box or junk),
"edited" (spelling, a word or two), "reordered", "abridged" (paragraphs dropped), "partial".

Evidence: sentences are aligned with rapidfuzz; a pair is a copy when at least two matched
sentences (or a run of three in the same order) match in their words outside quotation marks
too, with enough of those own words: outlets that quote the same speaker word for word are not
copies. Between two articles of one outlet, passages found in many documents are treated as
the outlet's boilerplate (an editor's note). Origin: the earliest published (by day), else the
most complete; a partial copy never becomes the origin of a wire story.

Corpus mode, for `corroborate ingest` (batches of Articles, already cleaned)::

    finder = ArticleCopyFinder(CopySettings(processes=2), load=store_loader)
    evidence = finder.add(batch)   # sets source_group / copy_of / borrowed on the new
                                   # articles; returns CopyEvidence for the store

`load(article_id) -> Article | None` fetches an earlier article for verification; without it
the finder keeps each article's text in memory. Stored groups keep their id and origin.

The engine underneath, for texts rather than Articles::

    detector = MinhashCopyDetector(CopySettings(processes=2))
    pairs = detector.add(ids, texts)      # index a batch; candidate pairs (ids) with earlier
                                          # documents and within the batch
    matches = detector.verify(pairs, lambda i: DocInfo(i, text_units(text_of(i))))
    matches = detector.find(ids, texts, published=..., outlets=...)   # all in memory, once

`add` computes MinHash signatures of every passage (paragraphs, long ones cut at sentence ends;
word 4-shingles hashed with xxhash; the same values as datasketch's `MinHash.bulk` with the
affine32 scheme, computed for a whole batch with numpy, batches spread over `processes`
cores), queries the banded LSH index (`lsh.PassageLshIndex`: sorted numpy segments, grows by
batches) for passages sharing a band with earlier documents and with each other, then indexes
the batch. Only candidate pairs are verified, never all pairs; `verify(..., processes=2)`
verifies in forked workers. `detector.signatures(texts)` alone gives a `SignatureBatch`
(passage -> document, offsets, values); a row becomes a datasketch object with
`datasketch.LeanMinHash(seed=settings.seed, hashvalues=row, scheme="affine32")`. Memory is
linear in documents: the index keeps 8 bytes per passage per band. `group_matches` and
`partial_matches` turn verified matches into groups (origins, evidence) and partial copies.
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
from corroborate.copies.outlets import join_outlets
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
    "join_outlets",
    "partial_matches",
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
