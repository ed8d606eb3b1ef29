"""Risk registers: each risk with its reference, title, effects, owners,
mitigations, actions and ratings before and after the controls.

Three layouts are read: a table whose cells survive (a spreadsheet, CSV, Word
table or tab-separated text; ``table``), a table PDF extraction flattened
(``flattened``), and cards of labelled fields, one risk to a page or block
(``cards``). The layout that yields most risks wins. A heat map (a grid of
counts by impact and likelihood) names no risk and yields nothing.

Recognition is cheap: a register's title near the top, or a header row or card
labels naming risk fields; only then are the risks counted.
"""

from __future__ import annotations

import re

from assure.document import CleanText
from assure.normalising.folding import folded
from assure.parsing.front_matter import council_of, date_of
from assure.parsing.headings import title_of
from assure.parsing.linking import linked_risk
from assure.parsing.per_text import blind, folded_lines, folded_view
from assure.parsing.risk.cards import LABEL, card_risks
from assure.parsing.risk.columns import is_header
from assure.parsing.risk.flattened import find_header, flattened_risks
from assure.parsing.risk.layout import layout_lines
from assure.parsing.risk.table import cells_of, is_row, table_risks
from assure.structure import DocumentKind, ParsedStructure, Risk, Section

__all__ = ["PARSER", "RiskRegisterParser", "register_risks"]

TITLE = re.compile(
    r"\b(?:risk\s+register|risk\s+log|corporate\s+risks?|strategic\s+risks?|risk\s+management\s+report"
    r"|(?:budget|corporate|strategic|directorate|operational|project)\s+risks?\s+(?:register|summary|report))\b",
    re.IGNORECASE,
)
HEAD_LINES = 15
# A committee paper's furniture near the top: a register inside a pack is the pack's.
MEETING = re.compile(
    r"\b(?:agenda|minutes\s+of|apologies|declarations?\s+of\s+interest|present\s*:|"
    r"report\s+(?:of|from|author)|purpose\s+of\s+(?:the\s+)?report|recommendations?\s*:)",
    re.IGNORECASE,
)
MEETING_FOLDED = blind(MEETING)  # for lines folded to lower case
ENOUGH_RISKS = 5
CARD_LABELS = 4


class RiskRegisterParser:
    kind = DocumentKind.RISK_REGISTER

    def recognise(self, text: CleanText) -> float:
        """How surely ``text`` is a risk register, 0 to 1."""
        if not text.lines:
            return 0.0
        titled = _titled(text)
        if not (titled or laid_out_as_register(text)):
            return 0.0
        risks = register_risks(text)
        if not risks:
            return 0.25 * titled
        rated = sum(1 for r in risks if r.inherent or r.residual or r.owners)
        score = 0.35 * titled + 0.35 + 0.3 * min(1.0, rated / ENOUGH_RISKS)
        return round(min(_in_meeting(text, score), 1.0), 3)

    def ceiling(self, text: CleanText) -> float:
        """At least what ``recognise`` gives, found cheaply (see the registry):
        every risk rated."""
        if not text.lines or not _names_risk(text):
            return 0.0
        score = 0.35 * _titled(text) + 0.35 + 0.3
        return round(min(_in_meeting(text, score), 1.0), 3)

    def parse(self, text: CleanText) -> ParsedStructure:
        risks = tuple(linked_risk(risk) for risk in register_risks(text))
        return ParsedStructure(
            kind=self.kind,
            title=register_title(text),
            council=council_of(text),
            date=date_of(text),
            sections=risk_sections(risks),
            risks=risks,
        )


def _titled(text: CleanText) -> bool:
    """A register's title among the first lines."""
    head = text.lines[:HEAD_LINES]
    return any(TITLE.search(line.text) and len(line.text) <= 140 for line in head)


def _names_risk(text: CleanText) -> bool:
    """Whether the word "risk" is anywhere in the text, as read or cleaned: a
    register's title, header row and card labels all hold it."""
    return "risk" in folded_view(text).whole or "risk" in folded(text.source.text)


def _in_meeting(text: CleanText, score: float) -> float:
    """The score halved where a committee paper's furniture stands near the top."""
    meeting = sum(1 for line in folded_lines(text)[:40] if MEETING_FOLDED.search(line))
    return score * 0.5 if meeting >= 2 else score


def laid_out_as_register(text: CleanText) -> bool:
    """A header row, flattened header or card labels naming a register's fields."""
    for line in text.lines:
        if "risk" not in line.text.lower():
            continue
        if is_row(line) and is_header(cells_of(line)):
            return True
    if find_header(layout_lines(text)) is not None:
        return True
    lines = text.lines
    labels = sum(
        1
        for index in folded_view(text).holding(("risk",))
        if (m := LABEL.match(lines[index].text.strip())) and "risk" in m.group(0).lower()
    )
    return labels >= CARD_LABELS


def register_risks(text: CleanText) -> list[Risk]:
    """The risks of whichever layout reads the most."""
    found = [table_risks(text), flattened_risks(text), card_risks(text)]
    return max(found, key=len)


def register_title(text: CleanText) -> str | None:
    for line in text.lines[:HEAD_LINES]:
        if TITLE.search(line.text) and len(line.text) <= 140:
            return line.text.strip(" #*").split("\t")[0]
    return title_of(text)


def risk_sections(risks: tuple[Risk, ...]) -> tuple[Section, ...]:
    """A section per risk, so its passages are filed under it."""
    sections = []
    for risk in risks:
        title = f"{risk.ref} {risk.title}" if risk.ref else risk.title
        end = risk.end_line or risk.start_line
        sections.append(Section(title[:200], 2, "risk", risk.start_line, max(end, risk.start_line)))
    return tuple(sections)


PARSER = RiskRegisterParser()
