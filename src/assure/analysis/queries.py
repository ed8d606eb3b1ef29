"""Fill an ``EvidenceBase`` from the library, for one council or all.

Only the library's public methods are used (``documents``, ``passages``,
``metrics``, ``actions``, ``findings``), so the analysis never touches ORM rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from assure.analysis.evidence import (
    Evidence,
    EvidenceBase,
    Figure,
    Problem,
    SourceInfo,
    TrackedAction,
)
from assure.structure import Finding

if TYPE_CHECKING:
    from assure.storing import Library


def load_evidence(library: Library, council: str | None = None) -> EvidenceBase:
    """Everything stored for ``council`` (all councils when ``None``)."""
    documents = {
        d.id: SourceInfo(d.id, d.title, d.date, d.kind, d.source_path)
        for d in library.documents(council)
    }

    by_title = {d.title: d for d in documents.values() if d.title}

    def info(document_id: int | None, title: str | None = None) -> SourceInfo:
        """The stored document by id, else by title (a finding may name the
        other document only by its title)."""
        if document_id is not None and document_id in documents:
            return documents[document_id]
        if title and title in by_title:
            return by_title[title]
        return SourceInfo(document_id or 0, title, None, "other")

    passages = tuple(
        Evidence(stored.id, info(stored.document_id, stored.document_title), stored.passage)
        for stored in library.passages(council)
    )
    figures = tuple(
        Figure(info(r.document_id, r.document_title), r.metric, r.page)
        for r in library.metrics(council)
    )
    actions = tuple(
        TrackedAction(
            document=info(r.document_id, r.document_title),
            text=r.text,
            start_line=r.start_line,
            source=r.source,
            owner=r.owner,
            due=r.due,
            status=r.status,
            page=r.page,
        )
        for r in library.actions(council)
    )
    findings = []
    for r in library.findings(council):
        if r.at.document_id is None or r.at.line is None:
            continue
        other = r.other
        finding = Finding(
            kind=r.kind,
            message=r.message,
            start_line=r.at.line,
            other_line=other.line if other else None,
            other_document=other.document_title if other else None,
        )
        other_info = info(other.document_id, other.document_title) if other else None
        findings.append(Problem(info(r.at.document_id, r.at.document_title), finding, other_info))
    return EvidenceBase(
        documents=tuple(documents.values()),
        passages=passages,
        figures=figures,
        actions=actions,
        findings=tuple(findings),
    )


def unknown_passages(library: Library, ids: Iterable[int], council: str | None = None) -> list[int]:
    """Those of ``ids`` that are not stored passages (of ``council``'s documents)."""
    from sqlalchemy import select

    from assure.storing import models as m

    wanted = sorted(set(ids))
    if not wanted:
        return []
    with library.reading() as session:
        stmt = (
            select(m.PassageRow.id)
            .join(m.Document, m.Document.id == m.PassageRow.document_id)
            .join(m.Council, m.Council.id == m.Document.council_id)
            .where(m.PassageRow.id.in_(wanted))
        )
        if council:
            stmt = stmt.where(m.Council.name == council)
        found = set(session.scalars(stmt))
    return [i for i in wanted if i not in found]
