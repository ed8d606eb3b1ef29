"""The overview: the nine statements' evidence, flags, self-scores and the
simulated rating, beside the published ratings of all councils."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from assure.interfaces.web.deps import render, signed_in
from assure.services import Scope

router = APIRouter()


@router.get("/")
def overview(request: Request, scope: Scope = Depends(signed_in)) -> Response:
    return render(request, "overview.html", scope, title="Overview")
