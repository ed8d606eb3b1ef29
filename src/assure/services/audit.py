"""The audit log as the interfaces show it: newest first, for the councils
the caller administers."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel

from assure.services.accounts import administered
from assure.services.scope import Scope
from assure.storing import Library
from assure.storing.audit import AuditNote


class AuditEvent(BaseModel):
    id: int
    at: datetime
    actor: str
    council: str | None
    action: str
    target: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class AuditPage(BaseModel):
    events: list[AuditEvent]
    total: int


def log(
    scope: Scope,
    library: Library,
    limit: int = 50,
    offset: int = 0,
    action: str | None = None,
) -> AuditPage:
    """Changes to the councils the caller administers (the operator sees all,
    changes to no council included)."""
    councils = administered(scope, library)
    rows, total = library.audit_entries(
        None if scope.user is None else councils, limit, offset, action
    )
    return AuditPage(
        events=[AuditEvent.model_validate(r, from_attributes=True) for r in rows], total=total
    )


def note(
    scope: Scope,
    council: str | None,
    action: str,
    target: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditNote:
    """The audit entry for a change made in ``scope``, for the library method
    that makes the change to write in the same transaction."""
    return AuditNote(scope.actor, council, action, target, before, after)
