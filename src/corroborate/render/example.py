"""An invented report that fills every section, to preview the renderers and to test them.

The event, outlets and people are made up. The texts carry the kinds of trouble real scrapes
bring: markup-like text (`<script>`), table pipes, a junk tail, a wire copy, a figure clash,
a quote worded three ways and one outlet paraphrasing it. Every span is found in its article's
text, so every offset in the example is exact.
"""

from __future__ import annotations

from corroborate.records import (
    Article,
    Claim,
    CopyEvidence,
    Figure,
    FigureMention,
    FigureValue,
    Mention,
    Paragraph,
    Quote,
    QuoteMention,
    QuoteVariant,
    ReadError,
    Removed,
    Report,
    SharedPassage,
    SourceGroup,
    StoryInfo,
    SummarySentence,
)

WIRE = (
    "Crack closes Velmora harbour bridge\n\n"
    "VELMORA — Engineers closed the Velmora harbour bridge on Tuesday after finding a 40 cm "
    "crack in a main girder, the city said.\n\n"
    "About 12,000 vehicles cross the bridge each day.\n\n"
    '"We will not reopen it until every girder has been checked," said Mayor Ilse Brandt.\n\n'
    "Repairs are expected to cost €4.5 million."
)
REPRINT = (
    "Velmora bridge shut\n\n"
    "VELMORA — Engineers closed the Velmora harbour bridge on Tuesday after finding a 40 cm "
    "crack in a main girder, the city said.\n\n"
    '"We will not reopen it until every girder has been checked," said Mayor Ilse Brandt.\n\n'
    "Related Articles\n\nFerry fares to rise | Ports <script>alert(1)</script> news"
)
LEDGER = (
    "Velmora's main bridge closed indefinitely\n\n"
    "The harbour bridge in Velmora was shut on Tuesday after inspectors found a crack in a "
    "girder.\n\n"
    'Mayor Ilse Brandt said the bridge would not reopen "until every single girder has been '
    'checked", according to a council transcript.\n\n'
    "The repair bill could reach €6 million, officials estimate.\n\n"
    "Traffic | detours: <b>use the north ring road</b> & expect delays."
)
POST = (
    "Bridge closure snarls Velmora traffic\n\n"
    "Engineers shut the harbour bridge on Tuesday because of a crack in one girder.\n\n"
    "Brandt said the bridge would stay closed until all girders were checked.\n\n"
    "Roughly 12,000 vehicles a day now need another route, the transport office said.\n\n"
    "Share this article | Subscribe"
)


def example_report() -> Report:
    """A report on an invented bridge closure, with every section filled."""
    articles = _articles()
    by_id = {a.id: a for a in articles}
    return Report(
        generated_at="2026-03-04T09:30:00+00:00",
        story=StoryInfo(
            id="s-example",
            title="Crack closes Velmora harbour bridge",
            article_count=4,
            independent_sources=3,
        ),
        articles=articles,
        source_groups=_groups(by_id),
        claims=_claims(by_id),
        quotes=_quotes(by_id),
        figures=_figures(by_id),
        exclusive={"a-ledger": ["c-cost-range"], "a-post": ["c-detour"]},
        omitted={"a-post": ["c-cost"]},
        summary=_summary(by_id),
        errors=[ReadError("feeds/broken.jsonl:3", "line 3 is not a JSON object")],
    )


def _article(
    id_: str, outlet: str | None, source: str, text: str, junk: str | None = None
) -> Article:
    """An article whose first line is its title; `junk` starts the part that was removed."""
    cut = text.index(junk) if junk else len(text)
    removed = [Removed(cut, len(text), "after the end of the story", text[cut:])] if junk else []
    paragraphs: list[Paragraph] = []
    start = 0
    for block in text[:cut].split("\n\n"):
        if block.strip():
            paragraphs.append(Paragraph(start, start + len(block.rstrip())))
        start += len(block) + 2
    return Article(
        id=id_,
        source=source,
        text=text,
        title=text.split("\n", 1)[0],
        outlet=outlet,
        published="2026-03-03",
        removed=removed,
        paragraphs=paragraphs[1:],
        source_group=id_,
    )


def _articles() -> list[Article]:
    wire = _article("a-wire", "Coastal Wire", "https://wire.example/velmora-bridge", WIRE)
    reprint = _article(
        "a-reprint", "Velmora Daily", "pages/velmora-daily.html", REPRINT, "Related Articles"
    )
    reprint.source_group, reprint.copy_of = "a-wire", "a-wire"
    ledger = _article("a-ledger", "Northern Ledger", "pages/ledger.txt", LEDGER)
    post = _article("a-post", None, "feeds/post.jsonl", POST, "Share this article")
    return [wire, reprint, ledger, post]


def span(article: Article, text: str) -> tuple[int, int]:
    """The offsets of `text` in the article (it must be there)."""
    start = article.text.index(text)
    return start, start + len(text)


def mention(article: Article, text: str) -> Mention:
    return Mention(article.id, *span(article, text), text)


def _groups(by_id: dict[str, Article]) -> list[SourceGroup]:
    wire, reprint = by_id["a-wire"], by_id["a-reprint"]
    passage = "Engineers closed the Velmora harbour bridge on Tuesday"
    start, end = span(reprint, passage)
    origin_start, origin_end = span(wire, passage)
    evidence = CopyEvidence(
        "a-reprint",
        "a-wire",
        "abridged",
        0.91,
        [SharedPassage(start, end, origin_start, origin_end, 1.0)],
    )
    return [
        SourceGroup("a-wire", ["a-wire", "a-reprint"], "a-wire", [evidence]),
        SourceGroup("a-ledger", ["a-ledger"], "a-ledger"),
        SourceGroup("a-post", ["a-post"], "a-post"),
    ]


def _claims(by_id: dict[str, Article]) -> list[Claim]:
    wire, reprint, ledger, post = (by_id[k] for k in ("a-wire", "a-reprint", "a-ledger", "a-post"))
    closed = [
        mention(
            wire,
            "Engineers closed the Velmora harbour bridge on Tuesday after finding a 40 cm "
            "crack in a main girder, the city said.",
        ),
        mention(reprint, "Engineers closed the Velmora harbour bridge on Tuesday"),
        mention(
            ledger,
            "The harbour bridge in Velmora was shut on Tuesday after inspectors found "
            "a crack in a girder.",
        ),
        mention(
            post, "Engineers shut the harbour bridge on Tuesday because of a crack in one girder."
        ),
    ]
    return [
        Claim(
            "c-closed",
            "The harbour bridge was closed on Tuesday after a crack was found in a girder.",
            "corroborated",
            3,
            closed,
        ),
        Claim(
            "c-cost",
            "Repairs will cost €4.5 million.",
            "disputed",
            2,
            [
                mention(wire, "Repairs are expected to cost €4.5 million."),
                mention(ledger, "The repair bill could reach €6 million, officials estimate."),
            ],
            reason="the Northern Ledger puts the cost at €6 million",
        ),
        Claim(
            "c-cost-range",
            "Officials estimate the bill could reach €6 million.",
            "single-source",
            1,
            [mention(ledger, "The repair bill could reach €6 million, officials estimate.")],
        ),
        Claim(
            "c-detour",
            "About 12,000 vehicles a day need another route.",
            "single-source",
            1,
            [
                mention(
                    post,
                    "Roughly 12,000 vehicles a day now need another route, the "
                    "transport office said.",
                )
            ],
        ),
    ]


def _quotes(by_id: dict[str, Article]) -> list[Quote]:
    wire, reprint, ledger, post = (by_id[k] for k in ("a-wire", "a-reprint", "a-ledger", "a-post"))
    canonical = "We will not reopen it until every girder has been checked"
    ledger_words = "until every single girder has been checked"
    post_words = "Brandt said the bridge would stay closed until all girders were checked."

    def quoted(
        article: Article, words: str, speaker: str, via: str | None = None, **how: bool
    ) -> QuoteMention:
        s_start, s_end = span(article, speaker)
        start, end = span(article, words)
        pieces = [[start, end]] if how.get("direct", True) else []
        v_start, v_end = span(article, via) if via else (None, None)
        return QuoteMention(
            article.id, start, end, words, speaker, s_start, s_end, pieces=pieces,
            attribution="cue", via_text=via, via_start=v_start, via_end=v_end, **how,
        )  # fmt: skip

    return [
        Quote(
            "q-brandt",
            "Ilse Brandt",
            canonical,
            3,
            variants=[
                QuoteVariant(canonical, ["a-wire", "a-reprint"], 1),
                QuoteVariant(ledger_words, ["a-ledger"], 1, partial=True),
                QuoteVariant(post_words, ["a-post"], 1),
            ],
            mentions=[
                quoted(wire, canonical, "Mayor Ilse Brandt"),
                quoted(reprint, canonical, "Mayor Ilse Brandt"),
                quoted(
                    ledger, ledger_words, "Mayor Ilse Brandt", "a council transcript", partial=True
                ),
                quoted(post, post_words, "Brandt", direct=False),
            ],
            speaker_role="Mayor of Velmora",
            flags=["paraphrased by one outlet"],
        )
    ]


def _figures(by_id: dict[str, Article]) -> list[Figure]:
    wire, ledger, post = by_id["a-wire"], by_id["a-ledger"], by_id["a-post"]

    def value(
        article: Article, number: float, written: str, sentence: str, approx: bool
    ) -> FigureValue:
        start, end = span(article, written)
        return FigureValue(
            number,
            written,
            approx,
            articles=[article.id],
            mentions=[FigureMention(article.id, start, end, written, written, sentence=sentence)],
            independent_sources=1,
        )

    vehicles = "About 12,000 vehicles cross the bridge each day."
    return [
        Figure(
            "f-traffic",
            "vehicles crossing the bridge per day",
            "vehicles",
            "agree",
            [
                value(wire, 12_000.0, "About 12,000", vehicles, True),
                value(
                    post,
                    12_000.0,
                    "Roughly 12,000",
                    "Roughly 12,000 vehicles a day now need another "
                    "route, the transport office said.",
                    True,
                ),
            ],
        ),
        Figure(
            "f-cost",
            "repair cost",
            "EUR",
            "conflict",
            [
                value(
                    wire,
                    4_500_000.0,
                    "€4.5 million",
                    "Repairs are expected to cost €4.5 million.",
                    False,
                ),
                value(
                    ledger,
                    6_000_000.0,
                    "€6 million",
                    "The repair bill could reach €6 million, officials estimate.",
                    True,
                ),
            ],
            reason="€4.5 million and €6 million do not agree within their precision",
        ),
    ]


def _summary(by_id: dict[str, Article]) -> list[SummarySentence]:
    wire, post = by_id["a-wire"], by_id["a-post"]
    first = (
        "Engineers closed the Velmora harbour bridge on Tuesday after finding a 40 cm crack in "
        "a main girder, the city said."
    )
    second = "Roughly 12,000 vehicles a day now need another route, the transport office said."
    return [
        SummarySentence(
            first, "a-wire", *span(wire, first), ["c-closed"], ["a-wire", "a-ledger", "a-post"]
        ),
        SummarySentence(second, "a-post", *span(post, second), ["c-detour"], ["a-post"]),
    ]
