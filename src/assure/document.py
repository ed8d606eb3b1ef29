"""What readers produce and what normalisation hands to the parsers.

Line numbers are 1-based lines of the file's text as given (for PDFs, of the
extracted text); they never change after reading, so every later stage can cite
them. Pages are 1-based where the format has pages, else ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Format(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    HTML = "html"
    TEXT = "text"
    MARKDOWN = "markdown"
    CSV = "csv"
    XLSX = "xlsx"


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One line of a document's text exactly as read.

    ``heading_level`` is set where the format itself marks a heading (DOCX
    heading styles, HTML ``<h1>``..``<h6>``, Markdown ``#``); ``table_row`` where
    the line is a row of a table, its cells joined by tabs.
    """

    number: int
    text: str
    page: int | None = None
    heading_level: int | None = None
    table_row: bool = False


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """A file read into lines. ``content_hash`` is the SHA-256 of the file's bytes."""

    path: str
    format: Format
    content_hash: str
    size: int
    lines: tuple[SourceLine, ...]
    pages: int | None = None
    title: str | None = None  # from the file's own metadata, when present
    warnings: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass(frozen=True, slots=True)
class CleanLine:
    """A normalised line: artefacts removed, still citing its source lines.

    A sentence joined across a page break or a wrapped line keeps the number of
    its first source line in ``number`` and its last in ``end``.
    """

    number: int
    end: int
    text: str
    page: int | None = None
    heading_level: int | None = None
    table_row: bool = False


@dataclass(frozen=True, slots=True)
class CleanText:
    """The normalised document: non-blank clean lines in source order.

    ``source`` keeps the original lines so any span can be shown in context.
    ``removed`` counts lines dropped as artefacts, by kind (``running_header``,
    ``blank_page``, ``page_number``, ...).
    """

    source: SourceDocument
    lines: tuple[CleanLine, ...]
    removed: dict[str, int] = field(default_factory=dict)

    @property
    def total_lines(self) -> int:
        return len(self.source.lines)

    def page_of(self, number: int) -> int | None:
        """The page of source line ``number`` (1-based), or ``None``."""
        if 1 <= number <= len(self.source.lines):
            return self.source.lines[number - 1].page
        return None

    def context(self, start: int, end: int | None = None, around: int = 2) -> list[SourceLine]:
        """Source lines ``start``..``end`` with ``around`` lines either side."""
        end = start if end is None else end
        first = max(1, start - around)
        last = min(len(self.source.lines), end + around)
        return list(self.source.lines[first - 1 : last])
