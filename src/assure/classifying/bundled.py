"""The model every installation has: trained on the bundled examples only
(fictional councils' text, none of a real council's words), so passages can be
labelled with no data folder, no library and nothing written anywhere."""

from __future__ import annotations

import threading

from assure.classifying.classifier import StatementClassifier
from assure.classifying.labelled import load_examples

_bundled: list[StatementClassifier] = []
_lock = threading.Lock()


def bundled_model() -> StatementClassifier:
    """The classifier trained on the bundled examples, built once per process."""
    with _lock:
        if not _bundled:
            from assure.classifying.training import train_model

            _bundled.append(train_model(load_examples()))
        return _bundled[0]
