"""The ``assure`` app. Each module in ``COMMAND_MODULES`` has ``register(app)``."""

from __future__ import annotations

from importlib import import_module

import typer

COMMAND_MODULES = (
    "assure.interfaces.cli.inspecting",
    "assure.interfaces.cli.library",
    "assure.interfaces.cli.evidence",
    "assure.interfaces.cli.framework",
    "assure.interfaces.cli.classifying",
    "assure.interfaces.cli.analysis",
    "assure.interfaces.cli.accounts",
    "assure.interfaces.cli.serving",
)

app = typer.Typer(
    name="assure",
    help="A council's documents as a searchable evidence base mapped to the regulator's framework.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
)

for name in COMMAND_MODULES:
    try:
        module = import_module(name)
    except ModuleNotFoundError as error:
        if error.name != name:
            raise
        continue
    module.register(app)


def main() -> None:
    app()
