"""PostgreSQL's half of search: the generated ``passages.search`` tsvector and
one GIN index over it and the scope words.

The candidates are the newest matches. A GIN index hands back every match at
once, in no useful order, and each one costs a visit to the table; for a word
in half of a million passages that is far too many. So the scope words in
the index also name each passage's batch of 1,024 ids (``batch48`` for ids
49,152 to 50,175), block of 8 batches and era of 8 blocks, and the newest
candidates are looked for a window of batches at a time, newest first: the
index then yields only the matches in those batches. The first window is
as wide as the planner's estimate of the matches says it needs to be, twice
over; each next one is sized from how densely the matches came so far, until
there are enough. A window is read in a few pieces, newest first, in one
statement that stops at the piece where the candidates are complete.
A word the planner expects in few passages (statistics are gathered after
bulk loads, see ``maintenance.py``) needs one look at the whole index.

The index is given only what it can answer exactly: the query's words, and
each group of scope words as a condition of its own. A phrase's word order
is checked on the passages that pass them (see ``conditions``).

The candidates are ranked by ``ts_rank_cd`` as they are read, and only the
page's passages get a headline.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from assure.storing.query import MARK, SNIPPET_WORDS, Found, RawHit, Scope, Term, execute

# Passages by id: a batch of 1,024, a block of 8 batches, an era of 8 blocks
# (as ix_passages_search has them).
BATCH_BITS = 10
UNITS = (("era", 64), ("block", 8), ("batch", 1))  # in batches
SCOPE_VECTOR = (
    "to_tsvector('simple'::regconfig, p.search_scope || ' batch' || (p.id >> 10)::text"
    " || ' block' || (p.id >> 13)::text || ' era' || (p.id >> 16)::text)"
)
HEADLINE = (
    f"StartSel={MARK}, StopSel={MARK}, MaxWords={SNIPPET_WORDS}, MinWords=8, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)
WORK_MEM = "64MB"  # to sort the candidates in memory
FIRST_WINDOW = 2  # batches: the newest, perhaps partly filled, and the one before
MARGIN = 1.3  # a window sized for this many times the matches still wanted
FIRST_MARGIN = 2.0  # the first window, sized from the planner's estimate
# A window is read in pieces, newest first, their ends at these shares of
# it (in 32nds): small pieces first, then quarters (see ``pieces``).
SHARES = (1, 2, 4, 8, 16, 24, 32)
BATCH = 1 << BATCH_BITS


def words_query(count: int) -> str:
    """The query's words: one phraseto_tsquery per term (a single word is a
    one-word phrase), ANDed; written out as constants, not joined from a
    CTE, so the planner can weigh how common the words are."""
    return "(" + " && ".join(f"phraseto_tsquery('english', :t{i})" for i in range(count)) + ")"


def index_query(count: int) -> str:
    """Every word of the query, ANDed, positions aside: what the GIN index
    can answer exactly, without reading a passage to check it."""
    return "(" + " && ".join(f"plainto_tsquery('english', :t{i})" for i in range(count)) + ")"


def needs_positions(terms: list[Term]) -> bool:
    """Whether a term may become more than one lexeme (a phrase, or a word
    the engine's parser splits, such as ``co_op``), so that matching every
    word is not yet matching the query."""
    return any(
        len(t.words) > 1 or not (t.words[0].isascii() and t.words[0].isalnum()) for t in terms
    )


@dataclass(frozen=True, slots=True)
class Conditions:
    """A search as conditions on ``passages p``: ``indexed`` the GIN index
    answers exactly (every word of the query, each scope group) or the row
    does (the document, days outside the dates); ``positions`` checks the
    phrases on the rows that pass (``""`` for none); ``terms`` the number
    of the query's terms."""

    indexed: str
    positions: str
    params: dict[str, Any]
    terms: int


def conditions(terms: list[Term], scope: Scope) -> Conditions:
    """The search's conditions and their parameters.

    A phrase is matched in two steps: its words in the index, then, on the
    passages that have them all and pass every filter, their order. (The
    GIN index holds no positions: a phrase among its conditions makes it
    recheck every condition, the scope words' tsvector too, on every
    passage it yields.) Each scope group is a condition of its own, so that
    the index intersects them a posting list against another, skipping
    ahead in each, rather than walking every entry of the commonest word of
    one combined query."""
    params: dict[str, Any] = {f"t{i}": " ".join(t.words) for i, t in enumerate(terms)}
    indexed = f"p.search @@ {index_query(len(terms))}"
    groups = ["(" + " | ".join(g) + ")" for g in scope.groups]
    groups += ["!(" + " | ".join(g) + ")" for g in scope.excluded]
    for i, group in enumerate(groups):
        indexed += f" AND {SCOPE_VECTOR} @@ to_tsquery('simple', :s{i})"
        params[f"s{i}"] = group
    if scope.document is not None:
        indexed += " AND p.document_id = :document"
        params["document"] = scope.document
    if scope.outside_days:
        # Written out (they are ids, integers): a window's pieces each repeat
        # the condition, and a list parameter is expanded in every one.
        indexed += (
            f" AND p.document_id NOT IN ({','.join(str(int(d)) for d in scope.outside_days)})"
        )
    # ts_match_vq is the function behind @@; called by name, the planner does
    # not hand it to the index, so it is checked on the rows the index yields.
    positions = (
        f"ts_match_vq(p.search, {words_query(len(terms))})" if needs_positions(terms) else ""
    )
    return Conditions(indexed, positions, params, len(terms))


def prepare(session: Session) -> int:
    """The largest passage id (0 for none); and for this transaction: plan
    each search for its own words (a plan cached for other words may walk a
    million rows for a rare one); read passages through the indexes'
    bitmaps, never by walking the primary key (the planner cannot know that
    a window's words are ids, and would walk every id above the window
    testing each passage); never compile a plan (JIT costs more than a
    search); sort in memory; and run a window's pieces one after another."""
    settings = session.execute(
        text(
            "SELECT set_config('plan_cache_mode', 'force_custom_plan', true), "
            "set_config('enable_indexscan', 'off', true), "
            "set_config('jit', 'off', true), set_config('work_mem', :work_mem, true), "
            "set_config('max_parallel_workers_per_gather', '0', true), "
            "(SELECT max(id) FROM passages)"
        ),
        {"work_mem": WORK_MEM},
    ).one()
    return int(settings[-1] or 0)


def search(
    session: Session, terms: list[Term], scope: Scope, limit: int, offset: int, candidates: int
) -> Found:
    top = prepare(session)
    where = conditions(terms, scope)
    found, everything = newest(session, where, candidates, top)
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
            where.params | {"headline": HEADLINE, "ids": [r[0] for r in ranked]},
        )
    }
    hits = [RawHit(pid, headlines.get(pid) or "", float(score)) for pid, score in ranked]
    return Found(hits, total)


def newest(
    session: Session, where: Conditions, candidates: int, top: int
) -> tuple[list[tuple[int, float]], bool]:
    """The newest ``candidates`` matches with their ranks (``top`` being the
    largest id), and whether they are every match."""
    expected = estimate(session, where)
    if expected <= candidates / 2:
        return look(session, where, candidates), True
    found: list[tuple[int, float]] = []
    # The first window as wide as the planner's estimate says holds the
    # candidates, twice over (a phrase is estimated as its words, and its
    # pieces cost nothing unless reached).
    high = top >> BATCH_BITS
    width = max(FIRST_WINDOW, ceil(candidates * FIRST_MARGIN * (top + 1) / expected / BATCH))
    while high >= 0:
        # Start the window at a block or era boundary where it is that wide:
        # fewer, larger words for the index to weigh.
        unit = next(size for _, size in UNITS if size <= width)
        low = max(0, (high - width + 1) // unit * unit)
        found += look(session, where, candidates - len(found), (low, high))
        if len(found) >= candidates:
            return found, False
        # Size the next window from how densely the matches came so far.
        seen = top + 1 - (low << BATCH_BITS)
        needed = (candidates - len(found)) * MARGIN * seen / max(len(found), 1)
        width = ceil(needed / BATCH) if found else width * 8
        high = low - 1
    return found, True


def pieces(low: int, high: int) -> list[tuple[int, int]]:
    """The batches ``low`` to ``high`` in runs, newest first: the first
    two a thirty-second of the window each, then doubling to a quarter, the
    rest in quarters. So the read stops soon after the candidates are
    complete whether the planner's estimate was close, or far too low (words
    that come together, as a phrase's do, are in more passages than their
    separate counts make them).

    >>> pieces(0, 63)
    [(62, 63), (60, 61), (56, 59), (48, 55), (32, 47), (16, 31), (0, 15)]
    >>> pieces(900, 976)
    [(974, 976), (972, 973), (967, 971), (957, 966), (936, 956), (912, 935), (900, 911)]
    """
    width = high - low + 1
    runs, start = [], high + 1
    for share in SHARES:
        end = start - 1
        start = high + 1 - ceil(width * share / SHARES[-1])
        # Started on a boundary of a unit up to half the piece's size, so
        # that few words name it.
        unit = next(units for _, units in UNITS if units <= max(1, (end - start + 1) // 2))
        start = max(low, start // unit * unit)
        if start <= end:
            runs.append((start, end))
    return runs


def window(low: int, high: int) -> str:
    """Words naming the batches ``low`` to ``high``: whole eras and blocks
    where they fit, so that a wide window is still a short query (the index
    weighs every word of it against every passage it yields).

    >>> window(56, 130)
    'batch130 | batch129 | batch128 | era1 | block7'
    """
    words = []
    at = high
    while at >= low:
        for name, size in UNITS:
            if (at + 1) % size == 0 and at - size + 1 >= low:
                words.append(f"{name}{at // size}")
                at -= size
                break
    return " | ".join(words)


def look(
    session: Session, where: Conditions, n: int, batches: tuple[int, int] | None = None
) -> list[tuple[int, float]]:
    """The newest ``n`` matches (in the batches ``low`` to ``high``, or
    anywhere), with their ranks.

    A window is read a piece at a time, newest first, in one statement:
    each piece sorted and cut to ``n``, the pieces appended in order and
    cut to ``n`` again, so that the pieces past the ``n``-th match are
    never read (PostgreSQL runs an append's parts one after another, and
    stops when the limit above it is met; ``prepare`` keeps it from
    running them in parallel). The pieces are named by words of the batches,
    blocks and eras they hold, so a piece need not start on a boundary."""
    condition, params = where.indexed, where.params | {"n": n}
    if where.positions:
        condition += f" AND {where.positions}"
    select = f"SELECT p.id, ts_rank_cd(p.search, {words_query(where.terms)}) FROM passages p"
    if batches is None:
        sql = f"{select} WHERE {condition} ORDER BY p.id DESC LIMIT :n"
    else:
        parts = []
        for i, (low, high) in enumerate(pieces(*batches)):
            # The window a condition of its own, as the scope groups are.
            parts.append(
                f"({select} WHERE {condition} AND {SCOPE_VECTOR} @@ to_tsquery('simple', :w{i}) "
                "ORDER BY p.id DESC LIMIT :n)"
            )
            params[f"w{i}"] = window(low, high)
        sql = " UNION ALL ".join(parts) + " LIMIT :n"
    rows = execute(session, sql, params).all()  # at once: row by row costs more
    return [(int(pid), float(rank)) for pid, rank in rows]


def estimate(session: Session, where: Conditions) -> float:
    """The planner's estimate of how many passages match (phrases weighed as
    all their words, as the planner weighs a phrase in a tsquery)."""
    plan = execute(
        session,
        f"EXPLAIN (FORMAT JSON) SELECT 1 FROM passages p WHERE {where.indexed}",
        where.params,
    ).scalar_one()
    return float(plan[0]["Plan"]["Plan Rows"])
