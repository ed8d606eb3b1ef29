"""ORM models: the storage layer's own view of a council's evidence base.

These classes never leave ``assure.storing``; callers get the frozen records
of ``assure.storing.records``. The schema is created and upgraded only by the
Alembic migrations in ``assure/storing/migrations`` (see ``database.py``).
Lists of short strings (leads, refs, quality statement ids) are JSON columns;
anything that is queried or joined on has its own table.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A moment in UTC, given back timezone-aware by every engine (SQLite
    itself keeps no time zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


CASCADE = "all, delete-orphan"


def parent(table: str) -> Any:
    """A required foreign key to ``table.id`` that deletes with its parent."""
    return mapped_column(ForeignKey(f"{table}.id", ondelete="CASCADE"), index=True)


class Council(Base):
    __tablename__ = "councils"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    email: Mapped[str | None] = mapped_column(String(320))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    password_hash: Mapped[str | None] = mapped_column(String(200))  # argon2; None: cannot sign in


class CouncilMember(Base):
    """Which councils' documents a signed-in user may see, and what they may do
    there: ``viewer`` reads, ``editor`` also corrects, scores and uploads,
    ``admin`` also manages the council's users."""

    __tablename__ = "council_members"
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    council_id: Mapped[int] = mapped_column(
        ForeignKey("councils.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(40), default="viewer")


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("council_id", "content_hash"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    council_id: Mapped[int] = parent("councils")
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    source_path: Mapped[str] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(20))
    pages: Mapped[int | None]
    lines: Mapped[int]
    status: Mapped[str] = mapped_column(String(20), default="stored")
    warnings: Mapped[list[Any]] = mapped_column(default=list)
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    council: Mapped[Council] = relationship()
    source_lines: Mapped[list[SourceLineRow]] = relationship(cascade=CASCADE, passive_deletes=True)
    sections: Mapped[list[SectionRow]] = relationship(cascade=CASCADE, passive_deletes=True)
    passages: Mapped[list[PassageRow]] = relationship(cascade=CASCADE, passive_deletes=True)
    meetings: Mapped[list[MeetingRow]] = relationship(cascade=CASCADE, passive_deletes=True)
    plans: Mapped[list[PlanRow]] = relationship(cascade=CASCADE, passive_deletes=True)
    metrics: Mapped[list[MetricRow]] = relationship(cascade=CASCADE, passive_deletes=True)
    findings: Mapped[list[FindingRow]] = relationship(cascade=CASCADE, passive_deletes=True)
    assessment: Mapped[AssessmentRow | None] = relationship(cascade=CASCADE, passive_deletes=True)
    risks: Mapped[list[RiskRow]] = relationship(cascade=CASCADE, passive_deletes=True)


class SourceLineRow(Base):
    """One line of the file as read, so any span can be shown in context."""

    __tablename__ = "source_lines"
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    number: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    page: Mapped[int | None]
    text: Mapped[str] = mapped_column(Text)
    heading_level: Mapped[int | None]
    table_row: Mapped[bool] = mapped_column(Boolean, default=False)


class SectionRow(Base):
    __tablename__ = "sections"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = parent("documents")
    title: Mapped[str] = mapped_column(Text)
    level: Mapped[int]
    kind: Mapped[str] = mapped_column(String(40))
    start_line: Mapped[int]
    end_line: Mapped[int]
    qs: Mapped[list[Any]] = mapped_column(default=list)
    refs: Mapped[list[Any]] = mapped_column(default=list)


class PassageRow(Base):
    """A paragraph-sized unit: what search finds and the classifier labels.

    The full-text index over ``text``, ``section`` and ``search_scope`` is
    engine-specific and created by the migrations (an FTS5 table on SQLite, a
    tsvector column and a GIN index on PostgreSQL), so it is not declared
    here. ``search_scope`` holds the words that put the passage's council,
    kind, date and statements in that index (see ``scope.py``).
    """

    __tablename__ = "passages"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = parent("documents")
    start_line: Mapped[int]
    end_line: Mapped[int]
    page: Mapped[int | None]
    section: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(String(40))
    stance: Mapped[str | None] = mapped_column(String(40))
    refs: Mapped[list[Any]] = mapped_column(default=list)
    search_scope: Mapped[str] = mapped_column(Text, default="", server_default="")

    labels: Mapped[list[PassageLabel]] = relationship(cascade=CASCADE, passive_deletes=True)


class PassageLabel(Base):
    """A quality statement suggested for a passage, and who suggested it."""

    __tablename__ = "passage_labels"
    id: Mapped[int] = mapped_column(primary_key=True)
    passage_id: Mapped[int] = parent("passages")
    qs: Mapped[str] = mapped_column(String(60), index=True)
    confidence: Mapped[float] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(20))  # structure | model | keywords | user


class MeetingRow(Base):
    __tablename__ = "meetings"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = parent("documents")
    role: Mapped[str] = mapped_column(String(20))  # notice | minutes
    body: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    time: Mapped[str | None] = mapped_column(String(5))
    venue: Mapped[str | None] = mapped_column(Text)
    start_line: Mapped[int]
    end_line: Mapped[int | None]

    members: Mapped[list[MeetingMemberRow]] = relationship(cascade=CASCADE, passive_deletes=True)
    attendance: Mapped[list[AttendanceRow]] = relationship(cascade=CASCADE, passive_deletes=True)
    agenda: Mapped[list[AgendaItemRow]] = relationship(cascade=CASCADE, passive_deletes=True)
    minutes: Mapped[list[MinuteItemRow]] = relationship(cascade=CASCADE, passive_deletes=True)


class MeetingMemberRow(Base):
    """A member of the body, as the notice of meeting lists its membership."""

    __tablename__ = "meeting_members"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = parent("meetings")
    name: Mapped[str] = mapped_column(Text, index=True)


class AttendanceRow(Base):
    __tablename__ = "attendance"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = parent("meetings")
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(20))  # present | apologies | in_attendance


class AgendaItemRow(Base):
    __tablename__ = "agenda_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = parent("meetings")
    number: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(Text)
    first_page: Mapped[int | None]
    last_page: Mapped[int | None]
    purpose: Mapped[str | None] = mapped_column(Text)
    contact: Mapped[str | None] = mapped_column(Text)
    group: Mapped[str | None] = mapped_column("group_heading", Text)
    start_line: Mapped[int | None]


class MinuteItemRow(Base):
    __tablename__ = "minute_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = parent("meetings")
    number: Mapped[str | None] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(Text)
    start_line: Mapped[int]
    end_line: Mapped[int | None]

    decisions: Mapped[list[DecisionRow]] = relationship(cascade=CASCADE, passive_deletes=True)
    actions: Mapped[list[ActionRow]] = relationship(cascade=CASCADE, passive_deletes=True)
    votes: Mapped[list[VoteRow]] = relationship(cascade=CASCADE, passive_deletes=True)


class VoteRow(Base):
    """A recorded vote of a minute: counts as printed and the names under each
    side (the two may disagree; both are kept), and the outcome where given."""

    __tablename__ = "votes"
    id: Mapped[int] = mapped_column(primary_key=True)
    minute_item_id: Mapped[int] = parent("minute_items")
    start_line: Mapped[int]
    motion: Mapped[str | None] = mapped_column(Text)
    for_count: Mapped[int | None]
    against_count: Mapped[int | None]
    abstain_count: Mapped[int | None]
    for_names: Mapped[list[Any]] = mapped_column(default=list)
    against_names: Mapped[list[Any]] = mapped_column(default=list)
    abstain_names: Mapped[list[Any]] = mapped_column(default=list)
    carried: Mapped[bool | None]


class DecisionRow(Base):
    __tablename__ = "decisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    minute_item_id: Mapped[int] = parent("minute_items")
    text: Mapped[str] = mapped_column(Text)
    start_line: Mapped[int]


class ActionRow(Base):
    """An action recorded in minutes; ``status`` is tracked by people (open/done).
    ``due_by`` (ISO) and ``done`` are worked out by the pipeline and the services,
    never here, so filters compare stored values."""

    __tablename__ = "actions"
    id: Mapped[int] = mapped_column(primary_key=True)
    minute_item_id: Mapped[int] = parent("minute_items")
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(Text)
    due: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), default="open")
    start_line: Mapped[int]
    due_by: Mapped[str | None] = mapped_column(String(10), index=True)
    done: Mapped[bool] = mapped_column(default=False)


class PlanRow(Base):
    __tablename__ = "plans"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = parent("documents")
    title: Mapped[str | None] = mapped_column(Text)
    start_line: Mapped[int]

    priorities: Mapped[list[PriorityRow]] = relationship(cascade=CASCADE, passive_deletes=True)
    measures: Mapped[list[PlanMeasureRow]] = relationship(
        cascade=CASCADE, passive_deletes=True, order_by="PlanMeasureRow.id"
    )


class MeasureColumns:
    """What a success measure says: its text, the direction of good performance
    and the line it starts on."""

    text: Mapped[str] = mapped_column(Text)
    direction: Mapped[str | None] = mapped_column(String(20))
    start_line: Mapped[int | None]


class PlanMeasureRow(MeasureColumns, Base):
    """A success measure of a plan as a whole, not of one priority."""

    __tablename__ = "plan_measures"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = parent("plans")


class PriorityRow(Base):
    __tablename__ = "priorities"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = parent("plans")
    number: Mapped[str | None] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(Text)
    start_line: Mapped[int]
    leads: Mapped[list[Any]] = mapped_column(default=list)
    aliases: Mapped[list[Any]] = mapped_column(default=list)
    refs: Mapped[list[Any]] = mapped_column(default=list)

    actions: Mapped[list[PlanActionRow]] = relationship(cascade=CASCADE, passive_deletes=True)
    measures: Mapped[list[SuccessMeasureRow]] = relationship(cascade=CASCADE, passive_deletes=True)


class PlanActionRow(Base):
    __tablename__ = "plan_actions"
    id: Mapped[int] = mapped_column(primary_key=True)
    priority_id: Mapped[int] = parent("priorities")
    text: Mapped[str] = mapped_column(Text)
    start_line: Mapped[int]
    leads: Mapped[list[Any]] = mapped_column(default=list)
    timeframe: Mapped[str | None] = mapped_column(String(80))
    status: Mapped[str | None] = mapped_column(String(80))
    refs: Mapped[list[Any]] = mapped_column(default=list)
    due_by: Mapped[str | None] = mapped_column(String(10), index=True)
    done: Mapped[bool] = mapped_column(default=False)
    # Who it falls to as listed: its leads, else its priority's (stored so that
    # listing actions by owner is a filter in SQL, paged with the minutes').
    owner: Mapped[str | None] = mapped_column(Text)


class SuccessMeasureRow(MeasureColumns, Base):
    """A success measure of one priority."""

    __tablename__ = "success_measures"
    id: Mapped[int] = mapped_column(primary_key=True)
    priority_id: Mapped[int] = parent("priorities")


class MetricRow(Base):
    __tablename__ = "metrics"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = parent("documents")
    text: Mapped[str] = mapped_column(Text)
    value: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(20))
    measure: Mapped[str | None] = mapped_column(Text)
    period: Mapped[str | None] = mapped_column(String(80))
    geography: Mapped[str | None] = mapped_column(String(120))
    provisional: Mapped[bool] = mapped_column(Boolean, default=False)
    malformed: Mapped[bool] = mapped_column(Boolean, default=False)
    start_line: Mapped[int]
    # A scorecard row's own judgement: its target, RAG rating, direction of travel.
    target: Mapped[float | None] = mapped_column(Float)
    rag: Mapped[str | None] = mapped_column(String(10))
    trend: Mapped[str | None] = mapped_column(String(20))
    qs: Mapped[list[Any]] = mapped_column(default=list)  # statement ids counted as evidence
    qs_labels: Mapped[list[Any]] = mapped_column(default=list)  # [{id, confidence, source}]

    comparators: Mapped[list[ComparatorRow]] = relationship(cascade=CASCADE, passive_deletes=True)


class ComparatorRow(Base):
    __tablename__ = "comparators"
    id: Mapped[int] = mapped_column(primary_key=True)
    metric_id: Mapped[int] = parent("metrics")
    kind: Mapped[str] = mapped_column(String(40))
    value: Mapped[float | None] = mapped_column(Float)
    text: Mapped[str] = mapped_column(Text)


class RiskRow(Base):
    """A risk of a register, with its ratings before and after its controls (and
    the target), each as impact, likelihood and score columns so they can be
    filtered and sorted."""

    __tablename__ = "risks"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = parent("documents")
    ref: Mapped[str | None] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(Text)
    effects: Mapped[str | None] = mapped_column(Text)
    causes: Mapped[str | None] = mapped_column(Text)
    owners: Mapped[list[Any]] = mapped_column(default=list)
    mitigations: Mapped[list[Any]] = mapped_column(default=list)
    actions: Mapped[list[Any]] = mapped_column(default=list)
    inherent_impact: Mapped[float | None] = mapped_column(Float)
    inherent_likelihood: Mapped[float | None] = mapped_column(Float)
    inherent_score: Mapped[float | None] = mapped_column(Float)
    residual_impact: Mapped[float | None] = mapped_column(Float)
    residual_likelihood: Mapped[float | None] = mapped_column(Float)
    residual_score: Mapped[float | None] = mapped_column(Float)
    target_impact: Mapped[float | None] = mapped_column(Float)
    target_likelihood: Mapped[float | None] = mapped_column(Float)
    target_score: Mapped[float | None] = mapped_column(Float)
    risk_group: Mapped[str | None] = mapped_column(Text)  # the band or category filed under
    trend: Mapped[str | None] = mapped_column(String(40))
    qs: Mapped[list[Any]] = mapped_column(default=list)
    qs_labels: Mapped[list[Any]] = mapped_column(default=list)
    start_line: Mapped[int]
    end_line: Mapped[int | None]


class FindingRow(Base):
    __tablename__ = "findings"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = parent("documents")
    kind: Mapped[str] = mapped_column(String(40))
    message: Mapped[str] = mapped_column(Text)
    start_line: Mapped[int]
    other_line: Mapped[int | None]
    other_document: Mapped[str | None] = mapped_column(Text)


class AssessmentRow(Base):
    """A regulator's scores as an assessment report states them."""

    __tablename__ = "assessments"
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    scores: Mapped[dict[str, Any]] = mapped_column(default=dict)
    percent: Mapped[int | None]
    rating: Mapped[str | None] = mapped_column(String(40))
    stated_rating: Mapped[str | None] = mapped_column(String(40))
    framework: Mapped[str] = mapped_column(String(40), default="cqc-local-authority")
    grades: Mapped[dict[str, Any]] = mapped_column(default=dict)  # by name (Ofsted)


class Correction(Base):
    """A person's correction of a passage's labels; it wins over the machine's."""

    __tablename__ = "corrections"
    id: Mapped[int] = mapped_column(primary_key=True)
    passage_id: Mapped[int] = parent("passages")
    qs: Mapped[list[Any]] = mapped_column(default=list)
    category: Mapped[str | None] = mapped_column(String(40))
    stance: Mapped[str | None] = mapped_column(String(40))
    user: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class SelfScore(Base):
    """A council's own score for a quality statement, with the passages behind it."""

    __tablename__ = "self_scores"
    id: Mapped[int] = mapped_column(primary_key=True)
    council_id: Mapped[int] = parent("councils")
    statement: Mapped[str] = mapped_column(String(60))
    score: Mapped[int]
    rationale: Mapped[str | None] = mapped_column(Text)
    passage_ids: Mapped[list[Any]] = mapped_column(default=list)
    user: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


Index("ix_self_scores_council_statement", SelfScore.council_id, SelfScore.statement)


class DraftText(Base):
    """A person's own wording of a statement's self-assessment draft; the
    newest per statement replaces the drafted sentences in exports."""

    __tablename__ = "draft_texts"
    id: Mapped[int] = mapped_column(primary_key=True)
    council_id: Mapped[int] = parent("councils")
    statement: Mapped[str] = mapped_column(String(60))
    text: Mapped[str] = mapped_column(Text)
    user: Mapped[str | None] = mapped_column(String(320))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ApiToken(Base):
    """A bearer token for the JSON API, stored only as its SHA-256 digest."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = parent("users")
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))  # shown in listings to tell tokens apart
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class AuditEntry(Base):
    """One change: who made it, when, to what, and the values before and after."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(320))
    council: Mapped[str | None] = mapped_column(String(200), index=True)
    action: Mapped[str] = mapped_column(String(60))
    target: Mapped[str] = mapped_column(Text)
    before: Mapped[dict[str, Any] | None] = mapped_column()
    after: Mapped[dict[str, Any] | None] = mapped_column()
