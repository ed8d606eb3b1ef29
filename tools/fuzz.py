"""``make fuzz``: atheris (libFuzzer for Python) over every reader, one after another.

Each reader is fuzzed in a process of its own for ``--seconds``, seeded with the
invented example files of its format from ``examples/`` and, where the real
corpus sits beside the repository (``../shared/corpus``), its files of that
format up to ``SEED_LIMIT`` bytes, mutated. A Word or Excel file is mutated
inside its zip: one part (an XML part, mostly) is changed and the file packed
again, so the mutations reach the XML readers rather than stopping at the zip's
checksums. What the fuzzer learns (inputs that found new code) is kept in
``.fuzz/<reader>/corpus`` for the next run.

A finding is any exception other than the ``DocumentError`` a bad file should
raise (one line naming the file and the reason), an input that runs past
``--timeout`` seconds, or one that takes more than ``--rss-mb`` of memory. Each
is saved under ``.fuzz/<reader>/`` and reported at the end with the
executions, their rate and the coverage reached. Exit status 1 if anything was
found.

    python tools/fuzz.py --seconds 180            # every reader, 3 minutes each
    python tools/fuzz.py --seconds 60 docx xlsx    # some of them
"""

from __future__ import annotations

import argparse
import io
import random
import re
import shutil
import subprocess
import sys
import traceback
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CORPUS = ROOT.parent / "shared" / "corpus"
WORK = ROOT / ".fuzz"
SEED_LIMIT = 300_000  # bytes: larger real files slow every execution down
# reader name -> suffixes of its seed files
READERS = {
    "pdf": (".pdf",),
    "docx": (".docx",),
    "xlsx": (".xlsx",),
    "csv": (".csv",),
    "html": (".html", ".htm"),
    "text": (".txt", ".md"),
}
FINDING = re.compile(r"^(crash|timeout|oom|leak|slow-unit)-")
STAT = re.compile(r"^stat::(\w+):\s+(\d+)", re.MULTILINE)
COVERAGE = re.compile(r"cov: (\d+) ft: (\d+) corp: (\d+)")


@dataclass
class Result:
    reader: str
    seconds: float
    executions: int
    coverage: int
    features: int
    corpus: int
    findings: list[Path]
    status: int


def seeds(reader: str) -> list[Path]:
    suffixes = READERS[reader]
    found = sorted(p for p in EXAMPLES.glob("*") if p.suffix.lower() in suffixes)
    if CORPUS.is_dir():
        found += sorted(
            p
            for p in CORPUS.rglob("*")
            if p.is_file() and p.suffix.lower() in suffixes and p.stat().st_size <= SEED_LIMIT
        )
    return found


def run_reader(reader: str, seconds: int, timeout: int, rss_mb: int) -> Result:
    """Fuzz one reader in a child process and gather its figures."""
    folder = WORK / reader
    corpus = folder / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    seed_dir = folder / "seeds"
    shutil.rmtree(seed_dir, ignore_errors=True)
    seed_dir.mkdir()
    for path in seeds(reader):
        shutil.copy(path, seed_dir / path.name)
    largest = max((p.stat().st_size for p in seed_dir.iterdir()), default=4096)
    before = {p.name for p in folder.iterdir()}
    command = [
        sys.executable,
        __file__,
        "--child",
        reader,
        str(corpus),
        str(seed_dir),
        f"-max_total_time={seconds}",
        f"-timeout={timeout}",
        f"-rss_limit_mb={rss_mb}",
        f"-max_len={max(largest, 4096)}",
        f"-artifact_prefix={folder}/",
        "-print_final_stats=1",
        "-close_fd_mask=1",  # the readers' own chatter on standard output
    ]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    log = done.stderr
    (folder / "last-run.log").write_text(log, encoding="utf-8")
    stats = {name: int(value) for name, value in STAT.findall(log)}
    coverage = COVERAGE.findall(log)
    cov, ft, corp = (int(v) for v in coverage[-1]) if coverage else (0, 0, 0)
    findings = sorted(p for p in folder.iterdir() if p.name not in before and FINDING.match(p.name))
    return Result(
        reader,
        stats.get("average_exec_per_sec", 0)
        and stats.get("number_of_executed_units", 0) / stats["average_exec_per_sec"],
        stats.get("number_of_executed_units", 0),
        cov,
        ft,
        corp,
        findings,
        done.returncode,
    )


def report(results: list[Result]) -> None:
    print(
        f"\n{'reader':8} {'seconds':>8} {'executions':>11} {'exec/s':>8} {'coverage':>9} "
        f"{'features':>9} {'corpus':>7} {'findings':>9}"
    )
    for r in results:
        rate = r.executions / r.seconds if r.seconds else 0.0
        print(
            f"{r.reader:8} {r.seconds:8.0f} {r.executions:11,} {rate:8.1f} {r.coverage:9,} "
            f"{r.features:9,} {r.corpus:7,} {len(r.findings):9}"
        )
    for r in results:
        for path in r.findings:
            print(f"finding: {path.relative_to(ROOT)}")
        if r.status not in (0, 1) and not r.findings:
            print(
                f"{r.reader}: the fuzzer ended with status {r.status}; "
                f"see .fuzz/{r.reader}/last-run.log"
            )


# -- the child: one reader under atheris ------------------------------------------


def repacked(data: bytes, max_size: int, seed: int) -> bytes | None:
    """``data`` (a zip) with one part mutated, or ``None`` if it is no zip."""
    import atheris

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            parts = [(info, source.read(info)) for info in source.infolist()]
    except Exception:
        return None
    if not parts:
        return None
    chosen = random.Random(seed)
    xml = [i for i, (info, _) in enumerate(parts) if info.filename.endswith((".xml", ".rels"))]
    index = chosen.choice(xml or range(len(parts)))
    info, body = parts[index]
    parts[index] = (info, atheris.Mutate(body, max(len(body) * 2, 64)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for part_info, part_body in parts:
            target.writestr(part_info.filename, part_body)
    packed = out.getvalue()
    return packed if len(packed) <= max_size else None


def child(reader_name: str, libfuzzer_args: list[str]) -> None:
    import atheris

    # Coverage is traced in what is imported here: our readers and the libraries
    # they drive (the registry imports its readers, and they theirs, when first asked).
    with atheris.instrument_imports():
        import openpyxl  # noqa: F401  (imported by the workbook reader only when it reads)

        from assure.errors import DocumentError
        from assure.normalising import normalise
        from assure.reading import readers
        from assure.reading.limits import Limits
        from assure.settings import Settings

        [reader] = [r for r in readers() if r.name == reader_name]
    path = Path(f"fuzzed{READERS[reader_name][0]}")
    limits = Limits(path, Settings())

    def test_one_input(data: bytes) -> None:
        if not data:
            return
        try:
            document = reader.read(path, data, "0" * 64, limits)
        except DocumentError as error:
            message = str(error)
            # The refusal a user sees: one line, naming the file.
            if "\n" in message or not message.startswith(f"{path}: "):
                raise AssertionError(f"refusal not one line naming the file: {message!r}") from None
            return
        except BaseException:
            traceback.print_exc()  # into the run's log, beside the saved input
            raise
        normalise(document)

    def mutate(data: bytes, max_size: int, seed: int) -> bytes:
        if reader_name in ("docx", "xlsx") and seed % 4:
            packed = repacked(data, max_size, seed)
            if packed is not None:
                return packed
        return atheris.Mutate(data, max_size)

    atheris.Setup([sys.argv[0], *libfuzzer_args], test_one_input, custom_mutator=mutate)
    atheris.Fuzz()


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("readers", nargs="*", choices=[*READERS, []], default=[])
    parser.add_argument("--seconds", type=int, default=60, help="per reader")
    parser.add_argument("--timeout", type=int, default=20, help="seconds one input may take")
    parser.add_argument("--rss-mb", type=int, default=2048, help="memory one run may take")
    args = parser.parse_args()
    results = []
    for reader in args.readers or list(READERS):
        print(f"fuzzing the {reader} reader for {args.seconds} s ...", flush=True)
        results.append(run_reader(reader, args.seconds, args.timeout, args.rss_mb))
    report(results)
    sys.exit(1 if any(r.findings for r in results) else 0)


if __name__ == "__main__":
    main()
