"""Where each document in a pack begins and ends.

A pack is the notice and agenda followed by the documents of the agenda items
in agenda order: minutes, forms, reports with cover sheets, appendices. Hard
starts are minutes headers, cover sheets, "Agenda Item N" stamps and the page
after a blank page notice; a document without any of these is found by its
agenda title appearing as a heading after the previous document began.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assure.parsing.pack.agenda import DraftItem
from assure.parsing.pack.cover_sheets import CoverSheet
from assure.parsing.pack.lines import PackLine, agenda_marker
from assure.parsing.pack.minutes import closing_end
from assure.parsing.pack.minutes_header import MinutesDraft

STOP_WORDS = {
    "the", "and", "for", "with", "from", "into", "this", "that", "report", "update",
    "draft", "final", "council", "item", "items", "meeting", "our", "its", "are",
}  # fmt: skip
APPENDIX = re.compile(
    r"^(?:appendix|annex|annexe)\s+(?:[A-Z]{1,2}|\d{1,2}|[IVX]{1,4})\b(?!\s+(?:of|to|in|and|for|which|is|was|has|shows|sets)\b)",
    re.IGNORECASE,
)

# An agenda item that brings minutes: "Minutes of ...", or a sub-group's
# "notes of the meeting held on ...".
MINUTES_ITEM = re.compile(r"\bminutes\b|\bnotes\s+of\s+(?:the\s+|a\s+)?(?:\w+\s+)?meeting\b", re.I)


@dataclass
class Document:
    """One document of the pack: ``kind`` is minutes, cover_sheet, report or appendix."""

    index: int  # position in the pack lines where it starts
    kind: str
    title: str | None = None
    agenda_number: str | None = None
    minutes: MinutesDraft | None = None
    cover: CoverSheet | None = None
    end_index: int = 0


@lru_cache(maxsize=4096)  # an item's title is compared with every heading after it
def words_of(text: str) -> frozenset[str]:
    text = text.lower().replace("'s", "").replace("’s", "")
    found = set(re.findall(r"[a-z]{3,}|\d+", text))
    # A crude stem, so that "Declarations of Interest" finds "DECLARATION OF INTERESTS".
    return frozenset(
        word[:-1] if len(word) > 4 and word.endswith("s") else word
        for word in found
        if word not in STOP_WORDS
    )


def similarity(title: str, text: str) -> float:
    """The share of the title's words found in ``text``."""
    wanted = words_of(title)
    if not wanted:
        return 0.0
    return len(wanted & words_of(text)) / len(wanted)


def hard_starts(
    lines: list[PackLine], minutes: list[MinutesDraft], covers: list[CoverSheet]
) -> list[Document]:
    """Documents whose start the pack marks unmistakably."""
    index_of = {line.number: position for position, line in enumerate(lines)}
    docs: dict[int, Document] = {}
    for draft in minutes:
        position = index_of.get(draft.start_line, draft.anchor)
        docs[position] = Document(position, "minutes", minutes=draft)
    for cover in covers:
        position = index_of[cover.start_line]
        docs.setdefault(position, Document(position, "cover_sheet", title=cover.title, cover=cover))
    stamped: str | None = None  # the number of the last "Agenda Item" stamp
    for position, line in enumerate(lines):
        if line.noise == "agenda_marker":
            marker = agenda_marker(line.text)
            number = marker[1] if marker else None
            if number is not None and number == stamped:
                continue  # the same stamp at the top of the item's next page
            stamped = number
            doc = _pull_back(docs, position, lines) or Document(position, "report")
            doc.agenda_number = doc.agenda_number or number
            docs[doc.index] = doc
        elif line.noise == "blank_page":
            following = next(
                (p for p in range(position + 1, len(lines)) if lines[p].noise is None), None
            )
            if following is not None:
                doc = _pull_back(docs, following, lines) or Document(following, "report")
                docs[doc.index] = doc
    return [docs[position] for position in sorted(docs)]


def split_after_closing(lines: list[PackLine], docs: list[Document]) -> list[Document]:
    """Minutes end where they say the meeting closed: what follows before the
    next known document is a document of its own."""
    result = list(docs)
    for position, doc in enumerate(docs):
        if doc.kind != "minutes" or doc.minutes is None:
            continue
        stop = docs[position + 1].index if position + 1 < len(docs) else len(lines)
        end = closing_end(lines, doc.minutes.anchor, stop)
        if end is None:
            continue
        rest = [p for p in range(end + 1, stop) if lines[p].noise is None]
        if len(rest) >= 3:
            result.append(Document(rest[0], "report"))
    return sorted(result, key=lambda doc: doc.index)


def _pull_back(docs: dict[int, Document], position: int, lines: list[PackLine]) -> Document | None:
    """A document starting a few lines after ``position`` (an "Agenda Item" stamp
    or a new page), moved to start there."""
    for later in range(position, min(position + 5, len(lines))):
        if later in docs:
            if docs[later].kind == "minutes":
                return docs[later]  # minutes begin at their own header
            doc = docs.pop(later)
            doc.index = position
            return doc
    return None


def assign_items(
    lines: list[PackLine], docs: list[Document], items: list[DraftItem], first: int
) -> list[Document]:
    """Tie documents to the agenda items that carry pages, in agenda order,
    adding the documents found only by their title. ``first`` is the pack line
    position where documents can begin (after the agenda)."""
    docs = list(docs)
    cursor = first
    for item in items:
        if item.pages is None and not MINUTES_ITEM.search(item.title):
            continue
        found = _find_document(lines, docs, item, cursor)
        if found is None:
            continue
        found.agenda_number = found.agenda_number or item.number
        if found.kind == "report" and not found.title:
            found.title = item.title
        if found not in docs:
            docs.append(found)
            docs.sort(key=lambda doc: doc.index)
        cursor = found.index + 1
    return docs


def _find_document(
    lines: list[PackLine], docs: list[Document], item: DraftItem, cursor: int
) -> Document | None:
    later = [
        doc for doc in docs if doc.index >= cursor and doc.agenda_number in (None, item.number)
    ]
    if MINUTES_ITEM.search(item.title):
        return next((doc for doc in later if doc.kind == "minutes"), None)
    for doc in later:
        if doc.cover and doc.cover.title and similarity(item.title, doc.cover.title) >= 0.5:
            return doc
    stamped = next(
        (d for d in later if d.agenda_number == item.number and d.kind == "report"), None
    )
    if stamped is not None:
        return stamped  # "Agenda Item 7" stamped over the item's own pages
    # A heading inside a cover sheet's own sections is not a new document. One
    # inside minutes, or after a cover sheet whose end is unknown, may be (a report
    # that follows on the same page) if it matches closely and is not a minute.
    blocked = [
        range(doc.index, _own_end(doc, docs, lines) + 1)
        for doc in docs
        if doc.cover and doc.cover.end_line is not None
    ]
    soft = [
        range(doc.index, _span_end(doc, docs, lines) + 1)
        for doc in docs
        if doc.minutes or (doc.cover and doc.cover.end_line is None)
    ]
    position = _heading_match(lines, item.title, cursor, blocked, soft)
    if position is None:
        return None
    for doc in later:
        if doc.minutes is not None and doc.index <= position <= doc.minutes.anchor:
            return doc  # the title names a set of minutes in its header
    for doc in later:
        if position - 4 <= doc.index <= position and doc.kind != "minutes":
            return doc
    return Document(position, "report", title=item.title)


def _span_end(doc: Document, docs: list[Document], lines: list[PackLine]) -> int:
    later = [other.index for other in docs if other.index > doc.index]
    return (min(later) - 1) if later else len(lines) - 1


def _own_end(doc: Document, docs: list[Document], lines: list[PackLine]) -> int:
    """The last position of a document's own text (a cover sheet's own sections)."""
    end = _span_end(doc, docs, lines)
    if doc.cover is not None and doc.cover.end_line is not None:
        end = min(
            end, max(p for p in range(doc.index, end + 1) if lines[p].number <= doc.cover.end_line)
        )
    return end


def _heading_match(
    lines: list[PackLine], title: str, cursor: int, blocked: list[range], soft: list[range]
) -> int | None:
    loose = 0.6 if len(words_of(title)) >= 3 else 1.0
    for position in range(cursor, len(lines)):
        line = lines[position]
        if not _heading_like(line) or similarity(title, line.text) == 0:
            continue
        if any(position in span for span in blocked):
            continue
        needed = loose
        if any(position in span for span in soft):
            if not _unnumbered(lines, position):
                continue
            needed = max(loose, 0.85)
        window = [line.text]
        for following in lines[position + 1 : position + 5]:
            if len(window) == 3 or not _heading_like(following):
                break
            window.append(following.text)
        if similarity(title, " ".join(window)) >= needed:
            return position
    return None


def _unnumbered(lines: list[PackLine], position: int) -> bool:
    """Neither a numbered minute title nor the title under a number standing alone."""
    if re.match(r"^\d{1,3}", lines[position].text):
        return False
    before = next((line for line in reversed(lines[:position]) if line.noise is None), None)
    return before is None or not re.fullmatch(r"\d{1,3}[a-z]?\.?", before.text)


def _heading_like(line: PackLine) -> bool:
    text = line.text
    if line.noise or len(text) > 120 or text.endswith((".", ",", ";")):
        return False
    return not line.table or len([cell for cell in line.cells if cell]) == 1


def close_documents(lines: list[PackLine], docs: list[Document]) -> list[Document]:
    """Give every document its last line position; blank page notices end one."""
    for position, doc in enumerate(docs):
        end = docs[position + 1].index - 1 if position + 1 < len(docs) else len(lines) - 1
        while end > doc.index and lines[end].noise is not None:
            end -= 1
        doc.end_index = end
        if not doc.title:
            doc.title = title_at(lines, doc)
    return docs


def title_at(lines: list[PackLine], doc: Document) -> str | None:
    """A document's title from its first heading-like lines."""
    parts: list[str] = []
    for line in lines[doc.index : doc.index + 6]:
        if line.noise and not parts:
            continue  # the "Agenda Item 7" stamp over the title
        if line.noise or not _heading_like(line) or len(parts) >= 4:
            break
        if parts and re.match(r"^\d{1,2}(?:\.\d{1,2})?\.?\s", line.text):
            break  # the first numbered section, not more of the title
        parts.append(line.text.strip("\t "))
        if len(" ".join(parts)) > 40:
            break
    return " ".join(parts)[:150] or None


def _appendix_label(text: str) -> str:
    return " ".join(text.lower().split()[:2]).strip(" .:–-")


def appendices(lines: list[PackLine], doc: Document) -> list[tuple[int, int, str]]:
    """``(start, end, title)`` positions of appendices inside a document."""
    found = [
        position
        for position in range(doc.index + 1, doc.end_index + 1)
        if lines[position].noise is None
        and not lines[position].table
        and APPENDIX.match(lines[position].text)
        and len(lines[position].text) <= 120
    ]
    # A list of appendices names each before it appears: keep the last mention.
    label = {position: _appendix_label(lines[position].text) for position in found}
    found = [
        position
        for number, position in enumerate(found)
        if label[position] not in {label[later] for later in found[number + 1 :]}
    ]
    spans = []
    for number, position in enumerate(found):
        end = found[number + 1] - 1 if number + 1 < len(found) else doc.end_index
        spans.append((position, end, lines[position].text))
    return spans
