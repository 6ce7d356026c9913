"""One handing-over told from either end: "the Kell Foundation gave £2m to the Ardley hospice"
and "the Ardley hospice received £3.5m from the Kell Foundation" are one act with two parties,
the giver and the taker, each sentence naming them in other places of its parse.

A verb of handing over is read as its act and its end (`ENDS`), and the parties as the words of
the phrases in each role: the doer, the "to" or "from" phrase, the "by" phrase of a passive, the
thing handed over. Two such figures are one act when they are of one act, every role both say
meets and at least two do, whichever end each sentence tells it from; two different doers are
then no sign of two acts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from corroborate.figures.words import NOUN_CLASS

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
    """An act of handing over and the words of its roles (empty where not said): the giver,
    the taker and the thing handed over ("the Marlow Hotel" in "bought the Marlow Hotel")."""

    act: str
    giver: frozenset[str]
    taker: frozenset[str]
    thing: frozenset[str] = frozenset()


def read_handover(verb: Any, anchor: Any, *, count: bool = False) -> Handover | None:
    """The act and parties of the figure's verb, when it is a verb of handing over; for a
    `count`, the noun counted may be the thing handed over."""
    lemma = str(verb.lemma_).lower()
    if lemma not in ENDS or verb.pos_ != "VERB":
        return None
    act, end = ENDS[lemma]
    role: dict[str, frozenset[str]] = {}
    for child in verb.children:
        if anchor in child.subtree:
            continue  # the money itself ("£2m was given to ...") is no party
        if child.lower_ in ("to", "from") and child.dep_ in ("dative", "prep"):
            role[child.lower_] = _objects(child)
        elif child.dep_ == "agent":
            role["by"] = _objects(child)
        elif child.dep_ in ("nsubj", "nsubjpass", "dobj", "dative"):
            role[child.dep_] = _party(child)
    none = frozenset[str]()
    counted = _counted_thing(anchor) if count else frozenset[str]()
    if counted:  # "lends 90,000 books", "120,000 books were borrowed": the books are handed over
        role.setdefault("dobj" if anchor.head.dep_ == "dobj" else "nsubjpass", counted)
    if end == "taker":  # "Y received £2m from X"; "Y bought the hotel"; "the hotel was bought"
        buyer = role.get("nsubj") or role.get("by", none)
        return Handover(act, role.get("from", none), buyer, role.get("dobj") or none)
    # "X gave £2m to Y", "X gave Y £2m" (the money the object, Y the other), "Y was given £2m
    # by X"; a thing sold is never its taker ("the hotel was sold to X")
    money_object = anchor.dep_ == "dobj"
    passive_taker = "to" not in role and act != "sale" and "nsubjpass" in role
    taker = role.get("to") or role.get("dative") or (role.get("dobj") if money_object else None)
    if not taker and passive_taker:
        taker = role["nsubjpass"]
    thing = (None if money_object else role.get("dobj")) or (
        None if passive_taker else role.get("nsubjpass")
    )
    return Handover(act, role.get("nsubj") or role.get("by", none), taker or none, thing or none)


def _counted_thing(anchor: Any) -> frozenset[str]:
    """The noun a count counts, as the thing handed over, when that noun is the verb's object
    (or a passive's subject): "books" in "lends 90,000 books". Its class, so that "cars" and
    "vehicles" meet."""
    head = anchor.head
    if anchor.dep_ not in ("nummod", "quantmod") or head.pos_ != "NOUN" or head.i < anchor.i:
        return frozenset()
    if head.dep_ not in ("dobj", "nsubjpass"):
        return frozenset()
    lemma = str(head.lemma_).lower()
    return frozenset({NOUN_CLASS.get(lemma, lemma)})


def _objects(prep: Any) -> frozenset[str]:
    return frozenset().union(*(_party(c) for c in prep.children if c.dep_ == "pobj"))


def _party(head: Any) -> frozenset[str]:
    """The content words of a party's phrase, lower case: names and nouns."""
    return frozenset(
        t.lemma_.lower() for t in head.subtree if t.pos_ in ("PROPN", "NOUN") and t.is_alpha
    )


def one_handover(x: Handover | None, y: Handover | None) -> bool:
    """One act of handing over: the same act, every role said on both sides met, and at least
    two roles met (the giver and the taker, or a buyer and the thing bought)."""
    if x is None or y is None or x.act != y.act:
        return False
    roles = ((x.giver, y.giver), (x.taker, y.taker), (x.thing, y.thing))
    known = [(p, q) for p, q in roles if p and q]
    return len(known) >= 2 and all(p & q for p, q in known)


def roles_swapped(x: Handover | None, y: Handover | None) -> bool:
    """One party gives on one side and takes on the other ("Orla bought the hotel", "Orla sold
    the hotel"), or one role is filled by two parties ("received £250,000 from the Lorne
    Foundation" / "£90,000 from the Ardell Trust"): two acts, never rivals."""
    if x is None or y is None or x.act != y.act:
        return False
    if x.giver & y.taker or x.taker & y.giver:
        return True
    roles = ((x.giver, y.giver), (x.taker, y.taker), (x.thing, y.thing))
    return any(p and q and not p & q for p, q in roles)


# Money coming to the doer, and money going from it: "the appeal raised £1.4m" and "the appeal
# spent £300,000" are two amounts of one party, never rivals. (Two parties may tell one amount
# from its two ends: "donors gave £2.1m to the appeal", which `one_handover` reads.)
# Verbs of handing over ("pay", "give", "receive") are left to the roles: "was paid $210,000"
# is money received.
_FLOW_IN = frozenset("raise earn collect gain generate".split())
_FLOW_OUT = frozenset("spend invest lose waste cost".split())


def flows_opposed(x_verb: str | None, y_verb: str | None) -> bool:
    """One verb brings money in to its doer, the other sends money out."""
    pair = {x_verb, y_verb}
    return bool(pair & _FLOW_IN and pair & _FLOW_OUT)
