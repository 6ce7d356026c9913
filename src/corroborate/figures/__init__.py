"""The figure ledger: every number the coverage states, with agreement and conflict.

`build_ledger` reads the quantities of every kept sentence (`extract`), describes what each is
about from the sentence's parse (`subject`), lines them up across outlets (`ledger`) and gives
each group a status with its reason (`status`). Only `Article.sentences` are read, so nothing
from removed text becomes a figure; every mention points at its span of `Article.text`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from corroborate.figures.before import as_earlier, earlier_of
from corroborate.figures.clock import with_clock_times
from corroborate.figures.counted import is_old_year
from corroborate.figures.echo import lone_counts, lone_values
from corroborate.figures.extract import Quantity, read_quantities
from corroborate.figures.grouping import group_mentions
from corroborate.figures.learned import PairJudge, shipped_model
from corroborate.figures.ledger import FigureMentionDraft
from corroborate.figures.lookback import looked_back_at, looks_back
from corroborate.figures.names import ordinary_words, persons_in
from corroborate.figures.status import make_figure
from corroborate.figures.subject import Subject, read_subjects, sentence_tokens
from corroborate.nlp import Resources
from corroborate.records import Article, Figure, Sentence

__all__ = ["Quantity", "build_ledger", "collect_mentions", "read_quantities"]

# Whether `build_ledger` uses the learned decision by default: not yet. It beats the rules on
# the never-tuned pair sets (0.782 against 0.753, fewer false conflicts) but was fitted on pairs
# of two sentences, and in whole stories it joins figures the rules keep apart (`learned`).
LEARNED_DEFAULT = False

_STATUS_ORDER = {"conflict": 0, "agree": 1, "single-source": 2}


def build_ledger(
    articles: list[Article], resources: Resources, judge: PairJudge | bool | None = None
) -> list[Figure]:
    """Figures about the same subject lined up across outlets, with a status each.

    Conflicts come first, then figures by how many independent sources state them. `judge`:
    the learned same-subject decision (`learned.PairJudge`) in place of the rules; True for the
    shipped model, None for `LEARNED_DEFAULT`, False for the rules.
    """
    if judge is None:
        judge = LEARNED_DEFAULT
    if judge is True:
        judge = PairJudge(shipped_model(), resources.embedder().embed)
    elif judge is False:
        judge = None
    mentions, topic = story_mentions(articles, resources)
    if judge is not None:
        judge.prepare(mentions)
    by_id = {article.id: article for article in articles}
    groups = group_mentions(mentions, topic, judge.score if judge is not None else None)
    figures = [make_figure(group, by_id) for group in groups]
    first = {f.id: min(m.start for v in f.values for m in v.mentions) for f in figures}
    figures.sort(
        key=lambda f: (
            _STATUS_ORDER[f.status],
            -max((v.independent_sources for v in f.values), default=0),
            first[f.id],
        )
    )
    return figures


def story_mentions(
    articles: list[Article], resources: Resources
) -> tuple[list[FigureMentionDraft], frozenset[str]]:
    """Every mention of the story's articles, read as the ledger groups them, and the story's
    topic names."""
    ordinary = ordinary_words(resources.spacy())
    mentions = [m for a in articles for m in collect_mentions(a, resources, ordinary)]
    _share_between_copies(mentions)
    _metres_among_lengths(mentions)
    _units_of_the_story(mentions)
    lone = lone_values([(m.article.id, m.quantity) for m in mentions])
    counts = lone_counts([(m.article.id, _count_of(m)) for m in mentions])
    for mention, alone, count_alone in zip(mentions, lone, counts, strict=True):
        mention.lone, mention.lone_count = alone, count_alone
    return mentions, topic_names(mentions, len(articles))


def _count_of(mention: FigureMentionDraft) -> str | None:
    """The thing a count counts ("container"), or None for any other figure."""
    return mention.subject.counted if mention.quantity.unit == "count" else None


TOPIC_MIN_ARTICLES = 3
TOPIC_SHARE = 0.5


def topic_names(mentions: list[FigureMentionDraft], article_count: int) -> frozenset[str]:
    """Names that more than half of a story's articles give with their figures (the event, its
    main actor): they say what the story is about, not which of its figures a number is."""
    if article_count < TOPIC_MIN_ARTICLES:
        return frozenset()
    per_article: dict[str, set[str]] = {}
    for mention in mentions:
        per_article.setdefault(mention.article.id, set()).update(mention.subject.names)
    counts = Counter(name for names in per_article.values() for name in names)
    return frozenset(n for n, c in counts.items() if c > TOPIC_SHARE * article_count)


def collect_mentions(
    article: Article, resources: Resources, ordinary: frozenset[str] | None = None
) -> list[FigureMentionDraft]:
    """Every quantity of the article's kept sentences, with its subject.

    `ordinary`: the model's lower-case words (`ordinary_words`), read once per ledger."""
    if ordinary is None:
        ordinary = ordinary_words(resources.spacy())
    docs = [(paragraph.start, doc) for paragraph, doc in resources.paragraph_docs(article)]
    found: list[FigureMentionDraft] = []
    previous: frozenset[str] = frozenset()
    for sentence in _whole_sentences(article):
        tokens = sentence_tokens(docs, sentence.start, sentence.end)
        para_start = next((s for s, d in docs if s <= sentence.start < s + len(d.text)), 0)
        read = with_clock_times(sentence.text, read_quantities(sentence.text))  # "2:14:09"
        quantities = [_shift(q, sentence.start) for q in read]
        quantities = [q for q in quantities if not is_old_year(tokens, q, para_start, ordinary)]
        subjects = read_subjects(tokens, para_start, quantities, previous, ordinary)
        subjects = [_dated(subject, article.published) for subject in subjects]
        first = len(found)
        periods = [bool(s.times) for s in subjects]
        links = earlier_of(quantities, article.text, periods, sentence.start)
        for j, (quantity, subject, link) in enumerate(
            zip(quantities, subjects, links, strict=True)
        ):
            head = found[first + link] if link is not None else None  # "3,400, up from 1,200"
            after = quantities[j - 1].end if j else sentence.start
            how = None if head is not None else looks_back(article.text, after, quantity)
            if how is not None:  # "The toll rose to 11. It had earlier put the figure at nine."
                told = FigureMentionDraft(article, sentence, quantity, subject)
                head = looked_back_at(found, told, how)
            if head is not None:  # the figure's own earlier value
                found.append(
                    FigureMentionDraft(
                        article, sentence, quantity, as_earlier(head.subject), earlier_of=head
                    )
                )
                continue
            if subject.is_vague():
                subject = _refer_back(found, quantity, subject, sentence.index)
            found.append(FigureMentionDraft(article, sentence, quantity, subject))
        previous = persons_in(tokens) or previous
    return found


REFER_BACK_SENTENCES = 3
_BROKEN_END = re.compile(r"\d\.$")
_BROKEN_START = re.compile(r"^\d")


def _whole_sentences(article: Article) -> list[Sentence]:
    """The kept sentences, with a sentence split inside a detokenised decimal ("a peak of $5."
    then "3 million") joined again, so "$5. 3 million" is read whole and never as "$5"."""
    joined: list[Sentence] = []
    for sentence in article.sentences:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.paragraph == sentence.paragraph
            and _BROKEN_END.search(last.text)
            and _BROKEN_START.match(sentence.text)
            and article.text[last.end : sentence.start] == " "
        ):
            text = article.text[last.start : sentence.end]
            joined[-1] = Sentence(
                last.article, last.index, last.start, sentence.end, text, last.paragraph
            )
            continue
        joined.append(sentence)
    return joined


def _refer_back(
    earlier: list[FigureMentionDraft], quantity: Quantity, subject: Subject, index: int
) -> Subject:
    """A figure whose sentence says nothing of its subject ("Two percent is a rounding error.")
    is about what the article's latest figure of the same unit, earlier in the sentence or a few
    sentences back, is about. It keeps its own value and whether it is a proposal."""
    near = [
        m
        for m in reversed(earlier)
        if 0 <= index - m.sentence.index <= REFER_BACK_SENTENCES
        and m.quantity.unit == quantity.unit
    ]
    # The same value ("...spends 2%." then "Two percent is a rounding error."), or a demand
    # about the figure just stated ("...gets 2% today." then "It wants that raised to 5%.").
    same = [m for m in near if _same_reading(m.quantity, quantity)]
    demand = [m for m in near[:1] if subject.proposed and not m.subject.proposed]
    for mention in same[:1] or demand:
        return replace(mention.subject, phase=subject.phase, update_cue=subject.update_cue)
    return subject


_RELATIVE_YEARS = {"last year": -1, "next year": 1}
_RELATIVE_MONTHS = {"last month": -1, "this month": 0, "next month": 1}
_MONTH_NAMES = (
    "january february march april may june july august september october november december"
).split()


def _dated(subject: Subject, published: str | None) -> Subject:
    """ "last year" in an article of February 2026 is also "2025": it meets "in 2025"; "last
    month" in an article of 15 May is also "april": it meets "in April"."""
    relative = subject.times & (_RELATIVE_YEARS.keys() | _RELATIVE_MONTHS.keys())
    if not published or not published[:4].isdigit() or not relative:
        return subject
    year = int(published[:4])
    extra = {str(year + _RELATIVE_YEARS[t]) for t in relative if t in _RELATIVE_YEARS}
    month = published[5:7]
    if month.isdigit() and 1 <= int(month) <= 12:
        extra |= {
            _MONTH_NAMES[(int(month) - 1 + _RELATIVE_MONTHS[t]) % 12]
            for t in relative
            if t in _RELATIVE_MONTHS
        }
    return replace(subject, times=subject.times | extra)


def _share_between_copies(mentions: list[FigureMentionDraft]) -> None:
    """The same sentence in copies of one article is read with the fullest subject found.

    An abridged copy may drop the sentence that tells what a later figure is about; the
    origin still has it, and the copy's identical sentence means the same thing.
    """
    same: dict[tuple[str, str, str], list[FigureMentionDraft]] = {}
    for mention in mentions:
        text = " ".join(mention.sentence.text.translate(_QUOTES).lower().split())
        same.setdefault((mention.source_key, text, mention.quantity.as_written), []).append(mention)
    for group in same.values():
        fullest = max(group, key=lambda m: m.subject.size()).subject
        for mention in group:
            mention.subject = fullest


_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


# "5.2m" with no currency is millions or metres: "rose to 2.1m" passengers, "a peak of 5.2m".
_BARE_M = re.compile(r"(?<![£$€¥\w.,])(\d[\d,]*(?:\.(\d+))?)m$")
_METRIC_LENGTHS = frozenset({"mm", "cm", "metres", "km"})


def _metres_among_lengths(mentions: list[FigureMentionDraft]) -> None:
    """Where the story states lengths in metric units, a bare "5.2m" that counts nothing is
    metres, not 5.2 million: "the river peaked at 5.2 metres" and "a peak of 5.2m" are one."""
    if not any(m.quantity.unit in _METRIC_LENGTHS for m in mentions):
        return
    for mention in mentions:
        quantity = mention.quantity
        match = _BARE_M.search(quantity.as_written)
        if quantity.unit != "count" or match is None or mention.subject.counted is not None:
            continue
        decimals = len(match.group(2) or "")

        def metres(x: float | None) -> float | None:
            return None if x is None else x / 1e6

        mention.quantity = replace(
            quantity,
            unit="metres",
            value=metres(quantity.value),
            low=metres(quantity.low),
            high=metres(quantity.high),
            precision=0.5 * 10.0**-decimals,
        )


_QUAKES = frozenset({"quake", "earthquake", "tremor", "aftershock"})


def _units_of_the_story(mentions: list[FigureMentionDraft]) -> None:
    """A bare number in the unit the story uses for its kind: "the earthquake measured 5.2"
    in a story of a "magnitude 5.2 quake"; "fell by 0.4 points" in a story that counts
    percentage points."""
    units = {m.quantity.unit for m in mentions}
    for mention in mentions:
        quantity, subject = mention.quantity, mention.subject
        if quantity.unit != "count" or quantity.value is None:
            continue
        quake = _QUAKES & (subject.nouns | subject.context) and 0 < quantity.value < 10
        if "magnitude" in units and quake and subject.counted is None:
            mention.quantity = replace(quantity, unit="magnitude")
        elif "percentage points" in units and subject.counted == "point":
            mention.quantity = replace(quantity, unit="percentage points")
            mention.subject = replace(subject, counted=None, counted_text=None)


def _same_reading(a: Quantity, b: Quantity) -> bool:
    return (a.value, a.low, a.high) == (b.value, b.low, b.high)


def _shift(quantity: Quantity, offset: int) -> Quantity:
    quantity.start += offset
    quantity.end += offset
    quantity.number_start += offset
    quantity.number_end += offset
    return quantity
