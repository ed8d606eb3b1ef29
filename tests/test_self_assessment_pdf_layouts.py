"""Self-assessments laid out as designed PDF pages (two narrow columns, so
every paragraph wraps; headings in larger type that wrap too; tables drawn
as cells whose rows the PDF's text runs together; a running head and footer
on every page) and read back through ``read_document``: each statement must
start at its heading, as it does in the plain text.

Castlebridge names its statements as run-in labels, Greyhaven as numbered
boxes ("QS1:", "Quality Statement 4 -"), Ravensford as the one row of a
small table under its header row ("Quality statement | Our self-assessed
score | Direction of travel"), which the PDF flattens into a line of text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assure.document import CleanText
from assure.normalising import normalise
from assure.parsing.registry import detect_kind
from assure.parsing.self_assessment import PARSER
from assure.reading import read_document
from assure.structure import DocumentKind
from test_assessment_report_pdf import lay_out_pdf
from test_self_assessment_paged_layouts import statement_starts

FIXTURES = Path(__file__).parent / "fixtures" / "self_assessment"
NAMES = (
    "castlebridge_runin.txt",
    "greyhaven_qs_boxes.txt",
    "ravensford_statement_tables.txt",
)
NEAR = 3  # lines between a section's start and the line holding its heading


def distance_to_heading(text: CleanText, start: int, heading: str) -> int:
    """Lines from ``start`` to the nearest clean line of the PDF's text that
    holds the heading's first words (a contents entry or summary row names
    the statement too, far from its section)."""
    words = " ".join(heading.replace("\t", " ").split()[:3])
    holding = [line.number for line in text.lines if words in " ".join(line.text.split())]
    return min(abs(start - number) for number in holding)


@pytest.mark.parametrize("name", NAMES)
def test_statements_start_at_their_headings_in_the_pdf(name: str, tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    plain = normalise(read_document(FIXTURES / name))
    from_text = statement_starts(PARSER.parse(plain))
    pdf = tmp_path / name.replace(".txt", ".pdf")
    lay_out_pdf(FIXTURES / name, pdf, "Adult social care self-assessment 2024")
    text = normalise(read_document(pdf))
    assert detect_kind(text)[0] is DocumentKind.SELF_ASSESSMENT
    from_pdf = statement_starts(PARSER.parse(text))
    assert list(from_pdf) == list(from_text)
    assert len(from_pdf) == 9
    for statement, line in from_text.items():
        heading = plain.source.lines[line - 1].text
        assert distance_to_heading(text, from_pdf[statement], heading) <= NEAR, statement


def test_score_cells_left_on_their_own_lines_head_no_section(tmp_path: Path) -> None:
    """A statement's name cell that wraps leaves "3 – good standard Stable"
    on a line of its own; it must not cut the statement's section short."""
    pytest.importorskip("reportlab")
    pdf = tmp_path / "ravensford.pdf"
    lay_out_pdf(FIXTURES / "ravensford_statement_tables.txt", pdf, "Self-assessment 2025")
    parsed = PARSER.parse(normalise(read_document(pdf)))
    statements = [s for s in parsed.sections if s.kind == "quality_statement"]
    assert len(statements) == 9
    assert all(s.end_line - s.start_line > 10 for s in statements)
    assert not [s for s in parsed.sections if s.title[:1].isdigit() and s.kind == "heading"]
