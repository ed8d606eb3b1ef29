"""A scorecard's rows beside the figures the extractor finds in the same text."""

from __future__ import annotations

from collections.abc import Sequence

from assure.structure import Metric

# A figure within this many lines of a row, with one of the row's numbers, is the row's.
NEAR = 3


def with_rows(rows: Sequence[Metric], figures: Sequence[Metric]) -> tuple[Metric, ...]:
    """The rows a parser read, then every extracted figure that is not one of
    them again (the same number on or near a row's line), in line order."""
    if not rows:
        return tuple(figures)
    claimed: dict[int, set[float]] = {}
    for row in rows:
        numbers = {row.value, row.target, *(c.value for c in row.comparators)}
        for line in range(row.start_line - NEAR, row.start_line + NEAR + 1):
            claimed.setdefault(line, set()).update(n for n in numbers if n is not None)
    kept = [f for f in figures if f.value is None or f.value not in claimed.get(f.start_line, ())]
    return tuple(sorted((*rows, *kept), key=lambda m: m.start_line))
