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
    """Findings of ``assure.extracting.consistency.compare_metrics`` (which
    knows rounding and generic measures), placed back on the stored records;
    ``None`` where that function is not available."""
    try:
        consistency = import_module("assure.extracting.consistency")
    except ImportError:
        return None
    compare = getattr(consistency, "compare_metrics", None)
    if compare is None:
        return None
    ordered = sorted(records, key=lambda r: (r.document_id, r.metric.start_line, r.id))
    names = document_names(ordered)
    ids = {name: document_id for document_id, name in names.items()}
    at: dict[tuple[int, int], list[MetricRecord]] = defaultdict(list)
    for r in ordered:
        at[(r.document_id, r.metric.start_line)].append(r)
    found = []
    for f in compare([(names[r.document_id], r.metric) for r in ordered]):
        if f.document not in ids or f.other_document not in ids or f.other_line is None:
            continue
        here = pick(at.get((ids[f.document], f.start_line), []), f.message)
        there = pick(at.get((ids[f.other_document], f.other_line), []), f.message)
        if here is None or there is None:
            continue
        found.append(
            FindingRecord(
                f.kind,
                f.message,
                Location(here.document_id, here.document_title, here.metric.start_line, here.page),
                Location(
                    there.document_id, there.document_title, there.metric.start_line, there.page
                ),
            )
        )
    return found


def document_names(records: Sequence[MetricRecord]) -> dict[int, str]:
    """A name per document for messages: its title, made unique where two share one."""
    titles: dict[int, str] = {}
    for r in records:
        titles.setdefault(r.document_id, r.document_title or f"document {r.document_id}")
    repeated = {t for t in titles.values() if list(titles.values()).count(t) > 1}
    return {i: f"{t} (document {i})" if t in repeated else t for i, t in titles.items()}


def pick(candidates: list[MetricRecord], message: str) -> MetricRecord | None:
    """The figure a message speaks of, among those on one line."""
    return next((r for r in candidates if r.metric.text in message), None) or (
        candidates[0] if candidates else None
    )
