"""Ingestion on Dask: the same batch of text PDFs with 1 and with 2 local
workers against PostgreSQL, and how the cost grows with the batch size.

Each batch is written afresh (committee packs and regulator reports laid out as
PDFs by the example generator, each copy numbered so that every file is new
content) and ingested into an empty PostgreSQL schema of its own. The time to
start the cluster is given apart from the time to ingest the batch. Needs the
PostgreSQL server of the tests (``ASSURE_TEST_POSTGRES_URL``); say so and stop
where there is none.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, text

from assure.ingest.distributed import DaskRunner
from assure.ingest.job import IngestJob
from assure.settings import Settings
from assure.storing import Library

ROOT = Path(__file__).resolve().parents[1]
POSTGRES = os.environ.get(
    "ASSURE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
COUNCIL = "Northfield Borough Council"


def batch(folder: Path, documents: int) -> int:
    """Write ``documents`` PDFs into ``folder``; how many pages they hold."""
    sys.path.insert(0, str(ROOT / "tools"))
    import paged  # type: ignore[import-not-found]

    sources = [
        (ROOT / "examples" / "sources" / "committee-pack.txt").read_text(encoding="utf-8"),
        (ROOT / "examples" / "sources" / "assessment-report.txt").read_text(encoding="utf-8"),
    ]
    pages = 0
    for n in range(documents):
        source = sources[n % 2].replace("Northfield", f"Northfield {n}")
        laid = paged.lay_out(source)
        paged.write_pdf(laid, folder / f"paper-{n:03}.pdf", f"Paper {n}", COUNCIL)
        pages += len(laid)
    return pages


@contextlib.contextmanager
def schema() -> Iterator[str]:
    name = f"assure_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{name}"'))
    try:
        yield f"{POSTGRES}?options=-csearch_path%3D{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        admin.dispose()


class TimedRunner(DaskRunner):
    """Notes how long the cluster took to start."""

    started = 0.0

    def client(self):  # type: ignore[no-untyped-def]
        began = time.perf_counter()
        client = super().client()
        client.wait_for_workers(self.workers or 1)
        self.started = time.perf_counter() - began
        return client


def ingest(folder: Path, workers: int, data: Path) -> tuple[float, float, int]:
    """Seconds to start the cluster, seconds to ingest, documents stored."""
    with schema() as url:
        settings = Settings(data_dir=str(data), database_url=url)
        with Library(settings) as library:
            runner = TimedRunner(workers=workers)
            began = time.perf_counter()
            report = IngestJob(library, settings, runner=runner).run([folder], COUNCIL)
            total = time.perf_counter() - began
    return runner.started, total - runner.started, len(report.stored)


def run() -> None:
    try:
        create_engine(POSTGRES, connect_args={"connect_timeout": 3}).connect().close()
    except Exception as error:
        print(f"no PostgreSQL at {POSTGRES} ({type(error).__name__}): skipped")
        return
    with tempfile.TemporaryDirectory() as root:
        folder = Path(root) / "papers"
        folder.mkdir()
        pages = batch(folder, 24)
        print(f"batch: 24 PDFs, {pages} pages; PostgreSQL; median of 3 runs")
        rates = {}
        for workers in (1, 2):
            runs = sorted(ingest(folder, workers, Path(root) / f"data-{workers}") for _ in range(3))
            start, seconds, stored = runs[1]
            rates[workers] = pages / seconds
            print(
                f"{workers} worker(s): start {start:.1f}s, ingest {seconds:.1f}s, {stored} stored, "
                f"{pages / seconds:.1f} pages/s"
            )
        print(f"2 workers against 1: {rates[2] / rates[1]:.2f}x")
        print("batch size with 2 workers (ingest time, without start):")
        for documents in (8, 16, 32):
            sized = Path(root) / f"batch-{documents}"
            sized.mkdir()
            pages = batch(sized, documents)
            _, seconds, _ = ingest(sized, 2, Path(root) / f"data-s{documents}")
            rate = pages / seconds
            print(f"  {documents:>3} PDFs, {pages:>4} pages: {seconds:6.1f}s, {rate:6.1f} pages/s")
