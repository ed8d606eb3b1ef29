"""Lines that are artefacts of page layout rather than the author's text.

Page numbers, "intentionally left blank" markers and running headers and
footers. Each finder returns ``{line index: kind}`` for the lines to drop;
``kind`` is what ``CleanText.removed`` counts.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from assure.document import SourceLine
from assure.normalising.joining import ends_sentence

PAGE_NUMBER = re.compile(
    r"^(?:page\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
    r"|[-–—]\s*\d{1,4}\s*[-–—]"
    r"|\d{1,4}\s+of\s+\d{1,4}"
    r"|\d{1,4}\s*\|\s*page|page\s*\|\s*\d{1,4})$",
    re.IGNORECASE,
)
BARE_NUMBER = re.compile(r"^\d{1,4}$")
BLANK_PAGE = re.compile(
    r"^(?:this\s+)?(?:page\s+)?(?:has\s+been\s+|is\s+)?(?:intentionally|deliberately)\s+"
    r"(?:been\s+)?left\s+blank\.?$|^(?:this\s+)?page\s+(?:is\s+)?(?:intentionally\s+)?"
    r"left\s+blank(?:\s+intentionally)?\.?$",
    re.IGNORECASE,
)
DIGIT_RUN = re.compile(r"\d+")
ZONE = 3  # lines at the top and bottom of a page where running heads sit
HEAD_PAGES = 3  # pages a line must recur on to count as a running head
MAX_HEADER_LENGTH = 120


def page_numbers_and_blank_pages(texts: Sequence[str]) -> dict[int, str]:
    """Lines that are only a page number ("Page 3", "- 3 -", "3 of 28") or a blank-page note."""
    found = {}
    for index, text in enumerate(texts):
        if len(text) > 60 or not text:
            continue
        if PAGE_NUMBER.match(text):
            found[index] = "page_number"
        elif BLANK_PAGE.match(text):
            found[index] = "blank_page"
    return found


def page_zones(lines: Sequence[SourceLine], texts: Sequence[str]) -> dict[int, list[int]]:
    """For each page, the indices of its non-blank lines."""
    pages: dict[int, list[int]] = defaultdict(list)
    for index, line in enumerate(lines):
        if line.page is not None and texts[index] and not line.table_row:
            pages[line.page].append(index)
    return pages


def zone_positions(count: int) -> Iterator[tuple[int, str]]:
    """(position, zone) for the lines in the header and footer zones of a page
    of ``count`` lines, top to bottom; the body between is never visited."""
    # A short page's zones shrink so that its body is never all "header".
    size = min(ZONE, max(2, count // 3))
    for position in range(min(size, count)):
        yield position, "running_header"
    for position in range(max(size, count - size), count):
        yield position, "running_footer"


def header_key(text: str) -> str:
    """Lines alike count as one head; digits are ignored only beside the word "page"."""
    key = " ".join(text.lower().split())
    return DIGIT_RUN.sub("#", key) if "page" in key else key


def running_heads_by_page(lines: Sequence[SourceLine], texts: Sequence[str]) -> dict[int, str]:
    """Lines near the top or bottom of several pages, alike but for page numbers.

    Three pages make a running head; two do when it also cuts a sentence in
    two; the copy on the first page stays. A committee pack binds several
    documents, each with its own heads, so no share of all pages is asked for.
    Bare numbers there that track the page index ("7" on page 11, "8" on page
    12) are printed page numbers.
    """
    pages = page_zones(lines, texts)
    key_pages: dict[str, set[int]] = defaultdict(set)
    key_cuts: set[str] = set()
    offsets: Counter[int] = Counter()
    for page, index, _ in zone_lines(pages, texts):
        if BARE_NUMBER.match(texts[index]):
            offsets[int(texts[index]) - page] += 1
        else:
            key = header_key(texts[index])
            key_pages[key].add(page)
            if interrupts_sentence(texts, index):
                key_cuts.add(key)
    heads = {
        key
        for key, seen in key_pages.items()
        if len(seen) >= HEAD_PAGES or (len(seen) >= 2 and key in key_cuts)
    } | doubled_heads(pages, texts)
    # The first page's copy is usually the document's title: it stays.
    first_page = min(pages, default=0)
    found = {}
    for page, index, zone in zone_lines(pages, texts):
        if BARE_NUMBER.match(texts[index]):
            if offsets[int(texts[index]) - page] >= HEAD_PAGES:
                found[index] = "page_number"
        elif (key := header_key(texts[index])) in heads and (page != first_page or "#" in key):
            found[index] = zone  # a numbered page foot is no title, even on page 1
    recurring = stamps(pages, texts)
    places = {
        index: (page, position)
        for page, members in pages.items()
        for position, index in enumerate(members)
    }
    return {
        i: kind
        for i, kind in outermost(found, pages, texts).items()
        if kind == "page_number" or at_edge(i, pages, places, texts, recurring)
    }


def doubled_heads(pages: dict[int, list[int]], texts: Sequence[str]) -> set[str]:
    """Header lines printed straight above the same words: a header that names
    the section it heads (the statement's name over its heading), on however
    few pages that section runs."""
    found = set()
    for members in pages.values():
        for position, index in enumerate(members[: ZONE - 1]):
            following = members[position + 1] if position + 1 < len(members) else None
            if following is not None and texts[following] == texts[index]:
                found.add(header_key(texts[index]))
    return found


def outermost(
    found: dict[int, str], pages: dict[int, list[int]], texts: Sequence[str]
) -> dict[int, str]:
    """A page prints its running head once: where the same words stand twice
    in one zone, only the copy nearer the edge is the head; the other is the
    author's heading."""
    kept = dict(found)
    for members in pages.values():
        seen: dict[tuple[str, str], int] = {}
        ordered = [i for i in members if found.get(i, "page_number") != "page_number"]
        for index in ordered:
            key = (found[index], header_key(texts[index]))
            if key not in seen:
                seen[key] = index
            elif found[index] == "running_header":
                kept.pop(index)  # the lower copy under the page's head
            else:
                kept.pop(seen[key])  # the upper copy over the page's foot
                seen[key] = index
    return kept


def at_edge(
    index: int,
    pages: dict[int, list[int]],
    places: dict[int, tuple[int, int]],
    texts: Sequence[str],
    recurring: set[str],
) -> bool:
    """Whether only lines that recur on other pages (heads, page numbers,
    stamps such as "Agenda Item 4") lie between a head and its page's edge:
    a heading that recurs just below a page's top ("What we are proud of"
    under each statement's heading) is the author's, not the page's.
    ``places`` gives each line's page and position on it."""
    if index not in places:
        return True
    page, position = places[index]
    members = pages[page]
    between = members[:position] if position < len(members) / 2 else members[position + 1 :]
    return all(stamp_key(texts[other]) in recurring for other in between)


def stamp_key(text: str) -> str:
    return DIGIT_RUN.sub("#", " ".join(text.lower().split()))


def stamps(pages: dict[int, list[int]], texts: Sequence[str]) -> set[str]:
    """Zone lines that recur on several pages, alike but for their numbers."""
    seen: dict[str, set[int]] = defaultdict(set)
    for page, index, _ in zone_lines(pages, texts):
        seen[stamp_key(texts[index])].add(page)
    return {key for key, on in seen.items() if len(on) >= HEAD_PAGES}


def zone_lines(pages: dict[int, list[int]], texts: Sequence[str]) -> Iterator[tuple[int, int, str]]:
    """(page, line index, zone) for each short line in a page's header or footer zone."""
    for page, members in pages.items():
        for position, zone in zone_positions(len(members)):
            index = members[position]
            if len(texts[index]) <= MAX_HEADER_LENGTH:
                yield page, index, zone


def running_heads_in_text(lines: Sequence[SourceLine], texts: Sequence[str]) -> dict[int, str]:
    """Short lines that recur and at least once cut a sentence in two.

    Text without pages keeps its running headers inside paragraphs; a
    repeated label such as a form's "How we will do this:" never interrupts a
    sentence, so it stays.
    """
    occurrences: dict[str, list[int]] = defaultdict(list)
    for index, text in enumerate(texts):
        line = lines[index]
        if (
            text
            and len(text) <= MAX_HEADER_LENGTH
            and not line.table_row
            and not line.heading_level
            and not ends_sentence(text)
        ):
            occurrences[text].append(index)
    found = {}
    for indices in occurrences.values():
        if len(indices) >= 2 and any(interrupts_sentence(texts, i) for i in indices):
            found.update(dict.fromkeys(indices, "running_header"))
    return found


def interrupts_sentence(texts: Sequence[str], index: int) -> bool:
    before = next((texts[i] for i in range(index - 1, -1, -1) if texts[i]), "")
    after = next((texts[i] for i in range(index + 1, len(texts)) if texts[i]), "")
    return bool(before) and not ends_sentence(before) and after[:1].islower()


def find_artefacts(lines: Sequence[SourceLine], texts: Sequence[str]) -> dict[int, str]:
    """Every artefact line of a document: ``{index into lines: kind}``."""
    found = page_numbers_and_blank_pages(texts)
    kept = [text if index not in found else "" for index, text in enumerate(texts)]
    if any(line.page is not None for line in lines):
        found.update(running_heads_by_page(lines, kept))
    else:
        found.update(running_heads_in_text(lines, kept))
    return found
