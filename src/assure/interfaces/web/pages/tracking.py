"""Meetings and decisions, the action tracker, and plans."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from assure.interfaces.web.deps import PER_PAGE, library, render, signed_in
from assure.services import Scope, tracking

router = APIRouter()


@router.get("/meetings")
def meetings(
    request: Request,
    body: str | None = Query(None, max_length=200),
    page: int = Query(1, ge=1, le=100_000),
    scope: Scope = Depends(signed_in),
) -> Response:
    found = tracking.meetings(
        scope, library(request), None, body or None, (page - 1) * PER_PAGE, PER_PAGE
    )
    return render(
        request, "meetings.html", scope, title="Meetings", found=found, page=page, per_page=PER_PAGE
    )


@router.get("/actions")
def actions(
    request: Request,
    owner: str | None = Query(None, max_length=200),
    status: str | None = Query(None, pattern="^(open|done)?$"),
    overdue: bool = False,
    page: int = Query(1, ge=1, le=100_000),
    scope: Scope = Depends(signed_in),
) -> Response:
    found = tracking.actions(
        scope,
        library(request),
        None,
        owner or None,
        status or None,
        overdue,
        (page - 1) * PER_PAGE,
        PER_PAGE,
    )
    return render(
        request, "actions.html", scope, title="Actions", found=found, page=page, per_page=PER_PAGE
    )


@router.get("/actions/{key}")
def action_page(request: Request, key: str, scope: Scope = Depends(signed_in)) -> Response:
    found = tracking.action(scope, library(request), key)
    return render(request, "action.html", scope, title="Action", a=found)


@router.post("/actions/{key}/status")
def update_status(
    request: Request,
    key: str,
    status: str = Form(..., max_length=80),
    scope: Scope = Depends(signed_in),
) -> Response:
    updated = tracking.update_action(scope, library(request), key, status)
    if request.headers.get("hx-request"):
        return render(request, "action_row.html", scope, a=updated)
    return RedirectResponse(f"/actions/{key}", status_code=303)


@router.get("/plans")
def plans(request: Request, scope: Scope = Depends(signed_in)) -> Response:
    found = tracking.plans(scope, library(request))
    return render(request, "plans.html", scope, title="Plans and risks", plans=found)
