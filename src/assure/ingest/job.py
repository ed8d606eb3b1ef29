"""The ingest job: find files, parse each outside any transaction, store each in
its own transaction.

A file already stored for its council (same SHA-256) is reported as a duplicate
without being parsed again, so re-running an interrupted ingest only does the
work left. A file that cannot be read, or yields nothing to search, is reported
as failed with one line naming it and the reason, and nothing of it is stored.
Where the parsing runs is the runner's business (this process, or Dask
workers); storing always happens here, one document per transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sqlalchemy.exc import SQLAlchemyError

from assure.classifying import Correction
from assure.errors import DocumentError
from assure.ingest.files import collect_files
from assure.ingest.models import ModelStore
from assure.ingest.report import IngestOutcome, IngestReport
from assure.pipeline import Labeller, process
from assure.settings import Settings
from assure.storing import Library
from assure.structure import ParsedDocument

UNASSIGNED = "Unassigned"  # the council of documents whose council nobody named
Progress = Callable[[IngestOutcome, int, int], None]


@dataclass(frozen=True, slots=True)
class Task:
    """One file to parse, for a council (``None``: the document's own, if it names one)."""

    path: Path
    council: str | None


@dataclass(frozen=True, slots=True)
class Parsed:
    """A task's result: the parsed document, or the one-line reason it failed."""

    task: Task
    document: ParsedDocument | None = None
    error: str | None = None


class Runner(Protocol):
    """Runs the pipeline over tasks, yielding results as they finish."""

    def run(self, tasks: list[Task], parse: Callable[[Task], Parsed]) -> Iterator[Parsed]: ...


class LocalRunner:
    """Parses one file after another in this process."""

    def run(self, tasks: list[Task], parse: Callable[[Task], Parsed]) -> Iterator[Parsed]:
        for task in tasks:
            yield parse(task)


def council_for(named: str | None, settings: Settings, parsed: ParsedDocument | None) -> str:
    """The council a document is filed under: the one named, else the
    settings' default, else the document's own, else ``Unassigned``."""
    found = named or settings.council
    if not found and parsed is not None:
        found = parsed.structure.council
    return (found or UNASSIGNED).strip()


def parse_task(task: Task, settings: Settings, labeller: Labeller) -> Parsed:
    """Run the pipeline on one file; never raises for a bad file."""
    path = task.path
    try:
        document = process(path, settings, labeller)
    except DocumentError as error:
        return Parsed(task, error=str(error))
    except Exception as error:  # a parser bug must not stop the other files
        return Parsed(
            task, error=f"{path}: could not be processed ({type(error).__name__}: {error})"
        )
    if not document.passages and not document.metrics:
        return Parsed(task, error=f"{path}: nothing to store (no passages or figures found)")
    return Parsed(task, document=document)


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
        self._labellers: dict[str | None, Labeller] = {}

    def labeller(self, council: str | None) -> Labeller:
        """The council's model with its people's corrections, loaded once a job."""
        name = council or self.settings.council
        if name not in self._labellers:
            corrections = (
                [
                    Correction(r.passage_text, r.qs, r.category, r.stance, r.passage_id)
                    for r in self.library.corrections([name])
                ]
                if name
                else []
            )
            self._labellers[name] = self.models.labeller(name, corrections)
        return self._labellers[name]

    def run(
        self,
        paths: Iterable[str | Path],
        council: str | None = None,
        progress: Progress | None = None,
    ) -> IngestReport:
        """Parse and store every file under ``paths`` (folders recursively, in
        sorted order); ``progress(outcome, done, total)`` after each file."""
        files, problems = collect_files(paths)
        outcomes = [IngestOutcome(str(p.path), "failed", error=p.message) for p in problems]
        total = len(files) + len(outcomes)
        for done, outcome in enumerate(outcomes, 1):
            if progress is not None:
                progress(outcome, done, total)
        tasks: list[Task] = []
        for path in files:
            found = self.already_stored(path, council)
            if found is None:
                tasks.append(Task(path, council))
                continue
            outcomes.append(found)
            if progress is not None:
                progress(found, len(outcomes), total)
        settings = self.settings
        for parsed in self.runner.run(
            tasks, lambda t: parse_task(t, settings, self.labeller(t.council))
        ):
            outcome = self.store(parsed)
            outcomes.append(outcome)
            if progress is not None:
                progress(outcome, len(outcomes), total)
        order = {str(p): i for i, p in enumerate([*(x.path for x in problems), *files])}
        return IngestReport(tuple(sorted(outcomes, key=lambda o: order.get(o.path, 0))))

    def already_stored(self, path: Path, council: str | None) -> IngestOutcome | None:
        """The outcome for a file whose content the council already holds, found
        by hashing the file before parsing it (only where the council is known)."""
        name = council or self.settings.council
        if not name:
            return None
        digest = file_hash(path, self.settings.max_file_bytes)
        existing = digest and self.library.stored_id(digest, name)
        return self.duplicate(path, name, existing) if existing else None

    def store(self, parsed: Parsed) -> IngestOutcome:
        path = str(parsed.task.path)
        document = parsed.document
        if document is None:
            return IngestOutcome(path, "failed", error=parsed.error)
        council = council_for(parsed.task.council, self.settings, document)
        try:
            stored = self.library.add(document, council, document.source_lines)
        except SQLAlchemyError as error:  # nothing of it was stored: the transaction rolled back
            reason = str(getattr(error, "orig", None) or error).splitlines()[0]
            return IngestOutcome(path, "failed", error=f"{path}: could not be stored ({reason})")
        if stored is None:
            existing = self.library.stored_id(document.content_hash, council)
            return self.duplicate(parsed.task.path, council, existing)
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

    def duplicate(self, path: Path, council: str, document_id: int | None) -> IngestOutcome:
        """An outcome for content already stored, described from the stored copy."""
        if document_id is not None:
            for doc in self.library.documents([council], ids=[document_id]):
                return IngestOutcome(
                    str(path),
                    "duplicate",
                    document_id=doc.id,
                    council=council,
                    kind=doc.kind,
                    pages=doc.pages,
                    lines=doc.lines,
                    passages=doc.passages,
                )
        return IngestOutcome(str(path), "duplicate", document_id=document_id, council=council)


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
