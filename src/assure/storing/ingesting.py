"""Ingesting files: find them, parse each outside any transaction, store each
in its own transaction.

A file already stored for the council (same SHA-256) is reported as a
duplicate without being parsed again, so re-running an interrupted ingest
only does the remaining work.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.exc import SQLAlchemyError

from assure.document import SourceLine
from assure.errors import DocumentError
from assure.settings import Settings
from assure.storing.records import IngestOutcome, IngestReport
from assure.structure import ParsedDocument

if TYPE_CHECKING:
    from assure.storing.library import Library, Progress


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and files under folders named (recursively), each in
    sorted order; hidden files and folders are skipped. A path that does not
    exist is kept so that it is reported as a failure."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                f
                for f in sorted(path.rglob("*"))
                if f.is_file()
                and not any(part.startswith(".") for part in f.relative_to(path).parts)
            )
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def parse_file(path: Path, settings: Settings) -> tuple[ParsedDocument, Sequence[SourceLine]]:
    """Run the pipeline on one file, keeping its source lines for storage."""
    from assure.pipeline import STAGES, Work, finish

    work = Work(path=path, settings=settings)
    for stage in STAGES:
        stage(work)
    assert work.source is not None
    return finish(work), work.source.lines


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


def ingest_files(
    library: Library,
    paths: Iterable[str | Path],
    council: str | None,
    progress: Progress | None,
) -> IngestReport:
    files = collect_files(paths)
    outcomes: list[IngestOutcome] = []
    for path in files:
        outcome = ingest_file(library, path, council)
        outcomes.append(outcome)
        if progress is not None:
            progress(outcome, len(outcomes), len(files))
    return IngestReport(tuple(outcomes))


def ingest_file(library: Library, path: Path, council: str | None) -> IngestOutcome:
    settings = library.settings
    # Where the council is known before parsing, a stored copy is found cheaply.
    if council or settings.council:
        digest = file_hash(path, settings.max_file_bytes)
        existing = digest and library.stored_id(digest, council)
        if existing:
            return duplicate(library, path, existing)
    try:
        parsed, lines = parse_file(path, settings)
    except DocumentError as error:
        return IngestOutcome(str(path), "failed", error=str(error))
    except Exception as error:  # a parser bug must not stop the other files
        reason = f"could not be processed ({type(error).__name__}: {error})"
        return IngestOutcome(str(path), "failed", error=f"{path}: {reason}")
    try:
        stored = library.add(parsed, council, lines)
    except SQLAlchemyError as error:  # nothing of it was stored: the transaction rolled back
        reason = str(getattr(error, "orig", None) or error).splitlines()[0]
        return IngestOutcome(str(path), "failed", error=f"{path}: could not be stored ({reason})")
    if stored is None:
        existing = library.stored_id(parsed.content_hash, library.council_name(council, parsed))
        return duplicate(library, path, existing)
    return IngestOutcome(
        str(path),
        "stored",
        document_id=stored,
        kind=str(parsed.kind),
        pages=parsed.pages,
        lines=parsed.lines,
        passages=len(parsed.passages),
    )


def duplicate(library: Library, path: Path, document_id: int | None) -> IngestOutcome:
    """An outcome for content already stored, described from the stored copy."""
    if document_id is not None:
        for doc in library.documents(ids=[document_id]):
            return IngestOutcome(
                str(path),
                "duplicate",
                document_id=doc.id,
                kind=doc.kind,
                pages=doc.pages,
                lines=doc.lines,
                passages=doc.passages,
            )
    return IngestOutcome(str(path), "duplicate", document_id=document_id)
