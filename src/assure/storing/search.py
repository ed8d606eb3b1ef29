"""Full-text search over passages, one interface over two engines.

SQLite uses the FTS5 table ``passages_fts`` (``search_sqlite.py``);
PostgreSQL the generated ``passages.search`` tsvector and its GIN index
(``search_postgresql.py``). A query is plain words and "quoted phrases", all
of which must match. User input is never passed to either engine's query
syntax: it is cut into words here and rebuilt, so no input can cause a
syntax error.

Filters (council, kind, statement, date) are scope words in the same index
(see ``scope.py``), so the engine finds only passages the caller may see and
asked for. Ranking then looks at the newest ``CANDIDATES`` of those matches
(every match, where fewer match): a word found in half of a million passages
is ranked among its most recent thousand, and the engine never reads or
scores more than that before the best page is taken.
"""

from __future__ import annotations

from sqlalchemy import and_, false, func, or_, select
from sqlalchemy.orm import Session

from assure.storing import models as m
from assure.storing import search_postgresql, search_sqlite
from assure.storing.query import Filters, Found, RawHit, Scope, Term, parse_query
from assure.storing.scope import (
    council_word,
    date_words,
    kind_word,
    statement_word,
    whole_months,
)

__all__ = ["CANDIDATES", "Filters", "Found", "RawHit", "Term", "parse_query", "search_passages"]

# The newest matches ranked, at most (more when a page reaches further down).
CANDIDATES = 1_000


def search_passages(session: Session, query: str, f: Filters, limit: int, offset: int = 0) -> Found:
    """A page of passage ids, snippets and ranks, best first, within the
    filters, and how many match (see ``Found``)."""
    terms = parse_query(query)
    if not terms or limit <= 0 or not f.councils:
        return Found([], 0)
    scope = scope_of(session, f)
    if scope.nothing:
        return Found([], 0)
    candidates = max(CANDIDATES, offset + limit)
    engine = search_postgresql if session.get_bind().dialect.name == "postgresql" else search_sqlite
    return engine.search(session, terms, scope, limit, offset, candidates)


def scope_of(session: Session, f: Filters) -> Scope:
    """The filters as scope words, and what the words cannot say."""
    groups: list[tuple[str, ...]] = []
    excluded: list[tuple[str, ...]] = []
    if f.other_councils:
        # Name whichever side is shorter: the councils searched, or the rest.
        if len(f.councils) <= len(f.other_councils):
            groups.append(tuple(council_word(c) for c in f.councils))
        else:
            excluded.append(tuple(council_word(c) for c in f.other_councils))
    if f.kind:
        groups.append((kind_word(f.kind),))
    if f.statement:
        groups.append((statement_word(f.statement),))
    outside: tuple[int, ...] = ()
    if f.since or f.until:
        first, last = session.execute(
            select(func.min(m.Document.date), func.max(m.Document.date)).where(
                m.Document.date.is_not(None)
            )
        ).one()
        words = date_words(f.since, f.until, first or "", last or "") if first else []
        if not words or (f.since and f.until and f.since > f.until):
            return Scope((), (), None, (), nothing=True)
        groups.append(tuple(words))
        if not whole_months(f.since, f.until):
            outside = days_outside(session, f.since, f.until)
    return Scope(tuple(groups), tuple(excluded), f.document, outside)


def days_outside(session: Session, since: str | None, until: str | None) -> tuple[int, ...]:
    """Documents dated in the month of ``since`` before it, or in the month of
    ``until`` after it: the month words let them through, the days do not."""
    date = m.Document.date
    before = and_(date >= since[:7], date < since) if since else false()
    after = and_(date > until, date <= until[:7] + "-99") if until else false()
    return tuple(
        session.scalars(select(m.Document.id).where(or_(before, after)).order_by(m.Document.id))
    )
