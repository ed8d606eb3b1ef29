"""Plans without numbered priorities: an "Actions" section that lists its themes
as bullets, then takes each theme in turn under its own sub-heading, with
numbered paragraphs that commit to something ("5.2 We will ...") as the actions,
and the success measures listed before the actions as the plan's own.

Used only when a document has no priority-headed plan but names itself a plan.
"""

from __future__ import annotations

import re

from assure.document import CleanLine, CleanText
from assure.parsing.per_text import folded_view
from assure.parsing.plan.fields import recommendation_codes, timeframe_of
from assure.parsing.plan.labels import BULLET, PLAN_TITLE, content_words
from assure.parsing.plan.overall import commits, plan_measures
from assure.structure import Plan, PlanAction, Priority

ACTIONS_HEADING = re.compile(
    r"^(?:\d{1,2}\.?\s+)?(?:actions?|key actions|our actions|what we will do|action plan"
    r"|delivering the plan|how we will deliver)$",
    re.IGNORECASE,
)
NUMBERED_PARAGRAPH = re.compile(r"^(\d{1,2}\.\d{1,2})\s+(\S.*)$")
TOP_HEADING = re.compile(r"^(?:\d{1,2}\.?\s+[A-Z][^.]{1,80}|APPENDIX\b.*|Appendix\s+[A-Z0-9]\b.*)$")
THEME_LIST_REACH = 15
SIMILAR = 0.6


def similar(heading: str, theme_words: set[str]) -> bool:
    """Whether a sub-heading names a listed theme ("Information and promotion" for
    "provides information and promotional material")."""
    words = content_words(heading)
    shared = sum(
        1
        for w in words
        if any(t.startswith(w) or (len(t) >= 5 and w.startswith(t)) for t in theme_words)
    )
    return bool(words) and shared >= SIMILAR * len(words)


def is_theme_heading(text: str, themes: list[set[str]]) -> bool:
    if len(text) > 90 or BULLET.match(text) or NUMBERED_PARAGRAPH.match(text):
        return False
    return any(similar(text, theme) for theme in themes)


def theme_list(lines: tuple[CleanLine, ...], start: int) -> list[set[str]]:
    """The themes bulleted just after the actions heading at ``start``."""
    themes: list[set[str]] = []
    for line in lines[start + 1 : start + 1 + THEME_LIST_REACH]:
        bullet = BULLET.match(line.text)
        if bullet:
            themes.append(content_words(line.text[bullet.end() :]))
        elif themes:
            break
    return themes


def theme_priorities(lines: tuple[CleanLine, ...], start: int) -> list[Priority]:
    themes = theme_list(lines, start)
    if len(themes) < 2:
        return []
    found: list[tuple[CleanLine, list[PlanAction]]] = []
    for line in lines[start + 1 :]:
        text = line.text.strip()
        if found and TOP_HEADING.match(text) and not NUMBERED_PARAGRAPH.match(text):
            break
        if is_theme_heading(text, themes):
            found.append((line, []))
            continue
        paragraph = NUMBERED_PARAGRAPH.match(text)
        if found and paragraph and commits(paragraph.group(2)):
            body = paragraph.group(2)
            found[-1][1].append(
                PlanAction(
                    text=body,
                    start_line=line.number,
                    timeframe=timeframe_of(body),
                    refs=recommendation_codes(body),
                )
            )
    return [
        Priority(
            number=None, title=line.text.strip(), start_line=line.number, actions=tuple(actions)
        )
        for line, actions in found
        if actions
    ]


def find_theme_plans(text: CleanText) -> tuple[Plan, ...]:
    """A plan whose actions are grouped by theme under an "Actions" heading."""
    lines = text.lines
    title = next(
        (
            lines[index]
            for index in folded_view(text).holding(("plan",))  # every plan title holds it
            if index < 200
            and PLAN_TITLE.search(lines[index].text)
            and len(lines[index].text) <= 120
        ),
        None,
    )
    if title is None:
        return ()
    for index, line in enumerate(text.lines):
        if ACTIONS_HEADING.match(line.text.strip()):
            priorities = theme_priorities(text.lines, index)
            if len(priorities) >= 2:
                measures = plan_measures(text.lines, title.number, line.number)
                return (
                    Plan(
                        title=title.text.strip(),
                        start_line=title.number,
                        priorities=tuple(priorities),
                        measures=tuple(measures),
                    ),
                )
    return ()
