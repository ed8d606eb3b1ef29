"""Evidence per quality statement: passages with their labels and confidence;
editors confirm, reject or relabel in place (HTMX where it runs, a plain form
post where it does not)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Form, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from assure.framework import load_framework
from assure.interfaces.web.deps import application, render, signed_in
from assure.services import NotFound, Scope, evidence, reviewing
from assure.services.evidence import STANCES
from assure.services.listing import MAX_ID

router = APIRouter()
PER_PAGE = 20  # passages per page: each carries its correction form


def choices() -> dict[str, Any]:
    framework = load_framework()
    return {
        "statements": reviewing.statements(),
        "categories": [(c.id, c.name) for c in framework.evidence_categories],
        "stances": STANCES,
    }


@router.get("/evidence")
def statements(request: Request, scope: Scope = Depends(signed_in)) -> Response:
    return render(request, "evidence_index.html", scope, title="Evidence", **choices())


@router.get("/evidence/{statement}")
def statement_evidence(
    request: Request,
    statement: str,
    council: str | None = None,
    all: bool = False,
    page: int = Query(1, ge=1, le=100_000),
    scope: Scope = Depends(signed_in),
) -> Response:
    named = {s.id: s.name for s in reviewing.statements()}
    if statement not in named:
        raise NotFound(f"no quality statement {statement!r}")
    found = evidence.evidence_for(
        application(request), scope, statement, council or None, all, PER_PAGE,
        (page - 1) * PER_PAGE,
    )  # fmt: skip
    return render(
        request,
        "evidence.html",
        scope,
        title=named[statement],
        statement=statement,
        found=found,
        page=page,
        per_page=PER_PAGE,
        **choices(),
    )


@router.get("/passages/{passage_id}")
def passage_page(
    request: Request,
    passage_id: int = Path(..., ge=1, le=MAX_ID),
    scope: Scope = Depends(signed_in),
) -> Response:
    found = evidence.get_passage(application(request), scope, passage_id)
    return render(
        request, "passage.html", scope, title="Passage", p=found, statement=None, **choices()
    )


@router.post("/passages/{passage_id}/correction")
def correct(
    request: Request,
    passage_id: int = Path(..., ge=1, le=MAX_ID),
    verdict: str = Form(...),
    statement: str = Form(""),
    relabel: list[str] = Form([]),
    category: str = Form(""),
    stance: str = Form(""),
    scope: Scope = Depends(signed_in),
) -> Response:
    corrected = reviewing.review(
        application(request),
        scope,
        passage_id,
        verdict,  # type: ignore[arg-type]  # the service refuses any other
        statement,
        [r for r in relabel if r],
        category or None,
        stance or None,
    )
    if request.headers.get("hx-request"):
        return render(
            request,
            "passage_item.html",
            scope,
            p=corrected.passage,
            statement=statement,
            **choices(),
        )
    back = f"/evidence/{statement}#passage-{passage_id}" if statement else f"/passages/{passage_id}"
    return RedirectResponse(back, status_code=303)
