"""A trained classifier as a versioned file.

The file is one JSON header line (format version, scikit-learn version, hash
of the training data and of the bundled examples, counts) followed by the
pickled model. The header is read first: a file written by another format or
scikit-learn version is refused without unpickling it. The file is written to
a temporary name and moved into place, so a reader never sees half a model.

Where the file lives is the caller's business (``MODEL_FILE`` is its usual
name inside a data folder); nothing here trains or reads a library.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from pathlib import Path

import joblib
import sklearn

from assure.classifying.classifier import StatementClassifier
from assure.classifying.labelled import bundled_hash
from assure.classifying.model import StatementModel
from assure.errors import AssureError

FORMAT_VERSION = 6  # 5: category cue head; 6: no corrections inside
MODEL_FILE = Path("models") / "statement-model.bin"  # inside a data folder


class ModelRefused(AssureError):
    """A model file that cannot be used: missing, another format or library
    version, trained on other bundled examples, or damaged."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def header_of(model: StatementClassifier) -> dict[str, object]:
    return {
        "format": FORMAT_VERSION,
        "sklearn": sklearn.__version__,
        "data_hash": model.data_hash,
        "bundled": bundled_hash(),
        "framework": model.framework_id,
        "examples": model.examples,
        "counts": model.counts,
        "seconds": round(model.seconds, 2),
    }


def save_model(model: StatementClassifier, path: Path) -> None:
    """Write the model atomically: a temporary file in the same folder, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    body = io.BytesIO()
    joblib.dump(model.model, body, compress=3)
    handle, temporary = tempfile.mkstemp(prefix=".model-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(json.dumps(header_of(model)).encode("utf-8") + b"\n")
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
    except FileNotFoundError:
        raise ModelRefused(path, "no model file") from None
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


def trained_on(path: Path) -> str | None:
    """The training data hash of the usable model in ``path``, or ``None``."""
    try:
        found = read_header(path).get("data_hash")
    except ModelRefused:
        return None
    return str(found) if found else None


def load_model(path: Path) -> StatementClassifier:
    """The model in ``path``; raises ``ModelRefused`` naming the file and the
    reason (never trains, never returns a stale model)."""
    header = read_header(path)
    try:
        with path.open("rb") as handle:
            handle.readline()
            model = joblib.load(io.BytesIO(handle.read()))
    except Exception as error:  # a damaged pickle can raise almost anything
        raise ModelRefused(path, f"damaged model file ({type(error).__name__})") from None
    if not isinstance(model, StatementModel):
        raise ModelRefused(path, "not a statement model")
    counts = header.get("counts")
    return StatementClassifier(
        model=model,
        data_hash=str(header.get("data_hash")),
        counts=dict(counts) if isinstance(counts, dict) else {},
        examples=int(str(header.get("examples") or 0)),
        seconds=float(str(header.get("seconds") or 0.0)),
    )
