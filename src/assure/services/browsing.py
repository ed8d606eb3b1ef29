"""Documents as a signed-in user browses them: the list of their councils'
documents with filters, one document with its structure, and its source lines
with page numbers. Another council's document is not found, never forbidden."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pydantic import BaseModel, computed_field, field_serializer

from assure.services.errors import NotFound
from assure.services.paging import Paged, check_window, storable, window
from assure.services.scope import Scope
from assure.storing import Library, StoredDocument
from assure.storing.reading import plans_of
from assure.structure import Meeting, Plan

MAX_LINES = 2000  # lines one request may ask for


class DocumentSummary(BaseModel):
    """A stored document: the fields of ``assure documents --json``."""

    id: int
    council: str
    title: str | None
    kind: str
    date: str | None
    format: str
    pages: int | None
    lines: int
    passages: int
    content_hash: str
    source_path: str
    ingested_at: datetime
    warnings: list[str]

    @field_serializer("ingested_at")
    def iso_time(self, value: datetime) -> str:
        return value.isoformat()  # as the command line writes it: +00:00, not Z

    @computed_field  # type: ignore[prop-decorator]
    @property
    def file_name(self) -> str:
        return Path(self.source_path).name

    @property
    def label(self) -> str:
        return self.title or self.file_name


class SectionView(BaseModel):
    title: str
    level: int
    kind: str
    start_line: int
    end_line: int
    page: int | None
    qs: list[str]


class MeetingView(BaseModel):
    id: int
    page: int | None
    meeting: Meeting


class DocumentView(BaseModel):
    """One document with what was found in it."""

    document: DocumentSummary
    sections: list[SectionView]
    counts: dict[str, int]
    meetings: list[MeetingView]
    plans: list[Plan]


class SourceLineView(BaseModel):
    number: int
    page: int | None
    text: str
    heading_level: int | None
    table_row: bool


def summary(d: StoredDocument) -> DocumentSummary:
    return DocumentSummary(
        id=d.id,
        council=d.council,
        title=d.title,
        kind=d.kind,
        date=d.date,
        format=d.format,
        pages=d.pages,
        lines=d.lines,
        passages=d.passages,
        content_hash=d.content_hash,
        source_path=d.source_path,
        ingested_at=d.ingested_at,
        warnings=list(d.warnings),
    )


def documents(
    scope: Scope,
    library: Library,
    council: str | None = None,
    kind: str | None = None,
    text: str | None = None,
    offset: int = 0,
    limit: int = 50,
) -> Paged[DocumentSummary]:
    """The caller's councils' documents, newest ingested first; ``council``
    and ``kind`` narrow them, ``text`` matches the title or file name."""
    check_window(offset, limit)
    found: list[StoredDocument] = []
    for name in scope.narrowed(council).require_any():
        found.extend(library.documents(name))
    if kind:
        found = [d for d in found if d.kind == kind]
    if text:
        needle = text.casefold()
        found = [
            d for d in found if needle in d.label.casefold() or needle in d.source_path.casefold()
        ]
    found.sort(key=lambda d: d.id, reverse=True)
    return window([summary(d) for d in found], offset, limit)


def stored(scope: Scope, library: Library, document_id: int) -> StoredDocument:
    """The document if it is in the caller's councils; else ``NotFound``."""
    scope.require_any()
    found = library.documents(ids=[document_id]) if storable(document_id) else []
    if not found or not scope.can_read(found[0].council):
        raise NotFound(f"no document {document_id}")
    return found[0]


def document(scope: Scope, library: Library, document_id: int) -> DocumentView:
    """One document with its sections, counts, meetings and plans."""
    doc = stored(scope, library, document_id)
    detail = library.detail(doc.id, doc.council)
    with library.reading() as session:
        plans = list(plans_of(session, doc.id))
    return DocumentView(
        document=summary(doc),
        sections=[
            SectionView(
                title=s.title,
                level=s.level,
                kind=s.kind,
                start_line=s.start_line,
                end_line=s.end_line,
                page=s.page,
                qs=list(s.qs),
            )
            for s in detail.sections
        ],
        counts=dict(detail.counts),
        meetings=[
            MeetingView(id=r.id, page=r.page, meeting=r.meeting)
            for r in library.meetings(doc.council, document=doc.id)
        ],
        plans=plans,
    )


def lines(
    scope: Scope, library: Library, document_id: int, start: int = 1, end: int | None = None
) -> list[SourceLineView]:
    """Source lines ``start``..``end`` (1-based, inclusive; at most
    ``MAX_LINES``) of a document, with their pages."""
    doc = stored(scope, library, document_id)
    start = max(1, start)
    end = min(doc.lines, end if end is not None else doc.lines, start + MAX_LINES - 1)
    return [
        SourceLineView(
            number=line.number,
            page=line.page,
            text=line.text,
            heading_level=line.heading_level,
            table_row=line.table_row,
        )
        for line in library.lines(doc.id, start, end)
    ]
