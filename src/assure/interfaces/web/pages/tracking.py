"""Meetings and decisions, the action tracker, and plans."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Form, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from assure.interfaces.web.deps import PER_PAGE, application, render, signed_in
from assure.services import Scope, plans, tracking

router = APIRouter()
KEY = r"^(minutes|plan):\d{1,9}$"


@router.get("/meetings")
def meetings(
    request: Request,
    body: str | None = Query(None, max_length=200),
    page: int = Query(1, ge=1, le=100_000),
    scope: Scope = Depends(signed_in),
) -> Response:
    shown = tracking.meetings(
        application(request), scope, None, body or None,
        limit=PER_PAGE, offset=(page - 1) * PER_PAGE, newest_first=True,
    )  # fmt: skip
    return render(
        request, "meetings.html", scope, title="Meetings", found=shown, page=page, per_page=PER_PAGE
    )


@router.get("/actions")
def actions(
    request: Request,
    owner: str | None = Query(None, max_length=200),
    status: Literal["open", "done", ""] = "",
    overdue: bool = False,
    page: int = Query(1, ge=1, le=100_000),
    scope: Scope = Depends(signed_in),
) -> Response:
    shown = tracking.actions(
        application(request), scope, None, status or None, owner or None, overdue,
        limit=PER_PAGE, offset=(page - 1) * PER_PAGE,
    )  # fmt: skip
    return render(
        request, "actions.html", scope, title="Actions", found=shown, page=page, per_page=PER_PAGE
    )


@router.get("/actions/{key}")
def action_page(
    request: Request,
    key: str = Path(..., pattern=KEY, max_length=20),
    scope: Scope = Depends(signed_in),
) -> Response:
    found = tracking.find_action(application(request), scope, key, None)
    return render(request, "action.html", scope, title="Action", a=found)


@router.post("/actions/{key}/status")
def update_status(
    request: Request,
    key: str = Path(..., pattern=KEY, max_length=20),
    status: str = Form(..., max_length=80),
    scope: Scope = Depends(signed_in),
) -> Response:
    changed = tracking.update_action(application(request), scope, key, status)
    if request.headers.get("hx-request"):
        return render(request, "action_row.html", scope, a=changed.action)
    return RedirectResponse(f"/actions/{key}", status_code=303)


@router.get("/plans")
def plan_list(request: Request, scope: Scope = Depends(signed_in)) -> Response:
    app = application(request)
    return render(
        request,
        "plans.html",
        scope,
        title="Plans and risks",
        plans=plans.plans(app, scope),
        risks=plans.risks(app, scope, by_severity=True),
    )
