"""A second invented register in another house style: numbered risks, ratings
written likelihood first ("L4 x I4 = 16") at three points (original, current,
target), a direction of travel, printed as a landscape PDF table and as cards
whose labels stand in a table's first column without colons.

The facts (tests/fixtures/risk/ashby_vale_strategic_risks.toml) were written
before the parser ran on these layouts.
"""

from __future__ import annotations

from typing import Any

import pytest
import risk_layouts as layouts

from assure.pipeline import process
from assure.structure import DocumentKind, ParsedDocument, RiskScore

DATA = layouts.register("ashby_vale_strategic_risks")


def lettered(values: list[int]) -> str:
    impact, likelihood, score = values
    return f"L{likelihood} x I{impact} = {score}"


def table_pdf(data: dict[str, Any], path) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    cell = getSampleStyleSheet()["BodyText"]
    cell.fontSize, cell.leading = 8, 10
    headings = ("Risk No.", "Risk", "Cause and consequence", "Risk Owner", "Original Score",
                "Key controls", "Current Score", "Target Score", "Direction of Travel")  # fmt: skip
    rows = [[Paragraph(h, cell) for h in headings]]
    for risk in data["risks"]:
        rows.append(
            [
                Paragraph(str(x), cell)
                for x in (
                    risk["ref"],
                    risk["title"],
                    risk["description"],
                    ", ".join(risk["owners"]),
                    lettered(risk["original"]),
                    "<br/>".join(f"- {c}" for c in risk["controls"]),
                    lettered(risk["current"]),
                    lettered(risk["target"]),
                    risk["trend"],
                )
            ]
        )
    table = Table(rows, colWidths=[40, 90, 170, 80, 60, 170, 60, 60, 60], repeatRows=1)
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4))
    doc.build([Paragraph(f"{data['council']} {data['title']}", cell), table])


def cards_pdf(data: dict[str, Any], path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table

    styles = getSampleStyleSheet()
    story: list[Any] = [Paragraph(data["title"], styles["Title"])]
    for risk in data["risks"]:
        rows = [
            ["Risk number", risk["ref"]],
            ["Risk title", risk["title"]],
            ["Risk description", risk["description"]],
            ["Risk owner", ", ".join(risk["owners"])],
            ["Original risk score", lettered(risk["original"])],
            ["Current risk score", lettered(risk["current"])],
            ["Target risk score", lettered(risk["target"])],
            ["Direction of travel", risk["trend"]],
            ["Existing controls", "\n".join(risk["controls"])],
        ]
        story += [Table(rows, colWidths=[130, 330]), PageBreak()]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


@pytest.fixture(scope="module", params=["table_pdf", "cards_pdf"])
def printed(request, tmp_path_factory) -> tuple[str, ParsedDocument]:
    path = tmp_path_factory.mktemp(request.param) / "strategic.pdf"
    {"table_pdf": table_pdf, "cards_pdf": cards_pdf}[request.param](DATA, path)
    return request.param, process(path)


def rating(values: list[int]) -> RiskScore:
    impact, likelihood, score = values
    return RiskScore(impact=impact, likelihood=likelihood, score=score)


def test_every_numbered_risk_with_owner_and_three_ratings(printed) -> None:
    layout, doc = printed
    assert doc.kind is DocumentKind.RISK_REGISTER, layout
    found = {r.ref: r for r in doc.structure.risks}
    assert sorted(found, key=lambda r: int(r or 0)) == [r["ref"] for r in DATA["risks"]], layout
    for expected in DATA["risks"]:
        risk = found[expected["ref"]]
        assert risk.title.startswith(expected["title"]), (layout, risk.title)
        assert list(risk.owners) == expected["owners"], (layout, risk.ref, risk.owners)
        assert risk.inherent == rating(expected["original"]), (layout, risk.ref, risk.inherent)
        assert risk.residual == rating(expected["current"]), (layout, risk.ref, risk.residual)
        assert risk.target == rating(expected["target"]), (layout, risk.ref, risk.target)


def test_direction_of_travel_and_controls(printed) -> None:
    layout, doc = printed
    found = {r.ref: r for r in doc.structure.risks}
    for expected in DATA["risks"]:
        risk = found[expected["ref"]]
        assert (risk.trend or "").lower() == expected["trend"].lower(), (
            layout,
            risk.ref,
            risk.trend,
        )
        assert len(risk.mitigations) == len(expected["controls"]), (layout, risk.mitigations)
