"""Improvement plans and risk registers: priorities with their actions and
measures, and risks with their ratings before and after controls."""

from __future__ import annotations

from pydantic import BaseModel, Field

from assure.services.application import Application
from assure.services.scope import Scope
from assure.services.search import check_statement
from assure.structure import Plan, Risk


class PlanView(BaseModel):
    document_id: int
    document: str | None
    council: str
    plan: Plan


class RiskView(BaseModel):
    id: int
    document_id: int
    document: str | None
    council: str
    page: int | None
    risk: Risk
    reduced_by: float | None = Field(
        description="How much the controls bring the score down (inherent minus residual)."
    )


def plans(
    app: Application, scope: Scope, council: str | None = None, document: int | None = None
) -> list[PlanView]:
    councils = scope.narrowed(council).require_any()
    return [
        PlanView(
            document_id=r.document_id, document=r.document_title, council=r.council, plan=r.plan
        )
        for r in app.library.plans(councils, document=document)
    ]


def risks(
    app: Application,
    scope: Scope,
    council: str | None = None,
    document: int | None = None,
    statement: str | None = None,
    by_severity: bool = False,
) -> list[RiskView]:
    """Risks of the caller's councils' registers, in register order (or the
    highest rating after controls first), optionally only those linked to a
    quality statement."""
    check_statement(statement)
    councils = scope.narrowed(council).require_any()
    found = []
    for r in app.library.risks(councils, document=document, statement=statement):
        before = r.risk.inherent.score if r.risk.inherent else None
        after = r.risk.residual.score if r.risk.residual else None
        found.append(
            RiskView(
                id=r.id,
                document_id=r.document_id,
                document=r.document_title,
                council=r.council,
                page=r.page,
                risk=r.risk,
                reduced_by=before - after if before is not None and after is not None else None,
            )
        )
    if by_severity:
        found.sort(key=severity)
    return found


def severity(view: RiskView) -> float:
    """Highest first: the rating after controls, else before them."""
    rated = view.risk.residual or view.risk.inherent
    return -(rated.score or 0.0) if rated else 0.0
