"""Storage: the SQL evidence base, its migrations and full-text search.

``Library`` is the interface the rest of assure uses; ORM models stay here.
"""

from __future__ import annotations

from assure.storing.library import UNASSIGNED, Library, UnknownDocument
from assure.storing.records import (
    ActionRecord,
    CorrectionRecord,
    DocumentDetail,
    FindingRecord,
    IngestOutcome,
    IngestReport,
    Location,
    MeetingRecord,
    MetricRecord,
    SearchHit,
    SectionRecord,
    SelfScoreRecord,
    StoredDocument,
    StoredPassage,
)

__all__ = [
    "UNASSIGNED",
    "ActionRecord",
    "CorrectionRecord",
    "DocumentDetail",
    "FindingRecord",
    "IngestOutcome",
    "IngestReport",
    "Library",
    "Location",
    "MeetingRecord",
    "MetricRecord",
    "SearchHit",
    "SectionRecord",
    "SelfScoreRecord",
    "StoredDocument",
    "StoredPassage",
    "UnknownDocument",
]
