"""Work shared across one text's detectors and parser gives what each would
find on its own: a case-blind pattern run on folded lines matches where the
pattern matches the lines as written, a line without a cue's words is one the
cue's pattern never matches, and an answer kept for a text is given for that
text only."""

from __future__ import annotations

import re

import pytest

from assure.document import CleanLine, CleanText, Format, SourceDocument, SourceLine
from assure.normalising.folding import folded
from assure.parsing.per_text import Cue, FoldedLines, blind, once_per_text

# Letters outside ASCII that a case-blind pattern reads as ASCII ones.
TWINS = ["RİSK REGİSTER", "rısk regıster", "Riſk Regiſter", "\u212aPI target", "RISK REGISTER"]


def clean_text(*lines: str) -> CleanText:
    source = tuple(SourceLine(n, text) for n, text in enumerate(lines, start=1))
    document = SourceDocument("test.txt", Format.TEXT, "0" * 64, 0, source)
    return CleanText(document, tuple(CleanLine(n, n, text) for n, text in enumerate(lines, 1)))


@pytest.mark.parametrize("line", [*TWINS, "Ofsted – “Good”", "ÉTAPE", "ǅ ǈ"])
def test_folding_keeps_every_character_in_its_place(line):
    assert len(folded(line)) == len(line)
    assert folded(line) == folded(line).lower()


@pytest.mark.parametrize("line", TWINS)
def test_a_blind_pattern_on_folded_lines_matches_where_the_pattern_does(line):
    pattern = re.compile(r"\brisk\s+register\b|\bkpi\b", re.IGNORECASE)
    found = [m.span() for m in pattern.finditer(line)]
    assert found  # each is a register or a KPI to a case-blind reader
    assert [m.span() for m in blind(pattern).finditer(folded(line))] == found


def test_a_pattern_with_capitals_is_refused():
    with pytest.raises(ValueError):
        blind(re.compile(r"\bDoT\b", re.IGNORECASE))


def test_a_cue_finds_the_lines_its_pattern_finds():
    text = clean_text(
        "Corporate risk register",
        "The council reviewed its RİSKS",
        "Nothing here",
        "Strategic Riſk Register and the risk log",
    )
    pattern = re.compile(r"\brisk\s+(?:register|log)\b", re.IGNORECASE)
    expected = [line for line in text.lines if pattern.search(line.text)]
    assert Cue(pattern, ("risk",)).lines(text) == expected
    # "RİSKS" holds the word once folded, as the pattern would read it.
    assert FoldedLines([line.text for line in text.lines]).holding(("risk",)) == (0, 1, 3)


def test_whole_words_are_found_on_the_lines_a_bounded_pattern_finds():
    lines = [
        "We said so",
        "answer: ours, not yours",
        "Tell us, OUR own",
        "were between powers",
        "usual sewer",
        "our",
        "x_we _our we_ 2we",
        "ÉWE éour",
        "us",
    ]
    folded_lines = [folded(line) for line in lines]
    pattern = re.compile(r"\b(?:we|our|us)\b")
    expected = {i for i, line in enumerate(folded_lines) if pattern.search(line)}
    assert FoldedLines(lines).with_words(("we", "our", "us")) == expected == {0, 2, 5, 8}


def test_an_answer_is_kept_for_its_own_text_only():
    calls: list[CleanText] = []

    @once_per_text
    def count_lines(text: CleanText) -> int:
        calls.append(text)
        return len(text.lines)

    one, other = clean_text("a", "b"), clean_text("a", "b")
    assert count_lines(one) == count_lines(one) == 2
    assert count_lines(other) == 2
    assert calls == [one, other]
