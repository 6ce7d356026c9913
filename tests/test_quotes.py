"""Quotes: quotation-mark styles, speakers, aliases across outlets, variants, paraphrases.

Every article here is invented (invented outlets, people and events). Paragraphs are the
non-empty lines of each text, as the cleaning stage keeps them.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.nlp import Resources
from corroborate.quotes import find_quotes
from corroborate.quotes.marks import find_quote_spans
from corroborate.read.article import make_article
from corroborate.records import Article, Paragraph, Quote, Removed


def make(text: str, outlet: str, group: str | None = None) -> Article:
    article = make_article(source=f"{outlet}.txt", text=text, outlet=outlet)
    pos = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            start = pos + line.index(line.strip())
            article.paragraphs.append(Paragraph(start, start + len(line.strip())))
        pos += len(line)
    article.source_group = group or f"g-{outlet}"
    return article


def only(quotes: list[Quote]) -> Quote:
    assert len(quotes) == 1, [q.text for q in quotes]
    return quotes[0]


STYLES = [
    ('Mayor Lena Ortiz said, "The bridge will reopen in May."', "The bridge will reopen in May."),
    ("Mayor Lena Ortiz said, “The bridge will reopen in May.”", "The bridge will reopen in May."),
    ("Mayor Lena Ortiz said, ‘The bridge will reopen in May.’", "The bridge will reopen in May."),
    ("Mayor Lena Ortiz said, «The bridge will reopen in May.»", "The bridge will reopen in May."),
    ("Mayor Lena Ortiz said, „The bridge will reopen in May.“", "The bridge will reopen in May."),
    (
        "Mayor Lena Ortiz said, “Engineers told me ‘the bridge is sound’ last week.”",
        "Engineers told me ‘the bridge is sound’ last week.",
    ),
    # Archives that print two apostrophes for a double mark.
    ("Mayor Lena Ortiz said, ''The bridge will reopen in May.''", "The bridge will reopen in May."),
    # Mixed styles: a straight mark closed by a curly one, a curly one closed by an opening one.
    ('Mayor Lena Ortiz said, "The bridge will reopen in May.”', "The bridge will reopen in May."),
    ("“The ferry runs again in June,“ said Mayor Lena Ortiz.", "The ferry runs again in June"),
    # An elided year is no opening mark: the quote is the pair after it.
    (
        "Mayor Lena Ortiz said in ‘08 that the old pier was ‘the beating heart of the town’ then.",
        "the beating heart of the town",
    ),
]


@pytest.mark.parametrize(("text", "said"), STYLES)
def test_every_quotation_mark_style(resources: Resources, text: str, said: str) -> None:
    quote = only(find_quotes([make(text, "harbourpost")], resources))
    assert quote.text == said
    assert quote.speaker == "Lena Ortiz"
    mention = quote.mentions[0]
    assert mention.speaker_text is not None and "Ortiz" in mention.speaker_text


FORMS = [
    # (text, expected quoted words, speaker, attribution, pieces)
    (
        "Mayor Lena Ortiz said: “The first span is long. It has two sentences.”",
        "The first span is long. It has two sentences.",
        "Lena Ortiz",
        "cue",
        1,
    ),
    (
        "Mayor Lena Ortiz spoke at noon.\nShe said: “The quay is closed.\n“It opens in May.”",
        "The quay is closed. It opens in May.",
        "Lena Ortiz",
        "cue",
        2,
    ),
    (
        "“The bridge is safe,” Mayor Lena Ortiz said, “and it will reopen in May.”",
        "The bridge is safe … and it will reopen in May.",
        "Lena Ortiz",
        "cue",
        2,
    ),
    (
        "Mayor Lena Ortiz called the delay an “avoidable embarrassment” for the city.",
        "avoidable embarrassment",
        "Lena Ortiz",
        "cue",
        1,
    ),
    (
        "The quay opened in May.\n“The council must act now and fund the repairs.”\nLena Ortiz",
        "The council must act now and fund the repairs.",
        "Lena Ortiz",
        "name-line",
        1,
    ),
    (
        "The quay opened in May.\n“The council must act now and fund the repairs.”\n"
        "- Lena Ortiz, harbour resident.",
        "The council must act now and fund the repairs.",
        "Lena Ortiz",
        "name-line",
        1,
    ),
    (
        "The repairs cost “far more than planned”, according to engineer Tomas Berg.",
        "far more than planned",
        "Tomas Berg",
        "cue",
        1,
    ),
    (
        "The delay did not surprise engineer Tomas Berg: “Old bridges always hide something.”",
        "Old bridges always hide something.",
        "Tomas Berg",
        "colon",
        1,
    ),
    (
        "Engineer Tomas Berg has inspected the quay for a decade.\n"
        "“Old bridges always hide something nasty under the deck.”",
        "Old bridges always hide something nasty under the deck.",
        "Tomas Berg",
        "previous-subject",
        1,
    ),
    (
        "Engineer Tomas Berg shared the report online, writing “Old bridges hide things.”",
        "Old bridges hide things.",
        "Tomas Berg",
        "cue",
        1,
    ),
    (
        "“The quay will reopen,” Mayor Lena Ortiz said, as the crowd on the harbour wall cheered "
        "for several long minutes in the rain. “And the ferries will run again.”",
        "The quay will reopen … And the ferries will run again.",
        "Lena Ortiz",
        "cue",
        2,
    ),
    (
        "The council met at noon.\nStated Mayor Lena Ortiz:\n“The quay will reopen next week.”",
        "The quay will reopen next week.",
        "Lena Ortiz",
        "cue",
        1,
    ),
    (
        "“Nobody told the fishermen about the closure in advance.” ― Tomas Berg",
        "Nobody told the fishermen about the closure in advance.",
        "Tomas Berg",
        "dash",
        1,
    ),
    # The words right after the closing mark name the speaker, whatever the verb.
    (
        "“The council never asked the fishermen about the closure,” Tomas Berg huffed on Monday.",
        "The council never asked the fishermen about the closure",
        "Tomas Berg",
        "adjacent",
        1,
    ),
    (
        "“The council never asked the fishermen about the closure,” Tomas Berg, who chairs "
        "the harbour guild since the spring floods, shrugged.",
        "The council never asked the fishermen about the closure",
        "Tomas Berg",
        "adjacent",
        1,
    ),
    # A partial quote in the clause of a verb that is no verb of saying.
    (
        "Tomas Berg blamed the closure on “a council that never listens to fishermen.”",
        "a council that never listens to fishermen.",
        "Tomas Berg",
        "governing",
        1,
    ),
    # A horizontal bar right after the closing mark signs the quote.
    (
        "“Nobody told the fishermen about the closure in advance.”― Tomas Berg.",
        "Nobody told the fishermen about the closure in advance.",
        "Tomas Berg",
        "dash",
        1,
    ),
    # A cue whose subject names no one ("it", "the advertisement") is reported by another.
    (
        "Mayor Lena Ortiz said it would offer “a safe harbour for every boat in the bay.”",
        "a safe harbour for every boat in the bay.",
        "Lena Ortiz",
        "cue",
        1,
    ),
    (
        "Engineer Tomas Berg said in the letter that the advertisement “wrongly” suggests "
        "the quay is safe.",
        "wrongly",
        "Tomas Berg",
        "cue",
        1,
    ),
    (
        "The film ends with footage of Tomas Berg saying, “The quay was never safe.”",
        "The quay was never safe.",
        "Tomas Berg",
        "cue",
        1,
    ),
    # "as X put it" speaks for the clause it hangs on.
    (
        "The quay needs “a complete rebuild from the seabed up,” as Tomas Berg put it.",
        "a complete rebuild from the seabed up",
        "Tomas Berg",
        "cue",
        1,
    ),
    # A speech noun's owner: "Berg’s claim that ...".
    (
        "The council disputed Tomas Berg’s claim that the quay was “rotten to the core.”",
        "rotten to the core.",
        "Tomas Berg",
        "cue",
        1,
    ),
    (
        "Critics say the plan would fail. Said Tomas Berg: “The quay cannot be saved.”",
        "The quay cannot be saved.",
        "Tomas Berg",
        "colon",
        1,
    ),
    (
        "Tomas Berg characterized the plan as “a waste of good money.”",
        "a waste of good money.",
        "Tomas Berg",
        "cue",
        1,
    ),
    (
        "The quay is “beyond repair,” according to a report Tomas Berg wrote last year.",
        "beyond repair",
        "Tomas Berg",
        "cue",
        1,
    ),
    # A statement "saying" something is its issuer's.
    (
        "Mayor Lena Ortiz issued a statement saying the closure was “a betrayal of every "
        "fisherman.”",
        "a betrayal of every fisherman.",
        "Lena Ortiz",
        "cue",
        1,
    ),
    # Inside someone's report, a cue of another is the reporter's wording ...
    (
        "Mayor Lena Ortiz says she expects the council to announce “a full review” next week.",
        "a full review",
        "Lena Ortiz",
        "cue",
        1,
    ),
    # ... unless the text says the other uttered the words.
    (
        "Mayor Lena Ortiz said Tomas Berg told her the quay was “past saving.”",
        "past saving.",
        "Tomas Berg",
        "cue",
        1,
    ),
    # A relative pronoun's noun speaks, and an apposition's name ("Berg, a pilot who ...").
    (
        "The mayor was campaigning for a harbour pilot named Tomas Berg, who is running for "
        "council and who worked the crowd, praising “the courage of the fishermen.”",
        "the courage of the fishermen.",
        "Tomas Berg",
        "cue",
        1,
    ),
    (
        "Tomas Berg, a harbour pilot whose boat sank last year but who insisted that "
        "“nothing went wrong at the quay,” spoke first.",
        "nothing went wrong at the quay",
        "Tomas Berg",
        "cue",
        1,
    ),
    # A paragraph that opens with a mark, a space and an ellipsis is a quote.
    (
        "Tomas Berg spoke at noon.\n"
        "” … the quay was never safe, not once in forty years,” he said.",
        "… the quay was never safe, not once in forty years",
        "Tomas Berg",
        "cue",
        1,
    ),
    # The subject of the clause a colon ends, though the parse hangs that clause on the
    # quote's verb; a quote in doubled apostrophes after the colon.
    (
        "Mayor Lena Ortiz delivered a sharp reply: “Nobody is closing the quay. We are going "
        "ahead with the repairs.”",
        "Nobody is closing the quay. We are going ahead with the repairs.",
        "Lena Ortiz",
        "colon",
        1,
    ),
    (
        "Mayor Lena Ortiz has since owned up to what happened: ''Yes, I should have "
        "called the harbour guild first.''",
        "Yes, I should have called the harbour guild first.",
        "Lena Ortiz",
        "colon",
        1,
    ),
    # A dash before the opening mark introduces the quote like a colon.
    (
        "Mayor Lena Ortiz also backed the harbour plan -- “I think the quay is worth every "
        "penny we spend on it.”",
        "I think the quay is worth every penny we spend on it.",
        "Lena Ortiz",
        "colon",
        1,
    ),
    # A participle after a comma speaks for the subject of the verb before it.
    (
        "Harbour pilot Tomas Berg shared the news online last week, writing “Feels great to "
        "support a quay I believe in.”",
        "Feels great to support a quay I believe in.",
        "Tomas Berg",
        "cue",
        1,
    ),
    # A cue verb the parse gave no subject: the name right before it, past an apposition.
    (
        "But in a call with reporters on May 2, Capt. Tomas Berg, a harbour pilot in "
        "Springfield, said, “I mean, the quay is a danger. There is no way around that.”",
        "I mean, the quay is a danger. There is no way around that.",
        "Tomas Berg",
        "cue",
        1,
    ),
]


@pytest.mark.parametrize(
    ("text", "said", "written"),
    [
        (
            "According to a complaint filed by the harbour guild, the council ran a “reckless "
            "and costly scheme” for years.",
            "reckless and costly scheme",
            "a complaint",
        ),
        (
            "A harbour guild report found that the quay was “beyond any reasonable repair.”",
            "beyond any reasonable repair.",
            "A harbour guild report",
        ),
        (
            "The complaint, filed in May, alleged that the council “ignored every warning.”",
            "ignored every warning.",
            "The complaint",
        ),
        (
            "The Harbour Guild released a letter stating that the quay was “a danger to every "
            "boat.”",
            "a danger to every boat.",
            "The Harbour Guild",
        ),
    ],
)
def test_a_document_speaks_under_its_own_description(
    resources: Resources, text: str, said: str, written: str
) -> None:
    """A report or complaint is the source as written; no person is credited with it."""
    quote = only(find_quotes([make(text, "harbourpost")], resources))
    assert (quote.text, quote.speaker, quote.mentions[0].speaker_text) == (said, None, written)


@pytest.mark.parametrize("noun", ["claim", "remark"])
def test_a_possessive_is_the_speaker_as_written_and_resolves(
    resources: Resources, noun: str
) -> None:
    text = (
        "Mayor Lena Ortiz spoke at noon.\n"
        f"The council rejected her {noun} that the quay was “perfectly safe.”"
    )
    quote = only(find_quotes([make(text, "harbourpost")], resources))
    mention = quote.mentions[0]
    assert (quote.speaker, mention.speaker_text) == ("Lena Ortiz", "her")


@pytest.mark.parametrize(("text", "said", "speaker", "how", "pieces"), FORMS)
def test_quote_forms_and_speakers(
    resources: Resources, text: str, said: str, speaker: str, how: str, pieces: int
) -> None:
    article = make(text, "harbourpost")
    quote = only(find_quotes([article], resources))
    mention = quote.mentions[0]
    assert (quote.text, quote.speaker, mention.attribution) == (said, speaker, how)
    assert len(mention.pieces) == pieces
    for start, end in mention.pieces:
        assert article.text[start:end] in said
    assert mention.speaker_start is not None and mention.speaker_end is not None
    assert article.text[mention.speaker_start : mention.speaker_end] == mention.speaker_text


def test_pronoun_goes_to_the_last_named_main_subject(resources: Resources) -> None:
    text = (
        "Harbour Commissioner Ravi Menon toured the flooded quay on Monday.\n"
        "He inspected the repairs that Mayor Lena Ortiz has promised to fund.\n"
        "“We will not cut corners on safety,” he told reporters."
    )
    quote = only(find_quotes([make(text, "harbourpost")], resources))
    assert quote.speaker == "Ravi Menon"
    assert quote.mentions[0].speaker_text == "he"


def test_she_skips_the_last_named_man(resources: Resources) -> None:
    text = (
        "Mayor Lena Ortiz said she would reopen the quay in May.\n"
        "Harbour Commissioner Ravi Menon said he would inspect the pier first.\n"
        "“The ferries cannot wait for another season,” she said."
    )
    quotes = find_quotes([make(text, "harbourpost")], resources)
    assert [(q.speaker, q.mentions[0].speaker_text) for q in quotes] == [("Lena Ortiz", "she")]


def test_unnamed_speaker_is_not_given_the_nearest_name(resources: Resources) -> None:
    text = (
        "Ferry captain Mila Horvat lost her boat in the storm.\n"
        "Her neighbour, a retired nurse, called the night “the worst of my life”."
    )
    quote = only(find_quotes([make(text, "harbourpost")], resources))
    assert quote.speaker is None
    assert quote.speaker_role is not None and "retired nurse" in quote.speaker_role
    assert "speaker-unresolved" in quote.flags


def test_description_resolves_to_the_fitting_person(resources: Resources) -> None:
    first = make("Harbour Commissioner Ravi Menon visited the quay.", "harbourpost")
    second = make(
        "Mayor Lena Ortiz opened the session.\n"
        "The harbour commissioner said the work was “well ahead of schedule”.",
        "bayherald",
    )
    quote = only(find_quotes([first, second], resources))
    assert quote.speaker == "Ravi Menon"
    assert quote.speaker_role == "Harbour Commissioner"


def test_one_person_under_different_names_across_outlets(resources: Resources) -> None:
    said = "We will rebuild the northern pier before the winter storms arrive."
    articles = [
        make(f"Harbour Commissioner Ravi Menon said: “{said}”", "harbourpost"),
        make(f"“{said}” Menon said on Tuesday.", "bayherald"),
        make(f"The quay reopened.\n“{said}”\nRavi Menon", "coastwire"),
    ]
    quote = only(find_quotes(articles, resources))
    assert quote.speaker == "Ravi Menon"
    assert quote.independent_sources == 3
    assert {m.article for m in quote.mentions} == {a.id for a in articles}
    assert len(quote.variants) == 1


def test_variants_and_canonical_by_independent_sources(resources: Resources) -> None:
    spring = "The cranes will be gone by spring and the quay will reopen to ferries."
    summer = "The cranes will be gone by summer and the quay will reopen to ferries."
    articles = [
        # Two copies of one wire story: one source, whatever the article count.
        make(f"Ravi Menon said: “{spring}”", "wireone", group="g-wire"),
        make(f"Ravi Menon said: “{spring}”\nMore later.", "wirecopy", group="g-wire"),
        make(f"Ravi Menon said: “{summer}”", "bayherald"),
        make(f"Commissioner Ravi Menon said: “{summer}”", "coastwire"),
    ]
    quote = only(find_quotes(articles, resources))
    assert quote.text == summer
    assert [v.text for v in quote.variants] == [summer, spring]
    assert [v.independent_sources for v in quote.variants] == [2, 1]
    assert quote.independent_sources == 3
    assert "wording-differs" in quote.flags


def test_cut_short_quote_is_a_variant_of_the_full_one(resources: Resources) -> None:
    articles = [
        make(
            "Ravi Menon said: “Chasing this illusory deadline will only delay the ferries.”",
            "harbourpost",
        ),
        make("Ravi Menon called it an “illusory deadline” that would delay ferries.", "bayherald"),
    ]
    quote = only(find_quotes(articles, resources))
    assert len(quote.variants) == 2
    assert quote.variants[-1].partial
    assert "cut-short" in quote.flags


def test_paraphrase_in_another_outlet_is_linked_and_flagged(resources: Resources) -> None:
    articles = [
        make(
            "“We will rebuild the northern pier before the winter storms arrive,” Ravi Menon said.",
            "harbourpost",
        ),
        make(
            "Ravi Menon said the northern pier would be rebuilt before winter storms.", "bayherald"
        ),
    ]
    quote = only(find_quotes(articles, resources))
    assert "paraphrased-elsewhere" in quote.flags
    indirect = [m for m in quote.mentions if not m.direct]
    assert [m.article for m in indirect] == [articles[1].id]
    assert quote.independent_sources == 1  # a paraphrase is no quotation


@pytest.mark.parametrize(
    "text",
    [
        "The crew watched “Harbour Nights” on Sunday.",
        "The ’90s were kind to Menon’s family and the fishermen’s union.",
        "The ‘90s were kind to Menon’s family, and in ‘08 the fishermen’s union grew.",
        "The so-called “temporary” closure has lasted a year.",
        "Rock ’n’ roll played at the ‘quay’.",
    ],
)
def test_scare_quotes_titles_and_apostrophes_are_no_quotes(resources: Resources, text: str) -> None:
    assert find_quotes([make(text, "harbourpost")], resources) == []


def test_removed_junk_is_never_quoted(resources: Resources) -> None:
    story = "Ravi Menon said: “The pier opens in May.”\n"
    junk = "Related: “Ten ferries you must ride this summer, says travel writer Ana Voss.”\n"
    article = make(story + junk, "harbourpost")
    article.paragraphs = article.paragraphs[:1]
    article.removed = [Removed(len(story), len(story) + len(junk), "teaser", junk)]
    quote = only(find_quotes([article], resources))
    assert quote.text == "The pier opens in May."
    assert all(m.end <= len(story) for m in quote.mentions)


TEXT = st.text(alphabet=st.sampled_from(list("ab .,\"“”‘’'«»„\n")), max_size=80)


@settings(max_examples=200, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=4))
def test_quote_spans_stay_inside_their_paragraphs(texts: list[str]) -> None:
    items, offset = [], 0
    for text in texts:
        items.append((offset, text))
        offset += len(text) + 2
    for quote in find_quote_spans(items):
        last = -1
        for piece in quote.pieces:
            begin, text = items[piece.paragraph]
            assert begin <= piece.start < piece.end <= begin + len(text)
            assert piece.start >= last
            last = piece.end


def test_every_mention_points_at_kept_text(resources: Resources) -> None:
    """Offsets hold for every mention of a whole story: pieces inside kept paragraphs, the
    quoted words are the pieces' text, the speaker as written is the text at its offsets."""
    texts = [style[0] for style in STYLES] + [form[0] for form in FORMS]
    articles = [make(text, f"outlet{i}") for i, text in enumerate(texts)]
    by_id = {a.id: a for a in articles}
    quotes = find_quotes(articles, resources)
    assert len({m.article for q in quotes for m in q.mentions}) == len(articles)
    for quote in quotes:
        for mention in quote.mentions:
            article = by_id[mention.article]
            assert mention.text == article.text[mention.start : mention.end]
            if mention.direct:
                parts = [article.text[s:e] for s, e in mention.pieces]
                assert any(v.text in (" ".join(parts), " … ".join(parts)) for v in quote.variants)
            for start, end in mention.pieces:
                assert any(p.start <= start < end <= p.end for p in article.paragraphs)
            if mention.speaker_start is not None and mention.speaker_end is not None:
                written = article.text[mention.speaker_start : mention.speaker_end]
                assert written == mention.speaker_text


WORDS = st.sampled_from(
    [
        "Ravi",
        "Menon",
        "said",
        "he",
        "she",
        "told",
        "the",
        "pier",
        "“",
        "”",
        '"',
        "‘",
        "’",
        "'",
        "«",
        "»",
        ":",
        ",",
        ".",
        "according",
        "to",
        "—",
        "Lena",
        "Ortiz",
        "reopen",
        "\n",
    ]
)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.lists(WORDS, max_size=25).map(" ".join), min_size=1, max_size=3))
def test_any_text_gives_well_formed_quotes(resources: Resources, texts: list[str]) -> None:
    """Whatever the marks and words, quotes come back inside kept text, never an error."""
    articles = [make(text, f"outlet{i}") for i, text in enumerate(texts)]
    for quote in find_quotes(articles, resources):
        assert quote.variants and quote.mentions
        for mention in quote.mentions:
            article = next(a for a in articles if a.id == mention.article)
            assert 0 <= mention.start < mention.end <= len(article.text)
            assert mention.text == article.text[mention.start : mention.end]


def test_batched_parse_fills_the_cache_once_per_article() -> None:
    """`parse_all` parses every kept paragraph once; a paragraph two outlets share word for
    word shares one parse, and `paragraph_docs` then reads the cache."""
    shared = "Mayor Lena Ortiz said the bridge will reopen in May."
    first = make(f"{shared}\nThe quay stays closed.", "harbourpost")
    second = make(f"Officials met on Monday.\n{shared}", "baytimes")
    resources = Resources()
    resources.parse_all([first, second, first])
    docs_first = resources.paragraph_docs(first)
    docs_second = resources.paragraph_docs(second)
    assert [p for p, _ in docs_first] == first.paragraphs
    assert [doc.text for _, doc in docs_second] == [
        second.text[p.start : p.end] for p in second.paragraphs
    ]
    assert docs_first[0][1] is docs_second[1][1]
    assert resources.paragraph_docs(first) is docs_first


@pytest.mark.parametrize(("pronoun", "speaker"), [("She", "Ines Corr"), ("He", "Dale Ferris")])
def test_a_courtesy_title_says_which_pronoun_fits(
    resources: Resources, pronoun: str, speaker: str
) -> None:
    """ "Mr. Ferris" is no "she" and "Ms. Corr" no "he", though named last."""
    first, last = ("Corr", "Ferris") if pronoun == "She" else ("Ferris", "Corr")
    text = (
        "Mr. Dale Ferris runs the quay. Mr. Ferris met Ms. Ines Corr on Monday.\n"
        f"{first} spoke first. {last} answered later.\n"
        f"{pronoun} said the plan was “a gamble with other people’s boats.”"
    )
    quote = only(find_quotes([make(text, "harbourpost")], resources))
    assert (quote.speaker, quote.mentions[0].speaker_text) == (speaker, pronoun)


@pytest.mark.parametrize(
    ("cue_dep", "expected"),
    [("nsubj", "Berg"), ("advcl", "Berg")],
)
def test_a_participle_misread_as_the_quotes_subject_speaks_for_the_verb_before(
    resources: Resources, cue_dep: str, expected: str
) -> None:
    """The parse of 'Berg shared the news, writing “Feels great ...”' may hang "writing" on
    the quote's verb as its subject; the speaker is still the subject of "shared"."""
    from spacy.tokens import Doc

    from corroborate.quotes.cues import subject_of

    words = ["Berg", "shared", "the", "news", ",", "writing", "“", "Feels", "great", "."]
    writing_head = 7 if cue_dep == "nsubj" else 1
    doc = Doc(
        resources.spacy().vocab,
        words=words,
        spaces=[True, True, True, False, True, True, False, True, False, False],
        heads=[1, 1, 3, 1, 1, writing_head, 7, 1, 7, 1],
        deps=["nsubj", "ROOT", "det", "dobj", "punct", cue_dep, "punct", "conj", "acomp", "punct"],
        pos=["PROPN", "VERB", "DET", "NOUN", "PUNCT", "VERB", "PUNCT", "VERB", "ADJ", "PUNCT"],
        tags=["NNP", "VBD", "DT", "NN", ",", "VBG", "``", "VBZ", "JJ", "."],
        sent_starts=[True] + [False] * 9,
    )
    subject = subject_of(doc[5])
    assert subject is not None and subject.text == expected
