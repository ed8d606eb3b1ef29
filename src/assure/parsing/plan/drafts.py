"""A priority and a plan while the finder fills them in, and actions written as
bullets: what ``finder`` builds, kept apart from how it scans the lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assure.document import CleanLine
from assure.parsing.plan.fields import (
    recommendation_codes,
    split_leads,
    status_of,
    timeframe_of,
)
from assure.parsing.plan.labels import BULLET, INLINE_LEAD
from assure.parsing.plan.tables import (
    Columns,
    Row,
    actions_of,
    group_key,
    group_rows,
    measures_of,
    numbered_group,
)
from assure.structure import PlanAction, Priority, SuccessMeasure

# A bullet's closing bracket of labelled fields: "(Lead: Carers Lead; By: Q2 2025/26)".
FIELDS_NOTE = re.compile(
    r"\s*\((?=[^()]*\b(?:leads?|owners?|by|due|status|when|timescales?|target)\s*:)[^()]*\)\s*$",
    re.IGNORECASE,
)
STATUS_LABEL = re.compile(r"\b(?:status|progress|RAG)\b\s*[:\-–]?", re.IGNORECASE)
# A cap that keeps odd documents linear: other names kept per priority.
MAX_ALIASES = 10


@dataclass
class Draft:
    """A priority being filled in."""

    number: str | None
    title: str
    start_line: int
    aliases: list[str] = field(default_factory=list)
    leads: list[str] = field(default_factory=list)
    tables: list[tuple[Columns, list[Row]]] = field(default_factory=list)
    bullet_actions: list[PlanAction] = field(default_factory=list)
    timed_bullets: list[PlanAction] = field(default_factory=list)
    measures: list[SuccessMeasure] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)
    # Leads and measures kept on their own sheet or table, by the group they name.
    group_leads: dict[str, list[str]] = field(default_factory=dict)
    group_measures: dict[str, list[SuccessMeasure]] = field(default_factory=dict)

    def grouped(self) -> bool:
        """A flat table with a group column ("Workstream") and no priority heading."""
        return self.number is None and any(c.group is not None for c, _ in self.tables)

    def name(self, title: str) -> None:
        if not title:
            return
        if not self.title:
            self.title = title
        elif (
            len(self.aliases) < MAX_ALIASES
            and title.casefold() != self.title.casefold()
            and not any(a.casefold() == title.casefold() for a in self.aliases)
        ):
            self.aliases.append(title)

    def empty(self) -> bool:
        return not (self.tables or self.bullet_actions or self.timed_bullets or self.measures)

    def finish(self) -> list[Priority]:
        """The priority; a flat table with a group column ("Workstream") gives one per group."""
        if self.grouped() and not self.title:
            return [
                self.group_priority(name, rows, columns)
                for columns, all_rows in self.tables
                for name, rows in group_rows(all_rows, columns)
                if rows
            ]
        return [self.priority(self.title, self.start_line, self.tables)]

    def group_priority(self, name: str, rows: list[Row], columns: Columns) -> Priority:
        """One group of a flat table as a priority, with the leads and measures that
        other tables give for it; a numbered group ("1 - Front door") keeps its number."""
        number, title = numbered_group(name)
        key = group_key(name)
        return self.priority(
            title,
            rows[0].start_line,
            [(columns, rows)],
            number=number,
            leads=self.group_leads.get(key, []),
            measures=self.group_measures.get(key, []),
        )

    def priority(
        self,
        title: str,
        start_line: int,
        tables: list[tuple[Columns, list[Row]]],
        number: str | None = None,
        leads: list[str] | None = None,
        measures: list[SuccessMeasure] | None = None,
    ) -> Priority:
        table_actions = [a for columns, rows in tables for a in actions_of(rows, columns)]
        actions = table_actions or self.bullet_actions or self.timed_bullets
        found = [m for columns, rows in tables for m in measures_of(rows, columns)]
        found += self.measures if measures is None else measures
        found = sorted(found, key=lambda m: m.start_line or 0)
        refs = list(dict.fromkeys([*self.refs, *(r for a in actions for r in a.refs)]))
        numbered = number or self.number
        return Priority(
            number=numbered,
            title=title or (f"Priority {numbered}" if numbered else "Actions"),
            start_line=start_line,
            aliases=tuple(self.aliases),
            leads=tuple(dict.fromkeys(self.leads if leads is None else leads)),
            actions=tuple(actions),
            measures=tuple(found),
            refs=tuple(refs),
        )


@dataclass
class PlanDraft:
    start_line: int
    priorities: dict[str | None, Draft] = field(default_factory=dict)
    title: str | None = None
    keyword: str = "priority"

    def substantial(self) -> bool:
        """A plan has actions, measures or leads; bare "Theme 1" headings are not one."""
        drafts = self.priorities.values()
        filled = any(
            d.tables or d.bullet_actions or d.timed_bullets or d.measures or d.leads for d in drafts
        )
        return filled or (len(self.priorities) >= 3 and self.keyword == "priority")


def bullet_text(line: CleanLine) -> str | None:
    match = BULLET.match(line.text)
    return line.text[match.end() :].strip() if match else None


def bullet_action(text: str, start_line: int) -> PlanAction:
    """An action written as a bullet; its status counts only where labelled
    ("Status: On track", "RAG: Amber"), since "complete" and "overdue" are also verbs
    and adjectives of the action itself."""
    lead = INLINE_LEAD.search(text)
    labelled = STATUS_LABEL.search(text)
    # "Leads:" announces several, so "and" joins two of them.
    several = lead is not None and bool(re.match(r"\w+s\b", lead.group(0)))
    return PlanAction(
        text=FIELDS_NOTE.sub("", text) or text,
        start_line=start_line,
        leads=split_leads(lead.group(1), several=several) if lead else (),
        timeframe=timeframe_of(text),
        status=status_of(text[labelled.start() :]) if labelled else None,
        refs=recommendation_codes(text),
    )
