"""Full-text search: words, phrases, ranking, snippets, and input that must never break it."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from assure.storing.search import parse_query
from assure.structure import StatementLabel

# Passages start at lines 4, 6 (page 2), 9, 11 (page 3) and 14; sections take
# neutral titles because a section's title is searched with its passages.
SECTIONS = {
    "Part one": [
        "Direct payments give people choice over who supports them at home.",
        "We reviewed payments made to providers; direct contact with families improved.",
    ],
    "Part two": [
        "Carers told us that carers breaks and carers assessments helped them to keep caring.",
        "An annual survey of carers found most were satisfied with the information they received.",
    ],
    "Part three": [
        "Safeguarding concerns about home care were followed up within two working days.",
    ],
}

EAST = ["Eastmoor Council"]


@pytest.fixture()
def stored(library, fictional):
    parsed, lines = fictional.text("Eastmoor self assessment", SECTIONS, lines_per_page=5)
    first = parsed.passages[0]
    object.__setattr__(first, "qs", (StatementLabel("assessing-needs", 0.8, "model"),))
    library.add(parsed, "Eastmoor Council", lines)
    return library


def lines(hits):
    return [h.start_line for h in hits]


def test_a_quoted_phrase_needs_its_words_together_and_in_order(stored):
    assert lines(stored.search('"direct payments"', EAST)) == [4]
    assert sorted(lines(stored.search("direct payments", EAST))) == [4, 6]


def test_every_word_must_match(stored):
    assert lines(stored.search("carers survey", EAST)) == [11]
    assert stored.search("carers hospital", EAST) == []


def test_words_match_their_other_forms(stored):
    assert lines(stored.search("surveys", EAST)) == [11]
    assert lines(stored.search("Safeguarding CONCERN", EAST)) == [14]


def test_a_passage_saying_more_about_the_query_ranks_first(stored):
    hits = stored.search("carers", EAST)
    assert lines(hits) == [9, 11]
    assert hits[0].rank > hits[1].rank


def test_a_hit_says_where_it_is_and_marks_the_words(stored):
    (hit,) = stored.search('"home care"', EAST)
    assert (hit.document_title, hit.page, hit.start_line, hit.end_line) == (
        "Eastmoor self assessment",
        3,
        14,
        14,
    )
    assert hit.section == "Part three"
    assert "**home** **care**" in hit.snippet or "**home care**" in hit.snippet
    (labelled,) = stored.search('"choice over who"', EAST)
    assert labelled.labels == (StatementLabel("assessing-needs", 0.8, "model"),)


def test_limit_and_offset_page_through_the_hits(stored):
    everything = stored.search("home", EAST)
    assert len(everything) == 2
    assert lines(stored.search("home", EAST, limit=1)) == lines(everything[:1])
    assert lines(stored.search("home", EAST, limit=5, offset=1)) == lines(everything[1:])


def test_a_section_title_finds_the_passages_under_it(library, fictional):
    parsed, lines_ = fictional.text("Eastmoor plan", {"Reablement": SECTIONS["Part one"]})
    library.add(parsed, "Eastmoor Council", lines_)
    assert sorted(lines(library.search("reablement", EAST))) == [4, 6]


HOSTILE = [
    "",
    "   ",
    '"',
    '""',
    '"unclosed phrase',
    "carers AND",
    "OR",
    "NOT carers",
    "NEAR(carers survey)",
    "carers*",
    "^carers",
    "column:carers",
    "(carers",
    "carers)",
    "'; DROP TABLE passages; --",
    "!@#$%^&*()",
    "carers & | ! <-> :*",
    "\u201cdirect payments\u201d",
    "\x00",
    "ü日本語",
    "a" * 2000,
]


def test_no_query_raises_and_operators_are_plain_words(stored):
    for query in HOSTILE:
        stored.search(query, EAST)
    assert stored.search("NEAR(carers hospital)", EAST) == []  # NEAR is a word, not an operator
    assert lines(stored.search("carers*", EAST)) == [9, 11]


def test_curly_quotes_make_a_phrase(stored):
    assert lines(stored.search("\u201cdirect payments\u201d", EAST)) == [4]


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=60))
def test_any_text_is_a_safe_query(stored, query):
    stored.search(query, EAST)


def test_the_query_is_cut_into_words_and_phrases():
    assert [t.words for t in parse_query('carers "direct payments" home-care £21,000')] == [
        ("carers",),
        ("direct", "payments"),
        ("home", "care"),
        ("21", "000"),
    ]
    assert parse_query('" ! ( ) "') == []


def test_search_within_a_statement_or_a_document(stored, fictional):
    assert lines(stored.search("home", EAST, statement="assessing-needs")) == [4]
    assert stored.search("home", EAST, statement="safeguarding") == []
    (first,) = stored.search('"choice over who"', EAST)
    stored.record_correction(first.passage_id, EAST, ["equity"], user="amy")
    # the person's label wins
    assert stored.search("home", EAST, statement="assessing-needs") == []
    assert lines(stored.search("home", EAST, statement="equity")) == [4]

    other, other_lines = fictional.text("Westvale notes", {"Part one": SECTIONS["Part one"]})
    other_id = stored.add(other, "Eastmoor Council", other_lines)
    assert len(stored.search("home", EAST)) == 3
    assert {h.document_id for h in stored.search("home", EAST, document=other_id)} == {other_id}
