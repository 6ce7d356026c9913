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

from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

PIECE_WORDS = 4  # a piece shorter than this stays with the clause above it
SUBJECT_WORDS = 8  # a longer subject is shown by its head noun and the names before it
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
# Clauses that state no fact of their own: a condition ("if troops are deployed"), a
# comparison ("than it would have"), a time limit ("until every household is found", "before
# the river rose"); they stay with the clause they qualify.
_NOT_ASSERTED = frozenset({"if", "unless", "whether", "than", "lest", "until", "till", "before"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})
_ALTERNATIVE = frozenset({"or", "nor"})  # a negation before these covers what they join
_UNSPECIFIC_DETERMINERS = frozenset({"any", "no", "every", "each", "whichever"})
_UNSPECIFIC_PRONOUNS = frozenset(
    {"anyone", "anybody", "anything", "nobody", "none", "nothing", "whoever", "whatever", "those"}
)
# dependencies that open a clause of its own inside another
_CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "csubj", "conj"})
_REPORTING = frozenset({"say", "add", "warn", "tell", "insist", "argue", "claim", "state", "note"})


@dataclass(slots=True, frozen=True)
class Piece:
    """Some tokens of a sentence: their text (for embedding) and the span that covers them."""

    tokens: tuple[Any, ...]
    start_char: int  # offsets into the parsed paragraph
    end_char: int
    # A clause without a subject of its own is shown with the one it shares: "and forced 3,000
    # residents from their homes" as "Floodwater forced ...", "who resigned" as "The mayor
    # resigned". `subject` is put before the piece's words, `skip` leading tokens left out.
    subject: str = ""
    skip: int = 0
    head: Any = None  # the token heading the clause, when it was split off

    @property
    def text(self) -> str:
        # the words as the parse has them (what alignment embeds and was fitted on)
        return "".join(t.text_with_ws for t in self.tokens).strip()

    @property
    def standalone(self) -> bool:
        """Whether the piece, as displayed, has a subject ("forced 3,000 residents" has not)."""
        return bool(self.subject) or any(
            t.dep_ in _SUBJECTS and t.lower_ not in RELATIVE_PRONOUNS and self._governs(t)
            for t in self.tokens
        )

    def _governs(self, subject: Any) -> bool:
        """Whether a subject is the clause's own, not one of a clause inside it ("Ukraine" in
        "downplayed the prospect of Ukraine joining Nato")."""
        if self.head is None:
            return True
        # the subject of "which the council is due to approve" is no subject of what is shown
        # ("the deal [that] Trump has vowed to reach" lost its object)
        return self.head.dep_ != "relcl" and _own_subject(subject, self.head)

    @property
    def display(self) -> str:
        """The piece as a statement of its own (what a claim shows)."""
        own = _join(self.tokens[self.skip :])
        return f"{self.subject} {own}" if self.subject and own else own or self.text


def _own_subject(subject: Any, head: Any) -> bool:
    """Whether a subject belongs to the clause `head` heads, not to a clause inside it."""
    return not any(t.dep_ in _CLAUSES for t in _up_to(subject, head)[1:])


def _join(tokens: tuple[Any, ...]) -> str:
    """The tokens' words as text, mended where a clause was taken out of them.

    "Mayor Marrow, who took office in March, visited" without its relative clause reads
    "Mayor Marrow visited", not "Mayor Marrow, , visited": the two commas that bracketed the
    clause go with it, words on either side of the gap keep a space between them, and a
    trailing conjunction goes. Only for showing: offsets and alignment use the tokens as parsed.
    """
    dropped: set[int] = set()
    for a, b in pairwise(tokens):
        if a.text == b.text == "," and b.i - a.i > 1:
            dropped.update((a.i, b.i))
    kept = [t for t in tokens if t.i not in dropped]
    # a conjunction whose clause was taken out ("visited the district and", once "and
    # promised $4m" is a piece of its own; "the bloodshed must stop and,” he said"): nothing
    # but punctuation follows it before the gap
    inside = {t.i for t in kept}
    kept = [t for t in kept if not (t.dep_ == "cc" and len(kept) > 1 and _before_gap(t, inside))]
    parts: list[str] = []
    for before, token in zip([None, *kept], kept, strict=False):
        cut = before is not None and token.i - before.i > 1
        if cut and not token.is_punct and not before.whitespace_:
            parts.append(" ")
        elif cut and token.text in ",;:.!?" and parts:
            parts[-1] = parts[-1].rstrip()  # "must stop ," once "and ..." is taken out
        parts.append(token.text_with_ws)
    return "".join(parts).strip()


def _before_gap(token: Any, inside: set[int]) -> bool:
    """Whether nothing but punctuation lies between the token and the first word after it
    that is not shown (taken out, or past the end)."""
    doc = token.doc
    for i in range(token.i + 1, len(doc)):
        if i not in inside:
            return True
        if not doc[i].is_punct:
            return False
    return True


def _heads_piece(token: Any) -> bool:
    if _infinitive(token):
        # "for the US to deploy troops" asserts nothing (it is "not feasible" above it)
        return False
    if token.dep_ == "conj" and token.pos_ in {"VERB", "AUX"}:
        return token.head.pos_ in {"VERB", "AUX"} and not _shares_negation(token)
    if token.dep_ == "relcl":
        # "who announced the package" is shown as "the governor announced the package";
        # "which the council is due to approve" states a fact too, but cannot be shown alone.
        # On "any troops", "no ship", "anyone" the clause only says which ones are meant
        # ("any troops who did end up deployed" says none were): it states no fact.
        return not _unspecific(token.head)
    if token.dep_ == "advcl":
        if any(c.dep_ == "mark" and c.lower_ in _NOT_ASSERTED for c in token.children):
            return False
        # "..., after the river overflowed" states a fact of its own (it has a subject), and so
        # does "..., saying that walls would never keep the river out".
        own_subject = any(child.dep_ in _SUBJECTS for child in token.children)
        says = any(child.dep_ == "ccomp" for child in token.children)
        return own_subject or (token.lemma_ in _REPORTING and token.tag_ == "VBG" and says)
    return False


def _unspecific(noun: Any) -> bool:
    """A noun that names no one in particular: "any"/"no"/"every"/"each" before it, or a
    pronoun such as "anyone", "nobody", "whoever"."""
    if noun.lower_ in _UNSPECIFIC_PRONOUNS:
        return True
    return any(c.dep_ == "det" and c.lower_ in _UNSPECIFIC_DETERMINERS for c in noun.children)


def _shares_negation(conj: Any) -> bool:
    """Whether a verb joined by "or"/"nor" falls under the negation of the verb before it
    ("would not be paid by the port or covered by the fund"): cut off, it would state the
    opposite of the sentence. After "but" or "and" the negation stays with its own verb
    ("did not sail on Monday but resumed on Tuesday")."""
    head = conj.head
    if not any(c.dep_ == "neg" for c in head.children):
        return False
    if any(c.dep_ in _SUBJECTS or c.dep_ in {"neg", "aux", "auxpass"} for c in conj.children):
        return False
    return any(
        c.dep_ == "cc" and c.lower_ in _ALTERNATIVE and head.i < c.i < conj.i for c in head.children
    )


def _attribution_only(tokens: list[Any]) -> bool:
    """Tokens that only say who spoke: a speech verb, its auxiliaries and its subject."""
    speech = [t for t in tokens if t.lemma_ in _REPORTING and t.pos_ == "VERB"]
    if not speech:
        return False
    allowed = {t.i for t in speech}
    for verb in speech:
        for child in verb.children:
            if child.dep_ in _SUBJECTS or child.dep_ in {"aux", "neg", "advmod", "punct"}:
                allowed.update(t.i for t in child.subtree)
    return all(t.i in allowed for t in tokens if not (t.is_punct or t.is_space))


def _infinitive(token: Any) -> bool:
    return token.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _relative_subject(token: Any) -> Any:
    """The relative pronoun that is a relative clause's subject, or None."""
    for child in token.children:
        if child.dep_ in _SUBJECTS and child.lower_ in RELATIVE_PRONOUNS and child.i < token.i:
            return child
    return None


def _subject_phrase(noun: Any) -> str:
    """A noun's phrase without its clauses: the whole of a short one, else its head and the
    names and compounds right before it ("Regional Governor Ilsa Marrow")."""
    kept = [
        t
        for t in noun.subtree
        if not any(a.dep_ in {"relcl", "acl", "appos"} and a.i != noun.i for a in _up_to(t, noun))
        and not (t.is_punct and t.i > noun.i)
    ]
    if len(kept) > SUBJECT_WORDS:
        kept = [t for t in noun.lefts if t.dep_ == "compound"] + [noun]
    text = "".join(t.text_with_ws for t in kept).strip().rstrip(",;:")
    return text[:1].upper() + text[1:]


def _up_to(token: Any, top: Any) -> list[Any]:
    """The token and its ancestors below `top`."""
    chain = [token]
    while token.i != top.i and token.head.i != token.i:
        token = token.head
        if token.i != top.i:
            chain.append(token)
    return chain


def _shared_subject(head: Any, tokens: list[Any]) -> tuple[str, int]:
    """What to show before a piece without a subject of its own, and how many leading tokens
    (a relative pronoun) to leave out."""
    if head.dep_ == "relcl":
        # "who" points at a person, reliably; "which" and "that" may point at a whole phrase
        # ("a surrender for Ukraine, which would endanger Europe"): those keep their words
        pronoun = _relative_subject(head)
        if pronoun is None or pronoun.lower_ != "who":
            return "", 0
        return _subject_phrase(head.head), 1
    # a subject anywhere in the clause (the parse may hang it on an auxiliary) is its own
    if any(t.dep_ in _SUBJECTS and _own_subject(t, head) for t in tokens):
        return "", 0
    # Only a verb joined by "and"/"but" shares the subject: "Trump, who has been critical,
    # wants ..." parsed as a second verb of the sentence has a subject the parse lost.
    before = [t for t in head.doc[: head.left_edge.i] if not t.is_punct]
    if not before or before[-1].dep_ != "cc":
        return "", 0
    verb = head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    # Only a main clause's subject: deeper down, a misattached conjunct would borrow the
    # subject of the wrong clause ("after rain fell ..., the river ... and swept ...").
    if verb.dep_ != "ROOT":
        return "", 0
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            return _subject_phrase(child), 0
    return "", 0


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
    pieces: list[tuple[Any, list[Any]]] = []
    for key in sorted(groups, key=lambda k: groups[k][0].i):
        tokens = groups[key]
        # "..., the defence secretary has said" says who spoke, not a fact: like a piece too
        # short to state one, it stays with the main clause
        if _words(_unmarked(tokens)) >= PIECE_WORDS and not _attribution_only(tokens):
            pieces.append((span.doc[key], tokens))
        else:
            main.extend(tokens)
    if len(pieces) == 0 or _words(main) < PIECE_WORDS:
        return [_piece(list(span))]
    if _attribution_only(main):
        # ... and a main clause left with only who spoke goes with the first piece
        main = sorted(main + pieces.pop(0)[1], key=lambda t: t.i)
        if not pieces:
            return [_piece(list(span))]
    split: list[Piece] = []
    for head, tokens in pieces:
        piece = _piece(tokens, *_shared_subject(head, tokens), unmark=head.dep_ == "advcl")
        piece = _reported(replace(piece, head=head))
        # "than it otherwise would have" states nothing of its own. A clause that cannot be
        # shown alone ("push Moscow to negotiate") is still aligned: its claim is shown in
        # a wording that stands, or as a whole sentence (see `claims.claim_text`).
        if _first_word(tokens).lower_ not in _NOT_ASSERTED:
            split.append(piece)
        else:
            main.extend(tokens)
    if not split or _words(main) < PIECE_WORDS:
        return [_piece(list(span))]
    return [_piece(sorted(main, key=lambda t: t.i)), *split]


def _reported(piece: Piece) -> Piece:
    """ ", saying the river would keep rising" is shown as what was said ("the river would
    keep rising"): the speaker is in the main clause, and the said clause has a subject."""
    head = piece.head
    if not (head is not None and head.lemma_ in _REPORTING and head.tag_ == "VBG"):
        return piece
    said = next((c for c in head.children if c.dep_ == "ccomp"), None)
    if said is None or piece.subject:
        return piece
    skip = sum(1 for t in piece.tokens if t.i < said.left_edge.i)
    if skip < len(piece.tokens) and piece.tokens[skip].dep_ == "mark":
        skip += 1
    return replace(piece, skip=skip, head=said)


def _first_word(tokens: list[Any]) -> Any:
    return next((t for t in tokens if not (t.is_punct or t.is_space)), tokens[0])


def _unmarked(tokens: list[Any]) -> list[Any]:
    """The clause without the word that subordinates it ("since", "after", "because"): what
    is left must be long enough to state a fact ("Trump took power" is too short)."""
    first = _first_word(tokens)
    return [t for t in tokens if t.i != first.i] if _subordinator(first) else tokens


def _subordinator(token: Any) -> bool:
    """The word that subordinates a clause: a marker ("after", "because"), or "when"/"where"
    opening an adverbial clause, which the parser reads as an adverb of its verb."""
    if token.dep_ == "mark":
        return True
    return bool(token.dep_ == "advmod" and token.tag_ == "WRB" and token.head.dep_ == "advcl")


def _piece(tokens: list[Any], subject: str = "", skip: int = 0, unmark: bool = False) -> Piece:
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
    if skip and first.lower_ not in RELATIVE_PRONOUNS:
        skip = 0
    if unmark and _subordinator(first) and len(kept) > 1:
        # "after Hegseth suggested the US would scale back its support" is shown as the fact
        # it states; the mention keeps the word
        skip = 1
    return Piece(tuple(kept), first.idx, last.idx + len(last.text), subject, skip)
