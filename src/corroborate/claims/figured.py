"""Disputes the figure ledger finds: one figure given rival values by two independent sources.

The figure stage (`figures.build_ledger`) joins the mentions of one figure across articles with
a model fitted on labelled figure pairs, and marks a figure `conflict` when independent sources
give it values that do not agree ("Ellor climbed twelve places" / "Ellor University rose
nineteen places"). It rarely does so falsely (0 false conflicts on its development
stories), and it reads what a figure counts with its own, learned, evidence, where the claims'
dispute tests want one verb or one doer on both sides. So a claim holding one side of such a
conflict is disputed too, and its reason names the other claim, both outlets and both
sentences, as a dispute between two claims does (`cross`).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from corroborate.claims.cross import SHOWN_CHARS
from corroborate.claims.disputes import REASON_PAIRS
from corroborate.claims.earlier import one_looks_back
from corroborate.claims.rivals import as_rounded, figures_reason
from corroborate.figures.extract import read_quantities
from corroborate.figures.values import same_dimension, values_agree
from corroborate.records import Article, Claim, Figure, FigureMention

__all__ = ["dispute_figures"]


def dispute_figures(
    claims: list[Claim], figures: Sequence[Figure], articles: Sequence[Article]
) -> None:
    """Mark disputed each claim holding a value of a figure in conflict whose rival value,
    from another source group, another claim or the same one holds; add the clash to its
    reason unless the reason already names that pair of outlets (at most REASON_PAIRS)."""
    by_id = {a.id: a for a in articles}
    for figure in figures:
        if figure.status != "conflict" or figure.updated:
            continue
        for v, w in combinations(figure.values, 2):
            for m in v.mentions:
                for n in w.mentions:
                    _mark(claims, by_id, (m, v.as_written), (n, w.as_written))


def _mark(
    claims: list[Claim],
    articles: dict[str, Article],
    first: tuple[FigureMention, str],
    second: tuple[FigureMention, str],
) -> None:
    (m, value_m), (n, value_n) = first, second
    a, b = articles.get(m.article), articles.get(n.article)
    if a is None or b is None or (a.source_group or a.id) == (b.source_group or b.id):
        return
    if _rounded_alike(value_m, value_n):
        return  # "$2bn" / "$2.3bn": one rounded within its precision
    if one_looks_back(m.sentence, n.sentence):
        return  # "Prior to that, Ellor rose four places": an earlier occasion
    holder_m, holder_n = _holder(claims, m), _holder(claims, n)
    if holder_m is None or holder_n is None:
        return
    name_m, name_n = _outlet(a), _outlet(b)
    if name_m == name_n:
        return
    head = figures_reason(name_m, value_m, name_n, value_n)
    if holder_m is holder_n:
        _add(holder_m, head, (name_m, name_n))
        return
    shown = f"{name_m}: {_quoted(m)} / {name_n}: {_quoted(n)}"
    _add(holder_m, f"{head}, against claim {holder_n.id} — {shown}", (name_m, name_n))
    _add(holder_n, f"{head}, against claim {holder_m.id} — {shown}", (name_m, name_n))


def _rounded_alike(x: str, y: str) -> bool:
    """The two values agree once each is read to the precision it is written with (as the
    claims' own figure tests read them: `rivals.as_rounded`)."""
    found_x, found_y = read_quantities(x), read_quantities(y)
    if len(found_x) != 1 or len(found_y) != 1:
        return False
    p, q = as_rounded(found_x[0]), as_rounded(found_y[0])
    return same_dimension(p, q) and values_agree(p, q)


def _holder(claims: list[Claim], mention: FigureMention) -> Claim | None:
    """The claim with a mention over the figure (the one over most of its sentence first)."""
    best: tuple[int, Claim] | None = None
    start = mention.sentence_start if mention.sentence_start is not None else mention.start
    end = mention.sentence_end if mention.sentence_end is not None else mention.end
    for claim in claims:
        for own in claim.mentions:
            if own.article != mention.article:
                continue
            if not (own.start < mention.end and mention.start < own.end):
                continue
            overlap = min(end, own.end) - max(start, own.start)
            if best is None or overlap > best[0]:
                best = (overlap, claim)
    return best[1] if best else None


def _add(claim: Claim, clash: str, outlets: tuple[str, str]) -> None:
    reason = claim.reason or ""
    parts = [p for p in reason.split("; ") if p]
    if len(parts) >= REASON_PAIRS or all(name in reason for name in outlets):
        return  # the reason already sets these two outlets against each other, or is full
    claim.status = "disputed"
    claim.reason = "; ".join([*parts, clash]) if reason else clash


def _outlet(article: Article) -> str:
    return article.outlet or article.id


def _quoted(mention: FigureMention) -> str:
    text = " ".join((mention.sentence or mention.text).split())
    if len(text) > SHOWN_CHARS:
        text = text[: SHOWN_CHARS - 1].rstrip() + "…"
    return f"“{text}”"
