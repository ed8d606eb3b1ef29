"""Risks and indicators linked to the quality statements they are evidence for.

A statement named in the record's own words ("Safeguarding", "care provision,
integration and continuity") is a strong cue; otherwise the statement whose
domain words the record uses most ("overspend", "budget" for governance;
"discharge", "hospital" for safe systems) is a guess. Both are the machine's
suggestions, marked ``keywords`` with a confidence, for a person to confirm.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TypeVar

from assure.classifying.keywords import keyword_hits, statement_ids
from assure.parsing.statements import statement_mentions
from assure.structure import EVIDENCE_CONFIDENCE, Metric, Risk, StatementLabel

NAMED = 0.8  # a statement named in the record
# A guess from domain words: this much for the first word shared, more for each
# further one, never as sure as a name.
FIRST_WORD, MORE_WORDS, MOST = 0.2, 0.12, 0.7
TOP = 2
# Every register speaks of risk; the word says nothing of which statement.
RISK_WORD = re.compile(r"\brisks?\b", re.IGNORECASE)

Linked = TypeVar("Linked", Risk, Metric)


def statement_labels(text: str) -> tuple[StatementLabel, ...]:
    """Up to two statements for a record's text, most likely first."""
    labels: dict[str, float] = {sid: NAMED for sid in statement_mentions(text)}
    counts = keyword_hits(RISK_WORD.sub(" ", text))
    for sid, count in zip(statement_ids(), counts, strict=True):
        if count and sid not in labels:
            labels[sid] = min(MOST, FIRST_WORD + MORE_WORDS * (float(count) - 1))
    ranked = sorted(labels.items(), key=lambda item: -item[1])[:TOP]
    return tuple(StatementLabel(sid, round(float(conf), 3), "keywords") for sid, conf in ranked)


def linked(record: Linked, text: str) -> Linked:
    """The record with its statement labels; ``qs`` keeps those counted as evidence."""
    labels = statement_labels(text)
    qs = tuple(label.id for label in labels if label.confidence >= EVIDENCE_CONFIDENCE)
    return replace(record, qs=qs, qs_labels=labels)


def linked_risk(risk: Risk) -> Risk:
    words = " ".join(filter(None, (risk.title, risk.effects, risk.causes, *risk.mitigations)))
    return linked(risk, words)


def linked_metric(metric: Metric) -> Metric:
    return linked(metric, " ".join(filter(None, (metric.measure, metric.text))))
