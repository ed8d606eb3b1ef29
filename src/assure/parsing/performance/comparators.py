"""Comparator tables: one indicator, a row per area (the council, its statistical
neighbours, their average, the region, England) and a column per year.

    - - 2019 2020 2021 2022 2023 -
    812 Northfield - - 41.20 55.75 60.10 58.40 - -1.70
    Statistical Neighbours - - 48.00 51.30 54.90 57.25 - 2.35
    970 England - - 50.60 52.80 56.00 56.90 - 0.90

A header of three or more years (with placeholders for other columns) sets
the columns; each row after it whose values line up is an area's row, read
from the left ("-" is a missing value). Every area and year gives a figure;
the council's own latest figure carries the others as comparators: England,
the region, the statistical neighbours' average and its own previous year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assure.document import CleanText
from assure.structure import Comparator, Metric

YEAR = re.compile(r"^(?:19|20)\d\d(?:[/-]\d\d)?$")
VALUE = re.compile(r"^(?:-|–|[-−]?\d[\d,]*(?:\.\d+)?%?|n/?a|\*|x|\.\.)$", re.IGNORECASE)
MISSING = re.compile(r"^(?:-|–|n/?a|\*|x|\.\.)$", re.IGNORECASE)
# The characters of a line made only of years and missing values, which a header is.
HEADER_CHARACTERS = re.compile(r"[\s\d/*.nNaAxX–-]*")
CODE = re.compile(r"^(?:\d{3}|E\d{8}|[A-Z]{1,3})$")  # an area's code, or a stray header letter
ENGLAND = re.compile(r"^(?:england|national)\b", re.IGNORECASE)
NEIGHBOURS = re.compile(r"statistical\s+neighbours?|\bsn\b|comparator\s+average", re.IGNORECASE)
REGION = re.compile(
    r"^(?:south\s+east|south\s+west|north\s+east|north\s+west|east\s+midlands|west\s+midlands"
    r"|east\s+of\s+england|yorkshire(?:\s+and\s+(?:the\s+)?humber)?|london|inner\s+london"
    r"|outer\s+london)$",
    re.IGNORECASE,
)
MEASURE = re.compile(r"\b(?:rate|percentage|proportion|number|per\s+\d|%)", re.IGNORECASE)
MIN_YEARS = 3
MIN_ROWS = 3
HEADER_GAP = 3
MAX_MEASURE = 90


@dataclass(frozen=True, slots=True)
class YearHeader:
    line: int
    columns: tuple[str | None, ...]  # a year, or None for another column


def year_header(text: str) -> YearHeader | None:
    if not HEADER_CHARACTERS.fullmatch(text):
        return None  # a token that is neither a year nor a missing value
    tokens = text.split()
    if sum(1 for t in tokens if YEAR.match(t)) < MIN_YEARS:
        return None
    if not all(YEAR.match(t) or MISSING.match(t) for t in tokens):
        return None
    return YearHeader(0, tuple(t if YEAR.match(t) else None for t in tokens))


def area_row(text: str, width: int) -> tuple[str, list[str]] | None:
    """(area, values) where the line closes with at least ``width`` values."""
    tokens = text.split()
    values: list[str] = []
    while tokens and VALUE.match(tokens[-1]):
        values.insert(0, tokens.pop())
    if len(values) < width:
        return None
    while tokens and CODE.match(tokens[0]):
        tokens.pop(0)
    name = " ".join(tokens)
    if not name or not re.search(r"[A-Za-z]{3}", name):
        return None
    return name, values


def number(token: str) -> float | None:
    if MISSING.match(token):
        return None
    try:
        return float(token.replace(",", "").replace("−", "-").rstrip("%"))
    except ValueError:
        return None


def measure_of(text: CleanText) -> str | None:
    """The indicator the table is of: a short line naming a rate or share,
    preferring one the document repeats (the table's and the chart's title)."""
    candidates: dict[str, int] = {}
    for line in text.lines:
        words = line.text.strip()
        if (
            len(words) <= MAX_MEASURE
            and MEASURE.search(words)
            and not any(ch.isdigit() for ch in words.split()[0])
        ):
            candidates[words] = candidates.get(words, 0) + 1
    if not candidates:
        return None
    return max(candidates, key=lambda w: (candidates[w], -len(w)))


def comparator_tables(text: CleanText, place: str | None) -> list[Metric]:
    lines = text.lines
    measure = None
    metrics: list[Metric] = []
    index = 0
    while index < len(lines):
        header = year_header(lines[index].text)
        if header is None:
            index += 1
            continue
        width = len(header.columns)
        rows: list[tuple[int, str, list[str]]] = []
        index += 1
        skipped = 0  # the header's other lines ("Change from previous year")
        while (
            index < len(lines) and skipped < HEADER_GAP and not area_row(lines[index].text, width)
        ):
            index += 1
            skipped += 1
        while index < len(lines) and (row := area_row(lines[index].text, width)):
            rows.append((lines[index].number, *row))
            index += 1
        if len(rows) >= MIN_ROWS:
            measure = measure or measure_of(text)
            metrics.extend(table_metrics(header, rows, measure, place))
    return metrics


def table_metrics(
    header: YearHeader,
    rows: list[tuple[int, str, list[str]]],
    measure: str | None,
    place: str | None,
) -> list[Metric]:
    years = [(i, year) for i, year in enumerate(header.columns) if year]
    by_area: dict[str, dict[str, float]] = {}
    found: list[Metric] = []
    for line, area, values in rows:
        series: dict[str, float] = {}
        for i, year in years:
            if i < len(values) and (value := number(values[i])) is not None:
                series[year] = value
                found.append(
                    Metric(
                        text=f"{area} {year}: {values[i]}",
                        value=value,
                        unit="percent" if values[i].endswith("%") else None,
                        start_line=line,
                        measure=measure,
                        period=year,
                        geography=area,
                    )
                )
        by_area[area] = series
    if place:
        found = [with_comparators(m, by_area, place) for m in found]
    return found


def with_comparators(metric: Metric, by_area: dict[str, dict[str, float]], place: str) -> Metric:
    """The council's own figures compared with England, the region, the
    neighbours' average (same year) and its own previous year."""
    if (metric.geography or "").casefold() != place.casefold() or metric.period is None:
        return metric
    year = metric.period
    comparators: list[Comparator] = []
    for area, series in by_area.items():
        kind = (
            "england" if ENGLAND.match(area) else "region" if REGION.match(area)
            else "statistical_neighbours" if NEIGHBOURS.search(area) else None
        )  # fmt: skip
        if kind and year in series:
            comparators.append(Comparator(kind, series[year], f"{area} {year}"))
    own = by_area.get(metric.geography or "", {})
    earlier = [y for y in own if y < year]
    if earlier:
        comparators.append(Comparator("previous", own[max(earlier)], f"{max(earlier)}"))
    return replace(metric, comparators=tuple(comparators))
