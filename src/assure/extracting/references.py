"""References to a council's evidence library, as self-assessments cite them.

Councils number the documents behind a self-assessment and cite them inline in
many hands: "(Ref 12)", "([Ref 35](#), [36](#))" (Markdown links left by the
PDF or Word export), "(Ref 148,167)", "Ref. 12-14", "(Refs 3, 4 and 9)",
"Reference 7", and the information return's own items "(IR5)". All come out in
one form: "Ref 12" and "IR5".
"""

from __future__ import annotations

import re

from assure.extracting.figures.screening import has_digit, mentions

# A Markdown link keeps its visible text: "[Ref 35](#)" reads as "Ref 35".
LINK = re.compile(r"\[([^\[\]]{0,200})\]\([^()\s]{0,300}\)")
_NUMBER = r"\d{1,4}[a-z]?"
_RANGE = rf"{_NUMBER}(?:\s*(?:-|–|—|to)\s*{_NUMBER})?"
_JOIN = r"\s*(?:,|;|&|\band\b)\s*"
REF = re.compile(
    rf"\b(?P<word>Ref(?:erence)?s?)\b\.?\s*(?:no\.?\s*)?(?::\s*)?(?P<list>{_RANGE}(?:{_JOIN}{_RANGE})*)",
    re.IGNORECASE,
)
INFORMATION_RETURN = re.compile(r"\bIR\s?-?(\d{1,4}[a-z]?)\b")
RANGE = re.compile(rf"^({_NUMBER})\s*(?:-|–|—|to)\s*({_NUMBER})$")
# A citation's numbers never run past a year: "(Ref 12, 2023)" cites one document.
YEAR = re.compile(r"^(?:19|20)\d\d$")
# "Ref 12-140" is more likely a typing slip than a citation of 129 documents.
MAX_RANGE = 30


def find_refs(text: str) -> tuple[str, ...]:
    """Every evidence-library reference in ``text``, normalised, in order, once each.

    >>> find_refs("as our strategy shows ([Ref 35](#), [36](#)) and (IR5)")
    ('Ref 35', 'Ref 36', 'IR5')
    >>> find_refs("see Ref. 12-14 and (Refs 3, 4 and 9)")
    ('Ref 12', 'Ref 13', 'Ref 14', 'Ref 3', 'Ref 4', 'Ref 9')
    """
    # Every reference holds a number, most passages none; a link is "](" whole.
    if not has_digit(text):
        return ()
    plain = LINK.sub(r"\1", text) if "](" in text else text
    found: list[tuple[int, str]] = []
    if mentions(plain, "ref"):
        for match in REF.finditer(plain):
            if len(match["word"]) > 4 and YEAR.match(match["list"][:4]):
                continue  # "Reference 2014 Act" names a year, not a document
            found.extend((match.start(), f"Ref {n}") for n in _numbers(match["list"]))
    if "IR" in plain:
        for match in INFORMATION_RETURN.finditer(plain):
            found.append((match.start(), f"IR{match[1]}"))
    found.sort(key=lambda pair: pair[0])
    return tuple(dict.fromkeys(ref for _, ref in found))


def _numbers(listed: str) -> list[str]:
    numbers: list[str] = []
    parts = re.split(_JOIN, listed, flags=re.IGNORECASE)
    for index, part in enumerate(p.strip() for p in parts):
        if not part:
            continue
        if index and YEAR.match(part):
            break
        if span := RANGE.match(part):
            numbers.extend(_expand(span[1], span[2]))
        else:
            numbers.append(part.lower() if part[-1].isalpha() else part)
    return numbers


def _expand(first: str, last: str) -> list[str]:
    if not (first.isdigit() and last.isdigit()):
        return [first, last]
    low, high = int(first), int(last)
    if low < high <= low + MAX_RANGE:
        return [str(n) for n in range(low, high + 1)]
    return [first, last]
