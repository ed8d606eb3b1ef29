"""A risk register laid out as a table whose cells survive: a spreadsheet, a
CSV file, a Word table, or text with tab-separated columns.

A header row names the columns (or two rows: "Inherent risk" spanning "Impact |
Likelihood | Score"); each row under it is a risk. A row with one filled cell
is a group heading ("Strategic risks", "Significant Risks (over £10m)"); a
repeated header (a new page or sheet) is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assure.document import CleanLine, CleanText
from assure.parsing.risk.columns import RATING_FIELDS, Column, header_columns, is_header
from assure.parsing.risk.fields import RiskFields, risk_from_fields
from assure.parsing.risk.scores import BARE
from assure.structure import Risk

# A rating column whose cells are mostly words holds text: "Impact" as what happens.
NUMERIC_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Row:
    line: CleanLine
    cells: list[str]


def cells_of(line: CleanLine) -> list[str]:
    return [cell.strip() for cell in line.text.split("\t")]


def is_row(line: CleanLine) -> bool:
    return line.table_row or "\t" in line.text


def source_cells(text: CleanText, line: CleanLine) -> list[str]:
    """A row's cells as read, before normalising: a Word cell's paragraphs keep
    the "<br>" between them that tells one control from the next."""
    if line.number == line.end and 1 <= line.number <= len(text.source.lines):
        raw = text.source.lines[line.number - 1].text
        if raw.count("\t") == line.text.count("\t"):
            return [cell.strip() for cell in raw.split("\t")]
    return cells_of(line)


def table_risks(text: CleanText) -> list[Risk]:
    """Every risk of every register table in the text."""
    lines = text.lines
    risks: list[Risk] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if not is_row(line) or not is_header(cells_of(line)):
            index += 1
            continue
        header = [cells_of(line)]
        index += 1
        if index < len(lines) and is_row(lines[index]) and is_subheader(cells_of(lines[index])):
            header.append(cells_of(lines[index]))
            index += 1
        rows: list[Row] = []
        while index < len(lines) and is_row(lines[index]):
            cells = cells_of(lines[index])
            if not is_header(cells):
                rows.append(Row(lines[index], source_cells(text, lines[index])))
            index += 1
        columns = read_columns(header_columns(header), rows)
        risks.extend(rows_to_risks(columns, rows))
    return risks


def is_subheader(cells: list[str]) -> bool:
    """A second header row: short rating headings ("I", "L", "Score") and blanks."""
    filled = [c for c in cells if c]
    return (
        bool(filled)
        and all(len(c) <= 25 and not BARE.fullmatch(c) for c in filled)
        and any(
            re.fullmatch(r"(?i)[il]|impact|likelihood|score|rating|total|.*\bx\b.*", c)
            for c in filled
        )
    )


def read_columns(columns: list[Column], rows: Sequence[Row]) -> list[Column]:
    """Columns as their cells show them: a rating column of words holds text
    (an "Impact" column that says what would happen is the risk's effects)."""
    read = []
    for position, col in enumerate(columns):
        if col.field in RATING_FIELDS:
            cells = [
                r.cells[position] for r in rows if position < len(r.cells) and r.cells[position]
            ]
            numeric = sum(1 for c in cells if BARE.search(c))
            if cells and numeric < NUMERIC_SHARE * len(cells):
                col = Column("effects" if col.field == "impact" else "", None, col.label)
        read.append(col)
    return read


def rows_to_risks(columns: list[Column], rows: Sequence[Row]) -> list[Risk]:
    risks: list[Risk] = []
    group: str | None = None
    for row in rows:
        filled = [c for c in row.cells if c]
        if len(filled) == 1 and len(filled[0]) <= 120 and not BARE.fullmatch(filled[0]):
            group = filled[0]
            continue
        fields = RiskFields(start_line=row.line.number, group=group)
        for col, cell in zip(columns, row.cells, strict=False):
            if cell:
                fields.add(col, cell)
        if (risk := risk_from_fields(fields)) is not None:
            risks.append(risk)
    return risks
