"""Figures in prose and tables: units, periods, geographies, comparators, flags,
and the numbers that are not figures at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from assure.document import CleanText
from assure.extracting.figures import extract_metrics
from assure.normalising import normalise
from assure.reading import read_document
from assure.structure import Metric

FIXTURES = Path(__file__).parent / "fixtures" / "figures"


def clean_string(tmp_path: Path, body: str) -> CleanText:
    path = tmp_path / "doc.txt"
    path.write_text(body, encoding="utf-8")
    return normalise(read_document(path))


def metrics_of(tmp_path: Path, body: str) -> tuple[Metric, ...]:
    return extract_metrics(clean_string(tmp_path, body))


def only(tmp_path: Path, body: str) -> Metric:
    found = metrics_of(tmp_path, body)
    assert len(found) == 1, [m.text for m in found]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("Of those asked, 42.5% said yes.", "42.5%", 42.5, "percent"),
        ("Uptake rose to 42 per cent last spring.", "42 per cent", 42.0, "percent"),
        ("The budget is £2.3m this time.", "£2.3m", 2_300_000.0, "gbp"),
        ("The budget is £1.5bn overall.", "£1.5bn", 1_500_000_000.0, "gbp"),
        ("A saving of £250k was found.", "£250k", 250_000.0, "gbp"),
        ("A saving of £4 million was found.", "£4 million", 4_000_000.0, "gbp"),
        ("Spend reached £265,148,000 overall.", "£265,148,000", 265_148_000.0, "gbp"),
        ("We supported 2,285 people at home.", "2,285", 2285.0, "count"),
        ("Sickness averaged 12.5 days a year.", "12.5 days", 12.5, "days"),
        ("Adoption took 26 weeks on average.", "26 weeks", 26.0, "weeks"),
        ("Median age is 38 years here.", "38 years", 38.0, "years"),
        ("The score was 18.9 out of 24 overall.", "18.9 out of 24", 18.9, "score"),
    ],
)
def test_units(tmp_path: Path, sentence: str, text: str, value: float, unit: str) -> None:
    metric = only(tmp_path, sentence)
    assert (metric.text, metric.value, metric.unit) == (text, value, unit)


def test_ratio_with_its_percentage(tmp_path: Path) -> None:
    ratio, percent = metrics_of(tmp_path, "3 in 5 (63%) people were satisfied with their care.")
    assert (ratio.unit, ratio.value) == ("ratio", 0.6)
    assert (percent.unit, percent.value) == ("percent", 63.0)
    assert ratio.measure == percent.measure == "people satisfied with their care"


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("In 2022/23, 20% of the budget went on care.", "2022/23"),
        ("In 22/23 we answered 80% of calls.", "22/23"),
        ("During 2022-23 we answered 80% of calls.", "2022-23"),
        ("At the end of Q3 2016-17, 71% of plans were reviewed.", "Q3 2016-17"),
        ("In August 2024 this stood at 21.4% of referrals.", "August 2024"),
        ("In the year to March 2024, 64% of reviews were on time.", "year to March 2024"),
    ],
)
def test_periods(tmp_path: Path, sentence: str, period: str) -> None:
    assert only(tmp_path, sentence).period == period


@pytest.mark.parametrize(
    ("sentence", "geography"),
    [
        ("In England, 65% of carers felt supported.", "England"),
        (
            "Across Yorkshire and the Humber, 61% of carers felt supported.",
            "Yorkshire and the Humber",
        ),
        ("Among statistical neighbours, 60% of carers felt supported.", "statistical neighbours"),
        ("Fenwick Vale Council report. 58% of carers felt supported.", "Fenwick Vale"),
    ],
)
def test_geography(tmp_path: Path, sentence: str, geography: str) -> None:
    assert only(tmp_path, sentence).geography == geography


@pytest.mark.parametrize(
    ("sentence", "kind", "value"),
    [
        ("Uptake was 42%, compared with 65% in England.", "england", 65.0),
        ("Uptake was 42%, against a target of 90%.", "target", 90.0),
        ("Uptake was 42%, up from 12% last year.", "previous", 12.0),
        ("Open cases: 2255 (2420).", "previous", 2420.0),
        (
            "Uptake was 42%, compared with 48% for statistical neighbours.",
            "statistical_neighbours",
            48.0,
        ),
        ("Uptake was 42%, compared with the regional average of 45%.", "region", 45.0),
        ("Uptake rose from 12% to 42% of carers.", "previous", 12.0),
    ],
)
def test_comparators(tmp_path: Path, sentence: str, kind: str, value: float) -> None:
    metric = only(tmp_path, sentence)
    assert metric.value in (42.0, 2255.0)
    assert [(c.kind, c.value) for c in metric.comparators] == [(kind, value)]


def test_comparison_without_a_number(tmp_path: Path) -> None:
    metric = only(tmp_path, "We reviewed 68% of clients, which is above the national average.")
    assert [(c.kind, c.value) for c in metric.comparators] == [("england", None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "These are provisional figures: 1,204 people were supported.",
        "We supported 1,204 people (p) this year.",
        "Draft figures show 1,204 people were supported.",
    ],
)
def test_provisional(tmp_path: Path, sentence: str) -> None:
    assert only(tmp_path, sentence).provisional


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("A typo gives 1.2.3% for reviews.", "1.2.3%", None),
        ("The budget is £ to be agreed.", "£", None),
    ],
)
def test_malformed_numbers_are_flagged(tmp_path: Path, sentence: str, text: str, value) -> None:
    metric = only(tmp_path, sentence)
    assert metric.malformed and (metric.text, metric.value) == (text, value)


def test_a_thousands_separator_split_by_a_space_is_read(tmp_path: Path) -> None:
    from assure.extracting.figures.numbers import figures_in

    (figure,) = figures_in("we helped 21, 000 people")
    assert (figure.value, figure.malformed) == (21000.0, True)


@pytest.mark.parametrize(
    "sentence",
    [
        "See page 14 for details.",
        "The meeting is on 14 November 2018 at 10.00 am.",
        "The plan runs from 2014 to 2017.",
        "Details are in section 4.2 and Appendix 3.",
        "1.1 The report sets out the position.",
        "3. Background",
        "Call us on 01632 960123 or write to OK1 2AB.",
        "Quote reference ASC-2291 or route A231.",
        "Pages 9 - 44",
        "Children aged between 12 and 16 years old.",
        "Decisions are made within 28 days.",
        "It was 5 years ago.",
        "Visit www.example.gov.uk/page2 or email team2@example.gov.uk.",
        "The 2022/23 plan.",
        "Priority 3: Early Support and Year 7 pupils",
        "Our 10 Point Improvement Plan sets a 2 year period for 16-18 year olds.",
        "Traffic between Junction 1b to 3 and items 4 and 5.",
    ],
)
def test_not_figures(tmp_path: Path, sentence: str) -> None:
    assert metrics_of(tmp_path, sentence) == ()


@pytest.fixture(scope="module")
def report() -> tuple[Metric, ...]:
    return extract_metrics(normalise(read_document(FIXTURES / "performance_report.txt")))


def test_report_table_rows_use_the_column_headers(report: tuple[Metric, ...]) -> None:
    table = [m for m in report if m.start_line >= 23 and m.start_line <= 25]
    assert [m.measure for m in table] == [
        "Proportion of people who use services who feel safe (%)",
        "Delayed transfers of care per 100,000 population",
        "Permanent admissions to care homes, 65+",
    ]
    safe = table[0]
    assert (safe.value, safe.unit, safe.period, safe.provisional) == (
        64.5,
        "percent",
        "2024/25",
        True,
    )
    assert [(c.kind, c.value) for c in safe.comparators] == [
        ("previous", 66.1),
        ("england", 69.8),
        ("region", 70.2),
        ("statistical_neighbours", 68.4),
        ("target", 70.0),
    ]
    assert table[2].unit == "count" and table[2].value == 512.0


def test_report_prose_figures(report: tuple[Metric, ...]) -> None:
    by_line: dict[int, Metric] = {}
    for metric in report:
        by_line.setdefault(metric.start_line, metric)
    budget = by_line[7]
    assert (budget.value, budget.unit, budget.period, budget.measure) == (
        84_200_000.0, "gbp", "2023/24", "adult social care budget"
    )  # fmt: skip
    safe = by_line[8]
    assert safe.period == "Q3 2024-25" and safe.geography == "Oakridge"
    assert [(c.kind, c.value) for c in safe.comparators] == [("england", 69.8), ("target", 70.0)]
    wait = by_line[10]
    assert (wait.value, wait.unit, wait.comparators[0].kind) == (38.0, "days", "previous")
    assert by_line[11].period == "year to March 2024"
    assert by_line[14].provisional and by_line[14].period == "22/23"
    assert by_line[16].malformed and by_line[17].malformed
    assert not any(m.start_line in (3, 19) for m in report)  # a quarter heading; contact details


def test_largest_corpus_file_has_no_page_ranges_as_figures(corpus: Path) -> None:
    text = normalise(read_document(corpus / "kirklees-childrens-scrutiny-pack-2018-11.txt"))
    metrics = extract_metrics(text)
    assert all(1 <= m.start_line <= text.total_lines for m in metrics)
    agenda_page_ranges = {78, 84, 94, 102, 110}
    assert not agenda_page_ranges & {m.start_line for m in metrics}
    previous = [m for m in metrics if any(c.kind == "previous" for c in m.comparators)]
    assert any(m.value == 2255.0 and m.comparators[0].value == 2420.0 for m in previous)


@pytest.mark.parametrize(
    ("unit", "value", "previous"),
    [
        ("£ million", 2_700_000.0, 3_300_000.0),
        ("£000s", 2_700.0, 3_300.0),
        ("£", 2.7, 3.3),
    ],
)
def test_a_money_column_unit_scales_the_row(
    tmp_path: Path, unit: str, value: float, previous: float
) -> None:
    """Money is kept in pounds, whatever scale the unit column names."""
    path = tmp_path / "budget.csv"
    path.write_text(
        "indicator,value,unit,period,geography,England,target,previous\n"
        "People who use services who feel safe,70.1,%,2023/24,Eastmoor,71.1,72.0,69.5\n"
        f"Forecast budget variance,2.7,{unit} overspend,Q3 2024/25,Eastmoor,,,3.3\n",
        encoding="utf-8",
    )
    (metric,) = [
        m
        for m in extract_metrics(normalise(read_document(path)))
        if m.measure and "budget" in m.measure
    ]
    assert (metric.value, metric.unit) == (value, "gbp")
    assert [c.value for c in metric.comparators] == [previous]


def test_an_earlier_clauses_subject_does_not_measure_a_later_figure(tmp_path: Path) -> None:
    body = (
        "The number of people receiving a direct payment had increased from 512 to 598, "
        "and the personal assistant register had grown to 203 people.\n"
    )
    measures = {m.text: m.measure for m in metrics_of(tmp_path, body)}
    assert measures["598"] == "people receiving a direct payment"
    assert measures["203"] != "people receiving a direct payment"


def test_comparators_listed_after_with_respectively(tmp_path: Path) -> None:
    found = metrics_of(
        tmp_path,
        "In the poll 61%, 66% and 59% of tenants felt safe, compared with 58%, 70% and 62% "
        "respectively for the national average.",
    )
    assert [m.value for m in found] == [61.0, 66.0, 59.0]
    assert [[(c.kind, c.value) for c in m.comparators] for m in found] == [
        [("england", 58.0)],
        [("england", 70.0)],
        [("england", 62.0)],
    ]


def test_age_compared_with_age_in_years(tmp_path: Path) -> None:
    metric = only(
        tmp_path, "The median age here is 46, above the median age for England, which is 40 years."
    )
    assert [(c.kind, c.value) for c in metric.comparators] == [("england", 40.0)]


def test_figure_after_which_was_takes_the_earlier_measure(tmp_path: Path) -> None:
    _spend, over = metrics_of(
        tmp_path,
        "Its outturn for the year was £120,500,000, which was £6,250,000 more than forecast.",
    )
    assert over.measure == "outturn more than forecast"


def test_measure_before_is_not_cut_at_a_thousands_comma(tmp_path: Path) -> None:
    found = metrics_of(
        tmp_path, "Some 30,200 people aged over 80 live here, which is 4,100 more than before."
    )
    assert all(not (m.measure or "").startswith("200") for m in found)


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("At the most recent Census (2021) there were 5,200 unpaid carers here.", "2021"),
        ("We aim to cut waiting lists by 30% by 2027.", "by 2027"),
        (
            "We expect 12% growth over the next five years, and spend rose between 2015 and 2025.",
            "over the next five years",
        ),
    ],
)
def test_census_target_year_and_own_window(tmp_path: Path, sentence: str, period: str) -> None:
    assert only(tmp_path, sentence).period == period


def test_rank_out_of_is_one_rank_figure(tmp_path: Path) -> None:
    metric = only(tmp_path, "The service was ranked 48 out of 152 councils for reablement.")
    assert (metric.value, metric.unit) == (48.0, "rank")
