"""A self-assessment written in Word: heading styles and a statement named in
a table cell, read through the DOCX reader."""

from __future__ import annotations

from pathlib import Path

import docx

from assure.normalising import normalise
from assure.parsing.self_assessment import PARSER
from assure.reading import read_document


def write_oakridge(path: Path) -> None:
    document = docx.Document()
    document.add_heading("Oakridge Council Adult Social Care Self-Assessment", 0)
    document.add_paragraph("January 2025")
    document.add_heading("Theme 1: Working with people", 1)
    document.add_heading("Assessing needs", 2)
    document.add_heading("What we are proud of", 3)
    document.add_paragraph("We see most people within two weeks of asking for help (Ref 4).")
    document.add_heading("Supporting people to live healthier lives", 2)
    document.add_paragraph("Our reablement service helps eight in ten people regain independence.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Quality statement"
    table.cell(0, 1).text = "Equity in experience and outcomes"
    document.add_paragraph("We are starting to record protected characteristics at first contact.")
    document.save(str(path))


def test_word_heading_styles_and_table_headings(tmp_path: Path) -> None:
    path = tmp_path / "oakridge.docx"
    write_oakridge(path)
    text = normalise(read_document(path))
    structure = PARSER.parse(text)
    statements = [(s.qs[0], s.level) for s in structure.sections if s.kind == "quality_statement"]
    assert statements == [("assessing-needs", 2), ("healthier-lives", 2), ("equity", 2)]
    assert [s.title for s in structure.sections if s.kind == "theme"] == [
        "Theme 1: Working with people"
    ]
    proud = [s for s in structure.sections if s.kind == "proud_of"]
    assert len(proud) == 1 and proud[0].refs == ("Ref 4",) and proud[0].level == 3
    assert structure.council == "Oakridge Council"
    assert structure.date == "2025-01-01"
    assert PARSER.recognise(text) >= 0.5
