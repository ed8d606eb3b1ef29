"""Documents: list them, open one with its structure, read its lines in context,
delete, move to another council."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from assure.ingest import training
from assure.services.application import Application
from assure.services.audit import note
from assure.services.errors import InvalidRequest, NotFound
from assure.services.paging import Page, check_window, total_of
from assure.services.scope import Role, Scope
from assure.storing import StoredDocument, UnknownDocument

CONTEXT_LINES = 2
MAX_LINES = 2000  # lines shown at once


class DocumentSummary(BaseModel):
    """A stored document: the fields of ``assure documents --json``."""

    id: int
    council: str
    title: str | None
    kind: str
    date: str | None = Field(description="The document's own date, ISO, where it gives one.")
    format: str
    pages: int | None
    lines: int
    passages: int
    content_hash: str
    source_path: str
    ingested_at: datetime
    warnings: list[str]

    @property
    def label(self) -> str:
        """The title, or the file name where the document has none."""
        return self.title or self.source_path.rsplit("/", 1)[-1]


class SectionView(BaseModel):
    title: str
    level: int
    kind: str
    start_line: int
    end_line: int
    page: int | None
    qs: list[str]


class DocumentDetail(BaseModel):
    """A document with its sections and how many of each thing it holds."""

    document: DocumentSummary
    sections: list[SectionView]
    counts: dict[str, int]


class LineView(BaseModel):
    number: int
    page: int | None
    text: str
    asked: bool = Field(description="Inside the span asked for (the others are context).")


class LinesView(BaseModel):
    document: DocumentSummary
    start: int
    end: int
    lines: list[LineView]


def summary(d: StoredDocument) -> DocumentSummary:
    return DocumentSummary.model_validate(d, from_attributes=True)


def list_documents(
    app: Application,
    scope: Scope,
    council: str | None = None,
    kind: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Page[DocumentSummary]:
    """The documents of the caller's councils (or of one of them), oldest first."""
    check_window(limit, offset)
    councils = scope.narrowed(council).require_any()
    found = app.library.documents(councils, kind=kind, limit=limit, offset=offset)
    total = total_of(len(found), limit, offset, lambda: app.library.count_documents(councils, kind))
    return Page[DocumentSummary](
        items=[summary(d) for d in found], total=total, limit=limit, offset=offset
    )


def find_document(app: Application, scope: Scope, ref: str | int) -> DocumentSummary:
    """A document of the caller's councils by id, content-hash prefix, or a
    fragment of its title or file name."""
    try:
        return summary(app.library.document(ref, scope.require_any()))
    except UnknownDocument as error:
        raise NotFound(str(error)) from None


def get_document(app: Application, scope: Scope, document_id: int) -> DocumentSummary:
    """A document of the caller's councils by id; another council's is not found."""
    found = app.library.documents(scope.require_any(), ids=[document_id])
    if not found:
        raise NotFound(f"no document {document_id}")
    return summary(found[0])


def document_detail(app: Application, scope: Scope, ref: str | int) -> DocumentDetail:
    document = find_document(app, scope, ref)
    sections = [
        SectionView(
            title=s.title,
            level=s.level,
            kind=s.kind,
            start_line=s.start_line,
            end_line=s.end_line,
            page=s.page,
            qs=list(s.qs),
        )
        for s in app.library.sections(document.id)
    ]
    return DocumentDetail(
        document=document, sections=sections, counts=app.library.counts(document.id)
    )


def document_lines(
    app: Application,
    scope: Scope,
    ref: str | int,
    start: int,
    end: int | None = None,
    context: int = CONTEXT_LINES,
) -> LinesView:
    """Lines ``start``..``end`` of a document with ``context`` lines either side,
    each with its page. Refuses a span outside the document."""
    document = find_document(app, scope, ref)
    end = start if end is None else end
    if start > end:
        start, end = end, start
    if start < 1 or start > document.lines:
        raise InvalidRequest(
            f"{document.label} has lines 1-{document.lines}; there is no line {start}"
        )
    end = min(end, document.lines)
    if end - start + 1 > MAX_LINES:
        raise InvalidRequest(f"at most {MAX_LINES} lines at once, not {end - start + 1}")
    lines = app.library.lines(document.id, max(1, start - context), end + context)
    return LinesView(
        document=document,
        start=start,
        end=end,
        lines=[
            LineView(number=x.number, page=x.page, text=x.text, asked=start <= x.number <= end)
            for x in lines
        ],
    )


def delete_document(app: Application, scope: Scope, ref: str | int) -> DocumentSummary:
    """Remove a document and everything derived from it: its passages, labels
    and people's corrections of them, meetings, plans, figures and findings.
    Needs the admin role in its council."""
    document = find_document(app, scope, ref)
    scope.require(document.council, Role.ADMIN)
    change = note(
        scope,
        document.council,
        "delete document",
        f"document {document.id}",
        before=document.model_dump(mode="json"),
    )
    if app.library.delete_document(document.id, [document.council], change) is None:
        raise NotFound(f"no document {document.id}")
    # A council's own model learnt from this document's text: rebuild it without.
    if training.rebuild_council_model(app.library, app.settings, document.council):
        app.models.forget(document.council)
    return document


def move_document(app: Application, scope: Scope, ref: str | int, council: str) -> DocumentSummary:
    """File a document under another council; needs the admin role in both."""
    document = find_document(app, scope, ref)
    scope.require(document.council, Role.ADMIN)
    scope.require(council, Role.ADMIN)
    if council == document.council:
        raise InvalidRequest(f"{document.label} is already filed under {council}")
    change = note(
        scope,
        council,
        "move document",
        f"document {document.id}",
        before={"council": document.council},
        after={"council": council},
    )
    if not app.library.move_document(document.id, council, [document.council], change):
        raise InvalidRequest(f"{council} already holds a document with the same content")
    # The council it leaves must not keep a model learnt from it.
    if training.rebuild_council_model(app.library, app.settings, document.council):
        app.models.forget(document.council)
    return get_document(app, scope, document.id)
