"""Single lines of a self-assessment read as headings, labels, contents
entries, case studies, call-outs and quotes."""

from __future__ import annotations

import pytest

from assure.document import CleanLine
from assure.parsing.self_assessment_lines import (
    NUMBERED,
    RUN_IN,
    STANDALONE,
    is_contents,
    read_line,
    statement_row,
    subsection_kind,
)


def line(text: str, table_row: bool = False, heading_level: int | None = None) -> CleanLine:
    return CleanLine(7, 7, text, table_row=table_row, heading_level=heading_level)


@pytest.mark.parametrize(
    ("text", "special"),
    [
        ("Spotlight on: Reablement – Mrs A's story", "case_study"),
        ("Mrs A's story", "case_study"),
        ("Case Study", "case_study"),
        ("PRACTICE POINT", "call_out"),
        ("DATA POINT: 78% of people felt in control of their care", "call_out"),
        ("“They listened to me,” said one carer.", "quote"),
        ('"I can choose who comes to help me and when."', "quote"),
        ("- “The team rang back the same day.”", "quote"),
    ],
)
def test_case_studies_call_outs_and_quotes(text: str, special: str) -> None:
    candidate = read_line(line(text))
    assert candidate is not None and candidate.special == special


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("7.1 WHAT IS OUR AMBITION AND HOW ARE WE PERFORMING?", "ambition"),
        ("7.1.1 THINGS WE ARE PROUD OF", "proud_of"),
        ("Our strengths", "proud_of"),
        ("What's working well", "proud_of"),
        ("Key areas for improvement", "areas_for_improvement"),
        ("What we need to do better", "areas_for_improvement"),
        ("How do we know? What makes us confident we understand our performance?", "how_we_know"),
        ("Our evidence", "how_we_know"),
        ("What are our plans to maintain or improve our performance in this area?", "plans"),
        ("Next steps", "plans"),
        ("What do others say about our performance in this area?", "what_others_say"),
        ("What people who use our services say", "what_others_say"),
    ],
)
def test_template_sub_sections(text: str, kind: str) -> None:
    assert subsection_kind(text) == kind


@pytest.mark.parametrize(
    "text", ["Evidence library", "Risk management in care homes", "Our borough", ""]
)
def test_other_headings_are_no_sub_section(text: str) -> None:
    assert subsection_kind(text) is None


def test_forms_of_a_statement_heading_rank_by_how_sure_they_are() -> None:
    numbered = read_line(line("7 ASSESSING NEEDS"))
    alone = read_line(line("Assessing needs"))
    run_in = read_line(line("Assessing needs: we see most people within a fortnight of asking."))
    assert numbered is not None and (numbered.tier, numbered.rank) == (NUMBERED, 1)
    assert alone is not None and alone.tier == STANDALONE
    assert run_in is not None and run_in.tier == RUN_IN
    assert {c.statement for c in (numbered, alone, run_in)} == {"assessing-needs"}


def test_a_bulleted_or_prose_mention_is_not_a_heading() -> None:
    assert read_line(line("- Assessing needs")) is None
    assert read_line(line("Assessing needs is where we have improved most this year.")) is None


@pytest.mark.parametrize(
    ("text", "table_row"),
    [
        ("7\tASSESSING NEEDS.....\t8", True),
        ("1\tWELCOME AND PURPOSE\t3", True),
        ("3.1 Assessing needs .................... 4", False),
        ("Safeguarding … 14", False),
    ],
)
def test_contents_entries(text: str, table_row: bool) -> None:
    entry = line(text, table_row=table_row)
    assert is_contents(entry)
    candidate = read_line(entry)
    assert candidate is not None and candidate.contents


def test_a_row_of_scores_is_not_a_heading() -> None:
    assert read_line(line("Assessing needs\t3\tGood", table_row=True)) is None


def test_a_row_under_a_statement_header_row_heads_its_section() -> None:
    header = line("Quality statement\tOur self-assessed score\tDirection of travel", True)
    row = line("Safeguarding\t3 – good standard\tImproving", True)
    prose = line("We help people to say what keeping safe means to them.")
    candidate = statement_row(row, header, prose)
    assert candidate is not None and candidate.statement == "safeguarding"
    # The first row of a summary table of several statements is not.
    following = line("Governance, management and sustainability\t3\tStable", True)
    assert statement_row(row, header, following) is None
    assert statement_row(row, prose, prose) is None
