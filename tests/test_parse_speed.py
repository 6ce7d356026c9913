"""The faster parse (`parse_speed`): every token annotated as the stock spaCy pipeline does it,
with numpy's products, cached lemmas and cached one-token attribute rules."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.pipeline import AttributeRuler
from thinc.api import NumpyOps
from threadpoolctl import threadpool_info, threadpool_limits

from corroborate.nlp import Resources
from corroborate.parse_speed import OneTokenRules, speed_up
from corroborate.read.article import make_article
from corroborate.records import Article, Paragraph
from corroborate.settings import Settings

# Words that the English model's attribute rules and lemmatizer treat apart: two-token rules
# ("gon na", "got ta", "let 's", "c'm on", "y' all", "ai n't", "there is"), a rule with a
# regular expression ("nuthin'"), base forms and inflected ones, spaces, numbers and names.
WORDS = (
    "gon na got ta let 's c'm on y' all y'all ai n't ain't there is are was 's 're nuthin' "
    "nothin' something gets got getting running ran runs better best mice geese children "
    "Ines Corr Dale Ferris Calder Bay said told will not load crate deal signed 40 % $ 3.5 "
    "million , . ; : ! ? “ ” \" ' ( ) - — the a of in on and but dockworkers walked out"
).split()


def _signature(doc: Any) -> list[tuple[Any, ...]]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
        for t in doc
    ]


@pytest.fixture(scope="module")
def pipelines() -> tuple[Any, Any]:
    """The model as spaCy loads it, and as the run loads it."""
    stock = Resources(Settings(fast_parse=False)).spacy()
    fast = Resources().spacy()
    return stock, fast


def test_every_product_goes_through_numpy(pipelines: tuple[Any, Any]) -> None:
    stock, fast = pipelines
    blis = [
        node.name
        for _, component in fast.pipeline
        if getattr(component, "model", None) is not None
        for node in component.model.walk()
        if isinstance(node.ops, NumpyOps) and node.ops.use_blis
    ]
    assert blis == []
    assert any(node.ops.use_blis for node in stock.get_pipe("ner").model.walk()), (
        "the stock pipeline multiplies through BLIS"
    )


text_strategy = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", " ", " ", "  ", "\n"])),
    min_size=1,
    max_size=40,
).map(lambda pairs: "".join(w + s for w, s in pairs).strip() or "said")


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(text_strategy, min_size=1, max_size=4))
def test_the_fast_pipeline_annotates_as_the_stock_one(
    pipelines: tuple[Any, Any], texts: list[str]
) -> None:
    stock, fast = pipelines
    assert [_signature(d) for d in fast.pipe(texts)] == [_signature(d) for d in stock.pipe(texts)]


@pytest.mark.parametrize(
    "text",
    [
        "We're gon na win, y' all know it, and there is nuthin' they can do.",
        "Let 's go. C'm on! He ai n't coming; it got ta stop.",
        "Mice ran.  Geese were running\n\nbetter than the children gets.",
    ],
)
def test_the_attribute_rules_match_as_the_matcher_does(
    pipelines: tuple[Any, Any], text: str
) -> None:
    stock, fast = pipelines
    doc = fast.make_doc(text)
    for name in ("tok2vec", "tagger", "parser"):
        doc = fast.get_pipe(name)(doc)
    cached = fast.get_pipe("attribute_ruler").match
    assert isinstance(cached, OneTokenRules)
    twice = [cached(doc), cached(doc)]  # the second answers from the cache
    assert twice[0] == twice[1] == AttributeRuler.match(stock.get_pipe("attribute_ruler"), doc)


def test_a_rule_of_another_kind_leaves_the_ruler_as_it_is() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LENGTH": {">=": 5}}]], {"TAG": "LONG"})
    ruler.add([[{"LOWER": "dock"}]], {"TAG": "NN"})
    assert OneTokenRules.of(ruler) is None
    assert speed_up(nlp) == []
    assert "match" not in vars(ruler)


def test_the_lemmatizer_looks_words_up_in_sets(pipelines: tuple[Any, Any]) -> None:
    _, fast = pipelines
    index = fast.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert index and all(isinstance(words, frozenset) for words in index.values())


def _article(lines: list[str]) -> Article:
    article = make_article(source="outlet.txt", text="\n".join(lines), outlet="outlet")
    pos = 0
    for line in lines:
        article.paragraphs.append(Paragraph(pos, pos + len(line)))
        pos += len(line) + 1
    return article


def test_the_parse_runs_numpy_on_one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    resources = Resources()
    nlp = resources.spacy()
    seen: list[int] = []
    real = nlp.pipe

    def spy(texts: Any, **kwargs: Any) -> Any:
        np.ones((64, 64), dtype=np.float32) @ np.ones((64, 64), dtype=np.float32)
        seen.extend(pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas")
        return real(texts, **kwargs)

    monkeypatch.setattr(nlp, "pipe", spy)
    with threadpool_limits(limits=2, user_api="blas"):
        resources.parse_all([_article(["Dale Ferris said the deal was signed."])])
    assert seen and set(seen) == {1}
