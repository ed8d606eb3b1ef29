"""Full-text search over the caller's councils' passages."""

from __future__ import annotations

import re
from datetime import date

from pydantic import BaseModel, Field

from assure.framework import load_framework
from assure.services.application import Application
from assure.services.errors import InvalidRequest
from assure.services.paging import check_window
from assure.services.scope import Scope
from assure.storing import SearchHit as StoredHit
from assure.structure import StatementLabel

MAX_QUERY = 500  # characters
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Label(BaseModel):
    """A quality statement for a passage; ``source`` says who gave it
    (``user``, ``structure``, ``model``), ``confidence`` how surely."""

    id: str
    confidence: float
    source: str
    counts: bool = Field(description="Whether the passage counts as evidence for it.")


class SearchHit(BaseModel):
    passage_id: int
    document_id: int
    document: str | None
    council: str
    page: int | None
    start_line: int
    end_line: int
    section: str | None
    snippet: str = Field(description="The passage around the matches, marked **like this**.")
    rank: float
    qs: list[Label]


def label(x: StatementLabel) -> Label:
    return Label(id=x.id, confidence=round(x.confidence, 4), source=x.source, counts=x.counts)


def hit(h: StoredHit) -> SearchHit:
    return SearchHit(
        passage_id=h.passage_id,
        document_id=h.document_id,
        document=h.document_title,
        council=h.council,
        page=h.page,
        start_line=h.start_line,
        end_line=h.end_line,
        section=h.section,
        snippet=h.snippet,
        rank=h.rank,
        qs=[label(x) for x in h.labels],
    )


def check_statement(statement: str | None) -> None:
    if statement is None:
        return
    known = [s.id for s in load_framework().statements]
    if statement not in known:
        raise InvalidRequest(
            f"unknown quality statement {statement!r} (one of: {', '.join(known)})"
        )


def check_date(value: str | None, what: str) -> None:
    if value is None:
        return
    try:
        date.fromisoformat(value)
    except ValueError:
        raise InvalidRequest(f"{what} is a date as YYYY-MM-DD, not {value!r}") from None
    if not ISO_DAY.match(value):
        raise InvalidRequest(f"{what} is a date as YYYY-MM-DD, not {value!r}")


def check_search(query: str, statement: str | None, since: str | None, until: str | None) -> None:
    check_statement(statement)
    check_date(since, "since")
    check_date(until, "until")
    if len(query) > MAX_QUERY:
        raise InvalidRequest(f"a query is at most {MAX_QUERY} characters, not {len(query)}")


def search(
    app: Application,
    scope: Scope,
    query: str,
    council: str | None = None,
    statement: str | None = None,
    document: int | None = None,
    limit: int = 20,
    offset: int = 0,
    kind: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[SearchHit]:
    """Passages matching every word and "quoted phrase" of ``query``, best
    first, in the caller's councils (or the one named); optionally only in
    one document, about one statement, in documents of one ``kind``, or
    dated from ``since`` to ``until`` (ISO days; an undated document is left
    out when either is given). The engine applies every filter itself."""
    check_window(limit, offset)
    check_search(query, statement, since, until)
    councils = scope.narrowed(council).require_any()
    found = app.library.search(
        query, councils, limit, offset, document, statement, kind, since, until
    )
    return [hit(h) for h in found]
