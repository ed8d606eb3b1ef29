"""Action tables of an improvement plan: tab-separated rows as extracted from a PDF
or a spreadsheet, or markdown pipe rows.

A table starts at a header row naming an action column ("What", "Action") and
a lead column ("Lead", "Owner"); it may carry timescale, status and
recommendation columns, and a second header row of financial quarters. Rows may
be wrapped (a continuation line with the first cell empty, or a bare line
straight after the row), and short rows with only a title group the actions
below them.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field

from assure.document import CleanLine, SourceLine
from assure.normalising.folding import folded
from assure.parsing.per_text import blind
from assure.parsing.plan.fields import (
    QUARTER_HEADER,
    direction_of,
    recommendation_codes,
    split_leads,
    status_of,
    timeframe_of,
)
from assure.structure import PlanAction, SuccessMeasure

ACTION_HEAD = re.compile(
    r"^(?:what|actions?|key actions?|tasks?|activity|activities|deliverables?|description"
    r"|what we will do|improvement actions?|action required|actions? to be taken)\b",
    re.IGNORECASE,
)
LEAD_HEAD = re.compile(
    r"^(?:lead|leads|owner|owners|responsible|responsibility|lead officer|who|by whom"
    r"|accountable|action owner|lead officers?)\b",
    re.IGNORECASE,
)
TIME_HEAD = re.compile(
    r"^(?:time ?frames?|time ?scales?|by when|deadline|due(?: date)?|target date|date|when"
    r"|completion date|timing|target)\b",
    re.IGNORECASE,
)
STATUS_HEAD = re.compile(r"^(?:status|rag|rag status|rag rating|current status)\b", re.IGNORECASE)
PROGRESS_HEAD = re.compile(r"^(?:progress|update|latest update|commentary)\b", re.IGNORECASE)
MEASURE_HEAD = re.compile(
    r"^(?:how (?:we|will we) (?:will )?know|success (?:measures?|criteria|indicators?)"
    r"|measures? of success|outcomes? measures?|what success looks like|impact measures?"
    r"|kpis?|key performance indicators?|evidence of impact|expected (?:outcomes?|impact))\b",
    re.IGNORECASE,
)
# A column naming the part of the plan each row belongs to, in a flat export.
GROUP_HEAD = re.compile(
    r"^(?:workstream|work ?stream|theme|quality statement|strategic priority|priority area"
    r"|objective|improvement area|area of (?:focus|improvement)|domain|outcome area)s?$",
    re.IGNORECASE,
)
CODE_HEAD = re.compile(
    r"(?:ofsted|cqc|inspection|regulator)?\s*(?:rec\b|recs\b|recommendations?)"
    r"|(?:ofsted|cqc|inspection|regulator)\s*(?:ref(?:erence)?s?|findings?|codes?)\b"
    r"|\bafis?\b|\bareas? for improvement\b"
    r"|^refs?\.?$|^references?$",  # a bare "Ref" column: codes only count if written as codes
    re.IGNORECASE,
)
CODE_HEAD_FOLDED = blind(CODE_HEAD)  # for cells folded to lower case
CODE_HEAD_WORDS = ("rec", "ref", "finding", "code", "afi", "area")  # every match holds one
# The column naming the priority in a table of leads or measures kept apart from the
# actions: "Priority area | Strategic lead", "Priority | Success measure | Good is".
PRIORITY_COLUMN = re.compile(rf"^priority$|{GROUP_HEAD.pattern}", re.IGNORECASE)
STRATEGIC_LEAD_HEAD = re.compile(
    r"^(?:strategic|priority|accountable|executive|responsible|senior responsible)?\s*"
    r"(?:leads?|owners?|officers?|sponsors?)(?:\s*\(s\))?$",
    re.IGNORECASE,
)
# A table of success measures: "Measure | Baseline | Target | Good performance is".
MEASURE_TABLE_HEAD = re.compile(
    r"^(?:measures?|indicators?|kpis?|metrics?|performance (?:measures?|indicators?)"
    r"|success (?:measures?|indicators?)|measures? of success|how we will know)$",
    re.IGNORECASE,
)
DIRECTION_HEAD = re.compile(
    r"^(?:good performance(?: is)?|polarity|direction(?: of travel)?|good is|better is"
    r"|(?:is )?(?:higher|lower|bigger|smaller) (?:or (?:higher|lower|bigger|smaller) )?better\??)$",
    re.IGNORECASE,
)
FIGURE_HEAD = re.compile(
    r"^(?:baseline|target|targets?\b.*|current|latest|starting point|position|actual)",
    re.IGNORECASE,
)
NOTE = re.compile(r"^\s*\*")
# A line break inside a cell as a Markdown table (or the HTML reader) writes it.
CELL_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
MARKUP = re.compile(r"<[^<>]{1,200}>")
WHITESPACE = re.compile(r"\s+")
PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
SEPARATOR = re.compile(r"^[\s\-|:]+$")


@dataclass
class Columns:
    action: int
    lead: int | None = None
    time: list[int] = field(default_factory=list)
    status: int | None = None
    codes: int | None = None
    quarters: dict[int, str] = field(default_factory=dict)
    measure: int | None = None
    group: int | None = None


@dataclass
class Row:
    start_line: int
    cells: list[str]
    note: bool = False


def cells_of(line: CleanLine, source: tuple[SourceLine, ...] = ()) -> list[str]:
    """The cells of a tab-separated row, with its leading empty cells.

    Normalisation may strip a row's leading tabs; the source line keeps them,
    and they say which column the first written cell sits in.
    """
    raw = source[line.number - 1].text if line.number == line.end <= len(source) else ""
    if PIPE_ROW.match(line.text):
        cells = [cell.strip() for cell in line.text.strip().strip("|").split("|")]
        return with_breaks(cells, raw.strip().strip("|").split("|"))
    cells = with_breaks([cell.strip() for cell in line.text.split("\t")], raw.split("\t"))
    if raw.startswith(("\t", " \t")) and not line.text.startswith("\t"):
        skipped = len(raw) - len(raw.lstrip(" \t"))
        leading = raw[:skipped].count("\t")
        cells = [""] * leading + cells
    return cells


def with_breaks(cells: list[str], raw: list[str]) -> list[str]:
    """``cells`` with each line break its source cell marked ("<br>") kept as a newline,
    where the source's cells are the same text; a break parts two leads in a lead cell.
    """
    if len(raw) != len(cells):
        return cells
    kept: list[str] = []
    for clean, written in zip(cells, raw, strict=True):
        parts = [WHITESPACE.sub(" ", MARKUP.sub(" ", p)).strip() for p in CELL_BREAK.split(written)]
        parts = [p for p in parts if p]
        kept.append("\n".join(parts) if len(parts) > 1 and " ".join(parts) == clean else clean)
    return kept


def csv_cells(text: str) -> list[str]:
    """The cells of a comma-separated row as a spreadsheet exports it."""
    try:
        row = next(csv.reader([text]), [])
    except csv.Error:
        return [text]
    return [cell.strip() for cell in row]


def is_table_line(line: CleanLine) -> bool:
    """A tab-separated row, a row the reader took from a table, or a markdown pipe row."""
    text = line.text
    return line.table_row or "\t" in text or ("|" in text and bool(PIPE_ROW.match(text)))


def _codes_head(cell: str) -> bool:
    """Whether CODE_HEAD is found in ``cell``: never without one of CODE_HEAD_WORDS."""
    lowered = folded(cell)
    return any(word in lowered for word in CODE_HEAD_WORDS) and bool(
        CODE_HEAD_FOLDED.search(lowered)
    )


def header_columns(cells: list[str]) -> Columns | None:
    """The columns of an action table if ``cells`` is its header row."""
    action = lead = status = progress = codes = measure = group = None
    times: list[int] = []
    for i, cell in enumerate(cells):
        if not cell or len(cell) > 40:
            continue
        if action is None and ACTION_HEAD.match(cell):
            action = i
        elif lead is None and LEAD_HEAD.match(cell):
            lead = i
        elif status is None and STATUS_HEAD.match(cell):
            status = i
        elif progress is None and PROGRESS_HEAD.match(cell):
            progress = i
        elif measure is None and MEASURE_HEAD.match(cell):
            measure = i
        elif group is None and GROUP_HEAD.match(cell):
            group = i
        elif TIME_HEAD.match(cell):
            times.append(i)
        elif _codes_head(cell):
            codes = i
    if action is None or (lead is None and not times):
        return None
    return Columns(
        action=action,
        lead=lead,
        time=times,
        status=status if status is not None else progress,
        codes=codes,
        measure=measure,
        group=group,
    )


@dataclass
class MeasureColumns:
    text: int
    direction: int | None = None
    group: int | None = None  # the priority each measure belongs to


def measure_columns(cells: list[str]) -> MeasureColumns | None:
    """The columns of a success measures table if ``cells`` is its header row; a
    first column naming the priority ("Priority area") may come before the measure."""
    filled = [(i, c) for i, c in enumerate(cells) if c]
    group = None
    if len(filled) >= 3 and PRIORITY_COLUMN.match(filled[0][1]):
        group, filled = filled[0][0], filled[1:]
    if len(filled) < 2 or not MEASURE_TABLE_HEAD.match(filled[0][1]):
        return None
    direction = next((i for i, c in filled[1:] if DIRECTION_HEAD.match(c)), None)
    if direction is None and not any(FIGURE_HEAD.match(c) for _, c in filled[1:]):
        return None
    return MeasureColumns(text=filled[0][0], direction=direction, group=group)


def lead_columns(cells: list[str]) -> tuple[int, int] | None:
    """``(priority, lead)`` columns if ``cells`` heads a table of each priority's
    strategic lead ("Priority area | Strategic lead | Lead member"), not of actions."""
    filled = [(i, c) for i, c in enumerate(cells) if c and len(c) <= 40]
    if len(filled) < 2 or not PRIORITY_COLUMN.match(filled[0][1]):
        return None
    if any(ACTION_HEAD.match(c) or MEASURE_TABLE_HEAD.match(c) for _, c in filled):
        return None
    lead = next((i for i, c in filled[1:] if STRATEGIC_LEAD_HEAD.match(c)), None)
    return (filled[0][0], lead) if lead is not None else None


def measure_of(cells: list[str], columns: MeasureColumns, line: int) -> SuccessMeasure | None:
    """One row of a success measures table; the direction column wins over the wording."""
    text = unquote(cells[columns.text]) if columns.text < len(cells) else ""
    if not text:
        return None
    stated = cells[columns.direction] if columns.direction is not None else ""
    stated = stated if columns.direction is not None and columns.direction < len(cells) else ""
    return SuccessMeasure(text, direction_of(stated) or direction_of(text), line)


def quarter_headers(cells: list[str]) -> dict[int, str]:
    """Timeline columns from a second header row ("Q3 18/19", "Q4 18/19", ...)."""
    found = {i: c for i, c in enumerate(cells) if c and QUARTER_HEADER.match(c) and len(c) < 20}
    return found if len(found) >= 2 and len(found) >= sum(1 for c in cells if c) - 1 else {}


def is_group_row(row: Row, following: Row | None, columns: Columns) -> bool:
    """A row holding only a short title groups the actions under it."""
    filled = [c for c in row.cells if c]
    if len(filled) != 1 or row.note:
        return False
    text = filled[0]
    if text.endswith("."):
        return False
    if len(text.split()) <= 6:
        return True
    next_has_lead = (
        following is not None
        and columns.lead is not None
        and columns.lead < len(following.cells)
        and bool(following.cells[columns.lead])
    )
    return next_has_lead and len(text.split()) <= 14


def cell(row: Row, index: int | None, breaks: bool = False) -> str:
    """The text of a row's cell; its line breaks kept only where ``breaks``."""
    if index is None or index >= len(row.cells):
        return ""
    text = unquote(row.cells[index])
    return text if breaks else WHITESPACE.sub(" ", text).strip()


def action_of(row: Row, columns: Columns) -> PlanAction | None:
    text = cell(row, columns.action) or next((c for c in row.cells if c), "")
    if not text:
        return None
    times = [cell(row, i) for i in columns.time if i not in columns.quarters]
    marks = [(columns.quarters[i], cell(row, i)) for i in sorted(columns.quarters) if cell(row, i)]
    status_text = cell(row, columns.status) or " ".join(times) or " ".join(m for _, m in marks)
    timeframe = next((t for t in (timeframe_of(x) or x for x in times if x) if t), None)
    if marks and not timeframe:
        first, last = marks[0][0], marks[-1][0]
        timeframe = first if first == last else f"{first} - {last}"
    if timeframe and status_of(timeframe) == timeframe:
        timeframe = None
    codes = recommendation_codes(cell(row, columns.codes)) if columns.codes is not None else ()
    codes = codes or recommendation_codes(text)
    return PlanAction(
        text=text,
        start_line=row.start_line,
        leads=split_leads(cell(row, columns.lead, breaks=True)),
        timeframe=timeframe,
        status=status_of(status_text) if status_text else None,
        refs=codes,
    )


def merge(row: Row, more: list[str]) -> None:
    """A wrapped row's continuation joins the row cell by cell."""
    for i, extra in enumerate(more):
        if not extra:
            continue
        if i < len(row.cells):
            joiner = " " if row.cells[i] else ""
            row.cells[i] = f"{row.cells[i]}{joiner}{extra}"
        else:
            row.cells.extend([""] * (i - len(row.cells)) + [extra])


def measures_of(rows: list[Row], columns: Columns) -> list[SuccessMeasure]:
    """Success measures from a "How we will know" column, one per row that has one."""
    if columns.measure is None:
        return []
    found: list[SuccessMeasure] = []
    for row in rows:
        text = cell(row, columns.measure)
        if text and not row.note and text.casefold() not in {"n/a", "tbc", "-"}:
            found.append(SuccessMeasure(text, direction_of(text), row.start_line))
    return found


NUMBERED_GROUP = re.compile(r"^(?:priority\s+)?(\d{1,2})\s*[.:)\-–—]\s*(\S.*)$", re.IGNORECASE)


def numbered_group(name: str) -> tuple[str | None, str]:
    """A group's number and title: "1 - Front door" is priority 1, "Front door"."""
    match = NUMBERED_GROUP.match(name.strip())
    return (str(int(match.group(1))), match.group(2).strip()) if match else (None, name)


def group_key(name: str) -> str:
    """How one priority's name is matched across the sheets of a workbook."""
    return " ".join(name.casefold().split())


def group_rows(rows: list[Row], columns: Columns) -> list[tuple[str, list[Row]]]:
    """Rows split by their group column ("Workstream"), in order of first appearance."""
    groups: dict[str, list[Row]] = {}
    name = ""
    for row in rows:
        # A merged cell is written once, on its first row.
        name = (cell(row, columns.group) if columns.group is not None else "") or name
        groups.setdefault(name, []).append(row)
    return list(groups.items())


def unquote(text: str) -> str:
    """A spreadsheet cell as exported: outer quotes dropped, doubled quotes single."""
    if len(text) >= 2 and text.startswith('"') and text.endswith('"'):
        return text[1:-1].replace('""', '"').strip()
    return text


def open_quote(cells: list[str]) -> bool:
    """Whether a row's last cell opens a quoted value that runs onto the next line,
    as a spreadsheet saved as tab-separated text writes a cell with line breaks."""
    last = cells[-1] if cells else ""
    return last.startswith('"') and last.count('"') % 2 == 1


def actions_of(rows: list[Row], columns: Columns) -> list[PlanAction]:
    actions: list[PlanAction] = []
    for k, row in enumerate(rows):
        if row.note:
            continue
        following = rows[k + 1] if k + 1 < len(rows) else None
        if is_group_row(row, following, columns):
            continue
        if action := action_of(row, columns):
            actions.append(action)
    return actions
