"""``/overview``, ``/figures``, ``/conflicts``, ``/self-scores``, ``/draft``,
``/exports``: the council's self-assessment and what it rests on."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, Field

from assure.interfaces.api.deps import (
    LISTING,
    NOT_FOUND,
    Responses,
    Window,
    application,
    paged,
    token_scope,
)
from assure.services import Scope, assessing, assessment, measuring
from assure.services.assessing import DraftStatement, Overview
from assure.services.assessment import StatementSelfScore
from assure.services.measuring import ConflictView, MeasureView

router = APIRouter(tags=["assessment"])
MEDIA = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FILE: Responses = {200: {"content": {m: {} for m in MEDIA.values()}, "description": "The file"}}


@router.get("/overview", summary="Evidence per statement, flags, self-scores, simulated rating")
def overview(
    request: Request,
    council: str | None = Query(None, max_length=200),
    scope: Scope = Depends(token_scope),
) -> Overview:
    return assessing.overview(application(request), scope, council)


@router.get("/figures", summary="Measures with their values and comparators", responses=LISTING)
def list_figures(
    request: Request,
    response: Response,
    council: str | None = Query(None, max_length=200),
    measure: str | None = Query(None, max_length=200),
    window: Window = Depends(),
    scope: Scope = Depends(token_scope),
) -> list[MeasureView]:
    found = measuring.measures(
        application(request), scope, council, measure, window.limit, window.offset
    )
    return paged(request, response, found)


@router.get("/conflicts", summary="Figures for one measure that differ between documents")
def list_conflicts(
    request: Request,
    council: str | None = Query(None, max_length=200),
    scope: Scope = Depends(token_scope),
) -> list[ConflictView]:
    return measuring.conflicts(application(request), scope, council)


class SelfScoreIn(BaseModel):
    council: str = Field(..., max_length=200)
    statement: str = Field(..., max_length=60)
    score: int = Field(..., ge=1, le=4)
    rationale: str = Field(..., min_length=1, max_length=5000)
    evidence: list[int] = Field(default_factory=list, max_length=200)


@router.post(
    "/self-scores",
    summary="Record the council's own score for a statement (editor)",
    responses={400: {"description": "Not a possible score"}, 403: {}, **NOT_FOUND},
)
def set_self_score(
    request: Request, body: SelfScoreIn, scope: Scope = Depends(token_scope)
) -> StatementSelfScore:
    return assessment.set_self_score(
        application(request), scope, body.statement, body.score, body.rationale,
        [i for i in body.evidence if 1 <= i < 2**31], body.council,
    )  # fmt: skip


@router.get("/draft", summary="Each statement's drafted text and the council's own wording")
def get_draft(
    request: Request,
    council: str | None = Query(None, max_length=200),
    scope: Scope = Depends(token_scope),
) -> list[DraftStatement]:
    return assessing.draft_statements(application(request), scope, council)


class DraftTextIn(BaseModel):
    council: str = Field(..., max_length=200)
    statement: str = Field(..., max_length=60)
    text: str = Field(..., max_length=50_000)


@router.post(
    "/draft",
    summary="Keep the council's own wording of a statement's draft (editor)",
    responses={400: {"description": "Not a statement"}, 403: {}, **NOT_FOUND},
)
def set_draft_text(
    request: Request, body: DraftTextIn, scope: Scope = Depends(token_scope)
) -> DraftStatement:
    return assessing.set_own_wording(
        application(request), scope, body.council, body.statement, body.text
    )


@router.get(
    "/exports/{name}",
    summary="The draft (docx, html) or the gap list (csv, xlsx) as a file",
    responses={**FILE, **NOT_FOUND},
    response_class=Response,
)
def export(
    request: Request,
    name: Literal["draft.docx", "draft.html", "gaps.csv", "gaps.xlsx"],
    council: str | None = Query(None, max_length=200),
    scope: Scope = Depends(token_scope),
) -> Response:
    stem, form = name.split(".")
    make = assessing.export_draft if stem == "draft" else assessing.export_gaps
    file_name, data = make(application(request), scope, council, form)
    return Response(
        data,
        media_type=MEDIA[form],
        headers={"Content-Disposition": f'attachment; filename="{file_name}"'},
    )
