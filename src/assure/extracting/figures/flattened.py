"""Table rows that PDF text extraction flattened into one line of words and
values: "Journey Time Benefits £155.4m £221.0m £149.6m £56.7m", "855 Essex - -
238.00 285.70", "TOTAL £m 334.7 290.0".

The words name what every value on the row measures (the columns' own names
are lost); a leading code ("855") is the row's key, not a figure, and a row
keyed by a code names an entity (an area, a provider), so its values are left
unnamed. The unit comes from the value itself ("12%", "£3.2m"), from a marker in
the row's words ("£m", "£000") or from a line of markers over the columns
("£m £m"); a value in brackets ("(8,021)") or with a minus sign is negative.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assure.extracting.figures.context import geography_in
from assure.extracting.figures.labels import labelled
from assure.extracting.figures.numbers import SCALES, number_value
from assure.extracting.figures.screening import has_digit

VALUE = r"(?:[-−]?£?[-−]?\(?£?\d[\d,]*(?:\.\d+)?\)?(?:m|bn|k)?%?\*?|[-–—]|n/a|N/A)"
# "855 Essex - - 238.00 285.70", "CI 855 Leicestershire ...", "938 West Sussex -15.90 41 B"
ROW = re.compile(
    rf"^(?:[A-Z]{{1,3}}\s+(?=\d))?(?:(?P<code>\d{{2,4}})\s+)?(?P<label>[A-Za-z£(][^\t]*?[A-Za-z)*'’])"
    rf"\s+(?P<values>{VALUE}(?:\s+{VALUE})*)(?:\s+[A-E])?\s*$"
)
# The last character of a row (the end of a value, or a grade), but a digit.
ROW_ENDS = frozenset(",)mnk%*-–—aABCDE")
TOKEN = re.compile(
    r"(?P<minus>[-−])?(?P<pound>£)?(?P<minus2>[-−])?(?P<open>\()?£?"
    r"(?P<digits>\d[\d,]*(?:\.\d+)?)(?P<close>\))?(?P<scale>m|bn|k)?(?P<percent>%)?"
)
# "£m", "£000", "£'000", "(£ million)": money in a scale
MONEY_MARKER = re.compile(
    r"\(?£\s?['’]?(?P<scale>m|bn|k|000|million|billion|thousand)s?\b\)?", re.IGNORECASE
)
MARKERS_ONLY = re.compile(
    r"^(?:\(?£\s?['’]?(?:m|bn|k|000|million|billion|thousands?)s?\)?\s*)+$", re.IGNORECASE
)
PROSE_END = frozenset(
    ["of", "to", "the", "and", "was", "were", "is", "are", "by", "from", "at", "in", "for",
     "with", "than", "a", "an", "as", "or", "per", "about", "over", "under", "between",
     "around", "approximately"]
)  # fmt: skip
MARKER_SCALES = {"000": 1e3, "thousand": 1e3, "k": 1e3, "m": 1e6, "million": 1e6}
MARKER_SCALES |= {"bn": 1e9, "billion": 1e9}


@dataclass(frozen=True)
class Cell:
    text: str
    value: float
    unit: str


@dataclass(frozen=True)
class FlatRow:
    measure: str | None
    cells: tuple[Cell, ...]


def column_scale(text: str) -> float | None:
    """The money scale a line of unit markers sets over the columns below it."""
    if "£" not in text or not MARKERS_ONLY.match(text.strip()):  # every marker has a "£"
        return None
    match = MONEY_MARKER.search(text)
    return MARKER_SCALES[match["scale"].lower()] if match else None


def cell(token: str, money_scale: float | None) -> Cell | None:
    match = TOKEN.fullmatch(token.rstrip("*"))
    if match is None:
        return None
    value, malformed = number_value(match["digits"])
    if value is None or malformed:
        return None
    if match["minus"] or match["minus2"] or (match["open"] and match["close"]):
        value = -value
    if match["percent"]:
        return Cell(token, value, "percent")
    if match["pound"]:
        return Cell(token, value * SCALES.get(match["scale"] or "", 1.0), "gbp")
    if money_scale is not None:
        return Cell(token, value * money_scale, "gbp")
    return Cell(token, value, "count")


def flattened_row(text: str, money_scale: float | None = None) -> FlatRow | None:
    """The row a line of words and two or more values stands for, or ``None``."""
    if "\t" in text or not has_digit(text):
        return None
    stripped = text.strip()
    if not (stripped[-1:].isdigit() or stripped[-1:] in ROW_ENDS):
        return None  # no value ends the line, as a row's last value (or grade) must
    match = ROW.match(stripped)
    if match is None:
        return None
    label = match["label"].strip()
    words = label.split()
    if words[-1].lower() in PROSE_END or label.endswith(("(", ",")):
        return None
    if labelled(label + " "):
        return None  # "Pages 9 - 44": numbers that label
    marker = MONEY_MARKER.search(label)
    if marker is not None:
        money_scale = MARKER_SCALES[marker["scale"].lower()]
        label = (label[: marker.start()] + label[marker.end() :]).strip(" -–:")
    cells = [cell(token, money_scale) for token in match["values"].split()]
    found = tuple(c for c in cells if c is not None)
    if len(found) < (1 if match["code"] else 2):
        return None
    measure = label.rstrip("*").strip() or None
    if (
        match["code"]
        or (geography_in(measure or "", None) or "").lower() == (measure or "").lower()
    ):
        measure = None  # a row of an area ("855 Essex", "England"): its columns say what
    return FlatRow(measure, found)
