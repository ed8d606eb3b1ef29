"""The fictional packs printed to PDF parse as they do from text: no blank
lines, wrapped lines, page footers and whatever the reader joins."""

from __future__ import annotations

from pathlib import Path

import pytest

from assure.normalising import normalise
from assure.parsing.committee_pack import PARSER
from assure.reading import read_document
from assure.structure import ParsedStructure

FIXTURES = Path(__file__).parent / "fixtures" / "committee_pack"
# Printing flattens tab columns into spaces: minutes kept as a table (one row
# per minute, decision and action in cells) are a different document as a PDF.
TABLE_MINUTES = {"dorrow-hwb-2024-06.txt"}
NAMES = sorted(path.name for path in FIXTURES.glob("*.txt") if path.name not in TABLE_MINUTES)


def print_to_pdf(source: Path, target: Path) -> None:
    """Lay the text out on A4 pages, a new page after each "Page N" footer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(target), pagesize=A4)
    y = 800
    for raw in source.read_text(encoding="utf-8").splitlines():
        if raw.startswith("Page ") and raw[5:].isdigit():
            page.drawString(280, 30, raw)
            page.showPage()
            y = 800
            continue
        text = raw.replace("\t", "    ")
        while text:
            cut = len(text) if len(text) <= 95 else text.rfind(" ", 0, 95)
            page.drawString(40, y, text[:cut])
            text = text[cut:].lstrip()
            y -= 14
            if y < 60:
                page.showPage()
                y = 800
        y -= 6 if not raw.strip() else 0
    page.save()


def outline(parsed: ParsedStructure) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for meeting in parsed.meetings:
        rows.append((meeting.role, meeting.body, meeting.date))
        rows += [(item.number, item.pages) for item in meeting.agenda]
        rows += [(item.number, item.title, len(item.decisions)) for item in meeting.minutes]
    return rows


@pytest.mark.parametrize("name", NAMES)
def test_pack_as_pdf_gives_the_same_meetings(name: str, tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    pdf = tmp_path / name.replace(".txt", ".pdf")
    print_to_pdf(FIXTURES / name, pdf)
    from_text = PARSER.parse(normalise(read_document(FIXTURES / name)))
    from_pdf = PARSER.parse(normalise(read_document(pdf)))
    assert outline(from_pdf) == outline(from_text)
    assert [f.kind for f in from_pdf.findings] == [f.kind for f in from_text.findings]
