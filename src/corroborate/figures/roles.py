"""One handing-over told from either end: "the Kell Foundation gave £2m to the Ardley hospice"
and "the Ardley hospice received £3.5m from the Kell Foundation" are one act with two parties,
the giver and the taker, each sentence naming them in other places of its parse.

A verb of handing over is read as its act and its end (`ENDS`), and the parties as the words of
the phrases in each role: the doer, the "to" or "from" phrase, the "by" phrase of a passive. Two
such figures are one act when they are of one act and both parties meet, whichever end each
sentence tells it from; two different doers are then no sign of two acts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# (act, end): the giver's end or the taker's. Selling and buying are one sale; lending and
# borrowing one loan; giving, paying, granting and receiving one transfer.
_GIVE = "give donate grant award hand pay gift contribute".split()
ENDS: dict[str, tuple[str, str]] = {
    **{v: ("transfer", "giver") for v in _GIVE},
    **{v: ("transfer", "taker") for v in "receive accept get obtain".split()},
    "lend": ("loan", "giver"), "loan": ("loan", "giver"), "borrow": ("loan", "taker"),
    "sell": ("sale", "giver"), "buy": ("sale", "taker"), "purchase": ("sale", "taker"),
    "acquire": ("sale", "taker"),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Handover:
    """An act of handing over and the words of its two parties (empty where not said)."""

    act: str
    giver: frozenset[str]
    taker: frozenset[str]


def read_handover(verb: Any, anchor: Any) -> Handover | None:
    """The act and parties of the figure's verb, when it is a verb of handing over."""
    lemma = str(verb.lemma_).lower()
    if lemma not in ENDS or verb.pos_ != "VERB":
        return None
    act, end = ENDS[lemma]
    doer = nsubj = by = to = from_ = frozenset[str]()
    for child in verb.children:
        if anchor in child.subtree:
            continue  # the money itself ("£2m was given to ...") is no party
        if child.dep_ == "nsubj":
            doer = _party(child)
        elif child.dep_ == "nsubjpass":
            nsubj = _party(child)
        elif child.dep_ == "agent":
            by = _objects(child)
        elif child.dep_ == "dative" and child.lower_ != "to":
            to = _party(child)  # "gave the hospice £2m"
        elif child.dep_ == "dobj" and end == "giver" and anchor.dep_ == "dobj":
            to = _party(child)  # two objects, "gave the hospice £2m": the other is the taker
        elif child.lower_ == "to" and child.dep_ in ("dative", "prep"):
            to = _objects(child)
        elif child.lower_ == "from" and child.dep_ == "prep":
            from_ = _objects(child)
    if end == "giver":  # "X gave £2m to Y"; "Y was given £2m by X"
        return Handover(act, doer or by, to or nsubj)
    return Handover(act, from_, doer or by or nsubj)  # "Y received £2m from X"


def _objects(prep: Any) -> frozenset[str]:
    return frozenset().union(*(_party(c) for c in prep.children if c.dep_ == "pobj"))


def _party(head: Any) -> frozenset[str]:
    """The content words of a party's phrase, lower case: names and nouns."""
    return frozenset(
        t.lemma_.lower() for t in head.subtree if t.pos_ in ("PROPN", "NOUN") and t.is_alpha
    )


def one_handover(x: Handover | None, y: Handover | None) -> bool:
    """One act of handing over: the same act, and each party named on both sides and met."""
    if x is None or y is None or x.act != y.act:
        return False
    parties = ((x.giver, y.giver), (x.taker, y.taker))
    return all(p and q and p & q for p, q in parties)
