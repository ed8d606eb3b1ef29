"""The README stays in step with the code: every command and every setting is documented."""

from __future__ import annotations

import re

from conftest import ROOT


def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme():
    from typer.main import get_command

    from assure.interfaces.cli import app

    commands = sorted(get_command(app).commands)  # type: ignore[attr-defined]
    documented = set(re.findall(r"`assure ([a-z-]+)", readme()))
    assert commands and [c for c in commands if c not in documented] == []


def test_every_setting_is_in_the_readme():
    from assure.settings import SETTINGS

    text = readme()
    assert [s.env for s in SETTINGS if f"`{s.env}`" not in text] == []


def test_the_two_setup_commands_are_in_the_readme_and_ci_runs_the_tests():
    text = readme()
    assert "make demo" in text and "make test" in text
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
