"""Improvement plans as stored (priorities with their leads, actions and
success measures) and risk registers' risks (ratings before and after the
controls), each with where it is."""

from __future__ import annotations

from pydantic import BaseModel

from assure.services.application import Application
from assure.services.scope import Scope
from assure.storing.reading import plans_of
from assure.storing.registers import risks_of
from assure.structure import Plan, Risk


class PlanView(BaseModel):
    council: str
    document_id: int
    document: str | None
    plan: Plan


def plans(
    app: Application, scope: Scope, council: str | None = None, document: int | None = None
) -> list[PlanView]:
    """Plans in the caller's councils' documents (or in one document of them)."""
    councils = scope.narrowed(council).require_any()
    ids = [document] if document is not None else None
    found = []
    for d in app.library.documents(councils, ids=ids, kind=None):
        with app.library.reading() as session:
            for plan in plans_of(session, d.id):
                found.append(
                    PlanView(council=d.council, document_id=d.id, document=d.title, plan=plan)
                )
    return found


class RiskView(BaseModel):
    council: str
    document_id: int
    document: str | None
    risk: Risk


def risks(app: Application, scope: Scope, council: str | None = None) -> list[RiskView]:
    """Risks of the caller's councils' risk registers, each with its ratings
    before and after the controls in place, highest residual score first."""
    councils = scope.narrowed(council).require_any()
    documents = {d.id: d for d in app.library.documents(councils)}
    with app.library.reading() as session:
        found = risks_of(session, list(documents))
    views = [
        RiskView(
            council=documents[doc].council,
            document_id=doc,
            document=documents[doc].title,
            risk=risk,
        )
        for doc, risk in found
    ]

    def severity(v: RiskView) -> float:
        rated = v.risk.residual or v.risk.inherent
        return -(rated.score or 0.0) if rated else 0.0

    return sorted(views, key=severity)
