"""Figures that disagree between documents: the same measure, period and
unit with different values. Uses ``assure.extracting.consistency.compare_metrics``
when that module provides it; otherwise compares normalised keys here."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from importlib import import_module

from assure.storing.records import FindingRecord, Location, MetricRecord

MIN_MEASURE_WORDS = 2  # "score" or "flats" alone is too vague to compare across documents
STOP = {"the", "of", "a", "an", "in", "for", "to", "and", "who", "were", "was", "are", "is"}


def normalised(text: str | None) -> str:
    words = re.findall(r"[a-z0-9]+", (text or "").lower())
    return " ".join(w for w in words if w not in STOP)


def conflicting_figures(records: Sequence[MetricRecord]) -> list[FindingRecord]:
    """Figures for one measure (same normalised measure, period and unit, the
    measure named in at least two words) that differ between documents: one
    finding per pair of differing values, at the first place each is given."""
    delegated = from_consistency_module(records)
    if delegated is not None:
        return delegated
    groups: dict[tuple[str, str, str], list[MetricRecord]] = defaultdict(list)
    for r in records:
        x = r.metric
        measure = normalised(x.measure)
        if x.value is None or x.malformed or len(measure.split()) < MIN_MEASURE_WORDS:
            continue
        groups[(measure, normalised(x.period), x.unit or "")].append(r)
    found: list[FindingRecord] = []
    for (measure, period, _unit), members in groups.items():
        by_value: dict[float, list[MetricRecord]] = defaultdict(list)
        for r in members:
            by_value[round(r.metric.value or 0.0, 6)].append(r)
        values = sorted(by_value, key=lambda v: min(r.document_id for r in by_value[v]))
        for i, a in enumerate(values):
            for b in values[i + 1 :]:
                # A document giving both values is left to its own check.
                both = {r.document_id for r in by_value[a]} & {r.document_id for r in by_value[b]}
                first = [r for r in by_value[a] if r.document_id not in both]
                second = [r for r in by_value[b] if r.document_id not in both]
                pair = next(
                    ((x, y) for x in first for y in second if x.document_id != y.document_id), None
                )
                if pair is not None:
                    found.append(conflict(*pair, measure, period))
    return found


def conflict(a: MetricRecord, b: MetricRecord, measure: str, period: str) -> FindingRecord:
    when = f" ({a.metric.period})" if period else ""
    message = (
        f"{a.metric.measure}{when}: {a.metric.text!r} here but {b.metric.text!r} "
        f"in {b.document_title or f'document {b.document_id}'}"
    )
    return FindingRecord(
        "conflicting_figure",
        message,
        Location(a.document_id, a.document_title, a.metric.start_line, a.page),
        Location(b.document_id, b.document_title, b.metric.start_line, b.page),
    )


def from_consistency_module(records: Sequence[MetricRecord]) -> list[FindingRecord] | None:
    """Ask ``assure.extracting.consistency.compare_metrics`` if it exists.

    It is given ``(key, Metric)`` pairs, the key being the record's index, and
    is expected to yield pairs of keys whose figures conflict (optionally with
    a message as a third item). Anything else means "not available"."""
    try:
        consistency = import_module("assure.extracting.consistency")
    except ImportError:
        return None
    compare = getattr(consistency, "compare_metrics", None)
    if compare is None:
        return None
    try:
        pairs = list(compare([(i, r.metric) for i, r in enumerate(records)]))
        found = []
        for pair in pairs:
            a, b = records[pair[0]], records[pair[1]]
            if a.document_id == b.document_id:
                continue
            finding = conflict(a, b, normalised(a.metric.measure), normalised(a.metric.period))
            if len(pair) > 2 and isinstance(pair[2], str):
                finding = FindingRecord(finding.kind, pair[2], finding.at, finding.other)
            found.append(finding)
        return found
    except (TypeError, IndexError, KeyError, ValueError):
        return None
