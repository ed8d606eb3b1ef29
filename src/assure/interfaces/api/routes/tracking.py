"""``/meetings``, ``/actions``, ``/plans``, ``/risks``: what boards decided and
agreed to do, and what they watch."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from pydantic import BaseModel, Field

from assure.interfaces.api.deps import LISTING, NOT_FOUND, Window, application, paged, token_scope
from assure.services import Scope, plans, tracking
from assure.services.plans import PlanView, RiskView
from assure.services.tracking import ActionChange, ActionView, MeetingView

router = APIRouter(tags=["tracking"])
KEY = r"^(minutes|plan):\d{1,9}$"


@router.get("/meetings", summary="Meetings with agenda, minutes and decisions", responses=LISTING)
def list_meetings(
    request: Request,
    response: Response,
    council: str | None = Query(None, max_length=200),
    body: str | None = Query(None, max_length=200),
    window: Window = Depends(),
    scope: Scope = Depends(token_scope),
) -> list[MeetingView]:
    found = tracking.meetings(
        application(request), scope, council, body, limit=window.limit, offset=window.offset
    )
    return paged(request, response, found)


@router.get("/actions", summary="Actions from minutes and plans", responses=LISTING)
def list_actions(
    request: Request,
    response: Response,
    council: str | None = Query(None, max_length=200),
    owner: str | None = Query(None, max_length=200),
    status: Literal["open", "done"] | None = None,
    overdue: bool = False,
    window: Window = Depends(),
    scope: Scope = Depends(token_scope),
) -> list[ActionView]:
    found = tracking.actions(
        application(request), scope, council, status, owner, overdue,
        limit=window.limit, offset=window.offset,
    )  # fmt: skip
    return paged(request, response, found)


@router.get("/actions/{key}", summary="One action (key minutes:N or plan:N)", responses=NOT_FOUND)
def get_action(
    request: Request,
    key: str = Path(..., pattern=KEY, max_length=20),
    scope: Scope = Depends(token_scope),
) -> ActionView:
    return tracking.find_action(application(request), scope, key, None)


class StatusIn(BaseModel):
    status: str = Field(..., min_length=1, max_length=80)


@router.post(
    "/actions/{key}/status",
    summary="Update an action's status (editor)",
    responses={**NOT_FOUND, 400: {"description": "Not a status"}, 403: {}},
)
def update_action(
    request: Request,
    body: StatusIn,
    key: str = Path(..., pattern=KEY, max_length=20),
    scope: Scope = Depends(token_scope),
) -> ActionChange:
    return tracking.update_action(application(request), scope, key, body.status)


@router.get("/plans", summary="Improvement plans with priorities, actions and measures")
def list_plans(
    request: Request,
    council: str | None = Query(None, max_length=200),
    scope: Scope = Depends(token_scope),
) -> list[PlanView]:
    return plans.plans(application(request), scope, council)


@router.get("/risks", summary="Risks of risk registers, with ratings before and after controls")
def list_risks(
    request: Request,
    council: str | None = Query(None, max_length=200),
    scope: Scope = Depends(token_scope),
) -> list[RiskView]:
    return plans.risks(application(request), scope, council, by_severity=True)
