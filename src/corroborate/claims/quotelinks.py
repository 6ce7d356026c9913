"""Which units quote someone, and which units may stand in one claim with them.

A sentence that is mostly someone's quoted words states what that person said, not a fact of
the story: "“Closing a library is easy; opening one again never happens,” said the campaign's
chair" shares the topic of "Six libraries are to close in March", and the embedding puts them
close, yet the second does not support the first. Nor does another person's quote ("every
light went out") support "the light was going" because both describe one moment. So, in
alignment, a quoting unit joins only a unit that quotes the same words (SAME_QUOTE of the
shorter wording, in order), a mention of the same quote (the quote stage grouped them by
speaker and wording), a report of its words (PARAPHRASE of the shorter side's content stems,
the quote stage's own rule) or a report of its speaker (a sentence that names the speaker, or
one with a reporting verb that names no other speaker: "the defence chief said ..."). Two
quoting units join only by their words: two people's quotes of one moment are two claims.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from corroborate.quotes.variants import PARAPHRASE, SAME_QUOTE, overlap, stems_of, words_of
from corroborate.records import Article, Quote

# A unit whose characters, the speaker's name left out, are at least this share quoted words
# speaks for its speaker; one with a few words quoted inside reported speech ("said it would
# “not be tolerated”") is the reporter's statement and aligns like any other.
QUOTING_SHARE = 0.5

_NAME = re.compile(r"\b[A-Z][\w'-]{2,}")  # a capitalised word of a speaker's name

__all__ = ["QUOTING_SHARE", "QuoteMarks"]


@dataclass(slots=True)
class _UnitQuote:
    words: list[str]  # the quoted words inside the unit, in order
    quotes: frozenset[str]  # ids of the quotes it is a mention of (direct or reported)
    quoting: bool  # mostly quoted words
    names: frozenset[str]  # the speakers' names, word by word ("Ilse", "Marrow")
    stems: frozenset[str]  # content stems of the quoted words


class QuoteMarks:
    """The quote each unit carries, read from the quote stage's mentions.

    `spans` are the units' (article id, start, end), `reports` each unit's whole sentence and
    whether it holds a reporting verb; `apart(a, b)` says whether two clusters of units may
    not be joined because a quoting unit of one would stand with a unit of the other that
    neither quotes its words nor reports its speaker.
    """

    def __init__(
        self,
        spans: Sequence[tuple[str, int, int]],
        reports: Sequence[tuple[str, bool]],
        quotes: Sequence[Quote],
        articles: Mapping[str, Article],
    ) -> None:
        by_article: dict[str, list[int]] = {}
        for k, (article, _, _) in enumerate(spans):
            by_article.setdefault(article, []).append(k)
        ids: dict[int, set[str]] = {}
        names = {q.id: frozenset(_NAME.findall(q.speaker or "")) for q in quotes}
        pieces: dict[int, list[tuple[int, int]]] = {}
        named: dict[int, int] = {}  # characters of the unit naming a speaker
        for quote in quotes:
            for mention in quote.mentions:
                for k in by_article.get(mention.article, []):
                    _, start, end = spans[k]
                    if not (mention.start < end and start < mention.end):
                        continue
                    ids.setdefault(k, set()).add(quote.id)
                    if mention.speaker_start is not None and mention.speaker_end is not None:
                        low = max(mention.speaker_start, start)
                        named[k] = named.get(k, 0) + max(0, min(mention.speaker_end, end) - low)
                    for low, high in mention.pieces if mention.direct else []:
                        low, high = max(low, start), min(high, end)
                        if low < high:
                            pieces.setdefault(k, []).append((low, high))
        self._spans = spans
        self._words = [frozenset(re.findall(r"\w+", text)) for text, _ in reports]
        self._stems = [frozenset(stems_of(text)) for text, _ in reports]
        self._speakers = frozenset().union(*names.values())
        self._reported = [said for _, said in reports]
        self._same: dict[tuple[int, int], bool] = {}  # two quoting units' words, compared once
        self._marks: dict[int, _UnitQuote] = {}
        for k, found in ids.items():
            article, start, end = spans[k]
            inside = sorted(set(pieces.get(k, [])))
            said = sum(high - low for low, high in inside)
            share = said / max(end - start - named.get(k, 0), 1)
            text = " ".join(articles[article].text[low:high] for low, high in inside)
            speakers = frozenset().union(*(names[q] for q in found))
            quoting = share >= QUOTING_SHARE
            stems = frozenset(stems_of(text))
            self._marks[k] = _UnitQuote(words_of(text), frozenset(found), quoting, speakers, stems)

    def quoting(self, k: int) -> bool:
        mark = self._marks.get(k)
        return mark is not None and mark.quoting

    def compatible(self, i: int, j: int) -> bool:
        """Whether units i and j may state one claim, as far as quotes go."""
        a, b = self._marks.get(i), self._marks.get(j)
        if not (a is not None and a.quoting) and not (b is not None and b.quoting):
            return True
        if a is None or not a.quoting:  # b quotes: a may only report it
            return b is not None and self._reports(i, a, b)
        if b is None or not b.quoting:
            return self._reports(j, b, a)
        key = (min(i, j), max(i, j))  # both quote: only the same words join them
        if key not in self._same:
            self._same[key] = overlap(a.words, b.words) >= SAME_QUOTE
        return self._same[key]

    def _reports(self, k: int, mark: _UnitQuote | None, quote: _UnitQuote) -> bool:
        """Whether unit k (not quoting) reports the quote: a mention of it, its words (their
        content stems), the speaker named in its sentence, or a report naming no one else."""
        if mark is not None and (mark.quotes & quote.quotes):
            return True
        stems = self._stems[k]
        if quote.stems and len(stems & quote.stems) >= PARAPHRASE * min(
            len(stems), len(quote.stems)
        ):
            return True
        words = self._words[k]
        if words & quote.names:
            return True
        return self._reported[k] and not (words & self._speakers)

    def apart(self, a: Sequence[int], b: Sequence[int]) -> bool:
        """Whether some quoting unit of one cluster cannot stand with some unit of the other
        article's (an outlet's own sentences add no source to one another, so a quote and
        its outlet's framing of it are left to the other guards)."""
        if not any(self.quoting(k) for k in a) and not any(self.quoting(k) for k in b):
            return False
        return any(
            not self.compatible(i, j)
            for i in a
            for j in b
            if self._spans[i][0] != self._spans[j][0] and (self.quoting(i) or self.quoting(j))
        )
