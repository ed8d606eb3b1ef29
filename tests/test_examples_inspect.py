"""`assure inspect --json` on each bundled example: valid JSON, the right family, main facts."""

from __future__ import annotations

import json
import shutil

import pytest

KINDS = {
    "northfield-asc-self-assessment-2024.docx": "self_assessment",
    "northfield-asc-self-assessment-2024.txt": "self_assessment",
    "northfield-adults-scrutiny-pack-2025-03.pdf": "committee_pack",
    "northfield-adults-scrutiny-pack-2025-03.txt": "committee_pack",
    "cqc-northfield-assessment-2025.pdf": "assessment_report",
    "cqc-northfield-assessment-2025.html": "assessment_report",
    "northfield-asc-improvement-plan-2025.docx": "improvement_plan",
    "northfield-asc-improvement-plan-2025.md": "improvement_plan",
    "performance-indicators.csv": "other",
    "performance-indicators.xlsx": "other",
}


@pytest.fixture(autouse=True)
def fresh_data_folder(tmp_path, monkeypatch, trained_models):
    """Inspect with a data folder of its own, so a model file left in the working
    tree by another version of the classifier is not used."""
    if trained_models is not None:
        shutil.copytree(trained_models, tmp_path / "models")
    monkeypatch.setenv("ASSURE_DATA_DIR", str(tmp_path))


def inspect(cli, path) -> dict:
    result = cli("inspect", str(path), "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("name", sorted(KINDS))
def test_inspect_names_the_family(cli, examples, name):
    data = inspect(cli, examples / name)
    assert data["kind"] == KINDS[name]
    assert data["lines"] > 20


def test_a_spreadsheet_is_not_titled_by_its_header_row(cli, examples):
    """A CSV has no title of its own (the library then shows its file name); a
    workbook's title comes from its properties, never from the column headings."""
    assert inspect(cli, examples / "performance-indicators.csv")["title"] is None
    title = inspect(cli, examples / "performance-indicators.xlsx")["title"]
    assert title and "\t" not in title and not title.lower().startswith("indicator")


@pytest.mark.parametrize("name", ["northfield-adults-scrutiny-pack-2025-03.pdf"])
def test_pack_yields_the_notice_and_both_sets_of_minutes(cli, examples, name):
    meetings = inspect(cli, examples / name)["meetings"]
    assert [(m["body"], m["date"]) for m in meetings] == [
        ("Adults and Health Scrutiny Panel", "2025-03-11"),
        ("Adults and Health Scrutiny Panel", "2025-01-14"),
        ("Health and Wellbeing Board", "2025-02-06"),
    ]
    agenda = {item["number"]: item["pages"] for item in meetings[0]["agenda"]}
    assert agenda["2"] == [1, 4] and agenda["7"] == [13, 14] and agenda["1"] is None
    assert [m["number"] for m in meetings[1]["minutes"]] == [str(n) for n in range(31, 39)]


@pytest.mark.parametrize("name", ["cqc-northfield-assessment-2025.pdf"])
def test_report_scores_give_its_stated_rating(cli, examples, name):
    assessment = inspect(cli, examples / name)["assessment"]
    assert len(assessment["scores"]) == 9
    assert (assessment["percent"], assessment["rating"]) == (61, "Requires improvement")


def test_self_assessment_covers_all_nine_statements(cli, examples):
    sections = inspect(cli, examples / "northfield-asc-self-assessment-2024.docx")["sections"]
    covered = {qs for section in sections for qs in section["qs"]}
    assert len(covered) == 9


@pytest.mark.parametrize("name", ["northfield-asc-improvement-plan-2025.docx"])
def test_plan_gives_priorities_leads_actions_and_codes(cli, examples, name):
    (plan,) = inspect(cli, examples / name)["plans"]
    priorities = plan["priorities"]
    assert [p["leads"][0] for p in priorities] == [
        "Mark Dempsey",
        "Tom Haverly",
        "Priya Lal",
        "Priya Lal",
        "Gareth Lindqvist",
    ]
    assert [len(p["actions"]) for p in priorities] == [5, 4, 4, 4, 4]
    assert priorities[1]["actions"][3]["refs"] == ["O4", "O5", "O6"]  # written "O4,O5 O6"
    assert priorities[3]["actions"][3]["timeframe"] == "Q3-Q4 2025/26"
    assert [m["direction"] for m in priorities[2]["measures"]] == ["up", "up", "down"]
