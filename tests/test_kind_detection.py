"""Kind detection at the families' edges: invented documents of the four families
written as briefly as a council might, and other genres of council paper that use
the same words (the quality statements, "action", "report", "minutes") without
being one of them. Each expectation is what a careful reader would say, written
before the detector was run.

Decisions the expectations rest on (DESIGN.md, "The document families"):

- An Ofsted inspection of children's services is a regulator's report on the
  council, over the Ofsted framework's judgement areas and grades ("Requires
  improvement to be good"): ``assessment_report``, though it scores no CQC
  quality statement.
- A CQC inspection of one care home is the regulator's report on a provider, not
  on the council: ``other``.
- An LGA peer challenge walks through the nine statements and has findings and
  recommendations, but its authors are peers, not the regulator, and it gives no
  score or rating: ``other``.
- A local account, an adult social care strategy, a market position statement
  and a Safeguarding Adults Board annual report speak of every statement in the
  first person without assessing against it: ``other``.
- A committee report published on its own (a cover sheet of fields or a title
  block naming the body and the date) and minutes published without their notice
  are committee papers: ``committee_pack`` (see
  ``test_committee_pack_layouts.py::test_single_committee_report_is_a_committee_paper``).
  A budget monitoring report to Cabinet is such a report.
- A forward plan of key decisions names decision makers and dates but is no
  meeting's paper: ``other``.
- An action plan from another service (highways) has the improvement plan's
  shape, priorities of actions with leads, quarters and status:
  ``improvement_plan``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from assure.normalising import normalise
from assure.parsing import detect_kind
from assure.reading import read_document

FIXTURES = Path(__file__).parent / "fixtures" / "kinds"

EXPECTED = {
    # the four families, written minimally
    "minimal_self_assessment.txt": "self_assessment",
    "minimal_cqc_report.txt": "assessment_report",
    "minimal_committee_pack.txt": "committee_pack",
    "minimal_improvement_plan.txt": "improvement_plan",
    "third_person_self_assessment.txt": "self_assessment",
    # a council's own evaluation of its children's services: the nearest family
    "childrens_services_self_evaluation.txt": "self_assessment",
    # at the edges
    "ofsted_childrens_services_inspection.txt": "assessment_report",
    "cqc_care_home_inspection.txt": "other",
    "lga_peer_challenge_adult_social_care.txt": "other",
    "local_account_adult_social_care.txt": "other",
    "adult_social_care_strategy.txt": "other",
    "market_position_statement.txt": "other",
    "safeguarding_adults_board_annual_report.txt": "other",
    "single_committee_report_cover_sheet.txt": "committee_pack",
    "budget_monitoring_report.txt": "committee_pack",
    "minutes_without_notice.txt": "committee_pack",
    "cabinet_forward_plan.txt": "other",
    "highways_action_plan.txt": "improvement_plan",
}


def test_every_fixture_has_an_expectation() -> None:
    assert sorted(path.name for path in FIXTURES.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_detected_kind(name: str) -> None:
    kind, _ = detect_kind(normalise(read_document(FIXTURES / name)))
    assert kind.value == EXPECTED[name]


@pytest.fixture()
def own_data_folder(tmp_path, monkeypatch, trained_models):
    """Inspect with a data folder of its own (as test_examples_inspect does)."""
    if trained_models is not None:
        shutil.copytree(trained_models, tmp_path / "models")
    monkeypatch.setenv("ASSURE_DATA_DIR", str(tmp_path))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_inspect_json_names_the_kind(cli, own_data_folder, name: str) -> None:
    result = cli("inspect", str(FIXTURES / name), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["kind"] == EXPECTED[name]
    assert data["lines"] > 10
