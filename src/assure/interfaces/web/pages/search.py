"""Search: passages with snippets, filtered by council, kind, statement and date."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from assure.interfaces.web.deps import application, render, signed_in
from assure.interfaces.web.pages.documents import KINDS
from assure.services import Scope, reviewing, searching

router = APIRouter()
PER_PAGE = 20
DATE = r"^(\d{4}-\d{2}-\d{2})?$"


@router.get("/search")
def search(
    request: Request,
    q: str = Query("", max_length=500),
    council: str | None = None,
    kind: str | None = None,
    statement: str | None = None,
    since: str | None = Query(None, pattern=DATE),
    until: str | None = Query(None, pattern=DATE),
    page: int = Query(1, ge=1, le=25),
    scope: Scope = Depends(signed_in),
) -> Response:
    found = searching.filtered_search(
        application(request), scope, q, council or None, statement or None, kind or None,
        since or None, until or None, PER_PAGE, (page - 1) * PER_PAGE,
    )  # fmt: skip
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
