"""Tables a PDF flattened, read back into tab-separated rows.

PDF text extraction keeps no columns: a header row comes out as one line of
column names joined by spaces ("Ref Action Lead Timescale RAG CQC ref"); a row
whose cells all fit comes out as one such line; a row whose long cell (the
action, the measure) wraps comes out as that cell's lines, then the other cells
of the row's first line run together ("Head of Assessment March 2026 Red O1").
Normalisation may also join those lines as if they were a wrapped sentence, so
this reads the source lines under the clean ones.

Only a table whose header names every column in words we know is read, and only
where one column at most, besides the wrapping one, holds free text (a lead):
the others (timescale, status, codes, figures, direction) are read from the
right-hand end of a line by their shape. ``unflatten`` returns the clean lines
with each such table as one tab-separated line per row, spanning its source
lines, and the numbers of the lines it made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from assure.document import CleanLine, CleanText
from assure.normalising.folding import folded
from assure.parsing.per_text import blind
from assure.parsing.plan.fields import CODE, STATUS, TIMEFRAME
from assure.parsing.plan.labels import priority_heading
from assure.parsing.plan.tables import header_columns, measure_columns

# A year, perhaps after a word ("March 2025"); in names matched case-blind, written in lower case.
_YEAR = r"\(?(?:[a-z][a-z]+\s+)?(?:20\d\d(?:\s?[/\-–]\s?\d\d(?:\d\d)?)?|\d\d/\d\d)\)?"
# Column names as headers write them, by what the column holds.
COLUMN_NAMES = {
    "ref": r"ref(?:erence)?\.?|no\.?|number|#|id",
    "text": r"actions?|key actions?|what(?: we will do)?|tasks?|activit(?:y|ies)|deliverables?"
    r"|description|improvement actions?|action required|actions? to be taken"
    r"|(?:success )?(?:measures?|indicators?)|kpis?|how we will know|measures? of success",
    "lead": r"leads?(?:\(s\))?(?: officers?(?:\(s\))?| person)?|owners?|action owner|responsible"
    r"|responsible officer|who|by whom|accountable",
    "time": r"time ?(?:scales?|frames?)|by when|deadline|due(?: date)?|target date|completion date"
    r"|when|date",
    "status": r"status|rag(?: status| rating)?|progress|current status",
    "codes": r"(?:cqc|ofsted|inspection|regulator)\s+(?:ref(?:erence)?s?|findings?|codes?|recs?"
    r"|recommendations?)|recommendations?|areas? for improvement|afis?",
    "figure": rf"(?:baseline|target|current|latest|actual)(?:\s+{_YEAR})?",
    "direction": r"good is|good performance(?: is)?|polarity|direction(?: of travel)?|better is"
    r"|(?:higher|lower) is better",
}
COLUMN = {kind: re.compile(rf"(?:{names})", re.IGNORECASE) for kind, names in COLUMN_NAMES.items()}
# Any column's name, matched at a line's start: where none matches, no run of
# the line's first words is a column's name.
ANY_COLUMN = re.compile("|".join(f"(?:{names})" for names in COLUMN_NAMES.values()), re.IGNORECASE)
ANY_COLUMN_FOLDED = blind(ANY_COLUMN)  # for lines folded to lower case
LONGEST_NAME = 4  # words

_CODE = CODE.pattern
# What a cell of each kind looks like at the right-hand end of a line.
CELL_AT_END = {
    "codes": re.compile(rf"(?:{_CODE})(?:\s*(?:[,;&]|and)?\s*(?:{_CODE}))*\s*$"),
    "status": re.compile(rf"(?:{STATUS.pattern})\s*$", re.IGNORECASE),
    "time": re.compile(rf"(?<!\S)(?:{TIMEFRAME.pattern})\s*$", re.IGNORECASE),
    "figure": re.compile(
        r"(?<!\S)(?:[<>≤≥~]\s?)?[£$]?-?\d[\d,]*(?:\.\d+)?\s?%?|(?<!\S)(?:n/?a|tbc|tbd)\s*$",
        re.IGNORECASE,
    ),
    "direction": re.compile(
        r"(?<!\S)(?:(?:higher|lower|bigger|smaller|more|less|fewer)(?: is better)?|maintain"
        r"|same|stable|up|down|increase|decrease)\s*$",
        re.IGNORECASE,
    ),
}
ROW_REF = re.compile(r"^((?:\d{1,2}(?:\.\d{1,2})*[a-z]?|[A-Z]{1,3}\s?\d{1,2}(?:\.\d{1,2})?)\.?)\s+")
# The lead at the end of a one-line row: capitalised words, perhaps joined by these.
JOINERS = frozenset({"of", "and", "for", "the", "&", "-", "–"})
MAX_WRAPPED = 6
MAX_WRAPPED_LINE = 160


@dataclass
class FlatTable:
    names: list[str]
    kinds: list[str | None]
    text: int  # the column that wraps: the action or the measure

    @property
    def tail(self) -> list[str | None]:
        return self.kinds[self.text + 1 :]


@dataclass
class FlatRow:
    first: int
    lines: list[str] = field(default_factory=list)  # the wrapped text above the tail


@lru_cache(maxsize=4096)  # a plan's column names recur on every row it tries
def column_kind(name: str) -> str | None:
    return next((kind for kind, rx in COLUMN.items() if rx.fullmatch(name)), None)


def flat_header(text: str) -> FlatTable | None:
    """A header row read as one line: every word belongs to a column name we know."""
    if "\t" in text:
        return None
    words = text.split()
    if not 3 <= len(words) <= 30:
        return None
    if not ANY_COLUMN_FOLDED.match(folded(" ".join(words[:LONGEST_NAME]))):
        return None  # no column's name opens the line: the first step below would fail
    names: list[str] = []
    kinds: list[str | None] = []
    at = 0
    while at < len(words):
        for size in range(min(LONGEST_NAME, len(words) - at), 0, -1):
            name = " ".join(words[at : at + size])
            if (kind := column_kind(name)) is not None:
                names.append(name)
                kinds.append(kind)
                at += size
                break
        else:
            return None
    if "text" not in kinds or len(names) < 3:
        return None
    wrapping = kinds.index("text")
    table = FlatTable(names, kinds, wrapping)
    if any(k != "ref" for k in kinds[:wrapping]) or table.tail.count("lead") > 1:
        return None
    if header_columns(names) is None and measure_columns(names) is None:
        return None
    return table


def split_tail(text: str, table: FlatTable) -> tuple[str, list[str], int]:
    """The cells after the wrapping column, read from the end of ``text``: what is
    left of the text, the cells (a free-text lead left empty), how many were found."""
    cells = [""] * len(table.tail)
    found = 0
    rest = text.strip()
    for k in range(len(table.tail) - 1, -1, -1):
        kind = table.tail[k]
        pattern = CELL_AT_END.get(kind or "")
        if pattern is None:
            continue
        if kind == "figure":
            match = re.search(rf"(?:{pattern.pattern})\s*$", rest, re.IGNORECASE)
        else:
            match = pattern.search(rest)
        if match:
            cells[k] = match.group(0).strip()
            rest = rest[: match.start()].rstrip(" ,;")
            found += 1
    return rest, cells, found


def is_tail(found: int, table: FlatTable) -> bool:
    shaped = sum(1 for kind in table.tail if kind in CELL_AT_END)
    return shaped > 0 and found * 2 >= shaped and found >= 1


def trailing_lead(text: str) -> tuple[str, str]:
    """A one-line row's action and the lead after it: the capitalised words that
    end it ("... with the voluntary sector Jonah Whitlock")."""
    words = text.split()
    start = len(words)
    while start > 2:
        word = words[start - 1]
        if word[:1].isupper() or (word.lower() in JOINERS and start < len(words)):
            start -= 1
        else:
            break
    while start < len(words) and words[start].lower() in JOINERS:
        start += 1
    if start >= len(words) or start <= 1:
        return text, ""
    return " ".join(words[:start]), " ".join(words[start:])


def row_cells(table: FlatTable, wrapped: list[str], rest: str, tail: list[str]) -> list[str]:
    """A row's cells: ref, the wrapped text, then the tail's cells. ``wrapped`` are
    the text's lines above the tail line, none when the row fits on one line; then
    a lead ends the text, written after it."""
    lead_at = table.tail.index("lead") if "lead" in table.tail else None
    if wrapped and lead_at is not None:
        text, tail[lead_at] = " ".join(wrapped), rest
    elif lead_at is not None:
        text, tail[lead_at] = trailing_lead(rest)
    else:
        text = " ".join([*wrapped, rest])
    ref = ""
    if table.text > 0 and (match := ROW_REF.match(text)):
        ref, text = match.group(1), text[match.end() :]
    before = [ref, *[""] * (table.text - 1)] if table.text else []
    return [*before, text.strip(), *tail]


def read_rows(
    lines: list[tuple[int, str]], start: int, table: FlatTable
) -> tuple[int, list[tuple[int, int, str, bool]]]:
    """Rows of the table whose header is ``lines[start]``: (first, last, tab text,
    is a heading) per row, and the index of the last line read."""
    found: list[tuple[int, int, str, bool]] = []
    last = start
    row: FlatRow | None = None
    refs = table.text > 0
    for k in range(start + 1, len(lines)):
        number, text = lines[k]
        if "\t" in text:
            break  # a table the reader already split into cells
        if row is None:
            if priority_heading(text) and not (refs and ROW_REF.match(text)):
                found.append((number, number, text, True))
                continue
            if (refs and not ROW_REF.match(text)) or flat_header(text) is not None:
                break
            row = FlatRow(number)
        elif len(row.lines) > MAX_WRAPPED or (refs and ROW_REF.match(text)):
            break
        rest, tail, count = split_tail(text, table)
        if is_tail(count, table):
            cells = row_cells(table, row.lines, rest, tail)
            found.append((row.first, number, "\t".join(cells), False))
            last, row = k, None
        elif len(text) > MAX_WRAPPED_LINE:
            break
        else:
            row.lines.append(text)
    while found and found[-1][3]:
        found.pop()  # a heading after the last row is not part of the table
    if found:
        last = next(k for k, (n, _) in enumerate(lines) if n == found[-1][1])
    return last, found


def source_lines(text: CleanText) -> list[tuple[int, str]]:
    """The source lines under the clean lines, stripped, in order; tabs kept, since
    a row with tabs is a table the reader already split into cells."""
    found: list[tuple[int, str]] = []
    for line in text.lines:
        for number in range(line.number, line.end + 1):
            if 1 <= number <= len(text.source.lines):
                raw = text.source.lines[number - 1].text.strip()
                if "  " in raw:
                    raw = re.sub(r" {2,}", " ", raw)
                if raw:
                    found.append((number, raw))
    return found


def unflatten(text: CleanText) -> tuple[CleanText, frozenset[int]]:
    """``text`` with each flattened table as tab-separated rows, and the first line
    numbers of the rows made (each holds its whole row: nothing wraps onto it)."""
    raw = source_lines(text)
    made: dict[int, CleanLine] = {}  # by first source line
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(raw):
        table = flat_header(raw[k][1])
        if table is None:
            k += 1
            continue
        last, rows = read_rows(raw, k, table)
        if not any(not heading for *_, heading in rows):
            k += 1
            continue
        number = raw[k][0]
        made[number] = CleanLine(number, number, "\t".join(table.names), table_row=True)
        for first, end, row, _ in rows:
            made[first] = CleanLine(first, end, row, table_row=True)
        spans.append((number, raw[last][0]))
        k = last + 1
    if not spans:
        return text, frozenset()
    return replace(text, lines=rebuilt(text, spans, made)), frozenset(made)


def rebuilt(
    text: CleanText, spans: list[tuple[int, int]], made: dict[int, CleanLine]
) -> tuple[CleanLine, ...]:
    """The clean lines with the tables' spans replaced by their rows; a clean line
    that runs into or out of a table keeps its own source lines outside it."""
    inside = {n for first, last in spans for n in range(first, last + 1)}
    lines: list[CleanLine] = []
    for line in text.lines:
        numbers = range(line.number, line.end + 1)
        if not any(n in inside for n in numbers):
            lines.append(line)
            continue
        outside: list[int] = []
        for n in [*numbers, None]:
            if n is not None and n not in inside:
                outside.append(n)
                continue
            if outside:
                words = [text.source.lines[m - 1].text.strip() for m in outside]
                piece = " ".join(w for w in words if w)
                if piece:
                    lines.append(replace(line, number=outside[0], end=outside[-1], text=piece))
                outside = []
            if n is not None and n in made:
                lines.append(replace(made[n], page=line.page))
    return tuple(lines)
