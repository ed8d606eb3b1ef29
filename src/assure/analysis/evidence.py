"""The evidence base as analysis sees it: stored things with their document.

Gap analysis and the self-assessment draft are pure functions over an
``EvidenceBase``; ``assure.analysis.queries`` fills one from the library, and
tests build one by hand. Figures, actions and findings are tied to quality
statements through the passage that holds their line, so a figure "belongs"
to the statements its paragraph was labelled with.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath

from assure.structure import Finding, Metric, Passage


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """A stored document: what a citation names and what stale checks date."""

    id: int
    title: str | None
    date: str | None  # ISO YYYY-MM-DD
    kind: str
    path: str = ""

    @property
    def name(self) -> str:
        if self.title:
            return self.title
        return PurePath(self.path).name if self.path else f"document {self.id}"

    @property
    def day(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat(self.date) if self.date else None
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class Evidence:
    """A stored passage (``id`` is its id in the library) and its document."""

    id: int
    document: SourceInfo
    passage: Passage

    def confidence(self, statement: str) -> float:
        """How sure the labels are that this passage speaks to ``statement`` (0 if not)."""
        best = 0.0
        for label in self.passage.qs:
            if label.id != statement:
                continue
            if label.source == "user":
                return 1.0
            best = max(best, label.confidence)
        return best

    def statements(self) -> tuple[str, ...]:
        """Statement ids the passage counts as evidence for, surest first."""
        seen: dict[str, float] = {}
        for label in self.passage.qs:
            value = 1.0 if label.source == "user" else label.confidence
            if label.counts:
                seen[label.id] = max(seen.get(label.id, 0.0), value)
        return tuple(sorted(seen, key=lambda s: -seen[s]))


@dataclass(frozen=True, slots=True)
class Figure:
    """A stored metric, with the page its line sits on where known."""

    document: SourceInfo
    metric: Metric
    page: int | None = None


@dataclass(frozen=True, slots=True)
class TrackedAction:
    """An action someone is to carry out: from an improvement plan (``plan``)
    or from minutes (``minutes``). ``qs`` holds statement ids it is explicitly
    linked to; otherwise it is linked through the passage at its line."""

    document: SourceInfo
    text: str
    start_line: int
    source: str  # plan | minutes
    owner: str | None = None
    due: str | None = None  # due date or timeframe as written
    status: str | None = None
    page: int | None = None
    qs: tuple[str, ...] = ()
    done: bool = False  # worked out once by the pipeline and the services


@dataclass(frozen=True, slots=True)
class Problem:
    """A stored consistency finding and its document; ``other`` is the
    document of the finding's second location, where that is another one."""

    document: SourceInfo
    finding: Finding
    other: SourceInfo | None = None


@dataclass(frozen=True)
class EvidenceBase:
    """Everything the analysis reads, for one council (or all)."""

    documents: tuple[SourceInfo, ...] = ()
    passages: tuple[Evidence, ...] = ()
    figures: tuple[Figure, ...] = ()
    actions: tuple[TrackedAction, ...] = ()
    findings: tuple[Problem, ...] = ()
    _by_document: dict[int, tuple[list[int], list[Evidence]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _by_statement: dict[str, list[Evidence]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        grouped: dict[int, list[Evidence]] = {}
        for item in self.passages:
            grouped.setdefault(item.document.id, []).append(item)
        for document_id, items in grouped.items():
            items.sort(key=lambda e: (e.passage.start_line, e.passage.end_line))
            self._by_document[document_id] = ([e.passage.start_line for e in items], items)
        for item in self.passages:
            for statement in item.statements():
                self._by_statement.setdefault(statement, []).append(item)

    def passage_at(self, document_id: int, line: int) -> Evidence | None:
        """The stored passage of ``document_id`` whose lines include ``line``."""
        starts, items = self._by_document.get(document_id, ([], []))
        index = bisect.bisect_right(starts, line)
        for item in reversed(items[max(0, index - 3) : index]):
            if item.passage.start_line <= line <= item.passage.end_line:
                return item
        return None

    def statements_at(self, document_id: int, line: int) -> tuple[str, ...]:
        found = self.passage_at(document_id, line)
        return found.statements() if found else ()

    def evidence_for(self, statement: str) -> list[Evidence]:
        """Passages that count as evidence for ``statement``, surest first."""
        found = self._by_statement.get(statement, [])
        return sorted(
            found, key=lambda e: (-e.confidence(statement), e.document.id, e.passage.start_line)
        )

    def figures_for(self, statement: str) -> list[tuple[Figure, Evidence]]:
        """Figures whose line sits in a passage labelled ``statement``."""
        found = []
        for figure in self.figures:
            holder = self.passage_at(figure.document.id, figure.metric.start_line)
            if holder is not None and statement in holder.statements():
                found.append((figure, holder))
        return found

    def actions_for(self, statement: str) -> list[TrackedAction]:
        """Actions linked to ``statement`` explicitly or through the passage at their line."""
        return [
            action
            for action in self.actions
            if statement in action.qs
            or statement in self.statements_at(action.document.id, action.start_line)
        ]

    def page_of(self, document_id: int, line: int) -> int | None:
        holder = self.passage_at(document_id, line)
        return holder.passage.page if holder else None


def only_documents(base: EvidenceBase, keep: Iterable[int]) -> EvidenceBase:
    """The part of ``base`` that comes from the documents ``keep``."""
    wanted = set(keep)
    return EvidenceBase(
        documents=tuple(d for d in base.documents if d.id in wanted),
        passages=tuple(p for p in base.passages if p.document.id in wanted),
        figures=tuple(f for f in base.figures if f.document.id in wanted),
        actions=tuple(a for a in base.actions if a.document.id in wanted),
        findings=tuple(f for f in base.findings if f.document.id in wanted),
    )
