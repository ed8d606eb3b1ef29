"""A list under a lead-in: "The proportion of children entitled to free school
meals:" over "in primary schools is 16%" and "in secondary schools is 12%".

The lead-in names what every item's figure measures; the item adds whom or
where. Without it, the two lists of a page ("free school meals: in primary
schools is 16%", "English as an additional language: in primary schools is
8%") read as one measure with two values.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from assure.structure import Metric

# A lead-in names a quantity: "the proportion of ...", "the estimated percentage of ..."
QUANTITY = re.compile(
    r"\b(?:number|numbers|proportion|percentage|percent|rate|rates|share|prevalence|total"
    r"|count|estimated|estimates?)\s+(?:of\s+)?",
    re.IGNORECASE,
)
# "• Medway: 8529": a place and its figure
PLACE_ITEM = re.compile(
    r"^\s*(?:[•▪●◦·*\-–]|[\ue000-\uf8ff])?\s*([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}):\s*[£\d]"
)
BULLET = re.compile(r"^\s*(?:[•▪●◦·*\-–o]|[\ue000-\uf8ff])\s*")
MAX_LEAD_WORDS = 24
MAX_ITEM_WORDS = 40


@dataclass
class LeadIn:
    """The lead-in of the list being read, if any, its own bullet, and the
    measure of the paragraph before (for a list of places: "Medway: 8,529")."""

    phrase: str | None = None
    bullet: str = ""
    before: str | None = None

    def name(self, text: str, found: Sequence[Metric]) -> list[Metric]:
        """The figures of one line, measured by the lead-in of the list they
        are items of; a line that is no item (or a sibling of the lead-in,
        under the same bullet) ends the list."""
        if phrase := lead_phrase(text):
            self.phrase, self.bullet = phrase, bullet_of(text)
            return list(found)
        # (an item is only looked for under a lead-in)
        if self.phrase and is_item(text) and (not self.bullet or bullet_of(text) != self.bullet):
            return [with_lead(m, self.phrase) for m in found]
        place = PLACE_ITEM.match(text) if ":" in text else None  # every place item has one
        if place and self.before and all(m.measure == place.group(1) for m in found):
            # a list of places under a paragraph: each figure is the paragraph's measure there
            return [with_lead(m, self.before) for m in found]
        if not place:
            self.phrase, self.bullet = None, ""
            self.before = next((m.measure for m in found if m.measure), None)
        return list(found)


def bullet_of(text: str) -> str:
    match = BULLET.match(text)
    return match.group(0).strip() if match else ""


def is_item(text: str) -> bool:
    body = BULLET.sub("", text, count=1)
    if len(body.split()) > MAX_ITEM_WORDS:
        return False
    return bool(BULLET.match(text)) or body[:1].islower()


def lead_phrase(text: str) -> str | None:
    """What a line ending with a colon says its list measures, or ``None``."""
    line = text.strip()
    if not line.endswith(":"):
        return None
    clause = re.split(r"[.;]\s", line[:-1])[-1]
    quantity = QUANTITY.search(clause)
    if quantity is None:
        return None
    words = clause[quantity.start() :].split()
    return " ".join(words[:MAX_LEAD_WORDS]) if len(words) >= 3 else None


def with_lead(metric: Metric, phrase: str) -> Metric:
    measure = f"{phrase}: {metric.measure}" if metric.measure else phrase
    return dataclasses.replace(metric, measure=measure)
