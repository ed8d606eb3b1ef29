"""How the command line prints: tables for a person at a terminal, plain lines
for a pipe, JSON on request.

At a terminal a listing is a rich table; piped or redirected, the same rows are
printed as tab-separated lines, whole and unwrapped, so ``assure documents |
grep Lincolnshire`` finds the title however long it is. Text that came from a
document is never read as console markup, and control characters in it (an
escape sequence in a file name, a newline) are shown as visible codes instead
of being sent to the terminal.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from assure.interfaces.terminal import visible, visible_json


def to_json(value: Any) -> Any:
    """Pydantic models (and lists of them) as JSON-ready data."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    return value


def print_json(value: Any) -> None:
    typer.echo(visible_json(json.dumps(to_json(value), ensure_ascii=False, indent=2, default=str)))


def interactive() -> bool:
    return sys.stdout.isatty()


def console() -> Console:
    """A console for standard output; no markup, emoji or highlighting is taken
    from text it prints unless the caller asks for it."""
    return Console(highlight=False, emoji=False, soft_wrap=not interactive())


def cell(value: Any) -> str:
    """A table cell's text: ``-`` for nothing, control characters made visible."""
    if value is None or value == "":
        return "-"
    return visible(str(value))


@dataclass(frozen=True)
class Column:
    name: str
    numeric: bool = False
    wide: bool = False  # the column that takes the spare width (titles, text)


def print_table(
    columns: Sequence[Column], rows: Iterable[Sequence[Any]], title: str | None = None
) -> int:
    """Print rows as a table at a terminal, tab-separated lines otherwise (with a
    header line). Returns how many rows were printed."""
    rows = [[cell(v) for v in row] for row in rows]
    if not interactive():
        out = [("\t".join(c.name for c in columns))]
        out += ["\t".join(v.replace("\t", " ") for v in row) for row in rows]
        typer.echo("\n".join(out))
        return len(rows)
    table = Table(title=title, header_style="bold", title_justify="left")
    for c in columns:
        table.add_column(
            c.name,
            justify="right" if c.numeric else "left",
            no_wrap=not c.wide,
            overflow="fold",
            ratio=1 if c.wide else None,
        )
    for row in rows:
        table.add_row(*(Text(v) for v in row))
    console().print(table)
    return len(rows)


def say(text: str, style: str | None = None) -> None:
    """One line of our own words (which may hold document text: it is escaped)."""
    if interactive() and style:
        console().print(f"[{style}]{escape(visible(text))}[/]")
    else:
        typer.echo(visible(text))


@contextmanager
def busy(message: str) -> Iterator[None]:
    """A spinner with ``message`` on standard error while a person watches a
    long step (training, evaluating, drafting); nothing when piped."""
    if not sys.stderr.isatty():
        yield
        return
    with Console(stderr=True).status(visible(message)):
        yield


def note(text: str) -> None:
    """A remark for the person at the terminal, on standard error."""
    typer.echo(visible(text), err=True)
