"""Self-assessments: a council's own account of itself against the framework.

The genre (the ADASS/LGA template and councils' variations on it) has four
themes and nine quality statements, each with sub-sections: ambition and
performance, what we are proud of, areas for improvement, how we know, plans,
what others say; with case studies, call-outs and quotes, and references to an
evidence library. Statements may be numbered headings, format headings,
lines of their own or run-in labels at a paragraph's start; a contents list
names them too and must not be taken for them.

Sections: ``theme`` (level 1), ``quality_statement`` (level 2), theme-level
``proud_of`` / ``areas_for_improvement`` (level 2), the template sub-sections
(level 3), other sub-headings (``heading``, level 4), ``case_study`` and
``call_out`` (level 4) and ``quote`` (level 5). Each runs from its heading
line to the line before the next section of the same or a higher level.
A month-only date ("December 2024") is given as the first of the month.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, replace

from assure.document import CleanLine, CleanText
from assure.extracting.references import find_refs
from assure.parsing.front_matter import council_of, date_of, title_matching
from assure.parsing.headings import title_of
from assure.parsing.self_assessment_lines import (
    NUMBERED,
    RUN_IN,
    STANDALONE,
    Candidate,
    flattened_statement_row,
    read_line,
    statement_row,
)
from assure.parsing.self_assessment_signals import (
    recognise_self_assessment,
    self_assessment_ceiling,
)
from assure.parsing.statements import (
    begins_statement_name,
    names_by_number_only,
    statement_order,
    theme_of,
)
from assure.structure import DocumentKind, ParsedStructure, Section

FRAME_KINDS = ("theme", "quality_statement")
RECURRING = 3
CORROBORATING = 3  # statements named at one heading depth before it counts as theirs
PAGE_MARK = re.compile(r"\bpage\s+\d|^\d+$", re.IGNORECASE)
TITLE_BLOCK = 3  # opening lines that name the council, the document and its date
TITLE = re.compile(r"self[- ]?(?:assessment|evaluation)", re.IGNORECASE)


@dataclass
class Layout:
    """The headings chosen for a document's frame."""

    statements: dict[str, Candidate]
    themes: dict[str, Candidate]
    main_rank: int | None


@dataclass(frozen=True, slots=True)
class Start:
    title: str
    level: int
    kind: str
    line: int
    qs: tuple[str, ...] = ()
    end: int | None = None  # fixed end, for quotes and call-outs


class SelfAssessmentParser:
    kind = DocumentKind.SELF_ASSESSMENT

    def recognise(self, text: CleanText) -> float:
        """How surely ``text`` is a self-assessment, 0 to 1."""
        candidates = read_candidates(text)
        layout = choose_layout(candidates)
        return recognise_self_assessment(text, candidates, len(layout.statements))

    def ceiling(self, text: CleanText) -> float:
        """At least what ``recognise`` gives, found cheaply (see the registry)."""
        return self_assessment_ceiling(text)

    def parse(self, text: CleanText) -> ParsedStructure:
        """Title, council, date and the sections of a self-assessment."""
        return ParsedStructure(
            kind=self.kind,
            title=title_matching(text, TITLE) or title_of(text),
            council=council_of(text),
            date=date_of(text),
            sections=parse_sections(text),
        )


def read_candidates(text: CleanText) -> list[Candidate]:
    """Every line that could be a heading, label, call-out or quote."""
    found = []
    lines = text.lines
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        c = read_line(line) or statement_row(line, lines[index - 1] if index else None, following)
        if (c is None or not c.statement) and following and begins_statement_name(line.text):
            c = _wrapped_heading(line, following) or c
        if c is None or not c.statement:
            c = flattened_statement_row(line) or c
        if c is not None:
            found.append(replace(c, next_line=following.number if following else None))
    return _drop_listed_statements(_join_split_headings(found))


def _drop_listed_statements(found: list[Candidate]) -> list[Candidate]:
    """Numbered statement names on consecutive lines are a list of the
    statements (a theme's overview), not their headings: a heading has text below it."""
    numbered = {c.number: c for c in found if c.statement and c.tier == NUMBERED and not c.weak}
    listed: set[int] = set()
    for c in numbered.values():
        below = numbered.get(c.next_line) if c.next_line is not None else None
        if below is not None and below.rank == c.rank:
            listed |= {c.number, below.number}
    return [c for c in found if c.number not in listed]


def _join_split_headings(found: list[Candidate]) -> list[Candidate]:
    """A heading whose number and name a PDF put on two lines ("Quality
    Statement 2:" over "Supporting people to live healthier lives", "Theme 1:"
    over "Working with people") is one heading at its first line."""
    joined: list[Candidate] = []
    for c in found:
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and prev.next_line == c.number
            and names_by_number_only(prev.title)
            and (prev.statement, prev.theme) == (c.statement, c.theme)
            and not c.subsection
        ):
            line = replace(prev.line, text=f"{prev.line.text} {c.line.text}", end=c.line.end)
            joined[-1] = replace(
                c, line=line, title=f"{prev.title} {c.title}", tier=max(prev.tier, c.tier)
            )
            continue
        joined.append(c)
    return joined


def _wrapped_heading(line: CleanLine, following: CleanLine) -> Candidate | None:
    """A statement heading wrapped onto the next line, read as one."""
    joined = replace(line, text=f"{line.text.rstrip()} {following.text.strip()}", end=following.end)
    c = read_line(joined)
    return replace(c, line=line) if c is not None and c.statement else None


def parse_sections(text: CleanText) -> tuple[Section, ...]:
    """The document's sections, in order of their first line."""
    if not text.lines:
        return ()
    candidates = read_candidates(text)
    layout = choose_layout(candidates)
    starts = frame_starts(layout)
    starts += inner_starts(text, candidates, layout, starts)
    return finish(text, starts)


def choose_layout(candidates: list[Candidate]) -> Layout:
    body = [c for c in candidates if not c.contents]
    frame = [
        c for c in body if (c.statement or c.theme) and not c.subsection and c.tier >= STANDALONE
    ]
    frame_lines = [c.number for c in frame]
    frame_names = [c.statement or c.theme for c in frame]
    ranks = Counter(
        c.rank for c in body if c.statement and c.rank and c.tier >= NUMBERED and not c.weak
    )
    main_rank = ranks.most_common(1)[0][0] if ranks else None
    # Where every statement heading is named loosely ("7 ASSESSING NEEDS IN OUR
    # AREA"), the depth at which most statements are named stands in for it.
    named_at: dict[int, set[str]] = {}
    for c in body:
        if c.statement and c.rank and c.tier >= NUMBERED:
            named_at.setdefault(c.rank, set()).add(c.statement)
    loose_rank = max(named_at, key=lambda r: len(named_at[r]), default=None)
    if loose_rank is not None and len(named_at[loose_rank]) < CORROBORATING:
        loose_rank = None

    def fits(c: Candidate) -> bool:
        return main_rank is None or c.rank is None or c.rank <= main_rank

    def corroborated(c: Candidate) -> bool:
        # A one-word alias ("Partnership", "Prevention") is usually a sub-heading;
        # it is the statement's heading only as a run-in label, or numbered at
        # the depth where other statements are named in full.
        if c.tier == RUN_IN:
            return True
        return c.tier != STANDALONE and c.rank is not None and c.rank == (main_rank or loose_rank)

    def key(c: Candidate) -> tuple[bool, int, bool, int]:
        # How far the heading's section runs: to the next heading that names
        # something else (a header repeating its name does not end it).
        after = bisect_right(frame_lines, c.number)
        later = zip(frame_lines[after:], frame_names[after:], strict=True)
        following = next((n for n, name in later if name != c.statement), 10**9)
        has_body = c.next_line is not None and c.next_line not in frame_lines
        return (not c.weak, c.tier, has_body, min(following - c.number, 10**6))

    statements: dict[str, Candidate] = {}
    for c in body:
        if not (c.statement and fits(c)) or (c.weak and not corroborated(c)):
            continue
        if c.statement not in statements or key(c) > key(statements[c.statement]):
            statements[c.statement] = c
    # A statement whose only heading sits a level deeper than the others (an
    # inconsistently styled heading) is still its heading if it names it fully.
    for c in body:
        if c.statement and c.statement not in statements and not c.weak and c.tier >= NUMBERED:
            statements[c.statement] = c
    # A section shared by two statements heads each that has none of its own.
    for c in list(statements.values()):
        for other in c.shared:
            statements.setdefault(other, c)
    themes = choose_themes(body, statements)
    return Layout(statements, themes, main_rank)


def choose_themes(body: list[Candidate], statements: dict[str, Candidate]) -> dict[str, Candidate]:
    """For each theme, the theme heading closest before its first statement and
    after the statements of other themes."""
    chosen: dict[str, Candidate] = {}
    for c in body:
        if not c.theme or c.subsection or c.statement or c.tier < STANDALONE:
            continue
        own = [s.number for sid, s in statements.items() if theme_of(sid) == c.theme]
        others = [s.number for sid, s in statements.items() if theme_of(sid) != c.theme]
        if own:
            first = min(own)
            if c.number > first or any(c.number < o < first for o in others):
                continue
        # Prefer the strongest form; among equals, the one nearest the theme's
        # first statement (or, for a theme without statements, the first).
        previous = chosen.get(c.theme)
        if previous is None or (c.tier, c.number if own else -c.number) > (
            previous.tier,
            previous.number if own else -previous.number,
        ):
            chosen[c.theme] = c
    return chosen


def frame_starts(layout: Layout) -> list[Start]:
    """One section per statement heading; a heading shared by two statements
    is one section naming both."""
    by_heading: dict[int, tuple[Candidate, list[str]]] = {}
    for sid, c in layout.statements.items():
        by_heading.setdefault(c.number, (c, []))[1].append(sid)
    starts = [
        Start(c.title, 2, "quality_statement", number, tuple(sorted(ids, key=statement_order)))
        for number, (c, ids) in by_heading.items()
    ]
    starts += [Start(c.title, 1, "theme", c.number) for c in layout.themes.values()]
    return starts


def inner_starts(
    text: CleanText, candidates: list[Candidate], layout: Layout, frame: list[Start]
) -> list[Start]:
    """Sub-sections, theme-level sections, other headings and call-outs."""
    chosen = {c.number for c in layout.statements.values()} | {
        c.number for c in layout.themes.values()
    }
    spans = statement_spans(text, frame)
    themes = sorted((s.line, s) for s in frame if s.kind == "theme")

    def inside(c: Candidate) -> bool:
        return any(first <= c.number <= last for first, last in spans)

    # A sub-section's words in a heading above the statements' depth (or, where
    # statements are unranked labels, at the themes' depth) head the document's
    # own section ("## Our priorities for next year"), not the last statement's.
    theme_rank = min((t.rank for t in layout.themes.values() if t.rank), default=None)
    above = [
        c
        for c in candidates
        if c.subsection
        and c.rank
        and (
            (layout.main_rank and c.rank < layout.main_rank)
            or (not layout.main_rank and not c.theme and theme_rank and c.rank <= theme_rank)
        )
    ]
    ranks = Counter(c.rank for c in candidates if c.subsection and c.rank and inside(c))
    sub_rank = ranks.most_common(1)[0][0] if ranks else None
    # Where the statements are run-in labels, a short line of its own is a
    # heading outside them (an introduction, a summary).
    run_in_only = bool(layout.statements) and all(
        c.tier == RUN_IN for c in layout.statements.values()
    )
    head = text.lines[min(TITLE_BLOCK, len(text.lines)) - 1].number
    # A short line that recurs is a running header or footer, not a heading.
    recurring = Counter(c.title.lower() for c in candidates if c.tier == STANDALONE)
    found: list[Start] = []
    for c in candidates:
        if c.contents or c.number in chosen:
            continue
        if c.subsection and c not in above:
            found.extend(_subsection(c, inside(c), themes, frame))
        elif c.special:
            found.extend(_special(text, c))
        elif c.tier >= NUMBERED or (
            c.tier == STANDALONE
            and run_in_only
            and c.number > head
            and recurring[c.title.lower()] < RECURRING
            and not PAGE_MARK.search(c.title)
        ):
            found.append(_generic(c, inside(c), layout, frame, sub_rank))
    return found


def _subsection(
    c: Candidate, inside: bool, themes: list[tuple[int, Start]], frame: list[Start]
) -> list[Start]:
    """A template sub-section: of its statement (level 3), or of its theme
    (level 2) when the heading names the theme or comes before the theme's
    first statement."""
    if c.theme:
        return [Start(c.title, 2, c.subsection or "heading", c.number)]
    if inside:
        return [Start(c.title, 3, c.subsection or "heading", c.number)]
    before = [s for line, s in themes if line < c.number]
    if before and c.tier >= STANDALONE:
        next_statement = min(
            (s.line for s in frame if s.line > before[-1].line and s.kind != "theme"), default=0
        )
        if not next_statement or c.number < next_statement:
            return [Start(c.title, 2, c.subsection or "heading", c.number)]
    return []


def _special(text: CleanText, c: Candidate) -> list[Start]:
    if c.special == "quote":
        return [Start(c.title, 5, "quote", c.number, end=c.line.end)]
    if c.special == "call_out":
        end = c.line.end
        if c.tier >= STANDALONE and c.next_line is not None:
            end = max(end, _end_of_line(text, c.next_line))
        return [Start(c.title, 4, "call_out", c.number, end=end)]
    return [Start(c.title, 4, c.special or "heading", c.number)]


def _generic(
    c: Candidate, inside: bool, layout: Layout, frame: list[Start], sub_rank: int | None
) -> Start:
    """A heading the template does not name: a break in the frame when it is
    at the statements' own depth, a sibling of the template's sub-sections at
    theirs, else a sub-heading."""
    threshold = layout.main_rank or min(
        (t.rank for t in layout.themes.values() if t.rank), default=1
    )
    if (c.rank is not None and c.rank <= threshold) or c.tier == STANDALONE:
        return Start(c.title, _break_level(c.number, frame), "heading", c.number)
    if not inside:
        return Start(c.title, 2, "heading", c.number)
    sibling = c.rank is not None and sub_rank is not None and c.rank <= sub_rank
    return Start(c.title, 3 if sibling else 4, "heading", c.number)


def _break_level(number: int, frame: list[Start]) -> int:
    """Level 2 between two statements of one theme, else level 1."""
    before = [s for s in frame if s.line < number]
    after = [s for s in frame if s.line > number]
    if not before or not after:
        return 1
    last, following = max(before, key=lambda s: s.line), min(after, key=lambda s: s.line)
    if following.kind == "theme":
        return 1
    theme_before = last.qs and theme_of(last.qs[0])
    theme_after = following.qs and theme_of(following.qs[0])
    return 2 if last.kind != "theme" and theme_before == theme_after else 1


def statement_spans(text: CleanText, frame: list[Start]) -> list[tuple[int, int]]:
    ordered = sorted(frame, key=lambda s: s.line)
    last_line = text.lines[-1].end
    spans = []
    for i, start in enumerate(ordered):
        if start.kind != "quality_statement":
            continue
        end = next((s.line - 1 for s in ordered[i + 1 :]), last_line)
        spans.append((start.line, end))
    return spans


def _end_of_line(text: CleanText, number: int) -> int:
    for line in text.lines:
        if line.number == number:
            return line.end
    return number


def _closes(start: Start, later: Start) -> bool:
    """Whether ``later`` ends ``start``: a section of the same or a higher
    level does, and the frame (themes, statements) ends any other heading."""
    if later.level <= start.level:
        return True
    return start.kind == "heading" and later.kind in FRAME_KINDS


def finish(text: CleanText, starts: list[Start]) -> tuple[Section, ...]:
    """Sections with their ends and references, in document order."""
    ordered = sorted(starts, key=lambda s: (s.line, s.level))
    last_line = text.lines[-1].end
    numbers = [line.number for line in text.lines]
    sections = []
    for i, start in enumerate(ordered):
        end = start.end
        if end is None:
            end = next((s.line - 1 for s in ordered[i + 1 :] if _closes(start, s)), last_line)
        end = max(end, start.line)
        first, stop = bisect_left(numbers, start.line), bisect_right(numbers, end)
        refs = find_refs("\n".join(line.text for line in text.lines[first:stop]))
        sections.append(
            Section(
                title=start.title,
                level=start.level,
                kind=start.kind,
                start_line=start.line,
                end_line=end,
                qs=start.qs,
                refs=refs,
            )
        )
    return tuple(sections)


PARSER = SelfAssessmentParser()
