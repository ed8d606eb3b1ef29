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
from collections.abc import Iterator
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
# dictionary (filters, subtype, length) sits just before, after the object's "obj".
PDF_DICTIONARY_REACH = 4096
PDF_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
PDF_FLATE = re.compile(rb"/(?:FlateDecode|Fl)\b")
PDF_LENGTH_KEY = re.compile(rb"/Length\s")
PDF_DIRECT_LENGTH = re.compile(rb"/Length\s+(\d+)(?![\d.]|\s+\d+\s+R)")
# What makes a dictionary's /Length unsafe to take at its word: a string, a
# comment or an escaped name (each could hide the real key), nesting.
PDF_LENGTH_DOUBTS = (b"(", b"%", b"#", b"<<", b">>")
PDF_END_AFTER = re.compile(rb"(?:\r\n|\r|\n)?endstream")
# The most one byte of deflated data unpacks to: a 258-byte match coded in two bits.
DEFLATE_MAX_RATIO = 1032
ZLIB_HEADER = 2  # bytes before a zlib stream's deflate data (no preset dictionary)
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

    def check_new_lines(self, first: int, texts: list[str]) -> None:
        """Lines ``texts`` numbered from ``first``: the first over the limit on
        lines or on a line's length is refused, as line by line."""
        last = first + len(texts) - 1
        longest = max(map(len, texts), default=0)
        if last <= self.settings.max_lines and longest <= self.settings.max_line_chars:
            return
        for number, text in enumerate(texts, first):
            self.check_lines(number)
            self.check_line(number, text)

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
        if not pdf_streams_fit(data, budget):
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


@dataclass(frozen=True, slots=True)
class PdfStream:
    """A deflated stream of a PDF: where its data starts, how many deflate
    layers it has, and where its data ends: for sure where its dictionary
    states a length that "endstream" follows (``stated``), else at the latest
    at the file's end."""

    start: int
    layers: int
    end: int
    stated: bool

    @property
    def most(self) -> int:
        """The most its data could unpack to, whatever it holds."""
        return (self.end - self.start) * DEFLATE_MAX_RATIO**self.layers


def pdf_streams_fit(data: bytes, budget: int) -> bool:
    """Whether a PDF's deflated streams (images apart) unpack to ``budget``
    bytes or less. PDFium unpacks a page's content whole, and keeps an object
    for every drawing operation in it: a content stream of a few hundred
    kilobytes can unpack to gigabytes.

    Streams are unpacked a megabyte at a time, the output thrown away, largest
    first; once what is left could not pass the budget even at deflate's
    highest ratio, the rest is not unpacked at all. So a file whose deflated
    streams hold under about a thousandth of the budget unpacks nothing.
    """
    streams = sorted(deflated_streams(data), key=lambda stream: stream.most, reverse=True)
    left = sum(stream.most for stream in streams)
    unpacked = 0
    for stream in streams:
        if unpacked + left <= budget:
            break
        left -= stream.most
        unpacked += inflated_size(data, stream, budget - unpacked)
        if unpacked > budget:
            return False
    return True


def deflated_streams(data: bytes) -> list[PdfStream]:
    """The PDF's deflated streams, images apart (text extraction never unpacks one)."""
    streams = []
    for keyword, start in stream_keywords(data):
        before = data[max(0, keyword - PDF_DICTIONARY_REACH) : keyword]
        opening = before.rfind(b"obj")
        dictionary = before[opening + 1 :]
        layers = len(PDF_FLATE.findall(dictionary))
        if not layers or PDF_IMAGE.search(dictionary):
            continue
        length = stated_length(before[opening + 3 :]) if opening >= 0 else None
        stated = length is not None and PDF_END_AFTER.match(data, start + length) is not None
        end = start + length if stated and length is not None else len(data)
        streams.append(PdfStream(start, min(layers, 3), end, stated))
    return streams


def stream_keywords(data: bytes) -> Iterator[tuple[int, int]]:
    """Where each keyword "stream" (not "endstream") followed by a line end,
    ``\\r\\n`` or ``\\n``, stands, and where its stream's data starts, after
    that line end. Found with ``bytes.find``: a pattern would scan the whole
    file several times slower."""
    keyword = data.find(b"stream")
    while keyword >= 0:
        after = keyword + 6
        line_end = (
            2 if data.startswith(b"\r\n", after) else 1 if data.startswith(b"\n", after) else 0
        )
        if line_end and data[max(0, keyword - 3) : keyword] != b"end":
            yield keyword, after + line_end
        keyword = data.find(b"stream", after)


def stated_length(dictionary: bytes) -> int | None:
    """The data length a stream's dictionary (the bytes from its object's "obj"
    to "stream") states, where nothing in it could hide another: one /Length
    key, a number, and no strings, comments, escaped names or nesting."""
    dictionary = dictionary.strip()
    if not (dictionary.startswith(b"<<") and dictionary.endswith(b">>")):
        return None
    inside = dictionary[2:-2]
    if any(doubt in inside for doubt in PDF_LENGTH_DOUBTS):
        return None
    if len(PDF_LENGTH_KEY.findall(inside)) != 1:
        return None
    found = PDF_DIRECT_LENGTH.search(inside)
    return int(found.group(1)) if found else None


def inflated_size(data: bytes, stream: PdfStream, budget: int) -> int:
    """Bytes that ``stream``'s deflate layers unpack to, up to just past
    ``budget``; a stream that proves damaged counts what it gave.

    The outer layer is unpacked as raw deflate after its two-byte zlib header:
    its checksum, at the end, matters only to a reader that keeps the output,
    and costs a fifth of the unpacking. Where the stream's length is not
    stated, data goes in up to the first "endstream" before the rest, so an
    inflater that stops there is not left holding (and copying) the rest of
    the file.
    """
    inflaters = [zlib.decompressobj(-zlib.MAX_WBITS)]
    inflaters += [zlib.decompressobj() for _ in range(stream.layers - 1)]
    size, position = 0, stream.start + ZLIB_HEADER

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
    first_end = -1 if stream.stated else data.find(b"endstream", position)
    try:
        for end in (stream.end if first_end < 0 else first_end, stream.end):
            while position < end and size <= budget and not inflaters[0].eof:
                step = min(position + READ_STEP, end)
                pour(view[position:step], 0)
                position = step
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
