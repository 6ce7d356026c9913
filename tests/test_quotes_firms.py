"""Companies as speakers. A company's words that another outlet gives to its chief ("Westrel
Ferries said" and "Westrel Ferries chief executive Annika Dorrell said" over the same words)
were two quotes, the company a speaker apart with one source (the session-11 audit's ferry
story); a firm named after people ("Hollin & Pryce") was taken for one of them. Invented
text."""

from __future__ import annotations

from corroborate.nlp import Resources
from corroborate.quotes import find_quotes
from test_quotes import make

CHIEF = (
    "The bridge on the coast road was closed on Monday after a lorry struck it.\n\n"
    "“The bridge will reopen on Friday, and every lorry will be checked before it crosses,” "
    "Harlow Freight chief executive Ines Varga said in a statement."
)
COMPANY = (
    "A coast road bridge hit by a lorry is to reopen at the end of the week.\n\n"
    "‘The bridge will reopen on Friday, and every lorry will be checked,’ Harlow Freight said."
)


def test_a_company_quoting_its_chief_is_the_chief_s_quote(resources: Resources) -> None:
    articles = [make(CHIEF, "coastwire"), make(COMPANY, "bayradio")]
    quotes = find_quotes(articles, resources)
    found = [q for q in quotes if q.text.startswith("The bridge will reopen")]
    assert len(found) == 1, [(q.speaker, q.text) for q in found]
    assert found[0].speaker == "Ines Varga"
    assert found[0].independent_sources == 2


def test_a_rival_named_in_a_role_is_no_employer(resources: Resources) -> None:
    rival = (
        "The count ends tonight.\n\n"
        "“We will carry every ward in this county,” said Mara Quint's rival, Tomas Berglund."
    )
    own = "The count ends tonight.\n\n“We will carry every ward in this county,” Mara Quint said."
    quotes = find_quotes([make(rival, "countypost"), make(own, "countyradio")], resources)
    speakers = {q.speaker for q in quotes if q.text.startswith("We will carry")}
    assert speakers == {"Tomas Berglund", "Mara Quint"}, speakers


def test_a_firm_named_after_people_is_none_of_them(resources: Resources) -> None:
    text = (
        "Chief executive Ines Tarrant said the heaters were being recalled.\n\n"
        "“Do not wait until it happens to you. Unplug it today and take it back,” "
        "said Tarrant & Vell."
    )
    quotes = find_quotes([make(text, "homenews")], resources)
    (quote,) = [q for q in quotes if q.text.startswith("Do not wait")]
    assert quote.speaker != "Ines Tarrant", quote.speaker
