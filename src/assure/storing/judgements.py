"""What people add to the evidence base: corrections, self-scores, users."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from assure.storing import models as m
from assure.storing.records import CorrectionRecord, SelfScoreRecord
from assure.storing.scope import refresh_scopes
from assure.structure import Passage

SCORES = range(1, 5)


def record_correction(
    session: Session,
    passage_id: int,
    qs: Sequence[str],
    category: str | None,
    stance: str | None,
    user: str | None,
) -> int:
    """Store the correction and make it the passage's labels (source ``user``)."""
    passage = session.get(m.PassageRow, passage_id)
    if passage is None:
        raise LookupError(f"no passage {passage_id}")
    correction = m.Correction(
        passage_id=passage_id, qs=list(qs), category=category, stance=stance, user=user
    )
    session.add(correction)
    # Earlier user labels are replaced; the machine's stay for the record but
    # are no longer shown once a correction exists (see reading.labels_by_passage).
    session.execute(
        delete(m.PassageLabel)
        .where(m.PassageLabel.passage_id == passage_id)
        .where(m.PassageLabel.source == "user")
    )
    for statement in dict.fromkeys(qs):
        session.add(
            m.PassageLabel(passage_id=passage_id, qs=statement, confidence=1.0, source="user")
        )
    if category is not None:
        passage.category = category
    if stance is not None:
        passage.stance = stance
    session.flush()
    refresh_scopes(session, [passage_id])
    return correction.id


def corrections(session: Session, council_ids: Sequence[int]) -> list[CorrectionRecord]:
    stmt = (
        select(m.Correction, m.PassageRow)
        .join(m.PassageRow, m.PassageRow.id == m.Correction.passage_id)
        .join(m.Document, m.Document.id == m.PassageRow.document_id)
        .order_by(m.Correction.id)
    )
    stmt = stmt.where(m.Document.council_id.in_(list(council_ids)))
    return [
        CorrectionRecord(
            id=c.id,
            passage_id=p.id,
            document_id=p.document_id,
            passage_text=p.text,
            qs=tuple(c.qs or ()),
            category=c.category,
            stance=c.stance,
            user=c.user,
            created_at=c.created_at,
        )
        for c, p in session.execute(stmt)
    ]


def set_self_score(
    session: Session,
    council_id: int | None,
    statement: str,
    score: int,
    rationale: str | None,
    passage_ids: Sequence[int],
    user: str | None,
) -> int:
    if score not in SCORES:
        raise ValueError(f"a score is 1 to 4, not {score}")
    assert council_id is not None
    row = m.SelfScore(
        council_id=council_id,
        statement=statement,
        score=score,
        rationale=rationale,
        passage_ids=list(passage_ids),
        user=user,
    )
    session.add(row)
    session.flush()
    return row.id


def self_scores(session: Session, council: str, history: bool) -> list[SelfScoreRecord]:
    rows = session.scalars(
        select(m.SelfScore)
        .join(m.Council)
        .where(m.Council.name == council)
        .order_by(m.SelfScore.statement, m.SelfScore.id.desc())
    )
    found: list[SelfScoreRecord] = []
    seen: set[str] = set()
    for row in rows:
        if not history and row.statement in seen:
            continue
        seen.add(row.statement)
        found.append(
            SelfScoreRecord(
                id=row.id,
                council=council,
                statement=row.statement,
                score=row.score,
                rationale=row.rationale,
                passage_ids=tuple(row.passage_ids or ()),
                user=row.user,
                created_at=row.created_at,
            )
        )
    return found


def replace_machine_labels(session: Session, labelled: dict[int, Passage]) -> int:
    """Give passages the labels, category and stance of a new labelling (by
    passage id); a person's labels are kept, and so is the category or stance a
    correction set. How many passages changed."""
    if not labelled:
        return 0
    ids = list(labelled)
    corrected = {
        c.passage_id: c
        for c in session.scalars(select(m.Correction).where(m.Correction.passage_id.in_(ids)))
    }
    before = {
        (r.passage_id, r.qs, round(r.confidence, 4), r.source)
        for r in session.scalars(
            select(m.PassageLabel)
            .where(m.PassageLabel.passage_id.in_(ids))
            .where(m.PassageLabel.source != "user")
        )
    }
    session.execute(
        delete(m.PassageLabel)
        .where(m.PassageLabel.passage_id.in_(ids))
        .where(m.PassageLabel.source != "user")
    )
    after = set()
    changed: set[int] = set()
    for row in session.scalars(select(m.PassageRow).where(m.PassageRow.id.in_(ids))):
        passage = labelled[row.id]
        for label in passage.qs:
            if label.source == "user":
                continue
            session.add(
                m.PassageLabel(
                    passage_id=row.id, qs=label.id, confidence=label.confidence, source=label.source
                )
            )
            after.add((row.id, label.id, round(label.confidence, 4), label.source))
        correction = corrected.get(row.id)
        category = (correction.category if correction else None) or passage.category
        stance = (correction.stance if correction else None) or passage.stance
        if (row.category, row.stance) != (category, stance):
            changed.add(row.id)
            row.category, row.stance = category, stance
    changed.update(p for p, *_ in before ^ after)
    session.flush()
    refresh_scopes(session, ids)
    return len(changed)
