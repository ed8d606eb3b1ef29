"""The same file gives the same stored result on SQLite and PostgreSQL, even
where it holds characters one engine would refuse: NUL (PostgreSQL rejects it in
text) and a file name that is not UTF-8 (neither engine encodes it)."""

from __future__ import annotations

import os

from assure.ingest.job import IngestJob

BODY = "# Carers report\n\n" + "Carers told the council that short breaks helped them.\n" * 200


def test_nul_bytes_in_text_are_dropped_alike_on_both_engines(library, tmp_path) -> None:
    path = tmp_path / "minutes.txt"
    # Past the first 8 KB, where content sniffing looks, so the file still reads as text.
    path.write_bytes(BODY.encode() + b"The panel\x00 noted the\x00 carers' survey.\n")

    report = IngestJob(library, library.settings).run([path], "Eastmoor Council")

    assert [o.status for o in report.outcomes] == ["stored"], report.outcomes
    document = library.documents(["Eastmoor Council"])[0]
    last = library.lines(document.id, document.lines)
    assert [line.text for line in last] == ["The panel noted the carers' survey."]


def test_a_file_name_that_is_not_utf8_is_stored_with_its_codes_on_both_engines(
    library, tmp_path
) -> None:
    path = tmp_path / os.fsdecode(b"minutes-\xff.md")
    path.write_text(BODY, encoding="utf-8")

    report = IngestJob(library, library.settings).run([path], "Eastmoor Council")

    assert [o.status for o in report.outcomes] == ["stored"]
    [document] = library.documents(["Eastmoor Council"])
    assert document.source_path == f"{tmp_path}/minutes-\\udcff.md"
