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

import io
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any

import typer
from pydantic import BaseModel
from rich import box
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
    cells = [[cell(v) for v in row] for row in rows]
    if not interactive():
        lines = ["\t".join(c.name for c in columns)]
        lines += ["\t".join(v.replace("\t", " ") for v in row) for row in cells]
        typer.echo("\n".join(lines))
        return len(cells)
    out = console()
    natural = least_widths(columns, cells, None)
    compact = sum(natural) + overhead(len(columns), compact=False) > out.width
    widths = least_widths(columns, cells, out.width - overhead(len(columns), compact))
    table = new_table(title, compact)
    for c, width, fits in zip(columns, widths, natural, strict=True):
        table.add_column(
            c.name,
            justify="right" if c.numeric else "left",
            overflow="fold",
            ratio=1 if c.wide else None,
            min_width=width,
            # A column that had to give way is held to that width (folding).
            max_width=None if width >= fits or c.wide else width,
        )
    for row in cells:
        table.add_row(*(Text(v) for v in row))
    out.print(table)
    return len(cells)


def new_table(title: str | None, compact: bool) -> Table:
    """A boxed table, or when the terminal is too narrow for one, a table with no
    vertical rules or outer padding."""
    if not compact:
        return Table(title=title, header_style="bold", title_justify="left")
    return Table(
        title=title,
        header_style="bold",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, 1, 0, 0),  # with the box's blank rule: two spaces between columns
    )


@cache
def overhead(columns: int, compact: bool) -> int:
    """Characters of rules and padding around ``columns`` cells, measured by
    rendering a table of one-character cells."""
    table = new_table(None, compact)
    for _ in range(columns):
        table.add_column(min_width=1, max_width=1)
    table.add_row(*("x" * columns))
    probe = Console(width=1000, file=io.StringIO())
    probe.print(table)
    return max(map(len, probe.file.getvalue().splitlines())) - columns  # type: ignore[attr-defined]


def least_widths(columns: Sequence[Column], rows: list[list[str]], room: int | None) -> list[int]:
    """Each column's narrowest width within ``room`` characters of cells (no
    limit when None). A number is never cut; other cells wrap between words. At
    first every column is as wide as its name and its longest word (up to 30);
    when that does not fit, number columns give way to their longest value (the
    name folds), then text columns to their name, the wide column (titles) last,
    then to four characters."""
    least = []
    for i, column in enumerate(columns):
        values = [row[i] for row in rows]
        words = values if column.numeric else [w for v in values for w in v.split()]
        least.append(min(max([len(column.name), *map(len, words)]), 30))
    if room is None:
        return least
    floors = (
        [
            max([1, *(len(row[i]) for row in rows)]) if c.numeric else None
            for i, c in enumerate(columns)
        ],
        [None if c.numeric else min(len(c.name), least[i]) for i, c in enumerate(columns)],
        [None if c.numeric else min(4, least[i]) for i, c in enumerate(columns)],
    )
    for floor in floors:
        while sum(least) > room:
            shrinkable = [i for i, f in enumerate(floor) if f is not None and least[i] > f]
            if not shrinkable:
                break
            widest = max(shrinkable, key=lambda i: (not columns[i].wide, least[i]))
            least[widest] -= 1
    return least


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
