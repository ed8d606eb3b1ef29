"""Word documents (DOCX), read with python-docx.

The body is walked in document order so paragraphs and tables stay
interleaved as the author wrote them. Headings come from the "Title" and
"Heading N" styles; list items get a bullet or their number; each table row is
one line with its cells joined by tabs. Pages are not known (``None``): Word
lays pages out only when it renders.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from assure.document import Format, SourceDocument
from assure.errors import CorruptDocument, UnsupportedType
from assure.reading.lines import LineBuilder

ZIP_MAGIC = b"PK\x03\x04"
HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def zip_has_member(head: bytes, prefix: bytes) -> bool:
    """Whether zip content ``head`` names a member starting with ``prefix``.

    The registry hands zip readers the first bytes and the central directory,
    so member names are visible without unpacking.
    """
    return head.startswith(ZIP_MAGIC) and prefix in head


def heading_level(paragraph: Paragraph) -> int | None:
    style = paragraph.style.name if paragraph.style is not None else ""
    if style and style.lower() == "title":
        return 1
    match = HEADING_STYLE.match(style or "")
    return int(match.group(1)) if match else None


def list_marker(paragraph: Paragraph, counters: dict[tuple[str, str], int]) -> str | None:
    """ "• " for a bullet, "3. " for the third numbered item, ``None`` if not a list item."""
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    num_pr = paragraph._p.find(f"{W_NS}pPr/{W_NS}numPr")
    lowered = style.lower()
    if num_pr is None and not lowered.startswith("list"):
        return None
    if "number" in lowered:
        key = (style, "0")
        if num_pr is not None:
            num_id = num_pr.find(f"{W_NS}numId")
            level = num_pr.find(f"{W_NS}ilvl")
            key = (
                num_id.get(f"{W_NS}val", "") if num_id is not None else "",
                level.get(f"{W_NS}val", "0") if level is not None else "0",
            )
        counters[key] = counters.get(key, 0) + 1
        return f"{counters[key]}. "
    return "• "


def table_rows(table: Table) -> list[list[str]]:
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            # A merged cell is returned once per grid column it spans.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(cell.text)
        rows.append(cells)
    return rows


def body_lines(document: object) -> LineBuilder:
    builder = LineBuilder()
    counters: dict[tuple[str, str], int] = {}
    body = document.element.body  # type: ignore[attr-defined]
    for child in body.iterchildren():
        if child.tag == f"{W_NS}p":
            paragraph = Paragraph(child, document)  # type: ignore[arg-type]
            marker = list_marker(paragraph, counters)
            if marker is None:
                counters.clear()  # a numbered list ends at the first plain paragraph
            text = paragraph.text
            if marker and text.strip():
                text = marker + text
            builder.add(text, heading_level=heading_level(paragraph) if text.strip() else None)
        elif child.tag == f"{W_NS}tbl":
            for cells in table_rows(Table(child, document)):  # type: ignore[arg-type]
                builder.add_row(cells)
    return builder


class DocxReader:
    name = "docx"

    def score(self, head: bytes) -> float:
        return 0.9 if zip_has_member(head, b"word/document.xml") else 0.0

    def read(self, path: Path, data: bytes, content_hash: str) -> SourceDocument:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, EOFError) as error:
            raise CorruptDocument(path, "damaged Word (zip) container") from error
        if "word/document.xml" not in names:
            raise UnsupportedType(path, "zip archive that is not a Word document")
        try:
            document = Document(io.BytesIO(data))
            builder = body_lines(document)
            title = (document.core_properties.title or "").strip() or None
        except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
            raise CorruptDocument(path, f"damaged Word document: {error}") from error
        except etree.LxmlError as error:
            raise CorruptDocument(path, "damaged Word document XML") from error
        return SourceDocument(
            path=str(path),
            format=Format.DOCX,
            content_hash=content_hash,
            size=len(data),
            lines=builder.lines,
            title=title,
        )


READERS = (DocxReader(),)
