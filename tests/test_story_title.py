"""A story's title is the headline of the article the others copy (a wire story).

Same-day articles were ordered by their file names, so the audit10 sinkhole story was titled
by the one outlet whose count clashed with the others ("Market Row sinkhole: 18 homes empty",
against the wire's and its reprint's 14), and the marathon story by the outlet saying 32
runners went to hospital where the wire and its reprint said 23.
"""

from __future__ import annotations

from corroborate.nlp import Resources
from corroborate.read.text import read_text
from corroborate.story import build_report

WIRE = (
    "Ferry crews at Lornholm returned to work on Monday after a three-day stoppage over "
    "rosters, the operator said in a statement.\n\n"
    "Services to the outer islands will run to the winter timetable until Friday, and extra "
    "sailings will clear the backlog of freight at the quay.\n\n"
    "The union said talks on the rosters would resume next month with a mediator present.\n"
)
OWN = (
    "Skippers on the Lornholm run voted to go back to sea on Sunday night, ending a walkout "
    "that had stranded islanders since Thursday.\n\n"
    "Islanders queued at the quay from dawn on Monday for the first sailing in four days.\n"
)


def test_the_copied_articles_headline_is_the_story_title(resources: Resources) -> None:
    dated = "12 March 2026\n"
    articles = [
        read_text(f"Ferry walkout over{chr(10)}{dated}{OWN}", source="a-local.txt"),
        read_text(f"Lornholm ferry crews end stoppage\n{dated}{WIRE}", source="wire.txt"),
        # an abridged reprint: the wire, cut by its last paragraph
        read_text(
            f"Ferry crews back at work\n{dated}{WIRE.rsplit(chr(10) * 2, 1)[0]}", source="r.txt"
        ),
    ]
    report = build_report(articles, resources=resources)
    assert report.story.independent_sources == 2
    assert report.story.title == "Lornholm ferry crews end stoppage"
