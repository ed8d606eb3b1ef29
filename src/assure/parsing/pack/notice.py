"""The notice of meeting: which body meets, when, where, and its members.

Packs say it in a sentence ("The Cabinet will meet in the Council Chamber at
2.30 pm on Monday 4 March 2019"), in fields ("Date:", "Time:", "Venue:"),
or in a title block ("Meeting of the Cabinet" above a date line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assure.extracting.dates import find_dates, parse_date, parse_time
from assure.parsing.pack.lines import PackLine
from assure.parsing.pack.people import split_people

WILL_MEET = re.compile(
    r"^(?:notice\s+is\s+(?:hereby\s+)?given\s+that\s+)?(?:a\s+meeting\s+of\s+)?(?:the\s+)?(?P<body>.{3,120}?)\s+"
    r"will\s+(?:meet|be\s+held|take\s+place)\b(?P<rest>.*)$",
    re.IGNORECASE,
)
# A summons letter: "You are summoned to attend a meeting of the X to be held in ...".
SUMMONED = re.compile(
    r"\b(?:summoned|invited|requested)\s+to\s+attend\s+(?:a|the)\s+(?:\w+\s+)?meeting\s+of\s+"
    r"(?:the\s+)?(?P<body>.{3,120}?)\s+(?=(?:to\s+be|which\s+will\s+be|that\s+will\s+be)\s+held\b)"
    r"(?P<rest>.*)$",
    re.IGNORECASE,
)
# The same summons with the body ending the line, the date and place given
# in fields below: "You are summoned to attend a meeting of the X".
SUMMONED_TO_END = re.compile(
    r"\b(?:summoned|invited|requested)\s+to\s+attend\s+(?:a|the)\s+(?:\w+\s+)?meeting\s+of\s+"
    r"(?:the\s+)?(?P<body>[^.:;]{3,120}?)[.:]?(?P<rest>)$",
    re.IGNORECASE,
)
# A title that says it all: "Agenda for the meeting of the X to be held on ... at ... in ...".
AGENDA_FOR = re.compile(
    r"^(?:an?\s+)?agenda\s+(?:for|of)\s+(?:the\s+|a\s+)?meeting\s+of\s+(?:the\s+)?"
    r"(?P<body>.{3,120}?)\s+(?=(?:to\s+be|which\s+will\s+be)\s+held\b)(?P<rest>.*)$",
    re.IGNORECASE,
)
# A title line that says it all: "Cabinet – 14 November 2024 at 7.00 pm, Town Hall, Room 3".
DATED_TITLE = re.compile(
    r"^(?P<body>[A-Z][^–:\d]{2,80}?)\s+[–-]\s+(?P<when>(?:[A-Z][a-z]+day,?\s+)?\d{1,2}(?:st|nd|rd|th)?"
    r"\s+[A-Z][a-z]+,?\s+\d{4}(?:,?\s+(?:at\s+)?\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?)?)?)"
    r"(?:\s*,\s*(?P<venue>\S.{3,120}?))?\.?$"
)
VENUE_IN_SENTENCE = re.compile(
    r"\b(?:meet|held|place)\s+(?:in|at)\s+(?:the\s+)?(?P<venue>.+?)\s+(?:at|on)\s+(?=\d|[A-Z][a-z]+day\b)",
    re.IGNORECASE,
)
VENUE_AFTER = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?P<venue>[A-Z][^.]{3,120}?)\s*\.?$")
FIELD = re.compile(
    r"^(?P<name>date(?:\s+and\s+time)?|date\s+of\s+meeting|time|venue|place|location|meeting|committee|"
    r"body|membership|members)\s*[:–-]\s*(?P<value>.*)$",
    re.IGNORECASE,
)
# "Date    Monday, 9 December 2024": a label with its value in a column
# beside it, which a PDF gives with a space for the column's gap.
FIELD_BESIDE = re.compile(r"^(?P<name>Date|Time|Venue|Place|Location)\s+(?P<value>\S.*)$")
MEMBERS_HEADING = re.compile(
    r"^(?:(?:the\s+)?.{0,80}\bmembers\s+are\b.*|membership(?:\s+of\s+the\s+.+)?:?|members:?|councillors:?|"
    r"members\s+of\s+the\s+[\w\s]{2,60}:|"
    r"(?:committee|board|panel)\s+members(?:hip)?:?)$",
    re.IGNORECASE,
)
NOTICE_TITLE = re.compile(
    r"^(?:notice\s+of\s+(?:a\s+)?meeting|public\s+document\s+pack|dear\s+(?:member|councillor)s?.*)$",
    re.IGNORECASE,
)
MEETING_OF = re.compile(
    r"^(?:notice\s+of\s+)?(?:a\s+)?meeting\s+of\s+(?:the\s+)?(?P<body>.{3,100})$", re.IGNORECASE
)
# "Members: ...", "Membership: ...", "Board members: ...": the label and
# the names on one line (co-opted members and substitutes are listed apart).
MEMBERS_LABEL = re.compile(
    r"^(?!(?i:co-?opted|substitute))(?:[A-Z][\w'&-]*\s+){0,4}?(?i:members(?:hip)?)\s*[:–-]\s*"
    r"(?P<names>\S.*)$"
)
STOP_MEMBERS = re.compile(
    r"^(?:agenda|a g e n d a|items?\b|quorum|contact|substitutes?|\d{1,2}[:.]?\s)", re.IGNORECASE
)
LISTED_MEMBER = re.compile(r"^(?:councillors?|cllrs?\.?)\s|\((?:chair|vice|co-?opt)", re.IGNORECASE)


# A date of another meeting than the one summoned: "Date of next meeting: ...",
# "Minutes of the meeting held on ..." (but "Meeting to be held on ..." is this one).
OTHER_MEETING = re.compile(
    r"\b(?:next|last|previous|future|earlier)\s+meetings?\b|(?<!to be )\bheld\s+on\b", re.IGNORECASE
)


@dataclass
class Notice:
    body: str | None = None
    date: str | None = None
    date_line: int | None = None
    time: str | None = None
    venue: str | None = None
    members: tuple[str, ...] = ()
    start_line: int = 1


def read_notice(lines: list[PackLine]) -> Notice:
    """Body, date, time, venue and members from the notice part of a pack."""
    notice = Notice(start_line=lines[0].number if lines else 1)
    _from_sentence(notice, lines)
    _from_dated_title(notice, lines)
    _from_fields(notice, lines)
    _from_title_block(notice, lines)
    notice.members = tuple(_members(lines))
    if notice.body:
        notice.body = body_name(notice.body)
    return notice


def _from_sentence(notice: Notice, lines: list[PackLine]) -> None:
    for line in lines[:150]:
        if line.table:
            continue
        # In a title in capitals, "IN COMMITTEE ROOM 1" reads as "in Committee Room 1".
        text = body_name(line.text) if line.text.isupper() else line.text
        # A summons names the body after "a meeting of"; "will be held" alone
        # would take the whole opening of the letter as the body.
        found = (
            SUMMONED.search(text),
            AGENDA_FOR.match(text),
            WILL_MEET.match(text),
            _named_body(SUMMONED_TO_END.search(text)),
        )
        match = next((m for m in found if m and len(_meeting_body(m["body"]).split()) <= 12), None)
        if match is None:
            continue
        body = _meeting_body(match["body"])
        notice.body = notice.body or body
        if dates := find_dates(match["rest"]):
            notice.date, notice.date_line = dates[0][1], line.number
        notice.time = notice.time or parse_time(match["rest"])
        venue = VENUE_IN_SENTENCE.search(text) or VENUE_AFTER.search(match["rest"])
        if venue and not notice.venue:
            notice.venue = venue["venue"].strip(" ,.")
        return


def _from_dated_title(notice: Notice, lines: list[PackLine]) -> None:
    if notice.body is not None:
        return
    for line in lines[:40]:
        if line.table or line.noise not in {None, "running_header"}:
            continue
        # "COUNTY COUNCIL - THURSDAY, 9 JANUARY 2025" heading a letter to members
        match = DATED_TITLE.match(body_name(line.text) if line.text.isupper() else line.text)
        if match is None or not BODY_WORDS.search(match["body"]):
            continue
        notice.body = match["body"]
        if notice.date is None and (dates := find_dates(match["when"])):
            notice.date, notice.date_line = dates[0][1], line.number
        notice.time = notice.time or parse_time(re.sub(r"\d{4}", "", match["when"]))
        if match["venue"] and PLACE.search(match["venue"]) and notice.venue is None:
            notice.venue = match["venue"].strip(" ,.")
        return


def _named_body(match: re.Match[str] | None) -> re.Match[str] | None:
    return match if match and BODY_WORDS.search(match["body"]) else None


def _meeting_body(named: str) -> str:
    return re.sub(r"^(?:meeting\s+of\s+)?(?:the\s+)?", "", named, flags=re.IGNORECASE)


def _from_fields(notice: Notice, lines: list[PackLine]) -> None:
    stacked = _stacked_values(lines[:200])
    for index, line in enumerate(lines[:200]):
        cells = [cell for cell in line.cells if cell] if line.table else [line.text]
        text = ": ".join(cells[:2]) if line.table and len(cells) == 2 else line.text
        match = FIELD.match(text) or _field_beside(lines, index)
        if not match:
            continue
        name, value = match["name"].lower(), match["value"].strip()
        if index in stacked:
            value = stacked[index]
        elif not value and index + 1 < len(lines):
            value = lines[index + 1].text
        if name.startswith("date") and notice.date is None:
            notice.date, notice.date_line = parse_date(value), line.number
            notice.time = notice.time or parse_time(
                re.sub(r"\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}", "", value)
            )
        elif name == "time" and notice.time is None:
            notice.time = parse_time(value)
        elif name in {"venue", "place", "location"} and notice.venue is None:
            value = _wrapped_address(value, lines[index + 1 : index + 3])
            # Capitals restored, as for the body; a venue as written keeps its "The".
            notice.venue = (body_name(value) if value.isupper() else value.strip(" ,.")) or None
        elif name in {"meeting", "committee", "body"} and notice.body is None and value:
            notice.body = value


def _field_beside(lines: list[PackLine], index: int) -> re.Match[str] | None:
    """A label and its value set apart by space alone, taken only in a block of
    two such lines at least ("Date  Monday, 9 December 2024" over "Time  10.30 am")."""
    match = FIELD_BESIDE.match(lines[index].text)
    neighbours = lines[max(0, index - 1) : index] + lines[index + 1 : index + 2]
    if match and any(FIELD_BESIDE.match(other.text) for other in neighbours):
        return match
    return None


def _stacked_values(lines: list[PackLine]) -> dict[int, str]:
    """Labels of a two-column block that a PDF gave one column after the other
    ("Date:", "Time:", "Venue:" over the three values): each label's value."""
    values: dict[int, str] = {}
    index = 0
    while index < len(lines):
        run = index
        while run < len(lines) and _bare_label(lines[run]):
            run += 1
        if run - index >= 2:
            following = [line for line in lines[run : run + (run - index)] if not line.noise]
            if len(following) == run - index and not any(_bare_label(x) for x in following):
                labels = range(index, run)
                values.update(
                    (label, line.text) for label, line in zip(labels, following, strict=True)
                )
        index = max(run, index + 1)
    return values


def _bare_label(line: PackLine) -> bool:
    match = FIELD.match(line.text)
    return match is not None and not match["value"].strip() and not line.table


def _wrapped_address(value: str, following: list[PackLine]) -> str:
    """A venue whose address ends in a comma goes on under it, in the same
    paragraph ("Council Chamber, Hartwell Vale House," over "Marsh Lane, Tedbury")."""
    for line in following:
        if not value.endswith(",") or line.gap or line.noise or line.table:
            break
        if FIELD.match(line.text) or len(line.text) > 80 or line.text.endswith("."):
            break
        value = f"{value} {line.text}"
    return value


def _from_title_block(notice: Notice, lines: list[PackLine]) -> None:
    head = [line for line in lines[:80] if not line.table]
    if notice.body is None:
        notice.body = _titled_body(head)
    if notice.date is None:
        # The latest date near the top: the dispatch date comes first.
        # A date under "Date of Next Meeting" is that meeting's too.
        dated = [
            (iso, line.number)
            for position, line in enumerate(head[:40])
            if not OTHER_MEETING.search(line.text)
            and not (position and OTHER_MEETING.search(head[position - 1].text))
            for _, iso in find_dates(line.text)
        ]
        if dated:
            notice.date, notice.date_line = max(dated)
            _time_and_place_near(notice, head)
    if notice.body is None and notice.date_line is not None:
        # Modern.gov and similar: the body's name stands just above the date.
        above = [line for line in head if line.number < notice.date_line][-4:]
        for line in reversed(above):
            if _looks_like_body(line.text):
                notice.body = line.text
                break


def _titled_body(head: list[PackLine]) -> str | None:
    for index, line in enumerate(head):
        if match := MEETING_OF.match(line.text):
            return re.split(r"\s+(?:on|held|to\s+be\s+held)\s", match["body"])[0]
        if NOTICE_TITLE.match(line.text) and index + 1 < len(head):
            candidate = head[index + 1].text
            if _looks_like_body(candidate):
                return candidate
    return None


def _time_and_place_near(notice: Notice, head: list[PackLine]) -> None:
    """ "Tuesday, 12th March, 2019 at 10.00 am" over "Council Chamber, Town Hall"."""
    position = next((i for i, line in enumerate(head) if line.number == notice.date_line), None)
    if position is None:
        return
    dated = head[position].text
    undated = re.sub(r"\d{1,2}(?:st|nd|rd|th)?\s+\w+,?\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4}", "", dated)
    notice.time = notice.time or parse_time(undated)
    for offset, line in enumerate(head[position + 1 : position + 3], start=position + 1):
        if notice.time is None:
            notice.time = parse_time(line.text) if len(line.text) < 30 else None
        if notice.venue is None and PLACE.search(line.text) and len(line.text) <= 120:
            venue = _bracket_closed(line.text, head[offset + 1 : offset + 2])
            # "Council Chamber, Civic Hall Telephone: ...": the contact column beside it
            notice.venue = BESIDE_VENUE.sub("", venue).strip(" .,")


BESIDE_VENUE = re.compile(
    r"\s+(?:telephone|tel|ask\s+for|e-?mail|contact|direct\s+dial)\b.*$", re.IGNORECASE
)


def _bracket_closed(text: str, following: list[PackLine]) -> str:
    """A venue whose bracket a line break left open ("Kestle House (Remote
    participation via" over "Microsoft Teams)") with the rest of it."""
    for line in following:
        if text.count("(") <= text.count(")") or line.gap or ")" not in line.text:
            break
        text = f"{text} {line.text}"
    return text


def _looks_like_body(text: str) -> bool:
    if not 2 <= len(text) <= 80 or text.endswith(".") or NOTICE_TITLE.match(text):
        return False
    if ":" in text or find_dates(text):
        return False
    return bool(BODY_WORDS.search(text))


def _members(lines: list[PackLine]) -> list[str]:
    members: list[str] = []
    collecting = False
    for index, line in enumerate(lines):
        text = line.text
        labelled = MEMBERS_LABEL.match(text) if not line.table else None
        if not collecting and labelled:
            listed = _listed_paragraph(labelled["names"], lines[index + 1 :])
            return [name for name, _ in split_people(listed)]
        if MEMBERS_HEADING.match(text) and not collecting:
            collecting, members = True, []
            field = FIELD.match(text)
            if field and field["value"]:
                members.extend(name for name, _ in split_people(field["value"]))
            continue
        if not collecting:
            continue
        if STOP_MEMBERS.match(text) or text.lower() in {
            "pages",
            "reports or explanatory notes attached",
        }:
            break
        if text.lower() in {"member", "members", "name", "councillor"} or (
            line.table and not LISTED_MEMBER.search(text)
        ):
            continue
        if len(text) > 160 or (text.endswith(".") and not LISTED_MEMBER.search(text)):
            break
        members.extend(name for name, _ in split_people(text))
    return members


def _listed_paragraph(names: str, following: list[PackLine]) -> str:
    """A list of members that wraps onto the lines under its label, as far as
    the lines go on naming people: "Board members: Councillor A (Chair),
    Councillor B," over "Dr C (Director of Public Health) ..."."""
    for line in following:
        if line.gap or line.noise or line.table or FIELD.match(line.text):
            break
        text = line.text
        unfinished = names.count("(") > names.count(")") or names.endswith((",", " and", "&"))
        if not unfinished and not _names_only(text):
            break
        names = f"{names} {text}"
    return names


def _names_only(text: str) -> bool:
    """Whether a line holds names and bracketed roles only: no sentence."""
    outside = re.sub(r"\([^()]*\)?|^[^()]*\)", " ", text)
    words = re.findall(r"[A-Za-z][\w'-]*", outside)
    return bool(words) and all(
        word[0].isupper() or word in {"and", "de", "van", "von", "le", "la"} for word in words
    )


PLACE = re.compile(
    r"\b(?:room|chamber|hall|house|centre|center|offices?|building|suite|library|street|road|"
    r"teams|zoom|virtual|online|remote|civic|council\s+offices)\b",
    re.IGNORECASE,
)
BODY_WORDS = re.compile(
    r"\b(?:board|committee|panel|cabinet|forum|group|executive|partnership|commission|"
    r"sub-committee|scrutiny|assembly)\b|^(?:(?:full|county|city|borough|district)\s+)?council$",
    re.IGNORECASE,
)
SMALL_WORDS = {"of", "and", "the", "for", "in", "on", "to", "a", "an", "at", "with"}


def body_name(text: str) -> str:
    """A body's name tidied: capitals restored from an all-capitals header."""
    text = re.sub(r"\s+", " ", text).strip(" ,.:–-")
    text = re.sub(r"^(?:the|a)\s+", "", text, flags=re.IGNORECASE)
    if text.isupper():
        words = []
        for position, word in enumerate(text.lower().split()):
            if position and word in SMALL_WORDS:
                words.append(word)
            else:
                words.append("-".join(part[:1].upper() + part[1:] for part in word.split("-")))
        text = " ".join(words)
    return text
