"""A cell's or a card's list of controls or actions, as extraction left it."""

from __future__ import annotations

import re

from assure.parsing.risk.fields import split_items

BULLET = re.compile(r"^(?:[•▪◦●■\-–*]|\d{1,2}[.)])\s*")


def bulleted_items(lines: list[str], lines_are_items: bool = True) -> list[str]:
    """A list's items from its lines: a line opening with a bullet or number
    starts one and other lines wrap the one before; without bullets, a line
    starting in lower case wraps the one before and the others are items (a
    cell of one item per paragraph), unless its lines are only a cell's wrapping
    (``lines_are_items`` false). A single line is split like a cell."""
    lines = [line.strip() for line in lines if line.strip()]
    bulleted = any(BULLET.match(line) for line in lines)
    if (len(lines) == 1 and not bulleted) or (not bulleted and not lines_are_items):
        return split_items(" ".join(lines))
    items: list[str] = []
    for line in lines:
        starts = BULLET.match(line) if bulleted else not line[:1].islower()
        if starts or not items:
            items.append(BULLET.sub("", line))
        else:
            items[-1] = f"{items[-1]} {line}"
    return [" ".join(i.split()) for i in items if i.strip()]
