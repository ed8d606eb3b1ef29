"""Decisions inside a minute item.

Decisions come as "RESOLVED –" over a numbered list, "RESOLVED: That ...",
"Resolved that", "AGREED", "It was agreed", "The Panel agreed that ...",
"Decision:", or a motion's outcome ("Agreed.", "Motion carried.") where the
minute records nothing fuller. Actions are read by ``actions``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assure.normalising.folding import folded
from assure.parsing.pack.lines import PackLine
from assure.parsing.pack.outcomes import is_step, is_terse, next_paragraph, outcome
from assure.structure import Decision

DECISION = re.compile(
    r"^(?:[-•*]\s*)?(?:"
    r"(?:it\s+was\s+)?(?:unanimously\s+)?(?:resolved|agreed|decided|recommended)(?=\s*[:–\-,.(]|\s+(?:that|to|unanimously|as\s+follows|by)\b|\s*$)"
    r"|(?:it\s+was\s+)(?:unanimously\s+)?(?:resolved|agreed|decided)\b"
    r"|decisions?\s*(?:[:–-]|$)|outcomes?\s*:\s*\S"
    r"|recommendations?\s+to\s+(?:the\s+)?(?:cabinet|council|executive|board|[a-z]+\s+council)\s*:"
    # "Recommendation approved – that ...": the outcome of a vote, minuted tersely.
    r"|(?:the\s+)?recommendations?\s+(?:approved|agreed|accepted|carried|endorsed)\b"
    # "The Board:" over a list of what it noted and agreed.
    r"|(?:the\s+)?(?:[A-Za-z'&-]+\s+){0,4}(?:panel|board|committee|sub-committee|sub-board|sub-group|cabinet|council|"
    r"forum|commission|executive|partnership)\s*:$"
    r"|(?:the|members\s+of\s+the)\s+(?:[A-Za-z'&-]+\s+){0,4}"
    r"(?:panel|board|committee|sub-committee|sub-board|sub-group|cabinet|council|members|group|forum|commission|"
    r"executive|partnership|meeting)\s+(?:unanimously\s+)?(?:resolved|agreed|decided)\b"
    r"|(?:members|cabinet|council)\s+(?:unanimously\s+)?(?:resolved|agreed|decided)\b"
    r")",
    re.IGNORECASE,
)
# Every match of DECISION holds one of these (a body's name heading a list ends in ":").
DECISION_WORDS = ("resolved", "agreed", "decided", "recommend", "decision", "outcome", ":")
# Capitals mark a formal decision even inside a sentence: "... and it was RESOLVED that".
INLINE = re.compile(
    r"\b(?:RESOLVED|AGREED|DECIDED)\b(?=\s*[:–\-,(]|\s+(?:that|to|unanimously)\b|\s*$)"
)
# Decisions told in prose: "After debate, Cabinet agreed to defer ...", "The
# Sub-Committee noted the update and agreed to recommend ...", "The minutes of
# the meeting ... were agreed as a correct record".
PROSE = re.compile(
    r"\b(?:cabinet|committee|sub-committee|sub-board|sub-group|board|panel|council|members|executive|forum|"
    r"partnership|commission)\s+(?:(?:then|therefore|also|further|unanimously|formally)\s+)?"
    r"(?:(?:noted|considered|discussed|received|welcomed)\b[^.;]{0,100}?\band\s+)?"
    r"(?:agreed|resolved|decided|approved|endorsed|ratified|recommended|adopted|signed\s+off)\b"
    r"(?!\s+(?:by|with|in)\b)"
    r"|\b(?:minutes|recommendations?|proposals?|action\s+log|motion|amendment)\b[^.;]{0,80}?"
    r"\b(?:were|was)\s+(?:unanimously\s+)?(?:(?:presented|considered|submitted)\s+and\s+)?"
    r"(?:agreed|approved|endorsed|confirmed|carried)\b",
    re.IGNORECASE,
)
# "The Committee noted the update ...": a body noting a paper, opening the line,
# is the minute's outcome where nothing more formal was decided; "The Board
# noted that referrals had risen" is narrative.
NOTED = re.compile(
    r"^(?:the\s+)?(?:[A-Za-z'&-]+\s+){0,3}(?:cabinet|committee|sub-committee|sub-board|sub-group|board|panel|forum|"
    r"partnership|commission)\s+(?:formally\s+)?noted\s+the\b",
    re.IGNORECASE,
)
# Reported speech: "The officer said that Cabinet agreed ...", "Members were
# reminded that the Board agreed ...": the minute records what someone told it,
# not what this meeting decided.
REPORTED = re.compile(
    r"\b(?:said|says|stated|explained|reported|confirmed|reminded|informed|advised|"
    r"highlighted|noted|added|commented|clarified|indicated|mentioned|recalled|outlined|"
    r"pointed\s+out|aware)\b[^.;]*?\bthat\b"
    r"|\b(?:said|says|stated|told|asked\s+(?:if|whether)|queried\s+(?:if|whether))\b",
    re.IGNORECASE,
)
# Right after "agreed": agreement in opinion ("agreed with the concerns",
# "agreed that the talk had been helpful") or one made before this meeting
# ("agreed last year", "resolved in 2021", "at the last meeting").
NOT_A_DECISION_AFTER = re.compile(
    r"\s+(?:with\b"
    r"|(?:that\s+)?(?:it|this|these|there|they|(?:the|a|an)\s+[\w'-]+(?:\s+[\w'-]+){0,4}?)\s+"
    r"(?:was|were|had|has\s+been|have\s+been)\b"
    # "agreed that more work was needed", "that the visit to the centre had been
    # valuable": an opinion ("that the Director would write" may be a decision)
    r"|that\s+(?:[\w'’-]+\s+){1,8}?(?:was|were|had|has\s+been|have\s+been|is|are)\b"
    r"|(?:last|earlier\s+(?:this|in\s+the))\s+(?:year|month|week|meeting)\b|previously\b"
    r"|in\s+(?:19|20)\d\d\b|at\s+(?:the|its|their)\s+(?:last|previous)\s+meeting\b)",
    re.IGNORECASE,
)
AND_THEN = re.compile(
    r"\band\s+(?:then\s+|also\s+|further\s+)?(?:agreed|resolved|decided)(?=\s+(?:to|that)\b)",
    re.IGNORECASE,
)
# Every match of UPPER_ONLY and INLINE holds one of these, in capitals.
CAPITAL_VERBS = ("RESOLVED", "AGREED", "DECIDED", "NOTED", "ENDORSED", "APPROVED", "RECOMMENDED")
UPPER_ONLY = re.compile(
    r"(?:[A-Z][\w'&-]*\s+){1,4}(?:RESOLVED|AGREED|DECIDED)\b"
    # "The Committee NOTED the report": capitals make noting a formal decision;
    # a lower-case word after it shows a sentence, not a heading in capitals.
    r"|(?:[A-Z][\w'&-]*\s+){1,4}(?:NOTED|ENDORSED|APPROVED|RECOMMENDED)\s+[a-z]"
)
LIST_ITEM = re.compile(
    r"^(?:[-•*]\s*)?(?:\(?\d{1,2}[).]|\(?[a-z][).]|\(?[ivx]{1,4}[).]|[-•*])\s*\S|^(?:that|to)\s",
    re.IGNORECASE,
)
OPEN_ENDING = re.compile(r"(?:[:–-]|:-|\bthat|\bto|\bfollows)\s*$", re.IGNORECASE)


def is_decision_start(line: PackLine) -> bool:
    """Whether ``line`` opens a decision ("RESOLVED –", "The Board agreed that")
    or tells one in prose ("After debate, Cabinet agreed to defer ...")."""
    return not line.table and is_decision_text(line.text, prose=True)


@lru_cache(maxsize=8192)  # detection, the minutes' items and their decisions ask of the same lines
def is_decision_text(text: str, prose: bool = False) -> bool:
    """Whether ``text`` opens or holds a decision; with ``prose``, also one told
    in a sentence ("The Board considered the return and approved it")."""
    if len(text) < 5 and not text.upper().startswith(("AGREED", "RESOLVED")):
        return False
    if prose and (told_in_prose(text) or ("noted" in folded(text) and NOTED.match(text))):
        return True
    if (found := outcome(text)) and found["subject"] and found["carried"]:
        return True  # "Motion carried."
    # "Board AGREED" counts in capitals only; "the Board agreed" must open the line.
    if _opens_decision(text):
        return True
    capitals = any(word in text for word in CAPITAL_VERBS)
    return capitals and bool(UPPER_ONLY.match(text) or INLINE.search(text))


def _opens_decision(text: str) -> bool:
    """Whether ``text`` opens with a decision ("RESOLVED –", "The Board agreed
    that"), not with a body's opinion or a past agreement ("Members agreed
    that the talk had been helpful", "It was agreed last year that")."""
    low = folded(text)
    if not any(word in low for word in DECISION_WORDS):
        return False
    match = DECISION.match(text)
    if match is None:
        return False
    verb = match.group(0).split()[-1] if match.group(0).split() else ""
    if verb.isupper() or match.group(0).lower().lstrip("-•* ") == verb.lower():
        return True  # "RESOLVED" in capitals or opening the line is the clerk's formula
    # "The report explained that the Executive resolved ...": someone's account.
    if REPORTED.search(match.group(0)):
        return False
    if not NOT_A_DECISION_AFTER.match(text, match.end()):
        return True
    # "Members agreed that the talk had been helpful and agreed to ...": the
    # same body goes on to decide in the same sentence.
    sentence = re.split(r"[.;!?](?:\s|$)", text[match.end() :])[0]
    return any(
        not NOT_A_DECISION_AFTER.match(sentence, then.end()) for then in AND_THEN.finditer(sentence)
    )


# Every match of PROSE ends with one of these.
PROSE_VERBS = (
    "agreed", "resolved", "decided", "approved", "endorsed", "ratified", "recommended",
    "adopted", "signed", "confirmed", "carried",
)  # fmt: skip
# A sentence about another meeting: "At that meeting, Members agreed ...",
# "At the Scrutiny Committee held on 5 February, Members agreed ...".
ELSEWHERE = re.compile(
    r"\b(?:at|during)\s+(?:that|the\s+(?:last|previous|earlier|same))\s+meeting\b"
    r"|\b(?:held|met)\s+on\s+(?:\d|[A-Z][a-z]+day\b)",
    re.IGNORECASE,
)


def told_in_prose(text: str) -> re.Match[str] | None:
    """The first decision told in a sentence of ``text`` ("After debate, Cabinet
    agreed to defer ..."), passing over agreements the minute only reports:
    someone's account of them ("The officer said that Cabinet agreed the
    funding in July"), opinions ("The Board agreed with the concerns") and
    past ones ("The Council resolved in 2021 to ...")."""
    low = folded(text)
    if not any(verb in low for verb in PROSE_VERBS):
        return None
    for match in PROSE.finditer(text):
        sentence = re.split(r"[.;!?]\s+", text[: match.start()])[-1]
        if ELSEWHERE.search(sentence) or REPORTED.search(sentence):
            continue
        if NOT_A_DECISION_AFTER.match(text, match.end()):
            continue
        return match
    return None


def decision_opening(text: str) -> str:
    """``text`` from where its decision starts, not the narrative before it."""
    if not DECISION.match(text) and (inline := INLINE.search(text)):
        return re.sub(r"^.*?\b(?=(?:it\s+was\s+)?" + inline.group(0) + r"\b)", "", text, count=1)
    if not is_decision_text(text) and (prose := told_in_prose(text)):
        # Start at the sentence that tells the decision.
        stops = [m.end() for m in re.finditer(r"[.;!?]\s+", text[: prose.start()])]
        return text[stops[-1] :] if stops else text
    return text


def find_decisions(lines: list[PackLine]) -> list[Decision]:
    """Decisions among the lines of one minute item, each with its continuation."""
    decisions: list[Decision] = []
    only_noted: list[bool] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.table and line.noise is None:
            # Minutes kept as a table hold a decision in a cell.
            cells = [cell for cell in line.cells if is_decision_text(cell, prose=True)]
            decisions.extend(
                Decision(text=cell[:1500], start_line=line.number) for cell in cells[:1]
            )
            only_noted.extend(False for _ in cells[:1])
        if line.noise or not is_decision_start(line) or _told_elsewhere(lines, index):
            index += 1
            continue
        opening = decision_opening(line.text)
        parts, last = [opening], line
        noted = _only_noted(line.text)
        index += 1
        # "Agreed." says all it records; nothing below belongs to it.
        while index < len(lines) and len(parts) < 25 and not is_terse(line.text):
            following = lines[index]
            if following.noise:
                index += 1
                continue
            if (
                not _continues(last, following, len(parts))
                or (noted and is_decision_start(following))
                or next_paragraph(line.text, following.text)
            ):
                break
            parts.append(following.text)
            last = following
            index += 1
        # A full council's resolution may run to a page: keep it whole enough for its tasks.
        decisions.append(Decision(text=" ".join(parts)[:4000], start_line=line.number))
        only_noted.append(noted)
    if not all(only_noted):
        # "Cabinet noted the report" over "Decision: That ...": the formal one is the outcome.
        decisions = [d for d, noted in zip(decisions, only_noted, strict=True) if not noted]
    if not all(is_step(d.text) for d in decisions):
        # "Motion carried." over "RESOLVED that ...": the resolution records the decision.
        decisions = [d for d in decisions if not is_step(d.text)]
    return decisions


# A line that stops in the middle of a sentence: after a comma or a small word.
MID_SENTENCE = re.compile(r"(?:,|\b[a-z][a-z'’-]*)\s*$")


def _told_elsewhere(lines: list[PackLine], index: int) -> bool:
    """Whether a decision told in prose is the end of a sentence begun on the
    line before (a page broke it), which tells of another meeting or of what
    someone said: "At that meeting," over "Members agreed to refer ..."."""
    line = lines[index]
    if INLINE.search(line.text) or UPPER_ONLY.match(line.text):
        return False
    before = next((other for other in reversed(lines[:index]) if not other.noise), None)
    if before is None or before.table or not MID_SENTENCE.search(before.text):
        return False
    sentence = re.split(r"[.;!?]\s+", before.text)[-1]
    return not is_decision_text(f"{sentence} {line.text}", prose=True)


def _only_noted(text: str) -> bool:
    """Whether ``text`` tells a decision only by a body noting a paper."""
    return bool(NOTED.match(text)) and not is_decision_text(text) and not told_in_prose(text)


CONNECTOR = re.compile(r"^(?:and|or|and\s+further)\s*[;:,]?$", re.IGNORECASE)


def _continues(last: PackLine, following: PackLine, count: int) -> bool:
    if following.table:
        return False
    if (
        OPEN_ENDING.search(last.text)
        or CONNECTOR.match(last.text)
        or CONNECTOR.match(following.text)
    ):
        return True  # "... vapes." over "And;" over "This Council agrees to call on ..."
    if not following.gap and not last.text.rstrip().endswith((".", "!", "?")):
        return True  # a sentence wrapped onto the next line
    if LIST_ITEM.match(following.text):
        return True
    return count == 1 and is_decision_start(following)
