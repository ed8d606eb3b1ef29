"""The self-assessment workspace: per statement the score, rationale and
chosen evidence; the draft, editable per statement; exports (Word, HTML) and
the gap list (CSV, Excel)."""

from __future__ import annotations

import re
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from assure.interfaces.web.deps import application, render, signed_in
from assure.services import InvalidRequest, Scope, assessing, assessment

router = APIRouter()
MEDIA = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def ids(text: str) -> list[int]:
    """Passage ids written as numbers separated by commas or spaces."""
    if re.search(r"[^\d,\s]", text):
        raise InvalidRequest("evidence is passage numbers separated by commas")
    return [int(n) for n in re.findall(r"\d+", text)]


def back_to(council: str, anchor: str) -> Response:
    return RedirectResponse(f"/self-assessment?council={quote(council)}#{anchor}", status_code=303)


@router.get("/self-assessment")
def workspace(
    request: Request, council: str | None = None, scope: Scope = Depends(signed_in)
) -> Response:
    app = application(request)
    view = assessing.overview(app, scope, council or None)
    drafts = {d.id: d for d in assessing.draft_statements(app, scope, view.council)}
    return render(
        request,
        "assessment.html",
        scope,
        title="Self-assessment",
        view=view,
        drafts=drafts,
        can_edit=scope.can_edit(view.council),
    )


@router.post("/self-assessment/scores")
def save_score(
    request: Request,
    council: str = Form(...),
    statement: str = Form(...),
    score: int = Form(..., ge=1, le=4),
    rationale: str = Form("", max_length=5_000),
    evidence: str = Form("", max_length=2_000),
    scope: Scope = Depends(signed_in),
) -> Response:
    assessment.set_self_score(
        application(request), scope, statement, score, rationale, ids(evidence), council
    )
    return RedirectResponse(
        f"/self-assessment?council={council}#score-{statement}", status_code=303
    )


@router.post("/self-assessment/draft")
def save_draft(
    request: Request,
    council: str = Form(...),
    statement: str = Form(...),
    text: str = Form("", max_length=50_000),
    scope: Scope = Depends(signed_in),
) -> Response:
    assessing.set_own_wording(application(request), scope, council, statement, text)
    return RedirectResponse(
        f"/self-assessment?council={council}#draft-{statement}", status_code=303
    )


@router.get("/self-assessment/export")
def export(
    request: Request,
    form: str = Query(..., pattern="^(docx|html|csv|xlsx)$"),
    council: str | None = None,
    scope: Scope = Depends(signed_in),
) -> Response:
    if form in ("docx", "html"):
        name, data = assessing.export_draft(application(request), scope, council or None, form)
    else:
        name, data = assessing.export_gaps(application(request), scope, council or None, form)
    return Response(
        data,
        media_type=MEDIA[form],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
