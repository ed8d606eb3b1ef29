"""Performance reports, scorecards and indicator profiles.

A row per indicator: its name, value, unit and period, and where the document
gives them its target, RAG rating, direction of travel, previous value and
comparators. Read are: scorecard tables (cells kept or flattened; ``table``),
rows whose figures carry labels ("Latest:
94% Target: 90% Previous: 89% (Amber)"; ``labelled``), comparator tables of
areas by year (``comparators``) and a spreadsheet profile's tables of values
with confidence limits (``profile``); other tables of figures are read by the
figure extractor, which every document passes through.

Recognition is cheap: a scorecard's words (target, RAG, direction of travel,
KPI, benchmark, statistical neighbours, confidence interval) counted once over
the lines, and the rows only where those words are many.
"""

from __future__ import annotations

import re

from assure.document import CleanText, Format
from assure.parsing.front_matter import council_of, date_of
from assure.parsing.furniture import committee_furniture
from assure.parsing.headings import parse_generic
from assure.parsing.linking import linked_metric
from assure.parsing.per_text import blind, folded_view, once_per_text
from assure.parsing.performance.comparators import ENGLAND, NEIGHBOURS, REGION, comparator_tables
from assure.parsing.performance.labelled import labelled_rows
from assure.parsing.performance.profile import profile_rows
from assure.parsing.performance.table import flattened_rows, table_rows
from assure.structure import DocumentKind, Metric, ParsedStructure

__all__ = ["PARSER", "PerformanceReportParser", "scorecard_rows"]

TITLE = re.compile(
    r"\b(?:performance\s+(?:report|scorecard|dashboard|monitoring|summary|indicators?)|scorecard"
    r"|key\s+performance\s+indicators?|kpis?\b|indicator\s+profile|health\s+profile"
    r"|statistical\s+neighbours?|benchmarking|outcomes?\s+framework)",
    re.IGNORECASE,
)
VOCABULARY = re.compile(
    r"\b(?:target|rag\b|red|amber|green|direction\s+of\s+travel|dot\b|kpis?\b|performance\s+indicator"
    r"|benchmark|statistical\s+neighbours?|england\s+average|floor\s+standard|lci\b|uci\b"
    r"|confidence\s+interval|previous\s+(?:quarter|year)|quartile|rolling\s+12)",
    re.IGNORECASE,
)
VOCABULARY_FOLDED = blind(VOCABULARY)  # for lines folded to lower case
# The same, run once over folded lines joined by newlines: no match crosses one,
# so it counts what it would count line by line.
VOCABULARY_JOINED = re.compile(VOCABULARY_FOLDED.pattern.replace(r"\s", r"[^\S\n]"))
PERIOD = re.compile(
    r"\b(?:quarter\s*(?P<q>[1-4])|q(?P<q2>[1-4]))\b(?:[\s,]+(?P<y>(?:19|20)\d\d\s*[/-]\s*\d{2,4}))?",
    re.IGNORECASE,
)
FISCAL = re.compile(r"\b((?:19|20)\d\d\s*[/-]\s*\d{2,4})\b")
HEAD_LINES = 15
SCAN = 400  # lines read for the words of a scorecard
ENOUGH_WORDS = 12
ENOUGH_ROWS = 8
NO_ROWS = 0.25


class PerformanceReportParser:
    kind = DocumentKind.PERFORMANCE_REPORT

    def recognise(self, text: CleanText) -> float:
        """How surely ``text`` is a performance report or scorecard, 0 to 1."""
        titled, words = _words(text)
        if not titled and words < ENOUGH_WORDS / 2:
            return 0.0
        rows = len(scorecard_rows(text, period=None, place=None))
        score = (
            0.3 * titled + 0.2 * min(1.0, words / ENOUGH_WORDS) + 0.5 * min(1.0, rows / ENOUGH_ROWS)
        )
        if not rows:
            score = min(score, NO_ROWS)  # a scorecard's words without its rows: a report about one
        return round(min(_in_committee_paper(text, score), 1.0), 3)

    def ceiling(self, text: CleanText) -> float:
        """At least what ``recognise`` gives, found cheaply (see the registry):
        rows enough."""
        titled, words = _words(text)
        if not titled and words < ENOUGH_WORDS / 2:
            return 0.0
        score = 0.3 * titled + 0.2 * min(1.0, words / ENOUGH_WORDS) + 0.5
        return round(min(_in_committee_paper(text, score), 1.0), 3)

    def parse(self, text: CleanText) -> ParsedStructure:
        generic = parse_generic(text)
        period = report_period(text)
        metrics = scorecard_rows(text, period, place_of(text))
        return ParsedStructure(
            kind=self.kind,
            title=generic.title,
            council=council_of(text),
            date=date_of(text),
            sections=generic.sections,
            metrics=tuple(linked_metric(m) for m in metrics),
        )


def scorecard_rows(text: CleanText, period: str | None, place: str | None) -> list[Metric]:
    # One indicator per line: the first reading of it (labels, cells, flattened) wins.
    by_line: dict[int, Metric] = {}
    for row in (
        labelled_rows(text, period) + table_rows(text, period) + flattened_rows(text, period)
    ):
        by_line.setdefault(row.start_line, row)
    rows = [*by_line.values(), *comparator_tables(text, place)]
    if text.source.format in (Format.XLSX, Format.CSV):
        rows += profile_rows(text)
    return sorted(rows, key=lambda m: m.start_line)


def report_period(text: CleanText) -> str | None:
    """The period a report covers, from its first lines: "Q3 2024/25"."""
    head = " ".join(line.text for line in text.lines[:HEAD_LINES])
    if match := PERIOD.search(head):
        quarter = match["q"] or match["q2"]
        year = match["y"] or (found.group(1) if (found := FISCAL.search(head)) else None)
        return f"Q{quarter} {''.join(year.split())}" if year else f"Q{quarter}"
    if found := FISCAL.search(head):
        return re.sub(r"\s+", "", found.group(1))
    return None


def place_of(text: CleanText) -> str | None:
    """The area a comparator table is about: the one its title names, i.e. the
    table's area named most outside the table (England and averages aside)."""
    areas = {m.geography for m in comparator_tables(text, None) if m.geography}
    areas = {a for a in areas if not (ENGLAND.match(a) or REGION.match(a) or NEIGHBOURS.search(a))}
    if not areas:
        return None
    counts = {a: sum(1 for line in text.lines if a in line.text) for a in areas}
    best = max(counts, key=lambda a: counts[a])
    return best if counts[best] > 1 else None


@once_per_text  # the ceiling and the detector both ask
def _words(text: CleanText) -> tuple[bool, int]:
    """Whether the first lines name a scorecard, and how many of a scorecard's
    words the text uses (none for an empty text)."""
    if not text.lines:
        return False, 0
    head = " ".join(line.text for line in text.lines[:HEAD_LINES])
    view = folded_view(text)
    scanned = view.whole if len(view.starts) <= SCAN else view.whole[: view.starts[SCAN] - 1]
    if scanned.count("\n") == min(len(view.starts), SCAN) - 1:  # no line holds a newline
        words = len(VOCABULARY_JOINED.findall(scanned))
    else:
        words = sum(len(VOCABULARY_FOLDED.findall(line)) for line in view.lines[:SCAN])
    return bool(TITLE.search(head)), words


def _in_committee_paper(text: CleanText, score: float) -> float:
    """The score lowered where a committee paper's furniture stands near the top."""
    return score * 0.4 if committee_furniture(text) >= 2 else score


PARSER = PerformanceReportParser()
