"""One invented KPI scorecard printed as councils publish scorecards: a
spreadsheet, a Word table and a landscape PDF table (arrows drawn in a font
that has them)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

FIXTURE = Path(__file__).parents[2] / "fixtures" / "performance" / "ashby_vale_asc_scorecard.toml"
DATA = tomllib.loads(FIXTURE.read_text(encoding="utf-8"))
HEADINGS = [
    "Ref",
    "Indicator",
    "Polarity",
    "Target",
    *DATA["period_columns"],
    "RAG",
    "DoT",
    "England",
]
TRENDS = {"↑": "up", "↓": "down", "↔": "same"}


def row(kpi: dict[str, Any]) -> list[str]:
    return [kpi["ref"], kpi["name"], kpi["polarity"], kpi["target"], *kpi["values"],
            kpi["rag"].capitalize(), kpi["trend"], kpi["england"]]  # fmt: skip


def spreadsheet(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append([f"{DATA['council']} {DATA['title']}"])
    sheet.append(HEADINGS)
    for kpi in DATA["kpis"]:
        sheet.append(row(kpi))
    book.save(path)


def word_table(path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_heading(f"{DATA['council']}: {DATA['title']}", level=1)
    table = document.add_table(rows=1, cols=len(HEADINGS))
    for cell, text in zip(table.rows[0].cells, HEADINGS, strict=True):
        cell.text = text
    for kpi in DATA["kpis"]:
        for cell, text in zip(table.add_row().cells, row(kpi), strict=True):
            cell.text = text
    document.save(path)


def landscape_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    font = "Helvetica"
    for candidate in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",):
        if Path(candidate).exists():  # arrows need a font that has them
            pdfmetrics.registerFont(TTFont("DejaVu", candidate))
            font = "DejaVu"
    styles = getSampleStyleSheet()
    cell = styles["BodyText"]
    cell.fontName, cell.fontSize, cell.leading = font, 8, 10
    rows = [[Paragraph(h, cell) for h in HEADINGS]]
    rows += [[Paragraph(text, cell) for text in row(kpi)] for kpi in DATA["kpis"]]
    table = Table(rows, colWidths=[40, 230, 50, 50, 60, 60, 45, 35, 50], repeatRows=1)
    title = Paragraph(f"{DATA['council']} {DATA['title']}", styles["Heading1"])
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build([title, table])
