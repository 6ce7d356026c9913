"""The shipped same-fact pair model: weights for the pair features and for words.

One logistic regression, fitted on MSRP train rows 0-2999 by `bench/bench_alignment.py --fit`,
over two parts:

- the dense pair features of `features.FEATURES` (cosine, overlaps, word-piece alignment, ...);
- per word (spaCy lemma, lower-cased) two weights: one when the word is in only one sentence of
  the pair, one when it is in both. This is a discriminative cousin of TF-KLD (Ji & Eisenstein,
  EMNLP 2013): some words matter much more than others when one sentence has them and the other
  does not ("said", a figure, "also", "only"...), and the corpus says which. Words outside the
  MSRP train vocabulary (or seen in fewer than two of its sentences) carry no weight.

The word part enters the features as one column, `word_evidence` (its summed weights), whose
own weight is 1. The file's sha256 is pinned here and checked on load, like the embedder's.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from corroborate.errors import ModelLoadError

MODEL_FILE = Path(__file__).with_name("pair_model.json")
MODEL_SHA256 = "e1a7f7d2b448f34b93f31748c04a98081085760948debfdd66a08cf96bfd48bf"


@dataclass(frozen=True, slots=True)
class PairModel:
    """Dense feature weights (raw scale), a bias, and per-lemma (only-one, both) weights."""

    weights: np.ndarray
    bias: float
    words: Mapping[str, tuple[float, float]]

    def evidence(self, a: frozenset[str], b: frozenset[str]) -> float:
        """The words' summed weights for a pair of sentences' lemma sets."""
        total = 0.0
        for word in a | b:
            weights = self.words.get(word)
            if weights is not None:
                total += weights[1] if word in a and word in b else weights[0]
        return total

    def to_json(self, notes: Mapping[str, object]) -> str:
        data = {
            "notes": dict(notes),
            "bias": round(self.bias, 6),
            "weights": [round(float(w), 6) for w in self.weights],
            "words": {w: [round(x, 5), round(y, 5)] for w, (x, y) in sorted(self.words.items())},
        }
        return json.dumps(data, indent=0, ensure_ascii=False, sort_keys=True) + "\n"

    @staticmethod
    def from_json(text: str) -> PairModel:
        data = json.loads(text)
        words = {w: (float(x), float(y)) for w, (x, y) in data["words"].items()}
        return PairModel(np.array(data["weights"], dtype=np.float64), float(data["bias"]), words)


def load_model(path: Path, expected_sha256: str | None) -> PairModel:
    """A pair model from its JSON file, its sha256 checked when one is given."""
    if not path.is_file():
        raise ModelLoadError(f"{path}: pair model not found; reinstall corroborate")
    raw = path.read_bytes()
    found = hashlib.sha256(raw).hexdigest()
    if expected_sha256 is not None and found != expected_sha256:
        raise ModelLoadError(
            f"{path}: sha256 {found} differs from the pinned {expected_sha256}; the file is "
            "damaged or not the shipped model: reinstall corroborate (or, after refitting with "
            "bench_alignment.py --fit, pin the new checksum in pair_model.MODEL_SHA256)"
        )
    return PairModel.from_json(raw.decode("utf-8"))


@cache
def shipped_model() -> PairModel:
    """The model shipped with the package (read once: it is immutable)."""
    return load_model(MODEL_FILE, MODEL_SHA256)
