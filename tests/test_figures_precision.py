"""Figures are measured quantities: numbers that date, label, locate or qualify
are none; a figure keeps its sign and its unit (from its own words, a row's
marker or a column's header) and names what it measures, or nothing rather
than something wrong. Every text here is invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from assure.document import CleanText
from assure.extracting.figures import extract_metrics
from assure.extracting.figures.numbers import figures_in
from assure.normalising import normalise
from assure.reading import read_document
from assure.structure import Metric


def clean(tmp_path: Path, body: str, name: str = "figures.txt") -> CleanText:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return normalise(read_document(path))


def metrics_of(tmp_path: Path, body: str) -> tuple[Metric, ...]:
    return extract_metrics(clean(tmp_path, body))


@pytest.mark.parametrize(
    "line",
    [
        "Services for children and young people under 16 in the borough.",  # an age
        "Support for people aged 65+ living alone.",
        "Activities for the under 25s and the over 50s.",
        "A service for 18-25 year olds leaving care.",
        "The 16-19 education offer was reviewed.",
        "Help from birth to 19 years, and by the time they are 59 most carers work.",
        "Young people stay with foster carers beyond 18.",
        "Likelihood (1-5) and impact (1-5) are scored by the owner.",
        "Please telephone 0300 555 0199 or write to us.",
        "Call +443000555019 for the duty team.",
        "Held on 3 to 7 March 2025 at the town hall.",
        "(2) Endorse the proposed decision.",
        "Selection 1: please make a selection",
        "KPI 7: staff who would recommend the council",
        "CIN 1 CIN 2 CIN 3 CIN 4 CIN 5",
        "Significant risks (over £10m) are listed first.",
        "Assessments completed within 20 working days of the request.",
        "People still at home 91 days after discharge.",
        "The check is offered at 6-8 weeks and at 12 months.",
        "Children with 3 or more risky behaviours.",
        "Pupils achieving 5 GCSEs A* - C including English.",
        "Outcome codes 3,SO4 and SO5 apply.",
        "The pilot ran from March '24 to May '25.",
        "It ranked sixty-four out of 152 areas.",
        "Neighbourhoods among the 10% most deprived in England.",
        "There are 145 working age people for 100 dependents.",
    ],
)
def test_numbers_that_date_label_or_qualify_are_no_figures(line: str) -> None:
    values = {f.value for f in figures_in(line)}
    assert not values & {16, 65, 25, 50, 18, 59, 19, 1, 5, 3, 7, 10, 20, 91, 6, 12, 24, 152, 100}


@pytest.mark.parametrize(
    ("line", "text", "value", "unit"),
    [
        ("Safety benefits fell to -£27.8m over the period.", "-£27.8m", -27_800_000, "gbp"),
        ("The change from last year was -15.90 per 10,000.", "-15.90", -15.9, "count"),
        ("Explore Kent had over 6.9k followers.", "6.9k", 6_900, "count"),
        ("Partners planted 1.5 million new trees.", "1.5 million", 1_500_000, "count"),
        ("Contacts fell 2 percentage points on the quarter.", "2 percentage points", 2, None),
        ("The scheme cost £2.6 million to build.", "£2.6 million", 2_600_000, "gbp"),
    ],
)
def test_a_figure_keeps_its_sign_scale_and_unit(
    line: str, text: str, value: float, unit: str | None
) -> None:
    (figure,) = figures_in(line)
    assert (figure.text, figure.value, figure.unit) == (text, value, unit)


def test_a_range_is_one_figure_and_a_change_two() -> None:
    assert [
        f.value for f in figures_in("The election needed 400 to 700 staff in each district.")
    ] == [400]
    assert [f.value for f in figures_in("Referrals rose from 512 to 598 this year.")] == [512, 598]
    assert [
        f.value for f in figures_in("Numbers could grow from 1,200 in 2022 to 1,500 in 2035.")
    ] == [
        1200,
        1500,
    ]


def test_a_money_column_header_scales_and_brackets_are_negative(tmp_path: Path) -> None:
    body = (
        "Budget monitoring\n"
        "Service\tBudget £'000\tOutturn £'000\tVariance £'000\n"
        "Adult social care\t52,310\t60,331\t8,021\n"
        "Children's services\t40,118\t32,097\t(8,021)\n"
    )
    found = {(m.measure, m.value, m.unit) for m in metrics_of(tmp_path, body)}
    assert ("Children's services: Variance", -8_021_000, "gbp") in found
    assert ("Adult social care: Outturn", 60_331_000, "gbp") in found


def test_a_flattened_row_names_its_values_by_its_label(tmp_path: Path) -> None:
    body = (
        "Summary of the scheme's costs and benefits\n"
        "Journey time benefits £155.4m £221.0m £149.6m -£56.7m\n"
        "TOTAL £m 334.7 290.0\n"
        "855 Northfield - - 238.00 285.70 -4.70\n"
    )
    found = [(m.measure, m.value, m.unit) for m in metrics_of(tmp_path, body)]
    assert ("Journey time benefits", -56_700_000, "gbp") in found
    assert ("TOTAL", 334_700_000, "gbp") in found
    assert all(m != "Journey time benefits £155.4m" for m, _, _ in found)
    # a row keyed by a code is an area's row: its values say nothing of what they measure
    assert (None, -4.7, "count") in found
    assert all(v != 855 for _, v, _ in found)


def test_contents_and_running_heads_give_no_figures(tmp_path: Path) -> None:
    body = "Contents\nIntroduction 3\nOur performance 7\nOur plans 12\nAppendix 19\n"
    assert metrics_of(tmp_path, body) == ()


def test_a_list_under_a_lead_in_takes_its_measure(tmp_path: Path) -> None:
    body = (
        "The proportion of pupils entitled to free school meals:\n"
        "• in primary schools is 16% (the national average is 17%)\n"
        "The proportion of pupils with English as an additional language:\n"
        "• in primary schools is 8% (the national average is 19%)\n"
    )
    sixteen, eight = (m for m in metrics_of(tmp_path, body) if m.value in (16, 8))
    assert "free school meals" in (sixteen.measure or "")
    assert "additional language" in (eight.measure or "")


@pytest.mark.parametrize(
    ("sentence", "value", "words"),
    [
        # the second of a list takes the first's measure
        (
            "Journey benefits were below forecast by 4% and 74% respectively.",
            74,
            "journey benefits",
        ),
        # a pointer sends the reader back to the earlier figure
        ("In 2019 7.7% of residents were over 75; today this has risen to 9%.", 9, "residents"),
        # a part of an earlier total
        (
            "Faults reported reached 12,491, of which 11,090 were completed in time.",
            11090,
            "completed",
        ),
        # a council doing something: what it does, not who
        ("The council continued to pay the care provider for 7 days.", 7, "pay the care provider"),
        # a bracket's own words
        ("The scheme resettled 200 individuals (40 families) in the year.", 40, "families"),
        # a figure restated in brackets after words
        ("The service had lost touch with a quarter (190) of its care leavers.", 190, "lost touch"),
    ],
)
def test_what_a_figure_measures(tmp_path: Path, sentence: str, value: float, words: str) -> None:
    (metric,) = (m for m in metrics_of(tmp_path, sentence + "\n") if m.value == value)
    assert words in (metric.measure or "").lower()


@pytest.mark.parametrize(
    "sentence",
    [
        "Kerbside volumes rose with recycling centres busier, but still 26% below the old level.",
        "Northfield Borough Council expects the rate to fall (2021/22: Northfield 84.5%).",
    ],
)
def test_a_figure_whose_words_name_nothing_is_left_unnamed(tmp_path: Path, sentence: str) -> None:
    metric = next(m for m in metrics_of(tmp_path, sentence + "\n") if m.value in (26, 84.5))
    assert metric.measure is None
