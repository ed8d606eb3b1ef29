"""Search: passages with snippets, filtered by council, kind, statement and date."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from assure.interfaces.web.deps import library, render, signed_in
from assure.interfaces.web.pages.documents import KINDS
from assure.services import Scope, reviewing, searching

router = APIRouter()
PER_PAGE = 20


@router.get("/search")
def search(
    request: Request,
    q: str = Query("", max_length=500),
    council: str | None = None,
    kind: str | None = None,
    statement: str | None = None,
    since: str | None = Query(None, pattern=r"^(\d{4}-\d{2}-\d{2})?$"),
    until: str | None = Query(None, pattern=r"^(\d{4}-\d{2}-\d{2})?$"),
    page: int = Query(1, ge=1, le=10_000),
    scope: Scope = Depends(signed_in),
) -> Response:
    found = searching.search(
        scope,
        library(request),
        q,
        council or None,
        kind or None,
        statement or None,
        since or None,
        until or None,
        (page - 1) * PER_PAGE,
        PER_PAGE,
    )
    return render(
        request,
        "search.html",
        scope,
        title="Search",
        found=found,
        page=page,
        per_page=PER_PAGE,
        kinds=KINDS,
        statements=reviewing.statements(),
    )
