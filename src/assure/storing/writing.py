"""Turning a ``ParsedDocument`` into rows, inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from assure.document import SourceLine
from assure.storing import models as m
from assure.structure import (
    Meeting,
    Metric,
    ParsedDocument,
    Passage,
    Plan,
    Risk,
    StatementLabel,
)

LINE_BATCH = 5000


def document_row(parsed: ParsedDocument, council_id: int) -> m.Document:
    s = parsed.structure
    return m.Document(
        council_id=council_id,
        content_hash=parsed.content_hash,
        kind=str(s.kind),
        title=s.title,
        date=s.date,
        source_path=parsed.path,
        format=parsed.format,
        pages=parsed.pages,
        lines=parsed.lines,
        status="stored",
        warnings=list(parsed.warnings),
        sections=[
            m.SectionRow(
                title=x.title,
                level=x.level,
                kind=x.kind,
                start_line=x.start_line,
                end_line=x.end_line,
                qs=list(x.qs),
                refs=list(x.refs),
            )
            for x in s.sections
        ],
        passages=[passage_row(p) for p in parsed.passages],
        meetings=[meeting_row(x) for x in s.meetings],
        plans=[plan_row(x) for x in s.plans],
        metrics=[metric_row(x) for x in parsed.metrics],
        risks=[risk_row(x) for x in s.risks],
        findings=[
            m.FindingRow(
                kind=f.kind,
                message=f.message,
                start_line=f.start_line,
                other_line=f.other_line,
                other_document=f.other_document,
            )
            for f in dict.fromkeys(parsed.findings + s.findings)
        ],
        assessment=(
            None
            if s.assessment is None
            else m.AssessmentRow(
                scores=dict(s.assessment.scores),
                percent=s.assessment.percent,
                rating=s.assessment.rating,
                stated_rating=s.assessment.stated_rating,
                framework=s.assessment.framework,
                grades=dict(s.assessment.grades),
            )
        ),
    )


def store_document(
    session: Session, parsed: ParsedDocument, council_id: int, lines: Sequence[SourceLine]
) -> m.Document:
    """Add the document and everything in it; the caller commits or rolls back."""
    document = document_row(parsed, council_id)
    session.add(document)
    session.flush()
    insert_lines(session, document.id, lines)
    return document


def insert_lines(session: Session, document_id: int, lines: Iterable[SourceLine]) -> None:
    batch: list[dict[str, object]] = []
    for line in lines:
        batch.append(
            {
                "document_id": document_id,
                "number": line.number,
                "page": line.page,
                "text": line.text,
                "heading_level": line.heading_level,
                "table_row": line.table_row,
            }
        )
        if len(batch) >= LINE_BATCH:
            session.execute(insert(m.SourceLineRow), batch)
            batch = []
    if batch:
        session.execute(insert(m.SourceLineRow), batch)


def passage_row(p: Passage) -> m.PassageRow:
    return m.PassageRow(
        start_line=p.start_line,
        end_line=p.end_line,
        page=p.page,
        section=p.section,
        text=p.text,
        category=p.category,
        stance=p.stance,
        refs=list(p.refs),
        labels=[
            m.PassageLabel(qs=label.id, confidence=label.confidence, source=label.source)
            for label in p.qs
        ],
    )


def meeting_row(x: Meeting) -> m.MeetingRow:
    a = x.attendance
    attendance = [
        m.AttendanceRow(name=name, role=role)
        for role, names in (
            ("present", a.present),
            ("apologies", a.apologies),
            ("in_attendance", a.in_attendance),
        )
        for name in names
    ]
    return m.MeetingRow(
        role=x.role,
        body=x.body,
        date=x.date,
        time=x.time,
        venue=x.venue,
        start_line=x.start_line,
        end_line=x.end_line,
        members=[m.MeetingMemberRow(name=name) for name in x.members],
        attendance=attendance,
        agenda=[
            m.AgendaItemRow(
                number=i.number,
                title=i.title,
                first_page=i.pages[0] if i.pages else None,
                last_page=i.pages[1] if i.pages else None,
                purpose=i.purpose,
                contact=i.contact,
                group=i.group,
                start_line=i.start_line,
            )
            for i in x.agenda
        ],
        minutes=[
            m.MinuteItemRow(
                number=i.number,
                title=i.title,
                start_line=i.start_line,
                end_line=i.end_line,
                decisions=[
                    m.DecisionRow(text=d.text, start_line=d.start_line) for d in i.decisions
                ],
                actions=[
                    m.ActionRow(
                        text=c.text,
                        owner=c.owner,
                        due=c.due,
                        start_line=c.start_line,
                        status="open",
                        due_by=c.due_by,
                    )
                    for c in i.actions
                ],
            )
            for i in x.minutes
        ],
    )


def plan_row(x: Plan) -> m.PlanRow:
    return m.PlanRow(
        title=x.title,
        start_line=x.start_line,
        priorities=[
            m.PriorityRow(
                number=p.number,
                title=p.title,
                start_line=p.start_line,
                leads=list(p.leads),
                aliases=list(p.aliases),
                refs=list(p.refs),
                actions=[
                    m.PlanActionRow(
                        text=a.text,
                        start_line=a.start_line,
                        leads=list(a.leads),
                        timeframe=a.timeframe,
                        status=a.status,
                        refs=list(a.refs),
                        due_by=a.due_by,
                        done=a.done,
                    )
                    for a in p.actions
                ],
                measures=[
                    m.SuccessMeasureRow(text=s.text, direction=s.direction, start_line=s.start_line)
                    for s in p.measures
                ],
            )
            for p in x.priorities
        ],
        measures=[
            m.PlanMeasureRow(text=s.text, direction=s.direction, start_line=s.start_line)
            for s in x.measures
        ],
    )


def metric_row(x: Metric) -> m.MetricRow:
    return m.MetricRow(
        text=x.text,
        value=x.value,
        unit=x.unit,
        measure=x.measure,
        period=x.period,
        geography=x.geography,
        provisional=x.provisional,
        malformed=x.malformed,
        start_line=x.start_line,
        target=x.target,
        rag=x.rag,
        trend=x.trend,
        qs=list(x.qs),
        qs_labels=labels_json(x.qs_labels),
        comparators=[
            m.ComparatorRow(kind=c.kind, value=c.value, text=c.text) for c in x.comparators
        ],
    )


def risk_row(x: Risk) -> m.RiskRow:
    ratings = {
        f"{when}_{part}": getattr(getattr(x, when), part) if getattr(x, when) else None
        for when in ("inherent", "residual", "target")
        for part in ("impact", "likelihood", "score")
    }
    return m.RiskRow(
        ref=x.ref,
        title=x.title,
        effects=x.effects,
        causes=x.causes,
        owners=list(x.owners),
        mitigations=list(x.mitigations),
        actions=list(x.actions),
        risk_group=x.group,
        trend=x.trend,
        qs=list(x.qs),
        qs_labels=labels_json(x.qs_labels),
        start_line=x.start_line,
        end_line=x.end_line,
        **ratings,
    )


def labels_json(labels: Iterable[StatementLabel]) -> list[dict[str, Any]]:
    return [{"id": x.id, "confidence": x.confidence, "source": x.source} for x in labels]
