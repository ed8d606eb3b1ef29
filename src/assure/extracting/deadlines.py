"""When an action is due, and whether it is done: one rule for every reader.

Minutes give a due date ("by 31 March 2025", "at the February meeting", which
the pack parser resolves); plans give a timeframe ("Q3 2024/25", "March 2026",
"2025/26"); trackers give a status in words ("Delivered", "Partially complete").
The pipeline turns each into a last day (``due_by``, ISO) and a done flag once,
so storage filters on stored values and the action tracker, ``assure actions``
and the draft agree.

    >>> due_by("Q3 2018/19"), due_by("March 2026"), due_by("2025/26")
    ('2018-12-31', '2026-03-31', '2026-03-31')
    >>> is_done("Delivered"), is_done("Partially complete"), is_done("Not started")
    (True, False, False)
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date

from assure.structure import Meeting, ParsedStructure, Plan

QUARTER = re.compile(r"\bQ([1-4])\b(?:\s*[-–]\s*Q([1-4]))?\s*,?\s*(\d{4})\s*/\s*(\d{2,4})", re.I)
MONTH_YEAR = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{4})\b")
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
FINANCIAL_YEAR = re.compile(r"\b(\d{4})\s*/\s*(\d{2,4})\b")
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name} | {
    name.lower(): i for i, name in enumerate(calendar.month_abbr) if name
}
DONE = re.compile(r"\b(done|complete[d]?|achieved|closed|delivered|finished|implemented)\b", re.I)
# "Partially complete", "Not yet achieved", "Complete - ongoing" are still open.
NOT_DONE = re.compile(
    r"\b(not|partial(?:ly)?|partly|incomplete|in\s+progress|ongoing|yet\s+to|being|on\s+track)\b",
    re.I,
)


def due_by(text: str | None) -> str | None:
    """The last day an action is due by, as an ISO date: an ISO date, the end
    of a financial quarter ("Q3 2018/19" ends 31 December 2018; Q4 ends 31
    March), of a month ("March 2019") or of a financial year ("2019/20")."""
    found = due_date(text)
    return found.isoformat() if found else None


def due_date(text: str | None) -> date | None:
    if not text:
        return None
    if found := ISO.search(text):
        try:
            return date(int(found[1]), int(found[2]), int(found[3]))
        except ValueError:
            return None
    if found := QUARTER.search(text):
        quarter, start = int(found[2] or found[1]), int(found[3])
        year, month = (start + 1, 3) if quarter == 4 else (start, 3 + 3 * quarter)
        return month_end(year, month)
    if (found := MONTH_YEAR.search(text)) and found[1].lower() in MONTHS:
        return month_end(int(found[2]), MONTHS[found[1].lower()])
    if found := FINANCIAL_YEAR.search(text):
        return date(int(found[1]) + 1, 3, 31)
    return None


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def is_done(status: str | None) -> bool:
    """Whether a status in words says the action is finished."""
    return bool(status and DONE.search(status) and not NOT_DONE.search(status))


def with_deadlines(structure: ParsedStructure) -> ParsedStructure:
    """``structure`` with every action's ``due_by`` and ``done`` filled in."""
    if not structure.meetings and not structure.plans:
        return structure
    return replace(
        structure,
        meetings=tuple(meeting_deadlines(m) for m in structure.meetings),
        plans=tuple(plan_deadlines(p) for p in structure.plans),
    )


def meeting_deadlines(meeting: Meeting) -> Meeting:
    minutes = tuple(
        replace(item, actions=tuple(replace(a, due_by=due_by(a.due)) for a in item.actions))
        for item in meeting.minutes
    )
    return replace(meeting, minutes=minutes)


def plan_deadlines(plan: Plan) -> Plan:
    priorities = tuple(
        replace(
            priority,
            actions=tuple(
                replace(a, due_by=due_by(a.timeframe), done=is_done(a.status))
                for a in priority.actions
            ),
        )
        for priority in plan.priorities
    )
    return replace(plan, priorities=priorities)
