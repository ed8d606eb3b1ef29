"""Reading each supported format into numbered lines with pages, headings and table rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from assure.document import Format
from assure.reading import read_document
from fixtures.reading.council_documents import COUNCIL, make_docx, make_pdf, make_xlsx


def texts(document) -> list[str]:
    return [line.text for line in document.lines]


def test_pdf_keeps_pages_title_and_continuous_line_numbers(tmp_path: Path) -> None:
    pdf = make_pdf(
        tmp_path / "report.pdf",
        [
            [COUNCIL, "Cabinet report", "The plan was agreed by members"],
            [COUNCIL, "and will be reviewed in March."],
            [COUNCIL, "Appendix A"],
        ],
        title="Carers Strategy Refresh",
    )
    document = read_document(pdf)
    assert document.format == Format.PDF
    assert document.pages == 3
    assert document.title == "Carers Strategy Refresh"
    assert [line.number for line in document.lines] == list(range(1, len(document.lines) + 1))
    by_text = {line.text: line.page for line in document.lines}
    assert by_text["The plan was agreed by members"] == 1
    assert by_text["and will be reviewed in March."] == 2
    assert by_text["Appendix A"] == 3
    # The page break never runs two pages' lines into one.
    assert "The plan was agreed by members" in texts(document)


def test_pdf_title_from_word_export_drops_program_and_file_name(tmp_path: Path) -> None:
    pdf = make_pdf(
        tmp_path / "plan.pdf", [["Improvement plan"]], title="Microsoft Word - Plan v3.docx"
    )
    assert read_document(pdf).title == "Plan v3"


def test_pdf_read_from_the_corpus_keeps_page_counts(corpus: Path) -> None:
    for name, pages in [
        ("A9-SELEP-support-for-Medway-Council.pdf", 2),
        ("Exec_summary.pdf", 4),
        ("medway_cycle_action_plan_2014_2017.pdf", 28),
    ]:
        document = read_document(corpus / "pdf" / name)
        assert document.pages == pages
        page_sequence = [line.page for line in document.lines]
        assert page_sequence == sorted(page_sequence)
        assert set(page_sequence) <= set(range(1, pages + 1))


def test_docx_keeps_body_order_headings_lists_and_tables(tmp_path: Path) -> None:
    document = read_document(make_docx(tmp_path / "self-assessment.docx"))
    assert document.format == Format.DOCX
    assert document.title == "Adult Social Care Self-Assessment"
    lines = document.lines
    headings = [(line.text, line.heading_level) for line in lines if line.heading_level]
    assert headings == [
        ("Adult Social Care Self-Assessment", 1),
        ("1 Assessing needs", 1),
        ("1.1 How we know", 2),
    ]
    assert "• Same-day triage at the front door" in texts(document)
    rows = [line for line in lines if line.table_row]
    assert [row.text for row in rows] == [
        "Measure\t2023/24\tEngland",
        "Assessments completed\t4,210\t",
        "Median wait (days)\t18\t21",
    ]
    # The table sits between the paragraphs around it, as in the document.
    order = texts(document)
    before = order.index("• Weekly review of the waiting list")
    after = order.index("The table shows waits below the national figure.")
    assert before < order.index(rows[0].text) < after
    assert all(line.page is None for line in lines)


def test_docx_counts_explicit_page_breaks_numbers_lists_and_merges_cells(tmp_path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_BREAK

    word = Document()
    word.add_paragraph("Contents")
    word.add_paragraph("Agree the budget", style="List Number")
    word.add_paragraph("Note the risks", style="List Number")
    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    word.add_heading("Minutes", level=1)
    table = word.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Attendance"
    for cell, text in zip(table.rows[1].cells, ["Cllr Ash", "Chair", ""], strict=True):
        cell.text = text
    word.save(str(tmp_path / "pack.docx"))
    document = read_document(tmp_path / "pack.docx")
    assert document.pages == 2
    pages = {line.text: line.page for line in document.lines if line.text}
    assert pages == {
        "Contents": 1,
        "1. Agree the budget": 1,
        "2. Note the risks": 1,
        "Minutes": 2,
        "Attendance": 2,
        "Cllr Ash\tChair\t": 2,
    }


def test_docx_is_recognised_by_content_not_by_name(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "download.bin")
    assert read_document(path).format == Format.DOCX


def test_xlsx_has_one_page_per_sheet_named_first(tmp_path: Path) -> None:
    document = read_document(make_xlsx(tmp_path / "scorecard.xlsx"))
    assert document.format == Format.XLSX
    assert document.pages == 2
    assert document.title == "Performance scorecard"
    assert [(line.text, line.page, line.heading_level) for line in document.lines[:1]] == [
        ("Summary", 1, 1)
    ]
    assert "Carers assessed\t1250\t2023/24" in texts(document)
    assert "Reviews on time (%)\t71.5\t2023/24" in texts(document)
    second = [line for line in document.lines if line.page == 2]
    assert [line.text for line in second] == ["By locality", "Locality\tReferrals", "East\t310"]
    assert all(line.table_row for line in second[1:])


def test_csv_rows_become_tab_joined_lines(tmp_path: Path) -> None:
    path = tmp_path / "indicators.txt"
    path.write_text(
        'Indicator;Value;Period\n"Adults; aged 18-64";12.5;2023/24\nCarers;3;2023/24\n'
        "Reviews;71;2023/24\n",
        encoding="utf-8",
    )
    document = read_document(path)
    assert document.format == Format.CSV
    assert texts(document)[1] == "Adults; aged 18-64\t12.5\t2023/24"
    assert all(line.table_row for line in document.lines)


def test_prose_with_commas_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text(
        "Dear Councillor,\n\nThank you for your letter, which we discussed on Monday.\n"
        "The panel, chaired by the cabinet member, agreed to reply.\nYours sincerely\n",
        encoding="utf-8",
    )
    assert read_document(path).format == Format.TEXT


def test_text_opening_with_a_contents_table_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "strategy.txt"
    contents = "".join(f"{n}\tSECTION {n}\t{n * 3}\n" for n in range(1, 8))
    path.write_text(
        contents + "\n1 SECTION 1\n\nOur plan, in short, is this.\n\nMore text.\n", encoding="utf-8"
    )
    document = read_document(path)
    assert document.format == Format.TEXT
    assert document.lines[0].table_row


def test_html_blocks_headings_tables_and_dropped_parts(tmp_path: Path) -> None:
    path = tmp_path / "page"
    path.write_text(
        "<!DOCTYPE html><html><head><title>Scrutiny &amp; Audit</title>"
        "<style>p { color: red }</style></head><body>"
        "<a class='skip-link' href='#main'>Skip to main content</a>"
        "<div class='cookie-banner'>We use cookies.<button>Accept</button></div>"
        "<nav><a href='/'>Home</a><a href='/news'>News</a></nav>"
        "<h1>Minutes</h1><p>The panel <b>noted</b> the report.<br>It was agreed.</p>"
        "<ul><li>Item one</li><li>Item two</li></ul>"
        "<h3>Attendance</h3><table><tr><th>Name</th><th>Role</th></tr>"
        "<tr><td>Cllr Ash</td><td></td></tr></table>"
        "<script>var tracking = 1;</script><p>Close</p>"
        "<footer><p>Privacy notice | Accessibility</p></footer></body></html>",
        encoding="utf-8",
    )
    document = read_document(path)
    assert document.format == Format.HTML
    assert document.title == "Scrutiny & Audit"
    assert [(line.text, line.heading_level) for line in document.lines if line.heading_level] == [
        ("Minutes", 1),
        ("Attendance", 3),
    ]
    lines = texts(document)
    assert lines[1:3] == ["The panel noted the report.", "It was agreed."]
    assert "• Item two" in lines
    assert "Cllr Ash\t" in lines
    assert lines[0] == "Minutes"
    assert lines[-1] == "Close"
    assert not any("tracking" in text or "News" in text for text in lines)


def test_text_in_windows_1252_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_bytes("Budget: £2.1m for the carers\u2019 offer\nSecond line\n".encode("cp1252"))
    document = read_document(path)
    assert texts(document) == ["Budget: £2.1m for the carers\u2019 offer", "Second line"]


def test_utf8_byte_order_mark_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffAgenda\nItem 1\n".encode())
    assert texts(read_document(path)) == ["Agenda", "Item 1"]


def test_markdown_headings_and_form_feed_pages(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Plan\n\nIntro\n\f## Priority 1\nText\r\nMore\n", encoding="utf-8")
    document = read_document(path)
    assert document.format == Format.MARKDOWN
    assert [(line.number, line.page, line.heading_level) for line in document.lines] == [
        (1, 1, 1),
        (2, 1, None),
        (3, 1, None),
        (4, 2, 2),
        (5, 2, None),
        (6, 2, None),
    ]
    assert document.lines[3].text == "## Priority 1"


@pytest.mark.parametrize("name", ["cqc-north-lincolnshire-assessment-2023.txt"])
def test_corpus_text_line_numbers_match_the_file(corpus: Path, name: str) -> None:
    path = corpus / name
    document = read_document(path)
    raw = path.read_text(encoding="utf-8").split("\n")
    assert texts(document) == raw[: len(document.lines)]
