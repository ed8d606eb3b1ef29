"""Queries over what documents say: meetings, actions, figures, findings.

``council_ids`` are the councils to look in (an empty list sees nothing).
Nothing here parses dates or statuses: actions carry the ``due_by`` and
``done`` the pipeline and the services worked out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy import CompoundSelect, Select, false, func, literal_column, select, union_all
from sqlalchemy.orm import Session, selectinload

from assure.storing import models as m
from assure.storing.reading import page_join
from assure.storing.records import (
    ActionFilter,
    ActionRecord,
    ActionUpdate,
    FindingRecord,
    Location,
    MeetingFilter,
    MeetingRecord,
    MetricRecord,
)
from assure.structure import (
    Action,
    AgendaItem,
    Attendance,
    Comparator,
    Decision,
    Meeting,
    Metric,
    MinuteItem,
    Vote,
)

S = TypeVar("S", bound="Select[*tuple[Any, ...]]")


def in_council(stmt: S, council_ids: Sequence[int]) -> S:
    return stmt.where(m.Document.council_id.in_(list(council_ids)))


def fragment(column: Any, needle: str) -> Any:
    """Case-insensitive "contains", the same on both engines."""
    return func.lower(column).contains(needle.lower(), autoescape=True)


# -- meetings -------------------------------------------------------------------


def meetings(
    session: Session,
    council_ids: Sequence[int],
    which: MeetingFilter,
    limit: int | None = None,
    offset: int = 0,
    newest_first: bool = False,
) -> list[MeetingRecord]:
    """Meetings by date (``newest_first``: the same order backwards), from
    ``offset`` on, at most ``limit`` of them (``None``: all)."""
    order = (m.MeetingRow.date, m.MeetingRow.id)
    stmt = (
        meeting_filter(
            select(m.MeetingRow, m.Document.title, m.SourceLineRow.page), council_ids, which
        )
        .outerjoin(m.SourceLineRow, page_join(m.MeetingRow.document_id, m.MeetingRow.start_line))
        .options(
            selectinload(m.MeetingRow.members),
            selectinload(m.MeetingRow.attendance),
            selectinload(m.MeetingRow.agenda),
            selectinload(m.MeetingRow.minutes).selectinload(m.MinuteItemRow.decisions),
            selectinload(m.MeetingRow.minutes).selectinload(m.MinuteItemRow.actions),
            selectinload(m.MeetingRow.minutes).selectinload(m.MinuteItemRow.votes),
        )
        .order_by(*(c.desc() for c in order) if newest_first else order)
        .offset(offset)
        .limit(limit)
    )
    return [
        MeetingRecord(row.id, row.document_id, title, page, meeting_of(row))
        for row, title, page in session.execute(stmt)
    ]


def count_meetings(session: Session, council_ids: Sequence[int], which: MeetingFilter) -> int:
    """How many meetings ``meetings`` finds over all its pages."""
    stmt = meeting_filter(select(func.count(m.MeetingRow.id)), council_ids, which)
    return int(session.scalar(stmt) or 0)


def meeting_filter(stmt: S, council_ids: Sequence[int], which: MeetingFilter) -> S:
    stmt = in_council(stmt.join(m.Document, m.Document.id == m.MeetingRow.document_id), council_ids)
    if which.body:
        stmt = stmt.where(fragment(m.MeetingRow.body, which.body))
    if which.since:
        stmt = stmt.where(m.MeetingRow.date >= which.since)
    if which.document is not None:
        stmt = stmt.where(m.MeetingRow.document_id == which.document)
    return stmt


def meeting_of(row: m.MeetingRow) -> Meeting:
    def names(role: str) -> tuple[str, ...]:
        return tuple(a.name for a in sorted(row.attendance, key=lambda a: a.id) if a.role == role)

    return Meeting(
        body=row.body,
        date=row.date,
        start_line=row.start_line,
        end_line=row.end_line,
        time=row.time,
        venue=row.venue,
        members=tuple(x.name for x in sorted(row.members, key=lambda x: x.id)),
        attendance=Attendance(names("present"), names("apologies"), names("in_attendance")),
        agenda=tuple(
            AgendaItem(
                number=a.number,
                title=a.title,
                pages=(a.first_page, a.last_page)
                if a.first_page is not None and a.last_page is not None
                else None,
                purpose=a.purpose,
                contact=a.contact,
                group=a.group,
                start_line=a.start_line,
            )
            for a in sorted(row.agenda, key=lambda a: a.id)
        ),
        minutes=tuple(
            MinuteItem(
                number=i.number,
                title=i.title,
                start_line=i.start_line,
                end_line=i.end_line,
                decisions=tuple(
                    Decision(d.text, d.start_line) for d in sorted(i.decisions, key=lambda d: d.id)
                ),
                actions=tuple(
                    Action(a.text, a.start_line, a.owner, a.due, a.due_by)
                    for a in sorted(i.actions, key=lambda a: a.id)
                ),
                votes=tuple(
                    Vote(
                        start_line=v.start_line,
                        motion=v.motion,
                        for_count=v.for_count,
                        against_count=v.against_count,
                        abstain_count=v.abstain_count,
                        for_names=tuple(v.for_names or ()),
                        against_names=tuple(v.against_names or ()),
                        abstain_names=tuple(v.abstain_names or ()),
                        carried=v.carried,
                    )
                    for v in sorted(i.votes, key=lambda v: v.id)
                ),
            )
            for i in sorted(row.minutes, key=lambda i: i.id)
        ),
        role=row.role,
    )


# -- actions --------------------------------------------------------------------


MINUTES, PLAN = 0, 1  # the sources of actions, in the order they are listed
ACTIONS_PER_QUERY = 500  # actions read in one query (SQLite allows 32,766 variables)


def actions(
    session: Session,
    council_ids: Sequence[int],
    which: ActionFilter,
    limit: int | None = None,
    offset: int = 0,
) -> list[ActionRecord]:
    """Actions of minutes, then of plans, each by document and line, from
    ``offset`` on, at most ``limit`` of them (``None``: all). One query over
    both sources chooses the page; the page's actions are then read in full."""
    matching = action_keys(council_ids, which).subquery()
    page = (
        select(matching.c.source, matching.c.id)
        .order_by(matching.c.source, matching.c.document_id, matching.c.start_line, matching.c.id)
        .offset(offset)
        .limit(limit)
    )
    chosen = [(source, i) for source, i in session.execute(page)]
    found: dict[tuple[int, int], ActionRecord] = {}
    for source, read in ((MINUTES, minute_actions), (PLAN, plan_actions)):
        ids = [i for s, i in chosen if s == source]
        for start in range(0, len(ids), ACTIONS_PER_QUERY):
            for record in read(session, ids[start : start + ACTIONS_PER_QUERY]):
                found[source, record.id] = record
    # an action deleted between the two reads (PostgreSQL reads each anew) is left out
    return [found[picked] for picked in chosen if picked in found]


def count_actions(session: Session, council_ids: Sequence[int], which: ActionFilter) -> int:
    """How many actions ``actions`` finds over all its pages."""
    matching = action_keys(council_ids, which).subquery()
    return int(session.scalar(select(func.count()).select_from(matching)) or 0)


def action_keys(council_ids: Sequence[int], which: ActionFilter) -> CompoundSelect:
    """The actions of both sources that pass the filter, as (source, id,
    document, line): one ``UNION ALL`` to order and page."""
    source, _, number = (which.key or "").partition(":")
    only = int(number) if number.isdigit() else None
    found: list[Select[Any]] = []
    for name, code, row, chain in (
        ("minutes", MINUTES, m.ActionRow, minute_chain),
        ("plan", PLAN, m.PlanActionRow, plan_chain),
    ):
        stmt = tracking(
            in_council(keys_of(code, row, chain), council_ids), row, which.done, which.due_before
        )
        if which.owner:
            stmt = stmt.where(fragment(row.owner, which.owner))
        if which.document is not None:
            stmt = stmt.where(m.Document.id == which.document)
        if which.key is not None:
            stmt = stmt.where(row.id == only) if source == name else stmt.where(false())
        found.append(stmt)
    return union_all(*found)


def keys_of(code: int, row: Any, chain: Callable[[Select[Any]], Select[Any]]) -> Select[Any]:
    """(source, id, document, line) of every action of one source."""
    columns = (row.id, m.Document.id.label("document_id"), row.start_line)
    return chain(select(literal_column(str(code)).label("source"), *columns))


def minute_chain(stmt: S) -> S:
    """``stmt`` over minutes' actions, joined to their meeting and document."""
    return (
        stmt.join(m.MinuteItemRow, m.MinuteItemRow.id == m.ActionRow.minute_item_id)
        .join(m.MeetingRow, m.MeetingRow.id == m.MinuteItemRow.meeting_id)
        .join(m.Document, m.Document.id == m.MeetingRow.document_id)
    )


def plan_chain(stmt: S) -> S:
    """``stmt`` over plans' actions, joined to their priority and document."""
    return (
        stmt.join(m.PriorityRow, m.PriorityRow.id == m.PlanActionRow.priority_id)
        .join(m.PlanRow, m.PlanRow.id == m.PriorityRow.plan_id)
        .join(m.Document, m.Document.id == m.PlanRow.document_id)
    )


def tracking(stmt: S, row: Any, done: bool | None, due_before: str | None) -> S:
    if done is not None:
        stmt = stmt.where(row.done.is_(done))
    if due_before is not None:
        stmt = stmt.where(row.due_by.is_not(None)).where(row.due_by < due_before)
    return stmt


def minute_actions(session: Session, ids: Sequence[int]) -> list[ActionRecord]:
    """The actions of minutes with these ids, in full."""
    stmt = minute_chain(
        select(
            m.ActionRow,
            m.MeetingRow,
            m.Document.id,
            m.Document.title,
            m.SourceLineRow.page,
            m.Council.name,
        )
    )
    stmt = (
        stmt.join(m.Council, m.Council.id == m.Document.council_id)
        .outerjoin(m.SourceLineRow, page_join(m.Document.id, m.ActionRow.start_line))
        .where(m.ActionRow.id.in_(list(ids)))
    )
    return [
        ActionRecord(
            id=a.id,
            source="minutes",
            document_id=doc_id,
            document_title=title,
            text=a.text,
            owner=a.owner,
            due=a.due,
            status=a.status,
            start_line=a.start_line,
            page=page,
            context=" ".join(x for x in (meeting.body, meeting.date) if x) or None,
            due_by=a.due_by,
            done=a.done,
            council=council,
        )
        for a, meeting, doc_id, title, page, council in session.execute(stmt)
    ]


def plan_actions(session: Session, ids: Sequence[int]) -> list[ActionRecord]:
    """The actions of plans with these ids, in full."""
    stmt = plan_chain(
        select(
            m.PlanActionRow,
            m.PriorityRow,
            m.Document.id,
            m.Document.title,
            m.SourceLineRow.page,
            m.Council.name,
        )
    )
    stmt = (
        stmt.join(m.Council, m.Council.id == m.Document.council_id)
        .outerjoin(m.SourceLineRow, page_join(m.Document.id, m.PlanActionRow.start_line))
        .where(m.PlanActionRow.id.in_(list(ids)))
    )
    return [
        ActionRecord(
            id=a.id,
            source="plan",
            document_id=doc_id,
            document_title=title,
            text=a.text,
            owner=a.owner,
            due=a.timeframe,
            status=a.status,
            start_line=a.start_line,
            page=page,
            context=" ".join(x for x in (priority.number, priority.title) if x) or None,
            due_by=a.due_by,
            done=a.done,
            council=council,
        )
        for a, priority, doc_id, title, page, council in session.execute(stmt)
    ]


def update_action(
    session: Session, key: str, status: str, done: bool, council_ids: Sequence[int]
) -> ActionUpdate | None:
    """Set an action's status and done flag; ``None`` if ``key`` names no
    action of those councils."""
    source, _, number = key.partition(":")
    if not number.isdigit() or source not in ("minutes", "plan"):
        return None
    row: m.ActionRow | m.PlanActionRow | None
    if source == "minutes":
        stmt: Any = (
            select(m.ActionRow)
            .join(m.MinuteItemRow, m.MinuteItemRow.id == m.ActionRow.minute_item_id)
            .join(m.MeetingRow, m.MeetingRow.id == m.MinuteItemRow.meeting_id)
            .join(m.Document, m.Document.id == m.MeetingRow.document_id)
            .where(m.ActionRow.id == int(number))
        )
    else:
        stmt = (
            select(m.PlanActionRow)
            .join(m.PriorityRow, m.PriorityRow.id == m.PlanActionRow.priority_id)
            .join(m.PlanRow, m.PlanRow.id == m.PriorityRow.plan_id)
            .join(m.Document, m.Document.id == m.PlanRow.document_id)
            .where(m.PlanActionRow.id == int(number))
        )
    row = session.scalar(in_council(stmt, council_ids))
    if row is None:
        return None
    before = ActionUpdate(key, row.status, row.done)
    row.status = status
    row.done = done
    return ActionUpdate(key, status, done, before)


# -- figures and findings -----------------------------------------------------


def metrics(
    session: Session,
    council_ids: Sequence[int],
    measure: str | None = None,
    period: str | None = None,
    document: int | None = None,
) -> list[MetricRecord]:
    stmt = (
        select(m.MetricRow, m.Document.title, m.Document.date, m.SourceLineRow.page)
        .join(m.Document, m.Document.id == m.MetricRow.document_id)
        .outerjoin(m.SourceLineRow, page_join(m.MetricRow.document_id, m.MetricRow.start_line))
        .options(selectinload(m.MetricRow.comparators))
        .order_by(m.MetricRow.document_id, m.MetricRow.start_line, m.MetricRow.id)
    )
    stmt = in_council(stmt, council_ids)
    if measure:
        stmt = stmt.where(fragment(m.MetricRow.measure, measure))
    if period:
        stmt = stmt.where(fragment(m.MetricRow.period, period))
    if document is not None:
        stmt = stmt.where(m.MetricRow.document_id == document)
    return [
        MetricRecord(row.id, row.document_id, title, when, page, metric_of(row))
        for row, title, when, page in session.execute(stmt)
    ]


def metric_of(row: m.MetricRow) -> Metric:
    return Metric(
        text=row.text,
        value=row.value,
        unit=row.unit,
        start_line=row.start_line,
        measure=row.measure,
        period=row.period,
        geography=row.geography,
        comparators=tuple(
            Comparator(c.kind, c.value, c.text) for c in sorted(row.comparators, key=lambda c: c.id)
        ),
        provisional=row.provisional,
        malformed=row.malformed,
    )


def stored_findings(
    session: Session, council_ids: Sequence[int], document: int | None = None
) -> list[FindingRecord]:
    stmt = (
        select(m.FindingRow, m.Document.title, m.SourceLineRow.page)
        .join(m.Document, m.Document.id == m.FindingRow.document_id)
        .outerjoin(m.SourceLineRow, page_join(m.FindingRow.document_id, m.FindingRow.start_line))
        .order_by(m.FindingRow.document_id, m.FindingRow.start_line, m.FindingRow.id)
    )
    stmt = in_council(stmt, council_ids)
    if document is not None:
        stmt = stmt.where(m.FindingRow.document_id == document)
    found = []
    for f, title, page in session.execute(stmt):
        other = None
        if f.other_line is not None or f.other_document:
            same = f.other_document is None
            other = Location(
                f.document_id if same else None,
                title if same else f.other_document,
                f.other_line,
                line_page(session, f.document_id, f.other_line) if same else None,
            )
        found.append(
            FindingRecord(
                f.kind, f.message, Location(f.document_id, title, f.start_line, page), other
            )
        )
    return found


def line_page(session: Session, document_id: int, line: int | None) -> int | None:
    if line is None:
        return None
    return session.scalar(
        select(m.SourceLineRow.page)
        .where(m.SourceLineRow.document_id == document_id)
        .where(m.SourceLineRow.number == line)
    )


def document_counts(session: Session, document_id: int) -> dict[str, int]:
    """How many of each kind of thing a document holds."""

    def count(stmt: Select[Any]) -> int:
        return int(session.scalar(stmt) or 0)

    meeting_ids = select(m.MeetingRow.id).where(m.MeetingRow.document_id == document_id)
    minute_ids = select(m.MinuteItemRow.id).where(m.MinuteItemRow.meeting_id.in_(meeting_ids))
    plan_ids = select(m.PlanRow.id).where(m.PlanRow.document_id == document_id)
    priority_ids = select(m.PriorityRow.id).where(m.PriorityRow.plan_id.in_(plan_ids))
    by_document: dict[str, Any] = {
        "sections": m.SectionRow,
        "passages": m.PassageRow,
        "meetings": m.MeetingRow,
        "plans": m.PlanRow,
        "metrics": m.MetricRow,
        "findings": m.FindingRow,
    }
    counts = {
        name: count(select(func.count()).select_from(model).where(model.document_id == document_id))
        for name, model in by_document.items()
    }
    counts["agenda items"] = count(
        select(func.count()).where(m.AgendaItemRow.meeting_id.in_(meeting_ids))
    )
    counts["minute items"] = count(
        select(func.count()).where(m.MinuteItemRow.meeting_id.in_(meeting_ids))
    )
    counts["decisions"] = count(
        select(func.count()).where(m.DecisionRow.minute_item_id.in_(minute_ids))
    )
    counts["actions"] = count(
        select(func.count()).where(m.ActionRow.minute_item_id.in_(minute_ids))
    ) + count(select(func.count()).where(m.PlanActionRow.priority_id.in_(priority_ids)))
    return counts
