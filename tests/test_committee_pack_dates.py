"""Dates and times as council papers write them."""

from __future__ import annotations

import pytest

from assure.extracting.dates import find_dates, parse_date, parse_time


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("Friday 9 November 2018", "2018-11-09"),
        ("Monday 10th September 2018", "2018-09-10"),
        ("on Tuesday, 5 March 2019 at", "2019-03-05"),
        ("9/11/18", "2018-11-09"),
        ("16/10/2018", "2018-10-16"),
        ("November 9, 2018", "2018-11-09"),
        ("2018-11-09", "2018-11-09"),
        ("held on 2nd October 2018.", "2018-10-02"),
        ("9 Sept 2019", "2019-09-09"),
        ("31 February 2019", None),  # no such day
        ("the 45 - 88 range", None),
    ],
)
def test_dates(written: str, iso: str | None) -> None:
    assert parse_date(written) == iso


def test_a_date_without_a_year_takes_the_meetings_year() -> None:
    assert parse_date("Wednesday 9th November") is None
    assert parse_date("Wednesday 9th November", default_year=2018) == "2018-11-09"


def test_every_date_in_order() -> None:
    found = find_dates("moved from 2nd November 2018 to Friday 9th November 2018")
    assert [iso for _, iso in found] == ["2018-11-02", "2018-11-09"]


@pytest.mark.parametrize(
    ("written", "clock"),
    [
        ("at 10.00 am on Friday", "10:00"),
        ("2pm", "14:00"),
        ("1.30pm", "13:30"),
        ("6.30 p.m.", "18:30"),
        ("14:30", "14:30"),
        ("12 noon", "12:00"),
        ("12.15 am", "00:15"),
        ("9.11.18", None),  # a date, not a time
        ("Page 12", None),
        ("10 young people", None),
    ],
)
def test_times(written: str, clock: str | None) -> None:
    assert parse_time(written) == clock
