"""Search at scale: ``Library.search`` over a million passages, SQLite and
PostgreSQL, beside the old query form.

The library is built by ``synthetic_library`` through ``Library.add`` (one
transaction per document, bulk inserts), so the build also gives passages
stored per second at scale. ``BENCH_PASSAGES`` sets its size (default
1,000,000; a million takes several minutes per engine to build).

Queries, eight of each class, taken from the word statistics of the text
model: a common word (in a third to a half of all passages), a rare word (a
few dozen passages in a million), a quoted phrase of two common words, and
two or three words that must all match. Each runs in five scopes: every
council (a national analyst's), one council of ten (a council's own staff),
and one council with a filter: kind of document, quality statement, or a date
from which documents count. We print the median (p50) and 95th percentile
(p95) milliseconds per class and scope, each query run ``REPEATS`` times,
in process, with snippets, labels and document details as the services get
them; and the machine's load average, since on a shared machine the wall
clock counts other people's work too. A common word is ranked among its
newest 500 matches (see ``assure/storing/search.py``).

The peer is the old query form on the same library (ids, snippets and ranks
only, so it does less than the new one): every match scored and joined to
its document before the best are taken, statement filter by EXISTS, kind
and date filtered afterwards from the best 500 as the search page did.
PostgreSQL runs where ASSURE_TEST_POSTGRES_URL (or the default local
server) is reachable, in a schema of its own.

Building a million passages takes a while, so the library can be kept and
measured again: with ``BENCH_KEEP`` naming a folder, SQLite's library is
``$BENCH_KEEP/sqlite-<passages>`` and PostgreSQL's the schema
``assure_bench_<passages>``, neither removed afterwards, and a library that
already holds its passages is measured as it is (one cut short is built on).
``BENCH_ENGINES`` (``sqlite``, ``postgresql``, or both, comma-separated)
says which engines run.

    BENCH_KEEP=/tmp/search-library BENCH_PASSAGES=1000000 \
        python -m benchmarks bench_search
"""

from __future__ import annotations

import os
import random
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import bindparam, create_engine, text

from assure.settings import Settings
from assure.storing import Library
from assure.storing.search import parse_query
from assure.storing.search_sqlite import fts5_expression
from benchmarks.engines import POSTGRES_URL, on_each_engine
from benchmarks.synthetic_library import COUNCILS, Vocabulary, build, stored_passages

PASSAGES = int(os.environ.get("BENCH_PASSAGES", "1000000"))
KEEP = os.environ.get("BENCH_KEEP")
ENGINES = os.environ.get("BENCH_ENGINES", "sqlite,postgresql").split(",")
REPEATS = 3
PER_CLASS = 8
# Words a searcher would not type alone (and PostgreSQL drops).
STOP = {
    *("the", "and", "for", "with", "that", "this", "from", "are", "was", "were", "have"),
    *("has", "had", "not", "but", "their", "they", "them", "which", "what", "when", "where"),
    *("will", "would", "been", "also", "into", "than", "then", "there", "these", "those"),
    *("our", "about", "more", "most", "other", "such", "only", "over", "some", "each", "very"),
}
ONE = [COUNCILS[2]]
SCOPES: list[tuple[str, list[str], dict[str, str]]] = [
    ("every council", COUNCILS, {}),
    ("one council", ONE, {}),
    ("one council, kind", ONE, {"kind": "committee_pack"}),
    ("one council, statement", ONE, {"statement": "safeguarding"}),
    ("one council, since", ONE, {"since": "2025-03-15"}),
]


def query_classes(vocabulary: Vocabulary) -> dict[str, list[str]]:
    """Eight queries per class from the text model's own word statistics."""
    content = [
        w
        for w, _ in vocabulary.counts.most_common()
        if len(w) >= 4 and w.isalpha() and w not in STOP
    ]
    pairs = Counter(
        (a, b)
        for a, nexts in vocabulary.following.items()
        for b in nexts
        if a in content[:120] and b in content[:120]
    )
    tail = vocabulary.tail
    rare = [tail[int(len(tail) * x)] for x in (0.30, 0.38, 0.46, 0.54, 0.62, 0.70, 0.78, 0.86)]
    middle = content[20:150]
    return {
        "common word": content[:PER_CLASS],
        "rare word": rare,
        "phrase": [f'"{a} {b}"' for (a, b), _ in pairs.most_common(PER_CLASS)],
        "words": [" ".join(middle[i + k * 17] for k in range(2 + i % 2)) for i in range(PER_CLASS)],
    }


def percentiles(runs: list[float]) -> tuple[float, float]:
    ordered = sorted(runs)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def timed(function: Callable[[], object], repeats: int) -> list[float]:
    runs = []
    for _ in range(repeats):
        started = time.perf_counter()
        function()
        runs.append((time.perf_counter() - started) * 1000)
    return runs


# -- the old query form (main before the scale work), as the peer --------------

OLD_ABOUT = """
    AND (EXISTS (SELECT 1 FROM passage_labels l WHERE l.passage_id = p.id
                 AND l.qs = :qs AND l.source = 'user')
         OR (NOT EXISTS (SELECT 1 FROM corrections c WHERE c.passage_id = p.id)
             AND EXISTS (SELECT 1 FROM passage_labels l WHERE l.passage_id = p.id
                         AND l.qs = :qs)))
"""


def old_search(library: Library, query: str, councils: list[str], f: dict[str, str]) -> int:
    """The old form: score every match, join, sort, take the best (500 when
    filtering by kind or date afterwards, as the search page did)."""
    terms = parse_query(query)
    limit = 500 if ("kind" in f or "since" in f) else 20
    where = "AND d.council_id IN (SELECT id FROM councils WHERE name IN :councils)"
    if "statement" in f:
        where += OLD_ABOUT
    if library.engine.dialect.name == "postgresql":
        tsquery = " && ".join(f"phraseto_tsquery('english', :t{i})" for i in range(len(terms)))
        sql = f"""
            WITH q AS (SELECT {tsquery} AS query)
            SELECT p.id, ts_headline('english', p.text, q.query), ts_rank_cd(p.search, q.query)
                AS score, d.kind, d.date
            FROM passages p JOIN documents d ON d.id = p.document_id CROSS JOIN q
            WHERE p.search @@ q.query {where}
            ORDER BY score DESC, p.id LIMIT :limit
        """
        params = {f"t{i}": " ".join(t.words) for i, t in enumerate(terms)}
    else:
        sql = f"""
            SELECT p.id, snippet(passages_fts, 0, '**', '**', '…', 24),
                   -bm25(passages_fts, 1.0, 0.5) AS score, d.kind, d.date
            FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid
            JOIN documents d ON d.id = p.document_id
            WHERE passages_fts MATCH :match {where}
            ORDER BY score DESC, p.id LIMIT :limit
        """
        params = {"match": fts5_expression(terms)}
    params |= {"councils": councils, "qs": f.get("statement"), "limit": limit}
    statement = text(sql).bindparams(bindparam("councils", expanding=True))
    with library.engine.connect() as connection:
        rows = connection.execute(statement, params).all()
    kept = [
        r
        for r in rows
        if r[3] == f.get("kind", r[3]) and (r[4] or "") >= f.get("since", r[4] or "")
    ]
    return len(kept[:20])


# -- running ------------------------------------------------------------------


def measure(
    library: Library, queries: list[str], councils: list[str], f: dict[str, str]
) -> tuple[list[float], list[float], int]:
    """Milliseconds per run of each query, new form and old, and how many
    hits a query finds (up to 20)."""
    runs: list[float] = []
    old: list[float] = []
    hits = 0
    for q in queries:
        runs += timed(lambda: library.search(q, councils, 20, **f), REPEATS)  # noqa: B023
        old += timed(lambda: old_search(library, q, councils, f), 1)  # noqa: B023
        hits += len(library.search(q, councils, 20, **f))
    return runs, old, hits


def bench(name: str, settings: Settings) -> None:
    if name not in ENGINES:
        return
    with Library(settings) as library:
        kept = stored_passages(library) if KEEP else 0
        if kept >= PASSAGES:
            print(f"{name}: {kept:,} passages kept from an earlier run", flush=True)
        else:
            built = build(library, PASSAGES)
            library.refresh_statistics()
            print(
                f"{name}: {built.passages:,} passages in {built.documents:,} documents stored "
                f"in {built.seconds:,.0f} s: {built.passages / built.seconds:,.0f} passages/s",
                flush=True,
            )
        classes = query_classes(Vocabulary(random.Random(11)))
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"(load average {load} on {os.cpu_count()} cores while measuring)")
        print(
            f"{'scope':24} {'query':12} {'p50 ms':>8} {'p95 ms':>8} {'hits':>5}   "
            f"{'old p50':>8} {'old p95':>8}"
        )
        for scope, councils, f in SCOPES:
            for kind, queries in classes.items():
                runs, old, hits = measure(library, queries, councils, f)
                p50, p95 = percentiles(runs)
                o50, o95 = percentiles(old)
                print(
                    f"{scope:24} {kind:12} {p50:8.1f} {p95:8.1f} {hits / len(queries):5.0f}   "
                    f"{o50:8.1f} {o95:8.1f}",
                    flush=True,
                )


def on_kept_engines(folder: str) -> None:
    """``bench`` on libraries kept between runs: SQLite's in ``folder``,
    PostgreSQL's in a schema named by its size."""
    sqlite = Path(folder) / f"sqlite-{PASSAGES}"
    sqlite.mkdir(parents=True, exist_ok=True)
    bench("sqlite", Settings(data_dir=str(sqlite)))
    if "postgresql" not in ENGINES:
        return
    schema = f"assure_bench_{PASSAGES}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    admin.dispose()
    separator = "&" if "?" in POSTGRES_URL else "?"
    url = f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}"
    bench("postgresql", Settings(data_dir=str(sqlite.with_name(schema)), database_url=url))


def run() -> None:
    if KEEP:
        on_kept_engines(KEEP)
    else:
        on_each_engine(bench)


if __name__ == "__main__":
    run()
