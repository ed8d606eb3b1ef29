"""Figures in a document: every number that measures something, with what it
measures, its unit, period, geography, comparators and flags.

``extract_metrics(text)`` runs on every document, so it is one left-to-right
pass over the clean lines with precompiled patterns: prose is read sentence by
sentence, tab-separated tables of figures row by row under their header.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from assure.document import CleanLine, CleanText
from assure.extracting.figures.context import (
    comparator_kind,
    geography_in,
    is_comparing,
    period_of,
    sentences,
    wordy_comparators,
)
from assure.extracting.figures.flattened import FlatRow, column_scale, flattened_row
from assure.extracting.figures.layout import furniture
from assure.extracting.figures.leads import LeadIn
from assure.extracting.figures.measures import (
    CHANGE,
    bracketed,
    measure_after,
    of_which,
    per_unit,
    weak,
)
from assure.extracting.figures.numbers import Figure
from assure.extracting.figures.screening import for_folded, has_digit, mentions
from assure.extracting.figures.sentence import SentenceFigures, measure_in, read_sentence
from assure.extracting.figures.tables import read_table
from assure.normalising.folding import folded
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
LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)$")
RESPECTIVELY = re.compile(r"^[^.;]{0,60}?\brespectively\b", re.IGNORECASE)
WHICH_REACH = 80  # "which was about": read in a bounded tail before the figure
WHICH_BEFORE = re.compile(
    r"\bwhich\s+(?:is|was|are|were|averages?\s+(?:out\s+)?(?:to|at)|equates\s+to|works\s+out\s+at)"
    r"\s+(?:about\s+|around\s+|approximately\s+)?$",
    re.I,
)
POINTED = re.compile(r"\b(?:this|that|it|these|those)\b(?!\s+(?:is|was)\s+(?:a|an|the)\b)", re.I)
FOLDED_POINTED = for_folded(POINTED)
CLAUSE_BREAKS = ",;:("
POINTS_BACK = re.compile(
    r"\W*(?:this|that|these|it)\s+(?:has|have|is|was|were|are|remains?)\b", re.I
)
INHERIT_GAP = (
    40  # characters: a figure this close after another, naming nothing, shares its measure
)
OF_AFTER = re.compile(r"^\s*\)?\s*of\s")
# A population on its own ("2,000 people") is a vague measure but no wrong one.
POPULATION_ONLY = re.compile(r"^(?:people|adults|children|residents|carers|pupils|staff)$", re.I)
DIFFERENCE_AFTER = re.compile(r"^\s+((?:more|less|fewer|higher|lower)\s+than\s+[^,.;:()]{2,40})")
AGES = frozenset({"count", "years"})
# Beyond this many characters a later figure is not a comparator of an earlier one.
MAX_COMPARING_GAP = 90


def place_of(text: CleanText) -> str | None:
    """The council the document is about, from the first "<Name> Council" near its top."""
    for line in text.lines[:200]:
        if "Council" not in line.text and "COUNCIL" not in line.text:
            continue  # every match ends with one: most lines are not searched
        for match in PLACE.finditer(line.text):
            words = match.group(1).split()
            while words and words[0] in NOT_PLACE:
                words.pop(0)
            while words and words[-1].lower() in COUNCIL_KINDS:
                words.pop()
            if words:
                return " ".join(w if not w.isupper() else w.title() for w in words)
    return None


def line_starts(text: CleanText, line: CleanLine) -> list[int]:
    """Where each source line of a joined clean line starts, as character offsets."""
    offsets, consumed = [], 0
    for number in range(line.number, min(line.end, len(text.source.lines)) + 1):
        offsets.append(consumed)
        consumed += len(text.source.lines[number - 1].text.strip()) + 1
    return offsets


def respective(sentence: str, figures: Sequence[Figure]) -> dict[int, tuple[int, Comparator]]:
    """Comparators written after a list of figures ("72%, 81% and 79% ..., compared with
    77%, 83% and 82% respectively for England"): figure index -> (comparator index, comparator)."""
    if "respectively" not in sentence.lower():
        return {}
    for k in range(2, len(figures) // 2 + 1):
        seconds = figures[k : 2 * k]
        gaps = [sentence[a.end : b.start] for a, b in pairwise(figures[: 2 * k])]
        lists = [g for i, g in enumerate(gaps) if i != k - 1]
        if not all(LIST_GAP.match(g) for g in lists) or not is_comparing(gaps[k - 1]):
            continue
        if len({f.unit for f in figures[: 2 * k]}) != 1:
            continue
        after = sentence[seconds[-1].end :]
        if not RESPECTIVELY.match(after):
            continue
        kind = comparator_kind(gaps[k - 1], after)
        return {
            i: (k + i, Comparator(kind=kind, value=second.value, text=second.text))
            for i, second in enumerate(seconds)
        }
    return {}


def inherited(
    sentence: str,
    main: Figure,
    measure: str | None,
    metrics: list[Metric],
    ends: list[int],
    reading: Reading,
) -> str | None:
    """The measure of a figure whose own words name none: an earlier figure's in
    its sentence ("by 4% and 74% respectively", "12,491, of which 11,090 were
    completed", "which was £6m more"), the previous sentence's where this one
    points back ("This was higher than ... at 41%"), or none."""
    earlier = metrics[-1].measure if metrics else None
    before = sentence[: main.start]
    reach = sentence[max(0, main.start - WHICH_REACH) : main.start]
    which = WHICH_BEFORE.search(reach) if mentions(reach, "which") else None
    if earlier and which and not OF_AFTER.match(sentence[main.end :]):
        # "outturn was £120m, which was £6m more than forecast": the earlier figure's measure
        difference = DIFFERENCE_AFTER.match(sentence[main.end :])
        return " ".join(x for x in (earlier, difference and difference.group(1)) if x)
    if earlier and of_which(sentence, main.start):
        part = measure_after(sentence[main.end : main.end + 160])
        return f"{earlier}: {part}" if part else earlier
    if not weak(measure, reading.place) or (measure and bracketed(sentence, main.start, main.end)):
        return measure  # "200 individuals (40 families)": the bracket's own words
    # "This has increased ... below statistical neighbours (17%)": the sentence points back
    pointed = bool(FOLDED_POINTED.search(folded(last_clause(before))))
    pointed = pointed or bool(POINTS_BACK.match(sentence))
    if earlier and (
        pointed or main.start - ends[-1] <= INHERIT_GAP or same_population(measure, earlier)
    ):
        return changed(measure, earlier)  # "by 4% and 74% respectively", "an 18% increase"
    if not metrics and pointed and reading.carried:
        return changed(measure, reading.carried)  # "This represents a 15% increase"
    if measure and POPULATION_ONLY.match(measure):
        return measure  # "2,000 people": vague but not wrong
    return None  # "but still 26%", "Northfield 84.5%": names nothing measured


def last_clause(text: str) -> str:
    """What follows the last clause break ("," ";" ":" "(") of ``text``,
    found from the end: a long sentence is not cut up once per figure."""
    return text[max(text.rfind(mark) for mark in CLAUSE_BREAKS) + 1 :]


def same_population(measure: str | None, earlier: str) -> bool:
    """Whether a bare population ("5,500 people") is the one an earlier figure measured."""
    if measure is None or not POPULATION_ONLY.match(measure):
        return False
    return measure.lower() in earlier.lower()


def changed(measure: str | None, earlier: str) -> str:
    """An earlier figure's measure, as the change a word names: "increase in ..."."""
    return f"{measure} in {earlier}" if measure and CHANGE.match(measure) else earlier


def sentence_metrics(
    reading: Reading, base: int, sentence: str, starts: list[int], written: SentenceFigures
) -> list[Metric]:
    """The metrics of one sentence (``written`` is what ``read_sentence`` read in
    it): each figure, with the figures just after it that it is compared with
    ("42%, compared with 65% in England") as its comparators."""
    metrics: list[Metric] = []
    ends: list[int] = []  # where each metric's figure ends in the sentence
    figures = written.figures
    if not figures:
        return metrics
    offsets = [f.start for f in figures]
    periods, flagged = written.periods, written.provisional
    main: Figure | None = None
    compared: list[Comparator] = []
    compared_start: int | None = None
    pairs = respective(sentence, figures)
    paired = {index for index, _ in pairs.values()}
    list_measure = (
        measure_in(sentence, figures[len(pairs) - 1].start, figures[len(pairs) - 1].end)
        if pairs
        else None
    )

    def close() -> None:
        if main is None:
            return
        wordy, wordy_start = ([], None) if compared else wordy_comparators(sentence, main.end)
        stops = [x for x in (compared_start, wordy_start, main.end + 60) if x is not None]
        around = (
            sentence[max(0, main.start - 200) : main.start] + " " + sentence[main.end : min(stops)]
        )
        offset = base + main.start
        number = (
            reading.line.number + max(0, bisect_right(starts, offset) - 1)
            if starts
            else reading.line.number
        )
        measure = (
            list_measure
            if main in pair_mains
            else measure_in(sentence, main.start, main.end, main.unit == "gbp")
        )
        measure = inherited(sentence, main, measure, metrics, ends, reading)
        measure = per_unit(sentence, main.end, measure)
        ends.append(main.end)
        metrics.append(
            Metric(
                text=main.text,
                value=main.value,
                unit=main.unit,
                start_line=min(number, reading.line.end),
                measure=measure,
                period=period_of(periods, main.start, offsets, sentence, main.end),
                geography=geography_in(around, None) or reading.place,
                comparators=(*compared, *wordy),
                provisional=flagged,
                malformed=main.malformed,
            )
        )

    pair_mains = {figures[i] for i in pairs}
    previous_end = 0
    for index, figure in enumerate(figures):
        if index in paired:
            continue
        if index in pairs:
            close()
            main, compared, compared_start = figure, [pairs[index][1]], None
            previous_end = figure.end
            continue
        if main is not None:
            gap = sentence[previous_end : figure.start]
            # "the median age is 41, ... for England, which is 39 years": ages may differ in unit
            same_unit = figure.unit == main.unit or {figure.unit, main.unit} == AGES
            after = sentence[figure.end : figure.end + 40]
            before_main = sentence[max(0, main.start - 20) : main.start]
            if not compared and same_unit and TO_GAP.match(gap) and FROM_BEFORE.search(before_main):
                # "from 12% to 15%": the later figure is current, the earlier previous
                previous = Comparator(kind="previous", value=main.value, text=main.text)
                main, compared, compared_start = figure, [previous], None
                previous_end = figure.end
                continue
            near = len(gap) <= MAX_COMPARING_GAP
            paren = bool(PAREN_GAP.match(gap)) and after.startswith(")")
            if same_unit and near and (is_comparing(gap) or paren):
                kind = "previous" if paren else comparator_kind(gap, after)
                compared.append(Comparator(kind=kind, value=figure.value, text=figure.text))
                if compared_start is None:
                    compared_start = previous_end + len(gap) - len(gap.lstrip())
                previous_end = figure.end
                continue
            close()
        main, compared, compared_start = figure, [], None
        previous_end = figure.end
    close()
    return metrics


@dataclass(frozen=True)
class Reading:
    """The line being read, the council the document is about, and the measure
    of the last figure of the sentence before (for one that points back)."""

    line: CleanLine
    place: str | None
    carried: str | None = None


def prose_metrics(text: CleanText, line: CleanLine, body: str, place: str | None) -> list[Metric]:
    if not has_digit(body) and "£" not in body:
        return []  # no sentence of it holds a figure (see ``figures_in``)
    starts: list[int] | None = None  # worked out for the first sentence with figures
    found: list[Metric] = []
    for base, sentence in sentences(body):
        written = read_sentence(sentence)
        if not written.figures:
            continue  # most sentences
        if starts is None:
            starts = line_starts(text, line) if line.end > line.number else []
        carried = next((m.measure for m in reversed(found) if m.measure), None)
        reading = Reading(line, place, carried)
        found.extend(sentence_metrics(reading, base, sentence, starts, written))
    return found


def row_metrics(line: CleanLine, row: FlatRow, place: str | None) -> list[Metric]:
    return [
        Metric(
            text=cell.text,
            value=cell.value,
            unit=cell.unit,
            start_line=line.number,
            measure=row.measure,
            geography=place,
        )
        for cell in row.cells
    ]


# A cell of a table row is read as prose only when it is prose: a long passage
# or a sentence; shorter cells are labels, whose numbers name ("Under 16",
# "5 A*-C", "by age 19").
PROSE_CELL_WORDS = 15
SENTENCE = re.compile(r"[.!?](?:\s|$)")


def prose_cell(cell: str) -> bool:
    words = len(cell.split())
    return words >= PROSE_CELL_WORDS or (words >= 6 and bool(SENTENCE.search(cell)))


FOOTNOTE_MARK = re.compile(r"^\s*\d{1,2}\s+")


def extract_metrics(text: CleanText) -> tuple[Metric, ...]:
    """Every figure in ``text`` with its value, unit, measure, period, geography and
    comparators, in line order. Never raises on odd text.

    >>> # "42% of people, compared with 26% in England" -> one metric, value 42.0,
    >>> # unit "percent", with an "england" comparator of 26.0
    """
    place = place_of(text)
    metrics: list[Metric] = []
    lines = text.lines
    skip, footnotes = furniture(lines)
    lead = LeadIn()
    money_scale: tuple[int | None, float] | None = None  # a page's "£m" columns
    i = 0
    while i < len(lines):
        line = lines[i]
        if money_scale is not None and money_scale[0] != line.page:
            money_scale = None
        if i in skip:
            i += 1
            continue
        if (scale := column_scale(line.text)) is not None:
            money_scale = (line.page, scale)
            i += 1
            continue
        if "\t" in line.text:
            table = read_table(lines, i, place)
            if table is not None:
                metrics.extend(table[0])
                i = table[1]
                continue
            for cell in line.text.split("\t"):
                if cell.strip() and not PAGE_CELL.match(cell) and prose_cell(cell):
                    metrics.extend(prose_metrics(text, line, cell.strip(), place))
        elif not has_digit(line.text) and "£" not in line.text:
            # most lines: no figure (see ``prose_metrics``), but a lead-in or the end of a list
            if not NO_WORDS.match(line.text):
                lead.name(line.text, [])
        elif row := flattened_row(line.text, money_scale[1] if money_scale else None):
            metrics.extend(row_metrics(line, row, place))
        elif not NO_WORDS.match(line.text):
            body = line.text
            if i in footnotes:
                body = FOOTNOTE_MARK.sub(lambda m: " " * len(m.group(0)), body, 1)
            found = prose_metrics(text, line, body, place)
            metrics.extend(lead.name(line.text, found))
        i += 1
    return tuple(metrics)
