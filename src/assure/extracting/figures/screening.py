"""Cheap tests that rule a costly pattern out before it runs.

Most of a document holds no figure, and most words around a figure are none
of the few a pattern looks for. Each test here is a necessary condition of a
match: where it fails the pattern cannot match, and where it holds the
pattern still decides, so a result never depends on the test.
"""

from __future__ import annotations

import re

from assure.normalising.folding import folded

ASCII_DIGIT = re.compile(r"[0-9]")


def has_digit(text: str) -> bool:
    """Whether any character is a digit (``str.isdigit``, which every ``\\d``
    is), looked for at C speed: most lines are prose without one."""
    if text.isascii():
        return ASCII_DIGIT.search(text) is not None
    return any(map(str.isdigit, text))


def mentions(text: str, *words: str) -> bool:
    """Whether ``text`` may hold one of ``words`` (lower case) in any case, as a
    pattern compiled with ``re.IGNORECASE`` reads it: the letters such a
    pattern takes for ASCII ones (a dotless "ı" for "i", the Kelvin sign for
    "k") count as those (see ``folded``)."""
    lowered = text.lower() if text.isascii() else folded(text)  # the same, one call fewer
    return any(map(lowered.__contains__, words))  # no generator: this is asked often


def cut(twin: re.Pattern[str], text: str) -> str:
    """``text`` less every match of the case-blind pattern whose ``for_folded``
    twin is ``twin`` (that pattern's ``sub("", text)``): found on the folded
    text, cut from the text."""
    kept, start = [], 0
    for match in twin.finditer(folded(text)):
        kept.append(text[start : match.start()])
        start = match.end()
    kept.append(text[start:])
    return "".join(kept)


def holds_any(lowered: str, words: tuple[str, ...]) -> bool:
    """``mentions`` for text already ``folded``: one folding for several questions."""
    return any(map(lowered.__contains__, words))


def ends_in_digit(text: str) -> bool:
    """Whether ``text`` ends in a digit, before the one final newline that
    ``$`` lets a pattern end ahead of."""
    body = text[:-1] if text.endswith("\n") else text
    return body[-1:].isdigit()


def ends_with_any(text: str, endings: tuple[str, ...]) -> bool:
    """Whether ``text``, less trailing whitespace, may end with one of
    ``endings`` (lower case) in any case, as a pattern anchored at the end
    reads it (see ``mentions``)."""
    return folded(text.rstrip()).endswith(endings)


def any_of(*patterns: re.Pattern[str]) -> re.Pattern[str]:
    """One pattern that matches wherever one of ``patterns`` does (each keeps
    its own case rule): where it fails, none of them need be asked."""
    parts = []
    for pattern in patterns:
        if pattern.flags & ~(re.IGNORECASE | re.UNICODE):
            raise ValueError(f"only the case flag is carried over: {pattern.pattern!r}")
        case = "i" if pattern.flags & re.IGNORECASE else "-i"
        parts.append(f"(?{case}:{pattern.pattern})")
    return re.compile("|".join(parts))


# A capital letter of a pattern's own (not of an escape such as "\\S", nor a
# named group's "(?P").
CAPITAL = re.compile(r"(?<!\\)(?<!\(\?)[A-Z]")


def for_folded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` (case-blind, its letters written in lower case) made
    case-sensitive, for text in ``folded`` form: it matches the folded text
    where and only where ``pattern`` matches the text (each character folds to
    one), and reads it several times faster (a case-sensitive list of words is
    ruled out word by word on a first letter; a case-blind one is tried in full)."""
    if not pattern.flags & re.IGNORECASE or CAPITAL.search(pattern.pattern):
        raise ValueError(f"not a case-blind pattern in lower case: {pattern.pattern!r}")
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
