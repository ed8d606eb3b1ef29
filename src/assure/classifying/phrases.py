"""Words of a passage, and phrases found among them in one pass.

``words_of`` is the one tokeniser the classifier uses: lower case, accents
and apostrophes dropped, runs of letters and digits ("carers' co-production"
is ``[b"carers", b"co", b"production"]``). Words are UTF-8 bytes: an ASCII
passage (most are) is split by one byte translation, twice as fast as a
regular expression over the text.

A ``PhraseSet`` holds many short word patterns (statement keywords, category
and stance cues), compiled once. Each pattern is a few elements separated by
spaces; an element is one or more words separated by ``|``, each written as

- ``care``: that word;
- ``care+``: that word or its plural (``cares``, ``carees``);
- ``assess*``: any word that starts so;
- ``#``: a number (a word starting with a digit);

and ``..N`` between two elements lets up to N other words come between them.
``PhraseSet.find`` walks a passage's words once: what each distinct word can
start is looked up once per process and remembered.

    >>> phrases = PhraseSet(["waiting list+", "people told|said"])
    >>> phrases.find(words_of("People told us the waiting lists were long"))
    [1, 0]
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import compress

WORD = re.compile(r"[a-z0-9]+")
LETTERS = re.compile(r"[^\W_]+")
# ASCII letters to lower case, digits kept, other ASCII a space; bytes of
# other characters kept, to be sorted out word by word (see ``words_of``).
WORD_BYTES = bytes(
    c | 0x20 if chr(c).isalpha() else c if chr(c).isdigit() else 0x20 for c in range(128)
) + bytes(range(128, 256))
# The non-ASCII marks documents are full of: curly apostrophes go (as straight
# ones do), quotation marks, dashes, bullets and currency signs part words.
MARKS = (
    *((mark.encode(), b"") for mark in "’‘"),
    *((mark.encode(), b" ") for mark in "“”–—•…£€·"),
)
GAP = re.compile(r"^\.\.(\d+)$")
# Distinct words remembered per phrase set before the memory is cleared.
MEMORY = 200_000


def words_of(text: str) -> list[bytes]:
    """The passage's words: lower case, accents and apostrophes dropped."""
    if text.isascii():
        return text.encode("ascii").translate(WORD_BYTES, b"'").split()
    data = text.encode("utf-8")
    for mark, replacement in MARKS:
        if mark in data:
            data = data.replace(mark, replacement)
    words = data.translate(WORD_BYTES, b"'").split()
    if data.isascii():
        return words
    found: list[bytes] = []
    for word in words:
        if word.isascii():
            found.append(word)
        else:
            found += (plain(w) for w in LETTERS.findall(word.decode("utf-8").lower()))
    return found


def plain(word: str) -> bytes:
    """A word without its accents: "café" is ``b"cafe"``."""
    if not word.isascii():
        word = "".join(
            c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)
        )
    return word.encode("utf-8")


@dataclass(frozen=True, slots=True)
class Element:
    """What one word of a pattern may be."""

    words: frozenset[bytes]
    prefixes: tuple[bytes, ...] = ()
    number: bool = False

    def matches(self, word: bytes) -> bool:
        return (
            word in self.words
            or (bool(self.prefixes) and word.startswith(self.prefixes))
            or (self.number and word[:1].isdigit())
        )


# The rest of a pattern after its first word: (words that may come between, element).
Rest = tuple[tuple[int, Element], ...]


def parse_element(text: str) -> Element:
    words: set[str] = set()
    prefixes: list[str] = []
    number = False
    for option in text.split("|"):
        if option == "#":
            number = True
        elif option.endswith("*"):
            prefixes.append(option[:-1])
        elif option.endswith("+"):
            words.update((option[:-1], option[:-1] + "s", option[:-1] + "es"))
        else:
            words.add(option)
    if not (words or prefixes or number) or any(not WORD.fullmatch(w) for w in (*words, *prefixes)):
        raise ValueError(f"bad pattern element {text!r}")
    return Element(
        frozenset(w.encode() for w in words), tuple(p.encode() for p in prefixes), number
    )


def parse_pattern(pattern: str) -> tuple[Element, Rest]:
    """A pattern's first element and the rest, with the gap before each."""
    elements: list[tuple[int, Element]] = []
    gap = 0
    for part in pattern.split():
        found = GAP.match(part)
        if found:
            gap = int(found.group(1))
            continue
        elements.append((gap, parse_element(part)))
        gap = 0
    if not elements or elements[0][0] or gap:
        raise ValueError(f"bad pattern {pattern!r}")
    return elements[0][1], tuple(elements[1:])


class ElementIndex:
    """Elements of many patterns, indexed to find which a word matches."""

    def __init__(self) -> None:
        self.exact: dict[bytes, list[int]] = {}
        self.prefixes: dict[bytes, list[int]] = {}
        self.numbers: list[int] = []
        # Every start of a prefix ("a", "as", "ass" of "assess"): a word whose
        # first letters are none of these starts no longer prefix either.
        self.heads: set[bytes] = set()

    def add(self, element: Element, number: int) -> None:
        for word in element.words:
            self.exact.setdefault(word, []).append(number)
        for prefix in element.prefixes:
            self.prefixes.setdefault(prefix, []).append(number)
            self.heads.update(prefix[:size] for size in range(1, len(prefix) + 1))
        if element.number:
            self.numbers.append(number)

    def matched_by(self, word: bytes) -> set[int]:
        found = set(self.exact.get(word, ()))
        heads = self.heads
        for size in range(1, len(word) + 1):
            head = word[:size]
            if head not in heads:
                break
            found.update(self.prefixes.get(head, ()))
        if word[:1].isdigit():
            found.update(self.numbers)
        return found


# A pattern whose second word may come after a gap: its number, its rest, and
# the words that second element can be with how far ahead to look for them
# (one set operation rules most places out), or None where it has stems.
Gapped = tuple[int, Rest, tuple[frozenset[bytes], int] | None]
# What a word starts: patterns of one word (found), patterns whose second word
# follows at once (a bit each, checked against the next word's ``seconds``),
# and gapped ones.
Starts = tuple[tuple[int, ...], int, tuple[Gapped, ...]]


class PhraseSet:
    """Patterns compiled once, found in a passage's words in one pass."""

    def __init__(self, patterns: Iterable[str]) -> None:
        self.patterns = tuple(patterns)
        self._first = ElementIndex()
        self._second = ElementIndex()
        self._rest: list[Rest] = []  # after the first word (gapped) or the second
        self._gapped: set[int] = set()
        for number, pattern in enumerate(self.patterns):
            first, rest = parse_pattern(pattern)
            self._first.add(first, number)
            if rest and rest[0][0] == 0:
                self._second.add(rest[0][1], number)
                rest = rest[1:]
            elif rest:
                self._gapped.add(number)
            self._rest.append(rest)
        self._lengths = [len(parse_pattern(p)[1]) + 1 for p in self.patterns]
        self._starts: dict[bytes, Starts | tuple[()]] = {}
        self._seconds: dict[bytes, int] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.patterns)

    def starts(self, word: bytes) -> Starts | tuple[()]:
        """What ``word`` starts (an empty tuple: nothing)."""
        found = self._first.matched_by(word)
        if not found:
            return ()
        single = tuple(sorted(n for n in found if self._lengths[n] == 1))
        pairs = sum(1 << n for n in found if self._lengths[n] > 1 and n not in self._gapped)
        gapped = tuple(
            (n, self._rest[n], near(self._rest[n])) for n in sorted(found & self._gapped)
        )
        return single, pairs, gapped

    def seconds(self, word: bytes) -> int:
        """The patterns whose second word (right after the first) ``word`` can
        be, a bit each."""
        return sum(1 << n for n in self._second.matched_by(word))

    def find(self, words: Sequence[bytes]) -> list[int]:
        """The number of every pattern found, once per place it is found."""
        known = list(map(self._starts.get, words))
        found = self._learn(words) if None in known else known
        seconds = self._seconds
        rests = self._rest
        last = len(words) - 1
        hits: list[int] = []
        for position in compress(range(len(words)), found):
            single, pairs, gapped = found[position]  # type: ignore[misc]
            hits += single
            if pairs and position < last:
                following = seconds.get(words[position + 1])
                if following is None:  # forgotten since: the memory was full
                    following = self.seconds(words[position + 1])
                both = pairs & following
                for number in bits(both) if both else ():
                    rest = rests[number]
                    if not rest or follows(words, position + 2, rest):
                        hits.append(number)
            for number, rest, nearby in gapped:
                if nearby and nearby[0].isdisjoint(words[position + 1 : position + nearby[1]]):
                    continue
                if follows(words, position + 1, rest):
                    hits.append(number)
        return hits

    def _learn(self, words: Sequence[bytes]) -> list[Starts | tuple[()]]:
        with self._lock:
            if len(self._starts) > MEMORY:
                self._starts.clear()
                self._seconds.clear()
            for word in words:
                if word not in self._starts:
                    self._seconds[word] = self.seconds(word)
                    self._starts[word] = self.starts(word)
            return [self._starts[word] for word in words]


def bits(number: int) -> list[int]:
    """The positions of the bits set in ``number``."""
    found = []
    while number:
        low = number & -number
        found.append(low.bit_length() - 1)
        number ^= low
    return found


def near(rest: Rest) -> tuple[frozenset[bytes], int] | None:
    """The words the first element of ``rest`` can be, with how many words
    ahead it may stand (None where the element has stems or numbers)."""
    gap, element = rest[0]
    if element.prefixes or element.number:
        return None
    return element.words, gap + 1


def follows(words: Sequence[bytes], position: int, rest: Rest) -> bool:
    """Whether ``rest`` matches the words from ``position`` on."""
    for gap, element in rest:
        for offset in range(gap + 1):
            if position + offset >= len(words):
                return False
            if element.matches(words[position + offset]):
                position += offset + 1
                break
        else:
            return False
    return True
