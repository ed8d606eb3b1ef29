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
    application,
    paged,
    token_scope,
)
from assure.services import Scope, evidence, reviewing, searching
from assure.services.evidence import Correction, PassageView
from assure.services.reviewing import StatementInfo
from assure.services.search import SearchHit

router = APIRouter(tags=["evidence"])
DATE = r"^\d{4}-\d{2}-\d{2}$"


@router.get("/search", summary="Passages matching words and quoted phrases", responses=LISTING)
def search(
    request: Request,
    response: Response,
    q: str = Query(..., max_length=500, description='Words and "quoted phrases".'),
    council: str | None = Query(None, max_length=200),
    statement: str | None = Query(None, max_length=60),
    kind: str | None = Query(None, max_length=40),
    since: str | None = Query(None, pattern=DATE),
    until: str | None = Query(None, pattern=DATE),
    window: Window = Depends(),
    scope: Scope = Depends(token_scope),
) -> list[SearchHit]:
    page = searching.filtered_search(
        application(request), scope, q, council, statement, kind, since, until,
        window.limit, window.offset,
    )  # fmt: skip
    return paged(request, response, page)


@router.get("/statements", summary="The framework's quality statements")
def list_statements(scope: Scope = Depends(token_scope)) -> list[StatementInfo]:
    return reviewing.statements()


@router.get(
    "/statements/{statement}/evidence",
    summary="Passages that count as evidence for a quality statement",
    responses={**LISTING, 400: {"description": "Not a quality statement"}},
)
def statement_evidence(
    request: Request,
    response: Response,
    statement: str,
    council: str | None = Query(None, max_length=200),
    suggestions: bool = Query(False, description="Also the machine's weaker suggestions."),
    window: Window = Depends(),
    scope: Scope = Depends(token_scope),
) -> list[PassageView]:
    page = evidence.evidence_for(
        application(request), scope, statement, council, suggestions, window.limit,
        window.offset,
    )  # fmt: skip
    return paged(request, response, page)


@router.get("/passages/{passage_id}", summary="One passage with its labels", responses=NOT_FOUND)
def get_passage(
    request: Request, passage_id: ItemId, scope: Scope = Depends(token_scope)
) -> PassageView:
    return evidence.get_passage(application(request), scope, passage_id)


class ReviewIn(BaseModel):
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
    request: Request, passage_id: ItemId, body: ReviewIn, scope: Scope = Depends(token_scope)
) -> Correction:
    return reviewing.review(
        application(request), scope, passage_id, body.verdict, body.statement,
        body.relabel_to, body.category, body.stance,
    )  # fmt: skip
