"""A committee paper's furniture near a document's top: a notice, an agenda, a
report's cover fields. A register, scorecard or plan printed inside a committee
paper belongs to the paper's family, so the families that are often appendices
weigh it against themselves."""

from __future__ import annotations

import re

from assure.document import CleanText

COMMITTEE = re.compile(
    r"^(?:notice\s+of\s+meeting|public\s+document\s+pack|agenda\b|minutes\s+of|present\s*:"
    r"|apologies\b|in\s+attendance|declarations?\s+of\s+interest|dear\s+(?:member|councillor)"
    r"|report\s+(?:of|from|author|to)\b|purpose\s+of\s+(?:the\s+)?report|recommendations?\s*(?:\(s\))?\s*:"
    r"|(?:from|to|by|subject|decision\s+no\.?|key\s+decision|classification|electoral\s+divisions?"
    r"|wards?\s+affected|contact\s+officer|report\s+author|lead\s+officer)\s*:)",
    re.IGNORECASE,
)
HEAD = 40


def committee_furniture(text: CleanText, head: int = HEAD) -> int:
    """How many committee-paper lines stand among the first ``head`` lines."""
    return sum(1 for line in text.lines[:head] if COMMITTEE.search(line.text.strip(" *#")))
