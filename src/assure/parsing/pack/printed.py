"""Minutes as a committee management system prints them (modern.gov's
"Printed minutes"): each minute's number and title, wrapped over as many
lines as the title needs, stand over the agenda item the minute took:

    105. 25/00012 - Quarterly Budget Monitoring Report – December
    2024-25
    (Item 5)

Where a set of minutes carries these tags, they alone mark its minutes: the
numbered and lettered points inside a minute ("1. The Leader introduced ...",
"(a) ...", "3) RESOLVED that ...") are not minutes, and a title may open with
a decision number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assure.parsing.pack.lines import PackLine

ITEM_TAG = r"\(\s*(?i:(?:agenda\s+)?item)\s*(?i:no\.?\s*)?(?P<tag>\d{1,3}[a-z]?)\.?\s*\)"
TAG_LINE = re.compile(rf"^{ITEM_TAG}$")
# A reader may have joined the tag onto the title's last line.
TAG_AFTER_TITLE = re.compile(rf"^(?P<before>.*\S)\s+{ITEM_TAG}$")
HEADING = re.compile(
    r"^(?:(?i:minute|min\.?)\s+)?(?P<num>\d{1,3}[a-z]?)[.:]?(?:\s+(?:[–-]\s+)?(?P<title>\S.*))?$"
)
# How many lines a title may wrap over between its number and its tag.
MOST_TITLE_LINES = 4


@dataclass(frozen=True, slots=True)
class TaggedHeading:
    number: str
    title: str
    index: int  # position of the line with the minute's number
    body: int  # position of the first line after the tag


def tagged_headings(lines: list[PackLine]) -> list[TaggedHeading] | None:
    """The minutes' headings found over "(Item N)" tags, or ``None`` where the
    minutes are not tagged so (fewer than two tags headed by a number)."""
    found: list[TaggedHeading] = []
    for position, line in enumerate(lines):
        if line.noise or line.table:
            continue
        heading = _heading_at(lines, position)
        if heading is not None and (not found or heading.index > found[-1].index):
            found.append(heading)
    return found if len(found) >= 2 else None


def _heading_at(lines: list[PackLine], tag: int) -> TaggedHeading | None:
    """The heading over the tag at ``tag``: the nearest line above (or the tag's
    own line) that opens with a number, and the title lines between."""
    text = lines[tag].text
    if not text.endswith((")", ")\n")):
        return None  # a tag closes its line
    if match := TAG_AFTER_TITLE.match(text):
        written = [(tag, match["before"])]
    elif TAG_LINE.match(text):
        written = []
    else:
        return None
    above = [p for p in range(tag - 1, max(-1, tag - 3 * MOST_TITLE_LINES), -1)]
    written += [(p, lines[p].text) for p in above if not lines[p].noise][:MOST_TITLE_LINES]
    parts: list[str] = []
    for position, line in written:
        numbered = HEADING.match(line)
        if numbered and not (numbered["title"] or parts):
            continue  # a page number between the title and its tag
        if numbered:
            title = re.sub(r"\s+", " ", " ".join([numbered["title"] or "", *parts]))
            return TaggedHeading(numbered["num"], title.strip(), position, tag + 1)
        if lines[position].table or line.endswith((".", ";")) or len(line) > 160:
            return None  # a sentence of the minute before, not a wrapped title
        parts.insert(0, line)
    return None
