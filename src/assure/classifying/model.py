"""The quality statement classifier: word TF-IDF plus domain keyword counts,
one balanced logistic regression per statement (a passage can be about several)
averaged with a complement naive Bayes over the words, scores turned into
probabilities by Platt scaling learnt on held-out documents, and separate heads
for evidence category and stance (the stance head blended with phrase cues).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.naive_bayes import ComplementNB
from sklearn.preprocessing import MultiLabelBinarizer
from threadpoolctl import threadpool_limits

from assure.classifying.category import CATEGORY_CUE_SHARE, category_cues
from assure.classifying.cues import CueFeatures, CueHead, blend
from assure.classifying.keywords import keyword_counts, statement_ids
from assure.classifying.labelled import LabelledExample
from assure.classifying.stance import CUE_SHARE, stance_cues
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
BAYES_ALPHA = 0.3

# Groups of documents held out in turn to learn how scores map to probabilities
# (each costs one more fit; three keep `assure train` on 10,000 passages well
# under a minute).
CALIBRATION_FOLDS = 3


class TextFeatures:
    """Word TF-IDF (unigrams and bigrams) plus keyword counts per statement.

    Character n-grams were tried: no better on a held-out self-assessment and
    three times slower to classify, so they are left out. Stop words are kept:
    "not yet", "we need to" and "has fallen" carry the stance, and keeping them
    also ranked statements better leaving one document out."""

    def __init__(self, framework_id: str) -> None:
        self.framework_id = framework_id
        self.words = TfidfVectorizer(
            ngram_range=(1, 2),
            sublinear_tf=True,
            min_df=1,
            strip_accents="unicode",
        )

    def fit_transform(self, texts: Sequence[str]) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
        """The combined matrix, and the word block alone (for naive Bayes)."""
        words = self.words.fit_transform(texts)
        return self.combine(words, texts), words

    def transform(self, texts: Sequence[str]) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
        words = self.words.transform(texts)
        return self.combine(words, texts), words

    def combine(self, words: sparse.spmatrix, texts: Sequence[str]) -> sparse.csr_matrix:
        keywords = np.log1p(keyword_counts(texts, self.framework_id)) * KEYWORD_WEIGHT
        return sparse.hstack([words, sparse.csr_matrix(keywords)], format="csr")


class StatementModel:
    """Suggests quality statements, evidence category and stance for passages.

    ``statement_probabilities`` gives one independent probability per
    statement (0..1), so a passage can belong to several or to none.
    """

    def __init__(self, framework_id: str = "cqc-local-authority", c: float = 8.0) -> None:
        self.framework_id = framework_id
        self.statements = statement_ids(framework_id)
        self.c = c
        self.features = TextFeatures(framework_id)
        self.binarizer = MultiLabelBinarizer(classes=list(self.statements))
        self.statement_head: OneVsRestClassifier | None = None
        self.bayes: ComplementNB | None = None
        self.category_head: LogisticRegression | None = None
        self.stance_head: LogisticRegression | None = None
        self.category_cues: CueHead | None = None
        self.stance_cues: CueHead | None = None
        self.calibration = Calibration()

    def fit(self, examples: Sequence[LabelledExample]) -> StatementModel:
        """Train on ``examples`` (passages kept only as context are skipped), then
        learn how its scores map to probabilities."""
        # The problem is small and sparse: BLAS threads only contend (ten times
        # slower on a busy machine), so one thread it is.
        with threadpool_limits(1):
            self._fit(examples)
            trained = [e for e in examples if e.source != "context"]
            self.calibration = Calibration.fit(
                trained, lambda: StatementModel(self.framework_id, self.c)
            )
        return self

    def calibrated(self, scores: np.ndarray, blended: np.ndarray) -> np.ndarray:
        """Scores (read alone, or blended where ``blended``) as probabilities."""
        return self.calibration.apply(scores, blended)

    def _fit(self, examples: Sequence[LabelledExample]) -> StatementModel:
        examples = [e for e in examples if e.source != "context"]
        texts = [e.text for e in examples]
        matrix = self._fit_statements(examples)
        categories = [e.category for e in examples]
        self.category_head = fit_head(matrix, categories)
        self.category_cues = fit_cues(self.category_head, category_cues, texts, categories)
        stances = [e.stance for e in examples]
        self.stance_head = fit_head(matrix, stances)
        self.stance_cues = fit_cues(self.stance_head, stance_cues, texts, stances)
        return self

    def _fit_statements(self, examples: Sequence[LabelledExample]) -> sparse.csr_matrix:
        """Fit the features and the statement heads; the feature matrix."""
        matrix, words = self.features.fit_transform([e.text for e in examples])
        targets = self.binarizer.fit_transform(
            [[q for q in e.qs if q in self.statements] for e in examples]
        )
        head = LogisticRegression(
            C=self.c, class_weight="balanced", solver="liblinear", max_iter=1000
        )
        self.statement_head = OneVsRestClassifier(head).fit(matrix, targets)
        self.bayes = fit_bayes(words, examples, self.statements)
        return matrix

    def _statements(self, matrix: sparse.csr_matrix, words: sparse.csr_matrix) -> np.ndarray:
        assert self.statement_head is not None
        found = np.asarray(self.statement_head.predict_proba(matrix))
        if self.bayes is None:
            return found
        known = [str(c) for c in self.bayes.classes_]
        guessed = self.bayes.predict_proba(words)
        bayes = np.zeros_like(found)
        for column, statement in enumerate(self.statements):
            if statement in known:
                bayes[:, column] = guessed[:, known.index(statement)]
        return (1 - BAYES_SHARE) * found + BAYES_SHARE * bayes

    def _stances(self, matrix: sparse.csr_matrix, texts: Sequence[str]) -> list[str | None]:
        return blended_head(self.stance_head, self.stance_cues, matrix, texts, CUE_SHARE)

    def _categories(self, matrix: sparse.csr_matrix, texts: Sequence[str]) -> list[str | None]:
        return blended_head(
            self.category_head, self.category_cues, matrix, texts, CATEGORY_CUE_SHARE
        )

    def statement_probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """A (passages x statements) matrix of probabilities, columns as ``self.statements``."""
        if self.statement_head is None:
            raise RuntimeError("the statement model has not been trained")
        if not texts:
            return np.zeros((0, len(self.statements)))
        with threadpool_limits(1):
            return self._statements(*self.features.transform(texts))

    def predict_all(
        self, texts: Sequence[str]
    ) -> tuple[np.ndarray, list[str | None], list[str | None]]:
        """Statement probabilities, category and stance for each passage in one pass."""
        if self.statement_head is None or not texts:
            return self.statement_probabilities(texts), [None] * len(texts), [None] * len(texts)
        with threadpool_limits(1):
            matrix, words = self.features.transform(texts)
            probabilities = self._statements(matrix, words)
            categories = self._categories(matrix, texts)
            stances = self._stances(matrix, texts)
        return probabilities, categories, stances


def smooth_by_context(
    probabilities: np.ndarray, positions: Sequence[int | None] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Blend each passage's statement scores with its neighbours' in one document.

    Rows are passages in document order; ``positions`` (their order numbers)
    mark which are neighbours, and a ``None`` position stands alone. Scores stay
    in 0..1. Example: a short bullet between two paragraphs about safeguarding
    leans towards safeguarding. Also returns which rows had a neighbour.
    """
    blended = np.zeros(probabilities.shape[0], dtype=bool)
    if probabilities.shape[0] < 2:
        return probabilities, blended
    slots = list(range(probabilities.shape[0])) if positions is None else list(positions)
    index = {slot: row for row, slot in enumerate(slots) if slot is not None}
    smoothed = probabilities.copy()
    for row, slot in enumerate(slots):
        if slot is None:
            continue
        total = 1.0
        for distance in range(1, CONTEXT_WINDOW + 1):
            weight = CONTEXT_WEIGHT * CONTEXT_DECAY ** (distance - 1)
            for neighbour in (slot - distance, slot + distance):
                if neighbour in index:
                    smoothed[row] += weight * probabilities[index[neighbour]]
                    total += weight
        smoothed[row] /= total
        blended[row] = total > 1.0
    return smoothed, blended


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

    @classmethod
    def fit(
        cls, examples: Sequence[LabelledExample], make: Callable[[], StatementModel]
    ) -> Calibration:
        """Maps fitted on out-of-fold scores: each group of documents is scored
        by a model trained without it, read alone and in document order."""
        documents = sorted({e.document for e in examples})
        if len(documents) < 2:
            return cls()
        statements = make().statements
        truth = np.array([[q in e.qs for q in statements] for e in examples], dtype=float)
        alone, context = np.zeros_like(truth), np.zeros_like(truth)
        folds = min(CALIBRATION_FOLDS, len(documents))
        for fold in range(folds):
            held = set(documents[fold::folds])
            rows = [i for i, e in enumerate(examples) if e.document in held]
            model = make()
            model._fit_statements([e for e in examples if e.document not in held])
            scores = model.statement_probabilities([examples[i].text for i in rows])
            alone[rows] = scores
            for document in held:
                inner = [k for k, i in enumerate(rows) if examples[i].document == document]
                order = [
                    examples[rows[k]].position if examples[rows[k]].position is not None else n
                    for n, k in enumerate(inner)
                ]
                context[[rows[k] for k in inner]] = smooth_by_context(scores[inner], order)[0]
        return cls(platt(alone, truth), platt(context, truth))


def log_odds(scores: np.ndarray) -> np.ndarray:
    clipped = np.clip(scores, 1e-4, 1 - 1e-4)
    return np.log(clipped / (1 - clipped))


def platt(scores: np.ndarray, truth: np.ndarray) -> tuple[float, float]:
    """Slope and intercept of a logistic regression of the truth on log-odds."""
    if len(set(truth.ravel())) < 2:
        return (1.0, 0.0)
    fitted = LogisticRegression(C=100.0).fit(log_odds(scores.ravel())[:, None], truth.ravel())
    return float(fitted.coef_[0, 0]), float(fitted.intercept_[0])


def fit_cues(
    head: LogisticRegression | None,
    cues: CueFeatures,
    texts: Sequence[str],
    labels: Sequence[str | None],
) -> CueHead | None:
    """A cue head beside a word head, trained on the passages that carry a label."""
    if head is None:
        return None
    known = [(text, label) for text, label in zip(texts, labels, strict=True) if label]
    return CueHead(cues).fit([t for t, _ in known], [label for _, label in known])


def blended_head(
    head: LogisticRegression | None,
    cues: CueHead | None,
    matrix: sparse.csr_matrix,
    texts: Sequence[str],
    share: float,
) -> list[str | None]:
    """The word head's class per passage, blended with its cue head where there is one."""
    if head is None or cues is None:
        return predict_head(head, matrix)
    classes = [str(c) for c in head.classes_]
    return list(blend(head.predict_proba(matrix), classes, cues, texts, share))


def fit_head(matrix: sparse.csr_matrix, labels: Sequence[str | None]) -> LogisticRegression | None:
    """A multinomial head trained on the rows that carry a label; ``None`` if too few kinds."""
    rows = [i for i, label in enumerate(labels) if label]
    if len({labels[i] for i in rows}) < 2:
        return None
    head = LogisticRegression(C=8.0, class_weight="balanced", max_iter=2000)
    return head.fit(matrix[rows], [labels[i] for i in rows])


def fit_bayes(
    words: sparse.csr_matrix, examples: Sequence[LabelledExample], statements: Sequence[str]
) -> ComplementNB | None:
    """Complement naive Bayes on each passage's first statement; ``None`` if too few kinds."""
    rows = [i for i, e in enumerate(examples) if e.qs and e.qs[0] in statements]
    if len({examples[i].qs[0] for i in rows}) < 2:
        return None
    return ComplementNB(alpha=BAYES_ALPHA).fit(words[rows], [examples[i].qs[0] for i in rows])


def predict_head(head: LogisticRegression | None, matrix: sparse.csr_matrix) -> list[str | None]:
    if head is None:
        return [None] * matrix.shape[0]
    return [str(label) for label in head.predict(matrix)]
