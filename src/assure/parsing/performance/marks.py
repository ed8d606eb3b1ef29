"""A scorecard's cells: a figure with its unit, a RAG rating, a direction of travel."""

from __future__ import annotations

import re
from dataclasses import dataclass

# "97%", "80.9%", "£2.3m", "10,323", "-15.90", "0.04%", "6 mins", "25 days"
FIGURE = re.compile(
    r"(?<![\w.])(?P<sign>[-−–])?(?P<pound>£)?(?P<number>\d{1,3}(?:,\d{3})+|\d+)(?P<decimals>\.\d+)?"
    r"\s*(?P<unit>%|per\s*cent|(?:bn|m|k)\b|days?\b|weeks?\b)?",
    re.IGNORECASE,
)
SCALE = {"bn": 1e9, "m": 1e6, "k": 1e3}
RAG = re.compile(r"\b(red|amber|green)\b", re.IGNORECASE)
RAG_LETTER = re.compile(r"^\(?([RAG])\)?$")
# Arrows and words a scorecard writes for its direction of travel.
TREND_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("improving", re.compile(r"\b(?:improv(?:ing|ed|ement)|better)\b", re.I)),
    (
        "worsening",
        re.compile(
            r"\b(?:worsen(?:ing|ed)|deteriorat(?:ing|ed|ion)|declin(?:ing|ed)|worse)\b", re.I
        ),
    ),
    ("same", re.compile(r"\b(?:stable|no\s+change|unchanged|static|same|maintained)\b", re.I)),
    ("up", re.compile(r"[↑⬆▲⇧]|\b(?:up|increas(?:ing|ed))\b", re.I)),
    ("down", re.compile(r"[↓⬇▼⇩]|\b(?:down|decreas(?:ing|ed))\b", re.I)),
    ("same", re.compile(r"[↔→⟷►◄=]")),
)


@dataclass(frozen=True, slots=True)
class Figure:
    value: float
    unit: str | None
    start: int
    end: int


def figures(text: str) -> list[Figure]:
    found = []
    for match in FIGURE.finditer(text):
        value = float(match["number"].replace(",", "") + (match["decimals"] or ""))
        unit_word = (match["unit"] or "").lower()
        unit: str | None = None
        if match["pound"]:
            unit = "gbp"
            value *= SCALE.get(unit_word, 1)
        elif unit_word in ("%", "per cent") or unit_word.startswith("per"):
            unit = "percent"
        elif unit_word.startswith("day"):
            unit = "days"
        elif unit_word.startswith("week"):
            unit = "weeks"
        if match["sign"]:
            value = -value
        found.append(Figure(value, unit, match.start(), match.end()))
    return found


def first_figure(text: str) -> Figure | None:
    found = figures(text)
    return found[0] if found else None


def rag_of(text: str) -> str | None:
    """ "green" for "GREEN", "Green (on target)" or a lone "G"."""
    if match := RAG.search(text):
        return match.group(1).lower()
    if match := RAG_LETTER.match(text.strip()):
        return {"R": "red", "A": "amber", "G": "green"}[match.group(1)]
    return None


def trend_of(text: str) -> str | None:
    for name, pattern in TREND_WORDS:
        if pattern.search(text):
            return name
    return None


def unit_for(name: str, figure: Figure) -> str | None:
    """A figure's unit from its own sign, else from its indicator's name."""
    if figure.unit:
        return figure.unit
    folded = name.lower()
    if re.search(r"\b(?:percentage|proportion|%)", folded) and "per 1" not in folded:
        return "percent"
    if re.match(r"^\s*(?:number|no\.|total number|count)\b", folded):
        return "count"
    if re.search(r"\bdays\b", folded):
        return "days"
    return None
