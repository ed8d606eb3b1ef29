"""Rows back into records: the conversions every query shares."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, or_, select
from sqlalchemy.orm import Session

from assure.storing import models as m
from assure.storing.records import SectionRecord, StoredDocument
from assure.structure import (
    Passage,
    Plan,
    PlanAction,
    Priority,
    Risk,
    RiskScore,
    StatementLabel,
    SuccessMeasure,
)


def document_record(d: m.Document, council: str, passages: int = 0) -> StoredDocument:
    return StoredDocument(
        id=d.id,
        council=council,
        content_hash=d.content_hash,
        kind=d.kind,
        title=d.title,
        date=d.date,
        source_path=d.source_path,
        format=d.format,
        pages=d.pages,
        lines=d.lines,
        status=d.status,
        warnings=tuple(d.warnings or ()),
        ingested_at=d.ingested_at,
        passages=passages,
    )


def labels_by_passage(
    session: Session, passage_ids: Sequence[int]
) -> dict[int, tuple[StatementLabel, ...]]:
    """Labels per passage, most confident first. Where a person has corrected
    a passage only their labels count (an empty correction means "none")."""
    if not passage_ids:
        return {}
    found: dict[int, list[StatementLabel]] = defaultdict(list)
    label = m.PassageLabel
    corrected = exists().where(m.Correction.passage_id == label.passage_id)
    for start in range(0, len(passage_ids), 900):  # stay under SQLite's variable limit
        chunk = list(passage_ids[start : start + 900])
        rows = session.execute(
            select(label.passage_id, label.qs, label.confidence, label.source)
            .where(label.passage_id.in_(chunk), or_(label.source == "user", ~corrected))
            .order_by(label.passage_id, label.confidence.desc(), label.id)
        )
        for passage_id, qs, confidence, source in rows:
            found[passage_id].append(StatementLabel(qs, confidence, source))
    return {passage_id: tuple(labels) for passage_id, labels in found.items()}


def passage_of(p: m.PassageRow, labels: dict[int, tuple[StatementLabel, ...]]) -> Passage:
    return Passage(
        start_line=p.start_line,
        end_line=p.end_line,
        text=p.text,
        page=p.page,
        section=p.section,
        qs=labels.get(p.id, ()),
        category=p.category,
        stance=p.stance,
        refs=tuple(p.refs or ()),
    )


def page_join(document_id_column: Any, line_column: Any) -> ColumnElement[bool]:
    """The join condition from an item's (document, start line) to its source line."""
    return and_(
        m.SourceLineRow.document_id == document_id_column,
        m.SourceLineRow.number == line_column,
    )


def section_records(session: Session, document_id: int) -> tuple[SectionRecord, ...]:
    rows = session.execute(
        select(m.SectionRow, m.SourceLineRow.page)
        .outerjoin(m.SourceLineRow, page_join(m.SectionRow.document_id, m.SectionRow.start_line))
        .where(m.SectionRow.document_id == document_id)
        .order_by(m.SectionRow.start_line, m.SectionRow.id)
    )
    return tuple(
        SectionRecord(s.title, s.level, s.kind, s.start_line, s.end_line, page, tuple(s.qs or ()))
        for s, page in rows
    )


def plans_of(session: Session, document_id: int) -> tuple[Plan, ...]:
    """A stored document's plans as parsed: priorities with their actions and
    success measures, and the measures of each plan as a whole, in the order
    they were stored."""
    plans = session.scalars(
        select(m.PlanRow).where(m.PlanRow.document_id == document_id).order_by(m.PlanRow.id)
    )
    return tuple(
        Plan(
            title=plan.title,
            start_line=plan.start_line,
            priorities=tuple(_priority_of(p) for p in sorted(plan.priorities, key=_id)),
            measures=tuple(_measure_of(x) for x in sorted(plan.measures, key=_id)),
        )
        for plan in plans
    )


def _id(row: Any) -> int:
    return int(row.id)


def _measure_of(row: m.SuccessMeasureRow | m.PlanMeasureRow) -> SuccessMeasure:
    return SuccessMeasure(text=row.text, direction=row.direction, start_line=row.start_line)


def _priority_of(row: m.PriorityRow) -> Priority:
    return Priority(
        number=row.number,
        title=row.title,
        start_line=row.start_line,
        aliases=tuple(row.aliases or ()),
        leads=tuple(row.leads or ()),
        actions=tuple(
            PlanAction(
                text=a.text,
                start_line=a.start_line,
                leads=tuple(a.leads or ()),
                timeframe=a.timeframe,
                status=a.status,
                refs=tuple(a.refs or ()),
            )
            for a in sorted(row.actions, key=_id)
        ),
        measures=tuple(_measure_of(x) for x in sorted(row.measures, key=_id)),
        refs=tuple(row.refs or ()),
    )


def rating(row: m.RiskRow, when: str) -> RiskScore | None:
    parts = {part: getattr(row, f"{when}_{part}") for part in ("impact", "likelihood", "score")}
    return RiskScore(**parts) if any(v is not None for v in parts.values()) else None


def risk_of(row: m.RiskRow) -> Risk:
    return Risk(
        title=row.title,
        start_line=row.start_line,
        end_line=row.end_line,
        ref=row.ref,
        effects=row.effects,
        causes=row.causes,
        owners=tuple(row.owners or ()),
        mitigations=tuple(row.mitigations or ()),
        actions=tuple(row.actions or ()),
        inherent=rating(row, "inherent"),
        residual=rating(row, "residual"),
        target=rating(row, "target"),
        group=row.risk_group,
        trend=row.trend,
        qs=tuple(row.qs or ()),
        qs_labels=tuple(
            StatementLabel(x["id"], float(x["confidence"]), x["source"])
            for x in row.qs_labels or ()
        ),
    )
