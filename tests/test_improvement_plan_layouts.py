"""Four more plan layouts councils publish, in our own fictional words: a CQC plan
arranged by theme and quality statement with RAG letters, an Ofsted plan keyed to
the inspection's numbered recommendations, a tracker exported as tab-separated
rows with multi-line cells, and a prose plan with numbered sub-actions."""

from __future__ import annotations

from pathlib import Path

import pytest

from assure.normalising import normalise
from assure.parsing import detect_kind
from assure.parsing.improvement_plan import PARSER
from assure.parsing.plan import find_plans
from assure.reading import read_document
from assure.structure import DocumentKind, Plan, PlanAction

FIXTURES = Path(__file__).parent / "fixtures" / "improvement_plan"
LAYOUTS = [
    "statement_rag_plan.txt",
    "recommendation_plan.txt",
    "tracker_export.tsv",
    "numbered_prose_plan.txt",
]


def plan_of(name: str) -> Plan:
    plans = find_plans(normalise(read_document(FIXTURES / name)))
    assert len(plans) == 1
    return plans[0]


def fields(action: PlanAction) -> tuple[int, tuple[str, ...], str | None, str | None]:
    return (action.start_line, action.leads, action.timeframe, action.status)


@pytest.fixture(scope="module")
def statement_plan() -> Plan:
    return plan_of("statement_rag_plan.txt")


@pytest.fixture(scope="module")
def recommendation_plan() -> Plan:
    return plan_of("recommendation_plan.txt")


@pytest.fixture(scope="module")
def tracker_plan() -> Plan:
    return plan_of("tracker_export.tsv")


@pytest.fixture(scope="module")
def numbered_plan() -> Plan:
    return plan_of("numbered_prose_plan.txt")


@pytest.mark.parametrize("name", LAYOUTS)
def test_each_layout_is_recognised_as_a_plan(name: str) -> None:
    text = normalise(read_document(FIXTURES / name))
    assert PARSER.recognise(text) > 0.3
    assert detect_kind(text)[0] is DocumentKind.IMPROVEMENT_PLAN


class TestStatementPlan:
    def test_quality_statements_are_the_priorities_not_the_themes(
        self, statement_plan: Plan
    ) -> None:
        assert statement_plan.title == "Adult Social Care Assurance: Improvement Plan 2024-26"
        assert [(p.number, p.title, p.start_line) for p in statement_plan.priorities] == [
            ("1", "Assessing needs", 9),
            ("2", "Supporting people to live healthier lives", 15),
            ("3", "Equity in experience and outcomes", 20),
            ("4", "Care provision, integration and continuity", 26),
            ("6", "Safeguarding", 33),
            ("8", "Governance, management and sustainability", 40),
        ]
        assert [len(p.actions) for p in statement_plan.priorities] == [3, 1, 1, 2, 2, 1]

    def test_rag_letters_and_complete_are_statuses(self, statement_plan: Plan) -> None:
        needs = statement_plan.priorities[0].actions
        assert [fields(a) for a in needs] == [
            (11, ("Marcus Ferreira",), "Dec 2024", "G"),
            (12, ("Nadia Brook",), "March 2025", "A"),
            (13, ("Performance Manager",), "Sept 2024", "Complete"),
        ]
        assert statement_plan.priorities[1].actions[0].status == "R"
        assert statement_plan.priorities[4].actions[1].timeframe == "Ongoing"

    def test_a_wrapped_progress_update_does_not_change_the_action(
        self, statement_plan: Plan
    ) -> None:
        action = statement_plan.priorities[1].actions[0]
        assert action.text == "Double the number of people offered reablement after a fall"
        assert action.start_line == 17

    def test_closing_measures_are_the_plans_own(self, statement_plan: Plan) -> None:
        assert statement_plan.priorities[-1].measures == ()
        measures = statement_plan.measures
        assert [(m.start_line, m.direction) for m in measures] == [
            (45, "down"),
            (46, "up"),
            (47, "maintain"),
        ]


class TestRecommendationPlan:
    def test_each_recommendation_is_a_priority(self, recommendation_plan: Plan) -> None:
        assert recommendation_plan.title == "Children's Services Improvement Plan"
        assert [(p.number, p.start_line) for p in recommendation_plan.priorities] == [
            ("1", 10),
            ("2", 15),
            ("3", 20),
            ("4", 25),
        ]
        assert recommendation_plan.priorities[0].title.startswith(
            "The quality and impact of management"
        )
        assert [len(p.actions) for p in recommendation_plan.priorities] == [2, 2, 2, 1]

    def test_who_and_by_when_columns(self, recommendation_plan: Plan) -> None:
        actions = [a for p in recommendation_plan.priorities for a in p.actions]
        assert [(a.start_line, a.leads, a.timeframe) for a in actions] == [
            (12, ("Head of Quality Assurance",), "Dec 2024"),
            (13, ("Performance Service Manager",), "Sept 24"),
            (17, ("Rhiannon Gale", "Designated Nurse"), "March 2025"),
            (18, ("Children in Care Team Manager",), "Ongoing"),
            (22, ("Head of Fostering",), "Jan 2025"),
            (23, ("Asif Rahman",), "Sept 2025"),
            (27, ("Leaving Care Manager",), "Ongoing"),
        ]
        assert actions[0].text.startswith("Introduce a supervision standard")

    def test_how_we_will_know_column_gives_the_measures(self, recommendation_plan: Plan) -> None:
        assert [len(p.measures) for p in recommendation_plan.priorities] == [2, 2, 2, 1]
        second, third = (
            recommendation_plan.priorities[1].measures,
            recommendation_plan.priorities[2].measures,
        )
        assert [(m.start_line, m.direction) for m in second] == [(17, "up"), (18, "down")]
        assert [m.direction for m in third] == ["up", "down"]
        assert third[0].text == "Increase in approved fostering households"

    def test_governance_prose_after_the_last_table_is_not_an_action(
        self, recommendation_plan: Plan
    ) -> None:
        assert all(a.start_line < 29 for p in recommendation_plan.priorities for a in p.actions)


class TestTrackerExport:
    def test_workstream_column_groups_the_rows(self, tracker_plan: Plan) -> None:
        assert [(p.number, p.title, p.start_line) for p in tracker_plan.priorities] == [
            (None, "Front door", 3),
            (None, "Workforce", 7),
            (None, "Commissioning", 12),
        ]
        assert [len(p.actions) for p in tracker_plan.priorities] == [3, 2, 2]

    def test_quoted_cells_broken_across_lines_stay_one_row(self, tracker_plan: Plan) -> None:
        door, workforce = tracker_plan.priorities[0].actions, tracker_plan.priorities[1].actions
        assert door[1].text == (
            "Redesign the online contact form so that people can"
            " say what matters to them before any assessment"
        )
        assert fields(door[1]) == (4, ("Digital Lead",), "31/03/2025", "Not started")
        assert workforce[0].text == (
            "Recruit eight permanent social workers and reduce the agency share"
            " of the workforce to below 10%"
        )
        assert fields(workforce[0]) == (7, ("Head of Workforce",), "Q4 2024/25", "Delayed")
        assert fields(workforce[1]) == (11, ("Principal OT",), "31/07/2025", "On track")

    def test_other_rows(self, tracker_plan: Plan) -> None:
        commissioning = tracker_plan.priorities[2].actions
        assert fields(commissioning[0]) == (12, ("Commissioning Manager",), "30/06/2025", "At risk")
        assert fields(commissioning[1]) == (
            13,
            ("Jo Pratt", "Carers Lead"),
            "Ongoing",
            "In progress",
        )
        assert tracker_plan.priorities[0].actions[2].status == "Complete"


class TestNumberedProsePlan:
    def test_priorities_written_in_words_with_member_and_officer_leads(
        self, numbered_plan: Plan
    ) -> None:
        assert numbered_plan.title == "ADULT SOCIAL CARE IMPROVEMENT PLAN 2024 TO 2026"
        assert [(p.number, p.title, p.start_line) for p in numbered_plan.priorities] == [
            ("1", "Timely assessment and review", 7),
            ("2", "Supporting unpaid carers", 23),
            ("3", "A stable care market", 34),
        ]
        assert [p.leads for p in numbered_plan.priorities] == [
            ("Cllr Bethan Hollis", "Graham Whitcombe"),
            ("Cllr Bethan Hollis", "Priya Lal"),
            ("Cllr Tom Adeyemi", "Priya Lal"),
        ]

    def test_numbered_sub_items_are_the_actions(self, numbered_plan: Plan) -> None:
        assert [len(p.actions) for p in numbered_plan.priorities] == [3, 2, 2]
        first = numbered_plan.priorities[0].actions
        assert [(a.start_line, a.timeframe) for a in first] == [
            (14, "Quarter 3 2024/25"),
            (15, "Quarter 1 2025/26"),
            (16, "Quarter 4 2025/26"),
        ]
        assert first[0].text.startswith("Triage every new referral")
        assert first[2].text.endswith("checking each one (Quarter 4 2025/26)")

    def test_measures_and_their_direction(self, numbered_plan: Plan) -> None:
        assert [[m.direction for m in p.measures] for p in numbered_plan.priorities] == [
            ["down", "up"],
            ["up", "down"],
            ["down", "maintain"],
        ]
        assert numbered_plan.priorities[0].measures[0].text == (
            "Reduce waiting times for Care Act assessments to under 28 days"
        )


TESTS = Path(__file__).parent / "fixtures"
NOT_PLANS = [
    *sorted((TESTS / "committee_pack").glob("*.txt")),
    *sorted((TESTS / "self_assessment").glob("*.*")),
    *sorted((TESTS / "assessment_report").glob("*.txt")),
    TESTS / "self_assessment" / "others" / "brackenfield_pack.txt",
]


@pytest.mark.parametrize("path", NOT_PLANS, ids=lambda p: p.name)
def test_packs_self_assessments_and_reports_are_not_standalone_plans(path: Path) -> None:
    assert PARSER.recognise(normalise(read_document(path))) <= 0.2


def test_a_plan_arranged_by_the_statements_it_scored_lowest_is_a_plan() -> None:
    text = normalise(
        read_document(TESTS / "self_assessment" / "others" / "tolbury_plan_by_statement.txt")
    )
    assert PARSER.recognise(text) > 0.3
    [plan] = find_plans(text)
    assert [p.title for p in plan.priorities] == [
        "Assessing needs",
        "Equity in experience and outcomes",
        "Safeguarding",
        "Governance, management and sustainability",
        "Learning, improvement and innovation",
    ]
    assert [len(p.actions) for p in plan.priorities] == [2, 1, 2, 1, 1]


@pytest.mark.parametrize("suffix", [".md", ".docx"])
def test_example_plan_answering_an_assessment_is_a_plan(examples: Path, suffix: str) -> None:
    text = normalise(read_document(examples / f"northfield-asc-improvement-plan-2025{suffix}"))
    assert detect_kind(text)[0] is DocumentKind.IMPROVEMENT_PLAN


def test_a_bare_statement_name_without_an_action_table_is_not_a_priority(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "Corley Council Improvement Plan\n\nPriority 1: Safer care\n\nSafeguarding\n"
        "We met every safeguarding target this year.\n\n"
        "Action\tLead\tTimescale\nAudit closed enquiries\tQuality Lead\tQ2 2025/26\n",
        encoding="utf-8",
    )
    [plan] = find_plans(normalise(read_document(path)))
    assert [(p.number, p.title, len(p.actions)) for p in plan.priorities] == [
        ("1", "Safer care", 1)
    ]


def test_measures_listed_before_the_priorities_belong_to_the_plan(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "Brinford Council Improvement Plan 2025\n\n"
        "2.1 Success will be measured by:\n"
        "- Fewer people waiting for an assessment\n"
        "- More carers with a carer's assessment\n\n"
        "Priority 1: Assessment\nLead officer: Head of Operations\n"
        "Action\tLead\tTimescale\nClear the waiting list\tTeam Manager\tQ2 2025/26\n",
        encoding="utf-8",
    )
    [plan] = find_plans(normalise(read_document(path)))
    assert [(m.start_line, m.direction) for m in plan.measures] == [(4, "down"), (5, "up")]
    assert plan.priorities[0].measures == ()


def test_bulleted_and_tabled_summaries_give_other_names(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "Dunmere Council Service Improvement Plan\n\n"
        "Our three priorities are:\n"
        "• Quicker assessments for everyone\n"
        "• Carers supported well\n"
        "• Market sustainability\n\n"
        "Priority\tTitle\tOfsted rec\n"
        "1\tAssessment waits\tO2\n"
        "2\tUnpaid carers\tO5\n"
        "3\tA sustainable care market\tO7\n\n"
        "Priority 1: Timely assessments\nStrategic lead: Ann Holt\n"
        "Priority 2: Support for carers\nStrategic lead: Ben Ruiz\n"
        "Priority 3: The care market\nStrategic lead: Cara Dean\n",
        encoding="utf-8",
    )
    [plan] = find_plans(normalise(read_document(path)))
    assert [(p.title, p.aliases, p.refs) for p in plan.priorities] == [
        ("Timely assessments", ("Assessment waits", "Quicker assessments for everyone"), ("O2",)),
        ("Support for carers", ("Unpaid carers", "Carers supported well"), ("O5",)),
        ("The care market", ("A sustainable care market", "Market sustainability"), ("O7",)),
    ]


def test_markdown_pipe_tables_under_bare_recommendation_headings(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(
        (
            "# Lowmoor Council Adult Social Care Improvement Plan\n"
            "\n"
            "## Recommendation 1\n"
            "Improve the timeliness of reviews for people with eligible needs.\n"
            "\n"
            "| What we will do | Who | By when | RAG |\n"
            "|---|---|---|---|\n"
            "| Create a review hub | Head of Reviews | 31 March 2025 | A |\n"
            "| Train all reviewers in strengths-based practice | Practice Lead | Mar-25 | G |\n"
            "\n"
            "## Recommendation 2\n"
            "Improve information for self-funders.\n"
            "\n"
            "| What we will do | Who | By when | RAG |\n"
            "|---|---|---|---|\n"
            "| Publish a guide to paying for care | Information Officer | 2025-06-30 | R |\n"
        ),
        encoding="utf-8",
    )
    text = normalise(read_document(path))
    assert PARSER.recognise(text) > 0.3
    [plan] = find_plans(text)
    assert [(p.number, p.title) for p in plan.priorities] == [
        ("1", "Improve the timeliness of reviews for people with eligible needs"),
        ("2", "Improve information for self-funders"),
    ]
    actions = [a for p in plan.priorities for a in p.actions]
    assert [(a.start_line, a.leads, a.timeframe, a.status) for a in actions] == [
        (8, ("Head of Reviews",), "31 March 2025", "A"),
        (9, ("Practice Lead",), "Mar-25", "G"),
        (16, ("Information Officer",), "2025-06-30", "R"),
    ]


def test_statement_column_written_once_per_group_of_rows(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "Ravensholme Council\nCQC Improvement Plan 2025/26\n\n"
        "Quality statement\tAction\tResponsible officer\tTarget date\tProgress (RAG)\n"
        "Assessing needs\tCut waiting list to 200\tHead of Localities\tMar-26\tAmber\n"
        "\tOpen Saturday assessment clinics\tTeam Manager\tDec-25\tGreen\n"
        "Safeguarding\tScreen all concerns within 48 hours\tSafeguarding Lead\tSep-25\tRed\n"
        "\tAudit twenty enquiries each quarter\tQuality Lead\tOngoing\tGreen\n",
        encoding="utf-8",
    )
    [plan] = find_plans(normalise(read_document(path)))
    assert [(p.title, [a.start_line for a in p.actions]) for p in plan.priorities] == [
        ("Assessing needs", [5, 6]),
        ("Safeguarding", [7, 8]),
    ]
    second = plan.priorities[0].actions[1]
    assert (second.leads, second.timeframe, second.status) == (("Team Manager",), "Dec-25", "Green")


def test_areas_for_improvement_with_labelled_actions_and_measures(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        (
            "Stanwick Borough Council\n"
            "Adult Social Care Action Plan\n"
            "\n"
            "Area for improvement 1: People wait too long for occupational therapy\n"
            "Lead officer: Head of Therapies\n"
            "Actions\n"
            "- Recruit two occupational therapists (Qtr 2 2025/26)\n"
            "- Use trusted assessors for simple equipment (Lead: Equipment Manager; by June 2025)\n"
            "Success measures\n"
            "- Fewer people waiting over 12 weeks for occupational therapy\n"
            "\n"
            "Area for improvement 2: Carers do not know what support exists\n"
            "Lead officer: Carers Commissioning Manager\n"
            "Actions\n"
            "- Send every known carer a guide to support (Qtr 3 2025/26) Status: On hold\n"
            "Success measures\n"
            "- More carers say they found information easily\n"
        ),
        encoding="utf-8",
    )
    [plan] = find_plans(normalise(read_document(path)))
    assert [(p.number, p.leads) for p in plan.priorities] == [
        ("1", ("Head of Therapies",)),
        ("2", ("Carers Commissioning Manager",)),
    ]
    first, second = plan.priorities
    assert [(a.start_line, a.leads, a.timeframe) for a in first.actions] == [
        (7, (), "Qtr 2 2025/26"),
        (8, ("Equipment Manager",), "by June 2025"),
    ]
    assert second.actions[0].status == "On hold"
    assert [m.direction for p in plan.priorities for m in p.measures] == ["down", "up"]


@pytest.mark.parametrize("suffix", [".md", ".docx"])
def test_measure_tables_with_a_good_performance_column(examples: Path, suffix: str) -> None:
    text = normalise(read_document(examples / f"northfield-asc-improvement-plan-2025{suffix}"))
    [plan] = find_plans(text)
    assert [len(p.measures) for p in plan.priorities] == [4, 2, 3, 3, 2]
    assert [m.direction for m in plan.priorities[0].measures] == ["up", "down", "up", "down"]
    assert all(not m.text.startswith("Appendix") for p in plan.priorities for m in p.measures)


def test_comma_separated_export_without_a_title(tmp_path: Path) -> None:
    path = tmp_path / "tracker.txt"
    path.write_text(
        "ID,Workstream,Action,Action owner,Target date,Status\n"
        "ASC-IP-001,Front door,Move the duty team to a three-tier model,Hannah Okafor,"
        "31/01/2025,In progress\n"
        'ASC-IP-008,Workforce,"Recruit eight social workers, and cut agency use",'
        "Head of Workforce,Q4 2024/25,Delayed\n",
        encoding="utf-8",
    )
    text = normalise(read_document(path))
    assert PARSER.recognise(text) > 0.3
    [plan] = find_plans(text)
    assert [(p.title, len(p.actions)) for p in plan.priorities] == [
        ("Front door", 1),
        ("Workforce", 1),
    ]
    action = plan.priorities[1].actions[0]
    assert action.text == "Recruit eight social workers, and cut agency use"
    assert fields(action) == (3, ("Head of Workforce",), "Q4 2024/25", "Delayed")
