"""The ``assure`` command line: one typer app, commands registered per module."""

from assure.interfaces.cli.main import app, main

__all__ = ["app", "main"]
