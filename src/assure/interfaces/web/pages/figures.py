"""Figures: each measure's values over time and against its comparators as
server-drawn charts with tables beside them; conflicting figures side by side."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from markupsafe import Markup

from assure.interfaces.web.charts import comparison_chart, series_chart
from assure.interfaces.web.deps import application, render, signed_in
from assure.services import Scope, measuring
from assure.services.measuring import MeasureView

router = APIRouter()
PER_PAGE = 10


def chart_of(index: int, m: MeasureView) -> Markup:
    """A line over time for a measure given more than once, else the one
    figure beside its comparators."""
    shown = [f.figure for f in m.figures]
    if len(shown) == 1:
        x = shown[0]
        bars = [
            ("This council", x.value),
            *((c.text.split(":")[0] or c.kind, c.value) for c in x.comparators),
        ]
        known = [(label, value) for label, value in bars if value is not None]
        return comparison_chart(f"measure-{index}", m.name, known, m.unit)
    labels = [x.period or f"line {x.start_line}" for x in shown]
    kinds = sorted({c.kind for x in shown for c in x.comparators if c.value is not None})
    comparators = {
        kind: [next((c.value for c in x.comparators if c.kind == kind), None) for x in shown]
        for kind in kinds
    }
    values = [x.value for x in shown]
    return series_chart(f"measure-{index}", m.name, labels, values, comparators, m.unit)


@router.get("/figures")
def figures(
    request: Request,
    measure: str | None = Query(None, max_length=200),
    page: int = Query(1, ge=1, le=100_000),
    scope: Scope = Depends(signed_in),
) -> Response:
    app = application(request)
    found = measuring.measures(app, scope, None, measure or None, PER_PAGE, (page - 1) * PER_PAGE)
    conflicts = measuring.conflicts(app, scope) if page == 1 else []
    charts = [chart_of(i, m) for i, m in enumerate(found.items)]
    return render(
        request,
        "figures.html",
        scope,
        title="Figures",
        found=found,
        charts=charts,
        conflicts=conflicts,
        page=page,
        per_page=PER_PAGE,
    )
