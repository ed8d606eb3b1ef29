"""The model every installation has: trained on the bundled examples only
(fictional councils' text, none of a real council's words), so passages can be
labelled with no data folder, no library and nothing written anywhere.

It ships with the package as ``bundled-model.npz``, so labelling needs neither
scikit-learn nor a training run. Where that file is missing or outdated (the
examples changed since it was written) the model is trained in the process,
once. ``python -m assure.classifying.bundled`` writes the file again.
"""

from __future__ import annotations

import threading
from pathlib import Path

from assure.classifying.artefact import ModelRefused, load_model, save_model
from assure.classifying.classifier import StatementClassifier
from assure.classifying.labelled import load_examples

BUNDLED_FILE = Path(__file__).parent / "bundled-model.npz"

_bundled: list[StatementClassifier] = []
_lock = threading.Lock()


def bundled_model() -> StatementClassifier:
    """The classifier of the bundled examples, loaded (or trained) once per process."""
    with _lock:
        if not _bundled:
            try:
                _bundled.append(load_model(BUNDLED_FILE))
            except ModelRefused:
                _bundled.append(train_bundled_model())
        return _bundled[0]


def train_bundled_model() -> StatementClassifier:
    from assure.classifying.training import train_model

    return train_model(load_examples())


def main() -> None:
    """Write the shipped model file from the bundled examples."""
    save_model(train_bundled_model(), BUNDLED_FILE)
    print(f"wrote {BUNDLED_FILE}")


if __name__ == "__main__":
    main()
