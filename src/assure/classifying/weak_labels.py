"""Weak labels: passages of a document whose own structure names the statement.

A self-assessment's statement section or a regulator report's key findings
under a statement heading say which statement their paragraphs are about. The
family parsers record that as ``Section.qs``; where a document has no such
sections (its family was not recognised), statement headings are found here by
matching lines against the framework's statement names and aliases.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from assure.classifying.labelled import LabelledExample
from assure.document import CleanText
from assure.framework import load_framework
from assure.parsing.headings import heading_level
from assure.structure import ParsedStructure, Passage, Section

STATEMENT_KINDS = ("quality_statement", "finding")
# A self-assessment's own sub-sections say which way their paragraphs lean
# (on the real self-assessment the stance head agrees with them on 70% of 181).
SECTION_STANCES = {"proud_of": "strength", "areas_for_improvement": "improvement"}
NUMBER = re.compile(
    r"^(?:part\s+[a-z]\s*[-:–]\s*|theme\s+\d+\s*[-:–]?\s*|\d{1,2}(?:\.\d{1,2})*\.?\s+)", re.I
)


@dataclass(frozen=True, slots=True)
class ParsedText:
    """What the classifier needs of a parsed document (read, normalised, its
    structure parsed and cut into passages; not yet classified)."""

    name: str
    text: CleanText
    structure: ParsedStructure
    passages: tuple[Passage, ...]


def bare_title(title: str) -> str:
    """A heading without its number, dot leaders, punctuation or case."""
    title = NUMBER.sub("", title.strip().lstrip("#").strip())
    title = re.sub(r"\.{2,}.*$|\t.*$", "", title).replace("&", "and")
    return " ".join(re.sub(r"[^a-z ]", " ", title.lower()).split())


def statement_titles(framework_id: str = "cqc-local-authority") -> dict[str, str]:
    """Bare statement names and aliases, each mapped to its statement id."""
    titles: dict[str, str] = {}
    for statement in load_framework(framework_id).statements:
        for name in (statement.name, *statement.aliases):
            titles[bare_title(name)] = statement.id
    return titles


def statement_sections(structure: ParsedStructure) -> tuple[Section, ...]:
    """Sections the parser marked as naming a quality statement."""
    return tuple(s for s in structure.sections if s.qs and s.kind in STATEMENT_KINDS)


def headed_spans(text: CleanText, framework_id: str = "cqc-local-authority") -> tuple[Section, ...]:
    """Statement sections found from lines that are exactly a statement's name.

    A span runs to the next statement heading, theme or part heading, or the
    next numbered heading at the same depth (so "8 ..." ends "7 ASSESSING NEEDS").
    """
    titles = statement_titles(framework_id)
    themes = {bare_title(t.name) for t in load_framework(framework_id).themes}
    starts: list[tuple[int, str, str]] = []
    boundaries: list[tuple[int, str]] = []
    for line in text.lines:
        raw = line.text.strip()
        if len(raw) > 90 or line.table_row or raw.startswith(("-", "•", "*")):
            continue  # a bulleted statement name is a list of contents, not a heading
        bare = bare_title(raw)
        depth = number_depth(raw)
        if bare in titles:
            starts.append((line.number, titles[bare], depth))
        elif any(bare.startswith(t) for t in themes) or raw.lower().startswith(("part ", "theme ")):
            boundaries.append((line.number, "theme"))
        elif depth and heading_level(line) is not None:
            boundaries.append((line.number, depth))
    last = text.lines[-1].end if text.lines else 0
    spans = []
    for start, statement, depth in starts:
        end = last
        for number, kind in sorted(boundaries + [(s, "statement") for s, _, _ in starts]):
            if number <= start:
                continue
            if kind in ("theme", "statement") or (depth and kind == depth):
                end = number - 1
                break
        spans.append(
            Section(
                title=statement,
                level=1,
                kind="quality_statement",
                start_line=start,
                end_line=end,
                qs=(statement,),
            )
        )
    return tuple(spans)


def number_depth(raw: str) -> str:
    """ "1" for "7 TITLE", "2" for "7.1 TITLE", "" for an unnumbered line."""
    match = re.match(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+\S", raw)
    return str(match.group(1).count(".") + 1) if match else ""


def weak_examples(
    parsed: ParsedText, framework_id: str = "cqc-local-authority"
) -> tuple[LabelledExample, ...]:
    """The document's passages in order, those inside statement sections
    labelled by them (source ``structure``), with the stance of a "proud of" or
    "areas for improvement" section around them.

    Headings are left out (a classifier must not learn from a heading that
    names the answer). Passages outside statement sections keep source
    ``context``: their topic is unknown, so they are only read as neighbours.
    """
    sections = statement_sections(parsed.structure) or headed_spans(parsed.text, framework_id)
    headings = {line.number for line in parsed.text.lines if heading_level(line) is not None}
    headings |= {section.start_line for section in parsed.structure.sections}
    found: list[LabelledExample] = []
    for passage in parsed.passages:
        if passage.start_line in headings:
            continue
        labels = enclosing_statements(sections, passage.start_line)
        source = "structure" if labels else "context"
        found.append(
            LabelledExample(
                passage.text,
                labels,
                parsed.name,
                source=source,
                stance=enclosing_stance(parsed.structure.sections, passage.start_line),
                position=len(found),
            )
        )
    return tuple(found)


class Span(Protocol):
    """A section as parsed or as stored: its kind and its lines."""

    @property
    def kind(self) -> str: ...
    @property
    def start_line(self) -> int: ...
    @property
    def end_line(self) -> int: ...


S = TypeVar("S", bound=Span)


def innermost(sections: Sequence[S], line: int, keep: Callable[[S], bool]) -> S | None:
    """The innermost (latest starting) kept section around ``line``."""
    around = [s for s in sections if keep(s) and s.start_line <= line <= s.end_line]
    return max(reversed(around), key=lambda s: s.start_line) if around else None


def enclosing_statements(sections: Sequence[Section], line: int) -> tuple[str, ...]:
    """The statements named by the innermost section with ``qs`` around ``line``."""
    found = innermost(sections, line, lambda s: bool(s.qs))
    return found.qs if found else ()


def enclosing_stance(sections: Sequence[Span], line: int) -> str | None:
    """The stance the document itself gives ``line``: inside its "what we are
    proud of" or "areas for improvement" section (the innermost one)."""
    found = innermost(sections, line, lambda s: s.kind in SECTION_STANCES)
    return SECTION_STANCES[found.kind] if found else None
