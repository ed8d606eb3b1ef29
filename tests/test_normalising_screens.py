"""Property: the cheap tests normalisation asks before a pattern never rule
out a match, so clean lines are the same whether or not they are asked."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assure.normalising import characters, joining

PIECES = st.sampled_from(
    ["•", "-", "–", "—", "*", "▪", "●", "◦", "■", "□", "✓", "❖", "➢", "►", "→", "o", "(", ")",
     "a", "b", "i", "iv", "x", "v", "Z", "Item", "Key", "1", "12", "3.2", "\u0663", "²", ".", ":",
     " ", "\t", "\u00a0", ", ", "£", "$", "€", "000", "21", "and", "Ref"]
)  # fmt: skip
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=10).map("".join)


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_list_starts_are_read_as_the_pattern_reads_them(text: str) -> None:
    assert joining.list_start(text) == bool(joining.LIST_START.match(text))
    if joining.BULLET.match(text):
        assert text[:1] in joining.BULLET_MARKS
    if joining.FIELD_LABEL.match(text):
        assert "A" <= text[:1] <= "Z"


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_broken_thousands_are_looked_for_only_after_a_comma_a_space_and_a_digit(
    text: str,
) -> None:
    if not characters.COMMA_DIGIT.search(text):
        assert characters.BROKEN_MONEY.search(text) is None
        assert characters.BROKEN_THOUSANDS.search(text) is None
