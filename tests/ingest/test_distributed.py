"""Ingestion on Dask workers gives what ingestion in this process gives, and a
worker killed mid-batch loses nothing, on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from assure.ingest.distributed import MOST_FILES, DaskRunner, parcels
from assure.ingest.job import IngestJob, Task
from assure.ingest.report import IngestOutcome
from assure.settings import Settings
from assure.storing import Library

pytestmark = pytest.mark.slow
COUNCIL = "Northfield Borough Council"


def example_files(examples: Path) -> list[Path]:
    return sorted([*examples.glob("*.docx"), *examples.glob("*.pdf"), *examples.glob("*.csv")])


def stored_state(library: Library) -> list[tuple[object, ...]]:
    """What a user sees of the library: each document, its passages with their
    place and labels, and its figures."""
    state = []
    for document in library.documents([COUNCIL]):
        passages = [
            (
                p.passage.start_line,
                p.passage.end_line,
                p.passage.page,
                p.passage.section,
                p.passage.text,
                tuple((q.id, q.source) for q in p.passage.qs),
                p.passage.category,
                p.passage.stance,
            )
            for p in library.passages([COUNCIL], document=document.id)
        ]
        figures = sorted(
            (
                (
                    x.metric.start_line,
                    x.metric.text,
                    x.metric.measure,
                    x.metric.value,
                    x.metric.unit,
                )
                for x in library.metrics([COUNCIL], document=document.id)
            ),
            key=repr,  # a figure's measure or unit may be unknown (None)
        )
        name = Path(document.source_path).name
        state.append((name, document.kind, document.lines, document.pages, passages, figures))
    return sorted(state)


def test_dask_workers_store_what_this_process_stores(settings, tmp_path, examples) -> None:
    files = example_files(examples)
    local_settings = Settings(data_dir=str(tmp_path / "local"))
    with Library(local_settings) as local:
        report = IngestJob(local, local_settings).run(files, COUNCIL)
        assert report.ok and len(report.stored) == len(files)
        expected = stored_state(local)
    with Library(settings) as library:
        report = IngestJob(library, settings, runner=DaskRunner(workers=2)).run(files, COUNCIL)
        assert report.ok and len(report.stored) == len(files)
        assert [Path(o.path).name for o in report.outcomes] == [f.name for f in files]
        assert stored_state(library) == expected
        again = IngestJob(library, settings, runner=DaskRunner(workers=2)).run(files, COUNCIL)
        assert len(again.duplicates) == len(files)


class KillingRunner(DaskRunner):
    """Kills one worker process as soon as the first file is done; the
    cluster's nanny starts another and the scheduler runs its tasks again."""

    def run(self, job: IngestJob, tasks: Sequence[Task]) -> Iterator[IngestOutcome]:
        killed = False
        for outcome in super().run(job, tasks):
            if not killed:
                pids = self.live_client.run(os.getpid)
                os.kill(next(iter(pids.values())), signal.SIGKILL)
                killed = True
            yield outcome

    def client(self):  # type: ignore[no-untyped-def]
        self.live_client = super().client()
        return self.live_client


def test_a_worker_killed_mid_batch_loses_nothing_and_stores_nothing_twice(
    settings, tmp_path, examples
) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    for n in range(6):  # six different documents, so each is stored once
        source = (examples / "northfield-asc-self-assessment-2024.txt").read_text(encoding="utf-8")
        (folder / f"self-assessment-{n}.txt").write_text(f"{source}\nCopy {n}.\n", encoding="utf-8")
    with Library(settings) as library:
        report = IngestJob(library, settings, runner=KillingRunner(workers=2)).run(
            [folder], COUNCIL
        )
        stored = library.documents([COUNCIL])
        assert len(stored) == len({d.content_hash for d in stored})
        # A file the killed worker had stored before it died is found stored
        # when its task runs again: reported as already stored, not stored twice.
        assert len(report.stored) + len(report.duplicates) + len(report.failed) == 6
        rerun = IngestJob(library, settings).run([folder], COUNCIL)
        assert rerun.ok
        assert len(library.documents([COUNCIL])) == 6


def test_parcels_hold_each_file_once_one_council_each_and_even_by_size(tmp_path) -> None:
    sizes = [90_000, 5_000, 40_000, 40_000, 7_000, 60_000, 3_000, 12_000, 20_000, 1_000]
    tasks = []
    for n, size in enumerate(sizes):
        path = tmp_path / f"paper-{n}.pdf"
        path.write_bytes(b"x" * size)
        tasks.append(Task(path, COUNCIL if n % 3 else "Southfield City Council"))
    made = parcels(tasks, workers=2)
    assert sorted(t.path.name for p in made for t in p) == sorted(t.path.name for t in tasks)
    assert all(len({t.council for t in parcel}) == 1 for parcel in made)
    one_council = [p for p in parcels([t for t in tasks if t.council == COUNCIL], 1)]
    totals = [sum(t.path.stat().st_size for t in p) for p in one_council]
    assert totals == sorted(totals, reverse=True)  # the largest parcel goes first
    # With as many parcels as files allow, each parcel is one file, largest first.
    single = parcels(tasks[:3], workers=2)
    assert [len(p) for p in single] == [1, 1, 1]
    assert single[0][0].path.name == "paper-0.pdf"
    # Many files: parcels of at most MOST_FILES, no parcel more than one file's
    # size heavier than another.
    many = [Task(tasks[n % len(tasks)].path, COUNCIL) for n in range(100)]
    big = parcels(many, workers=2)
    assert max(len(p) for p in big) <= MOST_FILES
    weights = [sum(t.path.stat().st_size for t in p) for p in big]
    assert max(weights) - min(weights) <= max(sizes)
