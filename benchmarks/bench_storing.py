"""Storage and search: ``Library.add`` and ``Library.search`` beside plain SQL.

Synthetic documents (``synthetic_library``: built directly, so the parsers'
speed does not count; with sections, source lines and statement labels) are
stored one transaction each; we print documents and passages stored per
second. Then the same queries run through the full-text index (FTS5 bm25 on
SQLite, tsvector on PostgreSQL) and, as the peer, through a plain
``LIKE '%word%'`` scan over the same passages; we print the median and worst
milliseconds per query and how many passages each found. PostgreSQL runs only
where ASSURE_TEST_POSTGRES_URL (or the default local server) is reachable.
``bench_search`` does the same at a million passages.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from sqlalchemy import text

from assure.settings import Settings
from assure.storing import Library
from benchmarks.engines import on_each_engine
from benchmarks.synthetic_library import COUNCILS, documents

PASSAGES = 18_000
QUERIES = [
    "carers",
    '"direct payments"',
    "safeguarding review",
    "provider market",
    "autism",
]


def like_scan(library: Library, query: str) -> int:
    """The peer: every word as a case-insensitive substring of the passage."""
    words = [w.strip('"').lower() for w in query.split()]
    clauses = " AND ".join(f"lower(text) LIKE :w{i}" for i in range(len(words)))
    params = {f"w{i}": f"%{w}%" for i, w in enumerate(words)}
    with library.engine.connect() as connection:
        return len(
            connection.execute(
                text(f"SELECT id FROM passages WHERE {clauses} LIMIT 100000"), params
            ).all()
        )


def timed(function: Callable[[], object], repeats: int = 7) -> tuple[float, float, object]:
    runs, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs), max(runs), result


def bench(name: str, settings: Settings) -> None:
    stored = list(documents(PASSAGES, seed=7))
    passages = sum(len(parsed.passages) for parsed, _, _ in stored)
    with Library(settings) as library:
        start = time.perf_counter()
        for parsed, lines, council in stored:
            library.add(parsed, council, lines)
        seconds = time.perf_counter() - start
        print(
            f"{name:10} store: {len(stored) / seconds:7.1f} documents/s, "
            f"{passages / seconds:8.0f} passages/s ({passages} passages)"
        )
        print(
            f"{'':10} {'query':26} {'index ms':>9} {'worst':>7} {'hits':>6}   "
            f"{'LIKE ms':>8} {'worst':>7} {'hits':>6}"
        )
        for query in QUERIES:
            fts_median, fts_worst, _ = timed(lambda q=query: library.search(q, COUNCILS))
            like_median, like_worst, found = timed(lambda q=query: like_scan(library, q))
            everything = len(library.search(query, COUNCILS, limit=100000))
            print(
                f"{'':10} {query:26} {fts_median:9.2f} {fts_worst:7.2f} {everything:6}   "
                f"{like_median:8.2f} {like_worst:7.2f} {found:6}"
            )


def run() -> None:
    on_each_engine(bench)


if __name__ == "__main__":
    run()
