"""Every command, given bad arguments, a dead database or a read-only one, ends
with one line naming the problem and a non-zero status: never a traceback.

The commands are walked from the app itself, so a new command is fuzzed too.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from assure.interfaces.cli import app

# Commands that serve or do long work even when called right; they are tried
# with bad values of their numeric and path options only (below).
LONG_RUNNING = {"serve", "eval", "train", "relabel"}
CARERS = (
    "# Eastmoor carers report\n\n## Support for carers\n\n"
    "Carers told us in 2024/25 that short breaks helped them most, and 72% were satisfied.\n"
)
BAD_VALUES = (
    "",
    "-1",
    "0",
    "99999999999999999999999",
    "\x1b[2J\x07bell",
    "x" * 3000,
    "/nonexistent/folder/file.docx",
    "minutes:abc",
    "plan:-3",
    "%s%n{0}",
    "nan",
    "Café ☕ \u202e",
)


def commands() -> Iterator[tuple[tuple[str, ...], object]]:
    """(path, command) for every leaf command of the app."""

    def walk(group: object, prefix: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], object]]:
        for name, sub in sorted(group.commands.items()):  # type: ignore[attr-defined]
            if hasattr(sub, "commands"):
                yield from walk(sub, (*prefix, name))
            else:
                yield (*prefix, name), sub

    yield from walk(get_command(app), ())


def plausible(command: tuple[str, ...], text_file: Path) -> list[str]:
    """Arguments that make a well-formed call of ``command``."""
    return {
        ("action",): ["minutes:1", "done"],
        ("delete",): ["1"],
        ("evidence",): ["safeguarding"],
        ("forget",): ["1"],
        ("ingest",): [str(text_file), "--council", "Eastmoor Council"],
        ("inspect",): [str(text_file)],
        ("label",): ["1", "--qs", "equity"],
        ("move",): ["1", "--council", "Westvale Council"],
        ("score",): ["3", "3"],
        ("search",): ["carers"],
        ("self-score",): ["equity", "3", "--rationale", "survey"],
        ("show",): ["1"],
        ("tokens", "create"): ["someone@example.org"],
        ("tokens", "revoke"): ["1"],
        ("users", "add"): [
            "someone@example.org",
            "--council",
            "Eastmoor Council",
            "--role",
            "viewer",
            "--password-stdin",
        ],
        ("users", "grant"): [
            "someone@example.org",
            "--council",
            "Eastmoor Council",
            "--role",
            "editor",
        ],
        ("users", "password"): ["someone@example.org", "--password-stdin"],
        ("users", "remove"): ["someone@example.org"],
        ("users", "revoke"): ["someone@example.org", "--council", "Eastmoor Council"],
    }.get(command, [])


def bad_calls(text_file: Path) -> Iterator[list[str]]:
    """Well-formed calls with one argument or option made bad: every bad value
    in every slot."""
    for path, command in commands():
        base = plausible(path, text_file)
        params = [p for p in command.params if not getattr(p, "is_flag", False)]  # type: ignore[attr-defined]
        if path[0] in LONG_RUNNING:
            yield [*path, "--nonsense"]
            continue
        yield [*path]  # required arguments missing (or none needed)
        yield [*path, *base, "--nonsense"]
        positions = [i for i, a in enumerate(base) if not a.startswith("-")]
        for index, value in itertools.product(positions, BAD_VALUES):
            call = list(base)
            call[index] = value
            yield [*path, *call]
        for param in params:
            for opt, value in itertools.product(param.opts, BAD_VALUES):
                if opt.startswith("--"):
                    yield [*path, *base, opt, value]


def run(args: list[str]) -> tuple[int, str, BaseException | None]:
    result = CliRunner().invoke(app, args, input="a long enough pass phrase\n")
    exception = result.exception
    if isinstance(exception, SystemExit):
        exception = None
    return result.exit_code, result.stderr + result.stdout, exception


def check(args: list[str], status: int, output: str, exception: BaseException | None) -> None:
    shown = " ".join(repr(a)[:40] for a in args)
    assert exception is None, f"assure {shown} raised {exception!r}"
    assert "Traceback" not in output, f"assure {shown}:\n{output[-2000:]}"
    assert status in (0, 1, 2), f"assure {shown}: exit {status}"


@pytest.fixture()
def pointed(settings, monkeypatch, tmp_path) -> Path:
    monkeypatch.setenv("ASSURE_DATA_DIR", settings.data_dir)
    if settings.database_url:
        monkeypatch.setenv("ASSURE_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.chdir(tmp_path)
    text_file = tmp_path / "carers.md"
    text_file.write_text(CARERS, encoding="utf-8")
    return text_file


@pytest.mark.slow
def test_no_command_ends_in_a_traceback_whatever_its_arguments(pointed) -> None:
    assert run(["ingest", str(pointed), "--council", "Eastmoor Council"])[0] == 0
    calls = list(bad_calls(pointed))
    assert len(calls) > 1000
    failures = 0
    for args in calls:
        status, output, exception = run(args)
        check(args, status, output, exception)
        failures += status != 0
    assert failures > len(calls) // 2  # most of them are refused, not quietly accepted


def test_a_refusal_is_one_line_naming_the_problem(pointed) -> None:
    assert run(["ingest", str(pointed), "--council", "Eastmoor Council"])[0] == 0
    for args, words in (
        (["show", "1", "--lines", "99999"], "there is no line 99999"),
        (["label", "99999999", "--qs", "equity"], "no passage 99999999"),
        (["self-score", "equity", "7", "--rationale", "x"], "outside 1-4"),
        (["action", "minutes:99999", "done"], "no action minutes:99999"),
        (["draft", "--output", "/nonexistent/folder/draft.docx"], "does not exist"),
        (["gaps", "--format", "xlsx", "--output", "/nonexistent/g.xlsx"], "does not exist"),
    ):
        status, output, exception = run(args)
        check(args, status, output, exception)
        assert status != 0
        lines = [line for line in output.splitlines() if line.strip()]
        assert any(words in line for line in lines), (args, output)


def test_a_dead_database_is_one_line_for_every_command(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("ASSURE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv(
        "ASSURE_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=2"
    )
    text_file = tmp_path / "carers.md"
    text_file.write_text(CARERS, encoding="utf-8")
    for path, _ in commands():
        if path[0] in ("serve", "eval", "inspect", "score", "frameworks", "settings"):
            continue  # these need no database
        args = [*path, *plausible(path, text_file)]
        status, output, exception = run(args)
        check(args, status, output, exception)
        assert status == 2, (args, output)
        assert "cannot open the database" in output, (args, output)


def test_a_read_only_database_refuses_changes_in_one_line(settings, monkeypatch, tmp_path) -> None:
    if settings.database_url:
        pytest.skip("read-only by URI is an SQLite setting")
    monkeypatch.setenv("ASSURE_DATA_DIR", settings.data_dir)
    text_file = tmp_path / "carers.md"
    text_file.write_text(CARERS, encoding="utf-8")
    assert run(["ingest", str(text_file), "--council", "Eastmoor Council"])[0] == 0
    database = Path(settings.data_dir).resolve() / "assure.db"
    monkeypatch.setenv("ASSURE_DATABASE_URL", f"sqlite:///file:{database}?mode=ro&uri=true")
    assert run(["documents"])[0] == 0
    for args in (
        ["label", "1", "--qs", "equity"],
        ["self-score", "equity", "3", "--rationale", "x"],
        ["delete", "1"],
        ["ingest", str(text_file), "--council", "Westvale Council"],
    ):
        status, output, exception = run(args)
        check(args, status, output, exception)
        assert status != 0 and "readonly" in output.replace("-", "").replace(" ", ""), output


def test_inspect_writes_nothing_anywhere(tmp_path, monkeypatch, examples) -> None:
    data = tmp_path / "data"
    monkeypatch.setenv("ASSURE_DATA_DIR", str(data))
    monkeypatch.chdir(tmp_path)
    before = sorted(os.listdir(tmp_path))
    status, output, exception = run(
        ["inspect", str(examples / "northfield-asc-self-assessment-2024.docx"), "--json"]
    )
    check(["inspect"], status, output, exception)
    assert status == 0 and '"passages"' in output
    assert sorted(os.listdir(tmp_path)) == before and not data.exists()
