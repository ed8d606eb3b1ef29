"""A trained classifier as a versioned file of plain arrays.

The file is a zip archive (numpy's ``.npz`` layout): ``header.json`` first
(format version, what the model was trained on, its classes and calibration),
then one ``.npy`` array per weight. Arrays are read with ``allow_pickle=False``
and the header is plain JSON, so opening a model file can never run code. A
file of another format version, vocabulary or set of bundled examples is
refused, naming the file and the reason, before any array is read.

A model holds numbers over the public vocabulary's columns (see
``features``): no passage text, no word of a council's documents.

The file is written to a temporary name in the same folder (readable by its
owner only) and moved into place, so a reader never sees half a model. Where
it lives is the caller's business; nothing here trains or reads a library.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from assure.classifying.labelled import bundled_hash
from assure.errors import AssureError

if TYPE_CHECKING:
    import numpy as np

    from assure.classifying.classifier import StatementClassifier
    from assure.classifying.model import ClassHead, StatementModel

# 7: plain arrays over the public vocabulary (6 and before: a pickle)
FORMAT_VERSION = 7
HEADER = "header.json"
STATEMENT_ARRAYS = (
    "idf",
    "statement_words",
    "statement_keywords",
    "statement_intercept",
    "bayes",
    "bayes_known",
)
HEAD_ARRAYS = ("words", "keywords", "intercept", "cues", "cue_intercept")


class ModelRefused(AssureError):
    """A model file that cannot be used: missing, another format version,
    trained on another vocabulary or other bundled examples, or damaged."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def header_of(classifier: StatementClassifier) -> dict[str, object]:
    from assure.classifying.features import public_vocabulary

    model = classifier.model
    return {
        "format": FORMAT_VERSION,
        "framework": model.framework_id,
        "vocabulary": public_vocabulary(model.framework_id).digest,
        "bundled": bundled_hash(),
        "data_hash": classifier.data_hash,
        "statements": list(model.statements),
        "category": list(model.category.classes) if model.category else None,
        "stance": list(model.stance.classes) if model.stance else None,
        "calibration": {
            "alone": list(model.calibration.alone),
            "context": list(model.calibration.context),
        },
        "examples": classifier.examples,
        "counts": classifier.counts,
        "seconds": round(classifier.seconds, 2),
    }


def arrays_of(model: StatementModel) -> dict[str, np.ndarray]:
    found = {name: getattr(model, name) for name in STATEMENT_ARRAYS}
    for kind, head in (("category", model.category), ("stance", model.stance)):
        if head is not None:
            found.update({f"{kind}_{name}": getattr(head, name) for name in HEAD_ARRAYS})
    return found


def save_model(classifier: StatementClassifier, path: Path) -> None:
    """Write the model atomically: a temporary file in the same folder, then a rename."""
    import numpy as np

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".model-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr(HEADER, json.dumps(header_of(classifier), indent=1))
            for name, array in arrays_of(classifier.model).items():
                with z.open(f"{name}.npy", "w", force_zip64=True) as member:
                    np.lib.format.write_array(
                        member, np.ascontiguousarray(array), allow_pickle=False
                    )
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_header(path: Path) -> dict[str, object]:
    """The header of a model file; raises ``ModelRefused`` when it is not ours or outdated."""
    try:
        with zipfile.ZipFile(path) as archive:
            header = json.loads(archive.read(HEADER))
    except FileNotFoundError:
        raise ModelRefused(path, "no model file") from None
    except zipfile.BadZipFile:
        raise ModelRefused(path, not_an_archive(path)) from None
    except (OSError, KeyError, ValueError) as error:
        raise ModelRefused(path, f"not a model file ({error})") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT_VERSION:
        found = header.get("format") if isinstance(header, dict) else None
        raise ModelRefused(path, f"model format {found}, expected {FORMAT_VERSION}")
    if header.get("bundled") != bundled_hash():
        raise ModelRefused(path, "trained before the bundled examples changed")
    from assure.classifying.features import public_vocabulary

    framework = str(header.get("framework"))
    try:
        vocabulary = public_vocabulary(framework).digest
    except Exception:  # an unknown framework id
        raise ModelRefused(path, f"trained for an unknown framework {framework!r}") from None
    if header.get("vocabulary") != vocabulary:
        raise ModelRefused(path, "trained on another vocabulary")
    return header


def not_an_archive(path: Path) -> str:
    """Why a file that zip cannot open is refused: a damaged model, a model of
    an older format (a JSON line, then a pickle, which is never read), or not
    a model at all."""
    try:
        with path.open("rb") as handle:
            first = handle.readline()
    except OSError as error:
        return f"not a model file ({error})"
    if first.startswith(b"PK"):
        return "damaged model file (not a whole archive)"
    try:
        found = json.loads(first).get("format")
    except (ValueError, AttributeError):
        return "not a model file"
    return f"model format {found}, expected {FORMAT_VERSION} (not read: run assure train)"


def trained_on(path: Path) -> str | None:
    """The training data hash of the usable model in ``path``, or ``None``."""
    try:
        found = read_header(path).get("data_hash")
    except ModelRefused:
        return None
    return str(found) if found else None


def load_model(path: Path) -> StatementClassifier:
    """The model in ``path``; raises ``ModelRefused`` naming the file and the
    reason (never trains, never returns a stale model, never unpickles)."""
    from assure.classifying.classifier import StatementClassifier

    header = read_header(path)
    try:
        model = model_from(header, read_arrays(path))
    except (KeyError, TypeError, ValueError, OSError, zipfile.BadZipFile) as error:
        raise ModelRefused(path, f"damaged model file ({type(error).__name__})") from None
    counts = header.get("counts")
    return StatementClassifier(
        model=model,
        data_hash=str(header.get("data_hash")),
        counts=dict(counts) if isinstance(counts, dict) else {},
        examples=int(str(header.get("examples") or 0)),
        seconds=float(str(header.get("seconds") or 0.0)),
    )


def read_arrays(path: Path) -> dict[str, np.ndarray]:
    import numpy as np

    found = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith(".npy"):
                with archive.open(name) as member:
                    found[name[:-4]] = np.lib.format.read_array(member, allow_pickle=False)
    return found


def model_from(header: dict[str, object], arrays: dict[str, np.ndarray]) -> StatementModel:
    """The model the header and arrays describe; ``ValueError`` if they disagree."""
    from assure.classifying.features import public_vocabulary
    from assure.classifying.model import Calibration, StatementModel

    framework = str(header["framework"])
    statements = tuple(str(s) for s in header["statements"])  # type: ignore[attr-defined]
    calibration: dict[str, list[float]] = header["calibration"]  # type: ignore[assignment]
    model = StatementModel(
        framework_id=framework,
        statements=statements,
        **{name: arrays[name] for name in STATEMENT_ARRAYS},
        category=head_from(header.get("category"), "category", arrays),
        stance=head_from(header.get("stance"), "stance", arrays),
        calibration=Calibration(
            alone=(float(calibration["alone"][0]), float(calibration["alone"][1])),
            context=(float(calibration["context"][0]), float(calibration["context"][1])),
        ),
    )
    size = public_vocabulary(framework).size
    if model.idf.shape != (size,) or model.statement_words.shape != (size, len(statements)):
        raise ValueError("weights of another shape than the vocabulary")
    return model


def head_from(classes: object, kind: str, arrays: dict[str, np.ndarray]) -> ClassHead | None:
    from assure.classifying.model import ClassHead

    if classes is None:
        return None
    if not isinstance(classes, list):
        raise ValueError(f"{kind} classes")
    return ClassHead(
        classes=tuple(str(c) for c in classes),
        **{name: arrays[f"{kind}_{name}"] for name in HEAD_ARRAYS},
    )
