"""Quotes: who speaks through a comment they make, a name a role heads, pronouns after a
misread name, and words carried by things (a sign, a report), which have no speaker.

Every article here is invented (invented outlets, people and events). Paragraphs are the
non-empty lines of each text, as the cleaning stage keeps them.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from corroborate.nlp import Resources
from corroborate.quotes import find_quotes
from corroborate.quotes.extract import parsed_paragraphs
from corroborate.quotes.people import PersonRegistry
from corroborate.quotes.resolve import build_timeline, person_names
from corroborate.render._view import quotes_by_speaker, said_as
from test_quotes import make
from test_quotes_speakers import quote_holding


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # The one who makes the comment (or gives the speech) speaks its words, not the
        # comment itself.
        (
            "Mayor Lena Ortiz made a comment on Monday that called the pier “a disgrace to "
            "the town.”",
            "a disgrace to the town.",
            "Lena Ortiz",
        ),
        # ... also when a causing verb names them ("prompted X to give a speech that ...").
        (
            "The delay prompted the harbour master, Dale Ferris, to give a speech that "
            "branded the works “a shambles from start to finish.”",
            "a shambles from start to finish.",
            "Dale Ferris",
        ),
        (
            "The 1990 harbour act, which prompted his wife and current council leader Ilsa "
            "Marrow to make a remark that described the dockers as “idle and useless,” was "
            "repealed.",
            "idle and useless",
            "Ilsa Marrow",
        ),
        # A role heading the name ("the veteran pilot Tomas Berg") is that person, who
        # does what a causing verb says ("led X to warn").
        (
            "The storm has led the veteran pilot Tomas Berg to warn of a “lost summer for the "
            "ferries.”",
            "lost summer for the ferries.",
            "Tomas Berg",
        ),
    ],
)
def test_who_makes_the_comment_speaks_its_words(
    resources: Resources, text: str, words: str, speaker: str
) -> None:
    quote = quote_holding(resources, text, words)
    assert quote.speaker == speaker
    mention = quote.mentions[0]
    assert mention.speaker_text is not None and speaker in mention.speaker_text


def test_a_text_that_names_its_author_is_not_the_publishers_words(
    resources: Resources,
) -> None:
    """ "Berg released a letter from his doctor that says ...": the doctor's words, not
    Berg's; the letter carries them."""
    text = (
        "Pilot Tomas Berg released a letter from his doctor on Friday that says he is in "
        "“extraordinarily good shape” for his age."
    )
    quote = quote_holding(resources, text, "extraordinarily good shape")
    assert quote.speaker is None
    assert quote.mentions[0].via_text == "a letter from his doctor"


def test_a_pronoun_is_no_evidence_for_a_name_when_a_misread_name_stands_between(
    resources: Resources,
) -> None:
    """ "Marrow told Dunleavy, after he admitted ...": "he" says nothing of Marrow's sex
    even where the tagger did not read "Dunleavy" as a name there (the story names
    Dunleavy a person elsewhere)."""
    text = (
        "Senator Ilsa Marrow questioned harbour chief Tomas Dunleavy on Tuesday.\n"
        "“You should resign,” Marrow told Dunleavy, after he admitted the pier had failed."
    )
    article = make(text, "harbourpost")
    docs = resources.paragraph_docs(article)
    second = docs[1][1]
    # What the small model does to some names: "Marrow" a person, no entity on "Dunleavy".
    marrow_at = next(t.i for t in second if t.text == "Marrow")
    second.ents = [Span(second, marrow_at, marrow_at + 1, label="PERSON")]
    paras = parsed_paragraphs(article, docs)
    registry = PersonRegistry()
    registry.build(person_names(paras))
    build_timeline(paras, registry)
    marrow = registry.lookup("Ilsa Marrow")
    assert marrow is not None
    assert marrow.pronouns["he"] == 0


@pytest.mark.parametrize(
    ("text", "words", "thing"),
    [
        (
            "Dozens had signed the book of thanks by noon, staff said, and a handwritten "
            "sign on the door read “Bring the boat home”.",
            "Bring the boat home",
            "a handwritten sign on the door",
        ),
        (
            "Protesters gathered outside the town hall, where a large banner read “No ferry, "
            "no future.”",
            "No ferry, no future.",
            "a large banner",
        ),
        (
            "A council report said the pier was “unsafe for anyone to walk on.”",
            "unsafe for anyone to walk on.",
            "A council report",
        ),
        (
            "The email read: “We will close the quay at dawn on Friday.”",
            "We will close",
            "The email",
        ),
    ],
)
def test_words_on_a_thing_have_the_thing_as_their_via_and_no_speaker(
    resources: Resources, text: str, words: str, thing: str
) -> None:
    """A sign, a banner, a report is no one: it is not the quote's speaker (named or
    described) but the via its words reach the reader through."""
    quote = quote_holding(resources, text, words)
    assert quote.speaker is None
    assert quote.speaker_role is None
    mention = quote.mentions[0]
    assert mention.via_text == thing
    assert mention.via_start == text.index(thing)
    assert mention.attribution == "carrier"
    assert said_as(mention) == f"via {thing}"
    # Grouped as unattributed, never under a heading that names the thing as a speaker.
    [(heading, _)] = quotes_by_speaker([quote])
    assert thing not in heading


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "In the depths of the slump, Councillor Dale Ferris worried that the harbour fund "
            "was becoming “a bottomless pit for idle contractors.”",
            "a bottomless pit for idle contractors.",
            "Dale Ferris",
        ),
        (
            "Pilot Tomas Berg believes the new quay will be “the envy of every port on this "
            "coast.”",
            "the envy of every port on this coast.",
            "Tomas Berg",
        ),
        (
            "Mayor Lena Ortiz feels the ferry timetable is “a mess nobody at the council wants "
            "to own.”",
            "a mess nobody at the council wants to own.",
            "Lena Ortiz",
        ),
    ],
)
def test_a_quote_in_a_clause_someone_thinks_or_fears_is_theirs(
    resources: Resources, text: str, words: str, speaker: str
) -> None:
    """A partial quote in the complement clause of a verb that is no cue verb ("worried
    that", "believes", "feels"), whose own subject is a thing: the clause is what the person
    above it says or thinks, and the quote is theirs."""
    assert quote_holding(resources, text, words).speaker == speaker


@pytest.mark.parametrize("untagged", [False, True])
def test_he_means_whose_plan_the_sentence_is_about(resources: Resources, untagged: bool) -> None:
    """ "Dunleavy’s plan earned him a medal, and he called ...": the owner of the main
    subject is who the sentence is about, and "he" means him, not the last person named as
    a subject; also where the tagger gave "Dunleavy" no entity there (`untagged`), since the
    story names Dunleavy a person elsewhere."""
    text = (
        "Mayor Lena Ortiz praised harbour chief Tomas Dunleavy on Monday.\n"
        "“The pier is safe and the crews are the best on this coast,” said Ann Lee, a ferry "
        "pilot.\n"
        "Then Dunleavy’s plan earned him a medal, and he called the pier “the pride of the "
        "whole coast.”"
    )
    article = make(text, "harbourpost")
    last = resources.paragraph_docs(article)[-1][1]
    if untagged:
        last.ents = [e for e in last.ents if e.text != "Dunleavy"]
    quotes = find_quotes([article], resources)
    [quote] = [q for q in quotes if "pride of the whole coast" in q.text]
    assert quote.mentions[0].speaker_text == "he"
    assert quote.speaker == "Tomas Dunleavy"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A headline before a colon is no one, however capitalised.
        (
            "Harbour Fees Impede Ferry Plans: Ending “the scourge of tolls on every crossing” "
            "is one of the first goals of the new council.",
            "the scourge of tolls",
        ),
        # A place is no one: "said New Jersey" names no person.
        (
            "Pilots gathered at the pier. “We will strike on Monday if the tolls stay,” said "
            "New Jersey.",
            "We will strike on Monday",
        ),
        # A description naming a place the only governor of the story is not known for.
        (
            "Former Ohio governor Tomas Berg spoke first at the harbour forum on Monday.\n"
            "Later, the Maine governor told reporters the ferry tolls were “a tax on every "
            "family in the state.”",
            "a tax on every family",
        ),
    ],
)
def test_a_headline_or_a_place_is_no_person(resources: Resources, text: str, words: str) -> None:
    """Capitalised words that name no one never become a person's name, and a description
    that names another place than the person's is not that person."""
    assert quote_holding(resources, text, words).speaker is None


def test_a_description_naming_the_persons_own_place_is_that_person(
    resources: Resources,
) -> None:
    text = (
        "Former Ohio governor Tomas Berg spoke first at the harbour forum on Monday.\n"
        "Later, the Ohio governor told reporters the ferry tolls were “a tax on every family "
        "in the state.”"
    )
    assert quote_holding(resources, text, "a tax on every family").speaker == "Tomas Berg"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Several pilots backed the plan, including the ferry captain Tomas Berg — “It is "
            "the only way to keep the crossing open all winter” — and two harbour masters.",
            "It is the only way",
            "Tomas Berg",
        ),
        (
            'A number of councillors have said the same, among them Lena Ortiz -- "The tolls '
            'have to go before the summer season starts" -- and Dale Ferris.',
            "The tolls have to go",
            "Lena Ortiz",
        ),
    ],
)
def test_a_quote_set_off_by_dashes_after_a_name_is_that_persons(
    resources: Resources, text: str, words: str, speaker: str
) -> None:
    """ "including Tomas Berg — “...” — and ...": the name the aside follows speaks, not the
    group the sentence is about, nor a name after it."""
    quote = quote_holding(resources, text, words)
    assert quote.speaker == speaker
    assert quote.mentions[0].speaker_text == speaker
