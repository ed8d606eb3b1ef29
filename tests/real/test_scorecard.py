"""The real-document scorecard as a test: no document falls below its floor.

Each real document's expectations (``expected/*.toml``) were written by reading
it; ``floor.toml`` holds the fewest facts right and the most wrong accepted, so a
change that reads a real document worse fails here. ``make scorecard`` prints
the whole card.
"""

from __future__ import annotations

import pytest
import scorecard

pytestmark = [pytest.mark.corpus, pytest.mark.slow]

NAMES = [e["_name"] for e in scorecard.expectations()]


@pytest.fixture(scope="module", autouse=True)
def real_corpus():
    if not scorecard.CORPUS.is_dir():
        pytest.skip(f"real corpus not found at {scorecard.CORPUS} (it sits beside the repository)")


@pytest.mark.parametrize("name", NAMES)
def test_a_real_document_is_read_at_least_as_well_as_its_floor(name: str) -> None:
    tally = scorecard.scorecard([name])[name]
    right, missed, wrong = tally.total()
    floor = scorecard.floor().get(name, {"right": 0, "wrong": right + missed + wrong})
    notes = "\n".join(tally.notes[:40])
    assert right >= floor["right"], f"{name}: {right} right, floor {floor['right']}\n{notes}"
    assert wrong <= floor["wrong"], f"{name}: {wrong} wrong, floor {floor['wrong']}\n{notes}"


def test_every_expectation_names_a_corpus_file_and_a_kind() -> None:
    kinds = {
        "self_assessment",
        "assessment_report",
        "committee_pack",
        "improvement_plan",
        "performance_report",
        "risk_register",
        "other",
    }
    for expected in scorecard.expectations():
        assert (scorecard.CORPUS / expected["file"]).is_file(), expected["file"]
        assert expected["kind"] in kinds, expected["_name"]


def test_the_card_counts_a_missed_and_a_wrong_fact() -> None:
    expected = {
        "file": "real/x.pdf",
        "kind": "committee_pack",
        "meetings": [
            {"role": "minutes", "date": "2025-01-30", "present": ["Mr A Bee", "Mrs C Dee"]}
        ],
    }
    found = {
        "kind": "committee_pack",
        "meetings": [
            {"role": "minutes", "date": "2025-01-30", "attendance": {"present": ["A Bee", "E Eff"]}}
        ],
    }
    tally = scorecard.score_document(expected, found)
    assert tally.counts["attendance.present"] == [1, 1, 1]
    assert tally.total() == (4, 1, 1)  # kind, the meeting, its date, one name
