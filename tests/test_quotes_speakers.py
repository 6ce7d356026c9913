"""Quotes: which words are the speaker as written, where two clauses could claim the quote.

Every article here is invented (invented outlets, people and events). Paragraphs are the
non-empty lines of each text, as the cleaning stage keeps them.
"""

from __future__ import annotations

import pytest

from corroborate.nlp import Resources
from corroborate.quotes import find_quotes
from corroborate.records import Quote
from test_quotes import make


def quote_holding(resources: Resources, text: str, words: str) -> Quote:
    """The one quote of an invented article whose words hold `words`."""
    quotes = find_quotes([make(text, "harbourpost")], resources)
    found = [q for q in quotes if words in q.text]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


@pytest.mark.parametrize(
    ("text", "said", "written_at", "speaker"),
    [
        # The reporter says the inner "she" spoke again: the quote is reported under "says".
        (
            "Mayor Lena Ortiz toured the harbour on Friday.\n"
            "She says she would open the quay in May, calling it “the finest harbour in the "
            "county.”",
            "the finest harbour in the county.",
            "She says",
            "Lena Ortiz",
        ),
        (
            "Pilot Tomas Berg met the council on Monday.\n"
            "He said he found the plan sensible and called the new pier “long overdue.”",
            "long overdue.",
            "He said",
            "Tomas Berg",
        ),
        # A participle the parse hung on the reported clause speaks for the reporter.
        (
            "Mayor Lena Ortiz argued that the new quay would draw trade to the town, saying "
            "it was “worth every penny we spend.”",
            "worth every penny we spend.",
            "Mayor Lena Ortiz",
            "Lena Ortiz",
        ),
        # A cue in a relative clause on a thing, inside a report, is the reporter's.
        (
            "Mayor Lena Ortiz said in a statement that she backs a budget which promises “a "
            "quay for every village.”",
            "a quay for every village.",
            "Mayor Lena Ortiz",
            "Lena Ortiz",
        ),
        # A cue verb one sentence away gives way to the subject of the quote's own clause.
        (
            "Councillor Dale Ferris promised to review the harbour budget next year. "
            "Mayor Lena Ortiz railed against the “reckless and costly scheme” at the meeting.",
            "reckless and costly scheme",
            "Mayor Lena Ortiz",
            "Lena Ortiz",
        ),
        # A second cue joined by "and" with a subject of its own is that subject's.
        (
            "Pilot Tomas Berg met the council on Monday.\n"
            "He praised the crews, and he pledged a “pier for every village” for the town.",
            "pier for every village",
            "he pledged",
            "Tomas Berg",
        ),
        # A name the tagger reads as a place here is a person the story names elsewhere.
        (
            "Actress Nina Jordan spoke at the harbour gala in Dunmore on Friday.\n"
            "Jordan, star of the drama “Harbour Lights,” thanked the mayor for “taking these "
            "steps to make every pier in the county safer.”",
            "taking these steps to make every pier in the county safer.",
            "Jordan, star",
            "Nina Jordan",
        ),
        # A paragraph of quotation after one whose last sentence reports what someone argued.
        (
            "Councillor Dale Ferris wrote to the harbour board on Monday.\n"
            "If anything, Ferris argued in his letter, the flood is a warning to the whole "
            "county.\n“Is it prudent for the board to keep the old rules while the river keeps "
            "rising every spring?”",
            "Is it prudent for the board to keep the old rules while the river keeps rising "
            "every spring?",
            "Ferris argued",
            "Dale Ferris",
        ),
        # A name after the closing mark that goes on with a verb of its own is no speaker
        # when the cue's clause holds the quote.
        (
            "As Dunmore prepares for what Mayor Lena Ortiz called “the busiest and most crowded "
            "summer in the harbour’s long history,” Tomas Berg is eager to have a role in it.",
            "the busiest and most crowded summer in the harbour’s long history",
            "Mayor Lena Ortiz",
            "Lena Ortiz",
        ),
        (
            "In a clip that Judge Mara Quist called “distasteful,” Tomas Berg expressed a wish to "
            "sink the pier.",
            "distasteful",
            "Judge Mara Quist",
            "Mara Quist",
        ),
        # "fired back" answers in words, like a cue verb.
        (
            "After Councillor Dale Ferris criticised the pier plan at the meeting, Mayor Lena "
            "Ortiz fired back, “I could have chosen to do nothing, but I chose to build for the "
            "town.”",
            "I could have chosen to do nothing, but I chose to build for the town.",
            "Mayor Lena Ortiz",
            "Lena Ortiz",
        ),
        # A passive cue verb speaks for its agent, however the parse hangs "by X".
        (
            "This feature of the harbour guild has been called “strategic ambiguity” by Nora "
            "Quist, a professor at Dunmore College.",
            "strategic ambiguity",
            "Nora Quist, a professor",
            "Nora Quist",
        ),
        (
            "The pier plan was described as “a fanciful notion” by Mayor Lena Ortiz on Monday.",
            "a fanciful notion",
            "Mayor Lena Ortiz",
            "Lena Ortiz",
        ),
        (
            "The harbour guild warned of delays last week. "
            "Pilot Tomas Berg offered “my thanks to every crew on the water.”",
            "my thanks to every crew on the water.",
            "Pilot Tomas Berg",
            "Tomas Berg",
        ),
        # A surname the tagger reads as a modal ("Will wrote": a modal takes the bare verb).
        (
            "Columnist Harald Will attacked the pier plan this week.\n"
            "“The closure of the quay is a reminder that the council has lost its way,” Will "
            "wrote.",
            "The closure of the quay is a reminder that the council has lost its way",
            "Will wrote",
            "Harald Will",
        ),
        (
            "Columnist Harald Will attacked the pier plan this week.\n"
            "From the mayor’s “long and empty speech” on Monday, Will described the plan as "
            "a “monument to waste.”",
            "monument to waste.",
            "Will described",
            "Harald Will",
        ),
        # A speech noun with its owner, as the subject of a copula whose clause holds the quote.
        (
            "Councillor Dale Ferris spoke at the harbour meeting on Monday.\n"
            "Ferris’s answer was that “the most important thing in this town is the harbour,” "
            "so the council should pay for the pier.",
            "the most important thing in this town is the harbour",
            "Ferris’s answer",
            "Dale Ferris",
        ),
        (
            "Pilot Tomas Berg trained young crews for decades.\n"
            "Berg’s dictum to his crews was, “It is not a good day at sea if you come home dry.”",
            "It is not a good day at sea if you come home dry.",
            "Berg’s dictum",
            "Tomas Berg",
        ),
        # "He added" after a speaker named outside the main clause ("While X told ...") is that
        # speaker, not the last person named as a main subject.
        (
            "Mayor Lena Ortiz opened the new quay on Friday.\n"
            "While harbourmaster Tomas Berg told the Ostra Gazette that “the pier is not "
            "finished,” the crews kept working. He added, “We need two more months of work on "
            "the pier.”",
            "We need two more months of work on the pier.",
            "He added",
            "Tomas Berg",
        ),
        # "..., saying the town ..." after the closing mark goes on with a clause: the town
        # is no inverted speaker (see the email below).
        (
            "Mayor Lena Ortiz has delivered an impassioned defence of “harbour values,” saying "
            "the town embodied the “courage and heart of the coast.”",
            "harbour values",
            "Mayor Lena Ortiz",
            "Lena Ortiz",
        ),
        # A name right before the colon that is who was addressed: the subject speaks; a
        # name that is the object of a thing's verb is the speaker.
        (
            "Councillor Dale Ferris delivered a blunt message to Mayor Lena Ortiz: “It is time "
            "to stop attacking the fishermen and get on with the pier.”",
            "It is time to stop attacking the fishermen and get on with the pier.",
            "Councillor Dale Ferris",
            "Dale Ferris",
        ),
        (
            "The result does not surprise pollster Nora Quist: “Voters on the coast always come "
            "home to the harbour party.”",
            "Voters on the coast always come home to the harbour party.",
            "Nora Quist",
            "Nora Quist",
        ),
        # A paragraph of quotation after one whose last sentence has someone speak ("spoke
        # only in vague terms"); a scare quote there ("go ahead") quotes no one.
        (
            "What “go ahead” actually means is left to the voters, since Mayor Lena Ortiz "
            "spoke only in vague terms during the interview.\n"
            "“We have to do something about the harbour and it is the only way to stop the "
            "decline.”",
            "We have to do something about the harbour and it is the only way to stop the decline.",
            "Mayor Lena Ortiz",
            "Lena Ortiz",
        ),
        # A generic "you" under a cue ("you cannot shout “fire”") speaks for no one: the
        # quote is the reporter's.
        (
            "Mayor Lena Ortiz spoke at the harbour on Friday.\n"
            "She notes that the right to protest comes with the limit that you cannot shout "
            "“fire” on a crowded pier.",
            "fire",
            "She notes",
            "Lena Ortiz",
        ),
        # A dateline the parse hung on the subject is no part of the speaker; a hyphen
        # inside a name is no dateline's dash.
        (
            "OSTRA, Vel. (AP) — Veteran harbourmaster Tomas Berg says he does not use the old "
            "pier much anymore because it has gone “soft” and the planks are “rotten.”",
            "soft",
            "Veteran harbourmaster Tomas Berg",
            "Tomas Berg",
        ),
        (
            "“People are starting to think the harbour might matter,” said OPA-West President "
            "Dale Ferris.",
            "People are starting to think the harbour might matter",
            "OPA-West President Dale Ferris",
            "Dale Ferris",
        ),
        # A text as the subject of a cue verb speaks for who sent it ("sent out by X").
        (
            "In addition, a fundraising email sent out by Mayor Lena Ortiz on Tuesday night "
            "warned of the tough fight ahead: “There are 14 harbour votes over the next three "
            "weeks, and you can be certain that our victory tonight will prompt a response.”",
            "There are 14 harbour votes over the next three weeks, and you can be certain that "
            "our victory tonight will prompt a response.",
            "Mayor Lena Ortiz",
            "Lena Ortiz",
        ),
        # A verb with no subject of its own, joined by "and" to the verb of a reported
        # clause, is the reporter's: the parse hangs it on the inner verb.
        (
            "Mayor Lena Ortiz, speaking at the harbour on Friday, said Tomas Berg is "
            "responsible for the delays and accused him of “wasting the harbour's money for "
            "years.”",
            "wasting the harbour's money for years.",
            "Mayor Lena Ortiz",
            "Lena Ortiz",
        ),
        (
            "Mayor Lena Ortiz spoke to the board on Friday.\n"
            "She noted that Tomas Berg has criticized the council for its spending and called "
            "the budget “reckless.”",
            "reckless.",
            "She noted",
            "Lena Ortiz",
        ),
        # An ad or a video speaks for whoever put it out.
        (
            "Mayor Lena Ortiz released a campaign video on Monday that says “the harbour comes "
            "first.”",
            "the harbour comes first.",
            "Mayor Lena Ortiz",
            "Lena Ortiz",
        ),
        # "prompted X to call it ...": X calls it, not what prompted X; but "would like X to
        # explain" wishes, and the subject speaks on.
        (
            "The delay prompted Councillor Dale Ferris to call the new pier “a monument to waste.”",
            "a monument to waste.",
            "Councillor Dale Ferris",
            "Dale Ferris",
        ),
        (
            "Mayor Lena Ortiz spoke on Monday.\n"
            "She said she would like Tomas Berg to explain the toll but backs him because there "
            "is “no doubt” he is right.",
            "no doubt",
            "she would like",
            "Lena Ortiz",
        ),
        # "X, Ortiz said, called it ...": the aside set off by commas reports the clause.
        (
            "Mayor Lena Ortiz spoke after the vote. The harbour board, Ortiz said, called the "
            "toll “a fair price for a safe pier.”",
            "a fair price for a safe pier.",
            "Ortiz said",
            "Lena Ortiz",
        ),
        # A transcript label glued to the opening mark (no space after the colon).
        (
            "Councillor Dale Ferris questioned Mayor Ilsa Marrow at the hearing.\n"
            'Councillor Dale Ferris (D-Ostra):"I have not heard anyone other than you cite that '
            'figure. Who told you that?"\n'
            'Mayor Ilsa Marrow:"We learned that from the harbour board and its own analysis."',
            "We learned that from the harbour board and its own analysis.",
            "Mayor Ilsa Marrow:",
            "Ilsa Marrow",
        ),
    ],
)
def test_the_clause_that_reports_the_quote_gives_its_speaker(
    resources: Resources, text: str, said: str, written_at: str, speaker: str
) -> None:
    article = make(text, "harbourpost")
    quotes = [q for q in find_quotes([article], resources) if q.text == said]
    assert len(quotes) == 1, [q.text for q in find_quotes([article], resources)]
    mention = quotes[0].mentions[0]
    assert quotes[0].speaker == speaker
    expected = text.index(written_at)
    assert mention.speaker_start == expected, (mention.speaker_text, mention.attribution)
    assert mention.speaker_text is not None and written_at.startswith(mention.speaker_text)


@pytest.mark.parametrize(
    ("text", "said", "written"),
    [
        (
            "Fishermen carried a sign that read “Save our harbour now” past the town hall.",
            "Save our harbour now",
            "a sign",
        ),
        (
            "The guild sent a letter to the council on Monday. “The fact that it is already July "
            "and the pier is still closed shows an appalling indifference,” it read.",
            "The fact that it is already July and the pier is still closed shows an appalling "
            "indifference",
            "it",
        ),
        # An inverted attribution right after the closing mark ("read the email") is surer
        # than a cue verb in the sentence before ("the guild sent out an email stressing").
        (
            "On Saturday, the pier guild sent out a fundraising email stressing the impact its "
            "campaign has had on the council. “Our campaign has already forced the council to "
            "change its mind on the quay and the ferry,” read the email.",
            "Our campaign has already forced the council to change its mind on the quay and the "
            "ferry",
            "the email",
        ),
        # A cue verb after the closing mark that the tagger took for a noun of the phrase
        # before it ("the editorial read", "the pilots state").
        (
            "“If the mayor wants a second term, she should act like a mayor and come to the "
            "harbour,” the editorial read.",
            "If the mayor wants a second term, she should act like a mayor and come to the harbour",
            "the editorial",
        ),
        (
            "“Today, the guild is one of the leading voices in protecting the harbour, and has "
            "been working closely with the council,” the pilots state in the letter, which was "
            "shared with the council on Thursday.",
            "Today, the guild is one of the leading voices in protecting the harbour, and has "
            "been working closely with the council",
            "the pilots",
        ),
        # A verb that says words only with its particle ("cut in", "chimed in").
        (
            "“Tell her I promised you a photo of the pier,” Mayor Lena Ortiz said, and her "
            "husband cut in. “Do not forget the harbour, I have been friends with her since "
            "school.”",
            "Do not forget the harbour, I have been friends with her since school.",
            "her husband",
        ),
        # "protested" says words: its subject, not a cue verb in the sentence before.
        (
            "When the mayor said she would debate on the day Berg had proposed, he looked "
            "surprised. His campaign protested that the mayor’s aides were being "
            "“disingenuous” about the pier.",
            "disingenuous",
            "His campaign",
        ),
        # A sign someone only holds up speaks for itself.
        (
            "At the rally, pilot Tomas Berg held up a sign that read “No new tolls.”",
            "No new tolls.",
            "a sign",
        ),
    ],
)
def test_what_a_text_read_is_its_words(
    resources: Resources, text: str, said: str, written: str
) -> None:
    article = make(text, "harbourpost")
    quotes = [q for q in find_quotes([article], resources) if q.text == said]
    assert len(quotes) == 1, [q.text for q in find_quotes([article], resources)]
    mention = quotes[0].mentions[0]
    assert mention.speaker_text == written
    assert mention.speaker_start == text.rindex(written)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # A family or a nationality as the subject of a verb that is no cue verb: the words
        # are the reporter's framing of a group, not one speaker's.
        (
            "The Lindqvists credited the new harbour for “the best summer our family has ever "
            "had in this town.”",
            "the best summer our family has ever had in this town.",
        ),
        (
            "The Ostrans blamed the council for “the worst season any of us can remember on "
            "this coast.”",
            "the worst season any of us can remember on this coast.",
        ),
    ],
)
def test_a_group_under_a_verb_that_reports_nothing_is_no_speaker(
    resources: Resources, text: str, said: str
) -> None:
    assert quote_holding(resources, text, said).mentions[0].speaker_text is None


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # A cue verb in a clause that only says when ("after X stated ...") speaks for no
        # quote near it: the quote after goes on with the speaker before.
        (
            "“They are not terminable at will,” spokesman Tomas Berg told the Ostra Gazette in "
            "July, after Mayor Lena Ortiz stated an interest in ending the pier contracts. "
            "“These contracts are fully binding.”",
            "These contracts are fully binding.",
            "Tomas Berg",
        ),
        (
            "“We will open the quay in May,” Mayor Lena Ortiz said on Monday, before harbourmaster "
            "Tomas Berg announced the new ferry timetable. “The pier will be ready by then.”",
            "The pier will be ready by then.",
            "Lena Ortiz",
        ),
        # "While" concedes: the main clause is still the speech of the one who said.
        (
            "While Mayor Lena Ortiz said the town remained committed to the pier, the council "
            "will “no longer tolerate an imbalanced deal” with the ferry firm.",
            "no longer tolerate an imbalanced deal",
            "Lena Ortiz",
        ),
    ],
)
def test_a_cue_in_a_clause_of_time_speaks_for_no_quote_near_it(
    resources: Resources, text: str, words: str, speaker: str
) -> None:
    assert quote_holding(resources, text, words).speaker == speaker


@pytest.mark.parametrize(
    ("text", "words", "written"),
    [
        # Verbs that report words without "say" ("confided", "lauded ... for the “...”"):
        # the quote is their subject's, however deep in the clause it stands.
        (
            "Harbourmaster Agnes Thornquist praised the crews on Monday.\n"
            "When the Lindqvists moved to the quay, Tomas Berg confided to her that his parents "
            "had worried because, as newcomers, the Lindqvists were “the first family from the "
            "islands to live on the quay.”",
            "the first family from the islands",
            "Tomas Berg",
        ),
        (
            "“We expect the pier to open in May,” Mayor Lena Ortiz said.\n"
            "The harbourmaster also lauded Ms. Ortiz, whose term ends in June, for leading the "
            "pier’s repairs and for the “needed reforms at the harbour board.”",
            "needed reforms at the harbour board",
            "The harbourmaster",
        ),
        # "recognized that ...": what a board concedes, it says.
        (
            "In rejecting a similar challenge to Berg’s licence to sail in the regatta, which is "
            "scheduled for next week, the board recognized that a suitable court should settle "
            "the matter — “so that all skippers and the public know once and for all the "
            "meaning of ‘harbour resident.’”",
            "so that all skippers and the public know",
            "the board",
        ),
        # "expressed frustration that ...": not the cue of the next sentence.
        (
            "Mayor Lena Ortiz expressed frustration on Monday that the ferry companies were "
            "acting too often as “free riders.” Councillor Dale Ferris has been even harsher in "
            "his remarks, threatening to close the pier.",
            "free riders.",
            "Mayor Lena Ortiz",
        ),
    ],
)
def test_verbs_that_report_words_give_their_subject(
    resources: Resources, text: str, words: str, written: str
) -> None:
    mention = quote_holding(resources, text, words).mentions[0]
    assert mention.speaker_text == written
    assert mention.speaker_start == text.index(written)


def test_a_quote_after_a_clause_of_its_own_is_not_joined_to_the_one_before(
    resources: Resources,
) -> None:
    """ "A," X said, referring to Y. "B.": B follows a clause of its own, so it is a quote
    of its own, not the second piece of A."""
    text = (
        "“We have won ten harbours. He has won three or four,” Ortiz said, referring to Berg. "
        "“Last week, in fact, we had a thousand more votes than him. That is a lot of votes.”"
    )
    second = quote_holding(resources, text, "Last week")
    assert "ten harbours" not in second.text
    assert second.mentions[0].speaker_text == "Ortiz"


@pytest.mark.parametrize(
    ("text", "words", "written", "speaker"),
    [
        # A name inside the quotation marks is a word of the quote, no antecedent for the
        # "she" that attributes it.
        (
            "The harbour board heard from Mayor Lena Ortiz on Monday.\n"
            "“Tomas Berg wants the pier more than anyone in this town,” she said.",
            "Tomas Berg wants the pier",
            "she",
            "Lena Ortiz",
        ),
        # "he" after a name says nothing of it when another person is named between them.
        (
            "Lena Ortiz, who praised Tomas Berg when he was mayor, spoke on Monday.\n"
            "“The pier will open in May,” she said.",
            "The pier will open in May",
            "she",
            "Lena Ortiz",
        ),
        # A gendered role word before the name ("Chairman") rules out "she".
        (
            "Chairman Dale Ferris met Lena Ortiz on Monday. Ferris spoke first.\n"
            "“The quay needs a new roof,” she said.",
            "The quay needs a new roof",
            "she",
            "Lena Ortiz",
        ),
        # "Mrs. Berg" where two Bergs are named: the one the title fits.
        (
            "Anna Berg and her husband, pilot Tomas Berg, run the ferry. Mr. Berg steers the "
            "boat.\n"
            "“We have never missed a crossing,” Mrs. Berg said.",
            "We have never missed a crossing",
            "Mrs. Berg",
            "Anna Berg",
        ),
        # A bare surname two people share: the one the article named in full first, not
        # the one named last ("Hillary Clinton ... her husband, Bill Clinton. ... Clinton").
        (
            "Mayor Anna Berg opened the new pier on Monday with her husband, Tomas Berg, a "
            "pilot.\n"
            "“We have waited ten years for this,” Berg said.",
            "We have waited ten years for this",
            "Berg",
            "Anna Berg",
        ),
        # A relative named beside someone ("his daughter Anna Berg") leaves them the bare
        # surname, though the relative was the first named in full.
        (
            "Berg spoke at the pier on Monday after his daughter Anna Berg praised the crews.\n"
            "“We have waited ten years for this,” Berg said.\n"
            "Tomas Berg has piloted the ferry since 1990.",
            "We have waited ten years for this",
            "Berg",
            "Tomas Berg",
        ),
        (
            "Berg spoke at the pier on Monday after Anna Berg, his daughter, praised the crews.\n"
            "“We have waited ten years for this,” Berg said.\n"
            "Tomas Berg has piloted the ferry since 1990.",
            "We have waited ten years for this",
            "Berg",
            "Tomas Berg",
        ),
        # A name the tagger reads as a company ("Carly Verdino strode onstage") is still a
        # person when the story names someone with its surname a person.
        (
            "Carly Verdino strode onstage at the harbour on Monday.\n"
            "Flying home one night, she vented to her husband, Marco Verdino, that the vote "
            "would be hard.\n"
            "“We will open the pier in May,” Verdino said.",
            "We will open the pier in May",
            "Verdino",
            "Carly Verdino",
        ),
        # "Le Roux" is a surname with its particle, not a first name and a surname.
        (
            "Mayor Sylvie Le Roux opened the pier on Monday. Le Roux is a candidate in the "
            "vote. Ms. Le Roux said the quay was late.\n"
            "“We will open the quay in May,” Le Roux said.",
            "We will open the quay in May",
            "Le Roux",
            "Sylvie Le Roux",
        ),
    ],
)
def test_a_pronoun_or_title_means_the_person_it_fits(
    resources: Resources, text: str, words: str, written: str, speaker: str
) -> None:
    quote = quote_holding(resources, text, words)
    assert quote.mentions[0].speaker_text == written
    assert quote.speaker == speaker


def test_a_closing_pair_of_apostrophes_after_a_stray_space_ends_the_quote(
    resources: Resources,
) -> None:
    """ "''..., '' said Mr. Berg": archives that print quotes as two apostrophes sometimes
    leave a space before the closing pair; the quote still ends there."""
    text = (
        "''The reason the pier was finished on time is that he kept the crews together, '' "
        "said Mr. Berg, who now works for the harbour board."
    )
    quote = quote_holding(resources, text, "The reason the pier")
    assert quote.text.endswith("kept the crews together")
    assert quote.mentions[0].speaker_text == "Mr. Berg"
