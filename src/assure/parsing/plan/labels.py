"""How plans head their parts: priority headings, lead lines, sub-headings, bullets."""

from __future__ import annotations

import re
from functools import cache

WORD_NUMBERS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
}  # fmt: skip
PRIORITY = re.compile(
    r"^(?:#+\s*)?(?:strategic\s+|key\s+|improvement\s+)?"
    r"(priority|objective|workstream|theme|recommendation|outcome|goal|aim|ambition"
    r"|area for (?:improvement|development)|improvement area)\s+"
    r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
    r"\s*(?:([:.\-–—)])\s*)?(.*)$",
    re.IGNORECASE,
)
STATEMENT_PREFIX = re.compile(
    r"^(?:(?:cqc\s+)?quality\s+statement|QS)\s*(\d{1,2})?\s*[:.\-–—]?\s*", re.IGNORECASE
)
NUMBER_PREFIX = re.compile(r"^\d{1,2}(?:\.\d{1,2})?[.)]?\s+")
BULLET = re.compile(r"^\s*(?:[-–•●▪◦■□✓\u2022\uf0b7\uf0a7·*]|\(?[a-z]\)|\d{1,2}\))\s+")
LEAD_LINE = re.compile(
    r"^(?:strategic\s+(?:responsibility|leads?|owners?)|lead(?:s| officers?| director| member)?"
    r"|responsible\s+(?:officers?|leads?)|accountable\s+(?:officers?|leads?)"
    r"|senior\s+responsible\s+(?:officer|owner)|executive\s+(?:lead|sponsor)|sponsors?"
    r"|priority\s+(?:leads?|owners?)|owners?)\s*[:\-–]\s*(.+)$",
    re.IGNORECASE,
)
INLINE_LEAD = re.compile(
    r"\b(?:lead|owner|responsible)s?\s*[:\-–]\s*([^();]+?)\s*(?:[();]|$)", re.IGNORECASE
)
# A lead written inside a heading's cell, after its title: a merged Word cell
# "Priority 1: Timely reviews" over "Strategic lead: Ann Holt" reads as one line.
EMBEDDED_LEAD = re.compile(
    r"\s+(?:strategic\s+(?:leads?|owners?)|lead\s+officers?|priority\s+(?:leads?|owners?)"
    r"|senior\s+responsible\s+(?:officer|owner)|executive\s+(?:lead|sponsor)|leads?)\s*:\s*(.+)$",
    re.IGNORECASE,
)
# A heading's closing bracket that only says which regulator's findings it answers:
# "Reducing waiting times (links to CQC areas for improvement AFI 2, AFI 5)".
CODES_NOTE = re.compile(
    r"\s*[(\[][^()\[\]]*\b(?:AFI|O|R) ?\d{1,2}\b[^()\[\]]*[)\]]\s*$", re.IGNORECASE
)
PLAN_TITLE = re.compile(
    r"\b(?:improvement|action|recovery|development|transformation|delivery|service)\s+plan\b",
    re.IGNORECASE,
)

MEASURES = re.compile(
    r"^(?:how (?:we|will we) (?:will )?know|how will we know|success (?:will be )?measured"
    r"|measures? of success|success measures?|success criteria"
    r"|key (?:performance )?(?:indicators|measures)"
    r"|kpis?\b|outcome measures|how we will measure|measuring success|what success (?:will )?look)",
    re.IGNORECASE,
)
ACTIONS = re.compile(
    r"^(?:how we (?:will|are going to) (?:do|achieve|deliver) (?:this|it)|what we will do"
    r"|key actions|actions?(?: we will take)?|next steps|our actions|planned actions"
    r"|what we are going to do)\b",
    re.IGNORECASE,
)
OTHER = re.compile(
    r"^(?:what we are aiming for|aims?\b|objectives?\b|key improvement actions delivered"
    r"|actions? delivered|what (?:difference|we have (?:done|achieved))|performance will be"
    r"|why (?:is )?this|what we want to achieve|context|background|progress|achievements"
    r"|impact|risks?\b|what we know)",
    re.IGNORECASE,
)
STOP_WORDS = frozenset(
    ["the", "and", "of", "for", "to", "in", "a", "an", "on", "with", "our", "we"]
)


def label_of(text: str) -> str | None:
    """The part of a priority a short sub-heading opens: measures, actions or other."""
    text = text.strip().lstrip("#").strip()
    if len(text) > 80 or (len(text) > 50 and not text.endswith(":")):
        return None
    if MEASURES.match(text):
        return "measures"
    if ACTIONS.match(text):
        return "actions"
    if OTHER.match(text) or text.endswith(":"):
        return "other"
    return None


def priority_heading(text: str) -> tuple[str, str, str] | None:
    """``(keyword, number, title)`` if ``text`` heads a priority.

    >>> priority_heading("Priority 3: Early Support")
    ('priority', '3', 'Early Support')
    """
    match = PRIORITY.match(text.strip())
    if not match:
        return None
    keyword = " ".join(match.group(1).lower().split())
    number = WORD_NUMBERS.get(match.group(2).lower(), match.group(2))
    separator, title = match.group(3), match.group(4).strip(" \t:-–—")
    title = CODES_NOTE.sub("", title)
    if not separator and title and not title[0].isupper():
        return None
    if keyword == "recommendation":
        # A regulator's recommendation is quoted as a sentence; its number is the key.
        title = title.rstrip(".")
        if len(title) > 250:
            return None
    elif len(title) > 120 or (title.endswith((".", ",")) and len(title.split()) > 12):
        return None
    return keyword, str(int(number)), title


def embedded_lead(title: str) -> tuple[str, str | None]:
    """A heading's title and the lead written after it in the same cell, if any.

    >>> embedded_lead("Timely reviews Strategic lead: Ann Holt, Head of Service")
    ('Timely reviews', 'Ann Holt, Head of Service')
    """
    match = EMBEDDED_LEAD.search(title)
    if not match or match.start() == 0:
        return title, None
    return title[: match.start()].strip(), match.group(1).strip()


def statement_heading(text: str) -> tuple[str | None, str, bool] | None:
    """``(number, name, explicit)`` if ``text`` heads a CQC quality statement:
    "Quality statement 1: Assessing needs", "QS6 – Safeguarding", or the bare name
    "Safeguarding" (``explicit`` False: it counts only above an action table).

    >>> statement_heading("Quality statement 2: Supporting people to live healthier lives")
    ('2', 'Supporting people to live healthier lives', True)
    """
    text = text.strip().lstrip("#").strip().strip("*").strip()
    if len(text) > 90:
        return None
    match = STATEMENT_PREFIX.match(text)
    number = match.group(1) if match else None
    name = text[match.end() :].strip(" :.-–—\t") if match else text
    bare = NUMBER_PREFIX.sub("", name).strip()
    if bare.casefold().rstrip(".:") in statement_names():
        return number, bare.rstrip(".:"), match is not None
    return None


@cache
def statement_names() -> frozenset[str]:
    """The CQC quality statements' names and aliases, case-folded."""
    try:
        from assure.framework.model import load_framework

        framework = load_framework("cqc-local-authority")
    except Exception:  # a broken framework file must not stop plans being read
        return frozenset()
    names = {s.name for s in framework.statements}
    names |= {alias for s in framework.statements for alias in s.aliases}
    # Single words such as "equity" or "prevention" are too common to head a statement alone.
    return frozenset(n.casefold() for n in names if len(n.split()) > 1 or n == "Safeguarding")


def content_words(title: str) -> set[str]:
    words = re.findall(r"[a-z]+", title.casefold())
    return {w.rstrip("s") for w in words if w not in STOP_WORDS and len(w) > 2}


def titles_agree(one: str, other: str) -> bool:
    """Two names of one priority ("Leadership", "Strategic Leadership")."""
    if not one or not other:
        return True
    return bool(content_words(one) & content_words(other))
