"""Pieces of a sentence that may each state a fact of their own.

News sentences pack facts together: "Floodwater killed 12 people and forced 3,000 residents
from their homes", "The governor, who declared an emergency, promised $4m in aid". A piece is
the part of the parse a clause heads: a verb joined by a conjunction, a relative clause, an
adverbial clause with its own subject, or what was said ("..., saying that ..."); what is left
belongs to the main clause. Each piece is
aligned on its own, so one sentence can support several claims, and its mention is the
smallest span of the article that covers it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

PIECE_WORDS = 4  # a piece shorter than this stays with the clause above it
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
_REPORTING = frozenset({"say", "add", "warn", "tell", "insist", "argue", "claim"})


@dataclass(slots=True, frozen=True)
class Piece:
    """Some tokens of a sentence: their text (for embedding) and the span that covers them."""

    tokens: tuple[Any, ...]
    start_char: int  # offsets into the parsed paragraph
    end_char: int

    @property
    def text(self) -> str:
        return "".join(t.text_with_ws for t in self.tokens).strip()


def _heads_piece(token: Any) -> bool:
    if token.dep_ == "conj" and token.pos_ in {"VERB", "AUX"}:
        return token.head.pos_ in {"VERB", "AUX"}
    if token.dep_ == "relcl":
        return True
    if token.dep_ == "advcl":
        # "..., after the river overflowed" states a fact of its own (it has a subject), and so
        # does "..., saying that walls would never keep the river out".
        own_subject = any(child.dep_ in _SUBJECTS for child in token.children)
        return own_subject or (token.lemma_ in _REPORTING and token.tag_ == "VBG")
    return False


def _words(tokens: list[Any]) -> int:
    return sum(1 for t in tokens if not (t.is_punct or t.is_space))


def split_pieces(span: Any) -> list[Piece]:
    """The sentence's pieces in order; the whole sentence when it holds a single clause."""
    inside = {t.i for t in span}
    owner: dict[int, int] = {}
    heads = [t for t in span if _heads_piece(t)]
    # Deepest heads claim their subtrees first; each token belongs to the nearest head above it.
    for head in sorted(heads, key=lambda t: -len(list(t.ancestors))):
        for token in head.subtree:
            if token.i in inside:
                owner.setdefault(token.i, head.i)
    groups: dict[int, list[Any]] = {}
    for token in span:
        groups.setdefault(owner.get(token.i, -1), []).append(token)
    main = groups.pop(-1, [])
    pieces: list[list[Any]] = []
    for key in sorted(groups, key=lambda k: groups[k][0].i):
        tokens = groups[key]
        if _words(tokens) >= PIECE_WORDS:
            pieces.append(tokens)
        else:
            main.extend(tokens)
    if len(pieces) == 0 or _words(main) < PIECE_WORDS:
        return [_piece(list(span))]
    return [_piece(sorted(main, key=lambda t: t.i)), *(_piece(p) for p in pieces)]


def _piece(tokens: list[Any]) -> Piece:
    kept = [t for t in tokens if not t.is_space]
    while kept and kept[0].is_punct and kept[0].text not in "\"“‘'(":
        kept.pop(0)
    while kept and kept[-1].is_punct and kept[-1].text in ",;:–—-":
        kept.pop()
    # A main clause keeps the sentence's final stop; cut off from its words by a clause taken
    # out, it would stretch the span over that clause.
    while len(kept) > 1 and kept[-1].is_punct and kept[-1].i - kept[-2].i > 1:
        kept.pop()
    kept = kept or tokens
    first, last = kept[0], kept[-1]
    return Piece(tuple(kept), first.idx, last.idx + len(last.text))
