"""Any listing as a spreadsheet: CSV text or an Excel workbook of one sheet.

Cells hold text from documents, so no cell may run as a formula. In CSV a cell
that a spreadsheet would read as one (beginning ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return) is written with a leading apostrophe, the usual guard. In
a workbook such a cell is stored as text with Excel's own text marker (the
"quote prefix" an apostrophe typed in Excel sets), so it shows exactly as
written and still never runs; characters a workbook cannot hold are dropped.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from assure.exporting.characters import printable

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` as a CSV cell that can never run as a formula; numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def append_row(sheet: Worksheet, values: Iterable[Any]) -> None:
    """Add a row of ``values`` to ``sheet``: numbers, dates and ``None`` as they
    are, anything else as text that never runs as a formula."""
    texts: list[int] = []
    row: list[Any] = []
    for column, value in enumerate(values, 1):
        if value is None or isinstance(value, bool | int | float) or hasattr(value, "isoformat"):
            row.append(value)
            continue
        text = printable(str(value))
        if text.startswith(FORMULA_START):
            texts.append(column)
        row.append(text)
    sheet.append(row)
    for column in texts:
        cell = sheet.cell(sheet.max_row, column)
        cell.data_type = "s"  # openpyxl takes a string opening "=" for a formula
        cell.quotePrefix = True


def render_table_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return out.getvalue()


def write_table_xlsx(
    header: Sequence[str], rows: Iterable[Sequence[Any]], path: str | Path, title: str
) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    append_row(sheet, header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for row in rows:
        append_row(sheet, row)
    path = Path(path)
    book.save(path)
    return path
