"""``assure inspect``: parse one file without storing it."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from assure.errors import DocumentError
from assure.interfaces.terminal import visible, visible_json
from assure.settings import Settings


def inspect(
    path: Path = typer.Argument(..., help="The file to parse."),
    as_json: bool = typer.Option(False, "--json", help="Print the JSON contract (see DESIGN.md)."),
) -> None:
    """Parse one file and print what was found, without storing anything."""
    from assure.ingest.models import ModelStore
    from assure.interfaces.contract import document_json
    from assure.pipeline import process

    settings = Settings.from_environment()
    try:
        doc = process(path, settings, ModelStore(settings).labeller(None))
    except DocumentError as error:
        typer.echo(f"error: {visible(str(error))}", err=True)
        raise typer.Exit(1) from None
    data = document_json(doc)
    if as_json:
        typer.echo(visible_json(json.dumps(data, ensure_ascii=False)))
        return
    from assure.interfaces.cli.render import print_summary

    print_summary(data)


def register(app: typer.Typer) -> None:
    app.command()(inspect)
