"""What two sentences share: the signals behind "these state the same fact".

Each sentence is reduced once to `SentenceFacts` (content lemmas, named-entity words, numbers,
negation) from its spaCy parse; a pair of sentences then gives a handful of features beside the
embedding cosine, and the pair model's per-word weights summed over the pair's words (see
`pair_model`). The logistic model shipped in `pair_model.json`, fitted on the train part of the
MSRP paraphrase corpus by bench/bench_alignment.py (`--fit`), turns them into the probability that
the two sentences state the same fact. The aligner and the benchmark call the same `same_fact`.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from rapidfuzz import fuzz

from corroborate.claims.pair_model import PairModel, shipped_model
from corroborate.figures.extract import read_quantities
from corroborate.figures.names import MEASURE_NAMES, NAME_HEADS, names_match, norm_name

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20",
    "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "half": "0.5",
}  # fmt: skip
_NEGATIONS = frozenset({"not", "no", "never", "n't", "neither", "nor", "none"})
_NEGATIVE_PREFIXES = ("un", "non", "in", "im", "ir", "il", "dis")
_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT"})
_PATIENT = frozenset({"dobj", "nsubjpass"})
_PLACE_PREPOSITIONS = frozenset("at in near off from outside inside across on".split())
# Words of a date that say no day: "last year" and "this year" share "year" and are kept
# apart by nothing here (a rule that errs towards one occasion).
_RELATIVE_DATES = frozenset(
    "today yesterday tomorrow tonight now weekend week month year years recently".split()
)
_DATE_FILLER = frozenset("the a an of on in at about around early late last this next".split())
_HOLDER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})

BASE_FEATURES = (
    "cosine",
    "lemma_jaccard",
    "lemma_containment",
    "bigram_dice",
    "entity_jaccard",
    "entity_clash",
    "number_clash",
    "number_shared",
    "length_ratio",
    "unshared_lemma_share",
    "length_gap",
    "token_set_ratio",
    "token_sort_ratio",
    "char_ratio",
    "word_jaccard",
    "unshared_fewer",
    "unshared_more",
)
# Word-by-word alignment (a BERTScore-like comparison): each word piece's best cosine to the
# other sentence's pieces, from the embedder's token vectors. "Unaligned" pieces, those whose
# best match is below a threshold, are what one sentence says that the other does not: the
# commonest reason two close news sentences are not paraphrases on MSRP.
TOKEN_THRESHOLDS = (0.4, 0.5, 0.6, 0.7, 0.8)
_UNALIGNED = tuple(
    f"unaligned_{kind}_{threshold}"
    for threshold in TOKEN_THRESHOLDS
    for kind in ("count_max", "count_min", "share_max", "share_min")
)
TOKEN_FEATURES = ("token_recall_min", "token_recall_max", "token_f", "token_worst", *_UNALIGNED)
NGRAM_SIZES = (1, 2, 3, 4)
NGRAM_FEATURES = tuple(f"word_{n}gram_dice" for n in NGRAM_SIZES)
# Each base feature again, times the cosine: lexical overlap means more when the meanings are
# close too; then the alignment and n-gram features.
FEATURES = (
    BASE_FEATURES
    + tuple(f"cosine_x_{name}" for name in BASE_FEATURES)
    + TOKEN_FEATURES
    + NGRAM_FEATURES
    + ("word_evidence",)
)
# The last feature is the pair model's summed per-word weights (`pair_model.PairModel.evidence`);
# the others are the dense features the model weighs.
DENSE_FEATURES = FEATURES[:-1]
THRESHOLD = 0.5


@dataclass(slots=True, frozen=True)
class SentenceFacts:
    """The parts of a sentence the alignment features compare."""

    lemmas: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    entities: frozenset[str]
    numbers: frozenset[str]
    negated: frozenset[str]  # content lemmas a negation applies to ("not realistic": realistic)
    length: int
    words: frozenset[str] = frozenset()
    prefixed: frozenset[str] = frozenset()  # "unrealistic" gives "realistic": negated if a word
    text: str = ""
    negations: int = 0  # negation words ("not", "never", "no")
    # Word n-gram counts, n = 1..4, for the n-gram overlap features.
    grams: tuple[Counter[tuple[str, ...]], ...] = field(default=(), compare=False)
    # Who did what: (verb lemma, the named doer) for each verb whose doer is a name, from an
    # active subject or a passive "by" agent ("Lind closed the port", "closed by Lind").
    actors: frozenset[tuple[str, str]] = frozenset()
    # Every token's lemma, lower-cased, stop words and punctuation included: the pair model's
    # per-word weights are looked up with these ("said", "," and "also" matter on MSRP).
    all_lemmas: frozenset[str] = frozenset()
    # The named things the sentence states a fact about (people, organisations, places), its
    # speakers left out ("..., Reuters said", "according to police"): two sentences giving
    # different figures under different holders state two facts ("Velmora spends 1.9%" /
    # "Castrel spends 3.2%"), see `apart.two_facts`.
    holders: frozenset[str] = frozenset()
    # ... and those of them that name who does what the sentence tells (`_holders`): two
    # sentences whose doers are different names state two facts ("Rennick won the harbour
    # swim" / "Okafor won the harbour swim").
    doers: frozenset[str] = frozenset()
    # Doers who are people ("Mara Lind closed the terminal"): two of them for one act on one
    # thing are two versions of it, a dispute, and stay joinable (`apart.two_facts`).
    people: frozenset[str] = frozenset()
    # (number as written, what it measures) for each figure with a known measure (`_measures`):
    # one number in two measures is two facts ("weighs 310kg" / "cost €310m").
    measures: frozenset[tuple[float, str]] = frozenset()
    # Lemmas of the common nouns acted on (objects, passive subjects): two people doing "one
    # act" on two things ("the rocket was built by" / "the satellite was built by") are two
    # facts, not two versions of one (`apart.two_facts`).
    patients: frozenset[str] = frozenset()
    # Where and when (`places_of`, `dates_of`): one act at two named places on two dates is
    # two occasions ("ran aground off Kellan Island on Saturday" / "near Port Arran in 2021").
    places: frozenset[str] = frozenset()
    dates: frozenset[tuple[str, ...]] = frozenset()


def facts_of_tokens(tokens: Iterable[Any]) -> SentenceFacts:
    """Facts from spaCy tokens (a Span or Doc): lemmas, entity words, numbers, negation."""
    tokens = list(tokens)
    holders, people, doers = _holders(tokens)
    text = "".join(token.text_with_ws for token in tokens).strip()
    lemmas: set[str] = set()
    words: list[str] = []
    entities: set[str] = set()
    numbers: set[str] = set()
    negated: set[str] = set()
    prefixed: set[str] = set()
    for token in tokens:
        lower = token.lower_
        if token.is_punct or token.is_space:
            continue
        words.append(lower)
        if lower in _NEGATIONS or token.dep_ == "neg":
            negated.update(_negated_by(token))
        prefixed.update(
            lower[len(p) :]
            for p in _NEGATIVE_PREFIXES
            if lower.startswith(p) and token.pos_ in {"ADJ", "ADV"}
        )
        if token.ent_type_ in _ENTITY_LABELS and token.is_alpha:
            entities.add(lower)
        numbers.update(_numbers_in(lower))
        if token.is_alpha and not token.is_stop:
            lemmas.add(token.lemma_.lower())
    return SentenceFacts(
        lemmas=frozenset(lemmas),
        bigrams=frozenset(itertools.pairwise(words)),
        entities=frozenset(entities),
        numbers=frozenset(numbers),
        negated=frozenset(negated),
        length=len(words),
        words=frozenset(words),
        prefixed=frozenset(prefixed),
        negations=sum(1 for word in words if word in _NEGATIONS),
        grams=_ngram_counts(words),
        actors=frozenset(_actors(tokens)),
        all_lemmas=frozenset(t.lemma_.lower() for t in tokens if not t.is_space),
        holders=frozenset(holders),
        doers=frozenset(doers),
        people=frozenset(people),
        text=text,
        measures=measures_of(text),
        patients=frozenset(
            t.lemma_.lower() for t in tokens if t.dep_ in _PATIENT and t.pos_ == "NOUN"
        ),
        places=places_of(tokens),
        dates=dates_of(tokens),
    )


# Verbs that say who spoke, not who acted: a different speaker is no different version.
_SPEECH_VERBS = frozenset(
    "say tell add state note stress warn insist explain claim argue report confirm".split()
)


def _actors(tokens: list[Any]) -> set[tuple[str, str]]:
    """(verb lemma, doer's name) for verbs whose doer is named in these tokens."""
    inside = {t.i for t in tokens}
    found: set[tuple[str, str]] = set()
    for token in tokens:
        doer = None
        if token.dep_ == "nsubj":
            doer, verb = token, token.head
        elif token.dep_ == "pobj" and token.head.dep_ == "agent":
            doer, verb = token, token.head.head
        if doer is None or verb.i not in inside or verb.pos_ not in {"VERB", "AUX"}:
            continue
        if verb.lemma_.lower() in _SPEECH_VERBS:
            continue
        name = name_of(doer)
        if name:
            found.add((verb.lemma_.lower(), name))
    return found


def _holders(tokens: list[Any]) -> tuple[set[str], set[str], set[str]]:
    """The names in the tokens ("united states", "pete varga"), lower-cased, outside what
    names a speaker (the subject of a reporting verb, whom it addresses, "told the
    Guardian", and "according to ..."); and those of them inside a doer: the subject of
    another verb or a passive's "by" agent ("Velmora's assembly must ratify", "built by
    Larsholm Yards"), the people among them apart."""
    speakers: set[int] = set()
    doing: set[int] = set()
    for token in tokens:
        head = token.head
        speech = head.lemma_.lower() in _SPEECH_VERBS and head.pos_ == "VERB"
        speaker = speech and token.dep_ in {"nsubj", "dobj", "dative"}
        according = token.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"
        if speaker or according:
            speakers.update(t.i for t in token.subtree)
        elif token.dep_ in {"nsubj", "nsubjpass"} or (
            token.dep_ == "pobj" and head.dep_ == "agent"
        ):
            doing.update(t.i for t in token.subtree)
    names: list[list[Any]] = []
    previous = -2
    for token in tokens:
        if token.i in speakers or not _is_name(token):
            continue
        # a new name starts after a gap or where the tagger starts a new entity
        if token.i != previous + 1 or token.ent_iob_ == "B" or not names:
            names.append([])
        names[-1].append(token)
        previous = token.i
    # a measure's name ("1.9% of GDP") names no holder
    names = [name for name in names if not {t.lower_ for t in name} <= MEASURE_NAMES]
    every = {" ".join(t.lower_ for t in name) for name in names}
    doers = {" ".join(t.lower_ for t in name) for name in names if name[0].i in doing}
    people = {" ".join(t.lower_ for t in name) for name in names if name[-1].ent_type_ == "PERSON"}
    return every, doers & people, doers - people


def places_of(tokens: list[Any]) -> frozenset[str]:
    """The names where something happens: a name as the object of a place preposition ("at
    Edrin Zoo", "off Kellan Island", "near Port Arran"), lower-cased; dates left out."""
    found: set[str] = set()
    for token in tokens:
        head = token.head
        if token.dep_ != "pobj" or head.lower_ not in _PLACE_PREPOSITIONS or not _is_name(token):
            continue
        if token.ent_type_ in {"DATE", "TIME"}:
            continue
        words = [t for t in token.subtree if _is_name(t)]
        found.add(" ".join(t.lower_ for t in words))
    return frozenset(found)


def dates_of(tokens: list[Any]) -> frozenset[tuple[str, ...]]:
    """Each date the tokens give, as its words ("August last year": ("august", "year"))."""
    found: set[tuple[str, ...]] = set()
    spans: dict[int, list[Any]] = {}
    for token in tokens:
        if token.ent_type_ == "DATE" and (token.is_alpha or token.like_num):
            spans.setdefault(_entity_start(token), []).append(token)
    for words in spans.values():
        kept = tuple(t.lower_ for t in words if t.lower_ not in _DATE_FILLER)
        # "today", "last year" name no day to compare ("on Saturday" may be "today"), and a
        # bare number the tagger calls a date ("46 in Akhal region") is none
        if any(w not in _RELATIVE_DATES and not w.isdigit() for w in kept) or any(
            len(w) == 4 and w.isdigit() for w in kept
        ):
            found.add(kept)
    return frozenset(found)


def _entity_start(token: Any) -> int:
    """The index of the first token of the entity the token is in."""
    start = token
    while start.i > 0 and start.ent_iob_ == "I":
        start = start.nbor(-1)
    return int(start.i)


def _is_name(token: Any) -> bool:
    """A word of a name: of a person, organisation or place entity, or a proper noun outside
    any entity (the tagger misses many names, "Velmora spends ..."; a date's "Monday" is
    inside one)."""
    if token.pos_ == "DET" or not any(c.isalpha() for c in token.text):
        return False  # "the" of "the United States"
    return bool(
        token.ent_type_ in _HOLDER_LABELS or (token.pos_ == "PROPN" and not token.ent_type_)
    )


def name_of(token: Any) -> str:
    """The proper name a subject token heads ("Governor Ilsa Marrow" gives "ilsa marrow"),
    or "" when it is no name (a pronoun, "the governor")."""
    if token.pos_ != "PROPN" and token.ent_type_ not in _ENTITY_LABELS:
        return ""
    parts = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token]
    named = [t.lower_ for t in parts if t.ent_type_ in _ENTITY_LABELS or t.i == token.i]
    return " ".join(named)


# What a figure's unit (as the figure reader spells it) measures; money is any currency code.
# A count, and a unit not listed, measure nothing known: "12 flats" / "12 homes" may be one.
_MEASURE_OF = {
    "percent": "share", "percentage points": "share",
    "kg": "mass", "tonnes": "mass", "grams": "mass",
    "km": "length", "miles": "length", "metres": "length", "cm": "length", "mm": "length",
    "feet": "length", "inches": "length", "nautical miles": "length",
    "km2": "area", "square miles": "area", "hectares": "area", "acres": "area",
    "cubic metres": "volume", "litres": "volume", "gallons": "volume", "barrels": "volume",
    "degrees": "temperature", "degrees F": "temperature",
    "MW": "power", "GW": "power", "km/h": "speed", "mph": "speed", "knots": "speed",
    "decades": "time", "years": "time", "months": "time", "weeks": "time", "days": "time",
    "hours": "time", "minutes": "time", "seconds": "time",
}  # fmt: skip


def measures_of(text: str) -> frozenset[tuple[float, str]]:
    """(the number as written, what it measures) for the text's figures whose unit says what
    they measure: "€310m" gives (310, "money"), "310kg" (310, "mass"), "45,000 households"
    nothing (a count)."""
    found = set()
    for quantity in read_quantities(text):
        unit = quantity.unit
        measure = "money" if len(unit) == 3 and unit.isupper() else _MEASURE_OF.get(unit)
        number = _NUMBER.search(text[quantity.number_start : quantity.number_end])
        if measure and number:
            try:
                found.add((float(number.group().replace(",", "")), measure))
            except ValueError:  # "1.2.3" is no number
                continue
    return frozenset(found)


def _ngram_counts(words: list[str]) -> tuple[Counter[tuple[str, ...]], ...]:
    return tuple(
        Counter(tuple(words[k : k + n]) for k in range(len(words) - n + 1)) for n in NGRAM_SIZES
    )


def _negated_by(token: Any) -> set[str]:
    """The content lemmas a negation word applies to: its head, and a copula's complement."""
    head = token.head
    found = {head.lemma_.lower()} if not head.is_stop else set()
    for child in head.children:
        if child.dep_ in {"acomp", "attr"} and not child.is_stop:
            found.add(child.lemma_.lower())
    return found


def _numbers_in(word: str) -> list[str]:
    if word in _NUMBER_WORDS:
        return [_NUMBER_WORDS[word]]
    return [m.group().replace(",", "") for m in _NUMBER.finditer(word)]


def _jaccard(a: frozenset[Any], b: frozenset[Any]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _containment(a: frozenset[Any], b: frozenset[Any]) -> float:
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller else 0.0


def pair_features(
    a: SentenceFacts,
    b: SentenceFacts,
    cosine: float,
    tokens: tuple[np.ndarray, np.ndarray] | None = None,
    model: PairModel | None = None,
) -> list[float]:
    """The features of `FEATURES`, in order, for one pair.

    `tokens` are the two sentences' L2-normalised token vectors (`embed_tokens`); without them
    (a backend that gives none) words align only to the same word. `model` gives the per-word
    weights of the last feature (default: the shipped model).
    """
    both_entities = bool(a.entities) and bool(b.entities)
    both_numbers = bool(a.numbers) and bool(b.numbers)
    bigram_total = len(a.bigrams) + len(b.bigrams)
    only_a, only_b = len(a.lemmas - b.lemmas), len(b.lemmas - a.lemmas)
    base = [
        cosine,
        _jaccard(a.lemmas, b.lemmas),
        _containment(a.lemmas, b.lemmas),
        2 * len(a.bigrams & b.bigrams) / bigram_total if bigram_total else 0.0,
        _jaccard(a.entities, b.entities),
        1.0 if both_entities and not a.entities & b.entities else 0.0,
        1.0 if both_numbers and a.numbers != b.numbers else 0.0,
        1.0 if a.numbers & b.numbers else 0.0,
        min(a.length, b.length) / max(a.length, b.length, 1),
        (only_a + only_b) / max(1, len(a.lemmas | b.lemmas)),
        abs(a.length - b.length) / max(a.length, b.length, 1),
        fuzz.token_set_ratio(a.text, b.text) / 100,
        fuzz.token_sort_ratio(a.text, b.text) / 100,
        fuzz.ratio(a.text.lower(), b.text.lower()) / 100,
        _jaccard(a.words, b.words),
        float(min(only_a, only_b)),
        float(max(only_a, only_b)),
    ]
    interactions = [cosine * value for value in base]
    similarity = _word_similarity(a, b) if tokens is None else tokens[0] @ tokens[1].T
    words = (model or shipped_model()).evidence(a.all_lemmas, b.all_lemmas)
    return base + interactions + token_features(similarity) + ngram_features(a, b) + [words]


def _word_similarity(a: SentenceFacts, b: SentenceFacts) -> np.ndarray:
    """1 where two words are the same, else 0: the alignment without token vectors."""
    left, right = sorted(a.words), sorted(b.words)
    return np.array([[float(x == y) for y in right] for x in left], dtype=np.float32).reshape(
        len(left), len(right)
    )


def token_features(similarity: np.ndarray) -> list[float]:
    """`TOKEN_FEATURES` from the token-by-token cosine matrix of a pair."""
    if similarity.size == 0:
        return [0.0] * len(TOKEN_FEATURES)
    best_a, best_b = similarity.max(axis=1), similarity.max(axis=0)
    recall_a, recall_b = float(best_a.mean()), float(best_b.mean())
    harmonic = 2 * recall_a * recall_b / (recall_a + recall_b) if recall_a + recall_b > 0 else 0.0
    out = [
        min(recall_a, recall_b),
        max(recall_a, recall_b),
        harmonic,
        float(min(best_a.min(), best_b.min())),
    ]
    for threshold in TOKEN_THRESHOLDS:
        count_a, count_b = float((best_a < threshold).sum()), float((best_b < threshold).sum())
        share_a, share_b = count_a / len(best_a), count_b / len(best_b)
        out += [max(count_a, count_b), min(count_a, count_b)]
        out += [max(share_a, share_b), min(share_a, share_b)]
    return out


def ngram_features(a: SentenceFacts, b: SentenceFacts) -> list[float]:
    """`NGRAM_FEATURES`: Dice overlap of word n-grams (with repeats), n = 1..4."""
    out = []
    for grams_a, grams_b in zip(a.grams, b.grams, strict=True):
        total = grams_a.total() + grams_b.total()
        out.append(2 * (grams_a & grams_b).total() / total if total else 0.0)
    return out or [0.0] * len(NGRAM_FEATURES)


def same_fact(features: np.ndarray, model: PairModel | None = None) -> np.ndarray:
    """The probability that each row's pair states the same fact (rows of `pair_features`,
    computed with the same `model`; default: the shipped one)."""
    model = model or shipped_model()
    logits: np.ndarray = features @ model.weights + model.bias
    return np.asarray(1.0 / (1.0 + np.exp(-logits)))


def conflict(a: SentenceFacts, b: SentenceFacts) -> str | None:
    """Why two sentences on the same fact disagree (negation or figures), or None.

    A negation conflicts when a word both use is negated in one only; "not realistic" and
    "unrealistic" agree, and "not enough" in one does not clash with a sentence without "enough".
    """
    vocab_a, vocab_b = a.lemmas | a.words, b.lemmas | b.words
    negated_a = a.negated | (a.prefixed & vocab_b)
    negated_b = b.negated | (b.prefixed & vocab_a)
    parity_a = a.negations + len(a.prefixed & vocab_b)
    parity_b = b.negations + len(b.prefixed & vocab_a)
    shared = (negated_a ^ negated_b) & (vocab_a | negated_a) & (vocab_b | negated_b)
    if parity_a % 2 != parity_b % 2 and shared:
        return "negation"
    if a.numbers and b.numbers and not any(_close(x, y) for x in a.numbers for y in b.numbers):
        return "figures"
    if actor_clash(a, b):
        return "actor"
    return None


def actor_clash(a: SentenceFacts, b: SentenceFacts) -> tuple[str, str, str] | None:
    """(verb, doer in a, doer in b) when the two name different doers of the same act
    ("Lind closed the port" / "Brenner closed the port"); None otherwise.

    A doer one sentence names anywhere in the other, or a spelling of the same name
    ("Marrow" / "Marro"), is no clash: the other may just word the act differently.
    """
    for verb, doer_a in sorted(a.actors):
        for other_verb, doer_b in sorted(b.actors):
            if verb != other_verb or same_name(doer_a, doer_b):
                continue
            if named_in(doer_a, b) or named_in(doer_b, a):
                continue
            return verb, doer_a, doer_b
    return None


def same_name(x: str, y: str) -> bool:
    """Two spellings of one name, as the figure stage reads names (`figures.names`: its aliases,
    "america" / "us", "britain" / "uk", dots and possessives dropped, a shared stem of five
    letters), or more loosely: words that differ by a letter or two ("marrow" / "marro"), or a
    short form and the name it stands for ("eu" / "european union"). Initials must match
    exactly: "im" is no short form of "ilsa marrow" by fuzz.

    Looser than the figure stage on purpose: here a "same" only vetoes an actor dispute, so a
    false one costs a missed dispute; there a shared name ties two figures into a conflict."""
    if names_match(_figure_names(x), _figure_names(y)):
        return True
    words_x, words_y = _plain_words(x), _plain_words(y)
    if any(fuzz.ratio(p, q) >= 80 for p in words_x for q in words_y):
        return True
    return _initials(words_x) in words_y or _initials(words_y) in words_x


def _figure_names(name: str) -> set[str]:
    """The name and each of its words, normalised as the figure stage does ("united states"
    and "u.s." give "us")."""
    return {norm_name(name), *(norm_name(word) for word in name.split())} - {""}


def _plain_words(name: str) -> list[str]:
    """The name's words without their dots ("u.s." is "us")."""
    return [plain for word in name.split() if (plain := word.replace(".", ""))]


_NAME_JOINERS = frozenset({"of", "the", "and", "for"})


def _initials(words: list[str]) -> str:
    """ "us" for "united states", "eu" for "european union". A one-word name has no short
    form: it gives "\\0", which matches no word."""
    kept = [word for word in words if word not in _NAME_JOINERS]
    return "".join(word[0] for word in kept) if len(kept) >= 2 else "\0"


# Words that say what kind of thing a name is ("the Kesterton Bridge", "Brindle council"):
# two names that share only one of these are two things ("the Maddox Bridge").
_NAME_KINDS = NAME_HEADS | frozenset(
    """bridge zoo port river street road airport station hospital school college state
    district town village supermarket park lake valley bay mount club team church museum
    centre center house hall square market stadium""".split()
)


def names_meet(name: str, facts: SentenceFacts) -> bool:
    """Whether the sentence names `name`: one of its names or words spells what the name
    itself says, its kind words left out ("kesterton bridge" is not met by "maddox bridge"
    or "bridge"; "pete varga" is met by "varga", "united states" by "us")."""
    own = _own_words(name)
    if any(same_name(own, _own_words(other)) for other in facts.holders):
        return True
    return any(same_name(own, word) for word in facts.words if word[:1].isalpha())


def _own_words(name: str) -> str:
    words = name.split()
    return " ".join([w for w in words if w not in _NAME_KINDS] or words)


def named_in(name: str, facts: SentenceFacts) -> bool:
    """Whether the sentence uses a word that spells the name (`same_name`)."""
    return any(same_name(name, word) for word in facts.words if word[:1].isalpha())


def _close(x: str, y: str) -> bool:
    """The same figure, allowing rounding ("2.33" and "2.3")."""
    try:
        first, second = float(x), float(y)
    except ValueError:
        return x == y
    return abs(first - second) <= 0.02 * max(abs(first), abs(second), 1e-9)
