"""What PDF text extraction does to packs, one artefact at a time.

The Tollbridge and Lowmoor fixtures hold these artefacts together (an agenda
table whose columns ran together, "Agenda Item 5" stamped on every page, two
columns of names read across, minute numbers alone in the margin, a
resolution's points split by a page footer, stacked notice fields); the tests
here pin each one down so that a failure names it.
"""

from __future__ import annotations

from pathlib import Path

from test_committee_pack_layouts import meetings_of, of_role, parsed

TOLLBRIDGE = "tollbridge-health-asc-scrutiny-2024-11.txt"
LOWMOOR = "lowmoor-hwb-2024-12.txt"


def test_resolution_points_run_on_over_the_page_footer() -> None:
    [minutes] = of_role(parsed(TOLLBRIDGE), "minutes")
    items = {item.number: item for item in minutes.minutes}
    [resolved] = items["27"].decisions
    assert "(b) the Committee asks" in resolved.text
    assert resolved.text.endswith(
        "(d) the Committee's concern about the use of one-off reserves be reported to Cabinet."
    )
    assert "Page 2" not in resolved.text and "Agenda Item" not in resolved.text


def test_two_columns_of_names_read_across() -> None:
    [minutes] = of_role(parsed(TOLLBRIDGE), "minutes")
    assert minutes.attendance.present[:4] == (
        "Councillor A Bell",
        "Councillor R Singh",
        "Councillor T Ashdown",
        "Councillor M Fenwick",
    )
    assert minutes.attendance.apologies == ("Councillor S Oyelaran", "Councillor L Whitcombe")
    assert "Councillor D Whitlow" in minutes.attendance.in_attendance
    [board] = of_role(parsed(LOWMOOR), "minutes")
    assert board.attendance.present == (
        "Councillor B Quaile",
        "Dr I Mehta",
        "Councillor C Aspey",
        "Dr C Hebden",
        "M Sowerby",
        "A Rahman",
        "G Tillotson",
        "N Fairweather",
    )
    assert board.attendance.in_attendance == ("O Tasker", "E Brodie", "L Pardoe")


def test_agenda_table_read_as_runs_of_text(tmp_path: Path) -> None:
    """Title and page columns ran together; a long title's last words under
    its page range; a one-page item ending in a bare page number."""
    [notice] = meetings_of(
        tmp_path,
        "NOTICE OF MEETING\nAdult Social Care Committee\nDate: Tuesday, 3 September 2024\n"
        "\nAGENDA\nItem Title Pages\n1. Apologies for Absence\n"
        "2. Minutes of the Meeting held on 9 July 2024 1 - 6\n"
        "3. Carers Strategy 2025-2028 7 - 18\n"
        "4. Hospital Discharge and Intermediate Care: Winter 19 - 24\nReadiness 2024/25\n"
        "Report of the Director of Adult Social Care.\n"
        "5. Forward Plan 25\n6. Any Other Business\n",
    )
    assert [(item.number, item.title, item.pages) for item in notice.agenda] == [
        ("1", "Apologies for Absence", None),
        ("2", "Minutes of the Meeting held on 9 July 2024", (1, 6)),
        ("3", "Carers Strategy 2025-2028", (7, 18)),
        ("4", "Hospital Discharge and Intermediate Care: Winter Readiness 2024/25", (19, 24)),
        ("5", "Forward Plan", (25, 25)),
        ("6", "Any Other Business", None),
    ]


def test_notice_fields_read_one_column_after_the_other(tmp_path: Path) -> None:
    [notice] = meetings_of(
        tmp_path,
        "WESTSHIRE COUNCIL\nHealth and Wellbeing Board\nAgenda\nDate:\nTime:\nVenue:\n"
        "Tuesday, 10 December 2024\n2.00 pm\nCommittee Room 1, Shire Hall\n"
        "\n1. Apologies\n2. Better Care Fund Return (Pages 1 - 8)\n",
    )
    assert (notice.body, notice.date, notice.time, notice.venue) == (
        "Health and Wellbeing Board",
        "2024-12-10",
        "14:00",
        "Committee Room 1, Shire Hall",
    )


MINUTES_HEAD = (
    "Cabinet\nMinutes of the meeting held on 14 December 2023\n\n"
    "Present: Councillors A Smith (Chair), B Jones and C Patel\n\n12. Apologies\nNone.\n\n"
)


def test_noting_a_paper_is_the_outcome_only_where_nothing_formal_was_decided(
    tmp_path: Path,
) -> None:
    [minutes] = meetings_of(
        tmp_path,
        MINUTES_HEAD + "13. Carers Update\nThe officer presented the update.\n"
        "The Cabinet noted the update and thanked the officer.\n\n"
        "14. Performance Report\nCabinet noted the report. Most indicators were on target.\n"
        "Decision: That the report be noted and published.\n",
    )
    items = {item.number: item for item in minutes.minutes}
    assert [d.text[:30] for d in items["13"].decisions] == ["The Cabinet noted the update a"]
    assert [d.text for d in items["14"].decisions] == [
        "Decision: That the report be noted and published."
    ]


def test_minute_title_wrapped_onto_the_next_line() -> None:
    [minutes] = of_role(parsed(LOWMOOR), "minutes")
    titles = {item.number: item.title for item in minutes.minutes}
    assert titles["46"] == (
        "Children and Young People's Emotional Wellbeing: Progress on the Local Transformation Plan"
    )
    assert titles["47"] == "Community Pharmacy Provision"


def test_every_page_stamped_with_its_agenda_item_is_one_document() -> None:
    reports = [
        (section.title, section.start_line)
        for section in parsed(TOLLBRIDGE).sections
        if section.kind in {"report", "cover_sheet", "minutes"}
    ]
    assert [title for title, _ in reports] == [
        "Minutes: Health and Adult Social Care Scrutiny Committee 2024-09-12",
        "Adult Social Care Budget Monitoring Q2 2024/25",
        "Carers Strategy 2025-2028: Draft for Comment",
        "Hospital Discharge and Intermediate Care: Winter Readiness 2024/25",
        "Tollbridge Safeguarding Adults Board Annual Report 2023/24",
        "Work Programme 2024-2025",
    ]
    lowmoor = [s.title for s in parsed(LOWMOOR).sections if s.kind in {"report", "minutes"}]
    # The previous meeting's minutes sit between two reports, as agenda item 5.
    assert lowmoor[:3] == [
        "Joint Strategic Needs Assessment: Annual Summary 2024",
        "Minutes: Health and Wellbeing Board 2024-10-08",
        "Better Care Fund 2023-25: Quarter 2 Return and Winter Pressures Funding",
    ]
