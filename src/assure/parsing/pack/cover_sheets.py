"""Report cover sheets: the field block that opens a report in a pack.

Councils head a report with fields such as "Name of meeting:", "Report to:",
"Date:", "Title of report:", "Purpose", "Key decision", "Contact officer",
then numbered sections ("1. Summary", "2.1 ...", "Recommendations").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assure.extracting.dates import parse_date
from assure.normalising.folding import folded
from assure.parsing.pack.lines import PackLine

MEETING_FIELD = re.compile(
    r"^(?:(?:name\s+of\s+(?:meeting|committee|board)|meeting(?:\s+name)?|committee|decision[\s-]+maker|to)"
    r"\s*[:–-]|report\s+to\b(?:\s+the\b)?\s*[:–-]?)\s*(?P<value>.*)$",
    re.IGNORECASE,
)
DATE_FIELD = re.compile(
    r"^(?:date(?:\s+of\s+(?:the\s+)?(?:meeting|decision))?|meeting\s+date)\s*[:–-]\s*(?P<value>.*)$",
    re.IGNORECASE,
)
TITLE_FIELD = re.compile(
    r"^(?:title(?:\s+of\s+(?:the\s+)?report)?|report\s+title|subject|report\s+(?:name|heading))\s*[:–-]\s*(?P<value>.*)$",
    re.IGNORECASE,
)
# The letters MEETING_FIELD and TITLE_FIELD open with, folded (see ``folded``).
FIELD_LETTERS = frozenset("nmcdtrs")
AUTHOR_FIELD = re.compile(
    r"^(?:report\s+(?:of|author|by)|lead\s+officer|responsible\s+officer|contact\s+officer)\s*[:–-]\s*\S",
    re.IGNORECASE,
)
SECTION = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})?)\.?\s+(?P<title>[A-Z][^.]{2,80})$")
LAST_SECTIONS = re.compile(
    r"\b(?:service\s+director\s+responsible|background\s+papers|contact\s+officer|report\s+author|appendices)\b",
    re.IGNORECASE,
)


@dataclass
class CoverSheet:
    start_line: int
    title: str | None = None
    meeting: str | None = None
    date_text: str | None = None
    date_line: int | None = None
    end_line: int | None = None  # last line of the cover sheet's own sections
    title_line: int | None = None
    author: bool = False  # a "Report of:" or contact officer field

    def date(self, default_year: int | None) -> str | None:
        return parse_date(self.date_text, default_year) if self.date_text else None


def _field_value(lines: list[PackLine], index: int, value: str) -> str:
    if value.strip():
        return value.strip()
    following = lines[index + 1] if index + 1 < len(lines) else None
    return following.text.strip() if following is not None and len(following.text) < 150 else ""


def find_cover_sheets(lines: list[PackLine]) -> list[CoverSheet]:
    """Cover sheets: a meeting or title field with a date field close by."""
    sheets: list[CoverSheet] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        text = line.text.replace("\t", ": ", 1) if line.table else line.text
        if line.noise or not _opens_fields(text):
            index += 1
            continue
        sheet = _read_fields(lines, index)
        if sheet.title and (sheet.date_text or sheet.meeting or sheet.author):
            sheet.end_line = _own_end(lines, index)
            sheets.append(sheet)
            index += 8
        else:
            index += 1
    return sheets


# Any field of a report's header: "Decision no:", "Classification:", "Is the
# decision eligible for call-in?".
ANY_FIELD = re.compile(r"^[A-Z][A-Za-z /()'’&-]{1,50}(?::|\?)(?:\s|$)")
# "Cabinet – 4 March 2025": the meeting a report goes to, with its date.
BODY_AND_DATE = re.compile(
    r"^(?P<body>\D{3,80}?)\s*(?:[–-]|,|\bon\b)\s*(?P<when>(?:[A-Z][a-z]+day,?\s+)?"
    r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+\d{4})\.?$"
)


def _opens_fields(text: str) -> bool:
    """Whether MEETING_FIELD or TITLE_FIELD matches ``text``."""
    if folded(text[:1]) not in FIELD_LETTERS:
        return False
    return bool(MEETING_FIELD.match(text) or TITLE_FIELD.match(text))


def _read_fields(lines: list[PackLine], index: int) -> CoverSheet:
    sheet = CoverSheet(start_line=lines[index].number)
    for position in range(index, min(index + 10, len(lines))):
        line = lines[position]
        text = line.text.replace("\t", ": ", 1) if line.table else line.text
        if match := MEETING_FIELD.match(text):
            value = _field_value(lines, position, match["value"])
            if sheet.meeting is None and (dated := BODY_AND_DATE.match(value)):
                # "To: Cabinet – 4 March 2025" gives the meeting and its date.
                sheet.meeting = dated["body"]
                if sheet.date_text is None:
                    sheet.date_text, sheet.date_line = dated["when"], line.number
            sheet.meeting = sheet.meeting or value or None
        elif match := DATE_FIELD.match(text):
            if sheet.date_text is None:
                sheet.date_text = _field_value(lines, position, match["value"]) or None
                sheet.date_line = line.number
        elif AUTHOR_FIELD.match(text):
            sheet.author = True
        elif (match := TITLE_FIELD.match(text)) and sheet.title is None:
            value = _field_value(lines, position, match["value"])
            sheet.title = (_wrapped_value(lines, position, value) if value else value) or None
            sheet.title_line = line.number
    return sheet


def _wrapped_value(lines: list[PackLine], index: int, value: str) -> str:
    """A field's value with the lines it wrapped onto, which sit between it
    and the next field ("Subject: Day Opportunities for Adults with a Learning"
    over "Disability" over "Decision no: 25/00031")."""
    following: list[str] = []
    for line in lines[index + 1 : index + 5]:
        if line.noise or line.table:
            break
        if ANY_FIELD.match(line.text):
            return " ".join([value, *following])
        following.append(line.text)
    return value


def _own_end(lines: list[PackLine], index: int) -> int | None:
    """The last line of the numbered sections that belong to the cover sheet,
    when they end with the usual closing sections (contact, background papers)."""
    last_section: int | None = None
    highest = 0
    for position in range(index + 1, min(index + 400, len(lines))):
        line = lines[position]
        if line.noise == "blank_page" or (MEETING_FIELD.match(line.text) and position > index + 10):
            break
        match = SECTION.match(line.text)
        if not match:
            continue
        main = int(match["num"].split(".")[0])
        if main < highest - 1 and highest >= 3:
            break  # numbering starts again: another document
        highest = max(highest, main)
        if LAST_SECTIONS.search(match["title"]):
            last_section = position
    if last_section is None:
        return None
    line = lines[last_section]
    if re.search(r"\s[–-]\s\S|:\s*\S", line.text):
        return line.end  # the name is on the heading line
    end = line.end
    # Names, roles and addresses follow the heading; page furniture means the
    # page ended, and a new document starts on a new page.
    for following in lines[last_section + 1 : last_section + 5]:
        text = following.text
        if (
            following.noise
            or SECTION.match(text)
            or len(text) > 120
            or (text.endswith(".") and "@" not in text)
        ):
            break
        end = following.end
    return end
