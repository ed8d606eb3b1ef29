"""What the detectors and the chosen parser find in one text, found once.

Kind detection asks several families about the same opening, and a family's
ceiling and its detector, then its parser (where the document is no longer
than the opening), read the same lines for the same things: the pack's lines,
the plans, the statements' headings. ``once_per_text`` keeps a function's
answer for the last few texts it was asked about, by identity: a ``CleanText``
is frozen, so the answer for one never changes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import wraps
from re import _constants, _parser  # type: ignore[attr-defined]
from threading import Lock
from typing import TypeVar

from assure.document import CleanLine, CleanText
from assure.normalising.folding import folded

T = TypeVar("T")
# Texts remembered per function: the document, its opening and one more in flight.
KEPT = 4


def once_per_text(function: Callable[[CleanText], T]) -> Callable[[CleanText], T]:
    """``function(text)``, computed once per text while it is among the last
    ``KEPT`` asked about. The answer is shared: callers must not change it."""
    kept: dict[int, tuple[CleanText, T]] = {}
    lock = Lock()

    @wraps(function)
    def remembered(text: CleanText) -> T:
        key = id(text)
        with lock:
            entry = kept.get(key)
        if entry is not None and entry[0] is text:
            return entry[1]
        value = function(text)
        with lock:
            kept.pop(key, None)
            kept[key] = (text, value)  # the text is held, so its id is not reused
            while len(kept) > KEPT:
                del kept[next(iter(kept))]
        return value

    return remembered


class FoldedLines:
    """Lines folded (see ``folded``) all at once, and where each word stands among them."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.starts: list[int] = []
        at = 0
        for line in lines:
            self.starts.append(at)
            at += len(line) + 1
        self.whole = folded("\n".join(lines))
        ends = [at - 1 for at in self.starts[1:]] + [len(self.whole)] * bool(lines)
        self.lines = tuple(self.whole[a:b] for a, b in zip(self.starts, ends, strict=True))
        self._holding: dict[str, tuple[int, ...]] = {}  # by word: several cues share words
        self._whole_words: dict[tuple[str, ...], set[int]] = {}

    def holding(self, words: tuple[str, ...]) -> tuple[int, ...]:
        """The indexes of the lines holding any of ``words`` (in lower case), in order."""
        if len(words) == 1:
            return self._lines_with(words[0])
        return tuple(sorted({index for word in words for index in self._lines_with(word)}))

    def _lines_with(self, word: str) -> tuple[int, ...]:
        kept = self._holding.get(word)
        if kept is None:
            whole, starts = self.whole, self.starts
            found: list[int] = []
            at = whole.find(word)
            while at != -1:
                index = bisect_right(starts, at) - 1
                found.append(index)
                if index + 1 >= len(starts):
                    break
                at = whole.find(word, starts[index + 1])
            kept = self._holding[word] = tuple(found)
        return kept

    def with_words(self, words: tuple[str, ...]) -> set[int]:
        """The indexes of the lines holding any of ``words`` (lower-case letters)
        as a whole word: where ``\\b(?:word|...)\\b`` is found. Each word is found
        by its letters and then its opening checked, which is several times
        cheaper than a pattern opening with ``\\b``; a match refused for its
        opening lies inside a longer word, where no whole word starts."""
        key = tuple(sorted(words, key=len, reverse=True))
        kept = self._whole_words.get(key)
        if kept is None:
            whole, starts = self.whole, self.starts
            ending = re.compile("(?:" + "|".join(map(re.escape, key)) + r")\b")
            kept = self._whole_words[key] = {
                bisect_right(starts, at) - 1
                for match in ending.finditer(whole)
                if (at := match.start()) == 0 or not _word_character(whole[at - 1])
            }
        return kept


def _word_character(character: str) -> bool:
    """What ``\\w`` matches (a letter, digit or number of any script, or "_")."""
    return character.isalnum() or character == "_"


@once_per_text
def folded_view(text: CleanText) -> FoldedLines:
    """The clean lines of ``text``, folded."""
    return FoldedLines([line.text for line in text.lines])


def folded_lines(text: CleanText) -> tuple[str, ...]:
    """``folded`` of each clean line."""
    return folded_view(text).lines


def blind(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-blind ``pattern`` as a case-sensitive one, to be run on folded
    lines (see ``folded``), which is several times cheaper. Its letters must be
    written in lower case; one written otherwise is refused."""
    if not pattern.flags & re.IGNORECASE:
        raise ValueError(f"not case-blind: {pattern.pattern!r}")
    for letter in _letters(_parser.parse(pattern.pattern, pattern.flags)):
        if letter != letter.lower():
            raise ValueError(f"upper-case letter {letter!r} in {pattern.pattern!r}")
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


def _letters(parsed: object) -> list[str]:
    """Every literal character of a parsed pattern, in classes and ranges too."""
    found: list[str] = []
    for op, value in parsed:  # type: ignore[attr-defined]
        if op in (_constants.LITERAL, _constants.NOT_LITERAL):
            found.append(chr(value))
        elif op is _constants.RANGE:
            found.extend(chr(c) for c in range(value[0], value[1] + 1) if c < 0x250)
        elif op is _constants.IN:
            found.extend(_letters(value))
        elif op is _constants.BRANCH:
            for branch in value[1]:
                found.extend(_letters(branch))
        elif op is _constants.SUBPATTERN:
            if value[1] or value[2]:  # inline flags change what case means
                raise ValueError("inline flags")
            found.extend(_letters(value[3]))
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT):
            found.extend(_letters(value[2]))
        elif op in (_constants.ASSERT, _constants.ASSERT_NOT):
            found.extend(_letters(value[1]))
        elif op is _constants.ATOMIC_GROUP:
            found.extend(_letters(value))
        elif op is _constants.GROUPREF_EXISTS:
            raise ValueError("conditional groups")
    return found


@dataclass(frozen=True)
class Cue:
    """A pattern searched for line by line, with words (in lower case) one of
    which every match holds: a line without any of them is never searched. A
    case-blind pattern runs on the folded lines (see ``blind``)."""

    pattern: re.Pattern[str]
    words: tuple[str, ...]
    _blind: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        case_blind = self.pattern.flags & re.IGNORECASE
        object.__setattr__(self, "_blind", blind(self.pattern) if case_blind else None)

    def _found(self, text: CleanText) -> Iterator[int]:
        """The indexes of the clean lines the pattern is found on, in order, as found."""
        view = folded_view(text)
        held = view.holding(self.words)
        if self._blind is not None:
            blind_search, lowered = self._blind.search, view.lines
            return (i for i in held if blind_search(lowered[i]))
        search, lines = self.pattern.search, text.lines
        return (i for i in held if search(lines[i].text))

    def lines(self, text: CleanText) -> list[CleanLine]:
        """The clean lines the pattern is found on."""
        return [text.lines[i] for i in self._found(text)]

    def indexes(self, text: CleanText) -> list[int]:
        """The indexes of the clean lines the pattern is found on, in order."""
        return list(self._found(text))

    def found_in(self, text: CleanText) -> bool:
        """Whether the pattern is found on any clean line."""
        return next(self._found(text), None) is not None
