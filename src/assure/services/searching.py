"""Search with the filters the search page offers beyond ``search.search``:
the kind of document and its date."""

from __future__ import annotations

from assure.services.application import Application
from assure.services.listing import window
from assure.services.paging import Page
from assure.services.scope import Scope
from assure.services.search import SearchHit, search

MAX_HITS = 500  # hits looked at when filtering by kind or date


def filtered_search(
    app: Application,
    scope: Scope,
    query: str,
    council: str | None = None,
    statement: str | None = None,
    kind: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> Page[SearchHit]:
    """Passages matching ``query`` in documents of ``kind`` dated from
    ``since`` to ``until`` (ISO dates; an undated document is left out when
    either is given), best first. ``total`` counts up to 500 hits."""
    if not query.strip():
        return window([], limit, offset)
    hits = search(app, scope, query, council, statement, limit=MAX_HITS)
    if kind or since or until:
        councils = scope.narrowed(council).require_any()
        ids = sorted({h.document_id for h in hits})
        documents = {d.id: d for d in app.library.documents(councils, ids=ids)} if ids else {}

        def keep(document_id: int) -> bool:
            d = documents.get(document_id)
            if d is None or (kind and d.kind != kind):
                return False
            dated = d.date or ""
            if (since or until) and not dated:
                return False
            return not ((since and dated < since) or (until and dated > until))

        hits = [h for h in hits if keep(h.document_id)]
    return window(hits, limit, offset)
