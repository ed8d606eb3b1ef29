"""Consistency findings: placeholders left in a document, and one measure quoted
with different values, within a document or across documents.

A measure is "the same" when its normalised phrase, period, unit and geography
agree. Two values agree when they differ only by rounding. Some figures are
never compared: those whose phrase names no measure (a population, a place, a
placeholder), and the cells of one table row (several figures of one line with
one phrase: the row's label names them all and only their lost column headers
told them apart). Across documents a figure must say its period: "22% of
residents" in a 2019 strategy and in a 2024 report are no conflict; a place
left unsaid is the documents' council's own (so one council's documents are
compared with each other, never with another council's).
Dates that disagree with a meeting are the committee pack parser's to report,
not ours.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable

from assure.document import CleanText
from assure.extracting.figures.measures import weak
from assure.structure import Finding, Metric, ParsedStructure

PLACEHOLDER = re.compile(
    r"\bTO BE (?:COMPLETED|CONFIRMED|ADDED|INSERTED|UPDATED)\b|\bTBC\b|\bTBA\b|\bTBD\b"
    r"|(?<![A-Za-z])X{3,}(?![A-Za-z])|£X{2,}\b|\bX{2,}%"
    r"|\[\s*(?:insert|add|enter|tbc|to be)[^\]]{0,60}\]"
    r"|<\s*insert[^>]{0,60}>|\?{2,}|\[\s*\.{2,}\s*\]",
)
# Every placeholder holds one of these (the pattern is case-sensitive): a line
# with none is not searched.
PLACEHOLDER_HINTS = ("TO BE", "TB", "XX", "[", "<", "??")
SPACE = re.compile(r"\s+")
WORD = re.compile(r"[a-z0-9][a-z0-9'’+-]*")  # "aged 70-74" and "aged 75-79" differ
STOP = frozenset(
    ["the", "a", "an", "of", "in", "on", "for", "to", "and", "our", "its", "their", "with", "who",
     "that", "this", "by", "at", "as", "from", "were", "was", "are", "is", "be", "been", "have",
     "has", "had", "who", "which"]
)  # fmt: skip
DEICTIC = re.compile(r"\b(?:this|that|these|those|the same)\s+(?!year\b)[a-z]", re.IGNORECASE)
INSTRUCTION = re.compile(r"\bplease\s+(?:make\s+a\s+)?select|\bselect\s+(?:an?|the)\b", re.I)
# Phrases too general to say two figures measure one thing.
GENERIC = frozenset(["people", "person", "year", "years", "month", "time", "number", "total"])
MIN_WORDS = 2


def placeholders(text: CleanText) -> list[Finding]:
    """One finding per line that still holds a placeholder."""
    found: list[Finding] = []
    # The marks the document holds at all (no mark spans a line break), then the lines holding one.
    whole = "\n".join([line.text for line in text.lines])
    hints = [hint for hint in PLACEHOLDER_HINTS if hint in whole]
    if not hints:
        return found
    for line in text.lines:
        if not any(map(line.text.__contains__, hints)):
            continue
        if match := PLACEHOLDER.search(line.text):
            found.append(
                Finding(
                    kind="placeholder",
                    message=f"placeholder left in the text: {match.group(0)!r}",
                    start_line=line.number,
                )
            )
    return found


def measure_key(metric: Metric) -> tuple[str, str, str, str] | None:
    """What makes two metrics the same measure, or ``None`` when it is too vague to say."""
    if metric.measure is None or metric.value is None or metric.malformed:
        return None
    if weak(metric.measure) or INSTRUCTION.search(metric.measure):
        return None
    if DEICTIC.search(metric.measure):
        return None  # "attended this session": which session, only the text around says
    words = [w.rstrip("s") for w in WORD.findall(metric.measure.lower()) if w not in STOP]
    if len(words) < MIN_WORDS or all(w in GENERIC for w in words):
        return None
    period = SPACE.sub("", (metric.period or "").lower()).replace("–", "-")
    geography = (metric.geography or "").lower()
    return " ".join(words), period, metric.unit or "", geography


def agree(one: float, other: float, unit: str | None) -> bool:
    """Two values of one measure agree when they differ by rounding only."""
    if unit == "percent":
        return abs(one - other) <= 0.5
    return abs(one - other) <= max(0.5, 0.005 * max(abs(one), abs(other)))


def describe(metric: Metric) -> str:
    parts = [f"{metric.measure!r}"]
    if metric.period:
        parts.append(f"in {metric.period}")
    return " ".join(parts)


def conflicting(
    metrics: Iterable[Metric], paragraph_of: Callable[[int], int] = lambda line: line
) -> list[Finding]:
    """Later figures of one measure that disagree with its first figure.

    Two figures in one paragraph (``paragraph_of`` maps a source line to its
    paragraph) are never a conflict: a writer does not contradict themselves
    mid-sentence, and "rose from 512 to 598" gives two values on purpose."""
    first: dict[tuple[str, str, str, str], Metric] = {}
    found = []
    metrics = list(metrics)
    cells = row_cells(metrics)
    for index, metric in enumerate(metrics):
        key = measure_key(metric)
        if key is None or index in cells:
            continue
        seen = first.setdefault(key, metric)
        if seen is metric or paragraph_of(seen.start_line) == paragraph_of(metric.start_line):
            continue
        assert seen.value is not None and metric.value is not None
        if not agree(seen.value, metric.value, metric.unit):
            found.append(
                Finding(
                    kind="conflicting_figure",
                    message=(
                        f"{describe(metric)} is given as {metric.text} here and as "
                        f"{seen.text} at line {seen.start_line}"
                    ),
                    start_line=metric.start_line,
                    other_line=seen.start_line,
                )
            )
    return found


def row_cells(metrics: list[Metric]) -> set[int]:
    """Indices of figures that are cells of one table row: several on one line
    under one phrase, in one unit ("3 in 5 (62%)" is one figure written twice)."""
    shared: Counter[tuple[int, str | None, str | None]] = Counter(
        (m.start_line, m.measure, m.unit) for m in metrics if m.measure
    )
    return {i for i, m in enumerate(metrics) if shared[(m.start_line, m.measure, m.unit)] > 1}


def check_document(
    text: CleanText, structure: ParsedStructure, metrics: tuple[Metric, ...]
) -> tuple[Finding, ...]:
    """Placeholders and conflicting figures in one document, in line order.

    ``structure`` is accepted so checks that need the parsed structure can be
    added; date mismatches are already reported by the committee pack parser.
    """
    found = placeholders(text) + conflicting(metrics, paragraphs(text))
    return tuple(sorted(found, key=lambda f: (f.start_line, f.kind)))


def paragraphs(text: CleanText) -> Callable[[int], int]:
    """Source line -> the first source line of the clean line holding it (a
    PDF's wrapped lines are one clean line)."""
    starts = [line.number for line in text.lines]
    ends = [line.end for line in text.lines]

    def paragraph_of(number: int) -> int:
        index = bisect_right(starts, number) - 1
        return starts[index] if index >= 0 and number <= ends[index] else number

    return paragraph_of


def compare_metrics(items: Iterable[tuple[str, Metric]]) -> list[Finding]:
    """Figures of one measure that disagree between documents.

    ``items`` pairs a document reference with each of its metrics. For each
    measure, the first figure from each document is compared with the first
    figure seen for it at all; each disagreement gives a finding in the later
    document (``document``) pointing at the earlier (``other_document``).
    """
    first: dict[tuple[str, str, str, str], tuple[str, Metric]] = {}
    reported: set[tuple[tuple[str, str, str, str], str]] = set()
    found = []
    items = list(items)
    by_document: dict[str, list[int]] = {}
    for index, (document, _) in enumerate(items):
        by_document.setdefault(document, []).append(index)
    cells = {
        indices[i]
        for indices in by_document.values()
        for i in row_cells([items[j][1] for j in indices])
    }
    for index, (document, metric) in enumerate(items):
        key = measure_key(metric)
        if key is None or index in cells or not key[1]:
            continue  # a cell of a row, or a figure that does not say when
        seen_document, seen = first.setdefault(key, (document, metric))
        if seen_document == document or (key, document) in reported:
            continue
        reported.add((key, document))
        assert seen.value is not None and metric.value is not None
        if not agree(seen.value, metric.value, metric.unit):
            found.append(
                Finding(
                    kind="conflicting_figure",
                    message=(
                        f"{describe(metric)} is given as {metric.text} here and as "
                        f"{seen.text} in {seen_document} (line {seen.start_line})"
                    ),
                    start_line=metric.start_line,
                    other_line=seen.start_line,
                    other_document=seen_document,
                    document=document,
                )
            )
    return found
