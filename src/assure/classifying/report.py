"""``assure eval``: every evaluation over the labelled documents it is given.

Pure: the caller parses the real documents (``weak_labels.ParsedText``) and
gathers any further labelled passages (a library's weak labels); the bundled
examples are always included.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from assure.classifying.evaluation import (
    SYSTEMS,
    Scores,
    leave_one_document_out,
    train_and_test,
    trainable,
)
from assure.classifying.labelled import LabelledExample, load_examples
from assure.classifying.weak_labels import ParsedText, weak_examples
from assure.structure import DocumentKind

MIN_WEAK_LABELS = 10  # fewer labelled passages than this: the document is not used


@dataclass
class LabelledDocument:
    name: str
    kind: str  # "examples", "library" or the document family of a parsed document
    examples: tuple[LabelledExample, ...]

    @property
    def labelled(self) -> int:
        return len(trainable(self.examples))


@dataclass
class EvaluationReport:
    documents: list[LabelledDocument]
    leave_one_out: dict[str, Scores]
    held_out: dict[str, dict[str, Scores]] = field(default_factory=dict)
    heads: dict[str, float] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "documents": {d.name: {"kind": d.kind, "labelled": d.labelled} for d in self.documents},
            "leave_one_document_out": {k: v.as_dict() for k, v in self.leave_one_out.items()},
            "held_out_self_assessments": {
                name: {k: v.as_dict() for k, v in systems.items()}
                for name, systems in self.held_out.items()
            },
            "category_and_stance_accuracy": {k: round(v, 3) for k, v in self.heads.items()},
            "skipped": self.skipped,
        }


def labelled_documents(
    parsed: Sequence[ParsedText], extra: Sequence[LabelledExample] = ()
) -> tuple[list[LabelledDocument], list[str]]:
    """The bundled example files, parsed documents with weak labels from their
    statement sections, and ``extra`` passages grouped by their ``document``
    (kind ``library``); also why any parsed document was left out."""
    documents: dict[str, list[LabelledExample]] = {}
    for example in load_examples():
        documents.setdefault(example.document, []).append(example)
    found = [LabelledDocument(name, "examples", tuple(rows)) for name, rows in documents.items()]
    skipped: list[str] = []
    for document in parsed:
        weak = weak_examples(document)
        if len(trainable(weak)) < MIN_WEAK_LABELS:
            skipped.append(f"{document.name}: no statement sections to take labels from")
            continue
        found.append(LabelledDocument(document.name, str(document.structure.kind), weak))
    by_document: dict[str, list[LabelledExample]] = {}
    for example in extra:
        by_document.setdefault(example.document, []).append(example)
    for name, rows in by_document.items():
        if len(trainable(rows)) >= MIN_WEAK_LABELS:
            found.append(LabelledDocument(name, "library", tuple(rows)))
    return found, skipped


def evaluate(
    parsed: Sequence[ParsedText],
    extra: Sequence[LabelledExample] = (),
    folds: int | None = None,
    systems: Sequence[str] = tuple(SYSTEMS),
) -> EvaluationReport:
    """Leave-one-document-out over everything, and each real self-assessment
    held out with the systems trained on all other documents."""
    documents, skipped = labelled_documents(parsed, extra)
    everything = [e for d in documents for e in d.examples]
    report = EvaluationReport(
        documents, leave_one_document_out(everything, systems, folds=folds), skipped=skipped
    )
    for document in documents:
        if document.kind == DocumentKind.SELF_ASSESSMENT:
            train = [e for d in documents if d is not document for e in d.examples]
            report.held_out[document.name] = train_and_test(train, document.examples, systems)
    report.heads = report.leave_one_out["model"].heads if "model" in report.leave_one_out else {}
    return report


def label_counts(examples: Sequence[LabelledExample]) -> Counter[str]:
    return Counter(q for e in trainable(examples) for q in e.qs)
