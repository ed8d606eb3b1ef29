"""Two invented self-assessments in layouts the other fixtures do not have:
Greyhaven's PDF text (contents with page numbers, "QS1:" and "Quality
Statement 4 -" headings, a running header and "Page 7 of 40" on every page,
"We are proud of" at the top of each statement's page, boxed case studies),
and Ravensford's Word export (each statement named in a one-row table under
a header row, after a summary table of all nine, with its quoted We and I
statements). The expected lines are where a reader sees each heading."""

from __future__ import annotations

from pathlib import Path

import pytest

from assure.document import CleanText
from assure.normalising import normalise
from assure.parsing.assessment_report import PARSER as REPORT
from assure.parsing.registry import detect_kind
from assure.parsing.self_assessment import PARSER
from assure.reading import read_document
from assure.structure import DocumentKind, ParsedStructure, Section

FIXTURES = Path(__file__).parent / "fixtures" / "self_assessment"


KINDS = Path(__file__).parent / "fixtures" / "kinds"


def clean(name: str) -> CleanText:
    return normalise(read_document(FIXTURES / name))


def statement_starts(structure: ParsedStructure) -> dict[str, int]:
    return {s.qs[0]: s.start_line for s in structure.sections if s.kind == "quality_statement"}


def of_kind(structure: ParsedStructure, kind: str) -> list[Section]:
    return [s for s in structure.sections if s.kind == kind]


@pytest.fixture(scope="module")
def greyhaven() -> ParsedStructure:
    return PARSER.parse(clean("greyhaven_qs_boxes.txt"))


@pytest.fixture(scope="module")
def ravensford() -> ParsedStructure:
    return PARSER.parse(clean("ravensford_statement_tables.txt"))


@pytest.mark.parametrize("name", ["greyhaven_qs_boxes.txt", "ravensford_statement_tables.txt"])
def test_detected_as_a_self_assessment(name: str) -> None:
    text = clean(name)
    assert detect_kind(text)[0] is DocumentKind.SELF_ASSESSMENT
    assert REPORT.recognise(text) < 0.3


class TestStatementsHeadedQsWithPagedBoxes:
    def test_each_statement_starts_at_its_heading(self, greyhaven: ParsedStructure) -> None:
        assert statement_starts(greyhaven) == {
            "assessing-needs": 52, "healthier-lives": 75, "equity": 94,
            "care-provision": 123, "partnerships": 142, "safe-systems": 168,
            "safeguarding": 186, "governance": 212, "learning": 230,
        }  # fmt: skip

    def test_themes_at_their_pages_not_in_the_contents(self, greyhaven: ParsedStructure) -> None:
        assert [s.start_line for s in of_kind(greyhaven, "theme")] == [42, 116, 163, 207]

    def test_the_list_of_a_themes_statements_is_not_their_heading(
        self, greyhaven: ParsedStructure
    ) -> None:
        assert all(not 44 <= s.start_line <= 47 for s in greyhaven.sections)

    def test_sub_sections_at_the_top_of_a_page_are_kept(self, greyhaven: ParsedStructure) -> None:
        """ "We are proud of" opens every statement's page, just below the
        running header and the statement's heading: it is still a heading."""
        assert [s.start_line for s in of_kind(greyhaven, "proud_of")] == [
            54, 77, 96, 125, 144, 170, 188, 214, 232,
        ]  # fmt: skip
        assert len(of_kind(greyhaven, "how_we_know")) == 9
        assert len(of_kind(greyhaven, "areas_for_improvement")) == 9

    def test_boxed_case_studies(self, greyhaven: ParsedStructure) -> None:
        assert [s.start_line for s in of_kind(greyhaven, "case_study")] == [65, 106, 153, 197]

    def test_front_matter(self, greyhaven: ParsedStructure) -> None:
        assert greyhaven.council == "Greyhaven Metropolitan Borough Council"


class TestStatementsNamedInTableRows:
    def test_each_statement_starts_at_its_row(self, ravensford: ParsedStructure) -> None:
        assert statement_starts(ravensford) == {
            "assessing-needs": 23, "healthier-lives": 42, "equity": 59,
            "care-provision": 78, "partnerships": 95, "safe-systems": 113,
            "safeguarding": 130, "governance": 148, "learning": 164,
        }  # fmt: skip

    def test_the_summary_table_is_no_heading(self, ravensford: ParsedStructure) -> None:
        assert all(not 9 <= s.start_line <= 18 for s in ravensford.sections)

    def test_quoted_we_and_i_statements_stay_inside_their_statement(
        self, ravensford: ParsedStructure
    ) -> None:
        safeguarding = next(s for s in ravensford.sections if s.qs == ("safeguarding",))
        assert (safeguarding.start_line, safeguarding.end_line) == (130, 144)
        assert len(of_kind(ravensford, "quality_statement")) == 9
        quotes = [s.start_line for s in of_kind(ravensford, "quote")]
        assert 134 in quotes  # the I statement under safeguarding

    def test_themes_named_by_number_words(self, ravensford: ParsedStructure) -> None:
        assert [s.start_line for s in of_kind(ravensford, "theme")] == [20, 75, 110, 145]

    def test_template_sub_sections_under_each_row(self, ravensford: ParsedStructure) -> None:
        assert len(of_kind(ravensford, "proud_of")) == 9
        assert len(of_kind(ravensford, "areas_for_improvement")) == 9


def test_statements_numbered_like_list_items_head_their_sections() -> None:
    """'1. Assessing needs' over its text is the statement's heading, though
    '1. ' also starts list items; the kind-detection fixture is such a summary."""
    text = normalise(read_document(KINDS / "minimal_self_assessment.txt"))
    starts = statement_starts(PARSER.parse(text))
    assert list(starts) == [
        "assessing-needs", "healthier-lives", "equity", "care-provision", "partnerships",
        "safe-systems", "safeguarding", "governance", "learning",
    ]  # fmt: skip
    assert starts["assessing-needs"] == 9 and starts["learning"] == 45


def test_a_numbered_list_of_the_statements_is_not_their_headings(tmp_path: Path) -> None:
    names = [
        "Assessing needs",
        "Supporting people to live healthier lives",
        "Equity in experience and outcomes",
    ]
    overview = [f"{n}. {name}" for n, name in enumerate(names, 1)]
    sections = [
        line for name in names for line in (name, f"Our work on {name.lower()} goes on.", "")
    ]
    path = tmp_path / "overview.txt"
    path.write_text(
        "\n".join(["Working with people", "This theme has three statements:", *overview, ""])
        + "\n"
        + "\n".join(sections),
        encoding="utf-8",
    )
    starts = statement_starts(PARSER.parse(normalise(read_document(path))))
    assert starts == {"assessing-needs": 7, "healthier-lives": 10, "equity": 13}
