"""The classifier on real documents: weak labels from their statement sections,
and a real self-assessment held out (headings removed from what is classified)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from assure.classifying.evaluation import train_and_test, trainable
from assure.classifying.labelled import load_examples
from assure.classifying.weak_labels import ParsedText, parse_file, weak_examples
from assure.framework import load_framework

SELF_ASSESSMENT = "kirklees-asc-self-assessment-2024.txt"
REGULATOR_REPORT = "cqc-north-lincolnshire-assessment-2023.txt"


@pytest.fixture(scope="module")
def parsed(corpus: Path) -> dict[str, ParsedText]:
    return {name: parse_file(corpus / name) for name in (SELF_ASSESSMENT, REGULATOR_REPORT)}


def test_weak_labels_cover_every_statement_and_skip_headings(parsed) -> None:
    statements = {s.id for s in load_framework().statements}
    for document in parsed.values():
        weak = weak_examples(document)
        counts = Counter(q for e in trainable(weak) for q in e.qs)
        assert set(counts) == statements
        headings = {e.text for e in trainable(weak) if e.text.isupper()}
        assert not headings  # "7.2 HOW DO WE KNOW? ..." is structure, not evidence
        assert all(len(e.qs) == 1 for e in trainable(weak))
    assert sum(1 for e in weak_examples(parsed[SELF_ASSESSMENT]) if e.source == "structure") > 300


def test_a_held_out_self_assessment_is_labelled_better_than_by_the_baselines(parsed) -> None:
    train = [*load_examples(), *weak_examples(parsed[REGULATOR_REPORT])]
    figures = train_and_test(train, weak_examples(parsed[SELF_ASSESSMENT]))
    model, alone = figures["model"], figures["model-alone"]
    for baseline in (figures["keywords"], figures["tfidf-lr"]):
        assert model.top1 > baseline.top1 and model.top3 > baseline.top3
        assert model.macro_f1 > baseline.macro_f1
        assert alone.top1 > baseline.top1
