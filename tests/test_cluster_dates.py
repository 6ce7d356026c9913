"""An article's date from its text is a dateline's, never a day its sentences talk about
(`features.text_date`): a birth date or an earlier crime taken as the article's date kept it out
of its story's time window, and showed as the story's first day."""

from __future__ import annotations

import pytest

from corroborate.clean import clean_article
from corroborate.corpus.cluster import StoryClusterer
from corroborate.corpus.features import ArticleFeatures, extract_features, text_date
from corroborate.corpus.scoring import ClusterSettings
from corroborate.read.article import make_article
from corroborate.segment import segment_article


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rower dies at 88\n\nJune 6, 2031\n\nThe rower died.", "2031-06-06"),
        ("Rower dies at 88\n\nPublished: THURSDAY, JUNE 5, 2031\n\nThe rower died.", "2031-06-05"),
        ("Rower dies at 88\n\nPosted on Thu Jun 5, 2031 08:45 AM PDT\n\nThe rower.", "2031-06-05"),
        ("Dam plan\n\nVELMORA, Ostland, April 28, 2031  The council voted.", "2031-04-28"),
        ("Dam plan\n\n12: 52 p. m. EDT May 2, 2031\n\nThe council voted.", "2031-05-02"),
        ("Rower dies at 88\n\nShe was born on April 22, 1943, in Velmora.", None),
        ("Verdict\n\nHe was sentenced for crimes he committed on March 11, 2025.", None),
        ("Sequel\n\nPosted 1 year ago [downloaded on 2 October 2031]", None),
        # the dateline wins over a birth date written before it
        ("Ada Brell, born on May 1, 1940, dies\n\nJune 6, 2031\n\nShe died.", "2031-06-06"),
    ],
)
def test_only_a_dateline_dates_an_article(text: str, expected: str | None) -> None:
    assert text_date(text) == expected


# One invented event (a rower's death) told by three invented outlets; the third gives no
# dateline but her birth date. And the death of another rower two years later, told alike.
BRELL = [
    "Rower Ada Brell dies at 91\n\nJune 6, 2031\n\nAda Brell, the Velmora rower who won three "
    "Ostland titles, died at her home in Velmora on Thursday, her family said.",
    "Ostland rowing mourns Ada Brell\n\nJune 7, 2031\n\nThe three-time Ostland rowing champion "
    "Ada Brell died at her home in Velmora aged 91, her family said on Thursday.",
    "Ada Brell, rowing champion, dies\n\nAda Brell was born on April 22, 1940, in Velmora. The "
    "three-time Ostland rowing champion died at home on Thursday, her family said.",
]
KORVE = (
    "Rower Ida Korve dies at 88\n\nMay 2, 2033\n\nIda Korve, the Velmora rower who won two "
    "Ostland titles, died at her home in Velmora on Monday, her family said."
)


def _features(article_id: str, text: str) -> ArticleFeatures:
    title, body = text.split("\n\n", 1)
    article = make_article(source=article_id, text=body, title=title)
    article.id = article_id
    segment_article(clean_article(article))
    return extract_features(article)


_WINDOW = ClusterSettings(window_days=30, join_threshold=0.1)


def test_a_birth_date_does_not_keep_an_obituary_out_of_its_story() -> None:
    clusterer = StoryClusterer(_WINDOW)
    stories = {clusterer.assign(_features(f"brell-{i}", t)).story for i, t in enumerate(BRELL)}
    assert len(stories) == 1
    assert _features("brell-2", BRELL[2]).published is None  # undated: fits any window


def test_the_same_kind_of_death_two_years_later_is_another_story() -> None:
    clusterer = StoryClusterer(_WINDOW)
    first = clusterer.assign(_features("brell-0", BRELL[0]))
    later = clusterer.assign(_features("korve", KORVE))
    assert later.created and later.story != first.story
