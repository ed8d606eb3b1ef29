"""Human-readable rendering of the JSON contract for the terminal."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table


def print_summary(data: dict[str, Any], console: Console | None = None) -> None:
    console = console or Console()
    console.print(f"[bold]{data['title'] or '(untitled)'}[/bold]")
    console.print(
        f"kind: {data['kind']}  lines: {data['lines']}  pages: {data.get('pages') or '-'}  "
        f"date: {data['date'] or '-'}"
    )
    counts = Table(show_header=True, header_style="bold")
    for name in ("sections", "meetings", "plans", "metrics", "passages", "findings"):
        counts.add_column(name, justify="right")
    counts.add_row(
        *(
            str(len(data.get(name) or []))
            for name in ("sections", "meetings", "plans", "metrics", "passages", "findings")
        )
    )
    console.print(counts)
    if data["sections"]:
        table = Table("line", "level", "kind", "title", "qs", header_style="bold")
        for s in data["sections"][:60]:
            table.add_row(
                str(s["start_line"]), str(s["level"]), s["kind"], s["title"][:70], ",".join(s["qs"])
            )
        console.print(table)
    if data.get("assessment"):
        a = data["assessment"]
        console.print(f"assessment: {a['percent']}% {a['rating']}")
