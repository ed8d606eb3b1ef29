"""A single committee report: a committee paper that is not a whole pack.

Councils publish reports on their own, opening with a title block: the body
the report goes to ("REGENERATION AND CULTURE OVERVIEW AND SCRUTINY
COMMITTEE"), the meeting date, the report's title, then "Report from:" and
"Author:" fields, and the sections every committee report has (budget and
policy framework, background, options, risk management, consultation,
financial and legal implications, recommendations, lead officer contact,
background papers). Such a report becomes one meeting with role ``"report"``:
the body and date it was written for, with no agenda and no minutes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assure.extracting.dates import find_dates
from assure.parsing.pack.cover_sheets import find_cover_sheets
from assure.parsing.pack.lines import PackLine
from assure.parsing.pack.notice import body_name

BODY_END = re.compile(
    r"\b(?:committee|sub-committee|cabinet|board|panel|executive|forum|commission|assembly|"
    r"partnership)$",
    re.IGNORECASE,
)
# The characters from a line's end that hold any match of BODY_END (its longest
# word, a closing newline) and the one before it, which its opening "\b" reads.
BODY_END_REACH = len("sub-committee") + 3
AUTHOR = re.compile(
    r"^(?:report\s+(?:from|of|by|author)|author|lead\s+officer|report\s+author|portfolio\s+holder|"
    r"lead\s+member|cabinet\s+member|responsible\s+officer|director|head\s+of\s+service)\s*:\s*\S",
    re.IGNORECASE,
)
REPORT_SECTION = re.compile(
    r"^(?:\d{1,2}\.?\s+)?(?P<name>budget\s+and\s+policy\s+framework|background|recommendations?|"
    r"(?:financial|legal|financial\s+and\s+legal|risk|equality|equalities|climate|"
    r"resource|human\s+resources?)\s+implications|risk\s+management|consultations?|"
    r"options(?:\s+(?:and|considered).*)?|advice\s+and\s+analysis|background\s+papers|"
    r"lead\s+officer\s+contact|reasons?\s+for\s+(?:the\s+)?recommendations?|"
    r"purpose\s+of\s+(?:the\s+)?report|summary|introduction|appendices)$",
    re.IGNORECASE,
)
STARTS_PACK = re.compile(
    r"^(?:a\s?g\s?e\s?n\s?d\s?a|agenda(?:\s+items?)?|notice\s+of\s+(?:a\s+)?meeting|"
    r"public\s+document\s+pack|dear\s+(?:member|councillor)s?.*|(?:draft\s+)?minutes\b.*)$",
    re.IGNORECASE,
)


@dataclass
class ReportCover:
    body: str
    date: str
    date_line: int
    title: str | None
    author: bool
    sections: int  # how many of the usual report sections it has

    @property
    def strength(self) -> float:
        """How surely the cover opens a committee report, 0 to 1."""
        base = 0.45 if self.author else 0.25
        return min(1.0, base + 0.25 * min(self.sections, 4) / 4)


def report_cover(lines: list[PackLine]) -> ReportCover | None:
    """The title block of a report standing on its own, or ``None``."""
    head = [line for line in lines[:40] if line.noise is None and not line.table]
    if any(STARTS_PACK.match(line.text) for line in head):
        return None
    if cover := _field_cover(lines):
        return cover
    dated = next(
        (
            (position, dates[0][1])
            for position, line in enumerate(head[:15])
            if len(line.text) <= 40 and (dates := find_dates(line.text))
        ),
        None,
    )
    if dated is None:
        return None
    position, date = dated
    body = _body_above(head[:position])
    if body is None:
        return None
    author = any(AUTHOR.match(line.text) for line in head)
    sections = _sections(lines)
    if not author and sections < 3:
        return None
    return ReportCover(
        body=body,
        date=date,
        date_line=head[position].number,
        title=_title_below(head[position + 1 :]),
        author=author,
        sections=sections,
    )


def _sections(lines: list[PackLine]) -> int:
    return len(
        {
            re.sub(r"\s+", " ", match["name"].lower())
            for line in lines[:600]
            if line.noise is None and (match := REPORT_SECTION.match(line.text.strip(" :")))
        }
    )


def _field_cover(lines: list[PackLine]) -> ReportCover | None:
    """A cover sheet of fields ("Name of meeting:", "Date:", "Title of report:")
    opening the text."""
    sheets = find_cover_sheets(lines[:60])
    first = next((line.number for line in lines if line.noise is None), 0)
    sheet = next((sheet for sheet in sheets if sheet.start_line <= first + 10), None)
    if sheet is None or not sheet.meeting or sheet.date_line is None:
        return None
    date = sheet.date(None)
    if date is None:
        return None
    return ReportCover(
        body=body_name(sheet.meeting),
        date=date,
        date_line=sheet.date_line,
        title=sheet.title,
        author=True,
        sections=_sections(lines),
    )


def _body_above(above: list[PackLine]) -> str | None:
    """The body's name above the date, which may wrap over two lines."""
    for position in range(len(above) - 1, -1, -1):
        text = above[position].text
        if len(text) > 100 or text.endswith(".") or ":" in text or not BODY_END.search(text):
            continue
        parts = [text]
        if position and _continues_name(above[position - 1].text, text):
            parts.insert(0, above[position - 1].text)
        return body_name(" ".join(parts))
    return None


def _continues_name(before: str, text: str) -> bool:
    """ "REGENERATION, COMMUNITY AND CULTURE" over "OVERVIEW AND SCRUTINY COMMITTEE"."""
    return (
        before.isupper() == text.isupper()
        and len(before) <= 60
        and not re.search(r"\bcouncil\b|[.:]", before, re.IGNORECASE)
        and not BODY_END.search(before)
        and not find_dates(before)
    )


def _title_below(below: list[PackLine]) -> str | None:
    parts: list[str] = []
    for line in below[:3]:
        opened = bool(parts) and parts[-1].endswith(("-", "–"))  # the title goes on
        if AUTHOR.match(line.text) or ":" in line.text:
            break
        if REPORT_SECTION.match(line.text) and not opened:
            break
        parts.append(line.text)
    title = " ".join(parts).strip(" -–")
    if not title:
        return None
    return body_name(title) if title.isupper() else title


def title_blocks(lines: list[PackLine]) -> list[tuple[int, str | None]]:
    """``(position, title)`` of every report inside a pack that opens with a
    title block (body, date, title, "Report of:"), which marks where it begins
    even when nothing else does (no page break, no "Agenda Item" stamp)."""
    found: list[tuple[int, str | None]] = []
    for position, line in enumerate(lines):
        text = line.text
        if line.noise or line.table or len(text) > 100 or text.endswith("."):
            continue
        if not BODY_END.search(text[-BODY_END_REACH:]):
            continue
        following = [other for other in lines[position + 1 : position + 10] if other.noise is None]
        if not following or not _date_only(following[0].text):
            continue
        if not any(AUTHOR.match(other.text) for other in following[1:7]):
            continue
        start = position
        above = next((p for p in range(position - 1, -1, -1) if lines[p].noise is None), None)
        if above is not None and (
            _continues_name(lines[above].text, text) or _letterhead(lines[above].text)
        ):
            start = above
        found.append((start, _title_below(following[1:])))
    return found


def _date_only(text: str) -> bool:
    dates = find_dates(text)
    return bool(dates) and len(text) <= 40 and len(re.sub(r"[^A-Za-z]", "", text)) <= 20


def _letterhead(text: str) -> bool:
    return len(text) <= 80 and bool(re.search(r"\bcouncil$", text, re.IGNORECASE))
