"""Turn read lines into clean lines, keeping the map back to source line numbers.

Steps, in order:

1. clean each line's characters (markup, quotes, odd spaces, ligatures, dot
   leaders, "21, 000"); table rows are cleaned cell by cell, tabs kept;
2. drop artefact lines: page numbers, blank-page notes, running headers and
   footers, stray whitespace-only lines, table rules ("---"), counting each kind;
3. join a sentence split across a page break or blank lines, and (in PDFs and
   text with form-feed pages) the wrapped lines of one paragraph.

A joined ``CleanLine`` cites its first source line in ``number`` and its last in
``end``. Contents lines keep their page number after a tab
("ASSESSING NEEDS\\t8"), so a contents list still reads as one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assure.document import CleanLine, CleanText, Format, SourceDocument, SourceLine
from assure.normalising.artefacts import find_artefacts
from assure.normalising.characters import (
    UNSTORABLE,
    clean_cells,
    clean_characters,
    storable,
    strip_markdown_heading,
)
from assure.normalising.joining import Draft, join_lines

TABLE_RULE = re.compile(r"^[\s|:+=-]*-{2,}[\s|:+=-]*$")


def clean_line(line: SourceLine, markdown: bool) -> str:
    text = line.text
    if markdown and line.heading_level:
        text = strip_markdown_heading(text)
    if line.table_row or "\t" in text:
        return clean_cells(text)
    return clean_characters(text)


def blank_kind(line: SourceLine) -> str | None:
    """Why a line left nothing after cleaning, if it held anything at all."""
    if not line.text:
        return None
    if not line.text.strip():
        return "stray_space"
    if TABLE_RULE.match(line.text.replace("\t", " ")):
        return "table_rule"
    return "markup_only"


def storable_source(source: SourceDocument) -> SourceDocument:
    """``source`` with the characters a database cannot store removed from its
    lines and title (see ``characters.storable``): what is kept of the lines as
    read is the same on SQLite and PostgreSQL."""
    title = source.title
    # one read of all the lines ("\n" is no unstorable character)
    if not UNSTORABLE.search(title or "") and not UNSTORABLE.search(
        "\n".join([line.text for line in source.lines])
    ):
        return source
    lines = tuple(
        replace(line, text=storable(line.text)) if UNSTORABLE.search(line.text) else line
        for line in source.lines
    )
    return replace(source, lines=lines, title=storable(title) if title else title)


def normalise(source: SourceDocument) -> CleanText:
    """Clean ``source`` into non-blank lines that cite their source line numbers.
    ``CleanText.source`` is ``source`` less what no database stores alike.

    Never raises on odd text: whatever survives cleaning is returned.
    """
    source = storable_source(source)
    markdown = source.format == Format.MARKDOWN
    texts = [clean_line(line, markdown) for line in source.lines]
    for index, text in enumerate(texts):
        if "--" in text and TABLE_RULE.match(text.replace("\t", " ")):  # a rule holds "--"
            texts[index] = ""
    artefacts = find_artefacts(source.lines, texts)
    removed: dict[str, int] = {}
    drafts: list[Draft] = []
    gap = False
    for index, line in enumerate(source.lines):
        kind = artefacts.get(index) or (blank_kind(line) if not texts[index] else None)
        if kind is not None or not texts[index]:
            if kind is not None:
                removed[kind] = removed.get(kind, 0) + 1
            gap = True
            continue
        drafts.append(
            Draft(
                line.number, line.number, texts[index], line.page,
                line.heading_level, line.table_row, gap_before=gap,
                soft_end=line.text[-1:].isspace(),
            )
        )  # fmt: skip
        gap = False
    # Text with pages (form feeds) is almost always extracted from a PDF, and wraps like one.
    wrapped = source.format == Format.PDF or (source.format == Format.TEXT and bool(source.pages))
    joined = join_lines(drafts, wrapped=wrapped)
    lines = tuple(
        CleanLine(d.number, d.end, d.full_text, d.page, d.heading_level, d.table_row)
        for d in joined
    )
    return CleanText(source=source, lines=lines, removed=removed)
