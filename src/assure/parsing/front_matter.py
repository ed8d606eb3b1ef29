"""A document's title, council and date, read from its own text.

Used by the self-assessment and regulator report parsers. A date written as a
month only ("December 2024") is taken as the first of that month, since the
contract asks for a full ISO date and such documents are dated by month.
"""

from __future__ import annotations

import re
from collections import Counter

from assure.document import CleanText
from assure.extracting.dates import MONTHS, parse_date

_NAME_WORD = r"(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)*|of|upon|on|and|the)"
COUNCIL = re.compile(
    rf"\b(?P<name>[A-Z][a-z'’]+(?:[ -]{_NAME_WORD}){{0,4}}?)\s+"
    r"(?P<type>(?:Metropolitan\s+)?(?:Borough|County|City|District)\s+)?Council\b"
)
# Words that begin "... Council" without naming one.
NOT_A_NAME = {
    "the", "this", "our", "a", "an", "each", "every", "full", "county", "city", "borough",
    "district", "town", "parish", "executive", "local", "unitary", "youth", "care", "your",
    "that", "which", "whole", "other", "neighbouring", "cabinet", "and", "of", "in", "by",
    "for", "to", "with", "from", "metropolitan", "research", "advisory", "how", "about",
    "why", "what", "when", "where", "while", "whilst", "as", "if", "so", "but", "at", "on",
    "their", "its", "new", "all", "both", "theme", "part", "welcome", "dear", "whether",
}  # fmt: skip
MONTH_YEAR = re.compile(
    r"\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
HEAD_LINES = 30


def council_of(text: CleanText) -> str | None:
    """The council the document is about: the most often named, as it is most
    often written ("Kirklees Council" over "Kirklees Metropolitan Borough Council")."""
    names: Counter[str] = Counter()
    forms: Counter[str] = Counter()
    for line in text.lines:
        if "Council" not in line.text:
            continue  # every match holds the word
        for match in COUNCIL.finditer(line.text):
            name = _trim(match["name"])
            if not name:
                continue
            full = f"{name} {match['type'] or ''}Council".replace("  ", " ")
            names[name] += 1
            forms[" ".join(full.split())] += 1
    if not names:
        return None
    best = names.most_common(1)[0][0]
    return max((f for f in forms if f.startswith(best + " ")), key=lambda f: (forms[f], -len(f)))


def _trim(name: str) -> str:
    words = name.split()
    while words and words[0].lower() in NOT_A_NAME:
        words = words[1:]
    while words and words[-1].lower() in NOT_A_NAME:
        words = words[:-1]
    if not words or not words[0][0].isupper():
        return ""
    return " ".join(words)


def date_of(text: CleanText, labels: tuple[str, ...] = ()) -> str | None:
    """The document's date: from a labelled line ("Assessment published: ...")
    when one of ``labels`` is found, else the first date in the opening lines."""
    head = text.lines[:HEAD_LINES]
    for label in labels:
        for line in text.lines[:80]:
            if line.text.lower().startswith(label) and (found := _date_in(line.text)):
                return found
    for line in head:
        if found := _date_in(line.text):
            return found
    return None


def _date_in(line: str) -> str | None:
    if len(line) > 200:
        return None
    if found := parse_date(line):
        return found
    if match := MONTH_YEAR.search(line):
        month = MONTHS[match[1][:3].lower()]
        return f"{int(match[2]):04d}-{month:02d}-01"
    return None


def title_matching(
    text: CleanText, pattern: re.Pattern[str], within: int = HEAD_LINES
) -> str | None:
    """The first short opening line that matches ``pattern``, cleaned."""
    for line in text.lines[:within]:
        candidate = line.text.lstrip("#*- ").strip(" *")
        if 4 <= len(candidate) <= 150 and pattern.search(candidate):
            return candidate
    return None
