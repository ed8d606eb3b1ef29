"""Library commands: ``ingest``, ``documents``, ``show``, ``search``, ``settings``."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

if TYPE_CHECKING:
    from assure.settings import Settings
    from assure.storing import IngestOutcome, IngestReport, Library

COUNCIL_HELP = "Only this council's documents (default: ASSURE_COUNCIL, else all councils)."
JSON_HELP = "Print JSON instead of a table."


@contextmanager
def opened_library(settings: Settings) -> Iterator[Library]:
    """The library for ``settings``; a database that cannot be opened is one
    line on stderr and exit status 2."""
    from sqlalchemy.exc import SQLAlchemyError

    from assure.storing import Library

    try:
        library = Library.open(settings)
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", None) or error).splitlines()[0]
        typer.echo(f"error: cannot open the database: {reason}", err=True)
        raise typer.Exit(2) from None
    try:
        yield library
    finally:
        library.close()


def environment(council: str | None = None, **overrides: Any) -> Settings:
    from assure.settings import Settings

    return Settings.from_environment(council=council, **overrides)


def echo_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders (searched recursively)."),
    council: str | None = typer.Option(
        None, "--council", help="Council the documents belong to (default: ASSURE_COUNCIL)."
    ),
    max_file_mb: float | None = typer.Option(
        None, "--max-file-mb", help="Refuse files larger than this (default: ASSURE_MAX_FILE_MB)."
    ),
) -> None:
    """Parse and store documents. Each file is stored whole or not at all; the
    same content twice is stored once; bad files are reported and skipped."""
    settings = environment(council, max_file_mb=max_file_mb)
    with opened_library(settings) as library:
        report = run_with_progress(library, paths, settings.council)
    print_report(report)
    for outcome in report.failed:
        typer.echo(f"failed: {outcome.error}", err=True)
    if not report.ok:
        raise typer.Exit(1)


def run_with_progress(library: Library, paths: list[Path], council: str | None) -> IngestReport:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("", total=None)

        def advance(outcome: IngestOutcome, done: int, total: int) -> None:
            bar.update(
                task, completed=done, total=total, description=escape(Path(outcome.path).name)
            )

        return library.ingest(paths, council=council, progress=advance)


def print_report(report: IngestReport) -> None:
    table = Table(header_style="bold")
    table.add_column("file", overflow="fold", ratio=1)
    table.add_column("kind", no_wrap=True)
    for name in ("pages", "lines", "passages"):
        table.add_column(name, justify="right", no_wrap=True)
    table.add_column("status", no_wrap=True)
    style = {"stored": "green", "duplicate": "yellow", "failed": "red"}
    for o in report.outcomes:
        status = "already stored" if o.status == "duplicate" else o.status
        table.add_row(
            escape(o.path),
            o.kind or "-",
            str(o.pages or "-"),
            str(o.lines if o.lines is not None else "-"),
            str(o.passages if o.passages is not None else "-"),
            f"[{style[o.status]}]{status}[/]",
        )
    console = Console()
    console.print(table)
    console.print(
        f"{len(report.stored)} stored, {len(report.duplicates)} already stored, "
        f"{len(report.failed)} failed"
    )


def documents(
    council: str | None = typer.Option(None, "--council", help=COUNCIL_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """List stored documents."""
    settings = environment(council)
    with opened_library(settings) as library:
        found = library.documents(settings.council)
    if as_json:
        echo_json([document_json(d) for d in found])
        return
    several = len({d.council for d in found}) > 1
    table = Table(header_style="bold")
    table.add_column("id", justify="right", no_wrap=True)
    if several:
        table.add_column("council", overflow="fold")
    table.add_column("kind", no_wrap=True)
    table.add_column("date", no_wrap=True)
    for name in ("pages", "lines", "passages"):
        table.add_column(name, justify="right", no_wrap=True)
    table.add_column("title", overflow="fold", ratio=1)
    for d in found:
        numbers = (d.date or "-", str(d.pages or "-"), str(d.lines), str(d.passages))
        council_cell = (escape(d.council),) if several else ()
        table.add_row(str(d.id), *council_cell, d.kind, *numbers, escape(d.label))
    Console().print(table)
    if not found:
        typer.echo("no documents stored yet: use `assure ingest PATH`", err=True)


def document_json(d: Any) -> dict[str, Any]:
    return {
        "id": d.id,
        "council": d.council,
        "title": d.title,
        "kind": d.kind,
        "date": d.date,
        "format": d.format,
        "pages": d.pages,
        "lines": d.lines,
        "passages": d.passages,
        "content_hash": d.content_hash,
        "source_path": d.source_path,
        "ingested_at": d.ingested_at.isoformat(),
        "warnings": list(d.warnings),
    }


LINE_RANGE = re.compile(r"^\s*(\d+)\s*(?:[-:]\s*(\d+))?\s*$")
CONTEXT_LINES = 2


def show(
    document: str = typer.Argument(..., help="Document id, content-hash prefix or title fragment."),
    lines: str | None = typer.Option(
        None, "--lines", help="Show source lines A-B (or A) in context."
    ),
    council: str | None = typer.Option(None, "--council", help=COUNCIL_HELP),
) -> None:
    """Show a stored document: details, sections and counts, or some of its lines."""
    from assure.storing import UnknownDocument

    settings = environment(council)
    span = parse_span(lines) if lines else None
    with opened_library(settings) as library:
        try:
            detail = library.detail(document, settings.council)
        except UnknownDocument as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(1) from None
        if span:
            start, end = span
            source = library.lines(detail.document.id, start - CONTEXT_LINES, end + CONTEXT_LINES)
    console = Console()
    if span:
        print_lines(console, source, span)
        return
    d = detail.document
    console.print(f"[bold]{escape(d.label)}[/bold]  (id {d.id}, {escape(d.council)})")
    console.print(
        f"kind: {d.kind}  format: {d.format}  date: {d.date or '-'}  pages: {d.pages or '-'}  "
        f"lines: {d.lines}  sha256: {d.content_hash[:12]}"
    )
    console.print(f"file: {escape(d.source_path)}")
    for warning in d.warnings:
        console.print(f"[yellow]warning:[/] {escape(warning)}")
    console.print("  ".join(f"{name}: {n}" for name, n in detail.counts.items()))
    if detail.sections:
        table = Table("line", "page", "level", "kind", "title", "qs", header_style="bold")
        for s in detail.sections:
            table.add_row(
                f"{s.start_line}-{s.end_line}",
                str(s.page or "-"),
                str(s.level),
                s.kind,
                escape(s.title[:80]),
                ",".join(s.qs),
            )
        console.print(table)


def parse_span(text: str) -> tuple[int, int]:
    match = LINE_RANGE.match(text)
    if not match or int(match[1]) < 1:
        typer.echo(f"error: --lines takes A-B or A (1-based line numbers), not {text!r}", err=True)
        raise typer.Exit(2)
    start = int(match[1])
    end = int(match[2]) if match[2] else start
    return (start, end) if start <= end else (end, start)


def print_lines(console: Console, source: list[Any], span: tuple[int, int]) -> None:
    if not source:
        typer.echo(f"error: the document has no lines {span[0]}-{span[1]}", err=True)
        raise typer.Exit(1)
    for line in source:
        inside = span[0] <= line.number <= span[1]
        marker = ">" if inside else " "
        page = f"p{line.page}" if line.page is not None else "-"
        text = escape(line.text)
        console.print(
            f"{marker} {page:>5} {line.number:>6}  " + (f"[bold]{text}[/bold]" if inside else text),
            soft_wrap=True,
        )


def search(
    query: str = typer.Argument(..., help='Words and "quoted phrases"; every one must match.'),
    limit: int = typer.Option(20, "--limit", min=1, help="At most this many hits."),
    council: str | None = typer.Option(None, "--council", help=COUNCIL_HELP),
    statement: str | None = typer.Option(
        None, "--qs", help="Only passages labelled with this quality statement id."
    ),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Full-text search of stored passages, best first."""
    settings = environment(council)
    with opened_library(settings) as library:
        hits = library.search(query, settings.council, limit, statement=statement)
    if as_json:
        echo_json([hit_json(h) for h in hits])
        return
    console = Console()
    if not hits:
        about = f" labelled {escape(statement)}" if statement else ""
        console.print(f"no passages match {escape(query)!r}{about}")
        return
    for n, h in enumerate(hits, 1):
        where = f"page {h.page}, " if h.page is not None else ""
        lines = (
            f"line {h.start_line}"
            if h.end_line == h.start_line
            else f"lines {h.start_line}-{h.end_line}"
        )
        labels = ", ".join(label.id for label in h.labels)
        console.print(
            f"[bold]{n}. {escape(h.document_title or f'document {h.document_id}')}[/bold]  "
            f"{where}{lines}" + (f"  [cyan]{escape(labels)}[/]" if labels else "")
        )
        console.print("   " + emphasise(h.snippet), soft_wrap=True)


def emphasise(snippet: str) -> str:
    """Rich markup for a snippet whose matches are marked ``**word**``."""
    parts = escape(snippet).split("**")
    return "".join(f"[bold yellow]{p}[/]" if i % 2 else p for i, p in enumerate(parts))


def hit_json(h: Any) -> dict[str, Any]:
    return {
        "passage_id": h.passage_id,
        "document_id": h.document_id,
        "document": h.document_title,
        "council": h.council,
        "page": h.page,
        "start_line": h.start_line,
        "end_line": h.end_line,
        "section": h.section,
        "snippet": h.snippet,
        "rank": h.rank,
        "qs": [{"id": x.id, "confidence": x.confidence, "source": x.source} for x in h.labels],
    }


def settings_command() -> None:
    """List every setting: its environment variable, default and meaning."""
    from assure.settings import SETTINGS

    current = environment()
    console = Console()
    for spec in SETTINGS:
        value = getattr(current, spec.name)
        console.print(
            f"[bold]{spec.env}[/bold]  ({spec.name})  default: {escape(str(spec.default))}  "
            f"current: {escape(str(value))}",
            soft_wrap=True,
        )
        console.print(f"    {escape(spec.help)}")


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(documents)
    app.command()(show)
    app.command()(search)
    app.command("settings")(settings_command)
