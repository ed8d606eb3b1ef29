"""PDF reading: assure (PDFium via ``read_document``) beside pdfminer.six.

Each extractor runs in its own subprocess over the same PDFs (the corpus's and
one generated text report), several times; we print pages per second (median
run), peak memory (the child's maximum resident set, and the Python-heap peak
from ``tracemalloc`` on one extra pass), and how much text each recovered: word
counts and the share of pdfminer's words that assure also found.
"""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS_PDFS = ROOT.parent / "shared" / "corpus" / "pdf"
REPEATS = 3
GENERATED_PAGES = 40

CHILD = r"""
import json, sys, time, tracemalloc
from pathlib import Path

def high_water_kb():
    # VmHWM belongs to this process's own memory map, so unlike ru_maxrss it does
    # not carry the RSS of the parent that forked it.
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

extractor, repeats, out_dir, *files = sys.argv[1:]
if extractor == "assure":
    from assure.reading import read_document, readers
    readers()  # import every reader (and PDFium) before the baseline, as pdfminer's import does
    def extract(path):
        return read_document(path).text
else:
    from pdfminer.high_level import extract_text
    def extract(path):
        return extract_text(path)
baseline_kb = high_water_kb()
runs = []
for _ in range(int(repeats)):
    start = time.perf_counter()
    texts = [extract(path) for path in files]
    runs.append(time.perf_counter() - start)
peak_kb = high_water_kb()
tracemalloc.start()
for path in files:
    extract(path)
heap_peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
for index, text in enumerate(texts):
    Path(out_dir, f"{index}.txt").write_text(text, encoding="utf-8")
print(json.dumps({"runs": runs, "baseline_kb": baseline_kb, "peak_kb": peak_kb,
                  "heap_peak": heap_peak}))
"""

PROSE = (
    "The council will work with partners to make sure that people who draw on care and "
    "support get the right help at the right time, and that carers are recognised and "
    "supported in their role. Progress will be reported to the scrutiny panel each quarter."
)


def generated_report(folder: Path) -> Path:
    """A plain text report of ``GENERATED_PAGES`` pages, in our own words."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    story = []
    for page in range(1, GENERATED_PAGES + 1):
        story.append(Paragraph(f"Section {page}: Adult social care priorities", styles["Heading2"]))
        story += [Paragraph(f"{page}.{n} {PROSE}", styles["BodyText"]) for n in range(1, 9)]
        story.append(PageBreak())
    path = folder / "generated-report.pdf"
    SimpleDocTemplate(str(path), pagesize=A4, title="Generated report").build(story)
    return path


def page_count(path: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def measure(extractor: str, files: list[Path], out_dir: Path) -> dict:
    out_dir.mkdir()
    command = [sys.executable, "-c", CHILD, extractor, str(REPEATS), str(out_dir)]
    done = subprocess.run(
        command + [str(f) for f in files], capture_output=True, text=True, check=True
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["texts"] = [
        (out_dir / f"{i}.txt").read_text(encoding="utf-8") for i in range(len(files))
    ]
    return result


def recall(found: Counter[str], reference: Counter[str]) -> float:
    total = sum(reference.values())
    return sum((found & reference).values()) / total if total else 1.0


def print_text_comparison(
    files: list[Path], pages: list[int], assure: dict, pdfminer: dict
) -> None:
    print(f"\n{'file':44} {'pages':>5} {'assure words':>12} {'pdfminer words':>14} {'recall':>7}")
    for path, count, ours, theirs in zip(
        files, pages, assure["texts"], pdfminer["texts"], strict=True
    ):
        mine, reference = words(ours), words(theirs)
        print(
            f"{path.name[:44]:44} {count:5} {sum(mine.values()):12} "
            f"{sum(reference.values()):14} {recall(mine, reference):7.1%}"
        )
    mine = words("\n".join(assure["texts"]))
    reference = words("\n".join(pdfminer["texts"]))
    print(
        f"{'all':44} {'':5} {sum(mine.values()):12} {sum(reference.values()):14} "
        f"{recall(mine, reference):7.1%}   (recall: share of pdfminer's words assure also found; "
        f"reverse: {recall(reference, mine):.1%})"
    )


def run() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        files = sorted(CORPUS_PDFS.glob("*.pdf")) if CORPUS_PDFS.is_dir() else []
        files.append(generated_report(folder))
        per_file = [page_count(path) for path in files]
        pages = sum(per_file)
        print(
            f"{len(files)} PDFs, {pages} pages, {REPEATS} runs each, one subprocess per extractor"
        )
        results = {name: measure(name, files, folder / name) for name in ("assure", "pdfminer")}
    print(
        f"\n{'extractor':10} {'median s':>9} {'pages/s':>9} {'peak RSS MB':>12} "
        f"{'after import MB':>16} {'extraction MB':>14} {'py heap peak MB':>16}"
    )
    for name, result in results.items():
        median = statistics.median(result["runs"])
        print(
            f"{name:10} {median:9.3f} {pages / median:9.1f} {result['peak_kb'] / 1024:12.1f} "
            f"{result['baseline_kb'] / 1024:16.1f} "
            f"{(result['peak_kb'] - result['baseline_kb']) / 1024:14.1f} "
            f"{result['heap_peak'] / 1048576:16.1f}"
        )
    speedup = statistics.median(results["pdfminer"]["runs"]) / statistics.median(
        results["assure"]["runs"]
    )
    print(f"assure reads {speedup:.1f}x as many pages per second as pdfminer.six (target >= 5x)")
    print_text_comparison(files, per_file, results["assure"], results["pdfminer"])


if __name__ == "__main__":
    run()
