"""Who attended a meeting, from the block under the minutes' header.

Labels head the groups ("Present:", "Also in attendance:", "Officers:",
"Apologies for absence were received from"), names follow on the label's
line or the lines under it, wrapped lines are joined, and the block ends at
the first minute, a long sentence or a heading in capitals.
"""

from __future__ import annotations

import re

from assure.extracting.dates import find_dates
from assure.normalising.folding import folded
from assure.parsing.pack.lines import PackLine
from assure.parsing.pack.people import ROLE_WORDS, split_people
from assure.parsing.pack.references import BRACKETED, MINUTE, NUMBER_ONLY
from assure.structure import Attendance

LABEL = re.compile(
    r"^(?P<label>"
    # "IN ATTENDANCE VIRTUALLY:", "Present remotely:"
    r"(?:(?:also\s+)?in\s+attendance|(?:also\s+)?present)\s+(?:virtually|remotely|online)|"
    r"(?:[a-z]+\s+){0,2}members?\s+present|councillors\s+present|attendance(?=\s*:)|"
    r"present(?:\s*\([^)]{1,20}\))?|attendees|"
    r"co-?opt(?:ees?|ed\s+members?)(?:\s+present)?|attended(?=\s*:)|"
    r"(?:[a-z]+\s+)?members\s+in\s+attendance|(?:also\s+)?in\s+attendance|also\s+present|"
    r"officers?(?:\s+(?:present|in\s+attendance))?|observers?|apologies(?:\s+for\s+absence)?(?:\s+(?:were\s+)?received(?:\s+from)?)?|"
    r"absent|substitutes?)\b\s*(?:[:–-]\s*|\s+(?=[A-Z]))?(?P<rest>.*)$",
    re.IGNORECASE,
)
HONORIFIC = re.compile(r"(?i:councillors?|cllrs?|dr|mr|mrs|ms|miss|professor|prof)\b\.?")
LOOSE_LABEL = re.compile(
    r"^(?:(?:members|councillors|in\s+attendance)\s*:|attendance\s*$)", re.IGNORECASE
)


def loose_label(text: str) -> re.Match[str] | None:
    """LOOSE_LABEL's match of ``text``: never unless it opens with "m", "c", "i"
    or "a", folded (see ``folded``)."""
    return LOOSE_LABEL.match(text) if folded(text[:1]) in ("m", "c", "i", "a") else None


def read_attendance(lines: list[PackLine]) -> tuple[Attendance, int, dict[str, str]]:
    """The attendance block at the start of ``lines``: who, how many lines it
    takes, and the roles given beside names."""
    entries: list[tuple[str, str]] = []  # (group, text), wrapped lines joined
    current: str | None = None
    used = 0
    for position, line in enumerate(lines):
        if line.noise:
            continue
        if line.table and current is not None and _column_names(line):
            used = position + 1  # "Councillor | Role" heads the rows of names
            continue
        text = line.text.replace("\t", ", ") if line.table else line.text
        match = LABEL.match(re.sub(r"^([^,]{1,40}?:)\s*,\s*", r"\1 ", text))
        loose = loose_label(text) if current is None else None
        if entries and current is not None and _open_bracket(entries[-1][1]):
            # "Mr F Delacroix (Head of Finance" over "Operations – North), ...": the
            # open bracket goes on, whatever the next line opens with.
            entries[-1] = (current, _joined(entries[-1][1], text))
        elif match:
            current = _group_of(match["label"])
            entries.append((current, match["rest"]))
        elif loose:
            # "Councillors: Smith (Chair), Jones" heads the minutes' attendance.
            current, rest = "present", text[loose.end() :].strip()
            plural = loose.group(0).lower().startswith("councillors")
            if plural and not re.match(r"(?i)councillors?\b|cllrs?\b", rest):
                rest = f"Councillors {rest}"
            entries.append((current, rest))
        elif current is None or _ends_attendance(line, lines[position:]):
            break
        elif entries and _wrapped(entries[-1][1], text):
            entries[-1] = (current, _joined(entries[-1][1], text))
        else:
            entries.append((current, text))
        used = position + 1
    groups: dict[str, list[str]] = {"present": [], "apologies": [], "in_attendance": []}
    roles: dict[str, str] = {}
    for group, text in entries:
        if group == "skip":
            continue
        for name, role in split_people(text):
            groups[group].append(name)
            if role:
                roles[name] = role
    attendance = Attendance(
        present=tuple(groups["present"]),
        apologies=tuple(groups["apologies"]),
        in_attendance=tuple(groups["in_attendance"]),
        roles=tuple(roles.items()),
    )
    return attendance, used, roles


PEOPLE_COLUMN = re.compile(
    r"^(?:name|names|councillors?|members?|role|position|title|organisation|representing|"
    r"job\s+title|attendee|present)$",
    re.IGNORECASE,
)


def _column_names(line: PackLine) -> bool:
    """Whether a table row names the columns of an attendance table."""
    cells = [cell for cell in line.cells if cell]
    return len(cells) >= 2 and all(PEOPLE_COLUMN.match(cell) for cell in cells)


BULLET = re.compile("^[-•*▪●◦\uf0b7\uf0a7\u2023\u2043\u27a2]\\s+")


def _wrapped(previous: str, text: str) -> bool:
    """Whether ``text`` goes on with the entry ``previous``, which a PDF or a
    converter wrapped: a bracket or a name left open, a role's tail, the rest
    of a bullet (a line without the list's marker), or a name broken between
    two lines of a paragraph of names ("..., Tom" over "Byrne, ...")."""
    if _unfinished(previous) or _role_tail(text, previous) or text.startswith(("(", ")")):
        return True
    if BULLET.match(previous) and not BULLET.match(text):
        return not HONORIFIC.match(text) or text.count(" ") == 0
    return _name_broken(previous, text)


def _joined(previous: str, text: str) -> str:
    return f"{previous} {text}"


def _name_broken(previous: str, text: str) -> bool:
    """ "Jane Smith, Tom" over "Byrne, Ann Lee": where the other names of the
    paragraph have two words or more, a lone word ending one line and a lone
    word opening the next are one name."""
    unbracketed = re.sub(r"\([^()]*\)", "", previous)
    pieces = [piece.split() for piece in re.split(r",|\band\b", unbracketed)]
    last, others = pieces[-1], [piece for piece in pieces[:-1] if piece]
    first = re.split(r",|\band\b|\(", text, maxsplit=1)[0].split()
    return (
        len(last) == 1
        and len(first) == 1
        and len(others) >= 2
        and all(len(piece) >= 2 for piece in others)
        and last[0][:1].isupper()
        and first[0][:1].isupper()
    )


def _open_bracket(text: str) -> bool:
    return text.count("(") > text.count(")")


def _unfinished(text: str) -> bool:
    """Whether a line of names wraps onto the next one."""
    if text.count("(") > text.count(")") or re.search(r"(?:,|\band|&)\s*$", text):
        return True
    # "..., Councillor Pat" ends in the middle of a name.
    last = text.rsplit(",", 1)[-1].split()
    return len(last) == 2 and bool(
        re.fullmatch(r"(?i:councillor|cllr\.?|dr|mr|mrs|ms|miss)", last[0])
    )


def _role_tail(text: str, previous: str) -> bool:
    """Whether ``text`` is the end of the role on the line before, which a PDF
    wrapped onto a line of its own ("and Resources", "Directorate"): a person
    never starts in lower case, nor is one word after a "Name, role" line."""
    if text[:1].islower() or text.startswith("&"):
        return True
    if "," not in previous or "," in text or "(" in text or HONORIFIC.match(text):
        return False
    # "Directorate", "Vale Council": a word or two that no name is made of.
    return (" " not in text.strip() and text.strip(".").isalpha()) or bool(
        len(text.split()) <= 4 and ROLE_WORDS.search(text)
    )


def _group_of(label: str) -> str:
    label = label.lower()
    if label.startswith("apolog"):
        return "apologies"
    if label.startswith(("absent", "substitute")):
        return "skip"
    if "members in attendance" in label:
        return "present"
    if label.startswith(("officer", "observer", "also")) or "in attendance" in label:
        return "in_attendance"
    return "present"


def _ends_attendance(line: PackLine, rest: list[PackLine]) -> bool:
    text = line.text
    if MINUTE.match(text) or NUMBER_ONLY.match(text) or BRACKETED.match(text) or len(text) > 160:
        return True
    if re.match(r"^[^:]{2,60}:", text) and find_dates(text):
        return True  # "Publication date: 6 September 2024", a field of a record of decisions
    if line.table and all(COLUMN_HEADING.match(cell) for cell in line.cells if cell):
        return True  # the heading row of minutes kept as a table
    if text.isupper() and not re.match(r"(?i)(?:councillors?|cllrs?|mr|mrs|ms|miss|dr)\b", text):
        return len(text.split()) <= 12 and "," not in text  # an item's heading in capitals
    return text.endswith(".") and len(text.split()) > 8


COLUMN_HEADING = re.compile(
    r"^(?:item|no\.?|minute|ref(?:erence)?|agenda\s+item|subject|title|discussion|notes?|"
    r"decisions?|actions?|owner|lead|by\s+whom|due|deadline|outcome|minutes?)$",
    re.IGNORECASE,
)


# "Apologies were received from Mrs A Kowalski.", "The Democratic Services Manager
# reported apologies from Mr Varley, Mrs Whitby and Mr Yardley."
APOLOGIES_FROM = re.compile(
    r"\bapolog(?:y|ies)\b(?:\s+for\s+absence)?[^.;]{0,80}?\bfrom\s+(?P<names>.+?)(?:\.(?:\s|$)|;|$)",
    re.IGNORECASE,
)
DOTTED_TITLE = re.compile(r"\b(Mr|Mrs|Ms|Dr|Cllr|Prof|[A-Z])\.(?=\s)")


def apologies_told(lines: list[PackLine]) -> tuple[str, ...]:
    """The apologies a minute records in a sentence, where the minutes list
    none under their header: "Apologies were received from Mrs C Bell"."""
    text = " ".join(line.text for line in lines if line.noise is None and not line.table)
    match = APOLOGIES_FROM.search(DOTTED_TITLE.sub(r"\1", text))
    if match is None:
        return ()
    return tuple(name for name, _ in split_people(match["names"]))
