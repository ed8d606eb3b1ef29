"""Scorecard rows whose figures carry labels: "Latest: 94% Target: 90%, Floor: 85%
Previous: 89% (Amber)", under the indicator's name and its rating.

A row is a line with the latest value and a target (or a previous value, or a
benchmark); lines that follow with only more labelled figures ("Floor: 90%",
"Previous: 97% (Green)") complete it. The indicator's name is the short lines
above it back to the row or heading before; a RAG word closing the name, or on
a line of its own between name and row, is the row's rating.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assure.document import CleanLine, CleanText
from assure.normalising.folding import folded
from assure.parsing.per_text import blind
from assure.parsing.performance.marks import first_figure, rag_of, trend_of, unit_for
from assure.structure import Comparator, Metric

LABEL = re.compile(
    r"\b(?P<label>latest|actual|current|outturn|performance|result|achieved|this\s+(?:quarter|month|year)"
    r"|target|goal|ambition|floor(?:\s+standard)?|minimum|tolerance"
    r"|previous(?:\s+(?:quarter|month|year))?|last\s+(?:quarter|month|year)|prior\s+year|baseline"
    r"|england(?:\s+average)?|national(?:\s+average)?|regional?(?:\s+average)?|south\s+east|north\s+west"
    r"|statistical\s+neighbours?|sn\s+average|comparator|direction\s+of\s+travel|dot|trend)"
    r"\s*(?:\([^)]{0,20}\)\s*)?(?:[:=]\s*|\s+(?=[-−£]?\d))",
    re.IGNORECASE,
)
LABEL_FOLDED = blind(LABEL)  # for lines folded to lower case
# Every label is followed by a colon, an equals sign or a figure.
LABEL_NEEDS = re.compile(r"[:=\d]")
KIND = {
    "latest": "value", "actual": "value", "current": "value", "outturn": "value",
    "performance": "value", "result": "value", "achieved": "value", "this": "value",
    "target": "target", "goal": "target", "ambition": "target",
    "floor": "floor", "minimum": "floor", "tolerance": "floor",
    "previous": "previous", "last": "previous", "prior": "previous", "baseline": "previous",
    "england": "england", "national": "england", "regional": "region", "region": "region",
    "south": "region", "north": "region", "statistical": "statistical_neighbours",
    "sn": "statistical_neighbours", "comparator": "other",
    "direction": "trend", "dot": "trend", "trend": "trend",
}  # fmt: skip
RAG_ONLY = re.compile(r"^\W*(?:red|amber|green)\W*$", re.IGNORECASE)
SECTION = re.compile(
    r"^(?:key\s+performance\s+indicators?|performance\s+indicators?|activity\s+indicators?|kpis?)\s*$",
    re.I,
)
NAME_LINES = 3
# A note under the row before, or a figure's stray label: not part of a name.
NOTE = re.compile(r"^(?:\*|†|note\b|source\b|no\s+data\b|data\s+(?:for|not)\b|[-−£]?\d)", re.I)
MAX_NAME = 200


@dataclass
class LabelledRow:
    line: CleanLine
    parts: dict[str, str] = field(default_factory=dict)  # kind -> the text after its label


def parts_of(text: str) -> dict[str, str]:
    """Each labelled part of a line: kind -> the text up to the next label."""
    if not LABEL_NEEDS.search(text):
        return {}
    matches = list(LABEL_FOLDED.finditer(folded(text)))  # where LABEL finds them in ``text``
    parts: dict[str, str] = {}
    for position, match in enumerate(matches):
        end = matches[position + 1].start() if position + 1 < len(matches) else len(text)
        label = text[match.start("label") : match.end("label")]
        kind = KIND[label.split()[0].lower()]
        parts.setdefault(kind, text[match.end() : end].strip(" ,;"))
    return parts


def is_row(parts: dict[str, str]) -> bool:
    return "value" in parts and bool(set(parts) - {"value", "trend"})


def labelled_rows(text: CleanText, period: str | None = None) -> list[Metric]:
    lines = text.lines
    metrics: list[Metric] = []
    taken: set[int] = set()
    for index, line in enumerate(lines):
        if index in taken:
            continue
        parts = parts_of(line.text)
        if not is_row(parts):
            continue
        row = LabelledRow(line, parts)
        follow = index + 1
        while follow < len(lines) and (more := parts_of(lines[follow].text)) and not is_row(more):
            if LABEL_FOLDED.match(folded(lines[follow].text.strip())) is None:
                break
            for kind, value in more.items():
                row.parts.setdefault(kind, value)
            taken.add(follow)
            follow += 1
        name, rag = name_above(lines, index)
        if (metric := row_metric(row, name, rag, period)) is not None:
            metrics.append(metric)
    return metrics


def name_above(lines: tuple[CleanLine, ...], index: int) -> tuple[str, str | None]:
    """The indicator's name over a row, and a rating closing it or standing alone."""
    parts: list[str] = []
    rag: str | None = None
    position = index - 1
    page = lines[index].page
    while position >= 0 and len(parts) < NAME_LINES and lines[position].page == page:
        text = lines[position].text.strip()
        if RAG_ONLY.match(text):
            rag = rag or rag_of(text)
            position -= 1
            continue
        if (
            is_row(parts_of(text))
            or SECTION.match(text)
            or len(text) > MAX_NAME
            or text.endswith(".")
        ):
            break
        if LABEL_FOLDED.match(folded(text)) or NOTE.match(text):
            break
        parts.insert(0, text)
        position -= 1
    name = " ".join(parts)
    if (closing := re.search(r"\s+(red|amber|green)\s*$", name, re.IGNORECASE)) is not None:
        rag = rag or closing.group(1).lower()
        name = name[: closing.start()]
    return name.strip(" -–:"), rag


COMPARATOR_KINDS = {
    "previous": "previous", "england": "england", "region": "region",
    "statistical_neighbours": "statistical_neighbours", "floor": "other", "other": "other",
}  # fmt: skip


def row_metric(row: LabelledRow, name: str, rag: str | None, period: str | None) -> Metric | None:
    value = first_figure(row.parts["value"])
    if value is None or not name:
        return None
    target = first_figure(row.parts.get("target", ""))
    comparators = []
    for kind, comparator_kind in COMPARATOR_KINDS.items():
        if kind in row.parts and (figure := first_figure(row.parts[kind])) is not None:
            text = f"{kind.replace('_', ' ')}: {row.parts[kind]}"
            comparators.append(Comparator(comparator_kind, figure.value, text))
    # A rating in the row itself, outside the previous value's "(Amber)".
    own = " ".join(v for k, v in row.parts.items() if k not in ("previous", "trend"))
    return Metric(
        text=row.line.text,
        value=value.value,
        unit=unit_for(name, value),
        start_line=row.line.number,
        measure=name,
        period=period,
        comparators=tuple(comparators),
        target=target.value if target else None,
        rag=rag or rag_of(own),
        trend=trend_of(row.parts["trend"]) if "trend" in row.parts else None,
    )
