"""The sentence embedder runs each distinct text of a call once (issue 7: a big story's
sentences are mostly wire copies, and the quotes stage embeds every outlet's copy of a
paraphrase). Each row must still be its own text's vector, bit for bit, in the order given,
whatever the cache held before the call and when it overflows during it."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from corroborate import embed as embed_module
from corroborate.embed import MiniLmOnnxEmbedder

TEXTS = [
    "The Lenner dam's spillway gates were opened at dawn.",
    "Water board chief Ilse Varga said the reservoir stood 30 centimetres below its crest.",
    "Residents of Osk were told to move livestock to higher ground.",
    "The Lenner dam's spillway gates were opened at dawn.",  # a wire copy
    "Schools in Osk and Brede stay shut on Thursday.",
    "Residents of Osk were told to move livestock to higher ground.",
    "Rain is forecast to ease by the weekend, the weather service said, though rivers below "
    "the dam will keep rising for two more days as the released water reaches them.",
    "The Lenner dam's spillway gates were opened at dawn.",
]


@pytest.fixture(scope="module")
def embedder() -> MiniLmOnnxEmbedder:
    return MiniLmOnnxEmbedder(batch_size=2)  # several batches, of other make-ups


def _alone(embedder: MiniLmOnnxEmbedder, texts: list[str]) -> np.ndarray:
    return np.stack([embedder._embed_batch([t])[0] for t in texts])


@pytest.mark.parametrize("cached", [0, 2, 5])
def test_rows_are_each_texts_own_vector(embedder: MiniLmOnnxEmbedder, cached: int) -> None:
    embedder._cache.clear()
    embedder.embed(TEXTS[:cached])  # some texts known before the call
    got = embedder.embed(TEXTS)
    assert np.array_equal(got, _alone(embedder, TEXTS))


def test_each_distinct_text_runs_once(
    embedder: MiniLmOnnxEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    embedder._cache.clear()
    ran: list[str] = []
    run = embedder._embed_batch

    def counted(texts: list[str]) -> Any:
        ran.extend(texts)
        return run(texts)

    monkeypatch.setattr(embedder, "_embed_batch", counted)
    embedder.embed(TEXTS)
    assert sorted(ran) == sorted(set(TEXTS))
    embedder.embed(TEXTS)
    assert len(ran) == len(set(TEXTS))  # the second call reads the cache


def test_a_cache_overflow_keeps_the_known_rows(
    embedder: MiniLmOnnxEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Texts known before a call that clears the full cache still get their vectors."""
    embedder._cache.clear()
    monkeypatch.setattr(embed_module, "CACHE_SIZE", 4)
    embedder.embed(TEXTS[:3])
    got = embedder.embed(TEXTS)  # 3 known + 2 new distinct > 4: the cache is cleared
    assert np.array_equal(got, _alone(embedder, TEXTS))
