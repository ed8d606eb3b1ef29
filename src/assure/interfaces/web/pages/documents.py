"""Documents: the list with filters, upload with progress, and one document
with its structure beside its source text."""

from __future__ import annotations

from fastapi import APIRouter, Depends, File, Form, Path, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from assure.interfaces.web.deps import PER_PAGE, application, render, signed_in
from assure.services import InvalidRequest, Scope, documents, plans, tracking, uploading
from assure.services.listing import MAX_ID
from assure.structure import DocumentKind

router = APIRouter()
LINES_SHOWN = 200  # source lines on one page of a document
KINDS = [k.value for k in DocumentKind]


@router.get("/documents")
def document_list(
    request: Request,
    council: str | None = None,
    kind: str | None = None,
    page: int = Query(1, ge=1, le=1_000_000),
    scope: Scope = Depends(signed_in),
) -> Response:
    found = documents.list_documents(
        application(request), scope, council or None, kind or None, PER_PAGE, (page - 1) * PER_PAGE
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
        max_mb=application(request).settings.max_file_mb,
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
    app = application(request)
    data = await file.read(app.settings.max_file_bytes + 1)
    try:
        job = uploading.start(app, scope, council, file.filename, data)
    except InvalidRequest as error:
        return upload_page(request, scope, str(error))
    return RedirectResponse(f"/documents/uploads/{job.id}", status_code=303)


@router.get("/documents/uploads/{job_id}")
def upload_progress(request: Request, job_id: str, scope: Scope = Depends(signed_in)) -> Response:
    job = uploading.status(application(request), scope, job_id)
    return render(request, "upload_status.html", scope, title="Upload", job=job)


@router.get("/documents/{document_id}")
def document_page(
    request: Request,
    document_id: int = Path(..., ge=1, le=MAX_ID),
    line: int | None = Query(None, ge=1, le=100_000_000),
    start: int | None = Query(None, ge=1, le=100_000_000),
    scope: Scope = Depends(signed_in),
) -> Response:
    app = application(request)
    summary = documents.get_document(app, scope, document_id)
    first = min(start or max(1, (line or 1) - LINES_SHOWN // 4), max(summary.lines, 1))
    return render(
        request,
        "document.html",
        scope,
        title=summary.label,
        view=documents.document_detail(app, scope, document_id),
        meetings=tracking.meetings(app, scope, summary.council, document=document_id).items,
        plans=plans.plans(app, scope, summary.council, document=document_id),
        lines=documents.document_lines(
            app, scope, document_id, first, first + LINES_SHOWN - 1, context=0
        ).lines,
        chosen=line,
        first=first,
        shown=LINES_SHOWN,
    )
