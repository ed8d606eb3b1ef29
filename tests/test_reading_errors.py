"""Bad input gets one clear error naming the file and the reason."""

from __future__ import annotations

import random
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assure.errors import (
    CorruptDocument,
    DocumentError,
    EmptyDocument,
    EncryptedDocument,
    NoText,
    TooLarge,
    UnsupportedType,
)
from assure.reading import read_document
from assure.settings import Settings
from fixtures.reading.council_documents import make_docx, make_pdf, make_xlsx

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"


def junk(size: int, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(size)


def assert_names_file(error: pytest.ExceptionInfo, path: Path, reason: str) -> None:
    assert str(error.value).startswith(f"{path}: ")
    assert reason in str(error.value)


def test_zero_byte_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "minutes.pdf"
    path.write_bytes(b"")
    with pytest.raises(EmptyDocument) as error:
        read_document(path)
    assert_names_file(error, path, "empty file")


def test_random_bytes_named_pdf_are_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "agenda.pdf"
    path.write_bytes(b"\x01\x02" + junk(4000))
    with pytest.raises(UnsupportedType) as error:
        read_document(path)
    assert_names_file(error, path, "although the name ends .pdf")


def test_random_bytes_after_a_pdf_header_are_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "pack.pdf"
    path.write_bytes(b"%PDF-1.7\n" + junk(4000))
    with pytest.raises(CorruptDocument) as error:
        read_document(path)
    assert_names_file(error, path, "corrupt")


def test_truncated_pdf_is_corrupt(tmp_path: Path) -> None:
    whole = make_pdf(tmp_path / "whole.pdf", [["Page one text"]] * 3)
    path = tmp_path / "truncated.pdf"
    data = whole.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptDocument) as error:
        read_document(path)
    assert_names_file(error, path, "corrupt")


def test_password_protected_pdf_is_encrypted(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "exempt.pdf", [["Exempt information"]], password="cabinet")
    with pytest.raises(EncryptedDocument) as error:
        read_document(path)
    assert_names_file(error, path, "password")


def test_pdf_of_empty_pages_has_no_text(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "scan.pdf", [[], []])
    with pytest.raises(NoText) as error:
        read_document(path)
    assert_names_file(error, path, "2 pages, none with text")


def test_pdf_with_some_empty_pages_warns(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "mixed.pdf", [["Contents"], [], ["Appendix"]])
    document = read_document(path)
    assert document.pages == 3
    assert document.warnings == (f"{path}: 1 of 3 pages have no text (scanned?)",)


def test_password_protected_office_file_is_encrypted(tmp_path: Path) -> None:
    # An OLE container holding an "EncryptedPackage" stream, as Office writes one.
    path = tmp_path / "budget.xlsx"
    directory_entry = "EncryptedPackage".encode("utf-16-le").ljust(64, b"\x00")
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + junk(1024) + directory_entry + junk(512))
    with pytest.raises(EncryptedDocument) as error:
        read_document(path)
    assert_names_file(error, path, "password-protected Word or Excel file")


def test_legacy_office_file_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "minutes.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + junk(2048))
    with pytest.raises(UnsupportedType) as error:
        read_document(path)
    assert_names_file(error, path, "legacy or password-protected Office file")


def test_image_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "chart.png"
    path.write_bytes(PNG_HEADER + junk(500))
    with pytest.raises(UnsupportedType) as error:
        read_document(path)
    assert_names_file(error, path, "image")


def test_zip_that_is_not_office_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "papers.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("minutes.txt", "Minutes of the meeting")
    with pytest.raises(UnsupportedType) as error:
        read_document(path)
    assert_names_file(error, path, "zip archive that is not a Word or Excel document")


def test_broken_word_document_is_corrupt(tmp_path: Path) -> None:
    whole = make_docx(tmp_path / "whole.docx")
    path = tmp_path / "broken.docx"
    path.write_bytes(whole.read_bytes()[:6000])
    with pytest.raises(CorruptDocument) as error:
        read_document(path)
    assert_names_file(error, path, "Word")


@pytest.mark.parametrize(
    ("make", "member", "reason"),
    [(make_docx, "word/document.xml", "Word"), (make_xlsx, "xl/workbook.xml", "Excel")],
)
def test_office_file_with_damaged_compressed_data_is_corrupt(
    tmp_path: Path, make, member: str, reason: str
) -> None:
    whole = make(tmp_path / f"whole{Path(member).suffix}")
    with zipfile.ZipFile(whole) as archive:
        info = archive.getinfo(member)
    data = bytearray(whole.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 4
    data[start : start + 40] = junk(40, seed=3)
    path = tmp_path / "damaged.bin"
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptDocument) as error:
        read_document(path)
    assert_names_file(error, path, reason)


def test_broken_workbook_is_corrupt(tmp_path: Path) -> None:
    whole = make_xlsx(tmp_path / "whole.xlsx")
    path = tmp_path / "broken.xlsx"
    data = whole.read_bytes()
    path.write_bytes(data[:1500] + data[-1500:])
    with pytest.raises(CorruptDocument) as error:
        read_document(path)
    assert_names_file(error, path, "Excel")


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("Agenda\n" * 400, encoding="utf-8")
    with pytest.raises(TooLarge) as error:
        read_document(path, Settings(max_file_mb=0.001))
    assert_names_file(error, path, "limit 0.001 MB")


def test_missing_file_names_the_path(tmp_path: Path) -> None:
    path = tmp_path / "absent.pdf"
    with pytest.raises(DocumentError) as error:
        read_document(path)
    assert str(error.value).startswith(f"{path}: ")


PREFIXES = [
    b"",
    b"%PDF-1.4\n",
    b"PK\x03\x04",
    b"PK\x03\x04word/document.xml",
    b"PK\x03\x04xl/workbook.xml",
    b"<!DOCTYPE html><html><body>",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"a,b,c\n1,2,3\n4,5,6\n",
    b"\xd0\xcf\x11\xe0",
]


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(PREFIXES), st.binary(max_size=600))
def test_any_bytes_read_or_raise_a_document_error(prefix: bytes, body: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload"
        path.write_bytes(prefix + body)
        try:
            document = read_document(path)
        except DocumentError as error:
            assert str(error).startswith(f"{path}: ")
        else:
            assert [line.number for line in document.lines] == list(
                range(1, len(document.lines) + 1)
            )
