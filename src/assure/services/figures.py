"""Figures the documents give, and the consistency problems among them."""

from __future__ import annotations

from pydantic import BaseModel

from assure.services.application import Application
from assure.services.scope import Scope
from assure.storing import FindingRecord, Location, MetricRecord
from assure.structure import Metric


class FigureView(BaseModel):
    """A figure, with the document and page it comes from."""

    id: int
    document_id: int
    document: str | None
    document_date: str | None
    page: int | None
    figure: Metric


class Place(BaseModel):
    document_id: int | None
    document: str | None
    page: int | None
    line: int | None


class FindingView(BaseModel):
    """A placeholder, a date that disagrees, or one measure given two values:
    where it is and, for a conflict, where the other value is."""

    kind: str
    message: str
    at: Place
    other: Place | None


def figure_view(r: MetricRecord) -> FigureView:
    return FigureView(
        id=r.id,
        document_id=r.document_id,
        document=r.document_title,
        document_date=r.document_date,
        page=r.page,
        figure=r.metric,
    )


def place(x: Location | None) -> Place | None:
    if x is None:
        return None
    return Place(document_id=x.document_id, document=x.document_title, page=x.page, line=x.line)


def finding_view(f: FindingRecord) -> FindingView:
    at = place(f.at)
    assert at is not None
    return FindingView(kind=f.kind, message=f.message, at=at, other=place(f.other))


def figures(
    app: Application,
    scope: Scope,
    council: str | None = None,
    measure: str | None = None,
    period: str | None = None,
    document: int | None = None,
) -> list[FigureView]:
    """Figures of the caller's councils' documents; ``measure`` and ``period``
    match fragments."""
    councils = scope.narrowed(council).require_any()
    found = app.library.metrics(councils, measure=measure, period=period, document=document)
    return [figure_view(r) for r in found]


def findings(
    app: Application, scope: Scope, council: str | None = None, document: int | None = None
) -> list[FindingView]:
    """Problems found in each document, then figures of one measure that differ
    between documents (never across councils)."""
    councils = scope.narrowed(council).require_any()
    found: list[FindingView] = []
    for name in councils:  # a conflict between two councils' figures is no conflict
        found += [
            finding_view(f)
            for f in app.library.findings([name], document=document, cross_document=True)
        ]
    return found
