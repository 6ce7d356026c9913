"""Disputes: when two independent sources in one claim state incompatible versions of it.

A dispute is the first thing a fact-checker reads, so a false one is the worst error a report
can print. Both sides must be about the same thing:
- a negation: one negates what the other states, the rest of their words the same
  (NEGATION_OVERLAP) or the two very close in meaning (NEGATION_COSINE), and the pair model
  backing them as one fact (NEGATION_SCORE);
- figures: quantities read by the figure stage's own reader (`figures.extract`), which skips
  dates, times of day, ages, ordinals ("the 4th election") and labels, of one dimension, and
  for plain counts of the same counted thing ("565 shops" / "355 damaged shops", never "50
  firefighters" / "ten fire engines"), none of which agree (`figures.ledger.values_agree`);
- a different doer of the same act, the rest of the sentences matching.
The versions must clash piece to piece and sentence to sentence: a clause cut out ("for the US
to deploy troops") loses the "not feasible" above it, and a figure may have its match
elsewhere in the sentence.

Gates against false disputes (on the labelled ECB+ disputes, bench/data/claims_disputes.jsonl):
- a negation worded another way is no dispute ("had not yet regained" / "had yet to regain",
  "did not allow" / "refused to allow", "not only ... but"), nor is one under "none"/"never";
- a figure on a sentence cut inside a number ("magnitude 5." + "8 on the Richter scale",
  "$368." + "4 million") is no figure;
- a bound holds what it bounds: "at least three" dead and "10 dead" agree, as do two bounds;
- a count of "two other victims" is a part, never the total, and what a count counts is read
  from the words right after it up to punctuation ("Gray, 16, was shot" counts nothing);
- two sides that give one exact value in common agree (the others are about other things);
- (session 5) two figures whose subjects the figure stage reads as different things are no
  rivals (`FigureSubjects`): other holders named in their own clauses ("the Red Sox offered
  $200m" / "the Orioles, $150m"), two polls, other doers, a part ("two other rifles") or a share
  against its whole, a margin, a capacity or a rate against an amount, a demand against a fact
  ("is seeking ten years" / "offered eight years");
- (session 5) a running total ("so far", "to date") against a count without one, and a
  number right after a bare point (".519") are no rivals;
- (session 5) two doers who each give their own figure did two acts, not one act in dispute;
- (session 5) a negation against a side that says how things stood before ("Previously,
  agencies were required to consult") is a change, not two versions.
- (session 6) one side rounded within the coarser side's precision ("$1 trillion" /
  "$1.2 trillion", "$736bn" / "$735.7bn"; `rivals.as_rounded`, compared by `values_agree`);
- (session 6) a negation held in a word on the other side, reaching what is negated
  ("voted against" / "did not vote for", "without bringing charges" / "will not be charged";
  `polarity.implicit_negations`).
- (session 7) a figure both give excuses only what it counts: "14 crew" in common, "212
  passengers" / "184 passengers" still clash (`rivals`); a total against a kind of what it
  counts ("in total 41,000 customers" / "18,000 business customers"), and two figures told at
  two different times ("a fortnight ago" / "at the end of August"), are no rivals;
- (session 7) a claim and its denial, each told as what its own speaker says, are two
  parties' versions, not two outlets' (`frames.speaker_of`); a negation that the parse reads
  as one stance on both sides ("barely landed a punch" / "didn't land a punch") or as a plan
  on the other ("plans to close the unit") is no opposite (`_frames_agree`).
Session 7 also finds versions the word-by-word tests miss, by reading each sentence's acts from
the parse (`frames`, `frame_clash`): one negates the act the other states about the same
participants however else the sentences differ ("Renk conceded defeat shortly after
midnight" / "Renk refused to concede, saying he would seek a recount"), one doer gives two
figures for what it did ("recalling 84,000 cars in Europe" / "recalling 48,000 vehicles"), or
two people are named as the doer of one act done to one definite thing. A reason names every
pair of outlets that clash (up to REASON_PAIRS), so a reader sees each side.
The gates were set on that labelled set itself: 58 disputes, 13 true. The NeuS set
(bench/data/claims_disputes_neus.jsonl, 45 disputes, 6 true), held out until session 5, is a
development set from session 6 on; the invented blind set is the held-out one. Session 7 adds
an invented development set written blind to this code (bench/data/claims_disputes_dev.jsonl).
Session 8: a tally's other side in common excuses nothing ("212 votes to 187"), a demand the
figure counts the subject of and a depth told as a position veto nothing (`FigureSubjects`),
and two claims can dispute each other (`cross`, whose `dispute_of` the claims stage calls).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from corroborate.claims.align import LOOSE_PAIR, Alignment, Unit
from corroborate.claims.doers import reworded_actors
from corroborate.claims.earlier import looks_back
from corroborate.claims.features import THRESHOLD, SentenceFacts, actor_clash, conflict
from corroborate.claims.frames import Arg, Frame, frames_of, speaker_of
from corroborate.claims.polarity import implicit_negations
from corroborate.claims.rivals import (
    Rivals,
    as_rounded,
    bare_decimal,
    clash_of,
    figure_clash,
    figures_reason,
    subjects_differ,
)
from corroborate.figures import collect_mentions, topic_names
from corroborate.figures.extract import Quantity, read_quantities
from corroborate.figures.ledger import FigureMentionDraft
from corroborate.figures.subject import Subject
from corroborate.figures.values import UNIT_SCALE, same_dimension, values_agree
from corroborate.nlp import Resources
from corroborate.records import Article, Sentence

FIGURE_DISPUTE_COSINE = 0.65
# ... or this close when the pair model backs them as one fact (NEGATION_SCORE): "backed the
# plan by 31 votes to 24" / "voted for the cuts by 33 votes to 22" (cosine 0.62, score 0.36)
# is one vote told with two tallies, and the claim that holds both must say so
FIGURE_BACKED_COSINE = 0.58
# Two versions that differ by a negation share most of their words ("opened the lock gates on
# Monday" / "did not open the lock gates on Monday"); "Ross is not signed for a sequel" and
# "Lawrence, Hutcherson and Hemsworth are signed for the sequel" are about different people.
NEGATION_OVERLAP = 0.5  # Jaccard of the content lemmas, names included
NEGATION_COSINE = 0.75  # ... or this close in meaning (long sentences add words of their own)
# ... and the pair model must back them as one fact: shared words and a close embedding also
# join "no shots were fired at the arrest" to "he fired one shot" (scores 0.00-0.14 on the
# labelled false negation disputes; the true one scores 0.51).
NEGATION_SCORE = 0.3
ACTOR_DISPUTE_OVERLAP = 0.5  # Jaccard of the content lemmas other than names
# Two sentences of one claim this close are read for one act told two ways (`frames`), however
# far apart the rest of their words are.
FRAME_COSINE = 0.45
REASON_PAIRS = 3  # pairs of outlets a dispute's reason names at most
# Words after a length that give its position, not a gap: "410 metres below the surface"
# ("1.2 metres above its usual level" is a gap).
_POSITION = re.compile(
    r"\s*(?:(?:below|beneath|under|above)\s+(?:the\s+)?"
    r"(?:surface|ground|sea\b|seabed|sea level|street|water)|underground|deep\b)",
    re.IGNORECASE,
)

_CLOSERS = " \t\n\"'”’»)"
_WORD = re.compile(r"[^\W\d_]+")
_CUT_END = re.compile(r"\d\.\s*$")  # a sentence ending "5." before a text going on "8 on the"
# Negations worded another way than "not": "had yet to regain" is "had not yet regained",
# "refused to allow" is "didn't allow"; "not only ... but" and "none"/"never" state no opposite.
_REWORDED_NEGATION = re.compile(
    r"\b(?:yet to|not only|fail(?:s|ed|ing)? to|refus(?:e|es|ed|ing) to|declin(?:e|es|ed|ing) to"
    r"|unable to|none|never|no longer|neither|nor)\b",
    re.IGNORECASE,
)
# A side that says how things stood before: "Previously, agencies were required to consult" is
# what the new rule "does not require" changed, not another version of it.
_EARLIER = re.compile(
    r"\b(?:previously|formerly|used to|until (?:now|then|recently)|in the past|once was)\b",
    re.IGNORECASE,
)

# Quantities already read in one `dispute_of` call, by unit (its id: the units outlive the
# call) and span.
Read = dict[tuple[int, int, int], list[Quantity]]

__all__ = ["FigureSubjects", "figure_clash", "frame_clash", "within"]


class FigureSubjects:
    """What each figure of a story is about, as the figure stage reads it (`figures.subject`),
    read once for the whole story on the first figure a dispute compares (~0.13 CPU s for 21
    ECB+ articles, against ~10 s for their claims). It only vetoes: the ledger's own test for a
    conflict (`ledger.can_conflict`) also wants positive evidence of one subject, which 12 of
    the 13 true ECB+ figure disputes lack ("565 shops" / "355 damaged shops")."""

    def __init__(self, articles: Sequence[Article], resources: Resources) -> None:
        self._articles = list(articles)
        self._resources = resources
        self._drafts: dict[tuple[str, int], FigureMentionDraft] | None = None
        self._topic: frozenset[str] = frozenset()
        self._frames: dict[tuple[str, int], tuple[list[Frame], Arg | None]] = {}
        self.cache: dict[str, Any] = {}  # the story's disputes between claims (`cross`)

    def _read(self) -> dict[tuple[str, int], FigureMentionDraft]:
        if self._drafts is None:
            found = [m for a in self._articles for m in collect_mentions(a, self._resources)]
            self._topic = topic_names(found, len(self._articles))
            self._drafts = {(m.article.id, m.quantity.number_start): m for m in found}
        return self._drafts

    def tokens(self, article: Article, sentence: Sentence) -> Any:
        """The sentence's spaCy tokens, from the run's cached parse of its paragraph (the
        negation check reads what a word like "against" or "without" reaches)."""
        paragraph, doc = self._resources.paragraph_docs(article)[sentence.paragraph]
        span = doc.char_span(
            sentence.start - paragraph.start,
            sentence.end - paragraph.start,
            alignment_mode="expand",
        )
        return span if span is not None else doc[:]

    def frames(self, unit: Unit) -> tuple[list[Frame], Arg | None]:
        """The acts of the unit's whole sentence (participants' offsets into the article), and
        who it says said it."""
        key = (unit.article.id, unit.whole.start)
        found = self._frames.get(key)
        if found is None:
            paragraph, _ = self._resources.paragraph_docs(unit.article)[unit.whole.paragraph]
            tokens = list(self.tokens(unit.article, unit.whole))
            found = self._frames[key] = (frames_of(tokens, paragraph.start), speaker_of(tokens))
        return found

    def embed(self, texts: Sequence[str]) -> Any:
        """The run's sentence embeddings of the texts (`doers` compares two sentences with
        their doers taken out)."""
        return self._resources.embedder().embed(texts)

    def differ(self, article_a: str, x: int, article_b: str, y: int) -> bool:
        """The figures whose numbers start at these offsets are about different things (False
        when the figure stage did not read one of them: nothing is known against them)."""
        drafts = self._read()
        a, b = drafts.get((article_a, x)), drafts.get((article_b, y))
        if a is None or b is None:
            return False
        return subjects_differ(self._as_read(a), self._as_read(b), self._topic)

    def _as_read(self, draft: FigureMentionDraft) -> Subject:
        """The subject, less two readings that tell no two versions of one count apart: a
        demand the figure counts the subject of ("260 people needed hospital treatment": who
        needed it, not what was asked for), and a margin that is a length's position ("410
        metres below the surface": a depth, as "340 metres underground" is)."""
        subject = draft.subject
        at, unit = draft.quantity.number_start, draft.quantity.unit
        after = draft.article.text[draft.quantity.end : draft.quantity.end + 40]
        length = UNIT_SCALE.get(unit, ("", 0.0))[0] == "length"
        position = length and bool(_POSITION.match(after))
        demander = subject.phase == "demand" and self._counts_the_subject(draft.article, at)
        if not (position and subject.margin) and not demander:
            return subject
        return replace(
            subject,
            margin=subject.margin and not position,
            phase=None if demander else subject.phase,
        )

    def _counts_the_subject(self, article: Article, at: int) -> bool:
        for paragraph, doc in self._resources.paragraph_docs(article):
            if paragraph.start <= at < paragraph.end:
                offset = at - paragraph.start
                span = doc.char_span(offset, offset + 1, alignment_mode="expand")
                if span is None or not len(span):
                    return False
                token = span[0]
                counted = token.head if token.dep_ == "nummod" else token
                return bool(counted.dep_ in {"nsubj", "nsubjpass"})
        return False


def within(
    alignment: Alignment, cluster: list[int], subjects: FigureSubjects | None = None
) -> str | None:
    """Why the cluster's sources disagree, or None: each pair of outlets with a conflicting
    pair of sentences (up to REASON_PAIRS, joined by "; "), the first such pair of theirs
    named. A reader sees every side: "A gives 12, B gives 8; C gives 12, B gives 8".

    Sentences close in their own right are compared word for word (a long sentence added for
    one of its facts may negate another of its facts); any two of the claim are read for one
    act told two ways (`frame_clash`). `subjects` (the story's figures as the figure stage
    reads them, and the sentences' parses) tells two figures apart and gives the acts;
    without it figures are compared on their words alone."""
    units, vectors = alignment.units, alignment.vectors
    read: Read = {}  # each unit's quantities are read once, whatever the pairs it is in
    reasons: dict[frozenset[str], str] = {}
    for x, i in enumerate(cluster):
        for j in cluster[x + 1 :]:
            a, b = units[i], units[j]
            outlets = frozenset(outlet_names(a, b))
            if a.source == b.source or outlets in reasons:
                continue
            cosine = float(vectors[i] @ vectors[j])
            close = alignment.scores[i, j] >= THRESHOLD or cosine >= LOOSE_PAIR
            reason = None
            if close:
                reason = _clash(a, b, cosine, float(alignment.scores[i, j]), read, subjects)
            if reason is None and subjects is not None and cosine >= FRAME_COSINE:
                reason = frame_clash(a, b, cosine, read, subjects)
            if reason and reason.startswith("different figures") and looks_back(a, b):
                reason = None  # a count of an earlier occasion
            if reason:
                reasons[outlets] = reason
                if len(reasons) == REASON_PAIRS:
                    break
        if len(reasons) == REASON_PAIRS:
            break
    return "; ".join(reasons.values()) or None


def _clash(
    a: Unit, b: Unit, cosine: float, score: float, read: Read, subjects: FigureSubjects | None
) -> str | None:
    if asks(a) or asks(b):
        return None  # "Why are you so sure it will reopen?" states no version of anything
    if (
        score >= NEGATION_SCORE
        and _negation_clash(a, b, cosine, subjects)
        and not (subjects and two_speakers(subjects.frames(a)[1], subjects.frames(b)[1]))
    ):
        name_a, name_b = outlet_names(a, b)
        return f"negation: {name_a} and {name_b} state opposite versions"
    backed = cosine >= FIGURE_BACKED_COSINE and score >= NEGATION_SCORE
    if cosine >= FIGURE_DISPUTE_COSINE or backed:
        pair = clash_of(
            a.sentence.text,
            figures_in(a, a.sentence, read),
            b.sentence.text,
            figures_in(b, b.sentence, read),
            rivals_for(subjects, a, a.sentence, b, b.sentence),
        )
        if pair and clash_of(
            a.whole.text,
            figures_in(a, a.whole, read),
            b.whole.text,
            figures_in(b, b.whole, read),
            rivals_for(subjects, a, a.whole, b, b.whole),
        ):
            name_a, name_b = outlet_names(a, b)
            return figures_reason(name_a, pair[0], name_b, pair[1])
    clash = actor_clash(a.facts, b.facts)
    # Two doers of one verb dispute only when the rest of the sentences match: the names weigh
    # so much in the embedding that their cosine says little here. Two doers each with their
    # own figure did two acts ("the Red Sox offered $200m", "the Nationals offered $160m").
    if (
        clash
        and actor_clash(a.whole_facts, b.whole_facts)
        and _overlap(a, b, names=False) >= ACTOR_DISPUTE_OVERLAP
        and not _two_acts(a, b, read)
    ):
        verb, doer_a, doer_b = clash
        name_a, name_b = outlet_names(a, b)
        return (
            f"different actor: {name_a} says {doer_a.title()} did it ({verb}), "
            f"{name_b} says {doer_b.title()}"
        )
    return None


# Negations that state no opposite version, read as in `_REWORDED_NEGATION` but leaving the
# verbs that hold a negation ("refused to concede") to the frames' own count.
_FIXED_NEGATION = re.compile(
    r"\b(?:yet to|not only|none|never|no longer|neither|nor)\b", re.IGNORECASE
)


def frame_clash(
    a: Unit,
    b: Unit,
    cosine: float,
    read: Read,
    subjects: FigureSubjects,
    *,
    near: float = LOOSE_PAIR,
    between: bool = False,
) -> str | None:
    """Two versions of one act, read from the two sentences' frames (`frames`): one negates
    what the other states, gives another figure for what was done, or names another doer of
    the act done to one thing. `near`: the cosine figures and doers are compared from;
    `between`: the two sentences are in two claims (`cross`), where a figure of a thing done
    with its doer named on one side only is compared too."""
    if asks(a) or asks(b):
        return None
    (frames_a, speaker_a), (frames_b, speaker_b) = subjects.frames(a), subjects.frames(b)
    # figures and doers only between sentences close in meaning all the same: a pair far
    # apart that gives another figure or another name is more often two acts than one
    close = cosine >= near
    name_a, name_b = outlet_names(a, b)
    if (
        not between  # a negation between two claims is more often of two acts (ECB+)
        and _opposite_acts(frames_a, frames_b)
        and not two_speakers(speaker_a, speaker_b)
        and not _same_stance(a, b, subjects)
    ):
        texts = (a.whole.text, b.whole.text)
        if not any(p.search(t) for p in (_FIXED_NEGATION, _EARLIER) for t in texts):
            return f"negation: {name_a} and {name_b} state opposite versions"
    pair = _frame_figures(a, b, (frames_a, frames_b), read, subjects, between) if close else None
    if pair:
        return figures_reason(name_a, pair[0], name_b, pair[1])
    clash = _frame_actors(frames_a, frames_b) if close else None
    found = figures_in(a, a.whole, read), figures_in(b, b.whole, read)
    if close and clash is None and not agree_somewhere(*found):
        clash = reworded_actors(a, b, (frames_a, frames_b), subjects.embed)
    if clash and not _two_acts(a, b, read):
        verb, doer_a, doer_b = clash
        return (
            f"different actor: {name_a} says {doer_a.title()} did it ({verb}), "
            f"{name_b} says {doer_b.title()}"
        )
    return None


def two_speakers(x: Arg | None, y: Arg | None) -> bool:
    """Each side says who said it and they are not one: a claim and its denial, each
    reported as what its speaker says, are two parties' versions, not two outlets'."""
    return x is not None and y is not None and not x.matches(y)


def _opposite_acts(frames_a: list[Frame], frames_b: list[Frame]) -> bool:
    return any(
        x.negated != y.negated and x.mood == y.mood and x.same_act(y)
        for x in frames_a
        for y in frames_b
    )


def _frame_figures(
    a: Unit,
    b: Unit,
    frames: tuple[list[Frame], list[Frame]],
    read: Read,
    subjects: FigureSubjects,
    between: bool = False,
) -> tuple[str, str] | None:
    """Different figures for what was done ("Tessaro is recalling 84,000 cars in Europe" /
    "Tessaro will recall 48,000 vehicles after..."): the same verb and doer, each figure
    inside the thing done. The words after the counts may differ then: the act ties them, and
    the figure stage still tells two kinds of thing apart."""
    found_a, found_b = figures_in(a, a.whole, read), figures_in(b, b.whole, read)
    if agree_somewhere(found_a, found_b):
        return None
    # the figure stage still tells two kinds of thing apart ("11 smugglers", "two boats")
    rivals = rivals_for(subjects, a, a.whole, b, b.whole)
    for x in frames[0]:
        for y in frames[1]:
            if x.verb != y.verb or x.negated != y.negated or not (x.patient and y.patient):
                continue
            # one doer, whatever each calls what it did ("cars", "hatchbacks"); between two
            # claims, without two doers, one thing done to ("four people were killed" /
            # "killed six people")
            if x.doer and y.doer:
                if not x.doer.matches(y.doer):
                    continue
            elif not (between and x.patient.matches(y.patient)):
                continue
            elif not any(d is not None and d.known for d in (x.doer, y.doer)):
                # "it killed 612 people": which "it", the sentence does not say; "ten people
                # were killed" / "..., killing 612 people": nothing ties the two acts
                continue
            inside_a = inside(found_a, a.whole.start, x.patient)
            inside_b = inside(found_b, b.whole.start, y.patient)
            if between:  # each a count of the thing done: "six people", not "Orozco, 27"
                inside_a = [q for q in inside_a if counts(a.whole.text, q, x.patient.lemma)]
                inside_b = [q for q in inside_b if counts(b.whole.text, q, y.patient.lemma)]
            pair = clash_of(a.whole.text, inside_a, b.whole.text, inside_b, rivals, counted=False)
            if pair:
                return pair
    return None


def counts(text: str, quantity: Quantity, lemma: str) -> bool:
    """The figure counts the word `lemma` written right after it ("six people", "23
    pirates"), not a number beside it ("Orozco, 27,")."""
    words = _WORD.findall(text[quantity.end : quantity.end + 40])[:2]
    return bool(lemma) and any(w.lower().startswith(lemma) for w in words)


def agree_somewhere(found_a: list[Quantity], found_b: list[Quantity]) -> bool:
    return any(
        x.plain and y.plain and same_dimension(x, y) and values_agree(x, y)
        for x in found_a
        for y in found_b
    )


def inside(found: list[Quantity], offset: int, arg: Arg) -> list[Quantity]:
    return [q for q in found if arg.start <= offset + q.number_start < arg.end]


def _frame_actors(frames_a: list[Frame], frames_b: list[Frame]) -> tuple[str, str, str] | None:
    """(verb, doer in a, doer in b): two people named as the doer of one act done to one
    definite thing ("Chief Orlov ordered the evacuation" / "Mayor Lund ordered the
    evacuation"), neither named as a doer of that act on the other side. Organisations are
    left out: one may be part of the other ("the Interior Department" / "the Service")."""
    for x in frames_a:
        for y in frames_b:
            if x.verb != y.verb or x.negated != y.negated or x.mood != y.mood:
                continue
            if not (x.definite and y.definite and x.patient and y.patient):
                continue
            if not x.patient.matches(y.patient) or x.doer is None or y.doer is None:
                continue
            if not (x.doer.person and y.doer.person) or x.doer.matches(y.doer):
                continue
            doers_a = [f.doer for f in frames_a if f.verb == x.verb and f.doer]
            doers_b = [f.doer for f in frames_b if f.verb == x.verb and f.doer]
            if any(d.matches(y.doer) for d in doers_a) or any(d.matches(x.doer) for d in doers_b):
                continue
            return x.verb, min(x.doer.names), min(y.doer.names)
    return None


def asks(unit: Unit) -> bool:
    """The sentence is a question (a closing quote mark after the "?" allowed)."""
    return unit.whole.text.rstrip(_CLOSERS).endswith("?")


def _two_acts(a: Unit, b: Unit, read: Read) -> bool:
    """Each side gives its own figure of one dimension and no such figure agrees."""
    found_a, found_b = figures_in(a, a.whole, read), figures_in(b, b.whole, read)
    return clash_of(a.whole.text, found_a, b.whole.text, found_b) is not None


def _negation_clash(a: Unit, b: Unit, cosine: float, subjects: FigureSubjects | None) -> bool:
    similar = cosine >= NEGATION_COSINE or _overlap(a, b, names=True) >= NEGATION_OVERLAP
    reworded = any(
        pattern.search(unit.whole.text)
        for pattern in (_REWORDED_NEGATION, _EARLIER)
        for unit in (a, b)
    )
    return (
        similar
        and not reworded
        and conflict(a.facts, b.facts) == "negation"
        and conflict(a.whole_facts, b.whole_facts) == "negation"
        and not (subjects and (_same_stance(a, b, subjects) or _frames_agree(a, b, subjects)))
    )


def _frames_agree(a: Unit, b: Unit, subjects: FigureSubjects) -> bool:
    """The acts read from the parse (`frames`) say the word negated on one side only is no
    opposite: both sides' frames of it take one stance ("barely landed a punch" / "didn't
    land a punch", "I don't think he won" / "he did not win"), or the side without the
    negation has it in another mood ("plans to close the unit" / "did not close the unit")."""
    facts_a, facts_b = a.whole_facts, b.whole_facts
    negated = (facts_a.negated ^ facts_b.negated) & _vocabulary(facts_a) & _vocabulary(facts_b)
    frames_a, frames_b = subjects.frames(a)[0], subjects.frames(b)[0]
    pairs = [(x, y) for x in frames_a for y in frames_b if x.verb == y.verb and x.verb in negated]
    if any(x.negated == y.negated for x, y in pairs):
        return True
    return bool(pairs) and all(x.mood != y.mood for x, y in pairs)


def _same_stance(a: Unit, b: Unit, subjects: FigureSubjects) -> bool:
    """The side without "not" holds its negation in a word ("voted against" / "did not vote
    for", "without bringing charges" / "will not be charged"): an odd number of such words
    reaching what one side negates flips the count of negations back to one stance."""
    facts_a, facts_b = a.whole_facts, b.whole_facts
    negated = (facts_a.negated ^ facts_b.negated) & _vocabulary(facts_a) & _vocabulary(facts_b)
    if not negated:
        return False
    held = sum(
        implicit_negations(subjects.tokens(unit.article, unit.whole), negated) for unit in (a, b)
    )
    return held % 2 == 1


def _vocabulary(facts: SentenceFacts) -> frozenset[str]:
    return facts.lemmas | facts.words


def rivals_for(
    subjects: FigureSubjects | None,
    a: Unit,
    span_a: Sentence,
    b: Unit,
    span_b: Sentence,
) -> Rivals | None:
    if subjects is None:
        return None
    return lambda x, y: (
        not subjects.differ(
            a.article.id,
            span_a.start + x.number_start,
            b.article.id,
            span_b.start + y.number_start,
        )
    )


def figures_in(unit: Unit, span: Sentence, read: Read) -> list[Quantity]:
    """The quantities of a span of the unit, less a number the sentence splitter cut at its
    decimal point ("magnitude 5." | "8 on the Richter scale"): that part is no figure."""
    key = (id(unit), span.start, span.end)
    found = read.get(key)
    if found is None:
        found = read[key] = _read_figures(unit, span)
    return found


def _read_figures(unit: Unit, span: Sentence) -> list[Quantity]:
    text, whole, full = span.text, unit.whole, unit.article.text
    cut_before = bool(_CUT_END.search(full[: whole.start])) and whole.text[:1].isdigit()
    cut_after = bool(_CUT_END.search(whole.text)) and full[whole.end :].lstrip()[:1].isdigit()
    kept = []
    for quantity in read_quantities(text):
        start, end = span.start + quantity.number_start, span.start + quantity.number_end
        if (cut_before and start <= whole.start) or (cut_after and end >= whole.end - 1):
            continue
        if bare_decimal(full, start):
            continue
        kept.append(as_rounded(quantity))
    return kept


def _overlap(a: Unit, b: Unit, *, names: bool) -> float:
    words_a = a.facts.lemmas if names else a.facts.lemmas - a.facts.entities
    words_b = b.facts.lemmas if names else b.facts.lemmas - b.facts.entities
    union = words_a | words_b
    return len(words_a & words_b) / len(union) if union else 0.0


def outlet_names(a: Unit, b: Unit) -> tuple[str, str]:
    name_a = a.article.outlet or a.article.id
    name_b = b.article.outlet or b.article.id
    if name_a == name_b:  # one outlet name for both (e.g. taken from one input file's name)
        return f"{name_a} ({a.article.id})", f"{name_b} ({b.article.id})"
    return name_a, name_b
