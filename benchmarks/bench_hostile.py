"""Hostile input: cost that grows in step with the input, and memory bounded by the limits.

1. Linear cost. Each hostile shape of text (wrapped lower-case lines that all
   carry on one sentence; one huge page; one huge line; many tiny pages) is
   read, normalised, parsed and searched for figures at n lines and at 10n,
   and so is a PDF of one dense page of such lines;
   we print the median time of each and the ratio, beside 10 (what linear cost
   gives). The bar: 10 times the text of wrapped lower-case lines costs at most
   15 times the time.
2. Memory. Each hostile file is read in a fresh process, which reports its peak
   resident memory (VmHWM) beside the memory after imports: a Word file that
   unpacks to 400 MB (the bar: refused in under 600 MB), a PDF whose one page's
   content unpacks to 300 MB (and the same labelled an image, which only the
   reading process's memory cap stops), workbooks of a
   million rows (refused by their unpacked size) and of 150,000 (refused by the
   row limit as they stream), a Word file of 50 MB of paragraphs (read), and
   2 MB of wrapped text taken through every structure stage.

``python -m benchmarks hostile``
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SMALL, LARGE = 1_000, 10_000  # lines
REPEATS = 3
PHRASES = (
    "the council will review how carers are supported across the borough with partners",
    "people who draw on care and support told the panel about waiting times for assessments",
    "a quarterly report on direct payments and short breaks goes to the scrutiny committee",
)


def continuing(n: int) -> str:
    """One page of wrapped lower-case lines, none ending its sentence."""
    return "\f" + "\n".join(PHRASES[i % 3] for i in range(n)) + "\n"


def huge_page(n: int) -> str:
    return "\f" + "\n".join(f"{PHRASES[i % 3].capitalize()}." for i in range(n)) + "\n"


def huge_line(n: int) -> str:
    return " ".join(f"{PHRASES[i % 3]} of 21, 000 people in 2024/25;" for i in range(n)) + "\n"


def tiny_pages(n: int) -> str:
    return "\f".join(f"Adult social care\n{PHRASES[i % 3]}.\n{i + 1}" for i in range(n)) + "\n"


def dense_pdf_page(n: int, path: Path) -> Path:
    """A PDF of one page carrying ``n`` wrapped lower-case lines in minute type."""
    from reportlab.pdfgen import canvas

    height = n * 0.1 + 20
    pdf = canvas.Canvas(str(path), pagesize=(600, height))
    pdf.setFont("Helvetica", 0.08)
    for i in range(n):
        pdf.drawString(10, height - 10 - i * 0.1, PHRASES[i % 3])
    pdf.save()
    return path


SHAPES: dict[str, Callable[[int], str]] = {
    "wrapped lower-case lines": continuing,
    "one huge page": huge_page,
    "one huge line": huge_line,
    "many tiny pages": tiny_pages,
}


def timed(path: Path) -> tuple[float, float]:
    """Seconds for normalising alone, and for every structure stage."""
    from assure import pipeline
    from assure.settings import Settings

    # One huge line of 10n passes the line-length limit: lifted here, to measure the cost.
    work = pipeline.Work(path=path, settings=Settings(max_line_chars=1 << 30))
    gc.collect()  # the previous run's garbage is not this one's cost
    spent = {}
    for stage in pipeline.STRUCTURE_STAGES:
        start = time.perf_counter()
        stage(work)
        spent[stage.__name__] = time.perf_counter() - start
    return spent["normalise"], sum(spent.values())


def median_times(path: Path) -> tuple[float, float]:
    runs = [timed(path) for _ in range(REPEATS)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def linear_cost(folder: Path) -> None:
    print(f"median of {REPEATS} runs; linear cost gives a ratio of 10")
    header = f"{'shape':26} {'size':>9} {'normalise s':>12} {'ratio':>6} {'all stages s':>13}"
    print(f"{header} {'ratio':>6}")
    warm = folder / "warm.txt"
    warm.write_text(continuing(SMALL), encoding="utf-8")
    timed(warm)  # imports and first-call caches out of the figures
    for name in [*SHAPES, "one dense PDF page"]:
        times = []
        for n in (SMALL, LARGE):
            stem = f"{name.replace(' ', '-')}-{n}"
            if name in SHAPES:
                path = folder / f"{stem}.txt"
                path.write_text(SHAPES[name](n), encoding="utf-8")
            else:
                path = dense_pdf_page(n, folder / f"{stem}.pdf")
            times.append((path.stat().st_size, *median_times(path)))
        (small_size, small_norm, small_all), (large_size, large_norm, large_all) = times
        print(f"{name:26} {small_size / 1024:7.0f}KB {small_norm:12.3f} {'':>6} {small_all:13.3f}")
        print(
            f"{'':26} {large_size / 1024:7.0f}KB {large_norm:12.3f} {large_norm / small_norm:6.1f} "
            f"{large_all:13.3f} {large_all / small_all:6.1f}"
        )


CHILD = r"""
import json, sys, time

def high_water_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024

from assure import pipeline
from assure.errors import DocumentError
from assure.reading import readers
from assure.settings import Settings

readers()
import docx, openpyxl  # the libraries the readers import when they first read
baseline = high_water_mb()
start = time.perf_counter()
stages = pipeline.STRUCTURE_STAGES if sys.argv[2] == "stages" else (pipeline.read,)
work = pipeline.Work(path=sys.argv[1], settings=Settings.from_environment())
try:
    for stage in stages:
        stage(work)
    outcome = f"{sys.argv[2]}: {len(work.source.lines):,} lines"
except DocumentError as error:
    outcome = "refused: " + str(error).split(": ", 1)[1]
from assure.reading import pdf_process  # PDFs are read in a child: its peak counts too
print(json.dumps({"seconds": time.perf_counter() - start, "baseline_mb": baseline,
                  "peak_mb": high_water_mb(), "reading_mb": pdf_process.peak_mb(),
                  "outcome": outcome}))
"""


def in_child(path: Path, stages: str, settings: dict[str, str]) -> dict:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("ASSURE_")}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), stages],
        capture_output=True,
        text=True,
        check=True,
        env={**environment, **settings},
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def hostile_files(folder: Path) -> list[tuple[str, Path, str, dict[str, str]]]:
    """(what, file, "read" or "stages": how far the child takes it, settings)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from fixtures.reading.hostile_files import (
        pdf_unpacking_to,
        word_file_unpacking_to,
        workbook_of_rows,
    )

    text = folder / "wrapped-2mb.txt"
    text.write_text(continuing(2 * 1024 * 1024 // 86), encoding="utf-8")
    bomb = word_file_unpacking_to(folder / "bomb.docx", 400)
    million = workbook_of_rows(folder / "million.xlsx", 1_000_000)
    rows = workbook_of_rows(folder / "rows.xlsx", 150_000)
    large = word_file_unpacking_to(folder / "large.docx", 50)
    # The 50 MB file repeats one paragraph, so it packs far tighter than prose:
    # the ratio limit is raised for it, to measure reading a file the limits let in.
    loose = {"ASSURE_MAX_UNPACK_RATIO": "100000"}
    pdf = pdf_unpacking_to(folder / "bomb.pdf", 300)
    # The same content stream labelled an image: the stream check passes it by,
    # and the reading process's memory cap stops it.
    hidden = pdf_unpacking_to(
        folder / "hidden.pdf", 300, b"/Length %(length)d /Filter /FlateDecode /Subtype /Image"
    )
    return [
        ("Word file unpacking to 400 MB", bomb, "stages", {}),
        ("PDF page content unpacking to 300 MB", pdf, "stages", {}),
        ("the same, labelled an image", hidden, "stages", {}),
        ("workbook of 1,000,000 rows", million, "stages", {}),
        ("workbook of 150,000 rows", rows, "stages", {}),
        ("Word file of 50 MB of paragraphs", large, "read", loose),
        ("2 MB of wrapped lower-case text", text, "stages", {}),
    ]


def memory(folder: Path) -> None:
    print("\neach file in a fresh process: read (or every structure stage), or refused")
    print("(PDFs are read in a process of their own: its peak is the reader MB column)")
    print(
        f"{'file':38} {'on disk':>9} {'seconds':>8} {'peak MB':>8} {'imports MB':>11}"
        f" {'reader MB':>10}  outcome"
    )
    for name, path, stages, settings in hostile_files(folder):
        result = in_child(path, stages, settings)
        print(
            f"{name:38} {path.stat().st_size / 1048576:7.1f}MB {result['seconds']:8.1f} "
            f"{result['peak_mb']:8.0f} {result['baseline_mb']:11.0f}"
            f" {result['reading_mb']:10.0f}  {result['outcome'][:90]}"
        )


def run() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        linear_cost(folder)
        memory(folder)


if __name__ == "__main__":
    run()
