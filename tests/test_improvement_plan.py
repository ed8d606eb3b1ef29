"""Improvement plans in our own fictional layouts: a tab table with wrapped rows,
and a prose plan with priority headings and bulleted actions."""

from __future__ import annotations

from pathlib import Path

import pytest

from assure.document import CleanText
from assure.normalising import normalise
from assure.parsing import detect_kind
from assure.parsing.improvement_plan import PARSER
from assure.parsing.plan import find_plans
from assure.reading import read_document
from assure.structure import DocumentKind, Plan

FIXTURES = Path(__file__).parent / "fixtures" / "improvement_plan"


def clean_file(path: Path) -> CleanText:
    return normalise(read_document(path))


def clean_string(tmp_path: Path, body: str, name: str = "doc.txt") -> CleanText:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return clean_file(path)


@pytest.fixture(scope="module")
def tabled() -> Plan:
    plans = find_plans(clean_file(FIXTURES / "tabled_plan.txt"))
    assert len(plans) == 1
    return plans[0]


@pytest.fixture(scope="module")
def prose() -> Plan:
    plans = find_plans(clean_file(FIXTURES / "prose_plan.md"))
    assert len(plans) == 1
    return plans[0]


def test_tabled_plan_priorities_come_from_rows_inside_the_table(tabled: Plan) -> None:
    assert tabled.title == "Children's Services Improvement Plan 2025-27"
    assert [(p.number, p.title) for p in tabled.priorities] == [
        ("1", "Strong leadership and governance"),
        ("2", "Front door and early help"),
        ("3", "Children in care"),
    ]
    assert [len(p.actions) for p in tabled.priorities] == [3, 2, 1]


def test_tabled_plan_wrapped_row_joins_its_first_line(tabled: Plan) -> None:
    first = tabled.priorities[0].actions[0]
    assert first.start_line == 9
    assert first.text.endswith("restructure with clear portfolios")
    assert first.leads == ("Chief Executive",)
    assert (first.timeframe, first.status, first.refs) == ("Q3 2025/26", "Complete", ("O1",))


def test_tabled_plan_reads_each_column(tabled: Plan) -> None:
    second, third = tabled.priorities[0].actions[1:]
    assert second.leads == ("Priya Natarajan", "Head of Performance")
    assert (second.timeframe, second.status) == ("Q1-Q2", "On track")
    assert second.refs == ("O3", "O4", "O5")  # written "O3,O4 O5"
    assert third.leads == ("Tom Ashby", "Mel Corrigan")  # two names run together
    assert (third.timeframe, third.status, third.refs) == ("by March 2026", "RAG: Amber", ("O12",))


def test_tabled_plan_malformed_code_lists(tabled: Plan) -> None:
    front_door = tabled.priorities[1]
    assert front_door.actions[0].refs == ("O7", "O8")  # "O7/8"
    assert front_door.actions[1].refs == ("R3",)
    assert front_door.actions[1].leads == ("Dana Whitlock", "Service Manager")
    assert front_door.actions[1].text.endswith("front door staff in their use")
    assert tabled.priorities[2].actions[0].refs == ("O18", "O19", "O20")
    assert tabled.priorities[2].actions[0].timeframe == "Ongoing"


def test_prose_plan_leads_actions_and_timeframes(prose: Plan) -> None:
    first = prose.priorities[0]
    assert (first.number, first.title, first.start_line) == ("1", "Timely assessments", 9)
    assert first.leads == ("Ruth Okafor",)
    assert [a.timeframe for a in first.actions] == ["Q2 2025/26", "Q3 2025/26", "Q1-Q2"]
    assert first.actions[0].leads == ("Sam Beckett",)
    assert first.actions[0].status is None  # "overdue reviews" is not a status
    assert first.actions[2].refs == ("R2",)  # on the bullet's wrapped second line
    assert [a.start_line for a in first.actions] == [17, 18, 19]


def test_prose_plan_measures_carry_the_direction_of_good(prose: Plan) -> None:
    directions = [[m.direction for m in p.measures] for p in prose.priorities]
    assert directions == [["down", "up", "maintain"], ["down", "up"], ["down"]]


def test_prose_plan_role_lead_and_labelled_status(prose: Plan) -> None:
    carers, safeguarding = prose.priorities[1:]
    assert carers.leads == ("Omar Haddad",)
    assert carers.actions[0].timeframe == "by March 2026"
    assert carers.actions[1].status == "On track"
    assert safeguarding.leads == ("Director of Adult Social Care",)


def test_parse_gives_title_council_date_and_a_section_per_priority() -> None:
    text = clean_file(FIXTURES / "prose_plan.md")
    structure = PARSER.parse(text)
    assert structure.kind == DocumentKind.IMPROVEMENT_PLAN
    assert structure.title == "Adult Social Care Improvement Plan 2025/26"
    assert structure.council == "Harrowmere City Council"
    assert structure.date == "2025-05-14"
    assert [(s.kind, s.start_line, s.end_line) for s in structure.sections] == [
        ("priority", 9, 27),
        ("priority", 28, 41),
        ("priority", 42, text.lines[-1].end),
    ]


@pytest.mark.parametrize("name", ["tabled_plan.txt", "prose_plan.md"])
def test_standalone_plans_are_recognised(name: str) -> None:
    text = clean_file(FIXTURES / name)
    assert PARSER.recognise(text) >= 0.5
    assert detect_kind(text)[0] == DocumentKind.IMPROVEMENT_PLAN


PACK_WITH_PLAN = """Fenwick Vale Council
Notice of Meeting
Children's Scrutiny Panel, Monday 3 March 2025 at 10.00 am
Agenda
1: Apologies for absence
2: Minutes of the previous meeting
3: Declarations of interest
4: Improvement plan update

Minutes of the meeting held on 3 February 2025
Present: Councillor A Bell (Chair)

Improvement Plan refresh

Priority 1: Leadership
Strategic lead: Jo Marsh
How we will do this:
- Appoint a permanent director (O1)

Priority 2: Front door
Strategic lead: Ian Cole
How we will do this:
- Review thresholds with partners (O12)
"""


def test_a_pack_holding_a_plan_scores_low_but_its_plan_is_found(tmp_path: Path) -> None:
    text = clean_string(tmp_path, PACK_WITH_PLAN)
    assert PARSER.recognise(text) < 0.3
    plans = find_plans(text)
    assert [p.title for p in plans] == ["Improvement Plan refresh"]
    assert [(p.number, p.leads, p.refs) for p in plans[0].priorities] == [
        ("1", ("Jo Marsh",), ("O1",)),
        ("2", ("Ian Cole",), ("O12",)),
    ]


SELF_ASSESSMENT = """Our self-assessment of adult social care
Theme 1: Working with people
Quality statement: Assessing needs
What we are proud of
We assess most people within 28 days.
Theme 2: Providing support
What we are proud of
Our partnerships are strong.
"""


def test_self_assessment_is_not_a_plan(tmp_path: Path) -> None:
    text = clean_string(tmp_path, SELF_ASSESSMENT)
    assert PARSER.recognise(text) < 0.3
    assert find_plans(text) == ()  # bare "Theme" headings without actions are no plan


def test_empty_and_planless_text_give_nothing(tmp_path: Path) -> None:
    text = clean_string(tmp_path, "Nothing to see here.\nJust a letter.\n")
    assert find_plans(text) == ()
    assert PARSER.recognise(text) == 0.0
    assert PARSER.parse(text).plans == ()


def test_plan_grouped_by_themes_under_an_actions_heading() -> None:
    (plan,) = find_plans(clean_file(FIXTURES / "themed_plan.txt"))
    assert plan.title == "Walking Action Plan 2026 - 2029"
    assert [(p.title, p.start_line, len(p.actions)) for p in plan.priorities] == [
        ("Improve and maintain footways and crossings", 12, 2),
        ("Walking to school", 15, 1),
        ("Maps and information", 17, 2),
    ]
    timeframes = [a.timeframe for a in plan.priorities[0].actions]
    assert timeframes == ["by March 2027", "Q2 2026/27"]


def test_a_label_straight_after_a_table_is_not_wrapped_into_its_last_row(tmp_path: Path) -> None:
    body = (
        "Housing Improvement Plan\n"
        "Priority 1: Repairs\n"
        "Action\tOwner\tDeadline\n"
        "Fix damp in every flat\tAlex Rowe\tQ4 2025/26\n"
        "within six weeks of a report\t\t\n"
        "How we will know we are succeeding:\n"
        "- Fewer complaints about damp\n"
    )
    (plan,) = find_plans(clean_string(tmp_path, body))
    (priority,) = plan.priorities
    (action,) = priority.actions
    assert action.text == "Fix damp in every flat within six weeks of a report"
    assert (action.leads, action.timeframe) == (("Alex Rowe",), "Q4 2025/26")
    assert [(m.text, m.direction) for m in priority.measures] == [
        ("Fewer complaints about damp", "down")
    ]
