"""PostgreSQL's half of search: the generated ``passages.search`` tsvector and
one GIN index over it and the scope words.

The candidates are the newest matches. A GIN index hands back every match at
once, in no useful order, and each one costs a visit to the table; for a word
in half of a million passages that is far too many. So the scope words in
the index also name each passage's batch (``batch48`` for ids 49,152 to
50,175: ``BATCH_BITS``), and the newest candidates are looked for a window
of batches at a time, newest first: the index then yields only the matches
in those batches. The first window is the newest two batches; each next one
is sized from how densely the matches came so far, until there are enough.
A word the planner expects in few passages (statistics are gathered after
bulk loads, see ``maintenance.py``) needs one look at the whole index.

The candidates are ranked by ``ts_rank_cd`` as they are read, and only the
page's passages get a headline.
"""

from __future__ import annotations

from math import ceil
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from assure.storing.query import MARK, SNIPPET_WORDS, Found, RawHit, Scope, Term, execute

BATCH_BITS = 10  # passages per batch: 1,024 (as ix_passages_search has it)
SCOPE_VECTOR = (
    f"to_tsvector('simple'::regconfig, p.search_scope || ' batch' || (p.id >> {BATCH_BITS})::text)"
)
HEADLINE = (
    f"StartSel={MARK}, StopSel={MARK}, MaxWords={SNIPPET_WORDS}, MinWords=8, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)
WORK_MEM = "64MB"  # to sort the candidates in memory
FIRST_WINDOW = 2  # batches: the newest, perhaps partly filled, and the one before
WINDOWS = 6  # windows looked through before the rest is read at once
MOST_BATCHES = 512  # in one window (the words of a tsquery)
MARGIN = 1.3  # a window sized for this many times the matches still wanted


def words_query(count: int) -> str:
    """The query's words: one phraseto_tsquery per term (a single word is a
    one-word phrase), ANDed; written out as constants, not joined from a
    CTE, so the planner can weigh how common the words are."""
    return "(" + " && ".join(f"phraseto_tsquery('english', :t{i})" for i in range(count)) + ")"


def conditions(terms: list[Term], scope: Scope) -> tuple[str, str, dict[str, Any]]:
    """The conditions on ``passages p`` but the scope words, the scope words
    as a tsquery (``''`` for none), and the parameters."""
    params: dict[str, Any] = {f"t{i}": " ".join(t.words) for i, t in enumerate(terms)}
    where = f"p.search @@ {words_query(len(terms))}"
    if scope.document is not None:
        where += " AND p.document_id = :document"
        params["document"] = scope.document
    if scope.outside_days:
        where += " AND p.document_id NOT IN :outside"
        params["outside"] = list(scope.outside_days)
    parts = ["(" + " | ".join(g) + ")" for g in scope.groups]
    parts += ["!(" + " | ".join(g) + ")" for g in scope.excluded]
    return where, " & ".join(parts), params


def prepare(session: Session) -> None:
    """For this transaction: plan each search for its own words (a plan
    cached for other words may walk a million rows for a rare one), never
    compile it (JIT costs more than a search), and sort in memory."""
    session.execute(
        text(
            "SELECT set_config('plan_cache_mode', 'force_custom_plan', true), "
            "set_config('jit', 'off', true), set_config('work_mem', :work_mem, true)"
        ),
        {"work_mem": WORK_MEM},
    )


def search(
    session: Session, terms: list[Term], scope: Scope, limit: int, offset: int, candidates: int
) -> Found:
    prepare(session)
    where, scope_words, params = conditions(terms, scope)
    found, everything = newest(session, terms, where, scope_words, params, candidates)
    total = len(found) if everything else candidates
    ranked = sorted(found, key=lambda r: (-r[1], r[0]))[offset : offset + limit]
    if not ranked:
        return Found([], total)
    headlines = {
        int(pid): headline
        for pid, headline in execute(
            session,
            f"SELECT p.id, ts_headline('english', p.text, {words_query(len(terms))}, "
            ":headline) FROM passages p WHERE p.id IN :ids",
            params | {"headline": HEADLINE, "ids": [r[0] for r in ranked]},
        )
    }
    hits = [RawHit(pid, headlines.get(pid) or "", float(score)) for pid, score in ranked]
    return Found(hits, total)


def newest(
    session: Session,
    terms: list[Term],
    where: str,
    scope_words: str,
    params: dict[str, Any],
    candidates: int,
) -> tuple[list[tuple[int, float]], bool]:
    """The newest ``candidates`` matches with their ranks, and whether they
    are every match."""
    top = session.execute(text("SELECT max(id) FROM passages")).scalar_one() or 0
    if estimate(session, where, scope_words, params) <= candidates / 2:
        return look(session, terms, where, scope_words, params, candidates), True
    found: list[tuple[int, float]] = []
    high, width = top >> BATCH_BITS, FIRST_WINDOW
    for _ in range(WINDOWS):
        low = high - width + 1
        if low <= 0 or width > MOST_BATCHES:
            break
        found += look(
            session, terms, where, scope_words, params, candidates - len(found), (low, high)
        )
        if len(found) >= candidates:
            return found, False
        # Size the next window from how densely the matches came so far.
        seen = top + 1 - (low << BATCH_BITS)
        needed = (candidates - len(found)) * MARGIN * seen / max(len(found), 1)
        width = max(width * 2, ceil(needed / (1 << BATCH_BITS))) if found else width * 8
        high = low - 1
    below = (high + 1) << BATCH_BITS
    rest = look(session, terms, where, scope_words, params, candidates - len(found), None, below)
    return found + rest, True


def look(
    session: Session,
    terms: list[Term],
    where: str,
    scope_words: str,
    params: dict[str, Any],
    n: int,
    batches: tuple[int, int] | None = None,
    below: int | None = None,
) -> list[tuple[int, float]]:
    """The newest ``n`` matches (in the batches ``low`` to ``high``, or with
    ids below ``below``), with their ranks."""
    words = scope_words
    if batches is not None:
        window = " | ".join(f"batch{b}" for b in range(batches[1], batches[0] - 1, -1))
        words = f"{words} & ({window})" if words else f"({window})"
    condition = where
    if words:
        condition += f" AND {SCOPE_VECTOR} @@ to_tsquery('simple', :scope)"
    if below is not None:
        condition += " AND p.id < :below"
    rows = execute(
        session,
        f"SELECT p.id, ts_rank_cd(p.search, {words_query(len(terms))}) "
        f"FROM passages p WHERE {condition} ORDER BY p.id DESC LIMIT :n",
        params | {"scope": words, "n": n, "below": below},
    )
    return [(int(row[0]), float(row[1])) for row in rows]


def estimate(session: Session, where: str, scope_words: str, params: dict[str, Any]) -> float:
    """The planner's estimate of how many passages match."""
    condition = where
    if scope_words:
        condition += f" AND {SCOPE_VECTOR} @@ to_tsquery('simple', :scope)"
    plan = execute(
        session,
        f"EXPLAIN (FORMAT JSON) SELECT 1 FROM passages p WHERE {condition}",
        params | {"scope": scope_words},
    ).scalar_one()
    return float(plan[0]["Plan"]["Plan Rows"])
