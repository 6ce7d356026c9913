"""Claim alignment embeds each distinct unit text once (a wire story's sentences repeat word
for word across outlets: most of a big story's units); the vectors must be those of embedding
every unit, since a text's vectors do not depend on the batch it runs in. The story has more
units than one batch, of many lengths, so that leaving out the repeats changes the batches."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from corroborate.claims.align import _embed_units, sentence_units
from corroborate.embed import MiniLmOnnxEmbedder
from corroborate.nlp import Resources
from test_claims import article

WIRE = [
    "Flood barriers along the Senna river were raised on Monday night.",
    "The regional water board said the river would peak at 4.2 metres by Wednesday, the "
    "highest level since the barriers were built, and asked residents of the lower town to "
    "move cars away from the quays before dawn.",
]
OWN = [
    "Sandbags ran out in Corvel by noon.",
    "Volunteers from three villages filled sandbags outside the Corvel fire station until the "
    "supply of sand ran out shortly after noon.",
    "Schools in the lower town stayed shut.",
    "Farmer Ansel Moyo said his fields had been under water since Saturday.",
    "The board's spokesman, Pieter Lunde, said pumps were running at every station.",
    "Rail services between Corvel and Hastmoor were cut.",
]


def _articles() -> list[Any]:
    # 12 outlets: each runs the wire, some add sentences of their own (repeats across them)
    return [
        article(f"out{n}", [*WIRE, *OWN[: n % len(OWN)], f"Outlet {n} reported from the quay."])
        for n in range(12)
    ]


def test_each_distinct_text_is_embedded_once(
    resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    units = sentence_units(_articles(), resources)
    embedder: Any = resources.embedder()
    seen: list[str] = []
    plain = type(embedder).embed_tokens

    def counted(self: Any, texts: list[str]) -> Any:
        seen.extend(texts)
        return plain(self, texts)

    monkeypatch.setattr(type(embedder), "embed_tokens", counted)
    vectors, tokens = _embed_units(units, resources)
    assert len(units) > 40 and len({u.text for u in units}) < len(units)  # the fixture repeats
    assert sorted(seen) == sorted({u.text for u in units})
    assert vectors.shape == (len(units), 384) and tokens is not None and len(tokens) == len(units)


def test_the_vectors_are_those_of_embedding_every_unit(resources: Resources) -> None:
    units = sentence_units(_articles(), resources)
    vectors, tokens = _embed_units(units, resources)
    every, every_tokens = MiniLmOnnxEmbedder().embed_tokens([u.text for u in units])
    assert np.array_equal(vectors, every)
    assert tokens is not None
    assert all(np.array_equal(a, b) for a, b in zip(tokens, every_tokens, strict=True))


def test_no_units_no_vectors(resources: Resources) -> None:
    vectors, tokens = _embed_units([], resources)
    assert vectors.shape == (0, 384) and tokens is None
