"""Documents: the list with filters, upload with progress, and one document
with its structure beside its source text."""

from __future__ import annotations

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from assure.interfaces.web.deps import (
    PER_PAGE,
    library,
    render,
    signed_in,
)
from assure.services import InvalidRequest, Scope, browsing, uploading
from assure.services.scope import Role
from assure.structure import DocumentKind

router = APIRouter()
LINES_SHOWN = 400  # source lines on one page of a document
KINDS = [k.value for k in DocumentKind]


@router.get("/documents")
def document_list(
    request: Request,
    council: str | None = None,
    kind: str | None = None,
    q: str | None = None,
    page: int = Query(1, ge=1, le=1_000_000),
    scope: Scope = Depends(signed_in),
) -> Response:
    found = browsing.documents(
        scope, library(request), council or None, kind or None, q, (page - 1) * PER_PAGE, PER_PAGE
    )
    return render(
        request,
        "documents.html",
        scope,
        title="Documents",
        found=found,
        page=page,
        per_page=PER_PAGE,
        kinds=KINDS,
        editable=[c for c in scope.councils if scope.can_edit(c)],
    )


@router.get("/documents/upload")
def upload_form(request: Request, scope: Scope = Depends(signed_in)) -> Response:
    return upload_page(request, scope)


def upload_page(request: Request, scope: Scope, error: str | None = None) -> Response:
    editable = [c for c in scope.councils if scope.can_edit(c)]
    return render(
        request,
        "upload.html",
        scope,
        status_code=400 if error else 200,
        title="Upload a document",
        councils=editable,
        error=error,
        max_mb=library(request).settings.max_file_mb,
    )


@router.post("/documents/upload")
async def upload(
    request: Request,
    council: str = Form(""),
    file: UploadFile | None = File(None),
    scope: Scope = Depends(signed_in),
) -> Response:
    if file is None or not file.filename:
        return upload_page(request, scope, "Choose a file to upload")
    limit = library(request).settings.max_file_bytes
    data = await file.read(limit + 1)
    try:
        job = uploading.start(scope, library(request), council, file.filename, data)
    except InvalidRequest as error:
        return upload_page(request, scope, str(error))
    return RedirectResponse(f"/documents/uploads/{job.id}", status_code=303)


@router.get("/documents/uploads/{job_id}")
def upload_progress(request: Request, job_id: str, scope: Scope = Depends(signed_in)) -> Response:
    job = uploading.status(scope, library(request), job_id)
    return render(request, "upload_status.html", scope, title="Upload", job=job)


@router.get("/documents/{document_id}")
def document_page(
    request: Request,
    document_id: int,
    line: int | None = Query(None, ge=1, le=100_000_000),
    start: int | None = Query(None, ge=1, le=100_000_000),
    scope: Scope = Depends(signed_in),
) -> Response:
    view = browsing.document(scope, library(request), document_id)
    first = start or max(1, (line or 1) - LINES_SHOWN // 4)
    lines = browsing.lines(scope, library(request), document_id, first, first + LINES_SHOWN - 1)
    return render(
        request,
        "document.html",
        scope,
        title=view.document.label,
        view=view,
        lines=lines,
        chosen=line,
        first=first,
        shown=LINES_SHOWN,
        can_edit=scope.can_edit(view.document.council),
        editor=Role.EDITOR,
    )
