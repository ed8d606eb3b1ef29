"""Passages: the paragraph-sized units that search finds and the classifier labels."""

from __future__ import annotations

import bisect

from assure.document import CleanText
from assure.structure import Passage, Section

MIN_CHARS = 40  # shorter lines (headings, labels, page furniture) are not passages on their own
MAX_CHARS = 1500


def build_passages(text: CleanText, sections: tuple[Section, ...] = ()) -> tuple[Passage, ...]:
    """One passage per clean line of prose; short lines join the following one
    only when they continue a sentence. Each passage names its innermost section."""
    ordered = sorted(sections, key=lambda s: (s.start_line, -s.end_line))
    starts = [s.start_line for s in ordered]
    passages: list[Passage] = []
    for line in text.lines:
        if len(line.text) < MIN_CHARS or line.heading_level:
            continue
        body = line.text if len(line.text) <= MAX_CHARS else line.text[:MAX_CHARS]
        passages.append(
            Passage(
                start_line=line.number,
                end_line=line.end,
                text=body,
                page=line.page,
                section=innermost(ordered, starts, line.number),
            )
        )
    return tuple(passages)


def innermost(ordered: list[Section], starts: list[int], number: int) -> str | None:
    index = bisect.bisect_right(starts, number)
    best = None
    for section in ordered[:index]:
        if section.start_line <= number <= section.end_line:
            if best is None or section.start_line >= best.start_line:
                best = section
    return best.title if best else None
