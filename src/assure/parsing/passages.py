"""Passages: the paragraph-sized units that search finds and the classifier labels."""

from __future__ import annotations

from assure.document import CleanText
from assure.extracting.references import find_refs
from assure.structure import Passage, Section

MIN_CHARS = 40  # shorter lines (headings, labels, page furniture) are not passages on their own
MAX_CHARS = 1500


def build_passages(text: CleanText, sections: tuple[Section, ...] = ()) -> tuple[Passage, ...]:
    """One passage per clean line of prose (normalisation has already joined
    wrapped lines into paragraphs). Each names its innermost enclosing section
    and the evidence-library references it cites."""
    enclosing = SectionFinder(sections)
    passages: list[Passage] = []
    for line in text.lines:
        if len(line.text) < MIN_CHARS or line.heading_level:
            continue
        body = line.text[:MAX_CHARS]
        passages.append(
            Passage(
                start_line=line.number,
                end_line=line.end,
                text=body,
                page=line.page,
                section=enclosing.title_at(line.number),
                refs=find_refs(body),
            )
        )
    return tuple(passages)


class SectionFinder:
    """The innermost section around a line, for lines asked in rising order.

    Sections nest (or at worst overlap), so a stack of open sections swept
    forwards with the lines answers each question in amortised constant time.
    """

    def __init__(self, sections: tuple[Section, ...]) -> None:
        self.pending = sorted(sections, key=lambda s: (s.start_line, -s.end_line))
        self.next = 0
        self.open: list[Section] = []

    def title_at(self, number: int) -> str | None:
        while self.next < len(self.pending) and self.pending[self.next].start_line <= number:
            self.open.append(self.pending[self.next])
            self.next += 1
        self.open = [s for s in self.open if s.end_line >= number]
        return self.open[-1].title if self.open else None
