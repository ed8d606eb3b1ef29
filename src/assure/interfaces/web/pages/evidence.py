"""Evidence per quality statement: passages with their labels and confidence;
editors confirm, reject or relabel in place (HTMX where it runs, a plain form
post where it does not)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from assure.framework import load_framework
from assure.interfaces.web.deps import library, render, signed_in
from assure.services import Scope, reviewing
from assure.services.reviewing import STANCES

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
    found = reviewing.evidence(
        scope, library(request), statement, council or None, all, (page - 1) * PER_PAGE, PER_PAGE
    )
    name = next(s.name for s in reviewing.statements() if s.id == statement)
    return render(
        request,
        "evidence.html",
        scope,
        title=name,
        statement=statement,
        found=found,
        page=page,
        per_page=PER_PAGE,
        **choices(),
    )


@router.get("/passages/{passage_id}")
def passage_page(request: Request, passage_id: int, scope: Scope = Depends(signed_in)) -> Response:
    found = reviewing.passage(scope, library(request), passage_id)
    return render(
        request, "passage.html", scope, title="Passage", p=found, statement=None, **choices()
    )


@router.post("/passages/{passage_id}/correction")
def correct(
    request: Request,
    passage_id: int,
    verdict: str = Form(...),
    statement: str = Form(""),
    relabel: list[str] = Form([]),
    category: str = Form(""),
    stance: str = Form(""),
    scope: Scope = Depends(signed_in),
) -> Response:
    corrected = reviewing.correct(
        scope,
        library(request),
        passage_id,
        verdict,  # type: ignore[arg-type]  # checked by the service
        statement,
        [r for r in relabel if r],
        category or None,
        stance or None,
    )
    if request.headers.get("hx-request"):
        return render(
            request, "passage_item.html", scope, p=corrected, statement=statement, **choices()
        )
    back = f"/evidence/{statement}#passage-{passage_id}" if statement else f"/passages/{passage_id}"
    return RedirectResponse(back, status_code=303)
