"""Full-text search over the caller's councils' passages, with snippets and
filters by council, kind of document, quality statement and date."""

from __future__ import annotations

from pydantic import BaseModel

from assure.services.errors import InvalidRequest
from assure.services.paging import Paged, check_window, window
from assure.services.reviewing import LabelView, statements
from assure.services.scope import Scope
from assure.storing import Library

MAX_HITS = 500  # per council: enough to filter and page through
MAX_QUERY = 500


class SearchHitView(BaseModel):
    passage_id: int
    document_id: int
    document_title: str | None
    document_kind: str
    document_date: str | None
    council: str
    page: int | None
    start_line: int
    end_line: int
    section: str | None
    snippet: str  # matched words marked **word**
    rank: float
    labels: list[LabelView]


def search(
    scope: Scope,
    library: Library,
    query: str,
    council: str | None = None,
    kind: str | None = None,
    statement: str | None = None,
    since: str | None = None,
    until: str | None = None,
    offset: int = 0,
    limit: int = 20,
) -> Paged[SearchHitView]:
    """Passages matching every word and "quoted phrase", best first. ``since``
    and ``until`` (ISO dates) bound the document's own date."""
    check_window(offset, limit)
    query = query.strip()
    if len(query) > MAX_QUERY:
        raise InvalidRequest(f"a search is at most {MAX_QUERY} characters")
    if statement and statement not in {s.id for s in statements()}:
        raise InvalidRequest(f"no quality statement {statement!r}")
    if not query:
        return window([], offset, limit)
    found: list[SearchHitView] = []
    for name in scope.narrowed(council).require_any():
        documents = {d.id: d for d in library.documents(name)}
        for h in library.search(query, name, limit=MAX_HITS, statement=statement or None):
            d = documents.get(h.document_id)
            if d is None or (kind and d.kind != kind):
                continue
            if (since and (d.date or "") < since) or (until and (d.date or "9999") > until):
                continue
            found.append(
                SearchHitView(
                    passage_id=h.passage_id,
                    document_id=h.document_id,
                    document_title=h.document_title,
                    document_kind=d.kind,
                    document_date=d.date,
                    council=name,
                    page=h.page,
                    start_line=h.start_line,
                    end_line=h.end_line,
                    section=h.section,
                    snippet=h.snippet,
                    rank=h.rank,
                    labels=[
                        LabelView(
                            statement=q.id,
                            confidence=q.confidence,
                            source=q.source,
                            counts=q.counts,
                        )
                        for q in h.labels
                    ],
                )
            )
    found.sort(key=lambda h: -h.rank)
    return window(found, offset, limit)
