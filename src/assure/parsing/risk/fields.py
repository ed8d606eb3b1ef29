"""One risk's fields as a register gives them, gathered cell by cell or label by
label, then made into a ``Risk``.

Owners are split where a cell names several ("Project Manager / Environment
Lead", "Director of Finance; Head of Audit"); a register without an owner
column but with a directorate column has the directorate own the risk.
Mitigations and actions are split into items where the cell lists them
(bullets, numbers, lines, semicolons).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assure.parsing.risk.columns import Column
from assure.parsing.risk.scores import completed, number, score_in, with_part
from assure.structure import Risk, RiskScore

# Owners named together: "A / B", "A; B", "A and B", or "A, B" where B opens with a
# role's first word or capitals ("Director of Finance, Legal and Governance" is one).
OWNER_SPLIT = re.compile(
    r"\s*(?:/|;|&|\band\b|\n|,(?=\s*(?:[A-Z]{2,}\b|(?:Head|Director|Chief|Senior|Assistant|Deputy"
    r"|Principal|Corporate|Executive|Strategic|Service|Cabinet|Portfolio|Lead|Interim)\b)))\s*"
)
# Items of a list run together in one cell: a cell's paragraphs ("<br>" as the
# readers mark them), bullets anywhere, dashes at a line's
# start, "1." or "(a)" before a capital; semicolons where they make a list of three
# or more (two clauses of one control are one control).
ITEM_SPLIT = re.compile(
    r"\s*(?:\n\s*[-–*]\s+|\n|<br\s*/?>|(?:^|\s)[•▪◦●■]\s*|^[-–*]\s+"
    r"|(?:^|\s)(?:\d{1,2}[.)]|\([a-z0-9]\))\s+(?=[A-Z]))\s*"
)
SENTENCE = re.compile(r"^(.{12,160}?[.;])(?:\s|$)")
MAX_TITLE = 160
BREAK = re.compile(r"\s*<br\s*/?>\s*")
LIST_OF = 3
NUMBER_CELL = re.compile(r"^\s*\d{1,3}(?:\.\d+)?\s*$")


@dataclass
class RiskFields:
    start_line: int
    group: str | None = None
    end_line: int | None = None
    ref: str | None = None
    title: str | None = None
    description: str | None = None
    causes: str | None = None
    effects: str | None = None
    owners: list[str] = field(default_factory=list)
    directorate: list[str] = field(default_factory=list)
    mitigations: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    progress: str | None = None
    trend: str | None = None
    category: str | None = None
    ratings: dict[str, RiskScore | None] = field(default_factory=dict)
    default_when: str = "inherent"

    def add(self, col: Column, cell: str) -> None:
        """File one cell (or labelled value) under its column's field."""
        cell = cell.strip()
        name = col.field
        if not cell or not name:
            return
        if name in ("likelihood", "impact", "score"):
            self.rate(col, cell)
        elif name in ("owners", "directorate"):
            getattr(self, name).extend(split_owners(cell))
        elif name in ("mitigations", "actions"):
            getattr(self, name).extend(split_items(cell))
        elif name in ("ref", "title", "description", "causes", "effects", "progress", "trend"):
            cell = BREAK.sub(" ", cell)
            old = getattr(self, name)
            setattr(self, name, f"{old} {cell}" if old and name != "ref" else old or cell)
        elif name == "category":
            self.category = self.category or cell

    def rate(self, col: Column, cell: str) -> None:
        when = col.when or self.default_when
        current = self.ratings.get(when)
        if col.field == "score" or not NUMBER_CELL.match(cell):
            found = score_in(cell, col.label)
            if found is None:
                return
            if col.field != "score" and found.score is not None and found.impact is None:
                found = with_part(None, col.field, found.score)  # "4 (High)" in an impact column
            self.ratings[when] = merge(current, found)
        else:
            self.ratings[when] = with_part(current, col.field, number(cell))


def merge(old: RiskScore | None, new: RiskScore) -> RiskScore:
    if old is None:
        return new
    return RiskScore(
        impact=old.impact if old.impact is not None else new.impact,
        likelihood=old.likelihood if old.likelihood is not None else new.likelihood,
        score=old.score if old.score is not None else new.score,
    )


def split_owners(cell: str) -> list[str]:
    cell = BREAK.sub("\n", cell)
    parts = [p.strip(" .,:-") for p in OWNER_SPLIT.split(cell)]
    return [p for p in parts if len(p) >= 2]


def split_items(cell: str) -> list[str]:
    items: list[str] = []
    for part in ITEM_SPLIT.split(cell):
        pieces = part.split(";")
        items.extend(pieces if len(pieces) >= LIST_OF else [part])
    items = [p.strip(" .;") for p in items]
    return [p for p in items if len(p) >= 3]


def title_from(description: str) -> str:
    """A risk named only by its description: its first sentence, or its opening words."""
    text = " ".join(description.split())
    if len(text) <= MAX_TITLE:
        return text
    if match := SENTENCE.match(text):
        return match.group(1).rstrip(".;")
    return text[:MAX_TITLE].rsplit(" ", 1)[0]


def risk_from_fields(fields: RiskFields) -> Risk | None:
    """The risk, or ``None`` when the row names none (no title, description or ref)."""
    named = fields.title or fields.description
    if not named:
        return None
    title = " ".join(fields.title.split()) if fields.title else title_from(named)
    effects = fields.effects
    if fields.title and fields.description and not effects:
        effects = fields.description
    ratings = {when: completed(score) for when, score in fields.ratings.items()}
    return Risk(
        title=title,
        start_line=fields.start_line,
        end_line=fields.end_line,
        ref=fields.ref,
        effects=" ".join(effects.split()) if effects else None,
        causes=fields.causes,
        owners=tuple(dict.fromkeys(fields.owners or fields.directorate)),
        mitigations=tuple(fields.mitigations),
        actions=tuple(fields.actions),
        inherent=ratings.get("inherent"),
        residual=ratings.get("residual"),
        target=ratings.get("target"),
        group=fields.group or fields.category,
        trend=fields.trend,
    )
