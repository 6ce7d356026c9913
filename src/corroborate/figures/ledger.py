"""Lining figures up across outlets and deciding agree, conflict or single source.

Mentions are grouped greedily, the most specific subjects first (`grouping.group_mentions`): a
mention joins a group when its subject is compatible with every member's (`compatible`) and
shares something with one of them (`evidence`). Agreement is easy to join; a conflict needs
more: a subject that shares at least `CONFLICT_EVIDENCE` points with the group and no disjoint
nouns, because a false conflict is what costs a fact-checker most.

Whether two values agree within their precision is `values.values_agree` (re-exported here).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from corroborate.figures.acts import (
    LEVEL_ACTS,
    STATE_ACTS,
    may_be_one_act,
    one_presence,
    same_act,
    same_frame,
)
from corroborate.figures.alike import (
    dimensions_differ,
    goods_differ,
    kinds_clash,
    one_named_measure,
    qualified,
    say_one_thing,
    share_word,
    things_differ,
    times_differ,
)
from corroborate.figures.echo import reading, small
from corroborate.figures.extract import Quantity
from corroborate.figures.frames import is_money
from corroborate.figures.lexicon import DURATION_SUFFIX, MEASURE_SUFFIX
from corroborate.figures.loose import (
    FOR_CONFLICT,
    Strictness,
    synonym_only,
    two_kinds,
)
from corroborate.figures.names import names_match
from corroborate.figures.roles import flows_opposed, one_handover, roles_swapped
from corroborate.figures.scope import scope_narrower, scopes_clash, unsaid_both
from corroborate.figures.subject import Subject, names_clash
from corroborate.figures.values import METRIC, interval
from corroborate.figures.values import same_dimension as same_dimension  # for claims.disputes
from corroborate.figures.values import values_agree as values_agree  # for claims.disputes
from corroborate.figures.words import (
    CHANGE_BY,
    CHANGE_VERBS,
    OUTCOME_OF,
    SUBSET_WORDS,
)
from corroborate.records import Article, Sentence
from corroborate.sources import source_of

CONFLICT_EVIDENCE = 2.0
RICH_NOUNS_CLASH = 1.5
DURATIONS = frozenset(DURATION_SUFFIX.values())
MEASURES = frozenset(MEASURE_SUFFIX.values())


@dataclass(slots=True)
class FigureMentionDraft:
    """One figure as one article states it, before the ledger groups it."""

    article: Article
    sentence: Sentence
    quantity: Quantity  # offsets into Article.text
    subject: Subject
    # Values of other figures that only a loose match ties to this one: kept apart, not rivals
    doubts: set[str] = field(default_factory=set)
    # The only figure of its value among its article's several (`echo.lone_values`)
    lone: bool = False
    # The only count of its counted thing among its article's several (`echo.lone_counts`)
    lone_count: bool = False
    # The figure whose earlier value this is, told in one sentence ("3,400, up from 1,200")
    earlier_of: FigureMentionDraft | None = None
    # Of an earlier time within its figure: an earlier value, or another outlet's statement of
    # it (`status.mark_past`, set when the figure is made)
    past: bool = False

    @property
    def date(self) -> str | None:
        return self.article.published[:10] if self.article.published else None

    @property
    def source_key(self) -> str:
        return source_of(self.article, self.quantity.start, self.quantity.end)


def compatible(a: FigureMentionDraft, b: FigureMentionDraft) -> bool:
    """Can the two mentions be about the same thing? False on any clear difference."""
    # Another unit of one dimension only where the values agree: "12,000 hectares" and
    # "12,000 acres" are a slip or two figures, never a conflict.
    if a.quantity.unit != b.quantity.unit and not values_agree(a.quantity, b.quantity):
        metric = {a.quantity.unit, b.quantity.unit} <= METRIC
        if not (metric and same_dimension(a.quantity, b.quantity)):
            return False  # "12,000 hectares" against "12,000 acres": a slip, or two figures
    if a.article.id == b.article.id and a.sentence.index == b.sentence.index:
        return a.quantity.start == b.quantity.start or told_before(a, b)
    x, y = a.subject, b.subject
    if {x.phase, y.phase} == {"demand", None}:
        return False  # the demanded 5% is not the current 2%
    named = x.persons_named and y.persons_named
    if (x.proposed or y.proposed) and named and not names_match(x.persons, y.persons):
        return False  # Trump's demanded 5% is not Rutte's expected 3%
    if names_clash(x, y):
        return False
    if x.times and y.times and not x.times & y.times:
        return False
    if x.days and y.days and not x.days & y.days and not _state_on_two_days(a, b):
        return False  # Saturday's crowd is not Sunday's
    if x.per and y.per and x.per != y.per:
        return False  # £40m a day is not £40m a week
    if _rate_against_total(x, y) or _rate_against_total(y, x):
        return False  # "handles 1,400 flights a day" is no count of cancelled flights
    if x.purpose and y.purpose and not share_word(x.purpose, y.purpose):
        return False  # "£1.2bn for schools" is not "£450m for hospitals"
    if x.base and y.base and x.base != y.base:
        return False  # "one in five children" is not "one in five adults"
    if x.base and x.base == y.base and not say_one_thing(x, y):
        return False  # "one in three adults is overweight" is not "one in ten adults smokes"
    if x.margin != y.margin and x.verb == y.verb and a.quantity.unit == "count":
        return False  # "won by 1,204 votes" is not "won 14,220 votes"
    if kinds_clash(x, y):
        return False  # "fuel prices" are not "bread prices"
    if _holders_differ(x, y):
        return False  # "the economy grew 2.4%" is not "the population grew 2.4%"
    if x.outcome and y.outcome and x.outcome != y.outcome:
        return False
    if x.counted and y.counted and x.counted != y.counted and not _jobs_as_people(x, y):
        return _one_count_two_words(a, b) or echoes(a, b)  # "six suspects", "six people"
    return True


def echoes(a: FigureMentionDraft, b: FigureMentionDraft) -> bool:
    """Two articles' lone figures of one value (`echo`): one figure unless a clash parts them.
    A small count echoes only where the act is the same."""
    if not (a.lone and b.lone) or a.article.id == b.article.id:
        return False
    if reading(a.quantity) != reading(b.quantity):
        return False
    return not small(a.quantity) or (
        a.subject.verb is not None and a.subject.verb == b.subject.verb
    )


def _state_on_two_days(a: FigureMentionDraft, b: FigureMentionDraft) -> bool:
    """A level read on two weekdays by articles of two dates ("reservoirs stood at 41% on
    Monday", "...at 48% on Friday"): one thing measured over time, which the dates order.
    Not two events ("drew 20,000 on Saturday", "35,000 on Sunday")."""
    x, y = a.subject, b.subject
    if not (a.date and b.date and a.date != b.date) or x.times != y.times:
        return False
    return x.verb in STATE_ACTS and y.verb in STATE_ACTS and x.days != y.days


def _jobs_as_people(x: Subject, y: Subject) -> bool:
    """Jobs cut or created, counted once as jobs and once as the people who hold them."""
    if {x.counted, y.counted} != {"person", "job"} or x.outcome or y.outcome:
        return False
    same = x.verb == y.verb and x.verb in ("cut", "hire")
    if same:
        return True
    # "2,300 workers will lose their jobs": the people's side must name the jobs, or "staff
    # will lose their overtime pay" would be counted as jobs cut
    people = x if x.counted == "person" else y
    return {x.verb, y.verb} <= _JOBS_LOST and "job" in people.context


# Verbs of jobs lost: "will cut 1,800 jobs", "1,800 jobs will go", "workers lose their jobs".
_JOBS_LOST = frozenset({"cut", "lose", "go"})


def _one_count_two_words(a: FigureMentionDraft, b: FigureMentionDraft) -> bool:
    """Two counted nouns that may name one count. The same value and names, and either one
    side's counted thing named on the other ("seats 32,000 fans", "the 32,000-seat stadium"),
    or one frame told with two acts ("gave 2,100 jabs at the centre", "2,100 people were
    vaccinated at the centre"). One act with two different objects is two counts ("recorded
    2,140 burglaries", "recorded 2,140 car thefts"). Only ever an agreement:
    `_conflict_blocked` keeps two different counted nouns from being rivals."""
    x, y = a.subject, b.subject
    if not values_agree(a.quantity, b.quantity) or not names_match(x.names, y.names):
        return False
    if x.counted in y.context or y.counted in x.context:
        return True
    shared = (x.nouns & y.nouns) - {x.counted, y.counted}
    return bool(shared) and not same_act(x, y)


# Rates a total is never stated in: a salary or a budget is a year's without saying so.
SHORT_PERIODS = frozenset({"day", "hour", "week"})


def _rate_against_total(x: Subject, y: Subject) -> bool:
    """x is a rate per day, hour or week, y another act that names no such period at all."""
    if x.per not in SHORT_PERIODS or y.per or x.verb == y.verb:
        return False
    return x.per not in y.context and not y.context & _PERIOD_WORDS


_PERIOD_WORDS = frozenset({"daily", "weekly", "hourly", "overnight"})


def _holders_differ(x: Subject, y: Subject) -> bool:
    """One verb done by two different things, neither named on the other side: "Renwick's
    economy grew 2.4%" and "Renwick's population grew 2.4%"; but "the marathon raised $1m" and
    "runners in the marathon raised $1m" are one thing."""
    if not (x.holder_noun and y.holder_noun) or x.holder_noun == y.holder_noun:
        return False
    changes = x.verb in CHANGE_ACTS and y.verb in CHANGE_ACTS  # "sales rose", "margin widened"
    if x.verb != y.verb and not (x.verb in STATE_VERBS and y.verb in STATE_VERBS) and not changes:
        return False
    return x.holder_noun not in y.nouns and y.holder_noun not in x.nouns


# Verbs of a change in size, done by the holder: "sales rose 7%", "the margin widened to 7%".
CHANGE_ACTS = frozenset({"rise", "fall", "widen", "narrow", *CHANGE_VERBS})

# Verbs that state a level: "the debt has reached $1.2tn", "the budget is $1.2tn".
STATE_VERBS = frozenset({None, "have", "reach", "stand", "total", "amount"})


def _part_of_holder(x: Subject, y: Subject) -> bool:
    """x's holder is a kind of y's ("the budget overspend" and "the budget"): the same thing at
    most, and never a rival."""
    if x.holder_noun == "price":
        return False  # "copper prices hit $10,400" is what "copper reached" says
    return bool(x.holder_noun and y.holder_noun) and (x.holder_noun, y.holder_noun) in x.kinds


def evidence(a: FigureMentionDraft, b: FigureMentionDraft) -> float:
    """How much two compatible subjects share: names, nouns, the thing counted, the outcome.

    Words of the sentence at large only break ties (a story's sentences share many words).
    """
    x, y = a.subject, b.subject
    score = 2.0 * names_match(x.names, y.names) + len(x.nouns & y.nouns)
    if x.counted is not None and x.counted == y.counted:
        score += 0.5 if x.counted == "person" else 2.0  # "people" alone says little
    score += 2.0 * (x.outcome is not None and x.outcome == y.outcome)
    if x.proposed or y.proposed:  # who demands it is part of a demand's subject
        score += 1.0 * names_match(x.persons, y.persons)
    if a.source_key == b.source_key:
        score += 0.5
    if rich_clash(x, y):
        score -= RICH_NOUNS_CLASH  # "council tax" and "water bills" of one town: two things
    return score


def rich_clash(x: Subject, y: Subject) -> bool:
    return len(x.nouns) > 1 and len(y.nouns) > 1 and not x.nouns & y.nouns


def context_overlap(a: FigureMentionDraft, b: FigureMentionDraft) -> float:
    return 0.25 * min(4, len(a.subject.context & b.subject.context))


def can_conflict(
    a: FigureMentionDraft,
    b: FigureMentionDraft,
    topic: frozenset[str] = frozenset(),
    strict: Strictness = FOR_CONFLICT,
) -> bool:
    """A conflict needs the same thing measured, known on both sides, not just nothing against.

    `topic` holds the names most of the story's articles mention (the event, its main actor):
    they tie everything together, so they neither support a conflict nor hide a clash between
    the names that remain ("the Red Sox offered $200m" against "the Nationals offered $160m").
    `strict` says which loose readings of "the same thing" may count (`loose.Strictness`).
    """
    if _conflict_blocked(a, b, strict) or synonym_only(a.subject, b.subject, strict):
        return False
    x, y = a.subject, b.subject
    names_x, names_y = x.names - topic, y.names - topic
    own_names = x.names_in_clause and y.names_in_clause
    if own_names and names_x and names_y and not names_match(names_x, names_y):
        return False
    one_poll = bool(x.instruments) and x.instruments == y.instruments
    if x.instruments and y.instruments and not one_poll:
        return False  # two polls' findings ("the Morwick Echo poll", "...Courier poll") are two
    actors_x, actors_y = x.actors - topic, y.actors - topic
    # "X gave £2m to Y" and "Y received £3.5m from X": one act, told by its two parties
    one_act = one_poll or one_handover(x.handover, y.handover)
    if actors_x and actors_y and not names_match(actors_x, actors_y) and not one_act:
        return False  # "Ostria will send 500" is no rival to "Velmark plans to deploy 800"
    # The thing counted alone is not enough: "23 member nations" and "more than 40 countries"
    # are different groups of countries unless a name or another noun ties them.
    jobs = _jobs_as_people(x, y) and strict.allows("jobs_people")  # "workers will lose their jobs"
    shared_nouns = (x.nouns & y.nouns) - (set() if jobs else {x.counted})
    core = 2.0 * names_match(names_x, names_y) + len(shared_nouns)
    core += 1.5 * ((x.counted is not None and x.counted == y.counted) or jobs)
    core += 2.0 * (x.outcome is not None and x.outcome == y.outcome)
    if x.persons_named and y.persons_named:  # the same person gives both
        core += 1.0 * names_match(x.persons, y.persons)
    # two articles' only counts of one thing: "found two containers" / "three containers"
    core += 1.0 * (a.lone_count and b.lone_count and a.article.id != b.article.id)
    # "unemployment" is 5%, "inflation" 6.5%; a population's nouns ("population", "home to")
    # are words for one thing
    population = x.outcome == y.outcome == "living"
    core -= 1.0 if _nouns_clash(a, b) and not population else 0.0
    return core >= CONFLICT_EVIDENCE


def _conflict_blocked(a: FigureMentionDraft, b: FigureMentionDraft, strict: Strictness) -> bool:
    """Shapes of subject that never make a conflict, whatever else they share."""
    x, y = a.subject, b.subject
    unit = a.quantity.unit
    if unit in DURATIONS:
        # "eight years" and "seven years" are rarely the same span; never flag, but for one
        # prison term ("jailed for six years", "sentenced to eight years") or one act of one
        # named holder ("Harlow Rovers sacked their manager after 14 months", "...11 months")
        if x.verb is None or x.verb != y.verb or x.verb == "have":
            return True
        if x.context & SUBSET_WORDS != y.context & SUBSET_WORDS:
            return True  # "the strike lasted six weeks", "the previous strike lasted nine"
        one_holder = bool(x.names) and names_match(x.names, y.names) and strict.allows("durations")
        return not (x.verb == "sentence" or one_holder)
    if x.subset or y.subset:
        return True  # "two other rifles" is no rival to "nine rifles"
    if roles_swapped(x.handover, y.handover):
        return True  # "Orla bought the hotel for €90m" is no rival to "Orla sold it for €115m"
    if x.margin != y.margin:
        return True  # "£40m over budget" is no rival to "cost £210m"
    if _period(x, strict) != _period(y, strict):
        return True  # "£40m a day" is no rival to "£400m so far"
    if x.real != y.real:
        return True  # "wages rose 1.1% after inflation" is no rival to "wages rose 4.2%"
    if _spans_differ(x, y):
        return True  # "infected 90 in the past week" is no rival to "has infected 230"
    if _part_against_whole(x, y) or _part_against_whole(y, x):
        return True  # "the museum's new wing drew 60,000" is no rival to "the museum drew"
    if x.capacity != y.capacity:
        return True  # "can carry 400 passengers" is no rival to "sank with 212 on board"
    if kinds_clash(x, y, narrower=True):
        return True  # "youth unemployment" is a part of "unemployment"
    two_days = frozenset({"day"}) if _state_on_two_days(a, b) else frozenset()
    said_x, said_y = _said(x), _said(y)
    if scopes_clash(x.scope, y.scope, said_x, said_y, two_days):
        return True  # "arrests at the protest" are not "arrests at the match"
    narrower = scope_narrower(x.scope, y.scope, said_y) or scope_narrower(y.scope, x.scope, said_x)
    if (narrower or qualified(x, y)) and not strict.allows("narrower_scope"):
        return True  # "the youth jobless rate", "violent crime": parts of the whole, may be
    unsaid = unsaid_both(x.words, y.words, said_x, said_y)
    if unsaid and not strict.allows("unsaid_both"):
        return True  # "Halden Rail carried 61m", "Halden's bus network carried 140m"
    if unit != "count" and (_part_of_holder(x, y) or _part_of_holder(y, x)):
        return True  # "the budget overspend reached $14m" is no rival to "the budget is $220m"
    if _under_ceiling(a.quantity, b.quantity) or _under_ceiling(b.quantity, a.quantity):
        return True  # "carries up to 600" is a capacity; "was carrying 212" is within it
    if _over_floor(a.quantity, b.quantity) or _over_floor(b.quantity, a.quantity):
        return True  # "at least 9 died" is not wrong when 25 died
    if (x.share_role == "whole") != (y.share_role == "whole"):
        return True  # a total and a part of it ("31 of the 60 seats") are not rivals
    if times_differ(x, y) and not (_state_on_two_days(a, b) and strict.allows("two_days")):
        return True  # "in February, a gunman killed five" is another event than today's toll
    if unit != "count" and things_differ(x, y, said_x, said_y):
        return True  # "the council's budget is £412m" / "a £28m funding gap"
    if is_money(unit) and _same_doer(x, y) and flows_opposed(x.verb, y.verb):
        return True  # "the appeal raised £1.4m" / "the appeal spent £300,000"
    if unit not in ("count", *MEASURES):
        # "$650,000 for shelters" is part of, not against, "a $4.2m aid package"
        return bool(x.own_nouns and y.own_nouns and not x.own_nouns & y.own_nouns)
    if dimensions_differ(x, y):
        return True  # "the 300-metre dam" may be long; "the dam is 45 metres high" is tall
    if two_kinds(x, y, said_x, said_y):
        return True  # "sold 5,200 electric cars" / "sold 8,900 vans": two kinds of vehicle
    if unit in MEASURES and goods_differ(x, y, said_x, said_y):
        return True  # "tonnes of wheat" / "tonnes of barley"; a satellite / its solar panels
    if unit != "count":  # a measure: the same act ("the river rose 2.4 metres")
        holder_x = x.owner if x.attribute else x.holder_noun
        holder_y = y.owner if y.attribute else y.holder_noun
        same_holder = holder_x is not None and holder_x == holder_y
        if same_holder and not {x.verb, y.verb} & CHANGES:
            return False  # "the line will be 38 km long", "the line will run 52 km"
        level = not {x.verb, y.verb} & (CHANGES - {"reach"})  # "gusts reached 155 km/h"
        if level and one_named_measure(x, y, said_x, said_y):
            return False  # "Storm Edda brought gusts of 140 km/h", "gusts reached 155 km/h"
        return x.verb is None or x.verb != y.verb
    counted_x, counted_y = _counted_class(x), _counted_class(y)
    if counted_x is None and counted_y is None:  # "the waiting list stood at 8,200"
        same = same_frame(x, y, strict=strict) and x.nouns == y.nouns
        return not (same and same_act(x, y, strict=strict))
    if _jobs_as_people(x, y) and strict.allows("jobs_people"):
        return False  # "will lay off 1,200 staff", "is cutting 1,500 jobs"
    if counted_x is None or counted_x != counted_y:
        return True
    if one_presence(x, y):
        return False  # "the plant employs 2,100 people", "3,000 people work at the plant"
    if x.outcome == "living" and not ((x.names | x.actors) and (y.names | y.actors)):
        return True  # "home to 100,000 people" names no place: no rival to a town's count
    if counted_x == "person":  # 12 dead is no rival to 3,000 evacuated
        if x.outcome is None and y.outcome is None:  # "seats 45,000" against "holds 52,000"
            return not may_be_one_act(x, y, strict=strict)
        return x.outcome != y.outcome
    # Things counted: the same act ("captured three boats" is not "five boats approached").
    if x.outcome is not None or y.outcome is not None:
        return x.outcome != y.outcome
    return not may_be_one_act(x, y, strict=strict)


def _spans_differ(x: Subject, y: Subject) -> bool:
    """Two stretches of time a total is told over (`when.span_of`). Two different ones part
    the figures; one alone parts them only where it plainly means another total: a recent
    window of days, weeks or months ("infected 90 in the past week" / "has infected 230"), a
    stretch against a named time ("£320m over five years" / "£90m this year"), a running
    tally against a target or forecast ("has so far enrolled 1,800" / "will enrol 5,000").
    "Will cut 1,800 jobs over three years" / "to axe 2,500 jobs" may be one act."""
    if x.span == y.span:
        return False
    if x.span is not None and y.span is not None:
        return True
    told, other = (x, y) if x.span is not None else (y, x)
    span = told.span or ""
    if span == "so far":
        return other.phase is not None
    if span.startswith("past "):
        return span.split()[-1] in ("day", "week", "month", "hour")
    return bool(other.times)


def _part_against_whole(x: Subject, y: Subject) -> bool:
    """x's holder is a part of what y's holder is: "the main span of the bridge" / "the
    bridge"."""
    return x.part_of is not None and x.part_of == y.holder_noun != x.holder_noun


def _same_doer(x: Subject, y: Subject) -> bool:
    """One party does both verbs: the same common noun ("the appeal"), or the same names."""
    if x.holder_noun is not None and x.holder_noun == y.holder_noun:
        return True
    return bool(x.actors and y.actors) and names_match(x.actors, y.actors)


# Acts of change: "the river rose 2.4 metres" is no rival to "the river peaked at 5.2 metres".
CHANGES = frozenset({"rise", "fall", *CHANGE_VERBS, *CHANGE_BY})


def _said(subject: Subject) -> frozenset[str]:
    """Every word the sentence says, as lemmas, names and noun classes."""
    return subject.context | subject.names | subject.nouns


def _period(subject: Subject, strict: Strictness | None = None) -> str | None:
    """A rate's period; pay is a year's without saying so ("earns $52,000 a year", "an average
    salary of $47,500"). `strict` None is for agreeing, where every loose reading counts."""
    pay_year = strict is None or strict.allows("pay_year")
    if pay_year and subject.per == "year" and ("pay" in subject.nouns or subject.verb == "earn"):
        return None
    return subject.per


def _counted_class(subject: Subject) -> str | None:
    """What is counted; a figure whose own verb is an outcome counts people ("7 were killed"),
    not one whose clause merely names one ("nine in favour of the death penalty")."""
    if subject.counted is None and subject.verb in LEVEL_ACTS and subject.holder_noun:
        # "road deaths fell to 35", "the population rose to 12,400": the holder is counted
        if subject.outcome is not None:
            return "person"
        return subject.holder_noun
    if subject.counted is None and subject.outcome == "living":
        return "person"  # "Peltham's population has doubled to 40,000"
    if subject.counted or not subject.outcome or subject.verb is None:
        return subject.counted
    return "person" if OUTCOME_OF.get(subject.verb) == subject.outcome else None


def _under_ceiling(ceiling: Quantity, other: Quantity) -> bool:
    """A ceiling ("up to 600", "fewer than 100") and a value wholly below it: consistent, so
    never rivals, even where they are too far apart to be one figure."""
    if ceiling.high is None or ceiling.low is not None or ceiling.approximate:
        return False
    return interval(other)[1] <= ceiling.high + ceiling.precision


def _over_floor(floor: Quantity, other: Quantity) -> bool:
    """A floor ("at least 9") and a value wholly above it: consistent, never rivals."""
    if floor.low is None or floor.high is not None or floor.approximate:
        return False
    return interval(other)[0] >= floor.low - floor.precision


def _nouns_clash(a: FigureMentionDraft, b: FigureMentionDraft) -> bool:
    x, y = a.subject.nouns, b.subject.nouns
    return bool(x and y and not x & y)


def told_before(a: FigureMentionDraft, b: FigureMentionDraft) -> bool:
    """One is the other's earlier value, as its sentence says ("3,400, up from 1,200")."""
    return a.earlier_of is b or b.earlier_of is a
