"""Figures that disagree between documents: the same measure, period and
unit with different values. Uses ``assure.extracting.consistency.compare_metrics``
when that module provides it; otherwise compares normalised keys here."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from importlib import import_module

from assure.storing.records import FindingRecord, Location, MetricRecord

STOP = {"the", "of", "a", "an", "in", "for", "to", "and", "who", "were", "was", "are", "is"}


def normalised(text: str | None) -> str:
    words = re.findall(r"[a-z0-9]+", (text or "").lower())
    return " ".join(w for w in words if w not in STOP)


def conflicting_figures(records: Sequence[MetricRecord]) -> list[FindingRecord]:
    """One finding per pair of documents that state different values for one
    measure (same normalised measure, period and unit), with both locations."""
    delegated = from_consistency_module(records)
    if delegated is not None:
        return delegated
    groups: dict[tuple[str, str, str], list[MetricRecord]] = defaultdict(list)
    for r in records:
        x = r.metric
        if x.value is None or x.malformed or not normalised(x.measure):
            continue
        groups[(normalised(x.measure), normalised(x.period), x.unit or "")].append(r)
    found: list[FindingRecord] = []
    for (measure, period, _unit), members in groups.items():
        seen: set[tuple[int, int]] = set()
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                pair = (a.document_id, b.document_id)
                if a.document_id == b.document_id or pair in seen:
                    continue
                if math.isclose(a.metric.value or 0.0, b.metric.value or 0.0, rel_tol=1e-9):
                    continue
                seen.add(pair)
                found.append(conflict(a, b, measure, period))
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
