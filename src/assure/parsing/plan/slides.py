"""Action plans laid out as landscape slides.

Each slide carries a title made of a stem the deck repeats and the part of the
plan it holds ("Proposed Priorities to Improve Health and Wellbeing ~ Public
Health", "Measures within the Logframe ~ Public Health"); a part's slides
together are one priority. A slide holds an action table (headed by words such
as "What we have committed to", "Led by", "Timescale", "Measure", "Outcome")
or a table of measures ("Objectively Verifiable Indicators", "Timescale").

The slides are read from the lines as extracted (normalising removes their
repeated titles and headers). PDF extraction flattens the tables, so rows are
told apart by how they close:
an action row by its last column's codes ("SO1, SO2", wrapped as "SO1,SO2,SO" /
"3,SO4"), a measure row by a sentence's end, a timescale standing alone, or the
slide's end. A row with codes but no timescale names a service under the action
above, not an action. Leads are not separated from the flattened text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from assure.document import CleanText
from assure.parsing.layout import LayoutLine
from assure.parsing.per_text import once_per_text
from assure.structure import Plan, PlanAction, Priority, SuccessMeasure

# "Stem ~ Part", "Stem – Part", "Stem: Part"
SLIDE_TITLE = re.compile(
    r"^(?P<stem>[A-Z][^~–—|]{8,90}?)\s*[~–—|]\s*(?P<part>[A-Za-z][\w &,'()/-]{1,50})$"
)
SEPARATOR = re.compile(r"[~–—|]")
ACTION_HEADINGS = re.compile(
    r"\b(?:what\s+we\s+(?:have\s+committed\s+to|will\s+do)|actions?|led\s+by|lead(?:\s+officer)?"
    r"|owner|timescales?|timeframe|by\s+when|deadline|measures?(?:\s+of\s+success)?|outcomes?"
    r"|status|progress)\b",
    re.IGNORECASE,
)
MEASURE_HEADINGS = re.compile(
    r"\b(?:objectively\s+verifiable\s+indicators?|indicators?|success\s+measures?|kpis?)\b",
    re.IGNORECASE,
)
CODE = r"S[O0]\s*\d{1,2}|[A-Z]{1,3}\d{1,2}"
CLOSING_CODES = re.compile(rf"(?:^|\s)((?:{CODE})(?:\s*,\s*(?:{CODE}|[A-Z]{{1,2}}))*\s*,?)$")
CODE_PIECE = re.compile(r"^[A-Z0-9]{1,4}(?:\s*,\s*[A-Z0-9]{1,4})*\s*,?$")
TIMESCALE = re.compile(
    r"\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+['‘’]?\d{2,4}"
    r"|(?:19|20)\d\d(?:\s*(?:to|-|–)\s*(?:19|20)?\d\d)?|\d\s*[-–]\s*\d\s+years|\d+\s+years"
    r"|ongoing|end\s+q[1-4]|q[1-4]|once\s+in\s+post)\b",
    re.IGNORECASE,
)
TIMESCALE_ONLY = re.compile(rf"^(?:{TIMESCALE.pattern})$", re.IGNORECASE)
MIN_SLIDES = 3
MIN_HEADINGS = 3
HEADER_LINES = 3
SHORT_HEADING = 12  # "e", "Outcome": a heading's wrapped words
MIN_PARTS = 2
MAX_ACTION = 300


@dataclass
class Part:
    title: str
    start_line: int
    actions: list[PlanAction] = field(default_factory=list)
    measures: list[SuccessMeasure] = field(default_factory=list)


def fold(text: str) -> str:
    return " ".join(text.casefold().split())


def slide_titles(lines: list[LayoutLine]) -> dict[int | None, tuple[str, str, LayoutLine]]:
    """Each page's slide title as (stem, part, line), for stems the deck repeats."""
    found: dict[int | None, tuple[str, str, LayoutLine]] = {}
    candidates = []
    for line in lines:
        # A title opens with a capital and holds its separator: nothing else is tried.
        if not ("A" <= line.text[:1] <= "Z") or not SEPARATOR.search(line.text):
            continue
        if (match := SLIDE_TITLE.match(line.text)) is not None:
            candidates.append((fold(match["stem"]), match["part"].strip(), line))
    pages = Counter(stem for stem, _ in {(stem, line.page) for stem, _, line in candidates})
    for stem, part, line in candidates:
        if pages[stem] >= MIN_SLIDES and line.page not in found:
            found[line.page] = (stem, part, line)
    return found


def page_lines(text: CleanText) -> list[LayoutLine]:
    """Every non-blank line as extracted: a slide's title and table header repeat
    on every slide, which normalising removes as running headers."""
    return [
        LayoutLine(line.number, " ".join(line.text.split()), line.page)
        for line in text.source.lines
        if line.text.strip()
    ]


def _title_lines(text: CleanText) -> list[LayoutLine]:
    """The ``page_lines`` opening with a capital and holding a separator, the only
    ones a slide's title is looked for on: most lines of most documents are never
    laid out."""
    return [
        LayoutLine(line.number, " ".join(line.text.split()), line.page)
        for line in text.source.lines
        if "A" <= line.text.lstrip()[:1] <= "Z" and SEPARATOR.search(line.text)
    ]


@once_per_text  # the plan's detector, then its parser
def slide_plan(text: CleanText) -> Plan | None:
    """The plan a slide deck lays out, or ``None`` if the text is no such deck."""
    titles = slide_titles(_title_lines(text))
    if len(titles) < MIN_SLIDES:
        return None
    by_page: dict[int | None, list[LayoutLine]] = {}
    for line in page_lines(text):
        by_page.setdefault(line.page, []).append(line)
    parts: dict[str, Part] = {}
    for page, (_, name, title_line) in titles.items():
        body = [line for line in by_page.get(page, ()) if line != title_line]
        part = parts.setdefault(
            fold(name), Part(name, min(line.number for line in body or [title_line]))
        )
        header = header_end(body, ACTION_HEADINGS)
        measures = next(
            (i for i, line in enumerate(body) if MEASURE_HEADINGS.search(line.text)), None
        )
        if measures is not None and (header is None or measures <= header):
            part.measures.extend(measure_rows(body[measures + 1 :]))
        elif header is not None:
            part.actions.extend(action_rows(body[header + 1 :]))
    kept = [p for p in parts.values() if p.actions or p.measures]
    if len(kept) < MIN_PARTS:
        return None
    priorities = tuple(
        Priority(
            number=None,
            title=p.title,
            start_line=p.start_line,
            actions=tuple(p.actions),
            measures=tuple(p.measures),
        )
        for p in kept
    )
    return Plan(title=None, start_line=min(p.start_line for p in priorities), priorities=priorities)


def header_end(lines: list[LayoutLine], headings: re.Pattern[str]) -> int | None:
    """The index of a table header's last line: three or more headings within a
    few lines ("Timescal" / "e" split over two), and the short lines its headings
    wrap onto ("Outcome")."""
    for index in range(len(lines)):
        window = " ".join(line.text for line in lines[index : index + HEADER_LINES])
        if len({m.group(0).casefold() for m in headings.finditer(window)}) < MIN_HEADINGS:
            continue
        end = index
        while (
            end + 1 < len(lines)
            and end - index < HEADER_LINES
            and (
                len(lines[end + 1].text) <= SHORT_HEADING or headings.fullmatch(lines[end + 1].text)
            )
        ):
            end += 1
        return end
    return None


def action_rows(lines: list[LayoutLine]) -> list[PlanAction]:
    """Rows closing with their outcome codes; a row without a timescale names
    a service under the action before it."""
    actions: list[PlanAction] = []
    row: list[LayoutLine] = []
    codes: list[str] = []
    for line in lines:
        if codes and CODE_PIECE.match(line.text) and not row:
            codes.append(line.text)  # "3,SO4,SO5,S" / "O6": the codes wrapped
            if actions:
                actions[-1] = with_refs(actions[-1], codes)
            continue
        row.append(line)
        if (match := CLOSING_CODES.search(line.text)) is not None:
            codes = [match.group(1)]
            if (action := action_of(row, codes)) is not None:
                actions.append(action)
            row = []
    return actions


def action_of(row: list[LayoutLine], codes: list[str]) -> PlanAction | None:
    text = " ".join(line.text for line in row)
    if (closing := CLOSING_CODES.search(text)) is not None:
        text = text[: closing.start()]
    timescale = TIMESCALE.search(text)
    if timescale is None:
        return None
    return PlanAction(
        text=" ".join(text[: timescale.start()].split())[:MAX_ACTION] or text[:MAX_ACTION],
        start_line=row[0].number,
        timeframe=timescale.group(0),
        refs=refs_of(codes),
    )


def refs_of(codes: list[str]) -> tuple[str, ...]:
    joined = re.sub(r"\s+", "", "".join(codes)).replace("S0", "SO")
    return tuple(
        dict.fromkeys(c for c in joined.split(",") if re.fullmatch(r"[A-Z]{1,3}\d{1,2}", c))
    )


def with_refs(action: PlanAction, codes: list[str]) -> PlanAction:
    return replace(action, refs=refs_of(codes))


def measure_rows(lines: list[LayoutLine]) -> list[SuccessMeasure]:
    """Measures closing with a sentence's end, a timescale alone or the slide's end."""
    measures: list[SuccessMeasure] = []
    row: list[LayoutLine] = []
    for line in lines:
        if TIMESCALE_ONLY.match(line.text) and not row:
            continue  # the timescale of the measure just closed
        row.append(line)
        text = line.text.rstrip()
        if text.endswith(".") or TIMESCALE_ONLY.match(text) or re.search(r"\.\s+\S+$", text):
            measures.append(measure_of(row))
            row = []
    if row:
        measures.append(measure_of(row))
    return measures


def measure_of(row: list[LayoutLine]) -> SuccessMeasure:
    text = " ".join(line.text for line in row)
    return SuccessMeasure(text=" ".join(text.split()), start_line=row[0].number)
