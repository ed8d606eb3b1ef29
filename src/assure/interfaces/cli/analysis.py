"""Analysis commands: ``self-score``, ``self-scores``, ``gaps`` and ``draft``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from assure.analysis.gaps import GapMatrix
    from assure.settings import Settings
    from assure.storing import Library

COUNCIL_HELP = "Council whose documents to use (default: ASSURE_COUNCIL, else all councils)."
SCORED_HELP = "Council being scored (default: ASSURE_COUNCIL, else Unassigned)."


class GapFormat(StrEnum):
    table = "table"
    xlsx = "xlsx"
    csv = "csv"


class DraftFormat(StrEnum):
    docx = "docx"
    html = "html"
    md = "md"


def settings_for(council: str | None) -> Settings:
    from assure.settings import Settings

    return Settings.from_environment(council=council)


@contextmanager
def open_library(settings: Settings) -> Iterator[Library]:
    """The library, or one line on stderr and exit status 2 if it cannot be opened."""
    from assure.interfaces.cli.library import opened_library

    with opened_library(settings) as library:
        yield library


def scoring_council(settings: Settings) -> str:
    from assure.storing import UNASSIGNED

    return settings.council or UNASSIGNED


def self_score(
    statement: str = typer.Argument(..., help="Quality statement id, e.g. safeguarding."),
    score: int = typer.Argument(..., help="Score 1-4."),
    rationale: str = typer.Option(..., "--rationale", "-r", help="Why this score."),
    evidence: list[int] = typer.Option(
        [], "--evidence", "-e", help="Id of a stored passage behind the score (repeatable)."
    ),
    council: str | None = typer.Option(None, "--council", help=SCORED_HELP),
    user: str | None = typer.Option(None, "--user", help="Who is scoring."),
) -> None:
    """Record the council's own score for one quality statement, with its
    rationale and the passages that evidence it. The newest score counts."""
    from assure.analysis.queries import unknown_passages
    from assure.analysis.self_scores import check_score

    settings = settings_for(council)
    try:
        check_score(statement, score)
    except ValueError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    name = scoring_council(settings)
    with open_library(settings) as library:
        missing = unknown_passages(library, evidence, council=settings.council)
        if missing:
            listed = ", ".join(map(str, missing))
            typer.echo(f"error: no stored passage with id {listed} for {name}", err=True)
            raise typer.Exit(2)
        library.set_self_score(name, statement, score, rationale, evidence, user)
    typer.echo(f"{name}: {statement} scored {score}")


def self_scores(
    council: str | None = typer.Option(None, "--council", help=SCORED_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """Each quality statement's current self-score, then the overall
    percentage and rating by the framework's rule and where it sits in its band."""
    from rich.console import Console
    from rich.table import Table

    from assure.analysis.self_scores import StatementScore, position, summarise
    from assure.framework import load_framework

    settings = settings_for(council)
    name = scoring_council(settings)
    with open_library(settings) as library:
        records = library.self_scores(name)
    summary = summarise(
        StatementScore(
            r.statement, r.score, r.rationale, r.passage_ids, r.user, r.created_at.isoformat()
        )
        for r in sorted(records, key=lambda r: r.created_at)
    )
    overall = summary.overall
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "council": name,
                    "scores": {s.statement: s.score for s in summary.statements},
                    "unscored": list(summary.unscored),
                    "percent": overall.percent if overall else None,
                    "rating": overall.rating if overall else None,
                    "nearer": overall.nearer if overall else None,
                }
            )
        )
        return
    framework = load_framework()
    table = Table("statement", "score", "rationale", "evidence", title=f"Self-scores: {name}")
    for item in summary.statements:
        table.add_row(
            framework.statement(item.statement).name,
            str(item.score),
            item.rationale or "",
            ", ".join(map(str, item.evidence)),
        )
    for ident in summary.unscored:
        table.add_row(framework.statement(ident).name, "-", "not scored", "")
    console = Console()
    console.print(table)
    if overall is None:
        typer.echo("no statements scored yet")
        return
    typer.echo(f"{overall.percent}% {overall.rating}")
    typer.echo(position(overall))


def gaps(
    council: str | None = typer.Option(None, "--council", help=COUNCIL_HELP),
    output_format: GapFormat = typer.Option(GapFormat.table, "--format", help="Output format."),
    output: Path | None = typer.Option(None, "--output", "-o", help="File to write."),
    max_age_days: int | None = typer.Option(
        None, "--max-age-days", help="Evidence older than this is stale (default: setting)."
    ),
) -> None:
    """The gap matrix: evidence per quality statement and category, with flags
    for missing people's or partners' evidence, stale evidence, statements with
    no evidence and figures that contradict each other."""
    from assure.analysis.gaps import gap_matrix
    from assure.analysis.queries import load_evidence

    settings = settings_for(council)
    with open_library(settings) as library:
        base = load_evidence(library, settings.council)
    matrix = gap_matrix(
        base, today=date.today(), max_age_days=max_age_days or settings.evidence_max_age_days
    )
    if output_format is GapFormat.xlsx:
        from assure.exporting.xlsx import write_xlsx

        typer.echo(f"wrote {write_xlsx(matrix, output or Path('gaps.xlsx'))}")
    elif output_format is GapFormat.csv:
        from assure.exporting.csvfile import render_csv

        emit(render_csv(matrix), output)
    else:
        print_matrix(matrix)


def print_matrix(matrix: GapMatrix) -> None:
    from rich.console import Console
    from rich.table import Table

    from assure.analysis.gaps import UNCATEGORISED

    console = Console()
    statements = matrix.framework.statements
    # Leave out the uncategorised column when it is empty, so the table fits 80 columns.
    shown = [
        c
        for c in matrix.categories
        if c != UNCATEGORISED or any(matrix.cell(s.id, c).total for s in statements)
    ]
    table = Table(
        title="Evidence per quality statement",
        caption="passages: strengths/improvements/neutral; - is none",
    )
    table.add_column("statement", no_wrap=True)
    for category in shown:
        table.add_column(
            "other" if category == UNCATEGORISED else category, justify="right", no_wrap=True
        )
    table.add_column("total", justify="right")
    for statement in statements:
        cells = [matrix.cell(statement.id, c) for c in shown]
        table.add_row(
            statement.id,
            *(
                f"{c.strengths}/{c.improvements}/{c.neutral}" if c.total else "[red]-[/red]"
                for c in cells
            ),
            str(matrix.total(statement.id)),
        )
    console.print(table)
    for flag in matrix.flags:
        console.print(f"[yellow]{flag.kind}[/yellow] {flag.message}", highlight=False)
    if not matrix.flags:
        console.print("no gaps flagged")
    if matrix.unassigned:
        console.print(
            f"{matrix.unassigned} stored passages count for no quality statement "
            "(no label, or only labels below the confidence threshold)"
        )


def draft(
    output_format: DraftFormat = typer.Option(DraftFormat.docx, "--format", help="Output format."),
    output: Path | None = typer.Option(None, "--output", "-o", help="File to write."),
    council: str | None = typer.Option(None, "--council", help=COUNCIL_HELP),
) -> None:
    """Draft a self-assessment from the stored evidence, per theme and quality
    statement, every sentence citing its document, page and lines. DOCX goes
    to a file (default self-assessment-draft.docx); HTML and Markdown to the
    file given, else to standard output."""
    from assure.analysis.draft import build_draft
    from assure.analysis.queries import load_evidence

    settings = settings_for(council)
    with open_library(settings) as library:
        base = load_evidence(library, settings.council)
        scores = {
            r.statement: (r.score, r.rationale)
            for r in library.self_scores(scoring_council(settings))
        }
        # A library of one council's documents drafts in that council's name.
        from assure.storing import UNASSIGNED

        councils = [name for name in library.councils() if name != UNASSIGNED]
        named = settings.council or (councils[0] if len(councils) == 1 else None)
    drafted = build_draft(base, council=named, self_scores=scores)
    if output_format is DraftFormat.docx:
        from assure.exporting.docx import write_docx

        path = write_docx(drafted, output or Path("self-assessment-draft.docx"))
        typer.echo(
            f"wrote {path} ({len(drafted.citations)} sources cited, "
            f"{len(drafted.gaps)} statements without evidence)"
        )
    elif output_format is DraftFormat.html:
        from assure.exporting.html import render_html

        emit(render_html(drafted), output)
    else:
        from assure.exporting.markdown import render_markdown

        emit(render_markdown(drafted), output)


def emit(text: str, output: Path | None) -> None:
    if output is None:
        typer.echo(text, nl=False)
        return
    output.write_text(text, encoding="utf-8")
    typer.echo(f"wrote {output}", err=True)


def register(app: typer.Typer) -> None:
    app.command("self-score")(self_score)
    app.command("self-scores")(self_scores)
    app.command()(gaps)
    app.command()(draft)
