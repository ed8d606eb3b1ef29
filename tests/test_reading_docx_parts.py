"""Word files as councils write them: call-outs in text boxes, text in content
controls and tracked insertions, and footnotes citing the evidence. The files
are made with python-docx, then given the XML Word itself writes for these parts."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from docx import Document

from assure.reading import read_document

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def box(text: str) -> str:
    """A text box as Word writes it: the drawing, and a VML copy for older readers."""
    content = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    return (
        "<w:r><mc:AlternateContent>"
        f"<mc:Choice Requires='wps'><wps:txbx>{content}</wps:txbx></mc:Choice>"
        f"<mc:Fallback><v:textbox>{content}</v:textbox></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


FOOTNOTES = (
    f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?><w:footnotes {NAMESPACES}>"
    "<w:footnote w:type='separator' w:id='-1'><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
    "<w:footnote w:id='1'><w:p><w:r><w:t>Carers survey 2023/24, evidence library item 14.</w:t>"
    "</w:r></w:p></w:footnote></w:footnotes>"
)


def make_word_file(path: Path) -> Path:
    word = Document()
    word.add_heading("Safeguarding", level=2)
    word.add_paragraph("CALLOUT_ANCHOR")
    word.add_paragraph("CONTROL_ANCHOR")
    word.add_paragraph("FOOTNOTE_ANCHOR")
    word.add_paragraph("Our plans for next year follow.")
    word.save(str(path))
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    body = members["word/document.xml"].decode("utf-8")
    for declaration in NAMESPACES.split(" ")[1:]:  # the ones the template lacks
        if declaration.split("=")[0] + "=" not in body:
            body = body.replace("<w:document ", f"<w:document {declaration} ", 1)
    body = body.replace(
        "<w:r><w:t>CALLOUT_ANCHOR</w:t></w:r>",
        "<w:r><w:t>Enquiries rose this year.</w:t></w:r>"
        + box("DATA POINT: 1,240 safeguarding enquiries in 2023/24"),
    )
    body = body.replace(
        "<w:r><w:t>CONTROL_ANCHOR</w:t></w:r>",
        "<w:r><w:t>Lead officer: </w:t></w:r>"
        "<w:sdt><w:sdtContent><w:r><w:t>Head of Safeguarding</w:t></w:r></w:sdtContent></w:sdt>"
        "<w:ins w:id='7' w:author='Editor'><w:r><w:t> (interim)</w:t></w:r></w:ins>"
        "<w:del w:id='8' w:author='Editor'><w:r><w:delText> (vacant)</w:delText></w:r></w:del>",
    )
    body = body.replace(
        "<w:r><w:t>FOOTNOTE_ANCHOR</w:t></w:r>",
        "<w:r><w:t>Nine in ten carers felt listened to.</w:t></w:r>"
        "<w:r><w:footnoteReference w:id='1'/></w:r>",
    )
    members["word/document.xml"] = body.encode("utf-8")
    add_footnotes_part(members, FOOTNOTES)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def add_footnotes_part(members: dict[str, bytes], footnotes: str) -> None:
    """Give a Word file's members (name to bytes) a footnotes part, as Word
    registers it: the part, its relationship and its content type."""
    members["word/footnotes.xml"] = footnotes.encode("utf-8")
    rels = members["word/_rels/document.xml.rels"].decode("utf-8")
    members["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdNotes" Target="footnotes.xml" Type="http://schemas.openxml'
        'formats.org/officeDocument/2006/relationships/footnotes"/></Relationships>',
    ).encode("utf-8")
    types = members["[Content_Types].xml"].decode("utf-8")
    members["[Content_Types].xml"] = re.sub(
        "</Types>",
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxml'
        'formats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
        types,
    ).encode("utf-8")


def test_call_outs_controls_insertions_and_footnotes_are_read(tmp_path: Path) -> None:
    lines = [line.text for line in read_document(make_word_file(tmp_path / "sa.docx")).lines]
    assert lines == [
        "Safeguarding",
        "Enquiries rose this year.",
        "DATA POINT: 1,240 safeguarding enquiries in 2023/24",  # once, not twice
        "Lead officer: Head of Safeguarding (interim)",  # the deleted word is gone
        "Nine in ten carers felt listened to.[1]",
        "Our plans for next year follow.",
        "[1] Carers survey 2023/24, evidence library item 14.",
    ]
