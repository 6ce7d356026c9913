"""A claim shown as a clause that cannot stand alone carries the sentence it was cut from as
`context`: every format shows it beside the claim, dimmed, and JSON keeps it (schema, read back).
"""

from __future__ import annotations

import json

import pytest

from corroborate.records import Report
from corroborate.render import render
from corroborate.render._view import CONTEXT_LABEL
from corroborate.render.example import example_report
from corroborate.render.html import esc
from corroborate.render.markdown import md
from corroborate.render.terminal import _context, render_text
from corroborate.schema import ReportValidationError, validate_report
from corroborate.schema.load import load_report

SENTENCE = "The crane operator, who <b>signed</b> | the *letter*, walked out and stayed away."
CLAUSE = "… stayed away"


def with_context(status: str) -> tuple[Report, str]:
    """The example report with one claim of `status` shown as a clause, and that claim's id."""
    report = example_report()
    claim = next(c for c in report.claims if c.status == status)
    claim.text, claim.context = CLAUSE, SENTENCE
    return report, claim.id


def shown(report: Report, fmt: str) -> str:
    return render_text(report, width=400) if fmt == "terminal" else render(report, fmt)


def written(fmt: str) -> str:
    """The sentence as the format writes it (escaped for markup)."""
    return {"html": esc(SENTENCE), "markdown": md(SENTENCE), "terminal": SENTENCE}[fmt]


@pytest.mark.parametrize("status", ["corroborated", "single-source", "disputed"])
@pytest.mark.parametrize("fmt", ["html", "markdown", "terminal"])
def test_the_sentence_is_shown_after_the_claim(fmt: str, status: str) -> None:
    report, _ = with_context(status)
    text = shown(report, fmt)
    context = CONTEXT_LABEL + written(fmt)
    assert context in text
    assert text.index(CLAUSE) < text.index(context)
    for claim in report.claims:
        claim.context = None
    assert CONTEXT_LABEL not in shown(report, fmt)


@pytest.mark.parametrize("status", ["corroborated", "single-source", "disputed"])
def test_the_sentence_is_dimmed(status: str) -> None:
    report, claim_id = with_context(status)
    claim = next(c for c in report.claims if c.id == claim_id)
    html = render(report, "html")
    assert f'class="claim-context">{CONTEXT_LABEL}{esc(SENTENCE)}<' in html
    assert ".claim-context { color: var(--muted)" in html
    assert f"_{CONTEXT_LABEL}{md(SENTENCE)}_" in render(report, "markdown")
    assert str(_context(claim).style) == "dim" and SENTENCE in _context(claim).plain


def test_json_keeps_the_sentence_and_the_schema_says_what_it_is() -> None:
    report, claim_id = with_context("corroborated")
    data = json.loads(render(report, "json"))
    validate_report(data)
    (claim,) = [c for c in data["claims"] if c["id"] == claim_id]
    assert claim["context"] == SENTENCE
    assert all(c["context"] is None for c in data["claims"] if c["id"] != claim_id)
    back = load_report(data)
    assert next(c for c in back.claims if c.id == claim_id).context == SENTENCE
    claim["context"] = ["not", "a", "sentence"]
    with pytest.raises(ReportValidationError, match="context"):
        validate_report(data)
