"""Regulator reports as a designer lays them out in a PDF, read back through
``read_document``: two columns of narrow, wrapped lines, headings in larger
type that wrap too, score "badges" as separate short lines ("Score" over "2"
over "Evidence shows some shortfalls"), the overall rating in a box on the
front page, full-width tables whose rows the PDF's text runs together, and a
running head and footer on every page. The scores, percent and rating must
come out as the report states them, and as from the plain text.

Calderwick is written for this test in the regulator's layout; its expected
scores were set down before the parser ever read it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assure.normalising import normalise
from assure.parsing.assessment_report import PARSER
from assure.parsing.registry import detect_kind
from assure.reading import read_document
from assure.structure import DocumentKind, ParsedStructure

FIXTURES = Path(__file__).parent / "fixtures" / "assessment_report"
TEXT_FIXTURES = sorted(p.name for p in FIXTURES.glob("*.txt") if "regulator_layout" not in p.name)
PAGE_WIDTH, PAGE_HEIGHT = 595.27, 841.89  # A4 in points
MARGIN, GUTTER, TOP, BOTTOM = 40.0, 24.0, PAGE_HEIGHT - 70, 60.0
CALDERWICK_SCORES = {
    "assessing-needs": 2, "healthier-lives": 3, "equity": 2,
    "care-provision": 2, "partnerships": 3, "safe-systems": 2,
    "safeguarding": 3, "governance": 2, "learning": 2,
}  # fmt: skip


class DesignedPages:
    """Lays out a fixture's lines as a designer would. Plain lines flow down
    two columns; "# " starts a full-width heading, "## " and "### " are
    headings in the column, "! " a line of a badge, "@page" a new page,
    "@box" ... "@end" a boxed panel, tab-separated lines a full-width table.
    In a plain fixture a short line without closing punctuation is a heading."""

    def __init__(self, target: Path, running_head: str) -> None:
        from reportlab.pdfgen import canvas

        self.pdf = canvas.Canvas(str(target), pagesize=(PAGE_WIDTH, PAGE_HEIGHT))
        self.running_head = running_head
        self.column_width = (PAGE_WIDTH - 2 * MARGIN - GUTTER) / 2
        self.page, self.column, self.y, self.fresh = 1, 0, TOP, True
        self.furniture()

    def furniture(self) -> None:
        self.pdf.setFont("Helvetica", 8)
        self.pdf.drawString(MARGIN, PAGE_HEIGHT - 40, self.running_head)

    def footer_and_turn(self) -> None:
        self.pdf.setFont("Helvetica", 8)
        self.pdf.drawString(MARGIN, 30, "Care Quality Commission")
        self.pdf.drawRightString(PAGE_WIDTH - MARGIN, 30, f"Page {self.page}")
        self.pdf.showPage()
        self.page += 1
        self.furniture()

    def new_page(self) -> None:
        if not self.fresh:
            self.footer_and_turn()
        self.column, self.y, self.fresh = 0, TOP, True

    @staticmethod
    def wrap(text: str, font: str, size: float, room: float) -> list[str]:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        lines: list[str] = []
        current = ""
        for word in text.split():
            trial = f"{current} {word}".strip()
            if current and stringWidth(trial, font, size) > room:
                lines.append(current)
                current = word
            else:
                current = trial
        return [*lines, current] if current else lines

    def flow(self, text: str, font: str, size: float, gap: float, boxed: bool = False) -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        leading = size * 1.3
        inset = 4 if boxed else 0
        for line in self.wrap(text, font, size, self.column_width - 2 * inset):
            if self.y - leading < BOTTOM:
                self.column, self.y = self.column + 1, TOP
                if self.column > 1:
                    self.new_page()
            self.y -= leading
            x = MARGIN + self.column * (self.column_width + GUTTER)
            if boxed:
                self.pdf.rect(x, self.y - 3, stringWidth(line, font, size) + 2 * inset, leading)
            self.pdf.setFont(font, size)
            self.pdf.drawString(x + inset, self.y, line)
            self.fresh = False
        self.y -= gap

    def full_width_heading(self, text: str) -> None:
        if self.column > 0 or self.y < TOP - 300:
            self.new_page()
        self.y -= 25
        self.pdf.setFont("Helvetica-Bold", 18)
        self.pdf.drawString(MARGIN, self.y, text)
        self.y -= 10
        self.fresh = False

    def panel(self, lines: list[str]) -> None:
        top = self.y - 10
        self.pdf.rect(MARGIN, top - 22 * len(lines) - 10, 220, 22 * len(lines) + 10)
        for index, line in enumerate(lines):
            self.pdf.setFont("Helvetica-Bold", 16 if index else 11)
            self.pdf.drawString(MARGIN + 12, top - 22 * (index + 1), line)
        self.y = top - 22 * len(lines) - 30
        self.fresh = False

    def table_row(self, cells: list[str]) -> None:
        if self.column > 0:
            self.new_page()
        room = PAGE_WIDTH - 2 * MARGIN
        shares = [0.22, 0.38, 0.1, 0.3] if len(cells) == 4 else [1 / len(cells)] * len(cells)
        wrapped = [
            self.wrap(cell, "Helvetica", 8.5, share * room - 6) or [""]
            for cell, share in zip(cells, shares, strict=True)
        ]
        depth = max(len(lines) for lines in wrapped)
        if self.y - depth * 11 - 6 < BOTTOM:
            self.new_page()
        left = MARGIN
        for lines, share in zip(wrapped, shares, strict=True):
            self.pdf.rect(left, self.y - depth * 11 - 4, share * room, depth * 11 + 4)
            self.pdf.setFont("Helvetica", 8.5)
            for index, line in enumerate(lines):
                self.pdf.drawString(left + 3, self.y - 9 - 11 * index, line)
            left += share * room
        self.y -= depth * 11 + 4
        self.fresh = False

    def put(self, text: str) -> None:
        if text == "@page":
            self.new_page()
        elif text.startswith("# "):
            self.full_width_heading(text[2:])
        elif text.startswith("## "):
            self.flow(text[3:], "Helvetica-Bold", 13, 4)
        elif text.startswith("### "):
            self.flow(text[4:], "Helvetica-Bold", 10.5, 2)
        elif text.startswith("! "):
            self.flow(text[2:], "Helvetica-Bold", 10, 2, boxed=True)
        elif len(text) < 70 and not text.endswith((".", ",", ";", ":")) and text[0] != "-":
            self.flow(text, "Helvetica-Bold", 12, 4)
        else:
            self.flow(text, "Helvetica", 9, 5)


def lay_out_pdf(source: Path, target: Path, running_head: str) -> None:
    """``source`` laid out on designed A4 pages at ``target``."""
    pages = DesignedPages(target, running_head)
    panel: list[str] | None = None
    for raw in source.read_text(encoding="utf-8").replace("\f", "\n@page\n").splitlines():
        text = raw.strip()
        if panel is not None:
            if text == "@end":
                pages.panel(panel)
                panel = None
            else:
                panel.append(text)
        elif text == "@box":
            panel = []
        elif "\t" in raw:
            pages.table_row([cell.strip() for cell in raw.split("\t")])
        elif text:
            pages.put(text)
    pages.footer_and_turn()
    pages.pdf.save()


def parsed_pdf(name: str, tmp_path: Path, running_head: str) -> ParsedStructure:
    pdf = tmp_path / name.replace(".txt", ".pdf")
    lay_out_pdf(FIXTURES / name, pdf, running_head)
    text = normalise(read_document(pdf))
    assert detect_kind(text)[0] is DocumentKind.ASSESSMENT_REPORT
    return PARSER.parse(text)


def test_a_report_in_the_regulators_layout(tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    head = "Calderwick Council: local authority assessment"
    parsed = parsed_pdf("calderwick_regulator_layout.txt", tmp_path, head)
    assessment = parsed.assessment
    assert assessment is not None
    assert assessment.scores == CALDERWICK_SCORES
    assert (assessment.percent, assessment.rating) == (58, "Requires improvement")
    assert assessment.stated_rating == "Requires improvement"
    assert not parsed.findings
    statements = [s for s in parsed.sections if s.kind == "quality_statement"]
    assert [s.qs[0] for s in statements] == list(CALDERWICK_SCORES)
    equity = next(s for s in statements if s.qs == ("equity",))
    assert equity.end_line > equity.start_line + 8  # the badge's label heads no section
    assert len([s for s in parsed.sections if s.kind == "finding"]) == 9
    themes = [s.title for s in parsed.sections if s.kind == "theme"]
    assert [t.split(":")[0] for t in themes] == ["Theme 1", "Theme 2", "Theme 3", "Theme 4"]


@pytest.mark.parametrize("name", TEXT_FIXTURES)
def test_printed_in_narrow_columns_the_scores_are_the_texts(name: str, tmp_path: Path) -> None:
    """The same statements, scores, percent and rating as from the text,
    though every paragraph wraps and a summary table's rows run together."""
    pytest.importorskip("reportlab")
    from_text = PARSER.parse(normalise(read_document(FIXTURES / name)))
    from_pdf = parsed_pdf(name, tmp_path, "Local authority assessment")
    assert from_text.assessment is not None and from_pdf.assessment is not None
    assert from_pdf.assessment.scores == from_text.assessment.scores
    assert (from_pdf.assessment.percent, from_pdf.assessment.rating) == (
        from_text.assessment.percent,
        from_text.assessment.rating,
    )
    assert from_pdf.assessment.stated_rating == from_text.assessment.stated_rating

    def order(parsed: ParsedStructure) -> list[str]:
        return [s.qs[0] for s in parsed.sections if s.kind == "quality_statement"]

    assert order(from_pdf) == order(from_text)
