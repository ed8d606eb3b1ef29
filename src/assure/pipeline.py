"""The processing pipeline: an explicit ordered list of small stages.

    read -> normalise -> parse structure -> extract figures -> passages
         -> classify -> check

Each stage takes the ``Work`` so far and fills in its own part. A stage that
cannot handle its input raises a ``DocumentError``; nothing is stored by the
pipeline itself (storage takes the finished ``ParsedDocument`` in one
transaction).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assure.document import CleanText, SourceDocument
from assure.settings import Settings
from assure.structure import Finding, Metric, ParsedDocument, ParsedStructure, Passage


@dataclass
class Work:
    """A document part-way through the pipeline."""

    path: Path
    settings: Settings
    source: SourceDocument | None = None
    text: CleanText | None = None
    structure: ParsedStructure | None = None
    metrics: tuple[Metric, ...] = ()
    passages: tuple[Passage, ...] = ()
    findings: tuple[Finding, ...] = ()
    warnings: list[str] = field(default_factory=list)


Stage = Callable[[Work], None]


def read(work: Work) -> None:
    from assure.reading import read_document

    work.source = read_document(work.path, work.settings)
    work.warnings.extend(work.source.warnings)


def normalise(work: Work) -> None:
    from assure.normalising import normalise as normalise_text

    assert work.source is not None
    work.text = normalise_text(work.source)


def parse(work: Work) -> None:
    from assure.parsing import parse_structure

    assert work.text is not None
    work.structure = parse_structure(work.text)


def extract(work: Work) -> None:
    from assure.parsing.performance.rows import with_rows

    assert work.text is not None and work.structure is not None
    try:
        from assure.extracting.figures import extract_metrics
    except ModuleNotFoundError:
        work.metrics = work.structure.metrics
        return
    # A scorecard's rows, read by its parser, stand for the figures found on their lines.
    work.metrics = with_rows(work.structure.metrics, extract_metrics(work.text))


def passages(work: Work) -> None:
    from assure.parsing.passages import build_passages

    assert work.text is not None and work.structure is not None
    work.passages = build_passages(work.text, work.structure.sections)


def classify(work: Work) -> None:
    try:
        from assure.classifying.labelling import label_passages
    except ModuleNotFoundError:
        return
    assert work.structure is not None
    work.passages = label_passages(work.passages, work.structure, work.settings)


def check(work: Work) -> None:
    try:
        from assure.extracting.consistency import check_document
    except ModuleNotFoundError:
        return
    assert work.text is not None and work.structure is not None
    work.findings = check_document(work.text, work.structure, work.metrics)


STAGES: tuple[Stage, ...] = (read, normalise, parse, extract, passages, classify, check)


def process(
    path: str | Path, settings: Settings | None = None, stages: Sequence[Stage] = STAGES
) -> ParsedDocument:
    """Run every stage on one file and return what was learned.

    Raises a ``DocumentError`` (naming the file and the reason) on bad input.
    """
    work = Work(path=Path(path), settings=settings or Settings())
    for stage in stages:
        stage(work)
    return finish(work)


def finish(work: Work) -> ParsedDocument:
    assert work.source is not None and work.structure is not None
    return ParsedDocument(
        path=str(work.path),
        content_hash=work.source.content_hash,
        format=str(work.source.format),
        lines=len(work.source.lines),
        pages=work.source.pages,
        structure=work.structure,
        metrics=work.metrics,
        passages=work.passages,
        findings=work.structure.findings + work.findings,
        warnings=tuple(work.warnings),
    )
