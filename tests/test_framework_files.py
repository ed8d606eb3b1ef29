"""Every framework file shipped validates; a malformed one is refused with a clear error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assure.framework.model import (
    DATA,
    FrameworkError,
    frameworks,
    load_framework,
    load_framework_file,
)


@pytest.mark.parametrize("path", sorted(DATA.glob("*.json")), ids=lambda p: p.stem)
def test_every_framework_file_validates(path: Path) -> None:
    framework = load_framework_file(path)
    assert framework.id == path.stem
    assert framework.statements
    assert all(s.description and s.name for s in framework.statements)


def test_both_regulators_frameworks_are_listed() -> None:
    assert {"cqc-local-authority", "ofsted-children"} <= set(frameworks())
    cqc = load_framework("cqc-local-authority")
    assert len(cqc.statements) == 9
    assert [band.name for band in cqc.ratings][-1] == "Outstanding"


def test_ofsted_judgements_and_grades() -> None:
    ofsted = load_framework("ofsted-children")
    assert {s.id for s in ofsted.statements} == {
        "overall-effectiveness",
        "help-and-protection",
        "children-in-care",
        "care-leavers",
        "leadership-impact",
    }
    assert [g.name for g in sorted(ofsted.grades, key=lambda g: g.rank)] == [
        "Outstanding",
        "Good",
        "Requires improvement to be good",
        "Inadequate",
    ]


def good_framework() -> dict:
    return json.loads((DATA / "cqc-local-authority.json").read_text(encoding="utf-8"))


def test_a_statement_without_a_name_is_refused_naming_file_and_field(tmp_path: Path) -> None:
    data = good_framework()
    del data["themes"][0]["statements"][1]["name"]
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(FrameworkError) as caught:
        load_framework_file(path)
    message = str(caught.value)
    assert str(path) in message
    assert "themes.0.statements.1.name" in message
    assert "required" in message.lower()


def test_duplicate_statement_ids_are_refused(tmp_path: Path) -> None:
    data = good_framework()
    data["themes"][1]["statements"][0]["id"] = "assessing-needs"
    path = tmp_path / "dupes.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(FrameworkError, match="duplicate statement ids"):
        load_framework_file(path)


def test_a_framework_without_ratings_or_grades_is_refused(tmp_path: Path) -> None:
    data = good_framework()
    del data["ratings"]
    path = tmp_path / "ungraded.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(FrameworkError, match="rating bands or grades"):
        load_framework_file(path)


def test_a_file_that_is_not_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_text("{ this is not json", encoding="utf-8")
    with pytest.raises(FrameworkError, match="not a readable JSON file") as caught:
        load_framework_file(path)
    assert str(path) in str(caught.value)
