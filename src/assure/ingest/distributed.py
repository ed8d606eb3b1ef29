"""Ingestion on Dask (``dask.distributed``): many processes or machines, one
shared database.

Files travel to the workers in parcels of a few files of one council (a
task each): a task costs the scheduler, the client and the worker tens of
milliseconds of their own, as much as parsing a short paper. A worker reads,
parses and classifies each file of its parcel and stores it in the shared
database (PostgreSQL for more than one machine) in one transaction of its
own, idempotent by content hash: a parcel that ran twice, or a worker lost
mid-batch whose parcels Dask gives to another, stores each document once
(a file stored before the loss is reported as already stored), and re-running
the batch finishes what was left. Parcels are made even by their files'
sizes, several per worker, the largest files first, so that the batch does
not end waiting on one worker. The models
travel to the workers once each (``scatter``), so workers need no data folder
of their own. ``LocalCluster`` starts worker processes on this machine
(``--workers N``); an existing scheduler (on Kubernetes, YARN, SSH or this
machine) is used by its address (``--scheduler tcp://HOST:PORT``).

A worker is made ready before the batch reaches it: a local cluster's workers
import the pipeline and run it once on a short paper of our own as they start
(``dask_setup``, Dask's preload hook), and every worker opens its library
while the models travel to it, all workers at once. Otherwise the first file on each
worker would carry seconds of start-up, paid one worker after another on a
busy machine, and a small batch would gain little from a second worker.
"""

from __future__ import annotations

import heapq
import tempfile
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assure.ingest.job import IngestJob, Labelling, Task, ingest_file, settle
from assure.ingest.report import IngestOutcome
from assure.pipeline import STRUCTURE_STAGES, process
from assure.settings import Settings
from assure.storing import Library

if TYPE_CHECKING:
    from distributed import Client

RETRIES = 2  # a task whose worker died is run again elsewhere this many times
_libraries: dict[str, Library] = {}
_lock = threading.Lock()


def worker_library(settings: Settings) -> Library:
    """One open library per worker process and database."""
    url = settings.resolved_database_url
    with _lock:
        if url not in _libraries:
            _libraries[url] = Library(settings)
        return _libraries[url]


_ready = False


def dask_setup(worker: object = None) -> None:
    """Dask's preload hook, run as each worker process of a local cluster
    starts (and by ``ready_worker`` where no preload ran): import every stage,
    run the stages once on a paper of our own, and settle what the process
    keeps, so that a started worker is a ready one."""
    global _ready
    if _ready:
        return
    from assure.parsing.registry import parsers
    from assure.reading.registry import readers

    readers()
    parsers()
    for module in READY_IMPORTS:
        import_module(module)
    warm_up(Settings())
    settle()
    _ready = True


# What the stages and opening the library import when first used: the
# classifier's numpy and scipy, the migrations, the PostgreSQL driver.
READY_IMPORTS = (
    "assure.classifying.labelling",
    "alembic.command",
    "alembic.runtime.migration",
    "alembic.script",
    "sqlalchemy.dialects.postgresql.psycopg",
)
# A short paper of our own, run through the stages by each worker before the
# batch (not stored): the first document a process reads pays for importing
# the classifier's libraries and compiling patterns used only inside parsers
# (0.8 CPU-seconds against 0.08 for the next, measured on a generated pack).
WARM_UP = """Northfield Borough Council
Adults Scrutiny Committee
Minutes of the meeting held on 4 March 2025
Present: Councillor A. Example (Chair), Councillor B. Sample
1. Apologies for absence
Apologies were received from Councillor C. Placeholder.
2. Adult social care performance
The committee noted that 87% of people who use services felt safe, up from
84% in 2023/24, and that 1,240 people received direct payments.
RESOLVED: that the report be noted.
Action: the Director to report on waiting times by 30 June 2025.
"""


def ready_worker(settings: Settings) -> None:
    """Make a worker ready for the batch: ``dask_setup`` done, its library open."""
    dask_setup()
    worker_library(settings)


def warm_up(settings: Settings) -> None:
    """The stages but the classifier's, run once on ``WARM_UP``; nothing stored."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "warm-up.txt"
        path.write_text(WARM_UP, encoding="utf-8")
        process(path, settings, stages=STRUCTURE_STAGES)


def ingest_on_worker(
    parcel: tuple[Task, ...], settings: Settings, labelling: Labelling
) -> tuple[IngestOutcome, ...]:
    """A parcel as a worker runs it: each file parsed and stored in turn, in
    the worker's process (made ready by ``ready_worker`` before the batch)."""
    library = worker_library(settings)
    return tuple(ingest_file(task, settings, library, labelling) for task in parcel)


PARCELS_PER_WORKER = 4  # enough that the batch ends evenly across the workers
MOST_FILES = 8  # files in a parcel: more saves little and makes progress coarse


def parcels(tasks: Sequence[Task], workers: int) -> list[tuple[Task, ...]]:
    """The tasks in parcels of one council, largest parcel first: about
    ``PARCELS_PER_WORKER`` parcels per worker, at most ``MOST_FILES`` files
    each, each file (largest first) put in the parcel with the fewest bytes so far."""
    made: list[tuple[int, tuple[Task, ...]]] = []
    by_council: dict[str | None, list[Task]] = {}
    for task in tasks:
        by_council.setdefault(task.council, []).append(task)
    for group in by_council.values():
        wanted = max(workers * PARCELS_PER_WORKER, -(-len(group) // MOST_FILES))
        count = min(len(group), wanted)
        heap: list[tuple[int, int, list[Task]]] = [(0, n, []) for n in range(count)]
        full: list[tuple[int, int, list[Task]]] = []
        for size, task in sorted(((size_of(t), t) for t in group), key=lambda x: -x[0]):
            total, n, parcel = heapq.heappop(heap)
            parcel.append(task)
            if len(parcel) < MOST_FILES:
                heapq.heappush(heap, (total + size, n, parcel))
            else:
                full.append((total + size, n, parcel))
        made.extend((total, tuple(parcel)) for total, _, parcel in [*heap, *full] if parcel)
    return [parcel for _, parcel in sorted(made, key=lambda made: -made[0])]


# A local cluster of ours has no dashboard, so nobody reads what the workers'
# sampling profiler gathers: it walked the running task's stack 100 times a
# second (about a third more CPU for a deep stack like the pipeline's, on a
# loaded machine), and the other timers woke each idle worker 150 times a
# second (26 ms of CPU a second against 4 with these). A cluster at a
# scheduler's address keeps its own settings.
QUIET_CLUSTER = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
}


class DaskRunner:
    """Runs the ingest job's tasks on a Dask cluster: a local one of ``workers``
    processes, or the scheduler at ``scheduler``."""

    def __init__(self, workers: int | None = None, scheduler: str | None = None) -> None:
        if workers is None and scheduler is None:
            raise ValueError("give a number of workers or a scheduler's address")
        self.workers = workers
        self.scheduler = scheduler

    def client(self) -> Client:
        from distributed import Client, LocalCluster

        if self.scheduler is not None:
            return Client(self.scheduler, timeout="20s")
        import dask

        with dask.config.set(QUIET_CLUSTER):  # the workers take it from their nanny
            cluster = LocalCluster(
                n_workers=self.workers,
                threads_per_worker=1,  # parsing is Python: processes, not threads, use the cores
                processes=True,
                preload=[__name__],  # each worker imports this module and runs dask_setup
                dashboard_address=None,
                silence_logs=40,  # errors only
            )
        return Client(cluster)

    def run(self, job: IngestJob, tasks: Sequence[Task]) -> Iterator[IngestOutcome]:
        if not tasks:
            return
        from distributed import as_completed

        # The models load here while the cluster's workers start and import.
        with ThreadPoolExecutor(1) as loader:
            councils = list(dict.fromkeys(task.council for task in tasks))
            loading = loader.submit(lambda: {c: job.labelling(c) for c in councils})
            client = self.client()
        try:
            labellings = loading.result()
            client.run(ready_worker, job.settings)
            shared = {
                council: client.scatter(labelling, broadcast=True, hash=False)
                for council, labelling in labellings.items()
            }
            workers = max(1, len(client.scheduler_info()["workers"]))
            futures: dict[Any, tuple[Task, ...]] = {}
            for order, parcel in enumerate(parcels(tasks, workers)):
                future = client.submit(
                    ingest_on_worker,
                    parcel,
                    job.settings,
                    shared[parcel[0].council],
                    retries=RETRIES,
                    pure=False,
                    priority=-order,  # the largest parcels first
                )
                futures[future] = parcel
            for future in as_completed(futures):
                yield from outcomes_of(future, futures[future])
        finally:
            cluster = client.cluster
            client.close()
            if cluster is not None and self.scheduler is None:
                cluster.close()


def size_of(task: Task) -> int:
    """A task's file's size, to make parcels even and start the largest first."""
    try:
        return task.path.stat().st_size
    except OSError:
        return 0


def outcomes_of(future: Any, parcel: tuple[Task, ...]) -> tuple[IngestOutcome, ...]:
    """A finished parcel's outcomes; a parcel that failed on the cluster itself
    (its worker kept dying) is a failed file each, named, not an error of the batch."""
    if future.status == "finished":
        outcomes: tuple[IngestOutcome, ...] = future.result()
        return outcomes
    reason = f"could not be processed on the cluster ({future.exception()})"
    return tuple(
        IngestOutcome(str(task.path), "failed", error=f"{task.path}: {reason}") for task in parcel
    )
