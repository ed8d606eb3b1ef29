"""Walking a folder: every path not taken is reported with its reason, and no
symbolic link leads out of the folder given."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assure.ingest.files import collect_files
from assure.ingest.job import IngestJob

REPORT = "# Eastmoor carers report\n\nCarers told the council that short breaks helped most.\n"


@pytest.fixture()
def folder(tmp_path) -> Path:
    """``papers/`` with one report, a sub-folder, and links of every kind."""
    papers = tmp_path / "papers"
    (papers / "minutes").mkdir(parents=True)
    (papers / "report.md").write_text(REPORT, encoding="utf-8")
    (papers / "minutes" / "march.md").write_text(REPORT.replace("Eastmoor", "March"))
    outside = tmp_path / "private.md"
    outside.write_text("# Staff home addresses\n\nNot for the library.\n", encoding="utf-8")
    (papers / "to-outside.md").symlink_to(outside)
    (papers / "to-system").symlink_to("/etc/hostname")
    (papers / "dangling.md").symlink_to(papers / "gone.md")
    (papers / "spin").symlink_to(papers / "spin")
    (papers / "minutes" / "up").symlink_to(papers)  # a loop back to the top
    (papers / "copy-of-report.md").symlink_to(papers / "report.md")  # inside: followed
    os.mkfifo(papers / "pipe")
    return papers


def test_every_path_not_taken_is_named_with_its_reason(folder) -> None:
    files, problems = collect_files([folder])

    assert files == [
        folder / "copy-of-report.md",
        folder / "minutes" / "march.md",
        folder / "report.md",
    ]
    reasons = {p.path.name: p.reason for p in problems}
    assert set(reasons) == {"to-outside.md", "to-system", "dangling.md", "spin", "up", "pipe"}
    assert reasons["to-outside.md"].startswith("symbolic link to ")
    assert reasons["to-outside.md"].endswith(f"outside {folder}, not followed")
    assert reasons["to-system"] == f"symbolic link to /etc/hostname, outside {folder}, not followed"
    assert reasons["dangling.md"] == "symbolic link to nothing (dangling), not followed"
    assert reasons["spin"].startswith("symbolic link that cannot be followed")
    assert reasons["up"] == "symbolic link loop (a folder reached twice), not followed"
    assert reasons["pipe"] == "not a regular file (a pipe, socket or device), not read"


def test_a_folder_that_cannot_be_read_is_reported(folder, monkeypatch) -> None:
    locked = folder / "minutes"
    locked.chmod(0)
    if os.access(locked, os.R_OK):  # run as root, who reads anything: the system refuses for it
        scandir = os.scandir

        def refusing(path):
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return scandir(path)

        monkeypatch.setattr(os, "scandir", refusing)
    try:
        files, problems = collect_files([folder])
    finally:
        locked.chmod(0o755)
    assert folder / "minutes" / "march.md" not in files
    assert [p.message for p in problems if p.path == locked] == [
        f"{locked}: folder cannot be read (Permission denied)"
    ]


def test_ingest_fails_for_each_path_not_taken_and_stores_nothing_from_outside(
    library, folder
) -> None:
    report = IngestJob(library, library.settings).run([folder], "Eastmoor Council")

    assert not report.ok
    assert len(report.failed) == 6
    assert all(o.error.startswith(f"{o.path}: ") and "\n" not in o.error for o in report.failed)
    titles = sorted(d.title for d in library.documents(["Eastmoor Council"]))
    assert titles == ["Eastmoor carers report", "March carers report"]


def test_a_dangling_link_named_on_its_own_is_reported(tmp_path) -> None:
    (tmp_path / "old.md").symlink_to(tmp_path / "gone.md")
    files, problems = collect_files([tmp_path / "old.md"])
    assert files == []
    assert [p.reason for p in problems] == ["symbolic link to nothing (dangling), not followed"]
