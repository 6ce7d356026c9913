"""Quotes: which clause's subject speaks, where the parse offers more than one (session 8).

Every article here is invented (invented outlets, people and events). Paragraphs are the
non-empty lines of each text, as the cleaning stage keeps them.
"""

from __future__ import annotations

import pytest

from corroborate.nlp import Resources
from corroborate.quotes import find_quotes
from test_quotes import make


@pytest.mark.parametrize(
    ("text", "said", "written", "speaker"),
    [
        # A participle's verb has a place and a person as subjects (the parse read the
        # dateline-like place as one): the person speaks.
        (
            "Tomas Berg toured the state this week.\n"
            "Speaking at a town hall event in Salem, New Hampshire, Berg went after Ortiz, "
            "calling him “a total stiff.”",
            "a total stiff.",
            "Berg",
            "Tomas Berg",
        ),
        # "X, Ortiz said, had ... and signed “...”": the "said" in the quote's own sentence
        # reports it, not the "according to" of the next, though that one is nearer.
        (
            "Mayor Lena Ortiz spoke after the vote. Harbour chief Tomas Berg, Ortiz said, had "
            "sat on the board for “a thousand meetings” and signed “hundreds of permits.” "
            "That is too many, according to Nils Aberg, because, well, Berg.",
            "hundreds of permits.",
            "Ortiz",
            "Lena Ortiz",
        ),
        # "Asked by X if ...": the one who asks is the participle's "by X".
        (
            "Asked by reporter Nils Aberg if the mayor “understands” the harbour, Lena Ortiz "
            "avoided a direct answer.",
            "understands",
            "reporter Nils Aberg",
            "Nils Aberg",
        ),
        # A verb joined by "and" to a cue, with a subject of its own, is no part of what
        # that cue reports: the officials portray, the name was only announced.
        (
            "The video shows that Tomas Berg’s name was announced on a publicly available "
            "police scanner several times prior to Mayor Lena Ortiz being briefed on the "
            "subject – and long before Harbour Board officials started to portray the fire as "
            "a “workplace” or “wiring” issue.",
            "workplace",
            "Harbour Board officials",
            None,
        ),
        # "put" reports words only as "put it" or "put X as": a headline's "Would Put
        # Cronies On Board" is no cue, and the name before the colon speaks.
        (
            "Ortiz: Berg Would Put Cronies On Board, ‘I Fear The Same Thing Is True’ for Aberg.",
            "I Fear The Same Thing Is True",
            "Ortiz",
            None,
        ),
        # "summed up X as “...”" says words, as "called X “...”" does.
        (
            "Tomas Berg, who summed up Lena Ortiz as “terrible,” left the pier on Monday.",
            "terrible",
            "Tomas Berg",
            "Tomas Berg",
        ),
        # A title-case headline the parse reads as one long name: the words before its verb
        # speak, not the name before the colon.
        (
            "Tomas Berg Praises Harbour Post’s Ferry Editor Anna Lind: ‘Very Good Reporter.’",
            "Very Good Reporter.",
            "Tomas Berg",
            "Tomas Berg",
        ),
        (
            "Anna Lind Endorses Tomas Berg: I Am ‘Horrified’ By Lena Ortiz.",
            "Horrified",
            "Anna Lind",
            "Anna Lind",
        ),
        # A cue in the past perfect ("had told", "had described") under another cue is the
        # reporter's account of what was said before: the reporter speaks.
        (
            "In her new book, and in an interview, Ms. Ortiz said Mr. Berg had told ferry "
            "captains that he would not continue the harbour board's policy of allowing ''no "
            "delays'' between the two ports.",
            "no delays",
            "Ms. Ortiz",
            "Ortiz",
        ),
        (
            "Mayor Lena Ortiz spoke on Monday. She expressed amusement that Mr. Berg had at "
            "last described his plans for the pier “not only in the harbour paper but on the "
            "radio,” echoing some critics.",
            "not only in the harbour paper but on the radio",
            "She",
            "Lena Ortiz",
        ),
        # What someone holds up or wears speaks for itself ("a sign saying").
        (
            "Anna Lind held up a sign saying “Ferries Not Bridges - Because We Have Seen This "
            "Before.” The 57-year-old pilot says she does not take the fight lightly.",
            "Ferries Not Bridges",
            "a sign",
            None,
        ),
        # "in the words of X" names whose words the clause quotes.
        (
            "Word emerged that he would retire to Port Ellis, the latest reminder that he was "
            "preparing his exit and that Ms. Ortiz was, in the words of a senior aide, ''the "
            "torchbearer'' of his legacy.",
            "the torchbearer",
            "a senior aide",
            None,
        ),
        # A name after the closing mark that goes on to a main verb of its own, which
        # reports nothing, starts a new clause: it does not sign the quote.
        (
            "While Mayor Lena Ortiz, representing the harbour's old guard, laid out a vision "
            "for ''a pier that pays for itself,'' Tomas Berg, the pilot who briefly caught fire "
            "last year in his campaign, used part of his speech to thank the ferry crews.",
            "a pier that pays for itself",
            "Mayor Lena Ortiz",
            "Lena Ortiz",
        ),
        # A share of those asked speaks through the poll the sentence names.
        (
            "In a September Harbour Post poll, 75 percent of Ostra voters said “most people "
            "on the board” cannot be trusted.",
            "most people on the board",
            "a September Harbour Post poll",
            "Harbour Post",
        ),
        (
            "Some 55 percent of ferry riders said they do not believe Ms. Ortiz ''cares about "
            "people like me,'' according to a Harbour College poll conducted in February.",
            "cares about people like me",
            "a Harbour College poll",
            "Harbour College",
        ),
        # "intimated" reports words as "suggested" does: the cue of the quote's own clause.
        (
            'Mayor Lena Ortiz has intimated that Berg\'s "promises" of economic gain are the '
            "big draw. Anna Lind, playing Berg on a harbour comedy show, explained: "
            '"The young people love me because I have big plans."',
            "promises",
            "Mayor Lena Ortiz",
            "Lena Ortiz",
        ),
        # What someone feared or hoped, in quotation marks, is theirs.
        (
            "Mayor Lena Ortiz had braced for the vote. She feared it would be “a fight from "
            "start to finish.”",
            "a fight from start to finish.",
            "She",
            "Lena Ortiz",
        ),
        # "interrupted ..., shouting": the hecklers speak; "Berg supporters" are a group,
        # not Tomas Berg.
        (
            "Tomas Berg spoke at the pier on Monday. The first incident came during a speech "
            "at the harbour college, when Berg supporters interrupted her speech, shouting "
            "“she wins, we lose!”",
            "she wins, we lose!",
            "Berg supporters",
            None,
        ),
        # Words someone only would say, "according to X": X claims them.
        (
            "Tomas Berg went to that hearing, and he will probably go to the next one, "
            "because, according to Berg, the board would call him a “coward” if he didn't.",
            "coward",
            "Berg",
            "Tomas Berg",
        ),
    ],
)
def test_the_subject_that_speaks(
    resources: Resources, text: str, said: str, written: str, speaker: str | None
) -> None:
    quotes = [
        q for q in find_quotes([make(text, "harbourpost")], resources) if q.text.startswith(said)
    ]
    assert len(quotes) == 1
    assert quotes[0].speaker == speaker
    assert quotes[0].mentions[0].speaker_text == written


def test_a_name_starting_a_sentence_of_its_own_signs_no_quote(resources: Resources) -> None:
    """ "Berg put his house up for sale" after a closing mark: "put" says nothing here, and
    the name is the subject of its own sentence, so the quote before it goes on from the
    "he told me" between the two pieces."""
    text = (
        "Days after the vote, Tomas Berg volunteered to run the ferry. ''Was I going to remain "
        "a clerk, sitting in an office criticizing things?'' he told me. ''Or was I going to "
        "do something as an engaged citizen?'' Berg put his house up for sale and took a leave "
        "of absence from the harbour board."
    )
    quotes = find_quotes([make(text, "harbourpost")], resources)
    second = [q for q in quotes if "Or was I going" in q.text]
    assert len(second) == 1
    assert second[0].mentions[0].speaker_text == "he"
    assert second[0].speaker == "Tomas Berg"


@pytest.mark.parametrize(("dep", "expected"), [("csubj", "Verding"), ("nsubj", "Verding")])
def test_a_surname_read_as_a_gerund_subject_is_who_speaks(
    resources: Resources, dep: str, expected: str
) -> None:
    """The tagger reads a surname in -ing that opens the sentence ("Verding describes himself
    as ...") as a gerund, the clausal subject of the verb; it is still who speaks."""
    from spacy.tokens import Doc

    from corroborate.quotes.cues import subject_of

    words = ["Verding", "describes", "himself", "as", "a", "“", "pilot", "”", "."]
    doc = Doc(
        resources.spacy().vocab,
        words=words,
        spaces=[True, True, True, True, True, False, False, False, False],
        heads=[1, 1, 1, 1, 6, 6, 3, 6, 1],
        deps=[dep, "ROOT", "dobj", "prep", "det", "punct", "pobj", "punct", "punct"],
        pos=["VERB", "VERB", "PRON", "ADP", "DET", "PUNCT", "NOUN", "PUNCT", "PUNCT"],
        tags=["VBG", "VBZ", "PRP", "IN", "DT", "``", "NN", "''", "."],
        sent_starts=[True] + [False] * 8,
    )
    subject = subject_of(doc[1])
    assert subject is not None and subject.text == expected
