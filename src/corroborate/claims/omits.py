"""Whether a source group states a claim in a sentence of its own that sits in another claim.

"Omits" is a statement about an outlet, so it must be checked against the outlet's words, not
only against the claim's mentions: the alignment keeps a sentence in one claim, and a sentence
stating two facts ("said it would stop flying nine routes, putting 340 jobs at risk") is found
in the claim of one of them only. A group whose own sentence is close to a mention of the claim
is not said to omit it. The bar is looser than the alignment's (`align.LOOSE_PAIR`): a false
"omits" tells a reader an outlet left out what it printed, which is worse than a missed one.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from corroborate.claims.align import (
    NUMBER_BONUS,
    TOPIC_CLOSENESS,
    TOPIC_WORDS,
    Unit,
    sentence_units,
)
from corroborate.claims.apart import same_doer, same_figure, telling_figures
from corroborate.claims.wordmeaning import REPORTING
from corroborate.nlp import Resources
from corroborate.records import Article, Claim

# Cosine (plus NUMBER_BONUS when both give the same telling figure) at which a group's sentence
# states a mention's fact; below the alignment's second pass (0.58). Set by reading the session-10
# audit's omissions and NeuS stories' (see the closing note of issue 4).
STATES_CLOSENESS = 0.55


class GroupStatements:
    """Each article's units and vectors, read when an omission is first checked against it
    (most stories have no omission; a big one's are checked against a few groups); the
    vectors come from the embedder's cache of the alignment's run."""

    def __init__(self, articles: list[Article], resources: Resources) -> None:
        self._articles = {a.id: a for a in articles}
        self._resources = resources
        self._read: dict[str, tuple[list[Unit], np.ndarray]] = {}

    def _units(self, article_ids: list[str]) -> tuple[list[Unit], np.ndarray]:
        for key in article_ids:
            if key not in self._read:
                units = sentence_units([self._articles[key]], self._resources)
                texts = [u.text for u in units]
                vectors = self._resources.embedder().embed(texts) if texts else np.zeros((0, 1))
                self._read[key] = (units, vectors)
        parts = [self._read[key] for key in article_ids if self._read[key][0]]
        if not parts:
            return [], np.zeros((0, 1))
        return [u for units, _ in parts for u in units], np.vstack([v for _, v in parts])

    def states(self, claim: Claim, group: str, group_of: Mapping[str, str]) -> bool:
        """Whether a sentence of the group's articles states a mention of the claim: close in
        meaning (STATES_CLOSENESS, a shared telling figure counting as in alignment) and
        sharing content words that are not names or reporting verbs (`_states`)."""
        spans = [m for m in claim.mentions if m.article in self._articles]
        mentioned, vectors = self._units(sorted({m.article for m in spans}))
        keep = [
            k
            for k, u in enumerate(mentioned)
            if any(
                u.article.id == m.article and m.start <= u.sentence.start <= u.sentence.end <= m.end
                for m in spans
            )
        ]
        own, own_vectors = self._units(sorted(k for k, g in group_of.items() if g == group))
        if not keep or not own:
            return False
        cosines = vectors[keep] @ own_vectors.T
        return any(
            _states(mentioned[i], own[j], float(cosines[a, j]))
            for a, i in enumerate(keep)
            for j in range(len(own))
        )


def _states(mention: Unit, sentence: Unit, cosine: float) -> bool:
    """The alignment's second-pass test (`align.loose_link`) with the looser closeness: a
    pair only near in topic ("Sanders made the announcement in a call with his staff" /
    "Sanders plans to talk to his supporters") must share TOPIC_WORDS content words, or one
    less when they name the same doer."""
    if cosine + NUMBER_BONUS < STATES_CLOSENESS:
        return False
    a, b = mention.facts, sentence.facts
    closeness = cosine + NUMBER_BONUS * same_figure(telling_figures(a), telling_figures(b))
    if closeness < STATES_CLOSENESS:
        return False
    # sharing only words that say who spoke is no shared fact
    shared = (a.lemmas - a.entities - REPORTING) & (b.lemmas - b.entities - REPORTING)
    needed = TOPIC_WORDS - same_doer(a, b) if closeness < TOPIC_CLOSENESS else 1
    return len(shared) >= max(needed, 1)
