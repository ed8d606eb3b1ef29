"""The processing pipeline: an explicit ordered list of small stages, pure.

    read -> normalise -> parse structure -> deadlines -> extract figures
         -> passages -> classify -> check

Each stage takes the ``Work`` so far and fills in its own part. The pipeline
reads one file and returns what it learned: it opens no database, trains no
model and writes nothing. The classifier comes in already loaded, as a
``Labeller`` (see ``assure.ingest.models``), so the same pipeline runs for
``assure inspect``, in-process ingestion and a Dask worker. A stage that cannot
handle its input raises a ``DocumentError`` naming the file; a stage that
cannot run at all (a missing library) raises, and is never skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assure.document import CleanText, SourceDocument
from assure.extracting.consistency import check_document
from assure.extracting.deadlines import with_deadlines
from assure.extracting.figures import extract_metrics
from assure.normalising import normalise as normalise_text
from assure.normalising.characters import storable
from assure.parsing import parse_structure
from assure.parsing.passages import build_passages
from assure.parsing.performance.rows import with_rows
from assure.reading import read_document
from assure.settings import Settings
from assure.structure import Finding, Metric, ParsedDocument, ParsedStructure, Passage

# Labels passages (statements, category, stance) in the light of the document's
# structure; built by the ingest job around a loaded model and the council's corrections.
Labeller = Callable[[tuple[Passage, ...], ParsedStructure], tuple[Passage, ...]]


@dataclass
class Work:
    """A document part-way through the pipeline."""

    path: Path
    settings: Settings
    labeller: Labeller | None = None
    source: SourceDocument | None = None
    text: CleanText | None = None
    structure: ParsedStructure | None = None
    metrics: tuple[Metric, ...] = ()
    passages: tuple[Passage, ...] = ()
    findings: tuple[Finding, ...] = ()
    warnings: list[str] = field(default_factory=list)


Stage = Callable[[Work], None]


def read(work: Work) -> None:
    work.source = read_document(work.path, work.settings)
    work.warnings.extend(work.source.warnings)


def normalise(work: Work) -> None:
    assert work.source is not None
    work.text = normalise_text(work.source)
    work.source = work.text.source  # the lines as read, less what no database stores alike


def parse(work: Work) -> None:
    assert work.text is not None
    work.structure = parse_structure(work.text)


def deadlines(work: Work) -> None:
    assert work.structure is not None
    work.structure = with_deadlines(work.structure)


def extract(work: Work) -> None:
    assert work.text is not None and work.structure is not None
    # A scorecard's rows, read by its parser, stand for the figures found on their lines.
    work.metrics = with_rows(work.structure.metrics, extract_metrics(work.text))


def passages(work: Work) -> None:
    assert work.text is not None and work.structure is not None
    work.passages = build_passages(work.text, work.structure.sections)


def classify(work: Work) -> None:
    assert work.structure is not None
    if work.labeller is None:
        raise RuntimeError("the classify stage needs a labeller (a loaded model)")
    work.passages = work.labeller(work.passages, work.structure)


def check(work: Work) -> None:
    assert work.text is not None and work.structure is not None
    work.findings = check_document(work.text, work.structure, work.metrics)


STAGES: tuple[Stage, ...] = (read, normalise, parse, deadlines, extract, passages, classify, check)
# Everything but the classifier: what training and evaluation read documents with.
STRUCTURE_STAGES: tuple[Stage, ...] = (read, normalise, parse, deadlines, extract, passages, check)


def process(
    path: str | Path,
    settings: Settings | None = None,
    labeller: Labeller | None = None,
    stages: Sequence[Stage] = STAGES,
) -> ParsedDocument:
    """Run the stages on one file and return what was learned, with its source
    lines. Without a ``labeller``, passages are labelled by the model of the
    bundled examples (no council's corrections). Raises a ``DocumentError``
    (naming the file and the reason) on bad input.
    """
    settings = settings or Settings()
    if labeller is None and classify in stages:
        labeller = bundled_labeller()
    work = Work(path=Path(path), settings=settings, labeller=labeller)
    for stage in stages:
        stage(work)
    return finish(work)


def bundled_labeller() -> Labeller:
    """Labels passages with the model of the bundled examples alone."""
    from assure.classifying import bundled_model, label_passages  # numpy only when labelling

    def label(passages: tuple[Passage, ...], structure: ParsedStructure) -> tuple[Passage, ...]:
        return label_passages(passages, structure, bundled_model())

    return label


def finish(work: Work) -> ParsedDocument:
    assert work.source is not None and work.structure is not None
    return ParsedDocument(
        path=storable(str(work.path)),
        content_hash=work.source.content_hash,
        format=str(work.source.format),
        lines=len(work.source.lines),
        pages=work.source.pages,
        structure=work.structure,
        metrics=work.metrics,
        passages=work.passages,
        findings=work.structure.findings + work.findings,
        warnings=tuple(work.warnings),
        source_lines=tuple(work.source.lines),
    )
