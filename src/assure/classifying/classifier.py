"""A trained statement classifier as the pipeline uses it: what it suggests
for passages, and what it was trained on.

``StatementClassifier`` is what ``training.train_model`` returns,
``artefact.load_model`` reads and ``labelling.label_passages`` takes. It holds
no passage text and no corrections: those live in the database and are passed
in by the caller.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from assure.classifying.model import StatementModel


@dataclass(frozen=True)
class Predictions:
    """Per passage: statement scores (passages x statements, before context and
    calibration), the evidence category and the stance."""

    scores: np.ndarray
    categories: list[str | None]
    stances: list[str | None]


@dataclass
class StatementClassifier:
    """A trained model with what it was trained on: ``data_hash`` (of the
    training data), ``counts`` (labelled passages per statement), ``examples``
    (passages trained on) and ``seconds`` (time taken)."""

    model: StatementModel
    data_hash: str
    counts: dict[str, int]
    examples: int = 0
    seconds: float = 0.0

    @property
    def statements(self) -> tuple[str, ...]:
        return self.model.statements

    @property
    def framework_id(self) -> str:
        return self.model.framework_id

    def predict(self, texts: Sequence[str]) -> Predictions:
        """Statement scores, category and stance for each passage, in one pass."""
        scores, categories, stances = self.model.predict_all(texts)
        return Predictions(scores, categories, stances)

    def statement_scores(self, texts: Sequence[str]) -> np.ndarray:
        """Statement scores alone (passages x statements), columns as ``statements``."""
        return self.model.statement_probabilities(texts)

    def calibrated(self, scores: np.ndarray, blended: np.ndarray) -> np.ndarray:
        """Scores (read alone, or blended with neighbours where ``blended``) as probabilities."""
        return self.model.calibrated(scores, blended)
