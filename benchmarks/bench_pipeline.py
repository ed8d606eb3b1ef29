"""The whole pipeline, as ``assure ingest`` runs it in one process: pages per
CPU-second on one core, on the real PDFs of the corpus and on a batch of
generated text PDFs, beside the baseline (the code before kind detection read
only a document's opening: ``ASSURE_BENCH_BASELINE``, a git revision).

Each measurement runs in a fresh process pinned to one CPU with every thread
pool at one thread: it ingests the batch into an empty SQLite library (read,
normalise, parse, extract, classify with the bundled model, store) and prints
the CPU seconds of the batch, the pages per CPU-second, and the peak memory
of the process (with the child process PDFs are read in: its CPU seconds
and its peak memory are added). The example PDFs are ingested first, apart: their CPU
seconds (the start-up: importing the stages, loading the model, and the
examples' own pages) are printed beside, as a worker pays them once however
large its batch. The current code's time is
then split by stage. The baseline's code is taken from git into a temporary
folder; where git or the revision is missing it is skipped, said so. It never
passes or fails on a time.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
BASELINE = os.environ.get("ASSURE_BENCH_BASELINE", "b4664e4")
GENERATED = int(os.environ.get("ASSURE_BENCH_GENERATED", "40"))
COUNCIL = "Northfield Borough Council"
POOLS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")
ONE_THREAD = dict.fromkeys(POOLS, "1")
# One small example ingested first: the start-up (imports, the model) is
# paid once per process, and apart from the batch's pages per CPU-second.
WARM_UP = ROOT / "examples"

# Run in the measured checkout: its own ``src`` first on the path.
MEASURE = r"""
import json, os, resource, sys, tempfile, time
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
from pathlib import Path
from assure.ingest.job import IngestJob
from assure.settings import Settings
from assure.storing import Library

folder, council, split = Path(sys.argv[1]), sys.argv[2], sys.argv[3] == "split"
warm = sorted(Path(sys.argv[4]).glob("*.pdf"))
stages = {}
try:  # PDFs read in a child process: its CPU is the pipeline's too
    from assure.reading.pdf_process import cpu_seconds as reading_cpu, peak_mb as reading_peak
except ImportError:  # code that reads them in this process
    reading_cpu = reading_peak = lambda: 0.0

def cpu_now():
    return time.process_time() + reading_cpu()
if split:
    import assure.pipeline as pipeline
    import assure.storing as storing

    def timed(stage):
        def run(work):
            began = cpu_now()
            stage(work)
            stages[stage.__name__] = stages.get(stage.__name__, 0.0) + cpu_now() - began
        run.__name__ = stage.__name__
        return run

    pipeline.STAGES = tuple(timed(s) for s in pipeline.STAGES)
    pipeline.process.__defaults__ = (None, None, pipeline.STAGES)
    add = storing.Library.add

    def timed_add(self, *args, **kwargs):
        began = time.process_time()
        try:
            return add(self, *args, **kwargs)
        finally:
            stages["store"] = stages.get("store", 0.0) + time.process_time() - began

    storing.Library.add = timed_add
with tempfile.TemporaryDirectory() as data:
    settings = Settings(data_dir=data)
    with Library(settings) as library:
        try:  # as the CLI's; the baseline's code has no settling
            from assure.ingest.job import LocalRunner
            job = IngestJob(library, settings, runner=LocalRunner(settle=True))
        except (ImportError, TypeError):
            job = IngestJob(library, settings)
        began = cpu_now()
        job.run(warm, "Warm-up Council")  # imports, the model, the parsers
        start = cpu_now() - began
        stages.clear()
        began = cpu_now()
        report = job.run([folder], council)
        cpu = cpu_now() - began
pages = sum(o.pages or 0 for o in report.stored)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 + reading_peak()
print(json.dumps({"cpu": cpu, "start": start, "pages": pages, "stored": len(report.stored),
                  "failed": len(report.failed), "peak_mb": peak, "stages": stages}))
"""


def measure(src: Path, folder: Path, split: bool = False) -> dict[str, object]:
    env = {**os.environ, **ONE_THREAD, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            MEASURE,
            str(folder),
            COUNCIL,
            "split" if split else "whole",
            str(WARM_UP),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def generated_batch(folder: Path, documents: int) -> None:
    """Committee packs and regulator reports laid out as PDFs, each copy numbered
    so that every file is new content."""
    sys.path.insert(0, str(ROOT / "tools"))
    import paged  # type: ignore[import-not-found]

    sources = [
        (ROOT / "examples" / "sources" / "committee-pack.txt").read_text(encoding="utf-8"),
        (ROOT / "examples" / "sources" / "assessment-report.txt").read_text(encoding="utf-8"),
    ]
    for n in range(documents):
        source = sources[n % 2].replace("Northfield", f"Northfield {n}")
        laid = paged.lay_out(source)
        paged.write_pdf(laid, folder / f"paper-{n:03}.pdf", f"Paper {n}", COUNCIL)


def real_batch(folder: Path) -> int:
    """Copies of every PDF of the corpus (ingest follows no link out of the
    folder it is given); how many."""
    found = sorted(CORPUS.rglob("*.pdf"))
    for n, path in enumerate(found):
        shutil.copyfile(path, folder / f"{n:03}-{path.name}")
    return len(found)


def baseline_source(folder: Path) -> Path | None:
    """The baseline revision's ``src``, taken from git, or ``None``."""
    folder.mkdir()
    try:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", BASELINE, "src"],
            capture_output=True,
            check=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return folder / "src"


def line(name: str, result: dict[str, object]) -> str:
    cpu, pages = float(result["cpu"]), int(result["pages"])  # type: ignore[arg-type]
    return (
        f"{name:10} {pages:6d} {cpu:9.2f} {pages / cpu:11.1f} {float(result['peak_mb']):9.0f}"  # type: ignore[arg-type]
        f" {float(result['start']):9.2f}"  # type: ignore[arg-type]
        f"   ({result['stored']} stored, {result['failed']} failed)"
    )


def run() -> None:
    with tempfile.TemporaryDirectory() as root:
        batches = {"real": Path(root) / "real", "generated": Path(root) / "generated"}
        for folder in batches.values():
            folder.mkdir()
        if not real_batch(batches["real"]):
            print(f"no corpus at {CORPUS}: the real batch is skipped")
            del batches["real"]
        generated_batch(batches["generated"], GENERATED)
        base = baseline_source(Path(root) / "baseline")
        if base is None:
            print(f"baseline {BASELINE} not found in git: no peer")
        print("one process pinned to one CPU; ingest into an empty SQLite library")
        print(
            f"{'code':10} {'pages':>6} {'CPU s':>9} {'pages/CPU-s':>11} {'peak MB':>9}"
            f" {'start-up':>9}"
        )
        for name, folder in batches.items():
            print(f"-- {name} batch ({len(list(folder.iterdir()))} PDFs)")
            current = measure(ROOT / "src", folder)
            print(line("current", current))
            if base is not None:
                before = measure(base, folder)
                print(line(f"{BASELINE[:10]}", before))
                ratio = (int(current["pages"]) / float(current["cpu"])) / (  # type: ignore[arg-type]
                    int(before["pages"]) / float(before["cpu"])  # type: ignore[arg-type]
                )
                print(f"{'':10} current against baseline: {ratio:.2f}x pages per CPU-second")
            split = measure(ROOT / "src", folder, split=True)
            stages: dict[str, float] = split["stages"]  # type: ignore[assignment]
            total = sum(stages.values())
            shares = ", ".join(f"{k} {100 * v / total:.0f}%" for k, v in stages.items())
            print(f"{'':10} current, CPU by stage: {shares}")


if __name__ == "__main__":
    run()
