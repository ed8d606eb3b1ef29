"""Figures as written in prose: find each number, read its value and unit, and
say which numbers are not figures at all (dates, years, page and section
numbers, phone numbers, postcodes, reference codes, ages, time windows).

Every pattern is compiled once; each line is scanned left to right once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assure.extracting.figures.labels import (
    HEADING_AFTER,
    HEADING_REACH,
    LIST_MARKER,
    OR_MORE_AFTER,
    is_age,
    is_band,
    is_percent_band,
    skipped,
)
from assure.extracting.figures.screening import any_of, has_digit

# A number not glued to letters, slashes or other digits ("A231", "1/11/2018",
# "COVID-19", "Q3" are not figures), nor to a closing bracket ("(CDP)1" is a
# footnote mark); a minus sign, "£" and a scale ("m", "bn") may surround it.
NUMBER = re.compile(
    r"(?<![\w.£$/:\-–)\]])(?P<minus>[-−](?=£?\d))?(?P<pound>£\s?)?"
    r"(?P<digits>\d{1,3}(?:,\s?\d{3})+(?:\.\d+)?|\d+(?:\.\d+)*)"
    r"(?:\s?(?P<scale>bn|billion|m|million|k|thousand)\b)?"
    r"(?![\w/]|:\d|\.\d)"
)
DIGIT = re.compile(r"\d")
# A dash straight after a figure is a range's, not a minus sign: "£12m -17m".
AFTER_FIGURE = re.compile(r"(?:\d|\d[%mk]|£\d[\d.,]*(?:m|bn|k)?)\s*$")
# "£" with no number: a lost figure or a placeholder; "£m", "£000" name a unit.
POUND_ALONE = re.compile(
    r"£(?!\s?[\d(-])(?!\s?['’]?(?:m|bn|k|000|million|billion|thousand)s?\b)", re.IGNORECASE
)
PERCENT = re.compile(r"^\s?(?:%|per\s?cent\b|percent\b)")
PERCENT_BAND = re.compile(r"^\s+(?:most|least)\s+(?:deprived|affluent)\b", re.IGNORECASE)
PERCENT_RANGE = re.compile(r"^\s?(?:-|–|to)\s?(\d+(?:\.\d+)?)\s?(?:%|per\s?cent\b|percent\b)")
POINTS = re.compile(r"^\s?(?:(?:percentage|%)\s?points?\b|p\.\s?p\.|pp\b)", re.IGNORECASE)
OUT_OF = re.compile(r"^\s+out\s+of\s+(\d+(?:\.\d+)?)\b", re.IGNORECASE)
IN_RATIO = re.compile(r"^\s+in\s+(\d{1,3})\b(?![/\-]\d)", re.IGNORECASE)
DURATION = re.compile(
    r"^\s?(?:(?:working|calendar|school|clear|consecutive)\s+)?"
    r"(days?|weeks?|years?|yrs?|months?|hours?|hrs?|minutes?|mins?|seconds?|secs?)\b",
    re.IGNORECASE,
)
# "10 Point Improvement Plan", "a 2 year period", "12 month action plan": a number
# naming or qualifying a thing, not measuring it.
COMPOUND = re.compile(
    r"^[\s-]?(?:point|step|stage|tier|year|month|week|day|hour)[\s-]+(?!old\b|olds\b|ago\b)[A-Za-z]"
    r"|^\s(?:ways|steps|pillars|principles)\s+(?:to|of)\b",  # "the 5 ways to wellbeing": a name
    re.IGNORECASE,
)
# "ranked 64 out of 152": a league-table position, kept as one figure with unit "rank".
RANK_BEFORE = re.compile(r"\b(?:rank(?:ed|s|ing)?|placed|position(?:ed)?)\s+(?:\w+\s+)?$", re.I)
RANGE_TAIL = re.compile(r"^-?\s?(?:-|–|to|and|or)\s?\d+-?")
# "at 12 months", "within 28 days", "for at least 12 weeks": a time that defines
# or dates something, not a duration measured.
WINDOW_BEFORE = re.compile(
    r"\b(?:within|last|next|past|after|every|each|per|for the|over the|up to|in the|once|at|over"
    r"|previous|preceding|prior|first|final|remaining"
    r"|at least|at most|more than|less than|fewer than|for at least|for more than|for over"
    r"|for up to)\s+(?:between\s+)?$",
    re.IGNORECASE,
)
# "91 days after discharge", "12 months of age", "three years ago"
AGO_AFTER = re.compile(
    r"^\s+(?:ago|earlier|later|from now|previously|before|after|following|of age|old)\b",
    re.IGNORECASE,
)
AND_OVER = re.compile(r"^\s+(?:and|or)\s+(?:over|older|above|under|younger)\b", re.IGNORECASE)
UNDER = re.compile(r"\bunder\s+$", re.IGNORECASE)
# "12 weeks and 6 days": the second part of one time
TIME_BEFORE = re.compile(r"\d\s?(?:days?|weeks?|months?|years?)\s+and\s+$", re.IGNORECASE)
# "offered at 2, 3 and 4 months": a list of numbers takes the unit of its last
LISTED_UNIT = re.compile(
    r"^(?:\s?,\s?\d+)*\s?(?:,|and|or|to|-|–)\s?\d+\s?"
    r"(days?|weeks?|months?|years?|hours?|minutes?|seconds?)\b",
    re.IGNORECASE,
)
# "CIN 1 CIN 2 CIN 3": columns or items coded by one word and a number
# (The capital is matched before the character behind it is looked at, as "\b"
# would, so that a scan jumps from capital to capital.)
CODED = re.compile(r"([A-Z](?<!\w[A-Z])[A-Za-z]*)[ _](\d{1,3})\b")
# Where a code's number starts: every match of CODED holds one, its own (a digit
# after a space or "_", matched before what is behind it is looked at, so that a
# scan jumps from digit to digit).
CODE_NUMBER = re.compile(r"\d(?<=[ _]\d)")
URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\S+")
JOINER = re.compile(r"^\s*(?:and|or|to|&|-|–)\s*$", re.IGNORECASE)
RANGE_START = re.compile(r"\bbetween\s+(?:£\s?)?$", re.IGNORECASE)
STREET_AFTER = re.compile(
    r"^(?:\s?[-–]\s?\d+)?\s+(?:[A-Z][a-z]+\s+){1,2}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Way"
    r"|Close|Drive|Place|Square|Terrace|Crescent|Court|Park|Hill|Gardens)\b\.?"
)
DASHES = ("-", "–")
YEAR = re.compile(r"(?:19|20)\d\d")
FROM_BEFORE = re.compile(r"\b(?:from|between)\b[^.;]*$", re.IGNORECASE)
# What may follow a number and make it more than a bare count: any of the
# patterns ``classify`` asks of the words after it.
UNIT_AFTER = any_of(
    POINTS, PERCENT, PERCENT_RANGE, OUT_OF, IN_RATIO, RANGE_TAIL, COMPOUND, DURATION, LISTED_UNIT
)
SCALES = {"bn": 1e9, "billion": 1e9, "m": 1e6, "million": 1e6, "k": 1e3, "thousand": 1e3}
DURATION_UNITS = {"day": "days", "week": "weeks", "year": "years", "yr": "years"}


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure in a line: where it is, what it says, and in what unit."""

    start: int
    end: int
    text: str
    value: float | None
    unit: str | None
    malformed: bool = False
    denominator: float | None = None  # "3 in 5", "18.9 out of 24"


def number_value(digits: str) -> tuple[float | None, bool]:
    """The value of a written number and whether it was malformed ("1.2.3", "21, 000")."""
    if digits.count(".") > 1:
        return None, True
    malformed = ", " in digits
    try:
        return float(digits.replace(",", "").replace(" ", "")), malformed
    except ValueError:
        return None, True


def numbered_title(line: str, start: int, end: int, digits: str, duration: re.Match[str]) -> bool:
    """Whether a number and a capitalised unit word open a numbered title
    ("45 Minutes of the Previous Meeting"), not a duration ("45 minutes")."""
    if not LIST_MARKER.match(line[:start]) or not digits.isdigit() or len(digits) > 3:
        return False
    if not duration.group(1)[:1].isupper():
        return False
    rest = line[end + duration.end() :]
    if len(line) - end > HEADING_REACH:
        return False  # a long line is no title (and is not re-read per number)
    return bool(re.match(r"^\s*[:–-]?\s*[A-Za-z(]", rest)) and bool(HEADING_AFTER.match(line[end:]))


def signed(match: re.Match[str], value: float | None) -> float | None:
    return -value if value is not None and match["minus"] else value


def range_end(line: str, match: re.Match[str]) -> bool:
    """Whether a dash before a number closes a range after a figure ("£12m -17m")
    rather than signing a value of its own ("£10.0m -£27.8m")."""
    return (
        bool(match["minus"])
        and not match["pound"]
        and bool(AFTER_FIGURE.search(line[: match.start()]))
    )


def money(line: str, match: re.Match[str], value: float | None) -> Figure | None:
    if is_band(line, match.start()):
        return None  # "Significant risks (over £10m)": a band's bound
    scale = SCALES.get((match["scale"] or "").lower(), 1.0)
    return Figure(
        match.start(),
        match.end(),
        match.group(0),
        value * scale if value is not None else None,
        "gbp",
        match["digits"] != match["digits"].strip() or ", " in match["digits"],
    )


def ages(before: str, after: str, value: float | None) -> bool:
    """Whether a time is someone's age: "aged 16 years and over", "15 year olds",
    "(under 75 years)", "young people over 10 years"."""
    if value is None or value != int(value):
        return False
    tail = DURATION.sub("", after, count=1)
    return (
        is_age(before, after, int(value))
        or bool(AND_OVER.match(tail))
        or (bool(UNDER.search(before)) and value <= 100)
    )


def duration_figure(
    line: str, start: int, end: int, digits: str, value: float | None, malformed: bool
) -> Figure | None:
    """A number before a time unit: a duration, or a time that dates or defines."""
    after = line[end : end + 40]
    duration = DURATION.match(after) or LISTED_UNIT.match(after)
    if duration is None:
        return None
    before = line[max(0, start - 40) : start]
    if WINDOW_BEFORE.search(before) or TIME_BEFORE.search(before) or ages(before, after, value):
        return None
    if skipped(line, start, end, digits, False) and not DURATION.match(after):
        return None  # "aged 2, 3 and 4 months"
    if DURATION.match(after) is None and not RANGE_START.search(before):
        return None  # one of a list: the list's last number carries the unit
    if numbered_title(line, start, end, digits, duration):
        return None
    rest = line[end + duration.end() :]
    if AGO_AFTER.match(rest) or OR_MORE_AFTER.match(rest):
        return None
    word = duration.group(1).lower().rstrip("s")
    return Figure(
        start,
        end + duration.end(),
        line[start : end + duration.end()],
        value,
        DURATION_UNITS.get(word),
        malformed,
    )


def classify(line: str, match: re.Match[str]) -> Figure | None:
    """The figure a number match stands for, or ``None`` when it is not a figure."""
    digits, start, end = match["digits"], match.start(), match.end()
    value, malformed = number_value(digits)
    value = signed(match, value)
    if match["pound"]:
        return money(line, match, value)
    if match["scale"]:
        end = match.start("scale") - (1 if line[match.start("scale") - 1] == " " else 0)
        if match["scale"].lower() != "m" and value is not None:
            # "6.9k followers", "1.5 million new trees" ("5m" may be metres: left alone)
            return Figure(
                start, match.end(), match.group(0), value * SCALES[match["scale"].lower()], "count"
            )
    after = line[end : end + 40]
    if not UNIT_AFTER.match(after):
        # no unit, ratio, range, compound or time follows: a count, unless it is no figure
        return count(line, start, end, digits, value, malformed)
    if points := POINTS.match(after):
        # "rose 2 percentage points": a change in a percentage, a unit of its own
        return Figure(start, end + points.end(), line[start : end + points.end()], value, None)
    if percent := PERCENT.match(after):
        band = PERCENT_BAND.match(after[percent.end() :]) or is_percent_band(line, start)
        if skipped(line, start, end, digits, True) or band:
            return None  # "among the 10% most deprived": a band, not a measure
        return Figure(
            start,
            end + percent.end(),
            line[start : end + percent.end()],
            value,
            "percent",
            malformed,
        )
    if (span := PERCENT_RANGE.match(after)) and not YEAR.fullmatch(digits):
        return Figure(
            start, end + span.end(), line[start : end + span.end()], value, "percent", malformed
        )
    if out_of := OUT_OF.match(after):
        ranked = RANK_BEFORE.search(line[max(0, start - 30) : start])
        return Figure(
            start,
            end + out_of.end(),
            line[start : end + out_of.end()],
            value,
            "rank" if ranked else "score",
            malformed,
            float(out_of.group(1)),
        )
    ratio = IN_RATIO.match(after)
    if (
        ratio
        and value is not None
        and 0 < value <= float(ratio.group(1)) <= 100
        and not skipped(line, start, end, digits, False)
    ):
        denominator = float(ratio.group(1))
        return Figure(
            start,
            end + ratio.end(),
            line[start : end + ratio.end()],
            value / denominator,
            "ratio",
            malformed,
            denominator,
        )
    range_tail = RANGE_TAIL.match(after)
    tail = after[range_tail.end() :] if range_tail else after
    if COMPOUND.match(tail) and (value != 1 or range_tail):
        return None
    if range_tail and DURATION.match(tail):
        glued = range_tail.group(0).startswith("-")
        if glued or WINDOW_BEFORE.search(line[max(0, start - 30) : start]):
            return None  # "over the past 12-18 months", "3-5 years": a time window or span
    if DURATION.match(after) or LISTED_UNIT.match(after):
        return duration_figure(line, start, end, digits, value, malformed)
    return count(line, start, end, digits, value, malformed)


def count(
    line: str, start: int, end: int, digits: str, value: float | None, malformed: bool
) -> Figure | None:
    """A bare number as a count, unless it is no figure at all."""
    if skipped(line, start, end, digits, False):
        return None
    if value is None and not malformed:
        return None
    return Figure(start, end, line[start:end], value, "count", malformed)


def is_range(line: str, first: Figure, second: re.Match[str]) -> bool:
    """Whether "400 to 700 staff" is one figure, a range: a bare count joined by
    "to" or a dash to the next, with no "from" before ("from 512 to 598" are two)."""
    if first.unit != "count" or second["pound"] or PERCENT.match(line[second.end() :]):
        return False
    return not FROM_BEFORE.search(line[max(0, first.start - 25) : first.start])


def coded(line: str) -> set[int]:
    """Where the numbers of codes repeated along a line start ("CIN 1 CIN 2 CIN 3")."""
    if line.count(" ") < 4 or len(CODE_NUMBER.findall(line)) < 3:
        return set()  # three codes of a word are needed, each with a number of its own
    by_word: dict[str, list[int]] = {}
    for match in CODED.finditer(line):
        by_word.setdefault(match[1], []).append(match.start(2))
    return {start for starts in by_word.values() if len(starts) >= 3 for start in starts}


def figures_in(line: str) -> list[Figure]:
    """Every figure in one line of prose, left to right.

    A number joined by "and", "or", "to" or a dash to one that is not a figure
    ("years 5 and 6") is not one either; the second end of a range
    ("between 40 and 58") belongs to the first.
    """
    if not has_digit(line) and "£" not in line:
        return []
    urls = (
        [m.span() for m in URL.finditer(line)]
        if ("www" in line or "http" in line or "@" in line)
        else []
    )
    found: list[Figure] = []
    last_end, last_was_figure = -1, True
    url = 0
    codes: set[int] | None = None  # read at the first number: many lines have none
    # A number starts at most three characters ("-£ ") before its first digit, so
    # the words before the line's first digit are not scanned.
    first = DIGIT.search(line)
    numbers = NUMBER.finditer(line, max(0, first.start() - 3)) if first else ()
    for match in numbers:
        while url < len(urls) and urls[url][1] <= match.start():
            url += 1
        in_url = url < len(urls) and urls[url][0] <= match.start()
        if match.start() < last_end or in_url:
            continue
        if codes is None:
            codes = coded(line)
        if match.start("digits") in codes or range_end(line, match):
            last_end, last_was_figure = match.end(), False
            continue
        joined = last_end >= 0 and JOINER.match(line[last_end : match.start()])
        if joined and (
            not last_was_figure
            or RANGE_START.search(line[: found[-1].start] if found else "")
            or (found and is_range(line, found[-1], match))
        ):
            last_end = match.end()
            continue
        after = line[match.end() : match.end() + 40]
        # every street opens with a space or a dash; most figures go on with neither
        opening = after[:1]
        if (opening.isspace() or opening in DASHES) and STREET_AFTER.match(after):
            last_end, last_was_figure = match.end(), False
            continue
        figure = classify(line, match)
        # "from 125,300 in 2022 to 166,100": a year is no label that a range carries on
        last_was_figure = figure is not None or YEAR.fullmatch(match.group(0)) is not None
        if figure is not None:
            found.append(figure)
            last_end = figure.end
        else:
            last_end = match.end()
    if "£" in line:
        for alone in POUND_ALONE.finditer(line):
            found.append(Figure(alone.start(), alone.end(), "£", None, "gbp", malformed=True))
        found.sort(key=lambda f: f.start)
    return found
