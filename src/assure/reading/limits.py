"""What one file may cost to read, checked before the work it bounds.

A Word or Excel file is a zip of XML parts, and its central directory declares
each part's packed and unpacked size. Those are checked before anything is
unpacked (the number of parts, from the directory's end record, before even
the directory is read). Python's ``zipfile`` then never yields more than a
part's declared size: a part that holds more fails its checksum and the file
is refused as damaged. So the check bounds what reading unpacks, and so the
memory it takes. Pages are counted before their text is extracted; lines,
rows and cells as they are read, and reading stops at the first one over its
limit. Every refusal names the file, what was found, the limit and the
setting that changes it.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from assure.errors import CorruptDocument, TooLarge
from assure.reading.damage import damaged
from assure.settings import SETTINGS, Settings

MEGABYTE = 1024 * 1024
# A part smaller than this is harmless however well it packs.
RATIO_FLOOR = MEGABYTE
END_RECORD = b"PK\x05\x06"
END_RECORD_64 = b"PK\x06\x06"
END_LOCATOR_64 = b"PK\x06\x07"
# Office writes parts stored or deflated; other methods (bzip2, lzma) unpack a
# chunk in one go, with no bound on its output.
PACKING_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
ENV = {spec.name: spec.env for spec in SETTINGS}
# A PDF stream's data starts after the keyword "stream" and one line end; its
# dictionary (filters, subtype) sits just before, after the object's "obj".
# "endstream" is told apart by hand: a look-behind would cost the search its
# fast scan for the literal.
PDF_STREAM = re.compile(rb"stream\r?\n")
PDF_DICTIONARY_REACH = 4096
PDF_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
PDF_FLATE = re.compile(rb"/(?:FlateDecode|Fl)\b")
INFLATE_STEP = 1 << 20  # bytes of output unpacked at a time: memory stays flat
READ_STEP = 1 << 16  # bytes of a stream handed to the inflater at a time


@dataclass(frozen=True, slots=True)
class Limits:
    """The reading limits of ``settings``, applied to the file at ``path``."""

    path: Path
    settings: Settings

    def refuse(self, found: str, limit: float, setting: str, unit: str = "") -> TooLarge:
        """ "<path>: file too large (<found>, limit <limit>, set by ASSURE_...)"."""
        shown = f"{int(limit):,}" if float(limit).is_integer() else f"{limit:g}"
        return TooLarge(self.path, f"{found}, limit {shown}{unit}, set by {ENV[setting]}")

    def check_size(self, size: int) -> None:
        if size > self.settings.max_file_bytes:
            raise self.refuse(
                f"{size / MEGABYTE:,.1f} MB", self.settings.max_file_mb, "max_file_mb", " MB"
            )

    def check_pages(self, pages: int) -> None:
        if pages > self.settings.max_pages:
            raise self.refuse(f"{pages:,} pages", self.settings.max_pages, "max_pages")

    def check_lines(self, lines: int, counting: bool = True) -> None:
        """``lines`` so far (``counting``: reading stops at the first one over), or in all."""
        limit = self.settings.max_lines
        if lines > limit:
            found = f"more than {limit:,} lines" if counting else f"{lines:,} lines"
            raise self.refuse(found, limit, "max_lines")

    def check_line(self, number: int, text: str) -> None:
        if len(text) > self.settings.max_line_chars:
            raise self.refuse(
                f"line {number:,} is {len(text):,} characters long",
                self.settings.max_line_chars,
                "max_line_chars",
            )

    def check_rows(self, rows: int, cells: int) -> None:
        if rows > self.settings.max_rows:
            limit = self.settings.max_rows
            raise self.refuse(f"more than {limit:,} rows", limit, "max_rows")
        if cells > self.settings.max_cells:
            raise self.refuse(
                f"more than {self.settings.max_cells:,} cells", self.settings.max_cells, "max_cells"
            )

    def check_pdf(self, data: bytes) -> None:
        """Refuse a PDF whose deflated streams (images apart) unpack beyond the
        unpacked-size limit, before PDFium unpacks any."""
        budget = int(self.settings.max_unpacked_mb * MEGABYTE)
        unpacked = pdf_unpacked_size(data, budget)
        if unpacked > budget:
            raise self.refuse(
                f"its streams unpack to more than {budget / MEGABYTE:,.0f} MB",
                self.settings.max_unpacked_mb,
                "max_unpacked_mb",
                " MB",
            )

    def check_zip(self, data: bytes, kind: str) -> None:
        """Refuse a zip (a Word or Excel file, ``kind``) whose parts would unpack
        beyond the limits.

        Raises ``TooLarge`` over a limit, ``CorruptDocument`` where the zip
        cannot be read or packs a part in a way Office never does.
        """
        declared = declared_parts(data)
        if declared is not None and declared > self.settings.max_parts:
            raise self.refuse(f"{declared:,} parts", self.settings.max_parts, "max_parts")
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                parts = archive.infolist()
        except Exception as error:
            if not damaged(error, "zipfile"):
                raise
            raise CorruptDocument(self.path, f"damaged {kind} (zip) container") from error
        if len(parts) > self.settings.max_parts:
            raise self.refuse(f"{len(parts):,} parts", self.settings.max_parts, "max_parts")
        for part in parts:
            if part.compress_type not in PACKING_METHODS:
                raise CorruptDocument(
                    self.path,
                    f"damaged {kind}: part {part.filename} packed by method {part.compress_type}",
                )
        unpacked = sum(part.file_size for part in parts)
        if unpacked > self.settings.max_unpacked_mb * MEGABYTE:
            raise self.refuse(
                f"unpacks to {unpacked / MEGABYTE:,.1f} MB",
                self.settings.max_unpacked_mb,
                "max_unpacked_mb",
                " MB",
            )
        for part in parts:
            ratio = part.file_size / max(part.compress_size, 1)
            if part.file_size > RATIO_FLOOR and ratio > self.settings.max_unpack_ratio:
                raise self.refuse(
                    f"part {part.filename} unpacks to {ratio:,.0f} times its packed size",
                    self.settings.max_unpack_ratio,
                    "max_unpack_ratio",
                    " times",
                )


def pdf_unpacked_size(data: bytes, budget: int) -> int:
    """What a PDF's deflated streams unpack to, images apart, counted by
    unpacking them a megabyte at a time and throwing the output away; the count
    stops once past ``budget``. PDFium unpacks a page's content whole, and keeps
    an object for every drawing operation in it: a content stream of a few
    hundred kilobytes can unpack to gigabytes."""
    total = 0
    for match in PDF_STREAM.finditer(data):
        if data[max(0, match.start() - 3) : match.start()] == b"end":
            continue
        before = data[max(0, match.start() - PDF_DICTIONARY_REACH) : match.start()]
        dictionary = before[before.rfind(b"obj") + 1 :]
        layers = len(PDF_FLATE.findall(dictionary))
        if not layers or PDF_IMAGE.search(dictionary):
            continue  # not deflated, or an image (text extraction never unpacks it)
        total += inflated_size(data, match.end(), min(layers, 3), budget - total)
        if total > budget:
            break
    return total


def inflated_size(data: bytes, start: int, layers: int, budget: int) -> int:
    """Bytes that ``layers`` nested deflate streams from ``start`` unpack to, up to
    just past ``budget``; a stream that proves damaged counts what it gave."""
    inflaters = [zlib.decompressobj() for _ in range(layers)]
    size, position = 0, start

    def pour(chunk: bytes | memoryview, depth: int) -> None:
        nonlocal size
        inflater = inflaters[depth]
        while chunk and size <= budget and not inflater.eof:
            out = inflater.decompress(chunk, INFLATE_STEP)
            chunk = inflater.unconsumed_tail
            if depth + 1 < len(inflaters):
                pour(out, depth + 1)
            else:
                size += len(out)
            if not out:
                break

    view = memoryview(data)  # slices of it copy nothing
    try:
        while position < len(data) and size <= budget and not inflaters[0].eof:
            pour(view[position : position + READ_STEP], 0)
            position += READ_STEP
    except zlib.error:
        pass
    return size


def declared_parts(data: bytes) -> int | None:
    """The number of parts a zip's end record declares, read without opening it;
    ``None`` where there is no end record (``zipfile`` then says what is wrong)."""
    at = data.rfind(END_RECORD, max(0, len(data) - 22 - 65535))
    if at < 0 or len(data) < at + 22:
        return None
    count = int.from_bytes(data[at + 10 : at + 12], "little")
    locator = at - 20
    if count != 0xFFFF or locator < 0 or data[locator : locator + 4] != END_LOCATOR_64:
        return count
    # ZIP64: the count is in a record of its own, found through the locator.
    offset = int.from_bytes(data[locator + 8 : locator + 16], "little")
    if data[offset : offset + 4] != END_RECORD_64:
        return count
    return int.from_bytes(data[offset + 32 : offset + 40], "little")
