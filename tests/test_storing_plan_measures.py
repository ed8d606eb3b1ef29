"""A plan's own success measures (Plan.measures, beside each priority's) are
stored and read back with the plan, on SQLite and on PostgreSQL."""

from __future__ import annotations

from assure.storing import models as m
from assure.storing.reading import plans_of
from assure.structure import Plan, PlanAction, Priority, SuccessMeasure

CARE = {"Improving adult social care": ["Our plan for the next two years."]}

PLAN = Plan(
    title="Eastmoor Adult Social Care Improvement Plan",
    start_line=1,
    priorities=(
        Priority(
            number="1",
            title="Timely assessments",
            start_line=3,
            aliases=("Assessments",),
            leads=("Head of Assessment",),
            actions=(
                PlanAction("Clear the waiting list", 5, ("Jo Reeve",), "Q3 2025/26", "On track"),
                PlanAction("Recruit two social workers", 5, refs=("O4", "O5")),
            ),
            measures=(SuccessMeasure("Fewer people waiting over 28 days", "down", 5),),
            refs=("O4",),
        ),
    ),
    measures=(
        SuccessMeasure("More people say services help them feel safe", "up", 7),
        SuccessMeasure("Spending stays within budget", "maintain", 7),
        SuccessMeasure("Staff turnover", None, None),
    ),
)


def test_plan_measures_survive_a_store_and_read_round_trip(library, fictional):
    parsed, lines = fictional.text("Eastmoor plan", CARE, kind="improvement_plan", plans=(PLAN,))
    document_id = library.add(parsed, "Eastmoor Council", lines)
    with library.reading() as session:
        (plan,) = plans_of(session, document_id)
    assert plan.measures == PLAN.measures
    assert plan == PLAN  # priorities, their actions and measures come back too


def test_plan_measures_go_with_their_document(library, fictional):
    parsed, lines = fictional.text("Eastmoor plan", CARE, kind="improvement_plan", plans=(PLAN,))
    document_id = library.add(parsed, "Eastmoor Council", lines)
    with library.reading() as session:
        assert session.query(m.PlanMeasureRow).count() == 3
    assert library.delete_document(document_id, ["Eastmoor Council"])
    with library.reading() as session:
        assert session.query(m.PlanMeasureRow).count() == 0
        assert plans_of(session, document_id) == ()
