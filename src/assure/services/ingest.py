"""Ingesting files into a council's library."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import BaseModel

from assure.ingest.job import IngestJob, LocalRunner, Runner
from assure.ingest.report import IngestOutcome, IngestReport
from assure.services.application import Application
from assure.services.errors import InvalidRequest
from assure.services.scope import Role, Scope


class FileOutcome(BaseModel):
    """What happened to one file: stored, duplicate (already stored) or failed."""

    path: str
    status: str
    document_id: int | None
    council: str | None
    kind: str | None
    pages: int | None
    lines: int | None
    passages: int | None
    error: str | None


class IngestSummary(BaseModel):
    files: list[FileOutcome]
    stored: int
    duplicates: int
    failed: int


def outcome(o: IngestOutcome) -> FileOutcome:
    return FileOutcome(
        path=o.path,
        status=o.status,
        document_id=o.document_id,
        council=o.council,
        kind=o.kind,
        pages=o.pages,
        lines=o.lines,
        passages=o.passages,
        error=o.error,
    )


def summarise(report: IngestReport) -> IngestSummary:
    return IngestSummary(
        files=[outcome(o) for o in report.outcomes],
        stored=len(report.stored),
        duplicates=len(report.duplicates),
        failed=len(report.failed),
    )


def ingest(
    app: Application,
    scope: Scope,
    paths: Sequence[str | Path],
    council: str | None,
    progress: Callable[[FileOutcome, int, int], None] | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    settle: bool = False,
) -> IngestSummary:
    """Read, parse and store files and folders for ``council`` (needs the
    editor role there). Without a council, the local operator files each
    document under the council it names, or ``Unassigned``. With ``workers``
    (a local cluster of that many processes) or a Dask ``scheduler``'s
    address, files are ingested on Dask workers, with the same results.
    ``settle``: this process is there for the batch alone (the CLI's), see
    ``assure.ingest.job.settle``."""
    if council is not None or scope.user is not None:
        scope.require(council or "", Role.EDITOR)
    runner: Runner = LocalRunner(settle=settle)
    if workers is not None and workers < 1:
        raise InvalidRequest(f"workers must be 1 or more, not {workers}")
    if workers is not None or scheduler is not None:
        from assure.ingest.distributed import DaskRunner

        runner = DaskRunner(workers, scheduler)
    job = IngestJob(app.library, app.settings, app.models, runner)

    def advance(o: IngestOutcome, done: int, total: int) -> None:
        if progress is not None:
            progress(outcome(o), done, total)

    return summarise(job.run(paths, council=council, progress=advance))
