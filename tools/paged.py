"""Lay out a paged example document, then write it as PDF and as extracted-looking text.

The source format is plain text, one paragraph per line, blank lines between
paragraphs, and a few directives on lines of their own:

    # Heading            a heading, ``#`` to ``####`` (bold in the PDF, plain in the text)
    a<TAB>b<TAB>c        a table row; consecutive rows form one table
    %% page              start a new page
    %% blank             a page that says it is intentionally left blank
    %% header TEXT       running header on every page started from here on
                         (``%% header`` alone clears it)
    %% numbering on      pages started from here on carry "Page N", from 1
    %% start NAME        the pack page range NAME starts on the next page used
    %% end NAME          ... and ends on the current page
    {{pages:NAME}}       replaced by "first - last" of that range

Both outputs come from one layout, so the text shows what a PDF extraction
shows: running headers and page numbers inside the flow, and a paragraph that
runs over a page break split in two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

BLANK_PAGE = "This page is intentionally left blank"
PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT, RIGHT = 62.0, PAGE_WIDTH - 62.0
TOP, BOTTOM = PAGE_HEIGHT - 78.0, 70.0
BODY, BOLD = "Helvetica", "Helvetica-Bold"
SIZE, HEADING_SIZE, SMALL = 10.5, 13.0, 8.5
LEADING = 14.0
GAP = LEADING * 0.6
HEADING = re.compile(r"^(#{1,4}) (.+)$")
INLINE_TAG = re.compile(r"</?(?:u|i|b|em|strong)>")
PLACEHOLDER = re.compile(r"\{\{pages:([\w-]+)\}\}")


@dataclass
class Piece:
    """Part of one source block placed on one page."""

    kind: str  # "para", "heading" or "row"
    text: str  # what the text form shows (source markup kept)
    lines: list[str]  # what the PDF draws, wrapped
    cells: list[list[str]] = field(default_factory=list)  # wrapped cells of a row
    widths: list[float] = field(default_factory=list)
    gap: bool = False  # a blank line came before it in the source


@dataclass
class Page:
    header: str
    number: int | None
    pieces: list[Piece] = field(default_factory=list)
    blank: bool = False


def plain(text: str) -> str:
    """The text as a PDF shows it: markdown emphasis markers and inline HTML tags dropped."""
    return INLINE_TAG.sub("", text.replace("**", ""))


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap; joining the result with spaces gives ``text`` back."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        trial = f"{current} {word}" if current else word
        if current and stringWidth(plain(trial), font, size) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    lines.append(current)
    return lines


class Layout:
    """Turns source lines into pages. ``ranges`` maps a range name to its pages."""

    def __init__(self) -> None:
        self.pages: list[Page] = []
        self.header = ""
        self.next_number: int | None = None
        self.y = 0.0
        self.pending: list[str] = []
        self.ranges: dict[str, list[int]] = {}
        self.table: list[list[str]] = []
        self.gap = False

    # pages
    def new_page(self) -> Page:
        number = None
        if self.next_number is not None:
            number = self.next_number
            self.next_number += 1
        page = Page(self.header, number)
        self.pages.append(page)
        self.y = TOP
        return page

    def page(self) -> Page:
        return self.pages[-1] if self.pages else self.new_page()

    def room(self, height: float) -> Page:
        page = self.page()
        if page.blank or (self.y - height < BOTTOM and page.pieces):
            page = self.new_page()
        if self.pending and page.number is not None:
            for name in self.pending:
                self.ranges[name] = [page.number, page.number]
            self.pending.clear()
        return page

    # blocks
    def take_gap(self) -> bool:
        gap, self.gap = self.gap, False
        if gap:
            self.y -= GAP
        return gap

    def paragraph(self, text: str, heading: bool = False) -> None:
        font, size = (BOLD, HEADING_SIZE) if heading else (BODY, SIZE)
        lines = wrap(text, font, size, RIGHT - LEFT)
        kind = "heading" if heading else "para"
        gap = self.take_gap()
        start = 0
        while start < len(lines):
            page = self.room(LEADING * (2 if heading else 1))
            fit = max(1, int((self.y - BOTTOM) // LEADING))
            part = lines[start : start + fit]
            page.pieces.append(Piece(kind, " ".join(part), part, gap=gap and start == 0))
            self.y -= LEADING * len(part)
            start += len(part)

    def flush_table(self) -> None:
        rows, self.table = self.table, []
        if not rows:
            return
        gap = self.take_gap()
        columns = max(len(row) for row in rows)
        longest = [max((len(r[i]) if i < len(r) else 0) for r in rows) for i in range(columns)]
        weights = [min(max(n, 6), 60) for n in longest]
        widths = [(RIGHT - LEFT) * w / sum(weights) for w in weights]
        for row in rows:
            cells = [
                wrap(plain(c), BODY, SMALL, w - 4) if c else []
                for c, w in zip(row, widths, strict=False)
            ]
            height = max(1, *(len(c) for c in cells)) * (SMALL + 2) + 4
            page = self.room(height)
            page.pieces.append(Piece("row", "\t".join(row), [], cells, widths, gap))
            self.y -= height
            gap = False

    def feed(self, line: str) -> None:
        if "\t" in line:
            self.table.append(line.split("\t"))
            return
        self.flush_table()
        if line.startswith("%% "):
            self.directive(line[3:].strip())
        elif heading := HEADING.match(line):
            self.paragraph(heading.group(2), heading=True)
        elif line.strip():
            self.paragraph(line)
        else:
            self.gap = True

    def directive(self, command: str) -> None:
        name, _, argument = command.partition(" ")
        if name == "page":
            if self.pages and self.page().pieces:
                self.new_page()
        elif name == "blank":
            page = self.new_page()
            page.blank, page.header = True, ""
        elif name == "header":
            self.header = argument
        elif name == "numbering":
            self.next_number = 1
        elif name == "start":
            self.pending.append(argument)
        elif name == "end" and argument in self.ranges:
            self.ranges[argument][1] = self.page().number or 0
        else:
            raise ValueError(f"unknown directive: %% {command}")


def lay_out(source: str) -> list[Page]:
    """Paginate ``source``, filling ``{{pages:NAME}}`` from a first pass."""
    first = Layout()
    for line in PLACEHOLDER.sub("00 - 00", source).splitlines():
        first.feed(line)
    first.flush_table()

    def fill(match: re.Match[str]) -> str:
        first_page, last_page = first.ranges[match.group(1)]
        return f"{first_page} - {last_page}"

    final = Layout()
    for line in PLACEHOLDER.sub(fill, source).splitlines():
        final.feed(line)
    final.flush_table()
    return final.pages


def page_text(page: Page) -> list[str]:
    out: list[str] = []
    if page.header:
        out += [page.header, ""]
    if page.blank:
        out += [BLANK_PAGE, ""]
    for piece in page.pieces:
        if piece.gap and out and out[-1]:
            out.append("")
        out.append(piece.text)
    if out and out[-1]:
        out.append("")
    if page.number is not None:
        out += [f"Page {page.number}", ""]
    return out


def to_text(pages: list[Page]) -> str:
    """The pages as a text extraction: one paragraph per line, headers and numbers kept."""
    lines: list[str] = []
    for page in pages:
        lines += page_text(page)
    return "\n".join(lines).rstrip("\n") + "\n"


def draw_page(canvas: Canvas, page: Page) -> None:
    if page.header:
        canvas.setFont(BODY, SMALL)
        canvas.drawString(LEFT, PAGE_HEIGHT - 50, page.header)
    if page.blank:
        canvas.setFont(BODY, SIZE)
        canvas.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT / 2, BLANK_PAGE)
    y = TOP
    for piece in page.pieces:
        if piece.gap:
            y -= GAP
        if piece.kind == "row":
            y = draw_row(canvas, piece, y)
            continue
        font, size = (BOLD, HEADING_SIZE) if piece.kind == "heading" else (BODY, SIZE)
        canvas.setFont(font, size)
        for line in piece.lines:
            canvas.drawString(LEFT, y, plain(line))
            y -= LEADING
    if page.number is not None:  # drawn last so extraction reads it at the page's end
        canvas.setFont(BODY, SMALL)
        canvas.drawCentredString(PAGE_WIDTH / 2, 36, f"Page {page.number}")


def draw_row(canvas: Canvas, piece: Piece, y: float) -> float:
    canvas.setFont(BODY, SMALL)
    x = LEFT
    height = max(1, *(len(c) for c in piece.cells)) * (SMALL + 2) + 4
    for cell, width in zip(piece.cells, piece.widths, strict=False):
        for i, line in enumerate(cell):
            canvas.drawString(x + 2, y - i * (SMALL + 2), line)
        x += width
    canvas.setLineWidth(0.3)
    canvas.line(LEFT, y - height + SMALL, RIGHT, y - height + SMALL)
    return y - height


def write_pdf(pages: list[Page], path: Path, title: str, author: str) -> None:
    """Write the pages as a PDF whose bytes depend only on the pages."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1, pageCompression=1)
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setCreator("assure tools/make_examples.py")
    for page in pages:
        draw_page(canvas, page)
        canvas.showPage()
    canvas.save()
