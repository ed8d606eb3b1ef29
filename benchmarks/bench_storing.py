"""Storage and search: ``Library.add`` and ``Library.search`` beside plain SQL.

Synthetic documents (built directly, so the parsers' speed does not count) are
stored one transaction each; we print documents and passages stored per
second. Then the same queries run through the full-text index (FTS5 bm25 on
SQLite, tsvector on PostgreSQL) and, as the peer, through a plain
``LIKE '%word%'`` scan over the same passages; we print the median and worst
milliseconds per query and how many passages each found. PostgreSQL runs only
where ASSURE_TEST_POSTGRES_URL (or the default local server) is reachable.
"""

from __future__ import annotations

import hashlib
import os
import random
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text

from assure.document import SourceLine
from assure.settings import Settings
from assure.storing import Library
from assure.structure import DocumentKind, ParsedDocument, ParsedStructure, Passage, Section

DOCUMENTS = 120
COUNCILS = ["Eastmoor Council"]
PASSAGES = 150
TOPICS = [
    *[
        "carers",
        "assessment",
        "direct",
        "payments",
        "safeguarding",
        "reablement",
        "hospital",
        "discharge",
        "home",
    ],
    *[
        "care",
        "waiting",
        "list",
        "review",
        "strategy",
        "partners",
        "health",
        "board",
        "survey",
        "satisfaction",
    ],
    *[
        "respite",
        "provider",
        "market",
        "workforce",
        "recruitment",
        "transitions",
        "young",
        "people",
        "autism",
    ],
    *["learning", "disability", "quality", "commissioning", "prevention", "advice", "information"],
]
# Topic words among many others, so that a query matches a realistic few passages.
WORDS = TOPICS + [f"word{k}" for k in range(3000)]
QUERIES = [
    "carers",
    '"direct payments"',
    "safeguarding review",
    "respite provider market",
    "autism",
]
POSTGRES_URL = os.environ.get(
    "ASSURE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def synthetic(n: int, rng: random.Random) -> tuple[ParsedDocument, tuple[SourceLine, ...]]:
    lines, passages = [SourceLine(1, f"Eastmoor report {n}", 1, 1)], []
    for _ in range(PASSAGES):
        words = " ".join(rng.choice(WORDS) for _word in range(rng.randint(20, 60)))
        number = len(lines) + 1
        page = number // 40 + 1
        lines.append(SourceLine(number, words.capitalize() + ".", page))
        passages.append(Passage(number, number, lines[-1].text, page=page, section="Findings"))
    body = "\n".join(line.text for line in lines)
    structure = ParsedStructure(
        DocumentKind.OTHER,
        f"Eastmoor report {n}",
        sections=(Section("Findings", 1, "heading", 1, len(lines)),),
    )
    parsed = ParsedDocument(
        f"report-{n}.txt",
        hashlib.sha256(body.encode()).hexdigest(),
        "text",
        len(lines),
        lines[-1].page,
        structure,
        passages=tuple(passages),
    )
    return parsed, tuple(lines)


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


def timed(function, repeats: int = 7) -> tuple[float, float, object]:
    runs, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs), max(runs), result


def bench(name: str, settings: Settings) -> None:
    rng = random.Random(7)
    documents = [synthetic(n, rng) for n in range(DOCUMENTS)]
    with Library(settings) as library:
        start = time.perf_counter()
        for parsed, lines in documents:
            library.add(parsed, "Eastmoor Council", lines)
        seconds = time.perf_counter() - start
        print(
            f"{name:10} store: {DOCUMENTS / seconds:7.1f} documents/s, "
            f"{DOCUMENTS * PASSAGES / seconds:8.0f} passages/s ({DOCUMENTS * PASSAGES} passages)"
        )
        print(
            f"{'':10} {'query':26} {'index ms':>9} {'worst':>7} {'hits':>6}   "
            f"{'LIKE ms':>8} {'worst':>7} {'hits':>6}"
        )
        for query in QUERIES:
            fts_median, fts_worst, _ = timed(lambda q=query: library.search(q, COUNCILS, limit=20))
            like_median, like_worst, found = timed(lambda q=query: like_scan(library, q))
            everything = len(library.search(query, COUNCILS, limit=100000))
            print(
                f"{'':10} {query:26} {fts_median:9.2f} {fts_worst:7.2f} {everything:6}   "
                f"{like_median:8.2f} {like_worst:7.2f} {found:6}"
            )


def run() -> None:
    with tempfile.TemporaryDirectory() as folder:
        bench("sqlite", Settings(data_dir=folder))
    schema = f"assure_bench_{uuid.uuid4().hex[:8]}"
    try:
        admin = create_engine(
            POSTGRES_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3}
        )
        with admin.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as error:
        print(f"postgresql skipped: not reachable at {POSTGRES_URL} ({type(error).__name__})")
        return
    try:
        separator = "&" if "?" in POSTGRES_URL else "?"
        url = f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}"
        bench("postgresql", Settings(data_dir=str(Path(tempfile.gettempdir())), database_url=url))
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


if __name__ == "__main__":
    run()
