"""Figures: each measure's values over time and against its comparators, and
the places where documents give the same measure different values (with both
sources' lines, to read side by side)."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import partial

from pydantic import BaseModel

from assure.services.caching import kept
from assure.services.errors import NotFound
from assure.services.paging import Paged, window
from assure.services.scope import Scope
from assure.storing import Library, MetricRecord
from assure.structure import Comparator

CONTEXT = 1  # lines either side of a conflicting figure


class FigureView(BaseModel):
    value: float | None
    unit: str | None
    text: str
    period: str | None
    geography: str | None
    comparators: list[Comparator]
    document_id: int
    document_title: str | None
    document_date: str | None
    page: int | None
    start_line: int


class MeasureView(BaseModel):
    """One measure as the documents give it, oldest period first."""

    key: str
    name: str
    unit: str | None
    council: str
    figures: list[FigureView]


class SourceSide(BaseModel):
    document_id: int | None
    document_title: str | None
    line: int | None
    page: int | None
    lines: list[tuple[int, str]]  # the figure's line with one either side


class ConflictView(BaseModel):
    council: str
    message: str
    at: SourceSide
    other: SourceSide | None


def measure_key(text: str | None) -> str:
    return " ".join(re.findall(r"[a-z0-9%]+", (text or "").lower()))


def figure(r: MetricRecord) -> FigureView:
    x = r.metric
    return FigureView(
        value=x.value,
        unit=x.unit,
        text=x.text,
        period=x.period,
        geography=x.geography,
        comparators=list(x.comparators),
        document_id=r.document_id,
        document_title=r.document_title,
        document_date=r.document_date,
        page=r.page,
        start_line=x.start_line,
    )


def measures(
    scope: Scope,
    library: Library,
    council: str | None = None,
    measure: str | None = None,
    offset: int = 0,
    limit: int = 50,
) -> Paged[MeasureView]:
    """Measures with their figures, those given most often first."""
    found: list[MeasureView] = []
    for name in scope.narrowed(council).require_any():
        found.extend(council_measures(library, name, measure or None))
    found.sort(key=lambda m: (-len(m.figures), m.name))
    return window(found, offset, limit)


def council_measures(library: Library, council: str, measure: str | None) -> list[MeasureView]:
    return kept(library, ("measures", council, measure), lambda: grouped(library, council, measure))


def grouped(library: Library, council: str, measure: str | None) -> list[MeasureView]:
    """A council's figures grouped by measure and unit, oldest period first."""
    groups: dict[tuple[str, str], list[MetricRecord]] = defaultdict(list)
    for r in library.metrics(council, measure=measure):
        if r.metric.malformed or r.metric.value is None or not r.metric.measure:
            continue
        groups[(measure_key(r.metric.measure), r.metric.unit or "")].append(r)
    return [
        MeasureView(
            key=key,
            name=members[0].metric.measure or key,
            unit=unit or None,
            council=council,
            figures=sorted(map(figure, members), key=lambda f: (f.period or "", f.start_line)),
        )
        for (key, unit), members in groups.items()
    ]


def one_measure(
    scope: Scope, library: Library, key: str, council: str | None = None
) -> MeasureView:
    for m in measures(scope, library, council, limit=200).items:
        if m.key == key:
            return m
    raise NotFound(f"no measure {key!r}")


def conflicts(scope: Scope, library: Library, council: str | None = None) -> list[ConflictView]:
    """Figures for one measure and period that differ between documents."""
    found = []
    for name in scope.narrowed(council).require_any():
        found.extend(kept(library, ("conflicts", name), partial(council_conflicts, library, name)))
    return found


def council_conflicts(library: Library, name: str) -> list[ConflictView]:
    return [
        ConflictView(
            council=name,
            message=f.message,
            at=side(library, f.at),
            other=side(library, f.other) if f.other else None,
        )
        for f in library.findings(name)
        if f.kind == "conflicting_figure"
    ]


def side(library: Library, at: object) -> SourceSide:
    document_id = getattr(at, "document_id", None)
    line = getattr(at, "line", None)
    lines = []
    if document_id is not None and line is not None:
        lines = [
            (x.number, x.text) for x in library.lines(document_id, line - CONTEXT, line + CONTEXT)
        ]
    return SourceSide(
        document_id=document_id,
        document_title=getattr(at, "document_title", None),
        line=line,
        page=getattr(at, "page", None),
        lines=lines,
    )
