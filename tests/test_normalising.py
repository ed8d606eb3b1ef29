"""Normalisation: artefacts removed, sentences joined, every clean line citing its source lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assure.document import CleanText, Format, SourceDocument, SourceLine
from assure.normalising import joining, normalise
from assure.reading import read_document
from assure.reading.text import text_lines
from fixtures.reading.council_documents import COUNCIL, make_pdf


def document(
    lines: list[str] | list[tuple[str, int]], format: Format = Format.TEXT
) -> SourceDocument:
    """A source document from lines of text, or (text, page) pairs."""
    built = []
    for number, entry in enumerate(lines, 1):
        text, page = entry if isinstance(entry, tuple) else (entry, None)
        built.append(SourceLine(number, text, page, table_row="\t" in text))
    return SourceDocument("fixture", format, "0" * 64, 0, tuple(built))


def clean(lines, format: Format = Format.TEXT) -> CleanText:
    return normalise(document(lines, format))


def spans(text: CleanText) -> list[tuple[int, int, str]]:
    return [(line.number, line.end, line.text) for line in text.lines]


def test_markup_entities_quotes_and_odd_characters_are_cleaned() -> None:
    result = clean(
        [
            "The **Health Scrutiny Panel** met on <u>Tuesday</u>.",
            "Carers &amp; families<br/>were consulted.",
            "\u201cWe felt listened to\u201d, said a carer\u2019s partner.",
            "Bene\ufb01ts\u00a0advice and a soft\u00adhyphen.",
            "See the [Local Offer](https://example.org/offer) pages.",
        ]
    )
    assert [line.text for line in result.lines] == [
        "The Health Scrutiny Panel met on Tuesday.",
        "Carers & families were consulted.",
        '"We felt listened to", said a carer\'s partner.',
        "Benefits advice and a softhyphen.",
        "See the Local Offer pages.",
    ]


def test_bold_spanning_two_lines_leaves_no_asterisks() -> None:
    result = clean(["**Service Director - Housing and", "Neighbourhoods**"])
    assert [line.text for line in result.lines] == [
        "Service Director - Housing and",
        "Neighbourhoods",
    ]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("with 120,000 men and 121, 000 women.", "with 120,000 men and 121,000 women."),
        ("a budget of £1, 250, 000 this year", "a budget of £1,250,000 this year"),
        ("evidence (Ref 142, 143) shows", "evidence (Ref 142, 143) shows"),
        ("options 1, 2 and 3 were costed", "options 1, 2 and 3 were costed"),
        ("wards 12, 130 and 131", "wards 12, 130 and 131"),
    ],
)
def test_thousands_broken_by_a_space_are_joined_but_lists_are_not(raw: str, expected: str) -> None:
    assert clean([raw]).lines[0].text == expected


def test_dot_leaders_keep_the_contents_entry_and_its_page() -> None:
    result = clean(
        [
            "CONTENTS",
            "7\tASSESSING NEEDS.....\t8",
            "\tPART B - PROVIDING SUPPORT.....\t20",
            "SAFEGUARDING ............ 29",
            "Annex \u2026\u2026\u2026 41",
        ]
    )
    assert [line.text for line in result.lines[1:]] == [
        "7\tASSESSING NEEDS\t8",
        "\tPART B - PROVIDING SUPPORT\t20",
        "SAFEGUARDING\t29",
        "Annex\t41",
    ]


def test_page_numbers_blank_pages_stray_spaces_and_rules_are_removed_and_counted() -> None:
    result = clean(
        [
            "Minutes of the meeting",
            "Page 3",
            " ",
            "- 4 -",
            "5 of 28",
            "This page is intentionally left blank",
            "Name\tRole",
            "---\t---",
            "Cllr Birch\tChair",
        ]
    )
    assert spans(result) == [
        (1, 1, "Minutes of the meeting"),
        (7, 7, "Name\tRole"),
        (9, 9, "Cllr Birch\tChair"),
    ]
    assert result.removed == {
        "page_number": 3,
        "stray_space": 1,
        "blank_page": 1,
        "table_rule": 1,
    }


def test_minute_numbers_on_their_own_line_are_kept_in_text() -> None:
    result = clean(["7", "", "Early Help Strategy", "", "8", "", "Date of next meeting"])
    assert [line.text for line in result.lines] == [
        "7",
        "Early Help Strategy",
        "8",
        "Date of next meeting",
    ]


def test_sentence_split_by_a_blank_line_is_joined_with_its_span() -> None:
    result = clean(
        [
            "The panel asked how the service would reach families who",
            "",
            "had not been referred before.",
            "",
            "Members thanked officers.",
        ]
    )
    assert spans(result) == [
        (
            1,
            3,
            "The panel asked how the service would reach families who had not been "
            "referred before.",
        ),
        (5, 5, "Members thanked officers."),
    ]


def test_running_header_inside_a_paragraph_is_removed_and_the_sentence_rejoined() -> None:
    header = "Health Scrutiny Panel - 4 March 2025"
    result = clean(
        [
            header,
            "",
            "The Director explained that the review of day services",
            "",
            header,
            "",
            "would finish in the summer.",
            "",
            "How we will do this:",
            "Weekly audits.",
            "How we will do this:",
            "Quarterly reports.",
        ]
    )
    assert spans(result)[0] == (
        3,
        7,
        "The Director explained that the review of day services would finish in the summer.",
    )
    assert result.removed == {"running_header": 2}
    # A repeated label that never cuts a sentence is the author's, and stays.
    assert [line.text for line in result.lines].count("How we will do this:") == 2


def paged_report(pages: int = 4) -> list[tuple[str, int]]:
    lines: list[tuple[str, int]] = []
    for page in range(1, pages + 1):
        lines += [(f"{COUNCIL} - Cabinet 12 May 2025", page), (str(page + 2), page)]
        lines += [(f"Section {page}", page)]
        lines += [(f"Body text of section {page}, part {part}.", page) for part in range(5)]
        lines += [(f"Page {page} of {pages}", page)]
    return lines


def test_running_headers_and_page_numbers_recurring_across_pdf_pages_are_removed() -> None:
    result = clean(paged_report(), Format.PDF)
    # The first page's copy of the head is kept: there it is usually the title.
    assert [(line.text, line.page) for line in result.lines[:2]] == [
        (f"{COUNCIL} - Cabinet 12 May 2025", 1),
        ("Section 1", 1),
    ]
    assert [line.text for line in result.lines if line.page == 2][:1] == ["Section 2"]
    assert result.removed == {"running_header": 3, "page_number": 8}


def test_pdf_wrapped_lines_join_into_paragraphs_but_headings_and_bullets_stay() -> None:
    body = "The council will open two new extra care schemes in the east of the"
    result = clean(
        [
            ("3. Proposals", 1),
            (body, 1),
            ("borough by 2027, and will review home care rates.", 1),
            ("Background", 1),
            ("\uf0b7 Demand for home care rose by a tenth last year, and waiting", 1),
            ("times lengthened.", 1),
            ("\uf0b7 Two providers left the market.", 1),
            ("3.1 The budget allows for a rise in", 1),
            ("2025/26.", 1),
        ],
        Format.PDF,
    )
    assert spans(result) == [
        (1, 1, "3. Proposals"),
        (2, 3, body + " borough by 2027, and will review home care rates."),
        (4, 4, "Background"),
        (5, 6, "• Demand for home care rose by a tenth last year, and waiting times lengthened."),
        (7, 7, "• Two providers left the market."),
        (8, 9, "3.1 The budget allows for a rise in 2025/26."),
    ]


def test_a_heading_ending_in_of_stays_above_its_paragraph() -> None:
    body = "Our single front door now answers most calls at the first contact, and"
    result = clean(
        [
            ("What we are proud of", 1),
            (body, 1),
            ("people tell us they are seen sooner than they were a year ago.", 1),
            ("Carers assessed rose by a fifth on the year, the largest increase of", 1),
            ("any council in the region, and waits fell.", 1),
        ],
        Format.PDF,
    )
    assert [line.text for line in result.lines] == [
        "What we are proud of",
        body + " people tell us they are seen sooner than they were a year ago.",
        "Carers assessed rose by a fifth on the year, the largest increase of "
        "any council in the region, and waits fell.",
    ]


def test_hyphen_at_a_line_end_joins_without_a_space() -> None:
    result = clean([("Plans for the period 2025-", 1), ("2028 were agreed.", 1)], Format.PDF)
    assert result.lines[0].text == "Plans for the period 2025-2028 were agreed."


def test_raised_ordinal_suffix_rejoins_its_day() -> None:
    result = clean([("Dear Ms Hart", 1), ("3", 1), ("rd June 2025", 1)], Format.PDF)
    assert [line.text for line in result.lines] == ["Dear Ms Hart", "3rd June 2025"]


def test_sentence_across_a_pdf_page_break_is_joined_and_keeps_its_first_page() -> None:
    result = clean(
        [
            *paged_report(3),
            ("The board agreed that the strategy would be", 3),
            ("Page 3 of 4", 3),
            (f"{COUNCIL} - Cabinet 12 May 2025", 4),
            ("published after consultation.", 4),
        ],
        Format.PDF,
    )
    joined = [line for line in result.lines if "published" in line.text]
    assert [(line.number, line.end, line.page) for line in joined] == [(28, 31, 3)]
    assert (
        joined[0].text
        == "The board agreed that the strategy would be published after consultation."
    )


def test_text_extracted_from_a_pdf_with_form_feeds_is_treated_like_a_pdf(tmp_path: Path) -> None:
    header = "Northfield Borough Council - Annual Report 2024/25"
    pages = [
        f"{header}\nOur year\nWe supported more carers than in any year before and\n",
        f"{header}\nwe opened two new day centres.\nOutlook\n",
        f"{header}\nWe will keep waiting times down.\n",
        f"{header}\nThank you.\n",
    ]
    path = tmp_path / "report.txt"
    path.write_text("\f".join(pages), encoding="utf-8")
    text = normalise(read_document(path))
    assert text.source.pages == 4
    assert text.removed == {"running_header": 3}
    assert [(line.number, line.end, line.page) for line in text.lines][:4] == [
        (1, 1, 1),
        (2, 2, 1),
        (3, 5, 1),
        (6, 6, 2),
    ]
    assert text.lines[2].text.endswith("and we opened two new day centres.")


def test_markdown_heading_marks_are_dropped_and_levels_kept() -> None:
    source = SourceDocument(
        "notes.md", Format.MARKDOWN, "0" * 64, 0, text_lines("# Plan\n## Priority 1\nText", True)
    )
    result = normalise(source)
    assert [(line.text, line.heading_level) for line in result.lines] == [
        ("Plan", 1),
        ("Priority 1", 2),
        ("Text", None),
    ]


def test_any_span_can_be_shown_in_context() -> None:
    result = clean(["Title", "", "The plan was", "", "agreed by members.", "Next."])
    line = result.lines[1]
    assert (line.number, line.end) == (3, 5)
    assert [source.number for source in result.context(line.number, line.end, around=1)] == [
        2,
        3,
        4,
        5,
        6,
    ]


def test_generated_pdf_read_and_normalised_end_to_end(tmp_path: Path) -> None:
    header = f"{COUNCIL} Adult Social Care Plan"
    pages = [
        [header, "Priority 1: Early help", "We will widen the reach of our community", "Page 1"],
        [header, "teams so that more people get advice early.", "Priority 2: Carers", "Page 2"],
        [header, "We will refresh the carers offer.", "Page 3"],
    ]
    text = normalise(read_document(make_pdf(tmp_path / "plan.pdf", pages)))
    assert [(line.number, line.end, line.page, line.text) for line in text.lines] == [
        (1, 1, 1, header),
        (2, 2, 1, "Priority 1: Early help"),
        (
            3,
            6,
            1,
            "We will widen the reach of our community teams so that more people get advice early.",
        ),
        (7, 7, 2, "Priority 2: Carers"),
        (10, 10, 3, "We will refresh the carers offer."),
    ]
    assert text.removed == {"running_header": 2, "page_number": 3}


def test_corpus_scrutiny_pack_artefacts(corpus: Path) -> None:
    text = normalise(read_document(corpus / "kirklees-childrens-scrutiny-pack-2018-11.txt"))
    assert text.removed["blank_page"] == 2
    assert text.removed["running_header"] == 2
    assert text.removed["stray_space"] == 50
    assert not any("**" in line.text or "<u>" in line.text for line in text.lines)
    assert any("221,000" in line.text for line in text.lines)
    joined = {line.number: line.end for line in text.lines if line.end > line.number}
    assert joined[225] == 229  # a sentence cut by a running header, rejoined


def test_corpus_self_assessment_contents_stay_a_contents_list(corpus: Path) -> None:
    text = normalise(read_document(corpus / "kirklees-asc-self-assessment-2024.txt"))
    by_number = {line.number: line.text for line in text.lines}
    assert by_number[16] == "7\tASSESSING NEEDS\t8"
    assert by_number[17].endswith("\t13")


def test_corpus_pdf_running_header_and_page_numbers_removed(corpus: Path) -> None:
    text = normalise(read_document(corpus / "pdf" / "medway_cycle_action_plan_2014_2017.pdf"))
    assert text.removed["running_header"] >= 20
    assert text.removed["page_number"] >= 20
    numbers = [line.number for line in text.lines]
    assert numbers == sorted(numbers)


junk_text = st.lists(
    st.one_of(
        st.text(max_size=80),
        st.sampled_from(
            ["", " ", "Page 2", "- 3 -", "**", "<br>", "......\t4", "\t\t", "a,\tb", "and", "x"]
        ),
        st.binary(max_size=40).map(lambda b: b.decode("latin-1")),
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(junk_text, st.sampled_from(list(Format)), st.booleans())
def test_any_text_normalises_to_ordered_lines_within_the_source(
    lines: list[str], format: Format, paged: bool
) -> None:
    entries = [(text, 1 + index // 5) if paged else text for index, text in enumerate(lines)]
    result = clean(entries, format)
    previous_end = 0
    for line in result.lines:
        assert 1 <= line.number <= line.end <= len(lines)
        assert line.number > previous_end
        assert line.text.strip()
        previous_end = line.end


# Line ends as the joining rules meet them: words, connectors, hyphens, closing
# punctuation, quotes and brackets, and a stray newline.
line_ends = st.lists(
    st.sampled_from(
        ["a", "x", " ", "-", ".", ":", ";", "!", "?", ",", '"', "'", ")", "]", "(", "/", "&",
         "\n", "and", "or", "including", "the", "within", "self", "2014", "_", "é", "\u0663",
         "AND", "Of", "\u0131n", "data", "these"]
    ),
    max_size=12,
).map("".join)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(line_ends)
def test_line_end_rules_read_from_the_end_agree_with_their_patterns(text: str) -> None:
    assert joining.ends_sentence(text) == bool(joining.TERMINAL.search(text))
    assert joining.hyphen_end(text) == bool(joining.HYPHEN_END.search(text))
    reach = joining.CONNECTOR_REACH
    assert joining.ends_with(joining.CONNECTOR_END, text, reach) == bool(
        joining.CONNECTOR_END.search(text)
    )
    assert joining.ends_with_connector(text) == bool(joining.CONNECTOR_END.search(text))
