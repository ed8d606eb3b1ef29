"""Turning a ``ParsedDocument`` into rows, inside the caller's transaction.

The rows of a whole document are planned first, table by table, with
references between them (a label points at its passage, a decision at its
minute item); then every table gets its ids in one go and its rows in one
``executemany`` (``COPY`` for the large tables on PostgreSQL, see
``bulk.py``). No ORM objects are built, so nothing is flushed row by row.
On SQLite the document's passages then go into the full-text index in one
statement (no trigger does it: see migration 0013); PostgreSQL indexes its
generated column itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy.orm import Session

from assure.document import SourceLine
from assure.storing import models as m
from assure.storing.bulk import RowPlan
from assure.storing.scope import scope_words
from assure.structure import (
    Meeting,
    Metric,
    ParsedDocument,
    Passage,
    Plan,
    Risk,
    StatementLabel,
    SuccessMeasure,
)

VOTE_FIELDS = (
    "start_line",
    "motion",
    "for_count",
    "against_count",
    "abstain_count",
    "for_names",
    "against_names",
    "abstain_names",
    "carried",
)
METRIC_FIELDS = (
    "text",
    "value",
    "unit",
    "measure",
    "period",
    "geography",
    "provisional",
    "malformed",
    "start_line",
    "target",
    "rag",
    "trend",
    "qs",
)
RISK_FIELDS = (
    "ref",
    "title",
    "effects",
    "causes",
    "owners",
    "mitigations",
    "actions",
    "trend",
    "qs",
    "start_line",
    "end_line",
)


LABEL_KEYS = ("passage_id", "qs", "confidence", "source")
LINE_KEYS = ("document_id", "number", "page", "text", "heading_level", "table_row")


def store_document(
    session: Session, parsed: ParsedDocument, council_id: int, lines: Sequence[SourceLine]
) -> int:
    """Add the document and everything in it; its id. The caller commits or
    rolls back."""
    plan = RowPlan()
    document = plan_document(plan, parsed, council_id)
    plan.add_many(
        m.SourceLineRow,
        LINE_KEYS,
        ([document, x.number, x.page, x.text, x.heading_level, x.table_row] for x in lines),
    )
    ids = plan.insert(session)
    index_passages(session, ids.get(m.PassageRow, []))
    return ids[m.Document][0]


def index_passages(session: Session, ids: Sequence[int]) -> None:
    """SQLite: the passages with ``ids`` (one run of new ids) into the FTS5
    index, in one statement. Every stored passage must pass through here."""
    if ids and session.get_bind().dialect.name == "sqlite":
        session.connection().exec_driver_sql(
            "INSERT INTO passages_fts(rowid, text, section, search_scope) "
            "SELECT id, text, section, search_scope FROM passages WHERE id BETWEEN ? AND ?",
            (min(ids), max(ids)),
        )


def plan_document(plan: RowPlan, parsed: ParsedDocument, council_id: int) -> Any:
    """Plan the document's row and its children; the document's reference."""
    s = parsed.structure
    document = plan.add(
        m.Document,
        {
            "council_id": council_id,
            "content_hash": parsed.content_hash,
            "kind": str(s.kind),
            "title": s.title,
            "date": s.date,
            "source_path": parsed.path,
            "format": parsed.format,
            "pages": parsed.pages,
            "lines": parsed.lines,
            "status": "stored",
            "warnings": list(parsed.warnings),
            "ingested_at": m.utcnow(),
        },
    )
    for section in s.sections:
        plan.add(
            m.SectionRow,
            {"document_id": document}
            | fields(section, "title", "level", "kind", "start_line", "end_line", "qs", "refs"),
        )
    for p in parsed.passages:
        words = scope_words(council_id, str(s.kind), s.date, [label.id for label in p.qs])
        plan_passage(plan, document, p, words)
    for meeting in s.meetings:
        plan_meeting(plan, document, meeting)
    for each in s.plans:
        plan_plan(plan, document, each)
    for metric in parsed.metrics:
        plan_metric(plan, document, metric)
    for risk in s.risks:
        plan.add(m.RiskRow, risk_row(document, risk))
    for f in dict.fromkeys(parsed.findings + s.findings):
        plan.add(
            m.FindingRow,
            {"document_id": document}
            | fields(f, "kind", "message", "start_line", "other_line", "other_document"),
        )
    if s.assessment is not None:
        plan.add(
            m.AssessmentRow,
            {"document_id": document}
            | fields(
                s.assessment, "scores", "percent", "rating", "stated_rating", "framework", "grades"
            ),
        )
    return document


def fields(source: object, *names: str) -> dict[str, Any]:
    """The attributes ``names`` of ``source`` as row values (tuples as lists,
    mappings as dicts, for the JSON columns)."""
    row = {}
    for name in names:
        value = getattr(source, name)
        if isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, dict):
            value = dict(value)
        row[name] = value
    return row


def plan_passage(plan: RowPlan, document: Any, p: Passage, scope: str) -> None:
    passage = plan.add(
        m.PassageRow,
        {
            "document_id": document,
            "search_scope": scope,
            "start_line": p.start_line,
            "end_line": p.end_line,
            "page": p.page,
            "section": p.section,
            "text": p.text,
            "category": p.category,
            "stance": p.stance,
            "refs": list(p.refs),
        },
    )
    plan.add_many(
        m.PassageLabel,
        LABEL_KEYS,
        ((passage, label.id, label.confidence, label.source) for label in p.qs),
    )


def plan_meeting(plan: RowPlan, document: Any, x: Meeting) -> None:
    meeting = plan.add(
        m.MeetingRow,
        {"document_id": document}
        | fields(x, "role", "body", "date", "time", "venue", "start_line", "end_line"),
    )
    for name in x.members:
        plan.add(m.MeetingMemberRow, {"meeting_id": meeting, "name": name})
    a = x.attendance
    for role, names in (
        ("present", a.present),
        ("apologies", a.apologies),
        ("in_attendance", a.in_attendance),
    ):
        for name in names:
            plan.add(m.AttendanceRow, {"meeting_id": meeting, "name": name, "role": role})
    for i in x.agenda:
        plan.add(
            m.AgendaItemRow,
            {
                "meeting_id": meeting,
                "first_page": i.pages[0] if i.pages else None,
                "last_page": i.pages[1] if i.pages else None,
            }
            | fields(i, "number", "title", "purpose", "contact", "group", "start_line"),
        )
    for item in x.minutes:
        minute = plan.add(
            m.MinuteItemRow,
            {"meeting_id": meeting} | fields(item, "number", "title", "start_line", "end_line"),
        )
        for d in item.decisions:
            plan.add(m.DecisionRow, {"minute_item_id": minute} | fields(d, "text", "start_line"))
        for c in item.actions:
            plan.add(
                m.ActionRow,
                {"minute_item_id": minute, "status": "open", "done": False}
                | fields(c, "text", "owner", "due", "start_line", "due_by"),
            )
        for v in item.votes:
            plan.add(
                m.VoteRow,
                {"minute_item_id": minute} | fields(v, *VOTE_FIELDS),
            )


def plan_plan(plan: RowPlan, document: Any, x: Plan) -> None:
    stored = plan.add(
        m.PlanRow, {"document_id": document, "title": x.title, "start_line": x.start_line}
    )
    for p in x.priorities:
        priority = plan.add(
            m.PriorityRow,
            {"plan_id": stored}
            | fields(p, "number", "title", "start_line", "leads", "aliases", "refs"),
        )
        for a in p.actions:
            plan.add(
                m.PlanActionRow,
                {"priority_id": priority}
                | fields(a, "text", "start_line", "leads", "timeframe", "status", "refs")
                | fields(a, "due_by", "done")
                | {"owner": plan_action_owner(a.leads, p.leads)},
            )
        for s in p.measures:
            plan.add(m.SuccessMeasureRow, measure_row("priority_id", priority, s))
    for s in x.measures:
        plan.add(m.PlanMeasureRow, measure_row("plan_id", stored, s))


def plan_action_owner(leads: Sequence[str], priority_leads: Sequence[str]) -> str | None:
    """Who a plan's action falls to as listed: its own leads, else its priority's."""
    return ", ".join(leads or ()) or ", ".join(priority_leads or ()) or None


def measure_row(parent: str, ref: Any, s: SuccessMeasure) -> dict[str, Any]:
    return {parent: ref} | fields(s, "text", "direction", "start_line")


def plan_metric(plan: RowPlan, document: Any, x: Metric) -> None:
    metric = plan.add(
        m.MetricRow,
        {"document_id": document, "qs_labels": labels_json(x.qs_labels)}
        | fields(x, *METRIC_FIELDS),
    )
    for c in x.comparators:
        plan.add(m.ComparatorRow, {"metric_id": metric} | fields(c, "kind", "value", "text"))


def risk_row(document: Any, x: Risk) -> dict[str, Any]:
    ratings = {
        f"{when}_{part}": getattr(getattr(x, when), part) if getattr(x, when) else None
        for when in ("inherent", "residual", "target")
        for part in ("impact", "likelihood", "score")
    }
    return {
        "document_id": document,
        "risk_group": x.group,
        "qs_labels": labels_json(x.qs_labels),
        **ratings,
    } | fields(x, *RISK_FIELDS)


def labels_json(labels: Iterable[StatementLabel]) -> list[dict[str, Any]]:
    return [{"id": x.id, "confidence": x.confidence, "source": x.source} for x in labels]
