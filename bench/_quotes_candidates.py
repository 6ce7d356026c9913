"""The learned speaker-choice study of bench_quotes.py (`--candidates`): every speaker the
rules could propose for each matched quote, and a logistic regression choosing among them."""

from __future__ import annotations

from typing import Any

from _polnear import Gold, Prediction, length, matches, shared, speaker_right
from corroborate.nlp import Resources
from corroborate.quotes import candidates
from corroborate.quotes.extract import parsed_paragraphs, quotes_of_article
from corroborate.quotes.people import PersonRegistry
from corroborate.quotes.resolve import person_names
from corroborate.records import Article

# One matched quote of the candidate study: its article, and per candidate its features,
# whether the scorer accepts it, and whether the rules chose it.
Row = tuple[int, list[tuple[list[float], bool, bool]]]


def candidate_rows(
    articles: list[Article], golds: list[list[Gold]], resources: Resources
) -> list[Row]:
    """The candidates of every quote matched to a gold quote that has a Source."""
    rows: list[Row] = []
    for a, (article, gold) in enumerate(zip(articles, golds, strict=True)):
        paras = parsed_paragraphs(article, resources.paragraph_docs(article))
        registry = PersonRegistry()
        registry.build(person_names(paras))
        quotes_of_article(article, paras, registry, _observer(a, gold, rows))
    return rows


def _observer(a: int, gold: list[Gold], rows: list[Row]) -> Any:
    """Adds a row for each quote of article `a` that matches a gold quote with a Source."""

    def observe(span: Any, paras: Any, quoted: Any, choice: Any, before: Any, resolve: Any) -> None:
        content = [(p.start, p.end) for p in span.pieces]
        hits = [g for g in gold if matches(content, g.content)]
        if not hits:
            return
        best = max(hits, key=lambda g: (shared(content, g.content), -length(g.content)))
        if not best.source:
            return
        found = []
        for c in candidates.collect(span, paras, quoted, choice, before):
            said = Prediction(content, [(c.speaker.start, c.speaker.end)], resolve(c.speaker)[1])
            right = speaker_right(said, best)
            found.append((candidates.features(c, span, paras), right, "choice" in c.rules))
        rows.append((a, found))

    return observe


def candidate_study(rows: list[Row]) -> dict[str, float]:
    """Rules vs a logistic regression choosing among the candidates (5-fold CV by article)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    flat = [(f, ok, q, a) for q, (a, found) in enumerate(rows) for f, ok, _ in found]
    x = np.array([f for f, *_ in flat])
    y = np.array([ok for _, ok, _, _ in flat], dtype=int)
    quote = np.array([q for _, _, q, _ in flat])
    scores = np.zeros(len(y))
    for train, test in GroupKFold(5).split(x, y, [a for *_, a in flat]):
        model = LogisticRegression(C=1.0, max_iter=3000).fit(x[train], y[train])
        scores[test] = model.predict_proba(x[test])[:, 1]
    counts = {"rules": 0, "model_where_rules_chose": 0, "fills": 0, "fills_right": 0, "oracle": 0}
    for q, (_, found) in enumerate(rows):
        if not found:
            continue
        pick = found[int(np.argmax(scores[quote == q]))]
        chose = any(c for *_, c in found)
        counts["rules"] += any(ok and c for _, ok, c in found)
        counts["oracle"] += any(ok for _, ok, _ in found)
        counts["model_where_rules_chose"] += pick[1] and chose
        counts["fills"] += not chose
        counts["fills_right"] += pick[1] and not chose
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
