"""What a figure measures, when, where, and what it is compared with.

All read from the sentence around the figure with precompiled patterns.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from assure.extracting.figures.numbers import MONTH, Figure
from assure.structure import Comparator

SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z(\"'‘“])")
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
# "12% growth over the next five years": the figure names its own time window.
OWN_WINDOW = re.compile(
    r"^[^,.;]{0,40}?\b((?:over|in|during|within)\s+the\s+(?:next|last|past|coming|previous)"
    r"\s+(?:\w+\s+)?(?:years?|months?|weeks?|decades?))\b",
    re.IGNORECASE,
)
# Characters after a figure that may hold its own window: the pattern reads at most
# 40 and a few words, and a long sentence is not copied once per figure.
OWN_WINDOW_REACH = 400
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
TARGET = re.compile(r"\b(?:target|ambition|aim|goal|standard)\b", re.IGNORECASE)
PREVIOUS = re.compile(
    r"\b(?:up from|down from|from|last year|previous(?:ly)?|the year before|prior year"
    r"|in the previous"
    r"|compared (?:with|to) (?:last|the previous|20\d\d))\b",
    re.IGNORECASE,
)
# Words between a figure and the next one that make the next a comparator of the first.
COMPARING = re.compile(
    r"(?:compared\s+(?:with|to)|against|versus|vs\.?|than"
    r"|(?:up|down|rises?|rose|risen|increased?|decreased?|fell|fallen|falls?|reduced|improved"
    r"|dropped|changed?)\b[^.;]{0,20}\bfrom|target(?:\s+of)?|(?:the|an?)\s+(?:\w+\s+){0,2}average"
    r"|(?:England|national|regional|statistical neighbours?)(?:\s+\w+){0,2}|benchmark(?:\s+of)?)"
    r"[^.;()]{0,45}$",
    re.IGNORECASE,
)
EARLIER_AFTER = re.compile(
    rf"^\s*(?:in|at|for|during|as at)\s+(?:(?:\d{{1,2}}\s+)?{MONTH}\s+20\d\d|20\d\d|{_FY})",
    re.IGNORECASE,
)
PROVISIONAL = re.compile(
    r"\bprovisional\b|\(p\)|\bdraft (?:figures|data)\b|\bunvalidated\b|\bnot yet validated\b"
    r"|\bsubject to (?:validation|change|revision)\b",
    re.IGNORECASE,
)
VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|may|stood|stands|reached|rose|fell|grew"
    r"|increased|decreased|reduced|remained|equates|equated|represents|represented|totalled|totals"
    r"|be|been|being|shows?|showed)\b",
    re.IGNORECASE,
)
PREPOSITION = re.compile(r"\b(?:of|at|to|by)\b", re.IGNORECASE)
PASSIVE = re.compile(
    r"^\s*(?:was|were|is|are|has been|have been)\s+"
    r"(?:\w+ed|\w+en|spent|paid|made|held|seen|sent)\b",
    re.IGNORECASE,
)
# "people were accessing support" -> "people accessing support"; "they had control" stays.
AUXILIARY = re.compile(
    r"\b(?:were|was|are|is|have|had|has|being|been|be)\s+(?=\w+(?:ing|ed)\b)", re.IGNORECASE
)
BEFORE_SUBJECT = re.compile(
    r"\b(?:the\s+)?(?:number|proportion|percentage|rate|total|amount|level|share|count)\s+of\s+"
    r"(?P<what>[^,.;:()]{3,80}?)\s+(?:is|are|was|were|has|have|had|will|would|rose|fell|grew|stood"
    r"|increased|decreased|reduced|remained|expected|predicted|projected|at|to|by)\b",
    re.IGNORECASE,
)
NEW_CLAUSE = re.compile(
    r"[;,]\s+(?:and|but|while|whilst|whereas)\s+(?=the\b|its\b|our\b|their\b)", re.I
)
AFTER_OF = re.compile(
    r"^\s*of\s+(?:the\s+|its\s+|our\s+|their\s+|all\s+|total\s+)*(?P<what>[^,.;:()]{2,80})",
    re.IGNORECASE,
)
STOP_PHRASE = re.compile(
    r"\s+(?:(?:which|compared|against|than|while|whereas|as\s+at|as\s+of|during|since"
    r"|because|but|in\s+(?:20\d\d|England)|for\s+(?:20\d\d|the\s+year))\b"
    r"|and\s+[\d£]).*$",
    re.IGNORECASE,
)
NOT_AFTER = re.compile(
    r"^(?:over|in|during|for|by|from|to|between|within|since|compared|against|than|more|less"
    r"|higher|lower|above|below|which|and|or|per|a|an|the|this|that|on|at|of|is|are|was|were"
    r"|has|have|had|will|would|each|every|up|down)$",
    re.IGNORECASE,
)
LEADING_FILLER = re.compile(
    r"^(?:(?:the|a|an|its|our|their|this|that|these|those|in|of|and|with|approximately|around"
    r"|about|over|under|almost|nearly|some|total|overall|while|whilst|however|there|which"
    r"|who|what|where|when|this|it|is|was|more|less)\s+)+",
    re.IGNORECASE,
)
MAX_MEASURE_WORDS = 8
# "4 in 5 (78%) people ...": the measure follows the bracketed figure.
PARENTHESIS_AFTER = re.compile(r"^\s*\)?\s*(?:\([^()]{0,25}\))?")


def sentences(line: str) -> list[tuple[int, str]]:
    """The sentences of a line with their offsets."""
    found, start = [], 0
    for match in SENTENCE_END.finditer(line):
        found.append((start, line[start : match.start()]))
        start = match.end()
    found.append((start, line[start:]))
    return found


def tidy(phrase: str, most: int = MAX_MEASURE_WORDS) -> str | None:
    phrase = PERIOD.sub("", phrase)
    phrase = STOP_PHRASE.sub("", phrase.strip(" ,;:-–"))
    phrase = AUXILIARY.sub("", phrase)
    phrase = LEADING_FILLER.sub("", phrase.lstrip(" •▪●◦*-–") + " ").strip(" ,;:-–")
    words = phrase.split()[:most]
    while words and words[-1].lower() in {
        "of",
        "the",
        "and",
        "in",
        "to",
        "for",
        "on",
        "a",
        "by",
        "at",
        "was",
        "were",
        "is",
        "are",
    }:
        words.pop()
    text = " ".join(words)
    return text if len(text) >= 3 and any(c.isalpha() for c in text) else None


def measure_of(sentence: str, start: int, end: int) -> str | None:
    """A short phrase naming what the figure at ``start``..``end`` of ``sentence`` measures."""
    after = PARENTHESIS_AFTER.sub("", sentence[end : end + 140])
    of = AFTER_OF.match(after)
    if of and (measure := tidy(of.group("what"))):
        return measure
    before = sentence[max(0, start - 160) : start]
    # "the number of X rose to 598, and the register had grown to 203": the
    # subject of an earlier clause does not measure a later clause's figure.
    clause = NEW_CLAUSE.split(before)[-1]
    subjects = list(BEFORE_SUBJECT.finditer(clause))
    if subjects and (measure := tidy(subjects[-1].group("what"))):
        return measure
    words = re.findall(r"[A-Za-z][\w'’/-]*", after[:80])
    first_word_ok = words and not VERB.fullmatch(words[0]) and not NOT_AFTER.match(words[0])
    if first_word_ok or PASSIVE.match(after):
        phrase = re.split(r"[,.;:()]", after, maxsplit=1)[0]
        if measure := tidy(phrase):
            return measure
    return measure_before(before)


def measure_before(before: str) -> str | None:
    """The subject of the clause that ends at the figure: "The average wait for an
    assessment fell to" gives "average wait for an assessment"."""
    if before.rstrip().endswith(":"):
        label = re.split(r"[.;]", before.rstrip()[:-1])[-1]
        return tidy(" ".join(label.split()[-MAX_MEASURE_WORDS:]))
    # "40,400 people aged over 75": a thousands comma does not end the clause
    clause = re.split(r"[;:()]|,(?!\d{3}\b)", before)[-1]
    verb = VERB.search(clause)
    if verb is not None:
        clause = clause[: verb.start()]
    else:
        prepositions = list(PREPOSITION.finditer(clause))
        if prepositions:
            clause = clause[: prepositions[-1].start()]
    return tidy(" ".join(clause.split()[-10:]), 10)


PERIOD_REACH = 250
CLAUSE_BREAK = re.compile(r"\b(?:except|whereas|but|while|whilst|although|compared|than)\b")


def periods_in(sentence: str) -> list[tuple[int, str]]:
    """Every period written in a sentence, with its offset."""
    return [
        (match.start(), PERIOD_LEAD.sub("", match.group(0)).strip())
        for match in PERIOD.finditer(sentence)
    ]


def single(periods: list[tuple[int, str]]) -> bool:
    """Whether a sentence names one period only (however often)."""
    return len(periods) < 50 and len({period for _, period in periods}) == 1


def period_of(
    periods: list[tuple[int, str]], start: int, others: list[int], sentence: str, end: int
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
    if own := OWN_WINDOW.match(sentence[end : end + OWN_WINDOW_REACH]):
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
    if match := REGION.search(text):
        return match.group(0)
    if NEIGHBOURS.search(text):
        return "statistical neighbours"
    if ENGLAND.search(text):
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
    return bool(COMPARING.search(gap))


def comparator(figure: Figure, gap: str, after: str) -> Comparator:
    return Comparator(kind=comparator_kind(gap, after), value=figure.value, text=figure.text)


def wordy_comparators(sentence: str, end: int) -> tuple[list[Comparator], int | None]:
    """Comparisons without a number ("which is above the national average") and
    where the first starts."""
    tail = sentence[end : end + 120]
    match = re.search(
        r"\b(?:above|below|better than|worse than|in line with|higher than|lower than|similar to)"
        r"\s+(?:the\s+)?([\w\s]{0,40}?(?:average|neighbours?|target|England|region))\b",
        tail,
        re.IGNORECASE,
    )
    if not match:
        return [], None
    found = Comparator(kind=comparator_kind(match.group(0), ""), value=None, text=match.group(0))
    return [found], end + match.start()


def provisional(text: str) -> bool:
    return bool(PROVISIONAL.search(text))
