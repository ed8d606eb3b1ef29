"""Ingestion on Dask: the same batch of text PDFs with 1 and with 2 local
workers against PostgreSQL, and how the cost grows with the batch size.

Each batch is written afresh (committee packs and regulator reports laid out as
PDFs by the example generator, each copy numbered so that every file is new
content) and ingested into an empty PostgreSQL schema of its own. The times to
start the cluster (its workers importing the pipeline) and to stop it are
given apart from the time to ingest the batch (from the job's start to its
last document stored), with the CPU seconds the workers spent and what was
stored (the same documents and passages with 1 and 2 workers). Then batches of
8, 16 and 32 PDFs, whose difference is the marginal rate, the fixed cost of a
batch taken out. The machine's load average is printed: on a shared machine
other work takes cores from the second worker. Needs the PostgreSQL server of
the tests (``ASSURE_TEST_POSTGRES_URL``); say so and stop where there is none.
"""

from __future__ import annotations

import contextlib
import os
import resource
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text

from assure.ingest.distributed import DaskRunner
from assure.ingest.job import IngestJob, Task
from assure.ingest.report import IngestOutcome
from assure.settings import Settings
from assure.storing import Library

ROOT = Path(__file__).resolve().parents[1]
POSTGRES = os.environ.get(
    "ASSURE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
COUNCIL = "Northfield Borough Council"
DOCUMENTS = 24
REPEATS = 3
SIZES = (8, 16, 32)


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


def cpu_seconds() -> float:
    """CPU seconds this process has used (run on each worker), with the child
    process it reads PDFs in."""
    from assure.reading.pdf_process import cpu_seconds as reading

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime + reading()


class TimedRunner(DaskRunner):
    """Notes how long the cluster took to start, when the batch's last
    document was stored, and the CPU seconds its workers spent on the batch."""

    started = 0.0
    worker_cpu = 0.0
    done_at = 0.0

    def client(self):  # type: ignore[no-untyped-def]
        began = time.perf_counter()
        client = super().client()
        client.wait_for_workers(self.workers or 1)
        self.started = time.perf_counter() - began
        self.live = client
        self.cpu_before = client.run(cpu_seconds)
        return client

    def run(self, job: IngestJob, tasks: Sequence[Task]) -> Iterator[IngestOutcome]:
        for done, outcome in enumerate(super().run(job, tasks), 1):
            if done == len(tasks):
                self.done_at = time.perf_counter()
                after = self.live.run(cpu_seconds)
                self.worker_cpu = sum(after[w] - self.cpu_before.get(w, 0.0) for w in after)
            yield outcome


@dataclass
class Run:
    start: float  # seconds to start the cluster and its workers
    ingest: float  # seconds to ingest the batch, the cluster started
    stop: float  # seconds to stop the cluster, the batch stored
    worker_cpu: float  # CPU seconds the workers spent on it
    documents: int
    passages: int


def ingest(folder: Path, workers: int, data: Path) -> Run:
    """One batch into an empty schema, on a cluster of its own."""
    with schema() as url:
        settings = Settings(data_dir=str(data), database_url=url)
        with Library(settings) as library:
            runner = TimedRunner(workers=workers)
            began = time.perf_counter()
            report = IngestJob(library, settings, runner=runner).run([folder], COUNCIL)
            ended = time.perf_counter()
            passages = sum(1 for _ in library.passages([COUNCIL]))
    stored = len(report.stored)
    ingest_time = runner.done_at - began - runner.started
    return Run(
        runner.started, ingest_time, ended - runner.done_at, runner.worker_cpu, stored, passages
    )


def run() -> None:
    try:
        create_engine(POSTGRES, connect_args={"connect_timeout": 3}).connect().close()
    except Exception as error:
        print(f"no PostgreSQL at {POSTGRES} ({type(error).__name__}): skipped")
        return
    print(f"load average at the start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as root:
        folder = Path(root) / "papers"
        folder.mkdir()
        pages = batch(folder, DOCUMENTS)
        print(f"batch: {DOCUMENTS} PDFs, {pages} pages; PostgreSQL; median of {REPEATS} runs")
        medians: dict[int, Run] = {}
        for workers in (1, 2):
            runs = [ingest(folder, workers, Path(root) / f"data-{workers}") for _ in range(REPEATS)]
            median = sorted(runs, key=lambda r: r.ingest)[len(runs) // 2]
            medians[workers] = median
            print(
                f"{workers} worker(s): start {median.start:.1f}s, ingest {median.ingest:.1f}s, "
                f"stop {median.stop:.1f}s, "
                f"{pages / median.ingest:.1f} pages/s, workers' CPU {median.worker_cpu:.1f}s; "
                f"{median.documents} documents, {median.passages} passages stored"
            )
        same = (medians[1].documents, medians[1].passages) == (
            medians[2].documents,
            medians[2].passages,
        )
        print(
            f"2 workers against 1: {medians[1].ingest / medians[2].ingest:.2f}x "
            f"({'the same' if same else 'NOT the same'} documents and passages stored)"
        )
        print("batch size (ingest time without the start; the marginal rate from 8 to 32 PDFs):")
        times: dict[tuple[int, int], float] = {}
        sized_pages: dict[int, int] = {}
        for documents in SIZES:
            sized = Path(root) / f"batch-{documents}"
            sized.mkdir()
            sized_pages[documents] = batch(sized, documents)
            for workers in (1, 2):
                data = Path(root) / f"data-s{documents}-{workers}"
                times[(documents, workers)] = ingest(sized, workers, data).ingest
            cells = ", ".join(f"{w} worker(s) {times[(documents, w)]:6.1f}s" for w in (1, 2))
            print(f"  {documents:>3} PDFs, {sized_pages[documents]:>4} pages: {cells}")
        low, high = SIZES[0], SIZES[-1]
        for workers in (1, 2):
            seconds = times[(high, workers)] - times[(low, workers)]
            extra = sized_pages[high] - sized_pages[low]
            rate = f"{extra / seconds:.1f} pages/s" if seconds > 0 else "not measurable"
            print(f"  marginal, {workers} worker(s): {rate}")
