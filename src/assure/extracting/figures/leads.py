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
BULLET = re.compile(r"^\s*(?:[•▪●◦·*\-–o]|[\ue000-\uf8ff])\s*")
MAX_LEAD_WORDS = 16
MAX_ITEM_WORDS = 40


@dataclass
class LeadIn:
    """The lead-in of the list being read, if any."""

    phrase: str | None = None

    def name(self, text: str, found: Sequence[Metric]) -> list[Metric]:
        """The figures of one line, measured by the lead-in of the list they
        are items of; a line that is no item ends the list."""
        item = bool(self.phrase) and is_item(text)
        named = [with_lead(m, self.phrase) for m in found] if item and self.phrase else list(found)
        if not item:
            self.phrase = lead_phrase(text)
        return named


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
