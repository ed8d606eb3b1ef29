"""What a figure measures, when, where, and what it is compared with.

All read from the sentence around the figure with precompiled patterns.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from assure.extracting.figures.labels import MONTH
from assure.extracting.figures.numbers import Figure
from assure.extracting.figures.screening import cut, for_folded, holds_any, mentions
from assure.normalising.folding import folded
from assure.structure import Comparator

# The spaces (group 1) after a sentence's closing mark, before a capital or an opening
# bracket or quote. The mark is matched, not looked behind for: a scan then jumps
# from mark to mark instead of trying every character.
SENTENCE_END = re.compile(r"[.!?;](\s+)(?=[A-Z(\"'‘“])")
_FY = r"(?:20\d\d|\d\d)\s?[/\-–]\s?(?:20)?\d\d\b"
PERIOD = re.compile(
    rf"\b(?:(?:the\s+)?(?:financial\s+)?year\s+(?:to|ending|ended)\s+"
    rf"(?:\d{{1,2}}\s+)?{MONTH}\s+20\d\d"
    rf"|Q[1-4]\s+{_FY}|Q[1-4]\s+20\d\d"
    rf"|{MONTH}\s+20\d\d(?:\s?[-–]\s?{MONTH}\s+20\d\d)?"
    rf"|(?:between\s+)?20\d\d\s+(?:to|and)\s+20\d\d"
    rf"|(?<![\d/])20\d\d\s?[/\-–]\s?(?:20)?\d\d\b|(?<![\d/])\d\d/\d\d\b(?!/)"
    rf"|(?:in|during|for|since|of|at)\s+20\d\d\b(?![/\-–])"
    rf"|(?<=Census\s\()20\d\d(?=\))|(?<=Census\s)20\d\d\b|\b20\d\d(?=\s+Census\b)"
    rf"|by\s+20\d\d\b(?![/\-–]))",  # "by 2028": a target year, kept as written
    re.IGNORECASE,
)
# PERIOD, case-sensitive, for text written in lower case by ``folded``: it
# matches the folded text where and only where PERIOD matches the text (each
# character folds to one), and reads it several times faster.
FOLDED_PERIOD = re.compile(PERIOD.pattern.replace("Q[1-4]", "q[1-4]").replace("Census", "census"))
# Every period holds a year of this century ("2023", "March 2024") or two digits
# before a slash or dash ("23/24", "2023-24"): a sentence without one has none.
# (Written to start with its digit, so that a search jumps from digit to digit.)
PERIOD_HINT = re.compile(r"\d(?:\d\s?[/\-–]|(?<=2)0\d\d)")


def without_periods(text: str) -> str:
    """``PERIOD.sub("", text)``: the periods found on the folded text, cut from the text."""
    return cut(FOLDED_PERIOD, text) if PERIOD_HINT.search(text) else text


# "12% growth over the next five years": the figure names its own time window.
OWN_WINDOW = re.compile(
    r"^[^,.;]{0,40}?\b((?:over|in|during|within)\s+the\s+(?:next|last|past|coming|previous)"
    r"\s+(?:\w+\s+)?(?:years?|months?|weeks?|decades?))\b",
    re.IGNORECASE,
)
# Characters after a figure that may hold its own window: the pattern reads at most
# 40 and a few words, and a long sentence is not copied once per figure.
OWN_WINDOW_REACH = 400
# A word every match of OWN_WINDOW holds: words without one are not matched.
OWN_WINDOW_WORDS = ("next", "last", "past", "coming", "previous")
PERIOD_LEAD = re.compile(r"^(?:in|during|for|since|of|at|the)\s+", re.IGNORECASE)

REGIONS = (
    "Yorkshire and the Humber", "Yorkshire and Humber", "Yorkshire & Humber",
    "Yorkshire and Humberside",
    "North East", "North West", "East Midlands", "West Midlands", "East of England",
    "South East", "South West", "London",
)  # fmt: skip
REGION = re.compile(r"\b(?:" + "|".join(re.escape(r) for r in REGIONS) + r")\b", re.IGNORECASE)
ENGLAND = re.compile(
    r"\b(?:England|national(?:ly)?|nationwide|the national average)\b", re.IGNORECASE
)
NEIGHBOURS = re.compile(
    r"\b(?:statistical neighbours?|stat(?:istical)? neighbour average"
    r"|comparator (?:councils|authorities|group)|similar (?:councils|authorities|local authorities)"
    r"|CIPFA (?:nearest )?neighbours?|SN average)\b",
    re.IGNORECASE,
)
# A word of each pattern that every match holds: text without one is not searched.
REGION_WORDS = ("east", "west", "london", "yorkshire")
NEIGHBOUR_WORDS = ("neighbour", "comparator", "similar", "sn average")
ENGLAND_WORDS = ("england", "nation")
TARGET = re.compile(r"\b(?:target|ambition|aim|goal|standard)\b", re.IGNORECASE)
PREVIOUS = re.compile(
    r"\b(?:up from|down from|from|last year|previous(?:ly)?|the year before|prior year"
    r"|in the previous"
    r"|compared (?:with|to) (?:last|the previous|20\d\d))\b",
    re.IGNORECASE,
)
# Words between a figure and the next one that make the next a comparator of the first.
COMPARING = re.compile(
    r"(?:compared\s+(?:with|to)|compares?\s+(?:with|to)|against|versus|vs\.?|than"
    r"|(?:up|down|rises?|rose|risen|increased?|decreased?|fell|fallen|falls?|reduced|improved"
    r"|dropped|changed?)\b[^.;]{0,20}\bfrom|target(?:\s+of)?|(?:the|an?)\s+(?:\w+\s+){0,2}average"
    r"|(?:england|national|regional|statistical neighbours?)(?:\s+\w+){0,2}|benchmark(?:\s+of)?)"
    r"[^.;()]{0,45}$",
    re.IGNORECASE,
)
FOLDED_COMPARING = for_folded(COMPARING)
EARLIER_AFTER = re.compile(
    rf"^\s*(?:in|at|for|during|as at)\s+(?:(?:\d{{1,2}}\s+)?{MONTH}\s+20\d\d|20\d\d|{_FY})",
    re.IGNORECASE,
)
PROVISIONAL = re.compile(
    r"\bprovisional\b|\(p\)|\bdraft (?:figures|data)\b|\bunvalidated\b|\bnot yet validated\b"
    r"|\bsubject to (?:validation|change|revision)\b",
    re.IGNORECASE,
)
PROVISIONAL_WORDS = ("provisional", "(p)", "draft", "validated", "subject to")


def sentences(line: str) -> list[tuple[int, str]]:
    """The sentences of a line with their offsets."""
    found, start = [], 0
    for match in SENTENCE_END.finditer(line):
        found.append((start, line[start : match.start(1)]))
        start = match.end()
    found.append((start, line[start:]))
    return found


PERIOD_REACH = 250
CLAUSE_BREAK = re.compile(r"\b(?:except|whereas|but|while|whilst|although|compared|than)\b")


def periods_in(sentence: str) -> list[tuple[int, str]]:
    """Every period written in a sentence, with its offset."""
    if not PERIOD_HINT.search(sentence):
        return []  # "42% of people": no year, no "23/24"
    return [
        (match.start(), PERIOD_LEAD.sub("", sentence[match.start() : match.end()]).strip())
        for match in FOLDED_PERIOD.finditer(folded(sentence))
    ]


def single(periods: Sequence[tuple[int, str]]) -> bool:
    """Whether a sentence names one period only (however often)."""
    return len(periods) < 50 and len({period for _, period in periods}) == 1


def period_of(
    periods: Sequence[tuple[int, str]], start: int, others: list[int], sentence: str, end: int
) -> str | None:
    """The period nearest the figure at ``start`` in its sentence.

    ``periods`` come from ``periods_in`` and ``others`` are the offsets of the
    sentence's figures, in order. A period beyond another figure belongs to that
    figure, unless it is the only period in the sentence ("2,285 people ... and
    1,225 people ... in 2022/23"); one beyond "except", "but" or "compared" never
    belongs to this figure. Only periods within ``PERIOD_REACH`` characters count.
    A figure followed by its own window ("over the next five years", ending at
    ``end``) takes that window, never a period of a neighbouring clause.
    """
    window = sentence[end : end + OWN_WINDOW_REACH]
    if mentions(window, *OWN_WINDOW_WORDS) and (own := OWN_WINDOW.match(window)):
        return own.group(1)
    best: tuple[int, str] | None = None
    first = bisect_left(periods, (start - PERIOD_REACH, ""))
    last = bisect_right(periods, (start + PERIOD_REACH, "\uffff"))
    for offset, period in periods[first:last]:
        low, high = sorted((offset, start))
        if high - low > PERIOD_REACH or CLAUSE_BREAK.search(sentence[low:high]):
            continue
        between = bisect_left(others, high) - bisect_right(others, low)
        if between > 0 or (best is not None and high - low >= best[0]):
            continue
        best = (high - low, period)
    if best is None and first < last and periods[0][1] == periods[-1][1] and single(periods):
        offset, period = periods[first]
        low, high = sorted((offset, start))
        if high - low <= PERIOD_REACH and not CLAUSE_BREAK.search(sentence[low:high]):
            return period
    return best[1] if best else None


def geography_in(text: str, place: str | None) -> str | None:
    lowered = folded(text)
    if holds_any(lowered, REGION_WORDS) and (match := REGION.search(text)):
        return match.group(0)
    if holds_any(lowered, NEIGHBOUR_WORDS) and NEIGHBOURS.search(text):
        return "statistical neighbours"
    if holds_any(lowered, ENGLAND_WORDS) and ENGLAND.search(text):
        return "England"
    if place and place.lower() in text.lower():
        return place
    return None


def comparator_kind(gap: str, after: str) -> str:
    """The kind of comparator from the words that introduce it and follow it; the
    words nearest the comparator count first ("in England and against a target of")."""
    nearest = re.split(r",|;|\band\b", gap)[-1]
    for words in (nearest, gap):
        kind = kind_in(words, after)
        if kind != "other":
            return kind
    return "other"


def kind_in(gap: str, after: str) -> str:
    near = f"{gap} {after[:40]}"
    if NEIGHBOURS.search(near):
        return "statistical_neighbours"
    if TARGET.search(gap):
        return "target"
    if REGION.search(near) or re.search(r"\bregion(?:al)?\b", near, re.IGNORECASE):
        return "region"
    if ENGLAND.search(near):
        return "england"
    if PREVIOUS.search(gap) or re.search(r"\b(?:last|previous) year\b", after[:30], re.IGNORECASE):
        return "previous"
    if EARLIER_AFTER.match(after):
        return "previous"  # "18.2% compared to 24.6% in March 2019"
    return "other"


def is_comparing(gap: str) -> bool:
    return bool(FOLDED_COMPARING.search(folded(gap)))


def comparator(figure: Figure, gap: str, after: str) -> Comparator:
    return Comparator(kind=comparator_kind(gap, after), value=figure.value, text=figure.text)


WORDY_COMPARATOR = re.compile(
    r"\b(?:above|below|better than|worse than|in line with|higher than|lower than|similar to)"
    r"\s+(?:the\s+)?([\w\s]{0,40}?(?:average|neighbours?|target|England|region))\b",
    re.IGNORECASE,
)
WORDY_WORDS = ("above", "below", "better", "worse", "line", "higher", "lower", "similar")


def wordy_comparators(sentence: str, end: int) -> tuple[list[Comparator], int | None]:
    """Comparisons without a number ("which is above the national average") and
    where the first starts."""
    after = sentence[end : end + 120]
    match = WORDY_COMPARATOR.search(after) if mentions(after, *WORDY_WORDS) else None
    if not match:
        return [], None
    found = Comparator(kind=comparator_kind(match.group(0), ""), value=None, text=match.group(0))
    return [found], end + match.start()


def provisional(text: str) -> bool:
    return mentions(text, *PROVISIONAL_WORDS) and bool(PROVISIONAL.search(text))
