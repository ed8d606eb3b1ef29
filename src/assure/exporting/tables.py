"""Any listing as a spreadsheet: CSV text or an Excel workbook of one sheet.

Cells hold text from documents, so a cell that a spreadsheet would read as a
formula (beginning ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is
written with a leading apostrophe, as Excel's own "text" marker.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` as a spreadsheet cell that can never run as a formula; numbers
    stay numbers."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


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
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for row in rows:
        sheet.append([safe_cell(v) for v in row])
    path = Path(path)
    book.save(path)
    return path
