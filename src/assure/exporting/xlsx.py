"""The gap matrix as an Excel workbook: matrix, flags and evidence sheets.

Rows go in through ``tables.append_row``: passage text and document names are
stored as text that never runs as a formula."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from assure.analysis.gaps import GapMatrix
from assure.exporting.tables import append_row

EMPTY = PatternFill(start_color="F4C7C3", end_color="F4C7C3", fill_type="solid")
FILLED = PatternFill(start_color="D9EAD3", end_color="D9EAD3", fill_type="solid")
BOLD = Font(bold=True)


def write_xlsx(matrix: GapMatrix, path: str | Path) -> Path:
    """Write ``matrix`` to ``path``: sheet ``Matrix`` (statements × categories,
    total passages per cell, empty cells coloured red by a conditional format),
    ``Stance`` (strengths / improvements / neutral per cell), ``Flags`` and
    ``Evidence`` (every counted passage with document, page and lines)."""
    book = Workbook()
    matrix_sheet(book.active, matrix)
    stance_sheet(book.create_sheet("Stance"), matrix)
    flags_sheet(book.create_sheet("Flags"), matrix)
    evidence_sheet(book.create_sheet("Evidence"), matrix)
    path = Path(path)
    book.save(path)
    return path


def header(sheet: Worksheet, titles: list[str]) -> None:
    append_row(sheet, titles)
    for cell in sheet[1]:
        cell.font = BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "C2"


def matrix_sheet(sheet: Worksheet, matrix: GapMatrix) -> None:
    sheet.title = "Matrix"
    header(
        sheet,
        [
            "Statement",
            "Id",
            *(matrix.category_name(c) for c in matrix.categories),
            "Total",
            "Flags",
        ],
    )
    for statement in matrix.framework.statements:
        counts = [matrix.cell(statement.id, c).total for c in matrix.categories]
        flags = "; ".join(f.kind for f in matrix.flags_for(statement.id))
        append_row(sheet, [statement.name, statement.id, *counts, sum(counts), flags])
    last_row = len(matrix.framework.statements) + 1
    first, last = get_column_letter(3), get_column_letter(2 + len(matrix.categories))
    area = f"{first}2:{last}{last_row}"
    sheet.conditional_formatting.add(area, CellIsRule(operator="equal", formula=["0"], fill=EMPTY))
    sheet.conditional_formatting.add(
        area, CellIsRule(operator="greaterThan", formula=["0"], fill=FILLED)
    )
    widths(sheet, [42, 16, *([14] * len(matrix.categories)), 8, 40])


def stance_sheet(sheet: Worksheet, matrix: GapMatrix) -> None:
    header(
        sheet, ["Statement", "Category", "Strengths", "Areas for improvement", "Neutral", "Total"]
    )
    for statement in matrix.framework.statements:
        for category in matrix.categories:
            cell = matrix.cell(statement.id, category)
            append_row(
                sheet,
                [
                    statement.name,
                    matrix.category_name(category),
                    cell.strengths,
                    cell.improvements,
                    cell.neutral,
                    cell.total,
                ],
            )
    widths(sheet, [42, 30, 12, 14, 10, 8])


def flags_sheet(sheet: Worksheet, matrix: GapMatrix) -> None:
    header(sheet, ["Statement", "Flag", "Message", "Where"])
    for flag in matrix.flags:
        where = "; ".join(
            f"{loc.document} p{loc.page} l{loc.line}"
            if loc.page is not None
            else f"{loc.document} l{loc.line}"
            for loc in flag.locations[:20]
        )
        append_row(sheet, [flag.statement, flag.kind, flag.message, where])
    widths(sheet, [18, 20, 80, 60])


def evidence_sheet(sheet: Worksheet, matrix: GapMatrix) -> None:
    header(
        sheet,
        [
            "Statement",
            "Document",
            "Document date",
            "Page",
            "First line",
            "Last line",
            "Category",
            "Stance",
            "Confidence",
            "Passage id",
            "Text",
        ],
    )
    for statement in matrix.framework.statements:
        for item in matrix.evidence[statement.id]:
            p = item.passage
            append_row(
                sheet,
                [
                    statement.id,
                    item.document.name,
                    item.document.date,
                    p.page,
                    p.start_line,
                    p.end_line,
                    p.category,
                    p.stance,
                    round(item.confidence(statement.id), 3),
                    item.id,
                    p.text[:500],
                ],
            )
    widths(sheet, [18, 40, 12, 6, 9, 9, 12, 12, 10, 10, 100])


def widths(sheet: Worksheet, values: list[int]) -> None:
    for index, value in enumerate(values, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = value
