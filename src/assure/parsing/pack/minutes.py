"""Minutes of earlier meetings: header, attendance and numbered minute items.

A set of minutes is anchored on its attendance block ("Present:", "Members
present", "Attendees"); its header (council, body, date, or "Minutes of the
meeting of the X held on ...") sits just above. Minute items are numbered in
sequence, often continuing from earlier meetings (45, 46, ...), with the number
on the title line ("45. Title", "45 Title", "HWB 45/18 Title") or alone on
the line before the title.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from assure.extracting.dates import find_dates, parse_time
from assure.parsing.pack.attendance import LABEL, LOOSE_LABEL
from assure.parsing.pack.decisions import (
    INLINE,
    decision_opening,
    find_actions,
    find_decisions,
    flat_table_actions,
    is_decision_start,
    is_decision_text,
    table_actions,
)
from assure.parsing.pack.lines import PackLine
from assure.parsing.pack.notice import BODY_WORDS, PLACE, body_name
from assure.parsing.pack.references import BRACKETED, MINUTE, NUMBER_ONLY
from assure.structure import Action, Decision, MinuteItem

PRESENT = re.compile(
    r"^(?:(?:[a-z]+\s+){0,2}members?\s+present|councillors\s+present|attendance\s*(?=:)|"
    r"present(?:\s*\((?:members|voting)\))?|attendees|"
    r"in\s+attendance\s+(?:were|members)|attended(?=\s*:)|(?:[a-z]+\s+)?members\s+in\s+attendance)\b"
    # The label ends the line, takes a colon, or runs straight into a name.
    r"(?:\s*[:–-]\s*|\s*$|\s+(?=(?:were|councillors?|cllrs?\.?|mr|mrs|ms|miss|dr|professor)\b))(?P<rest>.*)$",
    re.IGNORECASE,
)
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
CLOSING = re.compile(
    r"^(?:the\s+)?meeting\s+(?:closed|ended|finished|concluded|terminated)\b"
    r"|^(?:the\s+)?(?:chair|chairman|chairperson)\s+(?:closed|declared)\s+the\s+meeting\b",
    re.IGNORECASE,
)
SIGNATURE = re.compile(
    r"^(?:signed|chair(?:man|person)?|date|[._\s]+)\b[\s:._]*.{0,30}$", re.IGNORECASE
)
NOT_TITLE = re.compile(r"^(?:that|to\s+note|and|or|of|per|x|%)\b", re.IGNORECASE)


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
        elif not PRESENT.match(line.text.replace("\t", " ")):
            # A wrapped-line join may have run the header into "Present:".
            inline = PRESENT_INLINE.search(line.text)
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


def _listed_under_header(lines: list[PackLine], index: int) -> bool:
    """A loose attendance label ("Members:", "In attendance:") counts only just
    under a minutes header, where it cannot be a notice's membership list."""
    if not LOOSE_LABEL.match(lines[index].text):
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
    for line in reversed(lines[max(0, anchor - 8) : anchor]):
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


@dataclass
class ItemDraft:
    number: str | None
    main: int
    title: str
    index: int  # position of the title line in the minutes' lines


def find_minute_items(lines: list[PackLine]) -> list[ItemDraft]:
    """Numbered minute items in sequence; numbers may start anywhere."""
    found = [(index, _item_at(lines, index)) for index in range(len(lines))]
    candidates = [(index, item) for index, item in found if item and not lines[index].noise]
    running = _running_part([number for _, (number, _) in candidates])
    items: list[ItemDraft] = []
    in_decision_until = -1
    for index, line in enumerate(lines):
        if line.noise:
            continue
        if is_decision_start(line):
            in_decision_until = index + _decision_span(lines, index)
        if found[index][1] is None:
            continue
        number, title = found[index][1]  # type: ignore[misc]
        main = _part(number, running)
        if items and not _follows(items[-1], number, main):
            continue
        if items and index <= in_decision_until and LIST_LIKE.match(title):
            continue
        items.append(ItemDraft(number, main, title, index))
    return items or _headed_items(lines)


def _follows(previous: ItemDraft, number: str, main: int) -> bool:
    """Whether minute ``number`` can come next: a higher number, not far on,
    or a lettered part of the same minute ("17a" after "17", "17b" after "17a")."""
    if previous.main < main <= previous.main + 4:
        return True
    letter = re.search(r"\d([a-z])$", number)
    if main != previous.main or letter is None or previous.number is None:
        return False
    before = re.search(r"\d([a-z])$", previous.number)
    return (before.group(1) if before else "") < letter.group(1)


def _parts(number: str) -> list[int]:
    return [int(part) for part in re.findall(r"\d+", number)]


def _running_part(numbers: list[str]) -> int:
    """Which number of a reference runs on from minute to minute: the first
    ("45/18", "46/18") unless only a later one changes ("HWB/24/07", "HWB/24/08";
    "CAB 23/24-45", "CAB 23/24-46")."""
    split = [_parts(number) for number in numbers]
    lengths = Counter(len(parts) for parts in split if parts)
    widest = lengths.most_common(1)[0][0] if lengths else 1
    distinct = [
        len({parts[position] for parts in split if len(parts) == widest})
        for position in range(widest)
    ]
    return max(range(widest), key=lambda position: (distinct[position], -position))


def _part(number: str, position: int) -> int:
    parts = _parts(number)
    return parts[position] if position < len(parts) else parts[0]


def _headed_items(lines: list[PackLine]) -> list[ItemDraft]:
    """Minutes without numbers: items headed by a line in capitals
    ("BETTER CARE FUND"), when there are at least two of them."""
    found = []
    for index, line in enumerate(lines):
        text = line.text
        if line.noise or line.table or CLOSING.match(text):
            continue
        words = text.split()
        if not (1 <= len(words) <= 12 and text.isupper() and text[-1] not in ".:,;"):
            continue
        if LABEL.match(text) or is_decision_start(line) or ACTION_LIKE.match(text):
            continue
        found.append(ItemDraft(None, 0, text, index))
    return found if len(found) >= 2 else []


ACTION_LIKE = re.compile(r"^(?:actions?|decisions?|resolved|agreed|recommended)\b", re.IGNORECASE)
LIST_LIKE = re.compile(r"^(?:that|to|the|members|officers)\b", re.IGNORECASE)


def _decision_span(lines: list[PackLine], index: int) -> int:
    span = 0
    for line in lines[index + 1 : index + 12]:
        if line.gap and not re.match(r"^(?:[-•]\s*)?\(?\d{1,2}[.)]", line.text):
            break
        span += 1
    return span


def _item_at(lines: list[PackLine], index: int) -> tuple[str, str] | None:
    text = lines[index].text
    if lines[index].table:
        # A row "45.\tBetter Care Fund\t..." of minutes kept as a table.
        cells = [cell for cell in lines[index].cells if cell]
        number = NUMBER_ONLY.match(cells[0]) if len(cells) >= 2 else None
        title = _trim_title(cells[1]) if number else ""
        if number and _title_ok(title):
            return number["num"], title
        return None
    if match := BRACKETED.match(text):
        # "(17) Apologies for Absence" heads a minute; "(1) That the report be
        # noted." or "(5) Officers be thanked." is a point of a resolution.
        title = _trim_title(match["title"])
        if _title_ok(title) and _reads_as_heading(match["title"]):
            return match["num"], title
        return None
    if match := MINUTE.match(text):
        title = _trim_title(match["title"])
        if _title_ok(title):
            return match["num"], _with_tail(lines, index, title, match["title"])
        return None
    if match := NUMBER_ONLY.match(text):
        following = next(
            (p for p in range(index + 1, min(index + 3, len(lines))) if not lines[p].noise), None
        )
        if following is not None and not lines[following].table:
            title = _trim_title(lines[following].text)
            if _title_ok(title) and not MINUTE.match(lines[following].text):
                return match["num"], _with_tail(lines, following, title, lines[following].text)
    return None


def _with_tail(lines: list[PackLine], index: int, title: str, written: str) -> str:
    """A long title whose last words a PDF wrapped onto the next line
    ("... Progress on the Local" over "Transformation Plan"): the next line is
    a few title-case words, neither a sentence nor a minute of its own."""
    if title != written.strip() or len(title) < 50 or title.endswith((".", ":", ";", ",")):
        return title
    following = lines[index + 1] if index + 1 < len(lines) else None
    if following is None or following.noise or following.gap or following.table:
        return title
    text = following.text
    words = text.split()
    if not 1 <= len(words) <= 6 or text.endswith((".", ":", ";", ",")) or ":" in text:
        return title
    if MINUTE.match(text) or NUMBER_ONLY.match(text) or is_decision_start(following):
        return title
    if LABEL.match(text) or not all(TAIL_WORD.match(word) for word in words):
        return title
    return f"{title} {text}"


TAIL_WORD = re.compile(
    r"^(?:[A-Z0-9(\"'][\w'’/()&-]*|of|and|the|for|to|in|on|a|an|with|at|by|&|–)$"
)


RESOLUTION_VOICE = re.compile(r"\b(?:be|is|are|was|were|has|have|had)\b", re.IGNORECASE)


def _reads_as_heading(text: str) -> bool:
    """A heading, not a sentence: no closing stop, and no verb of a
    resolution's point ("be noted", "be brought to the Panel")."""
    text = text.strip()
    return not text.endswith((".", ";", ",")) and not RESOLUTION_VOICE.search(text)


def _trim_title(title: str) -> str:
    title = title.strip()
    # "13. Declarations of Interest – none were declared." keeps only the title.
    run_in = re.search(
        r"(?<=\w)(?:\s[–-]\s|:\s)(?=[a-z])|[\s.:–-]+(?=(?:RESOLVED|AGREED)\b)", title
    )
    if run_in and run_in.start() > 3:
        title = title[: run_in.start()]
    # "45. MINUTES: The minutes of ... were agreed." keeps the capitals only.
    capitals = re.match(r"^(?P<head>[^:a-z]{3,80}):\s+(?=[A-Z][a-z])", title)
    if capitals:
        title = capitals["head"]
    if len(title) > 120:
        cut = re.search(r"(?<=\w)(?:\.\s|\s[–-]\s|:\s)", title)
        if cut and cut.start() > 3:
            title = title[: cut.start()]
    return title.strip(" .:–-")


def _title_ok(title: str) -> bool:
    if not title or not (title[0].isupper() or title[0] in "\"'(") or NOT_TITLE.match(title):
        return False
    words = title.split()
    if len(words) > 20 or len(title) > 160:
        return False
    return not (title.endswith(".") and len(words) > 10)


def build_items(
    lines: list[PackLine], drafts: list[ItemDraft], end_line: int, year: int | None
) -> list[MinuteItem]:
    """Minute items with their decisions and actions."""
    items: list[MinuteItem] = []
    for position, draft in enumerate(drafts):
        stop = drafts[position + 1].index if position + 1 < len(drafts) else len(lines)
        own = lines[draft.index + 1 : stop]
        start = lines[draft.index]
        last = next((line.end for line in reversed(own) if not line.noise), start.end)
        actions: list[Action] = find_actions(own, year)
        actions.extend(action for _, action in table_actions(own, year))
        actions.extend(flat_table_actions(own, year))
        items.append(
            MinuteItem(
                number=draft.number,
                title=draft.title,
                start_line=start.number,
                end_line=min(last, end_line),
                decisions=tuple(_title_decision(start) + find_decisions(own)),
                actions=tuple(sorted(actions, key=lambda action: action.start_line)),
            )
        )
    return items


def _title_decision(line: PackLine) -> list[Decision]:
    """A decision run into the minute's title line ("45. Minutes – RESOLVED that ..."),
    or told in a cell of the row that holds a minute kept as a table."""
    if line.table:
        told = [cell for cell in line.cells[1:] if cell and is_decision_text(cell, prose=True)]
        return [Decision(text=told[0][:1500], start_line=line.number)] if told else []
    match = INLINE.search(line.text)
    if match:
        return [Decision(text=line.text[match.start() :], start_line=line.number)]
    # The rest of the line after its title ("45. MINUTES: The minutes ... were agreed.").
    found = MINUTE.match(line.text)
    title = _trim_title(found["title"]) if found else ""
    rest = found["title"][len(title) :].strip(" .:–-") if found and title else ""
    if rest and is_decision_text(rest, prose=True):
        return [Decision(text=decision_opening(rest)[:1500], start_line=line.number)]
    return []


def closing_end(lines: list[PackLine], start: int, stop: int) -> int | None:
    """The position of the last line of a set of minutes that says it closed
    ("The meeting closed at 3.40 pm", then the chair's signature), or ``None``."""
    for position in range(start, stop):
        if lines[position].noise is None and CLOSING.match(lines[position].text):
            end = position
            for following in range(position + 1, min(position + 5, stop)):
                line = lines[following]
                if line.noise is None and not SIGNATURE.match(line.text):
                    break
                if line.noise is None:
                    end = following
            return end
    return None
