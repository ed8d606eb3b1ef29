"""The real self-assessment rewritten in other councils' heading styles: the
statements must still be found where their headings are (at least eight of
nine within three lines, the bar for unseen documents)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from assure.document import Format, SourceDocument, SourceLine
from assure.framework import load_framework
from assure.normalising import normalise
from assure.parsing.assessment_report import PARSER as REPORT
from assure.parsing.self_assessment import PARSER

# Where the real document's nine statement headings are, in framework order.
HEADING_LINES = (141, 251, 357, 429, 509, 611, 675, 775, 869)
CONTENTS = range(9, 35)
NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\s+(.*)$")
MARKDOWN = re.compile(r"^(#{1,6})\s")

Rewrite = Callable[[int, str], str]


def statements() -> list[tuple[int, str, str, int]]:
    """(heading line, statement name, theme name, theme number) in order."""
    framework = load_framework()
    found = []
    for line, statement in zip(HEADING_LINES, framework.statements, strict=True):
        theme = framework.theme_of(statement.id)
        found.append((line, statement.name, theme.name, framework.themes.index(theme) + 1))
    return found


def at_heading(make: Callable[[int, str, str, int], str]) -> Rewrite:
    by_line = {
        line: (i + 1, name, theme, number)
        for i, (line, name, theme, number) in enumerate(statements())
    }

    def rewrite(number: int, text: str) -> str:
        if number in by_line:
            index, name, theme, theme_number = by_line[number]
            return make(index, name, theme, theme_number)
        return text

    return rewrite


def unnumbered(number: int, text: str) -> str:
    return NUMBERED.sub(r"\2", text) if number > CONTENTS.stop else text


def markdown(number: int, text: str) -> str:
    if number <= CONTENTS.stop:
        return text
    if text.startswith("PART "):
        return "## " + text
    if match := NUMBERED.match(text):
        depth = match[1].count(".")
        return "#" * (3 + depth) + " " + match[2].capitalize()
    return text


def contents_without_page_numbers(number: int, text: str) -> str:
    if number in CONTENTS and "\t" in text:
        cells = [c.strip(" .") for c in text.split("\t")]
        return " ".join(c for c in cells[:2] if c)
    return text


REWRITES: dict[str, Rewrite] = {
    "unnumbered capitals": unnumbered,
    "markdown headings": markdown,
    "contents repeat the headings": contents_without_page_numbers,
    "numbered quality statements": at_heading(lambda i, name, *_: f"Quality Statement {i}: {name}"),
    "theme-prefixed": at_heading(lambda i, name, theme, _: f"{theme}: {name}"),
    "theme and statement codes": at_heading(lambda i, _n, _t, theme: f"Theme {theme} – QS{i}"),
    "run-in labels": at_heading(lambda i, name, *_: f"{name}: the council's account follows."),
    "title case": at_heading(lambda i, name, *_: name.title()),
    "longer numbered headings": at_heading(
        lambda i, name, *_: f"{i + 6} {name.upper()} IN OUR AREA"
    ),
}


@pytest.mark.parametrize("style", sorted(REWRITES))
def test_statements_found_in_another_heading_style(corpus: Path, style: str) -> None:
    raw = (corpus / "kirklees-asc-self-assessment-2024.txt").read_text(encoding="utf-8")
    rewrite = REWRITES[style]
    lines = []
    for number, text in enumerate(raw.splitlines(), 1):
        text = rewrite(number, text)
        level = len(m[1]) if (m := MARKDOWN.match(text)) and style == "markdown headings" else None
        lines.append(SourceLine(number, text, heading_level=level, table_row="\t" in text))
    source = SourceDocument(
        path=f"{style}.txt",
        format=Format.TEXT,
        content_hash="0" * 64,
        size=len(raw),
        lines=tuple(lines),
    )
    text = normalise(source)
    found = {
        s.qs[0]: s.start_line for s in PARSER.parse(text).sections if s.kind == "quality_statement"
    }
    expected = {
        s.id: line for s, line in zip(load_framework().statements, HEADING_LINES, strict=True)
    }
    close = [sid for sid, line in expected.items() if abs(found.get(sid, -99) - line) <= 3]
    assert len(close) >= 8, f"{style}: found {found}"
    assert PARSER.recognise(text) >= 0.6


def test_a_self_assessment_that_scores_itself_is_no_regulator_report(corpus: Path) -> None:
    raw = (corpus / "kirklees-asc-self-assessment-2024.txt").read_text(encoding="utf-8")
    rows: list[str] = []
    for number, text in enumerate(raw.splitlines(), 1):
        rows.append(text)
        if number in HEADING_LINES:
            rows.append("Our self-assessed score: 3 - Evidence shows a good standard")
    lines = tuple(SourceLine(n, t, table_row="\t" in t) for n, t in enumerate(rows, 1))
    source = SourceDocument(
        path="scored.txt", format=Format.TEXT, content_hash="0" * 64, size=0, lines=lines
    )
    text = normalise(source)
    assert PARSER.recognise(text) > REPORT.recognise(text)
    assert REPORT.recognise(text) < 0.3


def test_with_its_statement_headings_removed_no_sub_heading_stands_in_for_one(
    corpus: Path,
) -> None:
    """'20.1.3 PARTNERSHIP' is a sub-heading of governance: with the statement
    headings gone it must not become the partnerships statement, whose label
    would then pass to every paragraph up to the end of the document."""
    raw = (corpus / "kirklees-asc-self-assessment-2024.txt").read_text(encoding="utf-8")
    rows = ["" if n in HEADING_LINES else t for n, t in enumerate(raw.splitlines(), 1)]
    lines = tuple(SourceLine(n, t, table_row="\t" in t) for n, t in enumerate(rows, 1))
    source = SourceDocument(
        path="headless.txt", format=Format.TEXT, content_hash="0" * 64, size=0, lines=lines
    )
    sections = PARSER.parse(normalise(source)).sections
    assert [s.title for s in sections if s.kind == "quality_statement"] == []
    assert any(s.title.endswith("PARTNERSHIP") for s in sections)  # still a sub-heading
