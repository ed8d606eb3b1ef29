"""Actions inside a minute item, as minutes write them.

Actions come as "Action: Jo Bloggs to ... by 30 November 2018", "Action (Jo
Bloggs): ...", a trailing "(Action: JB)", lines under an "Actions:" heading,
rows of an action table with owner and due columns (kept as a table or
flattened into words), and a due date on a line of its own. Tasks a
resolution gives are read by ``resolutions``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assure.extracting.dates import parse_date
from assure.normalising.folding import folded
from assure.parsing.pack.decisions import is_decision_start
from assure.parsing.pack.lines import STRUCTURAL, PackLine
from assure.structure import Action

ACTION = re.compile(
    # "Action (Jo Bloggs): ..." names the owner in brackets before the task.
    r"^(?:[-•*]\s*)?actions?(?:\s+point)?s?\s*(?:\((?P<owner>[A-Z][^()]{1,60})\)\s*)?"
    r"(?:[:–-]|\bby\b)\s*(?P<body>.+)$",
    re.IGNORECASE,
)
ACTIONS_HEADING = re.compile(
    r"^(?:agreed\s+)?actions?(?:\s+(?:agreed|arising|points?))?\s*:?$", re.IGNORECASE
)
BULLET = re.compile(r"^(?:[-•*▪●]|\(?[a-z0-9]{1,2}[.)])\s+")
TRAILING_ACTION = re.compile(
    r"\(?\b(?:[Aa]ction|ACTION|[Oo]wner)\s*[:–-]\s*(?P<owner>[A-Z][^()]{1,79}?)\)?\s*\.?$"
)
DUE = re.compile(
    r"\b(?:by|before|due(?:\s+date)?|deadline|by\s+when|target\s+date)\s*:?\s+(?P<due>(?:the\s+)?(?:end\s+of\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:[A-Z][a-z]+day\s+)?[A-Za-z0-9/.,' ]{2,40}?)\s*(?:[.;)]|$)",
    re.IGNORECASE,
)
# "Jo Bloggs to ...", "Director of Public Health to ...", "Jo and Sam to ...".
OWNER_TO = re.compile(
    r"^(?P<owner>[A-Z][\w'.&-]*(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w'.&-]*){0,6})\s+to\s+(?P<task>.+)$"
)
_OWNER = r"(?P<owner>[A-Z][\w'.&-]*(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w'.&-]*){0,6})"
# "Head of Performance – add the comparisons": the owner, a dash, then the
# task; the due date may stand in brackets after the owner ("Jo Bloggs (31/01/2024) – ...").
OWNER_DASH = re.compile(
    rf"^{_OWNER}(?:\s*\((?P<when>[^()]{{3,30}})\))?\s+[–-]\s+(?P<task>[a-z].+)$"
)
OWNER_ONLY = re.compile(_OWNER)
# "... Owner: Jo Bloggs. Due: 30 January 2024."
OWNER_LABEL = re.compile(
    rf"\b(?:[Oo]wner|[Ll]ead|[Rr]esponsible(?:\s+officer)?)\s*[:–-]\s*{_OWNER}"
)
DASHED_DUE = re.compile(r"\s[–-]\s+(?P<due>[^–-]{3,40}?)\s*\.?$")
WRITTEN_DUE = re.compile(
    r"\d|\b(?:next|end|january|february|march|april|may|june|july|august|september|october"
    r"|november|december|q[1-4]|spring|summer|autumn|winter|meeting)\b",
    re.IGNORECASE,
)
# A due date on a line of its own under an action: "Due: 28 February 2025."
DUE_LINE = re.compile(
    r"^\(?(?:due(?:\s+date)?(?:\s+by)?|deadline|target\s+date|by\s+when)\s*[:–-]?\s+\S.{0,40}$",
    re.IGNORECASE,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
FLAT_DUE = re.compile(
    rf"(?:\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}|(?:end\s+of\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}"
    r"(?:\s+\d{4})?|Q[1-4](?:\s+\d{4}(?:/\d{2})?)?|ongoing|tbc|next\s+meeting)",
    re.IGNORECASE,
)
FLAT_NAME = re.compile(r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*")
HONORIFICS = {"Dr", "Cllr", "Councillor", "Mr", "Mrs", "Ms", "Miss", "Professor", "Prof"}
ACTION_HEADER_ACTION = re.compile(r"\b(?:action|task)s?\b", re.IGNORECASE)
ACTION_HEADER_OWNER = re.compile(
    r"\b(?:owner|lead|responsible|by\s+whom|who|officer)\b", re.IGNORECASE
)
ACTION_HEADER_DUE = re.compile(
    r"\b(?:due|date|by\s+when|deadline|timescale|when|target)\b", re.IGNORECASE
)
ACTION_HEADER_REF = re.compile(
    r"^(?:minute|min\.?|item|ref(?:erence)?)(?:\s+(?:no\.?|ref))?$", re.IGNORECASE
)
# "No." or "#" heads an action log's own numbering (1, 2, 3), which cites no minute.
ACTION_HEADER_NUMBER = re.compile(r"^(?:no\.?|#|number)$", re.IGNORECASE)


def _names_action(text: str) -> bool:
    """Whether "action" or "owner" is in the line: TRAILING_ACTION needs one."""
    low = folded(text)
    return "action" in low or "owner" in low


def find_actions(lines: list[PackLine], year: int | None) -> list[Action]:
    """Actions written as lines ("Action: ...") or as a trailing owner note."""
    actions: list[Action] = []
    previous: PackLine | None = None
    listing = False  # under an "Actions:" heading
    for line in lines:
        if line.noise or line.table:
            continue
        if ACTIONS_HEADING.match(line.text):
            listing, previous = True, line
            continue
        bullet = BULLET.match(line.text)
        if listing and (bullet or OWNER_TO.match(line.text)):
            body = line.text[bullet.end() :] if bullet else line.text
            actions.append(_action_from(body, line.number, None, year))
            previous = line
            continue
        listing = False
        due = due_of(line.text, year) if DUE_LINE.match(line.text) else None
        if due and actions and actions[-1].due is None:
            actions[-1] = replace(actions[-1], due=due)
            previous = line
            continue
        if match := ACTION.match(line.text):
            if match["owner"]:
                task = match["body"] + _wrapped(lines, line)
                owner = match["owner"].strip()
                actions.append(Action(task, line.number, owner=owner, due=due_of(task, year)))
            elif task := _task_below(lines, line, match["body"]):
                # "Action: Jo Bloggs" over the task: the owner, then what to do.
                owner = match["body"].strip(" .")
                actions.append(Action(task, line.number, owner=owner, due=due_of(task, year)))
            else:
                body = match["body"] + _wrapped(lines, line)
                actions.append(_action_from(body, line.number, previous, year))
        elif (
            _names_action(line.text)
            and (match := TRAILING_ACTION.search(line.text))
            and match.start() > 10
        ):
            sentence = line.text[: match.start()].strip(" .(–-")
            if len(match["owner"].split()) > 4 and OWNER_TO.match(match["owner"]):
                # "... noted the review. ACTION: Jo Bloggs to share ... by 31 March."
                actions.append(_action_from(match["owner"], line.number, None, year))
                previous = line
                continue
            actions.append(
                Action(
                    text=sentence,
                    start_line=line.number,
                    owner=match["owner"].strip(" ."),
                    due=due_of(sentence, year),
                )
            )
        previous = line
    return actions


def _task_below(lines: list[PackLine], line: PackLine, body: str) -> str | None:
    """The task on the lines under "Action: Jo Bloggs", when the action line
    names only its owner and the paragraph goes on below it; ``None`` where
    the owner stands under the task instead, or the line says it all."""
    if not OWNER_ONLY.fullmatch(body.strip(" .")):
        return None
    index = lines.index(line) + 1
    if index >= len(lines):
        return None
    following = lines[index]
    if following.gap or following.noise or following.table:
        return None
    if STRUCTURAL.match(following.text) or is_decision_start(following):
        return None
    return (following.text + _wrapped(lines, following)).strip()


def _wrapped(lines: list[PackLine], line: PackLine) -> str:
    """The rest of an action line that a PDF wrapped onto the lines after it:
    lines of the same paragraph, until one that ends a sentence."""
    rest = ""
    index = lines.index(line) + 1
    text = line.text
    while index < len(lines) and not text.endswith((".", "!", "?")):
        following = lines[index]
        if following.gap or following.noise or following.table:
            break
        if STRUCTURAL.match(following.text) or DUE_LINE.match(following.text):
            break
        text = following.text
        rest += " " + text
        index += 1
    return rest


def _action_from(body: str, number: int, previous: PackLine | None, year: int | None) -> Action:
    body = body.strip()
    due = due_of(body, year) or _dashed_due(body, year)
    if owner_to := OWNER_TO.match(body) or OWNER_DASH.match(body):
        when = owner_to.groupdict().get("when")
        due = due or (parse_date(when, year) or when if when else None)
        return Action(text=body, start_line=number, owner=owner_to["owner"].strip(), due=due)
    if labelled := OWNER_LABEL.search(body):
        owner = re.split(r"\.(?:\s|$)", labelled["owner"])[0]  # not the "Due:" after it
        return Action(text=body, start_line=number, owner=owner.strip(), due=due)
    words = body.rstrip(".").split()
    if len(words) <= 6 and previous is not None and not previous.table:
        # "Action: Director of Public Health" names the owner of the line above.
        return Action(
            text=previous.text,
            start_line=number,
            owner=body.rstrip("."),
            due=due_of(previous.text, year),
        )
    return Action(text=body, start_line=number, due=due)


def _dashed_due(text: str, year: int | None) -> str | None:
    """A due date set after a dash at the end of an action ("... – January 2025")."""
    match = DASHED_DUE.search(text)
    if match is None or not FLAT_DUE.fullmatch(match["due"]):
        return None
    return parse_date(match["due"], year) or match["due"]


def due_of(text: str, year: int | None) -> str | None:
    """The due date of an action: ISO where the text gives a full date, else as written."""
    # "to the chapter before publication. Due: 28 February 2025": a later
    # phrase that gives a date wins over an earlier one that gives none.
    as_written: str | None = None
    for match in DUE.finditer(text):
        written = match["due"].strip(" ,.")
        iso = parse_date(written, year)
        if iso:
            return iso
        if as_written is None and WRITTEN_DUE.search(written):
            as_written = written
    return as_written


MONTHS: tuple[str, ...] = ("january", "february", "march", "april", "may", "june", "july")
MONTHS += ("august", "september", "october", "november", "december")
MONTH_MEETING = re.compile(
    rf"\b(?:to|at|for|by|before|until)\s+(?:the\s+|its\s+)?(?P<month>{'|'.join(MONTHS)})\s+"
    r"(?:meeting|board|committee|panel|cabinet)\b",
    re.IGNORECASE,
)


def month_meeting_due(action: Action, meeting_date: str | None) -> Action:
    """An action due at "the February meeting" is due in the first February
    after the meeting that set it (minutes of 8 October 2024: February 2025)."""
    if meeting_date is None or (action.due and not MONTH_MEETING.search(f"by {action.due}")):
        return action
    match = MONTH_MEETING.search(action.text)
    if match is None:
        return action
    year, month = int(meeting_date[:4]), int(meeting_date[5:7])
    due = MONTHS.index(match["month"].lower()) + 1
    return replace(action, due=f"{match['month'].title()} {year if due > month else year + 1}")


def table_actions(lines: list[PackLine], year: int | None) -> list[tuple[str | None, Action]]:
    """Rows of action tables: ``(minute reference or None, action)``."""
    found: list[tuple[str | None, Action]] = []
    columns: dict[str, int] | None = None
    for line in lines:
        if not line.table:
            columns = None
            continue
        cells = line.cells
        if columns is None:
            columns = _action_columns(cells)
            continue
        text = cells[columns["action"]] if columns["action"] < len(cells) else ""
        if not text:
            continue
        owner = _cell(cells, columns.get("owner"))
        if owner is None and (named := OWNER_TO.match(text)):
            owner = named["owner"].strip()  # "Jo Bloggs to submit by 31 March"
        due_text = _cell(cells, columns.get("due"))
        due = (parse_date(due_text, year) or due_text) if due_text else due_of(text, year)
        ref = _cell(cells, columns.get("ref"))
        found.append((ref, Action(text=text, start_line=line.number, owner=owner, due=due)))
    return found


def flat_table_actions(lines: list[PackLine], year: int | None) -> list[Action]:
    """Rows of an action table whose cells a PDF printed as one line of words:
    under a header of column names only ("Action Owner Due"), each row ends
    with its owner's name and, where the table gives one, the due date."""
    found: list[Action] = []
    header: list[str] | None = None
    for line in lines:
        if line.noise:
            continue
        if header is not None and not line.table:
            if (header_due := _flat_row(line.text, "due" in header, year)) is None:
                header = None
            else:
                text, owner, due = header_due
                found.append(Action(text=text, start_line=line.number, owner=owner, due=due))
                continue
        words = line.text.split()
        if not line.table and 2 <= len(words) <= 4:
            columns = [_flat_column(word) for word in words]
            if all(columns) and "action" in columns and "owner" in columns:
                header = [column for column in columns if column]
    return found


def _flat_column(word: str) -> str | None:
    if ACTION_HEADER_OWNER.fullmatch(word):
        return "owner"
    if ACTION_HEADER_DUE.fullmatch(word):
        return "due"
    if ACTION_HEADER_ACTION.fullmatch(word):
        return "action"
    if ACTION_HEADER_REF.match(word):
        return "ref"
    if ACTION_HEADER_NUMBER.match(word):
        return "number"
    return None


def _flat_row(text: str, has_due: bool, year: int | None) -> tuple[str, str, str | None] | None:
    words = text.split()
    due: str | None = None
    if has_due:
        for size in (4, 3, 2, 1):
            tail = " ".join(words[-size:])
            if len(words) > size + 2 and FLAT_DUE.fullmatch(tail):
                due = parse_date(tail, year) or tail
                words = words[:-size]
                break
    # The owner is the name the row ends with: "Jo Bloggs", "Dr Jo Bloggs".
    size = 2
    if len(words) > 3 and words[-3].rstrip(".") in HONORIFICS:
        size = 3
    name = words[-size:]
    if len(words) <= size or not all(FLAT_NAME.fullmatch(word) for word in name[-2:]):
        return None
    return " ".join(words[:-size]), " ".join(name), due


def _cell(cells: list[str], index: int | None) -> str | None:
    if index is None or index >= len(cells):
        return None
    return cells[index].strip() or None


def _action_columns(cells: list[str]) -> dict[str, int] | None:
    columns: dict[str, int] = {}
    for position, cell in enumerate(cells):
        if (
            "action" not in columns
            and ACTION_HEADER_ACTION.search(cell)
            and not ACTION_HEADER_OWNER.search(cell)
        ):
            columns["action"] = position
        elif "owner" not in columns and ACTION_HEADER_OWNER.search(cell):
            columns["owner"] = position
        elif "due" not in columns and ACTION_HEADER_DUE.search(cell):
            columns["due"] = position
        elif "ref" not in columns and ACTION_HEADER_REF.match(cell):
            columns["ref"] = position
    if "action" in columns and ("owner" in columns or "due" in columns or "ref" in columns):
        return columns
    return None
