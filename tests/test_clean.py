"""Cleaning: what is not the story goes, with its reason; the story and its attributions stay."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.clean import clean_article, clean_articles
from corroborate.read.text import read_text
from corroborate.records import Article

STORY = [
    "Officials in the coastal town of Brennoch said on Monday that the new sea wall had held "
    "through the worst storm surge in forty years.",
    "The wall, finished in March at a cost of 31 million crowns, protects about 4,000 homes "
    "along the harbour front, the council said.",
    "\u201cWithout it, the lower town would have flooded to the first floor,\u201d said harbour "
    "engineer Mira Castellan, who oversaw the construction.",
    "Castellan said the surge peaked at 2.4 metres above the normal high-tide mark shortly "
    "after midnight.",
    "Residents had been told to move cars to higher ground, and the council opened two "
    "shelters as a precaution, though few people used them.",
    "The storm is expected to weaken as it moves north over the weekend, forecasters said.",
]

TEASERS = [
    "Orchestra announces winter season of baroque concerts",
    "The city orchestra will open its season with a programme of Vivaldi and Corelli, "
    "conducted by its new music director, who arrived from",
    "Five recipes for a quick autumn soup",
    "Pumpkin, leek and potato are the stars of these warming bowls that take less than",
    "Storm damage closes coastal railway line for repairs",  # related topic: still the tail
    "Engineers are inspecting a stretch of track washed out near the northern cape, and the",
]


def _article(blocks: list[str], name: str = "brennoch-herald.txt") -> Article:
    return read_text("\n\n".join(blocks) + "\n", source=name)


def _kept(article: Article) -> str:
    return article.kept_text


def _removed_with(article: Article, fragment: str) -> str:
    for block in article.removed:
        if fragment in block.text:
            return block.reason
    raise AssertionError(f"{fragment!r} was not removed")


@pytest.mark.parametrize(
    "marker", ["Source link", "Related Articles", "More stories", "You may also like"]
)
def test_everything_after_an_end_of_story_marker_is_tail(marker: str) -> None:
    article = clean_article(_article([*STORY, marker, "Viewed 12 times", *TEASERS, "0", "()", "x"]))
    for paragraph in STORY:
        assert paragraph in _kept(article)
    for junk in [marker, *TEASERS, "Viewed 12 times"]:
        assert junk not in _kept(article)
        assert "end of the story" in _removed_with(article, junk)


def test_trailing_unrelated_blocks_without_a_marker_are_removed() -> None:
    unrelated = [TEASERS[0], TEASERS[1], TEASERS[2], TEASERS[3]]
    article = clean_article(_article([*STORY, *unrelated]))
    for paragraph in STORY:
        assert paragraph in _kept(article)
    for junk in unrelated:
        assert "shares almost no words" in _removed_with(article, junk)


def test_other_articles_help_keep_a_final_paragraph() -> None:
    # The last paragraph uses words the article itself does not, but another outlet does.
    last = "Insurers estimated claims from the flooding inland at roughly half the usual figure."
    other = _article(
        [
            "Insurers estimated claims from inland flooding at half the usual figure, "
            "the industry body said on Monday in Brennoch."
        ],
        name="other.txt",
    )
    article = _article([*STORY, last])
    clean_articles([article, other])
    assert last in _kept(article)


@pytest.mark.parametrize(
    ("line", "reason_part"),
    [
        ("READ ALSO: Lighthouse keeper retires after 40 years", "marker line"),
        ("Advertisement", "marker line"),
        ("Share this article | Facebook | Email", "share buttons"),
        ("We use cookies to improve your experience. Accept cookies", "site chrome"),
        ("Subscribe to our newsletter for daily updates", "site chrome"),
        ("Photo: Jon Ardley/Coastal Press Agency", "photo caption"),
        ("Waves break over the new sea wall at high tide on Monday night (AP)", "photo caption"),
        ("Flood barriers stacked beside the harbour road near the market", "photo caption"),
        (
            "EPA A firefighter's hose (left) and a crane lift debris from the 'Harbour Lights "
            "Festival' stage at the old quay in Brennoch, Calderra, 12 March 2026, after the storm "
            "tore the roof off the main tent and scattered seating across the promenade. EPA",
            "photo caption",
        ),
        ("Visited 3 times, 1 visit(s) today", "view counter"),
        ("()", "widget debris"),
        (
            "Back our newsroom: support independent journalism. Our team covers the coast, the "
            "courts and the council for you. Become a member from just 3 crowns a month.",
            "page notices",
        ),
        ("Listen to this story. Audio is generated automatically.", "site chrome"),
        ("Continue reading below.", "marker line"),
        (
            "Video unavailable. This video can't be played on this device. Try refreshing it.",
            "site chrome",
        ),
        ("WATCH: Drone footage of the flooded quay. The video player is loading.", "marker line"),
        (
            "Video unavailable. The video cannot be played in your region or your browser does "
            "not support its format. Try refreshing the page or updating your browser to the "
            "latest version.",
            "site chrome",
        ),
        ("Enjoyed this article? Share it with your friends. Facebook Email", "site chrome"),
        (
            "Our journalism depends on readers like you. Subscribe today for full access.",
            "site chrome",
        ),
        ("Share this story: Facebook | Email | Copy link", "share buttons"),
        ("Trending: 1. Ferry timetable 2. Harbour fair", "marker line"),
        ("Most read: Ferry timetable changes for winter", "marker line"),
        ("Additional reporting by Lia Varga; editing by Tom Orrin", "note on the article"),
        ("Correction: an earlier version misspelled the engineer's name.", "note on the article"),
        ("This story has been updated with the council's statement.", "note on the article"),
        ("Tags: Coast, Weather, Brennoch", "note on the article"),
        ("Image caption: The sea wall at high tide", "photo caption"),
        ("Sign up to our evening briefing, sent straight to your inbox.", "site chrome"),
        ("Get breaking news alerts: download our free app.", "site chrome"),
    ],
)
def test_junk_lines_inside_the_story(line: str, reason_part: str) -> None:
    article = clean_article(_article([*STORY[:3], line, *STORY[3:]]))
    assert reason_part in _removed_with(article, line)
    assert _kept(article).count("\n\n") == len(STORY) - 1


def test_byline_and_standfirst_before_the_story() -> None:
    head = [
        "Sea wall holds as storm hits Brennoch",
        "Tomas Vell",
        "Environment correspondent",
        "Engineers praise barrier: 'it did exactly what it was built for'",
    ]
    article = clean_article(_article([*head, *STORY]))
    assert article.title == head[0]
    assert "title" in _removed_with(article, head[0])
    assert "byline" in _removed_with(article, "Tomas Vell")
    assert "byline" in _removed_with(article, "Environment correspondent")
    assert "before the story" in _removed_with(article, head[3])
    assert all(p in _kept(article) for p in STORY)


def test_name_line_after_a_quote_is_an_attribution_and_stays() -> None:
    quote = "\u201cWe planned for a surge of two metres and built for three.\u201d"
    article = clean_article(_article([*STORY[:2], quote, "Mira Castellan", *STORY[2:]]))
    assert "Mira Castellan" in [article.text[p.start : p.end] for p in article.paragraphs]


def test_subheadings_and_bullets_stay() -> None:
    blocks = [*STORY[:2], "What Happens Next For The Harbour", *STORY[2:]]
    text = "Key points\n- The sea wall held\n- No homes flooded\n\n" + "\n\n".join(blocks)
    article = clean_article(read_text(text, source="x.txt"))
    kept = [article.text[p.start : p.end] for p in article.paragraphs]
    assert "What Happens Next For The Harbour" in kept
    assert "- The sea wall held" in kept


def test_a_short_story_is_left_alone() -> None:
    article = clean_article(_article(STORY[:2]))
    assert article.removed == []
    assert len(article.paragraphs) == 2


def _non_space(text: str) -> str:
    return re.sub(r"\s+", "", text)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *STORY,
                *TEASERS,
                "Source link",
                "0",
                "x",
                "READ ALSO: more",
                "Mira Castellan",
                "Photo: A. Person/Agency",
                "",
                "   ",
            ]
        ),
        min_size=1,
        max_size=25,
    ),
    st.sampled_from(["\n", "\n\n", "\n\n\n"]),
)
def test_nothing_is_lost_kept_and_removed_partition_the_text(blocks: list[str], sep: str) -> None:
    text = sep.join(blocks) + "\n"
    if not text.strip():
        return
    article = clean_article(read_text(text, source="p.txt"))
    spans = sorted(
        [(p.start, p.end) for p in article.paragraphs] + [(r.start, r.end) for r in article.removed]
    )
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end <= start, "kept and removed spans overlap"
    for start, end in spans:
        assert 0 <= start < end <= len(text)
    for removed in article.removed:
        assert text[removed.start : removed.end] == removed.text
        assert removed.reason
    covered = "".join(text[s:e] for s, e in spans)
    assert _non_space(covered) == _non_space(text)


@pytest.mark.parametrize(
    "line",
    [
        "3. Move cars and bikes to the upper car park before the evening tide",
        "Here is what the council asked residents to do before the next surge:",
        "BRENNOCH (AP) — The council met late on Monday to review the surge, and it voted to "
        "extend the wall by another 300 metres next spring.",
        "Reuters reported on Monday that the council had asked for a second survey of the wall, "
        "which engineers said was built to 'outlast the century', a claim denied by AFP",
    ],
)
def test_story_lines_that_only_look_like_captions_stay(line: str) -> None:
    article = clean_article(_article([*STORY[:3], line, *STORY[3:]]))
    assert line in [article.text[p.start : p.end] for p in article.paragraphs]


def test_html_extracted_text_is_not_judged_by_line_shape() -> None:
    # An extractor already dropped the page's captions by their markup; a descriptive line
    # without a full stop in its output is a list item or a subheading, and stays.
    line = "Sandbags stacked along the harbour road by volunteers overnight"
    article = _article([*STORY[:3], line, *STORY[3:]])
    article.meta["extraction"] = "trafilatura"
    clean_article(article)
    assert line in article.kept_text
    assert "caption" in _removed_with(clean_article(_article([*STORY[:3], line, *STORY[3:]])), line)


@pytest.mark.parametrize(
    "line",
    [
        "Brennoch Telecom added 40,000 subscribers in the quarter.",
        "The council will sign up for the national flood insurance scheme next year.",
        "Its newsletter for tenants will explain the new rules, the council said.",
        "Download speeds in the harbour district doubled after the upgrade.",
        "Sales on the app store of the ferry company rose by a fifth.",
        "The harbour master said the video of the surge was played at the inquiry.",
        "Residents can register for sandbags at the town hall until Friday.",
        "Reporting the damage by phone was impossible for hours, residents said.",
        "Cookies and cakes were handed out at the shelter. The mayor thanked the volunteers. "
        "Sign up for the town's flood alerts here.",
        "Sign up for the volunteer rota opened on Monday, and 300 residents joined the first "
        "day. The council said it would need 500.",
    ],
)
def test_story_sentences_with_furniture_words_stay(line: str) -> None:
    """Words that page notices use ("subscribers", "sign up for", "newsletter") in a story's own
    sentence: the sentence is the story, kept."""
    article = clean_article(_article([*STORY[:3], line, *STORY[3:]]))
    assert line in _kept(article)
