"""Parsing: ``assure.pipeline.process`` (the work of ``assure inspect``) per corpus
file, stage by stage, and on the largest file repeated 1, 2, 5 and 10 times to
show the cost grows linearly with length. Then the parse stage split into kind
detection and the chosen family's parse, over the corpus: detection reads only
a document's opening and runs only the families that can still win.

Prints the median of a few runs in seconds, and seconds per 1,000 lines; it
never passes or fails on a time.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from assure.document import CleanLine, CleanText, Format, SourceDocument, SourceLine
from assure.extracting.figures import extract_metrics
from assure.parsing.registry import detect_kind
from assure.pipeline import STAGES, Work, finish, normalise, read
from assure.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
REPEATS = 3
SIZES = (1, 2, 5, 10)


def timed_run(path: Path) -> tuple[float, dict[str, float], int]:
    """One pass of every stage: total seconds, seconds per stage, source lines."""
    work = Work(path=path, settings=Settings())
    per_stage: dict[str, float] = {}
    start = time.perf_counter()
    for stage in STAGES:
        began = time.perf_counter()
        stage(work)
        per_stage[stage.__name__] = time.perf_counter() - began
    document = finish(work)
    return time.perf_counter() - start, per_stage, document.lines


def median_run(path: Path) -> tuple[float, dict[str, float], int]:
    runs = [timed_run(path) for _ in range(REPEATS)]
    total = statistics.median(r[0] for r in runs)
    stages = {name: statistics.median(r[1][name] for r in runs) for name in runs[0][1]}
    return total, stages, runs[0][2]


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt")) + sorted((CORPUS / "pdf").glob("*.pdf"))


def run() -> None:
    files = corpus_files()
    if not files:
        print(f"no corpus at {CORPUS}; nothing to measure")
        return
    names = [stage.__name__ for stage in STAGES]
    print(f"median of {REPEATS} runs, seconds")
    print(f"{'file':48} {'lines':>6} {'total':>7} " + " ".join(f"{n:>9}" for n in names))
    for path in files:
        total, stages, lines = median_run(path)
        cells = " ".join(f"{stages[n]:9.4f}" for n in names)
        print(f"{path.name[:48]:48} {lines:6d} {total:7.3f} {cells}")

    largest = max(CORPUS.glob("*.txt"), key=lambda p: p.stat().st_size)
    body = largest.read_text(encoding="utf-8", errors="replace")
    print(f"\n{largest.name} repeated (linear growth keeps s/1,000 lines flat)")
    print(f"{'copies':>6} {'lines':>7} {'seconds':>8} {'s/1,000 lines':>14}")
    with tempfile.TemporaryDirectory() as folder:
        for copies in SIZES:
            path = Path(folder) / f"repeated-{copies}.txt"
            path.write_text("\n".join([body] * copies), encoding="utf-8")
            total, _, lines = median_run(path)
            print(f"{copies:6d} {lines:7d} {total:8.3f} {total * 1000 / max(lines, 1):14.4f}")
    run_detection(files)
    run_dense()


def run_detection(files: list[Path]) -> None:
    """CPU seconds of kind detection and of the family parsers over the corpus."""
    detecting = parsing = 0.0
    for path in files:
        work = Work(path=path, settings=Settings())
        read(work)
        normalise(work)
        assert work.text is not None
        began = time.process_time()
        _, parser = detect_kind(work.text)
        detecting += time.process_time() - began
        began = time.process_time()
        if parser is not None:
            parser.parse(work.text)
        parsing += time.process_time() - began
    print(
        f"\nparse stage over the corpus: kind detection {detecting:.2f} CPU s, "
        f"the chosen family's parse {parsing:.2f} CPU s"
    )


def dense_line(figures: int) -> CleanText:
    """One line holding ``figures`` figures with periods and comparators, no full stops."""
    body = " ".join(f"{i}% of people in 2022/23 compared with 5%," for i in range(figures))
    source = SourceDocument(
        path="dense.txt", format=Format.TEXT, content_hash="0", size=len(body),
        lines=(SourceLine(1, body),),
    )  # fmt: skip
    return CleanText(source=source, lines=(CleanLine(1, 1, body),))


def run_dense() -> None:
    print("\nextract_metrics on one line dense with figures (flat s/1,000 figures is linear)")
    print(f"{'figures':>8} {'seconds':>8} {'s/1,000 figures':>16}")
    for figures in (1000, 4000, 16000):
        text = dense_line(figures)
        start = time.perf_counter()
        extract_metrics(text)
        seconds = time.perf_counter() - start
        print(f"{figures:8d} {seconds:8.3f} {seconds * 1000 / figures:16.4f}")


if __name__ == "__main__":
    run()
