"""A risk register's risks and a scorecard's targets, ratings and directions of
travel are stored with the document, on SQLite and PostgreSQL alike, and go
with it when it is deleted."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "parsing" / "risk"))
sys.path.insert(0, str(HERE.parent / "parsing" / "performance"))

import kpi_layouts  # noqa: E402
import risk_layouts  # noqa: E402

from assure.ingest.job import IngestJob  # noqa: E402
from assure.storing import models as m  # noqa: E402


def test_a_registers_risks_are_stored_with_both_ratings(library, tmp_path: Path) -> None:
    path = tmp_path / "corporate-risks.xlsx"
    risk_layouts.spreadsheet(risk_layouts.register(), path)
    (outcome,) = (
        IngestJob(library, library.settings)
        .run([path], council="Calderwick Borough Council")
        .outcomes
    )
    assert outcome.status == "stored", outcome
    with library.reading() as session:
        rows = {row.ref: row for row in session.query(m.RiskRow).all()}
        assert len(rows) == 12
        cyber = rows["CRR02"]
        assert (cyber.inherent_impact, cyber.inherent_likelihood, cyber.inherent_score) == (
            5,
            4,
            20,
        )
        assert (cyber.residual_impact, cyber.residual_likelihood, cyber.residual_score) == (
            5,
            2,
            10,
        )
        assert cyber.owners == ["Head of Digital Services", "Senior Information Risk Owner"]
        assert len(cyber.mitigations) == 2
        assert all(label["source"] == "keywords" for label in rows["CRR05"].qs_labels)


def test_a_scorecards_targets_ratings_and_trends_are_stored(library, tmp_path: Path) -> None:
    path = tmp_path / "scorecard.xlsx"
    kpi_layouts.spreadsheet(path)
    (outcome,) = (
        IngestJob(library, library.settings).run([path], council="Ashby Vale Council").outcomes
    )
    assert outcome.status == "stored", outcome
    with library.reading() as session:
        rows = [r for r in session.query(m.MetricRow).all() if r.rag]
        assert len(rows) == 8
        first = min(rows, key=lambda r: r.start_line)
        assert (first.value, first.target, first.rag, first.trend) == (81, 85, "amber", "up")
        assert {c.kind for c in first.comparators} == {"previous", "england"}
