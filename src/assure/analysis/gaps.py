"""The gap matrix: for each quality statement, how much evidence of each kind
there is, which way it points, and what is missing, stale or contradictory.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from assure.analysis.evidence import Evidence, EvidenceBase
from assure.framework.model import Framework, load_framework

STANCES = ("strength", "improvement", "neutral")
UNCATEGORISED = "uncategorised"


class FlagKind:
    NO_EVIDENCE = "no_evidence"
    NO_PEOPLE = "no_people"
    NO_PARTNERS = "no_partners"
    STALE = "stale"
    CONFLICTING_FIGURES = "conflicting_figures"


@dataclass(frozen=True, slots=True)
class Cell:
    """Evidence passages for one statement in one category, by stance."""

    strengths: int = 0
    improvements: int = 0
    neutral: int = 0

    @property
    def total(self) -> int:
        return self.strengths + self.improvements + self.neutral

    def label(self) -> str:
        """Short text for a table cell: ``"5 (3+ 1- 1=)"`` or ``"-"`` when empty."""
        if not self.total:
            return "-"
        return f"{self.total} ({self.strengths}+ {self.improvements}- {self.neutral}=)"


@dataclass(frozen=True, slots=True)
class Location:
    """Where a flag's evidence sits, for the reader to check."""

    document: str
    line: int
    page: int | None = None


@dataclass(frozen=True, slots=True)
class Flag:
    statement: str
    kind: str  # see FlagKind
    message: str
    locations: tuple[Location, ...] = ()


@dataclass(frozen=True)
class GapMatrix:
    """Statement × category counts, the flags, and the passages counted."""

    framework: Framework
    categories: tuple[str, ...]  # category ids, then "uncategorised"
    cells: dict[tuple[str, str], Cell]
    flags: tuple[Flag, ...]
    evidence: dict[str, tuple[Evidence, ...]]  # statement id -> passages counted
    today: date
    max_age_days: int
    unassigned: int = 0  # stored passages that count for no statement

    def cell(self, statement: str, category: str) -> Cell:
        return self.cells.get((statement, category), Cell())

    def flags_for(self, statement: str) -> tuple[Flag, ...]:
        return tuple(f for f in self.flags if f.statement == statement)

    def total(self, statement: str) -> int:
        return sum(self.cell(statement, c).total for c in self.categories)

    def category_name(self, category: str) -> str:
        for item in self.framework.evidence_categories:
            if item.id == category:
                return item.name
        return category.capitalize()


def gap_matrix(
    base: EvidenceBase,
    *,
    today: date,
    max_age_days: int,
    framework: Framework | None = None,
) -> GapMatrix:
    """Count ``base``'s evidence per statement and category, and flag the gaps.

    A statement is flagged when it has no evidence at all, none of people's
    experience, none from partners, evidence from documents dated more than
    ``max_age_days`` before ``today``, or figures that a stored
    ``conflicting_figure`` finding says disagree.
    """
    framework = framework or load_framework()
    categories = (*(c.id for c in framework.evidence_categories), UNCATEGORISED)
    cells: dict[tuple[str, str], Cell] = {}
    evidence: dict[str, tuple[Evidence, ...]] = {}
    flags: list[Flag] = []
    conflicts = conflicting_figures(base)
    for statement in framework.statements:
        found = tuple(base.evidence_for(statement.id))
        evidence[statement.id] = found
        for category in categories:
            cells[(statement.id, category)] = count(found, category, categories)
        flags.extend(flags_for(statement.id, statement.name, found, today, max_age_days))
        flags.extend(
            replace(flag, message=f"{statement.name}: figures disagree: {flag.message}")
            for flag in conflicts.get(statement.id, ())
        )
    return GapMatrix(
        framework=framework,
        categories=categories,
        cells=cells,
        flags=tuple(flags),
        evidence=evidence,
        today=today,
        max_age_days=max_age_days,
        unassigned=sum(1 for item in base.passages if not item.statements()),
    )


def count(found: tuple[Evidence, ...], category: str, categories: tuple[str, ...]) -> Cell:
    def category_of(item: Evidence) -> str:
        value = item.passage.category
        return value if value in categories else UNCATEGORISED

    stances = Counter(
        item.passage.stance if item.passage.stance in STANCES else "neutral"
        for item in found
        if category_of(item) == category
    )
    return Cell(stances["strength"], stances["improvement"], stances["neutral"])


def flags_for(
    statement: str, name: str, found: tuple[Evidence, ...], today: date, max_age_days: int
) -> list[Flag]:
    if not found:
        return [Flag(statement, FlagKind.NO_EVIDENCE, f"{name}: no evidence at all")]
    flags = []
    categories = {item.passage.category for item in found}
    if "people" not in categories:
        flags.append(
            Flag(statement, FlagKind.NO_PEOPLE, f"{name}: no evidence of people's experience")
        )
    if "partners" not in categories:
        flags.append(Flag(statement, FlagKind.NO_PARTNERS, f"{name}: no feedback from partners"))
    stale = stale_evidence(found, today, max_age_days)
    if stale:
        documents = sorted({(item.document.date or "", item.document.name) for item in stale})
        fresh = len(found) - len(stale)
        message = (
            f"{name}: {len(stale)} of {len(found)} passages come from documents older than "
            f"{max_age_days} days (oldest {documents[0][1]}, {documents[0][0]})"
            + ("; nothing newer" if not fresh else "")
        )
        flags.append(Flag(statement, FlagKind.STALE, message, tuple(locate(i) for i in stale)))
    return flags


def stale_evidence(found: tuple[Evidence, ...], today: date, max_age_days: int) -> list[Evidence]:
    """Passages whose document is dated more than ``max_age_days`` before ``today``.
    Undated documents are not judged."""
    stale: list[Evidence] = []
    for item in found:
        day = item.document.day
        if day is not None and (today - day).days > max_age_days:
            stale.append(item)
    return stale


def conflicting_figures(base: EvidenceBase) -> dict[str, list[Flag]]:
    """Flags per statement for ``conflicting_figure`` findings, linked to a
    statement through the passage at either of the finding's lines."""
    flags: dict[str, list[Flag]] = {}
    for problem in base.findings:
        finding = problem.finding
        if finding.kind != "conflicting_figure":
            continue
        places = [(problem.document, finding.start_line)]
        if finding.other_line is not None:
            places.append((problem.other or problem.document, finding.other_line))
        statements: set[str] = set()
        locations = []
        for document, line in places:
            statements.update(base.statements_at(document.id, line))
            locations.append(Location(document.name, line, base.page_of(document.id, line)))
        for statement in sorted(statements):
            if any(f.message == finding.message for f in flags.get(statement, ())):
                continue  # the same conflict reported again (per document and across)
            flags.setdefault(statement, []).append(
                Flag(statement, FlagKind.CONFLICTING_FIGURES, finding.message, tuple(locations))
            )
    return flags


def locate(item: Evidence) -> Location:
    return Location(item.document.name, item.passage.start_line, item.passage.page)
