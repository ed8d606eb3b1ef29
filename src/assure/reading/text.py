"""Plain text and Markdown."""

from __future__ import annotations

import re
from pathlib import Path

from charset_normalizer import from_bytes

from assure.document import Format, SourceDocument, SourceLine
from assure.errors import UnsupportedType

MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+\S")


def decode_text(data: bytes) -> str | None:
    """Decode bytes that are text, or ``None`` if they are not text."""
    if b"\x00" in data[:8192]:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.chaos > 0.2:
        return None
    return str(best)


def looks_like_text(head: bytes) -> bool:
    if not head or b"\x00" in head:
        return False
    sample = head
    try:
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError as error:
        if error.start >= len(sample) - 4:  # a character cut by the sample's end
            return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls / len(sample) < 0.01 and decode_text(sample) is not None


def is_markdown(text: str) -> bool:
    lines = text.splitlines()[:400]
    headings = sum(1 for line in lines if MARKDOWN_HEADING.match(line))
    return headings >= 2


class TextReader:
    name = "text"

    def score(self, head: bytes) -> float:
        return 0.1 if looks_like_text(head) else 0.0

    def read(self, path: Path, data: bytes, content_hash: str) -> SourceDocument:
        text = decode_text(data)
        if text is None:
            raise UnsupportedType(path, "binary content")
        markdown = is_markdown(text)
        lines = []
        for number, raw in enumerate(text.splitlines(), 1):
            level = None
            if markdown and (match := MARKDOWN_HEADING.match(raw)):
                level = len(match.group(1))
            lines.append(SourceLine(number, raw, heading_level=level, table_row="\t" in raw))
        return SourceDocument(
            path=str(path),
            format=Format.MARKDOWN if markdown else Format.TEXT,
            content_hash=content_hash,
            size=len(data),
            lines=tuple(lines),
        )


READERS = (TextReader(),)
