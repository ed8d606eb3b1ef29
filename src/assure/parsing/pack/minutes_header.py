"""The head of a set of minutes: its header (council, body, date, time and
venue, or "Minutes of the meeting of the X held on ...") and the attendance
block it is anchored on ("Present:", "Members present", "Attendees")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assure.extracting.dates import find_dates, parse_time
from assure.normalising.folding import folded
from assure.parsing.pack.attendance import loose_label
from assure.parsing.pack.decisions import is_decision_start
from assure.parsing.pack.lines import PackLine
from assure.parsing.pack.notice import BODY_WORDS, PLACE, body_name
from assure.parsing.pack.references import MINUTE

PRESENT = re.compile(
    r"^(?:(?:[a-z]+\s+){0,2}members?\s+present|councillors\s+present|attendance\s*(?=:)|"
    r"present(?:\s*\((?:members|voting)\))?|attendees|"
    r"in\s+attendance\s+(?:were|members)|attended(?=\s*:)|(?:[a-z]+\s+)?members\s+in\s+attendance)\b"
    # The label ends the line, takes a colon, or runs straight into a name.
    r"(?:\s*[:–-]\s*|\s*$|\s+(?=(?:were|councillors?|cllrs?\.?|mr|mrs|ms|miss|dr|professor)\b))(?P<rest>.*)$",
    re.IGNORECASE,
)
# (every match holds "present")
PRESENT_INLINE = re.compile(
    r"\b(?:(?:[A-Za-z]+\s+){0,2}members?\s+present|present)\s*:", re.IGNORECASE
)
MINUTES_OF = re.compile(
    r"^(?:draft\s+|confirmed\s+|unconfirmed\s+)?(?:minutes|notes)\s+of\s+(?:the\s+|a\s+)?(?:(?:\w+\s+)?meeting\s+of\s+(?:the\s+)?)?"
    r"(?P<body>.*?)(?:\s+(?:held|which\s+took\s+place)\b(?P<rest>.*))?$",
    re.IGNORECASE,
)
HELD = re.compile(
    r"^(?:meeting\s+)?(?:held|which\s+took\s+place)\s+(?P<rest>(?:on|at|in|via|remotely|virtually)\b.*)$",
    re.IGNORECASE,
)
HEADER_FIELD = re.compile(
    r"^(?P<name>date(?:\s+and\s+time)?|time|venue|place|location)\s*[:–-]\s*(?P<value>\S.*)$",
    re.IGNORECASE,
)
TIME_ONLY = re.compile(r"^\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\.?$", re.IGNORECASE)
WRITTEN_DATE = re.compile(
    r"\d{1,2}(?:st|nd|rd|th)?\s+\w+,?\s+\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}", re.IGNORECASE
)
COUNCIL_LINE = re.compile(r"\b(?:council|borough|county|city\s+of|metropolitan)\b", re.IGNORECASE)


@dataclass
class MinutesDraft:
    start_line: int
    anchor: int  # index of the attendance line within the pack lines
    body: str | None = None
    date: str | None = None
    time: str | None = None
    venue: str | None = None
    header_lines: list[int] = field(default_factory=list)
    anchor_text: str | None = None  # the attendance label onwards, when the header ran into it


def find_minutes_starts(lines: list[PackLine]) -> list[MinutesDraft]:
    """Every set of minutes in the pack, with its header read."""
    drafts: list[MinutesDraft] = []
    for index, line in enumerate(lines):
        if line.noise or (line.table and not PRESENT.match(line.cells[0])):
            continue  # "Present:" may head a row of a table, not any cell
        inline = None
        if _listed_under_header(lines, index):
            pass  # "Members:" straight under "Minutes of the meeting of ..."
        elif not _present_label(line.text, lowered := folded(line.text)):
            # A wrapped-line join may have run the header into "Present:".
            inline = PRESENT_INLINE.search(line.text) if "present" in lowered else None
            if inline is None or not (
                MINUTES_OF.match(line.text) or find_dates(line.text[: inline.start()])
            ):
                continue
        if drafts and index - drafts[-1].anchor < 6:
            continue
        draft = _header(lines, index, line.text[: inline.start()] if inline else None)
        if inline:
            draft.anchor_text = line.text[inline.start() :]
        drafts.append(draft)
    return drafts


def _present_label(text: str, lowered: str) -> bool:
    """Whether PRESENT matches ``text`` (folded to ``lowered``): never without
    "present" or "attend"."""
    return ("present" in lowered or "attend" in lowered) and bool(
        PRESENT.match(text.replace("\t", " "))
    )


def _listed_under_header(lines: list[PackLine], index: int) -> bool:
    """A loose attendance label ("Members:", "In attendance:") counts only just
    under a minutes header, where it cannot be a notice's membership list."""
    if not loose_label(lines[index].text):
        return False
    above = [line for line in lines[max(0, index - 4) : index] if line.noise is None]
    return any(
        MINUTES_OF.match(line.text) or HELD.match(line.text) or _dated_minutes_title(line.text)
        for line in above
    )


def _dated_minutes_title(text: str) -> bool:
    """ "Adult Social Care Committee – Minutes – 9 July 2024"."""
    return (
        len(text) <= 120 and bool(re.search(r"\bminutes\b", text, re.I)) and bool(find_dates(text))
    )


def anchor_line(lines: list[PackLine], draft: MinutesDraft) -> PackLine:
    """The attendance line, cut to start at its label when the header ran into it."""
    line = lines[draft.anchor]
    if draft.anchor_text is None:
        return line
    return PackLine(line.number, line.end, draft.anchor_text, line.table, line.gap, line.noise)


def _header(lines: list[PackLine], anchor: int, joined: str | None = None) -> MinutesDraft:
    draft = MinutesDraft(start_line=lines[anchor].number, anchor=anchor)
    header: list[PackLine] = []
    if joined:
        line = lines[anchor]
        header.append(PackLine(line.number, line.end, joined.strip(), line.table, line.gap))
    top = anchor
    if opening := _opening_above(lines, anchor):
        # "MINUTES of a meeting of the ... Scrutiny" over "Committee held in ... 4"
        # over "December 2024.": one sentence, however the lines broke it.
        top, sentence = opening
        header.insert(0, sentence)
    for line in reversed(lines[max(0, top - 8) : top]):
        # "Agenda Item 3" opens the document: its header starts below it.
        if line.noise in {"blank_page", "agenda_marker"} or len(header) >= 6:
            break
        if not _header_like(line):
            break
        if line.noise:
            continue
        header.insert(0, line)
        if COUNCIL_LINE.search(line.text) and line.text.isupper():
            break  # the letterhead is the top of the header
    header = _rejoin_wrapped(header)
    body_candidates: list[str] = []
    for line in header:
        text = line.text
        if match := MINUTES_OF.match(text):
            named = re.split(r"\s+(?:on|at)\s+(?=\d|[A-Z][a-z]+day)", match["body"])[0]
            if not re.fullmatch(r"(?:the\s+|a\s+)?(?:\w+\s+)?meeting|", named, re.IGNORECASE):
                body_candidates.insert(0, named)
            _read_held(draft, match["rest"] or "", text)
            continue
        if match := HELD.match(text):
            _read_held(draft, " " + match["rest"], text)
            continue
        if field := HEADER_FIELD.match(text):
            _read_field(draft, field["name"].lower(), field["value"])
            continue
        if TIME_ONLY.match(text):
            draft.time = draft.time or parse_time(text)
            continue
        dates = find_dates(text)
        if not dates and draft.date and draft.venue is None and _place_line(text):
            # "COMMITTEE ROOM 3, TOWN HALL" or "AT THE TOWN HALL" under the date.
            draft.venue = body_name(re.sub(r"^(?:at|in)\s+(?:the\s+)?", "", text, flags=re.I))
            continue
        if dates:
            draft.date = draft.date or dates[0][1]
            draft.time = draft.time or parse_time(WRITTEN_DATE.sub("", text))
            if len(re.sub(r"[\d\W]", "", text)) > 25 and not body_candidates:
                body_candidates.append(re.split(r"\s[–-]\s|,", text)[0])
            continue
        if text.lower() in {"minutes", "draft minutes", "minutes of meeting"}:
            continue
        if COUNCIL_LINE.search(text) and not re.search(
            r"\b(?:board|committee|panel|cabinet|forum|group)\b", text, re.IGNORECASE
        ):
            continue
        body_candidates.append(text)
    if header:
        draft.start_line = header[0].number
        draft.header_lines = [line.number for line in header]
    if body_candidates:
        draft.body = body_name(
            re.sub(r"^(?:minutes\s*[:–-]?\s*)", "", body_candidates[0], flags=re.IGNORECASE)
        )
    return draft


def _opening_above(lines: list[PackLine], anchor: int) -> tuple[int, PackLine] | None:
    """The "Minutes of a meeting of ... held ..." sentence just above the
    attendance, joined from the lines it was wrapped over, and where it starts."""
    above = [p for p in range(anchor - 1, max(-1, anchor - 5), -1) if lines[p].noise is None]
    for count, position in enumerate(above, start=1):
        if MINUTES_OF.match(lines[position].text) and count > 1:
            if find_dates(lines[position].text):
                return None  # the opening says it all; what follows are fields
            parts = [lines[p] for p in reversed(above[:count])]
            if any(
                part.table or len(part.text) > 200 or HEADER_FIELD.match(part.text)
                for part in parts
            ) or any(part.gap for part in parts[1:]):
                return None  # fields or paragraphs of their own, read one by one
            text = " ".join(part.text for part in parts)
            first = parts[0]
            return position, PackLine(first.number, parts[-1].end, text, False, first.gap)
    return None


def _rejoin_wrapped(header: list[PackLine]) -> list[PackLine]:
    """Header lines a PDF wrapped, joined again: "MINUTES of a meeting of the
    Adult Social Care ... and Scrutiny" over "Committee held in ..." over "pm"."""
    joined: list[PackLine] = []
    for line in header:
        previous = joined[-1] if joined else None
        if previous is not None and not line.gap and _wraps_into(previous.text, line.text):
            text = f"{previous.text} {line.text}"
            joined[-1] = PackLine(previous.number, line.end, text, previous.table, previous.gap)
            continue
        joined.append(line)
    return joined


def _wraps_into(previous: str, text: str) -> bool:
    if text[:1].islower():
        return True
    opening = MINUTES_OF.match(previous) or HELD.match(previous)
    if opening and not opening["rest"]:
        return bool(re.search(r"\bheld\b", text, re.I))
    # "... held on Tuesday 9 July" over "2024 at 2.00 pm in ...": the date broke.
    rest = opening["rest"] if opening else ""
    if rest and not find_dates(rest) and find_dates(f"{rest} {text}"):
        return True
    # "... held on 12 September 2024 at 6.30 pm in the Council" over "Chamber,
    # Civic Centre, ...": the venue broke off where the line did.
    return bool(
        opening and DANGLING_VENUE.search(previous) and not find_dates(text) and _place_line(text)
    )


DANGLING_VENUE = re.compile(r"\s(?:in|at)\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*$")


def _read_held(draft: MinutesDraft, rest: str, text: str) -> None:
    """Date, time and venue from "... held at County Hall on 3 October 2023 at 7 pm"."""
    draft.date = draft.date or _first_date(rest or text)
    draft.time = draft.time or parse_time(
        re.sub(r"\d{1,2}(?:st|nd|rd|th)?\s+\w+\s+\d{4}", "", rest)
    )
    venue = re.search(
        r"\b(?:at|in|via)\s+(?:the\s+)?(?P<v>[A-Z][^;]{3,120}?)(?:\s+on\b|\.?$)", rest
    )
    if venue and not re.match(r"\d", venue["v"]) and draft.venue is None:
        draft.venue = venue["v"].strip(" .")
    if draft.venue is None:
        draft.venue = _place_after_date(rest)


def _place_after_date(rest: str) -> str | None:
    """The place listed after the date and time: "on 24 September 2024, 4.00 pm,
    Room 2.14, Town Hall" gives "Room 2.14, Town Hall"."""
    parts = [part.strip(" .") for part in rest.split(",")]
    while parts and (find_dates(parts[0]) or TIME_ONLY.match(parts[0]) or not parts[0]):
        parts.pop(0)
    if len(parts) == len(rest.split(",")):
        return None  # no date or time came first: not a list of meeting facts
    place = ", ".join(parts)
    return place if place and len(place) <= 120 and _place_line(place) else None


def _read_field(draft: MinutesDraft, name: str, value: str) -> None:
    if name.startswith("date"):
        draft.date = draft.date or _first_date(value)
        draft.time = draft.time or parse_time(WRITTEN_DATE.sub("", value))
    elif name == "time":
        draft.time = draft.time or parse_time(value)
    elif draft.venue is None:
        draft.venue = value.strip(" .") or None


def _place_line(text: str) -> bool:
    named = re.sub(r"\b(?:committee|board|council)\s+(?:room|chamber)s?\b", "", text, flags=re.I)
    return len(text) <= 120 and bool(PLACE.search(text)) and not BODY_WORDS.search(named)


def _header_like(line: PackLine) -> bool:
    text = line.text
    if line.table or len(text) > 200 or is_decision_start(line):
        return False
    if MINUTES_OF.match(text) or HELD.match(text) or HEADER_FIELD.match(text):
        return True
    if text.endswith((".", ";")) or (re.match(r"^[\w ]{1,30}:", text) and not find_dates(text)):
        return False
    return not MINUTE.match(text) or bool(find_dates(text))


def _first_date(text: str) -> str | None:
    dates = find_dates(text)
    return dates[0][1] if dates else None
