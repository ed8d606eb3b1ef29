"""Figures in a document: every number that measures something, with what it
measures, its unit, period, geography, comparators and flags.

``extract_metrics(text)`` runs on every document, so it is one left-to-right
pass over the clean lines with precompiled patterns: prose is read sentence by
sentence, tab-separated tables of figures row by row under their header.
"""

from __future__ import annotations

import re

from assure.document import CleanLine, CleanText
from assure.extracting.figures.context import (
    comparator_kind,
    geography_in,
    is_comparing,
    measure_of,
    period_of,
    provisional,
    sentences,
    wordy_comparators,
)
from assure.extracting.figures.numbers import Figure, figures_in
from assure.extracting.figures.tables import read_table
from assure.structure import Comparator, Metric

__all__ = ["extract_metrics"]

PLACE = re.compile(
    r"\b((?:[A-Z][a-z]+|[A-Z]{3,})(?:\s(?:[A-Z][a-z]+|[A-Z]{3,})){0,2})\s+"
    r"(?:(?:Metropolitan\s+)?(?:Borough|City|County|District)\s+)?(?:Council|COUNCIL)\b"
)
NOT_PLACE = frozenset(
    {"The", "THE", "This", "Our", "Full", "Parish", "County", "City", "Borough", "Town"}
)
COUNCIL_KINDS = frozenset({"metropolitan", "borough", "city", "county", "district", "royal"})
# A line of bare numbers is a page number or an agenda item's page range.
NO_WORDS = re.compile(r"^[\d\s.,\-–]*$")
PAGE_CELL = re.compile(r"^[\d.\s]*$")
FROM_BEFORE = re.compile(r"\bfrom\s*$", re.IGNORECASE)
TO_GAP = re.compile(r"^\s*to\s*$", re.IGNORECASE)
PAREN_GAP = re.compile(r"^\s*\(\s*$")


def place_of(text: CleanText) -> str | None:
    """The council the document is about, from the first "<Name> Council" near its top."""
    for line in text.lines[:200]:
        for match in PLACE.finditer(line.text):
            words = match.group(1).split()
            while words and words[0] in NOT_PLACE:
                words.pop(0)
            while words and words[-1].lower() in COUNCIL_KINDS:
                words.pop()
            if words:
                return " ".join(w if not w.isupper() else w.title() for w in words)
    return None


def source_line_at(text: CleanText, line: CleanLine, offset: int) -> int:
    """The source line holding character ``offset`` of a joined clean line."""
    if line.end <= line.number:
        return line.number
    consumed = 0
    for number in range(line.number, line.end + 1):
        if not 1 <= number <= len(text.source.lines):
            break
        consumed += len(text.source.lines[number - 1].text.strip()) + 1
        if consumed > offset:
            return number
    return line.end


def sentence_metrics(
    text: CleanText, line: CleanLine, base: int, sentence: str, place: str | None, flagged: bool
) -> list[Metric]:
    metrics: list[Metric] = []
    main: Figure | None = None
    compared: list[Comparator] = []
    figures = figures_in(sentence)
    starts = tuple(f.start for f in figures)

    def close() -> None:
        if main is None:
            return
        wordy, wordy_start = ([], None) if compared else wordy_comparators(sentence, main.end)
        stops = [x for x in (compared_start, wordy_start, main.end + 60) if x is not None]
        around = sentence[: main.start] + " " + sentence[main.end : min(stops)]
        metrics.append(
            Metric(
                text=main.text,
                value=main.value,
                unit=main.unit,
                start_line=source_line_at(text, line, base + main.start),
                measure=measure_of(sentence, main.start, main.end),
                period=period_of(sentence, main.start, starts),
                geography=geography_in(around, None) or place,
                comparators=(*compared, *wordy),
                provisional=flagged or provisional(sentence),
                malformed=main.malformed,
            )
        )

    compared_start: int | None = None
    for figure in figures:
        if main is not None:
            gap = sentence[main.end : figure.start]
            same_unit = figure.unit == main.unit
            after = sentence[figure.end : figure.end + 40]
            if same_unit and TO_GAP.match(gap) and FROM_BEFORE.search(sentence[: main.start]):
                # "from 12% to 15%": the later figure is current, the earlier previous
                previous = Comparator(kind="previous", value=main.value, text=main.text)
                main, compared, compared_start = figure, [previous], None
                continue
            if same_unit and (
                is_comparing(gap) or (PAREN_GAP.match(gap) and after.startswith(")"))
            ):
                kind = "previous" if PAREN_GAP.match(gap) else comparator_kind(gap, after)
                compared.append(Comparator(kind=kind, value=figure.value, text=figure.text))
                if compared_start is None:
                    compared_start = main.end + len(gap) - len(gap.lstrip())
                continue
            close()
        main, compared, compared_start = figure, [], None
    close()
    return metrics


def prose_metrics(text: CleanText, line: CleanLine, body: str, place: str | None) -> list[Metric]:
    found: list[Metric] = []
    for base, sentence in sentences(body):
        found.extend(sentence_metrics(text, line, base, sentence, place, False))
    return found


def extract_metrics(text: CleanText) -> tuple[Metric, ...]:
    """Every figure in ``text`` with its value, unit, measure, period, geography and
    comparators, in line order. Never raises on odd text.

    >>> # "42% of people, compared with 26% in England" -> one metric, value 42.0,
    >>> # unit "percent", with an "england" comparator of 26.0
    """
    place = place_of(text)
    metrics: list[Metric] = []
    lines = text.lines
    i = 0
    while i < len(lines):
        line = lines[i]
        if "\t" in line.text:
            table = read_table(lines, i, place)
            if table is not None:
                metrics.extend(table[0])
                i = table[1]
                continue
            for cell in line.text.split("\t"):
                if cell.strip() and not PAGE_CELL.match(cell):
                    metrics.extend(prose_metrics(text, line, cell.strip(), place))
        elif not NO_WORDS.match(line.text):
            metrics.extend(prose_metrics(text, line, line.text, place))
        i += 1
    return tuple(metrics)
