"""Learning a ``StatementModel``'s weights with scikit-learn, only when asked.

The passages are read into features once (``features``); the regressions and
the naive Bayes are fitted on them and kept as plain arrays. The same features
serve the calibration folds, each of which fits the statement heads again on
the documents it does not hold out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import ComplementNB
from threadpoolctl import threadpool_limits

from assure.classifying.features import Features, feature_reader
from assure.classifying.keywords import statement_ids
from assure.classifying.labelled import LabelledExample
from assure.classifying.model import (
    KEYWORD_WEIGHT,
    Calibration,
    ClassHead,
    StatementModel,
    log_odds,
    smooth_by_context,
)

BAYES_ALPHA = 0.3
# Groups of documents held out in turn to learn how scores map to probabilities
# (each costs one more fit of the statement heads).
CALIBRATION_FOLDS = 3
# A statement no training passage has (or every one has): a constant score.
CERTAIN = 30.0
WEIGHTS = np.float32  # what a model keeps: halves the file, no change in ranking


def fit_model(
    examples: Sequence[LabelledExample], framework_id: str = "cqc-local-authority", c: float = 8.0
) -> StatementModel:
    """A model trained on ``examples`` (passages kept only as context are
    skipped), with its scores' calibration learnt on held-out documents."""
    # The problem is small and sparse: BLAS threads only contend (ten times
    # slower on a busy machine), so one thread it is.
    with threadpool_limits(1):
        examples = [e for e in examples if e.source != "context"]
        features = feature_reader(framework_id).read([e.text for e in examples])
        model = fit_statements(features, examples, framework_id, c)
        matrix = design_matrix(features, model.idf)
        keywords = len(model.statements)
        return replace(
            model,
            category=fit_class_head(
                matrix, keywords, features.category, [e.category for e in examples]
            ),
            stance=fit_class_head(matrix, keywords, features.stance, [e.stance for e in examples]),
            calibration=fit_calibration(features, examples, framework_id, c),
        )


def inverse_document_frequency(features: Features) -> np.ndarray:
    """Smoothed idf of each vocabulary column seen in training, 0 for the rest
    (a column no training passage has carries nothing)."""
    frequency = features.document_frequency()
    idf = np.log((1 + features.passages) / (1 + frequency)) + 1
    return np.where(frequency > 0, idf, 0.0).astype(WEIGHTS)


def design_matrix(features: Features, idf: np.ndarray) -> sparse.csr_matrix:
    """The word block beside the weighted keyword block, as scikit-learn reads it."""
    keywords = sparse.csr_matrix(np.log1p(features.keywords) * KEYWORD_WEIGHT)
    return sparse.hstack([features.tfidf(idf), keywords], format="csr")


def fit_statements(
    features: Features, examples: Sequence[LabelledExample], framework_id: str, c: float
) -> StatementModel:
    """The statement regressions and the naive Bayes (no category or stance head)."""
    statements = statement_ids(framework_id)
    size = feature_reader(framework_id).vocabulary.size
    idf = inverse_document_frequency(features)
    matrix = design_matrix(features, idf)
    weights = np.zeros((matrix.shape[1], len(statements)))
    intercept = np.zeros(len(statements))
    for column, statement in enumerate(statements):
        target = np.array([statement in e.qs for e in examples], dtype=int)
        if target.min() == target.max():
            intercept[column] = CERTAIN if target.max() else -CERTAIN
            continue
        head = LogisticRegression(
            C=c, class_weight="balanced", solver="liblinear", max_iter=1000, random_state=0
        ).fit(matrix, target)
        weights[:, column], intercept[column] = head.coef_[0], head.intercept_[0]
    bayes, known = fit_bayes(matrix[:, :size], examples, statements)
    return StatementModel(
        framework_id=framework_id,
        statements=statements,
        idf=idf,
        statement_words=weights[:size].astype(WEIGHTS),
        statement_keywords=weights[size:].astype(WEIGHTS),
        statement_intercept=intercept.astype(WEIGHTS),
        bayes=bayes.astype(WEIGHTS),
        bayes_known=known,
    )


def fit_bayes(
    words: sparse.csr_matrix, examples: Sequence[LabelledExample], statements: Sequence[str]
) -> tuple[np.ndarray, np.ndarray]:
    """Complement naive Bayes on each passage's first statement: its
    log-probabilities per column and statement, and which statements it knows
    (none where fewer than two statements are first anywhere)."""
    weights = np.zeros((words.shape[1], len(statements)))
    known = np.zeros(len(statements), dtype=bool)
    rows = [i for i, e in enumerate(examples) if e.qs and e.qs[0] in statements]
    labels = [examples[i].qs[0] for i in rows]
    if len(set(labels)) < 2:
        return weights, known
    bayes = ComplementNB(alpha=BAYES_ALPHA).fit(words[rows], labels)
    for row, statement in enumerate(bayes.classes_):
        column = list(statements).index(str(statement))
        weights[:, column] = bayes.feature_log_prob_[row]
        known[column] = True
    return weights, known


def fit_class_head(
    matrix: sparse.csr_matrix, keywords: int, cues: np.ndarray, labels: Sequence[str | None]
) -> ClassHead | None:
    """A multinomial head over the words and the ``keywords`` last columns of
    ``matrix``, and one over the cues, trained on the rows that carry a label;
    ``None`` if too few kinds."""
    rows = [i for i, label in enumerate(labels) if label]
    known = [str(labels[i]) for i in rows]
    if len(set(known)) < 2:
        return None
    words = LogisticRegression(C=8.0, class_weight="balanced", max_iter=2000).fit(
        matrix[rows], known
    )
    cued = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000).fit(cues[rows], known)
    coef, intercept = multinomial(words)
    cue_coef, cue_intercept = multinomial(cued)
    size = matrix.shape[1] - keywords
    return ClassHead(
        classes=tuple(str(c) for c in words.classes_),
        words=coef[:size].astype(WEIGHTS),
        keywords=coef[size:].astype(WEIGHTS),
        intercept=intercept.astype(WEIGHTS),
        cues=cue_coef.astype(WEIGHTS),
        cue_intercept=cue_intercept.astype(WEIGHTS),
    )


def multinomial(head: LogisticRegression) -> tuple[np.ndarray, np.ndarray]:
    """A fitted regression's weights (features x classes) and intercepts, such
    that a softmax gives its probabilities (a two-class head's one row becomes
    a zero row for the first class and its own for the second)."""
    coef, intercept = head.coef_, head.intercept_
    if len(head.classes_) == 2 and coef.shape[0] == 1:
        coef = np.vstack([np.zeros_like(coef[0]), coef[0]])
        intercept = np.array([0.0, intercept[0]])
    return coef.T, intercept


def fit_calibration(
    features: Features, examples: Sequence[LabelledExample], framework_id: str, c: float
) -> Calibration:
    """Platt maps fitted on out-of-fold scores: each group of documents is
    scored by statement heads trained without it, read alone and in document
    order."""
    documents = sorted({e.document for e in examples})
    if len(documents) < 2:
        return Calibration()
    statements = statement_ids(framework_id)
    truth = np.array([[q in e.qs for q in statements] for e in examples], dtype=float)
    alone, context = np.zeros_like(truth), np.zeros_like(truth)
    folds = min(CALIBRATION_FOLDS, len(documents))
    for fold in range(folds):
        held = set(documents[fold::folds])
        rows = [i for i, e in enumerate(examples) if e.document in held]
        kept = [i for i, e in enumerate(examples) if e.document not in held]
        heads = fit_statements(features.subset(kept), [examples[i] for i in kept], framework_id, c)
        scores = heads.predict_features(features.subset(rows))[0]
        alone[rows] = scores
        for document in held:
            inner = [k for k, i in enumerate(rows) if examples[i].document == document]
            order = [
                examples[rows[k]].position if examples[rows[k]].position is not None else n
                for n, k in enumerate(inner)
            ]
            context[[rows[k] for k in inner]] = smooth_by_context(scores[inner], order)[0]
    return Calibration(platt(alone, truth), platt(context, truth))


def platt(scores: np.ndarray, truth: np.ndarray) -> tuple[float, float]:
    """Slope and intercept of a logistic regression of the truth on log-odds."""
    if len(set(truth.ravel())) < 2:
        return (1.0, 0.0)
    fitted = LogisticRegression(C=100.0).fit(log_odds(scores.ravel())[:, None], truth.ravel())
    return float(fitted.coef_[0, 0]), float(fitted.intercept_[0])
