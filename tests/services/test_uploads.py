"""An uploaded document is a council's own, personal data and all: its copy is
kept only until its ingest ends, whatever the outcome, and a finished job's
progress only for a week; on SQLite and PostgreSQL."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from assure.services import Role, Scope, uploading
from assure.services.application import Application

COUNCIL = "Northfield Borough Council"
EDITOR = Scope(user="editor@example.org", grants={COUNCIL: Role.EDITOR})
NOTE = (
    b"Northfield Carers Partnership Board\n\n"
    b"Carers told us that respite booking is slow.\n"
    b"Direct payments for carers rose to 212 in 2024/25.\n"
)


def finished(app: Application, job_id: str) -> uploading.UploadJob:
    for _ in range(600):
        job = uploading.status(app, EDITOR, job_id)
        if job.done:
            return job
        time.sleep(0.05)
    raise AssertionError(f"upload {job_id} did not finish")


def kept_files(app: Application) -> list[str]:
    folder = uploading.uploads_folder(app)
    return sorted(p.name for p in folder.rglob("*") if p.is_file())


def test_an_uploaded_copy_is_gone_once_stored_or_refused_and_its_progress_stays(library, settings):
    app = Application(settings, library)
    stored = uploading.start(app, EDITOR, COUNCIL, "carers-board.txt", NOTE)
    refused = uploading.start(app, EDITOR, COUNCIL, "broken.pdf", b"%PDF-1.7\nno objects here")

    assert finished(app, stored.id).state == "stored"
    assert finished(app, refused.id).state == "failed"
    assert kept_files(app) == ["job.json", "job.json"]  # no copy of either document
    document = finished(app, stored.id).document_id
    assert document is not None
    assert library.document(document, [COUNCIL]).lines == 4  # what was read stays


def test_a_finished_upload_is_forgotten_after_a_week(library, settings):
    app = Application(settings, library)
    old = uploading.start(app, EDITOR, COUNCIL, "carers-board.txt", NOTE)
    finished(app, old.id)

    uploading.sweep(app, datetime.now(UTC) + timedelta(days=uploading.KEEP_DAYS - 1))
    assert uploading.status(app, EDITOR, old.id).state == "stored"
    uploading.sweep(app, datetime.now(UTC) + timedelta(days=uploading.KEEP_DAYS))
    assert kept_files(app) == []
