"""What the library hands back: frozen records, never ORM objects.

Where a record wraps something the pipeline also produces (a ``Passage``, a
``Meeting``, a ``Metric``), it carries that same dataclass plus where it was
stored: the document's id and title, and the page of its first line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from assure.structure import Meeting, Metric, Passage, Plan, Risk, StatementLabel


@dataclass(frozen=True, slots=True)
class StoredDocument:
    id: int
    council: str
    content_hash: str
    kind: str
    title: str | None
    date: str | None
    source_path: str
    format: str
    pages: int | None
    lines: int
    status: str
    warnings: tuple[str, ...]
    ingested_at: datetime
    passages: int = 0

    @property
    def label(self) -> str:
        """The title, or the file name where the document has none."""
        return self.title or self.source_path.rsplit("/", 1)[-1]


class StoredPassage(NamedTuple):
    """A stored passage: ``for id, doc_id, title, passage, date, council in lib.passages()``."""

    id: int
    document_id: int
    document_title: str | None
    passage: Passage
    date: str | None
    council: str


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One ranked passage. ``snippet`` marks matched words as ``**word**``;
    ``rank`` is larger for better hits (bm25 on SQLite, ts_rank_cd on PostgreSQL,
    so ranks compare within one result list, not across engines)."""

    passage_id: int
    document_id: int
    document_title: str | None
    council: str
    page: int | None
    start_line: int
    end_line: int
    section: str | None
    snippet: str
    rank: float
    labels: tuple[StatementLabel, ...] = ()


class SearchResults(list[SearchHit]):
    """A page of hits (a list), and ``total``: how many passages match in
    all, counted up to the newest matches search ranks (500); at that many,
    more may match (counting them all would cost what ranking only those
    saves)."""

    def __init__(self, hits: Iterable[SearchHit] = (), total: int = 0) -> None:
        super().__init__(hits)
        self.total = total


@dataclass(frozen=True, slots=True)
class MeetingFilter:
    """Which meetings a list keeps: those whose body's name holds the fragment
    ``body`` (any case), held from the ISO day ``since``, of one ``document``."""

    body: str | None = None
    since: str | None = None
    document: int | None = None


@dataclass(frozen=True, slots=True)
class ActionFilter:
    """Which actions a list keeps: finished (``done``) or open ones; those
    whose owner (a plan's: its leads, else its priority's) holds the fragment
    ``owner``; those due by a day before the ISO day ``due_before``; those of
    one ``document``; the one action ``key`` (``ActionRecord.key``)."""

    done: bool | None = None
    owner: str | None = None
    due_before: str | None = None
    document: int | None = None
    key: str | None = None


@dataclass(frozen=True, slots=True)
class MeetingRecord:
    id: int
    document_id: int
    document_title: str | None
    page: int | None
    meeting: Meeting

    @property
    def decisions(self) -> int:
        return sum(len(item.decisions) for item in self.meeting.minutes)

    @property
    def actions(self) -> int:
        return sum(len(item.actions) for item in self.meeting.minutes)


@dataclass(frozen=True, slots=True)
class ActionRecord:
    """An action from minutes (``source="minutes"``: owner, due date, tracked
    status open/done) or from an improvement plan (``source="plan"``: leads as
    the owner, timeframe as due, the plan's own status)."""

    id: int
    source: str
    document_id: int
    document_title: str | None
    text: str
    owner: str | None
    due: str | None
    status: str | None
    start_line: int
    page: int | None
    context: str | None = None  # the meeting (body and date) or the plan priority
    due_by: str | None = None  # the last day it is due, ISO, where ``due`` gives one
    done: bool = False
    council: str | None = None

    @property
    def key(self) -> str:
        """The id to pass to ``Library.update_action``, e.g. ``minutes:12``."""
        return f"{self.source}:{self.id}"


@dataclass(frozen=True, slots=True)
class ActionUpdate:
    """An action's status after a change, and what it was before."""

    key: str
    status: str | None
    done: bool
    before: ActionUpdate | None = None


@dataclass(frozen=True, slots=True)
class MetricRecord:
    id: int
    document_id: int
    document_title: str | None
    document_date: str | None
    page: int | None
    metric: Metric


@dataclass(frozen=True, slots=True)
class Location:
    document_id: int | None
    document_title: str | None
    line: int | None
    page: int | None = None


@dataclass(frozen=True, slots=True)
class FindingRecord:
    """A consistency problem with where it is and, for conflicts, where the
    other figure is."""

    kind: str
    message: str
    at: Location
    other: Location | None = None


@dataclass(frozen=True, slots=True)
class CorrectionRecord:
    id: int
    passage_id: int
    document_id: int
    passage_text: str
    qs: tuple[str, ...]
    category: str | None
    stance: str | None
    user: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class SelfScoreRecord:
    id: int
    council: str
    statement: str
    score: int
    rationale: str | None
    passage_ids: tuple[int, ...]
    user: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class SectionRecord:
    title: str
    level: int
    kind: str
    start_line: int
    end_line: int
    page: int | None
    qs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PlanRecord:
    """A plan as parsed, with the document it is in."""

    document_id: int
    document_title: str | None
    council: str
    plan: Plan


@dataclass(frozen=True, slots=True)
class RiskRecord:
    """A risk as parsed, with the document it is in and the page it starts on."""

    id: int
    document_id: int
    document_title: str | None
    council: str
    page: int | None
    risk: Risk
