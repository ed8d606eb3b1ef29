"""The lines of a flattened table as extraction gave them.

Normalising joins wrapped lines into paragraphs, which is right for prose but
blurs a flattened table: a narrow column's wrapped words ("Market" /
"Sustainability") are what tells its cells apart. A register's parser reads
the source lines inside the clean lines' spans instead, so the page furniture
normalising removed (running headers, page numbers) stays removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assure.document import CleanText

# A band or group heading of a register: "Significant Risks (over £10m)",
# "Strategic risks", "Other Risks (under £10m - individual amounts not included)".
GROUP = re.compile(
    r"^(?P<group>(?:[A-Z][\w'-]*\s+){0,3}risks?(?:\s*\([^)]{0,80}\))?)"
    r"(?:\s+[\d.,]+)*\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
FURNITURE = re.compile(
    r"^(?:draft|official(?:\s*-\s*sensitive)?|restricted|page\s+\d+(?:\s+of\s+\d+)?)$", re.I
)


@dataclass(frozen=True, slots=True)
class LayoutLine:
    number: int
    text: str
    page: int | None


def layout_lines(text: CleanText) -> list[LayoutLine]:
    """Source lines (stripped, non-blank) of every clean line, in order."""
    source = text.source.lines
    found: list[LayoutLine] = []
    for line in text.lines:
        for number in range(line.number, min(line.end, len(source)) + 1):
            raw = source[number - 1]
            stripped = " ".join(raw.text.split())
            if stripped and not FURNITURE.match(stripped):
                found.append(LayoutLine(number, stripped, raw.page))
    return found


def split_group(text: str) -> tuple[str | None, str]:
    """A band heading at the start of a line, and what follows it on the line."""
    match = GROUP.match(text)
    if match is None or len(match["group"].split()) < 2:
        return None, text
    if "(" not in match["group"] and match["rest"]:
        return None, text  # "Cyber risks to our systems ...": a title, not a band
    return " ".join(match["group"].split()), match["rest"].strip()
