"""Training: a ``StatementClassifier`` from labelled passages and corrections.

Pure: nothing is read or written. The caller gathers the examples (the bundled
ones, weak labels from documents whose headings name the statement) and
people's corrections, and saves the result where it keeps models.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Sequence

from assure.classifying.classifier import StatementClassifier
from assure.classifying.labelled import (
    Correction,
    LabelledExample,
    merge_corrections,
    training_hash,
)


def training_data(
    examples: Iterable[LabelledExample], corrections: Sequence[Correction] = ()
) -> tuple[LabelledExample, ...]:
    """What a model is trained on: the labelled examples (passages kept only as
    context left out), each corrected passage replaced by its correction."""
    return merge_corrections([e for e in examples if e.source != "context"], corrections)


def data_hash(examples: Iterable[LabelledExample], corrections: Sequence[Correction] = ()) -> str:
    """The hash a model trained on this data records (``StatementClassifier.data_hash``)."""
    return training_hash(training_data(examples, corrections))


def train_model(
    examples: Iterable[LabelledExample], corrections: Sequence[Correction] = ()
) -> StatementClassifier:
    """A classifier trained on ``examples`` with ``corrections`` applied.

    Example: ``train_model(load_examples())`` is the bundled model.
    """
    from assure.classifying.fitting import fit_model  # scikit-learn only when training

    data = training_data(examples, corrections)
    started = time.perf_counter()
    model = fit_model(data)
    counts = Counter(q for e in data for q in e.qs)
    return StatementClassifier(
        model=model,
        data_hash=training_hash(data),
        counts={s: counts.get(s, 0) for s in model.statements},
        examples=len(data),
        seconds=time.perf_counter() - started,
    )
