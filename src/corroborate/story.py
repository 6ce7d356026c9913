"""One story: run the stages in order over its articles and gather a Report."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime

from corroborate.claims import align_claims, find_exclusives
from corroborate.claims.figured import dispute_figures
from corroborate.clean import clean_articles
from corroborate.copies import find_copies, join_outlets
from corroborate.figures import build_ledger
from corroborate.nlp import Resources
from corroborate.quotes import find_quotes
from corroborate.read import read_inputs
from corroborate.records import Article, ReadError, Report, StoryInfo
from corroborate.segment import segment_article
from corroborate.settings import Settings
from corroborate.summary import summarise
from corroborate.summary.cited import uncite_rivals


def report(
    inputs: Iterable[str],
    *,
    settings: Settings | None = None,
    resources: Resources | None = None,
) -> Report:
    """Read the inputs as the coverage of one story and build its report.

    Inputs that cannot be read are listed in `Report.errors`; the rest go on.
    """
    articles: list[Article] = []
    errors: list[ReadError] = []
    for item in read_inputs(inputs):
        if isinstance(item, ReadError):
            errors.append(item)
        else:
            articles.append(item)
    return build_report(articles, errors=errors, settings=settings, resources=resources)


def build_report(
    articles: list[Article],
    *,
    errors: Sequence[ReadError] = (),
    settings: Settings | None = None,
    resources: Resources | None = None,
    story_id: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> Report:
    """Run every stage over articles already read, in the order of the data flow.

    `progress`, if given, is called with each stage's name (`STAGES`) as the stage begins.
    """
    settings = settings or Settings()
    resources = resources or Resources(settings)
    stage = progress or (lambda name: None)
    articles = _unique(articles)
    stage("cleaning")
    clean_articles(articles, use_others=settings.use_other_articles_for_cleaning)
    stage("copies")
    for article in articles:
        segment_article(article)
    # Copies make one source of several outlets; an outlet's own follow-up is no copy, but the
    # same newsroom cannot corroborate itself: one outlet is one source.
    groups = join_outlets(find_copies(articles), articles)
    stage("parsing")
    resources.parse_all(articles)  # one batched spaCy pass for every stage below
    # Quotes before claims: a quote and its paraphrase in another outlet are one claim, and the
    # claims stage reads that from the quotes rather than finding them a second time.
    stage("quotes")
    quotes = find_quotes(articles, resources)
    stage("claims")
    claims = align_claims(articles, resources, quotes)
    exclusive, omitted = find_exclusives(claims, articles, resources)
    stage("figures")
    figures = build_ledger(articles, resources)
    dispute_figures(claims, figures, articles)  # a figure in conflict disputes its claims
    stage("summary")
    summary = summarise(articles, claims, resources)
    uncite_rivals(summary, figures)  # "12 killed" never cites an outlet that says 15
    info = StoryInfo(
        id=story_id or make_story_id(articles),
        title=_story_title(articles, {g.origin: len(g.articles) for g in groups}),
        article_count=len(articles),
        independent_sources=len(groups),
    )
    return Report(
        generated_at=datetime.now(UTC).isoformat(timespec="seconds"),
        story=info,
        articles=articles,
        source_groups=groups,
        claims=claims,
        quotes=quotes,
        figures=figures,
        exclusive=exclusive,
        omitted=omitted,
        summary=summary,
        errors=list(errors),
    )


# The stages `build_report` names to its `progress` callback, in order.
STAGES = ("cleaning", "copies", "parsing", "quotes", "claims", "figures", "summary")


def make_story_id(articles: Sequence[Article]) -> str:
    """A stable id for a set of articles: the same articles give the same id in any order."""
    digest = hashlib.sha1("\n".join(sorted(a.id for a in articles)).encode()).hexdigest()
    return f"s-{digest[:12]}"


def _unique(articles: list[Article]) -> list[Article]:
    """The same article given twice (same content-derived id) is kept once."""
    seen: dict[str, Article] = {}
    for article in articles:
        seen.setdefault(article.id, article)
    return list(seen.values())


def _story_title(articles: Sequence[Article], origins: dict[str, int]) -> str | None:
    """The title of the origin article that most others copy (a wire story), else of the
    earliest origin that has one. By date alone, same-day articles went by their file names:
    a story was titled by the one outlet whose figure clashed with all the others ("18 homes
    empty" against the wire's and its reprint's 14)."""
    titled = [a for a in articles if a.title]
    if not titled:
        return None
    titled.sort(
        key=lambda a: (a.id not in origins, -origins.get(a.id, 0), a.published or "9999", a.source)
    )
    return titled[0].title
