"""Administration: the users of the councils you administer, their grants,
and the audit log of every change."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from assure.interfaces.web.deps import library, render, signed_in
from assure.services import InvalidRequest, Scope, accounts, audit
from assure.services.scope import Role

router = APIRouter()
PER_PAGE = 50


def users_page(request: Request, scope: Scope, error: str | None = None) -> Response:
    found = accounts.users(scope, library(request))
    administered = [c for c in scope.councils if scope.is_admin(c)]
    return render(
        request,
        "admin_users.html",
        scope,
        status_code=400 if error else 200,
        title="Users",
        users=found,
        councils=administered,
        roles=[str(r) for r in Role],
        error=error,
    )


@router.get("/admin/users")
def users(request: Request, scope: Scope = Depends(signed_in)) -> Response:
    return users_page(request, scope)


def administer(request: Request, scope: Scope, change: Callable[[], object]) -> Response:
    """Make an account change and go back to the list, or show why not."""
    try:
        change()
    except InvalidRequest as error:
        return users_page(request, scope, str(error))
    return RedirectResponse("/admin/users", status_code=303)


@router.post("/admin/users")
def add_user(
    request: Request,
    email: str = Form(..., max_length=320),
    password: str = Form(..., max_length=1000),
    council: str = Form(...),
    role: str = Form(...),
    scope: Scope = Depends(signed_in),
) -> Response:
    lib = library(request)
    return administer(
        request, scope, lambda: accounts.add_user(scope, lib, email, password, [council], role)
    )


@router.post("/admin/users/grant")
def grant(
    request: Request,
    email: str = Form(..., max_length=320),
    council: str = Form(...),
    role: str = Form(...),
    scope: Scope = Depends(signed_in),
) -> Response:
    lib = library(request)
    return administer(request, scope, lambda: accounts.grant(scope, lib, email, council, role))


@router.post("/admin/users/revoke")
def revoke(
    request: Request,
    email: str = Form(..., max_length=320),
    council: str = Form(...),
    scope: Scope = Depends(signed_in),
) -> Response:
    lib = library(request)
    return administer(request, scope, lambda: accounts.revoke(scope, lib, email, council))


@router.post("/admin/users/remove")
def remove(
    request: Request, email: str = Form(..., max_length=320), scope: Scope = Depends(signed_in)
) -> Response:
    lib = library(request)
    return administer(request, scope, lambda: accounts.remove_user(scope, lib, email))


@router.get("/admin/audit")
def audit_log(
    request: Request,
    page: int = Query(1, ge=1, le=100_000),
    scope: Scope = Depends(signed_in),
) -> Response:
    found = audit.log(scope, library(request), PER_PAGE, (page - 1) * PER_PAGE)
    return render(
        request,
        "admin_audit.html",
        scope,
        title="Audit log",
        found=found,
        page=page,
        per_page=PER_PAGE,
    )
