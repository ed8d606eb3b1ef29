"""Regulator assessment reports: per-statement scores, the stated rating, the
computed percent and rating, and the report's sections."""

from __future__ import annotations

from pathlib import Path

import pytest

from assure.document import CleanText
from assure.normalising import normalise
from assure.parsing.assessment_report import PARSER
from assure.parsing.registry import detect_kind
from assure.reading import read_document
from assure.structure import DocumentKind, ParsedStructure, Section

FIXTURES = Path(__file__).parent / "fixtures" / "assessment_report"
OTHERS = Path(__file__).parent / "fixtures" / "self_assessment"


def clean(path: Path) -> CleanText:
    return normalise(read_document(path))


def of_kind(structure: ParsedStructure, kind: str) -> list[Section]:
    return [s for s in structure.sections if s.kind == kind]


@pytest.fixture(scope="module")
def north_lincolnshire(corpus: Path) -> ParsedStructure:
    return PARSER.parse(clean(corpus / "cqc-north-lincolnshire-assessment-2023.txt"))


@pytest.fixture(scope="module")
def ashby() -> ParsedStructure:
    return PARSER.parse(clean(FIXTURES / "ashby_vale_scores.txt"))


@pytest.fixture(scope="module")
def wexcombe() -> ParsedStructure:
    return PARSER.parse(clean(FIXTURES / "wexcombe_score_list.txt"))


@pytest.fixture(scope="module")
def penhallow() -> ParsedStructure:
    return PARSER.parse(clean(FIXTURES / "penhallow_at_a_glance.txt"))


@pytest.fixture(scope="module")
def kingsmere() -> ParsedStructure:
    return PARSER.parse(clean(FIXTURES / "kingsmere_summary_table.txt"))


class TestRealReport:
    def test_all_nine_scores(self, north_lincolnshire: ParsedStructure) -> None:
        assert north_lincolnshire.assessment is not None
        assert north_lincolnshire.assessment.scores == {
            "assessing-needs": 3, "healthier-lives": 3, "equity": 2,
            "care-provision": 3, "partnerships": 3, "safe-systems": 3,
            "safeguarding": 3, "governance": 3, "learning": 3,
        }  # fmt: skip

    def test_stated_and_computed_rating_agree(self, north_lincolnshire: ParsedStructure) -> None:
        assessment = north_lincolnshire.assessment
        assert assessment is not None
        assert (assessment.percent, assessment.rating, assessment.stated_rating) == (
            72,
            "Good",
            "Good",
        )
        assert not [f for f in north_lincolnshire.findings if f.kind == "rating_mismatch"]

    def test_findings_per_statement(self, north_lincolnshire: ParsedStructure) -> None:
        findings = {
            s.qs[0]: (s.start_line, s.end_line) for s in of_kind(north_lincolnshire, "finding")
        }
        assert len(findings) == 9
        assert findings["assessing-needs"] == (97, 108)
        assert findings["learning"] == (332, 342)  # the copyright line is not a finding

    def test_statement_theme_and_summary_sections(
        self, north_lincolnshire: ParsedStructure
    ) -> None:
        statements = {
            s.qs[0]: s.start_line for s in of_kind(north_lincolnshire, "quality_statement")
        }
        assert statements["assessing-needs"] == 81 and statements["safeguarding"] == 259
        assert [s.start_line for s in of_kind(north_lincolnshire, "theme")] == [71, 163, 224, 289]
        assert [s.start_line for s in of_kind(north_lincolnshire, "facts")] == [13, 15, 23]
        summary = [(s.start_line, s.level) for s in of_kind(north_lincolnshire, "summary")]
        assert (37, 1) in summary and (43, 2) in summary
        people = [s.start_line for s in of_kind(north_lincolnshire, "people_experience")]
        assert people[0] == 65 and 87 in people

    def test_front_matter(self, north_lincolnshire: ParsedStructure) -> None:
        assert north_lincolnshire.kind is DocumentKind.ASSESSMENT_REPORT
        assert north_lincolnshire.council == "North Lincolnshire Council"
        assert north_lincolnshire.date == "2023-11-17"  # published, not the start date

    def test_recognised_above_the_others(self, corpus: Path) -> None:
        assert PARSER.recognise(clean(corpus / "cqc-north-lincolnshire-assessment-2023.txt")) >= 0.8
        assert PARSER.recognise(clean(corpus / "kirklees-asc-self-assessment-2024.txt")) < 0.3
        assert (
            PARSER.recognise(clean(corpus / "kirklees-childrens-scrutiny-pack-2018-11.txt")) < 0.3
        )


class TestScoresUnderEachStatement:
    def test_scores_in_three_written_forms(self, ashby: ParsedStructure) -> None:
        assert ashby.assessment is not None
        assert list(ashby.assessment.scores.values()) == [3, 3, 2, 3, 2, 3, 3, 2, 3]
        assert (ashby.assessment.percent, ashby.assessment.rating) == (67, "Good")
        assert ashby.assessment.stated_rating == "Good"

    def test_findings_without_a_heading_start_at_the_prose(self, ashby: ParsedStructure) -> None:
        findings = {s.qs[0]: s.start_line for s in of_kind(ashby, "finding")}
        assert findings["assessing-needs"] == 51  # under its "key findings" heading
        assert findings["healthier-lives"] == 59
        assert findings["equity"] == 67  # after "score" and its scale wording
        assert len(findings) == 9

    def test_themes_named_in_the_councils_words(self, ashby: ParsedStructure) -> None:
        assert [s.start_line for s in of_kind(ashby, "theme")] == [37, 69, 83, 97]

    def test_front_matter(self, ashby: ParsedStructure) -> None:
        assert ashby.council == "Ashby Vale Council"
        assert ashby.date == "2024-07-19"
        assert "assessment" in (ashby.title or "")


class TestSummaryTable:
    def test_scores_from_the_tab_table(self, kingsmere: ParsedStructure) -> None:
        assert kingsmere.assessment is not None
        assert kingsmere.assessment.scores["safeguarding"] == 1
        assert kingsmere.assessment.scores["care-provision"] == 3
        assert len(kingsmere.assessment.scores) == 9
        assert (kingsmere.assessment.percent, kingsmere.assessment.rating) == (
            50,
            "Requires improvement",
        )
        assert kingsmere.assessment.stated_rating == "Requires improvement"

    def test_statement_sections_follow_the_table(self, kingsmere: ParsedStructure) -> None:
        starts = [s.start_line for s in of_kind(kingsmere, "quality_statement")]
        assert starts == [31, 37, 43, 51, 57, 65, 71, 79, 85]
        assert all(s.qs for s in of_kind(kingsmere, "finding"))


def test_a_stated_rating_the_scores_do_not_give_is_reported(tmp_path: Path) -> None:
    text = (FIXTURES / "kingsmere_summary_table.txt").read_text(encoding="utf-8")
    path = tmp_path / "report.txt"
    path.write_text(text.replace("Overall rating: Requires improvement", "Overall rating: Good"))
    structure = PARSER.parse(clean(path))
    assert structure.assessment is not None
    assert structure.assessment.stated_rating == "Good"
    assert structure.assessment.rating == "Requires improvement"
    mismatches = [f for f in structure.findings if f.kind == "rating_mismatch"]
    assert len(mismatches) == 1 and "Good" in mismatches[0].message


def test_a_report_with_some_statements_scores_those(tmp_path: Path) -> None:
    path = tmp_path / "partial.txt"
    path.write_text(
        "Local authority assessment\n\nAssessing needs\n\nScore: 2\n\n"
        "Safeguarding\n\nScore: 4 - Exceptional standard\n"
    )
    assessment = PARSER.parse(clean(path)).assessment
    assert assessment is not None
    assert assessment.scores == {"assessing-needs": 2, "safeguarding": 4}
    assert (assessment.percent, assessment.rating) == (75, "Good")


@pytest.mark.parametrize(
    "name",
    [
        "ashby_vale_scores.txt",
        "kingsmere_summary_table.txt",
        "wexcombe_score_list.txt",
        "penhallow_at_a_glance.txt",
    ],
)
def test_own_fixtures_are_recognised(name: str) -> None:
    assert PARSER.recognise(clean(FIXTURES / name)) >= 0.5


@pytest.mark.parametrize(
    "name",
    [
        "fernmoor_numbered.txt",
        "castlebridge_runin.txt",
        "hollinwell_markdown.md",
        "others/brackenfield_pack.txt",
        "others/tolbury_improvement_plan.txt",
        "others/tolbury_plan_by_statement.txt",
    ],
)
def test_self_assessments_packs_and_plans_are_not_reports(name: str) -> None:
    assert PARSER.recognise(clean(OTHERS / name)) < 0.3


class TestScoreListBeforeTheSections:
    def test_sections_start_at_the_statements_own_headings(self, wexcombe: ParsedStructure) -> None:
        starts = [s.start_line for s in of_kind(wexcombe, "quality_statement")]
        assert starts == [75, 95, 105, 113, 121, 131, 139, 149, 157]

    def test_a_score_given_only_in_the_list_still_counts(self, wexcombe: ParsedStructure) -> None:
        assert wexcombe.assessment is not None
        assert wexcombe.assessment.scores["equity"] == 2
        assert (wexcombe.assessment.percent, wexcombe.assessment.rating) == (
            58,
            "Requires improvement",
        )
        assert wexcombe.assessment.stated_rating == "Requires improvement"

    def test_the_summary_ends_before_the_first_theme(self, wexcombe: ParsedStructure) -> None:
        summary = [s for s in of_kind(wexcombe, "summary") if s.level == 1]
        assert [(s.start_line, s.end_line) for s in summary] == [(13, 62)]
        people = of_kind(wexcombe, "people_experience")[0]
        assert (people.start_line, people.level) == (59, 2)


def test_a_score_on_the_line_after_its_label(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(
        "Local authority assessment\n\nSafeguarding\n\nIndicative score:\n\n(2)\n\n"
        "Key findings for this quality statement\n\nConcerns waited too long for screening.\n"
    )
    assessment = PARSER.parse(clean(path)).assessment
    assert assessment is not None and assessment.scores == {"safeguarding": 2}


def test_the_mismatch_points_at_the_stated_rating(tmp_path: Path) -> None:
    text = (FIXTURES / "ashby_vale_scores.txt").read_text(encoding="utf-8")
    path = tmp_path / "report.txt"
    path.write_text(text.replace("\nGood\n", "\nOutstanding\n", 1))
    findings = [f for f in PARSER.parse(clean(path)).findings if f.kind == "rating_mismatch"]
    assert [f.start_line for f in findings] == [25]


def test_a_score_on_the_statements_own_line(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(
        "Local authority assessment\n\n"
        "Assessing needs – 3 – Evidence shows a good standard\n\n"
        "People were seen promptly and their carers were offered an assessment.\n\n"
        "Safeguarding (2)\n\n"
        "Key findings for this quality statement\n\nScreening was slow at busy times.\n"
    )
    assessment = PARSER.parse(clean(path)).assessment
    assert assessment is not None
    assert assessment.scores == {"assessing-needs": 3, "safeguarding": 2}


class TestSummaryTableInPdfText:
    """Penhallow's report as PDF text: an "at a glance" table whose columns
    ran together ("Assessing needs 2/4 Evidence shows some shortfalls"),
    then theme pages with each statement's "Score: 2 - Evidence shows ..."."""

    def test_scores_percent_and_rating(self, penhallow: ParsedStructure) -> None:
        assessment = penhallow.assessment
        assert assessment is not None
        assert assessment.scores == {
            "assessing-needs": 2, "healthier-lives": 3, "equity": 2,
            "care-provision": 2, "partnerships": 3, "safe-systems": 2,
            "safeguarding": 2, "governance": 2, "learning": 3,
        }  # fmt: skip
        # 21 of 36 is 58.3%: requires improvement, as the report states.
        assert (assessment.percent, assessment.rating, assessment.stated_rating) == (
            58,
            "Requires improvement",
            "Requires improvement",
        )

    def test_sections_start_at_the_statements_own_headings(
        self, penhallow: ParsedStructure
    ) -> None:
        starts = [s.start_line for s in of_kind(penhallow, "quality_statement")]
        assert starts == [51, 69, 85, 107, 123, 145, 161, 183, 199]
        assert [s.start_line for s in of_kind(penhallow, "theme")] == [44, 101, 139, 177]

    def test_detected_as_a_report(self) -> None:
        text = clean(FIXTURES / "penhallow_at_a_glance.txt")
        assert detect_kind(text)[0] is DocumentKind.ASSESSMENT_REPORT

    def test_the_table_alone_gives_every_score(self, tmp_path: Path) -> None:
        raw = (FIXTURES / "penhallow_at_a_glance.txt").read_text(encoding="utf-8")
        path = tmp_path / "table-only.txt"
        path.write_text("\n".join(x for x in raw.splitlines() if not x.startswith("Score:")))
        assessment = PARSER.parse(clean(path)).assessment
        assert assessment is not None
        assert len(assessment.scores) == 9
        assert (assessment.percent, assessment.rating) == (58, "Requires improvement")


def test_scores_out_of_four_in_a_tab_table(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(
        "Local authority assessment\n\nQuality statement\tScore\n"
        "Assessing needs\t3/4\nSafeguarding\t1 out of 4\n"
    )
    assessment = PARSER.parse(clean(path)).assessment
    assert assessment is not None
    assert assessment.scores == {"assessing-needs": 3, "safeguarding": 1}


def test_a_contents_page_number_is_no_score(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(
        "Local authority assessment\n\nContents\nAssessing needs 4\nSafeguarding 3\n\n"
        "Assessing needs\n\nKey findings for this quality statement\n\nPeople waited.\n"
    )
    assessment = PARSER.parse(clean(path)).assessment
    assert assessment is None or assessment.scores == {}


OFSTED = Path(__file__).parent / "fixtures" / "kinds" / "ofsted_childrens_services_inspection.txt"


def test_an_ofsted_inspection_gives_its_grades_by_name_and_its_judgement_sections() -> None:
    """Ofsted grades each judgement area by name; the overall effectiveness
    grade is the rating, and there is no percentage."""
    report = PARSER.parse(clean(OFSTED))
    assessment = report.assessment
    assert assessment is not None
    assert (assessment.framework, assessment.scores, assessment.percent) == (
        "ofsted-children",
        {},
        None,
    )
    assert assessment.rating == "Requires improvement to be good"
    assert assessment.grades == {
        "overall-effectiveness": "Requires improvement to be good",
        "help-and-protection": "Requires improvement to be good",
        "children-in-care": "Good",
        "care-leavers": "Requires improvement to be good",
        "leadership-impact": "Requires improvement to be good",
    }
    headed = {s.qs[0]: s.title for s in report.sections if s.kind == "quality_statement"}
    assert set(headed) == set(assessment.grades) - {"overall-effectiveness"}
    assert headed["children-in-care"].lower().endswith(": good")


def test_an_ofsted_inspections_grades_are_stored(library) -> None:
    from assure.ingest.job import IngestJob
    from assure.storing import models as m

    job = IngestJob(library, library.settings)
    (outcome,) = job.run([OFSTED], council="Marlowfield County Council").outcomes
    assert outcome.status == "stored", outcome
    with library.reading() as session:
        (row,) = session.query(m.AssessmentRow).all()
        assert (row.framework, row.rating, row.grades["children-in-care"]) == (
            "ofsted-children",
            "Requires improvement to be good",
            "Good",
        )
