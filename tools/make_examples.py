"""Regenerate the bundled example documents in examples/ from examples/sources/.

    .venv/bin/python tools/make_examples.py            # rewrite examples/
    .venv/bin/python tools/make_examples.py OUT_DIR    # write somewhere else

The output is deterministic (fixed metadata dates, reportlab ``invariant=1``,
fixed zip entry times), so running it twice gives the same bytes and
tests/test_examples_files.py can check the committed files against the sources.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Callable
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
if str(TOOLS) not in sys.path:
    sys.path.insert(0, str(TOOLS))

import paged  # noqa: E402
import webpage  # noqa: E402
import wordfiles  # noqa: E402

ROOT = TOOLS.parent
EXAMPLES = ROOT / "examples"
SOURCES = EXAMPLES / "sources"
COUNCIL = "Northfield Borough Council"
MARKDOWN_HEADING = re.compile(r"^#{1,6} ", re.MULTILINE)


def read_source(name: str) -> str:
    return (SOURCES / name).read_text(encoding="utf-8")


def self_assessment(out: Path) -> list[Path]:
    """The self-assessment as Word (real heading styles) and as a plain text export."""
    source = read_source("self-assessment.md")
    docx = out / "northfield-asc-self-assessment-2024.docx"
    wordfiles.markdown_to_docx(source, docx, "Adult Social Care Self-Assessment", COUNCIL)
    text = out / "northfield-asc-self-assessment-2024.txt"
    text.write_text(MARKDOWN_HEADING.sub("", source), encoding="utf-8")
    return [docx, text]


def committee_pack(out: Path) -> list[Path]:
    """The scrutiny panel's document pack as a paged PDF and as its text extraction."""
    pages = paged.lay_out(read_source("committee-pack.txt"))
    pdf = out / "northfield-adults-scrutiny-pack-2025-03.pdf"
    paged.write_pdf(pages, pdf, "Adults and Health Scrutiny Panel, 11 March 2025", COUNCIL)
    text = out / "northfield-adults-scrutiny-pack-2025-03.txt"
    text.write_text(paged.to_text(pages), encoding="utf-8")
    return [pdf, text]


REPORT_TITLE = "Northfield Borough Council: local authority assessment"


def assessment_report(out: Path) -> list[Path]:
    """The regulator's assessment report as a PDF and as the web page it is published on."""
    source = read_source("assessment-report.txt")
    pages = paged.lay_out(f"%% header {REPORT_TITLE}\n%% numbering on\n{source}")
    pdf = out / "cqc-northfield-assessment-2025.pdf"
    paged.write_pdf(pages, pdf, REPORT_TITLE, "Care Quality Commission")
    html = out / "cqc-northfield-assessment-2025.html"
    html.write_text(webpage.report_page(source, REPORT_TITLE), encoding="utf-8")
    return [pdf, html]


def improvement_plan(out: Path) -> list[Path]:
    """The improvement plan as Word (tables) and as markdown."""
    source = read_source("improvement-plan.md")
    docx = out / "northfield-asc-improvement-plan-2025.docx"
    wordfiles.markdown_to_docx(source, docx, "Adult Social Care Improvement Plan", COUNCIL)
    markdown = out / "northfield-asc-improvement-plan-2025.md"
    markdown.write_text(source, encoding="utf-8")
    return [docx, markdown]


def performance_data(out: Path) -> list[Path]:
    """The performance indicators as CSV and as an Excel workbook."""
    source = read_source("performance-indicators.csv")
    table = out / "performance-indicators.csv"
    table.write_text(source, encoding="utf-8")
    rows = list(csv.reader(io.StringIO(source)))
    workbook = out / "performance-indicators.xlsx"
    wordfiles.rows_to_xlsx(rows, workbook, "Indicators", "Adult social care indicators")
    return [table, workbook]


BUILDERS: list[Callable[[Path], list[Path]]] = [
    self_assessment,
    committee_pack,
    assessment_report,
    improvement_plan,
    performance_data,
]


def build(out: Path) -> list[Path]:
    """Write every generated example into ``out``; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for builder in BUILDERS:
        written += builder(out)
    return written


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else EXAMPLES
    for path in build(out):
        print(path.relative_to(out) if path.is_relative_to(out) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
