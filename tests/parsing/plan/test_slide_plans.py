"""An action plan laid out as landscape slides, printed to PDF: each part of the
deck is one priority with its actions and success measures; services listed
under an action are not actions. The facts (tests/fixtures/plan/wyke_slide_plan.toml)
were written before the parser ran."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from assure.pipeline import process
from assure.structure import DocumentKind, ParsedDocument

FIXTURE = Path(__file__).parents[2] / "fixtures" / "plan" / "wyke_slide_plan.toml"
DATA: dict[str, Any] = tomllib.loads(FIXTURE.read_text(encoding="utf-8"))


def print_deck(path: Path) -> None:
    from reportlab.lib.pagesizes import landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table

    styles = getSampleStyleSheet()
    cell = styles["BodyText"]
    cell.fontSize, cell.leading = 9, 11
    slide = landscape((540, 960))
    story: list[Any] = [Paragraph(DATA["title"], styles["Title"]), PageBreak()]
    for part in DATA["parts"]:
        heading = ["Action", "Lead", "By when", "Measure of success", "Outcome refs"]
        rows = [[Paragraph(h, cell) for h in heading]]
        rows += [[Paragraph(text, cell) for text in action] for action in part["actions"]]
        rows += [
            [Paragraph(s, cell), "", "", "", Paragraph("OC2", cell)]
            for s in part.get("services", [])
        ]
        story += [
            Paragraph(f"{DATA['stem']} – {part['name']}", styles["Heading2"]),
            Table(rows, colWidths=[330, 130, 90, 200, 80]),
            PageBreak(),
            Paragraph(f"{DATA['measures_stem']} – {part['name']}", styles["Heading2"]),
            Table(
                [["Indicator", "Target date"]]
                + [[Paragraph(m, cell), "2027"] for m in part["measures"]],
                colWidths=[600, 120],
            ),
            PageBreak(),
        ]
    SimpleDocTemplate(str(path), pagesize=slide).build(story)


@pytest.fixture(scope="module")
def deck(tmp_path_factory) -> ParsedDocument:
    path = tmp_path_factory.mktemp("deck") / "plan.pdf"
    print_deck(path)
    return process(path)


def test_a_slide_deck_of_actions_is_a_plan(deck: ParsedDocument) -> None:
    assert deck.kind is DocumentKind.IMPROVEMENT_PLAN
    (plan,) = deck.structure.plans
    assert plan.title == DATA["title"]


def test_each_part_is_a_priority_with_its_actions_and_measures(deck: ParsedDocument) -> None:
    (plan,) = deck.structure.plans
    found = [(p.title, len(p.actions), len(p.measures)) for p in plan.priorities]
    expected = [(p["name"], len(p["actions"]), len(p["measures"])) for p in DATA["parts"]]
    assert found == expected


def test_actions_keep_their_timeframes_and_outcome_codes(deck: ParsedDocument) -> None:
    (plan,) = deck.structure.plans
    for priority, part in zip(plan.priorities, DATA["parts"], strict=True):
        for action, (text, _, when, _, codes) in zip(
            priority.actions, part["actions"], strict=True
        ):
            assert action.text.startswith(text[:30]), action.text
            assert action.timeframe == when
            assert action.refs == tuple(c.strip() for c in codes.split(","))
