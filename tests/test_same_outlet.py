"""One outlet is one source: its follow-up article joins its first article's source group.

The session-12 audit's verdict and transfer stories each have an outlet writing twice (a
Tuesday report and a Wednesday update): both articles counted as independent sources, so an
outlet's own follow-up "corroborated" its first report. Fixtures are invented.
"""

from __future__ import annotations

import json
from pathlib import Path

from corroborate.copies import join_outlets
from corroborate.nlp import Resources
from corroborate.read import read_inputs
from corroborate.read.text import read_text
from corroborate.records import SAME_OUTLET, Article, CopyEvidence, SourceGroup
from corroborate.render import render_markdown
from corroborate.story import build_report


def _article(id_: str, outlet: str | None) -> Article:
    article = read_text(f"Headline {id_}\n\nSome text of {id_}.\n", source=f"{id_}.txt")
    article.id, article.outlet, article.source_group = id_, outlet, id_
    return article


def _group(*ids: str) -> SourceGroup:
    return SourceGroup(id=f"g-{ids[0]}", articles=list(ids), origin=ids[0])


def test_an_outlets_articles_become_one_group_named_by_the_pair() -> None:
    articles = [
        _article("tue", "The Harbour Gazette"),
        _article("other", "Coastline Radio"),
        _article("wed", "harbour  gazette"),
        _article("anon-1", None),
        _article("anon-2", None),
    ]
    groups = join_outlets([_group(a.id) for a in articles], articles)
    assert [g.articles for g in groups] == [["tue", "wed"], ["other"], ["anon-1"], ["anon-2"]]
    (evidence,) = groups[0].evidence
    assert (evidence.article, evidence.origin, evidence.kind) == ("wed", "tue", SAME_OUTLET)
    assert evidence.passages == []
    assert articles[2].source_group == "g-tue"
    assert articles[2].copy_of is None  # a follow-up copies nobody


def test_an_outlet_no_one_named_joins_nothing(tmp_path: Path) -> None:
    export = tmp_path / "crawl-export.jsonl"
    rows = [
        {"title": "Baths approved", "text": "Councillors approved the baths on Monday."},
        {"title": "Pool plan passes", "text": "The council voted for a new pool on Monday."},
        {"title": "Baths vote", "url": "https://moor-radio.example/a", "text": "Baths backed."},
        {"title": "Baths cost", "url": "https://moor-radio.example/b", "text": "They cost a lot."},
    ]
    export.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    articles = [a for a in read_inputs([str(export)]) if isinstance(a, Article)]
    assert [a.outlet for a in articles] == ["crawl-export"] * 2 + ["moor-radio.example"] * 2
    groups = join_outlets([_group(a.id) for a in articles], articles)
    # the file's name is no outlet anyone named: its rows stay two sources; a URL's host is one
    assert [len(g.articles) for g in groups] == [1, 1, 2]


def test_a_follow_up_joins_through_its_outlets_article_in_a_copy_group() -> None:
    wire, reprint, follow_up = (
        _article("wire", "Keystone News"),
        _article("reprint", "Fellside Courier"),
        _article("own", "fellside courier"),
    )
    reprint.copy_of = "wire"
    copied = SourceGroup(
        id="g-wire",
        articles=["wire", "reprint"],
        origin="wire",
        evidence=[CopyEvidence(article="reprint", origin="wire", kind="verbatim", similarity=1.0)],
    )
    (group,) = join_outlets([copied, _group("own")], [wire, reprint, follow_up])
    assert group.articles == ["wire", "reprint", "own"]
    assert [(e.article, e.origin, e.kind) for e in group.evidence] == [
        ("reprint", "wire", "verbatim"),
        ("own", "reprint", SAME_OUTLET),  # the outlet's other article, not the wire
    ]


TUESDAY = (
    "Councillors in Brackenmoor approved a budget of 4.2 million pounds for the new swimming "
    "baths on Monday night after a debate of three hours.\n\n"
    "The baths on Quarry Lane are due to open in the spring of 2028, the council said.\n"
)
WEDNESDAY = (
    "Work on the Quarry Lane baths in Brackenmoor will begin in June, a day after councillors "
    "approved a budget of 4.2 million pounds for the project after a debate of three hours.\n\n"
    "The baths on Quarry Lane are due to open in the spring of 2028, the council said.\n"
)
OTHER = (
    "Brackenmoor's new swimming baths will cost 4.2 million pounds, after the council's vote on "
    "Monday evening.\n\n"
    "Residents had campaigned for a pool in the town for more than a decade.\n"
)


def test_an_outlets_follow_up_does_not_corroborate_its_own_report(resources: Resources) -> None:
    articles = [
        read_text(f"Council backs baths\n10 March 2026\n{TUESDAY}", source="gazette-tue.txt"),
        read_text(f"Baths work to start\n11 March 2026\n{WEDNESDAY}", source="gazette-wed.txt"),
        read_text(f"Pool plan approved\n10 March 2026\n{OTHER}", source="radio.txt"),
    ]
    for article, outlet in zip(articles, ["Brackenmoor Gazette"] * 2 + ["Moor Radio"], strict=True):
        article.outlet = outlet
    report = build_report(articles, resources=resources)
    assert report.story.independent_sources == 2
    opening = next(c for c in report.claims if "spring of 2028" in c.text)
    assert len({m.article for m in opening.mentions}) == 2  # both Gazette articles state it
    assert (opening.independent_sources, opening.status) == (1, "single-source")
    debate = [f for f in report.figures if any("three hours" in v.as_written for v in f.values)]
    assert [(f.status, f.reason) for f in debate] == [
        ("single-source", "stated by 2 articles of one outlet: one source")
    ]
    text = render_markdown(report)
    assert "and 1 more article by the same outlet" in text
    assert "another article by the same outlet, no copy" in text
    assert "copies [" not in text  # no article is said to copy another
