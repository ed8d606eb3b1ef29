"""Ingesting files: whole documents or nothing, once per council, bad files named."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assure.ingest.job import IngestJob
from assure.ingest.report import IngestReport
from assure.storing import Library

REPORT = """# Eastmoor carers report {n}

## Support for carers

Eastmoor carers told the council in survey round {n} that short breaks helped them most.
The carers centre answered {n} calls a week and referred people to reablement quickly.

## Safeguarding

Every safeguarding concern in round {n} was reviewed by a senior practitioner within two days.
"""


PARAGRAPHS = 60


def ingest(library: Library, paths, council: str, progress=None) -> IngestReport:
    """The ingest job, in this process, as the services run it."""
    return IngestJob(library, library.settings).run(paths, council, progress)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def bad_files(folder: Path) -> dict[str, str]:
    """Files that must each fail, with a word their reason must contain."""
    from reportlab.pdfgen import canvas

    (folder / "empty.txt").write_bytes(b"")
    (folder / "random.pdf").write_bytes(bytes((i * 131 + 7) % 256 for i in range(4000)))
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    locked = canvas.Canvas(str(folder / "locked.pdf"), encrypt="secret")
    locked.drawString(72, 720, "Eastmoor carers report, restricted")
    locked.save()
    whole = canvas.Canvas(str(folder / "whole.pdf"))
    whole.drawString(72, 720, "Eastmoor carers report for the board")
    whole.save()
    data = (folder / "whole.pdf").read_bytes()
    (folder / "whole.pdf").unlink()
    (folder / "broken.pdf").write_bytes(data[: len(data) // 2])
    return {
        "empty.txt": "empty",
        "random.pdf": "unsupported",
        "picture.png": "unsupported",
        "locked.pdf": "encrypted",
        "broken.pdf": "corrupt",
    }


def test_good_files_are_stored_and_each_bad_file_is_named_with_its_reason(library, tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    write(folder, "report-1.md", REPORT.format(n=1))
    write(folder, "report-2.md", REPORT.format(n=2))
    reasons = bad_files(folder)

    report = ingest(library, [folder], "Eastmoor Council")

    assert [Path(o.path).name for o in report.stored] == ["report-1.md", "report-2.md"]
    assert not report.ok
    failed = {Path(o.path).name: o.error for o in report.failed}
    assert set(failed) == set(reasons)
    for name, word in reasons.items():
        assert failed[name].startswith(f"{folder / name}: ")
        assert word in failed[name]
    assert [d.source_path for d in library.documents(["Eastmoor Council"])] == [
        str(folder / "report-1.md"),
        str(folder / "report-2.md"),
    ]


def test_a_file_over_the_size_limit_is_refused(settings, tmp_path):
    write(tmp_path, "small.md", REPORT.format(n=1))
    write(tmp_path, "large.md", REPORT.format(n=2) + "More words about carers.\n" * 800)
    with Library(settings.with_(max_file_mb=0.01)) as library:
        report = ingest(library, [tmp_path / "small.md", tmp_path / "large.md"], "Eastmoor")
        assert [o.status for o in report.outcomes] == ["stored", "failed"]
        assert "too large" in report.failed[0].error and "limit 0.01 MB" in report.failed[0].error
        assert len(library.documents(["Eastmoor"])) == 1


def test_the_same_content_again_is_already_stored(library, tmp_path):
    folder = tmp_path / "papers"
    first = write(folder, "report.md", REPORT.format(n=1))
    copy = write(folder / "copies", "report-copy.md", REPORT.format(n=1))

    report = ingest(library, [first, copy], "Eastmoor Council")
    assert [o.status for o in report.outcomes] == ["stored", "duplicate"]
    assert report.outcomes[1].document_id == report.outcomes[0].document_id
    assert report.outcomes[1].passages == report.outcomes[0].passages

    again = ingest(library, [folder], "Eastmoor Council")
    assert [o.status for o in again.outcomes] == ["duplicate", "duplicate"]
    other = ingest(library, [first], "Westvale Council")
    assert [o.status for o in other.outcomes] == ["stored"]
    assert len(library.documents(["Eastmoor Council", "Westvale Council"])) == 2


def test_folders_are_read_recursively_in_sorted_order(library, tmp_path):
    folder = tmp_path / "papers"
    for name in ("b/two.md", "a/z.md", "a/inner/one.md", "c.md", ".hidden/x.md", "a/.draft.md"):
        write(folder, name, REPORT.format(n=name))

    report = ingest(library, [folder], "Eastmoor Council")

    names = [str(Path(o.path).relative_to(folder)) for o in report.outcomes]
    assert names == ["a/inner/one.md", "a/z.md", "b/two.md", "c.md"]
    assert report.ok


def test_a_missing_path_is_reported_not_raised(library, tmp_path):
    report = ingest(library, [tmp_path / "nowhere.pdf"], "Eastmoor Council")
    assert report.failed[0].error.startswith(f"{tmp_path / 'nowhere.pdf'}: ")
    assert library.documents(["Eastmoor Council"]) == []


def test_progress_is_reported_after_each_file(library, tmp_path):
    write(tmp_path / "papers", "one.md", REPORT.format(n=1))
    write(tmp_path / "papers", "two.md", REPORT.format(n=2))
    seen = []
    ingest(
        library,
        [tmp_path / "papers"],
        "Eastmoor",
        progress=lambda o, done, total: seen.append((Path(o.path).name, done, total)),
    )
    assert seen == [("one.md", 1, 2), ("two.md", 2, 2)]


def ingest_in_subprocess(settings, folder) -> tuple[list[str], dict[str, str]]:
    """The command line and environment that run ``assure ingest FOLDER`` in a
    process of its own, on the test's database."""
    env = dict(
        os.environ,
        ASSURE_DATA_DIR=settings.data_dir,
        ASSURE_DATABASE_URL=settings.database_url or "",
    )
    command = [sys.executable, "-c", "from assure.interfaces.cli import main; main()"]
    return [*command, "ingest", str(folder), "--council", "Eastmoor"], env


@pytest.mark.slow
def test_a_killed_ingest_leaves_whole_documents_and_a_rerun_finishes(settings, tmp_path):
    folder = tmp_path / "many"
    body = "\n\n".join(
        f"Paragraph {i}: the carers panel reviewed respite provision in ward {i} of Eastmoor."
        for i in range(PARAGRAPHS)
    )
    files = 8
    for n in range(files):
        write(
            folder, f"report-{n:02}.md", f"# Eastmoor carers report {n}\n\n## Findings\n\n{body}\n"
        )
    command, env = ingest_in_subprocess(settings, folder)

    library = Library(settings)
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            if library.documents(["Eastmoor"]):
                break
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait()
    assert process.returncode == -signal.SIGKILL, (
        process.stderr.read().decode() if process.stderr else ""
    )
    process.stderr.close()

    before = library.documents(["Eastmoor"])
    assert 1 <= len(before) < files
    for doc in before:  # each stored document is whole: every line and every passage
        assert len(library.lines(doc.id, 1, doc.lines)) == doc.lines
        assert doc.passages == PARAGRAPHS

    report = ingest(library, [folder], "Eastmoor")
    assert len(report.duplicates) == len(before)
    assert len(report.stored) == files - len(before)
    after = library.documents(["Eastmoor"])
    assert len({d.content_hash for d in after}) == len(after) == files
    assert {d.passages for d in after} == {PARAGRAPHS}
    library.close()


@pytest.mark.slow
def test_two_ingests_of_the_same_folder_at_once_store_each_document_once(settings, tmp_path):
    folder = tmp_path / "shared"
    for n in range(5):
        write(folder, f"report-{n}.md", REPORT.format(n=n))
    Library(settings).close()  # the schema exists before both start
    command, env = ingest_in_subprocess(settings, folder)

    runs = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    results = [p.communicate(timeout=120) for p in runs]

    assert [p.returncode for p in runs] == [0, 0], [err.decode() for _, err in results]
    with Library(settings) as library:
        stored = library.documents(["Eastmoor"])
    assert len(stored) == len({d.content_hash for d in stored}) == 5
