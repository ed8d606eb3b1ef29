"""Numbering lines as a reader emits them, so every reader counts the same way."""

from __future__ import annotations

import re

from assure.document import SourceLine
from assure.reading.limits import Limits

LINE_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """Lines of ``text``, split on ``\\n``, ``\\r\\n`` or ``\\r`` only.

    Unlike ``str.splitlines`` this leaves form feeds, ``\\x1c``..``\\x1e`` and
    Unicode separators inside the line, so numbers agree with ``grep -n``. A
    final line break does not start an empty line.
    """
    # Where every "\r" starts a "\r\n" (as in PDFium's text), str.split does
    # the same as the pattern at half the cost.
    unified = text.replace("\r\n", "\n")
    parts = unified.split("\n") if "\r" not in unified else LINE_BREAK.split(text)
    if parts and parts[-1] == "":
        parts.pop()
    return parts


class LineBuilder:
    """Collects ``SourceLine`` objects numbered 1, 2, 3... in the order added.

    With ``limits``, a line past the limit on lines, or longer than the limit
    on a line's length, raises ``TooLarge`` as it is added.
    """

    def __init__(self, limits: Limits | None = None) -> None:
        self._lines: list[SourceLine] = []
        self._limits = limits

    def add(
        self,
        text: str,
        page: int | None = None,
        heading_level: int | None = None,
        table_row: bool = False,
    ) -> None:
        """Add one line; text holding line breaks becomes several lines."""
        self._extend(split_lines(text) or [""], page, heading_level, table_row)

    def add_row(self, cells: list[str], page: int | None = None) -> None:
        """Add a table row: cells joined by tabs, line breaks inside a cell become spaces."""
        flat = [" ".join(split_lines(cell)).replace("\t", " ").strip() for cell in cells]
        self._extend(["\t".join(flat)], page, table_row=True)

    def _extend(
        self,
        texts: list[str],
        page: int | None,
        heading_level: int | None = None,
        table_row: bool = False,
    ) -> None:
        """Lines numbered on from the last; past a limit, nothing is added."""
        first = len(self._lines) + 1
        if self._limits is not None:
            self._limits.check_new_lines(first, texts)
        self._lines += [
            SourceLine(number, text, page, heading_level, table_row)
            for number, text in enumerate(texts, first)
        ]

    def __len__(self) -> int:
        return len(self._lines)

    @property
    def lines(self) -> tuple[SourceLine, ...]:
        return tuple(self._lines)
