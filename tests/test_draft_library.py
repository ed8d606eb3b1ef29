"""``assure gaps`` and ``assure draft`` end to end: a fictional council's
documents stored in the real library (SQLite and PostgreSQL), then the
commands a user runs."""

from __future__ import annotations

import re
from datetime import date

import docx
import pytest
from openpyxl import load_workbook

from assure.analysis.gaps import FlagKind, gap_matrix
from assure.exporting.docx import BODY_STYLES
from assure.services.application import Application
from assure.services.assessment import evidence_base
from test_gaps_evidence import ashworth, stored_form

COUNCIL = "Ashworth County Council"


@pytest.fixture()
def stored(library, settings, monkeypatch):
    """The library holding Ashworth's documents, and the CLI pointed at it."""
    for parsed, lines in stored_form(ashworth()):
        assert library.add(parsed, COUNCIL, lines) is not None
    monkeypatch.setenv("ASSURE_DATA_DIR", settings.data_dir)
    if settings.database_url:
        monkeypatch.setenv("ASSURE_DATABASE_URL", settings.database_url)
    else:
        monkeypatch.delenv("ASSURE_DATABASE_URL", raising=False)
    monkeypatch.delenv("ASSURE_COUNCIL", raising=False)
    return library


def test_stored_evidence_gives_the_same_matrix(stored) -> None:
    app = Application(stored.settings, stored)
    base = evidence_base(app, COUNCIL)
    assert len(base.passages) == 10 and len(base.figures) == 2 and len(base.actions) == 2
    matrix = gap_matrix(base, today=date(2025, 11, 1), max_age_days=730)
    assert matrix.total("assessing-needs") == 7
    assert matrix.cell("assessing-needs", "outcomes").improvements == 1
    kinds = {(f.statement, f.kind) for f in matrix.flags}
    assert ("safeguarding", FlagKind.NO_PEOPLE) in kinds
    assert ("safeguarding", FlagKind.STALE) in kinds
    assert ("equity", FlagKind.NO_EVIDENCE) in kinds
    assert ("assessing-needs", FlagKind.CONFLICTING_FIGURES) in kinds
    assert evidence_base(app, "Another Council").passages == ()


def test_gaps_command_prints_and_writes_the_matrix(stored, cli, tmp_path) -> None:
    shown = cli("gaps", "--council", COUNCIL)
    assert shown.exit_code == 0, shown.output
    assert "assessing-needs" in shown.output and "no_evidence" in shown.output
    assert "1/1/0" in shown.output
    path = tmp_path / "gaps.xlsx"
    written = cli("gaps", "--council", COUNCIL, "--format", "xlsx", "--output", str(path))
    assert written.exit_code == 0, written.output
    rows = {r[1]: r for r in load_workbook(path)["Matrix"].iter_rows(min_row=2, values_only=True)}
    assert rows["assessing-needs"][2:9] == (1, 1, 1, 2, 2, 0, 7)
    table = cli("gaps", "--council", COUNCIL, "--format", "csv")
    assert "assessing-needs,outcomes,1,1,0,2," in table.output


def test_draft_docx_cites_stored_passages_by_page_and_line(stored, cli, tmp_path) -> None:
    path = tmp_path / "draft.docx"
    result = cli("draft", "--council", COUNCIL, "--format", "docx", "--output", str(path))
    assert result.exit_code == 0, result.output
    document = docx.Document(str(path))
    paragraphs = document.paragraphs
    assert len([p for p in paragraphs if p.style.name == "Heading 1"]) == 5
    assert len([p for p in paragraphs if p.style.name == "Heading 2"]) == 9
    assert "TOC \\o" in document.element.body.xml

    spans = {}
    for item in stored.passages([COUNCIL]):
        p = item.passage
        lines = str(p.start_line) if p.start_line == p.end_line else f"{p.start_line}-{p.end_line}"
        spans[(item.document_title, str(p.page), lines)] = p.text
    index = {row.cells[0].text: row.cells for row in document.tables[-1].rows[1:]}
    for paragraph in paragraphs:
        if paragraph.style.name not in BODY_STYLES or not paragraph.text.strip():
            continue
        numbers = re.findall(r"\[(\d+)\]", paragraph.text)
        assert numbers, f"uncited paragraph {paragraph.text!r}"
        for number in numbers:
            cells = index[number]
            assert cells[3].text.isdigit()
            assert (cells[1].text, cells[3].text, cells[4].text) in spans
    text = "\n".join(p.text for p in paragraphs)
    assert "Equity in experience and outcomes" in text
    assert text.count("no stored document gives evidence") == 7


def test_a_library_of_one_council_drafts_in_its_name(stored, cli) -> None:
    result = cli("draft", "--format", "md")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"# Self-assessment draft: {COUNCIL}")


def test_draft_html_and_markdown_go_to_stdout_or_file(stored, cli, tmp_path) -> None:
    html = cli("draft", "--council", COUNCIL, "--format", "html")
    assert html.exit_code == 0 and html.output.startswith("<!DOCTYPE html>")
    assert 'href="#ref-1"' in html.output and 'id="ref-1"' in html.output
    path = tmp_path / "draft.md"
    md = cli("draft", "--council", COUNCIL, "--format", "md", "--output", str(path))
    assert md.exit_code == 0
    assert "### Assessing needs" in path.read_text(encoding="utf-8")
