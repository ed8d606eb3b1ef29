"""Evidence-library references in every written form come out as "Ref N" / "IRN"."""

from __future__ import annotations

import pytest

from assure.extracting.references import find_refs


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("as the strategy shows (Ref 12).", ("Ref 12",)),
        ("([Ref 35](#), [36](#))", ("Ref 35", "Ref 36")),
        ("(Ref 148,167)", ("Ref 148", "Ref 167")),
        ("see Ref. 12-14", ("Ref 12", "Ref 13", "Ref 14")),
        ("screened on the day (IR5)", ("IR5",)),
        ("(Refs 3, 4 and 9)", ("Ref 3", "Ref 4", "Ref 9")),
        ("(Ref 3, 121, 162)", ("Ref 3", "Ref 121", "Ref 162")),
        ("Reference 7 and references 8 & 9", ("Ref 7", "Ref 8", "Ref 9")),
        ("(Ref IR10)", ("IR10",)),
    ],
)
def test_each_written_form_is_normalised(written: str, expected: tuple[str, ...]) -> None:
    assert find_refs(written) == expected


def test_a_survey_year_after_the_number_is_not_a_reference() -> None:
    assert find_refs("(Ref 100 ASCOF 2022/23)") == ("Ref 100",)
    assert find_refs("(Ref 12, 2023)") == ("Ref 12",)


def test_words_that_merely_start_with_ref_are_ignored() -> None:
    text = "referrals rose by 12, we reflect on 3 reviews and refer to page 5; IRIS 4"
    assert find_refs(text) == ()
    assert find_refs("the Reference 2014 Act") == ()


def test_references_keep_first_mention_order_without_repeats() -> None:
    assert find_refs("(Ref 9) then (IR2) then (Ref 9, 4)") == ("Ref 9", "IR2", "Ref 4")


def test_an_implausibly_long_range_is_not_expanded() -> None:
    assert find_refs("Ref 12-140") == ("Ref 12", "Ref 140")


def test_empty_text_has_no_references() -> None:
    assert find_refs("") == ()
