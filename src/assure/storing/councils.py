"""Councils by name, inside a session: every stored thing belongs to one."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from assure.storing import models as m


def find_council(session: Session, name: str) -> int | None:
    return session.scalar(select(m.Council.id).where(m.Council.name == name))


def ensure_council(session: Session, name: str) -> int:
    """The council's id, adding the council if it is new."""
    found = find_council(session, name)
    if found is not None:
        return found
    council = m.Council(name=name)
    session.add(council)
    session.flush()
    return council.id
