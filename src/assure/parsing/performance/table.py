"""KPI scorecards laid out as tables: a row per indicator under a header such as
"Ref | Indicator | Polarity | Target | Q2 2025/26 | Q3 2025/26 | RAG | DoT | England".

The latest value is the rightmost period column holding one (or an "Actual"
column); the period column before it is the previous value. Where cells
survive (spreadsheets, Word tables, tab text) each row is read cell by cell.
Where PDF extraction flattened the table, the header line gives the columns
after the indicator's name, and a row is a line closing with one token per
such column (figures, "-", RAG words, arrows, polarity words); the name is
the text before them and the lines since the row before (a reference alone on
its line is the row's reference).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assure.document import CleanLine, CleanText
from assure.normalising.folding import folded
from assure.parsing.layout import LayoutLine, layout_lines
from assure.parsing.performance.marks import first_figure, rag_of, trend_of, unit_for
from assure.structure import Comparator, Metric

PERIOD_HEADING = (
    r"(?:q[1-4](?:\s+(?:19|20)\d\d(?:\s*[/-]\s*\d{2,4})?)?|quarter\s+[1-4](?:\s+(?:19|20)\d\d(?:/\d\d)?)?"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*[\s-]+(?:19|20)?\d\d"
    r"|(?:19|20)\d\d(?:\s*[/-]\s*\d{2,4})?)"
)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("ref", r"ref(?:erence)?|id|no\.?|kpi\s+(?:ref|no|id)"),
    ("trend", r"dot|direction\s+of\s+travel|trend|direction|travel"),
    ("rag", r"rag(?:\s+rating|\s+status)?|status|rating"),
    ("target", r"target|goal|ambition"),
    ("floor", r"floor(?:\s+standard)?|tolerance|minimum"),
    (
        "previous",
        r"previous(?:\s+(?:quarter|year|month|period))?|last\s+(?:quarter|year|month)|baseline|prior\s+year",
    ),
    ("value", r"actual|outturn|latest|current|result|value|performance|ytd|year\s+to\s+date"),
    ("england", r"england(?:\s+average)?|national(?:\s+average)?"),
    (
        "region",
        r"region(?:al)?(?:\s+average)?|south\s+east|south\s+west|north\s+west|north\s+east|london",
    ),
    ("statistical_neighbours", r"statistical\s+neighbours?|sn(?:\s+average)?|comparator\s+average"),
    ("polarity", r"polarity|good\s+is|better\s+if|aim"),
    ("unit", r"units?|measure\s+type"),
    (
        "name",
        r"indicators?|measures?|kpis?|performance\s+indicators?|description|metric|title|name",
    ),
    ("period", PERIOD_HEADING),
)
COLUMN = {name: re.compile(rf"^(?:{pattern})$", re.IGNORECASE) for name, pattern in COLUMNS}
SCAN = re.compile(
    "|".join(rf"(?P<{name}>\b(?:{pattern})(?![\w/]))" for name, pattern in COLUMNS), re.IGNORECASE
)
# Words one of which every match of a column holds: the name's, and the marks' (trend, RAG, target).
NAME_WORDS = ("indicator", "measure", "kpi", "description", "metric", "title", "name")
MARK_WORDS = (
    ("dot", "direction", "trend", "travel"),
    ("rag", "status", "rating"),
    ("target", "goal", "ambition"),
)
POLARITY = re.compile(r"^(?:high(?:er)?|low(?:er)?|up|down|increase|decrease|n/?a)$", re.IGNORECASE)
TOKEN = re.compile(
    r"^(?:[-−]?£?\d[\d,]*(?:\.\d+)?%?|-|–|n/?a|red|amber|green|[↑↓↔→⬆⬇▲▼⇧⇩]"
    r"|improving|worsening|stable|same|high|low|higher|lower)$",
    re.IGNORECASE,
)
REF_LINE = re.compile(r"^[A-Z]{1,6}[\s-]?\d{1,3}[a-z]?$")
COMPARATORS = ("england", "region", "statistical_neighbours", "floor")
MAX_NAME = 240
# Words a scorecard's header holds, found before its cells are read one by one.
HINT = re.compile(r"\b(?:target|rag|dot|direction|trend|status|rating)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Column:
    field: str
    label: str


def column_of(cell: str) -> Column:
    text = " ".join(cell.replace("\n", " ").split()).strip(" :*")
    for name, pattern in COLUMN.items():
        if pattern.match(text):
            return Column(name, text)
    return Column("", text)


def is_scorecard_header(columns: list[Column]) -> bool:
    fields = [c.field for c in columns]
    measured = fields.count("period") + fields.count("value")
    marks = sum(1 for f in ("target", "rag", "trend") if f in fields)
    return "name" in fields and measured >= 1 and marks >= 2


def table_rows(text: CleanText, period: str | None) -> list[Metric]:
    """Rows of scorecard tables whose cells survive."""
    lines = text.lines
    found: list[Metric] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if "\t" not in line.text or not HINT.search(line.text):
            continue
        columns = [column_of(c) for c in line.text.split("\t")]
        if not is_scorecard_header(columns):
            continue
        while index < len(lines) and "\t" in lines[index].text:
            cells = [c.strip() for c in lines[index].text.split("\t")]
            cells += [""] * (len(columns) - len(cells))
            metric = row_metric(lines[index], dict(enumerate(cells)), columns, period)
            if metric is not None:
                found.append(metric)
            index += 1
    return found


def flattened_rows(text: CleanText, period: str | None) -> list[Metric]:
    """Rows of scorecard tables PDF extraction flattened (read from the lines as
    extracted: normalising would join a row's closing figures to the next row)."""
    lines = layout_lines(text)
    found: list[Metric] = []
    index = 0
    while index < len(lines):
        columns = scanned_header(lines[index].text)
        index += 1
        if columns is None:
            continue
        name_at = [c.field for c in columns].index("name")
        trailing = columns[name_at + 1 :]
        pending: list[LayoutLine] = []
        while index < len(lines):
            line = lines[index]
            if scanned_header(line.text) is not None:
                break
            tail = closing_tokens(line.text, len(trailing))
            if tail is None:
                pending.append(line)
                if len(pending) > 3:
                    break
                index += 1
                continue
            head, tokens = tail
            ref, name = name_from([*(p.text for p in pending), head])
            cells = {i + name_at + 1: token for i, token in enumerate(tokens)}
            cells[name_at] = name
            if ref is not None and columns[0].field == "ref":
                cells[0] = ref
            metric = row_metric(line, cells, columns, period)
            if metric is not None:
                found.append(metric)
            pending = []
            index += 1
    return found


def scanned_header(text: str) -> list[Column] | None:
    if len(text) > MAX_NAME or "\t" in text:
        return None  # a row with its cells is read as such
    low = folded(text)
    if not any(word in low for word in NAME_WORDS) or (
        sum(any(word in low for word in words) for words in MARK_WORDS) < 2
    ):
        return None  # no header without its name column and two of target, RAG, trend
    columns = [
        Column(next(k for k, v in m.groupdict().items() if v), m.group(0))
        for m in SCAN.finditer(text)
    ]
    return columns if is_scorecard_header(columns) and columns[-1].field != "name" else None


def closing_tokens(text: str, count: int) -> tuple[str, list[str]] | None:
    """The text before a line's last ``count`` value tokens, and the tokens."""
    words = text.split()
    if len(words) <= count:
        return None
    tokens = words[-count:]
    if not all(TOKEN.match(t) for t in tokens):
        return None
    return " ".join(words[:-count]), tokens


def name_from(texts: list[str]) -> tuple[str | None, str]:
    parts = [t.strip() for t in texts if t.strip()]
    ref = None
    match = re.match(r"^([A-Z]{1,6}[\s-]?\d{1,3}[a-z]?)\b\s*(.*)$", parts[0]) if parts else None
    if match and REF_LINE.match(match.group(1)):
        ref, rest = match.group(1), match.group(2)
        parts = ([rest] if rest else []) + parts[1:]
    return ref, " ".join(" ".join(parts).split())


def row_metric(
    line: CleanLine | LayoutLine, cells: dict[int, str], columns: list[Column], period: str | None
) -> Metric | None:
    by_field: dict[str, list[tuple[int, str]]] = {}
    for position, col in enumerate(columns):
        if col.field and cells.get(position, "").strip():
            by_field.setdefault(col.field, []).append((position, cells[position].strip()))
    name = next((v for _, v in by_field.get("name", [])), "")
    periods = [(p, v) for p, v in by_field.get("period", []) if first_figure(v)]
    value_cell = next((v for _, v in by_field.get("value", []) if first_figure(v)), None)
    if value_cell is None and periods:
        value_cell = periods[-1][1]
    value = first_figure(value_cell or "")
    if value is None or not name:
        return None
    comparators = []
    previous = next((v for _, v in by_field.get("previous", [])), None)
    if previous is None and len(periods) >= 2 and value_cell == periods[-1][1]:
        previous = periods[-2][1]
    if previous and (figure := first_figure(previous)):
        comparators.append(Comparator("previous", figure.value, previous))
    for kind in COMPARATORS:
        for _, cell in by_field.get(kind, []):
            if figure := first_figure(cell):
                comparators.append(
                    Comparator("other" if kind == "floor" else kind, figure.value, cell)
                )
    target = first_figure(next((v for _, v in by_field.get("target", [])), ""))
    latest_label = (
        columns[periods[-1][0]].label if periods and value_cell == periods[-1][1] else None
    )
    return Metric(
        text=line.text,
        value=value.value,
        unit=unit_for(name, value),
        start_line=line.number,
        measure=name,
        period=latest_label or period,
        comparators=tuple(comparators),
        target=target.value if target else None,
        rag=rag_of(" ".join(v for _, v in by_field.get("rag", []))),
        trend=trend_of(" ".join(v for _, v in by_field.get("trend", []))),
    )
