"""Text for a terminal: what a document or a file name holds, never what it
would make the terminal do.

Control characters (escape sequences that move the cursor, retitle the window
or rewrite earlier lines; a newline inside a file name that would split an
error line; a carriage return that would overwrite it) are shown as visible
codes instead.

    >>> visible("report\\x1b[2J.pdf")
    'report\\\\x1b[2J.pdf'
    >>> visible("two\\nlines")
    'two\\\\nlines'
"""

from __future__ import annotations

import re

NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# C0 and C1 controls, DEL, the Unicode line and paragraph separators and
# bidirectional overrides that can disguise text, and lone surrogates (the bytes
# of a file name that is not UTF-8), which no terminal encoding can write.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def visible(text: str, keep_tabs: bool = False) -> str:
    """``text`` with every control character written as an escape code."""

    def code(match: re.Match[str]) -> str:
        char = match.group()
        if keep_tabs and char == "\t":
            return char
        if char in NAMED:
            return NAMED[char]
        return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"

    return CONTROL.sub(code, text)


# What JSON written with ``ensure_ascii=False`` still carries raw, inside its
# strings: DEL, C1 controls (an 8-bit escape sequence), line separators,
# bidirectional overrides and lone surrogates. JSON's own ``\\u`` escape keeps the data the same.
RAW_IN_JSON = re.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def visible_json(text: str) -> str:
    """JSON text (from ``json.dumps``) with every character a terminal would act
    on written as a ``\\u`` escape: the same JSON value, safe to print."""
    return RAW_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
