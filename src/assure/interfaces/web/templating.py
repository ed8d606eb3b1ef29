"""Jinja for the pages: our templates first, then the GOV.UK Design System's
macros (govuk-frontend-jinja); autoescaping everywhere, so document text and
file names are always shown as text."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, PrefixLoader
from markupsafe import Markup, escape

TEMPLATES = Path(__file__).resolve().parent / "templates"


def environment() -> Environment:
    env = Environment(
        loader=ChoiceLoader(
            [
                FileSystemLoader(TEMPLATES),
                PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
            ]
        ),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        snippet=snippet,
        when=when,
        query=query,
        plural=plural,
    )
    return env


def snippet(text: str | None) -> Markup:
    """A search snippet whose matched words are marked ``**word**``: escaped,
    then the marks become <mark>."""
    parts = escape(text or "").split("**")
    out = [
        Markup(p) if i % 2 == 0 else Markup("<mark>") + p + Markup("</mark>")
        for i, p in enumerate(parts)
    ]
    return Markup("").join(out)


def when(value: datetime | date | str | None) -> str:
    if value is None or value == "":
        return "-"
    if isinstance(value, datetime):
        return value.strftime("%-d %b %Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%-d %b %Y")
    return str(value)


def query(values: dict[str, Any], **changes: Any) -> str:
    """A query string of ``values`` with ``changes``, leaving out empty ones."""
    merged = {**values, **changes}
    return "?" + urlencode({k: v for k, v in merged.items() if v not in (None, "", [])}, doseq=True)


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"
