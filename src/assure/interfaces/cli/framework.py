"""Framework commands: ``frameworks`` and ``score``."""

from __future__ import annotations

import json

import typer

from assure.interfaces.terminal import visible


def frameworks() -> None:
    """List the regulators' frameworks assure knows, with their statements."""
    from rich.console import Console
    from rich.table import Table

    from assure.framework import frameworks as framework_ids
    from assure.framework import load_framework

    console = Console()
    for framework_id in framework_ids():
        framework = load_framework(framework_id)
        table = Table("theme", "statement", "id", title=f"{framework.name} [{framework.id}]")
        for theme in framework.themes:
            for statement in theme.statements:
                table.add_row(theme.name, statement.name, statement.id)
        console.print(table)


def score(
    scores: list[int] = typer.Argument(..., help="One score (1-4) per assessed quality statement."),
    as_json: bool = typer.Option(False, "--json", help='Print {"percent": .., "rating": ..}.'),
) -> None:
    """Compute the overall percentage and rating from quality statement scores.

    Example: assure score 3 3 2 3 3 3 3 3 3  prints  72% Good
    """
    from assure.framework import score_statements

    try:
        result = score_statements(scores)
    except ValueError as error:
        typer.echo(f"error: {visible(str(error))}", err=True)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(result.as_dict()))
        return
    typer.echo(f"{result.percent}% {result.rating}")
    where = "mid-band" if result.nearer == "middle" else f"nearer the band {result.nearer}"
    typer.echo(
        f"{result.total} of {result.maximum}; band {result.band_low}-{result.band_high}%, {where}",
        err=True,
    )


def register(app: typer.Typer) -> None:
    app.command()(frameworks)
    app.command()(score)
