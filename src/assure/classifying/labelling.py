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
from itertools import chain

import numpy as np

from assure.classifying.classifier import StatementClassifier
from assure.classifying.labelled import Correction, text_key
from assure.classifying.model import CONTEXT_WINDOW, MAX_LABELS, smooth_by_context
from assure.classifying.weak_labels import (
    SECTION_STANCES,
    enclosing_stance,
    enclosing_statements,
)
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
    ranked = ranked_labels(model.statements, probabilities)
    given = {text_key(c.text): c for c in corrections}
    named = [s for s in structure.sections if s.qs]
    stanced = [s for s in structure.sections if s.kind in SECTION_STANCES]
    labelled = []
    for passage, labels, category, stance in zip(
        passages, ranked, predicted.categories, predicted.stances, strict=True
    ):
        correction = given.get(text_key(passage.text)) if given else None
        if correction is not None:
            labelled.append(corrected(passage, correction, category, stance))
            continue
        named_here = enclosing_statements(named, passage.start_line) if named else ()
        if named_here:
            mine = [StatementLabel(q, 1.0, "structure") for q in named_here]
            mine += [label for label in labels if label.id not in named_here]
            labels = tuple(mine[:MAX_LABELS])
        if stanced:
            stance = enclosing_stance(stanced, passage.start_line) or stance
        labelled.append(with_labels(passage, labels, category, stance))
    return tuple(labelled)


def with_labels(
    passage: Passage, qs: tuple[StatementLabel, ...], category: str | None, stance: str | None
) -> Passage:
    """``replace(passage, qs=qs, category=category, stance=stance)``, written
    out: ``replace`` reads the fields' list for every passage of a document."""
    return Passage(
        passage.start_line, passage.end_line, passage.text, passage.page, passage.section,
        qs, category, stance, passage.refs,
    )  # fmt: skip


def ranked_labels(
    statements: Sequence[str], probabilities: np.ndarray
) -> list[tuple[StatementLabel, ...]]:
    """Each passage's best statements by the classifier, surest first. Labels
    are immutable, so one object serves every passage with the same statement
    and confidence (confidences have three decimals)."""
    order = np.argsort(-probabilities, axis=1, kind="stable")[:, :MAX_LABELS]
    confidences = np.round(np.take_along_axis(probabilities, order, axis=1), 3)
    keys = (order * 1001 + np.rint(confidences * 1000).astype(np.int64)).tolist()
    made: dict[int, StatementLabel] = {
        key: StatementLabel(statements[key // 1001], key % 1001 / 1000, "model")
        for key in set(chain.from_iterable(keys))
    }
    return [tuple(map(made.__getitem__, row)) for row in keys]


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
    block = top_blocks(passages, sections)
    # Each passage's place in its block, the blocks far enough apart never to mix.
    order = np.argsort(block, kind="stable")
    first = np.searchsorted(block[order], block[order])
    place = np.empty(len(passages), dtype=np.int64)
    place[order] = np.arange(len(passages)) - first
    gap = len(passages) + CONTEXT_WINDOW + 1
    return smooth_by_context(probabilities, ((block + 1) * gap + place).tolist())


def top_blocks(passages: Sequence[Passage], sections: Sequence[Section]) -> np.ndarray:
    """The top-level section each passage starts in (its number in start
    order), or -1 outside them all."""
    lines = np.array([p.start_line for p in passages], dtype=np.int64)
    level = min((s.level for s in sections), default=1)
    tops = sorted((s for s in sections if s.level == level), key=lambda s: s.start_line)
    if not tops:
        return np.full(len(passages), -1, dtype=np.int64)
    starts = np.array([s.start_line for s in tops], dtype=np.int64)
    ends = np.array([s.end_line for s in tops], dtype=np.int64)
    block = np.searchsorted(starts, lines, side="right") - 1
    inside = (block >= 0) & (lines <= ends[np.clip(block, 0, None)])
    return np.where(inside, block, -1)
