"""Text as scraped (.txt, .md): a headline line becomes the title; a dateline gives place/date.

Nothing is cut from the text here: the reader only notes where the title and dateline are
(`Article.meta["title_span"]`, `["dateline_span"]`) so the cleaning stage can list them as removed
with their reason, and every offset stays an offset into the text as read.
"""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime

from corroborate.errors import InputReadError
from corroborate.read.article import make_article
from corroborate.records import Article

# "date 2025-02-12", "Published: 2025-02-12", "Updated 2025-02-12T10:00"
_DATE_LABEL = re.compile(
    r"(?:date|dated|published|updated|posted)\s*:?\s*"
    r"(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)"
    r"(?:\s+(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT)\b)?\s*",
    re.IGNORECASE,
)
# "BRUSSELS —", "BRUSSELS:", "NEW YORK, Feb 12 (Reuters) -", "PORT VALE (AFP) –"
_DATELINE = re.compile(
    r"([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})"
    r"(?:,\s*([A-Z][a-z]{2,8}\.? \d{1,2}(?:,? \d{4})?))?"
    r"(?:\s*\([A-Za-z .&]{2,30}\))?"
    r"\s*(?:—|–|--|:|-)\s+(?=[A-Z\"“‘'])"
)
_DATE_FORMATS = (
    "%d %B %Y",
    "%B %d, %Y",
    "%B %d %Y",
    "%d %b %Y",
    "%b %d, %Y",
    "%b %d %Y",
    "%Y-%m-%d",
)
_ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_STAFF = re.compile(r"\b(?:staff|reporter|correspondent|editor|news desk|writer)\b", re.IGNORECASE)
_ISO_START = re.compile(r"\d{4}-\d{2}-\d{2}")
_WEEKDAY = re.compile(r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+", re.IGNORECASE)
_HEADLINE_END = re.compile(r"[.!;:,]$")
_TERMINAL_STOP = re.compile(r"[.!?][\"”’']?$")
# "By Ana Lind", "Written by Ana Lind", "By Ana Lind | Business reporter | 2026-03-02": the "by"
# in any case (a page's "By" is capitalised), then a capitalised name and what a byline adds.
BYLINE = re.compile(
    r"^(?i:(?:written |words |story )?by)\s+(?!(?:"
    r"Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|April|May|June|July"
    r"|August|September|October|November|December|Then|Now|Noon|Midnight|Dawn|Nightfall)\b)"
    r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,4}"
    r"(?:\s*(?:,|and|&|\||·|•|—|–).*)?$"
)
# "· 4 min read", "6-minute read": the page's estimate, not the story.
READING_TIME = re.compile(r"^\W*\d+\s*-?\s*min(?:ute)?s?\.?\s+read\W*$", re.IGNORECASE)
# "More from Kestrel Post: ...", "Read more: ...": a line that points to another page.
_POINTER = re.compile(
    r"^(?:more (?:from|on|in) [^:|–—]{1,40}?|read more|read also|also read|related)\s*[:|»>–—-]",
    re.IGNORECASE,
)


def read_text(text: str, *, source: str, outlet: str | None = None) -> Article:
    """An Article from text as scraped, with its title and dateline noted."""
    if not any(ch.isalnum() for ch in text):  # zero-width spaces, a lone BOM, rules of dashes
        raise InputReadError(
            source, "it holds no words: only spaces, punctuation or invisible characters"
        )
    article = make_article(source=source, text=text, outlet=outlet)
    title_span = find_title(text)
    masthead = None
    if title_span:
        article.title = text[title_span[0] : title_span[1]].lstrip("# ").strip()
        article.meta["title_span"] = title_span
        # The id stays the one the file name gave (ids of stored articles do not move); the
        # outlet shown is the masthead the page printed, not a scrape's name ("0427_c19e5b").
        if outlet is None and (masthead := find_masthead(text, title_span[0])):
            article.outlet = masthead
    dateline = _first_dateline(text, after=title_span[1] if title_span else 0)
    above = _date_above(text, title_span[0]) if title_span else None
    if dateline is None:
        dateline = above
    elif above and not dateline[3]:  # "ORLO —" under the title, its date above it
        dateline = (*dateline[:3], above[3])
        article.meta["date_span"] = above[:2]
    elif not dateline[2] and (placed := _first_dateline(text, after=dateline[1])) and placed[2]:
        # A date line, a credit ("Fenmark Press Association"), then "BRINDLEFORD — A ...":
        # the place's dateline stayed in the story and opened its first claim.
        article.meta["date_span"] = dateline[:2]
        dateline = (*placed[:3], dateline[3] or placed[3])
    if dateline:
        start, end, place, published = dateline
        article.meta["dateline_span"] = (start, end)
        article.place = place
        article.published = published
        if outlet is None and masthead is None:
            after = title_span[1] if title_span else 0
            article.outlet = _credited_outlet(text, after, text[start:end]) or article.outlet
    if not article.published:
        article.published = _byline_date(text, title_span[1] if title_span else 0)
    if not article.published and (found := _head_date(text, title_span)):
        article.published, span = found
        article.meta["date_span"] = span
    return article


# An HTML page's source, alone, gzipped or as a crawl's record: its stored text is extracted.
_PAGE_SOURCE = re.compile(r"\.x?html?(?:\.gz)?$|\.warc(?:\.gz)?#", re.IGNORECASE)


def restore_reader_marks(article: Article) -> Article:
    """Note on an article read back from a store what its reader had noted (the headline's
    and dateline's spans, whether a page extractor gave the text), so that cleaning it again
    removes what `report` removed. `show` re-cleans stored articles, which had lost these:
    a wire's dateline ("BRINDLEFORD —") opened a claim in `show` and not in `report`, and an
    extracted page was cleaned by the shape rules meant for text as scraped."""
    if _PAGE_SOURCE.search(article.source):
        article.meta["extraction"] = "stored"
        found = page_dateline(article.text)
        if found:
            article.meta["dateline_span"] = found[:2]
        return article
    if not any(ch.isalnum() for ch in article.text):
        return article  # no words: no reader marked anything
    read = read_text(article.text, source=article.source)
    title = read.meta.get("title_span")
    if title and " ".join((read.title or "").split()) == " ".join((article.title or "").split()):
        article.meta["title_span"] = title
    for key in ("dateline_span", "date_span"):
        if key in read.meta:
            article.meta[key] = read.meta[key]
    return article


# "12 March 2026", "May 6, 2026", "2026-04-21", anywhere in a short line.
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE_IN_LINE = re.compile(
    rf"\b(\d{{1,2}} {_MONTHS} \d{{4}}|{_MONTHS} \d{{1,2}},? \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b"
)


def _head_date(text: str, title: tuple[int, int] | None) -> tuple[str, tuple[int, int]] | None:
    """The date of a short line above the story that holds a date among the page's other
    marks ("Updated 13:20, Thursday 12 March 2026", "12 March 2026 · 3 min read", "Castlegate
    News Wire | 2026-04-21", or a date line above the headline under a masthead): such pages
    were undated, so left out of every --since/--until, and the line stayed in the story."""
    for start, end in _lines(text)[:_HEAD_LINES]:
        line = text[start:end]
        if (title and start == title[0]) or _page_notice(line) or is_link_bar(line):
            continue  # a menu of many links is no sentence: the story has not begun
        if len(line.split()) > 10 or _TERMINAL_STOP.search(line):
            return None  # the story has begun
        if BYLINE.match(line):
            continue
        for part in _SEPARATOR.split(line):  # the date must stand alone: not "Storm season:
            found = _DATE_IN_LINE.search(part)  # 2026-03-02 report"
            if found and only_a_date(part):
                day = found.group(1).replace(".", "").replace("Sept ", "Sep ")
                iso = _written_date(day) or _written_date(day.replace(",", ""))
                if iso:
                    return iso, (start, end)
    return None


_SEPARATOR = re.compile(r"\s+[|·•—–]\s+")


def dated_marks(line: str) -> bool:
    """A page's date with its reading time ("Sunday 22 November 2026 · 2 min read"): it was
    removed as a "headline-shaped line" where the story's dateline had dated the article."""
    parts = _SEPARATOR.split(line.strip())
    marks = [only_a_date(p) or bool(READING_TIME.match(p)) for p in parts]
    return len(parts) > 1 and all(marks) and any(only_a_date(p) for p in parts)


def _byline_date(text: str, after: int, lines: int = 4) -> str | None:
    """The date a byline gives ("By Ana Lind | Staff reporter | 2026-03-02", "2026-03-02 —
    Kestrel Post staff"), in the lines before the story's first paragraph; cleaning removes
    the line as a byline."""
    for start, end in [span for span in _lines(text) if span[0] >= after][:lines]:
        line = text[start:end]
        if len(line.split()) >= 12:
            return None  # the story has begun
        found = _ISO_DATE.search(line)
        if found and (BYLINE.match(line.strip()) or _STAFF.search(line)):
            try:
                return datetime.strptime(found.group(0), "%Y-%m-%d").date().isoformat()
            except ValueError:
                return None
    return None


def _credited_outlet(text: str, after: int, dateline: str) -> str | None:
    """The agency a page without a masthead names twice, in its byline and its dateline's
    credit ("By Ilse Varga, Halder Press", "KELLSHAVEN, Nov 22 2026 (Halder Press) —"): a
    wire's own text. Its outlet was the file's name ("halder-wire"). One of the two alone is
    not enough: a byline's tail may be a role ("Business reporter"), and a dateline's credit
    names the agency a reprint copied."""
    for start, end in [span for span in _lines(text) if span[0] >= after][:4]:
        line = text[start:end]
        if BYLINE.match(line) and "," in line:
            credit = line.split(",", 1)[1].strip()
            return credit if credit and f"({credit})" in dateline else None
    return None


def _first_dateline(
    text: str, after: int, lines: int = 6
) -> tuple[int, int, str | None, str | None] | None:
    """A dateline at the start of one of the first few lines (a "Key points" box may come first)."""
    for start, end in [span for span in _lines(text) if span[0] >= after][:lines]:
        found = find_dateline(text, after=start)
        if found and (found[2] or "").upper() not in _NOT_PLACES:
            return found
        line = text[start:end]
        if len(line.split()) >= 12 and line[:1] not in "-•*–":
            return None  # the first paragraph of prose: a dateline would have been here
    return None


def _date_above(text: str, title_start: int) -> tuple[int, int, str | None, str | None] | None:
    """A line holding only a date above the headline ("March 04, 2026", then the title), read
    as the article's date: it stayed in the story as a paragraph, and a story of such pages
    was summed up as "June 06, 2013"."""
    found = find_dateline(text, after=0)
    if found and found[3] and found[1] <= title_start and not found[2]:
        return found
    return None


# All-caps words that open marker lines ("READ ALSO:", "UPDATE:"), not places.
_NOT_PLACES = frozenset(
    [
        "READ ALSO",
        "READ MORE",
        "ALSO READ",
        "SEE ALSO",
        "RELATED",
        "WATCH",
        "LISTEN",
        "UPDATE",
        "UPDATED",
        "BREAKING",
        "EXCLUSIVE",
        "KEY POINTS",
        "EDITOR'S NOTE",
        "PHOTO",
        "VIDEO",
        "ANALYSIS",
        "OPINION",
        "LIVE",
        "CORRECTION",
        "NOTE",
        "ADVERTISEMENT",
        "SPONSORED",
        "FACT CHECK",
        # Read as places "Report" and "Must See" on ECB+ dev (lines 43 and 98).
        "REPORT",
        "MUST SEE",
        "MUST READ",
        "BREAKING NEWS",
        "JUST IN",
        "LIVE UPDATES",
        "PHOTOS",
        "COMMENT",
        "EDITORIAL",
        "REVIEW",
        "INTERVIEW",
        "EXPLAINER",
    ]
)


def find_title(text: str) -> tuple[int, int] | None:
    """The span of the line that looks like the headline, if there is one.

    It is the first line, or the first after what a page prints above its headline: a line
    that only says when the page was posted, a cookie notice, a short masthead ("Westmere
    Courier"), a bar of section links ("News | Sport | Jobs"). A masthead that reads like a
    headline ("ORBITAL LEDGER — space news since 2011", "THE FENWICK GAZETTE") gives way to
    the headline-shaped line after it when a bar, a date or nothing but its capitals set it
    apart: a page's masthead was shown as the title of 6 of 14 invented scrapes.
    """
    lines = _lines(text)
    head = lines[:_HEAD_LINES]
    first = None
    labels = 0  # one short masthead; two short lines ("Deputy Sheriff", "Jerry Ortiz") are
    for index, (start, end) in enumerate(head):  # a page of another shape: no title
        line = text[start:end]
        if _headline_at(text, lines, index):
            first = index
            break
        kind = _above_headline(line)
        labels += kind == "label"
        if not kind or labels > 1:
            return None
    if first is None:
        return None
    later = _headline_below(text, lines, first)
    return lines[later] if later is not None else lines[first]


_HEAD_LINES = 8
# The last word of a publication's name: "Kessel FM News", "THE HIGHLAND LEDGER", "Stride
# Magazine". A short line above a headline without one is a section or a label ("Politics",
# "Key points"), never taken for the outlet.
_MASTHEAD_NOUN = re.compile(
    r"\b(?:news|times|post|daily|radio|fm|tv|herald|gazette|echo|courier|ledger|magazine"
    r"|journal|chronicle|press|wire|tribune|observer|record|bugle|mail|express|standard"
    r"|telegraph|guardian|independent|star|mirror|review|weekly|agency|today|bulletin|dispatch"
    r"|inquirer|examiner|sentinel|advertiser|argus|globe|monitor|mercury|leader|register"
    r"|reporter|voice|islander|citizen|gleaner|clarion|online|press association)$",
    re.IGNORECASE,
)
# An agency's name on a line of its own above its headline ("Pellam Press Association", then
# "Kettle maker recalls ..."): a wire's masthead, in title case, was shown as its title and
# the headline under it removed as a standfirst (session-12 audit). Only agency names: a
# short title-case headline may end on "Record" or "Times".
_AGENCY_MASTHEAD = re.compile(
    r"^(?:[A-Z][\w'’&.-]*\s+){1,3}(?:press association|press agency|news agency|news service"
    r"|wire service)$",
    re.IGNORECASE,
)
_TAGLINE = re.compile(r"\s+(?:—|–|-|\||·)\s+")


def find_masthead(text: str, title_start: int) -> str | None:
    """The publication's name a page prints above its headline, if it printed one: a short
    capitalised line ending on a publication's noun ("NORTH VALE TIMES", "Kessel FM News",
    "ORLO LEDGER — island news since 1911" without its tagline), among only the page's other
    marks (a cookie notice, a bar of links, a date). Capitals are turned to title case."""
    names = []
    for start, end in _lines(text)[:_HEAD_LINES]:
        if start >= title_start:
            break
        line = text[start:end]
        if only_a_date(line) or _page_notice(line) or is_link_bar(line):
            continue
        names.append(_TAGLINE.split(line)[0].strip())
    if len(names) != 1:
        return None
    name = names[0]
    words = name.split()
    if not 1 <= len(words) <= 5 or not _MASTHEAD_NOUN.search(name):
        return None
    if not all(w[:1].isupper() or w[:1].isdigit() or w in ("of", "and", "&") for w in words):
        return None
    return name.title() if name.isupper() else name


# "News | Sport | What's On", "Home > News > Regulation", "News  Politics  Sport" (a scrape
# joins a menu's items with runs of spaces or tabs): a page's links, not its words.
_BAR = re.compile(r"\s+(?:\||>|›|»|·|•)\s+|[ \t]{2,}|\t")
_NOTICE = re.compile(r"\bcookies?\b|\bjavascript\b|\bad ?blocker\b", re.IGNORECASE)
# A consent banner's buttons on a line of their own ("Accept all | Manage preferences",
# "[Accept] [Reject non-essential]", "Yes, I agree"): the line under a cookie notice, which was
# taken for the headline (and the story's title) of a scraped page of the session-11 audit.
_CONSENT = re.compile(
    r"^\W*(?:(?:(?:yes|no),?\s+)?(?:i\s+)?(?:accept|agree|reject|decline|allow|deny|got it|ok"
    r"|okay|dismiss|close|manage|customi[sz]e|settings|preferences|options|learn more"
    r"|find out more|more info(?:rmation)?|take me to settings)(?:\s+(?:all|cookies"
    r"|non-essential|preferences|settings|choices|options)){0,2}\W*)+$",
    re.IGNORECASE,
)


# An accessibility link at a page's top ("Skip to main content"), a rendered page's first line.
_SKIP_LINK = re.compile(
    r"^(?:skip|jump) to (?:the )?(?:main )?(?:content|navigation|article)$", re.I
)


# A consent banner's own heading ("Cookies on this site", "About cookies", "This website uses
# cookies"): it names cookies in one phrase, so it was taken for the headline, and the page's
# banner, masthead, date and byline under it stayed in the story (session-12 audit).
_COOKIE_HEADING = re.compile(
    r"^\W*(?:(?:about|our use of|how we use) )?cookies?(?: (?:on|and) (?:this|our|the) "
    r"(?:site|website|page)| (?:settings|preferences|policy|notice|consent|choices))?\W*$"
    r"|^\W*(?:this|our) (?:site|website) uses cookies\W*$|^\W*we use cookies\W*$",
    re.IGNORECASE,
)


def _page_notice(line: str) -> bool:
    """A cookie, script or ad-blocker notice, a consent banner's buttons, a skip link."""
    return bool(_NOTICE.search(line) or _CONSENT.match(line) or _SKIP_LINK.match(line))


_NEXT_SENTENCE = re.compile(r"[.?!]\s+\S")


def _above_headline(line: str) -> str | None:
    """What a line a page prints above its headline is, if it is one: a date, a notice, a
    bar of links, or a short label."""
    if only_a_date(line) or _page_notice(line) or is_link_bar(line):
        return "mark"
    return "label" if len(line.split()) <= 3 and not _HEADLINE_END.search(line) else None


def is_link_bar(line: str) -> bool:
    """A bar of a page's links: "News | Sport | Jobs", "Home > News > Regulation"."""
    parts = _BAR.split(line)
    return len(parts) >= 3 and all(len(part.split()) <= 4 for part in parts)


def _headline_below(text: str, lines: list[tuple[int, int]], first: int) -> int | None:
    """The headline under a masthead at `first`, when there is one (see `find_title`)."""
    masthead = text[lines[first][0] : lines[first][1]]
    capitals = masthead.isupper() or bool(_AGENCY_MASTHEAD.match(masthead))
    for index in range(first + 1, min(len(lines), _HEAD_LINES)):
        line = text[lines[index][0] : lines[index][1]]
        if _headline_at(text, lines, index):
            return index if (capitals and not line.isupper()) else None
        if is_link_bar(line) or (only_a_date(line) and len(masthead.split()) <= 4):
            capitals = True  # a bar, or a date under a short first line, sets it apart
        else:
            return None
    return None


def _headline_at(text: str, lines: list[tuple[int, int]], index: int) -> bool:
    """Whether line `index` is shaped like a headline, with prose below it."""
    if index + 1 >= len(lines):
        return False
    start, end = lines[index]
    line = text[start:end]
    words = line.lstrip("# ").split()
    if not 3 <= len(words) <= 25 or len(line) > 160:
        return False
    if _HEADLINE_END.search(line) or line.lstrip()[:1] in "-•*–—" or find_dateline(line):
        return False
    if only_a_date(line):  # "Saturday, August 24, 2013", "Updated: 12 January 2010 @ 09:29 pm"
        return False
    if BYLINE.match(line.strip()) or READING_TIME.match(line) or _POINTER.match(line.strip()):
        return False  # a byline, a reading time or a link is the page's, not the story's headline
    if is_link_bar(line) or (_NOTICE.search(line) and _NEXT_SENTENCE.search(line)):
        return False  # a bar of links; a cookie notice (a headline may name cookies)
    if _CONSENT.match(line) or _SKIP_LINK.match(line) or _COOKIE_HEADING.match(line):
        return False
    # A headline is shorter than what follows it, which is prose.
    next_start, next_end = lines[index + 1]
    return not (next_end - next_start < 40 and len(lines) < index + 3)


# Words of a line that only says when a page was posted.
_DATE_WORDS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday mon tue tues wed thu thurs fri sat sun am pm gmt utc bst est edt pst cet
    at on last updated published posted modified""".split()
)
_TOKEN = re.compile(r"[A-Za-z]+|\d+")


def only_a_date(line: str) -> bool:
    """Whether the line holds nothing but a date or time (and words such as "updated")."""
    tokens = _TOKEN.findall(line)
    has_number = any(t.isdigit() for t in tokens)
    return has_number and all(t.isdigit() or t.lower() in _DATE_WORDS for t in tokens)


def page_dateline(text: str) -> tuple[int, int, str | None, str | None] | None:
    """A dateline with a place opening an extracted page's text, or its first paragraph after
    a byline ("By Maren Holt, Wessand Wire", then "OSTLEY — Bird flu has been ..."): such a
    dateline stayed in the story, opened its first claim and left the article without a place."""
    found = find_dateline(text)
    if found is None or not found[2]:
        end = text.find("\n")
        first = text[: end if end >= 0 else len(text)]
        found = find_dateline(text, after=end) if end > 0 and BYLINE.match(first.strip()) else None
    return found if found and found[2] else None


def find_dateline(text: str, after: int = 0) -> tuple[int, int, str | None, str | None] | None:
    """Span, place and ISO date of a dateline at the start of the first paragraph after `after`."""
    pos = start = _skip_space(text, after)
    published = None
    label = _DATE_LABEL.match(text, pos)
    if label:
        published = label.group(1).replace(" ", "T")
        pos = label.end()
    else:
        own_line = _date_line(text, pos)
        if own_line:
            published, pos = own_line
            pos = _skip_space(text, pos)
    place = None
    line = _DATELINE.match(text, pos)
    if line and len(line.group(1)) >= 3 and line.group(1) not in _NOT_PLACES:
        place = line.group(1).title()
        pos = line.end()
        if published is None and line.group(2):  # "HARWICK, March 3, 2026 —": a year, a date
            published = _written_date(line.group(2).replace(".", ""))
    if place is None and published is None:
        return None
    return start, pos, place, published


def _skip_space(text: str, pos: int) -> int:
    """The first position at or after `pos` that is not whitespace."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _written_date(text: str) -> str | None:
    """ "March 3, 2026" as "2026-03-03"; None without a year or a date in it."""
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    return None


def iso_published(value: str | None) -> str | None:
    """A given date in ISO 8601, so the store sorts and filters by it: "Tue, 03 Mar 2026
    10:00:00 GMT" (RSS's form, in many JSON exports) and "March 3, 2026" were kept as written,
    and the store, which reads only ISO dates, took such articles as undated. An ISO value, and
    one that is no date at all, stay as given: nothing the input says is lost."""
    if not value or _ISO_START.match(value.strip()):
        return value
    text = value.strip()
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    return _written_date(_WEEKDAY.sub("", text, count=1)) or value


def _date_line(text: str, pos: int) -> tuple[str, int] | None:
    """A line holding only a date ("12 February 2025"), as some pages print above the story."""
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    candidate = _WEEKDAY.sub("", text[pos:end].strip(), count=1)  # "Saturday, August 24, 2013"
    if not candidate or len(candidate) > 30:
        return None
    found = _written_date(candidate)
    return (found, end) if found else None


def _lines(text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty lines, stripped."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            start = match.start() + raw.index(stripped)
            spans.append((start, start + len(stripped)))
    return spans
