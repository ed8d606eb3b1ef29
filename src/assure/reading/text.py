"""Plain text and Markdown.

Encodings: UTF-8 (with or without a byte-order mark), then Windows-1252, which
council systems commonly export, then whatever charset-normalizer finds. A form
feed (as ``pdftotext`` writes between pages) starts a new page, so text
extracted from a PDF keeps its page numbers.
"""

from __future__ import annotations

import re
from pathlib import Path

from charset_normalizer import from_bytes

from assure.document import Format, SourceDocument, SourceLine
from assure.errors import UnsupportedType
from assure.reading.limits import Limits
from assure.reading.lines import split_lines

MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+\S")
FORM_FEED = "\f"
UTF16_LE_BOM, UTF16_BE_BOM = b"\xff\xfe", b"\xfe\xff"
# Bytes Windows-1252 leaves undefined; their presence rules that encoding out.
CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


CONTROL_BYTES = bytes(b for b in range(128) if b < 9 or 13 < b < 32 or b == 127)


def control_share(data: bytes) -> float:
    """Share of bytes that are control characters other than tab, newlines and form feed."""
    if not data:
        return 0.0
    return (len(data) - len(data.translate(None, CONTROL_BYTES))) / len(data)


def decode_text(data: bytes) -> str | None:
    """Decode bytes that are text, or ``None`` if they are not text."""
    if data.startswith((UTF16_LE_BOM, UTF16_BE_BOM)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data[:8192] or control_share(data[:8192]) > 0.01:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if not CP1252_UNDEFINED.intersection(data):
        return data.decode("cp1252")
    best = from_bytes(data).best()
    if best is None or best.chaos > 0.2:
        return None
    return str(best)


def looks_like_text(head: bytes) -> bool:
    """Whether content starting with ``head`` reads as text in some encoding."""
    if head.startswith((UTF16_LE_BOM, UTF16_BE_BOM)):
        return True
    if not head or b"\x00" in head or control_share(head) > 0.01:
        return False
    try:
        head.decode("utf-8")
        return True
    except UnicodeDecodeError as error:
        if error.start >= len(head) - 4:  # a character cut by the sample's end
            return True
    return decode_text(head) is not None


def is_markdown(lines: list[str]) -> bool:
    headings = sum(1 for line in lines[:400] if MARKDOWN_HEADING.match(line.lstrip(FORM_FEED)))
    return headings >= 2


def text_lines(text: str, markdown: bool, limits: Limits | None = None) -> tuple[SourceLine, ...]:
    lines = []
    page: int | None = 1 if FORM_FEED in text else None
    line_page: int | None
    for number, raw in enumerate(split_lines(text), 1):
        if page is not None and FORM_FEED in raw:
            # Leading form feeds start this line's page; any others start the next line's.
            leading = len(raw) - len(raw.lstrip(FORM_FEED))
            page += leading
            line_page, page = page, page + raw.count(FORM_FEED) - leading
            raw = raw.replace(FORM_FEED, "")
        else:
            line_page = page
        if limits is not None:
            limits.check_line(number, raw)
        level = None
        if markdown and (match := MARKDOWN_HEADING.match(raw)):
            level = len(match.group(1))
        lines.append(SourceLine(number, raw, line_page, heading_level=level, table_row="\t" in raw))
    return tuple(lines)


class TextReader:
    name = "text"

    def score(self, head: bytes) -> float:
        return 0.1 if looks_like_text(head) else 0.0

    def read(self, path: Path, data: bytes, content_hash: str, limits: Limits) -> SourceDocument:
        text = decode_text(data)
        if text is None:
            raise UnsupportedType(path, "binary content")
        # Counted before splitting: a file of empty lines costs far more as lines than as text.
        limits.check_lines(max(text.count("\n"), text.count("\r")), counting=False)
        markdown = is_markdown(split_lines(text[:100_000]))
        lines = text_lines(text, markdown, limits)
        pages = lines[-1].page if lines and lines[-1].page is not None else None
        return SourceDocument(
            path=str(path),
            format=Format.MARKDOWN if markdown else Format.TEXT,
            content_hash=content_hash,
            size=len(data),
            lines=lines,
            pages=pages,
        )


READERS = (TextReader(),)
