"""Faster spaCy parses with the same annotations: where the English pipeline spends CPU for nothing.

Three changes to a loaded pipeline, each leaving every token's annotation as it was (tag, POS,
morphology, lemma, dependency, head, entity; `tests/test_parse_speed.py` and the PolNeAR
parses were compared token by token):

- **Matrix products through numpy.** thinc multiplies with the BLIS library it bundles, which
  picks its kernels by CPU model and falls back to unoptimised generic code on processors it
  does not know (it printed `selecting sub-configuration 'generic'` on an AMD EPYC with
  AVX-512, where its products ran ~3x slower than numpy's; a known gap for newer AMD cores:
  explosion/cython-blis#53, flame/blis#770). `NumpyOps(use_blis=False)`, thinc's
  own switch, sends them to numpy's BLAS instead. The parser's transition loop keeps BLIS:
  spaCy calls it from C.
- **Lemmas cached whole, word lists as sets.** spaCy's rule lemmatizer tests a form against word
  lists of up to 57,528 words by reading them through, and caches only the words it looks up in its
  tables: a word already in its base form (most nouns and verbs) is worked out again at every
  occurrence. The lemma is a function of the word, its POS and its morphology, so all of them
  can be cached.
- **Attribute rules matched once per kind of token.** The attribute ruler runs a Matcher with
  ~180 rules over every token, though most rules look at one token only (its tag, lowercase
  form, dependency label, whether it is a space): those rules' matches are remembered per
  combination of the attributes they read, and only the few multi-token rules still run the
  Matcher.

The caches belong to the pipeline object, which belongs to one run (`nlp.Resources`).
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, NORM, ORTH, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from thinc.api import NumpyOps

# Matcher pattern keys that read one token only, with the attribute `Doc.to_array` gives for
# each: a rule whose patterns use nothing else (and no operator) matches a token or not by
# those values alone. Each is a string's hash (a flag for IS_SPACE), so a pattern's value
# compares with `to_array`'s by its hash; POS and MORPH are stored otherwise and left out.
TOKEN_KEYS = {
    "ORTH": ORTH,
    "TEXT": ORTH,
    "LOWER": LOWER,
    "NORM": NORM,
    "TAG": TAG,
    "DEP": DEP,
    "IS_SPACE": IS_SPACE,
}


def speed_up(nlp: Any) -> list[str]:
    """Apply the three changes where the pipeline has the parts they need; the names of those
    applied (a pipeline of another shape is left as it is, part by part)."""
    applied = ["numpy-products"] if use_numpy_products(nlp) else []
    for name, component in nlp.pipeline:
        if type(component) is EnglishLemmatizer and component.mode == "rule":
            index_as_sets(component)
            component.lemmatize = CachedLemmas(component.lemmatize)
            applied.append(name)
        elif type(component) is AttributeRuler:
            rules = OneTokenRules.of(component)
            if rules is not None:
                component.match = rules  # type: ignore[method-assign]  # this instance only
                applied.append(name)
    return applied


def use_numpy_products(nlp: Any) -> bool:
    """Every layer of the pipeline's models that multiplies through BLIS on the CPU multiplies
    through numpy instead (a GPU's ops are left alone); whether any did."""
    ops = NumpyOps(use_blis=False)
    changed = False
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if isinstance(node.ops, NumpyOps) and node.ops.use_blis:
                node.ops = ops
                changed = True
    return changed


def index_as_sets(lemmatizer: EnglishLemmatizer) -> None:
    """The lemmatizer's word lists ("lemma_index": 57,528 nouns, 20,993 verbs...) as sets:
    `rule_lemmatize` only asks whether a form is in one, and a list answers by reading it
    through (the most of its time on a word it has not seen)."""
    table = lemmatizer.lookups.get_table("lemma_index", {})
    for pos, words in list(table.items()):
        if isinstance(words, list):
            table[pos] = frozenset(words)


class CachedLemmas:
    """The rule lemmatizer's `lemmatize`, with every answer cached by (word, POS, morphology):
    the only things `rule_lemmatize` and the English `is_base_form` read."""

    def __init__(self, lemmatize: Any) -> None:
        self.lemmatize = lemmatize
        self.cache: dict[tuple[int, int, int], list[str]] = {}

    def __call__(self, token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]
        lemmas = self.cache.get(key)
        if lemmas is None:
            lemmas = self.cache[key] = self.lemmatize(token)
        return lemmas


class OneTokenRules:
    """The attribute ruler's `match` with its one-token rules answered from a cache.

    Gives the same matches in the same order as `AttributeRuler.match`: the Matcher's matches
    of every rule, as (rule index, match id, start, end), sorted so that later rules win. A
    token's one-token matches depend only on the values of the attributes those rules read,
    and values that every rule tests alike match alike (`ValueClasses`): the cache is keyed by
    the classes of a token's values.
    """

    def __init__(
        self, ruler: AttributeRuler, one: Matcher, many: Matcher, classes: dict[int, ValueClasses]
    ) -> None:
        self.strings = ruler.vocab.strings
        self.one = one  # the rules whose every pattern is one token read by `classes`
        self.many = many  # the rest, matched by the Matcher at every call
        self.attrs: list[int | str] = sorted(classes)
        self.classes = [classes[attr] for attr in sorted(classes)]
        # classes -> the token's one-token matches as (rule index, match id)
        self.cache: dict[tuple[Hashable, ...], list[tuple[int, int]]] = {}
        self.keys: dict[tuple[int, ...], tuple[Hashable, ...]] = {}

    @classmethod
    def of(cls, ruler: AttributeRuler) -> OneTokenRules | None:
        """The cache for this ruler, or None when a one-token rule tests anything else."""
        one, many = Matcher(ruler.vocab), Matcher(ruler.vocab)
        classes: dict[int, ValueClasses] = {}
        for index, rule in enumerate(ruler.patterns):
            patterns: Any = rule["patterns"]
            single = all(len(p) == 1 and "OP" not in p[0] for p in patterns)
            for key, value in (item for p in patterns if single for item in p[0].items()):
                attr = TOKEN_KEYS.get(key)
                if attr is None:
                    return None
                if not classes.setdefault(attr, ValueClasses(ruler.vocab.strings)).add(value):
                    return None
            (one if single else many).add(ruler.vocab.strings.add(str(index)), patterns)
        return cls(ruler, one, many, classes)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        found = self.many(doc, allow_missing=True, as_spans=False)
        matches = [(int(self.strings[m]), m, s, e) for m, s, e in found]
        keys = [self._key(tuple(row)) for row in doc.to_array(self.attrs).tolist()]
        if any(key not in self.cache for key in keys):
            self._learn(doc, keys)
        for i, key in enumerate(keys):
            matches.extend((rule, match_id, i, i + 1) for rule, match_id in self.cache[key])
        matches.sort()
        return matches

    def _key(self, values: tuple[int, ...]) -> tuple[Hashable, ...]:
        """The classes of a token's values (remembered per values: most tokens repeat)."""
        key = self.keys.get(values)
        if key is None:
            key = tuple(of(v) for v, of in zip(values, self.classes, strict=True))
            self.keys[values] = key
        return key

    def _learn(self, doc: Doc, keys: list[tuple[Hashable, ...]]) -> None:
        """Match the one-token rules over the document and remember each token's matches."""
        hits: list[list[tuple[int, int]]] = [[] for _ in keys]
        for match_id, start, _ in self.one(doc, allow_missing=True, as_spans=False):
            hits[start].append((int(self.strings[match_id]), match_id))
        for key, ids in zip(keys, hits, strict=True):
            self.cache.setdefault(key, ids)


class ValueClasses:
    """Classes of one attribute's values that the rules' tests cannot tell apart.

    The tests are the Matcher's: equality ("X"), {"IN": [...]}, {"NOT_IN": [...]} and
    {"REGEX": ...} (`re.search` on the value's string). A value is its own class when a rule
    names it; every other value falls in the class of its regular expressions' answers.
    """

    def __init__(self, strings: Any) -> None:
        self.strings = strings
        self.named: set[int] = set()
        self.regexes: list[re.Pattern[str]] = []
        self.known: dict[int, Hashable] = {}

    def add(self, test: Any) -> bool:
        """Take in one pattern's test of this attribute; False for a test of another kind."""
        if isinstance(test, dict):
            if not test.keys() <= {"IN", "NOT_IN", "REGEX"}:
                return False
            if "REGEX" in test:
                self.regexes.append(re.compile(test["REGEX"]))
            listed = [v for k, values in test.items() if k != "REGEX" for v in values]
        else:
            listed = [test]
        for value in listed:
            if isinstance(value, bool | int):
                self.named.add(int(value))
            elif isinstance(value, str):
                self.named.add(self.strings.add(value))
            else:
                return False
        return True

    def __call__(self, value: int) -> Hashable:
        cls = self.known.get(value)
        if cls is None:
            if value in self.named:
                cls = value
            elif self.regexes:
                text = self.strings[value]
                cls = tuple(bool(rx.search(text)) for rx in self.regexes)
            else:
                cls = -1
            self.known[value] = cls
        return cls
