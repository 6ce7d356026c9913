"""Nested attributions: which cue reports a quote when one cue reports another ("Clinton
says she expects Obama to announce an “intensification”"), and when the inner cue's own
subject speaks ("Trump vowed to “...”")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from corroborate.quotes.cues import (
    FINDERS,
    SPEECH_NOUNS,
    TEXTS,
    antecedent,
    is_mute,
    subject_of,
)

# Verbs that say someone uttered the words: a quote under them is that person's, however
# deep in someone else's report it stands ('the congressman said is designed to “...”').
UTTERED = frozenset("say tell write add state explain note insist".split())


def outer_cue(cue: Any, candidates: Sequence[Any]) -> Any:
    """The cue that reports another cue, when the quoted words are the reporter's (see
    `_reporter`), or whose subject a verb inside the reported clause only seems to share."""
    chosen = _reporter(cue, candidates)
    if chosen is not cue and _past_perfect(chosen):
        # "Ross said Obama had told leaders that he would not allow “no daylight”": the
        # reporter's account of what was told before.
        chosen = _reporter(chosen, candidates)
    if chosen is cue and cue.pos_ != "NOUN":
        chosen = _conjunct_reporter(cue, set(candidates)) or _aside(cue, candidates) or cue
    if _would(chosen):
        return _claimant(chosen, candidates) or chosen
    return chosen


HYPOTHETICAL = frozenset("would could might".split())


def _would(cue: Any) -> bool:
    """ "the media would call him a “chicken”": words no one has said yet."""
    return any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL for c in cue.children)


def _claimant(cue: Any, candidates: Sequence[Any]) -> Any:
    """ "because, according to Trump, the media would call him a “chicken”": who claims
    the words would be said, an "according to" whose clause holds the cue."""
    for other in candidates:
        if other.lower_ == "according" and other.head.i in {a.i for a in cue.ancestors} | {cue.i}:
            subject = subject_of(other)
            if subject is not None and not is_mute(subject):
                return other
    return None


ASIDES = frozenset("say tell add note argue contend insist".split())


def _aside(cue: Any, candidates: Sequence[Any]) -> Any:
    """ "CNN, Cruz said, called the announcement “...”", "Nor, he said, did he say ...": a
    "said" clause set off by commas inside the cue's clause reports it; its person speaks."""
    doc = cue.doc
    for aside in candidates:
        if aside.head.i != cue.i or aside is cue or aside.lemma_.lower() not in ASIDES:
            continue
        words = [t.i for t in aside.subtree if not t.is_punct]
        left, right = min(words), max(words)
        if left == 0 or right + 1 >= len(doc):
            continue
        if doc[left - 1].text != "," or doc[right + 1].text != ",":
            continue
        subject = subject_of(aside)
        if subject is not None and (subject.ent_type_ == "PERSON" or subject.lower_ in PERSONAL):
            return aside
    return None


def _conjunct_reporter(cue: Any, reporting: set[Any]) -> Any:
    """ "Clinton said Trump is responsible and accused him of “...”", "She noted that Berg
    has criticized the mayor and called him “weak”": a verb with no subject of its own,
    joined by "and" to the verb of a clause a person reports, is the reporter's (the
    parse hangs it on the inner verb, whose subject it then seems to share)."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None
    verb = cue
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb is cue or verb.dep_ != "ccomp" or not _reports(verb.head, reporting):
        return None
    subject = subject_of(verb.head)
    return verb.head if subject.ent_type_ == "PERSON" or subject.lower_ in PERSONAL else None


PERSONAL = frozenset({"he", "she"})


def _reporter(cue: Any, candidates: Sequence[Any]) -> Any:
    """The cue that reports another cue, when the quoted words are the reporter's.

    A cue whose subject can speak for no one: in 'Holm said in the letter that the
    advertisement “unmistakably” suggests ...' or 'Obama said it would tell “...”', the
    words are Holm's or Obama's. A cue inside the reported clause of another: in 'Clinton
    says she expects Obama to announce an “intensification”' or 'Cardin said Republicans
    rejected it, calling it an “area of contention”', the reporter chose the words (unless
    the inner verb says they were uttered: "said", "told", "wrote")."""
    subject = subject_of(cue)
    reporting = set(candidates)
    outer = next((a for a in cue.ancestors if _reports(a, reporting)), None)
    if subject is not None and not is_mute(subject):
        if outer is not None and _participle(cue) and subject.i != subject_of(outer).i:
            return outer  # "Ortiz argued that the quay would pay, saying it is “...”"
        if outer is not None and _thing_clause(cue):
            return outer  # "Ortiz said she wants a plan that calls for “...”"
        if outer is not None and _past_perfect(cue):
            return outer  # "He expressed amusement that Rubio had described ... “...”"
        if outer is None or cue.pos_ == "NOUN" or cue.lemma_.lower() in UTTERED:
            return cue
        nested = cue.dep_ in ("ccomp", "xcomp")
        if nested and not _own_sentence(cue, outer):
            return outer
        # "He pledged ... and he pledged a “...”", "which he declared “...”": a verb with a
        # subject of its own is the reporter's own verb, not a reported one.
        own = cue.dep_ in ("conj", "relcl") and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in cue.children
        )
        return outer if not own and _same_pronoun(subject, subject_of(outer)) else cue
    if outer is not None:
        return outer
    # 'The spot concludes with footage of Trump saying, “...”': the cue of someone who can
    # speak, nearest in the same sentence.
    speaking = [
        c
        for c in candidates
        if c.sent.start == cue.sent.start
        and c is not cue
        and c.pos_ != "NOUN"
        and not is_mute(subject_of(c))
    ]
    return min(speaking, key=lambda c: abs(c.i - cue.i)) if speaking else cue


def _past_perfect(cue: Any) -> bool:
    """ "had told", "had described": a reporter's account of what was said before."""
    return cue.tag_ in ("VBN", "VBD") and any(
        c.dep_ == "aux" and c.lower_ == "had" for c in cue.children
    )


def _own_sentence(cue: Any, outer: Any) -> bool:
    """ "X's name was announced ... and long before officials started to portray it as a
    “workplace” issue": a verb joined by "and" to the other cue itself, with a subject of
    its own, is a statement beside that cue's, not inside what it reports (unlike "she says
    A and that she expects X to announce “...”", joined to the reported clause)."""
    verb = cue.head
    while verb.i != outer.i and verb.head.i != verb.i:
        own = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        if verb.dep_ == "conj" and verb.head.i == outer.i and own:
            return True
        verb = verb.head
    return False


def _thing_clause(cue: Any) -> bool:
    """A cue in a relative clause on a thing, not a document ("a plan that calls for",
    "schools which reminded him of"): inside someone's report, the words are the
    reporter's."""
    own = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not own or own[0].lower_ not in ("that", "which"):
        return False
    noun = antecedent(own[0])
    # A report or a letter speaks for itself ("a report that described it as “...”").
    documents = TEXTS | FINDERS | SPEECH_NOUNS
    return bool(noun.pos_ == "NOUN" and not noun.ent_type_ and noun.lemma_.lower() not in documents)


def _participle(cue: Any) -> bool:
    """ "..., saying it is “...”": a participle with no subject of its own. The parser often
    hangs it on the verb of a reported clause, whose subject it then seems to speak for."""
    return bool(
        cue.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children)
    )


def _same_pronoun(inner: Any, outer: Any) -> bool:
    """ "he says he would release them, calling them “...”": the inner subject is the
    reporter again, so the quote is reported under the outer cue."""
    if inner.lower_ not in ("he", "she", "they", "i", "we"):
        return False
    return bool(inner.lower_ == outer.lower_)


def _reports(token: Any, reporting: set[Any]) -> bool:
    """A verb cue of the paragraph whose subject can speak."""
    if token not in reporting or token.pos_ == "NOUN":
        return False
    subject = subject_of(token)
    return subject is not None and not is_mute(subject)
