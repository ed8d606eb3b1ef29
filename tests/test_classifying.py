"""The quality statement classifier as the pipeline, the CLI and a user see it."""

from __future__ import annotations

import json
import pickle
import zipfile
from pathlib import Path

import pytest

from assure.classifying import (
    ModelRefused,
    StatementClassifier,
    bundled_model,
    label_passages,
    load_model,
    save_model,
)
from assure.classifying.artefact import FORMAT_VERSION
from assure.classifying.evaluation import leave_one_document_out
from assure.classifying.labelled import Correction, load_examples
from assure.classifying.training import train_model
from assure.ingest.models import model_path
from assure.settings import Settings
from assure.structure import DocumentKind, ParsedStructure, Passage, Section

STATEMENTS = {
    "assessing-needs", "healthier-lives", "equity", "care-provision", "partnerships",
    "safe-systems", "safeguarding", "governance", "learning",
}  # fmt: skip

# A fictional council's paragraphs, written for these tests.
SAFEGUARDING_AND_DISCHARGE = (
    "Section 42 safeguarding enquiries for people discharged from hospital into interim "
    "care home beds were delayed, and the discharge team did not always share the risks "
    "with the home."
)
REABLEMENT = (
    "Our reablement team helped 82% of older people to stay at home after a fall, with "
    "telecare, minor adaptations and equipment delivered the next day."
)
BUDGET = (
    "Members noted the forecast overspend of £2.8m on adult social care and agreed the "
    "savings plan and the workforce strategy for agency social workers."
)
FURNITURE = "Page 12 of 40"
MODEL_FILE = Path("models") / "westfield.npz"


@pytest.fixture(scope="session")
def model() -> StatementClassifier:
    """The model every installation has: trained on the bundled examples."""
    return bundled_model()


def passages(*texts: str) -> tuple[Passage, ...]:
    return tuple(
        Passage(start_line=10 * n + 1, end_line=10 * n + 1, text=t) for n, t in enumerate(texts)
    )


def test_passages_get_up_to_three_statements_with_confidences(model: StatementClassifier) -> None:
    structure = ParsedStructure(kind=DocumentKind.OTHER)
    labelled = label_passages(
        passages(SAFEGUARDING_AND_DISCHARGE, REABLEMENT, BUDGET),
        structure,
        model,
    )
    for passage in labelled:
        assert 1 <= len(passage.qs) <= 3
        assert all(
            0.0 <= label.confidence <= 1.0 and label.source == "model" for label in passage.qs
        )
        assert {label.id for label in passage.qs} <= STATEMENTS
        assert passage.category in {"people", "staff", "partners", "processes", "outcomes"}
        assert passage.stance in {"strength", "improvement", "neutral"}
    first = {label.id for label in labelled[0].qs}
    assert {"safeguarding", "safe-systems"} <= first  # a passage can be about two statements
    assert labelled[1].qs[0].id == "healthier-lives"
    assert labelled[2].qs[0].id == "governance"


# Stance is in the phrasing: the same topic as a claimed strength and as an admitted gap.
PROUD_OF_CARERS = (
    "We are proud of our offer to carers: carers' assessments increased to 940 this year, "
    "the new carers' hub has been praised and 85% of carers said they felt supported."
)
CARERS_GAP = (
    "We know that carers still wait too long: the waiting list for a carer's assessment "
    "has grown to 310 and we need to do more, as satisfaction is below the England average."
)


def test_stance_follows_the_phrasing_of_a_claim_or_an_admission(model: StatementClassifier) -> None:
    structure = ParsedStructure(kind=DocumentKind.OTHER)
    proud, gap = label_passages(passages(PROUD_OF_CARERS, CARERS_GAP), structure, model)
    assert (proud.stance, gap.stance) == ("strength", "improvement")
    assert proud.qs[0].id == gap.qs[0].id == "assessing-needs"


def test_a_proud_of_or_areas_for_improvement_section_gives_the_stance(
    model: StatementClassifier,
) -> None:
    """A neutral-sounding paragraph under "Areas for improvement" is one the
    council means to improve; under "What we are proud of", a strength."""
    sections = (
        Section("What we are proud of", 3, "proud_of", 1, 10),
        Section("Areas for improvement", 3, "areas_for_improvement", 11, 30),
        Section("Case study: Mrs A", 4, "case_study", 21, 30),
    )
    structure = ParsedStructure(kind=DocumentKind.SELF_ASSESSMENT, sections=sections)
    first, second, third = label_passages(
        passages(CARERS_GAP, PROUD_OF_CARERS, PROUD_OF_CARERS),
        structure,
        model,
    )
    assert first.stance == "strength"  # line 1, under what we are proud of
    assert second.stance == "improvement"  # line 11, under areas for improvement
    assert third.stance == "improvement"  # line 21: a case study the areas section holds


def test_stance_cues_read_claims_and_admissions() -> None:
    from assure.classifying.features import stance_cues
    from assure.classifying.stance import IMPROVEMENT, STRENGTH

    found = stance_cues([PROUD_OF_CARERS, CARERS_GAP, FURNITURE])
    strengths, improvements = len(STRENGTH), len(IMPROVEMENT)
    assert found[0, :strengths].sum() > found[0, strengths : strengths + improvements].sum()
    assert found[1, strengths : strengths + improvements].sum() >= 4
    assert not found[2, : strengths + improvements].any()  # page furniture claims nothing


def test_page_furniture_counts_as_evidence_for_no_statement(model: StatementClassifier) -> None:
    structure = ParsedStructure(kind=DocumentKind.OTHER)
    (labelled,) = label_passages(passages(FURNITURE), structure, model)
    assert len(labelled.qs) == 3  # ranked suggestions a person may confirm
    assert not any(label.counts for label in labelled.qs)


def test_every_passage_gets_three_ranked_suggestions(model: StatementClassifier) -> None:
    structure = ParsedStructure(kind=DocumentKind.OTHER)
    labelled = label_passages(passages(BUDGET, REABLEMENT, CARERS_GAP), structure, model)
    for passage in labelled:
        confidences = [label.confidence for label in passage.qs]
        assert len(confidences) == 3 and confidences == sorted(confidences, reverse=True)
        assert passage.qs[0].counts


def test_a_section_that_names_the_statement_labels_its_passages(model: StatementClassifier) -> None:
    section = Section("Safeguarding", 1, "quality_statement", 1, 30, qs=("safeguarding",))
    structure = ParsedStructure(kind=DocumentKind.SELF_ASSESSMENT, sections=(section,))
    labelled = label_passages(passages(BUDGET, REABLEMENT, "x" * 50, BUDGET), structure, model)
    assert labelled[0].qs[0].id == "safeguarding" and labelled[0].qs[0].source == "structure"
    assert labelled[0].qs[0].confidence == 1.0
    assert any(label.id == "governance" and label.source == "model" for label in labelled[0].qs)
    assert all(label.source != "structure" for label in labelled[3].qs)  # line 31: outside it


def test_inspect_labels_passages_and_writes_nothing(cli, examples, tmp_path, monkeypatch) -> None:
    """``assure inspect`` in an empty folder labels with the bundled model and
    leaves no data folder, model or temporary file behind."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ASSURE_DATA_DIR", str(tmp_path / "data"))
    result = cli("inspect", str(examples / "northfield-asc-self-assessment-2024.txt"), "--json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)["passages"]
    assert found and all(p["qs"] and p["stance"] for p in found)
    assert any(label["source"] == "model" for p in found for label in p["qs"])
    assert list(tmp_path.iterdir()) == []


def test_training_is_pure_and_the_same_data_gives_the_same_hash(tmp_path: Path) -> None:
    first = train_model(load_examples())
    assert first.data_hash == bundled_model().data_hash
    changed = train_model(load_examples(), [Correction(BUDGET, ("learning",))])
    assert changed.data_hash != first.data_hash
    path = tmp_path / MODEL_FILE
    save_model(changed, path)
    assert load_model(path).data_hash == changed.data_hash
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary left behind


def test_a_missing_or_damaged_model_file_is_refused_naming_it(tmp_path: Path) -> None:
    path = tmp_path / MODEL_FILE
    with pytest.raises(ModelRefused, match=f"{path}: no model file"):
        load_model(path)
    save_model(bundled_model(), path)
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ModelRefused, match=f"{path}: damaged model file"):
        load_model(path)


def with_header(path: Path, **changes: object) -> None:
    """Rewrite the model file's header with ``changes``, its arrays as they were."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    header = json.loads(members["header.json"]) | changes
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("header.json", json.dumps(header))
        for name, data in members.items():
            if name != "header.json":
                archive.writestr(name, data)


def test_a_model_file_of_another_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / MODEL_FILE
    save_model(bundled_model(), path)
    with_header(path, format=FORMAT_VERSION - 1)
    with pytest.raises(
        ModelRefused, match=f"model format {FORMAT_VERSION - 1}, expected {FORMAT_VERSION}"
    ):
        load_model(path)


def test_a_model_of_another_vocabulary_is_refused(tmp_path: Path) -> None:
    path = tmp_path / MODEL_FILE
    save_model(bundled_model(), path)
    with_header(path, vocabulary="0" * 64)
    with pytest.raises(ModelRefused, match="trained on another vocabulary"):
        load_model(path)


def test_a_model_trained_on_other_bundled_examples_is_refused(tmp_path: Path) -> None:
    """After an upgrade whose examples differ, the old model file is not used."""
    path = tmp_path / MODEL_FILE
    save_model(bundled_model(), path)
    with_header(path, bundled="0" * 64)
    with pytest.raises(ModelRefused, match="bundled examples changed"):
        load_model(path)


class Planted:
    """An object whose unpickling would write a file: the trap a model file
    of the old format could hold."""

    def __init__(self, target: Path) -> None:
        self.target = target

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.write_text, (self.target, "code ran"))


def test_an_old_pickled_model_is_refused_and_never_unpickled(tmp_path: Path) -> None:
    """A model file of the old format (a JSON line, then a pickle) is refused
    by its header, and the pickle inside is never read: nothing it plants runs."""
    path = tmp_path / MODEL_FILE
    path.parent.mkdir(parents=True)
    target = tmp_path / "planted"
    header = json.dumps({"format": 6, "sklearn": "1.9.1"}).encode()
    path.write_bytes(header + b"\n" + pickle.dumps(Planted(target)))
    with pytest.raises(ModelRefused, match="model format 6, expected 7"):
        load_model(path)
    assert not target.exists()


def test_a_model_file_holds_plain_arrays_and_a_json_header(tmp_path: Path) -> None:
    """numpy reads every array with pickles refused; the header says what it is."""
    import numpy as np

    path = tmp_path / MODEL_FILE
    save_model(bundled_model(), path)
    with np.load(path, allow_pickle=False) as arrays:
        assert {"idf", "statement_words", "bayes"} <= set(arrays.files)
        assert all(
            arrays[name].dtype.kind in "fb"
            for name in arrays.files
            if name.endswith(".npy") or "." not in name
        )
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist()[0] == "header.json"
        assert json.loads(archive.read("header.json"))["format"] == FORMAT_VERSION
    assert path.stat().st_mode & 0o077 == 0  # readable by its owner only


def test_a_correction_wins_and_changes_the_retrained_model(
    library, settings, fictional, cli, monkeypatch
) -> None:
    parsed, lines = fictional.text(
        "Westfield self assessment", {"Our year": [SAFEGUARDING_AND_DISCHARGE, BUDGET]}
    )
    library.add(parsed, "Westfield Council", lines)
    stored = {p.passage.text: p.id for p in library.passages(["Westfield Council"])}
    monkeypatch.setenv("ASSURE_DATA_DIR", settings.data_dir)
    if settings.database_url:
        monkeypatch.setenv("ASSURE_DATABASE_URL", settings.database_url)
    path = model_path(settings, "Westfield Council")
    assert cli("train", "--force").exit_code == 0
    before = load_model(path)
    column = before.statements.index("learning")
    was = before.statement_scores([SAFEGUARDING_AND_DISCHARGE])[0, column]

    result = cli(
        "label",
        str(stored[SAFEGUARDING_AND_DISCHARGE]),
        "--qs",
        "learning",
        "--stance",
        "improvement",
    )
    assert result.exit_code == 0, result.output

    trained = cli("train")
    assert "trained in" in trained.output
    after = load_model(path)
    assert after.data_hash != before.data_hash
    now = after.statement_scores([SAFEGUARDING_AND_DISCHARGE])[0, column]
    assert now > was + 0.1
    corrections = [
        Correction(r.passage_text, r.qs, r.category, r.stance, r.passage_id)
        for r in library.corrections(["Westfield Council"])
    ]
    structure = ParsedStructure(kind=DocumentKind.OTHER)
    first, second = label_passages(
        passages(SAFEGUARDING_AND_DISCHARGE, BUDGET), structure, after, corrections
    )
    assert [(q.id, q.source) for q in first.qs] == [("learning", "user")]
    assert first.stance == "improvement"
    assert all(q.source == "model" for q in second.qs)


def test_label_refuses_an_unknown_statement_and_passage(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("ASSURE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ASSURE_COUNCIL", "Westfield Council")
    monkeypatch.delenv("ASSURE_DATABASE_URL", raising=False)
    unknown = cli("label", "1", "--qs", "wellbeing")
    assert unknown.exit_code == 2 and "unknown quality statement 'wellbeing'" in unknown.output
    missing = cli("label", "99999", "--qs", "equity")
    assert missing.exit_code == 1 and "no passage 99999" in missing.output


def test_the_classifier_beats_the_keyword_baseline_on_held_out_examples() -> None:
    """Held out in five groups of example documents (each model also learns its
    calibration on three inner groups, so one document at a time is slow)."""
    figures = leave_one_document_out(load_examples(), systems=("keywords", "model-alone"), folds=5)
    keywords, model = figures["keywords"], figures["model-alone"]
    assert model.top1 > keywords.top1 + 0.03
    assert model.macro_f1 > keywords.macro_f1
    assert model.top3 >= keywords.top3


def test_eval_prints_the_baselines_beside_the_model(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("ASSURE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("ASSURE_DATABASE_URL", raising=False)
    result = cli("eval", "--folds", "2", "--no-library")
    assert result.exit_code == 0, result.output
    table = result.output.split("Leave one document out", 1)[1]
    for system in ("keywords", "tfidf-lr", "model (alone)", "model (context)"):
        assert system in table
    for column in ("precision", "recall", "F1", "macro-F1", "top-1", "top-3"):
        assert column in table
    assert "thornbury-self-assessment" in result.output


def test_eval_json_holds_every_figure(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("ASSURE_DATA_DIR", str(tmp_path))
    result = cli("eval", "--folds", "2", "--no-library", "--json")
    report = json.loads(result.output)
    systems = report["leave_one_document_out"]
    assert set(systems) == {"keywords", "tfidf-lr", "model-alone", "model"}
    for figures in systems.values():
        assert set(figures["per_statement"]) == STATEMENTS
        assert 0.0 <= figures["top1"] <= figures["top3"] <= 1.0
    assert set(report["category_and_stance_accuracy"]) == {"category", "stance"}


def test_train_prints_counts_per_statement_and_keeps_an_unchanged_model(
    cli, tmp_path, monkeypatch
) -> None:
    monkeypatch.setenv("ASSURE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ASSURE_COUNCIL", "Westfield Council")
    monkeypatch.delenv("ASSURE_DATABASE_URL", raising=False)
    first = cli("train")
    assert first.exit_code == 0, first.output
    for statement in STATEMENTS:
        assert statement in first.output
    assert "Westfield Council: trained in" in first.output
    assert model_path(Settings(data_dir=str(tmp_path)), "Westfield Council").exists()
    again = cli("train")
    assert "training data unchanged" in again.output


def written_under(source: Path) -> dict[str, str]:
    """Opening words of each paragraph of the example self-assessment's source
    under a 'what we are proud of' or 'areas for improvement' heading, with the
    stance that heading gives."""
    found: dict[str, str] = {}
    stance = None
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            title = line.upper()
            stance = (
                "strength" if "PROUD" in title else "improvement" if "AREAS FOR" in title else None
            )
        elif stance and len(line.split()) > 6:
            found[" ".join(line.lstrip("-* ").split()[:6])] = stance
    return found


def test_training_takes_stance_from_a_stored_self_assessments_own_sections(
    settings, examples
) -> None:
    """Weak labels come from the document's own structure, never from the
    classifier's earlier guesses: a passage under 'What we are proud of' inside
    a statement's section teaches that statement and a strength."""
    from assure.ingest.job import IngestJob
    from assure.ingest.training import library_examples
    from assure.storing import Library

    with Library(settings) as library:
        IngestJob(library, settings).run(
            [examples / "northfield-asc-self-assessment-2024.docx"], council="Northfield"
        )
        weak, _ = library_examples(library, ["Northfield"])
    expected = written_under(examples / "sources" / "self-assessment.md")
    checked = 0
    for example in weak:
        opening = " ".join(example.text.lstrip("-*• ").split()[:6])
        if opening in expected and example.source == "structure":
            assert example.stance == expected[opening], example.text
            checked += 1
    assert checked >= 20


def test_confidences_are_calibrated_on_held_out_examples() -> None:
    """A confidence of 0.8 should be right about four times in five: the
    expected calibration error over every passage and statement, holding out
    groups of example documents, is small, and smaller than the keyword
    baseline's and the TF-IDF regression's."""
    figures = leave_one_document_out(
        load_examples(), systems=("keywords", "tfidf-lr", "model-alone"), folds=5
    )
    model = figures["model-alone"]
    assert model.calibration_error < 0.03
    assert model.calibration_error < figures["keywords"].calibration_error
    assert model.calibration_error < figures["tfidf-lr"].calibration_error


def test_category_cues_help_the_category_head_on_held_out_examples(monkeypatch) -> None:
    """Evidence category, holding out groups of example documents: the word
    head blended with the category cues is right more often than alone."""
    from assure.classifying import model as classifier
    from assure.classifying.fitting import fit_model

    examples = [e for e in load_examples() if e.category]
    documents = sorted({e.document for e in examples})
    right = {"blended": 0, "words": 0}
    for fold in range(4):
        held = set(documents[fold::4])
        trained = fit_model([e for e in examples if e.document not in held])
        test = [e for e in examples if e.document in held]
        for way, share in (("blended", classifier.CATEGORY_CUE_SHARE), ("words", 0.0)):
            monkeypatch.setattr(classifier, "CATEGORY_CUE_SHARE", share)
            found = trained.predict_all([e.text for e in test])[1]
            right[way] += sum(c == e.category for c, e in zip(found, test, strict=True))
    assert right["blended"] > right["words"]


def test_labels_are_added_to_a_passage_keeping_every_other_field() -> None:
    from dataclasses import fields, replace

    from assure.classifying.labelling import with_labels
    from assure.structure import Passage, StatementLabel

    assert len(fields(Passage)) == 9, "with_labels writes each field of a Passage out"
    passage = Passage(
        4, 6, "We reviewed the pathway.", 2, "Safe systems", (), "people", None, ("Ref 3",)
    )
    labels = (StatementLabel("safe-systems", 0.5, "model"),)
    assert with_labels(passage, labels, "processes", "strength") == replace(
        passage, qs=labels, category="processes", stance="strength"
    )
