"""One outlet is one source: its follow-up articles join its source group.

Copies make one source of several outlets' articles; an outlet's own second article on the
story (Tuesday's report and Wednesday's update, a live page and its write-up) is no copy, yet
it is not independent of the first either: the same newsroom cannot corroborate itself. So
after the copy groups are formed, groups whose articles share an outlet become one group, and
the joined article's evidence says why (kind `SAME_OUTLET`, no shared passages). `copy_of`
is left as the copies stage set it: a follow-up copies nobody.

Outlets are compared by name, case and spacing aside and without a leading "The". An article
whose outlet no one named joins nothing, since two unnamed sources may well be two: one with no
outlet, and one whose outlet is only its input's file name (the rows of a JSON-lines export
without an `outlet` field all take the file's name, yet may be many outlets' articles).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from corroborate.read.article import outlet_from
from corroborate.records import SAME_OUTLET, Article, CopyEvidence, SourceGroup


def outlet_key(outlet: str | None) -> str | None:
    """The name two articles of one outlet share ("The Ledger" and "the  ledger" alike)."""
    if not outlet:
        return None
    key = " ".join(outlet.casefold().split())
    key = key.removeprefix("the ")
    return key or None


def named_outlet(article: Article) -> str | None:
    """The article's `outlet_key` when its page, metadata or URL named the outlet; None when
    the outlet is only the name of the file it was read from (or "stdin")."""
    key = outlet_key(article.outlet)
    if key is None or key == outlet_key(outlet_from(None, None, article.source)):
        return None
    return key


def join_outlets(groups: Sequence[SourceGroup], articles: Sequence[Article]) -> list[SourceGroup]:
    """`groups` with every two groups that hold articles of one outlet made one, in the order
    of the earlier group (so the first group of an outlet, by the copies stage's order of
    origins, keeps its id and origin). Sets `source_group` on the articles that move."""
    if not groups:
        return []
    by_id = {a.id: a for a in articles}
    outlet_of = {a.id: named_outlet(a) for a in articles}  # once per article, not per group
    first_of: dict[str, int] = {}
    rows: list[int] = []
    columns: list[int] = []
    for index, group in enumerate(groups):
        for member in group.articles:
            key = outlet_of.get(member)
            if key is not None:
                rows.append(first_of.setdefault(key, index))
                columns.append(index)
    size = len(groups)
    links = coo_matrix((np.ones(len(rows)), (rows, columns)), shape=(size, size))
    _, labels = connected_components(links, directed=False)
    host_of: dict[int, int] = {}  # component -> its first group
    for index, label in enumerate(labels.tolist()):
        host_of.setdefault(label, index)
    joined: dict[int, SourceGroup] = {}
    for index, group in enumerate(groups):
        top = host_of[int(labels[index])]
        if top == index:
            joined[index] = SourceGroup(
                id=group.id,
                articles=list(group.articles),
                origin=group.origin,
                evidence=list(group.evidence),
            )
            continue
        host = joined[top]
        joiner, mate = _outlet_pair(group.articles, host.articles, outlet_of) or (
            group.origin,
            host.origin,
        )
        host.articles.extend(group.articles)
        host.evidence.append(
            CopyEvidence(article=joiner, origin=mate, kind=SAME_OUTLET, similarity=0.0)
        )
        host.evidence.extend(group.evidence)
        for member in group.articles:
            if member in by_id:
                by_id[member].source_group = host.id
    return list(joined.values())


def _outlet_pair(
    joining: Sequence[str], host: Sequence[str], outlet_of: Mapping[str, str | None]
) -> tuple[str, str] | None:
    """An article of the joining group and one of the host with the same outlet: the pair
    the evidence names (the host may hold it only through a third group joined before)."""
    keys = {outlet_of.get(m): m for m in reversed(host)}
    for member in joining:
        key = outlet_of.get(member)
        if key is not None and key in keys:
            return member, keys[key]
    return None
