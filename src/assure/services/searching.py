"""Search with the filters the search page offers beyond ``search.search``
(the kind of document and its date), a page at a time with a total."""

from __future__ import annotations

from assure.services.application import Application
from assure.services.paging import Page, check_window
from assure.services.scope import Scope
from assure.services.search import SearchHit, check_search, hit

MAX_HITS = 500  # hits counted for the total, and paged through


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
    either is given), best first. ``total`` counts up to 500 hits, and pages
    go no further."""
    check_window(limit, offset)
    check_search(query, statement, since, until)
    if not query.strip():
        return Page[SearchHit](items=[], total=0, limit=limit, offset=offset)
    councils = scope.narrowed(council).require_any()
    window = min(limit, MAX_HITS - offset)
    found = app.library.search(
        query, councils, max(window, 1), offset, None, statement, kind, since, until
    )
    hits = [hit(h) for h in found] if window > 0 else []
    total = min(found.total, MAX_HITS)
    return Page[SearchHit](items=hits, total=total, limit=limit, offset=offset)
