"""The library and evidence commands, run as a user would, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assure.settings import SETTINGS
from assure.structure import Action, Decision, Finding, Meeting, Metric, MinuteItem

REPORT = """# Eastmoor carers report {n}

## Support for carers

Eastmoor carers told the council in survey round {n} that direct payments helped them most.
The carers centre answered {n} calls a week and referred people to reablement quickly.
"""


@pytest.fixture()
def papers(tmp_path) -> Path:
    folder = tmp_path / "papers"
    folder.mkdir()
    for n in (1, 2):
        (folder / f"report-{n}.md").write_text(REPORT.format(n=n), encoding="utf-8")
    return folder


def test_ingest_reports_each_file_and_fails_for_bad_ones(run, papers):
    (papers / "empty.txt").write_bytes(b"")
    (papers / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))

    result = run("ingest", str(papers), "--council", "Eastmoor Council")

    assert result.exit_code == 1
    assert "2 stored, 0 already stored, 2 failed" in result.stdout
    assert result.stderr.splitlines()[-2:] == [
        f"failed: {papers / 'empty.txt'}: empty file",
        f"failed: {papers / 'photo.png'}: unsupported file type (image)",
    ]
    again = run("ingest", str(papers / "report-1.md"), "--council", "Eastmoor Council")
    assert again.exit_code == 0
    assert "already stored" in again.stdout and "0 stored, 1 already stored" in again.stdout


def test_ingest_refuses_files_over_the_size_option(run, papers):
    result = run("ingest", str(papers / "report-1.md"), "--max-file-mb", "0.0001")
    assert result.exit_code == 1
    assert "file too large" in result.stderr and "report-1.md" in result.stderr


def test_documents_lists_what_is_stored(run, papers):
    run("ingest", str(papers), "--council", "Eastmoor Council")

    listed = json.loads(run("documents", "--json").stdout)
    assert [(d["title"], d["council"], d["passages"]) for d in listed] == [
        ("Eastmoor carers report 1", "Eastmoor Council", 2),
        ("Eastmoor carers report 2", "Eastmoor Council", 2),
    ]
    assert "Eastmoor carers report 2" in run("documents").stdout
    assert json.loads(run("documents", "--json", "--council", "Westvale").stdout) == []


def test_show_gives_details_and_lines_in_context(run, papers):
    run("ingest", str(papers), "--council", "Eastmoor Council")

    shown = run("show", "report 2")
    assert shown.exit_code == 0
    assert "Eastmoor carers report 2" in shown.stdout and "passages: 2" in shown.stdout
    assert "Support for carers" in shown.stdout

    lines = run("show", "report 2", "--lines", "5").stdout.splitlines()
    # marker, page ("-": a text file has none), line number, text; two lines either side
    assert [line[1:].split()[:2] for line in lines] == [
        ["-", "3"],
        ["-", "4"],
        ["-", "5"],
        ["-", "6"],
    ]
    assert lines[2].startswith(">") and "survey round 2" in lines[2]

    assert run("show", "report").exit_code == 1  # two documents match
    assert "matches 2 documents" in run("show", "report").stderr
    assert run("show", "report 2", "--lines", "x-y").exit_code == 2


def test_search_prints_ranked_hits_with_their_place(run, papers):
    run("ingest", str(papers), "--council", "Eastmoor Council")

    hits = json.loads(run("search", '"direct payments" round', "--json").stdout)
    assert [(h["document"], h["start_line"], h["page"]) for h in hits] == [
        ("Eastmoor carers report 1", 5, None),
        ("Eastmoor carers report 2", 5, None),
    ]
    assert (
        "**direct payments**" in hits[0]["snippet"]
        or "**direct** **payments**" in hits[0]["snippet"]
    )
    # piped, one hit is one tab-separated line under a header
    header, hit = run("search", "reablement", "--limit", "1").stdout.splitlines()
    assert header.split("\t")[:4] == ["passage", "document", "page", "lines"]
    assert hit.split("\t")[1:4] == ["Eastmoor carers report 1", "-", "6-6"]
    assert "no passages match" in run("search", '"(unbalanced').stdout


def test_settings_lists_every_setting(run):
    out = run("settings").stdout
    for spec in SETTINGS:
        assert spec.env in out
        assert spec.help.split(".")[0][:30] in out


def test_an_unreachable_database_is_one_clear_line(cli, monkeypatch, tmp_path):
    monkeypatch.setenv(
        "ASSURE_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=2"
    )
    result = cli("documents")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: cannot open the database:")


def evidence(library, fictional):
    """Two fictional documents with meetings, actions, figures and a finding."""
    minutes = Meeting(
        body="Health and Wellbeing Board",
        date="2025-01-20",
        start_line=2,
        venue="Eastmoor Civic Centre",
        minutes=(
            MinuteItem(
                "12",
                "Carers strategy",
                2,
                6,
                decisions=(Decision("RESOLVED that the strategy be approved.", 4),),
                actions=(Action("Report uptake of carers breaks", 6, "J Moss", "2025-02-28"),),
            ),
        ),
    )
    sections = {
        "Carers": ["Carers said the breaks service helped them to keep caring at home."] * 3
    }
    first, first_lines = fictional.text(
        "Eastmoor board minutes",
        sections,
        meetings=(minutes,),
        metrics=(Metric("64%", 64.0, "percent", 4, "carers satisfied", "2023/24", "Eastmoor"),),
        findings=(Finding("placeholder", "XXXX left in the text", 6),),
    )
    second, second_lines = fictional.text(
        "Eastmoor carers strategy",
        sections,
        metrics=(Metric("58%", 58.0, "percent", 6, "Carers satisfied", "2023/24", "Eastmoor"),),
    )
    library.add(first, "Eastmoor Council", first_lines)
    library.add(second, "Eastmoor Council", second_lines)


def test_meetings_actions_and_figures_say_where_they_came_from(run, library, fictional):
    evidence(library, fictional)

    (found,) = json.loads(run("meetings", "--json").stdout)
    meeting = found["meeting"]
    assert (meeting["body"], meeting["date"], meeting["venue"], found["page"]) == (
        "Health and Wellbeing Board",
        "2025-01-20",
        "Eastmoor Civic Centre",
        1,
    )
    assert found["counts"] == {"agenda": 0, "minutes": 1, "decisions": 1, "actions": 1}
    assert json.loads(run("meetings", "--json", "--since", "2025-02-01").stdout) == []
    assert run("meetings", "--since", "February").exit_code == 2

    (action,) = json.loads(run("actions", "--json", "--overdue").stdout)
    assert (
        action["owner"],
        action["due"],
        action["document"],
        action["start_line"],
        action["page"],
    ) == (
        "J Moss",
        "2025-02-28",
        "Eastmoor board minutes",
        6,
        1,
    )
    assert json.loads(run("actions", "--json", "--status", "done").stdout) == []
    assert "Report uptake of carers breaks" in run("actions", "--owner", "moss").stdout

    figures = json.loads(run("figures", "--json", "--measure", "satisfied").stdout)
    assert [(f["figure"]["value"], f["document"], f["figure"]["start_line"]) for f in figures] == [
        (64.0, "Eastmoor board minutes", 4),
        (58.0, "Eastmoor carers strategy", 6),
    ]


def test_check_names_both_places_of_a_conflicting_figure(run, library, fictional):
    evidence(library, fictional)

    found = json.loads(run("check", "--json").stdout)
    by_kind = {f["kind"]: f for f in found}
    assert by_kind["placeholder"]["at"] == {
        "document_id": 1,
        "document": "Eastmoor board minutes",
        "page": 1,
        "line": 6,
    }
    conflict = by_kind["conflicting_figure"]
    assert {(x["document"], x["line"]) for x in (conflict["at"], conflict["other"])} == {
        ("Eastmoor board minutes", 4),
        ("Eastmoor carers strategy", 6),
    }
    header, *rows = run("check").stdout.splitlines()
    assert header.split("\t")[2:] == [
        "document", "page", "line", "other document", "other page", "other line"
    ]  # fmt: skip
    (conflict_row,) = [r.split("\t") for r in rows if r.startswith("conflicting_figure")]
    assert {tuple(conflict_row[2:5]), tuple(conflict_row[5:8])} == {
        ("Eastmoor board minutes", "1", "4"),
        ("Eastmoor carers strategy", "1", "6"),
    }
