"""Gap matrix and self-assessment draft over a synthetic evidence base of a
fictional council, at 10,000 and 100,000 passages; the DOCX export beside
python-docx writing the same paragraphs with no styles, links or index."""

from __future__ import annotations

import random
import tempfile
import time
from datetime import date
from pathlib import Path

import docx

from assure.analysis.draft import build_draft
from assure.analysis.evidence import Evidence, EvidenceBase, SourceInfo
from assure.analysis.gaps import gap_matrix
from assure.exporting.docx import write_docx
from assure.framework import load_framework
from assure.structure import Passage, StatementLabel

CATEGORIES = ("people", "staff", "partners", "processes", "outcomes", None)
STANCES = ("strength", "improvement", "neutral")


def synthetic(passages: int, documents: int = 500) -> EvidenceBase:
    rng = random.Random(7)
    ids = [s.id for s in load_framework().statements]
    docs = [
        SourceInfo(
            i, f"Board pack {i}", f"20{rng.randint(18, 25)}-0{rng.randint(1, 9)}-01", "other"
        )
        for i in range(documents)
    ]
    items = []
    for n in range(passages):
        text = (
            f"The team in ward {n % 40} reviewed {n % 97} cases this quarter. "
            f"Waiting times fell to {n % 30} days against an England average of 24 days."
        )
        labels = (StatementLabel(rng.choice(ids), rng.random(), "model"),)
        passage = Passage(
            n + 1,
            n + 1,
            text,
            page=1 + n // 40,
            qs=labels,
            category=rng.choice(CATEGORIES),
            stance=rng.choice(STANCES),
        )
        items.append(Evidence(n, docs[n % documents], passage))
    return EvidenceBase(tuple(docs), tuple(items))


def timed(action):
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


def run() -> None:
    for size in (10_000, 100_000):
        base, built = timed(lambda size=size: synthetic(size))
        _, gaps = timed(
            lambda base=base: gap_matrix(base, today=date(2025, 11, 1), max_age_days=730)
        )
        drafted, drafting = timed(lambda base=base: build_draft(base))
        print(
            f"{size:>7} passages: index {built:.2f}s  gap matrix {gaps:.2f}s  "
            f"draft {drafting:.2f}s  ({len(drafted.citations)} citations)"
        )
    with tempfile.TemporaryDirectory() as folder:
        _, ours = timed(lambda: write_docx(drafted, Path(folder) / "draft.docx"))

        def plain() -> None:
            document = docx.Document()
            for theme in drafted.themes:
                for statement in theme.statements:
                    for section in statement.sections:
                        for sentence in section.sentences:
                            document.add_paragraph(sentence.text)
            document.save(str(Path(folder) / "plain.docx"))

        _, peer = timed(plain)
    print(
        f"DOCX: assure {ours * 1000:.0f} ms (headings, contents field, links, index); "
        f"plain python-docx paragraphs {peer * 1000:.0f} ms"
    )
