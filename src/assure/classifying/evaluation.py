"""Evaluation: the classifier beside two baselines trained on the same data.

Leave-one-document-out: each labelled document (a bundled example file, or a
real self-assessment or regulator report with weak labels from its statement
sections, headings removed) is held out in turn, the three systems are trained
on the rest, and their suggestions for the held-out passages are pooled.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import MultiLabelBinarizer
from threadpoolctl import threadpool_limits

from assure.classifying.fitting import fit_model
from assure.classifying.keywords import keyword_counts, statement_ids
from assure.classifying.labelled import LabelledExample
from assure.classifying.model import (
    MAX_LABELS,
    THRESHOLD,
    StatementModel,
    smooth_by_context,
)


class Ranker(Protocol):
    statements: tuple[str, ...]

    def fit(self, examples: Sequence[LabelledExample]) -> Ranker: ...

    def scores(self, examples: Sequence[LabelledExample]) -> np.ndarray: ...


class ModelRanker:
    """The classifier, as the evaluation sees it: each passage's neighbours in
    a real document count (``context=True``), or each passage stands alone."""

    name = "model"
    model: StatementModel

    def __init__(self, framework_id: str = "cqc-local-authority", context: bool = True) -> None:
        self.framework_id = framework_id
        self.statements = statement_ids(framework_id)
        self.context = context

    def fit(self, examples: Sequence[LabelledExample]) -> ModelRanker:
        self.model = fit_model(examples, self.framework_id)
        return self

    def scores(self, examples: Sequence[LabelledExample]) -> np.ndarray:
        """Probabilities per passage, as the pipeline gives them: each passage's
        scores blended with its neighbours' where ``context``, then calibrated."""
        matrix = self.model.statement_probabilities([e.text for e in examples])
        blended = np.zeros(len(examples), dtype=bool)
        if self.context:
            for document in {e.document for e in examples}:
                rows = [i for i, e in enumerate(examples) if e.document == document]
                positions = [examples[i].position for i in rows]
                matrix[rows], blended[rows] = smooth_by_context(matrix[rows], positions)
        return self.model.calibrated(matrix, blended)


class PassageModelRanker(ModelRanker):
    """The classifier reading each passage alone, without its neighbours."""

    name = "model-alone"

    def __init__(self, framework_id: str = "cqc-local-authority") -> None:
        super().__init__(framework_id, context=False)


class TfidfBaseline:
    """Word TF-IDF with one logistic regression per statement, nothing else."""

    name = "tfidf-lr"
    threshold = 0.5

    def __init__(self, framework_id: str = "cqc-local-authority") -> None:
        self.statements = statement_ids(framework_id)
        self.vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
        self.binarizer = MultiLabelBinarizer(classes=list(self.statements))
        self.head = OneVsRestClassifier(LogisticRegression(class_weight="balanced", max_iter=1000))

    def fit(self, examples: Sequence[LabelledExample]) -> TfidfBaseline:
        matrix = self.vectorizer.fit_transform([e.text for e in examples])
        with threadpool_limits(1):  # as the model: threads only contend on small problems
            self.head.fit(matrix, self.binarizer.fit_transform([list(e.qs) for e in examples]))
        return self

    def scores(self, examples: Sequence[LabelledExample]) -> np.ndarray:
        return np.asarray(
            self.head.predict_proba(self.vectorizer.transform([e.text for e in examples]))
        )


class KeywordBaseline:
    """Ranks statements by keyword hits; ties go to the statement seen most in training."""

    def __init__(self, framework_id: str = "cqc-local-authority") -> None:
        self.framework_id = framework_id
        self.statements = statement_ids(framework_id)
        self.prior = np.zeros(len(self.statements))

    def fit(self, label_sets: Sequence[Sequence[str]]) -> KeywordBaseline:
        for labels in label_sets:
            for label in labels:
                if label in self.statements:
                    self.prior[self.statements.index(label)] += 1
        total = self.prior.sum() or 1.0
        self.prior = self.prior / total
        return self

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """Keyword counts scaled to 0..1 per passage, with the prior as a tie-break."""
        counts = keyword_counts(texts, self.framework_id)
        peak = counts.max(axis=1, keepdims=True)
        peak[peak == 0] = 1.0
        return counts / peak * 0.99 + self.prior * 0.01


class KeywordRanker:
    """Keyword hits scaled so the best statement scores 0.99; suggests those with
    at least half the best statement's hits."""

    name = "keywords"
    threshold = 0.5

    def __init__(self, framework_id: str = "cqc-local-authority") -> None:
        self.baseline = KeywordBaseline(framework_id)
        self.statements = self.baseline.statements

    def fit(self, examples: Sequence[LabelledExample]) -> KeywordRanker:
        self.baseline.fit([e.qs for e in examples])
        return self

    def scores(self, examples: Sequence[LabelledExample]) -> np.ndarray:
        return self.baseline.scores([e.text for e in examples])


SYSTEMS: dict[str, Callable[[str], Ranker]] = {
    "keywords": KeywordRanker,
    "tfidf-lr": TfidfBaseline,
    "model-alone": PassageModelRanker,
    "model": ModelRanker,
}


def decide(
    row: np.ndarray, statements: Sequence[str], threshold: float | None = None
) -> tuple[str, ...]:
    """The statements suggested for one passage: at most three, at or above the threshold."""
    threshold = THRESHOLD if threshold is None else threshold
    order = np.argsort(-row, kind="stable")[:MAX_LABELS]
    return tuple(statements[i] for i in order if row[i] >= threshold)


@dataclass
class Scores:
    """Per-statement and overall figures for one system."""

    system: str
    per_statement: dict[str, dict[str, float]] = field(default_factory=dict)
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    macro_f1: float = 0.0
    top1: float = 0.0
    top3: float = 0.0
    calibration_error: float = 0.0  # expected calibration error of the scores
    passages: int = 0
    seconds: float = 0.0
    heads: dict[str, float] = field(default_factory=dict)  # category and stance accuracy

    def as_dict(self) -> dict[str, object]:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "macro_f1": round(self.macro_f1, 3),
            "top1": round(self.top1, 3),
            "top3": round(self.top3, 3),
            "calibration_error": round(self.calibration_error, 3),
            "passages": self.passages,
            "seconds": round(self.seconds, 2),
            "per_statement": {
                k: {m: round(v, 3) for m, v in d.items()} for k, d in self.per_statement.items()
            },
        }


def threshold_of(ranker: Ranker) -> float:
    """The score from which the ranker suggests a statement."""
    return float(getattr(ranker, "threshold", THRESHOLD))


def score_predictions(
    system: str,
    statements: Sequence[str],
    gold: Sequence[tuple[str, ...]],
    matrix: np.ndarray,
    threshold: float = THRESHOLD,
) -> Scores:
    """Precision, recall, F1 (pooled and per statement), macro-F1, top-1 and top-3.

    Top-k counts passages that have at least one gold statement: a hit is any
    gold statement among the k highest scores.
    """
    result = Scores(system, passages=len(gold))
    predicted = [decide(row, statements, threshold) for row in matrix]
    totals = np.zeros(3)
    for statement in statements:
        tp = sum(
            1 for g, p in zip(gold, predicted, strict=True) if statement in g and statement in p
        )
        fp = sum(
            1 for g, p in zip(gold, predicted, strict=True) if statement not in g and statement in p
        )
        fn = sum(
            1 for g, p in zip(gold, predicted, strict=True) if statement in g and statement not in p
        )
        totals += (tp, fp, fn)
        precision, recall, f1 = prf(tp, fp, fn)
        result.per_statement[statement] = {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "support": tp + fn,
        }
    result.precision, result.recall, result.f1 = prf(*totals)
    result.macro_f1 = float(np.mean([d["f1"] for d in result.per_statement.values()]))
    truth = np.array([[statement in g for statement in statements] for g in gold], dtype=float)
    result.calibration_error = calibration_error(matrix, truth)
    labelled = [i for i, g in enumerate(gold) if g]
    if labelled:
        ranks = np.argsort(-matrix[labelled], axis=1, kind="stable")
        hits1 = [statements[ranks[n, 0]] in gold[i] for n, i in enumerate(labelled)]
        hits3 = [
            any(statements[j] in gold[i] for j in ranks[n, :3]) for n, i in enumerate(labelled)
        ]
        result.top1, result.top3 = float(np.mean(hits1)), float(np.mean(hits3))
    return result


def calibration_error(scores: np.ndarray, truth: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error over every (passage, statement) pair: how far,
    weighted by how many pairs each tenth of the 0..1 scale holds, the share
    that are right lies from the scores given. 0 is perfectly calibrated."""
    scores, truth = np.clip(scores.ravel(), 0.0, 1.0), truth.ravel()
    if scores.size == 0:
        return 0.0
    which = np.minimum((scores * bins).astype(int), bins - 1)
    error = 0.0
    for b in range(bins):
        inside = which == b
        if inside.any():
            error += inside.sum() * abs(scores[inside].mean() - truth[inside].mean())
    return float(error / scores.size)


def prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def trainable(examples: Sequence[LabelledExample]) -> list[LabelledExample]:
    return [e for e in examples if e.source != "context"]


def held_out_scores(ranker: Ranker, test: Sequence[LabelledExample]) -> np.ndarray:
    """Scores for the labelled passages of ``test``; context passages are read,
    not scored."""
    matrix = ranker.scores(test)
    return matrix[[i for i, e in enumerate(test) if e.source != "context"]]


def fit_systems(
    systems: Sequence[str], train: Sequence[LabelledExample], framework_id: str
) -> dict[str, Ranker]:
    """Each system trained on ``train``; the model is trained once and read
    both with and without neighbours."""
    fitted: dict[str, Ranker] = {}
    model: StatementModel | None = None
    for name in systems:
        ranker = SYSTEMS[name](framework_id)
        if isinstance(ranker, ModelRanker):
            model = model or fit_model(train, framework_id)
            ranker.model = model
            fitted[name] = ranker
        else:
            fitted[name] = ranker.fit(train)
    return fitted


def head_hits(ranker: Ranker, test: Sequence[LabelledExample]) -> tuple[list[bool], list[bool]]:
    """Whether the model's category and stance match, for test passages that have both."""
    if not isinstance(ranker, ModelRanker):
        return [], []
    known = [e for e in test if e.category and e.stance]
    _, categories, stances = ranker.model.predict_all([e.text for e in known])
    return (
        [c == e.category for c, e in zip(categories, known, strict=True)],
        [s == e.stance for s, e in zip(stances, known, strict=True)],
    )


def train_and_test(
    train: Sequence[LabelledExample],
    test: Sequence[LabelledExample],
    systems: Sequence[str] = tuple(SYSTEMS),
    framework_id: str = "cqc-local-authority",
) -> dict[str, Scores]:
    """Train each system on ``train`` and score it on ``test``."""
    gold = [e.qs for e in trainable(test)]
    found = {}
    started = time.perf_counter()
    for name, ranker in fit_systems(systems, trainable(train), framework_id).items():
        matrix = held_out_scores(ranker, test)
        found[name] = score_predictions(name, ranker.statements, gold, matrix, threshold_of(ranker))
        found[name].seconds = time.perf_counter() - started
    return found


def leave_one_document_out(
    examples: Sequence[LabelledExample],
    systems: Sequence[str] = tuple(SYSTEMS),
    framework_id: str = "cqc-local-authority",
    folds: int | None = None,
) -> dict[str, Scores]:
    """Hold out each document in turn; figures are pooled over every held-out passage.

    ``folds`` groups the documents into that many held-out groups (quicker).
    """
    documents = sorted({e.document for e in trainable(examples)})
    groups = [documents[i :: folds or len(documents)] for i in range(folds or len(documents))]
    pooled: dict[str, list[np.ndarray]] = {name: [] for name in systems}
    gold: list[tuple[str, ...]] = []
    heads: dict[str, tuple[list[bool], list[bool]]] = {name: ([], []) for name in systems}
    bars: dict[str, float] = {}
    seconds = 0.0
    statements: tuple[str, ...] = ()
    for group in filter(None, groups):
        train = trainable([e for e in examples if e.document not in group])
        test = [e for e in examples if e.document in group]
        gold.extend(e.qs for e in trainable(test))
        started = time.perf_counter()
        for name, ranker in fit_systems(systems, train, framework_id).items():
            matrix = held_out_scores(ranker, test)
            pooled[name].append(matrix)
            bars[name] = threshold_of(ranker)
            categories, stances = head_hits(ranker, trainable(test))
            heads[name][0].extend(categories)
            heads[name][1].extend(stances)
            statements = ranker.statements
        seconds += time.perf_counter() - started
    found = {}
    for name in systems:
        found[name] = score_predictions(name, statements, gold, np.vstack(pooled[name]), bars[name])
        found[name].seconds = seconds
        if heads[name][0]:
            found[name].heads = {
                k: float(np.mean(v))
                for k, v in zip(("category", "stance"), heads[name], strict=True)
            }
    return found
