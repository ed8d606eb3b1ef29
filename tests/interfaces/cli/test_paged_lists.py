"""``assure meetings`` and ``assure actions`` list everything by default, as
they always did; ``--limit`` and ``--offset`` show one part of a long list and
say on standard error which part it was, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

from conftest import EXAMPLES

FILES = ("northfield-adults-scrutiny-pack-2025-03.pdf", "northfield-asc-improvement-plan-2025.docx")


def test_a_window_of_actions_and_meetings_from_the_command_line(run):
    council = ("--council", "Northfield Borough Council")
    assert run("ingest", *(str(EXAMPLES / f) for f in FILES), *council).exit_code == 0
    for command in ("actions", "meetings"):
        every = json.loads(run(command, "--json").stdout)
        assert len(every) > 2
        parts = [
            json.loads(run(command, "--json", "--limit", "2", "--offset", str(start)).stdout)
            for start in range(0, len(every), 2)
        ]
        assert [x for part in parts for x in part] == every, command
        shown = run(command, "--limit", "2", "--offset", "1")
        assert shown.exit_code == 0
        assert f"{command} 2-3 of {len(every)}" in shown.stderr
        assert run(command, "--limit", "0").exit_code == 2  # refused before any work
        assert run(command, "--offset", "-1").exit_code == 2
    assert "--limit" in run("actions", "--help").stdout
