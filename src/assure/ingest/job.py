"""The ingest job: find files, parse each outside any transaction, store each in
its own transaction.

A file already stored for its council (same SHA-256) is reported as a duplicate
without being parsed again, so re-running an interrupted ingest only does the
work left. A file that cannot be read, or yields nothing to search, is reported
as failed with one line naming it and the reason, and nothing of it is stored.

Where the work runs is the runner's business: ``LocalRunner`` parses and stores
one file after another in this process; ``assure.ingest.distributed.DaskRunner``
sends each file to a Dask worker, which parses it and stores it in the shared
database itself. Either way each file is one ``ingest_file`` call, so the
results are the same.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from sqlalchemy.exc import SQLAlchemyError

from assure.classifying.labelled import Correction
from assure.errors import DocumentError
from assure.ingest.files import collect_files
from assure.ingest.models import ModelStore
from assure.ingest.report import IngestOutcome, IngestReport
from assure.normalising.characters import storable
from assure.pipeline import Labeller, process
from assure.settings import Settings
from assure.storing import Library, StoredDocument
from assure.structure import ParsedDocument, ParsedStructure, Passage

if TYPE_CHECKING:
    from assure.classifying import StatementClassifier

UNASSIGNED = "Unassigned"  # the council of documents whose council nobody named
Progress = Callable[[IngestOutcome, int, int], None]


@dataclass(frozen=True, slots=True)
class Task:
    """One file to ingest, for a council (``None``: the document's own, if it names one)."""

    path: Path
    council: str | None


@dataclass(frozen=True, slots=True)
class Labelling:
    """What labels a council's passages: its model and its people's corrections.
    Plain data, so that it can travel to a worker."""

    model: StatementClassifier
    corrections: tuple[Correction, ...] = ()

    def labeller(self) -> Labeller:
        from assure.classifying.labelling import label_passages  # numpy only when labelling

        def label(passages: tuple[Passage, ...], structure: ParsedStructure) -> tuple[Passage, ...]:
            return label_passages(passages, structure, self.model, self.corrections)

        return label


class Runner(Protocol):
    """Runs ``ingest_file`` over tasks, yielding each outcome as it finishes."""

    def run(self, job: IngestJob, tasks: Sequence[Task]) -> Iterator[IngestOutcome]: ...


class LocalRunner:
    """Ingests one file after another in this process. ``settle``: the process
    is there for the batch (``assure ingest``), see ``settle``."""

    def __init__(self, settle: bool = False) -> None:
        self.settle = settle

    def run(self, job: IngestJob, tasks: Sequence[Task]) -> Iterator[IngestOutcome]:
        for task in tasks:
            yield ingest_file(task, job.settings, job.library, job.labelling(task.council))
            if self.settle:
                settle()


_settled = False


def settle() -> None:
    """In a process that is there to ingest (the CLI's, a Dask worker), once its
    first file is done: move everything it keeps for the rest of the batch (the
    imported stages, their compiled patterns, the model) out of the cycle
    collector's sight. Otherwise every full collection walks all of it again
    while the batch's short-lived objects come and go: about 7% of a batch's
    instructions (callgrind). Once per process, after a collection, so nothing
    unreachable is kept; not for a process that lives on to do other work
    (the web app), where what is kept would never be collected."""
    global _settled
    if not _settled:
        _settled = True
        gc.collect()
        gc.freeze()


def council_for(named: str | None, settings: Settings, parsed: ParsedDocument | None) -> str:
    """The council a document is filed under: the one named, else the
    settings' default, else the document's own, else ``Unassigned``."""
    found = named or settings.council
    if not found and parsed is not None:
        found = parsed.structure.council
    return (found or UNASSIGNED).strip()


def ingest_file(
    task: Task, settings: Settings, library: Library, labelling: Labelling
) -> IngestOutcome:
    """Parse one file and store it in one transaction; never raises for a bad file."""
    path = storable(str(task.path))  # a name that is not UTF-8 is stored with its codes
    try:
        document = process(task.path, settings, labelling.labeller())
    except DocumentError as error:
        return IngestOutcome(path, "failed", error=str(error))
    except Exception as error:  # a parser bug must not stop the other files
        reason = f"could not be processed ({type(error).__name__}: {error})"
        return IngestOutcome(path, "failed", error=f"{path}: {reason}")
    if not document.passages and not document.metrics:
        return IngestOutcome(
            path, "failed", error=f"{path}: nothing to store (no passages or figures found)"
        )
    council = council_for(task.council, settings, document)
    try:
        stored = library.add(document, council, document.source_lines)
    except SQLAlchemyError as error:  # nothing of it was stored: the transaction rolled back
        reason = str(getattr(error, "orig", None) or error).splitlines()[0]
        return IngestOutcome(path, "failed", error=f"{path}: could not be stored ({reason})")
    if stored is None:
        return duplicate(
            library, task.path, council, library.stored_id(document.content_hash, council)
        )
    return IngestOutcome(
        path,
        "stored",
        document_id=stored,
        council=council,
        kind=str(document.kind),
        pages=document.pages,
        lines=document.lines,
        passages=len(document.passages),
    )


def duplicate(library: Library, path: Path, council: str, document_id: int | None) -> IngestOutcome:
    """An outcome for content already stored, described from the stored copy."""
    found = library.documents([council], ids=[document_id]) if document_id is not None else []
    if not found:
        return IngestOutcome(str(path), "duplicate", document_id=document_id, council=council)
    return described(path, council, found[0])


def described(path: Path, council: str, stored: StoredDocument) -> IngestOutcome:
    """An outcome for content already stored as ``stored``."""
    return IngestOutcome(
        str(path),
        "duplicate",
        document_id=stored.id,
        council=council,
        kind=stored.kind,
        pages=stored.pages,
        lines=stored.lines,
        passages=stored.passages,
    )


class IngestJob:
    """Ingest files and folders for a council into a library."""

    def __init__(
        self,
        library: Library,
        settings: Settings,
        models: ModelStore | None = None,
        runner: Runner | None = None,
    ) -> None:
        self.library = library
        self.settings = settings
        self.models = models or ModelStore(settings)
        self.runner = runner or LocalRunner()
        self._labellings: dict[str | None, Labelling] = {}

    def labelling(self, council: str | None) -> Labelling:
        """The council's model with its people's corrections, loaded once a job."""
        name = council or self.settings.council
        if name not in self._labellings:
            corrections = tuple(
                Correction(r.passage_text, r.qs, r.category, r.stance, r.passage_id)
                for r in (self.library.corrections([name]) if name else ())
            )
            self._labellings[name] = Labelling(self.models.model(name), corrections)
        return self._labellings[name]

    def run(
        self,
        paths: Iterable[str | Path],
        council: str | None = None,
        progress: Progress | None = None,
    ) -> IngestReport:
        """Ingest every file under ``paths`` (folders recursively, in sorted
        order); ``progress(outcome, done, total)`` after each file."""
        files, problems = collect_files(paths)
        outcomes = [IngestOutcome(str(p.path), "failed", error=p.message) for p in problems]
        total = len(files) + len(outcomes)

        def advance(outcome: IngestOutcome) -> None:
            outcomes.append(outcome)
            if progress is not None:
                progress(outcome, len(outcomes), total)

        done = list(outcomes)
        outcomes.clear()
        for outcome in done:
            advance(outcome)
        stored = self.already_stored(files, council)
        tasks: list[Task] = []
        for path in files:
            found = stored.get(path)
            if found is None:
                tasks.append(Task(path, council))
            else:
                advance(found)
        for outcome in self.runner.run(self, tasks):
            advance(outcome)
        order = {str(p): i for i, p in enumerate([*(x.path for x in problems), *files])}
        return IngestReport(tuple(sorted(outcomes, key=lambda o: order.get(o.path, 0))))

    def already_stored(
        self, paths: Sequence[Path], council: str | None
    ) -> dict[Path, IngestOutcome]:
        """The outcomes for files whose content the council already holds, found
        by hashing each file before parsing it (only where the council is
        known), looked up together."""
        name = council or self.settings.council
        if not name or not paths:
            return {}
        digests = {path: file_hash(path, self.settings.max_file_bytes) for path in paths}
        stored = self.library.stored_copies([d for d in digests.values() if d], name)
        return {
            path: described(path, name, stored[digest])
            for path, digest in digests.items()
            if digest in stored
        }


def file_hash(path: Path, limit: int) -> str | None:
    """SHA-256 of the file, or ``None`` if it cannot be read or is over ``limit``
    bytes (the reader then reports why)."""
    try:
        if path.stat().st_size > limit:
            return None
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None
