"""Full-text search over passages, one interface over two engines.

SQLite uses the FTS5 table ``passages_fts`` (bm25 ranking, ``snippet()``);
PostgreSQL the generated ``passages.search`` tsvector and its GIN index
(``ts_rank_cd``, ``ts_headline``). A query is plain words and "quoted
phrases", all of which must match. User input is never passed to either
engine's query syntax: it is cut into words here and rebuilt, so no input can
cause a syntax error.

Filters (council, kind, statement, date) are scope words in the same index
(see ``scope.py``), so the engine finds only passages the caller may see and
asked for. Ranking then looks at the newest ``CANDIDATES`` of those matches
(every match, where fewer match): a word found in half of a million passages
is ranked among its most recent ten thousand, and the engine never scores
more than that before the best page is taken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, bindparam, false, func, or_, select, text
from sqlalchemy.orm import Session

from assure.storing import models as m
from assure.storing.scope import (
    council_word,
    date_words,
    kind_word,
    statement_word,
    whole_months,
)

QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"'})
CHUNK = re.compile(r'"([^"]*)"?|([^"\s]+)')
WORD = re.compile(r"\w+")
MARK = "**"  # around matched words in snippets
SNIPPET_WORDS = 24
SCOPE_VECTOR = "to_tsvector('simple'::regconfig, p.search_scope)"  # as ix_passages_search has it
SEARCH_WORK_MEM = "64MB"  # PostgreSQL: room to sort the candidates with their tsvectors
CANDIDATES = 10_000  # the newest matches ranked, at most (unless a page needs more)


@dataclass(frozen=True, slots=True)
class Term:
    """One word, or a phrase whose words must appear together in order."""

    words: tuple[str, ...]

    @property
    def phrase(self) -> bool:
        return len(self.words) > 1


def parse_query(query: str) -> list[Term]:
    """Words and quoted phrases of ``query``; punctuation splits words as the
    index does (``"home-care"`` is the phrase ``home care``).

    >>> [t.words for t in parse_query('carers "direct payments" £21,000')]
    [('carers',), ('direct', 'payments'), ('21', '000')]
    """
    terms: list[Term] = []
    for match in CHUNK.finditer(query.translate(QUOTES)):
        words = tuple(
            WORD.findall(match.group(1) if match.group(1) is not None else match.group(2))
        )
        if words and Term(words) not in terms:
            terms.append(Term(words))
    return terms


def fts5_expression(terms: list[Term]) -> str:
    """An FTS5 MATCH expression: every term as a quoted string (words only, so
    nothing inside needs escaping), implicitly ANDed."""
    return " ".join('"' + " ".join(t.words) + '"' for t in terms)


@dataclass(frozen=True, slots=True)
class Filters:
    """Where to look: the councils (ids; the library's other councils beside
    them, so that whichever list is shorter is named, and none when the
    caller sees them all), and optionally one document, statement, kind of
    document, and dates (ISO days, either bound open)."""

    councils: tuple[int, ...]
    other_councils: tuple[int, ...] = ()
    document: int | None = None
    statement: str | None = None
    kind: str | None = None
    since: str | None = None
    until: str | None = None


@dataclass(frozen=True, slots=True)
class RawHit:
    passage_id: int
    snippet: str
    rank: float


@dataclass(frozen=True, slots=True)
class Scope:
    """A search's filters as each engine takes them: scope-word groups (each
    a list of alternatives; a passage needs one of every group), groups it
    must have none of, and SQL conditions on the passage id."""

    groups: tuple[tuple[str, ...], ...]
    excluded: tuple[tuple[str, ...], ...]
    document: int | None
    outside_days: tuple[int, ...]  # documents of the bounding months, dated outside
    nothing: bool = False  # the filters rule out every passage


def scope_of(session: Session, f: Filters) -> Scope:
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


def search_passages(
    session: Session, query: str, f: Filters, limit: int, offset: int = 0
) -> list[RawHit]:
    """Passage ids, snippets and ranks, best first, within the filters."""
    terms = parse_query(query)
    if not terms or limit <= 0 or not f.councils:
        return []
    scope = scope_of(session, f)
    if scope.nothing:
        return []
    candidates = max(CANDIDATES, offset + limit)
    if session.get_bind().dialect.name == "postgresql":
        postgresql_settings(session)
        sql, params = postgresql_sql(terms, scope)
    else:
        sql, params = sqlite_sql(session, terms, scope)
    params |= {"limit": limit, "offset": offset, "candidates": candidates}
    rows = session.execute(bind_lists(sql), params).all()
    return [RawHit(int(r[0]), r[1] or "", float(r[2])) for r in rows]


def count_passages(session: Session, query: str, f: Filters, at_most: int) -> int:
    """How many passages match within the filters, counting up to ``at_most``."""
    terms = parse_query(query)
    if not terms or at_most <= 0 or not f.councils:
        return 0
    scope = scope_of(session, f)
    if scope.nothing:
        return 0
    if session.get_bind().dialect.name == "postgresql":
        postgresql_settings(session)
        where, params = postgresql_where(terms, scope)
        sql = f"SELECT count(*) FROM (SELECT 1 FROM passages p WHERE {where} LIMIT :at_most) AS c"
    else:
        where, params = sqlite_where(session, terms, scope)
        sql = f"SELECT count(*) FROM (SELECT 1 FROM passages_fts f WHERE {where} LIMIT :at_most)"
    return int(session.execute(bind_lists(sql), params | {"at_most": at_most}).scalar_one())


def bind_lists(sql: str) -> Any:
    statement = text(sql)
    if ":outside" in sql:
        statement = statement.bindparams(bindparam("outside", expanding=True))
    return statement


# -- SQLite: FTS5 -----------------------------------------------------------


def sqlite_match(terms: list[Term], scope: Scope) -> str:
    """The MATCH expression: the query's words in the text and section
    columns, and the scope words in theirs (never the other way about)."""
    parts = ["{text section}: (" + fts5_expression(terms) + ")"]
    parts += ["search_scope: (" + " OR ".join(g) + ")" for g in scope.groups]
    expression = " AND ".join(parts)
    for group in scope.excluded:
        expression = f"({expression}) NOT search_scope: ({' OR '.join(group)})"
    return expression


def sqlite_where(session: Session, terms: list[Term], scope: Scope) -> tuple[str, dict[str, Any]]:
    where = "passages_fts MATCH :match"
    params: dict[str, Any] = {"match": sqlite_match(terms, scope)}
    if scope.document is not None:
        # A document's passages are stored together: seek to their ids, then
        # keep only its own.
        low, high = session.execute(
            select(func.min(m.PassageRow.id), func.max(m.PassageRow.id)).where(
                m.PassageRow.document_id == scope.document
            )
        ).one()
        where += (
            " AND f.rowid BETWEEN :low AND :high"
            " AND f.rowid IN (SELECT id FROM passages WHERE document_id = :document)"
        )
        params |= {"low": low or 0, "high": high or -1, "document": scope.document}
    if scope.outside_days:
        where += " AND f.rowid NOT IN (SELECT id FROM passages WHERE document_id IN :outside)"
        params["outside"] = list(scope.outside_days)
    return where, params


def sqlite_sql(session: Session, terms: list[Term], scope: Scope) -> tuple[str, dict[str, Any]]:
    # bm25 is lower for better matches; the text column counts twice the
    # section title, the scope words not at all. The floor is the id of the
    # newest-but-CANDIDATES match: found by walking the index backwards,
    # without scoring, so only the matches above it are scored.
    where, params = sqlite_where(session, terms, scope)
    bm25 = "bm25(passages_fts, 1.0, 0.5, 0.0)"
    sql = f"""
        SELECT f.rowid,
               snippet(passages_fts, 0, '{MARK}', '{MARK}', '…', {SNIPPET_WORDS}),
               -{bm25}
        FROM passages_fts f
        WHERE {where}
          AND f.rowid >= coalesce((
              SELECT f.rowid FROM passages_fts f WHERE {where}
              ORDER BY f.rowid DESC LIMIT 1 OFFSET :candidates - 1), 0)
        ORDER BY {bm25}, f.rowid
        LIMIT :limit OFFSET :offset
    """
    return sql, params


# -- PostgreSQL: tsvector and GIN --------------------------------------------


def postgresql_where(terms: list[Term], scope: Scope) -> tuple[str, dict[str, Any]]:
    """The conditions on ``passages p``: the query's words (one
    phraseto_tsquery per term, a single word being a one-word phrase, ANDed)
    and the scope words. Written out as constants, not joined from a CTE, so
    the planner can weigh how common the words are."""
    params: dict[str, Any] = {f"t{i}": " ".join(t.words) for i, t in enumerate(terms)}
    where = f"p.search @@ {postgresql_words(len(terms))}"
    parts = ["(" + " | ".join(g) + ")" for g in scope.groups]
    parts += ["!(" + " | ".join(g) + ")" for g in scope.excluded]
    if parts:
        where += (
            " AND to_tsvector('simple'::regconfig, p.search_scope) @@ to_tsquery('simple', :scope)"
        )
        params["scope"] = " & ".join(parts)
    if scope.document is not None:
        where += " AND p.document_id = :document"
        params["document"] = scope.document
    if scope.outside_days:
        where += " AND p.document_id NOT IN :outside"
        params["outside"] = list(scope.outside_days)
    return where, params


def postgresql_words(count: int) -> str:
    return "(" + " && ".join(f"phraseto_tsquery('english', :t{i})" for i in range(count)) + ")"


def postgresql_sql(terms: list[Term], scope: Scope) -> tuple[str, dict[str, Any]]:
    # The newest matches by id (the planner walks the primary key backwards
    # for a common word, or takes the GIN index's few matches for a rare
    # one), ranked, and only the page's passages get a headline.
    where, params = postgresql_where(terms, scope)
    words = postgresql_words(len(terms))
    options = (
        f"StartSel={MARK}, StopSel={MARK}, MaxWords={SNIPPET_WORDS}, MinWords=8, "
        'MaxFragments=2, FragmentDelimiter=" … "'
    )
    sql = f"""
        SELECT r.id, ts_headline('english', p.text, {words}, :headline), r.score
        FROM (
            SELECT c.id, ts_rank_cd(c.search, {words}) AS score
            FROM (
                SELECT p.id, p.search FROM passages p
                WHERE {where}
                ORDER BY p.id DESC LIMIT :candidates
            ) AS c
            ORDER BY score DESC, c.id
            LIMIT :limit OFFSET :offset
        ) AS r
        JOIN passages p ON p.id = r.id
        ORDER BY r.score DESC, r.id
    """
    return sql, params | {"headline": options}


def postgresql_settings(session: Session) -> None:
    """For this transaction: plan each search for its own words (a plan
    cached for other words may walk a million rows for a rare one), and
    sort the candidates in memory."""
    session.execute(
        text(
            "SELECT set_config('plan_cache_mode', 'force_custom_plan', true), "
            "set_config('work_mem', :work_mem, true)"
        ),
        {"work_mem": SEARCH_WORK_MEM},
    )
