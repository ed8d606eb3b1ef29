"""The audit log: every change, with who made it, when, and the values
before and after. ``write`` joins the caller's transaction, so the entry is
stored exactly when the change is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assure.storing import models as m


@dataclass(frozen=True, slots=True)
class AuditRecord:
    id: int
    at: datetime
    actor: str
    council: str | None
    action: str
    target: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class AuditNote:
    """A change to log, handed to a ``Library`` method that makes the change so
    that both are committed in one transaction (or neither)."""

    actor: str
    council: str | None
    action: str
    target: str
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None


def write_note(session: Session, note: AuditNote | None) -> None:
    if note is not None:
        write(session, note.actor, note.council, note.action, note.target, note.before, note.after)


def write(
    session: Session,
    actor: str,
    council: str | None,
    action: str,
    target: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> int:
    """Add one entry in the session's transaction; its id."""
    entry = m.AuditEntry(
        actor=actor, council=council, action=action, target=target, before=before, after=after
    )
    session.add(entry)
    session.flush()
    return entry.id


def entries(
    session: Session,
    councils: Sequence[str] | None,
    limit: int = 50,
    offset: int = 0,
    action: str | None = None,
) -> tuple[list[AuditRecord], int]:
    """Newest first, for ``councils`` (None: all, entries without a council
    included); and how many there are in all."""
    stmt = select(m.AuditEntry)
    if councils is not None:
        stmt = stmt.where(m.AuditEntry.council.in_(list(councils)))
    if action:
        stmt = stmt.where(m.AuditEntry.action == action)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(stmt.order_by(m.AuditEntry.id.desc()).limit(limit).offset(offset)).all()
    found = [
        AuditRecord(r.id, r.at, r.actor, r.council, r.action, r.target, r.before, r.after)
        for r in rows
    ]
    return found, total
