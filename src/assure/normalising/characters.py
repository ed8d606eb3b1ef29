"""Character-level clean-up of one line: what extraction leaves inside the text.

Markdown bold and links, HTML tags and entities, curly quotes, odd spaces, soft
hyphens, ligatures, symbol-font bullets, dot leaders and thousands broken by a
space ("21, 000").
"""

from __future__ import annotations

import html
import re

TRANSLATION = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ",
        "\u2002": " ", "\u2003": " ", "\u3000": " ", "\uf020": " ",
        "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None,
        "\u2060": None, "\ufeff": None, "\ufffe": None, "\ufffd": None, "\x02": None,
        "\u2010": "-", "\u2011": "-",
        "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
        "\ufb05": "st", "\ufb06": "st",
        # Symbol and Wingdings bullets that PDFs extract as private-use characters.
        "\uf0b7": "•", "\uf0a7": "•", "\uf0d8": "•", "\uf076": "•", "\uf0fc": "•",
        "\uf0a8": "•", "\uf06e": "•", "\uf0e0": "•", "\uf02d": "-",
    }
)  # fmt: skip
ASCII_TRANSLATED = "".join(chr(code) for code in TRANSLATION if code < 128)
assert not any(c.isprintable() for c in ASCII_TRANSLATED)  # so a printable line needs no table
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
# What the databases do not store alike: PostgreSQL refuses NUL in text (SQLite
# keeps it), and neither encodes a lone surrogate (a byte of a file name that is
# not UTF-8, as Python keeps it) to UTF-8.
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
CONTROL_OR_PRIVATE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ue000-\uf8ff]")

HTML_TAG = re.compile(
    r"</?(u|b|i|em|strong|br|p|span|div|sup|sub|a|font|li|ul|ol|td|tr|th|table|"
    r"h[1-6]|s|strike|small|big|mark|ins|del|center|blockquote)\b[^<>]{0,200}/?>",
    re.IGNORECASE,
)
INLINE_TAGS = {"u", "b", "i", "em", "strong", "span", "sup", "sub", "a", "font", "s", "strike"}
INLINE_TAGS |= {"small", "big", "mark", "ins", "del"}
HTML_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,5});")
MARKDOWN_BOLD = re.compile(r"\*\*|(?<!\w)__|__(?!\w)")
MARKDOWN_LINK = re.compile(r"\[([^\]\n]{1,300})\]\([^)\s]{0,500}\)")
MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
SPACES = re.compile(r"[ ]{2,}")

# Dot leaders in a contents list: "ASSESSING NEEDS....... 8" keeps its title and
# page, separated by a tab like the rest of a contents table.
DOT_LEADER = re.compile(r"\s*(?:\.\s?){4,}|\s*(?:…\s?){2,}|\s*(?:_{4,})")
LEADER_BEFORE_NUMBER = re.compile(r"\s*(?:(?:\.\s?){4,}|(?:…\s?){2,}|_{4,})\s*(?=\d{1,4}\s*$)")

# "21, 000": a comma, a space, then exactly three digits closing the number.
BROKEN_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3}), (\d{3})(?![\d,]|, \d|\s+and\s+\d)")
BROKEN_MONEY = re.compile(r"([£$€]\d{1,3})((?:, \d{3})+)(?![\d,])")
# Both patterns above hold a comma, a space and a digit: most lines have none.
COMMA_DIGIT = re.compile(r", \d")
REFERENCE_WORD = re.compile(
    r"(?:refs?|references?|pages?|pp?|paras?|paragraphs?|sections?|items?|minutes?|"
    r"appendix|appendices|nos?|ir|qs|tables?|figures?)\.?\s*$",
    re.IGNORECASE,
)


def text_before(text: str, end: int, reach: int = 64) -> str:
    """Up to ``reach`` characters before ``end``, trailing whitespace dropped.

    A bounded look back: the whole text before each match of a line holding
    thousands of them would cost the square of its length.
    """
    start = end
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return text[max(0, start - reach) : start]


def join_broken_thousands(text: str) -> str:
    """ "221, 000" -> "221,000", but not lists such as "Ref 142, 143" or "1, 2 and 3"."""
    if not COMMA_DIGIT.search(text):
        return text
    text = BROKEN_MONEY.sub(lambda m: m.group(1) + m.group(2).replace(" ", ""), text)

    def repair(match: re.Match[str]) -> str:
        before = text_before(text, match.start())
        left, right = int(match.group(1)), int(match.group(2))
        if REFERENCE_WORD.search(before) or before.endswith(","):
            return match.group(0)
        if 0 < right - left < 10:  # consecutive numbers read as a list
            return match.group(0)
        return f"{match.group(1)},{match.group(2)}"

    return BROKEN_THOUSANDS.sub(repair, text)


def remove_dot_leaders(text: str) -> str:
    """ "TITLE....... 8" -> "TITLE\\t8"; leaders with no page number after are dropped."""
    if "...." not in text and ". . . ." not in text and "…" not in text and "____" not in text:
        return text
    text = LEADER_BEFORE_NUMBER.sub("\t", text)
    return DOT_LEADER.sub("", text) if DOT_LEADER.search(text.rstrip() + " ") else text


def storable(text: str) -> str:
    """``text`` as SQLite and PostgreSQL both store it: NUL dropped, a lone
    surrogate written as its code (``\\udcff``)."""
    if not UNSTORABLE.search(text):
        return text
    return text.replace("\x00", "").encode("utf-8", "backslashreplace").decode("utf-8")


def clean_characters(text: str) -> str:
    """One line with extraction artefacts removed; whitespace runs become one space."""
    # Most lines are printable ASCII: no tab, control or private-use character,
    # and nothing the table changes (its ASCII characters are control characters).
    if not text.isascii() or not text.isprintable():
        if not text.isascii() or any(map(text.__contains__, ASCII_TRANSLATED)):
            text = text.translate(TRANSLATION)
        if "\t" in text:
            text = text.replace("\t", " ")
        if not text.isprintable() and CONTROL_OR_PRIVATE.search(text):
            text = CONTROL.sub("", text)
            text = PRIVATE_USE.sub("", text)
    if "<" in text:
        text = HTML_TAG.sub(lambda m: "" if m.group(1).lower() in INLINE_TAGS else " ", text)
    if "&" in text:
        text = HTML_ENTITY.sub(lambda m: html.unescape(m.group(0)), text).replace("\u00a0", " ")
    if "*" in text or "_" in text:
        text = MARKDOWN_BOLD.sub("", text)
    if "](" in text:
        text = MARKDOWN_LINK.sub(r"\1", text)
    if "...." in text or ". . . ." in text or "…" in text or "____" in text:
        text = remove_dot_leaders(text)
    if ", " in text:
        text = join_broken_thousands(text)
    return (SPACES.sub(" ", text) if "  " in text else text).strip()


def clean_cells(text: str) -> str:
    """A table row: each tab-separated cell cleaned, empty cells kept in place."""
    cells = [clean_characters(cell) for cell in text.split("\t")]
    return "\t".join(cells) if any(cells) else ""


def strip_markdown_heading(text: str) -> str:
    return MARKDOWN_HEADING.sub("", text)
