"""The learned speaker-choice study (bench_quotes.py `--candidates`, bench/fit_quotes.py):
every speaker the rules could propose for each matched quote, labelled right or wrong as the
scorer would, and models choosing among them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from _polnear import Gold, Prediction, length, matches, shared, speaker_right
from _quotes_via import is_outer
from corroborate.nlp import Resources
from corroborate.quotes import candidates
from corroborate.quotes.extract import parsed_paragraphs, quotes_of_article
from corroborate.quotes.people import PersonRegistry
from corroborate.quotes.resolve import person_names
from corroborate.records import Article

PRONOUN_SOURCES = frozenset(
    "he she it they i we you his her its their him them me us our my who which that".split()
)


@dataclass(slots=True)
class Choice:
    """One candidate speaker of one quote."""

    features: list[float]
    right: bool  # the scorer accepts it
    chosen: bool  # the rules chose it
    name: str | None  # what it resolves to (a name or a label)


@dataclass(slots=True)
class Row:
    """One quote matched to a gold quote that has a Source, with its candidates."""

    article: int
    outer: bool  # the gold Source is an outer source ("according to the Post"): we give a via
    pronoun: bool  # the gold Source is a pronoun (it names no antecedent)
    found: list[Choice] = field(default_factory=list)


def candidate_rows(
    articles: list[Article], golds: list[list[Gold]], resources: Resources
) -> list[Row]:
    """The candidates of every quote matched to a gold quote that has a Source."""
    rows: list[Row] = []
    for a, (article, gold) in enumerate(zip(articles, golds, strict=True)):
        paras = parsed_paragraphs(article, resources.paragraph_docs(article))
        registry = PersonRegistry()
        registry.build(person_names(paras))
        quotes_of_article(article, paras, registry, _observer(a, article.text, gold, rows))
    return rows


def _observer(a: int, text: str, gold: list[Gold], rows: list[Row]) -> Any:
    """Adds a row for each quote of article `a` that matches a gold quote with a Source."""

    def observe(span: Any, paras: Any, quoted: Any, choice: Any, before: Any, resolve: Any) -> None:
        content = [(p.start, p.end) for p in span.pieces]
        hits = [g for g in gold if matches(content, g.content)]
        if not hits:
            return
        best = max(hits, key=lambda g: (shared(content, g.content), -length(g.content)))
        if not best.source:
            return
        pronoun = best.source_text.strip().lower() in PRONOUN_SOURCES
        row = Row(a, is_outer(best.source, text), pronoun)
        found = candidates.collect(span, paras, quoted, choice, before)
        for c in found:
            name = resolve(c.speaker)[1]
            said = Prediction(content, [(c.speaker.start, c.speaker.end)], name)
            numbers = candidates.features(c, span, paras, quoted, found)
            row.found.append(Choice(numbers, speaker_right(said, best), "choice" in c.rules, name))
        rows.append(row)

    return observe


def error_causes(rows: list[Row]) -> dict[str, int]:
    """The rules' speaker errors grouped by cause: what a choice among the candidates could
    fix (another candidate is right) and what it could not."""
    counts = {
        "right": 0,
        "no_speaker_candidate_right": 0,
        "no_speaker_none_right": 0,
        "outer_source": 0,
        "pronoun_same_person": 0,
        "pronoun_other_candidate_right": 0,
        "pronoun_none_right": 0,
        "other_candidate_right": 0,
        "none_right": 0,
    }
    for row in rows:
        chosen = [c for c in row.found if c.chosen]
        right = [c for c in row.found if c.right]
        if chosen and chosen[0].right:
            key = "right"
        elif not chosen:
            key = "no_speaker_candidate_right" if right else "no_speaker_none_right"
        elif row.outer:
            key = "outer_source"  # wrong by design: the outer source is the quote's via
        elif row.pronoun and any(c.name and c.name == chosen[0].name for c in right):
            key = "pronoun_same_person"  # the gold marks another mention of our speaker
        elif row.pronoun:
            key = "pronoun_other_candidate_right" if right else "pronoun_none_right"
        else:
            key = "other_candidate_right" if right else "none_right"
        counts[key] += 1
    return counts


def candidate_study(rows: list[Row]) -> dict[str, float]:
    """Rules vs a logistic regression choosing among the candidates (5-fold CV by article)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    rows = [r for r in rows if r.found]
    flat = [(c, q, r.article) for q, r in enumerate(rows) for c in r.found]
    x = np.array([c.features for c, _, _ in flat])
    y = np.array([c.right for c, _, _ in flat], dtype=int)
    quote = np.array([q for _, q, _ in flat])
    scores = np.zeros(len(y))
    for train, test in GroupKFold(5).split(x, y, [a for *_, a in flat]):
        model = LogisticRegression(C=1.0, max_iter=3000).fit(x[train], y[train])
        scores[test] = model.predict_proba(x[test])[:, 1]
    counts = {"rules": 0, "model_where_rules_chose": 0, "fills": 0, "fills_right": 0, "oracle": 0}
    for q, row in enumerate(rows):
        pick = row.found[int(np.argmax(scores[quote == q]))]
        chose = any(c.chosen for c in row.found)
        counts["rules"] += any(c.right and c.chosen for c in row.found)
        counts["oracle"] += any(c.right for c in row.found)
        counts["model_where_rules_chose"] += pick.right and chose
        counts["fills"] += not chose
        counts["fills_right"] += pick.right and not chose
    n = len(rows)
    return {
        "quotes": float(n),
        "rules_accuracy": counts["rules"] / n,
        "model_cv_accuracy_where_rules_chose": counts["model_where_rules_chose"] / n,
        "model_cv_accuracy_with_fills": (counts["model_where_rules_chose"] + counts["fills_right"])
        / n,
        "fills": float(counts["fills"]),
        "fills_right": float(counts["fills_right"]),
        "oracle_accuracy": counts["oracle"] / n,
    }
