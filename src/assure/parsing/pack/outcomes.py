"""How minutes record the outcome of a motion, and where a resolution ends.

A terse outcome ("Agreed.", "Motion carried.", "Amendment lost")
is the fate of a motion set out above it: a decision where the minute records
nothing fuller, a step towards the resolution where it does.
"""

from __future__ import annotations

import re

# "Agreed.", "Agreed unanimously.", "Motion carried.", "The substantive motion
# (as amended) was carried", "Amendment lost", "Carried".
OUTCOME = re.compile(
    r"^(?:(?:the\s+)?(?:original\s+|substantive\s+)?(?P<subject>motion|amendment|recommendations?|"
    r"proposals?)(?:\s*\(as\s+amended\))?\s+(?:was\s+|were\s+)?)?"
    r"(?:(?P<carried>(?:unanimously\s+)?(?:agreed|carried|approved|adopted)(?:\s+unanimously)?"
    r"(?:\s+(?:by\s+)?(?:a\s+)?(?:majority|show\s+of\s+hands|without\s+dissent))?)"
    r"|(?P<lost>lost|fell|defeated|not\s+(?:carried|agreed)|rejected|withdrawn))\s*[.;]?$",
    re.IGNORECASE,
)
# A paragraph number opening a line: "3)", "3.", "(3)".
PARAGRAPH = re.compile(r"^\(?(?P<num>\d{1,2})(?P<mark>[.)])\s+\S")


def outcome(text: str) -> re.Match[str] | None:
    """The terse outcome ``text`` is, if it is one."""
    return OUTCOME.match(text.strip())


def is_terse(text: str) -> bool:
    """Whether ``text`` is only an outcome: "Agreed.", "Motion carried"."""
    found = outcome(text)
    return found is not None and bool(found["carried"] or found["lost"])


def next_paragraph(opening: str, text: str) -> bool:
    """Whether ``text`` opens the paragraph after the one ``opening`` opens:
    "4) The Chairman put ..." after "3) RESOLVED that ...", so the resolution
    ends there; its own parts are lettered or numbered otherwise."""
    first, then = PARAGRAPH.match(opening), PARAGRAPH.match(text)
    return bool(
        first and then and then["mark"] == first["mark"] and int(then["num"]) > int(first["num"])
    )


# "The Chairman put the motion to the vote and it was agreed unanimously",
# "On being put to the vote, the amendment was lost": a motion's fate in a sentence.
MOTION_OUTCOME = re.compile(
    r"\b(?:motion|amendment)\b[^.;]{0,120}?\b(?:agreed|carried|lost|defeated|fell)\b",
    re.IGNORECASE,
)


def is_step(text: str) -> bool:
    """Whether a decision only gives the fate of a motion ("Agreed.", "the motion
    was carried"), which a fuller resolution in the same minute records."""
    return is_terse(text) or (
        bool(MOTION_OUTCOME.search(text)) and not re.search(r"\b(?:RESOLVED|AGREED)\b", text)
    )
