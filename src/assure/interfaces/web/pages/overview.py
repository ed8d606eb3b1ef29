"""The overview: the nine statements' evidence by category as a heatmap,
flags, self-scores and the simulated rating, beside the published ratings of
all councils as a chart."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from assure.interfaces.web.charts import ratings_chart
from assure.interfaces.web.deps import application, render, signed_in
from assure.services import Scope, assessing

router = APIRouter()


def heat(total: int) -> int:
    """A cell's shade, 0 (none) to 4 (ten or more passages)."""
    return 0 if total == 0 else 1 if total < 3 else 2 if total < 6 else 3 if total < 10 else 4


@router.get("/")
def overview(
    request: Request, council: str | None = None, scope: Scope = Depends(signed_in)
) -> Response:
    view = assessing.overview(application(request), scope, council or None)
    own = view.percent
    percents = [r.percent for r in view.published if r.percent is not None]
    chart = ratings_chart(percents, own, view.council) if percents else None
    counts: dict[str, int] = {}
    for r in view.published:
        counts[r.rating] = counts.get(r.rating, 0) + 1
    return render(
        request,
        "overview.html",
        scope,
        title="Overview",
        view=view,
        heat=heat,
        chart=chart,
        rating_counts=sorted(counts.items(), key=lambda kv: -kv[1]),
    )
