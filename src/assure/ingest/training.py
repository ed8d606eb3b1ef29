"""Training a council's classifier, and evaluating the classifier: jobs run
only when asked (``assure train``, ``assure eval``), never while reading.

A council's model learns from the bundled examples, the passages of its own
documents whose headings name a statement (weak labels, with the stance of the
section they sit in), and its people's corrections. It is saved to the data
folder as weights over the public vocabulary, without any passage text or word
of the council's own; it is rebuilt when the data it was trained on changes,
and rebuilt without them (or removed, when nothing of the council is left)
when a council's documents are deleted or moved away.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assure.classifying.labelled import Correction, LabelledExample, load_examples
from assure.classifying.weak_labels import ParsedText, enclosing_stance
from assure.errors import DocumentError
from assure.ingest.models import model_path, old_model_paths
from assure.pipeline import Work, normalise, parse, passages, read
from assure.settings import Settings, private_folder
from assure.storing import Library, SectionRecord

if TYPE_CHECKING:
    from assure.classifying.report import EvaluationReport


@dataclass(frozen=True, slots=True)
class TrainingOutcome:
    council: str
    path: Path
    written: bool  # False when the model already held exactly this data
    counts: dict[str, int]  # labelled passages per statement
    examples: int
    corrections: int
    seconds: float


def library_examples(
    library: Library, councils: Sequence[str]
) -> tuple[list[LabelledExample], list[Correction]]:
    """Weak labels from the councils' stored documents (passages under a
    heading that names the statement) and their people's corrections."""
    corrections = [
        Correction(r.passage_text, r.qs, r.category, r.stance, r.passage_id)
        for r in library.corrections(councils)
    ]
    weak: list[LabelledExample] = []
    positions: Counter[int] = Counter()
    sections: dict[int, tuple[SectionRecord, ...]] = {}
    for stored in library.passages(councils):
        passage = stored.passage
        position = positions[stored.document_id]
        positions[stored.document_id] += 1
        if stored.document_id not in sections:
            sections[stored.document_id] = library.sections(stored.document_id)
        qs = tuple(label.id for label in passage.qs if label.source == "structure")
        weak.append(
            LabelledExample(
                passage.text,
                qs,
                f"library-{stored.document_id}",
                "structure" if qs else "context",
                # the document's own stance, never the head's earlier guess
                stance=enclosing_stance(sections[stored.document_id], passage.start_line),
                position=position,
            )
        )
    return weak, corrections


def train_council(
    library: Library, settings: Settings, council: str, force: bool = False
) -> TrainingOutcome:
    """Train ``council``'s model and save it, unless the saved one was trained
    on exactly this data (then it is kept)."""
    from assure.classifying.artefact import save_model, trained_on
    from assure.classifying.training import data_hash, train_model, training_data

    started = time.perf_counter()
    weak, corrections = library_examples(library, [council])
    examples = [*load_examples(), *weak]
    path = model_path(settings, council)
    data = training_data(examples, corrections)
    counts = Counter(q for e in data for q in e.qs)
    written = force or trained_on(path) != data_hash(examples, corrections)
    if written:
        private_folder(path.parent)  # a council's model is made from its documents
        save_model(train_model(examples, corrections), path)
    for old in old_model_paths(settings, council):
        old.unlink(missing_ok=True)
    return TrainingOutcome(
        council=council,
        path=path,
        written=written,
        counts=dict(sorted(counts.items())),
        examples=len(data),
        corrections=len({c.text for c in corrections}),
        seconds=time.perf_counter() - started,
    )


def remove_council_model(settings: Settings, council: str) -> bool:
    """Delete a council's model, and any of an older format; whether there was one."""
    found = False
    for path in (model_path(settings, council), *old_model_paths(settings, council)):
        if path.exists():
            path.unlink()
            found = True
    return found


def rebuild_council_model(library: Library, settings: Settings, council: str) -> bool:
    """After a council's documents or corrections were deleted or moved away:
    its model (if it had one) trained again without them, or removed when
    nothing of the council is left to learn from. Whether there was a model."""
    if not remove_council_model(settings, council):
        return False
    weak, corrections = library_examples(library, [council])
    if weak or corrections:
        train_council(library, settings, council, force=True)
    return True


def parse_for_training(path: Path, settings: Settings) -> ParsedText:
    """Read, normalise and parse one file, and cut it into passages (not classified)."""
    work = Work(path=path, settings=settings)
    for stage in (read, normalise, parse, passages):
        stage(work)
    assert work.text is not None and work.structure is not None
    return ParsedText(path.stem, work.text, work.structure, work.passages)


def evaluate(
    files: Sequence[Path],
    settings: Settings,
    library: Library | None,
    councils: Sequence[str],
    folds: int | None = None,
) -> EvaluationReport:
    """The classifier beside its baselines, leaving each labelled document out
    in turn: the bundled examples, ``files`` (weak labels from their statement
    sections) and, with a ``library``, the councils' stored documents."""
    from assure.classifying.report import evaluate as run_evaluation

    parsed, skipped = [], []
    for file in files:
        try:
            parsed.append(parse_for_training(file, settings))
        except DocumentError as error:
            skipped.append(str(error))
    extra = library_examples(library, councils)[0] if library is not None and councils else []
    report = run_evaluation(parsed, extra, folds=folds)
    report.skipped[:0] = skipped
    return report
