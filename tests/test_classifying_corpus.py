"""The classifier on real documents: weak labels from their statement sections,
and a real self-assessment held out (headings removed from what is classified)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from assure.classifying.evaluation import train_and_test, trainable
from assure.classifying.labelled import load_examples
from assure.classifying.weak_labels import ParsedText, weak_examples
from assure.framework import load_framework
from assure.ingest.training import parse_for_training
from assure.settings import Settings

SELF_ASSESSMENT = "kirklees-asc-self-assessment-2024.txt"
REGULATOR_REPORT = "cqc-north-lincolnshire-assessment-2023.txt"


@pytest.fixture(scope="module")
def parsed(corpus: Path) -> dict[str, ParsedText]:
    return {name: parse_file(corpus / name) for name in (SELF_ASSESSMENT, REGULATOR_REPORT)}


def parse_file(path: Path) -> ParsedText:
    return parse_for_training(path, Settings())


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


def test_a_self_assessment_without_its_headings_is_labelled_paragraph_by_paragraph(
    corpus: Path, tmp_path: Path, trained_models, cli, monkeypatch
) -> None:
    """The bar for unseen self-assessments, as a user meets it: the statement and
    theme headings are taken out, ``assure inspect --json`` is run on what is
    left with the shipped model, and each paragraph's first suggestion (and its
    first three) is checked against the section it came from."""
    import json
    import shutil

    source = corpus / SELF_ASSESSMENT
    sections = parse_file(source).structure.sections
    statement_of = {
        line: s.qs[0]
        for s in sections
        if s.kind == "quality_statement"
        for line in range(s.start_line, s.end_line + 1)
    }
    headings = {s.start_line for s in sections if s.kind in ("quality_statement", "theme")}
    kept = [
        (number, text)
        for number, text in enumerate(source.read_text(encoding="utf-8").splitlines(), 1)
        if number not in headings
    ]
    headless = tmp_path / "headless.txt"
    headless.write_text("\n".join(text for _, text in kept) + "\n", encoding="utf-8")
    if trained_models is not None:
        shutil.copytree(trained_models, tmp_path / "data" / "models")
    monkeypatch.setenv("ASSURE_DATA_DIR", str(tmp_path / "data"))

    found = json.loads(cli("inspect", str(headless), "--json").stdout)
    assert not [s for s in found["sections"] if s["qs"]]  # nothing left names a statement
    top1 = top3 = total = 0
    for passage in found["passages"]:
        truth = statement_of.get(kept[passage["start_line"] - 1][0])
        if truth is None:
            continue
        ranked = [label["id"] for label in passage["qs"]]
        total += 1
        top1 += ranked[:1] == [truth]
        top3 += truth in ranked[:3]
    assert total > 300
    assert top1 / total >= 0.55 and top3 / total >= 0.80, (top1 / total, top3 / total)
