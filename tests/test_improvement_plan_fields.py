"""The small fields of plans as councils write them."""

from __future__ import annotations

import pytest

from assure.parsing.plan.fields import (
    direction_of,
    recommendation_codes,
    split_leads,
    status_of,
    timeframe_of,
)
from assure.parsing.plan.labels import priority_heading


@pytest.mark.parametrize(
    ("written", "codes"),
    [
        ("O18, O19,O20,O21 and O22", ("O18", "O19", "O20", "O21", "O22")),
        ("O3,O4 O5", ("O3", "O4", "O5")),
        ("O 12", ("O12",)),
        ("O7/8", ("O7", "O8")),
        ("(O9, O10,)", ("O9", "O10")),
        ("R3 and R12", ("R3", "R12")),
        ("Office 365, TO 5, O2.5, 10%", ()),
    ],
)
def test_recommendation_codes(written: str, codes: tuple[str, ...]) -> None:
    assert recommendation_codes(written) == codes


@pytest.mark.parametrize(
    ("written", "timeframe"),
    [
        ("Q3 2018/19", "Q3 2018/19"),
        ("Q3 18/19", "Q3 18/19"),
        ("Q1-Q2", "Q1-Q2"),
        ("to finish by March 2019", "by March 2019"),
        ("Implementation 2014/15", "2014/15"),
        ("end of Q2 2025/26", "end of Q2 2025/26"),
        ("31/03/2026", "31/03/2026"),
        ("Ongoing", "Ongoing"),
        ("Review the policy", None),
    ],
)
def test_timeframes(written: str, timeframe: str | None) -> None:
    assert timeframe_of(written) == timeframe


@pytest.mark.parametrize(
    ("written", "status"),
    [("Complete", "Complete"), ("On track", "On track"), ("RAG: Amber", "RAG: Amber"),
     ("Not started", "Not started"), ("to be agreed", None)],
)  # fmt: skip
def test_status(written: str, status: str | None) -> None:
    assert status_of(written) == status


@pytest.mark.parametrize(
    ("written", "leads"),
    [
        ("Ann Lee Tom Cole", ("Ann Lee", "Tom Cole")),
        ("Ann Lee KSCB", ("Ann Lee", "KSCB")),
        ("Ann Lee Jo-Anne Price Sam McBride", ("Ann Lee", "Jo-Anne Price", "Sam McBride")),
        ("Ann Lee – Head of Quality and Principal Social Worker; Tom Cole - Programme Manager",
         ("Ann Lee", "Tom Cole")),
        ("Safeguarding Children Board – Ruth Marsh", ("Ruth Marsh",)),
        ("Director of Children's Services", ("Director of Children's Services",)),
        ("Ann Lee and Tom Cole", ("Ann Lee", "Tom Cole")),
        ("", ()),
    ],
)  # fmt: skip
def test_leads_split_into_names_and_roles(written: str, leads: tuple[str, ...]) -> None:
    assert split_leads(written) == leads


@pytest.mark.parametrize(
    ("written", "direction"),
    [
        ("Increase in the proportion of care leavers in work", "up"),
        ("Reduce the number of repeat referrals", "down"),
        ("Number of children in care. Good performance will show this reducing", "down"),
        ("Return interviews within 72 hours. Good performance will show this increasing", "up"),
        ("Days to assessment (lower is better)", "down"),
        ("Satisfaction rate: higher is better", "up"),
        ("Maintain the proportion of reviews on time", "maintain"),
        ("Outcome of the next inspection", None),
    ],
)
def test_direction_of_good_performance(written: str, direction: str | None) -> None:
    assert direction_of(written) == direction


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Priority 3: Early Support", ("priority", "3", "Early Support")),
        ("PRIORITY 9– Partnership", ("priority", "9", "Partnership")),
        ("Priority One - Workforce", ("priority", "1", "Workforce")),
        ("Objective 2: Safer streets", ("objective", "2", "Safer streets")),
        ("Priority 1 is to keep children safe.", None),
        ("Priorities for the year", None),
    ],
)
def test_priority_headings(line: str, heading: tuple[str, str, str] | None) -> None:
    assert priority_heading(line) == heading
