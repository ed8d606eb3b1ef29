"""Lines whose numbers belong to the page, not the author's figures: contents
lists (titles and the pages they start on), running heads and feet that carry
a date or a page number ("8 to 12 July 2024 6"), and footnotes (the line that
opens with the number a mark in the text calls: "...the Board1" over "1 Ofsted
produces this report ..."). Found once per document from the clean lines.
"""

from __future__ import annotations

import re
from collections import defaultdict

from assure.document import CleanLine
from assure.extracting.figures.screening import ends_in_digit, has_digit

# "Executive summary 6", "Communities 14 – 15": a title and its page (or pages)
CONTENTS_ENTRY = re.compile(r"^(?=.*[A-Za-z]).*?[A-Za-z).]\s+(\d{1,3})(?:\s*[-–]\s*\d{1,3})?$")
CONTENTS_RUN = 3  # entries in a row, pages never going back, make a contents list
# A mark glued to a word or bracket in the text: "the Board1", "(CDP)1"
# (Its first digit is matched before the letter behind it is looked at, so that
# a scan jumps from digit to digit.)
MARK = re.compile(r"(\d(?<=[a-z)\]]\d)\d?)\b")
FOOTNOTE = re.compile(r"^\s*(\d{1,2})\s+(?=[A-Z])")
ZONE = 2  # lines at the top and the bottom of a page where running heads sit
HEAD_PAGES = 3


def contents_entry(text: str) -> re.Match[str] | None:
    """A title and its page ("Executive summary 6"); only a line ending in a
    digit can be one, and most lines do not."""
    return CONTENTS_ENTRY.match(text) if ends_in_digit(text) else None


Entries = list[re.Match[str] | None]  # each line's ``contents_entry``


def contents_lines(lines: tuple[CleanLine, ...], entries: Entries) -> set[int]:
    """Indices of lines in a run of contents entries whose pages never go back."""
    found: set[int] = set()
    run: list[int] = []
    last = -1
    for index, line in enumerate(lines):
        entry = entries[index] if "\t" not in line.text else None
        page = int(entry.group(1)) if entry else None
        if page is not None and (not run or page >= last) and len(line.text) < 120:
            run.append(index)
            last = page
            continue
        if len(run) >= CONTENTS_RUN:
            found.update(run)
        run = [index] if page is not None else []
        last = page if page is not None else -1
    if len(run) >= CONTENTS_RUN:
        found.update(run)
    return found


def scale_keys(lines: tuple[CleanLine, ...], entries: Entries) -> set[int]:
    """Indices of lines in a key to a scale: "Very Likely 5", "Likely 4", ... "1",
    each a label with the next number down (or up) by one."""
    found: set[int] = set()
    run: list[int] = []
    last: int | None = None
    for index, line in enumerate(lines):
        entry = entries[index] if len(line.text) < 60 else None
        value = int(entry.group(1)) if entry else None
        if value is not None and last is not None and abs(value - last) == 1 and value <= 10:
            run.append(index)
        else:
            if len(run) >= CONTENTS_RUN:
                found.update(run)
            run = [index] if value is not None and value <= 10 else []
        last = value
    if len(run) >= CONTENTS_RUN:
        found.update(run)
    return found


def head_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def running_heads(lines: tuple[CleanLine, ...]) -> set[int]:
    """Indices of lines at a page's top or foot that recur, but for their
    numbers, on several pages: a running head with a date or a page number."""
    pages: dict[int, list[int]] = defaultdict(list)
    for index, line in enumerate(lines):
        if line.page is not None and not line.table_row:
            pages[line.page].append(index)
    seen: dict[str, set[int]] = defaultdict(set)
    edges: list[tuple[int, str]] = []
    for page, members in pages.items():
        for index in {*members[:ZONE], *members[-ZONE:]}:
            text = lines[index].text
            if len(text) <= 120 and has_digit(text):
                key = head_key(text)
                seen[key].add(page)
                edges.append((index, key))
    return {index for index, key in edges if len(seen[key]) >= HEAD_PAGES}


def footnote_lines(lines: tuple[CleanLine, ...]) -> set[int]:
    """Indices of lines that open with the number of a mark made earlier on their page."""
    marks: dict[int, set[str]] = defaultdict(set)
    # A page's lines are read for marks only when a line of it could be a footnote.
    unread: dict[int, list[str]] = defaultdict(list)
    found: set[int] = set()
    for index, line in enumerate(lines):
        if line.page is None or not has_digit(line.text):
            continue  # no page, no footnotes; no digit, no mark and no footnote's number
        opening = FOOTNOTE.match(line.text)
        if opening:
            for text in unread.pop(line.page, ()):
                marks[line.page].update(MARK.findall(text))
            if opening.group(1) in marks[line.page]:
                found.add(index)
                continue
        unread[line.page].append(line.text)
    return found


def furniture(lines: tuple[CleanLine, ...]) -> tuple[set[int], set[int]]:
    """Lines to read no figures from (contents, running heads), and footnote
    lines whose opening number is their mark."""
    entries = [contents_entry(line.text) for line in lines]  # read once for both
    return (
        contents_lines(lines, entries) | scale_keys(lines, entries) | running_heads(lines),
        footnote_lines(lines),
    )
