"""``/uploads``, ``/users``, ``/audit``: adding documents, and administration."""

from __future__ import annotations

from fastapi import APIRouter, Depends, File, Form, Path, Query, Request, UploadFile

from assure.interfaces.api.deps import NOT_FOUND, application, library, token_scope
from assure.services import Scope, accounts, audit, uploading
from assure.services.accounts import Account
from assure.services.audit import AuditPage
from assure.services.uploading import UploadJob

router = APIRouter(tags=["administration"])


@router.post(
    "/uploads",
    summary="Upload a document: checked for size and type, then read in the background",
    status_code=202,
    responses={400: {"description": "Empty, too large or unsupported"}, 403: {}, **NOT_FOUND},
)
async def upload(
    request: Request,
    council: str = Form(..., max_length=200),
    file: UploadFile = File(...),
    scope: Scope = Depends(token_scope),
) -> UploadJob:
    app = application(request)
    data = await file.read(app.settings.max_file_bytes + 1)
    return uploading.start(app, scope, council, file.filename or "upload", data)


@router.get("/uploads/{job_id}", summary="An upload's progress", responses=NOT_FOUND)
def upload_status(
    request: Request,
    job_id: str = Path(..., max_length=64),
    scope: Scope = Depends(token_scope),
) -> UploadJob:
    return uploading.status(application(request), scope, job_id)


@router.get("/users", summary="Users of the councils the caller administers", responses={403: {}})
def list_users(request: Request, scope: Scope = Depends(token_scope)) -> list[Account]:
    return accounts.users(scope, library(request))


@router.get("/audit", summary="Changes to the councils the caller administers", responses={403: {}})
def audit_log(
    request: Request,
    limit: int = Query(50, ge=1, le=200),
    offset: int = Query(0, ge=0, le=10_000_000),
    scope: Scope = Depends(token_scope),
) -> AuditPage:
    return audit.log(scope, library(request), limit, offset)
