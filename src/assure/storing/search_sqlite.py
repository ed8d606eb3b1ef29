"""SQLite's half of search: the FTS5 table ``passages_fts(text, section,
search_scope)``.

The candidates are the newest matches: FTS5 walks the index backwards from
the newest passage, without scoring, to the ``candidates``-th newest match
(the floor), and only the matches from it up are ranked. A hundred matches
or fewer are ranked by density (below) at once. Where the words are known
beforehand to be ranked by density (bm25 would cost too much, below), the
one walk finds, marks and ranks the candidates, and the index is not
walked a second time from the floor.

Ranking is bm25, unless that would cost more than the search may: before it
scores a single passage, FTS5's bm25 counts, for every phrase of the MATCH
(the query's and the scope words), the passages that hold it in the whole
library (its idf). For a word in half of a million passages, or a phrase of
two such words, that count alone takes tens of milliseconds. So the query's
phrases and scope words are sampled first (how densely they occur among the
newest passages, a few hundred index entries each); where their counts would
add up to more than ``IDF_BUDGET``, the candidates are ranked instead by how
densely the query's words occur in them: the matches ``highlight()`` marks,
against the passage's length, saturating as bm25 does, with a match in the
section title counting half as much again. Without idf, which for such common
words is nearly nil anyway (PostgreSQL's ``ts_rank_cd`` has none either). The
budget is set where a two-word phrase of common words already costs bm25 20-40
ms at a million passages: such phrases are ranked by density.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from assure.storing.query import MARK, SNIPPET_WORDS, Found, RawHit, Scope, Term, execute

BM25 = "bm25(passages_fts, 1.0, 0.5, 0.0)"  # text, section title, scope words
IDF_BUDGET = 50_000  # index entries bm25 may count before scoring
SAMPLE = 400  # index entries read to tell how common a phrase is
MOST_PHRASES = 10  # more phrases than this to count: rank by density at once
FEW = 100  # matches ranked by density whatever the words
# bm25's own constants, for ranking by density.
K1, B = 1.2, 0.75
OPEN, CLOSE = "\x01", "\x02"  # around matches, as highlight() marks them here


def fts5_expression(terms: list[Term]) -> str:
    """An FTS5 MATCH expression: every term as a quoted string (words only, so
    nothing inside needs escaping), implicitly ANDed."""
    return " ".join('"' + " ".join(t.words) + '"' for t in terms)


def match_expression(terms: list[Term], scope: Scope) -> str:
    """The query's words in the text and section columns, and the scope words
    in theirs (never the other way about)."""
    parts = ["{text section}: (" + fts5_expression(terms) + ")"]
    parts += ["search_scope: (" + " OR ".join(g) + ")" for g in scope.groups]
    expression = " AND ".join(parts)
    for group in scope.excluded:
        expression = f"({expression}) NOT search_scope: ({' OR '.join(group)})"
    return expression


def conditions(session: Session, terms: list[Term], scope: Scope) -> tuple[str, dict[str, Any]]:
    # "+f.rowid IN": a plain "f.rowid IN" would have FTS5 run the whole
    # MATCH once for every id listed.
    where = "passages_fts MATCH :match"
    params: dict[str, Any] = {"match": match_expression(terms, scope)}
    if scope.document is not None:
        # A document's passages are stored together: seek to their ids, then
        # keep only its own.
        low, high = session.execute(
            text("SELECT min(id), max(id) FROM passages WHERE document_id = :d"),
            {"d": scope.document},
        ).one()
        where += (
            " AND f.rowid BETWEEN :low AND :high"
            " AND +f.rowid IN (SELECT id FROM passages WHERE document_id = :document)"
        )
        params |= {"low": low or 0, "high": high or -1, "document": scope.document}
    if scope.outside_days:
        where += " AND +f.rowid NOT IN (SELECT id FROM passages WHERE document_id IN :outside)"
        params["outside"] = list(scope.outside_days)
    return where, params


def search(
    session: Session, terms: list[Term], scope: Scope, limit: int, offset: int, candidates: int
) -> Found:
    where, params = conditions(session, terms, scope)
    page = {"n": candidates, "limit": limit, "offset": offset}
    if costly_to_count(session, terms, scope):
        # Ranked by density whatever the count: the newest candidates are
        # found, marked and ranked in one walk of the index.
        ranked = execute(session, NEWEST_BY_DENSITY.format(where=where), params | page).all()
        total = int(ranked[0][3]) if ranked else count_newest(session, where, params, candidates)
        hits = [RawHit(int(r[0]), snippet_of(r[2] or ""), float(r[1])) for r in ranked]
        return Found(hits, total)
    newest = [
        int(i)
        for (i,) in execute(
            session,
            f"SELECT f.rowid FROM passages_fts f WHERE {where} ORDER BY f.rowid DESC LIMIT :n",
            params | {"n": candidates},
        )
    ]
    if not newest:
        return Found([], 0)
    # A few matches are ranked by density at once: cheaper than bm25's count.
    dense = len(newest) <= FEW
    page |= {"floor": newest[-1]}
    sql = (DENSITY if dense else BY_BM25).format(where=where)
    ranked = execute(session, sql, params | page).all()
    marked = {int(r[0]): r[2] for r in ranked} if dense else highlighted(session, ranked, params)
    hits = [RawHit(int(r[0]), snippet_of(marked.get(int(r[0])) or ""), float(r[1])) for r in ranked]
    return Found(hits, len(newest))


def count_newest(session: Session, where: str, params: dict[str, Any], candidates: int) -> int:
    """How many matches there are, up to ``candidates`` (for a page past the
    last of them)."""
    sql = f"SELECT count(*) FROM (SELECT f.rowid FROM passages_fts f WHERE {where} LIMIT :n)"
    return int(execute(session, sql, params | {"n": candidates}).scalar_one())


def costly_to_count(session: Session, terms: list[Term], scope: Scope) -> bool:
    """Whether bm25's idf would count more index entries than it may."""
    phrases = [(f'"{" ".join(t.words)}"', 2 if t.phrase else 1) for t in terms]
    phrases += [(f"search_scope: {w}", 1) for g in scope.groups + scope.excluded for w in g]
    if len(phrases) > MOST_PHRASES:
        return True
    top = session.execute(text("SELECT max(id) FROM passages")).scalar_one() or 0
    entries = 0
    for phrase, weight in phrases:
        found = session.execute(
            text(
                "SELECT rowid FROM passages_fts WHERE passages_fts MATCH :m "
                "ORDER BY rowid DESC LIMIT 1 OFFSET :n"
            ),
            {"m": phrase, "n": SAMPLE - 1},
        ).first()
        if found is not None:  # SAMPLE matches among the newest top - found[0] passages
            entries += weight * SAMPLE * top // max(1, top - int(found[0]) + 1)
        if entries > IDF_BUDGET:
            return True
    return False


BY_BM25 = f"""
    SELECT f.rowid, -{BM25} FROM passages_fts f
    WHERE {{where}} AND f.rowid >= :floor
    ORDER BY {BM25}, f.rowid
    LIMIT :limit OFFSET :offset
"""

# The words marked in the text and the section title; a passage's length in
# words, against the candidates' average; bm25's saturation of the count.
# The candidates are the matches from the floor up (DENSITY), or the newest
# ``n`` (NEWEST_BY_DENSITY: found and marked in the same walk, and counted).
RANKED_BY_DENSITY = f"""
    counted AS (
        SELECT id, body,
               length(body) - length(replace(body, char(1), '')) AS hits,
               length(body) - length(replace(body, ' ', '')) + 1 AS words,
               min(1, length(title) - length(replace(title, char(1), ''))) AS in_title
        FROM marked
    )
    SELECT id,
           hits * {K1 + 1} / (hits + {K1} * ({1 - B} + {B} * words / avg(words) OVER ()))
           + 0.5 * in_title AS score,
           body, count(*) OVER () AS total
    FROM counted
    ORDER BY score DESC, id
    LIMIT :limit OFFSET :offset
"""
MARKED = """
    WITH marked AS MATERIALIZED (
        SELECT f.rowid AS id,
               highlight(passages_fts, 0, char(1), char(2)) AS body,
               coalesce(highlight(passages_fts, 1, char(1), char(2)), '') AS title
        FROM passages_fts f
        WHERE {{where}} {candidates}
    ),"""
DENSITY = MARKED.format(candidates="AND f.rowid >= :floor") + RANKED_BY_DENSITY
NEWEST_BY_DENSITY = MARKED.format(candidates="ORDER BY f.rowid DESC LIMIT :n") + RANKED_BY_DENSITY


def highlighted(session: Session, ranked: Sequence[Any], params: dict[str, Any]) -> dict[int, str]:
    """The text of the ranked passages with their matches marked."""
    if not ranked:
        return {}
    ids = [int(r[0]) for r in ranked]
    return {
        int(pid): body
        for pid, body in execute(
            session,
            "SELECT f.rowid, highlight(passages_fts, 0, char(1), char(2)) FROM passages_fts f "
            "WHERE passages_fts MATCH :match AND f.rowid BETWEEN :low AND :high "
            "AND +f.rowid IN :ids",
            {"match": params["match"], "low": min(ids), "high": max(ids), "ids": ids},
        )
    }


def snippet_of(marked: str, size: int = SNIPPET_WORDS) -> str:
    """About ``size`` words of a passage where its matches are thickest, the
    matches marked ``**like this**`` (``marked`` is highlight()'s text, each
    match between ``\\x01`` and ``\\x02``): what FTS5's snippet() gives, from
    the text the ranking already marked.

    >>> snippet_of("Carers said \x01respite\x02 breaks helped", 3)
    '…said **respite** breaks…'
    """
    words = marked.split()
    inside, open_before = False, []
    for word in words:
        open_before.append(inside)
        for char in word:
            if char in (OPEN, CLOSE):
                inside = char == OPEN
    hits = [int(OPEN in w or opened) for w, opened in zip(words, open_before, strict=True)]
    start = 0
    if len(words) > size:
        # Of the windows with the most matches, the one that opens about a
        # third of its words before its first match.
        counts = [sum(hits[:size])]
        for i in range(1, len(words) - size + 1):
            counts.append(counts[-1] - hits[i - 1] + hits[i + size - 1])
        first, following = [0] * len(words), len(words)
        for i in range(len(words) - 1, -1, -1):
            following = i if hits[i] else following
            first[i] = following
        best = [i for i, n in enumerate(counts) if n == max(counts)]
        start = min(best, key=lambda i: abs(first[i] - i - size // 3))
    end = min(len(words), start + size)
    text = " ".join(words[start:end])
    if open_before[start] if words else False:
        text = OPEN + text
    if end < len(words) and open_before[end]:
        text += CLOSE
    text = text.replace(OPEN, MARK).replace(CLOSE, MARK)
    return ("…" if start else "") + text + ("…" if end < len(words) else "")
