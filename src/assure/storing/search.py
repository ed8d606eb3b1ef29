"""Full-text search over passages, one interface over two engines.

SQLite uses the FTS5 table ``passages_fts`` (bm25 ranking, ``snippet()``);
PostgreSQL the generated ``passages.search`` tsvector (``ts_rank_cd``,
``ts_headline``). A query is plain words and "quoted phrases", all of which
must match. User input is never passed to either engine's query syntax:
it is cut into words here and rebuilt, so no input can cause a syntax error.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"'})
CHUNK = re.compile(r'"([^"]*)"?|([^"\s]+)')
WORD = re.compile(r"\w+")
MARK = "**"  # around matched words in snippets
SNIPPET_WORDS = 24


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
class RawHit:
    passage_id: int
    snippet: str
    rank: float


# A passage is about a statement when a person labelled it so, or, where no
# person has corrected it, when the machine or the document's structure did.
ABOUT_STATEMENT = """
    AND (EXISTS (SELECT 1 FROM passage_labels l WHERE l.passage_id = p.id
                 AND l.qs = :qs AND l.source = 'user')
         OR (NOT EXISTS (SELECT 1 FROM corrections c WHERE c.passage_id = p.id)
             AND EXISTS (SELECT 1 FROM passage_labels l WHERE l.passage_id = p.id
                         AND l.qs = :qs)))
"""


def search_passages(
    session: Session,
    query: str,
    council_ids: Sequence[int],
    limit: int,
    offset: int = 0,
    document: int | None = None,
    statement: str | None = None,
) -> list[RawHit]:
    """Passage ids, snippets and ranks, best first, in the councils given;
    optionally only in one document, or about one quality statement."""
    terms = parse_query(query)
    if not terms or limit <= 0 or not council_ids:
        return []
    params: dict[str, Any] = {
        "limit": limit,
        "offset": offset,
        "councils": list(council_ids),
        "document": document,
        "qs": statement,
    }
    where_council = "AND d.council_id IN :councils"
    if document is not None:
        where_council += " AND p.document_id = :document"
    if statement:
        where_council += ABOUT_STATEMENT
    if session.get_bind().dialect.name == "postgresql":
        sql, extra = postgresql_sql(terms, where_council)
    else:
        sql, extra = sqlite_sql(terms, where_council)
    params.update(extra)
    statement_sql = text(sql).bindparams(bindparam("councils", expanding=True))
    rows = session.execute(statement_sql, params).all()
    return [RawHit(int(r[0]), r[1] or "", float(r[2])) for r in rows]


def sqlite_sql(terms: list[Term], where_council: str) -> tuple[str, dict[str, Any]]:
    # bm25 is lower for better matches; the text column counts twice the section title.
    sql = f"""
        SELECT p.id,
               snippet(passages_fts, 0, '{MARK}', '{MARK}', '…', {SNIPPET_WORDS}),
               -bm25(passages_fts, 1.0, 0.5) AS score
        FROM passages_fts
        JOIN passages p ON p.id = passages_fts.rowid
        JOIN documents d ON d.id = p.document_id
        WHERE passages_fts MATCH :match {where_council}
        ORDER BY score DESC, p.id
        LIMIT :limit OFFSET :offset
    """
    return sql, {"match": fts5_expression(terms)}


def postgresql_sql(terms: list[Term], where_council: str) -> tuple[str, dict[str, Any]]:
    # One phraseto_tsquery per term (a single word is a one-word phrase), ANDed.
    parts = [f"phraseto_tsquery('english', :t{i})" for i in range(len(terms))]
    tsquery = " && ".join(parts)
    options = (
        f"StartSel={MARK}, StopSel={MARK}, MaxWords={SNIPPET_WORDS}, MinWords=8, "
        'MaxFragments=2, FragmentDelimiter=" … "'
    )
    sql = f"""
        WITH q AS (SELECT {tsquery} AS query)
        SELECT p.id,
               ts_headline('english', p.text, q.query, :headline),
               ts_rank_cd(p.search, q.query) AS score
        FROM passages p
        JOIN documents d ON d.id = p.document_id
        CROSS JOIN q
        WHERE p.search @@ q.query {where_council}
        ORDER BY score DESC, p.id
        LIMIT :limit OFFSET :offset
    """
    params: dict[str, Any] = {f"t{i}": " ".join(t.words) for i, t in enumerate(terms)}
    return sql, params | {"headline": options}
