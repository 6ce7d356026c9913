"""Per-article clustering features: entities, key terms, years, and a date.

Computed once per article (in a worker process during ingest) and stored, so re-clustering
never re-reads text. Entities come from a fast capitalisation heuristic rather than spaCy's NER:
spaCy parses 4-10k tokens/s here, which would cap ingest near 20 articles/s; names are what
separate two events of the same kind, and capitalised runs catch them well enough.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from corroborate.records import Article

ENTITY_PREFIX = "@"  # a capitalised name or a word of one ("@reid", "@tara reid")
YEAR_PREFIX = "#"  # a year written in the text ("#2013")
NUMBER_PREFIX = "%"  # another number written in the text ("%7.3", "%180"): tolls, sums, scores

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*")
# "DeGeneres", "O'Brien" and "McCain" are names too: capitals inside a word are allowed.
_NAME_WORD = re.compile(r"(?:[A-Z][A-Za-z'’\-]*[a-z]|[A-Z]{2,})$")
_YEAR = re.compile(r"(?:19|20)\d\d$")

# Function words and the words news text capitalises without naming anything.
_STOP = frozenset(
    """a about above after again against all also although am among an and another any are around
    as at be because been before being below between both but by can could did do does doing down
    during each either even ever every few for from further had has have having he her here hers
    herself him himself his how however i if in into is it its itself just least less like made
    make many may me might more most much must my myself near neither no nor not now of off on once
    one only or other others our ours ourselves out over own per rather said same say says she
    should since so some still such than that the their theirs them themselves then there these
    they this those though through thus to too toward under until up upon us very via was we were
    what when where whether which while who whom whose why will with within without would yet you
    your yours yourself told tell according reported report reports news new people year years
    time times day days week weeks today yesterday tomorrow last first two three four five six
    seven eight nine ten monday tuesday wednesday thursday friday saturday sunday january february
    march april june july august september october november december mr mrs ms dr get got go
    going went come came take took well back way around including several later early another
    based told according""".split()
)


# Titles before a name are not part of it ("Captain Elsa Varga" is "Elsa Varga").
_TITLES = frozenset(
    """captain capt president minister prime secretary senator governor mayor chief general
    judge king queen prince princess sir lord lady director chairman professor prof officer
    sheriff coach pope bishop father sister""".split()
)


@dataclass(slots=True)
class ArticleFeatures:
    """What clustering knows about one article: weighted term counts and a date."""

    article: str
    terms: dict[str, float] = field(default_factory=dict)  # term -> sublinear count
    published: str | None = None  # ISO date (YYYY-MM-DD) when known
    title: str | None = None


# The title counts as much as a sentence of the lead: once. (Until the JSON reader kept the
# headline span, a text's headline line was also counted again as its first sentence.)
TITLE_WEIGHT = 2.0
LEAD_WEIGHT = 2.0  # the first four sentences
# The year of publication counts as a year written in the lead: twin events of one kind are
# often years apart, and cleaning removes the date lines that used to carry the year.
DATE_YEAR_WEIGHT = 2.0


def extract_features(article: Article, *, max_terms: int = 80) -> ArticleFeatures:
    """Key terms and entities of the article's kept text (title and lead count more)."""
    counts: defaultdict[str, float] = defaultdict(float)
    title = _headline(article.title)
    if title:
        _count_text(title, counts, weight=TITLE_WEIGHT)
    sentences = article.sentences
    if sentences:
        for sentence in sentences[:60]:
            _count_text(sentence.text, counts, weight=LEAD_WEIGHT if sentence.index < 4 else 1.0)
    elif article.paragraphs:
        _count_text(article.kept_text[:8000], counts, weight=1.0)
    published = _iso_date(article.published) or text_date(article.text[:600])
    if published:
        counts[YEAR_PREFIX + published[:4]] += DATE_YEAR_WEIGHT
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:max_terms]
    terms = {term: round(1.0 + math.log(count), 4) for term, count in top}
    return ArticleFeatures(article=article.id, terms=terms, published=published, title=title)


def _count_text(text: str, counts: defaultdict[str, float], *, weight: float) -> None:
    words = _WORD.findall(text)
    run: list[str] = []
    for position, word in enumerate(words):
        lower = word.lower().removesuffix("'s").removesuffix("’s")
        is_name = bool(_NAME_WORD.match(word)) and lower not in _STOP and lower not in _TITLES
        # A capitalised first word of a sentence is usually not a name unless one follows it.
        if is_name and position == 0 and not _next_is_name(words, position):
            is_name = False
        if is_name:
            run.append(lower)
            counts[ENTITY_PREFIX + lower] += weight
            continue
        _close_run(run, counts, weight)
        if _YEAR.match(word):
            counts[YEAR_PREFIX + word] += weight
        elif word[0].isdigit():
            _count_number(word, counts, weight)
        elif len(lower) > 2 and lower not in _STOP and not lower.isdigit():
            counts[_stem(lower)] += weight
    _close_run(run, counts, weight)


def _count_number(word: str, counts: defaultdict[str, float], weight: float) -> None:
    """Numbers tell twin events apart (a 6.1 quake, not the 7.3 one); small ones are too common."""
    number = word.replace(",", "").rstrip(".")
    try:
        value = float(number)
    except ValueError:
        return
    if value >= 10 or "." in number:
        counts[NUMBER_PREFIX + number] += weight


def _next_is_name(words: list[str], position: int) -> bool:
    return position + 1 < len(words) and bool(_NAME_WORD.match(words[position + 1]))


def _close_run(run: list[str], counts: defaultdict[str, float], weight: float) -> None:
    if len(run) > 1:
        counts[ENTITY_PREFIX + " ".join(run[:4])] += weight
    run.clear()


def _stem(word: str) -> str:
    """A crude plural/verb-ending fold so 'quakes' meets 'quake'."""
    if word.endswith("ies") and len(word) > 5:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 4:
        return word[:-1]
    return word


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        ),
        start=1,
    )
    for name in names.split()
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DATES = (
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(
        r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b"
    ),
)


def text_date(text: str) -> str | None:
    """The first full date written as a dateline (a line that starts with it, or with a label
    such as 'Posted:', a weekday, a time or a place), as ISO.

    Used only when the input gave no publication date: scraped pages often carry their date
    in the text, and without one the time window cannot separate two events of one kind. A
    date inside a sentence is another day: an obituary's "Page was born on April 22, 1923",
    a sentencing's "the crimes he committed on March 11, 2005". Taken as the article's date,
    it kept the article out of its story's time window and showed as the story's first day.
    """
    found: list[tuple[int, str]] = []
    for pattern in _DATES:
        for match in pattern.finditer(text):
            month = _MONTHS.get(match.group("month").lower())
            day = int(match.group("day"))
            if month and 1 <= day <= 31 and _dateline(text, match.start()):
                iso = f"{match.group('year')}-{month:02d}-{day:02d}"
                found.append((match.start(), iso))
                break
    if not found:
        return None
    iso = min(found)[1]
    try:
        date.fromisoformat(iso)
    except ValueError:
        return None
    return iso


# Lower-case words a dateline's label may hold ("Posted on", "first published at", "p.m."):
# any other lower-case word before the date on its line makes it a sentence.
_LABEL_WORDS = frozenset(
    """posted published updated modified last first on at am pm a p m est edt cst cdt mst mdt
    pst pdt gmt bst cet utc et ct pt""".split()
)


def _dateline(text: str, start: int) -> bool:
    """Whether the date at `start` begins its line, after at most a label: no lower-case
    word but a label's stands before it on the line."""
    prefix = text[text.rfind("\n", 0, start) + 1 : start]
    words = re.findall(r"[A-Za-z]+", prefix)
    return all(not w.islower() or w in _LABEL_WORDS for w in words)


def _headline(title: str | None) -> str | None:
    """The title, unless it is only a date line ("Saturday, August 24, 2013")."""
    if not title:
        return None
    words = [w for w in _WORD.findall(title) if w.lower() not in _MONTHS and not w.isdigit()]
    weekdays = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    if text_date(title) and len([w for w in words if w.lower() not in weekdays]) <= 1:
        return None
    return title


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if not match:
        return None
    try:  # "2026-13-45" is no day: a story's window must not start on it
        return date.fromisoformat(match.group(0)).isoformat()
    except ValueError:
        return None
