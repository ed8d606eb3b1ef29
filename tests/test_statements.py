"""Text naming a quality statement or theme, however it is written."""

from __future__ import annotations

import pytest

from assure.parsing.statements import (
    fold,
    loose_statement_match,
    match_statement,
    match_theme,
    statement_mentions,
    theme_prefix,
)


@pytest.mark.parametrize(
    ("heading", "statement"),
    [
        ("7 ASSESSING NEEDS", "assessing-needs"),
        ("Assessing Need -", "assessing-needs"),
        ("Safeguarding:", "safeguarding"),
        ("Safe-guarding", "safeguarding"),
        ("Working with people: Assessing needs", "assessing-needs"),
        ("Theme 1 – QS2", "healthier-lives"),
        ("Theme 2 – QS1", "care-provision"),
        ("QS 9", "learning"),
        ("Quality Statement 7: Safeguarding", "safeguarding"),
        ("9 EQUITY IN EXPERIENCES AND OUTCOMES", "equity"),
        ("Equity in experiences & outcomes", "equity"),
        ("CARE PROVISION, INTEGRATION AND CONTINUITY", "care-provision"),
        ("Partnership and Communities", "partnerships"),
        ("Supporting people to lead healthier lives", "healthier-lives"),
        ("Safe systems, pathways & transitions", "safe-systems"),
        ("Governance, Management & Sustainability", "governance"),
        ("Learning, improvement & innovation", "learning"),
        ("## Assessing needs", "assessing-needs"),
        ("T1-QS3", "equity"),
    ],
)
def test_headings_and_labels_name_their_statement(heading: str, statement: str) -> None:
    assert match_statement(heading) == statement


@pytest.mark.parametrize(
    "text",
    [
        "Assessing needs is our first priority",
        "Safeguarding Adults Board",
        "PART A - WORKING WITH PEOPLE",
        "Things we are proud of",
        "",
    ],
)
def test_text_that_only_contains_a_name_names_no_statement(text: str) -> None:
    assert match_statement(text) is None


def test_the_number_wins_when_number_and_name_disagree() -> None:
    assert match_statement("Quality statement 3: Safeguarding") == "equity"


@pytest.mark.parametrize(
    ("heading", "theme"),
    [
        ("PART A - WORKING WITH PEOPLE", "working-with-people"),
        ("Theme 1: How the local authority works with people", "working-with-people"),
        ("Theme 3: How Ashby Vale Council ensures safety within the system", "ensuring-safety"),
        ("## Theme 2: Providing support", "providing-support"),
        ("Theme 4", "leadership"),
    ],
)
def test_theme_headings_name_their_theme(heading: str, theme: str) -> None:
    assert match_theme(heading) == theme


def test_a_theme_heading_about_something_else_names_no_theme() -> None:
    assert match_theme("Theme 2: Our borough") is None
    assert match_theme("Theme 1 – QS2") is None


def test_a_theme_prefixed_sub_section_keeps_its_theme() -> None:
    assert theme_prefix("5 WORKING WITH PEOPLE THINGS WE ARE PROUD OF") == (
        "working-with-people",
        "THINGS WE ARE PROUD OF",
    )


def test_mentions_in_running_text_use_full_names_only() -> None:
    text = (
        "Our work on care provision, integration and continuity links to "
        "Safeguarding: and to prevention and learning in general."
    )
    assert statement_mentions(text) == ["care-provision", "safeguarding"]


def test_mentions_follow_the_order_of_first_appearance() -> None:
    text = "equity in experience and outcomes, then assessing needs, then equity again"
    assert statement_mentions(text) == ["equity", "assessing-needs"]


def test_folding_treats_case_ampersands_and_plurals_alike() -> None:
    assert fold("Partnerships & Communities") == fold("partnership and community")


def test_a_heading_may_run_on_after_the_name_when_loosely_read() -> None:
    assert match_statement("Assessing needs and care planning") is None
    assert loose_statement_match("Assessing needs and care planning") == "assessing-needs"
    assert loose_statement_match("Equity") == "equity"
    assert (
        loose_statement_match("Partnerships and communities in our borough today and then") is None
    )
