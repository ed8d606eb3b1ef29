"""Dates and times as councils write them, turned into ISO dates and HH:MM.

Handles "Friday 9 November 2018", "10th September 2018", "9/11/18",
"9 Nov 2018", "November 9, 2018", "2018-11-09", "10.00 am", "2pm", "14:30".
Every function returns ``None`` rather than raising on text it cannot read.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"

DAY_MONTH = re.compile(
    rf"\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH}\b\.?,?(?:\s+{_YEAR}\b)?", re.IGNORECASE
)
MONTH_DAY = re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE)
NUMERIC = re.compile(r"\b(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)[/.](?P<year>\d{4}|\d\d)\b")
ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")

TIME = re.compile(
    r"\b(?P<hour>[01]?\d|2[0-3])(?:[.:](?P<minute>[0-5]\d))?\s*"
    r"(?P<meridiem>a\.?\s?m\b\.?|p\.?\s?m\b\.?|noon\b)?",
    re.IGNORECASE,
)


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _year(text: str | None, default_year: int | None) -> int | None:
    if not text:
        return default_year
    year = int(text)
    return year + 2000 if year < 100 else year


def find_dates(text: str, default_year: int | None = None) -> list[tuple[int, str]]:
    """Every date in ``text`` as ``(offset, ISO date)``, in order of offset.

    A date without a year ("Wednesday 9th November") takes ``default_year``
    and is skipped when there is none.
    """
    found: dict[int, str] = {}
    taken: list[range] = []

    def add(start: int, end: int, iso: str | None) -> None:
        if iso and not any(start in span for span in taken):
            found[start] = iso
            taken.append(range(start, end))

    for match in ISO.finditer(text):
        add(match.start(), match.end(), _iso(*(int(match[k]) for k in ("year", "month", "day"))))
    for match in MONTH_DAY.finditer(text):
        month = MONTHS[match["month"][:3].lower()]
        add(match.start(), match.end(), _iso(int(match["year"]), month, int(match["day"])))
    for match in DAY_MONTH.finditer(text):
        year = _year(match["year"], default_year)
        if year is not None:
            month = MONTHS[match["month"][:3].lower()]
            add(match.start(), match.end(), _iso(year, month, int(match["day"])))
    for match in NUMERIC.finditer(text):
        year = _year(match["year"], None)
        if year is not None and 1990 <= year <= 2100:
            add(match.start(), match.end(), _iso(year, int(match["month"]), int(match["day"])))
    return sorted(found.items())


def parse_date(text: str, default_year: int | None = None) -> str | None:
    """The first date in ``text`` as ``YYYY-MM-DD``, or ``None``.

    >>> parse_date("Friday 9 November 2018")
    '2018-11-09'
    """
    dates = find_dates(text, default_year)
    return dates[0][1] if dates else None


def parse_time(text: str) -> str | None:
    """The first clock time in ``text`` as 24-hour ``HH:MM``, or ``None``.

    A bare number counts only with am/pm ("2pm"); "10.00" and "14:30" count
    without. Dates such as "9.11.18" are not times.

    >>> parse_time("at 10.00 am on Friday")
    '10:00'
    """
    for match in TIME.finditer(text):
        minute, meridiem = match["minute"], (match["meridiem"] or "").lower()
        if minute is None and not meridiem:
            continue
        after = text[match.end() : match.end() + 1]
        if (
            not meridiem
            and after in {".", "/"}
            and text[match.end() + 1 : match.end() + 2].isdigit()
        ):
            continue  # part of a numeric date
        hour = int(match["hour"])
        if meridiem.startswith("p") and hour < 12:
            hour += 12
        elif meridiem.startswith("a") and hour == 12:
            hour = 0
        elif meridiem.startswith("noon"):
            hour = 12
        if meridiem and hour > 23:
            continue
        return f"{hour:02d}:{int(minute or 0):02d}"
    return None


def year_of(iso: str | None) -> int | None:
    """The year of an ISO date, or ``None``."""
    if iso and len(iso) >= 4 and iso[:4].isdigit():
        return int(iso[:4])
    return None
