"""Generic headings: what any document's structure falls back to."""

from __future__ import annotations

import re

from assure.document import CleanLine, CleanText, Format
from assure.structure import DocumentKind, ParsedStructure, Section

NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+([A-Z][^.!?]{2,100})$")


def heading_level(line: CleanLine) -> int | None:
    """The heading level of a line, from the format or from its shape."""
    if line.heading_level:
        return line.heading_level
    if line.table_row:
        return None
    text = line.text.lstrip("# ").strip()
    if match := NUMBERED.match(text):
        return match.group(1).count(".") + 1
    if 3 <= len(text) <= 80 and text.isupper() and any(c.isalpha() for c in text):
        return 1
    return None


# A title marked as the top heading (Word's Title or Heading 1, Markdown's "#",
# HTML's h1) is taken whole up to this length; a plain line only up to 120
# characters, beyond which it is more likely a paragraph than a title.
LONGEST_MARKED_TITLE = 300


def title_of(text: CleanText) -> str | None:
    """The document's title: its own metadata, else its first top-level heading
    near the start, else the first plausible line."""
    if text.source.title:
        return text.source.title
    for line in text.lines[:15]:
        if line.heading_level == 1 and 4 <= len(line.text) <= LONGEST_MARKED_TITLE:
            return line.text.lstrip("# ").strip()
    spreadsheet = text.source.format in (Format.CSV, Format.XLSX)
    for line in text.lines[:15]:
        if spreadsheet and line.table_row:
            continue  # a header row ("indicator, value, unit...") names no document
        if 4 <= len(line.text) <= 120 and any(c.isalpha() for c in line.text):
            return line.text.lstrip("# ").strip()
    return None


def sections_from_headings(text: CleanText) -> tuple[Section, ...]:
    """Sections from headings, each running to the line before the next heading
    of the same or a higher level."""
    found: list[tuple[int, str, int]] = []
    for line in text.lines:
        level = heading_level(line)
        if level is not None:
            found.append((level, line.text.lstrip("# ").strip(), line.number))
    last = text.lines[-1].end if text.lines else 0
    sections = []
    for i, (level, title, start) in enumerate(found):
        end = last
        for later_level, _, later_start in found[i + 1 :]:
            if later_level <= level:
                end = later_start - 1
                break
        sections.append(
            Section(title=title, level=level, kind="heading", start_line=start, end_line=end)
        )
    return tuple(sections)


def parse_generic(text: CleanText) -> ParsedStructure:
    return ParsedStructure(
        kind=DocumentKind.OTHER, title=title_of(text), sections=sections_from_headings(text)
    )
