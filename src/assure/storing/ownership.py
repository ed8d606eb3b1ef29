"""Which council an item belongs to, so services can check the caller's
scope before showing or changing it (another council's item is "not found")."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from assure.storing import models as m

MAX_ID = 2**31 - 1  # larger ids overflow PostgreSQL's INTEGER


def passage_home(session: Session, passage_id: int) -> tuple[int, str] | None:
    """The passage's document id and council name."""
    row = session.execute(
        select(m.Document.id, m.Council.name)
        .join(m.PassageRow, m.PassageRow.document_id == m.Document.id)
        .join(m.Council, m.Council.id == m.Document.council_id)
        .where(m.PassageRow.id == passage_id)
    ).first()
    return (row[0], row[1]) if row else None


def action_home(session: Session, key: str) -> tuple[int, str] | None:
    """The document id and council of an action by its key (``minutes:N`` or ``plan:N``)."""
    source, _, number = key.partition(":")
    if not number.isdigit() or not 1 <= int(number) <= MAX_ID:
        return None
    if source == "minutes":
        stmt = (
            select(m.Document.id, m.Council.name)
            .join(m.MeetingRow, m.MeetingRow.document_id == m.Document.id)
            .join(m.MinuteItemRow, m.MinuteItemRow.meeting_id == m.MeetingRow.id)
            .join(m.ActionRow, m.ActionRow.minute_item_id == m.MinuteItemRow.id)
            .where(m.ActionRow.id == int(number))
        )
    elif source == "plan":
        stmt = (
            select(m.Document.id, m.Council.name)
            .join(m.PlanRow, m.PlanRow.document_id == m.Document.id)
            .join(m.PriorityRow, m.PriorityRow.plan_id == m.PlanRow.id)
            .join(m.PlanActionRow, m.PlanActionRow.priority_id == m.PriorityRow.id)
            .where(m.PlanActionRow.id == int(number))
        )
    else:
        return None
    row = session.execute(stmt.join(m.Council, m.Council.id == m.Document.council_id)).first()
    return (row[0], row[1]) if row else None


def action_status(session: Session, key: str) -> str | None:
    source, _, number = key.partition(":")
    table = m.ActionRow if source == "minutes" else m.PlanActionRow
    return session.scalar(select(table.status).where(table.id == int(number)))
