"""The trained model as a versioned artefact in the data folder.

The file is one JSON header line (format version, scikit-learn version, hash
of the training data, counts) followed by the pickled model. The header is read
first: a file written by another format or scikit-learn version is refused
without unpickling it, and rebuilt. The file is written to a temporary name and
moved into place, so a reader never sees half a model; and it is rewritten only
when the training data changed.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import joblib
import sklearn

from assure.classifying.labelled import (
    Correction,
    LabelledExample,
    bundled_hash,
    load_examples,
    merge_corrections,
    text_key,
    training_hash,
)
from assure.classifying.model import StatementModel
from assure.classifying.weak_labels import enclosing_stance
from assure.errors import AssureError
from assure.settings import Settings

FORMAT_VERSION = 5  # 4: calibrated statement probabilities; 5: category cue head
MODEL_FILE = "statement-model.bin"


class ModelRefused(AssureError):
    """A model file that cannot be used: another format or library version, or damaged."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path


@dataclass
class ModelArtefact:
    """A trained model with what it was trained on."""

    model: StatementModel
    data_hash: str
    counts: dict[str, int]
    corrections: dict[str, Correction] = field(default_factory=dict)  # by text_key
    examples: int = 0
    seconds: float = 0.0

    def correction_for(self, text: str) -> Correction | None:
        return self.corrections.get(text_key(text))


@dataclass(frozen=True)
class TrainingResult:
    artefact: ModelArtefact
    path: Path
    written: bool  # False when the file already held a model of the same data


def model_path(settings: Settings) -> Path:
    return Path(settings.data_dir) / "models" / MODEL_FILE


def header_of(artefact: ModelArtefact) -> dict[str, object]:
    return {
        "format": FORMAT_VERSION,
        "sklearn": sklearn.__version__,
        "data_hash": artefact.data_hash,
        "bundled": bundled_hash(),
        "framework": artefact.model.framework_id,
        "examples": artefact.examples,
        "counts": artefact.counts,
    }


def save(artefact: ModelArtefact, path: Path) -> None:
    """Write the model atomically: a temporary file in the same folder, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    body = io.BytesIO()
    joblib.dump(artefact, body, compress=3)
    handle, temporary = tempfile.mkstemp(prefix=".model-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(json.dumps(header_of(artefact)).encode("utf-8") + b"\n")
            out.write(body.getvalue())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_header(path: Path) -> dict[str, object]:
    """The header of a model file; raises ``ModelRefused`` when it is not ours or outdated."""
    try:
        with path.open("rb") as handle:
            header = json.loads(handle.readline())
    except (OSError, ValueError) as error:
        raise ModelRefused(path, f"not a model file ({error})") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT_VERSION:
        found = header.get("format") if isinstance(header, dict) else None
        raise ModelRefused(path, f"model format {found}, expected {FORMAT_VERSION}")
    if header.get("sklearn") != sklearn.__version__:
        raise ModelRefused(
            path,
            f"trained with scikit-learn {header.get('sklearn')}, running {sklearn.__version__}",
        )
    if header.get("bundled") != bundled_hash():
        raise ModelRefused(path, "trained before the bundled examples changed")
    return header


def load(path: Path) -> ModelArtefact:
    """The model in ``path``; raises ``ModelRefused`` (never returns a stale model)."""
    read_header(path)
    try:
        with path.open("rb") as handle:
            handle.readline()
            artefact = joblib.load(io.BytesIO(handle.read()))
    except Exception as error:  # a damaged pickle can raise almost anything
        raise ModelRefused(path, f"damaged model file ({type(error).__name__})") from None
    if not isinstance(artefact, ModelArtefact):
        raise ModelRefused(path, "not a statement model")
    return artefact


def library_training(settings: Settings) -> tuple[list[LabelledExample], list[Correction]]:
    """Weak labels (passages under a heading that names the statement) and
    people's corrections from the library, if there is one; nothing is created."""
    if (
        settings.database_url is None
        and not Path(settings.resolved_database_url.removeprefix("sqlite:///")).exists()
    ):
        return [], []
    from assure.storing import Library
    from assure.storing.records import SectionRecord

    weak: list[LabelledExample] = []
    with Library(settings) as library:
        councils = library.councils()
        corrections = [
            Correction(r.passage_text, r.qs, r.category, r.stance, r.passage_id)
            for r in library.corrections(councils)
        ]
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


def train(
    settings: Settings,
    examples: Sequence[LabelledExample] | None = None,
    corrections: Sequence[Correction] | None = None,
    force: bool = False,
) -> TrainingResult:
    """Train on the bundled examples, the library's weak labels and corrections
    (or on what is given) and save the model, unless the file already holds a
    model of exactly this data (then it is left untouched)."""
    if examples is None or corrections is None:
        weak, stored = library_training(settings)
        examples = [*load_examples(), *weak] if examples is None else examples
        corrections = stored if corrections is None else corrections
    data = merge_corrections([e for e in examples if e.source != "context"], corrections)
    digest = training_hash(data)
    path = model_path(settings)
    if not force and path.exists():
        try:
            if read_header(path).get("data_hash") == digest:
                return TrainingResult(load(path), path, written=False)
        except ModelRefused:
            pass
    started = time.perf_counter()
    model = StatementModel().fit(data)
    counts = Counter(q for e in data for q in e.qs)
    artefact = ModelArtefact(
        model=model,
        data_hash=digest,
        counts={s: counts.get(s, 0) for s in model.statements},
        corrections={text_key(c.text): c for c in corrections},
        examples=len(data),
        seconds=time.perf_counter() - started,
    )
    save(artefact, path)
    return TrainingResult(artefact, path, written=True)


def train_default(settings: Settings) -> ModelArtefact:
    """Train from the bundled examples and the library; if the library cannot
    be read, from the examples alone (labelling must not fail for want of it)."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        return train(settings, force=True).artefact
    except SQLAlchemyError:
        return train(settings, examples=load_examples(), corrections=(), force=True).artefact


_loaded: dict[Path, tuple[int, ModelArtefact]] = {}
_lock = threading.Lock()


def current_model(settings: Settings) -> ModelArtefact:
    """The model in the data folder, trained from the bundled examples (and the
    library) first if there is none or the file is refused. Kept in memory
    until the file changes."""
    path = model_path(settings)
    with _lock:
        try:
            stamp = path.stat().st_mtime_ns
            if path in _loaded and _loaded[path][0] == stamp:
                return _loaded[path][1]
            artefact = load(path)
        except (FileNotFoundError, ModelRefused):
            artefact = train_default(settings)
            stamp = path.stat().st_mtime_ns
        _loaded[path] = (stamp, artefact)
        return artefact
