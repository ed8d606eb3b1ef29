"""The committee pack parser's own view of the clean lines.

Normalisation may leave markdown bold, HTML tags and page furniture behind, so
the pack parser cleans each line again, tolerantly, and marks the furniture
(page numbers, blank page notices, running headers) so that it never reaches
an agenda item, a minute or a decision.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from assure.document import CleanLine, CleanText, SourceLine
from assure.extracting.dates import find_dates
from assure.normalising.folding import folded
from assure.parsing.per_text import once_per_text

MARKUP = re.compile(r"\*\*|__|</?[a-zA-Z][^<>]{0,200}>|^#{1,6}\s+|\*(?=\S)|(?<=\S)\*")
SPACES = re.compile(r"[ \u00a0\u2002\u2003\u2009]+")
# The runs of SPACES other than a lone space, which replacing by a space would not change.
WIDE_SPACES = re.compile(
    r" [ \u00a0\u2002\u2003\u2009]+|[\u00a0\u2002\u2003\u2009][ \u00a0\u2002\u2003\u2009]*"
)
DASHES = re.compile(r"[\u2012\u2013\u2014\u2015\u2212]")
# What ``tidy`` changes: markup, pipes, tabs, dashes, curly quotes, wide or doubled spaces.
UNTIDY = re.compile(
    r"[*_<#|\t\u2012-\u2015\u2212\u2018\u2019\u201c\u201d\u00a0\u2002\u2003\u2009]|  "
)
MARKUP_CHARS = re.compile(r"[*_<#]")  # every match of MARKUP holds one
CURLY_QUOTES = re.compile("[\u2018\u2019\u201c\u201d]")
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})

PAGE_NUMBER = re.compile(
    r"^(?:page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|-\s*\d{1,4}\s*-|\d{1,4}\s*\|\s*page|page\s*\|\s*\d{1,4})$",
    re.IGNORECASE,
)
BLANK_PAGE = re.compile(
    r"\b(?:this\s+)?page\s+(?:is\s+|has\s+been\s+)?(?:intentionally|deliberately)\s+(?:been\s+)?left\s+blank\b",
    re.IGNORECASE,
)
# Lines that open a unit of a pack; a join that swallowed one is undone.
STRUCTURAL = re.compile(
    r"^(?:\d{1,3}[a-z]?[.:)]?(?:\s+[A-Z(\"']|$)|(?i:item|minute|agenda\s+item)\s+\d"
    # "(5) Title", "A5 Title": agenda items numbered in brackets or by part.
    r"|\(\d{1,2}\)\s+[A-Z]|[A-Z]\d{1,2}\s+[A-Z][a-z]"
    # A minute reference with the body's letters: "OS.12", "HWB/24/07", "CAB 23/24-45".
    r"|[A-Z]{2,6}(?:[ .]|\s?/\s?)\d{1,3}(?:/\d{2,4}(?:[-/]\d{1,3})?)?\.?\s+[A-Z]"
    r"|(?i:(?:[a-z]+\s+){0,2}members?\s+present|present\s*:|apologies|(?:also\s+)?in\s+attendance|also\s+present)"
    r"|(?i:officers?|contact(?:\s+officer)?|date|time|venue|action)\s*:"
    r"|RESOLVED|AGREED|DECIDED|RECOMMENDED|Resolved\b|Agreed\b|\(?(?i:pages?)\s+\d"
    r"|(?i:(?:draft\s+)?minutes\s+of\s+(?:a|the)\s+(?:\w+\s+)?meeting)"
    # a notice's date line: "Wednesday, 12th March, 2025, at 10.00 am"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+\d{1,2}(?:st|nd|rd|th)?\s"
    r"|(?:Councillors?|Cllrs?\.?)\s+[A-Z])"
)
# "Jo Bloggs, Head of Service": lines of an attendance list that a reader of a
# PDF may join like the wrapped lines of a paragraph.
PERSON_WITH_ROLE = re.compile(
    r"^(?:(?:Dr|Mr|Mrs|Ms|Miss|Professor)\.?\s+)?[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){1,3}"
    r"(?:\s+\([^)]{1,30}\))?,\s+[A-Z][^,]{2,80}(?:,\s+[A-Z][^,]{2,80})?$"
)
AGENDA_MARKER = re.compile(
    r"^agenda\s+item\s*(?:no\.?\s*)?[:.]?\s*(\d{1,2}[a-z]?)\b\.?$", re.IGNORECASE
)


def is_page_number(text: str) -> bool:
    """Whether PAGE_NUMBER matches ``text``: never unless "p", "-" or a digit opens it."""
    return (text[:1] in ("p", "P", "-") or text[:1].isdecimal()) and bool(PAGE_NUMBER.match(text))


def agenda_marker(text: str) -> re.Match[str] | None:
    """AGENDA_MARKER's match of ``text``: never unless "a" opens it."""
    return AGENDA_MARKER.match(text) if text[:1] in ("a", "A") else None


@dataclass(frozen=True, slots=True)
class PackLine:
    """One clean line as the pack parser sees it.

    ``gap`` is true when blank source lines separate it from the line before
    (a paragraph break); ``noise`` names page furniture (``page_number``,
    ``blank_page``, ``running_header``, ``agenda_marker``) or is ``None``.
    """

    number: int
    end: int
    text: str
    table: bool = False
    gap: bool = True
    noise: str | None = None

    @property
    def cells(self) -> list[str]:
        return [cell.strip() for cell in self.text.split("\t")]


@lru_cache(maxsize=8192)  # detection and parsing tidy the same lines many times over
def tidy(text: str) -> str:
    """A line without markup, with plain dashes, quotes and single spaces; a
    row of a table written with pipes has its cells split by tabs instead."""
    if text == text.strip() and not _untidy(text):
        return text  # nothing below would change it
    if MARKUP_CHARS.search(text):
        text = MARKUP.sub("", text)
    text = _pipe_cells(text)
    if not text.isascii():  # wide dashes and curly quotes are not ASCII
        text = DASHES.sub("–", text)
        if CURLY_QUOTES.search(text):
            text = text.translate(QUOTES)
    if "\t" in text:
        return "\t".join(_single_spaced(cell).strip() for cell in text.split("\t")).strip("\t ")
    return _single_spaced(text).strip()


def _untidy(text: str) -> bool:
    """Whether UNTIDY is found in ``text``: in ASCII, one of its marks is."""
    if text.isascii():
        return (
            "\t" in text
            or "  " in text
            or "|" in text
            or "*" in text
            or "_" in text
            or ("<" in text or "#" in text)
        )
    return UNTIDY.search(text) is not None


def _single_spaced(text: str) -> str:
    """``text`` with each run of SPACES made one space."""
    if text.isascii() and "  " not in text:
        return text  # every run is a lone space already
    return WIDE_SPACES.sub(" ", text)


# "| 3 | Minutes | 1 - 8 |" from a markdown converter, or "Jo Bloggs | Chair"
# where a PDF reader kept a table's column rule as a pipe.
PIPE_ROW = re.compile(r"^\|.*\|$|\S\s+\|\s+\S")
PIPE_RULE = re.compile(r"^[|:\s–-]*$")


def _pipe_cells(text: str) -> str:
    """A pipe-separated row as tab-separated cells; a rule row ("| --- |") as nothing."""
    stripped = text.strip()
    if "|" not in stripped or len(stripped) > 600 or is_page_number(stripped):
        return text
    if not PIPE_ROW.search(stripped):
        return text
    if PIPE_RULE.match(stripped):
        return ""
    if stripped.startswith("|") and stripped.endswith("|"):
        stripped = stripped[1:-1]
    # An empty cell keeps its place, so columns stay aligned with the header.
    return "\t".join(cell.strip() or " " for cell in stripped.split("|"))


def _whole_row(text: str) -> bool:
    """A markdown table row, from its opening pipe to its closing one."""
    if "|" not in text:
        return False  # removing markup makes no pipe
    stripped = MARKUP.sub("", text).strip()
    return len(stripped) > 1 and stripped.startswith("|") and stripped.endswith("|")


def _join_wrapped_rows(lines: list[PackLine], source: tuple[SourceLine, ...]) -> list[PackLine]:
    """A markdown row that a PDF wrapped ("| 5 | Title | 13 -" over "30 |")
    joined again: a row that opens with a pipe ends with one."""
    joined: list[PackLine] = []
    for line in lines:
        if joined and line.noise is None and _open_row(joined[-1], source):
            first = joined[-1]
            numbers = range(first.number, line.end + 1)
            text = tidy(" ".join(source[n - 1].text.strip() for n in numbers))
            joined[-1] = PackLine(first.number, line.end, text, True, first.gap)
            continue
        joined.append(line)
    return joined


def _open_row(line: PackLine, source: tuple[SourceLine, ...]) -> bool:
    if "|" not in source[line.number - 1].text:
        return False  # removing markup makes no pipe
    first = MARKUP.sub("", source[line.number - 1].text).strip()
    last = MARKUP.sub("", source[line.end - 1].text).strip()
    return first.startswith("|") and not last.endswith("|") and line.end - line.number < 3


def pack_lines(text: CleanText) -> list[PackLine]:
    """The non-blank lines of ``text`` with furniture marked."""
    return list(_pack_lines(text))


@once_per_text  # a committee paper's detector, then the pack's parser
def _pack_lines(text: CleanText) -> tuple[PackLine, ...]:
    raw: list[PackLine] = []
    previous_end = 0
    source = text.source.lines
    for line in text.lines:
        # Normalisation may drop blank page notices and the "Agenda Item 5"
        # stamped on every page as running headers, yet they mark where a
        # document ends: put them back as furniture.
        raw.extend(_dropped_furniture(source, previous_end, line.number))
        gap = line.number > previous_end + 1
        raw.extend(_split_join(line, source, gap))
        previous_end = max(line.end, line.number)
    # And after the last line: "Page 35" from an agenda's page column may end the text.
    raw.extend(_dropped_furniture(source, previous_end, len(source) + 1))
    raw = _join_wrapped_rows(raw, source)
    # Headers are counted on the source lines too: a join may have run every
    # copy into a paragraph, where it is cut out below.
    as_read = [tidy(s.text) for s in source if s.text.strip()]
    headers = _running_header_texts(
        line.text for line in raw if not line.table
    ) | _running_header_texts(as_read)
    numbered = [is_page_number(line.text) for line in raw]
    edges = page_edge_repeats(raw, numbered) | printed_page_numbers(source)
    return tuple(
        _marked(line, headers, line.number in edges, number)
        for line, number in zip(raw, numbered, strict=True)
    )


def printed_page_numbers(source: tuple[SourceLine, ...]) -> set[int]:
    """Line numbers of a bare number that opens or closes a page and is that
    page's own number ("2" atop page 2): a printout's page number, on however
    few pages (the normaliser asks for three before it is sure)."""
    first: dict[int, SourceLine] = {}
    last: dict[int, SourceLine] = {}
    for line in source:
        if line.page is not None and line.text.strip():
            first.setdefault(line.page, line)
            last[line.page] = line
    return {
        line.number
        for page in first
        for line in {first[page].number: first[page], last[page].number: last[page]}.values()
        if line.text.strip().lstrip("\f") == str(page)
    }


def _dropped_furniture(source: tuple[SourceLine, ...], after: int, before: int) -> list[PackLine]:
    """Furniture lines that normalisation dropped between two clean lines."""
    found = []
    for number in range(after + 1, min(before, len(source) + 1)):
        dropped = source[number - 1].text
        if len(dropped) < 120 and (
            _blank_page(dropped) or is_page_number(tidy(dropped)) or agenda_marker(tidy(dropped))
        ):
            found.append(PackLine(number, number, tidy(dropped), gap=True))
    return found


def _split_join(line: CleanLine, source: tuple[SourceLine, ...], gap: bool) -> list[PackLine]:
    """The clean line, or its source lines again where normalisation joined a
    wrapped-looking line into an agenda item, a minute, a label or a decision."""
    end = min(max(line.end, line.number), len(source))
    parts = (
        [
            source[number - 1]
            for number in range(line.number, end + 1)
            if source[number - 1].text.strip()
        ]
        if end > line.number
        else []
    )
    if len(parts) > 1:
        tidied_parts = [tidy(part.text) for part in parts]
        if (
            any(STRUCTURAL.match(tidied) for tidied in tidied_parts)
            or sum("\t" in tidied for tidied in tidied_parts) >= 2  # rows of a pipe table
            or any(_whole_row(part.text) for part in parts)
            or all(PERSON_WITH_ROLE.match(tidied) for tidied in tidied_parts)
        ):
            return [
                PackLine(
                    part.number,
                    part.number,
                    tidied,
                    part.table_row or "\t" in part.text,
                    gap and i == 0,
                )
                for i, (part, tidied) in enumerate(zip(parts, tidied_parts, strict=True))
                if tidied
            ]
    tidied = tidy(line.text)
    if not tidied:
        return []
    return [
        PackLine(
            line.number, max(line.end, line.number), tidied, line.table_row or "\t" in tidied, gap
        )
    ]


def _blank_page(text: str) -> bool:
    """A notice that the page is blank: never without the word "blank"."""
    return "blank" in folded(text) and BLANK_PAGE.search(text) is not None


def _marked(line: PackLine, headers: set[str], page_edge: bool, page_number: bool) -> PackLine:
    """``line`` with its furniture named; ``page_number`` when it is one (PAGE_NUMBER)."""
    text = line.text
    noise = None
    if page_number:
        noise = "page_number"
    elif len(text) < 90 and _blank_page(text):
        noise = "blank_page"
    elif agenda_marker(text):
        noise = "agenda_marker"
    elif text in headers or page_edge:
        noise = "running_header"
    if noise is None:
        inside = [header for header in headers if header in text]
        if inside:
            for header in inside:
                text = text.replace(header, " ")
            return PackLine(
                line.number, line.end, SPACES.sub(" ", text).strip(), line.table, line.gap
            )
        return line
    return PackLine(line.number, line.end, text, line.table, line.gap, noise)


def page_edge_repeats(lines: list[PackLine], numbered: list[bool]) -> set[int]:
    """Line numbers of an undated running header or footer: a short line
    printed beside the page number on several pages ("Adult Social Care
    Scrutiny Committee" over "Page 12"). Only the copies beside a page number
    are furniture; the same words as the notice's title stay. ``numbered``
    says which lines are page numbers (PAGE_NUMBER)."""
    beside: dict[str, list[int]] = {}
    last = len(lines) - 1
    for position, line in enumerate(lines):
        if line.table or len(line.text) > 100 or numbered[position]:
            continue
        if (position > 0 and numbered[position - 1]) or (
            position < last and numbered[position + 1]
        ):
            beside.setdefault(line.text, []).append(line.number)
    return {number for numbers in beside.values() if len(numbers) >= 3 for number in numbers}


def running_headers(lines: list[PackLine]) -> set[str]:
    """Short lines repeated through the pack that carry a date beside other
    words ("Cabinet - 12 March 2019"), which is how running headers look."""
    return _running_header_texts(line.text for line in lines if not line.table)


def _running_header_texts(texts: Iterable[str]) -> set[str]:
    """``running_headers`` of the lines of a pack that are not table rows."""
    counts = Counter(text for text in texts if len(text) <= 100)
    headers = set()
    for text, count in counts.items():
        if count < 2 or ":" in text[:30] or text.endswith("."):
            continue
        dates = find_dates(text)
        if not dates:
            continue
        words = re.findall(r"[A-Za-z']{3,}", text)
        months = sum(1 for word in words if word.lower()[:3] in _MONTH_WORDS)
        if len(words) - months >= 1:
            headers.add(text)
    return headers


_MONTH_WORDS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun",
}  # fmt: skip
