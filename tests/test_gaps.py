"""The gap matrix over a hand-built evidence base, and its XLSX and CSV exports."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date

from openpyxl import load_workbook

from assure.analysis.gaps import FlagKind, gap_matrix
from assure.exporting.csvfile import render_csv
from assure.exporting.xlsx import write_xlsx
from test_gaps_evidence import BOARD_PACK, OLD_PLAN, ashworth, passage

TODAY = date(2025, 11, 1)


def kinds(matrix, statement: str) -> set[str]:
    return {f.kind for f in matrix.flags_for(statement)}


def test_counts_passages_per_statement_category_and_stance() -> None:
    matrix = gap_matrix(ashworth(), today=TODAY, max_age_days=730)
    outcomes = matrix.cell("assessing-needs", "outcomes")
    assert (outcomes.strengths, outcomes.improvements, outcomes.neutral) == (1, 1, 0)
    processes = matrix.cell("assessing-needs", "processes")
    assert (processes.strengths, processes.neutral, processes.total) == (1, 1, 2)
    assert matrix.cell("assessing-needs", "people").total == 1
    assert matrix.cell("assessing-needs", "partners").total == 1
    assert matrix.cell("assessing-needs", "staff").improvements == 1
    assert matrix.total("assessing-needs") == 7
    assert matrix.total("safeguarding") == 2
    assert matrix.unassigned == 1  # the weakly labelled equity passage


def test_flags_missing_people_evidence_until_there_is_some() -> None:
    base = ashworth()
    matrix = gap_matrix(base, today=TODAY, max_age_days=730)
    assert FlagKind.NO_PEOPLE in kinds(matrix, "safeguarding")
    assert FlagKind.NO_PEOPLE not in kinds(matrix, "assessing-needs")

    voice = passage(
        40,
        BOARD_PACK,
        90,
        "A resident described feeling safer after the enquiry was closed.",
        "safeguarding",
        "people",
        "strength",
    )
    richer = replace(base, passages=(*base.passages, voice))
    assert FlagKind.NO_PEOPLE not in kinds(
        gap_matrix(richer, today=TODAY, max_age_days=730), "safeguarding"
    )


def test_statement_without_any_evidence_is_flagged_and_only_for_that() -> None:
    matrix = gap_matrix(ashworth(), today=TODAY, max_age_days=730)
    assert kinds(matrix, "equity") == {FlagKind.NO_EVIDENCE}
    assert FlagKind.NO_EVIDENCE not in kinds(matrix, "assessing-needs")
    assert FlagKind.NO_PARTNERS in kinds(matrix, "safeguarding")


def test_stale_evidence_by_document_date_against_the_configured_age() -> None:
    base = ashworth()
    # The plan is dated 2019-03-01: 2437 days before TODAY.
    stale = gap_matrix(base, today=TODAY, max_age_days=730)
    flag = next(f for f in stale.flags_for("safeguarding") if f.kind == FlagKind.STALE)
    assert "2 of 2" in flag.message and "nothing newer" in flag.message
    assert {loc.line for loc in flag.locations} == {30, 45}
    assert FlagKind.STALE not in kinds(stale, "assessing-needs")
    relaxed = gap_matrix(base, today=TODAY, max_age_days=2500)
    assert FlagKind.STALE not in kinds(relaxed, "safeguarding")


def test_conflicting_figures_flag_the_statement_of_the_passage_at_the_figure() -> None:
    matrix = gap_matrix(ashworth(), today=TODAY, max_age_days=730)
    flag = next(f for f in matrix.flags if f.kind == FlagKind.CONFLICTING_FIGURES)
    assert flag.statement == "assessing-needs"
    assert [(loc.line, loc.page) for loc in flag.locations] == [(140, 5), (60, 3)]
    assert FlagKind.CONFLICTING_FIGURES not in kinds(matrix, "safeguarding")


def test_xlsx_has_the_matrix_with_counts_flags_and_evidence(tmp_path) -> None:
    matrix = gap_matrix(ashworth(), today=TODAY, max_age_days=730)
    path = write_xlsx(matrix, tmp_path / "gaps.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["Matrix", "Stance", "Flags", "Evidence"]
    sheet = book["Matrix"]
    headers = [c.value for c in sheet[1]]
    assert headers[:8] == [
        "Statement",
        "Id",
        "People's experience",
        "Feedback from staff and leaders",
        "Feedback from partners",
        "Processes",
        "Outcomes",
        "Uncategorised",
    ]
    rows = {row[1]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["assessing-needs"][2:9] == (1, 1, 1, 2, 2, 0, 7)
    assert rows["equity"][2:9] == (0, 0, 0, 0, 0, 0, 0)
    assert "no_evidence" in rows["equity"][9]
    assert len(sheet.conditional_formatting) >= 1
    flags = [row for row in book["Flags"].iter_rows(min_row=2, values_only=True)]
    assert ("equity", "no_evidence") in {(r[0], r[1]) for r in flags}
    evidence = list(book["Evidence"].iter_rows(min_row=2, values_only=True))
    assert len(evidence) == 9
    first = evidence[0]
    assert first[:6] == (
        "assessing-needs",
        "Ashworth adult social care self-assessment",
        "2025-06-30",
        4,
        120,
        120,
    )


def test_csv_has_one_row_per_statement_and_category() -> None:
    matrix = gap_matrix(ashworth(), today=TODAY, max_age_days=730)
    rows = list(csv.DictReader(io.StringIO(render_csv(matrix))))
    assert len(rows) == 9 * 6
    cell = next(
        r for r in rows if r["statement"] == "assessing-needs" and r["category"] == "outcomes"
    )
    assert (cell["strengths"], cell["improvements"], cell["total"]) == ("1", "1", "2")


def test_undated_documents_are_not_called_stale() -> None:
    base = ashworth()
    undated = replace(OLD_PLAN, date=None)
    moved = tuple(
        replace(e, document=undated) if e.document.id == OLD_PLAN.id else e for e in base.passages
    )
    matrix = gap_matrix(replace(base, passages=moved), today=TODAY, max_age_days=730)
    assert FlagKind.STALE not in kinds(matrix, "safeguarding")
