"""The invented dispute set's scorer: which disputed claims hold which labelled pairs.

Only the matching is tested here (hand-made claims); the claims code is not run.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from bench_claim_pairs import (
    Labelled,
    Side,
    find_side,
    held_pairs,
    invented_score,
    show_errors,
)
from corroborate.records import Article, Claim, ClaimStatus, Mention

# Two outlets on one invented ferry story: sentence spans in each article's text.
FIGURE = Labelled(Side("a1", 0, 30, "Gull Post"), Side("a2", 0, 32, "Tern Daily"), True)
ROUNDED = Labelled(Side("a1", 31, 60, "Gull Post"), Side("a2", 33, 61, "Tern Daily"), False)
ACTOR = Labelled(Side("a1", 61, 90, "Gull Post"), Side("a3", 0, 25, "Skua News"), True)
PAIRS = [FIGURE, ROUNDED, ACTOR]


def claim(status: ClaimStatus, spans: list[tuple[str, int, int]], reason: str | None) -> Claim:
    mentions = [Mention(article, start, end, "") for article, start, end in spans]
    return Claim("c", "", status, 2, mentions, reason)


@pytest.mark.parametrize(
    ("spans", "reason", "held"),
    [
        # a mention overlapping each side holds the pair; a clause inside a sentence will do
        ([("a1", 0, 30), ("a2", 0, 32)], None, [0]),
        ([("a1", 5, 40), ("a2", 20, 40)], None, [0, 1]),
        # one side only, or the right offsets in another article: not held
        ([("a1", 0, 30), ("a3", 0, 32)], None, []),
        ([("a1", 0, 30), ("a2", 32, 33)], None, []),
        # a reason naming outlets keeps only the pairs whose two outlets it names
        ([("a1", 0, 90), ("a2", 0, 61), ("a3", 0, 25)], "Gull Post gives 4, Skua News 5", [2]),
        ([("a1", 0, 90), ("a2", 0, 61)], "negation: Tern Daily and Gull Post differ", [0, 1]),
        # a reason naming none of the story's outlets keeps every pair held
        ([("a1", 0, 90), ("a2", 0, 61)], "negation: opposite versions", [0, 1]),
    ],
)
def test_held_pairs(spans: list[tuple[str, int, int]], reason: str | None, held: list[int]) -> None:
    assert held_pairs(claim("disputed", spans, reason), PAIRS) == held


def test_score_counts_claims_pairs_and_traps() -> None:
    claims = [
        claim("disputed", [("a1", 0, 30), ("a2", 0, 32)], None),  # true pair
        claim("disputed", [("a1", 31, 60), ("a2", 33, 61)], None),  # a trap
        claim("disputed", [("a1", 0, 30), ("a2", 0, 32)], None),  # the same true pair again
        claim("disputed", [("a3", 0, 25)], None),  # unlabelled
        claim("corroborated", [("a1", 61, 90), ("a3", 0, 25)], None),  # not a dispute
    ]
    assert invented_score(claims, PAIRS) == {
        "disputes": 4.0,
        "disputes_true": 2.0,
        "true_found": 1.0,
        "traps_disputed": 1.0,
    }


def test_no_disputes_finds_nothing() -> None:
    claims = [claim("corroborated", [("a1", 0, 30), ("a2", 0, 32)], None)]
    found = invented_score(claims, PAIRS)
    assert found["disputes"] == found["true_found"] == found["traps_disputed"] == 0.0


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        ({"article": "j2", "sentence": "Nine crew were rescued."}, ("x2", 17, 40, "Tern Daily")),
        ({"article": "j1", "sentence": "Nine crew were rescued."}, None),  # not in that article
        ({"article": "j3", "sentence": "Nine crew were rescued."}, None),  # no such article
    ],
)
def test_find_side_by_json_id(
    wanted: dict[str, str], expected: tuple[str, int, int, str] | None
) -> None:
    articles = [
        Article("x1", "s", "The ferry sank at dawn.", outlet="Gull Post", source_id="j1"),
        Article(
            "x2",
            "s",
            "The ferry sank.\n\nNine crew were rescued.",
            outlet="Tern Daily",
            source_id="j2",
        ),
    ]
    side = find_side(articles, wanted)
    assert side == (None if expected is None else Side(*expected))


@pytest.mark.parametrize(
    ("spans", "shown"),
    [
        # nothing disputed: both true pairs missed, the trap is right
        ([], ["[figure] true pair missed", "[actor] true pair missed"]),
        # the figure pair found and the trap disputed: the actor pair missed, the trap shown
        (
            [("a1", 0, 60), ("a2", 0, 61)],
            ["[rounding] trap disputed: why", "[actor] true pair missed"],
        ),
        # a disputed claim holding no labelled pair is shown as unlabelled
        ([("a3", 0, 25)], ["unlabelled dispute: why", "true pair missed", "true pair missed"]),
    ],
)
def test_show_errors_names_misses_traps_and_unlabelled(
    spans: list[tuple[str, int, int]], shown: list[str]
) -> None:
    rows = [
        {"kind": kind, "a": {"sentence": f"{kind} a"}, "b": {"sentence": f"{kind} b"}}
        for kind in ("figure", "rounding", "actor")
    ]
    claims = [claim("disputed", spans, "why")] if spans else []
    lines = show_errors("ferry", claims, PAIRS, rows)
    headers = [line for line in lines if line.startswith("ferry")]
    assert len(headers) == len(shown)
    assert all(want in got for want, got in zip(shown, headers, strict=True))
    # every error names its two sentences, so the disputes engineer can find them
    assert sum(line.startswith("  a: ") for line in lines) == sum(
        "unlabelled" not in h for h in headers
    )
