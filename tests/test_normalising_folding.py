"""``folded`` writes every letter a case-blind pattern takes for an ASCII
letter as that letter, one character for one, so a word screen read on folded
text never rules out a match."""

from __future__ import annotations

import re
import sys

from hypothesis import given
from hypothesis import strategies as st

from assure.normalising.folding import folded


def test_every_letter_a_case_blind_pattern_reads_as_ascii_folds_onto_it() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for match in re.finditer(letter, every, re.IGNORECASE):
            assert folded(match.group(0)) == letter, hex(ord(match.group(0)))


@given(st.text())
def test_folding_keeps_the_length_and_lowers_ascii(text: str) -> None:
    assert len(folded(text)) == len(text)
    if text.isascii():
        assert folded(text) == text.lower()
