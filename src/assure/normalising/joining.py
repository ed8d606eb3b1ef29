"""Joining lines that belong to one sentence or paragraph.

Two cases. A sentence split by a page break, blank lines or removed running
heads: the first part ends without closing punctuation and the rest starts in
lower case. A paragraph wrapped over several lines of a PDF: the next line
carries on the sentence. Headings, list items and table rows stay separate.
"""

from __future__ import annotations

import itertools
import re
import string
from dataclasses import dataclass, field

TERMINAL = re.compile(r"[.!?:;][\"')\]]*$")
CLOSING_QUOTES = "\"')]"
LIST_START = re.compile(
    r"^(?:[•\-–—*▪●◦■□✓❖➢►→o]\s"
    r"|\(?\d{1,3}[.)]\s|\d{1,3}(?:\.\d{1,3})+\.?\s|\(\d{1,3}\)\s"
    r"|\(?[a-z]\)\s|\(?[ivx]{1,5}\)\s)"
)
CONNECTORS = (
    "and", "or", "of", "the", "a", "an", "to", "in", "for", "with", "by", "on", "at", "from",
    "that", "which", "as", "is", "are", "be", "was", "were", "their", "its", "our", "this",
    "these", "between", "within", "including",
)  # fmt: skip
CONNECTOR_END = re.compile(r"(?:[,(/&]|\b(?:" + "|".join(CONNECTORS) + r"))$", re.IGNORECASE)
CONNECTOR_WORDS = frozenset(CONNECTORS)
WORD_CHARACTERS = string.ascii_letters + string.digits + "_"  # what \w is in ASCII text
# Characters a match of CONNECTOR_END or HYPHEN_END can span: the longest word
# ("including"), the boundary before it and a final newline, which "$" allows.
CONNECTOR_REACH = 12
HYPHEN_END = re.compile(r"\w-$")
BULLET = re.compile(r"^[•\-–—*▪●◦■□✓❖➢►→]\s")
# What the patterns above can start with, asked first: most lines start otherwise.
BULLET_MARKS = "•-–—*▪●◦■□✓❖➢►→"
LIST_MARKS = BULLET_MARKS + "o("
FIELD_LABEL = re.compile(r"^[A-Z][\w ]{0,30}:\s")
SHORT_SHARE = 0.5  # of the usual line width: a shorter line without a full stop is title-like
ORDINAL_SUFFIX = re.compile(r"^(?:st|nd|rd|th)\b")
WRAPPED_SHARE = 0.7  # of the usual line width: a line this long that stops mid-sentence wrapped


TAIL = 256  # characters of a joined line's end that the joining rules look at


def ends_sentence(text: str) -> bool:
    """``TERMINAL.search(text)``, read from the end: closing punctuation, then
    any closing quotes or brackets. Every line is asked, some more than once."""
    body = text[:-1] if text.endswith("\n") else text
    last = body.rstrip(CLOSING_QUOTES)[-1:]
    return bool(last) and last in ".!?:;"


def hyphen_end(text: str) -> bool:
    """``HYPHEN_END.search(text)``: a hyphen after a word character ends the
    text (or stands before its one final newline)."""
    body = text[:-1] if text.endswith("\n") else text
    return body[-1:] == "-" and (body[-2:-1].isalnum() or body[-2:-1] == "_")


def ends_with_connector(text: str) -> bool:
    """``CONNECTOR_END.search(text)``, read from the end: a comma, bracket,
    slash or ampersand, or a connecting word that is the text's whole last
    word. Text that is not ASCII (whose letters a case-blind pattern may fold
    onto ASCII ones) is left to the pattern."""
    if not text.isascii():
        return ends_with(CONNECTOR_END, text, CONNECTOR_REACH)
    body = text[:-1] if text.endswith("\n") else text
    if body[-1:] in (",", "(", "/", "&"):
        return True
    return body[len(body.rstrip(WORD_CHARACTERS)) :].lower() in CONNECTOR_WORDS


def ends_with(pattern: re.Pattern[str], text: str, reach: int) -> bool:
    """``pattern.search(text)`` for a pattern anchored at the end whose matches
    span at most ``reach`` characters: only the end is read (the characters
    before it still count for a lookbehind or a word boundary)."""
    return pattern.search(text, max(0, len(text) - reach)) is not None


def list_start(text: str) -> bool:
    """``LIST_START.match(text)``, asked only of text whose first characters
    can start a match: a mark, a bracket, a digit, or a letter with ")" after
    it (a roman numeral's letters may run on)."""
    first = text[:1]
    if not (
        first in LIST_MARKS
        or first.isdigit()
        or ("a" <= first <= "z" and (text[1:2] == ")" or first in "ivx"))
    ):
        return False
    return LIST_START.match(text) is not None


@dataclass(slots=True, init=False)
class Draft:
    """A line on its way to becoming a ``CleanLine``.

    Joined lines collect their pieces in a list and keep only what the joining
    rules read (the last ``TAIL`` characters, the length, whether there is a
    space), so joining a paragraph of n lines costs n, not n squared.
    """

    number: int
    end: int
    text: str  # the first source line's text; ``full_text`` is the joined line
    page: int | None
    heading_level: int | None
    table_row: bool
    gap_before: bool  # blank or removed lines, or a page break, since the previous draft
    soft_end: bool = (
        False  # the source line ended in a space, as PDF lines wrapped mid-paragraph do
    )
    # The longest source line joined in. A heading in large type wraps over
    # short lines ("Theme 3: How the council ensures safety within the" over
    # "system"); joined, it is long, but no line of it was a full line of body
    # text, so the line after it starts a new paragraph.
    longest: int = -1
    pieces: list[str] = field(default_factory=list)
    tail: str = ""  # the joined line's last ``TAIL`` characters
    length: int = 0
    spaced: bool = False

    def __init__(
        self,
        number: int,
        end: int,
        text: str,
        page: int | None,
        heading_level: int | None,
        table_row: bool,
        gap_before: bool,
        soft_end: bool = False,
    ) -> None:
        # written out, not generated: a draft is made for every line
        self.number, self.end, self.text, self.page = number, end, text, page
        self.heading_level, self.table_row = heading_level, table_row
        self.gap_before, self.soft_end = gap_before, soft_end
        self.longest = self.length = len(text)
        self.pieces = [text]
        self.tail = text[-TAIL:]
        self.spaced = " " in text

    def append(self, glue: str, text: str) -> None:
        self.pieces += [glue, text]
        self.tail = (self.tail + glue + text[-TAIL:])[-TAIL:]
        self.length += len(glue) + len(text)
        self.spaced = self.spaced or bool(glue) or " " in text

    @property
    def full_text(self) -> str:
        """The whole joined line (``text`` holds only its end)."""
        return "".join(self.pieces)


def separate(draft: Draft) -> bool:
    return draft.table_row or draft.heading_level is not None


def continues_after_gap(prev: Draft, nxt: Draft) -> bool:
    """A sentence broken by a page break, blank lines or removed lines."""
    return (
        not separate(prev)
        and not separate(nxt)
        and not ends_sentence(prev.tail)
        and nxt.text[:1].islower()
        and not list_start(nxt.text)
    )


def continues_wrapped(prev: Draft, nxt: Draft, width: float, marks: bool) -> bool:
    """The next line of a PDF paragraph carries on ``prev``'s sentence.

    ``marks``: the document ends wrapped lines with a space, so a line without
    one ended where its author pressed return.
    """
    if separate(prev) or separate(nxt):
        return False
    first = nxt.text[:1]
    if first in BULLET_MARKS and BULLET.match(nxt.text):
        return False
    starts_word = first.isalnum() or first in "\"'(£$€"
    tail = prev.tail
    terminal = ends_sentence(tail)
    if not terminal and (hyphen_end(tail) or ends_with_connector(tail)):
        # "What we are proud of" over a full line of capitalised body text is a
        # heading; a wrapped sentence's lines are full ("increase of" + "5.6 ...").
        heading = (
            prev.length < SHORT_SHARE * width
            and first.isupper()
            and nxt.length >= WRAPPED_SHARE * width
        )
        return starts_word and not heading
    if list_start(nxt.text):
        return False
    if first.islower():
        if tail[-1:].isdigit() and ORDINAL_SUFFIX.match(nxt.text):
            return True
        return prev.spaced or prev.soft_end  # not a one-word address line
    if terminal or ("A" <= first <= "Z" and FIELD_LABEL.match(nxt.text)):
        return False
    if marks and not prev.soft_end:
        return False
    if nxt.length < SHORT_SHARE * width and not ends_sentence(nxt.text):
        return False  # a short title-like line: a heading, not the end of a sentence
    return prev.longest >= WRAPPED_SHARE * width and starts_word


def uses_wrap_marks(drafts: list[Draft]) -> bool:
    """Whether lines that run on in lower case nearly all end in a space."""
    wraps = [
        prev.soft_end
        for prev, nxt in itertools.pairwise(drafts)
        if nxt.text[:1].islower() and not nxt.gap_before and prev.page == nxt.page
    ]
    return len(wraps) >= 5 and sum(wraps) >= 0.9 * len(wraps)


def typical_width(drafts: list[Draft]) -> float:
    """The 90th percentile of line lengths: the width of a full line of body text."""
    lengths = sorted(d.length for d in drafts if not separate(d))
    if not lengths:
        return 0.0
    return float(lengths[min(len(lengths) - 1, int(0.9 * len(lengths)))])


def merge(prev: Draft, nxt: Draft) -> None:
    # "self-" + "assessment", "2014-" + "2017" and a raised "27" + "th March" join
    # without a space.
    raised_ordinal = prev.tail[-1:].isdigit() and ORDINAL_SUFFIX.match(nxt.text)
    glue = "" if hyphen_end(prev.tail) or raised_ordinal else " "
    prev.append(glue, nxt.full_text)
    prev.end = nxt.end
    prev.longest = max(prev.longest, nxt.longest)


def join_lines(drafts: list[Draft], wrapped: bool) -> list[Draft]:
    """Join continuing lines; ``wrapped`` turns on paragraph joining (for PDFs)."""
    width = typical_width(drafts) if wrapped else 0.0
    marks = wrapped and uses_wrap_marks(drafts)
    joined: list[Draft] = []
    for draft in drafts:
        prev = joined[-1] if joined else None
        if prev is not None:
            same_block = not draft.gap_before and draft.page == prev.page
            if wrapped and same_block:
                joins = continues_wrapped(prev, draft, width, marks)
            else:
                joins = continues_after_gap(prev, draft)
            if joins:
                merge(prev, draft)
                continue
        joined.append(draft)
    return joined
