"""A learned second look at the rules' speaker: switch to another candidate when a model is
sure the rules' pick is wrong and that one is right.

The rules (`extract._attribute`) pick a speaker; `candidates.collect` lists every other
speaker the rules could propose, and `candidates.features` describes each. Two logistic
models, applied here with numpy alone, read those numbers:
1. the first scores each candidate on its own, without knowing which one the rules picked;
2. the second reads the rules' pick and the first stage's best other candidate side by side
   (both feature rows, their difference, the two probabilities and their difference) and
   gives the probability that the other is right and the rules' pick wrong. At or above the
   threshold the speaker becomes the other candidate.

Fitted by `bench/fit_quotes.py --out` on PolNeAR train's tuning fold (all but every fifth
article; never dev, never the held-out fold), quotes whose gold Source is an outer source
left out (by design those name the relay as the via, not the speaker): the first stage with
C=1 on standardised features, the second with C=0.3 on the first stage's out-of-fold
probabilities (5-fold by article), neither C searched; the threshold (0.6) is the one with
the best net gain in 5-fold cross-validation by article on that fold (0.3 to 0.9 in steps of
0.1; on ties the higher). The weights are `ranker.json` beside this module.

Off by default (`find_quotes(..., learned=True)` turns it on; `bench_quotes.py --learned`).
Session 9: cross-validated on the tuning fold it switches 23 of 6,488 quotes, 8 to a right
speaker and 4 away from one; on dev it changes no verdict (688 of 728 right either way), and
it costs the stage about a third more CPU. Fitted with the outer-source quotes, it gained
more (dev +2, held-out +5) only by naming the relay ("a transcript") instead of the person
quoted, as PolNeAR's gold does and the report's design does not.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from corroborate.quotes.candidates import FEATURES, Quoted, collect, features
from corroborate.quotes.marks import QuoteSpan
from corroborate.quotes.speakers import ParsedParagraph, Speaker

WEIGHTS = Path(__file__).with_name("ranker.json")


@dataclass(frozen=True, slots=True)
class Linear:
    """A logistic model on standardised features."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    @classmethod
    def read(cls, data: dict[str, Any]) -> Linear:
        return cls(
            np.asarray(data["mean"], dtype=float),
            np.asarray(data["scale"], dtype=float),
            np.asarray(data["coef"], dtype=float),
            float(data["intercept"]),
        )

    def probability(self, rows: np.ndarray) -> np.ndarray:
        z = ((rows - self.mean) / self.scale) @ self.coef + self.intercept
        return np.asarray(1.0 / (1.0 + np.exp(-z)))


@dataclass(frozen=True, slots=True)
class Ranker:
    """The two stages and the threshold (see the module docstring)."""

    first: Linear
    second: Linear
    without: int  # the feature the first stage never sees: "the rules chose it"
    threshold: float

    def switch(self, rows: np.ndarray, rule: int) -> int | None:
        """The candidate to take instead of the rules' pick (row `rule`), or None."""
        if len(rows) < 2:
            return None
        scores = self.first.probability(np.delete(rows, self.without, axis=1))
        others = [i for i in range(len(rows)) if i != rule]
        other = max(others, key=lambda i: scores[i])  # the first on ties, as when fitted
        pair = np.concatenate(
            [
                rows[rule],
                rows[other],
                rows[other] - rows[rule],
                [scores[rule], scores[other], scores[other] - scores[rule]],
            ]
        )
        sure = float(self.second.probability(pair[None, :])[0])
        return other if sure >= self.threshold else None

    def speaker(
        self,
        span: QuoteSpan,
        paras: list[ParsedParagraph],
        quoted: Quoted,
        chosen: Speaker,
        carried: Speaker | None,
    ) -> Speaker:
        """The speaker for one quote: the rules' `chosen`, or the candidate the model is
        sure of instead (`carried`: the speaker of the quote before, as the rules see it)."""
        found = collect(span, paras, quoted, chosen, carried)
        rule = next((i for i, c in enumerate(found) if "choice" in c.rules), None)
        if rule is None:
            return chosen
        rows = np.array([features(c, span, paras, quoted, found) for c in found], dtype=float)
        other = self.switch(rows, rule)
        return chosen if other is None else found[other].speaker


def read_ranker(path: Path) -> Ranker:
    data = json.loads(path.read_text(encoding="utf-8"))
    if list(data["features"]) != list(FEATURES):
        raise ValueError(f"{path}: fitted on other features than candidates.FEATURES")
    return Ranker(
        Linear.read(data["first"]),
        Linear.read(data["second"]),
        int(data["without"]),
        float(data["threshold"]),
    )


@cache
def shipped_ranker() -> Ranker:
    """The ranker whose weights ship with the package."""
    return read_ranker(WEIGHTS)
