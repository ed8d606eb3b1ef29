"""Inspection reports graded by name, invented in the layouts the regulators
publish (a grades table flattened by PDF extraction, headings that grade an
area after a colon, sentences that state a grade, an older report's numbered
table and headline, an area SEND report's outcome under its label). The
expected grades were written with the fixtures, before the parser ran."""

from __future__ import annotations

from pathlib import Path

import pytest

from assure.normalising import normalise
from assure.parsing import detect_kind
from assure.pipeline import process
from assure.reading import read_document
from assure.structure import DocumentKind

FIXTURES = Path(__file__).parents[2] / "fixtures" / "inspection"

EXPECTED = {
    "ilacs_easthallow.txt": (
        "ofsted-children",
        "Inadequate",
        {
            "overall-effectiveness": "Inadequate",
            "leadership-impact": "Requires improvement to be good",
            "help-and-protection": "Inadequate",
            "children-in-care": "Requires improvement to be good",
            "care-leavers": "Good",
        },
    ),
    "sif_marrick.txt": (
        "ofsted-sif",
        "Requires improvement",
        {
            "overall-effectiveness": "Requires improvement",
            "help-and-protection": "Good",
            "looked-after-permanence": "Requires improvement",
            "adoption": "Good",
            "care-leavers": "Requires improvement",
            "leadership-management-governance": "Requires improvement",
            "lscb": "Good",
        },
    ),
    "area_send_positive.txt": (
        "area-send",
        "Positive experiences and outcomes",
        {"inspection-outcome": "Positive experiences and outcomes"},
    ),
    "area_send_failings.txt": (
        "area-send",
        "Widespread and/or systemic failings",
        {"inspection-outcome": "Widespread and/or systemic failings"},
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_judgement_and_the_overall_outcome(name: str) -> None:
    framework, rating, grades = EXPECTED[name]
    doc = process(FIXTURES / name)
    assert doc.kind is DocumentKind.ASSESSMENT_REPORT
    assessment = doc.structure.assessment
    assert assessment is not None
    assert (assessment.framework, assessment.rating) == (framework, rating)
    assert assessment.grades == grades
    assert assessment.percent is None


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_an_inspection_is_recognised_from_its_text(name: str) -> None:
    kind, _ = detect_kind(normalise(read_document(FIXTURES / name)))
    assert kind is DocumentKind.ASSESSMENT_REPORT


def test_a_committee_report_quoting_an_inspection_outcome_is_no_inspection(tmp_path: Path) -> None:
    path = tmp_path / "cabinet-report.txt"
    path.write_text(
        "WYREBECK BOROUGH COUNCIL\nREPORT TO: Cabinet\nDATE: 4 December 2024\n"
        "SUBJECT: Area SEND inspection outcome and priority action plan\n"
        "Report of: Director of Children's Services\n"
        "1. Purpose of the report\n"
        "1.1 To inform Cabinet of the outcome of the area SEND inspection. The inspection found\n"
        "widespread and/or systemic failings and the partnership must submit a plan.\n"
        "2. Recommendations\n2.1 Cabinet is asked to note the report and approve the plan.\n",
        encoding="utf-8",
    )
    kind, _ = detect_kind(normalise(read_document(path)))
    assert kind is not DocumentKind.ASSESSMENT_REPORT
