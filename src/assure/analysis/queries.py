"""Fill an ``EvidenceBase`` from the library, for one council or all.

Only the library's public methods are used (``documents``, ``passages``,
``metrics``, ``actions``, ``findings``), so the analysis never touches ORM rows.
"""

from __future__ import annotations

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

    def info(document_id: int | None, title: str | None = None) -> SourceInfo:
        if document_id is not None and document_id in documents:
            return documents[document_id]
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
