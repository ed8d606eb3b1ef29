"""The self-assessment draft as a Word document.

Real heading styles (Heading 1 per theme, 2 per statement, 3 per section) so
Word's navigation pane and the table of contents work; a TOC field that Word
fills in when the document is opened; citations as links to bookmarked rows
of the evidence index table. Gaps, notes and statement descriptions have
their own paragraph styles so a reader (or a check) can tell them from
drafted, cited text.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Inches, Pt, RGBColor
from docx.text.paragraph import Paragraph

from assure.analysis.draft_document import Draft, Sentence, StatementDraft
from assure.exporting.characters import printable

GAP_STYLE = "Evidence Gap"
NOTE_STYLE = "Draft Note"
DESCRIPTION_STYLE = "Statement Description"
SCORE_STYLE = "Self Score"
CONTENTS_STYLES = ("Contents 1", "Contents 2")
# Paragraph styles that hold drafted text; each such paragraph cites its source.
BODY_STYLES = ("Normal", "Quote", "List Bullet")


def write_docx(draft: Draft, path: str | Path) -> Path:
    """Write ``draft`` to ``path`` as .docx and return the path."""
    document = Document()
    add_styles(document)
    document.core_properties.title = printable(draft.title)
    document.core_properties.subject = "Self-assessment draft"
    document.add_paragraph(printable(draft.title), style="Title")
    document.add_paragraph(
        f"Drafted {draft.generated} from stored documents. Every sentence cites its source: "
        "the numbers in square brackets point into the evidence index at the end.",
        style=NOTE_STYLE,
    )
    document.add_paragraph("Contents", style="TOC Heading")
    add_toc_field(document, draft)
    update_fields_on_open(document)
    for theme in draft.themes:
        document.add_heading(theme.name, level=1)
        for statement in theme.statements:
            add_statement(document, statement)
    add_index(document, draft)
    path = Path(path)
    document.save(str(path))
    return path


def add_styles(document: DocxDocument) -> None:
    styles = document.styles
    specs = (
        (GAP_STYLE, RGBColor(0xB3, 0x26, 0x1E), True, False),
        (NOTE_STYLE, RGBColor(0x4A, 0x4A, 0x4A), False, True),
        (DESCRIPTION_STYLE, RGBColor(0x4A, 0x4A, 0x4A), False, True),
        (SCORE_STYLE, RGBColor(0x1D, 0x4F, 0x91), True, False),
    )
    for name, colour, bold, italic in specs:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.font.color.rgb = colour
        style.font.bold = bold
        style.font.italic = italic
    for level, name in enumerate(CONTENTS_STYLES):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.paragraph_format.left_indent = Inches(0.3 * level)
        style.paragraph_format.space_after = Pt(0)
        style.font.bold = level == 0
    styles["Normal"].font.size = Pt(11)


def field_char(kind: str) -> BaseOxmlElement:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    return element


def add_toc_field(document: DocxDocument, draft: Draft) -> None:
    """A real TOC field (headings 1-3, as links). Word refreshes it on opening;
    until then its result lists the themes and statements, so the contents
    read sensibly in viewers that do not update fields."""
    entries = []
    for theme in draft.themes:
        entries.append((1, theme.name))
        entries.extend((2, statement.name) for statement in theme.statements)
    entries.append((1, "Evidence index"))
    for position, (level, text) in enumerate(entries):
        paragraph = document.add_paragraph(style=CONTENTS_STYLES[level - 1])
        run = paragraph.add_run()
        if position == 0:
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = 'TOC \\o "1-3" \\h \\z \\u'
            for element in (field_char("begin"), instruction, field_char("separate")):
                run._r.append(element)
        label = OxmlElement("w:t")
        label.text = text
        run._r.append(label)
        if position == len(entries) - 1:
            run._r.append(field_char("end"))


# Children of w:settings that the schema puts after w:updateFields.
AFTER_UPDATE_FIELDS = {
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
}


def update_fields_on_open(document: DocxDocument) -> None:
    """Ask Word to refresh fields (the contents) when the file is opened."""
    settings = document.settings.element
    element = OxmlElement("w:updateFields")
    element.set(qn("w:val"), "true")
    for child in settings:
        if child.tag.rsplit("}", 1)[-1] in AFTER_UPDATE_FIELDS:
            child.addprevious(element)
            return
    settings.append(element)


def add_statement(document: DocxDocument, statement: StatementDraft) -> None:
    document.add_heading(statement.name, level=2)
    document.add_paragraph(statement.description, style=DESCRIPTION_STYLE)
    if statement.self_score:
        note = statement.self_score
        text = f"Our score: {note.score} ({note.label})."
        if note.rationale:
            text += f" {printable(note.rationale)}"
        document.add_paragraph(text, style=SCORE_STYLE)
    if statement.gap:
        document.add_paragraph(printable(statement.gap), style=GAP_STYLE)
        return
    for section in statement.sections:
        document.add_heading(section.title, level=3)
        if section.gap:
            document.add_paragraph(printable(section.gap), style=GAP_STYLE)
        for sentence in section.sentences:
            text = printable(sentence.text)
            if sentence.quote:
                paragraph = document.add_paragraph(f"“{text}”", style="Quote")
            elif section.kind == "plans":
                paragraph = document.add_paragraph(text, style="List Bullet")
            else:
                paragraph = document.add_paragraph(text)
            add_citations(paragraph, sentence)


def add_citations(paragraph: Paragraph, sentence: Sentence) -> None:
    for number in sentence.citations:
        paragraph.add_run(" ")
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), bookmark_name(number))
        run = OxmlElement("w:r")
        properties = OxmlElement("w:rPr")
        colour = OxmlElement("w:color")
        colour.set(qn("w:val"), "1D4F91")
        properties.append(colour)
        run.append(properties)
        text = OxmlElement("w:t")
        text.text = f"[{number}]"
        run.append(text)
        link.append(run)
        paragraph._p.append(link)


def bookmark_name(number: int) -> str:
    return f"ref_{number}"


INDEX_WIDTHS = (Inches(0.45), Inches(3.0), Inches(1.15), Inches(0.6), Inches(0.9))


def add_index(document: DocxDocument, draft: Draft) -> None:
    heading = document.add_heading("Evidence index", level=1)
    heading.paragraph_format.page_break_before = True
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    table.autofit = False
    for cell, title in zip(
        table.rows[0].cells, ("No.", "Document", "Date", "Page", "Lines"), strict=True
    ):
        cell.text = title
        cell.paragraphs[0].runs[0].bold = True
    mark_header_row(table.rows[0])
    for citation in draft.citations:
        cells = table.add_row().cells
        lines = (
            str(citation.start_line)
            if citation.start_line == citation.end_line
            else f"{citation.start_line}-{citation.end_line}"
        )
        values = (
            str(citation.number),
            printable(citation.document),
            citation.document_date or "",
            "" if citation.page is None else str(citation.page),
            lines,
        )
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
        add_bookmark(cells[0].paragraphs[0], bookmark_name(citation.number), citation.number)
    # Word reads the cell widths, LibreOffice the grid's: set both.
    for column, width in zip(table.columns, INDEX_WIDTHS, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, INDEX_WIDTHS, strict=True):
            cell.width = width


def mark_header_row(row: object) -> None:
    """Repeat the header row on each page and tell screen readers it is a header."""
    tr = row._tr  # type: ignore[attr-defined]
    properties = tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def add_bookmark(paragraph: Paragraph, name: str, ident: int) -> None:
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(ident))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(ident))
    # pPr, where there is one, must stay the paragraph's first child.
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
    paragraph._p.append(end)
