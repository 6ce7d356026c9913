"""Copies and independent sources: every kind of copy grouped, hard negatives kept apart.

All articles here are invented: a ferry strike in the fictional port of Caldera Bay, told by a
wire agency, outlets that reprint it (whole, abridged, reordered, re-spelt, with junk, or a few
paragraphs inside their own reporting) and an outlet that reports it independently with the
same names, figures and quotes.
"""

from __future__ import annotations

import numpy as np
import pytest
from datasketch import MinHash
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.copies import (
    ArticleCopyFinder,
    CopySettings,
    DocInfo,
    MinhashCopyDetector,
    find_copies,
    text_units,
)
from corroborate.copies.lsh import PassageLshIndex, self_join
from corroborate.copies.minhash import minhash_rows
from corroborate.copies.text import paragraph_spans, words
from corroborate.read import make_article
from corroborate.records import Article, Paragraph
from corroborate.sources import count_sources

WIRE = [
    "CALDERA BAY — Ferry crews in Caldera Bay walked off the job on Friday morning, stranding "
    "about 6,000 commuters and halting freight to the outer islands for the first time since 2011.",
    "The strike was called by the Harbour Workers' Guild after talks with the operator, Tidewater "
    "Lines, broke down late on Thursday over a proposed change to night-shift rosters.",
    '"We did not want this, but the company left us no other road," said guild secretary Marta '
    "Quillon outside the ferry terminal, where pickets gathered before dawn.",
    "Tidewater Lines said it had offered a pay rise of 3.5 percent over two years and called the "
    "walkout premature, adding that it would run a reduced service with managers at the helm.",
    "Port officials estimated that the stoppage would cost island businesses around $1.8 million "
    "a day, with fresh produce and fuel deliveries the first to be delayed.",
    '"Every hour the boats sit idle, the shelves on Pellow Island get emptier," said Ronan '
    "Achebe, who runs the island's only grocery cooperative.",
    "The regional transport minister, Ines Calloway, urged both sides to return to talks and "
    "offered the services of a state mediator from Monday.",
    "Commuters queued for hours at the single bus stop serving the bridge route, and the council "
    "laid on four extra coaches during the afternoon rush to clear the backlog.",
    "The guild said the strike would last at least 48 hours and warned that it could be extended "
    "into next week if the operator did not withdraw the roster plan.",
    "The last stoppage, in the summer of 2011, lasted nine days and ended with an agreement "
    "brokered by the harbour master of the time, a colourful figure still remembered at the quay.",
]

INDEPENDENT = [
    "Thousands of islanders found themselves cut off on Friday as ferry staff in Caldera Bay "
    "went on strike in a row over new night rosters.",
    '"We did not want this, but the company left us no other road," Marta Quillon, who speaks for '
    "the Harbour Workers' Guild, told our reporter.",
    "Our correspondent on Pellow Island found half-empty shelves by noon and long queues at the "
    "petrol station, where the owner was rationing customers to twenty litres each.",
    "Tidewater Lines insists its offer of 3.5 percent was generous and accused the guild of "
    "walking out before the ink on the proposal was dry.",
    '"Every hour the boats sit idle, the shelves on Pellow Island get emptier," Ronan Achebe '
    "said as he unloaded the last crates of milk.",
    "Some 6,000 daily passengers were affected, and the port authority put the losses at roughly "
    "$1.8 million for each day the boats stay in harbour.",
    "Minister Ines Calloway has offered a mediator from Monday, but neither side had accepted by "
    "the time this edition went to press.",
]

OWN = [
    "On Pellow Island the school stayed open on Friday, but half the teachers could not reach it "
    "from the mainland and classes were merged in the gymnasium.",
    "Headteacher Olu Brannigan said pupils had been told to bring packed lunches because the "
    "canteen's Thursday delivery never arrived at the jetty.",
    "Parents organised a rota of fishing boats to carry older pupils across the strait, a trip "
    "of forty minutes that several of them described as an adventure.",
    "The island's doctor said she had enough medicine for a week but was worried about patients "
    "who needed dialysis at the mainland hospital twice a week.",
    "A small crowd gathered at the harbour wall in the evening to watch the empty berth, and a few "
    "people brought flasks of tea for the fishermen.",
]

# The wire's quotes word for word, its names and figures, in this outlet's own sentences.
QUOTE_DIGEST = [
    '"We did not want this, but the company left us no other road," Marta Quillon of the '
    "Harbour Workers' Guild said on Friday.",
    '"Every hour the boats sit idle, the shelves on Pellow Island get emptier," grocer Ronan '
    "Achebe warned.",
    "Tidewater Lines offered 3.5 percent; 6,000 commuters are stranded and island businesses lose "
    "$1.8 million a day, according to the port.",
    '"We did not want this, but the company left us no other road," Quillon repeated later.',
]

KEY_POINTS = [
    "Key points",
    "- Ferry crews strike over night-shift rosters",
    "- 6,000 commuters stranded, freight halted",
]
JUNK = [
    "Share this article",
    "Related: Harbour authority publishes new timetable for summer season",
    "Sign up for our morning newsletter and get the headlines first",
    "Comments (3)",
]


def body(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def article(source: str, paragraphs: list[str], **meta: str | None) -> Article:
    """An article whose kept paragraphs are all its non-empty lines (as if already cleaned)."""
    made = make_article(source=source, text=body(paragraphs), outlet=source, **meta)  # type: ignore[arg-type]
    made.paragraphs = [Paragraph(s, e) for s, e in paragraph_spans(made.text)]
    return made


def edit(paragraphs: list[str]) -> list[str]:
    """Light copy-desk edits: American spellings, a word or two changed, straight -> curly."""
    out = []
    for text in paragraphs:
        text = text.replace("Harbour", "Harbor").replace("colourful", "colorful")
        text = text.replace("halting", "stopping").replace("urged", "called on")
        text = text.replace('"', "“", 1).replace('"', "”", 1)
        out.append(text)
    return out


COPIES = {
    "verbatim": (list(WIRE), None),
    "re-headlined": (list(WIRE), "Island lifeline cut as ferry crews strike"),
    "abridged": (KEY_POINTS + WIRE[:3] + WIRE[4:7], None),
    "reordered": ([WIRE[2], WIRE[0], WIRE[1], *WIRE[3:7], WIRE[8], WIRE[7], WIRE[9]], None),
    "edited": (edit(WIRE), None),
    "extended": (WIRE + JUNK, None),
}


def wire() -> Article:
    return article("Harbour Wire", WIRE, title="Ferry strike strands 6,000", published="2026-05-08")


def independent() -> Article:
    return article("Island Post", INDEPENDENT, title="Islands cut off", published="2026-05-08")


@pytest.mark.parametrize("kind", sorted(COPIES))
def test_each_copy_kind_joins_the_wire_group(kind: str) -> None:
    paragraphs, title = COPIES[kind]
    origin, other = wire(), independent()
    copy = article("Coast Courier", paragraphs, title=title or "Ferry strike strands 6,000")
    groups = find_copies([copy, other, origin])
    assert copy.source_group == origin.source_group != other.source_group
    assert copy.copy_of == origin.id and origin.copy_of is None and other.copy_of is None
    group = next(g for g in groups if g.origin == origin.id)
    assert sorted(group.articles) == sorted([origin.id, copy.id])
    [evidence] = group.evidence
    assert (evidence.article, evidence.origin, evidence.kind) == (copy.id, origin.id, kind)
    assert evidence.passages and 0 < evidence.similarity <= 1
    assert len(groups) == 2


def test_partial_copy_borrows_passages_and_keeps_its_own_source() -> None:
    origin, other = wire(), independent()
    partial = article("Island Voice", [*OWN[:2], WIRE[1], WIRE[3], WIRE[6], *OWN[2:]])
    groups = find_copies([partial, origin, other])
    assert len(groups) == 3 and partial.copy_of is None
    assert partial.source_group not in {origin.source_group, other.source_group}
    borrowed = partial.borrowed
    assert [b.origin for b in borrowed] == [origin.id] * 3  # three paragraphs apart in the wire
    for b, paragraph in zip(borrowed, [WIRE[1], WIRE[3], WIRE[6]], strict=True):
        assert partial.text[b.start : b.end] == paragraph
        assert origin.text[b.origin_start : b.origin_end] == paragraph
    own = partial.text.index(OWN[0])
    copied = partial.text.index(WIRE[3])
    articles = {a.id: a for a in (partial, origin, other)}
    span = type("S", (), {})
    spans = []
    for art, start in ((partial, copied), (origin, origin.text.index(WIRE[3]))):
        s = span()
        s.article, s.start, s.end = art.id, start, start + 40
        spans.append(s)
    assert count_sources(spans, articles) == 1  # the copied paragraph counts once
    s = span()
    s.article, s.start, s.end = partial.id, own, own + 40
    assert count_sources([*spans, s], articles) == 2  # its own reporting is its own source
    [evidence] = next(g for g in groups if g.origin == partial.id).evidence
    assert evidence.kind == "partial" and evidence.origin == origin.id


@pytest.mark.parametrize(
    "pair",
    [
        ("Island Post", INDEPENDENT),
        ("Quote Digest", QUOTE_DIGEST),
    ],
)
def test_same_story_same_quotes_is_not_copying(pair: tuple[str, list[str]]) -> None:
    outlet, paragraphs = pair
    origin, other = wire(), article(outlet, paragraphs)
    groups = find_copies([origin, other])
    assert len(groups) == 2
    assert other.copy_of is None and not other.borrowed and not origin.borrowed
    assert all(not g.evidence for g in groups)


def test_evidence_offsets_point_at_matching_text_in_both_articles() -> None:
    origin = wire()
    copy = article("Coast Courier", COPIES["reordered"][0])
    [group] = find_copies([origin, copy])
    for evidence in group.evidence:
        for p in evidence.passages:
            assert 0 <= p.start < p.end <= len(copy.text)
            assert 0 <= p.origin_start < p.origin_end <= len(origin.text)
            assert words(copy.text[p.start : p.end]) == words(
                origin.text[p.origin_start : p.origin_end]
            )


@pytest.mark.parametrize(
    ("wire_date", "copy_date", "expected"),
    [
        ("2026-05-08", "2026-05-09", "wire"),  # earliest published
        ("2026-05-09", "2026-05-08", "copy"),  # earlier wins even when shorter
        (None, None, "wire"),  # no dates: the more complete text
        ("2026-05-09", None, "wire"),  # one date says nothing: the more complete text
    ],
)
def test_origin_is_earliest_else_most_complete(
    wire_date: str | None, copy_date: str | None, expected: str
) -> None:
    origin = article("Harbour Wire", WIRE, published=wire_date)
    copy = article("Coast Courier", COPIES["abridged"][0], published=copy_date)
    [group] = find_copies([copy, origin])
    want = origin if expected == "wire" else copy
    assert group.origin == want.id
    assert {origin.copy_of, copy.copy_of} == {None, want.id}


def corpus() -> list[Article]:
    made = [wire(), independent()]
    for kind, (paragraphs, title) in sorted(COPIES.items()):
        made.append(article(f"Outlet {kind}", paragraphs, title=title))
    made.append(article("Island Voice", [*OWN[:2], WIRE[1], WIRE[3], *OWN[2:]]))
    return made


def outcome(
    articles: list[Article],
) -> set[tuple[str, str | None, str, tuple[tuple[int, int], ...]]]:
    return {
        (a.id, a.copy_of, a.source_group or "", tuple((b.start, b.end) for b in a.borrowed))
        for a in articles
    }


@settings(max_examples=15, deadline=None)
@given(st.permutations(range(len(COPIES) + 3)))
def test_result_does_not_depend_on_order(order: list[int]) -> None:
    base = corpus()
    find_copies(base)
    shuffled = corpus()
    find_copies([shuffled[i] for i in order])
    assert outcome(shuffled) == outcome(base)


def test_incremental_finder_agrees_with_story_mode() -> None:
    expected = corpus()
    find_copies(expected)
    arriving = corpus()
    finder = ArticleCopyFinder(CopySettings(processes=1))
    evidence = finder.add(arriving[:4]) + finder.add(arriving[4:])
    assert outcome(arriving) == outcome(expected)
    assert {e.article for e in evidence} == {a.id for a in arriving if a.copy_of or a.borrowed}


def test_signatures_equal_datasketch_minhash() -> None:
    config = CopySettings()
    values = np.array([17, 99, 123456789, 4000000000], dtype=np.uint32)
    ours = minhash_rows(values, np.array([0], dtype=np.int64), config)[0]
    theirs = MinHash.bulk(
        [values.tolist()], num_perm=config.num_perm, seed=config.seed, hashfunc=int
    )[0]
    assert (ours == theirs.hashvalues).all()


def test_signatures_give_one_row_per_passage_with_offsets() -> None:
    texts = [body(WIRE), body(INDEPENDENT), "too short\n\nalso short"]
    batch = MinhashCopyDetector(CopySettings(processes=1)).signatures(texts)
    assert sorted(set(batch.doc.tolist())) == [0, 1]
    for doc, start, end in zip(batch.doc, batch.start, batch.end, strict=True):
        assert texts[doc][start:end].strip() == texts[doc][start:end] != ""


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6)), min_size=1, max_size=40),
    st.integers(1, 3),
)
def test_lsh_finds_exactly_the_pairs_that_share_a_band(
    rows: list[tuple[int, int]], cut: int
) -> None:
    keys = np.array(rows, dtype=np.uint32)
    docs = np.arange(len(rows), dtype=np.int32) // 2
    expected = {
        (int(min(docs[i], docs[j])), int(max(docs[i], docs[j])))
        for i in range(len(rows))
        for j in range(len(rows))
        if docs[i] != docs[j] and (keys[i] == keys[j]).any()
    }
    split = min(len(rows), cut * 2)
    index = PassageLshIndex(bands=2, max_bucket=1000)
    index.add(keys[:split], docs[:split])
    found = {tuple(p) for p in index.query(keys[split:], docs[split:]).tolist()}
    found |= {tuple(p) for p in self_join(keys[:split], docs[:split], 1000).tolist()}
    found |= {tuple(p) for p in self_join(keys[split:], docs[split:], 1000).tolist()}
    assert found == expected


def test_settings_refuse_more_bands_than_permutations() -> None:
    with pytest.raises(ValueError, match=r"bands \* rows \(20 \* 4\) must not exceed num_perm"):
        CopySettings(bands=20, rows=4, num_perm=40)


def test_find_on_a_used_detector_says_what_to_do() -> None:
    detector = MinhashCopyDetector(CopySettings(processes=1))
    detector.find(["a"], [body(WIRE)])
    with pytest.raises(ValueError, match="use add\\(\\) and verify\\(\\)"):
        detector.find(["b"], [body(WIRE)])


def demo_articles() -> dict[str, Article]:
    """The demo corpus read, cleaned and segmented as the story pipeline does, by file name."""
    from pathlib import Path

    from corroborate.clean import clean_articles
    from corroborate.demo import demo_inputs
    from corroborate.read import read_inputs
    from corroborate.segment import segment_article

    read = [a for a in read_inputs(demo_inputs()) if isinstance(a, Article)]
    clean_articles(read)
    for a in read:
        segment_article(a)
    return {Path(a.source.split(":")[0]).name: a for a in read}


def test_demo_corpus_planted_copies_found_and_rewrites_kept_apart() -> None:
    from corroborate.demo import manifest

    files = manifest()["files"]
    articles = demo_articles()
    find_copies(list(articles.values()))
    for name, article in articles.items():
        truth = files[name]
        origin = articles[truth["copy_of"]] if truth.get("copy_of") else None
        if truth["role"] == "abridged-copy":
            assert origin is not None and article.copy_of == origin.id, name
            assert article.source_group == origin.source_group
        elif truth["role"] == "partial-copy":
            assert origin is not None and article.copy_of is None, name
            assert article.source_group != origin.source_group
            assert {b.origin for b in article.borrowed} == {origin.id}
            for passage in truth["copied_passages"]:
                start = article.text.index(passage["text"])
                assert any(b.start <= start < b.end for b in article.borrowed), passage["text"]
        else:
            assert article.copy_of is None and not article.borrowed, name
            copies = [a for a in articles.values() if a.source_group == article.source_group]
            expected = {article.id} | {
                articles[n].id
                for n, t in files.items()
                if t.get("copy_of") == name and t["role"] == "abridged-copy" and n in articles
            }
            assert {a.id for a in copies} == expected, name


NOTE = (
    "Editor's note: the Gazette is an independent newspaper owned by its readers, and every "
    "story we publish is checked by two editors before it goes to print.\n\n"
    "Readers who spot an error can write to the corrections desk on page two."
)
STORIES = [
    "The Caldera Bay council approved a new cycle lane along the harbour road on Tuesday evening "
    "after a debate that lasted almost four hours. Shopkeepers had warned that losing forty "
    "parking spaces would hurt trade. The works start in September and should take ten weeks.",
    "A fire at the old cannery on Quay Street was brought under control before dawn, and nobody "
    "was hurt, the fire brigade said. Neighbours saw smoke from the loading bay shortly after two "
    "in the morning. The building has stood empty since the cannery closed in 1998.",
    "The island's only cinema will reopen in June after a renovation paid for by a crowdfunding "
    "drive that raised twice its target. The new screen is twice as wide as the old one. Its "
    "first programme pairs a silent comedy with a live pianist from the music school.",
    "Pellow Island's fishing cooperative reported its best herring season in a decade, with "
    "catches up by a third on last year. Its chair credits colder water in the strait. Prices at "
    "the quayside auction fell as a result, to the delight of the island's smokehouses.",
    "The regional library service will extend its opening hours on Saturdays from next month, "
    "its director announced at the annual meeting. Volunteers will staff the extra hours. The "
    "mobile library van gets a new route that includes the three hill farms for the first time.",
    "A new bakery on Market Square has drawn queues every morning since it opened, its owner "
    "says, mostly for a rye loaf made to her grandmother's recipe. She bakes through the night "
    "with one apprentice. By nine the shelves are usually empty and the shutters come down.",
]


def test_an_outlets_boilerplate_is_not_copying_but_wire_text_across_outlets_is() -> None:
    """Six unrelated stories of one outlet share its editor's note: no copies among them. The
    same note across outlets (as wire text would travel) would be evidence; within one outlet
    it is boilerplate."""
    texts = [f"{story}\n\n{NOTE}" for story in STORIES]
    detector = MinhashCopyDetector(CopySettings(processes=1))
    same = detector.find(
        [f"s{i}" for i in range(6)], texts, outlets={f"s{i}": "Gazette" for i in range(6)}
    )
    assert same == []
    other = MinhashCopyDetector(CopySettings(processes=1))
    across = other.find([f"s{i}" for i in range(6)], texts)
    assert {frozenset((m.copy, m.origin)) for m in across}  # without outlets, text is text


def test_parallel_verification_equals_serial() -> None:
    texts = [body(a.text.split("\n\n")) for a in corpus()]
    ids = [f"d{i}" for i in range(len(texts))]
    serial = MinhashCopyDetector(CopySettings(processes=1)).find(ids, texts)
    detector = MinhashCopyDetector(CopySettings(processes=2))
    pairs = detector.add(ids, texts) * 10  # enough pairs to go to the workers
    parallel = detector.verify(
        pairs, lambda i: DocInfo(i, text_units(texts[ids.index(i)])), processes=2
    )
    key = lambda m: (m.copy, m.origin, m.kind)  # noqa: E731
    assert sorted(map(key, parallel)) == sorted(map(key, serial * 10))


@pytest.mark.parametrize(
    ("text", "own"),
    [
        ('He said "we go now," and left.', "he said and left"),
        # a long quote re-opened at each paragraph (news style) stays quoted to its close
        ("“First part of it\n\n“and the end,” she said. Then more.", "she said then more"),
        # a quote set out one sentence a line: a line that closes a quote is quoted to there
        (
            '" No.\n\nI partied.\n\nI had fun."\n\nAfter that she left.',
            "i partied after that she left",
        ),
        # a mark never closed quotes only the rest of its paragraph
        ('He said "unclosed\n\nNext paragraph here.', "he said next paragraph here"),
    ],
)
def test_quoted_words_are_not_the_outlets_own(text: str, own: str) -> None:
    from corroborate.copies.text import own_text, quote_spans

    assert " ".join(words(own_text(text, 0, len(text), quote_spans(text)))) == own


@pytest.mark.parametrize(
    ("published", "same_source"),
    [
        ("2026-05-08", True),  # the same day as the wire: a reprint cut down from it
        ("2026-05-09", True),  # a day later
        (None, True),  # undated: a shorter text made only of the longer one's words
        ("2026-05-07", False),  # a day before the wire: a brief the wire's fuller story grew from
    ],
)
def test_a_reprint_keeping_under_half_of_the_wire_is_still_one_source(
    published: str | None, same_source: bool
) -> None:
    """A reprint cut to 4 of the wire's 10 paragraphs, with no words of its own, adds no source.

    It used to need half the wire's words to count as a copy: below that it was a partial copy
    with a source group of its own, and a story of the wire and its reprint read as two
    independent sources.
    """
    origin, other = wire(), independent()
    reprint = article("Coast Courier", [WIRE[0], WIRE[2], WIRE[5], WIRE[8]], published=published)
    find_copies([reprint, other, origin])
    if same_source:
        assert reprint.source_group == origin.source_group != other.source_group
        assert reprint.copy_of == origin.id and origin.copy_of is None
    else:
        assert reprint.source_group != origin.source_group
        assert origin.copy_of is None and reprint.copy_of is None
