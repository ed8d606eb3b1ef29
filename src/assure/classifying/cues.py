"""A small model over hand-written cues, blended with a word-based head.

Word TF-IDF learns the vocabulary of the examples it saw; cues name what a
genre says in any voice ("we are proud", "people told us", "social workers").
``CueHead`` is a logistic regression over one cue function's features; the
stance and the evidence category each have one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from sklearn.linear_model import LogisticRegression

CueFeatures = Callable[[Sequence[str]], np.ndarray]


class CueHead:
    """A logistic regression over the features ``cues`` gives each passage."""

    def __init__(self, cues: CueFeatures) -> None:
        self.cues = cues
        self.head = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000)

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> CueHead:
        self.head.fit(self.cues(texts), list(labels))
        return self

    def probabilities(self, texts: Sequence[str], classes: Sequence[str]) -> np.ndarray:
        """Probabilities with columns in the order of ``classes`` (zero for unseen ones)."""
        found = self.head.predict_proba(self.cues(texts))
        known = [str(c) for c in self.head.classes_]
        empty = np.zeros(len(texts))
        columns = [found[:, known.index(c)] if c in known else empty for c in classes]
        return np.column_stack(columns)


def blend(
    words: np.ndarray, classes: Sequence[str], cues: CueHead, texts: Sequence[str], share: float
) -> list[str]:
    """Each passage's class from word probabilities blended with the cue head's."""
    mixed = (1 - share) * words + share * cues.probabilities(texts, classes)
    return [classes[i] for i in mixed.argmax(axis=1)]
