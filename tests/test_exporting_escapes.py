"""Every export shows document text as text: no markup, script, link or formula
that the document (or a person's note) carried gets to run where it is opened."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser

import docx
from markdown_it import MarkdownIt
from openpyxl import load_workbook

from assure.analysis.draft_document import (
    Citation,
    Draft,
    DraftSection,
    SelfScoreNote,
    Sentence,
    StatementDraft,
    ThemeDraft,
)
from assure.analysis.evidence import EvidenceBase
from assure.analysis.gaps import gap_matrix
from assure.exporting.csvfile import render_csv
from assure.exporting.docx import write_docx
from assure.exporting.html import render_html
from assure.exporting.markdown import render_markdown
from assure.exporting.tables import render_table_csv, write_table_xlsx
from assure.exporting.xlsx import write_xlsx
from test_gaps_evidence import SELF_ASSESSMENT, ashworth, passage

HOSTILE = (
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(2)>",
    "<iframe src=javascript:alert(3)></iframe>",
    "[the report](javascript:alert(4)) and ![chart](https://tracker.example/pixel.png)",
    "<script>alert(5)</script> &lt;b&gt; `code` *bold* _em_ | a cell | ~~gone~~",
    "# Not a heading",
    "> not a quote",
    "- not a list item",
    "12. not a numbered item",
    "Two\nlines\x1b[2J with an escape",
)
FORMULAS = ('=HYPERLINK("https://x.example","open")', "+1+1", "-2+3", "@SUM(A1)")


def hostile_draft() -> Draft:
    sentences = tuple(Sentence(text, (1,), quote=i % 3 == 0) for i, text in enumerate(HOSTILE))
    statement = StatementDraft(
        "safeguarding",
        "Safeguarding",
        "How people are kept safe.",
        sections=(
            DraftSection("proud", "What we are proud of", sentences),
            DraftSection("plans", "Plans", sentences[:3]),
        ),
        self_score=SelfScoreNote(3, "Good", '<img src=x onerror="alert(6)"> [x](javascript:y)'),
    )
    return Draft(
        title="Self-assessment <b>draft</b>",
        council="Ashworth",
        generated="2025-11-01",
        themes=(ThemeDraft("safety", "Ensuring safety", (statement,)),),
        citations=(Citation(1, "minutes<script>alert(7)</script>\x1b].pdf", None, 2, 10, 12),),
    )


class Elements(HTMLParser):
    """Every tag, attribute and piece of text in an HTML rendering."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes += [(name, value or "") for name, value in attrs]

    def handle_data(self, data):
        self.text.append(data)


def assert_inert(html: str, *also: str) -> Elements:
    """No tag, event handler or link but the renderer's own."""
    found = Elements(html)
    assert not found.tags & {"img", "svg", "iframe", "script", "b", "code", "del", *also}
    assert not [name for name, _ in found.attributes if name.startswith("on")]
    assert all(v.startswith("#") for name, v in found.attributes if name in ("href", "src"))
    assert "\x1b" not in html
    return found


def test_markdown_draft_shows_document_text_as_text_when_rendered() -> None:
    markdown = render_markdown(hostile_draft())
    rendered = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    found = assert_inert(rendered.render(markdown), "blockquote", "ol")
    text = "".join(found.text)
    assert '<img src=x onerror="alert(1)">' in text and "<svg onload=alert(2)>" in text
    assert "[the report](javascript:alert(4))" in text and "*bold* _em_ | a cell |" in text
    assert "# Not a heading" in text and "12. not a numbered item" in text
    assert "h1" not in Elements(rendered.render(markdown.split("## Safeguarding")[-1])).tags


def test_html_draft_escapes_document_text_and_drops_control_characters() -> None:
    found = assert_inert(render_html(hostile_draft()))
    assert '<img src=x onerror="alert(1)">' in "".join(found.text)


def test_word_draft_holds_document_text_verbatim_without_control_characters(tmp_path) -> None:
    path = write_docx(hostile_draft(), tmp_path / "draft.docx")
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith('“<img src=x onerror="alert(1)">') for t in texts)
    index = document.tables[-1]
    assert index.rows[1].cells[1].text == "minutes<script>alert(7)</script>].pdf"


def test_csv_cells_that_would_run_as_formulas_are_marked_as_text() -> None:
    text = render_table_csv(["text", "count"], [(formula, 3) for formula in FORMULAS])
    rows = list(csv.reader(io.StringIO(text)))[1:]
    assert [row[0] for row in rows] == [f"'{formula}" for formula in FORMULAS]
    assert [row[1] for row in rows] == ["3"] * 4


def test_workbook_cells_that_look_like_formulas_are_stored_as_text(tmp_path) -> None:
    rows = [(formula, 3) for formula in FORMULAS] + [("bell\x07 in a title", 1)]
    book = load_workbook(write_table_xlsx(["text", "count"], rows, tmp_path / "t.xlsx", "Actions"))
    cells = [row[0] for row in book.active.iter_rows(min_row=2)]
    assert [c.value for c in cells] == [*FORMULAS, "bell in a title"]
    assert all(c.data_type == "s" and c.quotePrefix for c in cells[:4])
    assert book.active["B2"].value == 3


def hostile_base() -> EvidenceBase:
    base = ashworth()
    named = replace(SELF_ASSESSMENT, title="=cmd|' /C calc'!A0")
    extra = passage(
        99, named, 300, '=HYPERLINK("https://x.example","Safeguarding")', "safeguarding",
        "people", "strength", confidence=0.95,
    )  # fmt: skip
    return replace(base, passages=(*base.passages, extra))


def test_gap_workbook_and_csv_never_hold_a_live_formula(tmp_path) -> None:
    matrix = gap_matrix(hostile_base(), today=date(2025, 11, 1), max_age_days=730)
    book = load_workbook(write_xlsx(matrix, tmp_path / "gaps.xlsx"))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    texts = [c.value for row in book["Evidence"].iter_rows() for c in row]
    assert '=HYPERLINK("https://x.example","Safeguarding")' in texts
    assert "=cmd|' /C calc'!A0" in texts
    for row in csv.reader(io.StringIO(render_csv(matrix))):
        assert not any(value.startswith(("=", "+", "-", "@")) for value in row)
