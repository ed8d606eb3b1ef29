"""What a file name or a document holds never drives the terminal: escape
sequences, bells and newlines reach the screen as visible codes, and a bad
file's error stays on one line."""

from __future__ import annotations

import json
import re

ESCAPES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
REPORT = (
    "# Eastmoor carers report\n\n## Support for carers\n\n"
    + "Carers told the council that short breaks helped them most this year.\n" * 20
    + "The panel noted \x1b[31mred text\x1b[0m and a bell\x07 in the minutes.\n"
)


def test_names_and_lines_with_escape_sequences_are_shown_as_codes(run, tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    good = folder / "report\x1b]0;owned\x07.md"
    good.write_text(REPORT, encoding="utf-8")
    bad = folder / "minutes\x1b[2J\nfailed: forged.pdf"
    bad.write_bytes(b"\x00\x01binary" * 50)

    ingested = run("ingest", str(folder), "--council", "Eastmoor Council")
    listed = run("documents", "--council", "Eastmoor Council")
    listing = run("documents", "--json", "--council", "Eastmoor Council").stdout
    document = json.loads(listing)[0]["id"]
    shown = run("show", str(document), "--council", "Eastmoor Council")
    lines = run("show", str(document), "--lines", "25", "--council", "Eastmoor Council")
    searched = run("search", "carers", "--council", "Eastmoor Council")

    for result in (ingested, listed, shown, lines, searched):
        assert not ESCAPES.search(result.stdout.replace("\n", "").replace("\t", ""))
        assert not ESCAPES.search(result.stderr.replace("\n", ""))
    failures = [line for line in ingested.stderr.splitlines() if line.startswith("failed:")]
    assert failures == [
        f"failed: {folder}/minutes\\x1b[2J\\nfailed: forged.pdf: unsupported file type "
        "(binary content, although the name ends .pdf)"
    ]
    assert "report\\x1b]0;owned\\x07.md" in shown.stdout
    assert "red text\\x1b[0m and a bell\\x07" in lines.stdout


def test_json_output_carries_terminal_controls_as_escapes(run, tmp_path):
    path = tmp_path / "report\u009b2J\u202e.md"
    path.write_text(REPORT, encoding="utf-8")
    run("ingest", str(path), "--council", "Eastmoor Council")
    out = run("documents", "--json", "--council", "Eastmoor Council").stdout
    assert "\u009b" not in out and "\u202e" not in out
    assert json.loads(out)[0]["source_path"] == str(path)
