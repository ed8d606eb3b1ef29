"""Classifier speed on one core: training on 10,000 passages and classifying
10,000, beside two peers on the same data.

- TF-IDF + LR: scikit-learn's word TF-IDF with one logistic regression per
  statement, nothing else (the evaluation's baseline);
- the classifier as it was before its features were read in one pass (the
  source of commit ``BEFORE``, taken from git into a temporary folder);
- the classifier now.

``classify`` is the statement scores alone; ``label`` is what the pipeline's
classify stage does (``label_passages``: statements, category, stance, context
and calibration). Each system runs in a fresh subprocess pinned to one CPU
with every thread pool set to one thread; each figure is the median of three
runs, as passages per second of CPU time (the machine may be shared; wall
clock beside it). The passages are the bundled examples, each joined with
another at random so no two are the same (about 350 characters, like a
council paragraph).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

PASSAGES = 10_000
ROOT = Path(__file__).resolve().parent.parent
# The last commit before the one-pass features: its classifier is the peer.
BEFORE = "b4664e4"
ONE_THREAD = {
    name: "1"
    for name in (
        "OMP_NUM_THREADS",
        "OPENBLAS_NUM_THREADS",
        "MKL_NUM_THREADS",
        "NUMEXPR_NUM_THREADS",
    )
}

MEASURE = r"""
import json, os, random, statistics, sys, time
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
from assure.classifying.evaluation import SYSTEMS
from assure.classifying.labelled import LabelledExample, load_examples
from assure.classifying import StatementClassifier, label_passages
from assure.structure import DocumentKind, ParsedStructure, Passage

system, count = sys.argv[1], int(sys.argv[2])
random.seed(7)
base = [e for e in load_examples() if e.qs]
examples = []
for n in range(count):
    first, second = random.choice(base), random.choice(base)
    examples.append(LabelledExample(
        first.text + " " + second.text, tuple(dict.fromkeys(first.qs + second.qs)), "bench",
        category=first.category, stance=first.stance))


def timed(run):
    cpu, wall = [], []
    for _ in range(3):
        started, clock = time.process_time(), time.perf_counter()
        run()
        cpu.append(time.process_time() - started)
        wall.append(time.perf_counter() - clock)
    return statistics.median(cpu), statistics.median(wall)


started = time.process_time()
ranker = SYSTEMS[system]().fit(examples)
figures = {"train": time.process_time() - started}
ranker.scores(examples[:10])  # warm up
figures["classify"] = timed(lambda: ranker.scores(examples))
if system == "model":
    model = StatementClassifier(ranker.model, "bench", {})
    passages = tuple(Passage(n + 1, n + 1, e.text) for n, e in enumerate(examples))
    structure = ParsedStructure(kind=DocumentKind.OTHER)
    label_passages(passages[:10], structure, model)  # warm up
    figures["label"] = timed(lambda: label_passages(passages, structure, model))
print(json.dumps(figures))
"""


def measure(system: str, source: Path, count: int = PASSAGES) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, system, str(count)],
        env={**os.environ, **ONE_THREAD, "PYTHONPATH": str(source)},
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def source_before(folder: Path) -> Path | None:
    """The package as it was at ``BEFORE``, unpacked under ``folder``; ``None``
    outside a git checkout that holds that commit."""
    try:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", BEFORE, "src/assure"],
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder / "src"


def rate(figures: dict[str, object], key: str) -> str:
    found = figures.get(key)
    if not isinstance(found, list):
        return f"{'-':>20}"
    cpu, wall = found
    return f"{PASSAGES / cpu:>10,.0f}{PASSAGES / wall:>10,.0f}"


def run() -> None:
    print(f"{PASSAGES:,} passages, one core, one thread; passages per second (median of 3)")
    print(f"{'':<36}{'classify':>20}{'label (the stage)':>20}{'train':>10}")
    print(f"{'system':<36}{'cpu':>10}{'wall':>10}{'cpu':>10}{'wall':>10}{'cpu s':>10}")
    now = ROOT / "src"
    with tempfile.TemporaryDirectory() as folder:
        before = source_before(Path(folder))
        rows = [("TF-IDF + LR (scikit-learn)", "tfidf-lr", now)]
        if before is not None:
            rows.append((f"classifier before ({BEFORE})", "model", before))
        rows.append(("classifier now", "model", now))
        for label, system, source in rows:
            figures = measure(system, source)
            train = figures["train"]
            print(f"{label:<36}{rate(figures, 'classify')}{rate(figures, 'label')}{train:>10.2f}")
        if before is None:
            print(f"(the classifier before is left out: commit {BEFORE} is not in this checkout)")


if __name__ == "__main__":
    run()
