"""Agenda items: number, title, pack page range, purpose, contact and group.

Packs write an item as "5: Title", "5. Title (Pages 13 - 40)", "Item 5 Title",
or a tab row "5.\\tTitle\\t13 - 40"; the page range may stand on its own line
after the title ("13 - 40"). Numbers run in sequence, which is what separates
items from numbered sentences in the purpose text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assure.parsing.pack.lines import PackLine

# "5", "(5)" or "A5": a letter before the number marks a part of the agenda.
ITEM = re.compile(
    r"^(?:agenda\s+)?(?:item\s*(?:no\.?)?\s*)?(?:\((?=\d{1,2}\)\s)|(?P<part>[A-Z])(?=\d{1,2}\s))?"
    r"(?P<num>\d{1,2})\)?(?!\.\d)(?P<sub>\s?\(?[a-h]\)?(?=[\s:.]))?"
    r"\s*[:.]?\s+(?P<title>[A-Z0-9\"'(‘].*)$",
    re.IGNORECASE,
)
ITEM_NUMBER_ONLY = re.compile(r"^(?:item\s+)?(?P<num>\d{1,2})(?P<sub>[a-h])?[:.]?$", re.IGNORECASE)
PAGES_TAIL = re.compile(
    r"[\s\t]*\(?\s*(?:pages?|pp\.?)?\s*(?P<first>\d{1,4})\s*(?:[–-]|to)\s*(?P<last>\d{1,4})\s*\)?\s*$",
    re.IGNORECASE,
)
# "(Page 59)", or "Page 59" from a page column that a PDF ran into the title.
PAGE_TAIL = re.compile(
    r"[\s\t]*(?:\(\s*pages?\s*(?P<first>\d{1,4})\s*\)|\s(?-i:Pages?)\s+(?P<only>\d{1,4}))\s*$",
    re.IGNORECASE,
)
PAGES_LINE = re.compile(
    r"^\(?\s*(?:pages?|pp\.?)?\s*(?P<first>\d{1,4})\s*(?:[–-]|to)\s*(?P<last>\d{1,4})\s*\)?$",
    re.IGNORECASE,
)
PAGE_LINE = re.compile(
    r"^\(?\s*pages?\s+(?P<first>\d{1,4})\s*\)$|^\(\s*pages?\s+(?P<only>\d{1,4})\s*\)?$",
    re.IGNORECASE,
)
CONTACT = re.compile(
    r"^(?:contact(?:\s+officer)?s?|(?:lead\s+|report(?:ing)?\s+)?officers?|report\s+author|author|"
    r"presented\s+by|lead\s+member|report\s+of(?:\s+the)?|presenter)\s*[:–-]\s*(?P<who>.+)$",
    re.IGNORECASE,
)
# "Report of the Head of Housing Services": the post that brings the item,
# its contact unless a contact officer is named as well.
REPORT_OF = re.compile(
    r"^report\s+of\s+(?:the\s+)?(?P<who>[A-Z][^.:;]{3,100}?)"
    r"(?:\s*\((?:copy\s+)?(?:attached|enclosed|to\s+follow)\))?\.?$",
    re.IGNORECASE,
)
# Lines after the last item that belong to the notice, not to the item:
# "Date of next meeting: Thursday 16 January 2025 at 2.00pm."
AGENDA_CLOSE = re.compile(
    r"^(?:date\s+(?:and\s+time\s+)?of\s+(?:the\s+)?next\s+meeting|next\s+meeting)\s*[:–-]\s*\S",
    re.IGNORECASE,
)
# Fields under an item that say where or how, not what for ("Wards: All").
ITEM_FIELD = re.compile(
    r"^(?:wards?(?:\s*\(s\))?(?:\s+affected)?|key\s+decision)\s*[:–-]", re.IGNORECASE
)
PURPOSE_LABEL = re.compile(r"^purpose(?:\s+of\s+(?:the\s+)?report)?\s*[:–-]\s*", re.IGNORECASE)
# "Jo Bloggs, Head of Service, to present" names who brings the item.
PRESENTER = re.compile(
    r"^(?P<who>[A-Z][^.]{2,150}?),?\s+(?:to\s+(?:present|attend|introduce)|in\s+attendance)\.?$"
)
GROUP = re.compile(
    r"^(?:part\s+[a-z0-9]+\b.*"
    r"|(?:items?\s+)?(?:to|for)\s+(?:note|decision|information|discussion|approval|assurance)\b.*"
    r"|[A-Z][A-Z &/,'–-]{3,50})$"
)
AGENDA_HEADING = re.compile(
    r"^(?:a\s?g\s?e\s?n\s?d\s?a|agenda(?:\s+items?(?:\s+no\.?)?)?|agenda\s+for\b.*|.*\bagenda)$",
    re.IGNORECASE,
)
NOT_TITLE = re.compile(r"^(?:that|to\s+note\s+that|councillors?|cllrs?)\b", re.IGNORECASE)
# "Item 4 – Title – Pages 9-20 – For decision", the parts set apart by dashes.
DASHED_ITEM = re.compile(
    r"^(?:agenda\s+)?item\s*(?P<num>\d{1,2})(?P<sub>[a-h])?\s+[–-]\s+(?P<rest>\S.*)$", re.I
)
ITEM_PURPOSE = re.compile(
    r"^(?:(?:for|to)\s+(?:decision|noting|note|discussion|information|approval|assurance|"
    r"endorsement|agreement)|verbal(?:\s+(?:update|report))?|presentation|report|oral\s+update)$",
    re.IGNORECASE,
)
KEY_DECISION_MARK = re.compile(r"\s+[*†‡]+(?=\s|$)")
TIME_CELL = re.compile(r"^\d{1,2}[.:]\d{2}(?:\s*[ap]\.?m\.?)?$", re.IGNORECASE)
TABLE_HEADER = re.compile(r"^(?:item|no\.?|number|#)$", re.IGNORECASE)


@dataclass
class DraftItem:
    number: str
    title: str
    start_line: int
    pages: tuple[int, int] | None = None
    purpose: list[str] = field(default_factory=list)
    contact: str | None = None
    group: str | None = None
    end_line: int = 0
    title_done: bool = False
    contact_from_report: bool = False  # the contact is the post a report is "of"
    closed: bool = False  # what follows is not this item's (a table row ended, a note began)
    table_row: bool = False


def pages_of(first: str | None, last: str | None) -> tuple[int, int] | None:
    if first is None:
        return None
    low, high = int(first), int(last or first)
    return (low, high) if 0 < low <= high <= low + 2000 else None


def split_title(title: str) -> tuple[str, tuple[int, int] | None]:
    """A title without a trailing page range, and the range."""
    title = title.replace("\t", " ").strip()
    # "Grants Policy *": a mark that flags a key decision is not the title.
    title = KEY_DECISION_MARK.sub("", title)
    for pattern in (PAGES_TAIL, PAGE_TAIL):
        match = pattern.search(title)
        if match and match.start() > 2:
            pages = pages_of(
                match["first"] or match.groupdict().get("only"), match.groupdict().get("last")
            )
            before = title[: match.start()].rstrip(" .–-(")
            # "Budget 2019 - 2020" is a title, not a page range: a range needs
            # a "Page" word, brackets, or separation from the title.
            marked = re.search(r"page|pp|\(|\t|\s{2}", match.group(0), re.IGNORECASE)
            if pages and before and (marked or not _title_range(before, pages)):
                return before, pages
    return title, None


def _title_range(before: str, pages: tuple[int, int]) -> bool:
    """ "2019 - 2020" or "2019-20" in a title is a span of years, and "Quarter
    1 - 2" or "Key Stage 3 - 4" a span of periods or stages, not pages."""
    first, last = pages
    if 1990 <= first <= 2100 or (first >= 1990 and last < 100):
        return True
    return bool(COUNTED.search(before)) and last <= 12


# Words that a small span of numbers may follow in a title.
COUNTED = re.compile(
    r"\b(?:quarters?|q|phases?|stages?|years?|tiers?|steps?|waves?|levels?|rounds?|parts?|"
    r"periods?|months?|weeks?|terms?|priorit(?:y|ies)|sections?|chapters?|items?|ages?|"
    r"wards?|areas?|localit(?:y|ies))$",
    re.IGNORECASE,
)


def item_start(line: PackLine) -> tuple[str, int, str, tuple[int, int] | None] | None:
    """``(number, main number, title, pages)`` if ``line`` opens an agenda item."""
    text = line.text
    if line.table:
        cells = [cell for cell in line.cells if cell]
        if len(cells) >= 2 and ITEM_NUMBER_ONLY.match(cells[0]):
            number = ITEM_NUMBER_ONLY.match(cells[0])
            assert number is not None
            pages = None
            rest = cells[1:]
            if len(rest) > 1 and (m := PAGES_LINE.match(rest[-1]) or PAGE_LINE.match(rest[-1])):
                pages = pages_of(m["first"] or m.groupdict().get("only"), m.groupdict().get("last"))
                rest = rest[:-1]
            # A time column ("1.30") goes; a lead column after the title is not title.
            rest = [cell for cell in rest if not TIME_CELL.match(cell)] or rest
            joined = rest[0]
            # With pages in a column of their own, only a "Page" word in the
            # title cell is another range.
            title, tail_pages = (
                split_title(joined)
                if pages is None or re.search(r"pages?\b", joined, re.I)
                else (joined, None)
            )
            if title and title[0].isupper():
                label = number["num"] + (number["sub"] or "")
                return label, int(number["num"]), title, pages or tail_pages
        return None
    if dashed := _dashed_item(text):
        return dashed
    match = ITEM.match(text)
    if not match:
        return None
    title, pages = split_title(match["title"])
    if (
        not title
        or not (title[0].isupper() or title[0] in "0123456789\"'(")
        or NOT_TITLE.match(title)
    ):
        return None
    if len(title) > 220:
        return None
    if title.endswith(".") and len(title.split()) > 12:
        return None
    sub = (match["sub"] or "").strip(" ()")
    return (match["part"] or "") + match["num"] + sub, int(match["num"]), title, pages


def dashed_purpose(text: str) -> str | None:
    """The purpose written as the last part of a one-line dashed item
    ("Item 5a – Quarter 2 Return – pp. 33–40 – For decision")."""
    match = DASHED_ITEM.match(text)
    if match is None:
        return None
    parts = re.split(r"\s+[–-]\s+", match["rest"])
    return next((part for part in parts[1:] if ITEM_PURPOSE.match(part)), None)


def _dashed_item(text: str) -> tuple[str, int, str, tuple[int, int] | None] | None:
    """ "Item 4 – Title – Pages 9-20 – For decision": the parts of an item
    on one line, set apart by dashes; what is neither pages nor a purpose
    ("For decision", "Verbal") is the title."""
    match = DASHED_ITEM.match(text)
    if match is None:
        return None
    title_parts: list[str] = []
    pages = None
    for part in re.split(r"\s+[–-]\s+", match["rest"]):
        if title_parts and (found := page_range_line(part)):
            pages = pages or found
        elif title_parts and ITEM_PURPOSE.match(part):
            continue
        else:
            title_parts.append(part)
    title = " – ".join(title_parts)
    if not title[:1].isupper() or NOT_TITLE.match(title):
        return None
    return match["num"] + (match["sub"] or ""), int(match["num"]), title, pages


def page_range_line(text: str) -> tuple[int, int] | None:
    match = PAGES_LINE.match(text) or PAGE_LINE.match(text)
    if not match:
        return None
    return pages_of(match["first"] or match.groupdict().get("only"), match.groupdict().get("last"))


def is_group_heading(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 7 or AGENDA_HEADING.match(text) or text.endswith("."):
        return False
    return bool(GROUP.match(text)) and (
        text.isupper() or text.lower().startswith(("to ", "for ", "items ", "part "))
    )


def parse_agenda(lines: list[PackLine]) -> list[DraftItem]:
    """Agenda items found in ``lines`` (the notice part of a pack)."""
    items: list[DraftItem] = []
    group: str | None = None
    heading_seen = False
    pending: tuple[str, int] | None = None  # (label, position) of a number alone on its line
    lead: int | None = None  # the column of an agenda table that names who brings each item
    for index, line in enumerate(lines):
        if line.noise and items and _page_column_cell(items, line):
            items[-1].pages = page_range_line(f"({line.text})")
            continue
        if line.noise:
            continue
        text = line.text
        found = item_start(line)
        if line.table and found is None:
            lead = _lead_column(line) if _lead_column(line) is not None else lead
        start = index
        if found is None and pending and not line.table:
            title, pages = split_title(text)
            if title and title[0].isupper() and len(title) <= 220:
                found = (pending[0], 0, title, pages)
                start = pending[1]
        pending = None
        if found and _in_sequence(items, found[0], heading_seen):
            label, _, title, pages = found
            if items:
                items[-1].end_line = _end_before(lines, start)
            items.append(DraftItem(label, title, lines[start].number, pages, group=group))
            items[-1].table_row = line.table
            if line.table and lead is not None and lead < len(line.cells) and line.cells[lead]:
                items[-1].contact = line.cells[lead]
            if not line.table and (purpose := dashed_purpose(text)):
                items[-1].purpose, items[-1].title_done = [purpose], True
            continue
        number = ITEM_NUMBER_ONLY.match(text)
        if number and _in_sequence(items, number["num"] + (number["sub"] or ""), heading_seen):
            pending = (number["num"] + (number["sub"] or ""), index)
            continue
        if (
            AGENDA_HEADING.match(text)
            and len(text.split()) <= 6
            and not heading_seen
            and len(items) <= 3
        ):
            # Numbered notes above the "Agenda" heading were not the agenda.
            items, group, heading_seen = [], None, True
            continue
        if not items:
            if is_group_heading(text) and heading_seen:
                group = text
            continue
        if not items[-1].closed and _closes_item(items[-1], line):
            items[-1].closed, items[-1].end_line = True, _end_before(lines, index)
        if items[-1].closed:
            continue
        _add_detail(items[-1], line, lines[index - 1] if index else None)
        if is_group_heading(text):
            group = text
            items[-1].purpose = [p for p in items[-1].purpose if p != text]
    if items and not items[-1].closed:
        items[-1].end_line = _end_before(lines, len(lines))
    _single_pages(items)
    return items


def _page_column_cell(items: list[DraftItem], line: PackLine) -> bool:
    """ "Page 59" under an item's title, read from the page column, not a page's
    footer: the title is the line before, and the page follows on from the
    range of the item before ("41 - 58")."""
    item = items[-1]
    match = re.fullmatch(r"Page (\d{1,4})", line.text)
    if match is None or item.pages or item.purpose or item.title_done:
        return False
    before = [other.pages for other in items[:-1] if other.pages]
    return bool(before) and before[-1][1] + 1 == int(match.group(1))


def _closes_item(item: DraftItem, line: PackLine) -> bool:
    """Whether ``line`` ends what belongs to ``item``: a note of the notice
    ("Date of next meeting: ..."), or a paragraph below the agenda table
    whose row held the item, its purpose and lead in cells."""
    if AGENDA_CLOSE.match(line.text):
        return True
    return item.table_row and line.gap and not line.table


BARE_PAGE = re.compile(r"^(?P<title>.*\S)\s+(?P<page>\d{1,4})$")


def _single_pages(items: list[DraftItem]) -> None:
    """ "9. Forward Plan 17": in an agenda table whose page column ran into the
    titles, a one-page item ends in a bare number, which is a page only where
    it carries on from the item before and leads into the one after."""
    for position, item in enumerate(items):
        match = BARE_PAGE.match(item.title) if item.pages is None else None
        if match is None or COUNTED.search(match["title"]):
            continue
        page = int(match["page"])
        before = [other.pages for other in items[:position] if other.pages]
        after = [other.pages for other in items[position + 1 :] if other.pages]
        if before and before[-1][1] + 1 == page and (not after or after[0][0] == page + 1):
            item.title, item.pages = match["title"], (page, page)


LEAD_COLUMN = re.compile(
    r"^(?:lead(?:\s+(?:officer|member|director))?|officers?|presenter|presented\s+by|contact|"
    r"report\s+(?:of|author|by)|by\s+whom)$",
    re.IGNORECASE,
)


def _lead_column(line: PackLine) -> int | None:
    """The position of the "Lead" column in the heading row of an agenda table."""
    return next((p for p, cell in enumerate(line.cells) if LEAD_COLUMN.match(cell)), None)


def _in_sequence(items: list[DraftItem], label: str, heading_seen: bool) -> bool:
    """Whether item ``label`` ("6", "6a") can follow the items so far."""
    main, sub = _split_label(label)
    if not items:
        return main <= 3 or heading_seen
    previous, previous_sub = _split_label(items[-1].number)
    if main == previous:
        return bool(sub) and sub > previous_sub  # "5a" after "5", "5b" after "5a"
    return previous < main <= previous + 3


def _split_label(label: str) -> tuple[int, str]:
    match = re.match(r"[A-Z]?(\d+)(.*)", label)
    return (int(match.group(1)), match.group(2)) if match else (0, "")


def _end_before(lines: list[PackLine], index: int) -> int:
    for line in reversed(lines[:index]):
        if line.noise is None:
            return line.end
    return lines[0].number if lines else 0


def _wrapped_title(text: str, item: DraftItem) -> bool:
    """A short capitalised line straight under a title without its page range
    ("Adult Social Care Workforce" over "Strategy 2024 - 2027 (Pages 5 - 12)")
    is the rest of the title, not the purpose."""
    title, pages = split_title(text)
    words = title.split()
    return (
        item.pages is None
        and pages is not None
        and 1 <= len(words) <= 8
        and not title.endswith(".")
        and sum(word[:1].isupper() or word[:1].isdigit() for word in words) >= len(words) - 1
    )


# Words that open an agenda item's purpose or presenter line, never a title's tail.
PURPOSE_OPENING = re.compile(
    r"^(?:report|presented|presentation|verbal|oral|lead|to|for|officer|key\s+decision|"
    r"cabinet\s+member|portfolio|appendix|exempt|members?)\b",
    re.IGNORECASE,
)
TITLE_WORD = re.compile(
    r"^(?:[A-Z0-9(\"'][\w'’/:(),&-]*|of|and|the|for|to|in|on|a|an|with|at|by|&|–|-)$"
)


def _title_tail(text: str, item: DraftItem) -> bool:
    """The end of a long title that a table cell wrapped below the line that
    holds the item's page range ("7. Hospital Discharge: Winter 12 - 13" over
    "Readiness 2024/25"): a few title-case words, no sentence, no field."""
    words = text.split()
    return (
        item.pages is not None
        and len(item.title) >= 35
        and 1 <= len(words) <= 6
        and not text.endswith((".", ":", ";", ","))
        and ":" not in text
        and not PURPOSE_OPENING.match(text)
        and page_range_line(text) is None
        and all(TITLE_WORD.match(word) for word in words)
        and words[0][:1].isupper()
    )


DANGLING_PAGES = re.compile(r"\s*\(?\s*(?:pages?|pp\.?)\s*$", re.IGNORECASE)
# "5 - 12 To approve the minutes ...": the page column, given on the line
# under the title, run into the purpose that follows.
PAGES_HEAD = re.compile(r"^(?P<first>\d{1,4})\s*[–-]\s*(?P<last>\d{1,4})\s+(?=[A-Z])")


def _add_detail(item: DraftItem, line: PackLine, previous: PackLine | None) -> None:
    text = line.text
    if item.pages is None and (pages := page_range_line(text)):
        # "... Contract Award (Pages" over "161 - 190)": the range broke after its word.
        item.pages, item.title = pages, DANGLING_PAGES.sub("", item.title)
        return
    head = PAGES_HEAD.match(text)
    if item.pages is None and head and not item.title_done and not item.purpose and not line.gap:
        item.pages, item.title_done = pages_of(head["first"], head["last"]), True
        text = text[head.end() :]
        line = PackLine(line.number, line.end, text, line.table, line.gap, line.noise)
    if match := CONTACT.match(text) or PRESENTER.match(text):
        if item.contact is None or item.contact_from_report:
            item.contact, item.contact_from_report = match["who"].strip(" .,"), False
        item.title_done = True
        return
    if match := REPORT_OF.match(text):
        if item.contact is None:
            item.contact, item.contact_from_report = match["who"].strip(" .,"), True
        item.title_done = True
        return
    if ITEM_FIELD.match(text):
        item.title_done = True
        return
    if is_group_heading(text) or TABLE_HEADER.match(text):
        return
    continues_title = (
        not item.title_done
        and not item.purpose
        and not line.gap
        and (
            text[:1].islower()
            # "Public Health Annual Report 2023/24:" wraps before its subtitle.
            or re.search(r"(?:\b(?:and|of|the|for|to|in|on)|[–&:-])$", item.title)
            or _wrapped_title(text, item)
        )
    )
    if continues_title:
        title, pages = split_title(f"{item.title} {text}")
        item.title, item.pages = title, item.pages or pages
        return
    if not item.title_done and not item.purpose and not line.gap and _title_tail(text, item):
        item.title, item.title_done = f"{item.title} {text}", True
        return
    item.title_done = True
    text = PURPOSE_LABEL.sub("", text) if not item.purpose else text
    if text and (not item.purpose or (not line.gap and len(item.purpose) < 8)):
        item.purpose.append(text)
