"""The regulator's assessment report on a local authority.

The report gives facts about the area (demographics, finances), an overall
summary with the stated rating, a summary of people's experiences, and per
theme and quality statement a score ("Indicative score: 3 - Evidence shows a
good standard", "Score: 3", "Quality statement score: 2", or a row of a
summary table) with its key findings. The parser recovers the scores, the
stated rating and the sections; the percent and rating are computed with the
framework's own scoring rules, and a ``rating_mismatch`` finding is added when
the computed rating differs from the stated one.

Sections: ``facts``, ``summary``, ``people_experience`` and ``theme`` (level
1, their sub-headings level 2); ``quality_statement`` (level 2, with its id),
and within it ``people_experience``, ``heading`` and ``finding`` (level 3,
the finding with the statement's id).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from assure.document import CleanLine, CleanText
from assure.extracting.references import find_refs
from assure.framework import load_framework, score_statements
from assure.normalising.folding import folded as folded_line
from assure.parsing.assessment_report_signals import recognise_report, report_ceiling
from assure.parsing.front_matter import council_of, date_of, title_matching
from assure.parsing.headings import title_of
from assure.parsing.inspection import NamedGrade, named_grades
from assure.parsing.per_text import once_per_text
from assure.parsing.statements import fold, match_statement, match_theme, name_pattern
from assure.structure import Assessment, DocumentKind, Finding, ParsedStructure, Section

SCORE_LABEL = re.compile(
    r"^(?:(?:indicative|quality\s+statement|overall)\s+)?score\s*(?:[:\-–=]\s*|\s)([1-4])\b",
    re.IGNORECASE,
)
LABEL_ONLY = re.compile(r"^(?:(?:indicative|quality\s+statement)\s+)?score\s*:?\s*$", re.I)
SCORE_AFTER_NAME = re.compile(r"[:\-–—(]\s*([1-4])\s*(?:[)\-–—:]|out\s+of\s+4|$)")
BARE_SCORE = re.compile(r"\W*([1-4])\W*")  # "3" on its own after "Score:"
SCALE = re.compile(r"^([1-4])\s*(?:[-–:—]|out\s+of\s+4)\s*(?:evidence\s+shows|\w)", re.I)
WORDS = re.compile(
    r"evidence\s+shows\s+(?:an?\s+)?(exceptional\s+standard|good\s+standard|"
    r"some\s+shortfalls|significant\s+shortfalls)",
    re.IGNORECASE,
)
WORD_SCORES = {"exceptional": 4, "good": 3, "some": 2, "significant": 1}
INLINE = re.compile(
    r"^(?P<name>[^:\t]{4,90}?)\s*[:\-–]?\s+(?:indicative\s+)?score\s*[:\-–]?\s*(?P<n>[1-4])\b", re.I
)
# A summary table's row once its columns have run together (a PDF's text):
# "Assessing needs 2/4 Evidence shows some shortfalls". A bare number needs the
# score's words after it, so that a contents entry's page number is no score.
COLUMN_SCORE = re.compile(
    r"^(?P<name>[^\t]{4,90}?)\s+(?P<n>[1-4])(?:\s*/\s*4\b|\s+out\s+of\s+4\b"
    r"|(?=\s+(?:evidence\s+shows|outstanding|good|requires\s+improvement|inadequate)\b))",
    re.IGNORECASE,
)
# What follows a statement's name in a summary table's row: its score, then
# "/4", "out of 4", the score's words or the rating the score stands for.
ROW_SCORE = (
    r"\s*[:\-–]?\s+(?:score\s*:?\s*)?([1-4])(?:\s*/\s*4\b|\s+out\s+of\s+4\b"
    r"|(?=\s+(?:evidence\s+shows|outstanding|good|requires\s+improvement|inadequate)\b))"
)
A_SCORE = re.compile(r"[1-4]")
# What follows a row's score digit in ROW_SCORE: every row holds it.
ROW_SCORE_TAIL = re.compile(
    r"[1-4](?:\s*/\s*4\b|\s+out\s+of\s+4\b"
    r"|(?=\s+(?:evidence\s+shows|outstanding|good|requires\s+improvement|inadequate)\b))",
    re.IGNORECASE,
)
OUT_OF_FOUR = re.compile(r"([1-4])\s*(?:/\s*4|out\s+of\s+4)", re.IGNORECASE)
RATING_LABEL = re.compile(
    r"^(?:local\s+authority\s+(?:indicative\s+)?rating(?:\s+and\s+score)?|"
    r"(?:overall|indicative)\s+rating|rating(?=\s*[:\-–]))\b\s*[:\-–]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
RATING_WORD = re.compile(r"\b(outstanding|good|requires\s+improvement|inadequate)\b", re.I)
RATING_SCORES = {"outstanding": 4, "good": 3, "requires improvement": 2, "inadequate": 1}
TITLE = re.compile(r"\bassessment\b", re.IGNORECASE)
PROSE_CHARS = 40  # shorter lines are labels and scores, not findings
SCORED, MARKED = 1, 2  # what follows a statement's heading: its score, its findings
LOOKAHEAD = 8  # lines between a statement's heading and its score

# (folded phrase the heading starts with, kind, level outside a statement)
HEADINGS: tuple[tuple[str, str, int], ...] = (
    ("key finding", "finding", 3),
    ("what people expect", "people_experience", 3),
    ("summary of people experience", "people_experience", 2),
    ("people experience", "people_experience", 2),
    ("what people told u", "people_experience", 2),
    ("the local authority commitment", "heading", 3),
    ("our commitment", "heading", 3),
    ("summary of strength", "summary", 2),
    ("quality statement score", "summary", 2),
    ("area for development", "summary", 2),
    ("overall summary", "summary", 1),
    ("summary", "summary", 1),
    ("about ", "facts", 1),
    ("demographic", "facts", 2),
    ("financial fact", "facts", 2),
    ("key fact", "facts", 2),
    ("fact and figure", "facts", 2),
    ("how we assess", "heading", 1),
)


# Headings that belong to the whole report even when they follow a statement.
DOCUMENT_LEVEL = frozenset(
    {
        "summary of people experience", "summary of strength", "quality statement score",
        "overall summary", "about ", "demographic", "financial fact", "how we assess",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Start:
    title: str
    level: int
    kind: str
    line: int
    qs: tuple[str, ...] = ()


class AssessmentReportParser:
    kind = DocumentKind.ASSESSMENT_REPORT

    def recognise(self, text: CleanText) -> float:
        """How surely ``text`` is a regulator's assessment report, 0 to 1."""
        headings = statement_headings(text)
        scored = (
            set(table_scores(text))
            | set(run_together_scores(text))
            | {sid for sid, _, score in headings if score}
        )
        return recognise_report(text, len(headings), len(scored))

    def ceiling(self, text: CleanText) -> float:
        """At least what ``recognise`` gives, found cheaply (see the registry)."""
        return report_ceiling(text)

    def parse(self, text: CleanText) -> ParsedStructure:
        """Scores, stated rating and sections of the report."""
        headings = statement_headings(text)
        scores = run_together_scores(text) | table_scores(text)
        scores.update({sid: score for sid, _, score in headings if score is not None})
        stated, stated_line = stated_rating(text)
        framework_id, graded = named_grades(text) if not scores else (None, ())
        assessment: Assessment | None
        findings: tuple[Finding, ...] = ()
        if framework_id is not None and graded:
            assessment = graded_assessment(framework_id, graded)
            headings = graded_headings(graded)
        else:
            assessment, findings = assess(scores, stated, stated_line)
        return ParsedStructure(
            kind=self.kind,
            title=title_matching(text, TITLE, within=10) or title_of(text),
            council=council_of(text),
            date=date_of(text, ("assessment published", "published", "report published")),
            sections=sections(text, headings),
            assessment=assessment,
            findings=findings,
        )


def score_in(text: str) -> int | None:
    """The 1-4 score a line states, if it states one."""
    text = text.strip().strip("*").strip()
    if match := SCORE_LABEL.match(text) or SCALE.match(text):
        return int(match[1])
    if match := WORDS.search(text):
        return WORD_SCORES[match[1].split()[0].lower()]
    return None


def statement_headings(text: CleanText) -> list[tuple[str, int, int | None]]:
    """(statement id, heading line, score) for each statement's own heading:
    a line naming the statement followed closely by its score or findings.

    Where a statement is named twice (a list of scores in the summary, then
    its own section), the section wins: it has findings; on a tie, the later.
    The score may come from either.
    """
    return list(_statement_headings(text))


@once_per_text  # detection and parsing both ask
def _statement_headings(text: CleanText) -> tuple[tuple[str, int, int | None], ...]:
    lines = text.lines
    chosen: dict[str, tuple[int, int]] = {}
    scores: dict[str, int] = {}
    for index, line in enumerate(lines):
        if line.table_row or line.text.lstrip().startswith(("-", "•", "*")):
            continue
        statement, score, strength = _statement_at(lines, index)
        if statement is None:
            continue
        if score is not None and (statement not in scores or strength & MARKED):
            scores[statement] = score
        if statement not in chosen or strength >= chosen[statement][1]:
            chosen[statement] = (line.number, strength)
    found = [(sid, number, scores.get(sid)) for sid, (number, _) in chosen.items()]
    return tuple(sorted(found, key=lambda t: t[1]))


def _statement_at(lines: tuple[CleanLine, ...], index: int) -> tuple[str | None, int | None, int]:
    text = lines[index].text.strip().strip("*#").strip()
    scored = A_SCORE.search(text) is not None  # both patterns below need a score's digit
    inline = INLINE.match(text) if scored and "score" in folded_line(text) else None
    if inline and (sid := match_statement(inline["name"])):
        return sid, int(inline["n"]), SCORED
    if scored and (row := COLUMN_SCORE.match(text)) and (sid := match_statement(row["name"])):
        return sid, int(row["n"]), SCORED
    if len(text) > 120 or (sid := match_statement(text)) is None:
        return None, None, 0
    score, marked, labelled = _score_after_name(text), False, False
    for later in lines[index + 1 : index + 1 + LOOKAHEAD]:
        if match_statement(later.text.strip().strip("*#")) or match_theme(later.text):
            break
        if score is None and (found := score_in(later.text)) is not None:
            score = found
        elif score is None and labelled and (bare := BARE_SCORE.fullmatch(later.text.strip())):
            score = int(bare[1])
        elif LABEL_ONLY.match(later.text.strip()):
            labelled = True
            continue
        folded = fold(later.text)
        marked = marked or folded.startswith(
            ("key finding", "what people expect", "the local authority commitment")
        )
    strength = (SCORED if score is not None else 0) + (MARKED if marked else 0)
    return (sid, score, strength) if strength else (None, None, 0)


def _score_after_name(heading: str) -> int | None:
    """A score on the heading's own line: "Assessing needs – 3 – Evidence
    shows a good standard"."""
    if match := SCORE_AFTER_NAME.search(heading):
        return int(match[1])
    if match := WORDS.search(heading):
        return WORD_SCORES[match[1].split()[0].lower()]
    return None


def table_scores(text: CleanText) -> dict[str, int]:
    """Scores from a summary table: a row naming a statement and a score."""
    return dict(_table_scores(text))


@once_per_text
def _table_scores(text: CleanText) -> dict[str, int]:
    scores: dict[str, int] = {}
    for line in text.lines:
        if not line.table_row:
            continue
        cells = [c.strip() for c in line.text.split("\t") if c.strip()]
        statement = next((sid for c in cells if (sid := match_statement(c))), None)
        if statement is None:
            continue
        for cell in cells:
            if match_statement(cell):
                continue
            value = _cell_score(cell)
            if value is not None:
                scores.setdefault(statement, value)
                break
    return scores


@cache
def _row_pattern() -> re.Pattern[str]:
    """A statement's name (or alias) followed by its score, anywhere in a line."""
    return re.compile(rf"\b({name_pattern()}){ROW_SCORE}", re.IGNORECASE)


def run_together_scores(text: CleanText) -> dict[str, int]:
    """Scores from a summary table whose rows a PDF's text ran into one line
    ("... Assessing needs 2 Requires improvement Working with people
    Supporting people to lead healthier lives 2 Requires improvement ...").
    A line must hold two such rows, so that prose naming a statement before
    a number is no row."""
    return dict(_run_together_scores(text))


@once_per_text
def _run_together_scores(text: CleanText) -> dict[str, int]:
    scores: dict[str, int] = {}
    for line in text.lines:
        if line.table_row or not ROW_SCORE_TAIL.search(line.text):
            continue  # no score digit followed as a row's score is
        rows = [
            (sid, int(m[2]))
            for m in _row_pattern().finditer(line.text)
            if (sid := match_statement(m[1]))
        ]
        if len(rows) >= 2:
            for sid, value in rows:
                scores.setdefault(sid, value)
    return scores


def _cell_score(cell: str) -> int | None:
    if re.fullmatch(r"[1-4]", cell):
        return int(cell)
    if match := OUT_OF_FOUR.fullmatch(cell):
        return int(match[1])
    if (value := score_in(cell)) is not None:
        return value
    if match := RATING_WORD.fullmatch(cell.strip(" .")):
        return RATING_SCORES[" ".join(match[1].lower().split())]
    return None


def stated_rating(text: CleanText) -> tuple[str | None, int]:
    """The overall rating the report states, in the framework's own words,
    and the line that states it (0 when none does)."""
    names = {band.name.lower(): band.name for band in load_framework().ratings}
    lines = text.lines
    for index, line in enumerate(lines):
        match = RATING_LABEL.match(line.text.strip().strip("*#").strip())
        if not match:
            continue
        following = [(x.text, x.number) for x in lines[index + 1 : index + 4]]
        for candidate, number in [(match["rest"], line.number), *following]:
            if found := RATING_WORD.search(candidate or ""):
                word = " ".join(found[1].lower().split())
                return names.get(word, word.capitalize()), number
    return None, 0


def assess(
    scores: dict[str, int], stated: str | None, stated_line: int = 0
) -> tuple[Assessment | None, tuple[Finding, ...]]:
    """The assessment with the framework's percent and rating, and a
    ``rating_mismatch`` finding (at the stated rating's line) when they differ."""
    if not scores and stated is None:
        return None, ()
    order = [s.id for s in load_framework().statements]
    ordered = {sid: scores[sid] for sid in order if sid in scores}
    percent = rating = None
    if ordered:
        result = score_statements(list(ordered.values()))
        percent, rating = result.percent, result.rating
    findings: tuple[Finding, ...] = ()
    if rating and stated and rating.lower() != stated.lower():
        message = (
            f"the stated rating {stated!r} differs from {rating!r}, which the"
            f" {len(ordered)} statement scores give ({percent}%)"
        )
        finding = Finding(kind="rating_mismatch", message=message, start_line=max(1, stated_line))
        findings = (finding,)
    return Assessment(
        scores=ordered, percent=percent, rating=rating, stated_rating=stated
    ), findings


def graded_assessment(framework_id: str, graded: tuple[NamedGrade, ...]) -> Assessment:
    """Grades by name per judgement area (the heading over an area's findings
    wins over a summary table's row), in the framework's order; the rating is
    the overall judgement's grade."""
    framework = load_framework(framework_id)
    chosen: dict[str, str] = {}
    for grade in sorted(graded, key=lambda g: not g.table_row):
        chosen[grade.statement] = grade.grade
    grades = {s.id: chosen[s.id] for s in framework.statements if s.id in chosen}
    overall = framework.overall_statement
    rating = grades.get(overall) if overall else None
    return Assessment(
        scores={},
        percent=None,
        rating=rating,
        stated_rating=rating,
        framework=framework_id,
        grades=grades,
    )


def graded_headings(graded: tuple[NamedGrade, ...]) -> list[tuple[str, int, int | None]]:
    """Each judgement area's heading: the last line that grades it outside a table."""
    last = {g.statement: g.line for g in graded if not g.table_row}
    return [(statement, line, None) for statement, line in last.items()]


def sections(text: CleanText, headings: list[tuple[str, int, int | None]]) -> tuple[Section, ...]:
    if not text.lines:
        return ()
    statement_lines = {n: sid for sid, n, _ in headings}
    starts: list[Start] = []
    current: str | None = None
    for line in text.lines:
        clean = line.text.strip().strip("*#").strip()
        if line.number in statement_lines:
            current = statement_lines[line.number]
            starts.append(Start(clean, 2, "quality_statement", line.number, (current,)))
            continue
        if line.table_row or len(clean) > 120 or clean.startswith(("-", "•")):
            continue
        if match_theme(clean) and not clean[:1].islower():
            current = None
            starts.append(Start(clean, 1, "theme", line.number))
            continue
        if start := _named_heading(clean, line.number, current):
            if start.level <= 2:
                current = None
            starts.append(start)
    starts += _implicit_findings(text, starts)
    return _finish(text, starts)


def _named_heading(clean: str, number: int, statement: str | None) -> Start | None:
    folded = fold(clean)
    if not folded or len(folded.split()) > 12 or clean.endswith((".", ",")):
        return None
    if score_in(clean) is not None:
        return None  # "Quality statement score: 2" is a score, not the summary's heading
    if statement is not None and LABEL_ONLY.match(clean):
        return None  # a score badge's label ("Quality statement score" over "2")
    for phrase, kind, level in HEADINGS:
        if folded.startswith(phrase) or folded == phrase.strip():
            if statement is not None and phrase not in DOCUMENT_LEVEL:
                qs = (statement,) if kind == "finding" else ()
                return Start(clean, 3, kind, number, qs)
            return Start(clean, level, kind, number)
    if RATING_LABEL.match(clean) and statement is None:
        return Start(clean, 2, "summary", number)
    return None


def _implicit_findings(text: CleanText, starts: list[Start]) -> list[Start]:
    """A statement without a "key findings" heading: its findings start at the
    first line of prose after the score."""
    added = []
    ordered = sorted(starts, key=lambda s: s.line)
    for i, start in enumerate(ordered):
        if start.kind != "quality_statement":
            continue
        following = ordered[i + 1 :]
        until = next((s.line for s in following if s.level <= 2), 10**9)
        if any(s.kind == "finding" and s.line < until for s in following):
            continue
        for line in text.lines:
            if not start.line < line.number < until or len(line.text) < PROSE_CHARS:
                continue
            if score_in(line.text) is None:
                added.append(Start("Findings", 3, "finding", line.number, start.qs))
                break
    return added


def _finish(text: CleanText, starts: list[Start]) -> tuple[Section, ...]:
    ordered = sorted(starts, key=lambda s: (s.line, s.level))
    last_line = text.lines[-1].end
    if len(text.lines) > 1 and text.lines[-1].text.lstrip().startswith(("©", "(c)")):
        last_line = text.lines[-2].end  # the copyright line closes the page, not the findings
    numbers = [line.number for line in text.lines]
    result = []
    for i, start in enumerate(ordered):
        end = next((s.line - 1 for s in ordered[i + 1 :] if s.level <= start.level), last_line)
        first, stop = bisect_left(numbers, start.line), bisect_right(numbers, end)
        refs = find_refs("\n".join(line.text for line in text.lines[first:stop]))
        result.append(
            Section(
                start.title,
                start.level,
                start.kind,
                start.line,
                max(end, start.line),
                start.qs,
                refs,
            )
        )
    return tuple(result)


PARSER = AssessmentReportParser()
