"""What a person sees when they pipe assure into another program, or read it in
a narrow terminal: whole titles, tab-separated rows, JSON on request, and text
from documents shown as written, never read as markup.

Each test runs the real ``assure`` in a child process, so standard output is a
real pipe (or a real pseudo-terminal), as it is for a user.
"""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

ASSURE = [sys.executable, "-c", "import sys; from assure.interfaces.cli import main; main()"]
COUNCIL = "Eastmoor Metropolitan Borough Council"
# Long enough that any terminal table must wrap it; one word per county name, so a
# title cut mid-word shows up as a missing word.
TITLE = (
    "Adult Social Care Joint Commissioning Review for Lincolnshire, Northamptonshire, "
    "Buckinghamshire and Cambridgeshire Partnerships 2025"
)
BODY = (
    f"# {TITLE}\n\n## Carers\n\n"
    "Carers said :x: and [bold]loud[/bold] in the survey of short breaks in 2024/25, "
    "and 72% of carers were satisfied with the support they received.\n"
)
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory, examples) -> Path:
    """A data folder holding a document with a long title, and the example
    self-assessment (evidence for every statement, so the gaps table has figures)."""
    folder = tmp_path_factory.mktemp("piped")
    source = folder / "commissioning-review.md"
    source.write_text(BODY, encoding="utf-8")
    assessment = next(examples.glob("*self-assessment*.docx"))
    done = run(folder, "ingest", str(source), str(assessment), "--council", COUNCIL)
    assert done.returncode == 0, done.stderr
    return folder


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ASSURE_DATA_DIR": str(data), "COLUMNS": "80"}
    return subprocess.run(
        [*ASSURE, *args], capture_output=True, text=True, env=env, timeout=300, check=False
    )


def at_terminal(data: Path, *args: str, columns: int = 80) -> str:
    """What ``assure ARGS`` shows in a terminal ``columns`` wide, escapes removed."""
    env = {**os.environ, "ASSURE_DATA_DIR": str(data), "COLUMNS": str(columns), "TERM": "xterm"}
    leader, follower = pty.openpty()
    child = subprocess.Popen([*ASSURE, *args], stdout=follower, stderr=follower, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed its end
            break
        if not chunk:
            break
        chunks.append(chunk)
    child.wait(timeout=300)
    os.close(leader)
    return ANSI.sub("", b"".join(chunks).decode("utf-8", "replace"))


def test_piped_documents_keep_the_whole_title_on_one_tab_separated_line(data_dir):
    done = run(data_dir, "documents")
    assert done.returncode == 0, done.stderr
    header, *rows = done.stdout.splitlines()
    names = header.split("\t")
    assert "title" in names
    matching = [row for row in rows if "Lincolnshire" in row]
    assert len(matching) == 1, done.stdout  # `assure documents | grep Lincolnshire`
    cells = matching[0].split("\t")
    assert len(cells) == len(names)
    assert cells[names.index("title")] == TITLE


def test_json_listing_parses_and_holds_the_title(data_dir):
    done = run(data_dir, "documents", "--json")
    assert done.returncode == 0, done.stderr
    documents = json.loads(done.stdout)
    assert TITLE in [d["title"] for d in documents]
    assert {d["council"] for d in documents} == {COUNCIL}


def test_document_text_is_printed_as_written_not_as_markup(data_dir):
    found = run(data_dir, "search", "loud")
    assert found.returncode == 0, found.stderr
    assert "[bold]**loud**[/bold]" in found.stdout  # not a style; the match marked
    shown = run(data_dir, "show", "1", "--lines", "5-5")
    assert shown.returncode == 0, shown.stderr
    assert "Carers said :x: and [bold]loud[/bold] in the survey" in shown.stdout
    assert "\u274c" not in found.stdout + shown.stdout  # no emoji


def test_a_narrow_terminal_wraps_titles_between_words(data_dir):
    shown = at_terminal(data_dir, "documents", columns=80)
    assert all(len(line) <= 80 for line in shown.splitlines()), shown
    words = set(re.findall(r"[A-Za-z]+", shown))
    for word in re.findall(r"[A-Za-z]+", TITLE):
        assert word in words, f"{word!r} was cut in:\n{shown}"


def test_a_narrow_terminal_keeps_every_figure_of_the_gaps_table(data_dir):
    piped = run(data_dir, "gaps")
    assert piped.returncode == 0, piped.stderr
    shown = at_terminal(data_dir, "gaps", columns=60)
    numbers_piped = sorted(re.findall(r"\d+(?:\.\d+)?%?", piped.stdout))
    numbers_shown = sorted(re.findall(r"\d+(?:\.\d+)?%?", shown))
    assert len(set(numbers_piped)) > 3, piped.stdout  # a table of figures to keep
    table = [line for line in shown.splitlines() if line[:1] in "┏┃┡│└"]
    assert table and all(len(line) <= 60 for line in table), shown
    for statement in ("assessing-needs", "safeguarding", "governance"):
        assert statement in shown, shown
    # Every number the piped rows hold is shown whole at 60 columns.
    for number in set(numbers_piped):
        assert numbers_shown.count(number) >= 1, f"{number} missing at 60 columns:\n{shown}"
