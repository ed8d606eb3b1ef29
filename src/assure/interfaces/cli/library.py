"""Library commands: ``ingest``, ``documents``, ``show``, ``delete``, ``move``,
``search`` and ``settings``."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from assure.interfaces.cli.common import (
    COUNCIL_HELP,
    JSON_HELP,
    environment,
    operator,
)
from assure.interfaces.cli.output import (
    Column,
    console,
    interactive,
    note,
    print_json,
    print_table,
    say,
)
from assure.interfaces.terminal import visible
from assure.services import documents as document_service
from assure.services import ingest as ingest_service
from assure.services import search as search_service
from assure.services.ingest import FileOutcome, IngestSummary

ProgressCallback = Callable[[FileOutcome, int, int], None]
LINE_RANGE = re.compile(r"^\s*(\d{1,9})\s*(?:[-:]\s*(\d{1,9}))?\s*$")


def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders (searched recursively)."),
    council: str | None = typer.Option(
        None, "--council", help="Council the documents belong to (default: ASSURE_COUNCIL)."
    ),
    max_file_mb: float | None = typer.Option(
        None,
        "--max-file-mb",
        min=0.000001,
        help="Refuse files larger than this (default: ASSURE_MAX_FILE_MB).",
    ),
    workers: int | None = typer.Option(
        None,
        "--workers",
        min=1,
        max=256,
        help="Ingest on a local Dask cluster of this many worker processes.",
    ),
    scheduler: str | None = typer.Option(
        None,
        "--scheduler",
        help="Ingest on the Dask cluster whose scheduler is at this address (tcp://HOST:PORT); "
        "its workers must reach the same database.",
    ),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Parse and store documents. Each file is stored whole or not at all; the
    same content twice is stored once; bad files are reported (one line each,
    naming the file and the reason) and the exit status is 1."""
    with (
        operator(council, max_file_mb=max_file_mb) as (app, scope),
        progress_bar("ingesting") as advance,
    ):
        summary = ingest_service.ingest(
            app, scope, paths, app.settings.council, advance, workers, scheduler, settle=True
        )
    if as_json:
        print_json(summary)
    else:
        print_ingest(summary)
    for outcome in summary.files:
        if outcome.error:
            typer.echo(f"failed: {visible(outcome.error)}", err=True)
    if summary.failed:
        raise typer.Exit(1)


@contextmanager
def progress_bar(verb: str) -> Iterator[ProgressCallback]:
    """A progress bar on standard error while a person watches; silent otherwise."""
    if not sys.stderr.isatty():
        yield lambda outcome, done, total: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (
        TextColumn(verb),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[name]}"),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("", total=None, name="")

        def advance(outcome: FileOutcome, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, name=visible(Path(outcome.path).name))

        yield advance


def print_ingest(summary: IngestSummary) -> None:
    shown = {"duplicate": "already stored"}
    print_table(
        [
            Column("file", wide=True),
            Column("council"),
            Column("kind"),
            Column("pages", numeric=True),
            Column("lines", numeric=True),
            Column("passages", numeric=True),
            Column("status"),
        ],
        [
            (o.path, o.council, o.kind, o.pages, o.lines, o.passages, shown.get(o.status, o.status))
            for o in summary.files
        ],
    )
    say(f"{summary.stored} stored, {summary.duplicates} already stored, {summary.failed} failed")


def documents(
    council: str | None = typer.Option(None, "--council", help=COUNCIL_HELP),
    kind: str | None = typer.Option(None, "--kind", help="Only documents of this kind."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """List stored documents."""
    with operator(council) as (app, scope):
        if not scope.grants:
            found = []
        else:
            found = document_service.list_documents(app, scope, kind=kind).items
    if as_json:
        print_json(found)
        return
    several = len({d.council for d in found}) > 1
    columns = [Column("id", numeric=True)]
    columns += [Column("council")] if several else []
    columns += [Column("kind"), Column("date")]
    columns += [Column(name, numeric=True) for name in ("pages", "lines", "passages")]
    columns += [Column("title", wide=True)]
    print_table(
        columns,
        [
            (
                d.id,
                *((d.council,) if several else ()),
                d.kind,
                d.date,
                d.pages,
                d.lines,
                d.passages,
                d.label,
            )
            for d in found
        ],
    )
    if not found:
        note("no documents stored yet: use `assure ingest PATH`")


def show(
    document: str = typer.Argument(..., help="Document id, content-hash prefix or title fragment."),
    lines: str | None = typer.Option(
        None, "--lines", help="Show source lines A-B (or A) in context."
    ),
    council: str | None = typer.Option(None, "--council", help=COUNCIL_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Show a stored document: details, sections and counts, or some of its lines."""
    span = parse_span(lines) if lines else None
    with operator(council) as (app, scope):
        if span:
            view = document_service.document_lines(app, scope, document, *span)
        else:
            detail = document_service.document_detail(app, scope, document)
    if span:
        if as_json:
            print_json(view)
            return
        for line in view.lines:
            page = f"p{line.page}" if line.page is not None else "-"
            marker = ">" if line.asked else " "
            typer.echo(f"{marker} {page:>5} {line.number:>6}  {visible(line.text, keep_tabs=True)}")
        return
    if as_json:
        print_json(detail)
        return
    d = detail.document
    say(f"{d.label}  (id {d.id}, {d.council})", "bold")
    say(
        f"kind: {d.kind}  format: {d.format}  date: {d.date or '-'}  pages: {d.pages or '-'}  "
        f"lines: {d.lines}  sha256: {d.content_hash[:12]}"
    )
    say(f"file: {d.source_path}")
    for warning in d.warnings:
        say(f"warning: {warning}", "yellow")
    say("  ".join(f"{name}: {n}" for name, n in detail.counts.items()))
    print_table(
        [
            Column("lines"),
            Column("page", numeric=True),
            Column("level", numeric=True),
            Column("kind"),
            Column("title", wide=True),
            Column("qs"),
        ],
        [
            (f"{s.start_line}-{s.end_line}", s.page, s.level, s.kind, s.title, ",".join(s.qs))
            for s in detail.sections
        ],
    )


def parse_span(text: str) -> tuple[int, int]:
    match = LINE_RANGE.match(text)
    if not match or int(match[1]) < 1:
        raise typer.BadParameter(f"takes A-B or A (1-based line numbers), not {text!r}")
    start = int(match[1])
    end = int(match[2]) if match[2] else start
    return (start, end) if start <= end else (end, start)


def delete(
    document: str = typer.Argument(..., help="Document id, content-hash prefix or title fragment."),
    council: str | None = typer.Option(None, "--council", help=COUNCIL_HELP),
) -> None:
    """Remove a document and everything derived from it: its passages, their
    labels and people's corrections, meetings, plans, figures and findings.
    A council's own classifier is trained again without it."""
    with operator(council) as (app, scope):
        removed = document_service.delete_document(app, scope, document)
    say(f"removed {removed.id}: {removed.label} ({removed.council})")


def move(
    document: str = typer.Argument(..., help="Document id, content-hash prefix or title fragment."),
    to: str = typer.Option(..., "--council", help="The council to file it under."),
) -> None:
    """File a document under another council."""
    with operator() as (app, scope):
        scope = type(scope).operator([*scope.councils, to])
        moved = document_service.move_document(app, scope, document, to)
    say(f"moved {moved.id}: {moved.label} to {moved.council}")


def search(
    query: str = typer.Argument(..., help='Words and "quoted phrases"; every one must match.'),
    limit: int = typer.Option(20, "--limit", min=1, max=1000, help="At most this many hits."),
    council: str | None = typer.Option(None, "--council", help=COUNCIL_HELP),
    statement: str | None = typer.Option(
        None, "--qs", help="Only passages labelled with this quality statement id."
    ),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Full-text search of stored passages, best first."""
    with operator(council) as (app, scope):
        hits = (
            search_service.search(app, scope, query, statement=statement, limit=limit)
            if scope.grants
            else []
        )
    if as_json:
        print_json(hits)
        return
    if not hits:
        about = f" labelled {statement}" if statement else ""
        say(f"no passages match {query!r}{about}")
        return
    if not interactive():
        print_table(
            [
                Column("passage", numeric=True),
                Column("document"),
                Column("page", numeric=True),
                Column("lines"),
                Column("qs"),
                Column("snippet", wide=True),
            ],
            [
                (
                    h.passage_id,
                    h.document or f"document {h.document_id}",
                    h.page,
                    f"{h.start_line}-{h.end_line}",
                    ",".join(x.id for x in h.qs),
                    h.snippet,
                )
                for h in hits
            ],
        )
        return
    out = console()
    from rich.text import Text

    for n, h in enumerate(hits, 1):
        where = f"page {h.page}, " if h.page is not None else ""
        span = (
            f"line {h.start_line}"
            if h.end_line == h.start_line
            else f"lines {h.start_line}-{h.end_line}"
        )
        head = Text(f"{n}. {visible(h.document or f'document {h.document_id}')}", style="bold")
        head.append(f"  {where}{span}")
        labels = ", ".join(x.id for x in h.qs)
        if labels:
            head.append(f"  {labels}", style="cyan")
        out.print(head)
        out.print(emphasised(h.snippet))


def emphasised(snippet: str) -> object:
    """A snippet whose matches are marked ``**word**``, with them in bold."""
    from rich.text import Text

    text = Text("   ")
    for i, part in enumerate(visible(snippet).split("**")):
        text.append(part, style="bold yellow" if i % 2 else None)
    return text


def settings_command(
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """List every setting: its environment variable, default, current value and
    meaning (secrets such as a database password are masked)."""
    from assure.settings import SETTINGS, shown

    current = environment()
    rows = [
        (
            spec.env,
            spec.name,
            shown(spec.name, spec.default),
            shown(spec.name, getattr(current, spec.name)),
            spec.help,
        )
        for spec in SETTINGS
    ]
    if as_json:
        print_json(
            [dict(zip(("env", "name", "default", "current", "help"), r, strict=True)) for r in rows]
        )
        return
    print_table(
        [
            Column("variable"),
            Column("setting"),
            Column("default"),
            Column("current"),
            Column("meaning", wide=True),
        ],
        rows,
    )


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(documents)
    app.command()(show)
    app.command()(delete)
    app.command("forget", help="Same as delete: remove a document and everything derived from it.")(
        delete
    )
    app.command()(move)
    app.command()(search)
    app.command("settings")(settings_command)
