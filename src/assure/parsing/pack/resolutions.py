"""Tasks a resolution gives: what a meeting asked someone to do.

A resolution gives a task where it delegates authority to a post ("delegated
authority be given to the Corporate Director ... to take the relevant
actions", "Delegates to the Monitoring Officer to make the changes"), asks,
instructs or calls on someone ("asks the Monitoring Officer to update the
Constitution", "calls on the Cabinet Member for Highways to: a) ...; b) ..."),
names who is to do something ("That the Director of Public Health bring the
plan to the March meeting"), or asks for something to be done ("That a
further report be brought to the Panel"). Noting, agreeing, approving,
thanking and excluding the public give nobody a task. The due date is the one
the resolution writes ("by 30 September 2025", "by the end of 2018", "early
2019"), never one worked out.
"""

from __future__ import annotations

import re

from assure.parsing.pack.actions import due_of
from assure.parsing.pack.lines import PackLine
from assure.structure import Action, Decision

# A post or a person, as resolutions name them: capitalised words joined by
# "of", "for", "and", "&", or by a comma before another capitalised word
# ("Corporate Director for Housing, Environment & Transport").
_OWNER = (
    r"(?:(?i:the)\s+)?(?P<owner>[A-Z][\w'’&-]*(?:(?:\s+(?:of|for|and|&|the)\s+|\s+|,\s+(?=[A-Z]))"
    r"[A-Z][\w'’&-]*)*)"
)
# The verbs are matched in any case, the owner's capitals as written.
DELEGATES = re.compile(
    rf"(?i:\bdelegat(?:e|es|ed|ing)\s+(?:(?:its\s+|full\s+)?authority\s+)?to\s+){_OWNER}"
)
DELEGATED = re.compile(
    r"(?i:\bdelegated\s+(?:authority|powers?)\s+(?:be|is|are|being)\s+(?:given|granted)\s+to\s+)"
    rf"{_OWNER}"
)
ASKS = re.compile(
    r"(?i:\b(?:asks?|requests?|instructs?|directs?|calls?\s+(?:up)?on|invites?|authorises?)\s+)"
    rf"{_OWNER}(?=[^.;]{{0,160}}?\bto\b)"
)
# "That the Director of Public Health bring ...": the post, then what it is to do.
NAMED_TO_ACT = re.compile(
    rf"^(?i:that\s+){_OWNER}\s+(?i:(?:be\s+(?:asked|requested)\s+to\s+)?"
    r"(?:bring|report|circulate|write|provide|prepare|submit|present|arrange|share|update|"
    r"review|undertake|investigate|liaise|meet|contact|establish|develop|produce|publish|"
    r"send|seek|explore|look\s+into|work\s+with|consult|draft|ensure)\b(?!\s+be\b))"
)
# "That a further report be brought to the Panel": a task with no owner named.
# ("to be presented" tells what will happen, not a task.)
PASSIVE_TASK = re.compile(
    r"^(?:that\s+)?[^;]{0,160}?(?<!\bto\s)\bbe\s+(?:brought|sent|provided|circulated|shared|"
    r"submitted|reported|prepared|arranged|invited|published|produced|sought|obtained|"
    r"scheduled|added\s+to|written|drafted|updated|presented)\b",
    re.IGNORECASE,
)
# Where a resolution's parts begin: "(a)", "a)", "(ii)", "1.", "2)", "•".
PART = re.compile(
    r"(?:^|\s)(?=(?:\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)|(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]|[•▪●])\s+\S)",
    re.IGNORECASE,
)
LIST_MARK = re.compile(
    r"^(?:\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)|(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]|[•▪●])\s+"
)
# Written times a task is due by that are not dates: "early 2019", "end of 2018".
SEASON = re.compile(
    r"\b(?P<due>(?:early|mid|late|the\s+end\s+of|end\s+of|spring|summer|autumn|winter)"
    r"(?:[\s-]+(?:19|20)\d\d))\b"
    # "report back in March 2025", "brought to the Committee in June 2025"
    r"|\bin\s+(?P<month>(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)\s+(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
NOT_A_POST = re.compile(r"^(?:Council|Cabinet|Committee|Board|Panel|Members?|This|It|That)$")


def resolution_actions(decision: Decision, lines: list[PackLine], year: int | None) -> list[Action]:
    """The tasks a decision gives, each at the line where it is written."""
    actions: list[Action] = []
    listing_for: str | None = None  # the owner called on to do the listed parts
    for part in _parts(decision.text):
        listed = bool(LIST_MARK.match(part))
        body = LIST_MARK.sub("", part).strip()
        owner = _owner(body)
        if owner is not None and re.search(r"\bto\s*:?\s*$", body):
            listing_for = owner  # "calls on the Cabinet Member to:" over its list
            continue
        if listing_for is not None and listed and owner is None:
            actions.append(_action(body, listing_for, decision, lines, year))
            continue
        listing_for = None
        if owner is not None or (PASSIVE_TASK.match(body) and not DELEGATED.search(body)):
            actions.append(_action(body, owner, decision, lines, year))
    return actions


def _parts(text: str) -> list[str]:
    """The resolution's clauses: its opening, then each lettered or numbered part,
    and the clauses of one part joined by "; and that"."""
    text = re.sub(
        r"^.*?\b(?:RESOLVED|AGREED|DECIDED|Resolved|Agreed|Decided|Decision)\b\s*[:–-]?\s*",
        "",
        text,
        count=1,
    )
    pieces = [piece.strip() for piece in PART.split(text) if piece.strip()]
    return [clause for piece in pieces for clause in re.split(r"[;,]?\s+and\s+(?=that\b)", piece)]


def _owner(body: str) -> str | None:
    for pattern in (DELEGATES, DELEGATED, ASKS):
        if (match := pattern.search(body)) and _post(match["owner"]):
            return _tidy_owner(match["owner"])
    match = NAMED_TO_ACT.match(body)
    if match and _post(match["owner"]):
        return _tidy_owner(match["owner"])
    return None


def _post(owner: str) -> bool:
    """A post or person, not a body ("Council") nor a possessive ("the Leader's report")."""
    last = owner.split()[-1] if owner.split() else ""
    return not NOT_A_POST.match(last) and not last.endswith(("'s", "’s"))


def _tidy_owner(owner: str) -> str:
    return re.sub(r"\s+", " ", owner).strip(" ,")


def _action(
    body: str, owner: str | None, decision: Decision, lines: list[PackLine], year: int | None
) -> Action:
    due = due_of(body, year)
    if due is None and (season := SEASON.search(body)):
        due = season["due"] or season["month"]
    return Action(
        text=body[:1000], start_line=_line_of(body, decision, lines), owner=owner, due=due
    )


def _line_of(body: str, decision: Decision, lines: list[PackLine]) -> int:
    """The line where a part of the decision is written, else the decision's first."""
    opening = body[:30]
    for line in lines:
        if line.number >= decision.start_line and opening and opening in line.text:
            return line.number
    return decision.start_line
