"""Numbers that number things, not measure them: a minute number before its
title ("45 Minutes of the Previous Meeting") is no figure of 45 minutes, and
two of them are no conflicting figure; real durations stay figures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assure.document import CleanText
from assure.extracting.consistency import check_document
from assure.extracting.figures import extract_metrics
from assure.extracting.figures.numbers import figures_in
from assure.normalising import normalise
from assure.parsing.committee_pack import PARSER
from assure.reading import read_document
from assure.settings import Settings

EXAMPLE_PACK = (
    Path(__file__).resolve().parent.parent
    / "examples"
    / "northfield-adults-scrutiny-pack-2025-03.txt"
)


def clean_string(tmp_path: Path, body: str) -> CleanText:
    path = tmp_path / "minutes.txt"
    path.write_text(body, encoding="utf-8")
    return normalise(read_document(path))


@pytest.mark.parametrize(
    "line",
    [
        "45 Minutes of the Previous Meeting",
        "112 Minutes of the Last Meeting",
        "7. Minutes: Housing Panel",
        "12 Months Review of Home Care",
        "3 Years On - Carers Strategy",
    ],
)
def test_a_number_before_a_capitalised_title_is_a_numbering(line: str) -> None:
    assert figures_in(line) == []


@pytest.mark.parametrize(
    ("line", "text", "value", "unit"),
    [
        ("The meeting lasted 45 minutes.", "45 minutes", 45.0, None),
        ("45 minutes of the session went on questions.", "45 minutes", 45.0, None),
        ("People waited 28 days on average for an assessment.", "28 days", 28.0, "days"),
        ("28 days is the longest wait this quarter.", "28 days", 28.0, "days"),
        ("The review took 6 Weeks in total.", "6 Weeks", 6.0, "weeks"),
    ],
)
def test_durations_stay_figures(line: str, text: str, value: float, unit: str | None) -> None:
    (figure,) = figures_in(line)
    assert (figure.text, figure.value, figure.unit) == (text, value, unit)


def test_a_time_window_is_still_not_a_figure() -> None:
    # A target window ("within 28 days") is left out, as it was before.
    assert figures_in("Decisions are made within 28 days.") == []


def test_two_minute_numbers_are_not_a_conflicting_figure(tmp_path: Path) -> None:
    body = (
        "Minutes of the Board\n\n"
        "32 Minutes of the Previous Meeting\n\n"
        "The minutes of the meeting held on 5 December were agreed.\n\n"
        "Minutes of the Panel\n\n"
        "45 Minutes of the Previous Meeting\n\n"
        "The minutes of the meeting held on 9 January were agreed.\n"
    )
    text = clean_string(tmp_path, body)
    metrics = extract_metrics(text)
    assert metrics == ()
    assert check_document(text, PARSER.parse(text), metrics) == ()


def test_example_pack_minute_titles_give_no_figures() -> None:
    text = normalise(read_document(EXAMPLE_PACK, Settings()))
    lines = {line.number: line.text for line in text.lines}
    titles = [
        n for n, t in lines.items() if re.fullmatch(r"\d+ Minutes of the Previous Meeting", t)
    ]
    assert len(titles) == 2  # minutes 32 and 45
    metrics = extract_metrics(text)
    assert [m.text for m in metrics if m.start_line in titles] == []
    findings = check_document(text, PARSER.parse(text), metrics)
    conflicts = [f for f in findings if f.kind == "conflicting_figure"]
    assert not [f for f in conflicts if f.start_line in titles or f.other_line in titles]


@pytest.mark.parametrize(
    "line",
    ["Nine in ten carers felt listened to.[3]", "[3] Carers survey, evidence library item 14."],
)
def test_a_footnote_mark_is_no_figure(line: str) -> None:
    assert 3 not in [figure.value for figure in figures_in(line)]


@pytest.mark.parametrize(
    "line",
    [
        "Partners now meet monthly to agree the plan (Ref 31, 32, 33).",
        "The audit found gaps in recording ([Ref 8, 9](#)).",
        "She is a 37-year-old carer looking after her 9-year-old son.",
        "Over the past 6-9 months we built a new duty team.",
        "This will matter more in the next 5-10 years.",
        "Of those in the 1-14 day group, most were seen at home.",
        "2 - Evidence shows some shortfalls",
        "4 – Evidence shows an exceptional standard",
    ],
)
def test_references_ages_windows_and_score_labels_are_no_figures(line: str) -> None:
    assert figures_in(line) == []


def test_a_figure_before_a_colon_keeps_all_its_digits() -> None:
    found = figures_in("Key facts about our borough of 512,300:")
    assert [(f.text, f.value) for f in found] == [("512,300", 512300.0)]
    assert [f.text for f in figures_in("At 10:30 we met 40 people.")] == ["40"]


def test_a_figure_in_a_referenced_sentence_is_still_read() -> None:
    found = figures_in("We supported 640 carers last year (Ref 12, 13).")
    assert [f.text for f in found] == ["640"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Most of the residents were over 85 and many will be over 90 soon.",
        "We promote the 5 ways to wellbeing in every service.",
    ],
)
def test_ages_after_being_and_named_lists_are_not_figures(sentence: str) -> None:
    assert figures_in(sentence) == []
