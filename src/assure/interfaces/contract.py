"""The JSON contract of ``assure inspect --json`` (see DESIGN.md).

Fields may be added; the documented ones keep their meaning.
"""

from __future__ import annotations

from typing import Any

from assure.structure import (
    Action,
    AgendaItem,
    Decision,
    Meeting,
    Metric,
    MinuteItem,
    ParsedDocument,
    Passage,
    Plan,
    PlanAction,
    Priority,
    Section,
)


def document_json(doc: ParsedDocument) -> dict[str, Any]:
    s = doc.structure
    return {
        "kind": str(s.kind),
        "title": s.title,
        "council": s.council,
        "date": s.date,
        "lines": doc.lines,
        "pages": doc.pages,
        "format": doc.format,
        "content_hash": doc.content_hash,
        "sections": [section_json(x) for x in s.sections],
        "meetings": [meeting_json(x) for x in s.meetings],
        "plans": [plan_json(x) for x in s.plans],
        "assessment": (
            None
            if s.assessment is None
            else {
                "scores": dict(s.assessment.scores),
                "percent": s.assessment.percent,
                "rating": s.assessment.rating,
                "stated_rating": s.assessment.stated_rating,
            }
        ),
        "metrics": [metric_json(x) for x in doc.metrics],
        "passages": [passage_json(x) for x in doc.passages],
        "findings": [
            {
                "kind": f.kind,
                "message": f.message,
                "start_line": f.start_line,
                "other_line": f.other_line,
                "other_document": f.other_document,
                "document": f.document,
            }
            for f in doc.findings
        ],
        "warnings": list(doc.warnings),
    }


def section_json(x: Section) -> dict[str, Any]:
    return {
        "title": x.title,
        "level": x.level,
        "kind": x.kind,
        "qs": list(x.qs),
        "start_line": x.start_line,
        "end_line": x.end_line,
        "refs": list(x.refs),
    }


def meeting_json(x: Meeting) -> dict[str, Any]:
    return {
        "body": x.body,
        "date": x.date,
        "time": x.time,
        "venue": x.venue,
        "role": x.role,
        "start_line": x.start_line,
        "members": list(x.members),
        "attendance": {
            "present": list(x.attendance.present),
            "apologies": list(x.attendance.apologies),
            "in_attendance": list(x.attendance.in_attendance),
            "roles": dict(x.attendance.roles),
        },
        "agenda": [agenda_json(a) for a in x.agenda],
        "minutes": [minute_json(m) for m in x.minutes],
    }


def agenda_json(a: AgendaItem) -> dict[str, Any]:
    return {
        "number": a.number,
        "title": a.title,
        "pages": list(a.pages) if a.pages else None,
        "purpose": a.purpose,
        "contact": a.contact,
        "group": a.group,
        "start_line": a.start_line,
    }


def minute_json(m: MinuteItem) -> dict[str, Any]:
    return {
        "number": m.number,
        "title": m.title,
        "start_line": m.start_line,
        "decisions": [decision_json(d) for d in m.decisions],
        "actions": [action_json(a) for a in m.actions],
    }


def decision_json(d: Decision) -> dict[str, Any]:
    return {"text": d.text, "start_line": d.start_line}


def action_json(a: Action) -> dict[str, Any]:
    return {"owner": a.owner, "text": a.text, "due": a.due, "start_line": a.start_line}


def plan_json(p: Plan) -> dict[str, Any]:
    return {
        "title": p.title,
        "start_line": p.start_line,
        "priorities": [priority_json(x) for x in p.priorities],
    }


def priority_json(p: Priority) -> dict[str, Any]:
    return {
        "number": p.number,
        "title": p.title,
        "start_line": p.start_line,
        "aliases": list(p.aliases),
        "leads": list(p.leads),
        "refs": list(p.refs),
        "actions": [plan_action_json(a) for a in p.actions],
        "measures": [
            {"text": m.text, "direction": m.direction, "start_line": m.start_line} for m in p.measures
        ],
    }


def plan_action_json(a: PlanAction) -> dict[str, Any]:
    return {
        "text": a.text,
        "leads": list(a.leads),
        "timeframe": a.timeframe,
        "status": a.status,
        "refs": list(a.refs),
        "start_line": a.start_line,
    }


def metric_json(m: Metric) -> dict[str, Any]:
    return {
        "text": m.text,
        "value": m.value,
        "unit": m.unit,
        "measure": m.measure,
        "period": m.period,
        "geography": m.geography,
        "comparators": [{"kind": c.kind, "value": c.value, "text": c.text} for c in m.comparators],
        "provisional": m.provisional,
        "malformed": m.malformed,
        "start_line": m.start_line,
    }


def passage_json(p: Passage) -> dict[str, Any]:
    return {
        "start_line": p.start_line,
        "end_line": p.end_line,
        "page": p.page,
        "text": p.text,
        "section": p.section,
        "qs": [{"id": q.id, "confidence": round(q.confidence, 4), "source": q.source} for q in p.qs],
        "category": p.category,
        "stance": p.stance,
        "refs": list(p.refs),
    }
