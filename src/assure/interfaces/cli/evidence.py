"""Evidence commands: ``meetings``, ``actions``, ``action``, ``figures``, ``check``
and ``evidence``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from assure.interfaces.cli.common import COUNCIL_HELP, JSON_HELP, operator, writable
from assure.interfaces.cli.output import Column, note, print_json, print_table, say
from assure.interfaces.terminal import visible
from assure.services import evidence as evidence_service
from assure.services import figures as figure_service
from assure.services import plans as plan_service
from assure.services import tracking
from assure.services.paging import MAX_LIMIT, Page


class Status(StrEnum):
    open = "open"
    done = "done"


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


FORMAT_HELP = "table (default), json, csv, or xlsx (to --output, default <command>.xlsx)."
OUTPUT_HELP = "File to write (csv: default standard output)."
LIMIT_HELP = f"At most this many (1 to {MAX_LIMIT}; default: all of them)."
OFFSET_HELP = "Skip this many first (with --limit, to page through a long list)."


def emit(
    name: str,
    columns: Sequence[Column],
    rows: list[tuple[Any, ...]],
    items: Any,
    chosen: tuple[ListFormat, Path | None],
    empty: str,
) -> None:
    """A listing in the format asked for."""
    header = [c.name for c in columns]
    output_format, output = chosen
    if output_format is ListFormat.json:
        print_json(items)
    elif output_format is ListFormat.csv:
        from assure.exporting.tables import render_table_csv

        text = render_table_csv(header, rows)
        if output is None:
            typer.echo(text, nl=False)
        else:
            output.write_text(text, encoding="utf-8")
            typer.echo(f"wrote {visible(str(output))}", err=True)
    elif output_format is ListFormat.xlsx:
        from assure.exporting.tables import write_table_xlsx

        assert output is not None
        path = write_table_xlsx(header, rows, output, name)
        typer.echo(f"wrote {visible(str(path))} ({len(rows)} rows)")
    elif rows:
        print_table(columns, rows)
    else:
        say(empty)


def listing_format(
    name: str, as_json: bool, output_format: ListFormat, output: Path | None
) -> tuple[ListFormat, Path | None]:
    """The format asked for and the file to write, checked before any work is done."""
    chosen = ListFormat.json if as_json else output_format
    if chosen is ListFormat.xlsx:
        output = output or Path(f"{name}.xlsx")
    if output is not None:
        if chosen in (ListFormat.table, ListFormat.json):
            raise typer.BadParameter("goes with --format csv or xlsx", param_hint="--output")
        writable(output)
    return chosen, output


def window_note(page: Page[Any] | None, things: str) -> None:
    """Say on standard error which part of a longer list was shown."""
    if page is not None and len(page.items) < page.total:
        first, last = page.offset + 1, page.offset + len(page.items)
        shown = "none" if not page.items else f"{first}-{last}" if last > first else str(first)
        note(f"{things} {shown} of {page.total} (--limit, --offset for others)")


def since_date(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        raise typer.BadParameter(f"takes a date as YYYY-MM-DD, not {text!r}") from None


def meetings(
    body: str | None = typer.Option(None, "--body", help="Only bodies whose name contains this."),
    since: str | None = typer.Option(
        None, "--since", help="Only meetings on or after this date (YYYY-MM-DD)."
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, max=MAX_LIMIT, help=LIMIT_HELP),
    offset: int = typer.Option(0, "--offset", min=0, help=OFFSET_HELP),
    council: str | None = typer.Option(None, "--council", help=COUNCIL_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
    output_format: ListFormat = typer.Option(ListFormat.table, "--format", help=FORMAT_HELP),
    output: Path | None = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
) -> None:
    """Meetings found in committee packs, with what each one holds."""
    chosen = listing_format("meetings", as_json, output_format, output)
    when = since_date(since)
    with operator(council) as (app, scope):
        page = (
            tracking.meetings(app, scope, body=body, since=when, limit=limit, offset=offset)
            if scope.grants
            else None
        )
    found = page.items if page else []
    columns = [
        Column("date"), Column("time"), Column("body", wide=True), Column("role"),
        Column("venue"), Column("agenda", numeric=True), Column("minutes", numeric=True),
        Column("decisions", numeric=True), Column("actions", numeric=True),
        Column("document"), Column("page", numeric=True), Column("line", numeric=True),
    ]  # fmt: skip
    rows = [
        (
            m.meeting.date,
            m.meeting.time,
            m.meeting.body,
            m.meeting.role,
            m.meeting.venue,
            m.counts.agenda,
            m.counts.minutes,
            m.counts.decisions,
            m.counts.actions,
            m.document or f"document {m.document_id}",
            m.page,
            m.meeting.start_line,
        )
        for m in found
    ]
    emit("meetings", columns, rows, found, chosen, "no meetings found")
    window_note(page, "meetings")


def actions(
    owner: str | None = typer.Option(None, "--owner", help="Only owners or leads containing this."),
    status: Status | None = typer.Option(None, "--status", help="open or done."),
    overdue: bool = typer.Option(False, "--overdue", help="Only open actions past their due date."),
    limit: int | None = typer.Option(None, "--limit", min=1, max=MAX_LIMIT, help=LIMIT_HELP),
    offset: int = typer.Option(0, "--offset", min=0, help=OFFSET_HELP),
    council: str | None = typer.Option(None, "--council", help=COUNCIL_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
    output_format: ListFormat = typer.Option(ListFormat.table, "--format", help=FORMAT_HELP),
    output: Path | None = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
) -> None:
    """Actions from minutes and improvement plans, with where each was recorded."""
    chosen = listing_format("actions", as_json, output_format, output)
    with operator(council) as (app, scope):
        page = (
            tracking.actions(
                app,
                scope,
                status=status.value if status else None,
                owner=owner,
                overdue=overdue,
                limit=limit,
                offset=offset,
            )
            if scope.grants
            else None
        )
    found = page.items if page else []
    columns = [
        Column("id"), Column("status"), Column("due"), Column("due by"), Column("owner"),
        Column("action", wide=True), Column("context"), Column("document"),
        Column("page", numeric=True), Column("line", numeric=True),
    ]  # fmt: skip
    rows = [
        (
            a.id,
            (a.status or "open") + (" (overdue)" if a.overdue else ""),
            a.due,
            a.due_by,
            a.owner,
            a.text,
            a.context,
            a.document or f"document {a.document_id}",
            a.page,
            a.start_line,
        )
        for a in found
    ]
    emit("actions", columns, rows, found, chosen, "no actions found")
    window_note(page, "actions")


def action(
    key: str = typer.Argument(
        ..., help="The action's id from `assure actions`: minutes:N or plan:N."
    ),
    status: str = typer.Argument(
        ..., help="open or done for a minute's action; the plan's own words for a plan's."
    ),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Record how an action stands (written to the audit log)."""
    with operator() as (app, scope):
        change = tracking.update_action(app, scope, key, status)
    if as_json:
        print_json(change)
        return
    now = change.action
    say(f"{now.id}: {change.before or '-'} -> {now.status}" + (" (done)" if now.done else ""))


def figures(
    measure: str | None = typer.Option(None, "--measure", help="Only measures containing this."),
    period: str | None = typer.Option(None, "--period", help="Only periods containing this."),
    council: str | None = typer.Option(None, "--council", help=COUNCIL_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
    output_format: ListFormat = typer.Option(ListFormat.table, "--format", help=FORMAT_HELP),
    output: Path | None = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
) -> None:
    """Figures found in the documents, with their comparators and sources."""
    chosen = listing_format("figures", as_json, output_format, output)
    with operator(council) as (app, scope):
        found = (
            figure_service.figures(app, scope, measure=measure, period=period)
            if scope.grants
            else []
        )
    columns = [
        Column("figure"), Column("value", numeric=True), Column("unit"),
        Column("measure", wide=True), Column("period"), Column("comparators"),
        Column("document"), Column("page", numeric=True), Column("line", numeric=True),
    ]  # fmt: skip
    rows = [
        (
            f.figure.text,
            f.figure.value,
            f.figure.unit,
            f.figure.measure,
            f.figure.period,
            "; ".join(c.text for c in f.figure.comparators),
            f.document or f"document {f.document_id}",
            f.page,
            f.figure.start_line,
        )
        for f in found
    ]
    emit("figures", columns, rows, found, chosen, "no figures found")


def check(
    council: str | None = typer.Option(None, "--council", help=COUNCIL_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
    output_format: ListFormat = typer.Option(ListFormat.table, "--format", help=FORMAT_HELP),
    output: Path | None = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
) -> None:
    """Consistency problems: placeholders and mismatches found in each document,
    and the same measure given different values in different documents."""
    chosen = listing_format("check", as_json, output_format, output)
    with operator(council) as (app, scope):
        found = figure_service.findings(app, scope) if scope.grants else []

    def place(x: Any) -> tuple[Any, ...]:
        if x is None:
            return (None, None, None)
        return (x.document or f"document {x.document_id}", x.page, x.line)

    columns = [
        Column("kind"), Column("problem", wide=True), Column("document"),
        Column("page", numeric=True), Column("line", numeric=True), Column("other document"),
        Column("other page", numeric=True), Column("other line", numeric=True),
    ]  # fmt: skip
    rows = [(f.kind, f.message, *place(f.at), *place(f.other)) for f in found]
    emit("check", columns, rows, found, chosen, "no problems found")


def evidence(
    statement: str = typer.Argument(..., help="Quality statement id, e.g. safeguarding."),
    council: str | None = typer.Option(None, "--council", help=COUNCIL_HELP),
    suggestions: bool = typer.Option(
        False, "--suggestions", help="Also the machine's labels below the evidence bar."
    ),
    limit: int = typer.Option(50, "--limit", min=1, max=1000, help="At most this many passages."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """The passages that count as evidence for a quality statement, with their
    labels, confidence and source."""
    with operator(council) as (app, scope):
        page = evidence_service.evidence_for(
            app, scope, statement, suggestions=suggestions, limit=limit
        )
    if as_json:
        print_json(page)
        return
    rows = [
        (
            p.id,
            p.document or f"document {p.document_id}",
            p.page,
            f"{p.start_line}-{p.end_line}",
            next((f"{q.confidence:.2f} {q.source}" for q in p.qs if q.id == statement), "-"),
            p.category,
            p.stance,
            p.text,
        )
        for p in page.items
    ]
    columns = [
        Column("passage", numeric=True), Column("document"), Column("page", numeric=True),
        Column("lines"), Column("label"), Column("category"), Column("stance"),
        Column("text", wide=True),
    ]  # fmt: skip
    print_table(columns, rows)
    say(f"{len(page.items)} of {page.total} passages for {statement}")


def plans_command(
    council: str | None = typer.Option(None, "--council", help=COUNCIL_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
    output_format: ListFormat = typer.Option(ListFormat.table, "--format", help=FORMAT_HELP),
    output: Path | None = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
) -> None:
    """Improvement plans: each priority with its leads, actions and success measures."""
    chosen = listing_format("plans", as_json, output_format, output)
    with operator(council) as (app, scope):
        found = plan_service.plans(app, scope) if scope.grants else []
    columns = [
        Column("plan"), Column("priority"), Column("title", wide=True), Column("leads"),
        Column("actions", numeric=True), Column("measures", numeric=True), Column("refs"),
        Column("document"), Column("line", numeric=True),
    ]  # fmt: skip
    rows = [
        (
            v.plan.title,
            p.number,
            p.title,
            ", ".join(p.leads),
            len(p.actions),
            len(p.measures),
            ", ".join(p.refs),
            v.document or f"document {v.document_id}",
            p.start_line,
        )
        for v in found
        for p in v.plan.priorities
    ]
    emit("plans", columns, rows, found, chosen, "no plans found")


def risks_command(
    council: str | None = typer.Option(None, "--council", help=COUNCIL_HELP),
    statement: str | None = typer.Option(
        None, "--qs", help="Only risks linked to this quality statement id."
    ),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
    output_format: ListFormat = typer.Option(ListFormat.table, "--format", help=FORMAT_HELP),
    output: Path | None = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
) -> None:
    """Risks from risk registers: owners, and the score before and after controls."""
    chosen = listing_format("risks", as_json, output_format, output)
    with operator(council) as (app, scope):
        found = plan_service.risks(app, scope, statement=statement) if scope.grants else []

    def rating(x: Any) -> str | None:
        if x is None:
            return None
        parts = [v for v in (x.impact, x.likelihood) if v is not None]
        shown = " x ".join(f"{v:g}" for v in parts)
        return f"{shown} = {x.score:g}" if x.score is not None and shown else shown or None

    columns = [
        Column("ref"), Column("risk", wide=True), Column("owners"), Column("before"),
        Column("after"), Column("target"), Column("qs"), Column("document"),
        Column("page", numeric=True), Column("line", numeric=True),
    ]  # fmt: skip
    rows = [
        (
            r.risk.ref,
            r.risk.title,
            ", ".join(r.risk.owners),
            rating(r.risk.inherent),
            rating(r.risk.residual),
            rating(r.risk.target),
            ",".join(r.risk.qs),
            r.document or f"document {r.document_id}",
            r.page,
            r.risk.start_line,
        )
        for r in found
    ]
    emit("risks", columns, rows, found, chosen, "no risks found")


def register(app: typer.Typer) -> None:
    app.command()(meetings)
    app.command()(actions)
    app.command()(action)
    app.command()(figures)
    app.command()(check)
    app.command()(evidence)
    app.command("plans")(plans_command)
    app.command("risks")(risks_command)
