"""Classifier speed on one core: training on 10,000 passages and classifying
10,000, beside the TF-IDF + logistic regression baseline on the same data.

Each measurement runs in a fresh subprocess pinned to one CPU with every
thread pool set to one thread. The passages are the bundled examples, each
joined with another at random so no two are the same (about 300 characters,
like a council paragraph).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

PASSAGES = 10_000
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
import json, os, random, sys, time
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
started = time.perf_counter()
ranker = SYSTEMS[system]().fit(examples)
trained = time.perf_counter() - started
started = time.perf_counter()
ranker.scores(examples)
classified = time.perf_counter() - started
figures = {"train": trained, "classify": classified}
if system == "model":
    model = StatementClassifier(ranker.model, "bench", {})
    passages = tuple(Passage(n + 1, n + 1, e.text) for n, e in enumerate(examples))
    label_passages(passages[:10], ParsedStructure(kind=DocumentKind.OTHER), model)  # warm up
    started = time.perf_counter()
    label_passages(passages, ParsedStructure(kind=DocumentKind.OTHER), model)
    figures["label_passages"] = time.perf_counter() - started
print(json.dumps(figures))
"""


def measure(system: str, count: int = PASSAGES) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, system, str(count)],
        env={**os.environ, **ONE_THREAD},
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def run() -> None:
    print(f"{PASSAGES:,} passages, one core, one thread; seconds")
    print(f"{'system':<28}{'train':>10}{'classify':>10}{'label_passages':>16}")
    for system, label in (("tfidf-lr", "TF-IDF + LR (baseline)"), ("model", "model")):
        figures = measure(system)
        stage = f"{figures['label_passages']:.2f}" if "label_passages" in figures else "-"
        print(f"{label:<28}{figures['train']:>10.2f}{figures['classify']:>10.2f}{stage:>16}")


if __name__ == "__main__":
    run()
