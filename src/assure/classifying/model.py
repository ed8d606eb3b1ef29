"""The quality statement classifier as plain arrays of learnt weights.

Features (``features``): TF-IDF over the public vocabulary's words and word
pairs, plus keyword counts per statement. One balanced logistic regression per
statement (a passage can be about several) is averaged with a complement naive
Bayes over the words; scores become probabilities by Platt scaling learnt on
held-out documents; separate heads give the evidence category and the stance,
each blended with a small regression over its cues.

Prediction needs numpy and scipy's sparse matrices; ``fitting`` learns the
weights with scikit-learn. Nothing here holds text: a model is numbers over the public
vocabulary's columns, so it can be saved as plain arrays (``artefact``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from assure.classifying.category import CATEGORY_CUE_SHARE
from assure.classifying.features import Features, feature_reader
from assure.classifying.stance import CUE_SHARE
from assure.structure import EVIDENCE_CONFIDENCE

# Every passage gets its MAX_LABELS best statements, ranked, with calibrated
# probabilities (see ``Calibration``); a suggestion counts as evidence from
# THRESHOLD up. Micro-F1 by bar, on a real self-assessment held out (read with
# neighbours) and on the examples held out in five groups (read alone):
# 0.2: 0.681 / 0.816, 0.25: 0.678 / 0.828, 0.3: 0.658 / 0.830, 0.4: 0.639 / 0.834.
THRESHOLD = EVIDENCE_CONFIDENCE
MAX_LABELS = 3

# Neighbouring passages of a document share its topic: a passage's scores are
# blended with those of up to CONTEXT_WINDOW passages either side, each weighted
# CONTEXT_WEIGHT * CONTEXT_DECAY ** (distance - 1). Chosen on the bundled
# examples plus the real regulator report, then checked on a held-out
# self-assessment (see ``assure eval``).
CONTEXT_WINDOW = 3
CONTEXT_WEIGHT = 0.6
CONTEXT_DECAY = 0.8

# Weight of the keyword-count block against the TF-IDF block (each row of which
# has unit length); found by leave-one-document-out on the bundled examples.
KEYWORD_WEIGHT = 0.2

# Share of the complement naive Bayes in a statement's score. Naive Bayes reads
# a long paragraph as the sum of its words, where the per-statement regressions
# are drawn to a few strong bigrams; their average ranked better leaving one
# document out (top-1 0.885 -> 0.898 on the examples and the regulator report).
BAYES_SHARE = 0.5

# Passages read at once: bounds the memory of one batch's feature arrays.
CHUNK = 1024


@dataclass(frozen=True)
class ClassHead:
    """A multinomial regression over the words and keywords (``words``,
    ``keywords``, ``intercept``), blended with one over the cues (``cues``,
    ``cue_intercept``); columns are ``classes``."""

    classes: tuple[str, ...]
    words: np.ndarray
    keywords: np.ndarray
    intercept: np.ndarray
    cues: np.ndarray
    cue_intercept: np.ndarray

    def choose(self, linear: np.ndarray, cues: np.ndarray, share: float) -> list[str | None]:
        """Each passage's class, from the word scores ``linear`` (without the
        intercept) blended with the cue head's probabilities."""
        words = softmax(linear + self.intercept)
        cued = softmax(cues @ self.cues + self.cue_intercept)
        mixed = (1 - share) * words + share * cued
        return [self.classes[i] for i in mixed.argmax(axis=1)]


@dataclass
class Calibration:
    """Platt scaling of statement scores into probabilities: one map for a
    passage read alone and one for a passage blended with its neighbours (whose
    scores blending pulls together). Each map is a slope and an intercept on the
    score's log-odds; the identity until fitted. Monotone, so it never changes
    which statements rank first."""

    alone: tuple[float, float] = (1.0, 0.0)
    context: tuple[float, float] = (1.0, 0.0)

    def apply(self, scores: np.ndarray, blended: np.ndarray) -> np.ndarray:
        if scores.size == 0:
            return scores
        slopes = np.where(blended, self.context[0], self.alone[0])[:, None]
        intercepts = np.where(blended, self.context[1], self.alone[1])[:, None]
        return 1.0 / (1.0 + np.exp(-(slopes * log_odds(scores) + intercepts)))


@dataclass(frozen=True, eq=False)
class StatementModel:
    """Suggests quality statements, evidence category and stance for passages.

    ``statement_probabilities`` gives one independent probability per
    statement (0..1), so a passage can belong to several or to none. Weights
    are over the public vocabulary's columns (``idf`` has one per column) and
    the keyword block; ``bayes`` holds the naive Bayes log-probabilities of
    the statements in ``bayes_known`` (none: no naive Bayes)."""

    framework_id: str
    statements: tuple[str, ...]
    idf: np.ndarray
    statement_words: np.ndarray
    statement_keywords: np.ndarray
    statement_intercept: np.ndarray
    bayes: np.ndarray
    bayes_known: np.ndarray
    category: ClassHead | None = None
    stance: ClassHead | None = None
    calibration: Calibration = field(default_factory=Calibration)
    # Every head's weights side by side, so one product scores them all.
    _words: np.ndarray = field(init=False, repr=False)
    _keywords: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        heads = [h for h in (self.category, self.stance) if h is not None]
        width = len(self.statements)
        # float64 as the word block is: scipy would convert the weights on every product.
        words = np.hstack([self.statement_words, self.bayes, *(h.words for h in heads)])
        keywords = np.hstack(
            [self.statement_keywords, np.zeros((width, width)), *(h.keywords for h in heads)]
        )
        words, keywords = words.astype(np.float64), keywords.astype(np.float64)
        object.__setattr__(self, "_words", words)
        object.__setattr__(self, "_keywords", keywords)

    def calibrated(self, scores: np.ndarray, blended: np.ndarray) -> np.ndarray:
        """Scores (read alone, or blended where ``blended``) as probabilities."""
        return self.calibration.apply(scores, blended)

    def statement_probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """A (passages x statements) matrix of probabilities, columns as ``self.statements``."""
        return self.predict_all(texts)[0]

    def predict_all(
        self, texts: Sequence[str]
    ) -> tuple[np.ndarray, list[str | None], list[str | None]]:
        """Statement probabilities, category and stance for each passage in one pass."""
        reader = feature_reader(self.framework_id)
        scores: list[np.ndarray] = [np.zeros((0, len(self.statements)))]
        categories: list[str | None] = []
        stances: list[str | None] = []
        for chunk in chunks(texts):
            found, category, stance = self.predict_features(reader.read(chunk))
            scores.append(found)
            categories += category
            stances += stance
        return np.vstack(scores), categories, stances

    def predict_features(
        self, features: Features
    ) -> tuple[np.ndarray, list[str | None], list[str | None]]:
        width = len(self.statements)
        linear = np.asarray(features.tfidf(self.idf) @ self._words, dtype=np.float64)
        linear += (np.log1p(features.keywords) * KEYWORD_WEIGHT) @ self._keywords
        found = sigmoid(linear[:, :width] + self.statement_intercept)
        if self.bayes_known.any():
            guessed = np.where(self.bayes_known, linear[:, width : 2 * width], -np.inf)
            found = (1 - BAYES_SHARE) * found + BAYES_SHARE * softmax(guessed)
        start = 2 * width
        chosen: list[list[str | None]] = []
        for head, cues, share in (
            (self.category, features.category, CATEGORY_CUE_SHARE),
            (self.stance, features.stance, CUE_SHARE),
        ):
            if head is None:
                chosen.append([None] * features.passages)
                continue
            end = start + len(head.classes)
            chosen.append(head.choose(linear[:, start:end], cues, share))
            start = end
        return found, chosen[0], chosen[1]


def chunks(texts: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(texts), CHUNK):
        yield texts[start : start + CHUNK]


def sigmoid(values: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-values))


def softmax(values: np.ndarray) -> np.ndarray:
    shifted = np.exp(values - values.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def log_odds(scores: np.ndarray) -> np.ndarray:
    clipped = np.clip(scores, 1e-4, 1 - 1e-4)
    return np.log(clipped / (1 - clipped))


def smooth_by_context(
    probabilities: np.ndarray, positions: Sequence[int | None] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Blend each passage's statement scores with its neighbours' in one document.

    Rows are passages in document order; ``positions`` (their order numbers)
    mark which are neighbours, and a ``None`` position stands alone. Scores stay
    in 0..1. Example: a short bullet between two paragraphs about safeguarding
    leans towards safeguarding. Also returns which rows had a neighbour.
    """
    count = probabilities.shape[0]
    blended = np.zeros(count, dtype=bool)
    if count < 2:
        return probabilities, blended
    if positions is None:
        slots = np.arange(count)
        placed = np.ones(count, dtype=bool)
    else:
        placed = np.array([p is not None for p in positions], dtype=bool)
        slots = np.array([-1 if p is None else p for p in positions], dtype=np.int64)
    order = np.flatnonzero(placed)[np.argsort(slots[placed], kind="stable")]
    sorted_slots = slots[order]
    total = np.ones(count)
    smoothed = probabilities.copy()
    for distance in range(1, CONTEXT_WINDOW + 1):
        weight = CONTEXT_WEIGHT * CONTEXT_DECAY ** (distance - 1)
        for step in (-distance, distance):
            wanted = slots[order] + step
            at = np.clip(np.searchsorted(sorted_slots, wanted), 0, len(order) - 1)
            found = sorted_slots[at] == wanted
            rows, neighbours = order[found], order[at[found]]
            smoothed[rows] += weight * probabilities[neighbours]
            total[rows] += weight
    blended = total > 1.0
    return smoothed / total[:, None], blended
