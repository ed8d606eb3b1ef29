"""Write example Word and Excel files whose bytes depend only on their content.

``markdown_to_docx`` understands the small markdown subset the example sources
use: ``#`` headings (real Heading styles), ``- `` bullets, tab-separated rows
(one Word table per run of rows, first row as header; before the first heading
they are a contents list, kept as tabbed paragraphs), ``**bold**`` runs, and a
short run-in label ending in a colon at a paragraph's start ("Safeguarding:"),
which is set in bold as council authors do.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.text.paragraph import Paragraph

FIXED_TIME = datetime(2025, 1, 1, 9, 0, 0)
ZIP_TIME = (2025, 1, 1, 9, 0, 0)
HEADING = re.compile(r"^(#{1,4}) (.+)$")
RUN_IN = re.compile(r"^((?:[A-Z][\w'’-]*)(?:[ ,]+[\w'’-]+){0,7}):\s")
BOLD = re.compile(r"\*\*(.+?)\*\*")


def add_runs(paragraph: Paragraph, text: str) -> None:
    """Add ``text`` to ``paragraph``, bold where marked or where it opens with a run-in label."""
    label = RUN_IN.match(text)
    if label and "**" not in label.group(1):
        paragraph.add_run(label.group(1) + ":").bold = True
        text = text[label.end(1) + 1 :]
    position = 0
    for match in BOLD.finditer(text):
        if match.start() > position:
            paragraph.add_run(text[position : match.start()])
        paragraph.add_run(match.group(1)).bold = True
        position = match.end()
    if position < len(text):
        paragraph.add_run(text[position:])


def add_table(document: DocxDocument, rows: list[list[str]]) -> None:
    columns = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=columns)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c in range(columns):
            cell = table.cell(r, c)
            cell.text = row[c] if c < len(row) else ""
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def markdown_to_docx(source: str, path: Path, title: str, author: str) -> None:
    """Write ``source`` (the markdown subset above) as a Word document at ``path``."""
    document = Document()
    rows: list[list[str]] = []
    seen_heading = False
    for line in source.splitlines():
        if "\t" in line and not seen_heading:  # a contents list: tabbed lines, not a table
            document.add_paragraph(line)
            continue
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            add_table(document, rows)
            rows = []
        if not line.strip():
            continue
        if heading := HEADING.match(line):
            seen_heading = True
            document.add_heading(heading.group(2), level=len(heading.group(1)))
        elif line.startswith("- "):
            add_runs(document.add_paragraph(style="List Bullet"), line[2:])
        else:
            add_runs(document.add_paragraph(), line)
    if rows:
        add_table(document, rows)
    properties = document.core_properties
    properties.title, properties.author, properties.last_modified_by = title, author, author
    properties.created = properties.modified = properties.last_printed = FIXED_TIME
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(fix_zip(buffer.getvalue()))


def fix_zip(data: bytes) -> bytes:
    """Rewrite an Office zip with fixed entry times and dates: same content, same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*",
                    rb"\g<1>2025-01-01T09:00:00Z",
                    content,
                )
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, content)
    return out.getvalue()


def cell_value(text: str) -> str | float | None:
    """A CSV cell as Excel holds it: numbers as numbers, empty cells empty."""
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return text


def rows_to_xlsx(rows: list[list[str]], path: Path, sheet: str, title: str) -> None:
    """Write ``rows`` (the first is the header) as a one-sheet workbook at ``path``."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    for r, row in enumerate(rows):
        worksheet.append([cell_value(c) if r else c for c in row])
    for cell in worksheet[1]:
        cell.font = Font(bold=True)
    worksheet.column_dimensions["A"].width = 70
    workbook.properties.title = title
    workbook.properties.creator = "Northfield Borough Council"
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(fix_zip(buffer.getvalue()))
