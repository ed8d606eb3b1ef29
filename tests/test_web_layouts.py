"""Self-assessments and improvement plans as councils publish them on the web, in
our own invented words: a self-assessment as an HTML page (site chrome around a
``<main>`` with ``<h2>`` themes, ``<h3>`` statements, ``<h4>`` sub-sections, a
score table and block quotes), one as Markdown converted from Word (statement
names as bold lines, a pipe table of scores, ``\\``-escaped punctuation), and
an improvement plan each as an HTML page (a table per priority, cells broken
by ``<br>`` or holding a list) and as Markdown (pipe tables with ``<br>`` in
cells). The expected lines are where read_document puts each heading or row."""

from __future__ import annotations

from pathlib import Path

import pytest

from assure.normalising import normalise
from assure.parsing import detect_kind
from assure.parsing.plan import find_plans
from assure.parsing.self_assessment import PARSER as SELF_ASSESSMENT
from assure.reading import read_document
from assure.structure import DocumentKind, ParsedStructure, Plan

FIXTURES = Path(__file__).parent / "fixtures" / "web"
STATEMENTS = [
    "assessing-needs",
    "healthier-lives",
    "equity",
    "care-provision",
    "partnerships",
    "safe-systems",
    "safeguarding",
    "governance",
    "learning",
]
SELF_ASSESSMENTS = {
    "marlowe_heath_self_assessment.html": (
        [15, 22, 27, 33, 38, 46, 51, 57, 62],
        [14, 32, 45, 56],
    ),
    "penhallow_word_self_assessment.md": (
        [25, 37, 47, 59, 69, 81, 91, 103, 113],
        [23, 57, 79, 101],
    ),
}

Action = tuple[int, tuple[str, ...], str | None, str | None, tuple[str, ...]]

STOURLEY: list[tuple[str, str, tuple[str, ...], list[Action]]] = [
    (
        "1",
        "Timely assessments and reviews",
        ("Director of Adult Social Care",),
        [
            (7, ("Head of Locality Services",), "Q1 2025/26", "On track", ("AFI1",)),
            (
                8,
                ("Principal Social Worker", "Team Manager, Duty"),
                "Q2 2025/26",
                "Not started",
                ("AFI1",),
            ),
            (9, ("Reviews Team Manager",), "Q4 2025/26", "In progress", ("AFI2",)),
        ],
    ),
    (
        "2",
        "Carers feel supported",
        ("Assistant Director, Commissioning",),
        [
            (13, ("Carers Commissioning Lead",), "Q2 2025/26", "In progress", ("AFI3",)),
            (14, ("Head of Locality Services",), "Q3 2025/26", "Not started", ("AFI3", "AFI4")),
        ],
    ),
    (
        "3",
        "Safe transfers from hospital",
        ("Assistant Director, Operations",),
        [
            (18, ("Hospital Team Manager",), "Q1 2025/26", "Complete", ("AFI5",)),
            (19, ("Assistant Director, Operations",), "Q2 2025/26", "On track", ("AFI5",)),
            (20, ("Quality Assurance Manager",), "Q4 2025/26", "Not started", ("AFI6",)),
        ],
    ),
]

WRENFORD: list[tuple[str, str, tuple[str, ...], list[Action]]] = [
    (
        "1",
        "Quicker access to support",
        ("Head of Adult Social Care Operations",),
        [
            (19, ("Customer Services Manager",), "Q1 2025/26", "On track", ("AFI1",)),
            (20, ("Performance Manager",), "Q2 2025/26", "Not started", ("AFI1",)),
            (
                21,
                ("Occupational Therapy Lead", "Equipment Service Manager"),
                "Q3 2025/26",
                "In progress",
                ("AFI2",),
            ),
        ],
    ),
    (
        "2",
        "A stronger workforce",
        ("Principal Social Worker",),
        [
            (29, ("Workforce Development Lead",), "Q2 2025/26", "On track", ("AFI3",)),
            (30, ("Hospital Team Manager",), "Q4 2025/26", "Delayed", ("AFI3",)),
        ],
    ),
    (
        "3",
        "Learning from what people tell us",
        ("Head of Quality and Practice",),
        [
            (38, ("Engagement Officer",), "Q1 2025/26", "Complete", ("AFI4",)),
            (39, ("Complaints Manager",), "Q2 2025/26", "On track", ("AFI4", "AFI5")),
            (40, ("Head of Quality and Practice",), "Q4 2025/26", "Not started", ("AFI5",)),
        ],
    ),
]
PLANS = {"stourley_improvement_plan.html": STOURLEY, "wrenford_improvement_plan.md": WRENFORD}


def parsed(name: str) -> ParsedStructure:
    return SELF_ASSESSMENT.parse(normalise(read_document(FIXTURES / name)))


def plan_of(name: str) -> Plan:
    plans = find_plans(normalise(read_document(FIXTURES / name)))
    assert len(plans) == 1
    return plans[0]


@pytest.mark.parametrize("name", sorted(SELF_ASSESSMENTS))
def test_self_assessment_pages_are_detected(name: str) -> None:
    text = normalise(read_document(FIXTURES / name))
    assert detect_kind(text)[0] is DocumentKind.SELF_ASSESSMENT


@pytest.mark.parametrize("name", sorted(SELF_ASSESSMENTS))
def test_each_statement_starts_at_its_heading(name: str) -> None:
    starts = {s.qs[0]: s.start_line for s in parsed(name).sections if s.kind == "quality_statement"}
    assert starts == dict(zip(STATEMENTS, SELF_ASSESSMENTS[name][0], strict=True))


@pytest.mark.parametrize("name", sorted(SELF_ASSESSMENTS))
def test_themes_start_at_their_headings(name: str) -> None:
    themes = [s.start_line for s in parsed(name).sections if s.kind == "theme"]
    assert themes == SELF_ASSESSMENTS[name][1]


@pytest.mark.parametrize("name", sorted(SELF_ASSESSMENTS))
def test_each_statement_has_its_proud_of_and_improvement_sections(name: str) -> None:
    sections = parsed(name).sections
    for kind in ("proud_of", "areas_for_improvement"):
        assert len([s for s in sections if s.kind == kind and s.level == 3]) == 9


def test_the_pages_block_quotes_are_quotes() -> None:
    sections = parsed("marlowe_heath_self_assessment.html").sections
    assert [s.start_line for s in sections if s.kind == "quote"] == [20, 41]


@pytest.mark.parametrize("name", sorted(PLANS))
def test_plan_pages_are_detected(name: str) -> None:
    text = normalise(read_document(FIXTURES / name))
    assert detect_kind(text)[0] is DocumentKind.IMPROVEMENT_PLAN


@pytest.mark.parametrize("name", sorted(PLANS))
def test_priorities_with_their_strategic_leads(name: str) -> None:
    plan = plan_of(name)
    assert [(p.number, p.title, p.leads) for p in plan.priorities] == [
        (number, title, leads) for number, title, leads, _ in PLANS[name]
    ]


@pytest.mark.parametrize("name", sorted(PLANS))
def test_actions_with_leads_timeframe_status_and_refs(name: str) -> None:
    plan = plan_of(name)
    found = [
        [(a.start_line, a.leads, a.timeframe, a.status, a.refs) for a in p.actions]
        for p in plan.priorities
    ]
    assert found == [actions for *_, actions in PLANS[name]]


def test_an_action_cell_broken_by_br_or_holding_a_list_is_one_text() -> None:
    stourley = plan_of("stourley_improvement_plan.html").priorities[0].actions
    assert stourley[1].text == "Introduce a duty triage rota covering all three localities"
    assert stourley[2].text.startswith("Review every package of care")
    assert "then people with home care" in stourley[2].text
    wrenford = plan_of("wrenford_improvement_plan.md").priorities[0].actions
    assert wrenford[0].text == "Open a single front door for phone and online contact"
