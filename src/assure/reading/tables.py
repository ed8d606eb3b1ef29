"""Spreadsheets: CSV (dialect sniffed) and Excel workbooks (XLSX, via openpyxl).

Each row is one line, its cells joined by tabs (``table_row=True``). In a
workbook each sheet is one "page" (the sheet's 1-based index) whose first line
is the sheet's name, marked as a heading.

A CSV record is one line even where a quoted cell holds line breaks, so line
numbers count records, not the file's physical lines.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from assure.document import Format, SourceDocument
from assure.errors import CorruptDocument, UnsupportedType
from assure.reading.damage import damaged
from assure.reading.limits import Limits
from assure.reading.lines import LineBuilder, split_lines
from assure.reading.office import zip_has_member
from assure.reading.text import decode_text, looks_like_text

DELIMITERS = (",", "\t", ";", "|")
SAMPLE_LINES = 200


def count_outside_quotes(line: str, delimiter: str) -> int:
    if '"' not in line:
        return line.count(delimiter)
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count


def sniff_delimiter(text: str) -> str | None:
    """The delimiter that every line of the sample uses equally often, if any.

    Prose uses commas unevenly from line to line, and a text document's
    contents table soon gives way to paragraphs and blank lines, so neither is
    taken for CSV: at least three lines must agree, all non-blank lines of the
    sample alike, with few blank lines among them.
    """
    lines = split_lines(text)[:SAMPLE_LINES]
    filled = [line for line in lines if line.strip()]
    if len(filled) < 3 or len(lines) - len(filled) > len(lines) // 10:
        return None
    for delimiter in DELIMITERS:
        counts = {count_outside_quotes(line, delimiter) for line in filled}
        if len(counts) == 1 and counts.pop() >= 1:
            return delimiter
    return None


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class CsvReader:
    name = "csv"

    def score(self, head: bytes) -> float:
        if not looks_like_text(head):
            return 0.0
        text = decode_text(head)
        if text and not text.endswith("\n"):
            text = text.rsplit("\n", 1)[0]  # the sample's end may cut its last line short
        return 0.3 if text and sniff_delimiter(text) else 0.0

    def read(self, path: Path, data: bytes, content_hash: str, limits: Limits) -> SourceDocument:
        text = decode_text(data)
        if text is None:
            raise UnsupportedType(path, "binary content")
        delimiter = sniff_delimiter(text[:65536].rsplit("\n", 1)[0]) or ","
        try:
            dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
                text[:65536], delimiters=delimiter
            )
        except csv.Error:
            dialect = csv.excel
        builder = LineBuilder(limits)
        rows = cells = 0
        try:
            for row in csv.reader(io.StringIO(text, newline=""), dialect):
                rows, cells = rows + 1, cells + len(row)
                limits.check_rows(rows, cells)
                builder.add_row(row)
        except csv.Error as error:
            raise CorruptDocument(path, f"CSV cannot be parsed: {error}") from error
        return SourceDocument(
            path=str(path),
            format=Format.CSV,
            content_hash=content_hash,
            size=len(data),
            lines=builder.lines,
        )


class XlsxReader:
    name = "xlsx"

    def score(self, head: bytes) -> float:
        return 0.9 if zip_has_member(head, b"xl/workbook.xml") else 0.0

    def read(self, path: Path, data: bytes, content_hash: str, limits: Limits) -> SourceDocument:
        from openpyxl import load_workbook

        limits.check_zip(data, "Excel")
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as error:
            if not damaged(error, "openpyxl", "zipfile"):
                raise
            raise CorruptDocument(path, "damaged Excel workbook") from error
        builder = LineBuilder(limits)
        rows = cells_read = 0
        try:
            limits.check_pages(len(workbook.sheetnames))
            for index, sheet in enumerate(workbook.worksheets, 1):
                builder.add(sheet.title, page=index, heading_level=1)
                # Rows as the sheet holds them: its declared size ("A1:XFD1048576")
                # would pad every row, and add empty ones, to the size claimed.
                sheet.reset_dimensions()
                for row in sheet.iter_rows(values_only=True):
                    rows, cells_read = rows + 1, cells_read + len(row)
                    limits.check_rows(rows, cells_read)
                    cells = [cell_text(value) for value in row]
                    while cells and not cells[-1].strip():
                        cells.pop()  # a sheet's used range runs past most rows' last cell
                    if cells:
                        builder.add_row(cells, page=index)
            sheets = len(workbook.worksheets)
            title = (workbook.properties.title or "").strip() or None
        except Exception as error:
            if not damaged(error, "openpyxl", "zipfile"):
                raise
            raise CorruptDocument(path, "damaged Excel workbook") from error
        finally:
            workbook.close()
        return SourceDocument(
            path=str(path),
            format=Format.XLSX,
            content_hash=content_hash,
            size=len(data),
            lines=builder.lines,
            pages=sheets,
            title=title,
        )


READERS = (CsvReader(), XlsxReader())
