"""The JSON contract of ``assure inspect --json`` (see DESIGN.md).

The nested objects are the pipeline's own dataclasses written out field by
field, so a field added to ``structure.py`` appears here without more code.
Fields may be added; the documented ones keep their meaning.
"""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any

from assure.structure import Attendance, ParsedDocument, StatementLabel


def document_json(doc: ParsedDocument) -> dict[str, Any]:
    s = doc.structure
    return {
        "kind": str(s.kind),
        "title": s.title,
        "council": s.council,
        "date": s.date,
        "lines": doc.lines,
        "pages": doc.pages,
        "format": doc.format,
        "content_hash": doc.content_hash,
        "sections": plain(s.sections),
        "meetings": plain(s.meetings),
        "plans": plain(s.plans),
        "assessment": plain(s.assessment),
        "metrics": plain(doc.metrics),
        "risks": plain(s.risks),
        "passages": plain(doc.passages),
        "findings": plain(doc.findings),
        "warnings": list(doc.warnings),
    }


def plain(value: Any) -> Any:
    """``value`` as JSON-ready data: dataclasses become objects, tuples lists."""
    if isinstance(value, StatementLabel):
        return {"id": value.id, "confidence": round(value.confidence, 4), "source": value.source}
    if isinstance(value, Attendance):
        return {
            "present": list(value.present),
            "apologies": list(value.apologies),
            "in_attendance": list(value.in_attendance),
            "roles": dict(value.roles),
        }
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, Enum):
        return value.value
    return value
