"""Tables of figures: tab-separated rows under a header row.

The first column names the indicator; the header names the others: a period
("2023/24", "Q3 2023-24"), a comparator ("England", "Region", "Statistical
neighbours", "Target", "Last year") or the value itself ("Value", "Actual", the
council's name). Where several period columns stand side by side the latest
(rightmost) is the value and the earlier ones are previous values.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from assure.document import CleanLine, SourceLine
from assure.extracting.figures.context import NEIGHBOURS, PERIOD, PROVISIONAL, REGION
from assure.extracting.figures.measures import weak
from assure.extracting.figures.numbers import SCALES, number_value
from assure.structure import Comparator, Metric

SCALE_WORD = re.compile(r"£\s?(bn|m|k)\b|\b(billion|million|thousand)s?\b", re.IGNORECASE)
THOUSANDS_COLUMN = re.compile(r"£\s?['’]?0{3}s?\b")
# "(8,021)" in an accounts column is a negative value, as is "-8,021"
CELL_NUMBER = re.compile(
    r"^\s*(?P<open>\()?\s*(?P<pound>£)?\s?(?P<digits>-?\d{1,3}(?:,\s?\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)*)"
    r"\s?(?P<suffix>%|bn|m|k|days?|weeks?|years?)?\s*(?P<close>\))?\s*(?P<flag>\(p\)|p|\*)?\s*$",
    re.IGNORECASE,
)
VALUE_HEAD = re.compile(
    r"^(?:value|actual|result|performance|outturn|forecast|variance|budget|spend|figure|number|latest"
    r"|current|this year|%|rate"
    r"|our (?:performance|figure|value))\b",
    re.IGNORECASE,
)
ENGLAND_HEAD = re.compile(r"\b(?:england|national|eng)\b", re.IGNORECASE)
TARGET_HEAD = re.compile(r"\btarget\b", re.IGNORECASE)
PREVIOUS_HEAD = re.compile(
    r"\b(?:previous|last year|prior|baseline|last period|was)\b", re.IGNORECASE
)
PERIOD_COLUMN = re.compile(r"^(?:period|date|year|reporting period|time ?period)$", re.IGNORECASE)
UNIT_COLUMN = re.compile(r"^units?$", re.IGNORECASE)
BARE_YEAR = re.compile(r"^(?:19|20)\d\d(?:\s?\(p\))?$")
MONEY_HEAD = re.compile(r"£|\bgbp\b|\bpounds\b", re.IGNORECASE)
PERCENT_NAME = re.compile(r"\(%\)|%|\bpercentage\b|\bproportion\b|\bper ?cent\b", re.IGNORECASE)


@dataclass
class FigureTable:
    value: int
    period_header: str | None
    comparators: list[tuple[int, str, str]] = field(default_factory=list)  # column, kind, header
    period_column: int | None = None
    unit_column: int | None = None
    provisional_columns: set[int] = field(default_factory=set)
    value_header: str = ""  # "Outturn £'000": a money column names its scale
    more_values: list[tuple[int, str]] = field(default_factory=list)  # other value columns


def cells(line: CleanLine) -> list[str]:
    return [c.strip() for c in line.text.split("\t")]


def is_number_cell(text: str) -> bool:
    return bool(CELL_NUMBER.match(text))


def header_kind(text: str, place: str | None) -> str | None:
    bare = PROVISIONAL.sub("", text).strip()
    if not bare:
        return None
    if NEIGHBOURS.search(bare) or re.fullmatch(r"SNs?|stat(?:istical)? neighbours?", bare, re.I):
        return "statistical_neighbours"
    if REGION.search(bare) or re.search(r"\bregion(?:al)?\b", bare, re.IGNORECASE):
        return "region"
    if ENGLAND_HEAD.search(bare):
        return "england"
    if TARGET_HEAD.search(bare):
        return "target"
    if PREVIOUS_HEAD.search(bare):
        return "previous"
    if PERIOD.fullmatch(bare) or BARE_YEAR.match(bare) or re.fullmatch(r"Q[1-4](?:\s.*)?", bare):
        return "period"
    if VALUE_HEAD.match(bare) or (place and bare.lower().startswith(place.lower())):
        return "value"
    return None


def read_header(header: list[str], place: str | None) -> FigureTable | None:
    kinds = {j: header_kind(h, place) for j, h in enumerate(header) if j > 0}
    periods = [j for j, k in kinds.items() if k == "period"]
    values = [j for j, k in kinds.items() if k == "value"]
    if not values and not periods:
        return None
    main = values[0] if values else periods[-1]
    table = FigureTable(
        value=main,
        period_header=header[main] if kinds[main] == "period" else None,
        value_header=header[main],
    )
    for j, kind in kinds.items():
        if j != main and kind == "value":
            table.more_values.append((j, header[j]))  # "Budget | Outturn | Variance"
        if j == main or kind is None or kind == "value":
            continue
        table.comparators.append((j, "previous" if kind == "period" else kind, header[j]))
    for j, h in enumerate(header):
        if PERIOD_COLUMN.match(h):
            table.period_column = j
        elif UNIT_COLUMN.match(h):
            table.unit_column = j
        if PROVISIONAL.search(h):
            table.provisional_columns.add(j)
    return table


def read_cell(text: str) -> tuple[float | None, str | None, bool, bool] | None:
    """A figure cell's value, unit, whether malformed and whether provisional."""
    match = CELL_NUMBER.match(text)
    if not match:
        return None
    value, malformed = number_value(match["digits"].lstrip("-"))
    bracketed = bool(match["open"]) and bool(match["close"])
    if value is not None and (match["digits"].startswith("-") or bracketed):
        value = -value
    suffix = (match["suffix"] or "").lower()
    unit = None
    if match["pound"]:
        unit = "gbp"
        if value is not None and suffix in SCALES:
            value *= SCALES[suffix]
    elif suffix == "%":
        unit = "percent"
    elif suffix.startswith(("day", "week", "year")):
        unit = suffix.rstrip("s") + "s"
    return value, unit, malformed, bool(match["flag"] and match["flag"].lower() != "*")


def unit_from(indicator: str, unit_cell: str) -> str:
    hint = f"{unit_cell} {indicator}"
    if PERCENT_NAME.search(hint):
        return "percent"
    if "£" in hint:
        return "gbp"
    if re.search(r"\bdays?\b", unit_cell, re.IGNORECASE):
        return "days"
    return "count"


def money_scale(unit_cell: str) -> float:
    """What a money column's unit multiplies its figures by, by the same scales
    as figures in prose: "£ million" 1,000,000, "£000s" or "£k" 1,000 (money is
    kept in pounds)."""
    if THOUSANDS_COLUMN.search(unit_cell):
        return 1_000.0
    match = SCALE_WORD.search(unit_cell)
    return SCALES[(match[1] or match[2]).lower()] if match else 1.0


def row_metric(row: list[str], number: int, table: FigureTable, place: str | None) -> Metric | None:
    indicator = row[0] if row else ""
    if not indicator or table.value >= len(row):
        return None
    read = read_cell(row[table.value])
    if read is None:
        return None
    value, unit, malformed, provisional = read
    unit_cell = (
        row[table.unit_column]
        if table.unit_column is not None and table.unit_column < len(row)
        else ""
    )
    scale = 1.0
    if unit is None and MONEY_HEAD.search(table.value_header):
        unit, scale = "gbp", money_scale(table.value_header)  # "Variance £'000": the column's
    elif unit is None:
        unit = unit_from(indicator, unit_cell)
        scale = money_scale(unit_cell) if unit == "gbp" else 1.0
    value = value * scale if value is not None else None
    comparators = []
    for column, kind, header in table.comparators:
        if column < len(row) and (other := read_cell(row[column])):
            compared = other[0] * scale if other[0] is not None and other[1] is None else other[0]
            comparators.append(
                Comparator(kind=kind, value=compared, text=f"{header}: {row[column]}")
            )
    period = table.period_header
    if table.period_column is not None and table.period_column < len(row):
        period = row[table.period_column] or period
    if period:
        period = PROVISIONAL.sub("", period).strip() or None
    return Metric(
        text=row[table.value],
        value=value,
        unit=unit,
        start_line=number,
        measure=indicator,
        period=period,
        geography=place,
        comparators=tuple(comparators),
        provisional=provisional
        or table.value in table.provisional_columns
        or bool(PROVISIONAL.search(indicator)),
        malformed=malformed,
    )


UNIT_IN_HEADER = re.compile(
    r"\s*\(?£\s?['’]?(?:0{3}s?|m|k|bn|million|thousands?)?\)?\s*$|\s*\(%\)\s*$"
)


def column_name(header: str) -> str:
    """A column's header without its unit: "Outturn £'000" -> "Outturn"."""
    return UNIT_IN_HEADER.sub("", header).strip() or header


def other_values(row: list[str], table: FigureTable, first: Metric) -> list[Metric]:
    """The row's figures in the table's other value columns ("Budget", "Outturn",
    "Variance"), each measured as the row's indicator in that column."""
    found = []
    for column, header in table.more_values:
        read = read_cell(row[column]) if column < len(row) else None
        if read is None or read[0] is None:
            continue
        value, unit, malformed, provisional = read[0], read[1], read[2], read[3]
        scale = 1.0
        if unit is None and MONEY_HEAD.search(header):
            unit, scale = "gbp", money_scale(header)
        name = column_name(header)
        found.append(
            replace(
                first,
                text=row[column],
                value=value * scale,
                unit=unit or first.unit,
                measure=f"{first.measure.rsplit(': ', 1)[0]}: {name}" if first.measure else name,
                comparators=(),
                provisional=provisional,
                malformed=malformed,
            )
        )
    return found


def read_table(
    lines: tuple[CleanLine, ...], index: int, place: str | None, source: tuple[SourceLine, ...] = ()
) -> tuple[list[Metric], int] | None:
    """Metrics of the figure table whose header is at ``index``, and the index after it;
    ``None`` when the line does not head a table of figures."""
    header = cells(lines[index])
    if len(header) < 2 or index + 1 >= len(lines) or "\t" not in lines[index + 1].text:
        return None
    if any(is_number_cell(h) for h in header[1:]) and not all(
        BARE_YEAR.match(h) for h in header[1:] if h
    ):
        return None
    table = read_header(header, place)
    if table is None:
        return None
    metrics: list[Metric] = []
    i = index + 1
    while i < len(lines) and "\t" in lines[i].text:
        row = cells(lines[i])
        if metric := row_metric(row, lines[i].number, table, place):
            if table.more_values and metric.measure:
                # several value columns: each figure is named with its column's
                metric = replace(
                    metric, measure=f"{metric.measure}: {column_name(table.value_header)}"
                )
            metrics.append(metric)
            metrics.extend(other_values(row, table, metric))
        i += 1
    if not metrics:
        return None
    return unnamed_categories(metrics), i


REPEATED_LABEL = 3


def unnamed_categories(metrics: list[Metric]) -> list[Metric]:
    """Rows whose first cell repeats ("Aggregated from LSOA" over rows of areas)
    are told apart by another column: that cell names a category, not what the
    row measures, so the row's figure is left unnamed."""
    seen = Counter(m.measure for m in metrics)
    return [
        replace(m, measure=None)
        if m.measure and (seen[m.measure] >= REPEATED_LABEL or weak(m.measure))
        else m
        for m in metrics
    ]
