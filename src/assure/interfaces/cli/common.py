"""What every command shares: settings from the environment, the application
and the operator's scope, and the options most commands take."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer

from assure.services import Scope
from assure.services.application import Application
from assure.settings import Settings
from assure.storing import Library

COUNCIL_HELP = "Only this council's documents (default: ASSURE_COUNCIL, else every council)."
ONE_COUNCIL_HELP = "The council (default: ASSURE_COUNCIL, else the only council in the library)."
JSON_HELP = "Print JSON instead of a table."


def environment(council: str | None = None, **overrides: Any) -> Settings:
    """Settings from ``ASSURE_*`` variables, then the options given."""
    return Settings.from_environment(council=council, **overrides)


@contextmanager
def application(council: str | None = None, **overrides: Any) -> Iterator[Application]:
    """The application for one command; closed at its end."""
    with Application(environment(council, **overrides)) as app:
        yield app


@contextmanager
def operator(council: str | None = None, **overrides: Any) -> Iterator[tuple[Application, Scope]]:
    """The application and the local operator's scope: every council in the
    library, or the one named (by option or ASSURE_COUNCIL)."""
    with application(council, **overrides) as app:
        yield app, app.operator_scope(council)


@contextmanager
def opened_library(settings: Settings) -> Iterator[Library]:
    """The library for ``settings`` (opening errors become one line, see main)."""
    with Application(settings) as app:
        yield app.library


def writable(path: Path) -> Path:
    """``path`` if a file can be written there, checked before any work is done
    (nothing is created by the check)."""
    folder = path.expanduser().resolve().parent
    if path.is_dir():
        raise typer.BadParameter(f"{path} is a folder; give a file name")
    if not folder.is_dir():
        raise typer.BadParameter(f"the folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise typer.BadParameter(f"cannot write {path}: permission denied")
    return path
