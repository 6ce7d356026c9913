"""A figure's earlier value, told in a sentence that looks back: "The toll rose to 11 on
Monday. The rescue service had earlier put the figure at nine." The look-back value is the
same figure at an earlier time, like "up from 1,200" in the figure's own sentence
(`before.earlier_of`): the ledger shows the two as one figure updated, never as rivals.

Only where the sentence says so plainly: "had" with a word of earlier time ("earlier",
"initially", "on Thursday") and a verb of stating a figure ("put", "reported", "proposed"), and
only back to a figure of the same unit told as moved ("rose to 11", "now", "raised the fine to
£14m") in the same sentence or the one before. "Police had earlier arrested two men" states an
act, not a figure, and "the toll rose to 11; police had earlier reported 40 injuries" counts
another thing, so neither is linked.
"""

from __future__ import annotations

import re

from corroborate.figures.extract import Quantity
from corroborate.figures.ledger import FigureMentionDraft
from corroborate.figures.values import values_agree

_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# "had earlier put", "had initially reported", "had on Thursday reported", "had first been
# given as", then the rest of the clause up to the figure (no clause break, no other figure:
# the text searched starts after the sentence's figure before it).
_LOOK_BACK = re.compile(
    r"\bhad\s+(?:(?:earlier|initially|originally|first|previously|at\s+first)\s+|"
    rf"on\s+(?:{_DAYS})\s+)(?:been\s+)?"
    r"(?:put|reported|given|estimated|proposed|stated|announced|recorded|counted|confirmed|"
    r"offered|budgeted|quoted|forecast|projected|set)\b(?P<object>[^.;:!?]*)$",
    re.IGNORECASE,
)
# What was put at a value, where it names the figure only in general: "put the figure at nine",
# "put the number of dead at 20", "had earlier put it at 12".
_GENERAL = re.compile(
    r"^\s*(?:(?:the|its|their)\s+(?:figure|number|toll|total|tally|count|estimate)\b|it\b|them\b)",
    re.IGNORECASE,
)
# A figure told as moved to its value: "rose to 11", "raised the fine it will impose to £14m"
# (read in the text: the parse may hang "to £14m" on "impose").
_MOVED_TO = re.compile(
    r"\b(?:rais|lift|increas|climb|jump|cut|lower|reduc|trimm|revis|drop|ris|rose|grew|grown|"
    r"fell|fall)\w*\b[^.;:]*\bto\s+(?:about\s+|around\s+|nearly\s+|almost\s+)?$",
    re.IGNORECASE,
)
LOOK_BACK_SENTENCES = 1


def looks_back(text: str, after: int, quantity: Quantity) -> str | None:
    """How a look-back sentence names the figure it gives an earlier value of: "general" ("put
    the figure at nine"), "own" ("reported 14 deaths"), or None where it is no look-back.
    `after`: where the search starts (the sentence's start, or the end of the figure before)."""
    found = _LOOK_BACK.search(text[after : quantity.start])
    if found is None:
        return None
    return "general" if _GENERAL.match(found.group("object")) else "own"


def looked_back_at(
    found: list[FigureMentionDraft], new: FigureMentionDraft, how: str
) -> FigureMentionDraft | None:
    """The figure `new` (a look-back value) is the earlier value of: the article's latest
    figure of the same unit in its sentence or the one before, told as moved, of another value,
    and (unless the look-back names the figure only in general) of the same thing counted."""
    for head in reversed(found):
        if new.sentence.index - head.sentence.index > LOOK_BACK_SENTENCES:
            return None
        if head.article.id != new.article.id or head.quantity.unit != new.quantity.unit:
            continue
        if head.earlier_of is not None or values_agree(head.quantity, new.quantity):
            continue
        if _moved(head, _figure_before(found, head)) and (
            how == "general" or _same_thing(head, new)
        ):
            return head
    return None


def _figure_before(found: list[FigureMentionDraft], head: FigureMentionDraft) -> int:
    """Where the head's sentence's text of its own starts: after the figure before it there."""
    ends = [
        m.quantity.end
        for m in found
        if m.sentence is head.sentence and m.quantity.end <= head.quantity.start
    ]
    return max(ends, default=head.sentence.start)


def _moved(head: FigureMentionDraft, after: int) -> bool:
    """The head is told as an update ("has risen to 11", "now") or as moved to its value, after
    `after` (the end of the sentence's figure before it)."""
    if head.subject.update_cue:
        return True
    return _MOVED_TO.search(head.article.text[after : head.quantity.start]) is not None


def _same_thing(head: FigureMentionDraft, new: FigureMentionDraft) -> bool:
    """The look-back names what the head counts: the same outcome ("rose to 19" dead, "14
    deaths"), the same thing counted, or, counting nothing, a noun in common."""
    x, y = head.subject, new.subject
    if x.outcome is not None or y.outcome is not None:
        return x.outcome == y.outcome
    if x.counted is not None or y.counted is not None:
        return x.counted == y.counted
    return bool((x.nouns | x.context) & y.nouns)  # the parse may leave "the fine" out of x
