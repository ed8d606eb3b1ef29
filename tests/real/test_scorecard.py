"""The real-document scorecard as a test: no document falls below its floor.

Each real document's expectations (``expected/*.toml``) were written by reading
it; ``floor.toml`` holds the fewest facts right and the most wrong accepted, so a
change that reads a real document worse fails here. ``make scorecard`` prints
the whole card.
"""

from __future__ import annotations

import precision
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


def minutes_with(minute: dict) -> dict:
    return {
        "kind": "committee_pack",
        "meetings": [{"role": "minutes", "date": "2025-03-13", "minutes": [minute]}],
    }


def test_the_card_counts_recorded_votes_by_their_counts_and_names() -> None:
    expected = minutes_with(
        {
            "number": "12",
            "votes": [
                {"for": 3, "against": 1, "abstain": 0, "carried": True, "named": [3, 1, 0]},
                {"for": 1, "against": 3, "abstain": 0, "carried": False, "named": [1, 3, 0]},
            ],
        }
    ) | {"file": "real/x.pdf"}
    vote = {
        "for_count": 3,
        "against_count": 1,
        "abstain_count": 0,
        "for_names": ["A", "B"],  # one name lost
        "against_names": ["D"],
        "abstain_names": [],
        "carried": True,
    }
    tally = scorecard.score_document(expected, minutes_with({"number": "12", "votes": [vote]}))
    assert tally.counts["votes"] == [1, 1, 0]  # the defeated vote was not found
    assert tally.counts["vote.counts"] == [3, 3, 0]
    assert tally.counts["vote.carried"] == [1, 1, 0]
    # one fact per side: against and abstain as listed, "for" one name short
    assert tally.counts["vote.names"] == [2, 3, 1]


def test_a_due_date_the_minutes_do_not_write_is_wrong() -> None:
    expected = minutes_with({"number": "7", "actions": [{}, {"due": "end of 2018"}]}) | {
        "file": "real/x.pdf"
    }
    found = minutes_with(
        {
            "number": "7",
            "actions": [{"due": "2019-03-31"}, {"due": "by the end of 2018"}],
        }
    )
    tally = scorecard.score_document(expected, found)
    assert tally.counts["minutes.actions"] == [2, 0, 0]
    assert tally.counts["minutes.action_dues"] == [1, 0, 1]


def test_a_post_named_among_others_is_the_same_owner() -> None:
    assert scorecard.same_person(
        "Monitoring Officer", "the Monitoring Officer in consultation with the Leader"
    )
    assert not scorecard.same_person("Mr Bond", "Mr J Bondfield")
    assert not scorecard.same_person("Director of Public Health", "Director of Education")


def test_raising_the_floor_for_some_documents_keeps_the_others(tmp_path, monkeypatch) -> None:
    floor = tmp_path / "floor.toml"
    floor.write_text('["a"]\nright = 5\nwrong = 2\n\n["b"]\nright = 9\nwrong = 0\n')
    monkeypatch.setattr(scorecard, "FLOOR", floor)
    tally = scorecard.Tally()
    tally.add("kind", right=7, wrong=3)
    scorecard.update_floor({"a": tally})
    assert scorecard.floor() == {"a": {"right": 7, "wrong": 2}, "b": {"right": 9, "wrong": 0}}


def test_a_page_range_is_one_fact_found_or_not() -> None:
    expected = {
        "file": "real/x.pdf",
        "kind": "committee_pack",
        "meetings": [
            {"role": "notice", "date": "2025-01-09", "agenda": [{"number": "3", "pages": [1, 18]}]}
        ],
    }
    missed = scorecard.score_document(expected, {"kind": "committee_pack"})
    found = scorecard.score_document(
        expected,
        {
            "kind": "committee_pack",
            "meetings": [
                {
                    "role": "notice",
                    "date": "2025-01-09",
                    "agenda": [{"number": "3", "pages": [1, 18]}],
                }
            ],
        },
    )
    assert missed.counts["agenda.pages"] == [0, 1, 0]
    assert found.counts["agenda.pages"] == [1, 0, 0]


# -- precision of what assure reports (precision.py) ------------------------------


def test_figures_on_hand_checked_pages_are_at_least_nine_in_ten_right() -> None:
    units = precision.figure_samples()
    written = sum(1 for u in units for e in u.expected if e.figure)
    assert written >= 200, "the sample checks at least 200 figures by hand"
    total = precision.Precision()
    for result in precision.figure_precision(scorecard.processed).values():
        total.add(result)
    notes = "\n".join(total.notes[:40])
    assert total.reported >= 200
    assert total.precision >= 0.9, f"{total.right} of {total.reported} right\n{notes}"


def test_every_reported_conflict_is_checked_and_nine_in_ten_are_real() -> None:
    result = precision.conflict_precision(scorecard.processed)
    notes = "\n".join(result.notes)
    assert result.unchecked == 0, f"conflicts nobody has checked yet:\n{notes}"
    assert result.precision >= 0.9, notes


def unit(*expected: precision.Expected) -> precision.Unit:
    return precision.Unit("real/x.pdf", 3, None, list(expected))


def reported(value: float | None, unit_: str | None, measure: str | None, line: int = 9) -> dict:
    return {
        "value": value,
        "unit": unit_,
        "measure": measure,
        "text": str(value),
        "start_line": line,
        "page": 3,
    }


def test_a_reported_figure_is_judged_by_value_sign_scale_unit_and_measure() -> None:
    page = unit(
        precision.Expected(-8_021_000, "gbp", ("deficit",)),
        precision.Expected(42, "percent", ("direct payment",)),
        precision.Expected(1234, None, (), figure=False, why="phone number"),
    )
    score = precision.score_unit(
        page,
        [
            reported(8021, "count", "deficit"),  # a deficit in £'000 read as a count
            reported(42, "percent", "people"),  # the population, not the measure
            reported(1234, "count", None),  # a phone number
            reported(77, "count", None, line=40),  # on another page's line: still this page
        ],
    )
    assert (score.reported, score.right) == (4, 0)
    assert score.reasons == {
        "wrong scale": 1,
        "wrong measure": 1,
        "not a figure": 1,
        "not a figure on the page": 1,
    }
    right = precision.score_unit(
        page,
        [
            reported(-8_021_000, "gbp", "deficit on the schools budget"),
            reported(42, "percent", None),
        ],
    )
    assert (right.right, right.unnamed) == (2, 1)


def test_a_measure_carrying_its_neighbours_value_is_wrong() -> None:
    page = unit(
        precision.Expected(155.4e6, "gbp", ("journey time benefits",)),
        precision.Expected(221.0e6, "gbp", ("journey time benefits",)),
    )
    first = {**reported(155.4e6, "gbp", "Journey Time Benefits"), "text": "£155.4m"}
    second = {**reported(221.0e6, "gbp", "Journey Time Benefits £155.4m"), "text": "£221.0m"}
    score = precision.score_unit(page, [first, second])
    assert (score.right, score.reasons) == (1, {"wrong measure": 1})
