"""How a regulator's assessment report shows itself.

It scores statements ("Score: 3", "3 - Evidence shows a good standard"),
speaks of "the local authority" in the third person and uses the regulator's
fixed headings. A regulator whose framework grades by name (Ofsted: "Requires
improvement to be good") states a grade for each of its judgement areas
instead; those graded areas count as scored statements. A committee pack may
carry such a report as an appendix or quote from one; its notice, agenda and
minutes then weigh against. A self-assessment that quotes the regulator names
itself as a self-assessment.
"""

from __future__ import annotations

import re

from assure.document import CleanText
from assure.parsing.inspection import graded_share
from assure.parsing.per_text import Cue, blind, folded_lines, folded_view, once_per_text

SCORE = re.compile(
    r"^\W{0,3}(?:(?:indicative|quality\s+statement)\s+)?score\s*[:\-–]?\s*[1-4]\b|"
    r"^[1-4]\s*[-–:]\s*evidence\s+shows|evidence\s+shows\s+(?:an?\s+)?"
    r"(?:exceptional\s+standard|good\s+standard|some\s+shortfalls|significant\s+shortfalls)|"
    r"\tscore\s*:?\s*[1-4]\b",
    re.IGNORECASE,
)
# Each with a word every match holds, so that a text without it is not searched.
MARKERS = (
    Cue(re.compile(r"key\s+findings\s+for\s+this\s+quality\s+statement", re.I), ("findings",)),
    Cue(re.compile(r"^what\s+people\s+expect", re.I), ("expect",)),
    Cue(re.compile(r"^the\s+local\s+authority\s+commitment", re.I), ("commitment",)),
    Cue(re.compile(r"local\s+authority\s+(?:indicative\s+)?rating", re.I), ("rating",)),
    Cue(re.compile(r"\bcare\s+quality\s+commission\b|\bCQC\b"), ("commission", "cqc")),
    Cue(re.compile(r"^assessment\s+(?:published|start\s+date|date)", re.I), ("assessment",)),
    Cue(re.compile(r"how\s+we\s+assess(?:ed)?\s+local\s+authorit", re.I), ("assess",)),
    Cue(re.compile(r"summary\s+of\s+people['’]?s\s+experiences?", re.I), ("experience",)),
    Cue(re.compile(r"^(?:financial\s+facts|demographics)\b", re.I), ("facts", "demographics")),
    Cue(re.compile(r"this\s+theme\s+includes\s+these\s+quality\s+statements", re.I), ("includes",)),
    Cue(re.compile(r"^quality\s+statement\s+scores?", re.I), ("statement",)),
    Cue(re.compile(r"^(?:overall|indicative)\s+rating\b", re.I), ("rating",)),
    Cue(re.compile(r"^what\s+people\s+told\s+us", re.I), ("told",)),
    # An inspection's front matter and its list of what must improve.
    Cue(re.compile(r"^inspection\s+dates?\b", re.I), ("inspection",)),
    Cue(re.compile(r"^(?:lead\s+)?inspectors?\s*:", re.I), ("inspector",)),
    Cue(re.compile(r"^what\s+needs\s+to\s+improve\b", re.I), ("improve",)),
    Cue(re.compile(r"\bOfsted\b"), ("ofsted",)),
    # A joint area SEND inspection's fixed headings.
    Cue(re.compile(r"^inspection\s+outcome\b", re.I), ("outcome",)),
    Cue(re.compile(r"^areas?\s+for\s+(?:priority\s+action|improvement)\b", re.I), ("area",)),
)
COMMITTEE = re.compile(
    r"^(?:notice\s+of\s+meeting|public\s+document\s+pack|agenda\b|minutes\s+of|"
    r"present\s*:|apologies\b|in\s+attendance|declarations?\s+of\s+interest|"
    r"dear\s+(?:member|councillor)|report\s+(?:of|from|author)\b|recommendations?\s*:)",
    re.IGNORECASE,
)
SELF_NAMED = re.compile(r"\bself[- ]?(?:assessment|evaluation)\b", re.IGNORECASE)
# Speaking as "we": these words, whole (see ``FoldedLines.with_words``).
FIRST_PERSON_WORDS = ("we", "our")
LOCAL_AUTHORITY = re.compile(
    r"\blocal\s+authorit|\bcouncil\b|\blocal\s+area\s+partnership", re.IGNORECASE
)
THIRD_PERSON = re.compile(r"\bthe\s+local\s+authority\b", re.IGNORECASE)
# The same, for lines folded to lower case (see ``folding.folded``), or with a word they need.
SCORE_CUE = Cue(SCORE, ("score", "evidence"))
COMMITTEE_FOLDED = blind(COMMITTEE)
SELF_NAMED_FOLDED = blind(SELF_NAMED)
THIRD_PERSON_CUE = Cue(THIRD_PERSON, ("authority",))
RESOLVED_CUE = Cue(re.compile(r"\bRESOLVED\b"), ("resolved",))
LOCAL_AUTHORITY_CUE = Cue(LOCAL_AUTHORITY, ("authorit", "council", "partnership"))


def recognise_report(text: CleanText, statements_found: int, statements_scored: int) -> float:
    """A 0..1 score that ``text`` is the regulator's report on a council, from
    the statements it heads and scores (or the judgement areas it grades) and
    the regulator's fixed phrases."""
    if not text.lines:
        return 0.0
    graded = graded_share(text)
    if graded * 9 > statements_scored:
        statements_found = statements_scored = round(graded * 9)
    score = _phrases(text)
    score += 0.15 * min(statements_found, 9) / 9 + 0.2 * min(statements_scored, 9) / 9
    return round(max(0.0, min(1.0, _voiced(text, score) * _discount(text))), 3)


def report_ceiling(text: CleanText) -> float:
    """At least what ``recognise_report`` gives, without finding the statements,
    their scores or the judgement areas' grades: those count as all there."""
    if not text.lines:
        return 0.0
    score = _phrases(text)
    score += 0.15 + 0.2
    return round(max(0.0, min(1.0, _voiced(text, score) * _discount(text))), 3)


@once_per_text  # the ceiling and the detector both ask
def _phrases(text: CleanText) -> float:
    """What the lines giving a score and the regulator's fixed phrases add."""
    scores = len(SCORE_CUE.lines(text))
    markers = sum(1 for marker in MARKERS if marker.found_in(text))
    return 0.2 * min(scores, 9) / 9 + 0.3 * min(markers, 6) / 6


def _voiced(text: CleanText, score: float) -> float:
    """The score with the voice weighed: the regulator speaks of "the local
    authority"; the council speaking of itself is a self-assessment that scores itself."""
    third, first = _persons(text)
    if third >= 5 and third >= first / 2:
        return score + 0.15
    if first > max(10, 3 * third):
        return score * 0.5
    return score


@once_per_text
def _persons(text: CleanText) -> tuple[int, int]:
    """How many lines speak of "the local authority", and how many longer ones of "we"."""
    third = len(THIRD_PERSON_CUE.lines(text))
    spoken = folded_view(text).with_words(FIRST_PERSON_WORDS)
    first = sum(1 for index in spoken if len(text.lines[index].text) > 60)
    return third, first


@once_per_text
def _discount(text: CleanText) -> float:
    lines = folded_lines(text)
    factor = 1.0
    committee = sum(1 for line in lines[:150] if COMMITTEE_FOLDED.match(line))  # anchored
    resolutions = len(RESOLVED_CUE.lines(text))
    if committee >= 3 or resolutions >= 2:
        factor *= 0.25
    elif committee:
        factor *= 0.8
    if any(SELF_NAMED_FOLDED.search(line) for line in lines[:40]):
        factor *= 0.35
    # A report on a care provider shares some statement names but never
    # speaks of a local authority or council.
    if not LOCAL_AUTHORITY_CUE.found_in(text):
        factor *= 0.5
    return factor
