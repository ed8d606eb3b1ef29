"""Minute items of a set of minutes (its header and attendance anchor are
read by ``minutes_header``). Minute items are numbered in sequence, often
continuing from earlier meetings (45, 46, ...), with the number on the title
line ("45. Title", "45 Title", "HWB 45/18 Title") or alone on the line before
the title; each holds its decisions and actions."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from assure.parsing.pack.actions import find_actions, flat_table_actions, table_actions
from assure.parsing.pack.attendance import LABEL
from assure.parsing.pack.decisions import (
    INLINE,
    decision_opening,
    find_decisions,
    is_decision_start,
    is_decision_text,
)
from assure.parsing.pack.lines import PackLine
from assure.parsing.pack.printed import tagged_headings
from assure.parsing.pack.references import BRACKETED, MINUTE, NUMBER_ONLY
from assure.parsing.pack.resolutions import resolution_actions
from assure.parsing.pack.votes import find_votes
from assure.structure import Action, Decision, MinuteItem

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
class ItemDraft:
    number: str | None
    main: int
    title: str
    index: int  # position of the title line in the minutes' lines
    body: int | None = None  # position of the first line after the heading, where known


def find_minute_items(lines: list[PackLine]) -> list[ItemDraft]:
    """Numbered minute items in sequence; numbers may start anywhere. Minutes
    printed with "(Item N)" under each title are headed by those alone."""
    if tagged := tagged_headings(lines):
        return [ItemDraft(h.number, _parts(h.number)[0], h.title, h.index, h.body) for h in tagged]
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
        own = lines[draft.index + 1 if draft.body is None else draft.body : stop]
        start = lines[draft.index]
        last = next((line.end for line in reversed(own) if not line.noise), start.end)
        actions: list[Action] = find_actions(own, year)
        actions.extend(action for _, action in table_actions(own, year))
        actions.extend(flat_table_actions(own, year))
        decisions = _title_decision(start) + find_decisions(own)
        if not actions:
            # Where the minute lists no actions of its own ("Action: ..."), its
            # resolutions' tasks are its actions; where it does, they restate them.
            actions = [a for decision in decisions for a in resolution_actions(decision, own, year)]
        items.append(
            MinuteItem(
                number=draft.number,
                title=draft.title,
                start_line=start.number,
                end_line=min(last, end_line),
                decisions=tuple(decisions),
                actions=tuple(sorted(actions, key=lambda action: action.start_line)),
                votes=tuple(find_votes(own)),
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
