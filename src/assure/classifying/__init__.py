"""Quality statement classification: which statements, evidence category and
stance a passage speaks to.

A pure stage: the caller loads a model (``load_model``, or ``bundled_model``
when none was trained) and passes it, with people's corrections, to
``label_passages``. Training (``training.train_model``) and evaluation
(``report.evaluate``) run only when asked, on data the caller gathers.

Names are imported when first used: numpy loads only when a model does, and
scikit-learn only when one is trained.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from assure.classifying.labelled import Correction, LabelledExample

if TYPE_CHECKING:
    from assure.classifying.artefact import ModelRefused, load_model, save_model
    from assure.classifying.bundled import bundled_model
    from assure.classifying.classifier import StatementClassifier
    from assure.classifying.labelling import label_passages
    from assure.classifying.training import train_model

__all__ = [
    "Correction",
    "LabelledExample",
    "ModelRefused",
    "StatementClassifier",
    "bundled_model",
    "label_passages",
    "load_model",
    "save_model",
    "train_model",
]

_WHERE = {
    "ModelRefused": "artefact",
    "load_model": "artefact",
    "save_model": "artefact",
    "bundled_model": "bundled",
    "StatementClassifier": "classifier",
    "label_passages": "labelling",
    "train_model": "training",
}


def __getattr__(name: str) -> object:
    if name in _WHERE:
        return getattr(import_module(f"assure.classifying.{_WHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
