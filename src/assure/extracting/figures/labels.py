"""Numbers that are not figures: they date, label, locate, address or qualify
something instead of measuring it.

A figure is a measured quantity. Councils' documents are full of numbers that
are not: dates and years, page, section, paragraph, item and question numbers,
reference codes, phone numbers and postcodes, ages and age bands ("aged 65+",
"under 16", "18-25 year olds"), scales ("likelihood (1-5)"), the thresholds
that define an indicator ("within 28 days", "3 or more", "at 12 months") and
the numbers in names ("5-in-1", "Attainment 8"). ``skipped`` says, from the
words around a bare number (one with no unit of its own), which it is.

Every pattern is compiled once.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assure.extracting.figures.screening import (
    any_of,
    ends_with_any,
    for_folded,
    has_digit,
    holds_any,
    mentions,
)
from assure.normalising.folding import folded

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# "3rd March", "8 to 12 July" (a span of days before its month), "10.30 am"
ORDINAL_OR_MONTH_AFTER = re.compile(
    rf"^\s?(?:st|nd|rd|th)?\s?(?:(?:to|-|–|and)\s?\d{{1,2}}(?:st|nd|rd|th)?\s)?{MONTH}\b",
    re.IGNORECASE,
)
TIME_OF_DAY = re.compile(r"^\s?(?:a\.?m\b|p\.?m\b|noon\b|hrs\b)", re.IGNORECASE)
DATE_OR_TIME_AFTER = any_of(ORDINAL_OR_MONTH_AFTER, TIME_OF_DAY)  # asked of every number
# The same, read on folded text; every match opens (after at most two spaces) with
# a letter or a dash, and most numbers are followed by neither ("42%", "1,200,").
FOLDED_DATE_OR_TIME_AFTER = any_of(for_folded(ORDINAL_OR_MONTH_AFTER), for_folded(TIME_OF_DAY))
DASHES = ("-", "–")
MONTH_BEFORE = re.compile(rf"\b{MONTH}\.?\s?$", re.IGNORECASE)
FOLDED_MONTH_BEFORE = for_folded(MONTH_BEFORE)
# "Tel 01234 567890", "0300 123 1231": the groups after a number starting with 0
PHONE_BEFORE = re.compile(r"(?:\b0\d{2,6}\s?(?:\d{3,4}\s?)?|\+44\s?\(?0?\)?\s?\d*\s?)$")
NOT_A_FIGURE_BEFORE = re.compile(
    r"(?:\b(?:pages?|p\.|pp\.?|sections?|s\.|parts?|appendix|appendices|annex(?:es)?|chapters?"
    r"|items?|minutes?|refs?|references?|paragraphs?|paras?|priority|priorities|themes?|levels?"
    r"|years?|key stage|phases?|tiers?|steps?|routes?|stages?|objectives?|outcomes?"
    r"|recommendations?|recs?|tables?|figures?|no\.?|versions?|v|wards?|rooms?|floors?"
    r"|questions?|box|lines?|clauses?|regulations?|articles?|schedules?|standards?|grades?"
    r"|bands?|cohorts?|waves?|rounds?|units?|blocks?|bus|flat|house|tel|telephone|phone"
    r"|mobile|fax|ext|extension|o|r|quarters?|qtr|per|junctions?|j|exit|platforms?|gates?"
    r"|bays?|zones?|plots?|lots?|sites?|carriageway|lanes?|indicators?|codes?|nearest"
    r"|options?|selections?|every|exceeds?|jn|out of)\s?|#)$",
    re.IGNORECASE,
)
FOLDED_NOT_A_FIGURE_BEFORE = for_folded(NOT_A_FIGURE_BEFORE)
# The longest match of NOT_A_FIGURE_BEFORE: "recommendations", a space and the
# final newline that "$" may stand before.
LABEL_WORD_SPAN = 17
# "Junction 1b to 3", "items 4 and 5", "pages 9-12", "questions 8, 9 and 10": the
# later numbers label too.
LABEL_RANGE_BEFORE = re.compile(
    r"\b(?:junctions?|j|routes?|items?|sections?|pages?|paras?|paragraphs?|appendix|appendices"
    r"|levels?|years?|phases?|stages?|wards?|priorities|priority|objectives?|recommendations?"
    r"|refs?|references?|questions?|codes?)"
    r"\s?\d+[a-z]?(?:\s?(?:,|and|&)\s?\d+[a-z]?)*\s?(?:to|and|or|-|–|&|,)\s?$",
    re.IGNORECASE,
)
AGE_BEFORE = re.compile(
    r"(?:\b(?:aged|ages|age|age of|turn|turns|turned|turning)\s+(?:over\s+|under\s+|between\s+"
    r"|of\s+)?(?:\d+\s*(?:and|to|-|–)\s*)?"
    r"|\b(?:people|persons|adults|residents|those|men|women|children|population)\s+"
    r"(?:over|under)\s+"
    # "most people were over 75", "many will be over 90": an age after a verb of being
    r"|\b(?:people|persons|adults|residents|those|men|women|many|most|some|they|who)\s+"
    r"(?:were|are|was|is|will\s+be|would\s+be|to\s+be)\s+(?:aged\s+)?(?:over|under)\s+)$",
    re.IGNORECASE,
)
# "under 16", "Under 18 conceptions": below 26, "under" names a child's or a young
# person's age; "over 75" an older person's, unless a plural noun follows ("over
# 75 schools").
UNDER_BEFORE = re.compile(r"\bunder\s+$", re.IGNORECASE)
OVER_BEFORE = re.compile(r"\bover\s+$", re.IGNORECASE)
COUNTED_AFTER = re.compile(
    r"^\s+(?!years\b|yrs\b)(?:[a-z]+s\b|people|staff|children|young|adults?|men|women)"
)
# "65+", "80+": an age group; "5+ GCSEs": part of a measure's name
PLUS_AFTER = re.compile(r"^\+(?!\s?%)")
AGE_GROUP_AFTER = re.compile(r"^s\b")  # "under 25s", "over 50s"
AGE_BAND_AFTER = re.compile(r"^-?\s?(?:-|–|to|and|or)\s?\d+")
YEARS_OLD = re.compile(r"^[\s-]?(?:years?|yrs?)[\s-]+olds?\b", re.IGNORECASE)
# "At 18 individuals became adults", "but at 16, young people gain rights": an age
# "by the time they are 59", "beyond 18", "pre 5", "from birth to 19 years"
THEY_ARE_BEFORE = re.compile(
    r"\b(?:(?:they|he|she|who|you)\s+(?:are|were|turn|reach)|beyond|pre|pre-birth\s+to"
    r"|birth\s+to|pregnancy\s+to)[\s-]+$",
    re.IGNORECASE,
)
AT_AGE_BEFORE = re.compile(r"(?:^|[,.;:]\s*|\b(?:but|and|when|until|then|so)\s+)at\s+$", re.I)
# "16-25", "0-19", "18-25 section", "(1-5)": a band or scale, glued by a dash
GLUED_RANGE = re.compile(r"^[-–](\d{1,3})(?![\d.,%])")
SCALE_AFTER = re.compile(r"^\s*(?:to|-|–)\s*\d+\s+(?:point\s+)?scale\b", re.IGNORECASE)
# "3 or more behaviours", "age 13 or younger": a threshold in a definition
OR_MORE_AFTER = re.compile(
    r"^\s+or\s+(?:more|fewer|less|over|above|under|below|younger|older)\b", re.IGNORECASE
)
# "5-in-1", "5 A*-C", "3,SO4": a name, a grade, a list of codes split over lines
NAME_AFTER = re.compile(r"^(?:-in-\d|\s?(?:GCSEs?\s+)?A\*|,\s?[A-Z]{1,4}\d)")
# "145 people for 100 dependents": a rate's base
BASE = frozenset([10, 100, 1000, 10000, 100000])
FOR_BEFORE = re.compile(r"\b(?:for|per|in)\s+(?:every\s+)?$", re.IGNORECASE)
# "(Pages 461 - 610)" wrapped: the range closes a bracket opened on an earlier line
CLOSING_RANGE = re.compile(r"^\s*[-–]\s*\d+\s*\)")
OF_THE_FOLLOWING = re.compile(r"^\s+of\s+the\s+following\b", re.IGNORECASE)
BAND_BEFORE = re.compile(r"\(\s*(?:over|under|above|below|more than|less than)\s+$", re.I)
# "Selection 1:", "KPI 9:": a label's number before its colon
LABEL_COLON = re.compile(r"^\s*[:.](?!\d)")
LABEL_WORD_BEFORE = re.compile(r"(?:^|\s)[A-Z][A-Za-z]*\s$")
# How far before a number a label's word is looked for: a bounded tail, so a long
# line is not re-read once for each of its numbers.
LABEL_REACH = 80
LIST_MARKER = re.compile(r"^\s*(?:[-–•*]\s*)?$")
PAREN_MARKER = re.compile(r"^\s*\(\s*$")
LABEL_DASH = re.compile(r"^\s[-–:]\s?(?=\s?[A-Z])")
HEADING_AFTER = re.compile(r"^\s+[A-Z][A-Z0-9\s,&'’():/-]{2,}$|^\s+[A-Z][^.!?]{0,90}$")
HEADING_REACH = 300  # characters after a heading's number; a longer line is no heading
# "3 to 7 November 2025 4": a running head's dates and the page's number
HEAD_DATE_BEFORE = re.compile(
    rf"\b\d{{1,2}}\s*(?:to|-|–)\s*\d{{1,2}}\s+{MONTH}\s+(?:19|20)\d\d\s+$", re.IGNORECASE
)
YEAR_SPAN_BEFORE = re.compile(r"\b(?:19|20)\d\d\s?[-–]\s?$")
WORD_RANGE_BEFORE = re.compile(
    r"\b(?:zero|none|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:to|or|-|–)\s+$",
    re.IGNORECASE,
)
# "amongst the poorest 10%", "the best 25% of councils": a band, not a measure
BAND_WORD_BEFORE = re.compile(
    r"\b(?:poorest|richest|wealthiest|most deprived|least deprived|best|worst|top|bottom)\s+$",
    re.IGNORECASE,
)
# Every pattern ``is_qualifier`` asks of the words after a number, in one: most
# numbers are followed by none of them.
QUALIFIER_AFTER = any_of(
    OR_MORE_AFTER, NAME_AFTER, SCALE_AFTER, OF_THE_FOLLOWING, CLOSING_RANGE, PLUS_AFTER, GLUED_RANGE
)
MAX_AGE = 110
# Words each pattern needs (in any case): text without one is not searched.
AGE_WORDS = ("age", "turn", "over", "under")
THEY_ARE_WORDS = ("are", "were", "turn", "reach", "beyond", "pre", "birth")
NUMBER_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"
)  # fmt: skip
RANGE_JOINS = ("to", "and", "or", "-", "–", "&", ",")  # how LABEL_RANGE_BEFORE ends
DIGITS = tuple("0123456789")


def labelled(before: str) -> bool:
    """Whether ``before`` ends with a word that labels the number after it
    ("page", "tel", "no."): ``NOT_A_FIGURE_BEFORE``, read over the longest
    span a match can take at the end and the character before it (which its
    word boundary reads). Those few characters recur ("There were ", "rose
    by "), so what they say is kept."""
    return labelled_end(before[-(LABEL_WORD_SPAN + 1) :])


@lru_cache(maxsize=4096)
def labelled_end(end: str) -> bool:
    start = max(0, len(end) - LABEL_WORD_SPAN)
    return FOLDED_NOT_A_FIGURE_BEFORE.search(folded(end), start) is not None


def is_date_or_time(line: str, start: int, end: int, has_unit: bool) -> bool:
    after = line[end : end + 30]
    opening = after.lstrip()[:1]
    if (opening.isalpha() or opening in DASHES) and FOLDED_DATE_OR_TIME_AFTER.match(folded(after)):
        return True
    if has_unit:
        return False
    # the month's name, a full stop, a space and a final newline: all MONTH_BEFORE can span
    before = folded(line[max(0, start - 40) : start])
    return bool(FOLDED_MONTH_BEFORE.search(before, max(0, len(before) - 12)))


def is_phone(line: str, start: int, digits: str) -> bool:
    if digits.startswith("0") and len(digits) >= 4:
        return True
    before = line[max(0, start - 40) : start]
    # every match holds a leading "0" or "+44"
    return ("0" in before or "+44" in before) and bool(PHONE_BEFORE.search(before))


def is_age(before: str, after: str, value: int) -> bool:
    if value > MAX_AGE:
        return False
    if YEARS_OLD.match(after) or AGE_GROUP_AFTER.match(after):
        return True
    if (band := AGE_BAND_AFTER.match(after)) and YEARS_OLD.match(after[band.end() :]):
        return True  # "16- and 17-year-olds"
    # The words before: each pattern is asked only where a word it needs is there.
    lowered = folded(before)
    if holds_any(lowered, AGE_WORDS) and AGE_BEFORE.search(before):
        return True
    if value <= 25 and "under" in lowered and UNDER_BEFORE.search(before):
        return True
    if 10 <= value <= 25 and "at" in lowered and AT_AGE_BEFORE.search(before):
        return True
    if holds_any(lowered, THEY_ARE_WORDS) and THEY_ARE_BEFORE.search(before):
        return True
    return bool(
        value >= 50
        and "over" in lowered
        and OVER_BEFORE.search(before)
        and not COUNTED_AFTER.match(after)
    )


def is_label(line: str, start: int, end: int, plain: str) -> bool:
    """Numbers that name, list or locate: "page 4", "3. Background", "(2)", "KPI 9:"."""
    before = line[max(0, start - 40) : start]
    after = line[end : end + 30]
    if labelled(before) or (
        ends_with_any(before, RANGE_JOINS)
        and has_digit(before)
        and LABEL_RANGE_BEFORE.search(before)
    ):
        return True
    if before.endswith(("£'", "£’")):
        return True  # "£'000": a column's unit
    if before.endswith(("'", "‘", "’")) and len(plain) == 2:
        return True  # "March '24": a year
    spaced = before[-1:].isspace()  # as HEAD_DATE_BEFORE and WORD_RANGE_BEFORE end
    if spaced and ends_with_any(before, DIGITS) and HEAD_DATE_BEFORE.search(before):
        return True  # "3 to 7 November 2025 4": a page's number
    if YEAR_SPAN_BEFORE.search(before, max(0, len(before) - 8)):
        return True  # "2011 - 26": a year (the longest span the pattern can match)
    if spaced and mentions(before, *NUMBER_WORDS) and WORD_RANGE_BEFORE.search(before):
        return True  # "zero to 1 health condition": a category's bound
    if plain.isdigit() and len(plain) >= 9:
        return True  # "443000412070": a phone number or an identifier, never a count
    if before.endswith("[") and after.startswith("]"):
        return True  # a footnote mark "[3]", or the footnote it marks
    marked = len(before.strip()) <= 1  # a line's opening, a bullet or a bracket at most
    if marked and LIST_MARKER.match(before) and ("." in plain or after[:1] in {".", ")"}):
        return True  # "1.2 The report", "3. Background", "2) item"
    if marked and PAREN_MARKER.match(before) and after.startswith(")"):
        return True  # "(2) Endorse the decision"
    if (
        len(plain) <= 3
        and LABEL_COLON.match(after)
        and LABEL_WORD_BEFORE.search(line[max(0, start - LABEL_REACH) : start])
    ):
        return True  # "Selection 1:", "KPI 9:"
    # Only a number opening a short line numbers a heading, so the rest of the line
    # is read for that number alone, not once for each of a long line's numbers.
    if before.strip() or len(plain) > 2 or len(line) - end > HEADING_REACH:
        return False
    return bool(HEADING_AFTER.match(LABEL_DASH.sub(" ", line[end:])))


def is_qualifier(line: str, start: int, end: int, value: float) -> bool:
    """A number that qualifies a measure or names a thing: an age band or scale
    ("18-25", "(1-5)"), "5+", "3 or more", "9 to 1 scale", "5-in-1"."""
    after = line[end : end + 30]
    if not QUALIFIER_AFTER.match(after):
        return value in BASE and bool(FOR_BEFORE.search(line[max(0, start - 20) : start]))
    if OR_MORE_AFTER.match(after) or NAME_AFTER.match(after) or SCALE_AFTER.match(after):
        return True
    if OF_THE_FOLLOWING.match(after):
        return True  # "at least 3 of the following behaviours"
    if CLOSING_RANGE.match(after) and "(" not in line[:end]:
        return True
    if PLUS_AFTER.match(after) and value <= MAX_AGE:
        return True
    if value in BASE and FOR_BEFORE.search(line[max(0, start - 20) : start]):
        return True  # "145 working age people for 100 dependents"
    band = GLUED_RANGE.match(after)
    return bool(band and value < int(band.group(1)) <= MAX_AGE and value == int(value))


def skipped(line: str, start: int, end: int, digits: str, has_unit: bool) -> bool:
    """Whether the number ``digits`` at ``start``..``end`` of ``line`` is not a figure."""
    plain = digits.replace(",", "")
    if not has_unit and plain.isdigit() and "," not in digits and 1900 <= int(plain) <= 2100:
        return True  # a year (the cheapest test, and years are many)
    if is_date_or_time(line, start, end, has_unit) or is_phone(line, start, digits):
        return True
    if has_unit:
        return False
    if is_label(line, start, end, plain):
        return True
    value = float(plain) if plain.replace(".", "", 1).isdigit() else 0.0
    before = line[max(0, start - 40) : start]
    after = line[end : end + 30]
    if value == int(value) and is_age(before, after, int(value)):
        return True
    return is_qualifier(line, start, end, value)


def is_percent_band(line: str, start: int) -> bool:
    return bool(BAND_WORD_BEFORE.search(line[max(0, start - 30) : start]))


def is_band(line: str, start: int) -> bool:
    """Money that bounds a band of a register: "Significant risks (over £10m)"."""
    return bool(BAND_BEFORE.search(line[max(0, start - 30) : start]))
