"""Judgement areas graded by name, in any framework that grades by name.

An inspection report states each judgement's grade in a few fixed ways, and the
same report often states it twice (a summary table and the heading over the
area's findings):

- "Area<tab>Grade", "Area: grade", "Area – Grade", or the area then the grade
  on the next line (a summary table flattened by PDF extraction);
- numbered rows of an older report's table ("2.1 Adoption performance Requires
  improvement");
- sentences that only state the grade ("The graded judgement about the
  experiences and progress of care leavers is inadequate", "The Local
  Safeguarding Children Board requires improvement");
- a headline over the whole report ("Children's services in Norfolk are
  inadequate");
- an outcome written as a sentence under its label (an area SEND inspection's
  "Inspection outcome", then "... lead to inconsistent experiences and
  outcomes ...").

Each framework file gives its areas' names and aliases and its grades' names
and aliases; the framework whose areas the text grades most wins, its title
cues (``recognised_by``) breaking ties.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from assure.document import CleanLine, CleanText
from assure.framework import frameworks, load_framework
from assure.framework.model import DEFAULT

# Words that may stand before an area's name without changing which area it is:
# "The experiences and progress of children care leavers", "The graded judgment
# about the experiences and progress of ...".
FILLER = frozenset(
    {
        "the", "experiences", "experience", "and", "progress", "of", "children", "young",
        "people", "graded", "judgement", "judgment", "judgements", "about", "for", "on",
    }
)  # fmt: skip
NUMBERED = re.compile(r"^\(?\d{1,2}(?:\.\d{1,2})*[.)]?\s+")
# What joins an area and its grade: a colon or dash, "is", "are", "is that it",
# "was judged", or only space (a table's columns run together).
JOIN = (
    r"(?:\s*[:\-–—]\s*|\s+(?:is|are|was|were)(?:\s+that\s+it(?:\s+(?:is|was))?)?"
    r"(?:\s+(?:judged|graded|rated))?"
    r"(?:\s+(?:to\s+be|as))?\s+|\s+)"
)
# A line short enough to be a wrapped part of a table's row or a heading.
SHORT = 45
HEAD_LINES = 40
# A row or heading stating a grade is shorter than this; its grade sits in its last characters.
MAX_ROW = 240
TAIL = 60
# A grade written as a sentence is looked for this far after its label.
OUTCOME_REACH = 2
OUTCOME_CHARS = 400


@dataclass(frozen=True, slots=True)
class NamedGrade:
    """A judgement area graded by name at one line: "The experiences and
    progress of children in care: good"."""

    statement: str
    grade: str  # as the framework spells it
    line: int
    table_row: bool


@dataclass(frozen=True, slots=True)
class GradedFramework:
    id: str
    areas: tuple[tuple[str, tuple[str, ...]], ...]  # statement id, folded names, longest first
    grades: dict[str, str]  # folded spelling -> the framework's name of the grade
    line: re.Pattern[str]  # a whole line stating an area's grade
    ends: re.Pattern[str]  # a line ending in a grade (a cheap test before ``line``)
    endings: tuple[str, ...]  # the grades' spellings: every match of ``ends`` closes with one
    trailing: re.Pattern[str] | None  # "... <full area name>: <grade>" ending a longer line
    phrases: tuple[str, ...]  # grades written as sentences: spellings of three or more words
    cues: tuple[re.Pattern[str], ...]


MARKS = re.compile(r"[*#◼•▪●]+")  # bullets and markup; only "*" and "#" are ASCII


def fold(text: str) -> str:
    """Lower case, straight quotes, plain dashes, single spaces, no bullets or markup."""
    text = text.replace("’", "'").replace("‘", "'").replace("\u00a0", " ")
    if not text.isascii() or "*" in text or "#" in text:
        text = MARKS.sub(" ", text)
    return " ".join(text.lower().split()).strip(" .")


@cache
def graded_frameworks() -> tuple[GradedFramework, ...]:
    """Every framework that grades by name, compiled once."""
    found = []
    for framework_id in frameworks():
        framework = load_framework(framework_id)
        if framework_id == DEFAULT or not framework.grades:
            continue
        grades = {fold(s): g.name for g in framework.grades for s in g.spellings}
        alternation = "|".join(map(re.escape, sorted(grades, key=len, reverse=True)))
        line = re.compile(
            rf"^(?P<area>.+?){JOIN}(?:(?:judged|graded|rated)\s+)?(?P<grade>{alternation})$"
        )
        ends = re.compile(rf"(?:^|\W)(?:{alternation})$")
        areas = tuple(
            (s.id, tuple(sorted({fold(n) for n in (s.name, *s.aliases)}, key=len, reverse=True)))
            for s in framework.statements
        )
        long_names = sorted(
            {n for _, names in areas for n in names if len(n.split()) >= 3}, key=len, reverse=True
        )
        trailing = (
            re.compile(
                rf"(?P<area>{'|'.join(map(re.escape, long_names))})\s*:\s*(?P<grade>{alternation})$"
            )
            if long_names
            else None
        )
        phrases = tuple(sorted((s for s in grades if len(s.split()) >= 3), key=len, reverse=True))
        cues = tuple(re.compile(p, re.IGNORECASE) for p in framework.recognised_by)
        found.append(
            GradedFramework(
                framework_id, areas, grades, line, ends, tuple(grades), trailing, phrases, cues
            )
        )
    return tuple(found)


def area_of(framework: GradedFramework, text: str) -> str | None:
    """The statement an area's name (as written before its grade) names, if any:
    an alias exactly, or an alias after filler words, or a headline's
    "children's services in <place>"."""
    text = NUMBERED.sub("", text).strip(" :-–—")
    for statement, names in framework.areas:
        for name in names:
            if text == name:
                return statement
            if text.endswith(" " + name):
                before = text[: -len(name)].split()
                if all(word in FILLER for word in before):
                    return statement
            if text.startswith(name + " in ") and len(text[len(name) :].split()) <= 5:
                return statement  # "children's services in Norfolk"
    return None


def grades_on_line(
    framework: GradedFramework, folded: list[str], index: int
) -> list[tuple[str, str]]:
    """(statement, grade) stated at line ``index``: on the line itself, with the
    grade on the short line after it, or a longer line's closing "area: grade"."""
    text = folded[index]
    candidates = [text]
    if index + 1 < len(folded) and len(folded[index + 1]) <= SHORT:
        candidates.append(f"{text} {folded[index + 1]}")
    for candidate in candidates:
        if (
            len(candidate) > MAX_ROW
            or not candidate.endswith(framework.endings)
            or not framework.ends.search(candidate[-TAIL:])
        ):
            continue
        if (match := framework.line.match(candidate)) and (
            statement := area_of(framework, match["area"])
        ):
            return [(statement, framework.grades[match["grade"]])]
    tail = text[-TAIL * 4 :]
    # "<area>: <grade>" closing the line: never without its colon.
    match = framework.trailing.search(tail) if framework.trailing and ":" in tail else None
    if match and (statement := area_of(framework, match["area"])):
        return [(statement, framework.grades[match["grade"]])]
    return outcome_after(framework, folded, index)


def outcome_after(
    framework: GradedFramework, folded: list[str], index: int
) -> list[tuple[str, str]]:
    """A grade written as a sentence under a line that is only an area's label
    ("Inspection outcome")."""
    if not framework.phrases or folded[index] not in _area_names(framework.id):
        return []  # the label is one of the areas' names exactly, or nothing
    statement = area_of(framework, folded[index])
    if statement is None or folded[index] not in dict(framework.areas)[statement]:
        return []
    for following in folded[index + 1 : index + 1 + OUTCOME_REACH]:
        head = following[:OUTCOME_CHARS]
        for phrase in framework.phrases:
            if phrase in head:
                return [(statement, framework.grades[phrase])]
    return []


@cache
def _area_names(framework_id: str) -> frozenset[str]:
    """Every folded name of every judgement area of the framework."""
    framework = next(f for f in graded_frameworks() if f.id == framework_id)
    return frozenset(name for _, names in framework.areas for name in names)


def grades_in(
    framework: GradedFramework, lines: list[CleanLine], folded: list[str]
) -> list[NamedGrade]:
    found: list[NamedGrade] = []
    for index, line in enumerate(lines):
        for statement, grade in grades_on_line(framework, folded, index):
            found.append(NamedGrade(statement, grade, line.number, line.table_row))
    return found


_last: list[tuple[CleanText, tuple[str | None, tuple[NamedGrade, ...]]]] = []


def named_grades(text: CleanText) -> tuple[str | None, tuple[NamedGrade, ...]]:
    """The framework graded by name whose judgement areas the text grades most,
    and every grade found, in order. (Kind detection and parsing both ask; the
    last answer is kept.)"""
    if _last and _last[0][0] is text:
        return _last[0][1]
    result = _named_grades(text)
    _last[:] = [(text, result)]
    return result


def _named_grades(text: CleanText) -> tuple[str | None, tuple[NamedGrade, ...]]:
    lines = [line for line in text.lines if line.text.strip()]
    folded = [fold(line.text) for line in lines]
    head = [line.text for line in lines[:HEAD_LINES]]
    best: tuple[str | None, tuple[NamedGrade, ...]] = (None, ())
    best_score = 0.0
    for framework in graded_frameworks():
        found = grades_in(framework, lines, folded)
        areas = len({g.statement for g in found})
        if not areas:
            continue
        cued = any(cue.search(line) for cue in framework.cues for line in head)
        score = areas + 0.5 * cued
        if score > best_score:
            best, best_score = (framework.id, tuple(found)), score
    return best


def graded_share(text: CleanText) -> float:
    """The share (0..1) of a named-grade framework's judgement areas the text grades."""
    framework_id, found = named_grades(text)
    if framework_id is None:
        return 0.0
    framework = next(f for f in graded_frameworks() if f.id == framework_id)
    return len({g.statement for g in found}) / len(framework.areas)
