"""Turn read lines into clean lines, keeping the map back to source line numbers."""

from __future__ import annotations

import re

from assure.document import CleanLine, CleanText, SourceDocument

BOLD = re.compile(r"\*\*|__")
TAG = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")
SPACES = re.compile(r"[ \u00a0]{2,}")


def clean_text_of(line: str) -> str:
    line = BOLD.sub("", line)
    line = TAG.sub("", line)
    line = SPACES.sub(" ", line)
    return line.strip()


def normalise(source: SourceDocument) -> CleanText:
    """Clean every line of ``source``; blank lines are dropped, numbers kept."""
    lines = []
    for raw in source.lines:
        text = clean_text_of(raw.text) if not raw.table_row else raw.text.strip()
        if not text:
            continue
        lines.append(
            CleanLine(raw.number, raw.number, text, raw.page, raw.heading_level, raw.table_row)
        )
    return CleanText(source=source, lines=tuple(lines))
