"""Storage: the SQL evidence base, its migrations and full-text search.

``Library`` is the interface the rest of assure uses; ORM models stay here.
"""

from __future__ import annotations

from assure.storing.library import Library, UnknownDocument
from assure.storing.records import (
    ActionFilter,
    ActionRecord,
    ActionUpdate,
    CorrectionRecord,
    FindingRecord,
    Location,
    MeetingFilter,
    MeetingRecord,
    MetricRecord,
    PlanRecord,
    RiskRecord,
    SearchHit,
    SearchResults,
    SectionRecord,
    SelfScoreRecord,
    StoredDocument,
    StoredPassage,
)

__all__ = [
    "ActionFilter",
    "ActionRecord",
    "ActionUpdate",
    "CorrectionRecord",
    "FindingRecord",
    "Library",
    "Location",
    "MeetingFilter",
    "MeetingRecord",
    "MetricRecord",
    "PlanRecord",
    "RiskRecord",
    "SearchHit",
    "SearchResults",
    "SectionRecord",
    "SelfScoreRecord",
    "StoredDocument",
    "StoredPassage",
    "UnknownDocument",
]
