"""Golden test: the ten-priority improvement plan inside the real children's
scrutiny pack. Counts and line numbers were taken by reading the pack; officers'
names are personal data, so leads are checked by count, not by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from assure.normalising import normalise
from assure.parsing.improvement_plan import PARSER
from assure.parsing.plan import find_plans
from assure.reading import read_document
from assure.structure import Plan

PACK = "kirklees-childrens-scrutiny-pack-2018-11.txt"

# number, heading line, action rows (priority 8 has no table: its "how we will
# do this" bullets stand in), success measures
EXPECTED = [
    ("1", 1445, 8, 8),
    ("2", 1558, 6, 6),
    ("3", 1650, 5, 8),
    ("4", 1738, 4, 6),
    ("5", 1813, 5, 9),
    ("6", 1897, 8, 9),
    ("7", 1982, 3, 6),
    ("8", 2025, 5, 6),
    ("9", 2083, 7, 3),
    ("10", 2154, 6, 6),
]


@pytest.fixture(scope="module")
def pack_text(corpus: Path):
    return normalise(read_document(corpus / PACK))


@pytest.fixture(scope="module")
def plan(pack_text) -> Plan:
    plans = find_plans(pack_text)
    assert len(plans) == 1
    return plans[0]


def test_all_ten_priorities_with_numbers_lines_and_counts(plan: Plan) -> None:
    found = [(p.number, p.start_line, len(p.actions), len(p.measures)) for p in plan.priorities]
    assert found == EXPECTED
    assert plan.start_line == 1429
    assert "Improvement Plan" in (plan.title or "")


def test_short_names_elsewhere_become_aliases(plan: Plan) -> None:
    by_number = {p.number: p for p in plan.priorities}
    assert by_number["3"].title == "Early Support"
    assert "Early Support and Edge of Care" in by_number["3"].aliases
    assert "Leadership" in by_number["8"].aliases
    assert "Voice of the Child and Families" in by_number["7"].aliases


def test_action_rows_keep_lines_leads_and_marks(plan: Plan) -> None:
    by_number = {p.number: p for p in plan.priorities}
    first = by_number["1"].actions[0]
    assert first.start_line == 1543 and len(first.leads) == 2  # two names run together
    assert [a.start_line for a in by_number["2"].actions] == [1639, 1640, 1642, 1644, 1646, 1648]
    assert len(by_number["3"].actions[2].leads) == 3
    done = by_number["4"].actions[1]
    assert (done.start_line, done.status, done.timeframe) == (1807, "Complete", "Q3 18/19")
    assert by_number["9"].actions[-1].start_line == 2152  # after the footnote row
    assert all(a.leads for a in by_number["10"].actions)


def test_strategic_leads_and_codes(plan: Plan) -> None:
    by_number = {p.number: p for p in plan.priorities}
    assert [len(p.leads) for p in plan.priorities] == [2, 1, 1, 2, 2, 1, 1, 1, 1, 1]
    assert {"O18", "O19", "O20", "O21", "O22"} <= set(by_number["1"].refs)
    assert {"O3", "O4", "O5", "O6", "O7", "O8", "O14", "O27"} <= set(by_number["10"].refs)
    assert "O12" in by_number["4"].refs and "O17" in by_number["3"].refs


def test_measure_directions_of_the_first_priority(plan: Plan) -> None:
    measures = plan.priorities[0].measures
    assert [m.direction for m in measures] == ["down", "down", "down", "up"] + ["down"] * 4
    assert measures[0].start_line == 1530


def test_the_pack_itself_is_not_taken_for_a_standalone_plan(pack_text) -> None:
    assert PARSER.recognise(pack_text) < 0.3


def test_cycling_action_plan_themes_in_the_pdf(corpus: Path) -> None:
    text = normalise(read_document(corpus / "pdf" / "medway_cycle_action_plan_2014_2017.pdf"))
    (plan,) = find_plans(text)
    # Paragraphs that only report (a past bid, what depends on partners) are not actions.
    assert [[a.start_line for a in p.actions] for p in plan.priorities] == [
        [498, 508, 540],
        [544, 556, 565],
        [573, 580, 584],
        [590, 599, 605],
        [610, 616],
    ]
    # The measures listed before the themes are the plan's own.
    assert [m.start_line for m in plan.measures] == [477, 479, 484]
    assert plan.priorities[1].title.startswith("Training and participation")
    assert all(p.number is None for p in plan.priorities)
