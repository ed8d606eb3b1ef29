"""Documents uploaded through the web app or API: checked for size and type
before anything parses them, then ingested in the background, one job per
upload whose progress is kept beside the file (so any worker process of the
app can report it). The file itself is a council's document, personal data
and all: it is kept only until its ingest ends (the library holds what was
read from it), and a finished job's record for ``KEEP_DAYS``.

    job = start(app, scope, "Northfield Borough Council", "pack.pdf", data)
    status(app, scope, job.id).state   # queued -> reading -> stored | duplicate | failed
"""

from __future__ import annotations

import json
import re
import secrets
import shutil
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from assure.reading.registry import choose_reader, content_head, describe_content
from assure.services.application import Application
from assure.services.audit import note
from assure.services.errors import InvalidRequest, NotFound
from assure.services.ingest import ingest
from assure.services.scope import Role, Scope
from assure.settings import private_folder

State = Literal["queued", "reading", "stored", "duplicate", "failed"]
JOB_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
# One ingest at a time per process: parsing is CPU-bound and the machine small.
RUNNER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="assure-upload")
KEEP_DAYS = 7  # how long a finished upload's progress can still be asked for


class UploadJob(BaseModel):
    id: str
    council: str
    file_name: str
    size: int
    user: str
    state: State
    created_at: datetime
    finished_at: datetime | None = None
    document_id: int | None = None
    error: str | None = None

    @property
    def done(self) -> bool:
        return self.state in ("stored", "duplicate", "failed")


def uploads_folder(app: Application) -> Path:
    return Path(app.settings.data_dir).resolve() / "uploads"


def safe_name(name: str) -> str:
    """The file's own name, without folders or control characters (kept
    otherwise as given: it is shown escaped, never trusted)."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(c for c in base if c.isprintable()).strip().lstrip(".")
    return base[:200] or "upload"


def check(app: Application, file_name: str, data: bytes) -> None:
    """Refuse an empty, over-size or unreadable file before any parsing."""
    limit = app.settings.max_file_bytes
    if not data:
        raise InvalidRequest(f"{file_name}: empty file")
    if len(data) > limit:
        raise InvalidRequest(
            f"{file_name}: too large ({len(data) / 1048576:.1f} MB, "
            f"limit {app.settings.max_file_mb:g} MB)"
        )
    if choose_reader(content_head(data)) is None:
        kind = describe_content(data[:8192], Path(file_name).suffix)
        raise InvalidRequest(f"{file_name}: unsupported file type ({kind})")


def start(app: Application, scope: Scope, council: str, file_name: str, data: bytes) -> UploadJob:
    """Check the file, keep it, and queue its ingest for ``council`` (the
    caller must be an editor there)."""
    scope.require(council, Role.EDITOR)
    name = safe_name(file_name)
    check(app, name, data)
    job = UploadJob(
        id=secrets.token_urlsafe(18),
        council=council,
        file_name=name,
        size=len(data),
        user=scope.actor,
        state="queued",
        created_at=datetime.now(UTC),
    )
    folder = private_folder(uploads_folder(app) / job.id)
    (folder / name).write_bytes(data)
    save(folder, job)
    RUNNER.submit(run, app, scope.narrowed(council), job, folder / name)
    return job


def run(app: Application, scope: Scope, job: UploadJob, path: Path) -> None:
    """Ingest the kept file (``ingest.ingest``) and record how it went; a
    stored document is written to the audit log."""
    folder = path.parent
    save(folder, job := job.model_copy(update={"state": "reading"}))
    try:
        summary = ingest(app, scope, [path], job.council)
        outcome = summary.files[0]
        state: State = outcome.status  # type: ignore[assignment]
        error, document_id = outcome.error, outcome.document_id
    except Exception as failure:  # the job reports it; the app keeps serving
        state, error, document_id = "failed", f"{job.file_name}: {failure}", None
    finally:
        path.unlink(missing_ok=True)  # read or refused: the copy is not needed
    if state == "stored" and document_id is not None:
        change = note(
            scope,
            job.council,
            "upload document",
            f"document {document_id}",
            after={"file": job.file_name, "size": job.size},
        )
        app.library.add_audit(change)
    finished = {"state": state, "error": error, "document_id": document_id}
    now = datetime.now(UTC)
    save(folder, job.model_copy(update={**finished, "finished_at": now}))
    sweep(app, now)  # here, in the background, not on the request that uploads


def sweep(app: Application, now: datetime) -> None:
    """Forget uploads that finished more than ``KEEP_DAYS`` before ``now``."""
    folder = uploads_folder(app)
    if not folder.is_dir():
        return
    for record in folder.glob("*/job.json"):
        try:
            job = UploadJob.model_validate(json.loads(record.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue  # being written, or not ours: left alone
        if job.finished_at is not None and (now - job.finished_at).days >= KEEP_DAYS:
            shutil.rmtree(record.parent, ignore_errors=True)


def save(folder: Path, job: UploadJob) -> None:
    staging = folder / f"job.{secrets.token_hex(4)}.json"
    staging.write_text(job.model_dump_json(), encoding="utf-8")
    staging.replace(folder / "job.json")


def status(app: Application, scope: Scope, job_id: str) -> UploadJob:
    """An upload's progress, for callers who can read its council."""
    scope.require_any()
    path = uploads_folder(app) / job_id / "job.json" if JOB_ID.match(job_id) else None
    if path is None or not path.is_file():
        raise NotFound(f"no upload {job_id}")
    job = UploadJob.model_validate(json.loads(path.read_text(encoding="utf-8")))
    if not scope.can_read(job.council):
        raise NotFound(f"no upload {job_id}")
    return job
