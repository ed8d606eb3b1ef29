"""Limits on what one file may cost, each refused before the work it bounds,
in one line naming the file, what was found, the limit and its setting."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest

from assure.errors import CorruptDocument, TooLarge
from assure.ingest.job import IngestJob
from assure.reading import read_document
from assure.settings import Settings
from fixtures.reading.council_documents import make_pdf
from fixtures.reading.hostile_files import (
    pdf_unpacking_to,
    word_file_unpacking_to,
    workbook_of_rows,
)


def refusal(path: Path, settings: Settings | None = None) -> str:
    with pytest.raises(TooLarge) as error:
        read_document(path, settings)
    message = str(error.value)
    assert message.startswith(f"{path}: file too large (")
    assert "\n" not in message
    return message


@pytest.fixture(scope="module")
def bomb(tmp_path_factory) -> Path:
    """A Word file of under 2 MB whose body unpacks to 400 MB (built in a second or two)."""
    return word_file_unpacking_to(tmp_path_factory.mktemp("bomb") / "minutes.docx", 400)


def test_a_word_file_that_unpacks_to_400_mb_is_refused_and_nothing_is_stored(library, bomb):
    assert bomb.stat().st_size < 5 * 1024 * 1024  # small on disk, under every size limit

    report = IngestJob(library, library.settings).run([bomb], "Eastmoor Council")

    assert [o.status for o in report.outcomes] == ["failed"]
    error = report.failed[0].error
    assert error.startswith(f"{bomb}: file too large (unpacks to 400")
    assert "limit 100 MB, set by ASSURE_MAX_UNPACKED_MB" in error
    assert library.documents(["Eastmoor Council"]) == []


def test_the_same_word_file_smaller_is_read(tmp_path):
    """The refusal is the limit's doing: the file itself is a sound Word document."""
    small = word_file_unpacking_to(tmp_path / "minutes.docx", 0.2)
    assert read_document(small).lines[0].text.startswith("The council reviews how carers")


def test_a_part_packed_far_tighter_than_text_packs_is_refused(tmp_path):
    bomb = word_file_unpacking_to(tmp_path / "minutes.docx", 5)
    message = refusal(bomb, Settings(max_unpack_ratio=50))
    assert "part word/document.xml unpacks to" in message
    assert "times its packed size, limit 50 times, set by ASSURE_MAX_UNPACK_RATIO" in message


def test_a_zip_of_too_many_parts_is_refused_from_its_end_record(tmp_path):
    path = tmp_path / "plan.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        for number in range(30):
            archive.writestr(f"word/media/image{number}.png", b"")
    assert "31 parts, limit 20, set by ASSURE_MAX_PARTS" in refusal(path, Settings(max_parts=20))


def understated(data: bytes, name: str, size: int) -> bytes:
    """``data`` (a zip) with the central directory claiming part ``name`` unpacks to ``size``."""
    record = data.find(b"PK\x01\x02")
    while record >= 0:
        name_length = struct.unpack_from("<H", data, record + 28)[0]
        if data[record + 46 : record + 46 + name_length] == name.encode():
            return data[: record + 24] + struct.pack("<I", size) + data[record + 28 :]
        record = data.find(b"PK\x01\x02", record + 4)
    raise AssertionError(f"{name} is not in the zip")


def test_a_part_holding_more_than_its_directory_declares_is_refused_as_damaged(tmp_path):
    """Unpacking stops at the declared size; the part then fails its checksum."""
    real = word_file_unpacking_to(tmp_path / "real.docx", 2)
    forged = tmp_path / "forged.docx"
    forged.write_bytes(understated(real.read_bytes(), "word/document.xml", 1000))
    with pytest.raises(CorruptDocument) as error:
        read_document(forged)
    assert str(error.value).startswith(f"{forged}: corrupt or damaged file (damaged Word")


def test_a_part_packed_by_a_method_office_never_uses_is_refused(tmp_path):
    path = tmp_path / "plan.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_BZIP2) as archive:
        archive.writestr("word/document.xml", "<w:document/>" * 100)
    path.write_bytes(buffer.getvalue())
    with pytest.raises(CorruptDocument) as error:
        read_document(path)
    assert "part word/document.xml packed by method 12" in str(error.value)


def test_a_workbook_of_too_many_rows_is_refused_while_it_streams(tmp_path):
    path = workbook_of_rows(tmp_path / "indicators.xlsx", 500)
    message = refusal(path, Settings(max_rows=300))
    assert "more than 300 rows, limit 300, set by ASSURE_MAX_ROWS" in message
    assert "more than 1,000 cells" in refusal(path, Settings(max_cells=1000))
    assert len(read_document(path).lines) == 501  # the sheet's name, then its rows


def test_a_workbook_of_more_sheets_than_pages_allowed_is_refused(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    for number in range(4):
        workbook.create_sheet(f"Quarter {number + 1}")
    workbook.save(tmp_path / "quarters.xlsx")
    assert "5 pages, limit 3" in refusal(tmp_path / "quarters.xlsx", Settings(max_pages=3))


def test_a_pdf_whose_content_unpacks_beyond_the_limit_is_refused_before_pdfium_reads_it(
    tmp_path,
):
    bomb = pdf_unpacking_to(tmp_path / "pack.pdf", 150)
    assert bomb.stat().st_size < 1024 * 1024
    message = refusal(bomb)
    assert "more than 100 MB, limit 100 MB, set by ASSURE_MAX_UNPACKED_MB" in message
    small = pdf_unpacking_to(tmp_path / "small.pdf", 0.05)
    assert read_document(small).lines[0].text.startswith("Carers")


DECOY_END = b"q Q\nendstream\n"  # "endstream" 10 bytes into the stream's data


@pytest.mark.parametrize(
    ("dictionary", "decoy"),
    [
        (b"/Length 6 0 R /Filter /FlateDecode", b""),  # held in an object of its own
        (b"/Length 10 /Filter /FlateDecode", b""),  # a length "endstream" does not follow
        # PDFium takes the last /Length, the escaped one, not the 10 bytes before the decoy.
        (b"/Filter /FlateDecode /Length 10 /L#65ngth %(length)d", DECOY_END),
        (b"/Filter /FlateDecode /DecodeParms << /Length 10 >> /Length %(length)d", DECOY_END),
    ],
)
def test_a_pdf_bomb_is_refused_whatever_its_dictionary_says_of_its_length(
    tmp_path, dictionary, decoy
):
    bomb = pdf_unpacking_to(tmp_path / "pack.pdf", 150, dictionary, decoy)
    assert "more than 100 MB, limit 100 MB" in refusal(bomb)


def test_a_pdf_is_refused_just_over_the_unpacked_limit_and_read_just_under(tmp_path):
    """Streams too small to reach the limit at deflate's highest ratio are not
    unpacked: the verdict either side of the limit stays exact."""
    path = pdf_unpacking_to(tmp_path / "pack.pdf", 5)  # 5.4 MB unpacked
    assert "more than 5 MB, limit 5 MB" in refusal(path, Settings(max_unpacked_mb=5))
    assert read_document(path, Settings(max_unpacked_mb=6)).pages == 1


def test_a_pdf_of_too_many_pages_is_refused_before_its_text_is_read(tmp_path):
    path = make_pdf(tmp_path / "pack.pdf", [["Agenda item"]] * 4)
    assert "4 pages, limit 3, set by ASSURE_MAX_PAGES" in refusal(path, Settings(max_pages=3))


@pytest.mark.parametrize("name", ["minutes.txt", "minutes.csv", "minutes.html"])
def test_too_many_lines_or_too_long_a_line_is_refused(tmp_path, name):
    path = tmp_path / name
    rows = [f"Item {n},Carers,{n}" for n in range(50)]
    if name.endswith(".html"):
        path.write_text("<html><body>" + "".join(f"<p>{r}</p>" for r in rows) + "</body></html>")
    else:
        path.write_text("\n".join(rows) + "\n")
    too_many = refusal(path, Settings(max_lines=20, max_rows=20))
    assert "limit 20, set by ASSURE_MAX_LINES" in too_many or "ASSURE_MAX_ROWS" in too_many
    long_line = refusal(path, Settings(max_line_chars=10))
    assert "characters long, limit 10, set by ASSURE_MAX_LINE_CHARS" in long_line


def test_a_text_of_empty_lines_is_refused_before_it_is_split(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("Minutes\n" + "\n" * 5000)
    assert "5,001 lines, limit 1,000" in refusal(path, Settings(max_lines=1000))


def test_limits_are_set_from_the_environment():
    settings = Settings.from_environment({"ASSURE_MAX_PAGES": "12", "ASSURE_MAX_UNPACKED_MB": "5"})
    assert (settings.max_pages, settings.max_unpacked_mb) == (12, 5.0)
