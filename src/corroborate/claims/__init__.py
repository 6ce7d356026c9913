"""Claims: sentences across articles that state the same fact, with independent support.

`align_claims` groups sentences (see `align`), counts each claim's independent sources through
`corroborate.sources` (copies count once), and gives each claim a status: `corroborated` (two or
more independent sources), `disputed` (sources state incompatible versions: one negates what
another states, they give different figures, or they name different doers of the same act;
the reason names both; see `disputes`), else `single-source`.
`find_exclusives` lists, per source group, the claims only it reports and those it omits although
most other groups carry them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence

import numpy as np

from corroborate.claims.align import Alignment, Unit, align_units, core_words
from corroborate.claims.blocked import Cosines
from corroborate.claims.cross import dispute_of
from corroborate.claims.disputes import FigureSubjects
from corroborate.claims.features import conflict
from corroborate.claims.omits import GroupStatements
from corroborate.claims.quoted import merge_quoted
from corroborate.claims.spans import distinct, mention_of
from corroborate.nlp import Resources
from corroborate.quotes import find_quotes
from corroborate.records import Article, Claim, ClaimStatus, Quote
from corroborate.sources import sources_of

STANDING_SHARE = 0.9  # of the medoid's mean cosine a self-contained wording needs to be shown
FRAGMENT = "…"  # put before a wording that is a clause without a subject of its own
# A claim restates a bigger one when each of its mentions has a mention of the other this
# close, and the two share RESTATED_WORDS core words, RESTATED_SHARE of its own (fitted by
# eye on the 36 ECB+ dev stories: 4 right merges, no wrong one; see the closing note).
RESTATED_COSINE = 0.7
RESTATED_WORDS = 3
RESTATED_SHARE = 0.4
# A claim that cannot be shown alone joins one it shares a sentence with when each of its
# clauses is this close to one of the other's wordings and they share this many core words.
SHOWABLE_COSINE = 0.45
SHOWABLE_WORDS = 2

__all__ = [
    "align_claims",
    "align_units",
    "balance_quotes",
    "claim_context",
    "claim_text",
    "find_exclusives",
    "group_key",
    "join_unshowable",
    "merge_restatements",
]


def align_claims(
    articles: list[Article], resources: Resources, quotes: Sequence[Quote] | None = None
) -> list[Claim]:
    """Group sentences that state the same fact across articles, best-supported claims first.

    `quotes` (the story's, from `corroborate.quotes.find_quotes`) tell which sentences quote
    or paraphrase one sentence of a statement; without them they are found here."""
    if quotes is None:
        quotes = find_quotes(articles, resources)
    alignment = align_units(articles, resources, quotes)
    by_id = {a.id: a for a in articles}
    merge_quoted(alignment, quotes, by_id)
    _drop_speaker_lines(alignment, quotes)
    _fold_lone_clauses(alignment)
    merge_restatements(alignment)
    join_unshowable(alignment)
    seen: set[int] = set()
    shared: set[int] = set()
    for cluster in alignment.clusters:
        shared.update(seen.intersection(cluster))
        seen.update(cluster)
    subjects = FigureSubjects(articles, resources)  # read on the first figure a dispute weighs
    claims = [_claim(alignment, cluster, by_id, shared, subjects) for cluster in alignment.clusters]
    claims.sort(key=lambda c: (-c.independent_sources, -len(c.mentions), _first(c)))
    return claims


def _drop_speaker_lines(alignment: Alignment, quotes: Sequence[Quote]) -> None:
    """A line that only names a quote's speaker ("Harriet Olawale, who lives opposite" under
    her words) states no fact of the story: the quote stage read it as the speaker, so it is
    no claim, and no outlet's exclusive. Only a sentence inside the speaker's span goes: a
    sentence that names the speaker and says something ("Tulliver, who runs the ferry, said
    it would close") reaches past the span."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for quote in quotes:
        for m in quote.mentions:
            if m.speaker_start is not None and m.speaker_end is not None:
                spans.setdefault(m.article, []).append((m.speaker_start, m.speaker_end))
    if not spans:
        return
    units = alignment.units
    dropped = {
        i
        for i, unit in enumerate(units)
        if any(_only_names(unit, start, end) for start, end in spans.get(unit.article.id, ()))
    }
    kept = [[i for i in cluster if i not in dropped] for cluster in alignment.clusters]
    alignment.clusters = [cluster for cluster in kept if cluster]


def _only_names(unit: Unit, start: int, end: int) -> bool:
    """The unit's sentence holds nothing outside the speaker's span but punctuation."""
    whole, text = unit.whole, unit.article.text
    if whole.end <= start or whole.start >= end:
        return False
    outside = text[whole.start : max(whole.start, start)] + text[min(whole.end, end) : whole.end]
    return not any(c.isalnum() for c in outside)


def _fold_lone_clauses(alignment: Alignment) -> None:
    """A clause that cannot stand alone and that no other source restates ("push Moscow to
    negotiate", also in a copy of its article) is no claim of its own: its sentence is shown
    through the claim of a piece of it that stands, rather than once more as this claim.

    That claim's mention is then the whole sentence, which states the claim, not the clause
    alone: "flooded Portvale and the villages around it" listed as a mention of "promised
    $4.2m in relief" read as support from another fact (`Unit.folded`, `spans.mention_of`)."""
    units, clusters = alignment.units, alignment.clusters
    home: dict[tuple[str, int], int] = {}  # sentence -> cluster of a piece of it that stands
    for k, cluster in enumerate(clusters):
        for i in cluster:
            if units[i].standalone:
                home.setdefault((units[i].article.id, units[i].whole.start), k)
    folded: set[int] = set()
    for k, cluster in enumerate(clusters):
        if any(units[i].standalone for i in cluster) or len({units[i].source for i in cluster}) > 1:
            continue
        found = [home.get((units[i].article.id, units[i].whole.start)) for i in cluster]
        targets = [t for t in found if t is not None and t != k]
        if len(targets) != len(cluster):
            continue
        for i, target in zip(cluster, targets, strict=True):
            clusters[target].append(i)
        for i in cluster:
            units[i].folded = True
        folded.add(k)
    alignment.clusters = [c for k, c in enumerate(clusters) if k not in folded]


def merge_restatements(alignment: Alignment) -> None:
    """Join a claim into a bigger one that every one of its outlets also states it in.

    An outlet often paraphrases a statement and then quotes it ("he said returning to the old
    borders was unrealistic" ... "“returning to the old borders is an unrealistic
    objective”"); the quotes cluster apart from the paraphrases. Joining clusters that merely
    share articles would snowball, so a claim joins only when all of these hold: its outlets
    are a subset of the other claim's, every one of its mentions has a mention of the other
    claim close in meaning (RESTATED_COSINE), the two share the core words of the fact
    (RESTATED_WORDS, RESTATED_SHARE), and no pair conflicts (a different figure or a
    negation is a dispute, not a restatement). Outlets a subset: the count cannot grow."""
    units, clusters = alignment.units, alignment.clusters
    cosines = Cosines(alignment.vectors)  # blocks computed when asked: no n x n matrix
    order = sorted(range(len(clusters)), key=lambda k: -len(clusters[k]))
    absorbed: set[int] = set()
    for small in reversed(order):
        b = clusters[small]
        articles_b = {units[i].article.id for i in b}
        if len(articles_b) < 2:
            continue
        for big in order:
            a = clusters[big]
            if big == small or big in absorbed or len(a) < len(b):
                continue
            if _restates(units, cosines, a, b, articles_b):
                a.extend(i for i in b if i not in a)
                absorbed.add(small)
                break
    alignment.clusters = [c for k, c in enumerate(clusters) if k not in absorbed]


def join_unshowable(alignment: Alignment) -> None:
    """Join a claim none of whose own wordings can stand alone into a claim it shares a
    sentence with, when that sentence states both and they say the same.

    "made clear the United States would not deploy troops" has no subject, so its claim
    would be shown as its whole sentence, which repeats other claims' facts; when a sentence
    of another outlet was placed in both claims (it holds the core words of each, see
    `align.add_contained`), the two are close in meaning and share core words (`_same_fact_as`)
    and no pair conflicts, the clause joins the claim that can be shown. Sources are the
    union of both claims' groups, counted through `sources_of` as for every claim."""
    units, clusters = alignment.units, alignment.clusters
    vectors = alignment.vectors
    holders: dict[int, list[int]] = {}
    for k, cluster in enumerate(clusters):
        for i in cluster:
            holders.setdefault(i, []).append(k)
    absorbed: set[int] = set()
    for k, cluster in enumerate(clusters):
        own = [i for i in cluster if len(holders[i]) == 1]
        if not own or any(units[i].standalone for i in own):
            continue
        others = {t for i in cluster for t in holders[i] if t != k and t not in absorbed}
        for target in sorted(others, key=lambda t: -len(clusters[t])):
            other = clusters[target]
            if not _same_fact_as(units, vectors, own, other):
                continue
            # only pairs close in their own right can clash ("would not deploy troops" and
            # "if these troops are deployed" are two facts of the claim, not two versions)
            if any(
                conflict(units[i].facts, units[j].facts)
                for i in own
                for j in other
                if float(vectors[i] @ vectors[j]) >= SHOWABLE_COSINE
            ):
                continue
            other.extend(i for i in cluster if i not in other)
            absorbed.add(k)
            break
    alignment.clusters = [c for k, c in enumerate(clusters) if k not in absorbed]


def _same_fact_as(units: list[Unit], vectors: np.ndarray, own: list[int], other: list[int]) -> bool:
    """Each clause has a wording of the other claim close to it (SHOWABLE_COSINE), and the
    two share the core words of the fact (names and "said" left out)."""
    if float((vectors[own] @ vectors[other].T).max(axis=1).min()) < SHOWABLE_COSINE:
        return False
    return len(core_words(units, own) & core_words(units, other)) >= SHOWABLE_WORDS


def _restates(
    units: list[Unit], cosines: Cosines, a: list[int], b: list[int], articles_b: set[str]
) -> bool:
    if not articles_b <= {units[i].article.id for i in a}:
        return False
    if float(cosines[np.ix_(a, b)].max(axis=0).min()) < RESTATED_COSINE:
        return False
    # Closeness alone is not enough (on ECB+ "hosted the Oscars in 2007" reaches 0.71 to "will
    # host the Oscars again"): the wording of the fact itself must be shared.
    core_b = core_words(units, b)
    shared = core_words(units, a) & core_b
    if len(shared) < RESTATED_WORDS or len(shared) < RESTATED_SHARE * len(core_b):
        return False
    return not any(conflict(units[i].facts, units[j].facts) for i in a for j in b)


def _claim(
    alignment: Alignment,
    cluster: list[int],
    by_id: Mapping[str, Article],
    shared: set[int],
    subjects: FigureSubjects | None = None,
) -> Claim:
    units = alignment.units
    ordered = sorted(cluster, key=lambda i: (units[i].article.id, units[i].sentence.start))
    mentions = distinct([mention_of(units[i]) for i in ordered])
    sources = sorted(sources_of(mentions, by_id))
    reason = dispute_of(alignment, ordered, subjects)
    status: ClaimStatus
    if reason:
        status = "disputed"
    elif len(sources) >= 2:
        status = "corroborated"
    else:
        status = "single-source"
    key = "|".join(f"{m.article}:{m.start}" for m in mentions)
    shown = units[_representative(alignment, ordered, shared)]
    return Claim(
        id="c-" + hashlib.sha1(key.encode()).hexdigest()[:10],
        text=claim_text(shown),
        context=claim_context(shown),
        status=status,
        independent_sources=len(sources),
        mentions=mentions,
        reason=reason,
        source_groups=sources,
    )


_SPACE_BEFORE = re.compile(r"\s+([,.;:!?”’])")
_REPEATED = re.compile(r"([,;:])\s*[,;:.]+")
_EDGE_WORDS = frozenset({"and", "but", "or", "while", "that", "as", "though", "whereas"})


def claim_text(unit: Unit) -> str:
    """The words of the piece that states the claim, tidied where a clause was cut out, with
    every quotation mark it opens closed and every one it closes opened.

    A clause that cannot stand alone ("push Moscow to negotiate", "which the council is due to
    approve") is shown as it is, after an ellipsis ("… swept through the lower town"), with its
    sentence as `claim_context`: its sentence as the headline would claim what no mention says.
    """
    if unit.sentence.text == unit.whole.text:
        return balance_quotes(unit.whole.text)
    text = _REPEATED.sub(r"\1", _SPACE_BEFORE.sub(r"\1", unit.display or unit.text))
    words = text.split()
    while True:
        before = len(words)
        while words and words[0].strip(",;:").lower() in _EDGE_WORDS | {""}:
            words.pop(0)
        while words and words[-1].strip(",;:.").lower() in _EDGE_WORDS | {""}:
            words.pop()
        if words:
            words[-1] = words[-1].rstrip(",;:")
        if len(words) == before:
            break
    text = balance_quotes(" ".join(words))
    if not text:
        return balance_quotes(unit.sentence.text)
    return text[:1].upper() + text[1:] if unit.standalone else f"{FRAGMENT} {text}"


def claim_context(unit: Unit) -> str | None:
    """The sentence a claim's wording was cut from, when the wording cannot stand alone."""
    if unit.standalone or unit.sentence.text == unit.whole.text:
        return None
    return balance_quotes(unit.whole.text)


_OPENING = {"“": "”", "«": "»", "‘": "’"}
_CLOSING = {close: open_ for open_, close in _OPENING.items()}
_DANGLING_END = re.compile(r"[\s,;:–—-]+$")  # what a cut leaves at the end of a wording
_INSIDE_END = re.compile(r"[\s,;:–—-]+([”»’\"])$")  # "through “diplomacy,”" -> "“diplomacy”"


def balance_quotes(text: str) -> str:
    """The wording with no dangling quotation mark: a quote the wording cuts into is shown
    opened and closed ("“must be backed by troops." -> "“must be backed by troops.”"), a
    mark left alone at an edge goes, and a comma or dash a cut left before a closing mark
    goes with the cut ("through “diplomacy,”" -> "through “diplomacy”")."""
    text = _DANGLING_END.sub("", text.strip())
    while text and (text[-1] in _OPENING or (text[-1] == '"' and _opens(text, len(text) - 1))):
        text = _DANGLING_END.sub("", text[:-1])  # an opening mark at the very end opens nothing
    while text and (text[0] in _CLOSING or (text[0] == '"' and not _opens(text, 0))):
        text = text[1:].lstrip()  # a closing mark at the very start closes nothing shown
    text = _reopen_single(text)
    opened, unopened = _unmatched_marks(text)
    if len(unopened) == 1:
        # Reopen the quote at the start, unless the new mark would itself pair up wrongly (a
        # straight mark before a straight mark reads as an empty quote).
        reopened = _PARTNER[text[unopened[0]]] + text
        if not _unmatched_marks(reopened)[1]:
            text, unopened = reopened, []
    if unopened:  # several marks closing what was never opened: too tangled to reopen
        kept = "".join(c for k, c in enumerate(text) if k not in unopened)
        text = _DANGLING_END.sub("", " ".join(kept.split()))
        opened, _ = _unmatched_marks(text)
    if opened:
        text = _DANGLING_END.sub("", text) + "".join(_PARTNER[mark] for mark in reversed(opened))
    return _INSIDE_END.sub(r"\1", text)


_PARTNER = {**_OPENING, **_CLOSING, '"': '"'}
_SINGLE_CLOSED = re.compile(r"[.!?,]'$")  # "... older people.'": a straight single mark closing
_SINGLE_OPENS = re.compile(r"(?:^|[\s(\[—–-])'")


def _reopen_single(text: str) -> str:
    """A straight single mark after the last stop closes a quote; when the wording never
    opens one (the cut left the opening mark in the sentence before) it is reopened at the
    start. Elsewhere a straight single mark is an apostrophe ("Jones' ferry") and is left."""
    if _SINGLE_CLOSED.search(text) and not _SINGLE_OPENS.search(text):
        return "'" + text
    return text


def _opens(text: str, k: int) -> bool:
    """Whether a straight double mark opens a quote: at the start, after a space or after
    another opening mark."""
    return k == 0 or text[k - 1].isspace() or text[k - 1] in "([—–-“‘«"


def _unmatched_marks(text: str) -> tuple[list[str], list[int]]:
    """Opening marks left open, and where the closing marks never opened stand, in order.
    A straight double mark opens or closes by the side of the word it touches; an apostrophe
    inside a word ("Ukraine’s") or after one ("Jones’") is no mark."""
    opened: list[str] = []
    unopened: list[int] = []
    for k, char in enumerate(text):
        if (char == '"' and _opens(text, k)) or char in _OPENING:
            opened.append(char)
            continue
        if char != '"' and char not in _CLOSING:
            continue
        if char == "’":  # closes only a ‘ (otherwise an apostrophe after a word: "Jones’")
            if opened and opened[-1] == "‘":
                opened.pop()
        elif opened:  # scraped text mixes styles ("“now end"): a mark closes the innermost
            opened.pop()
        else:
            unopened.append(k)
    return opened, unopened


def _representative(alignment: Alignment, cluster: list[int], shared: set[int]) -> int:
    """The mention closest in meaning to all the others (the medoid), preferring sentences that
    state this claim only (a sentence holding two claims would stand for both). When the
    medoid is a clause without a subject ("forced 3,000 residents from their homes"), a
    wording with one stands for the claim if it is nearly as central."""
    own = [i for i in cluster if i not in shared] or cluster
    centrality = (alignment.vectors[own] @ alignment.vectors[cluster].T).mean(axis=1)
    best = int(np.argmax(centrality))
    units = alignment.units
    standing = [k for k, i in enumerate(own) if units[i].standalone]
    if standing and not units[own[best]].standalone:
        k = max(standing, key=lambda k: centrality[k])
        if centrality[k] >= STANDING_SHARE * centrality[best]:
            return own[k]
    return own[best]


def _first(claim: Claim) -> tuple[str, int]:
    return (claim.mentions[0].article, claim.mentions[0].start) if claim.mentions else ("", 0)


def group_key(article: Article, articles: Mapping[str, Article]) -> str:
    """The article id a source group is reported under: the group's origin article."""
    group = article.source_group or article.id
    members = [a for a in articles.values() if (a.source_group or a.id) == group]
    origins = [a for a in members if a.copy_of is None] or members
    return min(origins, key=lambda a: a.id).id


def find_exclusives(
    claims: list[Claim], articles: list[Article], resources: Resources | None = None
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Per source group (keyed by its origin article id): the claims only it reports, and the
    claims that most other groups carry but it omits.

    With `resources` (the run's, whose embedder holds the alignment's vectors) a group is not
    said to omit a claim that one of its own sentences states although the alignment placed
    that sentence elsewhere (`omits.GroupStatements`)."""
    by_id = {a.id: a for a in articles}
    statements = GroupStatements(articles, resources) if resources is not None else None
    group_of = {a.id: a.source_group or a.id for a in articles}
    keys = {(a.source_group or a.id): group_key(a, by_id) for a in articles}
    exclusive: dict[str, list[str]] = {key: [] for key in sorted(set(keys.values()))}
    omitted: dict[str, list[str]] = {key: [] for key in exclusive}
    for claim in claims:
        groups = set(claim.source_groups) or sources_of(claim.mentions, by_id)
        if len(groups) == 1:
            (only,) = groups
            exclusive.setdefault(keys.get(only, only), []).append(claim.id)
            continue
        # A partial copy's borrowed sentences count for its origin's group, yet the copy does
        # state them: a group whose own articles carry a mention omits nothing.
        stating = {
            by_id[m.article].source_group or m.article for m in claim.mentions if m.article in by_id
        }
        others = len(keys) - 1
        for group, key in keys.items():
            if group in groups or group in stating:
                continue
            if len(groups) < 2 or len(groups) * 2 <= others:
                continue
            if statements is None or not statements.states(claim, group, group_of):
                omitted[key].append(claim.id)
    return exclusive, omitted
