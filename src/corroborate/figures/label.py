"""The subject of a figure in words, for the ledger: "UK budget, share of GDP", "people killed".

Built from the same parse pieces the matching uses, so what a user reads is what was compared:
the holder (a name that is not a place or a person), what is measured (the thing counted and
what happened to it, or the nouns of the figure's clause), the base of a share ("of GDP"), and
who demands it when it is a demand.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

OUTCOME_WORDS = {
    "dead": "killed",
    "injured": "injured",
    "missing": "missing",
    "rescued": "rescued",
    "arrested": "arrested",
    "evacuated": "evacuated",
    "sheltered": "sheltered",
    "living": "living there",
    "aboard": "aboard",
    "released": "released",
    "ill": "taken ill",
}
PHASE_WORDS = {"demand": "demanded", "future": "forecast"}
MAX_WHAT_WORDS = 4
# Nouns that say nothing a reader needs in a ledger line.
QUIET = frozenset("percent per cent number figure total level share rate amount sum".split())


def describe(
    *,
    holders: Sequence[Any],
    anchor: Any,
    local: Sequence[Any],
    narrow: Sequence[Any],
    counted_text: str | None,
    outcome: str | None,
    unit: str,
    skip: set[int],
) -> str:
    """A short subject line; falls back to the clause's words when little is known."""
    holder = _unique(t.text for t in holders if t.ent_type_ != "PERSON")
    base = _share_base(anchor, skip) if unit == "percent" else []
    base_ids = {t.i for t in base}
    if counted_text:
        what = [counted_text.lower()]
        if outcome:
            what.append(OUTCOME_WORDS[outcome])
    else:
        nouns = [
            t
            for t in sorted({*local, *narrow}, key=lambda t: t.i)
            if t.pos_ == "NOUN"
            and t.is_alpha
            and t.i not in base_ids
            and t.lemma_.lower() not in QUIET
            and not _is_time(t)
        ]
        what = _unique(_with_modifiers(nouns))[:MAX_WHAT_WORDS]
    words = [*holder, *what]
    if not words:  # nothing named: the clause's own words ("is not enough")
        words = [t.text for t in narrow if t.is_alpha and not t.is_stop][:MAX_WHAT_WORDS]
    line = " ".join(words) if words else "figure"
    if base:
        line += ", share of " + " ".join(t.text for t in base)
    return line


def with_phase(line: str, phase: str | None, persons: Iterable[str]) -> str:
    """ "NATO spending target (demanded by Trump)": who demands or forecasts it."""
    if not phase:
        return line
    who = ", ".join(sorted(p.title() for p in persons))
    return f"{line} ({PHASE_WORDS[phase]}{' by ' + who if who else ''})"


def _share_base(anchor: Any, skip: set[int]) -> list[Any]:
    """ "5% of their GDP" gives GDP: what a percentage is a share of."""
    for child in anchor.children:
        if child.lower_ == "of" and child.i not in skip:
            objects = [t for t in child.children if t.dep_ == "pobj"]
            if objects:
                head = objects[0]
                return [t for t in head.subtree if t.pos_ in ("NOUN", "PROPN", "ADJ")]
    return []


def _with_modifiers(nouns: Sequence[Any]) -> list[str]:
    """Each noun with the compound nouns before it ("defence spending target", "aid package");
    a noun that is itself part of a compound shows only inside it."""
    ids = {t.i for t in nouns}
    out = []
    for noun in nouns:
        if noun.dep_ == "compound" and noun.head.i in ids:
            continue
        start = noun.i
        while start > 0 and _is_compound_word(noun.doc[start - 1]):
            start -= 1
        out.append(noun.doc[start : noun.i + 1].text.lower())
    return out


def _is_compound_word(token: Any) -> bool:
    compound = token.dep_ == "compound" and token.pos_ in ("NOUN", "PROPN") and token.is_alpha
    return compound and not _is_time(token)


# Words of the time of day, which the tagger may leave out of a TIME entity ("3pm").
DAY_PARTS = frozenset("morning afternoon evening night pm am weekend".split())


def _is_time(token: Any) -> bool:
    """When, not what: "Thursday morning", "the bank holiday weekend", "3pm". The subject
    line says what a figure measures; its time is compared apart (`when`)."""
    if token.ent_type_ in ("DATE", "TIME") or token.lower_ in DAY_PARTS:
        return True
    # a word that names a time with the one it modifies ("bank holiday" of "weekend")
    return bool(token.dep_ == "compound" and token.head.i != token.i and _is_time(token.head))


def _unique(words: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for word in words:
        if word.lower() not in (s.lower() for s in seen):
            seen.append(word)
    return seen
