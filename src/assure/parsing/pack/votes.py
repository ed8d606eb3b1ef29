"""Recorded votes in minutes: how many voted for, against and abstained, and who.

Full council minutes record a named vote as a block under the sentence that
put the question ("the Chairman put the amendment to the vote, the voting
being as follows:"):

    For (12)
    Mr Ashworth, Mrs Beaumont, ...
    Against (0)
    Abstain (1)
    Mr Pickles
    Motion carried.

others as "For: 30, Against: 12, Abstentions: 2" or in a sentence ("the
motion was carried by 30 votes to 12, with 2 abstentions"). The printed
counts and the names listed are kept as written, even where they disagree.
"""

from __future__ import annotations

import re

from assure.normalising.folding import folded
from assure.parsing.pack.lines import PackLine
from assure.parsing.pack.outcomes import outcome
from assure.parsing.pack.people import split_people
from assure.structure import Vote

# "For (12)", "Against: 3", "ABSTAIN (0)", "Abstentions – 2", "For: Councillors A, B".
SIDE = re.compile(
    r"^(?P<side>for|against|abstain(?:ed|ing|ers)?|abstentions?)\b\s*"
    r"(?:\(\s*(?P<count>\d{1,3})\s*\)|[:–-]\s*(?P<tally>\d{1,3})\b|(?P<bare>\d{1,3})\b)?"
    r"\s*(?P<colon>[:–-])?\s*(?P<names>.*)$",
    re.IGNORECASE,
)
# Several sides on one line: "For: 30, Against: 12, Abstentions: 2".
ONE_LINE = re.compile(
    r"\bfor\s*[:–-]?\s*(?P<for>\d{1,3})\s*[,;]?\s+against\s*[:–-]?\s*(?P<against>\d{1,3})"
    r"(?:\s*[,;]?\s+(?:and\s+)?(?:abstentions?|abstain(?:ed|ing)?)\s*[:–-]?\s*(?P<abstain>\d{1,3}))?",
    re.IGNORECASE,
)
# "carried by 30 votes to 12, with 2 abstentions", "lost by 10 votes to 25".
IN_A_SENTENCE = re.compile(
    r"\b(?P<result>carried|agreed|approved|lost|defeated|rejected)\s+by\s+(?P<for>\d{1,3})\s+"
    r"votes?\s+to\s+(?P<against>\d{1,3})(?:[^.;]{0,20}?\b(?P<abstain>\d{1,3}|no)\s+abstentions?)?",
    re.IGNORECASE,
)
# What put the question: "the Chairman put the motion ... to the vote".
QUESTION = re.compile(
    r"\b(?:to\s+the\s+vote|voting\s+was|vote\s+was\s+taken|recorded\s+vote)\b", re.I
)
# The outcome a reader ran onto the last line of names: "..., Mr Sole Motion carried."
OUTCOME_AFTER_NAMES = re.compile(
    r"\s(?P<outcome>(?:(?:the\s+)?(?:original\s+|substantive\s+)?(?:motion|amendment)"
    r"(?:\s*\(as\s+amended\))?\s+)?(?:carried|lost|fell|defeated|agreed)(?:\s+unanimously)?\.?)$",
    re.IGNORECASE,
)
PARAGRAPH_START = re.compile(r"^(?:\(?\d{1,2}[.)]|\(?[a-z][.)])\s")


def find_votes(lines: list[PackLine]) -> list[Vote]:
    """The votes recorded among the lines of one minute, in order."""
    votes: list[Vote] = []
    position = 0
    while position < len(lines):
        line = lines[position]
        if line.noise or line.table:
            position += 1
            continue
        if (block := _side(line.text)) and block["side"].lower() == "for":
            vote, position = _block(lines, position)
            if vote is not None:
                votes.append(vote)
            continue
        if vote := _counted(line, lines[:position]):
            votes.append(vote)
        position += 1
    return votes


def _side(text: str) -> re.Match[str] | None:
    """A side's label, with its count or names: never a sentence that opens "For ..."."""
    match = SIDE.match(text)
    if match is None:
        return None
    counted = match["count"] or match["tally"] or match["bare"]
    if counted is None and not match["colon"]:
        return None  # "For the year ahead, ..." or "Against this background ..."
    if match["names"] and not counted and not _names_only(match["names"]):
        return None
    return match


def _names_only(text: str) -> bool:
    return not text.rstrip().endswith(".") or len(text.split()) <= 12


def _block(lines: list[PackLine], start: int) -> tuple[Vote | None, int]:
    """The vote whose "For" label is at ``start``, and the position after it."""
    sides: dict[str, tuple[int | None, list[str]]] = {}
    current: str | None = None
    carried: bool | None = None
    position = start
    while position < len(lines):
        line = lines[position]
        if line.noise:
            position += 1
            continue
        text = line.text
        match = _side(text)
        side = _side_name(match["side"]) if match else None
        if match and side is not None and side not in sides:
            current = side
            counted = match["count"] or match["tally"] or match["bare"]
            sides[side] = (int(counted) if counted else None, [match["names"]])
        elif (found := outcome(text)) is not None:
            carried = bool(found["carried"]) if (found["carried"] or found["lost"]) else None
            position += 1
            break
        elif current is not None and _listing(text):
            ended = OUTCOME_AFTER_NAMES.search(text)
            sides[current][1].append(text[: ended.start()] if ended else text)
            if ended is not None:
                found = outcome(ended["outcome"])
                carried = bool(found and found["carried"])
                position += 1
                break
        else:
            break
        position += 1
    if "for" not in sides or len(sides) < 2:
        return None, start + 1
    return _vote(lines, start, sides, carried), position


def _side_name(label: str) -> str | None:
    label = label.lower()
    if label == "for":
        return "for"
    if label == "against":
        return "against"
    return "abstain" if label.startswith("abst") else None


def _listing(text: str) -> bool:
    """A line of the names under a side: names and commas, not a sentence."""
    if PARAGRAPH_START.match(text) or QUESTION.search(text):
        return False
    return not re.search(r"\b(?:the|was|were|that|put|proposed|seconded)\b", text)


def _vote(
    lines: list[PackLine],
    start: int,
    sides: dict[str, tuple[int | None, list[str]]],
    carried: bool | None,
) -> Vote:
    named = {side: _names(" ".join(parts)) for side, (_, parts) in sides.items()}
    counts = {
        side: count if count is not None else len(named[side]) for side, (count, _) in sides.items()
    }
    return Vote(
        start_line=lines[start].number,
        motion=_question(lines, start),
        for_count=counts.get("for"),
        against_count=counts.get("against"),
        abstain_count=counts.get("abstain"),
        for_names=tuple(named.get("for", ())),
        against_names=tuple(named.get("against", ())),
        abstain_names=tuple(named.get("abstain", ())),
        carried=carried,
    )


def _names(text: str) -> list[str]:
    text = text.strip(" ,;.")
    if not text or re.fullmatch(r"(?i:none|nil|no(?:ne|body)?|-|–)", text):
        return []
    return [name for name, _ in split_people(text)]


def _question(lines: list[PackLine], start: int) -> str | None:
    """The sentence that put the question, read back from the vote to the
    start of its paragraph: "The Chairman put the amendment ... to the vote"."""
    parts: list[str] = []
    for line in reversed(lines[max(0, start - 6) : start]):
        if line.noise:
            continue
        if _side(line.text) or outcome(line.text):
            break
        parts.insert(0, line.text)
        if PARAGRAPH_START.match(line.text) or line.gap:
            break
    text = " ".join(parts).strip()
    return text[:500] or None


def _counted(line: PackLine, before: list[PackLine]) -> Vote | None:
    """A vote given as counts in one line or sentence, without names."""
    low = folded(line.text)  # the counts are never given without "against" or "vote"
    if "against" in low and (match := ONE_LINE.search(line.text)):
        carried = outcome_in(line.text)
    elif "vote" in low and (match := IN_A_SENTENCE.search(line.text)):
        carried = match["result"].lower() not in {"lost", "defeated", "rejected"}
    else:
        return None
    abstain = match["abstain"]
    if abstain is not None:
        abstain = "0" if abstain.lower() == "no" else abstain
    return Vote(
        start_line=line.number,
        motion=line.text[:500],
        for_count=int(match["for"]),
        against_count=int(match["against"]),
        abstain_count=int(abstain) if abstain is not None else None,
        carried=carried,
    )


def outcome_in(text: str) -> bool | None:
    """Whether a line that gives the counts also says the motion carried or fell."""
    if re.search(r"\b(?:carried|agreed|approved)\b", text, re.IGNORECASE):
        return True
    if re.search(r"\b(?:lost|defeated|fell|rejected|not\s+carried)\b", text, re.IGNORECASE):
        return False
    return None
