"""The quality statement classifier: train a council's model, evaluate it,
re-label stored passages with it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

from assure.ingest import training
from assure.services.application import Application
from assure.services.audit import note
from assure.services.errors import InvalidRequest
from assure.services.scope import Role, Scope

if TYPE_CHECKING:
    from assure.classifying.report import EvaluationReport  # scikit-learn: only to evaluate


class TrainingResult(BaseModel):
    council: str
    written: bool
    counts: dict[str, int]
    examples: int
    corrections: int
    seconds: float


def train(
    app: Application, scope: Scope, council: str | None = None, force: bool = False
) -> list[TrainingResult]:
    """Train the model of ``council`` (or of every council in scope) from the
    bundled examples, its documents' statement sections and its people's
    corrections. Needs the editor role."""
    councils = [scope.require(council, Role.EDITOR)] if council else list(scope.require_any())
    for name in councils:
        scope.require(name, Role.EDITOR)
    results = []
    for name in councils:
        outcome = training.train_council(app.library, app.settings, name, force)
        app.models.forget(name)
        results.append(
            TrainingResult(
                council=name,
                written=outcome.written,
                counts=outcome.counts,
                examples=outcome.examples,
                corrections=outcome.corrections,
                seconds=round(outcome.seconds, 2),
            )
        )
        if outcome.written:
            app.library.add_audit(
                note(scope, name, "train classifier", "model", after={"examples": outcome.examples})
            )
    return results


def evaluate(
    app: Application,
    scope: Scope | None,
    files: list[Path],
    folds: int | None = None,
) -> EvaluationReport:
    """The classifier beside its baselines, leaving each labelled document out
    in turn, over the bundled examples, ``files`` and (with a scope) the
    councils' stored documents."""
    if folds is not None and folds < 2:
        raise InvalidRequest(f"folds must be 2 or more, not {folds}")
    missing = [f for f in files if not f.exists()]
    if missing:
        raise InvalidRequest(f"{missing[0]}: no such file or folder")
    councils = scope.councils if scope is not None else ()
    library = app.library if councils else None
    return training.evaluate(files, app.settings, library, councils, folds)


class RelabelResult(BaseModel):
    council: str
    documents: int
    passages: int
    changed: int


def relabel(app: Application, scope: Scope, council: str | None = None) -> list[RelabelResult]:
    """Label the stored passages of ``council`` (or of every council in scope)
    again with its current model and its people's corrections, as a new
    document would be. Needs the editor role."""
    from assure.classifying.labelled import Correction
    from assure.structure import DocumentKind, ParsedStructure, Section

    councils = [scope.require(council, Role.EDITOR)] if council else list(scope.require_any())
    for name in councils:
        scope.require(name, Role.EDITOR)
    results = []
    for name in councils:
        corrections = [
            Correction(r.passage_text, r.qs, r.category, r.stance, r.passage_id)
            for r in app.library.corrections([name])
        ]
        label = app.models.labeller(name, corrections)
        documents = passages = changed = 0
        for document in app.library.documents([name]):
            stored = list(app.library.passages([name], document=document.id))
            sections = tuple(
                Section(s.title, s.level, s.kind, s.start_line, s.end_line, s.qs)
                for s in app.library.sections(document.id)
            )
            structure = ParsedStructure(kind=DocumentKind(document.kind), sections=sections)
            fresh = label(tuple(s.passage for s in stored), structure)
            changed += app.library.relabel(
                document.id, {s.id: p for s, p in zip(stored, fresh, strict=True)}
            )
            documents += 1
            passages += len(stored)
        results.append(
            RelabelResult(council=name, documents=documents, passages=passages, changed=changed)
        )
        if changed:
            app.library.add_audit(
                note(scope, name, "relabel passages", "passages", after={"changed": changed})
            )
    return results
