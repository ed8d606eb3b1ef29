"""Word documents (DOCX), read with python-docx.

The body is walked in document order so paragraphs and tables stay
interleaved as the author wrote them. Headings come from the "Title" and
"Heading N" styles; list items get a bullet or their number; each table row is
one line with its cells joined by tabs (a cell's paragraphs marked "<br>"). A
paragraph's text includes what sits in content controls, tracked insertions and
fields; the text boxes anchored in it (call-outs such as "DATA POINT") follow it
as lines of their own; a footnote reference reads "[n]" and the footnotes
follow the body, each "[n] its text".
Word lays pages out only when it renders, so pages are known only where the
file records page breaks (Word's last layout, or explicit breaks); otherwise
they are ``None``.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.styles import BabelFish
from docx.table import Table
from lxml import etree

from assure.document import Format, SourceDocument
from assure.errors import CorruptDocument, UnsupportedType
from assure.reading.damage import DAMAGED_CONTAINER, damaged
from assure.reading.limits import Limits
from assure.reading.lines import LineBuilder

ZIP_MAGIC = b"PK\x03\x04"
HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_NS = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
# Parts of a paragraph that are not its running text: properties, deleted text,
# text boxes (read as lines of their own) and the copy Word keeps of a drawing
# for older readers.
NOT_TEXT = {
    f"{W_NS}pPr",
    f"{W_NS}rPr",
    f"{W_NS}del",
    f"{W_NS}txbxContent",
    f"{MC_NS}Fallback",
}


def zip_has_member(head: bytes, prefix: bytes) -> bool:
    """Whether zip content ``head`` names a member starting with ``prefix``.

    The registry hands zip readers the first bytes and the central directory,
    so member names are visible without unpacking.
    """
    return head.startswith(ZIP_MAGIC) and prefix in head


class StyleNames:
    """The name of each paragraph's style, as python-docx's ``paragraph.style.name``
    gives it, from one pass over the styles part.

    python-docx finds a paragraph's style anew for every paragraph, and one
    without a style of its own by reading every style's type: seconds per
    thousand paragraphs, however short.
    """

    def __init__(self, document: object) -> None:
        self.first: dict[str, etree._Element] = {}
        self.default = ""
        for style in document.styles.element.iterchildren(f"{W_NS}style"):  # type: ignore[attr-defined]
            self.first.setdefault(style.get(f"{W_NS}styleId", ""), style)
            if is_paragraph_style(style) and style.get(f"{W_NS}default") in ("1", "true", "on"):
                self.default = style_name(style)  # the last default in the file wins

    def of(self, paragraph: etree._Element) -> str:
        found = paragraph.find(f"{W_NS}pPr/{W_NS}pStyle")
        style_id = found.get(f"{W_NS}val") if found is not None else None
        style = self.first.get(style_id) if style_id is not None else None
        if style is None or not is_paragraph_style(style):
            return self.default
        return style_name(style)


def is_paragraph_style(style: etree._Element) -> bool:
    return style.get(f"{W_NS}type", "paragraph") == "paragraph"


def style_name(style: etree._Element) -> str:
    name = style.find(f"{W_NS}name")
    value = name.get(f"{W_NS}val") if name is not None else None
    return BabelFish.internal2ui(value) if value else ""


def heading_level(style: str) -> int | None:
    if style and style.lower() == "title":
        return 1
    match = HEADING_STYLE.match(style or "")
    return int(match.group(1)) if match else None


def list_marker(
    paragraph: etree._Element, style: str, counters: dict[tuple[str, str], int]
) -> str | None:
    """ "• " for a bullet, "3. " for the third numbered item, ``None`` if not a list item."""
    num_pr = paragraph.find(f"{W_NS}pPr/{W_NS}numPr")
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


def paragraph_text(element: etree._Element) -> str:
    """A paragraph's running text, in order, with "[n]" at each footnote reference."""
    parts: list[str] = []
    for child in element:
        tag = child.tag
        if tag in NOT_TEXT:
            continue
        if tag == f"{W_NS}t":
            parts.append(child.text or "")
        elif tag == f"{W_NS}tab":
            parts.append("\t")
        elif tag in (f"{W_NS}br", f"{W_NS}cr"):
            kind = child.get(f"{W_NS}type")
            parts.append("\n" if kind in (None, "textWrapping") else "")
        elif tag == f"{W_NS}noBreakHyphen":
            parts.append("-")
        elif tag == f"{W_NS}footnoteReference":
            parts.append(f"[{child.get(f'{W_NS}id')}]")
        else:
            parts.append(paragraph_text(child))
    return "".join(parts)


def text_boxes(paragraph: etree._Element) -> list[etree._Element]:
    """The outermost text boxes anchored in a paragraph, each once."""
    boxes = []
    for box in paragraph.iter(f"{W_NS}txbxContent"):
        above = list(box.iterancestors())
        inner = above[: above.index(paragraph)] if paragraph in above else above
        if not any(a.tag in (f"{W_NS}txbxContent", f"{MC_NS}Fallback") for a in inner):
            boxes.append(box)
    return boxes


def footnotes(document: object) -> list[tuple[str, str]]:
    """(number, text) of each footnote, in the order the file keeps them."""
    part = document.part  # type: ignore[attr-defined]
    found = []
    for rel in part.rels.values():
        if rel.reltype != FOOTNOTES or rel.is_external:
            continue
        root = etree.fromstring(rel.target_part.blob)
        for note in root.iter(f"{W_NS}footnote"):
            if note.get(f"{W_NS}type") not in (None, "normal"):
                continue  # the separator lines Word keeps as footnotes
            pieces = (paragraph_text(p).strip() for p in note.iter(f"{W_NS}p"))
            text = " ".join(piece for piece in pieces if piece)
            if text:
                found.append((note.get(f"{W_NS}id", ""), text))
    return found


def table_rows(table: Table) -> list[list[str]]:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        seen: list[object] = []  # held, so each cell element keeps one proxy object
        for cell in row.cells:
            # A merged cell is returned once per grid column it spans.
            if any(cell._tc is other for other in seen):
                continue
            seen.append(cell._tc)
            paragraphs = (paragraph_text(p).strip() for p in cell._tc.iterchildren(f"{W_NS}p"))
            # A cell's paragraphs stay marked "<br>", as the HTML reader and Markdown
            # tables mark a cell's line breaks: two leads in one cell stay two.
            cells.append("<br>".join(p for p in paragraphs if p))
        rows.append(cells)
    return rows


def break_finder(body: etree._Element) -> Callable[[etree._Element], bool] | None:
    """How page breaks show in this document, or ``None`` if they do not.

    Word records where each page began when it last laid the document out
    (``lastRenderedPageBreak``); failing that, explicit page breaks are all we
    can count.
    """
    if body.find(f".//{W_NS}lastRenderedPageBreak") is not None:
        return lambda node: node.tag == f"{W_NS}lastRenderedPageBreak"
    explicit = (
        body.find(f".//{W_NS}br[@{W_NS}type='page']") is not None
        or body.find(f".//{W_NS}pageBreakBefore") is not None
    )
    if not explicit:
        return None
    return lambda node: (
        (node.tag == f"{W_NS}br" and node.get(f"{W_NS}type") == "page")
        or (node.tag == f"{W_NS}pageBreakBefore" and node.get(f"{W_NS}val", "true") != "false")
    )


def count_breaks(
    element: etree._Element, is_break: Callable[[etree._Element], bool]
) -> tuple[int, int]:
    """Page breaks in ``element`` before its first text, and after it."""
    before = after = 0
    seen_text = False
    for node in element.iter():
        if node.tag == f"{W_NS}t" and node.text:
            seen_text = True
        elif is_break(node):
            if seen_text:
                after += 1
            else:
                before += 1
    return before, after


def body_lines(document: object, limits: Limits) -> tuple[LineBuilder, int | None]:
    """The body's lines, and the number of pages where page breaks are recorded."""
    builder = LineBuilder(limits)
    counters: dict[tuple[str, str], int] = {}
    body = document.element.find(f"{W_NS}body")  # type: ignore[attr-defined]
    if body is None:
        raise ValueError("its main part holds no document body")
    is_break = break_finder(body)
    page: int | None = 1 if is_break else None
    styles = StyleNames(document)

    def add_block(child: etree._Element) -> None:
        if child.tag == f"{W_NS}p":
            style = styles.of(child)
            marker = list_marker(child, style, counters)
            if marker is None:
                counters.clear()  # a numbered list ends at the first plain paragraph
            text = paragraph_text(child)
            if marker and text.strip():
                text = marker + text
            level = heading_level(style) if text.strip() else None
            builder.add(text, page=page, heading_level=level)
            for box in text_boxes(child):
                for inner in box.iterchildren():
                    add_block(inner)
        elif child.tag == f"{W_NS}tbl":
            for cells in table_rows(Table(child, document)):  # type: ignore[arg-type]
                builder.add_row(cells, page=page)

    for child in body.iterchildren():
        after = 0
        if page is not None and is_break is not None:
            before, after = count_breaks(child, is_break)
            page += before
        add_block(child)
        if page is not None:
            page += after
    for number, text in footnotes(document):
        builder.add(f"[{number}] {text}", page=page)
    return builder, page


class DocxReader:
    name = "docx"

    def score(self, head: bytes) -> float:
        return 0.9 if zip_has_member(head, b"word/document.xml") else 0.0

    def read(self, path: Path, data: bytes, content_hash: str, limits: Limits) -> SourceDocument:
        limits.check_zip(data, "Word")
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except DAMAGED_CONTAINER as error:
            raise CorruptDocument(path, "damaged Word (zip) container") from error
        if "word/document.xml" not in names:
            raise UnsupportedType(path, "zip archive that is not a Word document")
        try:
            document = Document(io.BytesIO(data))
            builder, pages = body_lines(document, limits)
            title = (document.core_properties.title or "").strip() or None
        except Exception as error:
            if not damaged(error, "docx", "zipfile"):
                raise
            raise CorruptDocument(path, f"damaged Word document: {error}") from error
        return SourceDocument(
            path=str(path),
            format=Format.DOCX,
            content_hash=content_hash,
            size=len(data),
            lines=builder.lines,
            pages=pages,
            title=title,
        )


READERS = (DocxReader(),)
