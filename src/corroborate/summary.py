"""Extractive summary with citations: the best-supported facts first, no repetition.

Candidates are the kept sentences of the articles (never removed text). Each is scored from
lexical signals only (no parse, no embeddings: a story's summary takes milliseconds):
- support: how closely each *other* independent source has a sentence saying the same (best
  TF-IDF cosine per source, sources resolved through `corroborate.sources` so copies count once),
  and how many of its words and word pairs the other sources also use;
- centrality and closeness to the articles' headlines;
- shape: position in its article (leads state the news), length, quotes, first person,
  questions, fragments.
A linear model turns the signals into the expected share of a sentence's words that a neutral
roundup of the story would use (fitted on NeuS *train* roundups, see `SummaryWeights`).
Sentences are then taken greedily by the gain in expected word overlap per word of summary,
less a penalty for words already said (lexical overlap with the sentences taken), and never a
sentence whose every claim is already told (the claims stage matches paraphrases) or that
repeats one nearly word for word. Each claim is then shown in the plainest wording any outlet
gave it, and the summary lists its sentences best-supported first, each with its claims and
articles.
"""

from __future__ import annotations

import itertools
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

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_TOKEN = re.compile(r"[a-z0-9]+")  # words as ROUGE counts them: the length of a sentence
_FIRST_PERSON = re.compile(r"\b(?:i|we|my|our|us|you|your|me)\b")
# Capitalised words not opening the sentence (names, mostly) and numbers: the facts' anchors.
_NAME = re.compile(r"(?<!^)(?<![.!?\"“] )\b[A-Z][a-zA-Z]+")
_CAPITALISED = re.compile(r"\b[A-Z][a-zA-Z]+")
_NUMBER = re.compile(r"\d[\d,.]*")
_DIGIT = re.compile(r"\d")
_CONNECTIVE = re.compile(
    r"^\W*(?:however|but|and|also|instead|still|yet|meanwhile|so|then|thus|moreover|"
    r"furthermore|additionally|nevertheless|indeed|in addition|as a result)\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"^\W*(?:he|she|they|it|this|that|these|those|his|her|their|its)\b", re.I)
_PRONOUN_SAID = re.compile(r"\b(?:he|she|they)\s+(?:said|says|added|told|noted|argued)\b", re.I)
_ATTRIBUTION = re.compile(r"\b(?:said|says|told|according)\b")
_STOP = frozenset(STOP_WORDS) | {"said", "says", "say", "told", "mr", "ms", "s"}
_QUOTES = "\"“‘'"
_CLOSERS = _QUOTES + "”’)"
DENSE_CELLS = 200_000  # sentences x distinct words up to which the vectors are dense arrays
MIN_WORDS = 6  # shorter, and it is taken only when whole sentences run out
# A sentence this close (TF-IDF cosine) to another source's sentence counts that source as support.
SUPPORT_COSINE = 0.25
# A sentence this close to one already taken says the same again (a copy's wording, a near
# repeat in one outlet) and is never taken, whatever its score.
REPEAT_COSINE = 0.6

SIGNALS = (
    "support_mean",  # mean over the other sources of the best cosine to one of their sentences
    "support_max",  # the best cosine to any other source's sentence
    "support_count",  # share of the other sources with a sentence closer than SUPPORT_COSINE
    "word_share",  # share of the sentence's content words the other sources use
    "centrality",  # cosine to the story's centroid
    "title",  # mean cosine to the articles' headlines
    "lead",  # 1 / sqrt(1 + index in the article)
    "first",  # the article's first sentence
    "position",  # index / sentences in the article
    "length",  # words / 30, capped at 60 words
    "short",  # under 8 words
    "long",  # over 40 words
    "quote_start",  # opens with a quotation mark
    "quoted",  # holds a quotation
    "first_person",  # I, we, you...
    "question",  # ends with a question mark
    "complete",  # ends like a sentence (fragments and cut-off excerpts do not)
    "digit",  # holds a number
    "title_share",  # share of its content words found in a headline
    "title_cover",  # share of the headlines' content words it holds
    "pair_share",  # share of its word pairs the other sources or a headline use
    "attributed",  # said / told / according to
    "article_size",  # sentences in its article / 8, capped at 1
    "name_share",  # share of its names (capitalised words) the other sources use
    "name_title",  # share of its names found in a headline
    "number_share",  # share of its numbers the other sources use
    "names",  # names / 5
    "opens_connective",  # opens with "However", "But", "Instead"...: it leans on what came before
    "opens_pronoun",  # opens with "He", "They", "It"...: whom it means is in another sentence
    "pronoun_said",  # "he said", "she told": the speaker is named elsewhere
    "bias",
)


@dataclass(slots=True, frozen=True)
class SummaryWeights:
    """The linear model over `SIGNALS` and the selection's two constants.

    All fitted on NeuS *train* only (`bench/bench_summary.py --fit`); val is never used:
    `signals` by ridge regression, over all 2,452 train stories, of each sentence's ROUGE-1 +
    ROUGE-2 precision against the story's roundup (the share of its words and word pairs the
    roundup uses); `target_words` (the roundup's expected words per sentence, in the F1
    denominator of the selection) and `overlap` (the penalty per word already said) as the
    best of a small grid by 3-fold cross-validation of the summaries' ROUGE-1 + ROUGE-2.
    """

    signals: tuple[float, ...] = (
        -0.153, 0.158, 0.021, 0.487, -0.056, 0.366, -0.057, 0.0, -0.038, -0.045, -0.08,
        -0.018, -0.008, -0.008, -0.045, -0.09, 0.026, 0.026, 0.197, 0.04, 0.114, 0.007,
        -0.061, -0.003, -0.004, 0.017, 0.045, -0.049, -0.032, 0.002, 0.396,
    )  # fmt: skip
    target_words: float = 10.0
    overlap: float = 0.3


@dataclass(slots=True)
class Candidate:
    sentence: Sentence
    claims: list[Claim] = field(default_factory=list)
    score: float = 0.0
    words: int = 0
    whole: bool = True  # a sentence of MIN_WORDS words or more that ends like one


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
    table, similarity = signals(articles, [c.sentence for c in candidates])
    for candidate, score in zip(candidates, table @ np.array(weights.signals), strict=True):
        candidate.score = float(score)
    chosen = select(candidates, similarity, count or resources.settings.summary_sentences, weights)
    chosen = plain_wordings(candidates, chosen, _awkwardness(table))
    chosen.sort(key=lambda i: (-_cited_sources(candidates[i]), -candidates[i].score))
    return [_summary_sentence(candidates[i]) for i in chosen]


# Signals that make a sentence read badly out of its article: it opens inside a quotation, leans
# on what came before ("However, he said") or speaks in the first person.
_AWKWARD = ("quote_start", "opens_connective", "opens_pronoun", "pronoun_said", "first_person")


def _awkwardness(table: np.ndarray) -> np.ndarray:
    return np.asarray(table[:, [SIGNALS.index(name) for name in _AWKWARD]].sum(axis=1))


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
            words = len(_TOKEN.findall(sentence.text.lower()))
            whole = words >= MIN_WORDS and _ending(sentence.text) in (".", "!", "?")
            by_span[(article.id, sentence.index)] = Candidate(sentence, words=words, whole=whole)
    starts = {a.id: [(s.start, s.end, s.index) for s in a.sentences] for a in articles}
    for claim in claims:
        for mention in claim.mentions:
            for start, end, index in starts.get(mention.article, []):
                candidate = by_span.get((mention.article, index))
                if candidate and start <= mention.start < end and claim not in candidate.claims:
                    candidate.claims.append(claim)
    return list(by_span.values())


class _Terms:
    """Content words, lower-cased and lightly stemmed; the stems cached for one story."""

    def __init__(self) -> None:
        self._stems: dict[str, str] = {}

    def __call__(self, text: str) -> list[str]:
        return [self._stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP]

    def _stem(self, word: str) -> str:
        stem = self._stems.get(word)
        if stem is None:
            stem = _strip_suffix(word)
            self._stems[word] = stem
        return stem


def _strip_suffix(word: str) -> str:
    """Plural, -ing and -ed endings off, so "strikes"/"strike" and "halted"/"halt" meet."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if len(word) > 5 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@dataclass(slots=True)
class _Story:
    """The story's sentences as terms and TF-IDF vectors, with the source of each."""

    terms: list[list[str]]
    titles: list[list[str]]
    source: np.ndarray  # per sentence: the index of its independent source
    sources: int
    unit: Any  # L2-normalised TF-IDF rows, one per sentence (numpy, or scipy CSR when large)
    title_unit: Any  # the same for the headlines (no rows when there are none)
    centroid: np.ndarray  # the unit vector of the whole story's TF-IDF

    @property
    def others(self) -> int:
        return max(self.sources - 1, 1)


def _story(articles: Sequence[Article], sentences: Sequence[Sentence]) -> _Story:
    by_id = {a.id: a for a in articles}
    terms_of = _Terms()
    terms = [terms_of(s.text) for s in sentences]
    titles = [terms_of(a.title) for a in articles if a.title]
    keys = [_source_key(by_id, s) for s in sentences]
    index = {key: k for k, key in enumerate(dict.fromkeys(keys))}
    vocabulary: dict[str, int] = {}
    for words in [*terms, *titles]:
        for word in words:
            vocabulary.setdefault(word, len(vocabulary))
    dense = len(terms) * len(vocabulary) <= DENSE_CELLS
    tf = _counts(terms, vocabulary, dense)
    # Inverse sentence frequency within the story: words every outlet repeats weigh less.
    found = _column_sums(tf > 0)
    idf = np.log((len(terms) + 1) / (found + 1)) + 1
    total = _column_sums(tf) * idf
    return _Story(
        terms=terms,
        titles=titles,
        source=np.array([index[k] for k in keys], dtype=np.int64),
        sources=len(index),
        unit=_unit_rows(tf, idf),
        title_unit=_unit_rows(_counts(titles, vocabulary, dense), idf),
        centroid=total / max(float(np.linalg.norm(total)), 1e-9),
    )


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


def _dense(matrix: Any) -> np.ndarray:
    return np.asarray(matrix.toarray() if sparse.issparse(matrix) else matrix)


def signals(
    articles: Sequence[Article], sentences: Sequence[Sentence]
) -> tuple[np.ndarray, np.ndarray]:
    """One row of `SIGNALS` per sentence, and the sentences' TF-IDF cosines to one another."""
    story = _story(articles, sentences)
    similarity = _dense(story.unit @ story.unit.T)
    sizes = {a.id: len(a.sentences) for a in articles}
    columns = {
        **_support(story, similarity),
        **_shares(story),
        **_shapes(sentences, sizes),
        **_anchors(articles, sentences, story),
        "centrality": story.unit @ story.centroid,
        "title": _title_closeness(story),
        "bias": np.ones(len(sentences)),
    }
    table = np.column_stack([columns[name] for name in SIGNALS]) if sentences else None
    return (table if table is not None else np.zeros((0, len(SIGNALS)))), similarity


def _support(story: _Story, similarity: np.ndarray) -> dict[str, np.ndarray]:
    """How closely each other source has a sentence saying the same."""
    n = len(story.terms)
    # the best cosine to each source's sentences: columns grouped by source, one max per group
    order = np.argsort(story.source, kind="stable")
    starts = np.searchsorted(story.source[order], np.arange(story.sources))
    best = np.maximum.reduceat(similarity[:, order], starts, axis=1)
    best[np.arange(n), story.source] = 0.0  # a source never supports itself
    return {
        "support_mean": best.sum(axis=1) / story.others,
        "support_max": best.max(axis=1),
        "support_count": (best > SUPPORT_COSINE).sum(axis=1) / story.others,
    }


def _shares(story: _Story) -> dict[str, np.ndarray]:
    """Shares of a sentence's words and word pairs the other sources or headlines use."""
    n = len(story.terms)
    words_by: dict[str, set[int]] = {}
    pairs_by: dict[tuple[str, str], set[int]] = {}
    for words, source in zip(story.terms, story.source.tolist(), strict=True):
        for word in words:
            words_by.setdefault(word, set()).add(source)
        for pair in itertools.pairwise(words):
            pairs_by.setdefault(pair, set()).add(source)
    title_words = {w for t in story.titles for w in t}
    title_pairs = {p for t in story.titles for p in itertools.pairwise(t)}
    out = {name: np.zeros(n) for name in ("word_share", "pair_share", "title_share", "title_cover")}
    for i, words in enumerate(story.terms):
        if not words:
            continue
        # each word counts the other sources that use it (its own source is always among them)
        out["word_share"][i] = sum(len(words_by[w]) - 1 for w in words) / (
            len(words) * story.others
        )
        pairs = list(itertools.pairwise(words))
        if pairs:
            used = sum(len(pairs_by[p]) - 1 + (p in title_pairs) for p in pairs)
            out["pair_share"][i] = used / (len(pairs) * story.others)
        out["title_share"][i] = sum(w in title_words for w in words) / len(words)
        if title_words:
            out["title_cover"][i] = len(title_words.intersection(words)) / len(title_words)
    return out


def _anchors(
    articles: Sequence[Article], sentences: Sequence[Sentence], story: _Story
) -> dict[str, np.ndarray]:
    """Shares of a sentence's names and numbers that the other sources (or headlines) use."""
    names = [{w.lower() for w in _NAME.findall(s.text)} for s in sentences]
    numbers = [set(_NUMBER.findall(s.text)) for s in sentences]
    title_names = {w.lower() for a in articles if a.title for w in _CAPITALISED.findall(a.title)}
    sources = story.source.tolist()
    out = {key: np.zeros(len(sentences)) for key in ("name_share", "name_title", "number_share")}
    for key, found in (("name_share", names), ("number_share", numbers)):
        used: dict[str, set[int]] = {}
        for items, source in zip(found, sources, strict=True):
            for item in items:
                used.setdefault(item, set()).add(source)
        for i, items in enumerate(found):
            if items:
                out[key][i] = sum(len(used[x]) - 1 for x in items) / (len(items) * story.others)
    for i, items in enumerate(names):
        if items:
            out["name_title"][i] = len(items & title_names) / len(items)
    out["names"] = np.array([len(n) / 5 for n in names])
    return out


def _title_closeness(story: _Story) -> np.ndarray:
    """Mean cosine to the headlines: the roundup tells what the headlines announce."""
    if not story.titles:
        return np.zeros(len(story.terms))
    return np.asarray(_dense(story.unit @ story.title_unit.T).mean(axis=1))


def _shapes(sentences: Sequence[Sentence], sizes: Mapping[str, int]) -> dict[str, np.ndarray]:
    """Position, length and style signals of each sentence."""
    rows = [_shape(s, sizes.get(s.article, 1)) for s in sentences]
    names = (
        "lead", "first", "position", "length", "short", "long", "quote_start", "quoted",
        "first_person", "question", "complete", "digit", "attributed", "article_size",
        "opens_connective", "opens_pronoun", "pronoun_said",
    )  # fmt: skip
    table = np.array(rows, dtype=np.float64).reshape(len(sentences), len(names))
    return {name: table[:, k] for k, name in enumerate(names)}


def _ending(text: str) -> str:
    """The sentence's last mark, past closing quotes and brackets."""
    return text.rstrip(_CLOSERS)[-1:]


def _shape(sentence: Sentence, size: int) -> list[float]:
    text = sentence.text
    words = len(text.split())
    lower = text.lower()
    ending = _ending(text)
    return [
        1 / (1 + sentence.index) ** 0.5,
        float(sentence.index == 0),
        sentence.index / max(size, 1),
        min(words, 60) / 30,
        float(words < 8),
        float(words > 40),
        float(text[:1] in _QUOTES),
        float(sum(text.count(mark) for mark in '"“”') >= 2),
        float(bool(_FIRST_PERSON.search(lower))),
        float(ending == "?"),
        float(ending in (".", "!", "?")),
        float(bool(_DIGIT.search(text))),
        float(bool(_ATTRIBUTION.search(lower))),
        min(size, 8) / 8,
        float(bool(_CONNECTIVE.match(text))),
        float(bool(_PRONOUN.match(text))),
        float(bool(_PRONOUN_SAID.search(text))),
    ]


def select(
    candidates: Sequence[Candidate], similarity: np.ndarray, count: int, weights: SummaryWeights
) -> list[int]:
    """Greedy choice of `count` sentences, best gain first.

    The objective is the expected words shared with a roundup per word of summary (an F1 whose
    denominator holds the roundup's expected length, `count * target_words`), less `overlap`
    per word that repeats a sentence already taken (cosine times the shorter length)."""
    words = np.array([c.words for c in candidates], dtype=np.float64)
    gains = np.array([c.score for c in candidates]) * words
    chosen: list[int] = []
    taken_claims: set[str] = set()
    shared, length, repeated = 0.0, count * weights.target_words, np.zeros(len(candidates))
    # Whole sentences first; fragments only when there are not enough of them.
    tiers = [
        [i for i, c in enumerate(candidates) if c.words and c.whole is w] for w in (True, False)
    ]
    for open_ in tiers:
        while open_ and len(chosen) < count:
            values = [
                (shared + gains[i] - 2 * weights.overlap * repeated[i]) / (length + words[i])
                for i in open_
            ]
            best = open_.pop(int(np.argmax(values)))
            ids = {c.id for c in candidates[best].claims}
            if ids and ids <= taken_claims:
                continue  # it only says again, in other words, what the summary already says
            if chosen and float(similarity[best, chosen].max()) >= REPEAT_COSINE:
                continue
            chosen.append(best)
            taken_claims |= ids
            shared += gains[best] - 2 * weights.overlap * repeated[best]
            length += words[best]
            repeated += similarity[best] * np.minimum(words, words[best])
    return chosen


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
