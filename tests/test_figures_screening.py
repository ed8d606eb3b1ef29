"""Property: the cheap tests that rule a pattern out before it runs never rule
out a match. Each is a necessary condition of its pattern, so figures and
findings are the same whether or not it is asked."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assure.extracting import consistency, references
from assure.extracting.figures import WHICH_BEFORE as WHICH_REACHED
from assure.extracting.figures import (
    context,
    flattened,
    labels,
    layout,
    leads,
    measures,
    numbers,
)
from assure.extracting.figures.screening import cut, ends_in_digit, has_digit, mentions
from assure.normalising.folding import folded

# Words the patterns look for, their neighbours, letters that case-insensitive
# patterns fold onto ASCII ones (dotless i, long s, the Kelvin sign), digits and
# the punctuation and spaces around them.
PIECES = st.sampled_from(
    ["which", "WHICH", "Wh\u0131ch", "is", "was", "about", "target", "Target", "of", "the",
     "number", "Proportion", "rate", "England", "national", "nationally", "North East",
     "London", "Yorkshire and the Humber", "statistical neighbours", "similar councils",
     "SN average", "CIPFA neighbours", "provisional", "(p)", "(P)", "draft figures",
     "unvalidated", "not yet validated", "subject to change", "years", "months", "over the",
     "next", "in", "page", "Tel", "no.", "recommendations", "Item", "an overspend", "around",
     "just over", "nearly", "who", "whom", "whose", "that", "September", "sept.", "Dec", "may",
     "TO BE CONFIRMED", "TBC",
     "XXX", "£XX", "XX%", "[insert", "]",
     "<insert", ">", "??", "[..]", "n/a", "N/A", "£m", "£'000", "12.5%", "(8,021)", "B", "*",
     "£3.2bn", "Essex", "855", "Total", "-", "—", "2023", "24", "7", "\u00b2", "\u0663",
     "1,200", "£", "Q3 ", "23/24", "2023-24", "2019 to 2021", "Census (2021)", "by 2030",
     "-£ 5", "−£12", "£ 3", "-4",
     " per cent", "pp", " percentage points", " out of 10", " in 5", " to 7",
     " weeks", "-year", " point plan", " ways to", "month",
     "Ref", "REFS", "reference", "IR", "ir", "[", "](#)", "[Re](#)f",
     "%", ",", ";", ":", "(", ")", ".", "-", " ", "  ", "\t", "\n", "\u00a0", "\u017f", "\u212a",
     "\u0130", "\u0131", "Wh\u0130ch", "\u212aeep", "\u2019", "\u00a3"]
)  # fmt: skip
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=14).map("".join)

# Each pattern with the words every match of it holds, as the extracting code asks.
SCREENED = [
    (measures.WHICH_BEFORE, ("which",)),
    (WHICH_REACHED, ("which",)),
    (measures.TARGET_BEFORE, ("target",)),
    (measures.BEFORE_SUBJECT, measures.QUANTITY_WORDS),
    (measures.WHERE_PHRASE, measures.WHERE_WORDS),
    (measures.AUXILIARY, ("ing", "ed")),
    (context.REGION, context.REGION_WORDS),
    (context.NEIGHBOURS, context.NEIGHBOUR_WORDS),
    (context.ENGLAND, context.ENGLAND_WORDS),
    (context.PROVISIONAL, context.PROVISIONAL_WORDS),
    (measures.RELATIVE, measures.RELATIVE_WORDS),
    (references.REF, ("ref",)),
    (context.WORDY_COMPARATOR, context.WORDY_WORDS),
    (context.OWN_WINDOW, context.OWN_WINDOW_WORDS),
]


@pytest.mark.parametrize(("pattern", "words"), SCREENED, ids=[w[0] for _, w in SCREENED])
@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_a_pattern_never_matches_text_without_its_words(
    pattern: re.Pattern[str], words: tuple[str, ...], text: str
) -> None:
    if not mentions(text, *words):
        assert pattern.search(text) is None


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_digit_and_ending_screens_are_necessary(text: str) -> None:
    if not context.PERIOD_HINT.search(text):
        assert context.PERIOD.search(text) is None
    if not measures.WHICH_END.search(text):
        assert measures.WHICH_BEFORE.search(text) is None
    if not has_digit(text):
        assert measures.CARRIED_FIGURE.search(text) is None
        assert references.REF.search(text) is None
        assert references.INFORMATION_RETURN.search(text) is None
        assert layout.MARK.search(text) is None
    if not ends_in_digit(text):
        assert layout.CONTENTS_ENTRY.match(text) is None
    if not text.rstrip().endswith(measures.NOUN_OF_ENDS):
        assert measures.NOUN_OF.search(text) is None
    if not any(hint in text for hint in consistency.PLACEHOLDER_HINTS):
        assert consistency.PLACEHOLDER.search(text) is None
    if len(numbers.CODE_NUMBER.findall(text)) < 3:
        assert len(numbers.CODED.findall(text)) < 3
    if ":" not in text:
        assert leads.PLACE_ITEM.match(text) is None
    if "](" not in text:
        assert references.LINK.search(text) is None
    if "IR" not in text:
        assert references.INFORMATION_RETURN.search(text) is None
    if "£" not in text:
        assert flattened.MARKERS_ONLY.match(text.strip()) is None
    end = text.strip()[-1:]
    if not (end.isdigit() or end in flattened.ROW_ENDS):
        assert flattened.ROW.match(text.strip()) is None


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_end_anchored_patterns_read_from_the_end_agree_with_a_whole_search(text: str) -> None:
    assert labels.labelled(text) == bool(labels.NOT_A_FIGURE_BEFORE.search(text))
    for pattern, span in ((labels.YEAR_SPAN_BEFORE, 8), (labels.MONTH_BEFORE, 12)):
        windowed = pattern.search(text, max(0, len(text) - span))
        assert bool(windowed) == bool(pattern.search(text))


ROW_VALUES = st.sampled_from(
    ["£155.4m", "12%", "(8,021)", "-", "–", "—", "n/a", "N/A", "238.00", "41", "3*", "12,",
     "5k", "£2bn", "−4.5", "(3)", "7%*"]
)  # fmt: skip
FLATTENED_ROWS = st.tuples(
    st.sampled_from(["Journey Time Benefits", "TOTAL £m", "855 Essex", "CI 855 Leicestershire"]),
    st.lists(ROW_VALUES, min_size=1, max_size=4),
    st.sampled_from(["", " B", " E", "  "]),
).map(lambda row: f"{row[0]} {' '.join(row[1])}{row[2]}")


@settings(max_examples=300, deadline=None)
@given(FLATTENED_ROWS)
def test_a_flattened_row_always_ends_as_the_screen_expects(text: str) -> None:
    if flattened.ROW.match(text.strip()):
        end = text.strip()[-1:]
        assert end.isdigit() or end in flattened.ROW_ENDS


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_the_words_after_a_number_screen_as_each_of_their_patterns(text: str) -> None:
    asked = (
        numbers.POINTS, numbers.PERCENT, numbers.PERCENT_RANGE, numbers.OUT_OF, numbers.IN_RATIO,
        numbers.RANGE_TAIL, numbers.COMPOUND, numbers.DURATION, numbers.LISTED_UNIT,
    )  # fmt: skip
    assert bool(numbers.UNIT_AFTER.match(text)) == any(p.match(text) for p in asked)
    qualifying = (
        labels.OR_MORE_AFTER, labels.NAME_AFTER, labels.SCALE_AFTER, labels.OF_THE_FOLLOWING,
        labels.CLOSING_RANGE, labels.PLUS_AFTER, labels.GLUED_RANGE,
    )  # fmt: skip
    assert bool(labels.QUALIFIER_AFTER.match(text)) == any(p.match(text) for p in qualifying)
    dated = labels.ORDINAL_OR_MONTH_AFTER.match(text) or labels.TIME_OF_DAY.match(text)
    assert bool(labels.DATE_OR_TIME_AFTER.match(text)) == bool(dated)
    assert bool(labels.FOLDED_DATE_OR_TIME_AFTER.match(folded(text))) == bool(dated)
    opening = text.lstrip()[:1]
    if not (opening.isalpha() or opening in labels.DASHES):
        assert not dated
    for opening in (measures.PARENTHESIS_AFTER, measures.RANGE_AFTER, measures.PER_TIME):
        assert (
            measures.past(opening, text) == opening.sub("", text, count=1) == opening.sub("", text)
        )


# Where a sentence ends, as first written: spaces after a closing mark, looked behind for.
SENTENCE_END_BEHIND = re.compile(r"(?<=[.!?;])\s+(?=[A-Z(\"'‘“])")

SENTENCE_PIECES = ["a", "A", ".", ";", "!", "?", " ", "  ", "\n", "(", '"', "‘", "2"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SENTENCE_PIECES), max_size=30).map("".join))
def test_sentences_end_where_spaces_follow_a_closing_mark(text: str) -> None:
    ends = [m.span(1) for m in context.SENTENCE_END.finditer(text)]
    assert ends == [m.span() for m in SENTENCE_END_BEHIND.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_numbers_are_found_from_three_characters_before_the_first_digit(text: str) -> None:
    first = numbers.DIGIT.search(text)
    start = max(0, first.start() - 3) if first else len(text)
    spans = [m.span() for m in numbers.NUMBER.finditer(text, start)]
    assert spans == [m.span() for m in numbers.NUMBER.finditer(text)]


PERIOD_PIECES = st.sampled_from(
    ["Q3", "q3", "Q\u0131", "2023", "2023/24", "23/24", "2023-24", "20", "/", "-", "–", "to",
     "and", "between", "in", "IN", "by", "since", "year", "Year", "ending", "ended", "the",
     "financial", "March", "MARCH", "Sept", "\u017fept", "Census", "CEN\u017fUS", "(", ")",
     " ", "  ", "\n", "\u00a0", "\u0130", "\u212a"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(PERIOD_PIECES, st.text(max_size=3)), max_size=14).map("".join))
def test_periods_read_on_folded_text_are_the_periods_of_the_text(text: str) -> None:
    assert not re.search(r"[A-Z]", re.sub(r"\\.", "", context.FOLDED_PERIOD.pattern))
    spans = [m.span() for m in context.FOLDED_PERIOD.finditer(folded(text))]
    assert spans == [m.span() for m in context.PERIOD.finditer(text)]


# Each case-blind pattern and its case-sensitive twin, read on folded text.
FOLDED_TWINS = [
    (labels.NOT_A_FIGURE_BEFORE, labels.FOLDED_NOT_A_FIGURE_BEFORE),
    (measures.VERB, measures.FOLDED_VERB),
    (measures.POPULATION, measures.FOLDED_POPULATION),
    (measures.EMPTY, measures.FOLDED_EMPTY),
    (measures.POINTING, measures.FOLDED_POINTING),
    (context.COMPARING, context.FOLDED_COMPARING),
    (labels.MONTH_BEFORE, labels.FOLDED_MONTH_BEFORE),
    (measures.WHERE_PHRASE, measures.FOLDED_WHERE_PHRASE),
    (measures.STOP_PHRASE, measures.FOLDED_STOP_PHRASE),
    (measures.AUXILIARY, measures.FOLDED_AUXILIARY),
    (measures.LEADING_FILLER, measures.FOLDED_LEADING_FILLER),
    (measures.BEFORE_SUBJECT, measures.FOLDED_BEFORE_SUBJECT),
    (measures.NOT_AFTER, measures.FOLDED_NOT_AFTER),
]
FOLDED_PIECES = st.sampled_from(
    ["Page", "PP.", "no.", "Rec", "tel", "out of", "#", "was", "WERE", "\u0130s", "ha\u017f",
     "rose", "people", "Carers", "among those", "averaging", "this", "It", "compared with",
     "Against", "vs.", "rose from", "target of", "the national average", "England",
     "statistical neighbours", "benchmark", "\u212aey stage", "  ", " ", "\n", ".", ";", "(", "1"]
)  # fmt: skip


@pytest.mark.parametrize(
    ("blind", "twin"), FOLDED_TWINS, ids=[b.pattern[:20] for b, _ in FOLDED_TWINS]
)
@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(FOLDED_PIECES, st.text(max_size=3)), max_size=12).map("".join))
def test_a_folded_twin_matches_where_its_case_blind_pattern_does(
    blind: re.Pattern[str], twin: re.Pattern[str], text: str
) -> None:
    assert [m.span() for m in twin.finditer(folded(text))] == [
        m.span() for m in blind.finditer(text)
    ]
    assert cut(twin, text) == blind.sub("", text)
    assert bool(twin.fullmatch(folded(text))) == bool(blind.fullmatch(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(PERIOD_PIECES, st.text(max_size=3)), max_size=14).map("".join))
def test_periods_cut_from_a_phrase_are_the_periods_a_substitution_removes(text: str) -> None:
    assert context.without_periods(text) == context.PERIOD.sub("", text)


# Patterns as first written, looked behind for before their first character.
MARK_BEHIND = re.compile(r"(?<=[a-z)\]])(\d{1,2})\b")
CODE_NUMBER_BEHIND = re.compile(r"[ _]\d")
CODED_AT_A_BOUNDARY = re.compile(r"\b([A-Z][A-Za-z]*)[ _](\d{1,3})\b")
PERIOD_HINT_AS_WRITTEN = re.compile(r"20\d\d|\d\d\s?[/\-–]")


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_patterns_that_start_with_their_digit_find_what_they_found_before(text: str) -> None:
    assert layout.MARK.findall(text) == MARK_BEHIND.findall(text)
    assert bool(context.PERIOD_HINT.search(text)) == bool(PERIOD_HINT_AS_WRITTEN.search(text))
    assert len(numbers.CODE_NUMBER.findall(text)) == len(CODE_NUMBER_BEHIND.findall(text))
    found = [(m.span(), m.groups()) for m in numbers.CODED.finditer(text)]
    assert found == [(m.span(), m.groups()) for m in CODED_AT_A_BOUNDARY.finditer(text)]
