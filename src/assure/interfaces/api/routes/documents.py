"""``/documents``: the caller's councils' documents, one document, its lines."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request, Response

from assure.interfaces.api.deps import (
    LISTING,
    NOT_FOUND,
    ItemId,
    Window,
    library,
    paged,
    token_scope,
)
from assure.services import Scope, browsing
from assure.services.browsing import DocumentSummary, DocumentView, SourceLineView

router = APIRouter(tags=["documents"])


@router.get(
    "/documents",
    summary="Documents of the caller's councils (the fields of `assure documents --json`)",
    responses=LISTING,
)
def list_documents(
    request: Request,
    response: Response,
    council: str | None = Query(None, description="Only this council's documents."),
    kind: str | None = Query(None, description="Only documents of this kind."),
    q: str | None = Query(None, description="A fragment of the title or file name."),
    window: Window = Depends(),
    scope: Scope = Depends(token_scope),
) -> list[DocumentSummary]:
    page = browsing.documents(
        scope, library(request), council, kind, q, window.offset, window.limit
    )
    return paged(request, response, page)


@router.get(
    "/documents/{document_id}", summary="One document with its structure", responses=NOT_FOUND
)
def get_document(
    request: Request, document_id: ItemId, scope: Scope = Depends(token_scope)
) -> DocumentView:
    return browsing.document(scope, library(request), document_id)


@router.get(
    "/documents/{document_id}/lines",
    summary="A document's source lines with page numbers",
    responses=NOT_FOUND,
)
def document_lines(
    request: Request,
    document_id: ItemId,
    start: int = Query(1, ge=1, le=100_000_000),
    end: int | None = Query(None, ge=1, le=100_000_000),
    scope: Scope = Depends(token_scope),
) -> list[SourceLineView]:
    return browsing.lines(scope, library(request), document_id, start, end)
