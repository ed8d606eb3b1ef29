"""Evidence commands: ``meetings``, ``actions``, ``figures`` and ``check``."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape

from assure.interfaces.cli.library import (
    COUNCIL_HELP,
    JSON_HELP,
    echo_json,
    environment,
    opened_library,
)


class Status(StrEnum):
    open = "open"
    done = "done"


def meetings(
    body: str | None = typer.Option(None, "--body", help="Only bodies whose name contains this."),
    since: str | None = typer.Option(
        None, "--since", help="Only meetings on or after this date (YYYY-MM-DD)."
    ),
    council: str | None = typer.Option(None, "--council", help=COUNCIL_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Meetings found in committee packs, with what each one holds."""
    if since:
        iso_date(since, "--since")
    settings = environment(council)
    with opened_library(settings) as library:
        found = library.meetings(settings.council, body=body, since=since)
    if as_json:
        echo_json([meeting_json(r) for r in found])
        return
    console = Console()
    for r in found:
        x = r.meeting
        when = " ".join(v for v in (x.date, x.time) if v) or "undated"
        console.print(f"[bold]{when}  {escape(x.body or 'unknown body')}[/bold]  ({x.role})")
        if x.venue:
            console.print(f"   {escape(x.venue)}")
        console.print(
            f"   agenda items {len(x.agenda)}, minute items {len(x.minutes)}, "
            f"decisions {r.decisions}, actions {r.actions}"
        )
        console.print(f"   {escape(where(r.document_title, r.document_id, r.page, x.start_line))}")
    if not found:
        console.print("no meetings found")


def meeting_json(r: Any) -> dict[str, Any]:
    from assure.interfaces.contract import plain

    return {
        "id": r.id,
        "document_id": r.document_id,
        "document": r.document_title,
        "page": r.page,
        "role": r.meeting.role,
        "start_line": r.meeting.start_line,
        "counts": {
            "agenda": len(r.meeting.agenda),
            "minutes": len(r.meeting.minutes),
            "decisions": r.decisions,
            "actions": r.actions,
        },
        **plain(r.meeting),
    }


def actions(
    owner: str | None = typer.Option(None, "--owner", help="Only owners or leads containing this."),
    status: Status | None = typer.Option(None, "--status", help="open or done."),
    overdue: bool = typer.Option(False, "--overdue", help="Only open actions past their due date."),
    council: str | None = typer.Option(None, "--council", help=COUNCIL_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Actions from minutes and improvement plans, with where each was recorded."""
    settings = environment(council)
    with opened_library(settings) as library:
        found = library.actions(
            settings.council, status=status.value if status else None, owner=owner, overdue=overdue
        )
    if as_json:
        echo_json([action_json(a) for a in found])
        return
    console = Console()
    for a in found:
        due = f"  due {escape(a.due)}" if a.due else ""
        owner = f"  {escape(a.owner)}" if a.owner else ""
        console.print(f"[bold]{a.key}[/bold]  {escape(a.status or '-')}{due}{owner}")
        console.print(f"   {escape(a.text)}", soft_wrap=True)
        place = where(a.document_title, a.document_id, a.page, a.start_line)
        context = f" ({escape(a.context)})" if a.context else ""
        console.print(f"   {escape(place)}{context}")
    if not found:
        console.print("no actions found")


def action_json(a: Any) -> dict[str, Any]:
    return {
        "id": a.key,
        "source": a.source,
        "text": a.text,
        "owner": a.owner,
        "due": a.due,
        "status": a.status,
        "context": a.context,
        "document_id": a.document_id,
        "document": a.document_title,
        "page": a.page,
        "start_line": a.start_line,
    }


def figures(
    measure: str | None = typer.Option(None, "--measure", help="Only measures containing this."),
    period: str | None = typer.Option(None, "--period", help="Only periods containing this."),
    council: str | None = typer.Option(None, "--council", help=COUNCIL_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Figures found in the documents, with their comparators and sources."""
    from assure.interfaces.contract import plain

    settings = environment(council)
    with opened_library(settings) as library:
        found = library.metrics(settings.council, measure=measure, period=period)
    if as_json:
        echo_json(
            [
                {"document_id": r.document_id, "document": r.document_title, "page": r.page}
                | plain(r.metric)
                for r in found
            ]
        )
        return
    console = Console()
    for r in found:
        x = r.metric
        flags = " (provisional)" if x.provisional else " (malformed)" if x.malformed else ""
        period = f"  {escape(x.period)}" if x.period else ""
        console.print(f"[bold]{escape(x.text)}[/bold]{flags}  {escape(x.measure or '-')}{period}")
        if x.comparators:
            console.print("   " + escape("; ".join(c.text for c in x.comparators)))
        console.print(f"   {escape(where(r.document_title, r.document_id, r.page, x.start_line))}")
    if not found:
        console.print("no figures found")


def check(
    council: str | None = typer.Option(None, "--council", help=COUNCIL_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Consistency problems: placeholders and mismatches found in each document,
    and the same measure given different values in different documents."""
    settings = environment(council)
    with opened_library(settings) as library:
        found = library.findings(settings.council)
    if as_json:
        echo_json([finding_json(f) for f in found])
        return
    console = Console()
    if not found:
        console.print("no problems found")
        return
    for f in found:
        console.print(f"[bold]{f.kind}[/bold]: {escape(f.message)}", soft_wrap=True)
        for label, x in (("at", f.at), ("and", f.other)):
            if x is not None:
                place = where(x.document_title, x.document_id, x.page, x.line)
                console.print(f"   {label} {escape(place)}", soft_wrap=True)


def where(title: str | None, document_id: int | None, page: int | None, line: int | None) -> str:
    """``Title, page 3, line 120``: a location a reader can go to."""
    parts = [title or (f"document {document_id}" if document_id else "another document")]
    if page is not None:
        parts.append(f"page {page}")
    if line is not None:
        parts.append(f"line {line}")
    return ", ".join(parts)


def finding_json(f: Any) -> dict[str, Any]:
    def place(x: Any) -> dict[str, Any] | None:
        if x is None:
            return None
        return {
            "document_id": x.document_id,
            "document": x.document_title,
            "page": x.page,
            "line": x.line,
        }

    return {"kind": f.kind, "message": f.message, "at": place(f.at), "other": place(f.other)}


def iso_date(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        typer.echo(f"error: {option} takes a date as YYYY-MM-DD, not {text!r}", err=True)
        raise typer.Exit(2) from None


def register(app: typer.Typer) -> None:
    app.command()(meetings)
    app.command()(actions)
    app.command()(figures)
    app.command()(check)
