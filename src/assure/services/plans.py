"""Improvement plans as stored: priorities with their leads, actions and
success measures, and where each plan is."""

from __future__ import annotations

from pydantic import BaseModel

from assure.services.application import Application
from assure.services.scope import Scope
from assure.storing.reading import plans_of
from assure.structure import Plan


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
