"""One quote across outlets: mentions grouped by speaker and wording, variants, paraphrases.

Two mentions are the same quote when their speakers resolve to the same person (or one of them
is unknown and the wording is nearly the same) and the shorter one's words appear, in order,
in the longer one for the most part: "a quote cut short" and "illusory" for "illusionary" stay
one quote. A fragment of a few words joins a quote only when all its words stand in it, and
each mention joins one quote, so a two-word phrase never glues two different quotes together.

The canonical wording is the full (not fragmentary) variant that the most independent sources
use, counted through `corroborate.sources`; ties go to the longer wording.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from corroborate.quotes.extract import Found, Reported
from corroborate.quotes.people import Person, role_words
from corroborate.records import Article, Quote, QuoteMention, QuoteVariant
from corroborate.sources import count_sources, sources_of

SAME_QUOTE = 0.6  # share of the shorter mention's words found in order in the longer one
SAME_QUOTE_UNKNOWN_SPEAKER = 0.85
PARAPHRASE = 0.5  # share of the shorter side's content stems shared by quote and sentence
PARAPHRASE_MIN_STEMS = 3
# (MiniLM cosine, shared content stems) pairs, any of which makes a paraphrase. Within one story
# every sentence is on topic (cosines of 0.5-0.6 between unrelated statements of one speaker),
# so a middling cosine needs shared words too. Seen on invented pairs: "rescuers had needed
# boats to get into some of the villages" / "We reached some of the villages only by boat":
# 0.64 with 2 stems; "walls on their own would never keep the river out" / "higher walls alone
# will keep the Ostra out": 0.53 with 4.
PARAPHRASE_COSINES = ((0.7, 0), (0.6, 2), (0.5, 4))
STOP = frozenset(
    """a an the and or but of to in on at for with by from as is are was were be been being it
    its this that these those we you i he she they our your their his her my me us them will
    would must should can could may might not no do does did have has had so if than then there
    here also very more most all any some such what which who whom when where why how about into
    over after before said says say told""".split()
)


def words_of(text: str) -> list[str]:
    """Words for comparing wordings: lower case, one kind of apostrophe, no punctuation."""
    plain = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'").lower()
    return re.findall(r"[\w'-]+", plain)


def stems_of(text: str) -> set[str]:
    """Content-word stems for paraphrase matching ("returning" and "return" share one)."""
    stems = set()
    for word in words_of(text):
        word = word.strip("'")
        if word in STOP or len(word) <= 2:
            continue
        if len(word) > 4:
            word = re.sub(r"(?:ing|ed|es|s)$", "", word)
        stems.add(word[:5])
    return stems


def overlap(a: Sequence[str], b: Sequence[str]) -> float:
    """Share of the shorter word list found, in order, in the other."""
    if not a or not b:
        return 0.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    return same / min(len(a), len(b))


@dataclass(slots=True)
class Cluster:
    person: Person | None
    label: str | None
    members: list[Found] = field(default_factory=list)
    words: list[list[str]] = field(default_factory=list)
    paraphrases: list[Reported] = field(default_factory=list)
    bag: Counter[str] = field(default_factory=Counter)  # every member's words, for a quick bound

    def add(self, item: Found, words: list[str]) -> None:
        self.members.append(item)
        self.words.append(words)
        self.bag |= Counter(words)

    def could_reach(self, words: list[str], need: float) -> bool:
        """Whether any member could share `need` of the shorter side: an upper bound that
        spares most of the ordered comparisons in a story with many quotes."""
        shortest = min(len(words), *(len(w) for w in self.words))
        return sum((Counter(words) & self.bag).values()) >= need * max(1, shortest)


def _compatible(cluster: Cluster, item: Found) -> bool | None:
    """True when the speakers are the same, None when one is unknown, False otherwise."""
    if cluster.person is not None and item.person is not None:
        if cluster.person is item.person:
            return True
        # "Westrel Ferries said" where another outlet has "Westrel Ferries chief executive
        # Annika Dorrell said": the company's words are its chief's, if the words are the same.
        return None if _speaks_for(cluster.person, item.person) else False
    if cluster.person is None and item.person is None and cluster.label and item.label:
        return cluster.label.lower() == item.label.lower()
    if cluster.label is None or item.label is None:
        return None
    return False


def _speaks_for(one: Person, other: Person) -> bool:
    """Whether one of the two is named only as the other's employer."""
    return _employer(one, other) or _employer(other, one)


def _employer(one: Person, other: Person) -> bool:
    """Whether one, a name no tagger called a person, is all in the other's role words
    ("Westrel Ferries" in "Westrel Ferries chief executive"): the person who speaks for it
    is the speaker. A person named in a role ("Trump's rival") is no employer."""
    if not one.untagged:
        return False  # asked for every pair of speakers: the cheap test first
    name = role_words(one.name)
    return bool(name) and name <= other.words


def cluster_mentions(found: Sequence[Found]) -> list[Cluster]:
    """Group the mentions of all articles into quotes (longest mentions seed the groups)."""
    order = sorted(found, key=lambda f: (f.partial, -len(f.text), f.article, f.pieces[0][0]))
    clusters: list[Cluster] = []
    for item in order:
        words = words_of(item.text)
        best: tuple[float, Cluster] | None = None
        for cluster in clusters:
            same = _compatible(cluster, item)
            if same is False:
                continue
            if item.partial and (same is None or (len(words) > 0 and len(words) < 2)):
                need = 1.0
            else:
                need = SAME_QUOTE if same else SAME_QUOTE_UNKNOWN_SPEAKER
            if not cluster.could_reach(words, need):
                continue
            score = max(overlap(words, other) for other in cluster.words)
            if score >= need and (best is None or score > best[0]):
                best = (score, cluster)
        if best is None:
            cluster = Cluster(item.person, item.label)
            cluster.add(item, words)
            clusters.append(cluster)
            continue
        target = best[1]
        target.add(item, words)
        if item.person is not None and (
            target.person is None or _employer(target.person, item.person)
        ):
            target.person, target.label = item.person, item.label
        target.label = target.label or item.label
    return clusters


Embed = Callable[[list[str]], Any]  # texts -> L2-normalised vectors, one row per text


def link_paraphrases(
    clusters: Sequence[Cluster],
    reported: Sequence[Reported],
    articles: Mapping[str, Article],
    embed: Embed | None = None,
) -> None:
    """Attach to each quote the reported-speech sentences of outlets that never quote it.

    A sentence paraphrases a quote when its speaker is the quote's person and either it shares
    enough content words with the quote, or (with an embedder) its meaning is close: cosine at
    enough together with enough shared content words (PARAPHRASE_COSINES).
    Each sentence goes to at most one quote (the best fitting), and each independent source
    gives at most one paraphrase per quote.
    """
    stems = [set().union(*(stems_of(m.text) for m in c.members)) for c in clusters]
    quoting = [sources_of(_spans(c.members), articles) for c in clusters]
    pairs = []
    for index, sentence in enumerate(reported):
        if sentence.person is None or _quotes_inside(sentence, clusters):
            continue
        source = sources_of(_spans([sentence]), articles)
        for c_index, cluster in enumerate(clusters):
            # Only outlets that never quote it directly can be said to paraphrase it.
            if cluster.person is sentence.person and not source & quoting[c_index]:
                pairs.append((index, c_index))
    cosines = _cosines(pairs, clusters, reported, embed)
    best_for: dict[int, tuple[float, int]] = {}
    for (index, c_index), cosine in zip(pairs, cosines, strict=True):
        sentence = reported[index]
        said = stems_of(sentence.text) - stems_of(sentence.speaker.text)
        common = len(said & stems[c_index])
        lexical = common / max(1, min(len(said), len(stems[c_index])))
        fits = (common >= PARAPHRASE_MIN_STEMS and lexical >= PARAPHRASE) or any(
            cosine >= floor and common >= words for floor, words in PARAPHRASE_COSINES
        )
        score = max(lexical, cosine)
        if fits and (index not in best_for or score > best_for[index][0]):
            best_for[index] = (score, c_index)
    for index, (_, c_index) in sorted(best_for.items(), key=lambda kv: -kv[1][0]):
        cluster, sentence = clusters[c_index], reported[index]
        taken = sources_of(_spans(cluster.members) + _spans(cluster.paraphrases), articles)
        if not sources_of(_spans([sentence]), articles) & taken:
            cluster.paraphrases.append(sentence)


def _cosines(
    pairs: Sequence[tuple[int, int]],
    clusters: Sequence[Cluster],
    reported: Sequence[Reported],
    embed: Embed | None,
) -> list[float]:
    """Cosine between each sentence (its speaker left out) and its quote's longest wording."""
    if embed is None or not pairs:
        return [0.0] * len(pairs)
    sentences = sorted({i for i, _ in pairs})
    quotes = sorted({c for _, c in pairs})
    texts = [reported[i].content or reported[i].text for i in sentences]
    texts += [max((m.text for m in clusters[c].members), key=len) for c in quotes]
    vectors = embed(texts)
    row = {("s", i): k for k, i in enumerate(sentences)}
    row.update({("q", c): len(sentences) + k for k, c in enumerate(quotes)})
    return [float(vectors[row["s", i]] @ vectors[row["q", c]]) for i, c in pairs]


def _quotes_inside(sentence: Reported, clusters: Sequence[Cluster]) -> bool:
    for cluster in clusters:
        for member in cluster.members:
            if member.article == sentence.article and any(
                sentence.start <= s < sentence.end for s, _ in member.pieces
            ):
                return True
    return False


@dataclass(slots=True)
class _Span:
    article: str
    start: int
    end: int


def _spans(items: Sequence[Found | Reported]) -> list[_Span]:
    out = []
    for item in items:
        if isinstance(item, Found):
            out.append(_Span(item.article, item.pieces[0][0], item.pieces[-1][1]))
        else:
            out.append(_Span(item.article, item.start, item.end))
    return out


def to_quote(cluster: Cluster, articles: Mapping[str, Article]) -> Quote:
    """The Quote record of one cluster: canonical wording, variants, mentions, flags."""
    by_wording: dict[tuple[str, ...], list[Found]] = {}
    for member, words in zip(cluster.members, cluster.words, strict=True):
        by_wording.setdefault(tuple(words), []).append(member)
    ranked = sorted(
        by_wording.items(),
        key=lambda kv: (
            all(m.partial for m in kv[1]),
            -_support(kv[0], cluster, articles),
            -count_sources(_spans(kv[1]), articles),
            -len(kv[0]),
            min(m.article for m in kv[1]),
        ),
    )
    variants = [
        QuoteVariant(
            text=members[0].text,
            articles=sorted({m.article for m in members}),
            independent_sources=count_sources(_spans(members), articles),
            partial=all(m.partial for m in members),
        )
        for _, members in ranked
    ]
    mentions = [_mention(m, articles[m.article]) for m in cluster.members] + [
        _paraphrase(p) for p in cluster.paraphrases
    ]
    mentions.sort(key=lambda m: (m.article, m.start))
    person = cluster.person
    # An unnamed speaker ("a retired teacher") is no name: `speaker` stays None and the
    # description goes to `speaker_role`, so no one is credited with words they never said.
    speaker = person.name if person else None
    role = person.role if person else cluster.label
    if person is None and all(_carried(m) for m in cluster.members):
        role = None  # "a handwritten sign" is no speaker, named or not: it is the via
    canonical = variants[0].text
    key = f"{speaker or cluster.label}\0{' '.join(words_of(canonical))}"
    digest = hashlib.sha1(key.encode()).hexdigest()
    return Quote(
        id=f"q-{digest[:12]}",
        speaker=speaker,
        text=canonical,
        independent_sources=count_sources(_spans(cluster.members), articles),
        variants=variants,
        mentions=mentions,
        speaker_role=role,
        flags=_flags(cluster, variants),
    )


def _support(wording: Sequence[str], cluster: Cluster, articles: Mapping[str, Article]) -> int:
    """Independent sources whose words all stand, in order, in this wording.

    A cut-short or partial quote supports every fuller wording it agrees with, so "fanciful
    notion" counts for the wording with "notion" and not for the one with "idea".
    """
    agreeing = [
        member
        for member, words in zip(cluster.members, cluster.words, strict=True)
        if overlap(words, wording) == 1.0
    ]
    return count_sources(_spans(agreeing), articles)


def _flags(cluster: Cluster, variants: Sequence[QuoteVariant]) -> list[str]:
    flags = []
    full = [v for v in variants if not v.partial]
    if len(full) > 1:
        flags.append("wording-differs")
    if any(v.partial for v in variants) and full:
        flags.append("cut-short")
    if cluster.paraphrases:
        flags.append("paraphrased-elsewhere")
    if cluster.person is None:
        flags.append("speaker-unresolved")
    return flags


def _mention(item: Found, article: Article) -> QuoteMention:
    """A direct mention. Its `text` is the article text at its offsets, like every span of the
    report; when an attribution breaks the quote, that text holds it and `pieces` tell the
    quoted words apart (the variant's text is the words alone)."""
    # Words on a sign or in a report: the thing as written is the attribution and the via,
    # and no one is the speaker (`Quote.speaker` and `speaker_role` stay empty).
    carried = _carried(item)
    speaker = item.speaker
    start, end = item.pieces[0][0], item.pieces[-1][1]
    return QuoteMention(
        article=item.article,
        start=start,
        end=end,
        text=article.text[start:end],
        speaker_text=speaker.text if speaker else None,
        speaker_start=speaker.start if speaker else None,
        speaker_end=speaker.end if speaker else None,
        direct=True,
        pieces=[[s, e] for s, e in item.pieces],
        partial=item.partial,
        attribution="carrier" if carried else (speaker.how if speaker else None),
        via_text=item.via.text if item.via else None,
        via_start=item.via.start if item.via else None,
        via_end=item.via.end if item.via else None,
    )


def _carried(item: Found) -> bool:
    """Whether the words are a thing's (a sign, a report), which is their via."""
    return item.via is not None and item.via.how == "carrier"


def _paraphrase(item: Reported) -> QuoteMention:
    return QuoteMention(
        article=item.article,
        start=item.start,
        end=item.end,
        text=item.text,
        speaker_text=item.speaker.text,
        speaker_start=item.speaker.start,
        speaker_end=item.speaker.end,
        direct=False,
        pieces=[[item.start, item.end]],
        attribution="paraphrase",
    )
