"""The figure ledger: forms of numbers, what is not a figure, subjects, agree/conflict, updates.

Every sentence here is invented (invented places, outlets and people).
"""

from __future__ import annotations

import hashlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.figures import build_ledger, read_quantities
from corroborate.figures.ledger import values_agree
from corroborate.nlp import Resources
from corroborate.records import Article, Figure, Paragraph, Removed
from corroborate.segment import segment_article


def make(text: str, outlet: str, *, group: str | None = None, date: str | None = None) -> Article:
    """An article whose paragraphs are its non-empty lines, segmented into sentences."""
    # Content-derived ids, as the readers make them: parses are cached per id.
    key = hashlib.sha1(f"{outlet}\n{text}".encode()).hexdigest()[:12]
    article = Article(id=f"a-{key}", source=f"{outlet}.txt", text=text, outlet=outlet)
    article.published = date
    article.paragraphs = [
        Paragraph(m.start(), m.end()) for m in re.finditer(r"\S[^\n]*\S|\S", text)
    ]
    article.source_group = group or f"g-{outlet}"
    return segment_article(article)


def holding(figures: list[Figure], article: Article, written: str, after: int = 0) -> Figure:
    start = article.text.index(written, after)
    for figure in figures:
        for value in figure.values:
            for m in value.mentions:
                if m.article == article.id and m.start < start + len(written) and start < m.end:
                    return figure
    raise AssertionError(f"no figure holds {written!r}: {[f.subject for f in figures]}")


def assert_apart(resources: Resources, first: str, second: str, fa: str, fb: str) -> None:
    """Two outlets' sentences: figure `fa` of the first and `fb` of the second are separate
    figures, and nothing in the ledger is a conflict."""
    a, b = make(first, "one"), make(second, "two")
    figures = build_ledger([a, b], resources)
    assert holding(figures, a, fa) is not holding(figures, b, fb)
    assert all(f.status != "conflict" for f in figures)


def assert_together(
    resources: Resources, first: str, second: str, fa: str, fb: str, status: str
) -> tuple[list[Figure], Figure]:
    """Two outlets' sentences: `fa` and `fb` are one figure, with the given status (the ledger
    and that figure are returned for further checks)."""
    a, b = make(first, "one"), make(second, "two")
    figures = build_ledger([a, b], resources)
    figure = holding(figures, a, fa)
    assert figure is holding(figures, b, fb)
    assert figure.status == status
    return figures, figure


def assert_one_figure(resources: Resources, first: str, second: str, fa: str, fb: str) -> None:
    """`fa` and `fb` are one figure: rivals as written, in agreement when `fb` is `fa`."""
    assert_together(resources, first, second, fa, fb, "conflict")
    assert_together(resources, first, second.replace(fb, fa), fa, fa, "agree")


def assert_two_things(resources: Resources, first: str, second: str, fa: str, fb: str) -> None:
    """`fa` and `fb` are two figures, never rivals; the first sentence told again with `fb`
    is one figure in conflict (what splits them is the words, not the values)."""
    assert_apart(resources, first, second, fa, fb)
    assert_together(resources, first, first.replace(fa, fb), fa, fb, "conflict")


def one(text: str) -> tuple[float | None, float | None, float | None, str, bool, str]:
    found = read_quantities(text)
    assert len(found) == 1, [q.as_written for q in found]
    q = found[0]
    return q.value, q.low, q.high, q.unit, q.approximate, q.as_written


# --- forms ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The grant is $185 million.", 185e6, "USD"),
        ("The grant is 185m dollars.", 185e6, "USD"),
        ("The grant is $185mn.", 185e6, "USD"),
        ("The bill is £4.2bn.", 4.2e9, "GBP"),
        ("The fund is €2.5bn.", 2.5e9, "EUR"),
        ("The fund is 40 million euros.", 40e6, "EUR"),
        ("The fine is CHF 2 million.", 2e6, "CHF"),
        ("Revenue was US$3.1 billion.", 3.1e9, "USD"),
        ("Turnout was 5%.", 5, "percent"),
        ("Turnout was five percent.", 5, "percent"),
        ("Turnout was 5 per cent.", 5, "percent"),
        ("Turnout was 2.33%.", 2.33, "percent"),
        ("Turnout was ninety-five percent.", 95, "percent"),
        ("Output fell 1.5 percentage points.", 1.5, "percentage points"),
        ("Two-thirds of the wells ran dry.", 200 / 3, "percent"),
        ("One in five homes lacks water.", 20, "percent"),
        ("The storm sank twenty-three boats.", 23, "count"),
        ("Two hundred and fifty miners struck.", 250, "count"),
        ("A dozen boats were seized.", 12, "count"),
        ("Half a million litres leaked.", 5e5, "litres"),
        ("The ferry carried 1,146 passengers.", 1146, "count"),
        ("Rain reached 180 mm overnight.", 180, "mm"),
        ("The strike lasted 18 hours.", 18, "hours"),
    ],
)
def test_forms_are_read_and_normalised(text: str, value: float, unit: str) -> None:
    got_value, low, high, got_unit, _, written = one(text)
    assert got_value == pytest.approx(value)
    assert (low, high, got_unit) == (None, None, unit)
    assert written in text


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "approximate"),
    [
        ("At least 28 people were hurt.", 28, 28, None, False),
        ("More than 40 countries came.", 40, 40, None, False),
        ("It should rise to north of three percent.", 3, 3, None, False),
        ("It is likely exceeding '3%' soon.", 3, 3, None, False),
        ("Just over 40% have had it.", 40, 40, None, True),
        ("Up to 500 tonnes a day.", 500, None, 500, False),
        ("Nearly 3,000 homes flooded.", 3000, None, 3000, True),
        ("Fewer than 100 residents stayed.", 100, None, 100, False),
        ("Prices rose around 4% in May.", 4, None, None, True),
        ("Rebels hold around a fifth of the land.", 20, None, None, True),
        ("Some 600 volunteers came.", 600, None, None, True),
        ("Between 10 and 12 fishermen are missing.", None, 10, 12, False),
        ("Growth is forecast at 1.5-2% this year.", None, 1.5, 2, False),
        ("Repairs will cost $3 million to $5 million.", None, 3e6, 5e6, False),
    ],
)
def test_bounds_ranges_and_approximation(
    text: str, value: float | None, low: float | None, high: float | None, approximate: bool
) -> None:
    got = one(text)
    assert got[:3] == (
        pytest.approx(value) if value is not None else None,
        pytest.approx(low) if low is not None else None,
        pytest.approx(high) if high is not None else None,
    )
    assert got[4] is approximate


@pytest.mark.parametrize(
    "text",
    [
        "The treaty was signed on 11 February 2025.",
        "The region was annexed in March 2014.",
        "They want a return to the pre-2014 borders.",
        "The suspect, a 24-year-old man, was held.",
        "The driver, aged 63, was unhurt.",
        "Members invoked Article 5 of the treaty.",
        "Resolution 2231 was adopted.",
        "The crash happened before 11 am.",
        "Crews arrived at 10:45 on Monday.",
        "The gauge failed at around 2 a.m. on Tuesday.",
        "It has only happened once, after 9/11.",
        "The G7 leaders met; two F-16s flew past.",
        "The ceremony marked the 75th anniversary.",
        "The offensive began six months ago.",
        "Call 0800 123 456 for advice.",
        "The children, aged between 6 and 11, were rescued.",
        "One of the ministers resigned.",
        "Thousands of people marched.",
        "The Boeing 737 landed; a Leopard 2 tank rolled past.",
        "It happened in the 12000 block of East Street.",
    ],
)
def test_dates_times_ages_and_labels_are_not_figures(text: str) -> None:
    found = [q.as_written for q in read_quantities(text) if q.unit != "count" or "F-16" not in text]
    assert [w for w in found if w.lower() != "two"] == []


def test_a_conversion_in_brackets_is_the_same_figure() -> None:
    found = read_quantities("Damage was put at $US1 million ($1.52 million), police said.")
    assert [(q.as_written, q.unit) for q in found] == [("$US1 million", "USD")]


def test_from_to_is_two_figures_not_a_range() -> None:
    found = read_quantities("The tax will fall from 20% to 18%.")
    assert [(q.value, q.low, q.high) for q in found] == [(20, None, None), (18, None, None)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.%$£€-abcmnkAt least")), max_size=60))
def test_spans_always_point_at_what_was_read(text: str) -> None:
    for q in read_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.as_written
        assert q.start <= q.number_start < q.number_end <= q.end


# --- agreement -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "agree"),
    [
        ("It is 2.3%.", "It is 2.33%.", True),
        ("It is 2.3%.", "It is 2.4%.", False),
        ("It will be north of three percent.", "It is likely exceeding 3% soon.", True),
        ("At least 20 were hurt.", "28 were hurt.", True),
        ("At least 30 were hurt.", "28 were hurt.", False),
        ("12 people died.", "15 people died.", False),
        ("More than 40 came.", "35 came.", False),
        ("Around a fifth of it.", "Roughly 20% of it.", True),
        ("Nearly 3,000 fled.", "About 2,900 fled.", True),
        ("Between 10 and 12 are missing.", "11 are missing.", True),
        ("It is $185 million.", "It is 185m dollars.", True),
        ("It is five percent.", "It is 5%.", True),
        # an estimate that reaches a ceiling covers half of it and up; a plain ceiling is open
        ("As many as 20,000 fled.", "4,500 fled.", False),
        ("As many as 20,000 fled.", "18,000 fled.", True),
        ("Up to 300 were sent.", "120 were sent.", False),
        ("Fewer than 100 remain.", "30 remain.", True),
        # a floor reaches three times itself; units of one dimension are compared converted
        ("More than 3,000 were sold.", "26,000 were sold.", False),
        ("At least 17 died.", "40 died.", True),
        ("It weighs 2.5 tonnes.", "It weighs 2,500 kg.", True),
        ("It is 2.8km long.", "It is 2,800 metres long.", True),
        ("It is 12,000 hectares.", "It is 12,000 acres.", False),
        # a share in words is a rounded share, a point either side
        ("Two-thirds of them agree.", "66% of them agree.", True),
        ("Half of them agree.", "49% of them agree.", True),
        ("A third of them agree.", "29% of them agree.", False),
    ],
)
def test_values_agree_within_precision_and_bounds(first: str, second: str, agree: bool) -> None:
    a, b = read_quantities(first)[0], read_quantities(second)[0]
    assert values_agree(a, b) is agree
    assert values_agree(b, a) is agree


# --- the ledger ----------------------------------------------------------------------------


def test_same_figure_across_outlets_agrees_and_counts_sources(resources: Resources) -> None:
    a = make("The Velmark government announced an aid package of $185 million.", "one")
    b = make("Velmark announced a $185m aid package for the region.", "two")
    figures = build_ledger([a, b], resources)
    figure = holding(figures, a, "$185 million")
    assert figure is holding(figures, b, "$185m")
    assert figure.status == "agree"
    assert sum(v.independent_sources for v in figure.values) == 2


def test_copies_count_as_one_source(resources: Resources) -> None:
    text = "The Velmark government announced an aid package of $185 million."
    a = make(text, "wire", group="g-wire")
    b = make(text + "\nIt was welcomed.", "reprint", group="g-wire")
    figure = holding(build_ledger([a, b], resources), a, "$185 million")
    assert figure.status == "single-source"
    assert [v.independent_sources for v in figure.values] == [1]
    assert sorted(figure.values[0].articles) == sorted([a.id, b.id])


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb"),
    [
        (
            "Velmark currently spends 2.3% of its GDP on defence.",
            "Ostria currently spends 3.4% of its GDP on defence.",
            "2.3%",
            "3.4%",
        ),
        (
            "The alliance's current target is 2% of GDP.",
            "The president demanded that members raise the alliance's target to 5% of GDP.",
            "2%",
            "5%",
        ),
        ("The Dunmere flood killed 12 people.", "The Dunmere flood injured 15 people.", "12", "15"),
        (
            "Minister Oren Talbot expects the levy to rise to 3%.",
            "Governor Ilsa Marrow has called for the levy to rise to 5%.",
            "3%",
            "5%",
        ),
        (
            "The wildfire burned 12,000 hectares near Portvale.",
            "The wildfire burned 12,000 acres near Portvale.",
            "12,000 hectares",
            "12,000 acres",
        ),
    ],
)
def test_different_subjects_never_line_up(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    a, b = make(first, "one"), make(second, "two")
    figures = build_ledger([a, b], resources)
    assert holding(figures, a, fa) is not holding(figures, b, fb)


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb", "status"),
    [
        (
            "Twelve people died in the Dunmere flood, the mayor said.",
            "The Dunmere flood killed 15 people, according to the coastguard.",
            "Twelve",
            "15",
            "conflict",
        ),
        (
            "Ostria's defence budget is currently 2.33% of GDP.",
            "Ostria spends about 2.3% of GDP on defence.",
            "2.33%",
            "about 2.3%",
            "agree",
        ),
        (
            "More than 40 countries attended the Portvale summit.",
            "Delegations from 43 countries came to the Portvale summit.",
            "More than 40",
            "43",
            "agree",
        ),
        (
            "Nearly 3,000 homes were flooded in Dunmere.",
            "Some 4,500 homes in Dunmere were flooded.",
            "Nearly 3,000",
            "Some 4,500",
            "conflict",
        ),
    ],
)
def test_agree_and_conflict(
    resources: Resources, first: str, second: str, fa: str, fb: str, status: str
) -> None:
    figures, figure = assert_together(resources, first, second, fa, fb, status)
    assert figure.reason
    if status == "conflict":
        assert figures[0] is figure  # conflicts come first
        assert all(v.independent_sources == 1 for v in figure.values)


@pytest.mark.parametrize(("date_b", "updated"), [("2026-03-04", True), ("2026-03-02", False)])
def test_a_later_report_is_an_update_not_a_conflict(
    resources: Resources, date_b: str, updated: bool
) -> None:
    a = make("The Dunmere flood killed 12 people.", "one", date="2026-03-02")
    b = make("The Dunmere flood killed 15 people.", "two", date=date_b)
    figures = build_ledger([a, b], resources)
    figure = holding(figures, a, "12")
    assert figure is holding(figures, b, "15")
    assert figure.updated is updated
    assert (figure.status == "conflict") is not updated


def test_removed_text_never_becomes_a_figure(resources: Resources) -> None:
    story = "The Velmark council approved $12 million for the harbour."
    junk = "Related: 28 injured as car hits crowd in another city"
    a = make(story + "\n" + junk, "page")
    start = a.text.index(junk)
    a.removed = [Removed(start, start + len(junk), "teaser", junk)]
    a.paragraphs = [p for p in a.paragraphs if p.start < start]
    segment_article(a)
    figures = build_ledger([a], resources)
    spans = [(m.start, m.end) for f in figures for v in f.values for m in v.mentions]
    assert spans and all(end <= start for _, end in spans)


def test_every_mention_points_at_its_text(resources: Resources) -> None:
    a = make("Officials said 3,400 people fled and the river rose 2.4 metres.", "one")
    for figure in build_ledger([a], resources):
        for value in figure.values:
            for m in value.mentions:
                assert a.text[m.start : m.end] == m.text == m.as_written
                assert m.sentence_start is not None and m.sentence_end is not None
                assert a.text[m.sentence_start : m.sentence_end] == m.sentence
                assert m.sentence_start <= m.start < m.end <= m.sentence_end


# --- the demo corpus -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_ledger(resources: Resources) -> tuple[list[Figure], dict[str, Article]]:
    from corroborate.clean import clean_articles
    from corroborate.copies import find_copies
    from corroborate.demo import demo_inputs
    from corroborate.read import read_inputs

    articles = [a for a in read_inputs(demo_inputs()) if isinstance(a, Article)]
    clean_articles(articles)
    for article in articles:
        segment_article(article)
    find_copies(articles)
    by_file = {a.source.rsplit("/", 1)[-1].split(":")[0]: a for a in articles}
    return build_ledger(articles, resources), by_file


def _demo_figures() -> list[dict[str, object]]:
    from corroborate.demo import manifest

    return list(manifest()["figures"])


@pytest.mark.parametrize("truth", _demo_figures(), ids=lambda t: str(t["id"]))
def test_demo_corpus_figures_come_out_as_the_manifest_says(
    demo_ledger: tuple[list[Figure], dict[str, Article]], truth: dict[str, object]
) -> None:
    figures, by_file = demo_ledger
    found = set()
    for value in truth["values"]:  # type: ignore[attr-defined]
        article = by_file[value["file"]]
        context = article.text.index(value["context"])
        found.add(holding(figures, article, value["as_written"], context).id)
    assert len(found) == 1, truth["id"]
    figure = next(f for f in figures if f.id in found)
    assert figure.status == truth["expected_status"]
    expected = truth.get("independent_sources")
    if isinstance(expected, dict):
        got = {v.as_written.lower(): v.independent_sources for v in figure.values}
        assert {k: got[k] for k in expected} == expected
    elif isinstance(expected, int) and figure.status != "conflict":
        assert sum(v.independent_sources for v in figure.values) >= expected
        assert max(v.independent_sources for v in figure.values) <= expected


@pytest.mark.parametrize(
    ("text", "written", "words"),
    [
        (
            "The Velmark government announced an aid package of $185 million.",
            "$185 million",
            ["package"],
        ),
        ("Velmark currently spends 2.3% of its GDP on defence.", "2.3%", ["Velmark", "GDP"]),
        ("The Dunmere flood killed 12 people.", "12", ["people", "killed"]),
        ("Governor Ilsa Marrow has called for the levy to rise to 5%.", "5%", ["levy", "demanded"]),
    ],
)
def test_subject_line_names_what_is_measured(
    resources: Resources, text: str, written: str, words: list[str]
) -> None:
    a = make(text, "one")
    subject = holding(build_ledger([a], resources), a, written).subject
    assert all(word in subject for word in words), subject


# --- detokenised spacing ("1, 500", "5. 3 million") and subjects of acts, places, polls ----


@pytest.mark.parametrize(
    ("text", "value", "unit", "written"),
    [
        ("Around 3, 400 people queued outside.", 3400, "count", "Around 3, 400"),
        ("The bill came to $7. 2 million in the end.", 7.2e6, "USD", "$7. 2 million"),
        ("Growth was 1. 8 percent last quarter.", 1.8, "percent", "1. 8 percent"),
        ("The town paid £2, 750 to each family.", 2750, "GBP", "£2, 750"),
        ("The survey put the tremor at 5. 7, below earlier readings.", 5.7, "count", "5. 7"),
    ],
)
def test_spaced_thousands_and_decimals_are_one_number(
    text: str, value: float, unit: str, written: str
) -> None:
    got_value, _, _, got_unit, _, got_written = one(text)
    assert (got_value, got_unit, got_written) == (pytest.approx(value), unit, written)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("On April 9, 250 runners set off from Tarnby.", [250]),
        ("The crews had 11, 240 and 390 members.", [11, 240, 390]),
        ("Under Article 4, 600 staff were moved.", [600]),
        ("The ferry left at 7. 45 pm on Sunday.", []),
    ],
)
def test_spaced_numbers_that_are_not_one_number(text: str, values: list[float]) -> None:
    assert [q.value for q in read_quantities(text)] == values


def test_a_sentence_split_inside_a_decimal_is_read_whole(resources: Resources) -> None:
    article = make("The Tarnby quay cost $4. 6 million to rebuild, the port said.", "one")
    figures = build_ledger([article], resources)
    values = [v.value for f in figures for v in f.values]
    assert values == [pytest.approx(4.6e6)]
    mention = figures[0].values[0].mentions[0]
    assert article.text[mention.start : mention.end] == "$4. 6 million"


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb"),
    [
        (
            "Ostmark will send 200 troops to Harrowland.",
            "Pellin plans to deploy 350 soldiers in Harrowland.",
            "200",
            "350",
        ),
        (
            "Rescuers flew the wounded from Tarnby to Belcaster, a city of 400,000 people.",
            "Tarnby, home to 90,000 people, lost power overnight.",
            "400,000",
            "90,000",
        ),
        (
            "A poll for the Harrow Gazette found that 41 percent of voters back the plan.",
            "A poll by the Dunmere Herald found that 55 percent of voters back the plan.",
            "41 percent",
            "55 percent",
        ),
        (
            "The Merrow storm destroyed 40 homes.",
            "The Merrow storm damaged 300 homes.",
            "40",
            "300",
        ),
    ],
)
def test_other_actors_places_and_polls_are_not_rivals(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    assert_apart(resources, first, second, fa, fb)


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb", "status"),
    [
        (
            "Temperatures reached 39 degrees in Harrowland on Monday.",
            "Harrowland recorded 42 degrees on Monday.",
            "39 degrees",
            "42 degrees",
            "conflict",
        ),
        (
            "The Dunmere arena seats 18,000 fans.",
            "Dunmere's arena holds 21,000 spectators.",
            "18,000",
            "21,000",
            "conflict",
        ),
        (
            "About 800 people live in Kessby.",
            "Kessby has 2,000 inhabitants.",
            "About 800",
            "2,000",
            "conflict",
        ),
        (
            "The Ostria party holds 12 of the 40 seats.",
            "The Ostria party has 12 seats in the assembly.",
            "12",
            "12",
            "agree",
        ),
    ],
)
def test_readings_capacities_populations_and_parts(
    resources: Resources, first: str, second: str, fa: str, fb: str, status: str
) -> None:
    assert_together(resources, first, second, fa, fb, status)


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb"),
    [
        (  # names the tagger misses at the start of a sentence
            "Varnholt spends 1.9% of GDP on health.",
            "Quellmark spends 2.6% of GDP on health.",
            "1.9%",
            "2.6%",
        ),
        (
            "Dessbury's population is about 60,000.",
            "Ormsfield has roughly 60,000 residents.",
            "about 60,000",
            "roughly 60,000",
        ),
        (  # one noun, different kinds of it
            "Fuel prices in Varnholt rose 6 per cent.",
            "Varnholt's bread prices rose 9 per cent.",
            "6 per cent",
            "9 per cent",
        ),
        (
            "Fuel prices in Varnholt rose 6 per cent.",
            "Bread prices in Varnholt rose 6 per cent.",
            "6 per cent",
            "6 per cent",
        ),
        (  # different days of one event
            "The Ormsfield fair drew 20,000 visitors on Saturday.",
            "The Ormsfield fair drew 35,000 visitors on Sunday.",
            "20,000",
            "35,000",
        ),
    ],
)
def test_sentence_start_names_kinds_and_days_keep_figures_apart(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    assert_apart(resources, first, second, fa, fb)


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb", "status"),
    [
        (
            "The Dessbury mill employs 1,200 workers.",
            "The Dessbury mill has 2,000 employees.",
            "1,200",
            "2,000",
            "conflict",
        ),
        (
            "The ferry had 310 passengers and 22 crew.",
            "The 22 crew members of the ferry were rescued first.",
            "22",
            "22",
            "agree",
        ),
        (
            "Rainfall in Ormsfield reached 120 mm overnight.",
            "Ormsfield recorded 120 mm of rain overnight.",
            "120 mm",
            "120 mm",
            "agree",
        ),
    ],
)
def test_staff_crews_and_readings_line_up(
    resources: Resources, first: str, second: str, fa: str, fb: str, status: str
) -> None:
    a, b = make(first, "one"), make(second, "two")
    figures = build_ledger([a, b], resources)
    figure = holding(figures, a, fa, after=first.find(fa))
    assert figure is holding(figures, b, fb)
    assert figure.status == status


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb"),
    [
        (  # a rate is not a total
            "The Dorrow strike costs the economy £40m a day.",
            "The Dorrow strike has cost the economy £400m so far.",
            "£40m",
            "£400m",
        ),
        (  # one verb done by two different things
            "Varnholt's population grew 2.4% last year.",
            "Varnholt's economy grew 2.4% last year.",
            "2.4%",
            "2.4%",
        ),
        (  # "since 2008" is not a figure of 2008
            "Dessbury's jobless rate is 4.2%, the lowest since 2008.",
            "Dessbury's jobless rate was 7.9% in 2008.",
            "4.2%",
            "7.9%",
        ),
        (  # a floor is not wrong when more are found, nor the same figure as a total
            "Upwards of 3,000 homes in Dessbury could be sold to the fund.",
            "Dessbury has 26,000 homes in total.",
            "Upwards of 3,000",
            "26,000",
        ),
    ],
)
def test_rates_holders_spans_and_floors_are_not_rivals(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    assert_apart(resources, first, second, fa, fb)


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb", "status"),
    [
        (
            "Police in Dorrow seized 2.5 tonnes of cocaine.",
            "Dorrow police seized 2,500 kg of cocaine.",
            "2.5 tonnes",
            "2,500 kg",
            "agree",
        ),
        (  # "there are" and "remain" state a count as "has" does
            "Ormsfield has 14 primary schools and three secondary schools.",
            "There are five secondary schools in Ormsfield.",
            "three",
            "five",
            "conflict",
        ),
        (
            "The Ormsfield fishing fleet has shrunk to 22 boats.",
            "Only 35 boats remain in the Ormsfield fishing fleet.",
            "22",
            "35",
            "conflict",
        ),
        (  # an outcome counts people even with no noun; "arrests" are people arrested
            "Dozens were hurt, and 7 were killed, when the Dorrow stand collapsed.",
            "Ten people died when a stand collapsed in Dorrow.",
            "7",
            "Ten",
            "conflict",
        ),
        (
            "Dorrow police have made 31 arrests after the riot.",
            "Police arrested 31 people over the Dorrow riot.",
            "31",
            "31",
            "agree",
        ),
    ],
)
def test_units_states_and_outcomes_line_up(
    resources: Resources, first: str, second: str, fa: str, fb: str, status: str
) -> None:
    assert_together(resources, first, second, fa, fb, status)


@pytest.mark.parametrize(
    ("first", "second", "updated"),
    [
        (
            "The Dorrow outbreak has killed 3 people.",
            "The latest figures show the Dorrow outbreak has killed 5 people.",
            True,
        ),
        ("Fuel prices in Dorrow rose 6% in May.", "Fuel prices in Dorrow rose 9% in May.", False),
    ],
)
def test_update_cues(resources: Resources, first: str, second: str, updated: bool) -> None:
    """ "latest" marks a newer report; "rose 6%" is the size of a change, not an update."""
    a, b = make(first, "one"), make(second, "two")
    figures = build_ledger([a, b], resources)
    fa = read_quantities(first)[0].as_written
    figure = holding(figures, a, fa)
    assert figure is holding(figures, b, read_quantities(second)[0].as_written)
    assert figure.updated is updated
    assert (figure.status == "conflict") is not updated


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb"),
    [
        (  # two polls by different outlets are two measurements
            "A Dorrow Echo poll puts the Greens on 24%.",
            "A Dorrow Courier poll puts the Greens on 29%.",
            "24%",
            "29%",
        ),
        (  # a difference is no rival to an amount
            "The Dessbury bypass opened two years late and £40m over budget.",
            "The Dessbury bypass cost £210m.",
            "£40m",
            "£210m",
        ),
        (
            "Ormsfield's mayor won by 1,204 votes.",
            "Ormsfield's mayor won 14,220 votes.",
            "1,204",
            "14,220",
        ),
        (  # which statistic: the median is not the average
            "The median house price in Varnholt is $480,000.",
            "The average house price in Varnholt is $560,000.",
            "$480,000",
            "$560,000",
        ),
    ],
)
def test_polls_differences_and_statistics_are_not_rivals(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    assert_apart(resources, first, second, fa, fb)


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb", "status"),
    [
        (  # one poll, two readings of it
            "A Dorrow Echo poll puts the Greens on 24%.",
            "The Greens are on 31 per cent in the Dorrow Echo poll.",
            "24%",
            "31 per cent",
            "conflict",
        ),
        (  # "promised to build" and "pledged" are one act
            "Dessbury's mayor has promised to build 3,000 homes.",
            "Dessbury's new mayor has pledged 5,000 new homes.",
            "3,000",
            "5,000",
            "conflict",
        ),
        (  # "rose by" and "rose" are one change
            "The river rose by 2.4 metres overnight in Ormsfield.",
            "In Ormsfield the river rose 2.5 metres overnight.",
            "2.4 metres",
            "2.5 metres",
            "conflict",
        ),
        (  # "three out of ten" is 30%
            "Three out of ten Varnholt drivers admit to speeding, a survey found.",
            "A survey found 30% of Varnholt drivers admit speeding.",
            "Three out of ten",
            "30%",
            "agree",
        ),
    ],
)
def test_polls_promises_changes_and_ratios_line_up(
    resources: Resources, first: str, second: str, fa: str, fb: str, status: str
) -> None:
    assert_together(resources, first, second, fa, fb, status)


def test_agreement_is_found_before_rivals(resources: Resources) -> None:
    """ "the toll now stands at 7" meets "seven died" though "3 dead" leads its sentence."""
    a = make("Storms left 3 dead in Dorrow; the toll now stands at 7.", "one")
    b = make("Seven people have died in the Dorrow storms.", "two")
    figures = build_ledger([a, b], resources)
    figure = holding(figures, a, "7")
    assert figure is holding(figures, b, "Seven")
    assert figure.status == "agree"
