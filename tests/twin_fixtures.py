"""Invented twin events: two different events of one kind, each told by three outlets.

Every person, club, place and outlet is fiction. Each pair shares what twin events of one
kind share in real coverage (ECB+ topics 9 and 10: "Angels offer Teixeira" and, days later,
"Red Sox offer Teixeira"): the person acted on, the place, the institutions, the vocabulary
and the time of year; what differs is who acted, where exactly, and the figures.
"""

from __future__ import annotations

from typing import Any

# (outlet, title, text, published) for each article of each event.
Event = list[tuple[str, str, str, str]]

# Two clubs' offers to one striker, a week apart.
HARWICK_OFFER: Event = [
    (
        "Northern Ledger",
        "Harwick Rovers offer Verhoek four-year deal",
        "Harwick Rovers have offered striker Tomas Verhoek a four-year contract worth 38 million "
        "crowns, the club's director of football Alun Pryce confirmed on Monday. Verhoek, 27, "
        "is a free agent after leaving Dorn United in the summer.\n\nPryce said Harwick had met "
        "Verhoek's agent Piet Anselm twice in Harwick and that the offer was the largest in "
        "the club's history. Anselm said his client would take his time.",
        "2026-01-12",
    ),
    (
        "Coastal Courier",
        "Rovers make record bid for Verhoek",
        "Harwick Rovers manager Jens Morrow wants Tomas Verhoek leading his attack next season, "
        "and the club has put a four-year, 38 million crown contract on the table.\n\nAlun "
        "Pryce, Harwick's director of football, flew to meet agent Piet Anselm last week. The "
        "former Dorn United striker scored 21 goals last season.",
        "2026-01-12",
    ),
    (
        "Valley Post",
        "Verhoek weighs Harwick offer",
        "Free-agent striker Tomas Verhoek is considering a four-year offer from Harwick Rovers, "
        "his agent Piet Anselm said on Tuesday.\n\nHarwick's bid, worth 38 million crowns, would "
        "make Verhoek the best-paid player in the club's history, said Alun Pryce. Manager Jens "
        "Morrow called the Dorn United forward the missing piece of his side.",
        "2026-01-13",
    ),
]
CASTLEFORD_OFFER: Event = [
    (
        "Northern Ledger",
        "Castleford Athletic offer Verhoek five-year deal",
        "Castleford Athletic have offered striker Tomas Verhoek a five-year contract worth 45 "
        "million crowns, chairman Oskar Lindell confirmed on Sunday. Verhoek, 27, left Dorn "
        "United in the summer and is a free agent.\n\nLindell said Castleford had met Verhoek's "
        "agent Piet Anselm in Castleford on Saturday. Anselm said his client would take his "
        "time over the offer.",
        "2026-01-18",
    ),
    (
        "Harbour Gazette",
        "Athletic top every bid for Verhoek",
        "Castleford Athletic coach Ruud Seppings wants Tomas Verhoek, and his club has put a "
        "five-year, 45 million crown contract on the table, the largest offer in the club's "
        "history.\n\nOskar Lindell, Castleford's chairman, met agent Piet Anselm at the weekend. "
        "The former Dorn United striker scored 21 goals last season.",
        "2026-01-18",
    ),
    (
        "Valley Post",
        "Castleford bid for Verhoek confirmed",
        "Free-agent striker Tomas Verhoek is weighing a five-year offer from Castleford "
        "Athletic, agent Piet Anselm said on Monday.\n\nCastleford's bid, worth 45 million "
        "crowns, would make Verhoek the best-paid player in the club's history, said Oskar "
        "Lindell. Coach Ruud Seppings called the Dorn United forward the finisher his side "
        "lacked.",
        "2026-01-19",
    ),
]

# Two earthquakes in one province, three weeks apart.
ESTREL_QUAKE: Event = [
    (
        "Northern Ledger",
        "Quake kills 14 in Marrano province",
        "A magnitude 6.1 earthquake struck near the town of Estrel in Marrano province early on "
        "Tuesday, killing 14 people, the National Seismology Institute said. Rescue teams were "
        "searching collapsed houses in Estrel and nearby Sorbe.\n\nMarrano's governor Ines "
        "Calvo said 230 people were injured. Aftershocks shook the province through the "
        "morning.",
        "2026-02-03",
    ),
    (
        "Coastal Courier",
        "Estrel earthquake: rescuers dig through rubble",
        "Rescuers in Estrel pulled survivors from collapsed homes after a 6.1 magnitude quake hit "
        "Marrano province on Tuesday. The death toll stands at 14, governor Ines Calvo said.\n\n"
        "The National Seismology Institute placed the epicentre 9 km below Estrel. The town of "
        "Sorbe was also badly damaged and 230 people were hurt.",
        "2026-02-03",
    ),
    (
        "Valley Post",
        "Marrano quake toll at 14",
        "Fourteen people died when a 6.1 earthquake shook Estrel in Marrano province, officials "
        "said on Wednesday.\n\nGovernor Ines Calvo visited Sorbe, where a school collapsed, and "
        "said 230 people had been injured. The National Seismology Institute recorded "
        "aftershocks through the night.",
        "2026-02-04",
    ),
]
VALDY_QUAKE: Event = [
    (
        "Northern Ledger",
        "Quake kills three in Marrano province",
        "A magnitude 5.4 earthquake struck near the town of Valdy in Marrano province on Monday "
        "evening, killing three people, the National Seismology Institute said. Rescue teams were "
        "searching damaged houses in Valdy and nearby Tolosa.\n\nMarrano's governor Ines Calvo "
        "said 41 people were injured. Aftershocks shook the province through the night.",
        "2026-02-23",
    ),
    (
        "Harbour Gazette",
        "Valdy earthquake: homes damaged, three dead",
        "Rescuers in Valdy searched damaged homes after a 5.4 magnitude quake hit Marrano "
        "province on Monday. The death toll stands at three, governor Ines Calvo said.\n\nThe "
        "National Seismology Institute placed the epicentre 14 km below Valdy. The village of "
        "Tolosa was also damaged and 41 people were hurt.",
        "2026-02-23",
    ),
    (
        "Valley Post",
        "Second Marrano quake kills three",
        "Three people died when a 5.4 earthquake shook Valdy in Marrano province, officials said "
        "on Tuesday.\n\nGovernor Ines Calvo visited Tolosa, where a church tower fell, and said "
        "41 people had been injured. The National Seismology Institute recorded aftershocks "
        "through the night.",
        "2026-02-24",
    ),
]

# Two celebrities entering one clinic, a month apart.
MARLOWE_REHAB: Event = [
    (
        "Northern Ledger",
        "Lena Marlowe checks into Halcyon Springs",
        "Singer Lena Marlowe has checked into the Halcyon Springs treatment centre in Corvale, "
        'her publicist Dana Whitcombe said on Friday.\n\n"Lena asks for privacy for herself '
        'and her family at this time," Whitcombe said. Marlowe, 31, cancelled the last four '
        "dates of her Glasslight tour last month.",
        "2026-03-06",
    ),
    (
        "Coastal Courier",
        "Marlowe enters rehab after tour cancelled",
        "Lena Marlowe is in rehab at Halcyon Springs, the Corvale clinic, her publicist Dana "
        "Whitcombe confirmed.\n\nThe singer called off four Glasslight tour dates in February. "
        "Whitcombe would not say what Marlowe, 31, was being treated for.",
        "2026-03-06",
    ),
    (
        "Valley Post",
        "Singer Marlowe seeks treatment",
        "Lena Marlowe has entered the Halcyon Springs treatment centre in Corvale, a month after "
        "she cancelled the end of her Glasslight tour.\n\nHer publicist Dana Whitcombe asked for "
        "privacy. Friends of the 31-year-old singer said her family supported her decision.",
        "2026-03-07",
    ),
]
ASHGROVE_REHAB: Event = [
    (
        "Northern Ledger",
        "Devin Ashgrove checks into Halcyon Springs",
        "Actor Devin Ashgrove has checked into the Halcyon Springs treatment centre in Corvale, "
        'his manager Rhea Tolland said on Thursday.\n\n"Devin asks for privacy for himself and '
        'his family at this time," Tolland said. Ashgrove, 44, left the set of the film '
        "Harrowgate last week.",
        "2026-04-09",
    ),
    (
        "Harbour Gazette",
        "Ashgrove enters rehab after leaving film",
        "Devin Ashgrove is in rehab at Halcyon Springs, the Corvale clinic, his manager Rhea "
        "Tolland confirmed.\n\nThe actor walked off the set of Harrowgate this month. Tolland "
        "would not say what Ashgrove, 44, was being treated for.",
        "2026-04-09",
    ),
    (
        "Valley Post",
        "Actor Ashgrove seeks treatment",
        "Devin Ashgrove has entered the Halcyon Springs treatment centre in Corvale, a week "
        "after he left the set of the film Harrowgate.\n\nHis manager Rhea Tolland asked for "
        "privacy. Friends of the 44-year-old actor said his family supported his decision.",
        "2026-04-10",
    ),
]

TWINS: dict[str, tuple[Event, Event]] = {
    "signing": (HARWICK_OFFER, CASTLEFORD_OFFER),
    "earthquake": (ESTREL_QUAKE, VALDY_QUAKE),
    "rehab": (MARLOWE_REHAB, ASHGROVE_REHAB),
}


def twin_rows() -> list[dict[str, Any]]:
    """JSON-lines rows of every twin event's articles; `event` is '<kind>-<0|1>'."""
    found = []
    for kind, pair in TWINS.items():
        for side, event in enumerate(pair):
            for index, (outlet, title, text, published) in enumerate(event):
                found.append(
                    {
                        "id": f"{kind}-{side}-{index}",
                        "event": f"{kind}-{side}",
                        "outlet": outlet,
                        "title": title,
                        "text": text,
                        "published": published,
                    }
                )
    return found
