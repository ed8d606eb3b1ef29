"""The improvement plan family: a standalone improvement or action plan.

A plan laid out as landscape slides is read by ``plan.slides``. A committee
pack that merely contains a plan belongs to the committee pack family (which
calls ``find_plans`` for it); self-assessments and regulator reports belong to
their own families. ``recognise`` therefore scores the share of the document
the plan found in it fills and a plan title at the top; the furniture of a
meeting or committee report near the top caps the score, and the words of a
self-assessment or regulator's report (which a plan answering one also uses)
lower it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assure.document import CleanText
from assure.normalising.folding import folded
from assure.parsing.furniture import committee_furniture
from assure.parsing.headings import title_of
from assure.parsing.per_text import blind
from assure.parsing.plan import find_plans
from assure.parsing.plan.labels import PLAN_TITLE
from assure.parsing.plan.slides import slide_plan
from assure.structure import DocumentKind, ParsedStructure, Plan, Section

__all__ = ["PARSER", "ImprovementPlanParser", "find_plans"]

HEAD_LINES = 40
SLIDES = 0.85  # a deck of action slides is a plan, whatever else it holds
MAX_TITLE = 140
# The furniture of a meeting or a committee report: a plan inside one belongs to the pack.
MEETING = re.compile(
    r"\b(?:agenda|minutes of|apologies for absence|declarations? of interests?|notice of meeting"
    r"|report of the|report from|report author|purpose of (?:the )?report|recommendations? to"
    r"|background papers|budget and policy framework|lead officer contact"
    r"|financial (?:and legal )?implications|legal implications)\b",
    re.IGNORECASE,
)
# Words of a self-assessment or a regulator's report, which a plan answering one also
# uses: each distinct one lowers the score, none rules the plan out.
ASSESSMENT = re.compile(
    r"\b(?:self[- ]assessment|quality statements?|what we are proud of|care quality commission"
    r"|local authority assessment|overall rating|assessment published|ofsted inspection report)\b",
    re.IGNORECASE,
)
MEETING_FOLDED = blind(MEETING)  # for lines folded to lower case
ASSESSMENT_FOLDED = blind(ASSESSMENT)
# A plan fills much of its document; a pack or a report quoting one fills a little.
FULL_SHARE = 0.25
# A plan heading made only of these says nothing of what the plan is for.
GENERIC_PLAN_WORDS = frozenset(
    {"action", "actions", "improvement", "delivery", "plan", "our", "the", "detailed"}
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
        if slide_plan(text) is not None:
            return SLIDES if committee_furniture(text) < 2 else SLIDES / 2
        head = text.lines[:HEAD_LINES]
        titled = _titled(text)
        plans = find_plans(text)
        lines = plan_lines(plans)
        share = len(lines) / len(text.lines)
        parts = sum(len(plan.priorities) for plan in plans)
        score = 0.35 * titled + 0.45 * min(1.0, share / FULL_SHARE)
        if parts >= 2 and share >= FULL_SHARE / 2:
            score += 0.2
        # A plan arranged by quality statement names them in its own headings.
        others = [line.text for line in head if line.number not in lines]
        lowered = [folded(line) for line in others]  # where MEETING and ASSESSMENT find the same
        meeting = sum(1 for line in lowered if MEETING_FOLDED.search(line))
        assessment = {
            line[m.start() : m.end()].casefold()
            for line, low in zip(others, lowered, strict=True)
            for m in ASSESSMENT_FOLDED.finditer(low)
        }
        if meeting >= 2:
            score = min(score, 0.2)
        elif meeting == 1:
            score *= 0.6
        if assessment:
            score *= 0.6 if len(assessment) <= 2 else 0.5
        return round(min(score, 1.0), 3)

    def ceiling(self, text: CleanText) -> float:
        """At least what ``recognise`` gives, found cheaply (see the registry):
        a deck of slides, or a plan filling the document."""
        if not text.lines:
            return 0.0
        return max(SLIDES, round(min(0.35 * _titled(text) + 0.45 + 0.2, 1.0), 3))

    def parse(self, text: CleanText) -> ParsedStructure:
        if (slides := slide_plan(text)) is not None:
            plans: tuple[Plan, ...] = (replace(slides, title=deck_title(text)),)
        else:
            plans = find_plans(text)
        title = plan_document_title(text, plans)
        plans = tuple(named_after(plan, title) for plan in plans)
        return ParsedStructure(
            kind=self.kind,
            title=title,
            council=council_of(text),
            date=date_of(text),
            sections=priority_sections(text, plans),
            plans=plans,
        )


def deck_title(text: CleanText) -> str | None:
    """A slide deck's title: its first slide's lines, as far as a mark such as
    "DRAFT" or a second slide."""
    first_page = text.lines[0].page if text.lines else None
    parts: list[str] = []
    for line in text.lines:
        words = line.text.strip()
        if line.page != first_page or re.fullmatch(r"(?i)draft|official|restricted", words):
            break
        if len(" ".join([*parts, words])) > MAX_TITLE:
            break
        parts.append(words)
    return " ".join(parts) or title_of(text)


def plan_lines(plans: tuple[Plan, ...]) -> set[int]:
    """The lines where the plans' priorities, actions and measures start."""
    found: set[int] = set()
    for plan in plans:
        for priority in plan.priorities:
            found.add(priority.start_line)
            found.update(action.start_line for action in priority.actions)
            found.update(m.start_line for m in priority.measures if m.start_line is not None)
    return found


def named_after(plan: Plan, document_title: str | None) -> Plan:
    """A plan headed only "Action plan" or "Our improvement plan" takes the
    document's own title ("Adult Social Care Improvement Plan 2025-27")."""
    words = set(re.findall(r"[a-z]+", (plan.title or "").lower()))
    if document_title and words <= GENERIC_PLAN_WORDS:
        return replace(plan, title=document_title)
    return plan


def plan_document_title(text: CleanText, plans: tuple[Plan, ...]) -> str | None:
    for line in text.lines[:15]:
        if len(line.text) <= 120 and PLAN_TITLE.search(line.text):
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


def _titled(text: CleanText) -> bool:
    """A plan's title among the first lines."""
    return any(len(line.text) <= 120 and PLAN_TITLE.search(line.text) for line in text.lines[:15])


PARSER = ImprovementPlanParser()
