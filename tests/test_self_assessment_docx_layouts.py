"""Three invented self-assessments written in Word the ways councils write
them, made with python-docx in the test:

- Thornbury: statements as "Heading 2" paragraphs numbered by Word's own list
  numbering (the number is not in the text), themes as "Heading 1", a table of
  contents field at the start, "Heading 3" sub-sections and a "Spotlight"
  call-out in a text box;
- Ellerby: no heading styles at all; statements are bold "Normal" paragraphs
  ("Quality Statement 3: Equity in experience and outcomes"), sub-sections
  bold run-in labels, evidence cited in footnotes;
- Haddon Vale: the whole assessment in a two-column table per theme, the
  statement's name in the left cell and several paragraphs in the right.

The expected start lines are where the reader puts each heading (checked with
read_document before the parser was run).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml import parse_xml
from docx.text.paragraph import Paragraph

from assure.normalising import normalise
from assure.parsing.registry import detect_kind
from assure.parsing.self_assessment import PARSER
from assure.reading import read_document
from assure.structure import DocumentKind, ParsedStructure
from test_reading_docx_parts import add_footnotes_part

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
THEMES = (
    ("Working with people", ("Assessing needs", "Supporting people to live healthier lives",
                             "Equity in experience and outcomes")),
    ("Providing support", ("Care provision, integration and continuity",
                           "Partnerships and communities")),
    ("Ensuring safety", ("Safe systems, pathways and transitions", "Safeguarding")),
    ("Leadership", ("Governance, management and sustainability",
                    "Learning, improvement and innovation")),
)  # fmt: skip
IDS = (
    "assessing-needs", "healthier-lives", "equity", "care-provision", "partnerships",
    "safe-systems", "safeguarding", "governance", "learning",
)  # fmt: skip
# What each statement's text is about, in the council's own words.
TOPICS = (
    ("our front door and the time people wait for an assessment", "occupational therapy"),
    ("prevention, reablement and community equipment", "falls prevention"),
    ("fair access for people from every community", "interpreting"),
    ("the home care and residential market we commission", "fee uplifts"),
    ("voluntary groups, health partners and our neighbourhood hubs", "the carers centre"),
    ("hospital discharge and moving from children's to adult services", "transitions"),
    ("making enquiries and keeping people safe from abuse", "the safeguarding board"),
    ("how members and officers oversee the service and its budget", "the workforce plan"),
    ("how we learn from complaints, audits and what people tell us", "digital pilots"),
)
SUBSECTIONS = ("What we're proud of", "Areas for development", "How we know", "Next steps")


def prose(n: int, part: int, count: int) -> list[str]:
    """``count`` paragraphs about statement ``n``'s topic for sub-section ``part``."""
    topic, detail = TOPICS[n]
    openings = (
        f"Over the last year we have strengthened {topic}, and people notice the difference.",
        f"We know there is more to do on {topic}, especially where {detail} is concerned.",
        f"Our audits, surveys and performance reports on {topic} tell a consistent story.",
        f"In the coming year we will build on our work on {detail} with partners.",
    )
    follow = (
        f"Staff told us in our spring survey that {detail} is better supported than before.",
        f"We compared our results on {detail} with similar councils and found we sit mid-table.",
        f"Figures for 2023/24 show {60 + n}% of people were satisfied, up from {52 + n}%.",
        f"Our plan sets out what we will do about {detail} and who leads it.",
    )
    return [openings[part]] + [follow[(part + k) % 4] for k in range(count - 1)]


def docx_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_members(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def statement_starts(structure: ParsedStructure) -> dict[str, int]:
    return {s.qs[0]: s.start_line for s in structure.sections if s.kind == "quality_statement"}


def parse(path: Path) -> tuple[DocumentKind, ParsedStructure]:
    text = normalise(read_document(path))
    return detect_kind(text)[0], PARSER.parse(text)


# --- (a) Thornbury: numbered Heading 2 statements, contents field, text box ---


def list_numbering(document: Document) -> str:
    """A decimal list of its own in the numbering part, as Word adds when a
    heading is numbered with the list button; its num id."""
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="90"><w:multiLevelType '
            'w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt '
            'w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        ),
    )
    numbering.append(
        parse_xml(f'<w:num xmlns:w="{W}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    return "90"


def number(paragraph: Paragraph, num_id: str) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.append(
        parse_xml(
            f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def contents_field(document: Document, entries: list[tuple[str, str, int]]) -> None:
    """A table of contents as Word writes it: a TOC field whose last result is
    one "TOC n" paragraph per heading, each a hyperlink ending in a PAGEREF."""
    document.add_paragraph("Contents")
    for index, (level, title, page) in enumerate(entries):
        begin = (
            "<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText xml:space='preserve'>"
            ' TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
            "<w:r><w:fldChar w:fldCharType='separate'/></w:r>"
            if index == 0
            else ""
        )
        end = "<w:r><w:fldChar w:fldCharType='end'/></w:r>" if index == len(entries) - 1 else ""
        xml = (
            f"<w:p xmlns:w='{W}'><w:pPr><w:pStyle w:val='TOC{level}'/></w:pPr>{begin}"
            f"<w:hyperlink w:anchor='_Toc{index}'><w:r><w:t xml:space='preserve'>{title}</w:t>"
            "</w:r><w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType='begin'/></w:r>"
            f"<w:r><w:instrText xml:space='preserve'> PAGEREF _Toc{index} \\h </w:instrText></w:r>"
            "<w:r><w:fldChar w:fldCharType='separate'/></w:r>"
            f"<w:r><w:t>{page}</w:t></w:r><w:r><w:fldChar w:fldCharType='end'/></w:r>"
            f"</w:hyperlink>{end}</w:p>"
        )
        document.element.body[-1].addprevious(parse_xml(xml))  # before the sectPr


def text_box(paragraph: Paragraph, lines: list[str]) -> None:
    """A call-out box anchored in ``paragraph``, with the VML copy Word keeps."""
    inner = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    content = f"<w:txbxContent>{inner}</w:txbxContent>"
    run = parse_xml(
        f"<w:r xmlns:w='{W}' "
        "xmlns:mc='http://schemas.openxmlformats.org/markup-compatibility/2006' "
        "xmlns:wps='http://schemas.microsoft.com/office/word/2010/wordprocessingShape' "
        "xmlns:v='urn:schemas-microsoft-com:vml'><mc:AlternateContent>"
        f"<mc:Choice Requires='wps'><wps:txbx>{content}</wps:txbx></mc:Choice>"
        f"<mc:Fallback><v:textbox>{content}</v:textbox></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    paragraph._p.append(run)


def write_thornbury(path: Path) -> None:
    document = docx.Document()
    document.add_heading("Thornbury Borough Council", 0)
    document.add_paragraph("Adult Social Care Self-Assessment")
    document.add_paragraph("September 2024")
    entries: list[tuple[str, str, int]] = [(1, "Introduction", 2)]
    page, n = 3, 0
    for theme, names in THEMES:
        entries.append((1, theme, page))
        for name in names:
            n += 1
            entries.append((2, f"{n}.\t{name}", page))
            page += 2
    contents_field(document, entries)
    document.add_heading("Introduction", 1)
    document.add_paragraph(
        "This is our self-assessment of adult social care in Thornbury. It follows the "
        "four themes and nine quality statements that the regulator uses."
    )
    document.add_paragraph("We wrote it with staff, partners and people who draw on care.")
    num_id = list_numbering(document)
    n = 0
    for theme, names in THEMES:
        document.add_heading(theme, 1)
        document.add_paragraph(f"This part of our assessment covers {theme.lower()}.")
        for name in names:
            number(document.add_heading(name, 2), num_id)
            for part, sub in enumerate(SUBSECTIONS):
                document.add_heading(sub, 3)
                for text in prose(n, part, 3):
                    document.add_paragraph(text)
                if part == 0 and n in (0, 4, 6):
                    anchor = document.add_paragraph("The box below tells one person's story.")
                    text_box(
                        anchor,
                        [
                            f"Spotlight: {TOPICS[n][1].capitalize()} in practice",
                            "Mrs K was supported home within two days of being medically fit.",
                            "She now manages with a small package of care and a pendant alarm.",
                        ],
                    )
            n += 1
    document.add_heading("Appendix: evidence library", 1)
    document.add_paragraph("Our evidence library lists each document we refer to.")
    document.save(str(path))


# --- (b) Ellerby: bold Normal paragraphs, bold run-in labels, footnotes ---

RUN_IN = ("What we're proud of", "What we need to improve", "How we know", "Our plans")


def bold_paragraph(document: Document, text: str) -> Paragraph:
    paragraph = document.add_paragraph()
    paragraph.add_run(text).bold = True
    return paragraph


def write_ellerby(path: Path) -> None:
    document = docx.Document()
    bold_paragraph(document, "Ellerby City Council")
    bold_paragraph(document, "Adult Social Care: Our Self-Assessment 2024")
    document.add_paragraph("Published March 2024")
    document.add_paragraph(
        "We have organised this document by the regulator's themes and quality statements."
    )
    notes: list[str] = []
    n = 0
    for t, (theme, names) in enumerate(THEMES, 1):
        bold_paragraph(document, f"Theme {t}: {theme}")
        document.add_paragraph(
            f"Below we set out how well we think we are doing on {theme.lower()}."
        )
        for name in names:
            bold_paragraph(document, f"Quality Statement {n + 1}: {name}")
            for part, label in enumerate(RUN_IN):
                texts = prose(n, part, 3)
                paragraph = document.add_paragraph()
                paragraph.add_run(f"{label}: ").bold = True
                paragraph.add_run(texts[0])
                notes.append(
                    f"Evidence library item E{len(notes) + 1}: {TOPICS[n][1]} report, 2023/24."
                )
                paragraph.add_run(f"FOOTNOTE{len(notes)}")
                for text in texts[1:]:
                    document.add_paragraph(text)
            n += 1
    bold_paragraph(document, "Sign off")
    document.add_paragraph("Agreed by our Director of Adult Social Services.")
    document.save(str(path))
    add_footnotes(path, notes)


def add_footnotes(path: Path, notes: list[str]) -> None:
    members = docx_members(path)
    body = members["word/document.xml"].decode("utf-8")
    for index in range(len(notes), 0, -1):
        body = body.replace(
            f"<w:r><w:t>FOOTNOTE{index}</w:t></w:r>",
            f"<w:r><w:rPr><w:rStyle w:val='FootnoteReference'/></w:rPr>"
            f"<w:footnoteReference w:id='{index}'/></w:r>",
        )
    assert "FOOTNOTE" not in body
    xml = "".join(
        f"<w:footnote w:id='{i}'><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space='preserve'>"
        f" {note}</w:t></w:r></w:p></w:footnote>"
        for i, note in enumerate(notes, 1)
    )
    members["word/document.xml"] = body.encode("utf-8")
    add_footnotes_part(
        members,
        f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?><w:footnotes xmlns:w='{W}'>"
        "<w:footnote w:type='separator' w:id='-1'><w:p><w:r><w:separator/></w:r></w:p>"
        f"</w:footnote>{xml}</w:footnotes>",
    )
    write_members(path, members)


# --- (c) Haddon Vale: a two-column table per theme ---


def write_haddon_vale(path: Path) -> None:
    document = docx.Document()
    document.add_heading("Haddon Vale Council", 0)
    document.add_paragraph("Adult social care self-assessment, November 2024")
    document.add_paragraph(
        "Each theme below is a table: the quality statement on the left, and on the right "
        "what we are proud of, what we need to improve, how we know and what we will do."
    )
    n = 0
    for t, (theme, names) in enumerate(THEMES, 1):
        document.add_heading(f"Theme {t}: {theme}", 1)
        table = document.add_table(rows=1, cols=2)
        table.style = document.styles["Table Grid"]
        table.cell(0, 0).text = "Quality statement"
        table.cell(0, 1).text = "Our self-assessment"
        for name in names:
            row = table.add_row()
            row.cells[0].text = name
            right = row.cells[1]
            first = True
            for part, label in enumerate(RUN_IN):
                for k, text in enumerate(prose(n, part, 2)):
                    paragraph = right.paragraphs[0] if first else right.add_paragraph()
                    first = False
                    if k == 0:
                        paragraph.add_run(f"{label}: ").bold = True
                    paragraph.add_run(text)
            n += 1
        document.add_paragraph("")
    document.add_paragraph("Signed on behalf of our Adult Social Care leadership team.")
    document.save(str(path))


WRITERS = {
    "thornbury": write_thornbury,
    "ellerby": write_ellerby,
    "haddon_vale": write_haddon_vale,
}
# Where each statement's heading and each theme's is, as read_document numbers
# the lines (written down before the parser was run on these files).
EXPECTED_STATEMENTS = {
    "thornbury": (24, 45, 62, 81, 98, 121, 138, 161, 178),
    "ellerby": (7, 20, 33, 48, 61, 76, 89, 104, 117),
    "haddon_vale": (6, 7, 8, 12, 13, 17, 18, 22, 23),
}
EXPECTED_THEMES = {
    "thornbury": [22, 79, 119, 159],
    "ellerby": [5, 46, 74, 102],
    "haddon_vale": [4, 10, 15, 20],
}


@pytest.fixture(scope="module", params=list(WRITERS))
def written(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Path]:
    name = request.param
    path = tmp_path_factory.mktemp(name) / f"{name}.docx"
    WRITERS[name](path)
    return name, path


def test_detected_as_a_self_assessment(written: tuple[str, Path]) -> None:
    kind, _ = parse(written[1])
    assert kind is DocumentKind.SELF_ASSESSMENT


def test_each_statement_starts_at_its_heading(written: tuple[str, Path]) -> None:
    name, path = written
    _, structure = parse(path)
    assert statement_starts(structure) == dict(zip(IDS, EXPECTED_STATEMENTS[name], strict=True))


def test_each_theme_starts_at_its_heading(written: tuple[str, Path]) -> None:
    name, path = written
    _, structure = parse(path)
    themes = [s.start_line for s in structure.sections if s.kind == "theme"]
    assert themes == EXPECTED_THEMES[name]


def test_numbered_headings_contents_field_and_spotlight_boxes(tmp_path: Path) -> None:
    """Thornbury: the contents field names every statement but heads none; the
    four Heading 3 sub-sections sit under each statement; each Spotlight box
    is a case study inside its statement."""
    path = tmp_path / "thornbury.docx"
    write_thornbury(path)
    _, structure = parse(path)
    assert all(not 4 <= s.start_line <= 18 for s in structure.sections)
    for kind in ("proud_of", "areas_for_improvement", "how_we_know", "plans"):
        found = [s for s in structure.sections if s.kind == kind]
        assert len(found) == 9 and all(s.level == 3 for s in found), kind
    spotlights = [s.start_line for s in structure.sections if s.kind == "case_study"]
    assert spotlights == [30, 104, 144]
    assert structure.council == "Thornbury Borough Council"


def test_run_in_labels_and_footnotes(tmp_path: Path) -> None:
    """Ellerby: bold run-in labels are the statements' sub-sections, and the
    footnotes after the body are no statement's heading."""
    path = tmp_path / "ellerby.docx"
    write_ellerby(path)
    _, structure = parse(path)
    proud = [s.start_line for s in structure.sections if s.kind == "proud_of"]
    assert proud == [n + 1 for n in EXPECTED_STATEMENTS["ellerby"]]
    assert len([s for s in structure.sections if s.kind == "plans"]) == 9
    assert structure.date == "2024-03-01"


def test_a_summary_table_with_short_descriptions_heads_no_statement(tmp_path: Path) -> None:
    """Haddon Vale's rule takes a row for a statement's section only where the
    right cell is the section's prose, not a line describing the statement."""
    document = docx.Document()
    document.add_heading("Our self-assessment at a glance", 1)
    table = document.add_table(rows=0, cols=2)
    for name in ("Assessing needs", "Safeguarding"):
        row = table.add_row()
        row.cells[0].text = name
        row.cells[1].text = "We are improving. Waits are shorter. More is needed."
    document.add_heading("Assessing needs", 2)
    document.add_paragraph("We see most people within four weeks of their first contact.")
    document.add_heading("Safeguarding", 2)
    document.add_paragraph("We finish most enquiries within the timescales we set ourselves.")
    path = tmp_path / "glance.docx"
    document.save(str(path))
    _, structure = parse(path)
    assert statement_starts(structure) == {"assessing-needs": 4, "safeguarding": 6}
