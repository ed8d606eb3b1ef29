"""What a plan says of itself as a whole: success measures listed before its
priorities or themes ("Success will be measured by:"), and whether a numbered
paragraph commits to doing something or only reports."""

from __future__ import annotations

import re
from dataclasses import replace

from assure.document import CleanLine
from assure.parsing.plan.fields import direction_of
from assure.parsing.plan.labels import BULLET, MEASURES
from assure.structure import Priority, SuccessMeasure

PARAGRAPH_NUMBER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+")
# A commitment names what will be done; "will depend", "will need" only describe.
COMMITMENT = re.compile(
    r"\b(?:will|shall|aims? to|intends? to|plans? to|proposes? to|seeks? to|going to"
    r"|commit(?:s|ted)? to)\b(?!\s+(?:depend|need|require|rely|vary|mean)\b)",
    re.IGNORECASE,
)
FIRST_SENTENCE = re.compile(r"^.*?[.;](?=\s+[A-Z]|$)")
MEASURES_REACH = 30


def commits(text: str) -> bool:
    """Whether a paragraph's first sentence commits to an action ("We will ...",
    "The regime will be reviewed") rather than reporting ("A bid was prepared in 2011")."""
    sentence = FIRST_SENTENCE.match(text.strip())
    return bool(COMMITMENT.search(sentence.group(0) if sentence else text))


def measures_label(text: str) -> bool:
    """A line opening a list of success measures, perhaps numbered ("4.4 Success
    will be measured by:")."""
    text = PARAGRAPH_NUMBER.sub("", text.strip().lstrip("#").strip())
    return len(text) <= 80 and bool(MEASURES.match(text))


def plan_measures(lines: tuple[CleanLine, ...], first: int, last: int) -> list[SuccessMeasure]:
    """The bulleted success measures under a measures label between line numbers
    ``first`` and ``last`` (exclusive); wrapped bullets are joined."""
    found: list[SuccessMeasure] = []
    listing = False
    gap = 0
    for line in lines:
        if line.number < first:
            continue
        if line.number >= last:
            break
        if measures_label(line.text):
            listing, gap = True, 0
            continue
        if not listing:
            continue
        bullet = BULLET.match(line.text)
        if bullet:
            item = line.text[bullet.end() :].strip()
            found.append(SuccessMeasure(item, direction_of(item), line.number))
            gap = 0
        elif found and line.text[:1].islower() and gap == 0:
            last_found = found[-1]
            text = f"{last_found.text} {line.text.strip()}"
            found[-1] = SuccessMeasure(text, direction_of(text), last_found.start_line)
        else:
            gap += 1
            if found or gap > MEASURES_REACH:
                listing = False
    return found


def closing_measures(
    priorities: tuple[Priority, ...],
) -> tuple[tuple[Priority, ...], tuple[SuccessMeasure, ...]]:
    """Measures after the last priority's actions, where no other priority has any,
    close the plan as a whole rather than belonging to that priority."""
    if len(priorities) < 3 or any(p.measures for p in priorities[:-1]):
        return priorities, ()
    last = priorities[-1]
    if not last.actions or not last.measures:
        return priorities, ()
    after = max(a.start_line for a in last.actions)
    if any((m.start_line or 0) <= after for m in last.measures):
        return priorities, ()
    return (*priorities[:-1], replace(last, measures=())), last.measures
