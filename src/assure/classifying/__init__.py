"""Quality statement classification: which statements, evidence category and
stance a passage speaks to.

A pure stage: the caller loads a model (``load_model``, or ``bundled_model``
when none was trained) and passes it, with people's corrections, to
``label_passages``. Training (``training.train_model``) and evaluation
(``report.evaluate``) run only when asked, on data the caller gathers.
"""

from assure.classifying.artefact import MODEL_FILE, ModelRefused, load_model, save_model
from assure.classifying.bundled import bundled_model
from assure.classifying.classifier import StatementClassifier
from assure.classifying.labelled import Correction, LabelledExample
from assure.classifying.labelling import label_passages

__all__ = [
    "MODEL_FILE",
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


def __getattr__(name: str) -> object:
    # Training needs scikit-learn, which labelling does not: imported when asked for.
    if name == "train_model":
        from assure.classifying.training import train_model

        return train_model
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
