"""Extractive summary with citations: the best-supported facts first, no repetition.

Candidates are the kept sentences of the articles (never removed text); one that does not read
on its own (a quotation whose speaker is only "he") only when too few others do. No parse and no
embeddings (a story's summary takes milliseconds): a word model (`summary.words`) gives each of
the story's words the chance that a neutral roundup of the story uses it, from how many
independent sources use it (resolved through `corroborate.sources`, so copies count once), how
early, whether the headlines do, and a lexicon learned from NeuS *train* roundups. Sentences are
then taken greedily by the roundup words they are expected to add per word of summary (a word
already said is worth less each time again), and swapped for others while that objective rises
(`improve`), never a sentence whose every claim is already told
(the claims stage matches paraphrases) or that repeats one nearly word for word (TF-IDF cosine).
Each claim is then shown in the plainest wording any outlet gave it, and the summary lists its
sentences best-supported first, each with its claims and articles.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy import sparse
from spacy.lang.en.stop_words import STOP_WORDS

from corroborate.nlp import Resources
from corroborate.records import Article, Claim, Sentence, SummarySentence
from corroborate.sources import sources_of
from corroborate.summary.words import (
    Prior,
    WordTable,
    probabilities,
    shipped_prior,
    strip_suffix,
    tokens,
    word_table,
)

_FIRST_PERSON = re.compile(r"\b(?:i|we|my|our|us|you|your|me)\b")
_CONNECTIVE = re.compile(
    r"^\W*(?:however|but|and|also|instead|still|yet|meanwhile|so|then|thus|moreover|"
    r"furthermore|additionally|nevertheless|indeed|in addition|as a result)\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"^\W*(?:he|she|they|it|this|that|these|those|his|her|their|its)\b", re.I)
_PRONOUN_SAID = re.compile(r"\b(?:he|she|they)\s+(?:said|says|added|told|noted|argued)\b", re.I)
_SPEECH = (
    r"(?:said|says|say|added|adds|told|tells|noted|argued|warned|insisted|stressed|explained|"
    r"claimed|wrote|continued|replied|declared|asked)"
)
_PERSONAL = r"(?:he|she|they|we|i|you)"
# The speaker of a quotation named only by a pronoun: '"We will not stop," he said.' Who "he"
# is was in the sentences before, which the summary does not show.
_PRONOUN_SPEAKER = re.compile(
    rf"[,.!?\u2014\u2013-]\s*[\"\u201d\u2019']\s*"
    rf"(?:{_PERSONAL}\s+(?:\w+\s+)?{_SPEECH}|{_SPEECH}\s+{_PERSONAL})\b",
    re.I,
)
_PRONOUN_SPEAKS = re.compile(rf"^\W*(?:he|she|they)\s+(?:\w+\s+)?{_SPEECH}\b", re.I)
_STOP = frozenset(STOP_WORDS) | {"said", "says", "say", "told", "mr", "ms", "s"}
# The same, as `tokens` leaves them: stemmed, and a contraction's halves ("don't": "don", "t")
_STOP_STEMS = frozenset(strip_suffix(w) for w in _STOP) | {
    "t", "don", "doesn", "didn", "isn", "wasn", "aren", "weren", "couldn", "wouldn",
    "shouldn", "hasn", "haven", "hadn", "ll", "ve", "re", "d", "m",
}  # fmt: skip
_QUOTES = "\"“‘'"
_CLOSERS = _QUOTES + "”’)"
DENSE_CELLS = 200_000  # sentences x distinct words up to which the vectors are dense arrays
MIN_WORDS = 6  # shorter (or not `stands_alone`): taken only when whole sentences run out
# A sentence this close to one already taken says the same again (a copy's wording, a near
# repeat in one outlet) and is never taken, whatever its score.
REPEAT_COSINE = 0.6
RETELL_MEANING = 0.5  # MiniLM cosine from which a sentence with told claims retells them
SWAP_PASSES = 3  # the swaps settle in one or two passes on NeuS train


@dataclass(slots=True, frozen=True)
class SummaryWeights:
    """The word model's coefficients and the selection's two constants.

    All fitted on NeuS *train* only (`bench/bench_summary.py --fit`); val is never used:
    `words`, one per `WORD_FEATURES`, by logistic regression over every distinct word of the
    2,452 train stories (does the roundup use it?); `target_words` (the roundup's expected words
    per sentence, in the F1 denominator of the selection) and `decay` (what a word's second use
    in the summary is worth, relative to its first) as the best of a small grid by 3-fold
    cross-validation of the summaries' ROUGE-1 + ROUGE-2 (with the swap pass: 44.35 / 19.19;
    15 / 0.5 without it, 44.14 / 19.03).
    """

    words: tuple[float, ...] = (
        0.730, 0.776, -0.054, 2.095, -0.023, 0.949, -0.294, 0.747, 0.951, 0.084, 0.320, -0.107,
        -0.418, -2.652,
    )  # fmt: skip
    target_words: float = 15.0
    decay: float = 0.4
    prior: Prior | None = None  # the lexicon; None: the one shipped (`word_prior.tsv`)


@dataclass(slots=True)
class Candidate:
    sentence: Sentence
    claims: list[Claim] = field(default_factory=list)
    score: float = 0.0
    words: int = 0
    tokens: list[str] = field(default_factory=list)  # the word model's words (`words.tokens`)
    # a sentence of MIN_WORDS words or more that ends like one and `stands_alone`
    whole: bool = True


def summarise(
    articles: list[Article],
    claims: list[Claim],
    resources: Resources,
    *,
    count: int | None = None,
    weights: SummaryWeights | None = None,
) -> list[SummarySentence]:
    """Pick sentences that tell the story, best-supported first, each with its citations.

    `count` sentences (default `Settings.summary_sentences`); `resources` only gives the
    settings: the summary needs no model."""
    weights = weights or SummaryWeights()
    candidates = _candidates(articles, claims)
    if not candidates:
        return []
    sentences = [c.sentence for c in candidates]
    said = [c.tokens for c in candidates]
    story = _story(articles, sentences, said)
    covered = coverage(articles, sentences, story, weights, said)
    # a sentence's score: the share of its words the roundup is expected to use
    chance = covered.counts @ covered.chance
    for candidate, expected in zip(candidates, chance, strict=True):
        candidate.score = float(expected) / max(candidate.words, 1)
    similarity = Similarity(story.unit)
    count = count or resources.settings.summary_sentences
    # only a report with claims has sentences that may retell a claim: the embedder (loaded for
    # the claims already) is asked for those sentences alone, and only then
    meaning = Meaning([s.text for s in sentences], resources) if claims else None
    chosen = select(candidates, covered, similarity, count, weights, meaning)
    if claims:  # without claims no other wording can stand in for a sentence
        chosen = plain_wordings(candidates, chosen, awkwardness(sentences))
    chosen.sort(key=lambda i: (-_cited_sources(candidates[i]), -candidates[i].score))
    return [_summary_sentence(candidates[i]) for i in chosen]


def plain_wordings(
    candidates: Sequence[Candidate], chosen: list[int], awkwardness: np.ndarray
) -> list[int]:
    """Each chosen sentence, or another outlet's wording of the same claims that reads plainer.

    A claim is told once whichever wording is shown, so the summary states it as plainly as
    any outlet did: "Hegseth said the borders were unrealistic" rather than the bare quote, or
    "However, he said ...". The other wording must state every claim the chosen one does (its
    support stays the same) and no claim another chosen sentence states."""
    taken = {i: {c.id for c in candidates[i].claims} for i in chosen}
    result = []
    for index in chosen:
        ids = taken[index]
        others = set().union(*(taken[j] for j in chosen if j != index))
        options = [
            k
            for k, c in enumerate(candidates)
            if k == index
            or (
                ids
                and c.whole
                and ids <= {x.id for x in c.claims}
                and not others & {x.id for x in c.claims}
                and k not in chosen
            )
        ]
        # plainer first; among equally plain wordings the chosen one stays
        result.append(
            min(options, key=lambda k: (awkwardness[k], k != index, -candidates[k].score))
        )
    return result


def _candidates(articles: Sequence[Article], claims: Sequence[Claim]) -> list[Candidate]:
    """Every kept sentence, with the claims it states (a claim's mention starts inside it)."""
    by_span: dict[tuple[str, int], Candidate] = {}
    for article in articles:
        for sentence in article.sentences:
            # tokenised once: its length is the sentence's length as ROUGE counts words
            said = tokens(sentence.text)
            whole = (
                len(said) >= MIN_WORDS
                and _ending(sentence.text) in (".", "!", "?")
                and stands_alone(sentence.text)
            )
            by_span[(article.id, sentence.index)] = Candidate(
                sentence, words=len(said), tokens=said, whole=whole
            )
    starts = {a.id: [(s.start, s.end, s.index) for s in a.sentences] for a in articles}
    for claim in claims:
        for mention in claim.mentions:
            for start, end, index in starts.get(mention.article, []):
                candidate = by_span.get((mention.article, index))
                if candidate and start <= mention.start < end and claim not in candidate.claims:
                    candidate.claims.append(claim)
    return list(by_span.values())


def _terms(said: Sequence[str]) -> list[str]:
    """Content words (the word model's `tokens` less stop words): what the TF-IDF vectors count."""
    return [w for w in said if w not in _STOP_STEMS]


@dataclass(slots=True)
class _Story:
    """The story's sentences as TF-IDF vectors, with the independent source of each."""

    source: np.ndarray  # per sentence: the index of its independent source
    sources: int
    unit: Any  # L2-normalised TF-IDF rows, one per sentence (numpy, or scipy CSR when large)


def _story(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    said: Sequence[Sequence[str]] | None = None,
) -> _Story:
    """`said`: each sentence's `tokens`, when the caller has them."""
    terms = [_terms(t) for t in (said or [tokens(s.text) for s in sentences])]
    source = sentence_sources(articles, sentences)
    vocabulary: dict[str, int] = {}
    for words in terms:
        for word in words:
            vocabulary.setdefault(word, len(vocabulary))
    tf = _counts(terms, vocabulary, len(terms) * len(vocabulary) <= DENSE_CELLS)
    # Inverse sentence frequency within the story: words every outlet repeats weigh less.
    idf = np.log((len(terms) + 1) / (_column_sums(tf > 0) + 1)) + 1
    return _Story(
        source=np.array(source, dtype=np.int64),
        sources=len(set(source)),
        unit=_unit_rows(tf, idf),
    )


def sentence_sources(articles: Sequence[Article], sentences: Sequence[Sentence]) -> list[int]:
    """Each sentence's independent source, numbered from 0 in order of first appearance."""
    by_id = {a.id: a for a in articles}
    keys = [_source_key(by_id, s) for s in sentences]
    index = {key: k for k, key in enumerate(dict.fromkeys(keys))}
    return [index[k] for k in keys]


def _source_key(by_id: Mapping[str, Article], sentence: Sentence) -> str:
    """The independent source of a sentence; a borrowed passage belongs to its origin's."""
    return min(sources_of([sentence], by_id))  # one span: exactly one source


def _counts(rows: Sequence[Sequence[str]], vocabulary: Mapping[str, int], dense: bool) -> Any:
    """Term counts, one row per list of words: a numpy array for a small story (quicker than
    scipy's per-call cost there), else a scipy CSR matrix (a large one's words are sparse)."""
    columns = [vocabulary[w] for words in rows for w in words]
    pointers = np.cumsum([0, *(len(words) for words in rows)])
    shape = (len(rows), max(len(vocabulary), 1))
    if dense:
        table = np.zeros(shape)
        owners = np.repeat(np.arange(len(rows)), np.diff(pointers))
        np.add.at(table, (owners, np.array(columns, dtype=np.int64)), 1.0)
        return table
    table = sparse.csr_matrix((np.ones(len(columns)), columns, pointers), shape=shape)
    table.sum_duplicates()  # a word twice in a sentence: one entry counting 2
    return table


def _column_sums(table: Any) -> np.ndarray:
    return np.asarray(table.sum(axis=0), dtype=np.float64).ravel()


def _unit_rows(tf: Any, idf: np.ndarray) -> Any:
    """TF-IDF rows scaled to unit length, in the representation `tf` came in."""
    if isinstance(tf, np.ndarray):
        weighted = tf * idf
        return weighted / np.maximum(np.linalg.norm(weighted, axis=1, keepdims=True), 1e-9)
    weighted = tf @ sparse.diags(idf)
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    return sparse.diags(1 / np.maximum(norms, 1e-9)) @ weighted


class Similarity:
    """Cosines between the candidate sentences, computed only for the columns asked for.

    Selection only ever asks how close every sentence is to the few already chosen, so the
    whole n x n matrix (1.35 GB for a 1,078-article story's sentences) is never built;
    `similarity[rows, cols]` reads as the dense matrix would."""

    def __init__(self, unit: Any) -> None:
        self.unit = unit  # rows: each sentence's unit-length word vector

    def __getitem__(self, key: tuple[Any, Sequence[int]]) -> np.ndarray:
        rows, cols = key
        block = _dense(self.unit @ self.unit[list(cols)].T)
        return np.asarray(block[rows])


def _dense(matrix: Any) -> np.ndarray:
    return np.asarray(matrix.toarray() if sparse.issparse(matrix) else matrix)


def awkwardness(sentences: Sequence[Sentence]) -> np.ndarray:
    """How badly each sentence reads out of its article: it opens inside a quotation, leans on
    what came before ("However, he said") or speaks in the first person (one point each)."""
    return np.array(
        [
            float(s.text[:1] in _QUOTES)
            + bool(_CONNECTIVE.match(s.text))
            + bool(_PRONOUN.match(s.text))
            + bool(_PRONOUN_SAID.search(s.text))
            + bool(_FIRST_PERSON.search(s.text.lower()))
            for s in sentences
        ]
    )


def stands_alone(text: str) -> bool:
    """Whether a sentence reads on its own, outside its article: not a quotation whose speaker
    is only a pronoun ('"We will not stop," he said.'), nor one opening with a pronoun that
    speaks ("She said the talks had failed."). Who "he" is was in the sentences before, which
    the summary does not show. On NeuS train (3-fold CV) barring them changes 38 of 2,452
    summaries, ROUGE-1/2 +0.01 / +0.02 (SE 0.01)."""
    if text.lstrip()[:1] in _QUOTES and _PRONOUN_SPEAKER.search(text):
        return False
    return not _PRONOUN_SPEAKS.match(text)


def _ending(text: str) -> str:
    """The sentence's last mark, past closing quotes and brackets."""
    return text.rstrip(_CLOSERS)[-1:]


@dataclass(slots=True)
class Coverage:
    """What the selection weighs: each sentence's word counts and each word's chance."""

    counts: Any  # sentences x the story's distinct words: numpy array, or scipy CSR when large
    chance: np.ndarray  # per word: the chance that the roundup uses it


def word_rows(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    source: Sequence[int],
    prior: Prior,
    said: Sequence[Sequence[str]] | None = None,
) -> WordTable:
    """The story's distinct words with their `WORD_FEATURES`, and each sentence's counts.

    `source`: each sentence's independent source (`sentence_sources`); `said`: each sentence's
    `tokens`, when the caller has them already."""
    words = [tokens(s.text) for s in sentences] if said is None else said
    titles = [tokens(a.title) for a in articles if a.title]
    return word_table(words, [s.index for s in sentences], source, titles, prior)


def coverage(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    story: _Story,
    weights: SummaryWeights,
    said: Sequence[Sequence[str]] | None = None,
) -> Coverage:
    """Each sentence's words and each word's chance under the word model (`said`: each
    sentence's `tokens`, when the caller has them)."""
    prior = weights.prior or shipped_prior()
    words = word_rows(articles, sentences, story.source.tolist(), prior, said)
    chance = np.zeros(words.counts.shape[1])  # a story without words keeps one empty column
    chance[: len(words.vocabulary)] = probabilities(words.table, weights.words)
    return Coverage(words.counts, chance)


def select(
    candidates: Sequence[Candidate],
    covered: Coverage,
    similarity: Similarity,
    count: int,
    weights: SummaryWeights,
    meaning: Meaning | None = None,
) -> list[int]:
    """Greedy choice of `count` sentences, best gain first.

    The objective is the roundup's words the summary is expected to share, per word of summary
    (an F1 whose denominator holds the roundup's expected length, `count * target_words`): a
    word is worth its chance the first time, `decay` times less each time again, so a sentence
    that repeats what is said gains little. Never a sentence whose every claim is told (with
    `meaning`, only when it also means nearly what a sentence telling them does), nor one within
    REPEAT_COSINE of one taken."""
    decay = weights.decay
    worth = _repeats_worth(covered.counts, decay)
    words = np.array([c.words for c in candidates], dtype=np.float64)
    used = np.zeros(covered.counts.shape[1])
    chosen: list[int] = []
    taken_claims: set[str] = set()
    shared, length = 0.0, count * weights.target_words
    # Whole sentences first; fragments only when there are not enough of them.
    for whole in (True, False):
        open_ = np.array([bool(c.words) and c.whole is whole for c in candidates])
        while open_.any() and len(chosen) < count:
            gains = worth @ (covered.chance * decay**used)
            best = int(np.argmax(np.where(open_, (shared + gains) / (length + words), -np.inf)))
            open_[best] = False
            ids = {c.id for c in candidates[best].claims}
            if ids and ids <= taken_claims and _retells(best, candidates, chosen, meaning):
                continue  # it only says again, in other words, what the summary already says
            if chosen and float(similarity[best, chosen].max()) >= REPEAT_COSINE:
                continue
            chosen.append(best)
            taken_claims |= ids
            shared += gains[best]
            length += words[best]
            used += _dense(covered.counts[best]).ravel()
    if all(candidates[i].whole for i in chosen):  # fragments: too few whole sentences to swap
        length = count * weights.target_words
        chosen = improve(candidates, covered, similarity, chosen, length, decay, meaning)
    return chosen


def improve(
    candidates: Sequence[Candidate],
    covered: Coverage,
    similarity: Similarity,
    chosen: list[int],
    length: float,
    decay: float,
    meaning: Meaning | None = None,
) -> list[int]:
    """Swap chosen sentences for others while the selection's objective rises.

    Greedy choice commits to its first pick: a long sentence that covers much of the story may
    crowd out two shorter ones that together cover more. Each pass tries every whole sentence
    in place of each chosen one (the value of a set is the greedy objective of `select`, so a
    swap is scored exactly, all candidates at once); the same rules hold for the one swapped
    in (not every claim already told, not a near repeat). At most SWAP_PASSES passes."""
    whole = np.array([bool(c.words) and c.whole for c in candidates])
    if whole.sum() <= len(chosen):
        return chosen  # nothing left to swap in (a short story's every sentence is chosen)
    worth = _repeats_worth(covered.counts, decay)
    words = np.array([c.words for c in candidates], dtype=np.float64)
    claims = [{c.id for c in candidate.claims} for candidate in candidates]
    # a sentence stating no claim is never barred as told; most stories' claims are few
    stating = [k for k, ids in enumerate(claims) if ids]
    best = _set_value(covered, words, chosen, length, decay)
    for _ in range(SWAP_PASSES):
        improved = False
        for position in range(len(chosen)):
            rest = chosen[:position] + chosen[position + 1 :]
            open_ = whole.copy()
            open_[chosen] = False
            if rest:
                open_ &= similarity[:, rest].max(axis=1) < REPEAT_COSINE
            if stating:
                told = set().union(*(claims[i] for i in rest))
                retold = [k for k in stating if claims[k] <= told]
                open_[[k for k in retold if _retells(k, candidates, rest, meaning)]] = False
            if not open_.any():
                continue
            used = _used(covered, rest)
            shared = float(_repeats_worth(used, decay) @ covered.chance)
            gains = worth @ (covered.chance * decay**used)
            values = np.where(open_, (shared + gains) / (length + words[rest].sum() + words), -1)
            top = int(np.argmax(values))
            if values[top] > best + 1e-12:
                chosen = [*rest[:position], top, *rest[position:]]
                best, improved = float(values[top]), True
        if not improved:
            break
    return chosen


def _retells(
    index: int, candidates: Sequence[Candidate], chosen: Sequence[int], meaning: Meaning | None
) -> bool:
    """Whether a sentence whose claims are all told says again what a chosen sentence says.

    Claims group sentences by meaning, and now and then join two that only share a topic
    ("the staff resigned" / "Democrats attacked him after the staff resigned"); a shared claim
    alone would then bar a sentence that says more. With `meaning`, the sentence must also be
    within RETELL_MEANING (MiniLM cosine) of a chosen sentence that tells one of its claims."""
    if meaning is None:
        return True
    ids = {c.id for c in candidates[index].claims}
    tellers = [j for j in chosen if ids & {c.id for c in candidates[j].claims}]
    return any(meaning(index, j) >= RETELL_MEANING for j in tellers)


class Meaning:
    """Cosines of the sentences' embeddings, each sentence embedded when first asked about."""

    def __init__(self, texts: Sequence[str], resources: Resources) -> None:
        self._texts = texts
        self._resources = resources
        self._vectors: dict[int, np.ndarray] = {}

    def __call__(self, first: int, second: int) -> float:
        missing = [k for k in dict.fromkeys((first, second)) if k not in self._vectors]
        if missing:
            vectors = self._resources.embedder().embed([self._texts[k] for k in missing])
            norms = np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
            self._vectors.update(zip(missing, vectors / norms, strict=True))
        return float(self._vectors[first] @ self._vectors[second])


def _used(covered: Coverage, rows: Sequence[int]) -> np.ndarray:
    """How often the sentences `rows` use each of the story's words, together."""
    if not rows:
        return np.zeros(covered.counts.shape[1])
    if isinstance(covered.counts, np.ndarray):
        together: np.ndarray = covered.counts[list(rows)].sum(axis=0)  # quicker than below
        return together
    return np.asarray(covered.counts[list(rows)].sum(axis=0), dtype=np.float64).ravel()


def _set_value(
    covered: Coverage,
    words: np.ndarray,
    rows: Sequence[int],
    length: float,
    decay: float,
) -> float:
    """The selection's objective for the set `rows`: expected shared words per word."""
    used = _used(covered, rows)
    shared = float(_repeats_worth(used, decay) @ covered.chance)
    return shared / (length + float(words[list(rows)].sum()))


def _repeats_worth(counts: Any, decay: float) -> Any:
    """What a sentence's uses of each word are worth: k uses, 1 + d + ... + d^(k-1)."""
    if isinstance(counts, np.ndarray):
        return (1 - decay**counts) / (1 - decay)
    worth = counts.copy()
    worth.data = (1 - decay**worth.data) / (1 - decay)
    return worth


def _cited_sources(candidate: Candidate) -> int:
    return max((c.independent_sources for c in candidate.claims), default=1)


def _summary_sentence(candidate: Candidate) -> SummarySentence:
    sentence = candidate.sentence
    cited = {sentence.article}
    for claim in candidate.claims:
        cited.update(m.article for m in claim.mentions)
    return SummarySentence(
        text=sentence.text,
        article=sentence.article,
        start=sentence.start,
        end=sentence.end,
        claims=[c.id for c in candidate.claims],
        articles=sorted(cited),
    )
