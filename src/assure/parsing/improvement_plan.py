"""The improvement plan family: a standalone improvement or action plan.

A committee pack that merely contains a plan belongs to the committee pack
family (which calls ``find_plans`` for it); self-assessments and regulator
reports belong to their own families. ``recognise`` therefore scores the share
of the document the plan fills and a plan title at the top, and stays low when
the opening reads like a meeting notice, a self-assessment or a regulator report.
"""

from __future__ import annotations

import re

from assure.document import CleanText
from assure.parsing.headings import title_of
from assure.parsing.plan import find_plans
from assure.parsing.plan.finder import NEEDS_CONTENT, PlanScanner
from assure.parsing.plan.labels import PLAN_TITLE, priority_heading, statement_heading
from assure.parsing.plan.tables import cells_of, header_columns
from assure.structure import DocumentKind, ParsedStructure, Plan, Section

__all__ = ["PARSER", "ImprovementPlanParser", "find_plans"]

HEAD_LINES = 40
OTHER_FAMILIES = re.compile(
    r"\b(?:agenda|minutes of|apologies for absence|declarations? of interests?|notice of meeting"
    r"|self[- ]assessment|quality statements?|what we are proud of|care quality commission"
    r"|local authority assessment|overall rating|assessment published|ofsted inspection report"
    r"|report of the|report from|report author|purpose of (?:the )?report|recommendations? to)\b",
    re.IGNORECASE,
)
COUNCIL = re.compile(
    r"\b((?:[A-Z][a-z]+ ){0,3}(?:[A-Z][a-z]+))\s+"
    r"(?:(?:Metropolitan |Royal )?(?:Borough |City |County |District )?Council)\b"
)
NOT_COUNCIL = frozenset({"The", "This", "Our", "Full", "County", "City", "Borough", "Parish"})


class ImprovementPlanParser:
    kind = DocumentKind.IMPROVEMENT_PLAN

    def recognise(self, text: CleanText) -> float:
        """How surely ``text`` is a standalone improvement plan, 0 to 1."""
        if not text.lines:
            return 0.0
        head = [line.text for line in text.lines[:HEAD_LINES]]
        titled = any(PLAN_TITLE.search(line) and len(line) <= 120 for line in head[:15])
        parts = plan_parts(text)
        # A plan arranged by quality statement names them in its headings: those
        # headings are the plan's own, not signs of a self-assessment.
        others = sum(
            1 for k, line in enumerate(head) if k not in parts and OTHER_FAMILIES.search(line)
        )
        headings = len(parts)
        density = min(1.0, headings * 60 / max(len(text.lines), 1))
        score = 0.35 * titled + 0.45 * density + (0.2 if headings >= 2 else 0.0)
        if others >= 2:
            score = min(score, 0.2)
        elif others == 1:
            score *= 0.6
        return round(min(score, 1.0), 3)

    def parse(self, text: CleanText) -> ParsedStructure:
        plans = find_plans(text)
        return ParsedStructure(
            kind=self.kind,
            title=plan_document_title(text, plans),
            council=council_of(text),
            date=date_of(text),
            sections=priority_sections(text, plans),
            plans=plans,
        )


def plan_parts(text: CleanText) -> set[int]:
    """Indexes of the lines that head a plan's parts: priority headings, quality
    statement or recommendation headings above plan content, action table headers."""
    follows = PlanScanner(text).content_follows
    found: set[int] = set()
    for index, line in enumerate(text.lines):
        if len(line.text) > 150:
            continue
        heading = priority_heading(line.text.split("\t", 1)[0])
        if heading is not None:
            if heading[0] not in NEEDS_CONTENT or follows(index):
                found.add(index)
        elif "\t" in line.text.strip():
            if header_columns(cells_of(line)) is not None:
                found.add(index)
        elif statement_heading(line.text) is not None and follows(index):
            found.add(index)
    return found


def plan_document_title(text: CleanText, plans: tuple[Plan, ...]) -> str | None:
    for line in text.lines[:15]:
        if PLAN_TITLE.search(line.text) and len(line.text) <= 120:
            return line.text.lstrip("# ").strip()
    if plans and plans[0].title:
        return plans[0].title
    return title_of(text)


def council_of(text: CleanText) -> str | None:
    """The council named near the top, e.g. "Medway Council"."""
    for line in text.lines[:60]:
        for match in COUNCIL.finditer(line.text):
            words = match.group(0).split()
            while words and words[0] in NOT_COUNCIL:
                words.pop(0)
            if len(words) >= 2:
                return " ".join(words)
    return None


def date_of(text: CleanText) -> str | None:
    try:
        from assure.extracting.dates import parse_date
    except ImportError:
        return None
    for line in text.lines[:HEAD_LINES]:
        if found := parse_date(line.text):
            return found
    return None


def priority_sections(text: CleanText, plans: tuple[Plan, ...]) -> tuple[Section, ...]:
    """One section per priority, running to the line before the next priority."""
    last = text.lines[-1].end if text.lines else 0
    sections: list[Section] = []
    for plan in plans:
        ordered = sorted(plan.priorities, key=lambda p: p.start_line)
        for k, priority in enumerate(ordered):
            end = ordered[k + 1].start_line - 1 if k + 1 < len(ordered) else last
            number = f"Priority {priority.number}: " if priority.number else ""
            sections.append(
                Section(
                    title=f"{number}{priority.title}",
                    level=1,
                    kind="priority",
                    start_line=priority.start_line,
                    end_line=max(end, priority.start_line),
                    refs=priority.refs,
                )
            )
    return tuple(sections)


PARSER = ImprovementPlanParser()
