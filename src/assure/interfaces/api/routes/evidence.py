"""``/search``, ``/statements``, ``/passages``: finding and correcting evidence."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, Field

from assure.interfaces.api.deps import (
    LISTING,
    NOT_FOUND,
    ItemId,
    Window,
    library,
    paged,
    token_scope,
)
from assure.services import Scope, reviewing, searching
from assure.services.reviewing import PassageView, StatementInfo
from assure.services.searching import SearchHitView

router = APIRouter(tags=["evidence"])
DATE = r"^\d{4}-\d{2}-\d{2}$"


@router.get("/search", summary="Passages matching words and quoted phrases", responses=LISTING)
def search(
    request: Request,
    response: Response,
    q: str = Query(..., max_length=500, description='Words and "quoted phrases".'),
    council: str | None = Query(None, max_length=200),
    kind: str | None = Query(None, max_length=40),
    statement: str | None = Query(None, max_length=60),
    since: str | None = Query(None, pattern=DATE),
    until: str | None = Query(None, pattern=DATE),
    window: Window = Depends(),
    scope: Scope = Depends(token_scope),
) -> list[SearchHitView]:
    page = searching.search(
        scope, library(request), q, council, kind, statement, since, until, window.offset,
        window.limit,
    )  # fmt: skip
    return paged(request, response, page)


@router.get("/statements", summary="The framework's quality statements")
def list_statements(scope: Scope = Depends(token_scope)) -> list[StatementInfo]:
    return reviewing.statements()


@router.get(
    "/statements/{statement}/evidence",
    summary="Passages labelled with a quality statement, most confident first",
    responses={**LISTING, **NOT_FOUND},
)
def statement_evidence(
    request: Request,
    response: Response,
    statement: str,
    council: str | None = Query(None, max_length=200),
    suggestions: bool = Query(True, description="Include labels below the evidence bar."),
    window: Window = Depends(),
    scope: Scope = Depends(token_scope),
) -> list[PassageView]:
    page = reviewing.evidence(
        scope, library(request), statement, council, suggestions, window.offset, window.limit
    )
    return paged(request, response, page)


@router.get("/passages/{passage_id}", summary="One passage with its labels", responses=NOT_FOUND)
def get_passage(
    request: Request, passage_id: ItemId, scope: Scope = Depends(token_scope)
) -> PassageView:
    return reviewing.passage(scope, library(request), passage_id)


class CorrectionIn(BaseModel):
    verdict: Literal["confirm", "reject", "relabel"]
    statement: str = Field("", max_length=60, description="The statement confirmed or rejected.")
    relabel_to: list[str] = Field(default_factory=list, max_length=9)
    category: str | None = Field(None, max_length=40)
    stance: str | None = Field(None, max_length=40)


@router.post(
    "/passages/{passage_id}/corrections",
    summary="Confirm, reject or relabel a passage's quality statement (editor)",
    responses={**NOT_FOUND, 400: {"description": "Not a possible correction"}, 403: {}},
)
def correct_passage(
    request: Request, passage_id: ItemId, body: CorrectionIn, scope: Scope = Depends(token_scope)
) -> PassageView:
    return reviewing.correct(
        scope,
        library(request),
        passage_id,
        body.verdict,
        body.statement,
        body.relabel_to,
        body.category,
        body.stance,
    )
