"""The lines of a flattened table as extraction gave them.

Normalising joins wrapped lines into paragraphs, which is right for prose but
blurs a flattened table: a narrow column's wrapped words ("Market" /
"Sustainability") and a row's closing figures on its own line are what tell
its cells and rows apart. Parsers of tables read the source lines inside the
clean lines' spans instead, so the page furniture normalising removed (running
headers, page numbers) stays removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assure.document import CleanText
from assure.parsing.per_text import once_per_text

FURNITURE = re.compile(
    r"^(?:draft|official(?:\s*-\s*sensitive)?|restricted|page\s+\d+(?:\s+of\s+\d+)?)$", re.I
)

FURNITURE_LETTERS = frozenset("dorpDORP")  # what every match of FURNITURE opens with


@dataclass(frozen=True, slots=True)
class LayoutLine:
    number: int
    text: str
    page: int | None


def layout_lines(text: CleanText) -> list[LayoutLine]:
    """Source lines (stripped, non-blank) of every clean line, in order."""
    return list(_layout_lines(text))


@once_per_text  # a register's detector and its layouts all read them
def _layout_lines(text: CleanText) -> tuple[LayoutLine, ...]:
    source = text.source.lines
    found: list[LayoutLine] = []
    for line in text.lines:
        for number in range(line.number, min(line.end, len(source)) + 1):
            raw = source[number - 1]
            stripped = " ".join(raw.text.split())
            if stripped and not (stripped[:1] in FURNITURE_LETTERS and FURNITURE.match(stripped)):
                found.append(LayoutLine(number, stripped, raw.page))
    return tuple(found)
