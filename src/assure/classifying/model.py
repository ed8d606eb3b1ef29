"""The quality statement classifier: word TF-IDF plus domain keyword counts,
one balanced logistic regression per statement (a passage can be about several)
averaged with a complement naive Bayes over the words, and separate heads for
evidence category and stance (the stance head blended with phrase cues).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.naive_bayes import ComplementNB
from sklearn.preprocessing import MultiLabelBinarizer
from threadpoolctl import threadpool_limits

from assure.classifying.keywords import keyword_counts, statement_ids
from assure.classifying.labelled import LabelledExample
from assure.classifying.stance import CUE_SHARE, CueStance
from assure.structure import EVIDENCE_CONFIDENCE

# Every passage gets its MAX_LABELS best statements, ranked, with their scores;
# a suggestion counts as evidence from THRESHOLD up. Averaging with naive Bayes,
# whose probabilities share one unit between the statements, keeps scores low,
# and blending with neighbours pulls them together: on a real self-assessment
# held out (with neighbours), micro-F1 is 0.554 at 0.3, 0.647 at 0.25 and 0.695
# at 0.2, whose precision (0.644) is too low to count a passage as evidence;
# on the bundled examples (each passage alone) 0.871 at 0.3, 0.861 at 0.25.
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
        self.stance_cues: CueStance | None = None

    def fit(self, examples: Sequence[LabelledExample]) -> StatementModel:
        """Train on ``examples``; passages kept only as context are skipped."""
        # The problem is small and sparse: BLAS threads only contend (ten times
        # slower on a busy machine), so one thread it is.
        with threadpool_limits(1):
            return self._fit(examples)

    def _fit(self, examples: Sequence[LabelledExample]) -> StatementModel:
        examples = [e for e in examples if e.source != "context"]
        texts = [e.text for e in examples]
        matrix, words = self.features.fit_transform(texts)
        targets = self.binarizer.fit_transform(
            [[q for q in e.qs if q in self.statements] for e in examples]
        )
        head = LogisticRegression(
            C=self.c, class_weight="balanced", solver="liblinear", max_iter=1000
        )
        self.statement_head = OneVsRestClassifier(head).fit(matrix, targets)
        self.bayes = fit_bayes(words, examples, self.statements)
        self.category_head = fit_head(matrix, [e.category for e in examples])
        stances = [e.stance for e in examples]
        self.stance_head = fit_head(matrix, stances)
        if self.stance_head is not None:
            known = [(text, stance) for text, stance in zip(texts, stances, strict=True) if stance]
            self.stance_cues = CueStance().fit([t for t, _ in known], [s for _, s in known])
        return self

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
        if self.stance_head is None or self.stance_cues is None:
            return predict_head(self.stance_head, matrix)
        classes = [str(c) for c in self.stance_head.classes_]
        words = self.stance_head.predict_proba(matrix)
        cues = self.stance_cues.probabilities(texts, classes)
        blended = (1 - CUE_SHARE) * words + CUE_SHARE * cues
        return [classes[i] for i in blended.argmax(axis=1)]

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
            categories = predict_head(self.category_head, matrix)
            stances = self._stances(matrix, texts)
        return probabilities, categories, stances


def smooth_by_context(
    probabilities: np.ndarray, positions: Sequence[int | None] | None = None
) -> np.ndarray:
    """Blend each passage's statement scores with its neighbours' in one document.

    Rows are passages in document order; ``positions`` (their order numbers)
    mark which are neighbours, and a ``None`` position stands alone. Scores stay
    in 0..1. Example: a short bullet between two paragraphs about safeguarding
    leans towards safeguarding.
    """
    if probabilities.shape[0] < 2:
        return probabilities
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
    return smoothed


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
