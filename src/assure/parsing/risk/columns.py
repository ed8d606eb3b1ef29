"""What a risk register's column headings (or card labels) mean.

A heading names a field ("Risk Owner", "Consequence", "Existing controls") and,
for ratings, the point it rates at: before the controls ("Inherent", "Gross",
"Original", "Pre-mitigation"), with them ("Residual", "Current", "Net",
"Post-mitigation") or the aim ("Target"). A register that rates once and says
nothing of when is rating the inherent risk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# (field, pattern on the folded heading); the first that matches wins, so the
# more specific come first.
FIELDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("ref", r"^(?:risk\s+)?(?:ref(?:erence)?|id|no|number|#)(?:\s+(?:no|number|id))?\.?$"),
        ("ref", r"^risk\s+(?:ref(?:erence)?|id|no|number)\b"),
        ("trend", r"\b(?:direction\s+of\s+travel|trend|dot|movement)\b"),
        ("mitigations", r"\b(?:mitigat\w*|controls?|control\s+measures|safeguards)\b"),
        ("actions", r"\b(?:actions?|next\s+steps|treatment)\b"),
        ("progress", r"\b(?:progress|update|comments?|commentary|status)\b"),
        ("owners", r"\b(?:owners?|responsible|accountable|lead\s+officer|risk\s+lead|lead)\b"),
        ("directorate", r"\b(?:directorate|department|service\s+area|service|portfolio)\b"),
        ("likelihood", r"\b(?:likelihood|probability|l)\b"),
        ("score", r"\b(?:score|rating|index|total|rag|level|l\s*x\s*i|i\s*x\s*l)\b"),
        ("impact", r"\b(?:impact|severity|i)\b"),
        ("effects", r"\b(?:consequences?|effects?|implications?)\b"),
        ("causes", r"\b(?:causes?|source|triggers?|vulnerabilit\w*)\b"),
        ("title", r"\b(?:risk\s+title|title|risk\s+name|name\s+of\s+risk)\b"),
        ("description", r"\b(?:risk\s+description|description|risk\s+event|event|the\s+risk)\b"),
        ("title", r"^risks?$"),
        ("category", r"\b(?:category|type|theme)\b"),
        ("date", r"\b(?:date|added|raised|review)\b"),
    )
)
WHEN: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("target", re.compile(r"\b(?:target|tolerance|appetite|desired|future)\b")),
    (
        "residual",
        re.compile(r"\b(?:residual|current|net|revised|post|after|controlled|managed|mitigated)\b"),
    ),
    (
        "inherent",
        re.compile(r"\b(?:inherent|gross|original|initial|pre|before|uncontrolled|raw)\b"),
    ),
)
RATING_FIELDS = frozenset({"likelihood", "impact", "score"})
RATED = re.compile(r"\b(?:risk|score|rating)\b")
# A heading is short; longer text in a header row is a note, not a column's name.
MAX_HEADING = 60


@dataclass(frozen=True, slots=True)
class Column:
    field: str  # one of the FIELDS names, or "" for a column assure does not read
    when: str | None  # "inherent", "residual" or "target" for ratings
    label: str  # the heading as written


def fold(text: str) -> str:
    text = text.replace("’", "'").replace("\n", " ").lower()
    text = re.sub(r"[\u2010-\u2015/_]", " ", text)
    text = re.sub(r"\(\s*\d+\s*[-–]\s*\d+\s*\)", " ", text)  # "(1-5)"
    return " ".join(re.sub(r"[^a-z0-9#x&\s-]", " ", text).split())


def field_of(heading: str) -> str:
    folded = fold(heading)
    if not folded or len(folded) > MAX_HEADING:
        return ""
    for name, pattern in FIELDS:
        if pattern.search(folded):
            return name
    return ""


def when_of(heading: str) -> str | None:
    folded = fold(heading)
    for when, pattern in WHEN:
        if pattern.search(folded):
            return when
    return None


def column(heading: str, group: str = "") -> Column:
    """The column a heading names; ``group`` is a heading spanning it from the
    row above ("Inherent risk" over "Impact | Likelihood | Score")."""
    field = field_of(heading)
    if field in RATING_FIELDS:
        return Column(field, when_of(heading) or when_of(group), heading.strip())
    when = when_of(heading)
    if field in ("", "title", "description") and when and RATED.search(fold(heading)):
        return Column("score", when, heading.strip())  # "Residual risk", "Inherent risk rating"
    return Column(field, None, heading.strip())


def is_header(cells: list[str]) -> bool:
    """A row of headings: a title or description column and at least two other
    fields a register has, every filled cell short."""
    filled = [c for c in cells if c.strip()]
    if len(filled) < 3 or any(len(c) > MAX_HEADING for c in filled):
        return False
    fields = [field_of(c) for c in filled]
    known = {f for f in fields if f}
    has_risk = any(re.search(r"\brisk", fold(c)) for c in filled)
    return ("title" in known or "description" in known) and len(known) >= 3 and has_risk


def header_columns(rows: list[list[str]]) -> list[Column]:
    """Columns from one header row, or two (a group row over a field row)."""
    if len(rows) == 1:
        return [column(cell) for cell in rows[0]]
    top, bottom = rows[0], rows[1]
    width = max(len(top), len(bottom))
    top = top + [""] * (width - len(top))
    bottom = bottom + [""] * (width - len(bottom))
    group, found = "", []
    for upper, lower in zip(top, bottom, strict=True):
        if upper.strip():
            group = upper
        if lower.strip():
            found.append(column(lower, group if when_of(group) else ""))
        else:
            found.append(column(upper))
    return found
