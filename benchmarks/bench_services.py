"""``assure gaps`` and ``assure draft`` end to end on stored libraries of 5,000
and 20,000 passages: wall time and peak memory of each command as a process of
its own, beside ``assure documents`` on the same library (the peer: what any
command costs before it does its own work). Time and memory should grow with
the evidence used, and 20,000 passages stay under 300 MB. ``assure actions``
lists one page (50 from the 201st, chosen by the database across minutes and
plans, as the API and web pages ask) and then every action: a page should cost
about what the peer does, however many actions the library holds.

The libraries are built through the real storage path (``Library.add``) from
copies of the bundled example documents, parsed once.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from assure.pipeline import process
from assure.settings import Settings
from assure.storing import Library

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
COUNCIL = "Northfield Borough Council"
SIZES = (5_000, 20_000)


def build(folder: Path, passages: int) -> Settings:
    """A library of about ``passages`` passages: the examples stored again and
    again under different content hashes."""
    settings = Settings(data_dir=str(folder))
    parsed = [
        process(path)
        for path in sorted(EXAMPLES.glob("*"))
        if path.suffix in (".docx", ".pdf", ".csv")
    ]
    with Library(settings) as library:
        stored, copy = 0, 0
        while stored < passages:
            for document in parsed:
                copy += 1
                twin = replace(document, content_hash=f"{copy:08x}{document.content_hash[8:]}")
                library.add(twin, COUNCIL, document.source_lines)
                stored += len(document.passages)
    return settings


def peak(command: list[str], settings: Settings) -> tuple[float, float]:
    """Seconds and peak resident megabytes of one command run as a process."""
    env = dict(os.environ, ASSURE_DATA_DIR=settings.data_dir, ASSURE_COUNCIL=COUNCIL)
    env.pop("ASSURE_DATABASE_URL", None)
    script = (
        "import resource, sys\n"
        "from assure.interfaces.cli import app\n"
        "try:\n"
        "    app(sys.argv[1:], standalone_mode=False)\n"
        "finally:\n"
        "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    )
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", script, *command], env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    kilobytes = int(done.stderr.strip().splitlines()[-1])
    return seconds, kilobytes / 1024


def run() -> None:
    print("command          passages   seconds   peak MB")
    for size in SIZES:
        with tempfile.TemporaryDirectory() as folder:
            settings = build(Path(folder), size)
            with Library(settings) as library:
                stored = sum(d.passages for d in library.documents([COUNCIL]))
            output = Path(folder) / "draft.md"
            for name, command in (
                ("documents (peer)", ["documents"]),
                ("actions, a page", ["actions", "--limit", "50", "--offset", "200"]),
                ("actions, all", ["actions"]),
                ("gaps", ["gaps"]),
                ("draft", ["draft", "--format", "md", "--output", str(output)]),
            ):
                seconds, megabytes = peak(command, settings)
                print(f"{name:<16} {stored:>8} {seconds:>9.2f} {megabytes:>9.1f}")
