"""Word and Excel files damaged in the ways the fuzzer found (make fuzz): each
is refused as damaged, in one line naming the file, never with a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assure.errors import CorruptDocument
from assure.reading import read_document
from conftest import EXAMPLES
from fixtures.reading.hostile_files import swap_part

PLAN = EXAMPLES / "northfield-asc-improvement-plan-2025.docx"
WORKBOOK = EXAMPLES / "performance-indicators.xlsx"


def changed(tmp_path: Path, source: Path, part: str, change) -> Path:
    import zipfile

    with zipfile.ZipFile(source) as archive:
        body = archive.read(part)
    return swap_part(source.read_bytes(), tmp_path / source.name, part, iter([change(body)]))


def refused(path: Path, kind: str) -> None:
    with pytest.raises(CorruptDocument) as error:
        read_document(path)
    message = str(error.value)
    assert message.startswith(f"{path}: corrupt or damaged file (damaged {kind}")
    assert "\n" not in message


def test_a_relationship_without_a_target(tmp_path) -> None:
    path = changed(
        tmp_path, PLAN, "word/_rels/document.xml.rels",
        lambda rels: rels.replace(b'Target="styles.xml"', b"", 1),
    )  # fmt: skip
    refused(path, "Word")


def test_a_main_part_without_a_body(tmp_path) -> None:
    path = changed(
        tmp_path, PLAN, "word/document.xml",
        lambda xml: re.sub(rb"<(/?)w:body\b", rb"<\1w:bodyx", xml),
    )  # fmt: skip
    refused(path, "Word")


def test_a_styles_relationship_to_a_part_that_is_no_styles_part(tmp_path) -> None:
    path = changed(
        tmp_path, PLAN, "word/_rels/document.xml.rels",
        lambda rels: rels.replace(b'Target="styles.xml"', b'Target="../docProps/thumbnail.jpeg"'),
    )  # fmt: skip
    refused(path, "Word")


@pytest.mark.parametrize(("source", "kind"), [(PLAN, "Word"), (WORKBOOK, "Excel")])
def test_a_zip_that_needs_a_version_of_zip_no_reader_has(tmp_path, source, kind) -> None:
    data = bytearray(source.read_bytes())
    directory = data.find(b"PK\x01\x02")
    data[directory + 6 : directory + 8] = (236).to_bytes(2, "little")  # "version 23.6"
    path = tmp_path / source.name
    path.write_bytes(bytes(data))
    refused(path, kind)
