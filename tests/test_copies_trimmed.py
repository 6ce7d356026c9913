"""A reprint that trims every sentence it keeps is still a copy of the wire.

The session-12 audit's recall story has a local site's reprint of an agency story that keeps
three of its five paragraphs and cuts each (the second sentence stopped before its "and that
...", the quote's "in a statement" gone): one sentence matched by ratio, and the reprint
counted as an independent source. A sentence whose
own words (twelve or more, outside quotation marks) are a run of the other's now matches.
Fixtures are invented.
"""

from __future__ import annotations

from corroborate import clean_articles
from corroborate.copies import find_copies
from corroborate.read.text import read_text
from corroborate.records import Article

WIRE = [
    "Sellick Foods is withdrawing 12,300 jars of its Harvest Gold honey sold in Britain since "
    "April because some may contain fragments of glass, the company said on Monday.",
    "The Food Safety Office said it had received nine complaints from shoppers who found glass in "
    "the jars, and that one man had cut his mouth slightly.",
    "Shoppers should not eat the honey and should return it to the shop where they bought it for "
    "a refund of 4.50 pounds, the company said.",
    "\u201cWe are deeply sorry and are working with the Food Safety Office,\u201d managing "
    "director Aurelie Sellick said in a statement.",
    "The affected jars carry a best-before date in March 2028 printed on the lid.",
]
TRIMMED = [
    "Sellick Foods is withdrawing 12,300 jars of its Harvest Gold honey sold in Britain since "
    "April.",
    "The Food Safety Office said it had received nine complaints from shoppers.",
    "Shoppers should not eat the honey and should return it to the shop where they bought it.",
]
# Another outlet's own report: the same facts in its own words, and one of the wire's
# sentences cut short.
OWN = [
    "Glass fragments found in jars of Harvest Gold honey have led Sellick Foods to pull 12,300 "
    "jars from shelves, the company said on Monday.",
    "The Food Safety Office said it had received nine complaints from shoppers.",
    "Managing director Aurelie Sellick apologised and said the firm was working with regulators.",
]


def _article(head: str, paragraphs: list[str], source: str) -> Article:
    return read_text(f"{head}\n\n" + "\n\n".join(paragraphs) + "\n", source=source)


def _groups(*articles: Article) -> list[set[str]]:
    items = list(articles)
    clean_articles(items)
    return [set(g.articles) for g in find_copies(items)]


def test_a_reprint_that_trims_each_sentence_is_one_source_with_the_wire() -> None:
    wire = _article("Honey recalled over glass fears", WIRE, "sellick-wire.txt")
    reprint = _article("Recall: Harvest Gold honey", TRIMMED, "8812_c0d4.txt")
    assert _groups(wire, reprint) == [{wire.id, reprint.id}]
    assert reprint.copy_of == wire.id


def test_an_own_report_sharing_one_trimmed_sentence_stays_independent() -> None:
    """One contained sentence is one piece of evidence: two are needed, as before."""
    wire = _article("Honey recalled over glass fears", WIRE, "sellick-wire.txt")
    own = _article("Glass found in honey jars", OWN, "larkfield-news.txt")
    assert len(_groups(wire, own)) == 2
