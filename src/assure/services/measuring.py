"""Figures as charts want them: each measure's values in order with their
comparators, and each conflict with both sources' lines to read side by side.
Built on ``figures.figures`` and ``figures.findings``."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import partial

from pydantic import BaseModel

from assure.services.application import Application
from assure.services.caching import kept
from assure.services.documents import document_lines
from assure.services.figures import FigureView, Place, figures, findings
from assure.services.listing import window
from assure.services.paging import Page
from assure.services.scope import Scope

CONTEXT = 1  # lines either side of a conflicting figure


class MeasureView(BaseModel):
    """One measure as a council's documents give it, oldest period first."""

    key: str
    name: str
    unit: str | None
    council: str
    figures: list[FigureView]


class SourceSide(BaseModel):
    place: Place
    lines: list[tuple[int, str]]  # the figure's line with one either side


class ConflictView(BaseModel):
    council: str
    message: str
    at: SourceSide
    other: SourceSide | None


def measure_key(text: str | None) -> str:
    return " ".join(re.findall(r"[a-z0-9%]+", (text or "").lower()))


def measures(
    app: Application,
    scope: Scope,
    council: str | None = None,
    measure: str | None = None,
    limit: int | None = 50,
    offset: int = 0,
) -> Page[MeasureView]:
    """Measures with their figures, those given most often first."""
    found: list[MeasureView] = []
    for name in scope.narrowed(council).require_any():
        one = scope.narrowed(name)
        found += kept(app.library, ("measures", name, measure), partial(grouped, app, one, measure))
    found.sort(key=lambda m: (-len(m.figures), m.name))
    return window(found, limit, offset)


def grouped(app: Application, scope: Scope, measure: str | None) -> list[MeasureView]:
    """One council's figures grouped by measure and unit."""
    (council,) = scope.councils
    groups: dict[tuple[str, str], list[FigureView]] = defaultdict(list)
    for f in figures(app, scope, council, measure=measure):
        x = f.figure
        if not x.malformed and x.value is not None and x.measure:
            groups[(measure_key(x.measure), x.unit or "")].append(f)
    return [
        MeasureView(
            key=key,
            name=members[0].figure.measure or key,
            unit=unit or None,
            council=council,
            figures=sorted(members, key=lambda f: (f.figure.period or "", f.figure.start_line)),
        )
        for (key, unit), members in groups.items()
    ]


def conflicts(app: Application, scope: Scope, council: str | None = None) -> list[ConflictView]:
    """Figures of one measure and period that differ between documents, each
    with the lines around both."""
    found: list[ConflictView] = []
    for name in scope.narrowed(council).require_any():
        one = scope.narrowed(name)
        found += kept(app.library, ("conflicts", name), partial(council_conflicts, app, one))
    return found


def council_conflicts(app: Application, scope: Scope) -> list[ConflictView]:
    (council,) = scope.councils
    return [
        ConflictView(
            council=council,
            message=f.message,
            at=side(app, scope, f.at),
            other=side(app, scope, f.other) if f.other else None,
        )
        for f in findings(app, scope, council)
        if f.kind == "conflicting_figure"
    ]


def side(app: Application, scope: Scope, place: Place) -> SourceSide:
    lines: list[tuple[int, str]] = []
    if place.document_id is not None and place.line is not None:
        around = document_lines(app, scope, place.document_id, place.line, context=CONTEXT)
        lines = [(x.number, x.text) for x in around.lines]
    return SourceSide(place=place, lines=lines)
