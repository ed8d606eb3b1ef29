"""Indicator profiles laid out as spreadsheet tables: a header of statistics
("Area Name | Value | Lower CI | Upper CI", "Count | % | LCI | UCI" once per
area), a row above naming each column group's area, and a row per area or year.

Each value (not counts or confidence limits) is a figure of the indicator
named in the text just above the table. Spreadsheets keep a percentage as a
fraction formatted "0.0%", which reading loses: a "%" column, or a "Value"
column of an indicator that is a proportion, holding only fractions is read as
percentages.
"""

from __future__ import annotations

import re

from assure.document import CleanLine, CleanText
from assure.structure import Metric

STATISTIC = re.compile(
    r"^(?:value|%|rate|count|lci|uci|lower\s+ci|upper\s+ci|lower|upper|numerator|denominator)$",
    re.IGNORECASE,
)
VALUE_COLUMN = re.compile(r"^(?:value|%|rate)$", re.IGNORECASE)
NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
YEAR = re.compile(r"^(?:19|20)\d\d(?:/\d\d)?$")
PROPORTION = re.compile(r"\b(?:proportion|percentage|per\s*cent|%)", re.IGNORECASE)
TITLE_PERIOD = re.compile(r",\s*((?:19|20)\d\d(?:/\d\d)?)\s*$")  # "... (excess weight), 2015/16"
# a cell left as the workbook's instruction: no title
INSTRUCTION = re.compile(
    r"\b(?:please\s+)?(?:make\s+a\s+selection|select\s+(?:an?|the)\b|click\s+here)", re.I
)
NOTE = re.compile(
    r"^(?:sources?|notes?|description|caveats?|statistical\s+issues?|methodology|rationale"
    r"|definition)\s*:",
    re.I,
)
TITLE_REACH = 6
MIN_TITLE = 20
MAX_MEASURE = 160


def cells(line: CleanLine) -> list[str]:
    return [cell.strip() for cell in line.text.split("\t")]


def header(line: CleanLine) -> list[int] | None:
    """The value columns of a statistics header row, or ``None``."""
    if not line.table_row:
        return None
    row = cells(line)
    statistics = [i for i, c in enumerate(row) if STATISTIC.match(c)]
    values = [i for i in statistics if VALUE_COLUMN.match(row[i])]
    return values if len(statistics) >= 2 and values else None


def title_above(lines: tuple[CleanLine, ...], index: int) -> str | None:
    """The indicator's title: the nearest line above with one cell of words
    (not a sentence); a row of word cells is the table's own header (area
    names, a "please make a selection" left unselected), never its title."""
    for line in reversed(lines[max(0, index - TITLE_REACH) : index]):
        filled = list(dict.fromkeys(c for c in cells(line) if c and not NUMBER.match(c)))
        if len(filled) != 1:
            continue  # numbers beside a title feed a chart; a title repeats over column groups
        text = filled[0]
        if NOTE.match(text):
            continue  # "Source: ...", "Note: ...": about the data, not its name
        if MIN_TITLE <= len(text) <= MAX_MEASURE and not NUMBER.match(text):
            return None if INSTRUCTION.search(text) or text.endswith(".") else text
    return None


def profile_rows(text: CleanText) -> list[Metric]:
    lines = text.lines
    found: list[Metric] = []
    for index, line in enumerate(lines):
        columns = header(line)
        if columns is None:
            continue
        heads = cells(line)
        areas = group_names(lines[index - 1] if index else None, len(heads))
        measure = title_above(lines, index)
        stated = TITLE_PERIOD.search(measure or "")
        rows: list[tuple[CleanLine, list[str]]] = []
        for row_line in lines[index + 1 :]:
            row = cells(row_line)
            if not row_line.table_row or header(row_line) is not None:
                break
            numbers = [i for i in columns if i < len(row) and NUMBER.match(row[i])]
            if not numbers:
                if rows:
                    break
                continue
            rows.append((row_line, row))
        fraction = all_fractions(rows, columns)
        for row_line, row in rows:
            label = next((c for c in row[: columns[0]] if c), "")
            for column in columns:
                if column >= len(row) or not NUMBER.match(row[column]):
                    continue
                value = float(row[column])
                as_percent = fraction and (heads[column] == "%" or PROPORTION.search(measure or ""))
                found.append(
                    Metric(
                        text="\t".join(c for c in row if c)[:200],
                        value=round(value * 100, 6) if as_percent else value,
                        unit="percent" if as_percent else None,
                        start_line=row_line.number,
                        measure=measure,
                        period=label if YEAR.match(label) else stated.group(1) if stated else None,
                        geography=areas.get(column)
                        or (None if YEAR.match(label) else label or None),
                    )
                )
    return found


def group_names(line: CleanLine | None, width: int) -> dict[int, str]:
    """Area names over column groups, each carried right to the next."""
    if line is None or not line.table_row:
        return {}
    names: dict[int, str] = {}
    current = ""
    for i, cell in enumerate(cells(line)[:width]):
        if cell and not NUMBER.match(cell):
            current = cell
        if current:
            names[i] = current
    return names


def all_fractions(rows: list[tuple[CleanLine, list[str]]], columns: list[int]) -> bool:
    values = [
        float(row[c]) for _, row in rows for c in columns if c < len(row) and NUMBER.match(row[c])
    ]
    return bool(values) and all(0 <= v <= 1 for v in values)
