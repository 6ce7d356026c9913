"""From verified copy relations to source groups, origins, evidence and borrowed passages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from corroborate.copies.detector import DocInfo, is_dated, partial_rank, pick_origin, relate
from corroborate.copies.settings import CopySettings
from corroborate.copies.verify import CopyMatch
from corroborate.records import Borrowed, CopyEvidence


@dataclass(slots=True)
class CopyGroup:
    """One independent source: an origin and its whole copies, with the evidence for each."""

    origin: str
    members: list[str]
    evidence: list[CopyMatch] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"g-{self.origin}"


def group_matches(
    docs: Sequence[DocInfo],
    matches: Sequence[CopyMatch],
    settings: CopySettings,
    *,
    realign: bool = True,
) -> list[CopyGroup]:
    """Connected components of the whole-copy relations, each with its origin.

    The origin is the earliest published, else the most complete member; partial copies never
    join a group, so they never become the origin of a wire story. With `realign`, a member
    linked to the origin only through another copy is aligned with the origin itself, so that
    its evidence names passages of the origin.
    """
    by_id = {d.id: d for d in docs}
    parent = {d.id: d.id for d in docs}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for match in matches:
        if match.whole:
            a, b = root(match.copy), root(match.origin)
            if a != b:
                parent[max(a, b)] = min(a, b)
    members: dict[str, list[str]] = {}
    for doc in docs:
        members.setdefault(root(doc.id), []).append(doc.id)
    whole_of: dict[str, list[CopyMatch]] = {}
    for match in matches:
        if match.whole:
            whole_of.setdefault(match.copy, []).append(match)
            whole_of.setdefault(match.origin, []).append(match)
    groups = []
    for ids in members.values():
        origin = pick_origin([by_id[i] for i in sorted(ids)]).id
        group = CopyGroup(origin=origin, members=sorted(ids))
        group.evidence = _evidence(group, whole_of, by_id, settings, realign)
        groups.append(group)
    groups.sort(key=lambda g: (-len(g.members), -by_id[g.origin].words, g.origin))
    return groups


def _evidence(
    group: CopyGroup,
    whole_of: dict[str, list[CopyMatch]],
    by_id: dict[str, DocInfo],
    settings: CopySettings,
    realign: bool,
) -> list[CopyMatch]:
    inside = set(group.members)
    found = []
    for member in group.members:
        if member == group.origin:
            continue
        own = whole_of[member]
        direct = [m for m in own if {m.copy, m.origin} == {member, group.origin}]
        match = direct[0] if direct and direct[0].copy == member else None
        if match is None and realign:
            match = relate(by_id[member], by_id[group.origin], settings)
            if match is not None and match.copy != member:
                match = None  # aligned but ranked the other way: keep the linking match
        if match is None:
            linking = [m for m in own if m.copy == member and m.origin in inside]
            match = linking[0] if linking else own[0].flipped()  # read from this member's side
        found.append(match)
    return found


def partial_matches(
    docs: Sequence[DocInfo], matches: Sequence[CopyMatch], groups: Sequence[CopyGroup]
) -> list[CopyMatch]:
    """Partial copies between articles of different groups (within a group they are moot).

    Each is turned so that the article of the larger group (the reprinted wire story) is the
    origin, and an article that took the same passages from several copies of one story keeps
    one relation per group, with the group's origin where it matched it.
    """
    by_id = {d.id: d for d in docs}
    group_of = {m: g for g in groups for m in g.members}
    found: list[tuple[CopyMatch, str]] = []
    for m in matches:
        if m.whole or group_of[m.copy] is group_of[m.origin]:
            continue
        copy, origin = by_id[m.copy], by_id[m.origin]
        dated = is_dated(copy, origin)
        if partial_rank(copy, dated, len(group_of[m.copy].members)) < partial_rank(
            origin, dated, len(group_of[m.origin].members)
        ):
            m = m.flipped()
        found.append((m, group_of[m.origin].origin))
    return best_per_group(found)


def best_per_group(partials: Sequence[tuple[CopyMatch, str]]) -> list[CopyMatch]:
    """One partial relation per (copy, origin group): with the group's origin where it matched
    it, else the most similar. `partials` pairs each match with its origin's group origin."""
    best: dict[tuple[str, str], tuple[tuple[bool, float, str], CopyMatch]] = {}
    for m, group_origin in partials:
        rank = (m.origin != group_origin, -m.similarity, m.origin)
        key = (m.copy, group_origin)
        if key not in best or rank < best[key][0]:
            best[key] = (rank, m)
    return [best[k][1] for k in sorted(best)]


def borrowed_spans(partials: Sequence[CopyMatch], article: str) -> list[Borrowed]:
    """The passages `article` took from other articles, best first where two overlap."""
    candidates = [
        (p.similarity * (p.end - p.start), p, m.origin)
        for m in partials
        if m.copy == article
        for p in m.passages
    ]
    candidates.sort(key=lambda c: (-c[0], c[1].start, c[2]))
    kept: list[Borrowed] = []
    for _, passage, origin in candidates:
        if any(passage.start < k.end and k.start < passage.end for k in kept):
            continue
        kept.append(
            Borrowed(passage.start, passage.end, origin, passage.origin_start, passage.origin_end)
        )
    kept.sort(key=lambda b: (b.start, b.end))
    return kept


def to_evidence(match: CopyMatch) -> CopyEvidence:
    return CopyEvidence(
        article=match.copy,
        origin=match.origin,
        kind=match.kind,
        similarity=match.similarity,
        passages=list(match.passages),
    )


def relate_all(
    docs: Sequence[DocInfo], pairs: Sequence[tuple[str, str]], settings: CopySettings
) -> list[CopyMatch]:
    """Verify candidate pairs among documents already in memory."""
    by_id = {d.id: d for d in docs}
    found = (relate(by_id[x], by_id[y], settings) for x, y in sorted(pairs))
    return [m for m in found if m is not None]
