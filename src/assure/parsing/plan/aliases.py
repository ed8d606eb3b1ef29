"""Other names of a plan's priorities, from lists elsewhere in the document.

A summary page often lists the priorities again under shorter or longer names:
numbered ("3. Early support and edge of care\tO17"), as a table with the number
in its own cell ("3\tEarly support"), or as bullets in the priorities' order.
A list names the priorities only if at least half its items share a word with the
priority they line up with (then every item names the priority of its number);
an item may also carry recommendation codes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assure.document import CleanText
from assure.parsing.plan.fields import recommendation_codes
from assure.parsing.plan.labels import BULLET, priority_heading, titles_agree

if TYPE_CHECKING:
    from assure.parsing.plan.drafts import PlanDraft

NUMBERED_ITEM = re.compile(r"^(\d{1,2})(?:[.)]\s+|\t)([^\t]{2,80}?)\s*(?:\t(.*))?$")
# Caps that keep odd documents linear: the plans and lists compared.
MAX_PLANS_NAMED = 20
MAX_RUNS = 50
MIN_RUN = 3

Item = tuple[str, str, str]  # number, title, the rest of the line


def numbered_runs(text: CleanText) -> list[list[Item]]:
    """Runs of items numbered 1, 2, 3, ... in order."""
    runs: list[list[Item]] = []
    run: list[Item] = []
    for line in text.lines:
        match = NUMBERED_ITEM.match(line.text.strip())
        item = (match.group(1), match.group(2).strip(), match.group(3) or "") if match else None
        if item and int(item[0]) == len(run) + 1:
            run.append(item)
            continue
        if len(run) >= MIN_RUN:
            runs.append(run)
        run = [item] if item and item[0] == "1" else []
    if len(run) >= MIN_RUN:
        runs.append(run)
    return runs


def bulleted_runs(text: CleanText) -> list[list[Item]]:
    """Runs of short bullets on consecutive lines, numbered by their order."""
    runs: list[list[Item]] = []
    run: list[Item] = []
    last = -1
    for line in text.lines:
        bullet = BULLET.match(line.text)
        body = line.text[bullet.end() :].strip() if bullet else ""
        if bullet and len(body) <= 80 and not priority_heading(body):
            if line.number != last + 1 and len(run) >= MIN_RUN:
                runs.append(run)
            if line.number != last + 1:
                run = []
            run.append((str(len(run) + 1), body.rstrip(";,."), ""))
            last = line.end
    if len(run) >= MIN_RUN:
        runs.append(run)
    return runs


def add_aliases(text: CleanText, plans: list[PlanDraft]) -> None:
    """Give each priority the other names lists elsewhere call it, and their codes."""
    numbered = numbered_runs(text)[:MAX_RUNS]
    bulleted = bulleted_runs(text)[:MAX_RUNS]
    for plan in plans[:MAX_PLANS_NAMED]:
        numbers = [n for n in plan.priorities if n is not None and n.isdigit()]
        # Bullets carry no numbers: only a list as long as the plan lines up with it.
        runs = numbered + [run for run in bulleted if len(run) == len(numbers)]
        for items in runs:
            lined_up = [
                (plan.priorities[n], title, rest)
                for n, title, rest in items
                if n in plan.priorities
            ]
            agreeing = [item for item in lined_up if titles_agree(item[0].title, item[1])]
            if len(agreeing) * 2 < len(items):
                continue
            # Once most items name their priority, the list's order names the rest too
            # ("Shorter waits" for "Reducing waiting times").
            for draft, title, rest in lined_up:
                draft.name(title)
                draft.refs.extend(recommendation_codes(rest))
