"""Settings of copy detection, validated once, in one object."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True, frozen=True, kw_only=True)
class CopySettings:
    """How copies are found and verified.

    Candidates: passages (paragraphs, long ones cut at sentence ends) get MinHash signatures of
    `shingle_words`-word shingles; two passages become a candidate when they agree on all
    `rows` values of any of `bands` bands. With 10 bands of 4 rows a passage pair of Jaccard
    0.7 collides with probability 0.94, of 0.8 with 0.995, of 0.3 with 0.08; one colliding
    passage is enough to verify the document pair, so whole copies are found with near
    certainty and partial copies as soon as one copied paragraph survives light edits.

    Verification: sentences are aligned with rapidfuzz; a sentence pair counts as evidence
    when its words outside quotation marks match too (shared quotes alone are not copying).
    """

    shingle_words: int = 4
    num_perm: int = 40
    bands: int = 10
    rows: int = 4
    seed: int = 1
    min_passage_words: int = 8
    max_passage_words: int = 120
    # verification
    sentence_similarity: float = 0.82  # rapidfuzz ratio / 100 for two sentences to match
    min_own_words: int = 5  # unquoted words a matched sentence needs to count as evidence
    min_evidence_words: int = 25  # unquoted matched words for a pair to be a copy
    min_own_evidence_words: int = 10  # however many quotes match, this many own words must
    min_evidence_sentences: int = 2
    min_run: int = 3  # ... or this many sentences matched in the same order in both
    quote_weight: float = 0.25  # quoted words count this much inside such a run
    whole_copy_coverage: float = 0.6  # share of a copy's words from its origin: else partial
    # a shorter text this much the longer one's words, and not older, is a reprint cut down from
    # it (one source), however little of the longer text it kept
    abridged_coverage: float = 0.9
    common_passage_docs: int = 5  # a passage in this many documents is boilerplate-like
    max_bucket: int = 64  # a band key shared by more passages links each to the first few only
    # execution
    processes: int = 2
    batch_size: int = 2000

    def __post_init__(self) -> None:
        if self.bands * self.rows > self.num_perm:
            raise ValueError(
                f"bands * rows ({self.bands} * {self.rows}) must not exceed num_perm "
                f"({self.num_perm}); raise num_perm or use fewer bands"
            )
        if self.shingle_words < 1 or self.shingle_words > 8:
            raise ValueError(f"shingle_words must be between 1 and 8, got {self.shingle_words}")
        shares = (self.sentence_similarity, self.whole_copy_coverage, self.abridged_coverage)
        if not all(0 < share <= 1 for share in shares):
            raise ValueError(
                "sentence_similarity, whole_copy_coverage and abridged_coverage must be in (0, 1]"
            )
        if self.processes < 1 or self.batch_size < 1:
            raise ValueError("processes and batch_size must be at least 1")
