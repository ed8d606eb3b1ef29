"""Figures as written in prose: find each number, read its value and unit, and
say which numbers are not figures at all (dates, years, page and section
numbers, phone numbers, postcodes, reference codes, ages, time windows).

Every pattern is compiled once; each line is scanned left to right once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# A number not glued to letters, slashes or other digits ("A231", "1/11/2018",
# "COVID-19", "Q3" are not figures); "£" and a scale ("m", "bn") may surround it.
NUMBER = re.compile(
    r"(?<![\w.£$/:\-–])(?P<pound>£\s?)?"
    r"(?P<digits>\d{1,3}(?:,\s?\d{3})+(?:\.\d+)?|\d+(?:\.\d+)*)"
    r"(?:\s?(?P<scale>bn|billion|m|million|k|thousand)\b)?"
    r"(?![\w/]|:\d|\.\d)"
)
ASCII_DIGIT = re.compile(r"[0-9]")
POUND_ALONE = re.compile(r"£(?!\s?\d)")
PERCENT = re.compile(r"^\s?(?:%|per\s?cent\b|percent\b)")
PERCENT_RANGE = re.compile(r"^\s?(?:-|–|to)\s?(\d+(?:\.\d+)?)\s?%")
OUT_OF = re.compile(r"^\s+out\s+of\s+(\d+(?:\.\d+)?)\b", re.IGNORECASE)
IN_RATIO = re.compile(r"^\s+in\s+(\d{1,3})\b(?![/\-]\d)", re.IGNORECASE)
DURATION = re.compile(
    r"^\s?(days?|weeks?|years?|yrs?|months?|hours?|hrs?|minutes?|mins?|seconds?|secs?)\b",
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
YEARS_OLD = re.compile(r"^[\s-]?years?[\s-]+olds?\b", re.IGNORECASE)
# "3 - Evidence shows a good standard": a dash between a label's number and its words.
LABEL_DASH = re.compile(r"^\s[-–:]\s?(?=\s?[A-Z])")
RANGE_TAIL = re.compile(r"^\s?[-–]\s?\d+")
TIME_OF_DAY = re.compile(r"^\s?(?:a\.?m\b|p\.?m\b|noon\b|hrs\b)", re.IGNORECASE)
ORDINAL_OR_MONTH_AFTER = re.compile(rf"^\s?(?:st|nd|rd|th)?\s?{MONTH}\b", re.IGNORECASE)
MONTH_BEFORE = re.compile(rf"\b{MONTH}\.?\s?$", re.IGNORECASE)
NOT_A_FIGURE_BEFORE = re.compile(
    r"(?:\b(?:page|pages|p\.|pp\.?|section|sections|s\.|part|appendix|annex|chapter|item|items"
    r"|minute|minutes|ref|reference|paragraph|para|paras|priority|theme|level|levels|year|years"
    r"|key stage|phase|tier|step|route|stage|objective|outcome|recommendation|rec|table|figure"
    r"|no\.?|version|v|ward|room|floor|question|box|line|lines|clause|regulation|article"
    r"|schedule|standard|grade|band|cohort|wave|round|unit|block|bus|flat|house|tel|telephone"
    r"|phone|mobile|fax|ext|extension|o|r|quarter|qtr|per|junction|junctions|j|exit|platform"
    r"|gate|bay|zone|plot|lot|site|carriageway|lane)\s?|#)$",
    re.IGNORECASE,
)
# "Junction 1b to 3", "items 4 and 5", "pages 9-12": the second number labels too.
LABEL_RANGE_BEFORE = re.compile(
    r"\b(?:junctions?|j|routes?|items?|sections?|pages?|paras?|paragraphs?|appendix|appendices"
    r"|levels?|years?|phases?|stages?|wards?|priorities|priority|objectives?|recommendations?"
    r"|refs?|references?)"
    r"\s?\d+[a-z]?(?:\s?(?:,|and|&)\s?\d+[a-z]?)*\s?(?:to|and|or|-|–|&|,)\s?$",
    re.IGNORECASE,
)
AGE_BEFORE = re.compile(
    r"(?:\b(?:aged|ages|age)\s+(?:over\s+|under\s+|between\s+|of\s+)?(?:\d+\s*(?:and|to|-|–)\s*)?"
    r"|\b(?:people|persons|adults|residents|those|men|women|children|population)\s+"
    r"(?:over|under)\s+"
    # "most people were over 75", "many will be over 90": an age after a verb of being
    r"|\b(?:people|persons|adults|residents|those|men|women|many|most|some|they|who)\s+"
    r"(?:were|are|was|is|will\s+be|would\s+be|to\s+be)\s+(?:aged\s+)?(?:over|under)\s+)$",
    re.IGNORECASE,
)
AGO_AFTER = re.compile(r"^\s+(?:ago|earlier|later|from now|previously|before)\b", re.IGNORECASE)
HEADING_AFTER = re.compile(r"^\s+[A-Z][A-Z0-9\s,&'’():/-]{2,}$|^\s+[A-Z][^.!?]{0,90}$")
WINDOW_BEFORE = re.compile(
    r"\b(?:within|last|next|past|after|every|each|per|for the|over the|up to|in the|once)\s+$",
    re.IGNORECASE,
)
PHONE_BEFORE = re.compile(r"(?:\b0\d{2,4}\s?|\+44\s?\(?0?\)?\s?\d*\s?)$")
LIST_MARKER = re.compile(r"^\s*(?:[-–•*]\s*)?$")
URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\S+")
JOINER = re.compile(r"^\s*(?:and|or|to|&|-|–)\s*$", re.IGNORECASE)
RANGE_START = re.compile(r"\bbetween\s+(?:£\s?)?$", re.IGNORECASE)
STREET_AFTER = re.compile(
    r"^(?:\s?[-–]\s?\d+)?\s+(?:[A-Z][a-z]+\s+){1,2}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Way"
    r"|Close|Drive|Place|Square|Terrace|Crescent|Court|Park|Hill|Gardens)\b\.?"
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


def skipped(line: str, start: int, end: int, digits: str, has_unit: bool) -> bool:
    """Whether the number at ``start``..``end`` is not a figure."""
    before = line[max(0, start - 40) : start]
    after = line[end : end + 30]
    if ORDINAL_OR_MONTH_AFTER.match(after) or TIME_OF_DAY.match(after):
        return True
    if MONTH_BEFORE.search(before) and not has_unit:
        return True
    if PHONE_BEFORE.search(before) or (digits.startswith("0") and len(digits) >= 4):
        return True
    if has_unit:
        return False
    if NOT_A_FIGURE_BEFORE.search(before) or LABEL_RANGE_BEFORE.search(before):
        return True
    plain = digits.replace(",", "")
    if plain.isdigit() and "," not in digits and 1900 <= int(plain) <= 2100:
        return True  # a year
    if before.endswith("[") and after.startswith("]"):
        return True  # a footnote mark "[3]", or the footnote it marks
    if LIST_MARKER.match(before) and ("." in digits or after[:1] in {".", ")"}):
        return True  # "1.2 The report", "3. Background", "2) item"
    label = LABEL_DASH.sub(" ", line[end:])
    if not before.strip() and len(plain) <= 2 and HEADING_AFTER.match(label):
        return True  # "7 ASSESSING NEEDS", "3 - Evidence shows ...": a numbered heading or label
    return bool(AGE_BEFORE.search(before))


def numbered_title(line: str, start: int, end: int, digits: str, duration: re.Match[str]) -> bool:
    """Whether a number and a capitalised unit word open a numbered title
    ("45 Minutes of the Previous Meeting"), not a duration ("45 minutes")."""
    if not LIST_MARKER.match(line[:start]) or not digits.isdigit() or len(digits) > 3:
        return False
    if not duration.group(1)[:1].isupper():
        return False
    rest = line[end + duration.end() :]
    return bool(re.match(r"^\s*[:–-]?\s*[A-Za-z(]", rest)) and bool(HEADING_AFTER.match(line[end:]))


def classify(line: str, match: re.Match[str]) -> Figure | None:
    """The figure a number match stands for, or ``None`` when it is not a figure."""
    digits, start, end = match["digits"], match.start(), match.end()
    value, malformed = number_value(digits)
    after = line[end : end + 40]
    if match["pound"]:
        scale = SCALES.get((match["scale"] or "").lower(), 1.0)
        return Figure(
            start,
            end,
            match.group(0),
            value * scale if value is not None else None,
            "gbp",
            malformed,
        )
    if match["scale"]:
        end = match.start("scale") - (1 if line[match.start("scale") - 1] == " " else 0)
        after = line[end : end + 40]
    if percent := PERCENT.match(after):
        if skipped(line, start, end, digits, True):
            return None
        return Figure(
            start,
            end + percent.end(),
            line[start : end + percent.end()],
            value,
            "percent",
            malformed,
        )
    if span := PERCENT_RANGE.match(after):
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
    if YEARS_OLD.match(tail):
        return None  # an age, not a figure
    if COMPOUND.match(tail) and (value != 1 or range_tail):
        return None
    window = WINDOW_BEFORE.search(line[max(0, start - 30) : start])
    if range_tail and window and DURATION.match(tail):
        return None  # "over the past 12-18 months": a time window
    if duration := DURATION.match(after):
        before = line[max(0, start - 30) : start]
        if WINDOW_BEFORE.search(before) or AGE_BEFORE.search(before):
            return None
        if numbered_title(line, start, end, digits, duration):
            return None
        if AGO_AFTER.match(line[end + duration.end() :]):
            return None
        word = duration.group(1).lower().rstrip("s")
        unit = DURATION_UNITS.get(word)
        return Figure(
            start, end + duration.end(), line[start : end + duration.end()], value, unit, malformed
        )
    if skipped(line, start, end, digits, False):
        return None
    if value is None and not malformed:
        return None
    return Figure(start, end, line[start:end], value, "count", malformed)


def _has_digit(line: str) -> bool:
    """Whether any character is a digit (``str.isdigit``), looked for at C
    speed: most lines are prose without one, and every line is asked."""
    if line.isascii():
        return ASCII_DIGIT.search(line) is not None
    return any(map(str.isdigit, line))


def figures_in(line: str) -> list[Figure]:
    """Every figure in one line of prose, left to right.

    A number joined by "and", "or", "to" or a dash to one that is not a figure
    ("years 5 and 6") is not one either; the second end of a range
    ("between 40 and 58") belongs to the first.
    """
    if not _has_digit(line) and "£" not in line:
        return []
    urls = (
        [m.span() for m in URL.finditer(line)]
        if ("www" in line or "http" in line or "@" in line)
        else []
    )
    found: list[Figure] = []
    last_end, last_was_figure = -1, True
    url = 0
    for match in NUMBER.finditer(line):
        while url < len(urls) and urls[url][1] <= match.start():
            url += 1
        in_url = url < len(urls) and urls[url][0] <= match.start()
        if match.start() < last_end or in_url:
            continue
        joined = last_end >= 0 and JOINER.match(line[last_end : match.start()])
        if joined and (
            not last_was_figure or RANGE_START.search(line[: found[-1].start] if found else "")
        ):
            last_end = match.end()
            continue
        if STREET_AFTER.match(line[match.end() : match.end() + 40]):
            last_end, last_was_figure = match.end(), False
            continue
        figure = classify(line, match)
        last_was_figure = figure is not None
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
