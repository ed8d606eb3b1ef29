"""The gap matrix as CSV: one row per statement and category with stance counts."""

from __future__ import annotations

import csv
import io

from assure.analysis.gaps import GapMatrix
from assure.exporting.tables import safe_cell

COLUMNS = ("statement", "category", "strengths", "improvements", "neutral", "total", "flags")


def render_csv(matrix: GapMatrix) -> str:
    """CSV text with a header row: ``statement, category, strengths, improvements,
    neutral, total, flags`` (flags of the statement, ``;``-separated)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for statement in matrix.framework.statements:
        flags = ";".join(f.kind for f in matrix.flags_for(statement.id))
        for category in matrix.categories:
            cell = matrix.cell(statement.id, category)
            row = (statement.id, category, cell.strengths, cell.improvements, cell.neutral)
            writer.writerow([safe_cell(value) for value in (*row, cell.total, flags)])
    return out.getvalue()
