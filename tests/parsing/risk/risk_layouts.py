"""One invented register printed as the layouts councils publish risk registers in.

The register's facts live in ``tests/fixtures/risk/*.toml``; these functions
print them as a landscape PDF table (several risks to a page, the header
repeated, a heat map after), as cards (one risk to a page), as a spreadsheet
with a two-row header (controls bulleted in one cell) and as a Word table that
writes ratings likelihood first (a paragraph per control).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parents[2] / "fixtures" / "risk"


def register(name: str = "calderwick_corporate_risks") -> dict[str, Any]:
    return tomllib.loads((FIXTURES / f"{name}.toml").read_text(encoding="utf-8"))


def product(rating: list[int], likelihood_first: bool = False) -> str:
    impact, likelihood, score = rating
    first, second = (likelihood, impact) if likelihood_first else (impact, likelihood)
    return f"{first} x {second} = {score}"


def landscape_pdf(data: dict[str, Any], path: Path, per_page: int = 4) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    cell = styles["BodyText"]
    cell.fontSize, cell.leading = 8, 10
    heading = ["Ref", "Risk and description", "Risk owner", "Inherent risk (I x L)",
               "Existing controls", "Residual risk (I x L)", "Further actions"]  # fmt: skip
    widths = [40, 190, 90, 70, 190, 70, 130]

    def page_furniture(canvas, doc) -> None:
        canvas.setFont("Helvetica", 9)
        canvas.drawString(30, 570, f"{data['council']} - {data['title']}")
        canvas.drawString(400, 20, f"Page {doc.page}")

    story: list[Any] = []
    risks = data["risks"]
    for start in range(0, len(risks), per_page):
        rows = [[Paragraph(f"<b>{h}</b>", cell) for h in heading]]
        for risk in risks[start : start + per_page]:
            rows.append(
                [
                    Paragraph(risk["ref"], cell),
                    Paragraph(f"<b>{risk['title']}</b><br/>{risk['description']}", cell),
                    Paragraph("<br/>".join(risk["owners"]), cell),
                    Paragraph(product(risk["inherent"]), cell),
                    Paragraph("<br/>".join(f"• {c}" for c in risk["controls"]), cell),
                    Paragraph(product(risk["residual"]), cell),
                    Paragraph("<br/>".join(f"• {a}" for a in risk["actions"]), cell),
                ]
            )
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))  # fmt: skip
        story += [table, PageBreak()]
    # A heat map: counts of risks by impact and likelihood, naming no risk.
    grid = [["Likelihood / Impact", "1", "2", "3", "4", "5"]]
    grid += [[str(level), "0", "1", "2", "3", "1"] for level in range(5, 0, -1)]
    story.append(Paragraph("Residual risk heat map", styles["Heading2"]))
    story.append(Table(grid))
    SimpleDocTemplate(str(path), pagesize=landscape(A4), topMargin=50).build(
        story, onFirstPage=page_furniture, onLaterPages=page_furniture
    )


def cards_pdf(data: dict[str, Any], path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    story: list[Any] = [
        Paragraph(f"{data['council']} {data['title']}", styles["Title"]),
        PageBreak(),
    ]
    for risk in data["risks"]:
        i, lk, s = risk["inherent"]
        story += [
            Paragraph(f"Risk reference: {risk['ref']}", styles["Heading2"]),
            Paragraph(f"Risk title: {risk['title']}", styles["BodyText"]),
            Paragraph(f"Risk owner: {', '.join(risk['owners'])}", styles["BodyText"]),
            Paragraph(f"Description: {risk['description']}", styles["BodyText"]),
            Paragraph(
                f"Inherent risk score: Impact {i} x Likelihood {lk} = {s}", styles["BodyText"]
            ),
            Paragraph("Existing controls:", styles["BodyText"]),
            *[Paragraph(f"• {c}", styles["BodyText"]) for c in risk["controls"]],
            Paragraph(f"Residual risk score: {product(risk['residual'])}", styles["BodyText"]),
            Paragraph("Further actions:", styles["BodyText"]),
            *[Paragraph(f"• {a}", styles["BodyText"]) for a in risk["actions"]],
            PageBreak(),
        ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def spreadsheet(data: dict[str, Any], path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Corporate risks"
    sheet.append([data["title"]])
    sheet.append(["Ref", "Risk", "Description", "Owner", "Inherent risk", None, None,
                  "Controls", "Residual risk", None, None, "Actions"])  # fmt: skip
    sheet.append([None, None, None, None, "Impact", "Likelihood", "Score",
                  None, "Impact", "Likelihood", "Score", None])  # fmt: skip
    sheet.merge_cells("E2:G2")
    sheet.merge_cells("I2:K2")
    for risk in data["risks"]:
        controls = "\n".join(f"• {c}" for c in risk["controls"])
        actions = "\n".join(f"• {a}" for a in risk["actions"])
        owners = " / ".join(risk["owners"])
        row = [risk["ref"], risk["title"], risk["description"], owners, *risk["inherent"]]
        sheet.append([*row, controls, *risk["residual"], actions])
    book.save(path)


def word_table(data: dict[str, Any], path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_heading(f"{data['council']}: {data['title']}", level=1)
    table = document.add_table(rows=1, cols=7)
    for cell, text in zip(
        table.rows[0].cells,
        ["Ref", "Risk", "Owner", "Inherent (L x I)", "Controls", "Residual (L x I)", "Actions"],
        strict=True,
    ):
        cell.text = text
    for risk in data["risks"]:
        cells = table.add_row().cells
        cells[0].text = risk["ref"]
        cells[1].text = risk["title"]
        cells[2].text = "; ".join(risk["owners"])
        cells[3].text = product(risk["inherent"], likelihood_first=True)
        cells[5].text = product(risk["residual"], likelihood_first=True)
        for cell, items in ((cells[4], risk["controls"]), (cells[6], risk["actions"])):
            cell.text = items[0]  # one paragraph per control, as people type them
            for item in items[1:]:
                cell.add_paragraph(item)
    document.save(path)
