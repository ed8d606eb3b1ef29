"""Assessment commands: ``self-score``, ``self-scores``, ``gaps`` and ``draft``,
each for one council."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from assure.interfaces.cli.common import ONE_COUNCIL_HELP, operator, writable
from assure.interfaces.cli.output import Column, busy, print_json, print_table, say
from assure.interfaces.terminal import visible
from assure.services import assessment


class GapFormat(StrEnum):
    table = "table"
    json = "json"
    xlsx = "xlsx"
    csv = "csv"


class DraftFormat(StrEnum):
    docx = "docx"
    html = "html"
    md = "md"


def self_score(
    statement: str = typer.Argument(..., help="Quality statement id, e.g. safeguarding."),
    score: int = typer.Argument(..., help="Score 1-4."),
    rationale: str = typer.Option(..., "--rationale", "-r", help="Why this score."),
    evidence: list[int] = typer.Option(
        [], "--evidence", "-e", help="Id of a stored passage behind the score (repeatable)."
    ),
    council: str | None = typer.Option(None, "--council", help=ONE_COUNCIL_HELP),
) -> None:
    """Record the council's own score for one quality statement, with its
    rationale and the passages that evidence it. The newest score counts."""
    with operator(council) as (app, scope):
        scored = assessment.set_self_score(app, scope, statement, score, rationale, evidence)
    say(f"{scored.council}: {scored.statement} scored {scored.score} ({scored.label})")


def self_scores(
    council: str | None = typer.Option(None, "--council", help=ONE_COUNCIL_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """Each quality statement's current self-score, then the overall percentage
    and rating by the framework's rule (of the statements scored, which it
    says) and where it sits in its band."""
    with operator(council) as (app, scope):
        result = assessment.self_scores(app, scope)
    if as_json:
        print_json(result)
        return
    rows = [
        (s.name, str(s.score), s.rationale or "", ", ".join(map(str, s.evidence)))
        for s in result.scores
    ]
    rows += [(statement, "-", "not scored", "") for statement in result.unscored]
    print_table(
        [Column("statement"), Column("score"), Column("rationale", wide=True), Column("evidence")],
        rows,
        title=f"Self-scores: {result.council}",
    )
    if result.percent is None:
        say(result.note)
        return
    say(f"{result.percent}% {result.rating} ({result.note})")
    if result.position:
        say(result.position)


def gaps(
    council: str | None = typer.Option(None, "--council", help=ONE_COUNCIL_HELP),
    output_format: GapFormat = typer.Option(GapFormat.table, "--format", help="Output format."),
    output: Path | None = typer.Option(None, "--output", "-o", help="File to write."),
    max_age_days: int | None = typer.Option(
        None,
        "--max-age-days",
        min=1,
        help="Evidence older than this is stale (default: ASSURE_EVIDENCE_MAX_AGE_DAYS).",
    ),
) -> None:
    """The gap matrix: evidence per quality statement and category, with flags
    for missing people's or partners' evidence, stale evidence, statements with
    no evidence and figures that contradict each other."""
    if output_format is GapFormat.xlsx:
        output = writable(output or Path("gaps.xlsx"))
    elif output is not None:
        writable(output)
    with operator(council) as (app, scope), busy("gathering the evidence"):
        matrix = assessment.gaps(app, scope, max_age_days=max_age_days)
    if output_format is GapFormat.xlsx:
        from assure.exporting.xlsx import write_xlsx

        assert output is not None
        say(f"wrote {write_xlsx(matrix, output)}")
    elif output_format is GapFormat.csv:
        from assure.exporting.csvfile import render_csv

        write_text(render_csv(matrix), output)
    elif output_format is GapFormat.json:
        print_json(assessment.gaps_view(matrix))
    else:
        print_matrix(assessment.gaps_view(matrix))


def print_matrix(view: assessment.GapsView) -> None:
    shown = [c for c in view.categories if c.id != "uncategorised" or c.passages]
    columns = [Column("statement")]
    columns += [Column("other" if c.id == "uncategorised" else c.id, numeric=True) for c in shown]
    columns += [Column("total", numeric=True)]
    rows = []
    for statement in view.statements:
        cells = [statement.cells[c.id] for c in shown]
        rows.append(
            (
                statement.id,
                *(f"{x.strengths}/{x.improvements}/{x.neutral}" if x.total else "-" for x in cells),
                statement.total,
            )
        )
    print_table(
        columns, rows, title="Evidence per quality statement (strengths/improvements/neutral)"
    )
    for flag in view.flags:
        say(f"{flag.kind} {flag.message}", "yellow")
    if not view.flags:
        say("no gaps flagged")
    if view.unassigned:
        say(
            f"{view.unassigned} stored passages count for no quality statement "
            "(no label, or only labels below the confidence threshold)"
        )


def draft(
    output_format: DraftFormat = typer.Option(DraftFormat.docx, "--format", help="Output format."),
    output: Path | None = typer.Option(None, "--output", "-o", help="File to write."),
    council: str | None = typer.Option(None, "--council", help=ONE_COUNCIL_HELP),
) -> None:
    """Draft one council's self-assessment from its stored evidence, per theme
    and quality statement, every sentence citing its document, page and lines.
    DOCX goes to a file (default self-assessment-draft.docx); HTML and Markdown
    to the file given, else to standard output."""
    if output_format is DraftFormat.docx:
        output = writable(output or Path("self-assessment-draft.docx"))
    elif output is not None:
        writable(output)
    with operator(council) as (app, scope), busy("drafting"):
        drafted = assessment.draft(app, scope)
    if output_format is DraftFormat.docx:
        from assure.exporting.docx import write_docx

        assert output is not None
        path = write_docx(drafted, output)
        say(
            f"wrote {path} ({len(drafted.citations)} sources cited, "
            f"{len(drafted.gaps)} statements without evidence)"
        )
    elif output_format is DraftFormat.html:
        from assure.exporting.html import render_html

        write_text(render_html(drafted), output)
    else:
        from assure.exporting.markdown import render_markdown

        write_text(render_markdown(drafted), output)


def write_text(text: str, output: Path | None) -> None:
    if output is None:
        typer.echo(text, nl=False)
        return
    output.write_text(text, encoding="utf-8")
    typer.echo(f"wrote {visible(str(output))}", err=True)


def register(app: typer.Typer) -> None:
    app.command("self-score")(self_score)
    app.command("self-scores")(self_scores)
    app.command()(gaps)
    app.command()(draft)
