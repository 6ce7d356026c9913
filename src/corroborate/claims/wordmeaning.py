"""Words two sentences share by meaning, not by spelling ("shut" / "closed").

Alignment asks that two sentences share a content word other than a name before its pair
model weighs them as one fact: sentences that share only names ("Smith met Jones in Paris" /
"Jones thanked Smith in Paris") are close in MiniLM's meaning and state two facts. A
paraphrase may share no word at all, though ("Europe must provide the overwhelming share of
aid" / "European nations should shoulder most of the assistance"). Here each content word
(noun, verb, adjective, adverb; no name, no stop word) gets the mean of its word pieces'
vectors from the embedder's token vectors, which read each word in its sentence; two
sentences share a word by meaning when a content word of one is this close to one of the
other's (`MEANING_WORD`). Measured on invented pairs: a synonym in context 0.71-0.83 ("shut" /
"closed", "houses" / "homes"), the same word 0.96-0.98, another word of the topic 0.35-0.52
("tax" / "levy", "engineers" / "inspectors", "heating" / "energy"), a verb between names 0.22
("met" / "thanked"). Looser synonyms fall short ("buy" / "acquire" 0.67): only paraphrases
close in wording are found.

A word shared by meaning lets the pair model weigh the pair, nothing more: the clustering's
looser pass still asks for a word shared by spelling, as one synonym somewhere in two long
sentences ("help" / "aid") is no sign of one fact (on the seeds it joined three pairs of
different facts to the looser pass; see `align._loose_pairs`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

MEANING_WORD = 0.7
_CONTENT = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
# Verbs that say who spoke (lemmas): two sentences that both report speech share nothing by
# that. Also the alignment's and the omission check's (`align._REPORTING`, `omits`).
REPORTING = frozenset("say tell add state note stress warn insist explain claim argue".split())

Span = tuple[int, int]


def content_spans(tokens: Sequence[Any]) -> tuple[Span, ...]:
    """The character spans, in the tokens' text as `Piece.text` joins it, of the content words
    (no name, no stop word, no reporting verb)."""
    spans = []
    at = 0
    for token in tokens:
        if (
            token.pos_ in _CONTENT
            and token.is_alpha
            and not token.is_stop
            and not token.ent_type_
            and token.lemma_.lower() not in REPORTING
        ):
            spans.append((at, at + len(token.text)))
        at += len(token.text_with_ws)
    return tuple(spans)


def word_vectors(
    spans: Sequence[Span], vectors: np.ndarray, pieces: Sequence[tuple[int, int, int]]
) -> np.ndarray:
    """One unit vector per content word: the mean of the vectors (rows of `vectors`, one per
    word piece, `pieces` giving each one's characters) of the pieces inside its span."""
    rows = []
    for start, end in spans:
        inside = [k for k, (_, s, e) in enumerate(pieces) if s < end and e > start]
        inside = [k for k in inside if k < len(vectors)]  # a text cut at the model's length
        if inside:
            mean = vectors[inside].mean(axis=0)
            norm = float(np.linalg.norm(mean))
            if norm > 0:
                rows.append(mean / norm)
    return np.array(rows, dtype=np.float32).reshape(len(rows), vectors.shape[1])


def share_meaning(a: np.ndarray | None, b: np.ndarray | None) -> bool:
    """Whether a content word of one sentence is close in meaning to one of the other's."""
    if a is None or b is None or not len(a) or not len(b):
        return False
    return bool((a @ b.T).max() >= MEANING_WORD)


def meaning_shared(
    vectors: Sequence[np.ndarray | None], left: np.ndarray, right: np.ndarray, skip: np.ndarray
) -> np.ndarray:
    """For each pair (left[k], right[k]) not in `skip`: whether the two sentences, given by
    their content words' vectors, share a word by meaning (`share_meaning`)."""
    found = np.zeros(len(left), dtype=bool)
    for k in np.nonzero(~skip)[0].tolist():
        found[k] = share_meaning(vectors[int(left[k])], vectors[int(right[k])])
    return found
