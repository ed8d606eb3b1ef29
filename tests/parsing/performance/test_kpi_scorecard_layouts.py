"""An invented KPI scorecard printed as a spreadsheet, a Word table and a
landscape PDF table gives back every indicator with its latest value, target,
RAG rating, direction of travel, previous quarter and England figure.

The facts (tests/fixtures/performance/ashby_vale_asc_scorecard.toml) were
written before the parser ran on these layouts.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from assure.pipeline import process
from assure.structure import DocumentKind, Metric, ParsedDocument

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


LAYOUTS = {
    "scorecard.xlsx": spreadsheet,
    "scorecard.docx": word_table,
    "scorecard.pdf": landscape_pdf,
}


@pytest.fixture(scope="module", params=sorted(LAYOUTS))
def printed(request, tmp_path_factory) -> tuple[str, ParsedDocument]:
    path = tmp_path_factory.mktemp("kpi") / request.param
    LAYOUTS[request.param](path)
    return request.param, process(path)


def figure(text: str) -> float | None:
    return None if text == "-" else float(text.rstrip("%"))


def rows_of(doc: ParsedDocument) -> list[Metric]:
    return [m for m in doc.metrics if m.rag or m.target is not None]


def test_a_kpi_scorecard_is_a_performance_report(printed) -> None:
    name, doc = printed
    assert doc.kind is DocumentKind.PERFORMANCE_REPORT, name


def test_every_indicator_with_value_target_rag_trend_and_comparators(printed) -> None:
    name, doc = printed
    rows = rows_of(doc)
    assert len(rows) == len(DATA["kpis"]), (name, [m.measure for m in rows])
    for kpi, metric in zip(DATA["kpis"], rows, strict=True):
        assert kpi["name"] in (metric.measure or ""), (name, metric.measure)
        assert metric.value == figure(kpi["values"][-1]), (name, kpi["ref"], metric.value)
        assert metric.target == figure(kpi["target"]), (name, kpi["ref"])
        assert metric.rag == kpi["rag"], (name, kpi["ref"], metric.rag)
        assert metric.trend == TRENDS[kpi["trend"]], (name, kpi["ref"], metric.trend)
        kinds = {c.kind: c.value for c in metric.comparators}
        assert kinds.get("previous") == figure(kpi["values"][0]), (name, kpi["ref"], kinds)
        assert kinds.get("england") == figure(kpi["england"]), (name, kpi["ref"], kinds)
        assert metric.period == DATA["period_columns"][-1], (name, metric.period)
        if kpi["target"].endswith("%"):
            assert metric.unit == "percent", (name, kpi["ref"])
