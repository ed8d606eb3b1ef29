"""``/documents``: the caller's councils' documents, one document, its lines."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request, Response

from assure.interfaces.api.deps import (
    LISTING,
    NOT_FOUND,
    ItemId,
    Window,
    application,
    paged,
    token_scope,
)
from assure.services import Scope, documents
from assure.services.documents import DocumentDetail, DocumentSummary, LinesView

router = APIRouter(tags=["documents"])


@router.get(
    "/documents",
    summary="Documents of the caller's councils (the fields of `assure documents --json`)",
    responses=LISTING,
)
def list_documents(
    request: Request,
    response: Response,
    council: str | None = Query(None, max_length=200, description="Only this council's."),
    kind: str | None = Query(None, max_length=40, description="Only documents of this kind."),
    window: Window = Depends(),
    scope: Scope = Depends(token_scope),
) -> list[DocumentSummary]:
    page = documents.list_documents(
        application(request), scope, council, kind, window.limit, window.offset
    )
    return paged(request, response, page)


@router.get(
    "/documents/{document_id}",
    summary="One document with its sections and counts",
    responses=NOT_FOUND,
)
def get_document(
    request: Request, document_id: ItemId, scope: Scope = Depends(token_scope)
) -> DocumentDetail:
    documents.get_document(application(request), scope, document_id)  # by id only
    return documents.document_detail(application(request), scope, document_id)


@router.get(
    "/documents/{document_id}/lines",
    summary="A document's source lines with page numbers",
    responses={**NOT_FOUND, 400: {"description": "Lines outside the document"}},
)
def document_lines(
    request: Request,
    document_id: ItemId,
    start: int = Query(1, ge=1, le=100_000_000),
    end: int | None = Query(None, ge=1, le=100_000_000),
    scope: Scope = Depends(token_scope),
) -> LinesView:
    documents.get_document(application(request), scope, document_id)
    return documents.document_lines(application(request), scope, document_id, start, end, 0)
