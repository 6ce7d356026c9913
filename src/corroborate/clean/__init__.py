"""What is not the story, with reasons and offsets.

The text is cut into blocks (paragraphs or lines); each block is kept or removed with a reason.
The signals are general ones, never strings taken from particular pages:
- position: a block that marks the end of the story ("Source link", "Related articles",
  "Comments") in the latter part of the page ends it, and everything after it is the page's tail;
  at the head, bylines and headline-shaped lines before the first paragraph of prose;
- marker lines that announce other content ("READ ALSO: ...", "Advertisement");
- line shape: widget debris (a lone "0", "()", "x"), share/subscribe/cookie lines, view counters,
  photo credits, lines repeated twice in a row (teaser headlines);
- coherence: how many of a block's content words the rest of the article and the other articles
  given share; a trailing run of blocks that cohere with neither is not the story.
A line holding only a person's name right after a quote paragraph is an attribution: kept.

Every removed block keeps its reason and offsets (`Article.removed`), so nothing is lost: the kept
text is the article text minus those spans.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from corroborate.clean.furniture import (
    LIST_ITEM,
    TERMINAL,
    furniture,
    is_credit,
    is_quote_like,
    looks_like_caption,
)
from corroborate.read.text import BYLINE as _BYLINE
from corroborate.read.text import dated_marks, is_link_bar, only_a_date
from corroborate.records import Article, Paragraph, Removed

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours out over
    own same she should so some such than that the their theirs them themselves then there these
    they this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours said says say told new one two also after year years
    first last many much may might must could like get got made make per cent percent
    mr mrs ms""".split()
)

# Lines that end the story when they come in its latter part: what follows is the page's tail.
_TAIL_MARKER = re.compile(
    r"^(?:source(?: link)?|related(?: articles?| stories| posts| content| news| coverage)?"
    r"|more (?:stories|news|from [\w .]+|on this(?: story| topic)?|to read)|read more(?: stories)?"
    r"|you (?:may|might) also (?:like|be interested in)|recommended(?: for you| stories| reading)?"
    r"|trending(?: now| stories)?|most (?:read|popular|viewed)|latest (?:news|stories)"
    r"|popular (?:posts|stories|now)|top stories|what to read next|further reading|see also"
    r"|also on [\w .]+|comments?(?: \(\d+\))?|\d+ comments?|leave a (?:comment|reply)"
    r"|join the (?:conversation|discussion)|share your thoughts|sponsored(?: content| stories)?)"
    r"\s*:?$",
    re.IGNORECASE,
)

_ROLE_LINE = re.compile(
    r"^(?:[\w ,&|·—–-]{0,40}\s)?(?:correspondent|editor|reporter|writer|contributor|columnist"
    r"|staff|bureau|desk|analyst|producer|journalist)(?:\s[\w ,&|·—–-]{0,40})?$",
    re.IGNORECASE,
)
_NAME = re.compile(r"^[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|da|al|bin|le|la)){1,4}$")
_DEBRIS = re.compile(r"^[\W\d_]{0,4}$|^[A-Za-z]$")


# A block of the latter part that shares fewer content words than this with the rest of its
# article and with the other articles does not belong to the story.
_COHERENCE_FLOOR = 0.2


@dataclass(slots=True)
class _Block:
    start: int
    end: int
    text: str
    reason: str | None = None


def clean_articles(articles: Sequence[Article], *, use_others: bool = True) -> None:
    """Clean every article, each judged also against the words of the others.

    One count of how many articles use each word serves every article: a word is another
    article's when more articles use it than this one alone, so the work stays linear in the
    number of articles instead of joining every other vocabulary for each.
    """
    vocabularies = [_content_words(a.text) for a in articles]
    counts = Counter(w for words in vocabularies for w in words) if use_others else Counter()
    for article, own in zip(articles, vocabularies, strict=True):
        _clean(article, _InOthers(counts, own))


def clean_article(article: Article, others: Sequence[Article] = ()) -> Article:
    """Split the article into kept paragraphs and removed blocks (with reasons)."""
    counts = Counter(w for other in others for w in _content_words(other.text))
    return _clean(article, _InOthers(counts, frozenset()))


@dataclass(slots=True, frozen=True)
class _InOthers:
    """Whether a word occurs in an article other than this one."""

    counts: Counter[str]
    own: frozenset[str] | set[str]

    def __call__(self, word: str) -> bool:
        return self.counts[word] > (word in self.own)


def _clean(article: Article, in_others: _InOthers) -> Article:
    blocks = split_blocks(article.text)
    removed: list[Removed] = []
    blocks = _apply_reader_spans(article, blocks, removed)
    # An HTML extractor has already dropped figure captions, headings and page furniture by the
    # page's markup; guessing them again from line shape only loses story lines (list items,
    # subheadings) there, so the shape-only rules apply to text as scraped.
    by_shape = "extraction" not in article.meta
    title = article.meta.get("title_span")
    _mark_head(blocks, by_shape=by_shape, headline=title[0] if title else -1)
    _mark_tail(blocks, in_others)
    _mark_lines(blocks, by_shape=by_shape)
    _mark_sign_off(blocks)  # after the notices below the credit ("You have read 3 of ...") went
    _keep_a_brief(blocks)
    article.removed = removed + [
        Removed(b.start, b.end, b.reason, b.text) for b in blocks if b.reason
    ]
    article.removed.sort(key=lambda r: r.start)
    article.paragraphs = [Paragraph(b.start, b.end) for b in blocks if not b.reason]
    return article


def split_blocks(text: str) -> list[_Block]:
    """Paragraphs: blank-line separated chunks; a chunk of short lines is split into lines.

    A chunk whose lines look hard-wrapped (long lines that do not end a sentence) stays one
    paragraph; otherwise every line is its own block, as scraped pages print one per line.
    """
    blocks: list[_Block] = []
    for chunk in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text):
        lines = [m for m in re.finditer(r"[^\n]*\S[^\n]*", chunk.group())]
        if _hard_wrapped([m.group() for m in lines]):
            blocks.append(_strip_block(text, chunk.start(), chunk.end()))
            continue
        for line in lines:
            start = chunk.start() + line.start()
            blocks.append(_strip_block(text, start, chunk.start() + line.end()))
    return blocks


def _hard_wrapped(lines: list[str]) -> bool:
    if len(lines) < 2:
        return False
    body = lines[:-1]
    long_lines = sum(1 for line in body if 40 <= len(line.strip()) <= 100)
    open_ended = sum(1 for line in body if not TERMINAL.search(line.strip()))
    return long_lines == len(body) and open_ended * 2 > len(body)


def _strip_block(text: str, start: int, end: int) -> _Block:
    raw = text[start:end]
    stripped = raw.strip()
    offset = start + raw.index(stripped)
    return _Block(offset, offset + len(stripped), stripped)


def _apply_reader_spans(
    article: Article, blocks: list[_Block], removed: list[Removed]
) -> list[_Block]:
    """Remove the title line and the dateline prefix that the reader already used as metadata."""
    spans = [("title_span", "headline: shown as the article's title")]
    spans.append(("dateline_span", "dateline: read as the article's place and date"))
    spans.append(("date_span", "date line: read as the article's date"))
    for key, reason in spans:
        span = article.meta.get(key)
        if not span:
            continue
        start, end = span
        kept: list[_Block] = []
        for block in blocks:
            if block.end <= start or block.start >= end:
                kept.append(block)
                continue
            if block.start < start:
                kept.append(_strip_block(article.text, block.start, start))
            if block.end > end and article.text[end : block.end].strip():
                kept.append(_strip_block(article.text, end, block.end))
        text = article.text[start:end]
        if key == "dateline_span":
            reason = _dateline_reason(article, text)
        if text.strip():
            cut = _strip_block(article.text, start, end)
            removed.append(Removed(cut.start, cut.end, reason, cut.text))
        blocks = kept
    return blocks


def _dateline_reason(article: Article, text: str) -> str:
    """What a dateline gave: "Published 2026-02-16" gives no place, "HARWICK —" no date (the
    reason said "place and date" for both)."""
    place = bool(article.place) and str(article.place).casefold() in text.casefold()
    date = bool(article.published) and any(ch.isdigit() for ch in text)  # "March 3": no year
    what = "place and date" if place == date else "place" if place else "date"
    return f"dateline: read as the article's {what}"


def _is_prose(text: str) -> bool:
    return len(text.split()) >= 8 and bool(TERMINAL.search(text) or text.count(". ") >= 1)


def _mark_head(blocks: list[_Block], *, by_shape: bool = True, headline: int = -1) -> None:
    """Bylines and headline-shaped lines before the first paragraph of prose.

    `headline` is where the headline the reader found starts: what a scraped page prints above
    it (a cookie banner's sentences, a masthead, a menu) is the page's, never the story's start
    (the reader takes a headline only under such marks)."""
    for index, block in enumerate(blocks):
        text = block.text
        if _is_prose(text):
            # A cookie banner above the masthead is sentences too, but not the story's start.
            if reason := furniture(text):
                block.reason = reason
            elif block.end <= headline:
                # "We use cookies ... You can change your choices at any time.": one sentence
                # no notice, and the masthead, date and byline under it stayed in the story.
                block.reason = _ABOVE_HEADLINE
            else:
                return
            continue
        words = text.split()
        next_text = blocks[index + 1].text if index + 1 < len(blocks) else ""
        if _BYLINE.match(text) or (
            _NAME.match(text) and _ROLE_LINE.match(next_text) and not is_link_bar(text)
        ):
            block.reason = "byline: the author's name, before the story"
        elif _ROLE_LINE.match(text) and len(words) <= 8:
            block.reason = "byline: the author's role, before the story"
        elif reason := furniture(text):  # a notice at the head is a notice, not a headline
            # A bar of links that ends on "Subscribe" is the page's menu, not a notice.
            block.reason = (
                _NAV if reason.startswith("site chrome") and is_link_bar(text) else reason
            )
        elif only_a_date(text) or dated_marks(text):  # "12 March 2026", "... · 2 min read"
            block.reason = "date line: the page's date, before the story"
        elif is_link_bar(text):
            block.reason = _NAV
        elif by_shape and len(words) >= 4 and not text.lstrip().startswith(("-", "•", "*", "–")):
            block.reason = _HEADLINE_SHAPED
        elif (
            by_shape
            and not TERMINAL.search(text)
            and not LIST_ITEM.match(text)
            and not LIST_ITEM.match(next_text)  # "Key points" heads a list of the story's
        ):
            # "Westmere Courier", "Breaking news", "Key points": a masthead or a label, which
            # stayed in the story and was stated as a claim ("Oakhurst Echo").
            block.reason = _SHORT_LINE


def _mark_lines(blocks: list[_Block], *, by_shape: bool = True) -> None:
    """Reasons that a single line's own shape gives, wherever it is."""
    for index, block in enumerate(blocks):
        if block.reason:
            continue
        text = block.text
        if _DEBRIS.match(text):
            block.reason = "widget debris: a line without words"
        elif reason := furniture(text):
            block.reason = reason
        elif is_credit(text):
            block.reason = "photo caption or credit"
        elif by_shape and looks_like_caption(text):
            block.reason = _CAPTION_SHAPED
        elif index and text == blocks[index - 1].text and not _is_attribution(blocks, index):
            block.reason = "repeated line (teaser headline printed twice)"


_NAV = "navigation links before the story"
_ABOVE_HEADLINE = "page notice above the headline (a cookie or consent banner)"
_HEADLINE_SHAPED = "headline-shaped line before the story (standfirst, kicker or caption)"
_SHORT_LINE = "short line before the story (masthead, section name or label)"
_CAPTION_SHAPED = "photo caption: a descriptive line without a full stop, inside the story"
_BY_SHAPE_ONLY = frozenset({_HEADLINE_SHAPED, _SHORT_LINE, _CAPTION_SHAPED})


def _keep_a_brief(blocks: list[_Block]) -> None:
    """A brief with no paragraph of prose keeps the lines only their shape removed.

    The shape rules look for the story's first sentence of eight words or more; a two-line news
    brief ("Crane operator retires at 70" / "She worked the port for 41 years.") has none, and
    every line went as a headline or a caption, leaving an article with no text at all. Lines
    removed for what they say (a notice, a byline, a credit) stay removed.
    """
    if any(not b.reason for b in blocks):
        return
    for block in blocks:
        if block.reason in _BY_SHAPE_ONLY:
            block.reason = None


def _mark_tail(blocks: list[_Block], in_others: _InOthers) -> None:
    """Everything after an end-of-story marker, and a trailing run of unrelated blocks."""
    total = sum(len(b.text) for b in blocks) or 1
    seen = 0
    prose_before = 0
    for index, block in enumerate(blocks):
        seen += len(block.text)
        if not block.reason and _is_prose(block.text):
            prose_before += 1
        if _TAIL_MARKER.match(block.text) and prose_before >= 3 and seen > total * 0.25:
            marker = block.text.strip().rstrip(":")
            block.reason = f"end of the story: '{marker}' marks the page's tail"
            for after in blocks[index + 1 :]:
                after.reason = f"after the end of the story, below '{marker}'"
            return
    _mark_incoherent_tail(blocks, in_others)


_MINOR_WORDS = frozenset({"of", "and", "the", "&", "for", "de"})


def _mark_sign_off(blocks: list[_Block]) -> None:
    """A name alone on the story's last line ("Castlegate News Wire", "Ana Lind"): a wire's or
    writer's credit, which stayed in a feed entry's story. A name under a quote stays: that
    line says who spoke."""
    kept = [i for i, b in enumerate(blocks) if not b.reason]
    if len(kept) < 3:
        return
    last = blocks[kept[-1]]
    words = last.text.split()
    if not 1 <= len(words) <= 5 or TERMINAL.search(last.text) or LIST_ITEM.match(last.text):
        return
    if not all(w[:1].isupper() or w.lower() in _MINOR_WORDS for w in words):
        return
    if is_quote_like(blocks[kept[-2]].text):
        return
    last.reason = "credit line at the end of the story (a wire's or writer's name)"


def _mark_incoherent_tail(blocks: list[_Block], in_others: _InOthers) -> None:
    """A trailing run of blocks that share few words with the story and with the other articles."""
    kept = [i for i, b in enumerate(blocks) if not b.reason]
    if len(kept) < 4:
        return
    core_words = set()
    for i in kept[: max(2, len(kept) // 2)]:
        core_words |= _content_words(blocks[i].text)
    tail: list[int] = []
    for i in reversed(kept[len(kept) // 2 :]):
        words = _content_words(blocks[i].text)
        if not words:
            tail.append(i)
            continue
        share = sum(1 for w in words if w in core_words or in_others(w)) / len(words)
        # A story's own last paragraphs end their sentences; teaser headlines and snippets cut
        # off mid-sentence do not. Both signals must agree before a block is called tail.
        if share >= _COHERENCE_FLOOR or TERMINAL.search(blocks[i].text):
            break
        tail.append(i)
    # One odd last paragraph can be the story's own; a run of them is the page's tail.
    if len(tail) >= 2:
        for i in tail:
            blocks[i].reason = "after the end of the story: shares almost no words with it"


def _is_attribution(blocks: list[_Block], index: int) -> bool:
    """A line holding only a name right after a paragraph that quotes someone."""
    if not _NAME.match(blocks[index].text) or index == 0:
        return False
    return is_quote_like(blocks[index - 1].text)


def _content_words(text: str) -> set[str]:
    return {
        w.lower().strip("'’-") for w in _WORD.findall(text) if len(w) > 2 and w.lower() not in _STOP
    }
