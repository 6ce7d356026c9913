"""Alignment: group the sentences of a story's articles that state the same fact.

1. Every kept sentence is cut into pieces (see `pieces`: clauses joined by a conjunction,
   relative and adverbial clauses), so one sentence can support several claims; each piece
   with enough words becomes a unit with its embedding and `SentenceFacts`.
2. Pairs from different articles whose embeddings are close enough to matter are scored by the
   pair model fitted on MSRP (`features.same_fact`); pairs that share nothing but names score 0.
3. Average-link clustering in two passes: along pairs the model links, then, looser, along pairs
   close in meaning (a shared telling figure counts) that share a content word, joining only
   clusters from different articles. Average linkage keeps a chain of name-sharing sentences
   from gluing unrelated facts together.
4. A long sentence that also holds most of another cluster's core words and is close to it in
   meaning is added to that cluster as well.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from corroborate.claims.apart import (
    FactSplits,
    distinctive_figures,
    same_doer,
    same_figure,
    share_figures,
    telling_figures,
)
from corroborate.claims.blocked import (
    Closeness,
    Cosines,
    Pairs,
    PairScores,
    close_pairs,
    incidence,
    share_any,
    share_count,
)
from corroborate.claims.features import (
    THRESHOLD,
    SentenceFacts,
    facts_of_tokens,
    pair_features,
    same_fact,
)
from corroborate.claims.grown import GrownBlocks, Members
from corroborate.claims.parts import NO_COUNTS, Counts, counts_of
from corroborate.claims.pieces import Piece, split_pieces
from corroborate.claims.quotelinks import QuoteMarks
from corroborate.claims.slots import Slot, filler_spans, slots_of
from corroborate.claims.tenses import tense_of, tenses_clash
from corroborate.claims.wordmeaning import (
    REPORTING,
    Span,
    content_spans,
    meaning_shared,
    word_vectors,
)
from corroborate.embed import token_vectors_of
from corroborate.nlp import Resources
from corroborate.records import Article, Paragraph, Quote, Sentence
from corroborate.sources import source_of

MIN_WORDS = 4  # shorter "sentences" are attributions, datelines and captions, not facts
# A cluster grows along pairs the model calls the same fact (>= THRESHOLD) while the mean over
# all its cross-article pairs stays above LINK_MEAN: lower than THRESHOLD, because the MSRP
# model asks for near-equivalence and a claim gathers looser wordings of one fact.
LINK_MEAN = 0.35
LOOSE_PAIR = 0.58  # cosine of a pair the second, looser pass may join
LOOSE_MEAN = 0.5
NUMBER_BONUS = 0.15  # added to the cosine of two sentences giving the same telling figure
PHRASE_BONUS = 0.1  # ... and of two sentences sharing a two-word phrase of content words
# A loose pair below this closeness that the pair model does not back (< CORE_MODEL) shares a
# topic, not a fact, when it shares one content word: "the council meeting ran late" / "the
# union held a meeting on Friday"; it must share TOPIC_WORDS.
TOPIC_CLOSENESS = 0.65
TOPIC_WORDS = 2
CANDIDATE_COSINE = 0.4  # below this the pair model never says "same fact" on MSRP
CONTAINED_SHARE = 0.6  # share of a cluster's core words a sentence must hold to join it
CONTAINED_COSINE = 0.45
CONTAINER_WORDS = 10  # only a sentence this long can state a second fact
HEADLINE_COSINE = 0.6  # mean cosine a headline needs to a claim's mentions to join it
# Every mention of a claim of three or more must be this close, on average, to the claim's
# mentions from other articles, not only to the one mention it was linked through: a mean
# over the whole cluster stays high while A≈B, B≈C chains facts that A and C do not share.
CORE_CLOSENESS = 0.5
# ... and one only this close on average needs the pair model's word of at least one mention
# of another article: on a story where every sentence shares the topic ("parliamentary
# elections in Turkmenistan"), a lead of one election reaches 0.56-0.58 to the claim of the
# other with a model score of 0.05 at best, while loose wordings of one fact ("councillors
# would be asked to approve it" / "the council is due to approve") score 0.5 and more.
CORE_ALONE = 0.6
CORE_MODEL = 0.1
_SENTENCE_ENDS = tuple(".!?…\"”’'»)")
# Reporting verbs say who spoke, not what the fact is (with the forms a lemma may keep).
_REPORTING = REPORTING | {"told", "said"}


@dataclass(slots=True)
class Unit:
    """One sentence, or one clause of a sentence that joins clauses, taking part in alignment."""

    article: Article
    sentence: Sentence  # the clause's own span when the sentence was split
    facts: SentenceFacts
    whole: Sentence  # the full sentence
    text: str  # the piece's own words (a relative clause left out of its main clause)
    whole_facts: SentenceFacts  # of the full sentence: a negation may govern a cut-out clause
    headline: bool = False  # a paragraph of one sentence without final punctuation
    display: str = ""  # the piece as a statement of its own (`Piece.display`)
    standalone: bool = True  # the display has a subject (`Piece.standalone`)
    tense: str = ""  # "future" (will be held), "past" (voted, have voted) or "" (`tense_of`)
    # a clause shown through its whole sentence in the claim of another piece of it
    # (`claims._fold_lone_clauses`): its mention is the sentence
    folded: bool = False
    content: tuple[Span, ...] = ()  # its content words' spans in `text` (`wordmeaning`)
    # ... and their vectors, when the embedder gives token vectors (`attach_word_vectors`)
    word_vectors: np.ndarray | None = None
    slots: frozenset[Slot] = frozenset()  # nouns in the slots of its words (`slots.slots_of`)
    # ... the common nouns' spans in `text` and vectors (`slots.filler_spans`, `attach_...`)
    filler_spans: dict[str, Span] = field(default_factory=dict)
    fillers: dict[str, np.ndarray] = field(default_factory=dict)
    counts: Counts = NO_COUNTS  # the nouns it counts, as a part or whole (`parts.counts_of`)

    @property
    def source(self) -> str:
        """The independent source of the unit's sentence (a copied passage counts once)."""
        return source_of(self.article, self.sentence.start, self.sentence.end)


@dataclass(slots=True)
class Alignment:
    """Units, their vectors and pair scores, and the clusters (lists of unit indexes)."""

    units: list[Unit]
    vectors: np.ndarray
    scores: PairScores  # same-fact probability, 0 for pairs never scored (sparse)
    clusters: list[list[int]]
    marks: QuoteMarks | None = None  # which units quote someone (`quotelinks`)


def sentence_units(articles: list[Article], resources: Resources) -> list[Unit]:
    """The kept sentences with their facts, read from the run's cached spaCy parses."""
    units: list[Unit] = []
    for article in articles:
        if not article.sentences:
            continue
        docs = resources.paragraph_docs(article)
        for sentence in article.sentences:
            paragraph, doc = docs[sentence.paragraph]
            span = doc.char_span(
                sentence.start - paragraph.start,
                sentence.end - paragraph.start,
                alignment_mode="expand",
            )
            units.extend(
                _units_of(article, sentence, paragraph, span if span is not None else doc[:])
            )
    return units


def _units_of(
    article: Article, sentence: Sentence, paragraph: Paragraph, tokens: Any
) -> list[Unit]:
    """The sentence's pieces that can state a fact, as units."""
    pieces = split_pieces(tokens)
    whole = facts_of_tokens(tokens) if len(pieces) > 1 else None
    headline = _headline_shaped(sentence, paragraph)
    units = []
    for piece in pieces:
        facts = facts_of_tokens(piece.tokens)
        if facts.length < MIN_WORDS or len(facts.lemmas) < 2:
            continue
        # a subheading ("Rescuers on the water") labels a section; it states nothing
        if headline and not any(t.pos_ in {"VERB", "AUX"} for t in piece.tokens):
            continue
        place = _piece_sentence(sentence, paragraph, piece)
        unit = Unit(article, place, facts, sentence, piece.text, whole or facts)
        unit.headline = headline
        unit.display = piece.display
        unit.standalone = piece.standalone
        unit.tense = tense_of(piece.tokens)
        unit.content = content_spans(piece.tokens)
        unit.slots = slots_of(piece.tokens)
        unit.filler_spans = filler_spans(piece.tokens)
        unit.counts = counts_of(piece.tokens)
        units.append(unit)
    return units


def _headline_shaped(sentence: Sentence, paragraph: Paragraph) -> bool:
    """A headline or subheading: a whole paragraph that does not end a sentence."""
    whole = sentence.start <= paragraph.start and sentence.end >= paragraph.end
    return whole and not sentence.text.rstrip().endswith(_SENTENCE_ENDS)


def _piece_sentence(sentence: Sentence, paragraph: Paragraph, piece: Piece) -> Sentence:
    """The piece as a span of the article (the sentence itself when it was not split)."""
    start = max(sentence.start, paragraph.start + piece.start_char)
    end = min(sentence.end, paragraph.start + piece.end_char)
    if start <= sentence.start and end >= sentence.end:
        return sentence
    text = sentence.text[start - sentence.start : end - sentence.start]
    return Sentence(sentence.article, sentence.index, start, end, text, sentence.paragraph)


def score_pairs(
    units: list[Unit], vectors: np.ndarray, tokens: list[np.ndarray] | None = None
) -> PairScores:
    """Same-fact probabilities for candidate pairs of different articles (`tokens`: each
    unit's token vectors, when the embedder gives them).

    Candidates are close in meaning (`CANDIDATE_COSINE`) and share a content word other than
    a name: pairs that share only names score 0 without their features. Units alike in all the
    features read (the same words, parse, vectors: a sentence that wire copies repeat) are
    scored once per pair of kinds and cosine (a 41-article story of the 100k synthetic store:
    29,556 pairs scored in 7.0 s CPU before, 0.12 s now, the same report). Equal pairs get
    equal probabilities bit for bit. Candidates are found a block of rows at a time and the
    scores kept sparse (`blocked`): memory grows with the candidates, not n x n.
    """
    n = len(units)
    owner = _owners(units)
    left, right, cosines = close_pairs(
        Cosines(vectors), CANDIDATE_COSINE, lambda rows, _: owner[rows][:, None] != owner
    )
    # Sentences that share only names (no other content word) never state the same fact here;
    # a telling figure both give counts as a shared word ("A record 31,000 runners started" /
    # "Some 31,000 people set off": one fact in other words).
    content = incidence([u.facts.lemmas - u.facts.entities for u in units])
    facts = [u.facts for u in units]
    sharing = share_any(content, left, right) | share_figures(facts, left, right)
    sharing |= meaning_shared([u.word_vectors for u in units], left, right, sharing)
    left, right, cosines = left[sharing], right[sharing], cosines[sharing]
    if len(left) == 0:
        return PairScores(n, left, right, np.zeros(0))
    kinds = _unit_kinds(units, vectors, tokens)
    first: dict[tuple[int, int, float], int] = {}  # (kind, kind, cosine) -> its row
    rows: list[list[float]] = []
    row_of = np.zeros(len(left), dtype=np.int64)
    for k, (i, j, cosine) in enumerate(
        zip(left.tolist(), right.tolist(), cosines.tolist(), strict=True)
    ):
        key = (kinds[i], kinds[j], cosine)
        if key not in first:
            first[key] = len(rows)
            pair = None if tokens is None else (tokens[i], tokens[j])
            rows.append(pair_features(units[i].facts, units[j].facts, cosine, pair))
        row_of[k] = first[key]
    probabilities = same_fact(np.array(rows, dtype=np.float64))[row_of]
    return PairScores(n, left, right, probabilities)


def _unit_kinds(
    units: list[Unit], vectors: np.ndarray, tokens: list[np.ndarray] | None
) -> list[int]:
    """A number per unit, the same for units whose pair features cannot differ: equal facts
    (their n-gram counts too) and the same vector and token vectors, bit for bit."""
    kinds: dict[Any, int] = {}
    out = []
    for k, unit in enumerate(units):
        grams = tuple(tuple(sorted(c.items())) for c in unit.facts.grams)
        bits = vectors[k].tobytes(), b"" if tokens is None else tokens[k].tobytes()
        out.append(kinds.setdefault((unit.facts, grams, bits), len(kinds)))
    return out


def cluster_units(
    units: list[Unit], scores: PairScores, cosines: Cosines, marks: QuoteMarks | None = None
) -> list[list[int]]:
    """Average-link clusters in two passes.

    First along pairs the fitted model calls the same fact, while the mean model score over the
    clusters' cross-article pairs stays above LINK_MEAN. Then, looser, along pairs whose meaning
    is close (cosine) and that share a content word other than a name, while the mean cosine
    holds: wordings such as "rejected calls to raise the embankment" / "raising the embankment
    was no answer", and versions with different figures, which the status step then marks.
    With `marks` a unit that quotes someone joins only units with its words (`quotelinks`).
    """
    singletons = [[i] for i in range(len(units))]
    # Headlines pack several facts into few words and would bridge claims: they take no part
    # in linking and join, afterwards, the claim they are closest to (see _attach_headlines).
    body = np.array([not u.headline for u in units], dtype=bool)
    if len(units) < 2:
        return singletons
    figures = [telling_figures(u.facts) for u in units]
    phrases = incidence(_phrases(units))
    closeness = Closeness(cosines, figures, same_figure, phrases, (NUMBER_BONUS, PHRASE_BONUS))
    left, right, values = scores.at_least(THRESHOLD)
    both = body[left] & body[right]
    core = (closeness, scores)
    splits = FactSplits.of(units, _owners(units))
    strict_pairs = (left[both], right[both], values[both])
    strict = _link(
        units, scores, strict_pairs, LINK_MEAN, singletons, core=core, splits=splits, marks=marks
    )
    loose = _loose_pairs(units, closeness, body, scores)
    # The loose pass only joins clusters from different articles, so an article's many
    # sentences on the broad topic cannot snowball into one claim.
    clusters = _link(
        units,
        closeness,
        loose,
        LOOSE_MEAN,
        strict,
        disjoint=True,
        core=core,
        splits=splits,
        marks=marks,
    )
    return _attach_headlines(units, clusters, cosines)


def _loose_pairs(
    units: list[Unit], closeness: Closeness, body: np.ndarray, scores: PairScores
) -> Pairs:
    """Pairs of body sentences close in meaning (LOOSE_PAIR, bonuses counted) that share a
    content word other than names and reporting verbs, with their closeness; a pair that is
    only moderately close (below TOPIC_CLOSENESS) and that the pair model does not back
    (below CORE_MODEL) must share two such words (`TOPIC_WORDS`), a person both name as the
    doer counting as one ("Quinn conceded defeat" / "Quinn did not concede": one act of one
    doer). Where the pair is not topical, a distinctive figure both give counts as a shared
    word (`apart.share_figures`)."""
    # a pair's closeness is at most its cosine plus both bonuses: nothing below can pass
    floor = LOOSE_PAIR - NUMBER_BONUS - PHRASE_BONUS - 1e-6
    words = incidence([u.facts.lemmas - u.facts.entities - _REPORTING for u in units])

    def select(found: Pairs) -> Pairs:
        left, right, cosines = found
        values = closeness.pairs(left, right, cosines)
        keep = values >= LOOSE_PAIR
        left, right, values = left[keep], right[keep], values[keep]
        shared = share_count(words, left, right)
        topical = (values < TOPIC_CLOSENESS) & (scores.pairs(left, right) < CORE_MODEL)
        # a distinctive figure both give stands for a word where the pair is close (not
        # topical) only; a word shared by meaning does not: it opens a pair to the pair model
        # (`score_pairs`), but one synonym somewhere in two long sentences ("help" / "aid") is
        # no sign of one fact to this looser pass
        shared += share_figures([u.facts for u in units], left, right) & ~topical
        for k in np.nonzero(topical & (shared == TOPIC_WORDS - 1))[0].tolist():
            shared[k] += same_doer(units[int(left[k])].facts, units[int(right[k])].facts)
        keep = shared >= np.where(topical, TOPIC_WORDS, 1)
        return left[keep], right[keep], values[keep]

    return close_pairs(
        closeness.cosines, floor, lambda rows, _: body[rows][:, None] & body[None, :], select
    )


def _attach_headlines(
    units: list[Unit], clusters: list[list[int]], cosines: Cosines
) -> list[list[int]]:
    """Each headline joins the claim whose mentions it is closest to on average, its own
    article's included (a headline restates its story's lead), when close enough; else it
    stays a claim of its own."""
    bodies = [c for c in clusters if not all(units[i].headline for i in c)]
    kept = list(bodies)
    for cluster in clusters:
        if any(not units[i].headline for i in cluster):
            continue
        means = [float(cosines[np.ix_(cluster, c)].mean()) for c in bodies]
        best = int(np.argmax(means)) if means else -1
        if best >= 0 and means[best] >= HEADLINE_COSINE:
            bodies[best].extend(cluster)
        else:
            kept.append(cluster)
    return sorted(kept, key=lambda c: min(c))


def _phrases(units: list[Unit]) -> list[set[tuple[str, str]]]:
    """Each unit's two-word phrases of content words ("neighbouring provinces"), names left
    out: two sentences using the same one are closer."""
    return [
        {
            pair
            for pair in u.facts.bigrams
            if all(len(w) >= 4 and w.isalpha() and w not in u.facts.entities for w in pair)
        }
        for u in units
    ]


def loose_link(a: SentenceFacts, b: SentenceFacts, cosine: float, score: float = 1.0) -> bool:
    """The second pass's pair test, for one pair with its pair-model score (the benchmark
    measures it on MSRP)."""
    figure = same_figure(telling_figures(a), telling_figures(b))
    shared = (a.lemmas - a.entities - _REPORTING) & (b.lemmas - b.entities - _REPORTING)
    closeness = cosine + NUMBER_BONUS * figure
    topical = closeness < TOPIC_CLOSENESS and score < CORE_MODEL
    needed = TOPIC_WORDS - same_doer(a, b) if topical else 1
    distinctive = same_figure(distinctive_figures(a), distinctive_figures(b))
    words = len(shared) + (distinctive and not topical)
    return words >= max(needed, 1) and closeness >= LOOSE_PAIR


def _link(
    units: list[Unit],
    matrix: PairScores | Closeness,
    pairs: Pairs,
    mean_needed: float,
    start: list[list[int]],
    *,
    disjoint: bool = False,
    core: tuple[Closeness, PairScores] | None = None,
    splits: FactSplits | None = None,
    marks: QuoteMarks | None = None,
) -> list[list[int]]:
    """Merge clusters along the pairs (left, right, value), strongest first, while the mean
    cross value holds and (with `core`: closeness and model scores) every member stays close
    to the merged cluster (`_keeps_core`)."""
    owner = _owners(units)
    grown = GrownBlocks(*core) if core is not None else None
    members: dict[int, list[int]] = {min(c): list(c) for c in start}
    root = [0] * len(units)
    for key, cluster in members.items():
        for index in cluster:
            root[index] = key
    left, right, values = pairs
    order = np.argsort(-values, kind="stable")
    for k in order:
        a, b = root[int(left[k])], root[int(right[k])]
        if a == b:
            continue
        if disjoint and set(owner[members[a]]) & set(owner[members[b]]):
            continue
        if _mean_cross(owner, matrix, members[a], members[b]) < mean_needed:
            continue
        if grown is not None and not _keeps_grown(owner, grown, (a, members[a]), (b, members[b])):
            continue
        if tenses_clash(units, members[a], members[b]):
            continue
        if splits is not None and splits.apart(members[a], members[b]):
            continue
        if marks is not None and marks.apart(members[a], members[b]):
            continue
        members[a].extend(members.pop(b))
        if grown is not None:
            grown.joined(a, b, len(members[a]))
        for index in members[a]:
            root[index] = a
    return sorted(members.values(), key=lambda c: min(c))


def _keeps_core(
    owner: np.ndarray, closeness: Closeness, scores: PairScores, merged: list[int]
) -> bool:
    """Whether every member of a cluster of three or more is close, on average, to the
    members of other articles (a chain, A≈B, B≈C with A and C far apart, leaves its ends
    below), and one only moderately close is backed by the pair model (CORE_MODEL)."""
    if len(merged) < 3:
        return True
    grid = np.ix_(merged, merged)
    return _core_held(owner[merged], closeness[grid], scores[grid])


def _keeps_grown(owner: np.ndarray, grown: GrownBlocks, a: Members, b: Members) -> bool:
    """`_keeps_core` of clusters a and b merged, from their kept blocks (`grown`)."""
    if len(a[1]) + len(b[1]) < 3:
        return True
    closeness, scores = grown.merged(a, b)
    return _core_held(owner[a[1] + b[1]], closeness, scores)


def _core_held(owners: np.ndarray, closeness: np.ndarray, scores: np.ndarray) -> bool:
    cross = owners[:, None] != owners[None, :]
    counts = cross.sum(axis=1)
    means = (closeness * cross).sum(axis=1) / np.maximum(counts, 1)
    backed = (scores * cross).max(axis=1) >= CORE_MODEL
    held = (means >= CORE_CLOSENESS) & ((means >= CORE_ALONE) | backed)
    return bool(held[counts > 0].all())


def _owners(units: list[Unit]) -> np.ndarray:
    """Each unit's article as a small integer."""
    index: dict[str, int] = {}
    return np.array([index.setdefault(u.article.id, len(index)) for u in units], dtype=np.int64)


def _mean_cross(
    owner: np.ndarray, scores: PairScores | Closeness, a: list[int], b: list[int]
) -> float:
    """Mean score over the cross pairs from different articles (same-article pairs say nothing)."""
    block = scores[np.ix_(a, b)]
    mask = owner[a][:, None] != owner[b][None, :]
    return float(block[mask].mean()) if mask.any() else 0.0


def add_contained(alignment: Alignment) -> None:
    """Add a sentence to another cluster whose fact it also states (two facts, one sentence).

    The core words it holds must be its second fact's, not its own claim's: in a story where
    every lead says "parliamentary election", a lead holds those words of every claim about
    the election without stating any of them."""
    units, clusters = alignment.units, alignment.clusters
    cosines = Cosines(alignment.vectors)
    home = {i: k for k, cluster in enumerate(clusters) for i in cluster}
    home_core = [core_words(units, cluster) for cluster in clusters]
    splits = FactSplits.of(units, _owners(units))
    for cluster in [c for c in clusters if len(c) >= 2]:
        core = core_words(units, cluster)
        if len(core) < 2:
            continue
        present = {units[i].article.id for i in cluster}
        for index, unit in enumerate(units):
            if unit.article.id in present or unit.facts.length < CONTAINER_WORDS:
                continue
            words = core & (unit.facts.lemmas | unit.facts.prefixed)
            held = len(words)
            if (
                held >= 2
                and held >= CONTAINED_SHARE * len(core)
                and words - home_core[home[index]]
                and not tenses_clash(units, cluster, [index])
                and not splits.apart(cluster, [index])
                and not (alignment.marks and alignment.marks.apart(cluster, [index]))
                and cosines[index, cluster].mean() >= CONTAINED_COSINE
            ):
                cluster.append(index)
                present.add(unit.article.id)


def core_words(units: list[Unit], cluster: list[int]) -> frozenset[str]:
    """Lemmas that most of a cluster's articles use for its fact, names and "said" left out:
    sharing only names is not stating the same fact."""
    counts: Counter[str] = Counter()
    articles: dict[str, set[str]] = {}
    for index in cluster:
        facts = units[index].facts
        words = (facts.lemmas | facts.prefixed) - facts.entities - _REPORTING
        articles.setdefault(units[index].article.id, set()).update(words)
    for lemmas in articles.values():
        counts.update(lemmas)
    needed = max(2, -(-3 * len(articles) // 4))
    return frozenset(word for word, count in counts.items() if count >= needed)


def _embed_units(
    units: list[Unit], resources: Resources
) -> tuple[np.ndarray, list[np.ndarray] | None]:
    """The units' sentence vectors (and token vectors, when the embedder gives them), each
    distinct text run through the model once: a big story's units are mostly wire copies
    repeated across outlets (half of `show`'s time on a 1,078-article story was embedding).
    A text's vectors do not depend on the batch it runs in, so the rows are the same."""
    if not units:
        return np.zeros((0, 384), dtype=np.float32), None
    embedder = resources.embedder()
    with_tokens = token_vectors_of(embedder)
    first: dict[str, int] = {}
    rows = [first.setdefault(u.text, len(first)) for u in units]
    if with_tokens is None:
        return embedder.embed(list(first))[rows], None
    vectors, tokens = with_tokens.embed_tokens(list(first))
    return vectors[rows], [tokens[k] for k in rows]


def attach_word_vectors(
    units: list[Unit], tokens: list[np.ndarray] | None, resources: Resources
) -> None:
    """Each unit's content-word vectors (`wordmeaning.word_vectors`) and those of the nouns in
    its slots, where the embedder gives token vectors and the word pieces they stand for."""
    pieces_of = getattr(resources.embedder(), "pieces", None)
    if tokens is None or pieces_of is None or not units:
        return
    first: dict[str, int] = {}
    rows = [first.setdefault(u.text, len(first)) for u in units]
    pieces = pieces_of(list(first))
    for unit, row, matrix in zip(units, rows, tokens, strict=True):
        unit.word_vectors = word_vectors(unit.content, matrix, pieces[row])
        for noun, span in unit.filler_spans.items():
            found = word_vectors([span], matrix, pieces[row])
            if len(found):
                unit.fillers[noun] = found[0]


def align_units(
    articles: list[Article], resources: Resources, quotes: Sequence[Quote] | None = None
) -> Alignment:
    """Units, pair scores and clusters for one story's articles (with the story's `quotes`,
    a unit that quotes someone is joined only to units with its words: `quotelinks`)."""
    units = sentence_units(articles, resources)
    vectors, tokens = _embed_units(units, resources)
    attach_word_vectors(units, tokens, resources)
    scores = score_pairs(units, vectors, tokens)
    marks = None
    if quotes is not None:
        spans = [(u.article.id, u.sentence.start, u.sentence.end) for u in units]
        reports = [(u.whole.text, bool(u.whole_facts.lemmas & _REPORTING)) for u in units]
        marks = QuoteMarks(spans, reports, quotes, {a.id: a for a in articles})
    clusters = cluster_units(units, scores, Cosines(vectors), marks)
    alignment = Alignment(units, vectors, scores, clusters, marks)
    add_contained(alignment)
    return alignment
