"""People's own wording of a council's self-assessment draft, per statement."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from assure.storing import models as m


def draft_texts(session: Session, council_id: int) -> dict[str, str]:
    """The newest own wording per statement of the council's draft."""
    rows = session.scalars(
        select(m.DraftText).where(m.DraftText.council_id == council_id).order_by(m.DraftText.id)
    )
    return {row.statement: row.text for row in rows}


def set_draft_text(
    session: Session, council_id: int, statement: str, text: str, user: str
) -> str | None:
    """Keep a new wording; the one it replaces, if any."""
    before = draft_texts(session, council_id).get(statement)
    session.add(m.DraftText(council_id=council_id, statement=statement, text=text, user=user))
    session.flush()
    return before
