"""Each bundled example reads in its own format, with its pages, headings and tables."""

from __future__ import annotations

import re

import pytest

from assure.document import Format
from assure.reading import read_document

FORMATS = {
    "northfield-asc-self-assessment-2024.docx": Format.DOCX,
    "northfield-asc-self-assessment-2024.txt": Format.TEXT,
    "northfield-adults-scrutiny-pack-2025-03.pdf": Format.PDF,
    "northfield-adults-scrutiny-pack-2025-03.txt": Format.TEXT,
    "cqc-northfield-assessment-2025.pdf": Format.PDF,
    "cqc-northfield-assessment-2025.html": Format.HTML,
    "northfield-asc-improvement-plan-2025.docx": Format.DOCX,
    "northfield-asc-improvement-plan-2025.md": Format.MARKDOWN,
    "performance-indicators.csv": Format.CSV,
    "performance-indicators.xlsx": Format.XLSX,
}


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_example_reads_in_its_format(examples, name):
    document = read_document(examples / name)
    assert document.format is FORMATS[name]
    assert len(document.lines) > 20
    assert [line.number for line in document.lines] == list(range(1, len(document.lines) + 1))


def test_pack_pdf_has_its_pages_footers_and_blank_pages(examples):
    document = read_document(examples / "northfield-adults-scrutiny-pack-2025-03.pdf")
    assert document.pages == 20
    assert {line.page for line in document.lines} == set(range(1, 21))
    footers = {
        line.page: line.text for line in document.lines if re.fullmatch(r"Page \d+", line.text)
    }
    assert footers[5] == "Page 1" and footers[20] == "Page 16"  # four front pages unnumbered
    blank = [line.page for line in document.lines if "intentionally left blank" in line.text]
    assert blank == [8, 10, 18]
    headers = [
        line.page
        for line in document.lines
        if line.text == "Health and Wellbeing Board - 6 February 2025"
    ]
    assert headers == [20]


def test_pack_pdf_splits_a_decision_across_a_page_break(examples):
    document = read_document(examples / "northfield-adults-scrutiny-pack-2025-03.pdf")
    lines = document.lines
    start = next(i for i, line in enumerate(lines) if line.text.startswith("AGREED that a member"))
    footer = next(i for i in range(start, len(lines)) if lines[i].text == "Page 2")
    continuation = next(
        line
        for line in lines[footer + 1 :]
        if not line.text.startswith("Adults and Health Scrutiny")
    )
    assert lines[footer - 1].text[-1] not in ".:;"
    assert continuation.page == lines[start].page + 1
    assert continuation.text[0].islower()


def test_self_assessment_docx_has_theme_statement_and_subsection_headings(examples):
    document = read_document(examples / "northfield-asc-self-assessment-2024.docx")
    headings = {line.text: line.heading_level for line in document.lines if line.heading_level}
    assert headings["THEME 1 - WORKING WITH PEOPLE"] == 1
    assert headings["4 ASSESSING NEEDS"] == 2
    assert headings["4.6 WHAT OTHERS SAY"] == 3
    assert "SAFEGUARDING" not in " ".join(headings)  # a run-in label, not a heading
    rows = [line.text for line in document.lines if line.table_row]
    assert any(row.startswith("People receiving direct payments (%)\t31.4") for row in rows)


def test_improvement_plan_docx_keeps_action_tables(examples):
    document = read_document(examples / "northfield-asc-improvement-plan-2025.docx")
    rows = [line.text.split("\t") for line in document.lines if line.table_row]
    actions = [row for row in rows if re.fullmatch(r"\d\.\d", row[0])]
    assert len(actions) == 21
    assert {row[3] for row in actions} >= {"Q2 2025/26", "Q3-Q4 2025/26", "Ongoing"}
    assert [actions[8][0], actions[8][5]] == ["2.4", "O4,O5 O6"]


def test_assessment_report_html_keeps_heading_levels(examples):
    document = read_document(examples / "cqc-northfield-assessment-2025.html")
    headings = [(line.heading_level, line.text) for line in document.lines if line.heading_level]
    assert (2, "Theme 3: How the local authority ensures safety within the system") in headings
    assert (3, "Safeguarding") in headings
