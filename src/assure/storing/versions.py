"""A cheap fingerprint of what is stored, so that results computed from it
can be kept until it changes."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assure.storing import models as m

# Every change people make adds a row to one of these (and the audit log);
# ingesting or removing documents changes the documents' count or newest id.
WATCHED = (m.Correction, m.SelfScore, m.DraftText, m.AuditEntry, m.PassageLabel)


def fingerprint(session: Session) -> tuple[int, ...]:
    """(documents, newest document id, newest id of each watched table)."""
    columns = [
        select(func.count(m.Document.id)).scalar_subquery(),
        select(func.max(m.Document.id)).scalar_subquery(),
        *(select(func.max(table.id)).scalar_subquery() for table in WATCHED),
    ]
    row = session.execute(select(*columns)).one()
    return tuple(value or 0 for value in row)
