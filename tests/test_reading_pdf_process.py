"""PDFs are read in a process of their own, capped in memory and in time: a
PDF that hides its cost from the stream check is refused naming the file, the
process that asked stays small, and the next PDF reads as if nothing happened."""

from __future__ import annotations

import os
import resource
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from assure.errors import TooLarge
from assure.ingest.job import IngestJob
from assure.reading import pdf_process, read_document
from assure.settings import Settings
from fixtures.reading.council_documents import make_pdf
from fixtures.reading.hostile_files import pdf_unpacking_to

# A cap well under what each hidden bomb needs (PDFium keeps an object for every
# drawing operation: about 13 bytes for each byte of content), so each stops soon.
CAPPED = Settings(max_reading_mb=200)
HIDDEN = {
    # PDFium reads a page's content whatever the stream calls itself.
    "labelled an image": (b"/Length %(length)d /Filter /FlateDecode /Subtype /Image", False),
    # "/F#6CateDecode" is "/FlateDecode" once the name's escape is undone.
    "filter name escaped": (b"/Length %(length)d /Filter /F#6CateDecode", False),
    # Hexadecimal digits before the deflate layer: the deflated data is not in the file.
    "behind a hexadecimal layer": (
        b"/Length %(length)d /Filter [/ASCIIHexDecode /FlateDecode]",
        True,
    ),
}


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_pid() -> int:
    child = pdf_process._child
    assert child is not None
    return child.process.pid


@pytest.mark.parametrize("hidden", sorted(HIDDEN))
def test_a_pdf_bomb_the_stream_check_cannot_see_is_refused_by_the_memory_cap(tmp_path, hidden):
    dictionary, hex_layer = HIDDEN[hidden]
    bomb = pdf_unpacking_to(tmp_path / "pack.pdf", 40, dictionary, hex_layer=hex_layer)
    before = peak_mb()

    with pytest.raises(TooLarge) as refused:
        read_document(bomb, CAPPED)

    assert str(refused.value) == (
        f"{bomb}: file too large (reading it needs more than 200 MB of memory, "
        "limit 200 MB, set by ASSURE_MAX_READING_MB)"
    )
    assert peak_mb() - before < 100  # the bomb was never this process's
    small = make_pdf(tmp_path / "minutes.pdf", [["Carers strategy agreed"]])
    assert read_document(small, CAPPED).lines[0].text == "Carers strategy agreed"


def test_a_refused_pdf_stores_nothing_and_the_rest_of_the_batch_is_stored(library, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    pdf_unpacking_to(folder / "a-pack.pdf", 40, HIDDEN["labelled an image"][0])
    make_pdf(folder / "b-minutes.pdf", [["Minutes of the adult social care committee"]])
    settings = library.settings.with_(max_reading_mb=200)

    report = IngestJob(library, settings).run([folder], "Eastmoor Council")

    assert [(Path(o.path).name, o.status) for o in report.outcomes] == [
        ("a-pack.pdf", "failed"),
        ("b-minutes.pdf", "stored"),
    ]
    assert "ASSURE_MAX_READING_MB" in report.failed[0].error
    assert [Path(d.source_path).name for d in library.documents(["Eastmoor Council"])] == [
        "b-minutes.pdf"
    ]


def test_a_pdf_that_takes_longer_than_the_time_limit_is_refused(tmp_path):
    pages = [[f"Page {n} of the performance report"] * 40 for n in range(1, 201)]
    long = make_pdf(tmp_path / "report.pdf", pages)

    with pytest.raises(TooLarge) as refused:
        read_document(long, Settings(max_reading_seconds=0.001))

    assert str(refused.value) == (
        f"{long}: file too large (reading it takes longer than 0.001 seconds, "
        "limit 0.001 seconds, set by ASSURE_MAX_READING_SECONDS)"
    )
    assert read_document(long).pages == 200


def test_a_reading_process_that_died_between_files_is_replaced(tmp_path):
    first = make_pdf(tmp_path / "first.pdf", [["Agenda"]])
    second = make_pdf(tmp_path / "second.pdf", [["Minutes"]])
    read_document(first)
    pid = child_pid()
    os.kill(pid, signal.SIGKILL)
    while Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z":  # dead, not yet reaped
        time.sleep(0.01)

    assert read_document(second).lines[0].text == "Minutes"


def test_threads_reading_at_once_each_get_their_own_pdf(tmp_path):
    paths = [make_pdf(tmp_path / f"paper-{n}.pdf", [[f"Paper {n}"]] * 3) for n in range(6)]

    with ThreadPoolExecutor(3) as pool:
        read = list(pool.map(lambda path: read_document(path), paths * 3))

    assert [d.lines[0].text for d in read] == [f"Paper {n}" for n in range(6)] * 3


def test_the_reading_process_cpu_time_is_counted(tmp_path):
    pdf_process.stop()
    counted = pdf_process.cpu_seconds()
    pages = [[f"Line {n} of page {p}" for n in range(40)] for p in range(50)]
    read_document(make_pdf(tmp_path / "pack.pdf", pages))

    assert pdf_process.cpu_seconds() > counted
