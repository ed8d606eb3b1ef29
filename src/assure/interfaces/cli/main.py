"""The ``assure`` app. Each module in ``COMMAND_MODULES`` has ``register(app)``.

Every command's refusals and failures end the same way: one line on standard
error naming the problem, and a non-zero exit status (2 for a request that
cannot be right, 1 for anything else), never a traceback.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

import typer
from sqlalchemy.exc import SQLAlchemyError
from typer.core import TyperGroup

from assure.errors import AssureError
from assure.interfaces.terminal import visible
from assure.services import InvalidRequest
from assure.services.application import Unavailable, database_reason

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


class Commands(TyperGroup):
    """Runs a command and turns what it raises into one line and an exit status."""

    def invoke(self, ctx: Any) -> Any:  # a click Context, as typer vendors click
        try:
            return super().invoke(ctx)
        except (InvalidRequest, Unavailable) as error:
            fail(str(error), 2)
        except AssureError as error:
            fail(str(error), 1)
        except SQLAlchemyError as error:
            fail(f"the database failed: {database_reason(error)}", 1)
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            fail(f"{where}{error.strerror or error}", 1)
        except KeyboardInterrupt:
            fail("interrupted", 130)


def fail(message: str, status: int) -> None:
    typer.echo(f"error: {visible(message)}", err=True)
    raise typer.Exit(status)


app = typer.Typer(
    name="assure",
    cls=Commands,
    help="A council's documents as a searchable evidence base mapped to the regulator's framework.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
)

for name in COMMAND_MODULES:
    import_module(name).register(app)


def main() -> None:
    app()
