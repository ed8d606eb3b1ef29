"""Self-assessments: themes, statement sections, template sub-sections, case
studies and references, found in numbered, run-in and Markdown layouts."""

from __future__ import annotations

from pathlib import Path

import pytest

from assure.document import CleanText
from assure.normalising import normalise
from assure.parsing.self_assessment import PARSER
from assure.reading import read_document
from assure.structure import DocumentKind, ParsedStructure, Section

FIXTURES = Path(__file__).parent / "fixtures" / "self_assessment"
ALL_NINE = (
    "assessing-needs", "healthier-lives", "equity", "care-provision", "partnerships",
    "safe-systems", "safeguarding", "governance", "learning",
)  # fmt: skip


def clean(path: Path) -> CleanText:
    return normalise(read_document(path))


def parsed(path: Path) -> ParsedStructure:
    return PARSER.parse(clean(path))


def statement_starts(structure: ParsedStructure) -> dict[str, int]:
    return {s.qs[0]: s.start_line for s in structure.sections if s.kind == "quality_statement"}


def of_kind(structure: ParsedStructure, kind: str) -> list[Section]:
    return [s for s in structure.sections if s.kind == kind]


def containing(structure: ParsedStructure, line: int, kind: str) -> Section:
    found = [s for s in of_kind(structure, kind) if s.start_line <= line <= s.end_line]
    assert len(found) == 1, f"{len(found)} {kind} sections contain line {line}"
    return found[0]


@pytest.fixture(scope="module")
def fernmoor() -> ParsedStructure:
    return parsed(FIXTURES / "fernmoor_numbered.txt")


@pytest.fixture(scope="module")
def castlebridge() -> ParsedStructure:
    return parsed(FIXTURES / "castlebridge_runin.txt")


@pytest.fixture(scope="module")
def hollinwell() -> ParsedStructure:
    return parsed(FIXTURES / "hollinwell_markdown.md")


@pytest.fixture(scope="module")
def kirklees(corpus: Path) -> ParsedStructure:
    return parsed(corpus / "kirklees-asc-self-assessment-2024.txt")


class TestRealSelfAssessment:
    def test_all_nine_statements_start_at_their_headings(self, kirklees: ParsedStructure) -> None:
        assert statement_starts(kirklees) == {
            "assessing-needs": 141, "healthier-lives": 251, "equity": 357,
            "care-provision": 429, "partnerships": 509, "safe-systems": 611,
            "safeguarding": 675, "governance": 775, "learning": 869,
        }  # fmt: skip

    def test_four_themes_each_running_to_the_next(self, kirklees: ParsedStructure) -> None:
        themes = [(s.start_line, s.end_line, s.level) for s in of_kind(kirklees, "theme")]
        assert themes == [(124, 408, 1), (409, 590, 1), (591, 751, 1), (752, 941, 1)]

    def test_the_contents_list_is_not_taken_for_sections(self, kirklees: ParsedStructure) -> None:
        assert all(s.start_line > 34 for s in kirklees.sections)

    def test_statement_sections_end_before_the_next(self, kirklees: ParsedStructure) -> None:
        sections = {s.qs[0]: s for s in of_kind(kirklees, "quality_statement")}
        assert sections["assessing-needs"].end_line == 250
        assert sections["equity"].end_line == 408  # before the next theme
        assert sections["learning"].end_line == 941  # before document governance

    def test_theme_level_proud_of_and_improvement_sections(self, kirklees: ParsedStructure) -> None:
        theme_level = [
            (s.kind, s.start_line)
            for s in kirklees.sections
            if s.level == 2 and s.kind in ("proud_of", "areas_for_improvement")
        ]
        assert theme_level[:2] == [("proud_of", 128), ("areas_for_improvement", 134)]
        assert len(theme_level) == 8

    def test_template_sub_sections_inside_a_statement(self, kirklees: ParsedStructure) -> None:
        inside = [
            (s.kind, s.start_line)
            for s in kirklees.sections
            if s.level == 3 and 141 <= s.start_line <= 250
        ]
        assert inside == [
            ("ambition", 143), ("proud_of", 168), ("areas_for_improvement", 180),
            ("how_we_know", 188), ("plans", 221), ("what_others_say", 233),
        ]  # fmt: skip

    def test_spotlights_are_case_studies(self, kirklees: ParsedStructure) -> None:
        starts = [s.start_line for s in of_kind(kirklees, "case_study")]
        assert starts[:2] == [235, 241]
        assert len(starts) == 9

    def test_references_belong_to_their_sections(self, kirklees: ParsedStructure) -> None:
        how_we_know = containing(kirklees, 196, "how_we_know")
        assert {"Ref 99", "Ref 165"} <= set(how_we_know.refs)
        assert "Ref 122" in containing(kirklees, 84, "heading").refs

    def test_title_council_and_month_date(self, kirklees: ParsedStructure) -> None:
        assert kirklees.kind is DocumentKind.SELF_ASSESSMENT
        assert "Self-Assessment" in (kirklees.title or "")
        assert kirklees.council == "Kirklees Council"
        assert kirklees.date == "2024-12-01"

    def test_recognised_above_the_others(self, corpus: Path) -> None:
        assert PARSER.recognise(clean(corpus / "kirklees-asc-self-assessment-2024.txt")) >= 0.8
        assert PARSER.recognise(clean(corpus / "cqc-north-lincolnshire-assessment-2023.txt")) < 0.3
        assert (
            PARSER.recognise(clean(corpus / "kirklees-childrens-scrutiny-pack-2018-11.txt")) < 0.3
        )


class TestNumberedWithContents:
    def test_statements_start_at_headings_not_contents(self, fernmoor: ParsedStructure) -> None:
        assert statement_starts(fernmoor) == {
            "assessing-needs": 37, "healthier-lives": 70, "equity": 88,
            "care-provision": 100, "partnerships": 110, "safe-systems": 122,
            "safeguarding": 132, "governance": 144, "learning": 154,
        }  # fmt: skip

    def test_numbered_themes_end_before_the_next_top_heading(
        self, fernmoor: ParsedStructure
    ) -> None:
        themes = [(s.start_line, s.end_line) for s in of_kind(fernmoor, "theme")]
        assert themes == [(35, 97), (98, 119), (120, 141), (142, 163)]
        appendix = [s for s in fernmoor.sections if s.start_line == 164]
        assert [(s.kind, s.level) for s in appendix] == [("heading", 1)]

    def test_a_sub_heading_named_like_a_statement_stays_a_sub_heading(
        self, fernmoor: ParsedStructure
    ) -> None:
        partnership = [s for s in fernmoor.sections if s.start_line == 146]
        assert [(s.kind, s.level, s.qs) for s in partnership] == [("heading", 3, ())]

    def test_call_outs_case_study_and_quote(self, fernmoor: ParsedStructure) -> None:
        assert [(s.start_line, s.end_line) for s in of_kind(fernmoor, "call_out")] == [
            (84, 86),
            (116, 118),
        ]
        assert [s.start_line for s in of_kind(fernmoor, "case_study")] == [64]
        assert [(s.start_line, s.level) for s in of_kind(fernmoor, "quote")] == [(68, 5), (140, 5)]

    def test_every_written_reference_form_reaches_its_section(
        self, fernmoor: ParsedStructure
    ) -> None:
        assessing = containing(fernmoor, 37, "quality_statement")
        assert assessing.refs == (
            "Ref 2", "Ref 3", "Ref 4", "Ref 9", "Ref 12", "Ref 13", "Ref 14",
        )  # fmt: skip
        assert containing(fernmoor, 74, "ambition").refs == ("Ref 35", "Ref 36")
        assert containing(fernmoor, 92, "proud_of").refs == ("IR5",)
        assert containing(fernmoor, 104, "proud_of").refs == ("Ref 148", "Ref 167")

    def test_front_matter(self, fernmoor: ParsedStructure) -> None:
        assert fernmoor.council == "Fernmoor Borough Council"
        assert fernmoor.date == "2025-03-01"


class TestRunInLabels:
    def test_each_labelled_paragraph_opens_its_statement(
        self, castlebridge: ParsedStructure
    ) -> None:
        assert statement_starts(castlebridge) == {
            "assessing-needs": 9, "healthier-lives": 15, "equity": 17,
            "care-provision": 19, "partnerships": 21, "safe-systems": 25,
            "safeguarding": 27, "governance": 31, "learning": 33,
        }  # fmt: skip

    def test_a_mention_in_the_introduction_is_not_the_statement(
        self, castlebridge: ParsedStructure
    ) -> None:
        intro = [s for s in castlebridge.sections if s.start_line == 5]
        assert [(s.kind, s.end_line) for s in intro] == [("heading", 8)]

    def test_run_in_sub_sections_and_the_closing_summary(
        self, castlebridge: ParsedStructure
    ) -> None:
        subs = [(s.kind, s.start_line) for s in castlebridge.sections if s.level == 3]
        assert subs == [
            ("proud_of", 11), ("areas_for_improvement", 13), ("how_we_know", 23), ("plans", 35),
        ]  # fmt: skip
        learning = containing(castlebridge, 33, "quality_statement")
        assert learning.end_line == 36

    def test_a_quote_with_its_attribution(self, castlebridge: ParsedStructure) -> None:
        assert [s.start_line for s in of_kind(castlebridge, "quote")] == [29]

    def test_front_matter(self, castlebridge: ParsedStructure) -> None:
        assert castlebridge.council == "Castlebridge City Council"
        assert castlebridge.date == "2024-10-14"


class TestMarkdownThemes:
    def test_statements_in_every_heading_style(self, hollinwell: ParsedStructure) -> None:
        starts = statement_starts(hollinwell)
        assert starts["assessing-needs"] == 23  # "QS1: ..."
        assert starts["healthier-lives"] == 37  # "Theme 1 – QS2"
        assert starts["equity"] == 47  # "Working with people: ..."
        assert set(starts) == set(ALL_NINE)

    def test_themes_and_a_theme_level_section(self, hollinwell: ParsedStructure) -> None:
        themes = [(s.start_line, s.end_line) for s in of_kind(hollinwell, "theme")]
        assert themes == [(17, 52), (53, 68), (69, 82), (83, 96)]
        proud = [s for s in of_kind(hollinwell, "proud_of") if s.level == 2]
        assert [(s.start_line, s.end_line) for s in proud] == [(19, 22)]

    def test_blockquote_and_bulleted_spotlight(self, hollinwell: ParsedStructure) -> None:
        assert [s.start_line for s in of_kind(hollinwell, "quote")] == [45]
        assert [(s.start_line, s.end_line) for s in of_kind(hollinwell, "case_study")] == [(65, 68)]


@pytest.mark.parametrize(
    "name", ["fernmoor_numbered.txt", "castlebridge_runin.txt", "hollinwell_markdown.md"]
)
def test_own_fixtures_are_recognised(name: str) -> None:
    assert PARSER.recognise(clean(FIXTURES / name)) >= 0.6


@pytest.mark.parametrize(
    "name",
    [
        "others/brackenfield_pack.txt",
        "others/tolbury_improvement_plan.txt",
        "others/tolbury_plan_by_statement.txt",
    ],
)
def test_packs_and_plans_that_quote_statements_are_not_self_assessments(name: str) -> None:
    assert PARSER.recognise(clean(FIXTURES / name)) < 0.3


def test_regulator_reports_are_not_self_assessments() -> None:
    reports = Path(__file__).parent / "fixtures" / "assessment_report"
    for path in sorted(reports.glob("*.txt")):
        assert PARSER.recognise(clean(path)) < 0.3, path.name


def test_headings_set_in_tables_or_wrapped_onto_two_lines(tmp_path: Path) -> None:
    path = tmp_path / "hatherby.txt"
    path.write_text(
        "Hatherby Council self-assessment\n\n"
        "Quality statement\tAssessing needs\n\n"
        "We assess people promptly and our teams are proud of how they listen.\n\n"
        "3.2 Care provision, integration and\n"
        "continuity\n\n"
        "We commission home care for about 2,000 people each week across the county.\n\n"
        "Safeguarding\tGood\n\n"
        "Quality statement: Safeguarding\n\n"
        "Concerns are screened on the day they arrive by the multi-agency hub.\n",
        encoding="utf-8",
    )
    starts = statement_starts(parsed(path))
    assert starts == {"assessing-needs": 3, "care-provision": 7, "safeguarding": 14}
