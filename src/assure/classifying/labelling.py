"""The pipeline's classify stage: quality statements, category and stance per passage.

Who says what, in order of trust: a person's correction (source ``user``), the
document's own structure when the passage sits in a section that names the
statement (``structure``), then the classifier (``model``), which adds its best
suggestions, ranked, up to three labels in all. Each carries its confidence;
a machine's label counts as evidence from ``THRESHOLD`` up (``StatementLabel.counts``),
and the ones below stay as ranked suggestions a person can confirm. The stance
follows the same order: a correction, then a "what we are proud of" or "areas
for improvement" section around the passage, then the stance head.

Pure: the model and the corrections are passed in; nothing is read or written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from assure.classifying.classifier import StatementClassifier
from assure.classifying.labelled import Correction, text_key
from assure.classifying.model import MAX_LABELS, smooth_by_context
from assure.classifying.weak_labels import enclosing_stance, enclosing_statements
from assure.structure import ParsedStructure, Passage, Section, StatementLabel


def label_passages(
    passages: Sequence[Passage],
    structure: ParsedStructure,
    model: StatementClassifier,
    corrections: Sequence[Correction] = (),
) -> tuple[Passage, ...]:
    """``passages`` with ``qs`` (at most three, confidences 0..1), ``category``
    and ``stance`` filled in by ``model``, except where one of ``corrections``
    names the passage's text (then the person's labels win)."""
    passages = tuple(passages)
    if not passages:
        return passages
    predicted = model.predict([p.text for p in passages])
    probabilities = model.calibrated(
        *smooth_within_blocks(predicted.scores, passages, structure.sections)
    )
    given = {text_key(c.text): c for c in corrections}
    labelled = []
    for row, passage in enumerate(passages):
        category, stance = predicted.categories[row], predicted.stances[row]
        correction = given.get(text_key(passage.text)) if given else None
        if correction is not None:
            labelled.append(corrected(passage, correction, category, stance))
            continue
        labels = [
            StatementLabel(q, 1.0, "structure")
            for q in enclosing_statements(structure.sections, passage.start_line)
        ]
        taken = {label.id for label in labels}
        labels += model_labels(model.statements, probabilities[row], taken)
        labelled.append(
            replace(
                passage,
                qs=tuple(labels[:MAX_LABELS]),
                category=category,
                stance=enclosing_stance(structure.sections, passage.start_line) or stance,
            )
        )
    return tuple(labelled)


def model_labels(
    statements: Sequence[str], row: np.ndarray, taken: set[str]
) -> list[StatementLabel]:
    """The classifier's best statements for one passage, surest first."""
    order = np.argsort(-row, kind="stable")[:MAX_LABELS]
    return [
        StatementLabel(statements[i], round(float(row[i]), 3), "model")
        for i in order
        if statements[i] not in taken
    ]


def corrected(
    passage: Passage, correction: Correction, category: str | None, stance: str | None
) -> Passage:
    return replace(
        passage,
        qs=tuple(StatementLabel(q, 1.0, "user") for q in correction.qs),
        category=correction.category or category,
        stance=correction.stance or stance,
    )


def smooth_within_blocks(
    probabilities: np.ndarray, passages: Sequence[Passage], sections: Sequence[Section]
) -> tuple[np.ndarray, np.ndarray]:
    """Blend neighbours' scores, never across the boundary of a top-level section
    (an agenda item, a statement, a part of the plan); also which rows were blended."""
    tops = sorted(
        (s for s in sections if s.level == min((x.level for x in sections), default=1)),
        key=lambda s: s.start_line,
    )
    blocks: dict[int, list[int]] = {}
    for row, passage in enumerate(passages):
        block = next(
            (s.start_line for s in tops if s.start_line <= passage.start_line <= s.end_line), -1
        )
        blocks.setdefault(block, []).append(row)
    blended = np.zeros(len(passages), dtype=bool)
    for rows in blocks.values():
        probabilities[rows], blended[rows] = smooth_by_context(probabilities[rows])
    return probabilities, blended
