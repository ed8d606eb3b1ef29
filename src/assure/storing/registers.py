"""Risks of stored risk registers, read back as the pipeline's ``Risk``."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from assure.storing import models as m
from assure.structure import Risk, RiskScore, StatementLabel


def score(impact: float | None, likelihood: float | None, total: float | None) -> RiskScore | None:
    if impact is None and likelihood is None and total is None:
        return None
    return RiskScore(impact, likelihood, total)


def risk_of(r: m.RiskRow) -> Risk:
    return Risk(
        title=r.title,
        start_line=r.start_line,
        end_line=r.end_line,
        ref=r.ref,
        effects=r.effects,
        causes=r.causes,
        owners=tuple(r.owners or ()),
        mitigations=tuple(r.mitigations or ()),
        actions=tuple(r.actions or ()),
        inherent=score(r.inherent_impact, r.inherent_likelihood, r.inherent_score),
        residual=score(r.residual_impact, r.residual_likelihood, r.residual_score),
        target=score(r.target_impact, r.target_likelihood, r.target_score),
        group=r.risk_group,
        trend=r.trend,
        qs=tuple(r.qs or ()),
        qs_labels=tuple(StatementLabel(**x) for x in r.qs_labels or () if isinstance(x, dict)),
    )


def risks_of(session: Session, document_ids: Sequence[int]) -> list[tuple[int, Risk]]:
    """(document id, risk) for the documents' risks, in document and line order."""
    if not document_ids:
        return []
    rows = session.scalars(
        select(m.RiskRow)
        .where(m.RiskRow.document_id.in_(list(document_ids)))
        .order_by(m.RiskRow.document_id, m.RiskRow.start_line, m.RiskRow.id)
    )
    return [(r.document_id, risk_of(r)) for r in rows]
