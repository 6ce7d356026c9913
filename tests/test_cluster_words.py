"""Stories about one person stay apart when their events differ: shared names are not enough,
the ordinary words (what happened) must agree too (`ClusterSettings.min_word_agreement`)."""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corroborate.clean import clean_article
from corroborate.corpus.cluster import StoryClusterer, StoryState
from corroborate.corpus.features import (
    ENTITY_PREFIX,
    NUMBER_PREFIX,
    YEAR_PREFIX,
    ArticleFeatures,
    extract_features,
)
from corroborate.corpus.ingest import ingest
from corroborate.corpus.recluster import prepare_vector
from corroborate.corpus.scoring import WORD_KIND, ClusterSettings, cosine, joins, word_cosine
from corroborate.corpus.store import SqliteStore
from corroborate.read.article import make_article
from corroborate.segment import segment_article

# One invented mayor of one invented town in three unrelated events, each told briefly by a
# few invented outlets in their own words: the names are the same in all nine, the events not.
WATER = [
    (
        "Tarrow Post",
        "Boil-water notice after reservoir pipe bursts",
        "Mayor Ilse Brandvold of Tarrow ordered a boil-water notice on Monday after a main pipe "
        "burst at the Kessel reservoir, flooding two streets.",
    ),
    (
        "Valley Wire",
        "Tarrow residents told to boil water",
        "Residents of Tarrow must boil drinking water until the burst reservoir pipe is "
        "repaired, Mayor Ilse Brandvold said, as crews pumped flooded streets.",
    ),
    (
        "Morning Ledger",
        "Burst main leaves Tarrow taps unsafe",
        "A burst main at the Kessel reservoir left tap water unsafe in Tarrow; Ilse Brandvold "
        "said the boil notice would stay while engineers repair the pipe.",
    ),
]
BUDGET = [
    (
        "Tarrow Post",
        "Council rejects budget with library cuts",
        "Tarrow's council voted down Mayor Ilse Brandvold's budget on Thursday, refusing cuts "
        "that would have closed three branch libraries.",
    ),
    (
        "Valley Wire",
        "Brandvold budget defeated over libraries",
        "Councillors rejected the budget of Mayor Ilse Brandvold of Tarrow in a vote over "
        "library closures and higher parking fees.",
    ),
    (
        "Morning Ledger",
        "Library closures sink Tarrow budget",
        "A council vote sank the budget Ilse Brandvold proposed for Tarrow, whose library "
        "closures and parking fees drew angry protests.",
    ),
]
STADIUM = [
    (
        "Tarrow Post",
        "New stadium opens with derby win",
        "Mayor Ilse Brandvold of Tarrow cut the ribbon at the new Ostvale stadium on Saturday "
        "before a sold-out derby that the home side won.",
    ),
    (
        "Valley Wire",
        "Tarrow celebrates stadium opening",
        "Crowds filled the Ostvale stadium in Tarrow for its opening derby, and Mayor Ilse "
        "Brandvold praised the builders who finished the stands early.",
    ),
    (
        "Morning Ledger",
        "Derby crowd christens Ostvale stands",
        "The first derby at Tarrow's Ostvale stadium sold out; Ilse Brandvold opened the "
        "ground, whose stands were finished ahead of schedule.",
    ),
]

EVENTS = {"water": WATER, "budget": BUDGET, "stadium": STADIUM}
# Short articles score low: a join threshold that lets the names alone join them all.
_NAMES_ONLY = ClusterSettings(join_threshold=0.1, min_word_agreement=0.0)
_WITH_WORDS = ClusterSettings(join_threshold=0.1)


def _features(event: str, index: int) -> ArticleFeatures:
    outlet, title, text = EVENTS[event][index]
    article = make_article(source=outlet, text=text, title=title, outlet=outlet)
    article.id = f"{event}-{index}"
    segment_article(clean_article(article))
    return extract_features(article)


def _one_pass(settings: ClusterSettings, seed: int) -> set[frozenset[str]]:
    """The events each story holds after the one pass, in a shuffled order."""
    items = [_features(event, i) for event in EVENTS for i in range(len(EVENTS[event]))]
    random.Random(seed).shuffle(items)
    clusterer = StoryClusterer(settings)
    groups: dict[str, set[str]] = {}
    for item in items:
        story = clusterer.assign(item).story
        groups.setdefault(story, set()).add(item.article.split("-")[0])
    return {frozenset(g) for g in groups.values()}


@pytest.mark.parametrize("seed", range(4))
def test_one_persons_unrelated_events_do_not_join(seed: int) -> None:
    for part in _one_pass(_WITH_WORDS, seed):
        assert len(part) == 1, f"events joined in one story: {sorted(part)}"


@pytest.mark.parametrize("seed", range(4))
def test_names_alone_would_join_them(seed: int) -> None:
    """The fixtures need the rule: without it, some story joins two events."""
    assert any(len(part) > 1 for part in _one_pass(_NAMES_ONLY, seed))


def test_a_new_story_says_when_the_words_kept_it_apart() -> None:
    clusterer = StoryClusterer(_WITH_WORDS)
    for index in range(3):
        clusterer.assign(_features("water", index))
    budget = clusterer.assign(_features("budget", 0))
    assert budget.created
    assert "too few of its ordinary words" in budget.reason
    assert clusterer.assign(_features("budget", 1)).story == budget.story


def test_an_article_of_the_same_event_still_joins() -> None:
    clusterer = StoryClusterer(_WITH_WORDS)
    first = clusterer.assign(_features("water", 0))
    second = clusterer.assign(_features("water", 1))
    assert not second.created and second.story == first.story


@pytest.mark.parametrize("name", ["min_word_agreement", "move_word_agreement"])
@pytest.mark.parametrize("value", [-0.1, 1.5])
def test_agreements_outside_0_1_are_refused(name: str, value: float) -> None:
    with pytest.raises(ValueError, match=name):
        ClusterSettings(**{name: value})  # type: ignore[arg-type]


_TERMS = st.sampled_from(
    ["ship", "fog", "pipe", "vote", "derby", "stand"]
    + [ENTITY_PREFIX + n for n in ("varga", "reyl", "tarrow")]
    + [YEAR_PREFIX + "2026", NUMBER_PREFIX + "212"]
)
_COUNTS = st.dictionaries(_TERMS, st.floats(min_value=0.5, max_value=4.0), max_size=8)


@given(_COUNTS, st.lists(_COUNTS, min_size=1, max_size=4), st.floats(0.01, 100.0))
def test_word_agreement_is_the_cosine_of_the_ordinary_words(
    article: dict[str, float], members: list[dict[str, float]], scale: float
) -> None:
    """`StoryClusterer.word_agreement` (the join, and the second look for an article or a
    story's centroid) is the cosine of the words alone, whatever the vector's scale, in
    [0, 1], and 1 for an article without ordinary words."""
    clusterer = StoryClusterer()
    clusterer.load([], {t: 1 for m in members for t in m}, len(members) + 3)
    story = StoryState(id="s")
    clusterer.stories["s"] = story
    for counts in members:
        story.size += 1
        for term, count in counts.items():
            story.counts[term] = story.counts.get(term, 0.0) + count
    vector = clusterer.weigh(article)
    mine = clusterer.word_agreement(vector, story)
    scaled = clusterer.word_agreement({t: w * scale for t, w in vector.items()}, story)
    assert math.isclose(mine, scaled, rel_tol=1e-9, abs_tol=1e-12)
    # the second look's form: prepared vectors, the article against the weighted centroid
    first = prepare_vector(vector)
    second = prepare_vector({t: c * clusterer.idf(t) for t, c in story.counts.items()})
    prepared = word_cosine(
        first[0].get(WORD_KIND, {}).items(),
        second[0].get(WORD_KIND, {}),
        first[1].get(WORD_KIND, 0.0),
        second[1].get(WORD_KIND, 0.0),
    )
    assert math.isclose(mine, prepared, rel_tol=1e-9, abs_tol=1e-12)
    assert -1e-12 <= mine <= 1 + 1e-9
    words = {t: w for t, w in vector.items() if t[:1] not in _PREFIXES}
    if not words:
        assert mine == 1.0
    else:
        centroid = {
            t: c * clusterer.idf(t) for t, c in story.counts.items() if t[:1] not in _PREFIXES
        }
        assert math.isclose(mine, cosine(words, centroid), rel_tol=1e-9, abs_tol=1e-12)


_PREFIXES = (ENTITY_PREFIX, YEAR_PREFIX, NUMBER_PREFIX)


_RULE = ClusterSettings(join_threshold=0.2, strong_threshold=0.5)


@pytest.mark.parametrize(
    ("score", "named", "words", "waive", "expected"),
    [
        (0.3, True, 0.2, True, True),  # everything holds
        (0.19, True, 0.9, True, False),  # below the threshold
        (0.3, False, 0.9, True, False),  # no shared name, not strong
        (0.6, False, 0.9, True, True),  # strong: the names are waived (the one pass)
        (0.6, False, 0.9, False, False),  # a small story always needs a name
        (0.6, True, 0.1, True, False),  # the words disagree
    ],
)
def test_the_join_rule(
    score: float, named: bool, words: float, waive: bool, expected: bool
) -> None:
    assert joins(score, named, lambda: words, _RULE, min_words=0.15, waive_names=waive) is expected


@given(st.floats(0.0, 1.0), st.booleans())
def test_the_words_are_asked_only_when_the_rest_holds(score: float, named: bool) -> None:
    asked: list[bool] = []

    def words() -> float:
        asked.append(True)
        return 1.0

    admitted = joins(score, named, words, _RULE, min_words=0.15, waive_names=True)
    rest = score >= _RULE.join_threshold and (named or score >= _RULE.strong_threshold)
    assert bool(asked) is rest and admitted is rest


@given(_COUNTS, _COUNTS, st.floats(0.0, 1.0))
def test_would_join_is_the_join_rule(
    article: dict[str, float], members: dict[str, float], score: float
) -> None:
    """The one pass's test is `joins` over its figures: threshold, a shared name unless the
    score is strong, words at `min_word_agreement`."""
    clusterer = StoryClusterer(_RULE)
    clusterer.load([], {t: 1 for t in members}, 5)
    story = StoryState(id="s", counts=dict(members), size=1)
    clusterer.stories["s"] = story
    vector = clusterer.weigh(article)
    named = any(t.startswith(ENTITY_PREFIX) and t in members for t in vector)
    words = clusterer.word_agreement(vector, story)
    expected = (
        score >= _RULE.join_threshold
        and (named or score >= _RULE.strong_threshold)
        and words >= _RULE.min_word_agreement
    )
    assert clusterer.would_join(vector, "s", score) is expected


# Two courthouse shootings in two invented counties (a deputy shot outside one court, a judge
# killed in an escape from another), three outlets each: they share the institutions' names
# ("Superior Court", "County", "Sheriff", "Deputy") and some words, not who, where or what.
SHOT = [
    (
        "Harbor Courier",
        "Deputy shot outside Marlow County courthouse",
        (
            "A sheriff's deputy was shot in the shoulder outside the Superior Court in Marlow"
            " County on Tuesday when a man opened fire from a parked van, the County Sheriff "
            "said. The gunman, Oskar Frey, fled north on Route 9 and was arrested at a fuel "
            "station two hours later."
        ),
    ),
    (
        "Ridge Daily",
        "Gunman wounds deputy at Marlow courthouse steps",
        (
            "Oskar Frey fired six shots from a van at the steps of the Marlow County Superior"
            " Court, wounding a deputy in the shoulder, the Sheriff told reporters. Frey "
            "drove off on Route 9 and troopers arrested him at a fuel station that afternoon."
        ),
    ),
    (
        "Coastline News",
        "Marlow deputy wounded, suspect caught",
        (
            "The deputy hit outside the Superior Court in Marlow County is recovering after "
            "surgery on his shoulder, the Sheriff said, after Oskar Frey was caught at a fuel"
            " station off Route 9 following the shooting from a parked van."
        ),
    ),
]
ESCAPE = [
    (
        "Harbor Courier",
        "Inmate escapes Fenwick County court, kills judge",
        (
            "An inmate on trial for robbery seized a deputy's pistol inside the Fenwick "
            "County Superior Court on Monday and killed Judge Ada Rusk before escaping in a "
            "stolen pickup, the County Sheriff said. Lev Marsh was recaptured in a barn near "
            "Elmford the next morning."
        ),
    ),
    (
        "Ridge Daily",
        "Judge Rusk killed in Fenwick courtroom escape",
        (
            "Lev Marsh, facing robbery charges, grabbed a deputy's gun in the Fenwick County "
            "Superior Court, shot Judge Ada Rusk on the bench and fled in a stolen pickup, "
            "the Sheriff said. Searchers found Marsh hiding in a barn near Elmford."
        ),
    ),
    (
        "Coastline News",
        "Fenwick escapee recaptured after courtroom killing",
        (
            "Deputies recaptured Lev Marsh in an Elmford barn a day after he took a deputy's "
            "pistol in the Fenwick County Superior Court, killed Judge Ada Rusk and escaped "
            "in a stolen pickup, the County Sheriff said."
        ),
    ),
]
COURTS = {"shot": SHOT, "escape": ESCAPE}


def _court(event: str, index: int) -> dict[str, str]:
    outlet, title, text = COURTS[event][index]
    return {"id": f"{event}-{index}", "outlet": outlet, "title": title, "text": text}


@pytest.mark.parametrize("seed", range(4))
def test_two_courthouse_shootings_stay_two_stories(tmp_path: Path, seed: int) -> None:
    """What a user runs (`ingest` with its second looks, default settings): each event is one
    story, though one event's tellings agree on few words (0.17 between two of them)."""
    rows = [_court(event, i) for event in COURTS for i in range(3)]
    random.Random(seed).shuffle(rows)
    path = tmp_path / "courts.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    with SqliteStore(tmp_path / "s.db") as store:
        ingest([str(path)], store, workers=1)
        found: dict[str, set[str]] = {}
        for source, story in store.query("SELECT source_id, story_id FROM articles"):
            found.setdefault(story, set()).add(source)
    assert sorted(map(sorted, found.values())) == [
        [f"escape-{i}" for i in range(3)],
        [f"shot-{i}" for i in range(3)],
    ]
