"""Three more invented self-assessments, in layouts the other fixtures lack.

Brackenfold: PDF text (form feeds between pages) whose header prints the
current statement's name on every page of its section, just above the
statement's own heading on the section's first page; Safeguarding starts
half-way down a page whose header already names it. The names in the headers
are page furniture; the headings below them are the author's.

Dunmere: PDF text whose statement headings are split over lines as PDFs
extract them ("Quality Statement 2:" over "Supporting people to live
healthier lives"; "Governance, management and" over "sustainability"), and
theme headings likewise ("Theme 1:" over "Working with people").

Ashbury: a hard-wrapped Markdown account organised by theme, leadership
first, each statement a bold run-in label ending in a full stop
("**Assessing needs.** People can ..."), statements out of the framework's
order, and safe systems and safeguarding sharing one section. That shared
section is one ``quality_statement`` section naming both statements, so each
is found at the label that names it.

The expected lines are where a reader sees each heading."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest

from assure.document import CleanText
from assure.normalising import normalise
from assure.parsing.registry import detect_kind
from assure.parsing.self_assessment import PARSER
from assure.reading import read_document
from assure.structure import DocumentKind, ParsedStructure, Section

FIXTURES = Path(__file__).parent / "fixtures" / "self_assessment"
NAMES = (
    "brackenfold_running_heads.txt",
    "dunmere_split_headings.txt",
    "ashbury_runin_by_theme.md",
)
STATEMENT_NAMES = (
    "Assessing needs",
    "Supporting people to live healthier lives",
    "Equity in experience and outcomes",
    "Care provision, integration and continuity",
    "Partnerships and communities",
    "Safe systems, pathways and transitions",
    "Safeguarding",
    "Governance, management and sustainability",
    "Learning, improvement and innovation",
)


def clean(name: str) -> CleanText:
    return normalise(read_document(FIXTURES / name))


def statement_starts(structure: ParsedStructure) -> dict[str, int]:
    """Each statement and the first line of the section that names it."""
    starts: dict[str, int] = {}
    for s in structure.sections:
        if s.kind == "quality_statement":
            for qs in s.qs:
                starts.setdefault(qs, s.start_line)
    return starts


def of_kind(structure: ParsedStructure, kind: str) -> list[Section]:
    return [s for s in structure.sections if s.kind == kind]


@pytest.fixture(scope="module")
def brackenfold() -> ParsedStructure:
    return PARSER.parse(clean("brackenfold_running_heads.txt"))


@pytest.fixture(scope="module")
def dunmere() -> ParsedStructure:
    return PARSER.parse(clean("dunmere_split_headings.txt"))


@pytest.fixture(scope="module")
def ashbury() -> ParsedStructure:
    return PARSER.parse(clean("ashbury_runin_by_theme.md"))


@pytest.mark.parametrize("name", NAMES)
def test_detected_as_a_self_assessment(name: str) -> None:
    assert detect_kind(clean(name))[0] is DocumentKind.SELF_ASSESSMENT


class TestStatementNamesAsRunningHeaders:
    HEADINGS: ClassVar[dict[str, int]] = {
        "assessing-needs": 25, "healthier-lives": 46, "equity": 61,
        "care-provision": 75, "partnerships": 89, "safe-systems": 103,
        "safeguarding": 115, "governance": 133, "learning": 147,
    }  # fmt: skip
    # Every copy of a statement's name printed in a page's header.
    HEADERS = (24, 32, 40, 45, 52, 60, 67, 74, 81, 88, 95, 102, 111, 121, 127, 132, 139, 146, 153)

    def test_each_statement_starts_at_its_heading(self, brackenfold: ParsedStructure) -> None:
        assert statement_starts(brackenfold) == self.HEADINGS
        assert len(of_kind(brackenfold, "quality_statement")) == 9

    def test_the_names_in_the_headers_are_page_furniture(self) -> None:
        text = clean("brackenfold_running_heads.txt")
        for name, heading in zip(STATEMENT_NAMES, self.HEADINGS.values(), strict=True):
            assert [line.number for line in text.lines if line.text == name] == [heading]
        assert not any("Self-Assessment 2024" in line.text for line in text.lines)
        assert not any(line.text.startswith("Page ") for line in text.lines)

    def test_no_section_starts_at_a_running_header(self, brackenfold: ParsedStructure) -> None:
        assert not [s for s in brackenfold.sections if s.start_line in self.HEADERS]

    def test_a_sentence_cut_by_the_page_break_is_joined(self) -> None:
        text = clean("brackenfold_running_heads.txt")
        joined = next(line for line in text.lines if "admitted to" in line.text)
        assert joined.text.endswith("admitted to hospital after a fall at home fell by 9%.")

    def test_sub_sections_under_every_statement(self, brackenfold: ParsedStructure) -> None:
        assert len(of_kind(brackenfold, "proud_of")) == 9
        assert len(of_kind(brackenfold, "areas_for_improvement")) == 9
        assert len(of_kind(brackenfold, "how_we_know")) == 9

    def test_safe_systems_keeps_its_tail_on_the_next_page(
        self, brackenfold: ParsedStructure
    ) -> None:
        safe = next(s for s in brackenfold.sections if s.qs == ("safe-systems",))
        assert (safe.start_line, safe.end_line) == (103, 114)


class TestStatementHeadingsSplitOverLines:
    def test_each_statement_starts_at_its_heading(self, dunmere: ParsedStructure) -> None:
        assert statement_starts(dunmere) == {
            "assessing-needs": 21, "healthier-lives": 39, "equity": 53,
            "care-provision": 68, "partnerships": 82, "safe-systems": 97,
            "safeguarding": 110, "governance": 124, "learning": 138,
        }  # fmt: skip

    def test_themes_at_their_headings_not_in_the_contents(self, dunmere: ParsedStructure) -> None:
        assert [s.start_line for s in of_kind(dunmere, "theme")] == [19, 66, 95, 122]

    def test_template_sub_sections(self, dunmere: ParsedStructure) -> None:
        assert len(of_kind(dunmere, "proud_of")) == 9
        assert len(of_kind(dunmere, "areas_for_improvement")) == 9
        assert len(of_kind(dunmere, "how_we_know")) == 9

    def test_footers_are_removed(self) -> None:
        text = clean("dunmere_split_headings.txt")
        assert not any("| page" in line.text for line in text.lines)


class TestRunInLabelsByThemeOutOfOrder:
    def test_each_statement_starts_at_its_label(self, ashbury: ParsedStructure) -> None:
        assert statement_starts(ashbury) == {
            "learning": 21, "governance": 33, "assessing-needs": 52, "equity": 68,
            "healthier-lives": 82, "partnerships": 97, "care-provision": 111,
            "safe-systems": 127, "safeguarding": 127,
        }  # fmt: skip

    def test_a_shared_section_names_both_statements(self, ashbury: ParsedStructure) -> None:
        shared = [s for s in of_kind(ashbury, "quality_statement") if s.start_line == 127]
        assert [s.qs for s in shared] == [("safe-systems", "safeguarding")]
        assert shared[0].end_line == 146  # up to the closing priorities

    def test_sections_in_document_order(self, ashbury: ParsedStructure) -> None:
        assert [s.qs[0] for s in of_kind(ashbury, "quality_statement")] == [
            "learning", "governance", "assessing-needs", "equity", "healthier-lives",
            "partnerships", "care-provision", "safe-systems",
        ]  # fmt: skip
        learning = of_kind(ashbury, "quality_statement")[0]
        assert learning.end_line == 32

    def test_themes_at_their_headings(self, ashbury: ParsedStructure) -> None:
        assert [s.start_line for s in of_kind(ashbury, "theme")] == [19, 50, 95, 125]


def print_pages_to_pdf(source: Path, target: Path) -> None:
    """Lay out each form-feed page of ``source`` on its own A4 page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(target), pagesize=A4)
    for text in source.read_text(encoding="utf-8").split("\f"):
        y = 800
        for raw in text.splitlines():
            while raw:
                cut = len(raw) if len(raw) <= 95 else raw.rfind(" ", 0, 95)
                page.drawString(40, y, raw[:cut])
                raw = raw[cut:].lstrip()
                y -= 14
        page.showPage()
    page.save()


def test_running_headers_printed_to_pdf(tmp_path: Path) -> None:
    """The same pages as a PDF: each statement once, on its own page, at the
    heading under the header; no header copy left in the text."""
    pytest.importorskip("reportlab")
    pdf = tmp_path / "brackenfold.pdf"
    print_pages_to_pdf(FIXTURES / "brackenfold_running_heads.txt", pdf)
    text = normalise(read_document(pdf))
    assert detect_kind(text)[0] is DocumentKind.SELF_ASSESSMENT
    parsed = PARSER.parse(text)
    statements = of_kind(parsed, "quality_statement")
    pages = [text.source.lines[s.start_line - 1].page for s in statements]
    assert pages == [4, 7, 9, 11, 13, 15, 16, 19, 21]
    assert [s.title for s in statements] == list(STATEMENT_NAMES)
    for name in STATEMENT_NAMES:
        assert sum(line.text == name for line in text.lines) == 1, name
