"""Misses that probes of unseen packs left, each pinned down on its own.

Two "Name, Role" entries a PDF ran together on one attendance line; a
membership paragraph ("Board members: ...") wrapped over several lines; a
"Report of the Head of X" line naming who brings an agenda item; notes after
the last agenda item ("Date of next meeting: ..."); the purpose written at the
end of a one-line dashed agenda item; an action due at "the February meeting".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_committee_pack_layouts import meetings_of, of_role, parsed

MINUTES_HEAD = (
    "Adult Social Care Committee\nMinutes of the meeting held on 8 October 2024\n\n"
    "Present: Councillors A Smith (Chair), B Jones and C Patel\n"
)
MINUTES_ITEMS = "\n12. Apologies\nNone.\n\n13. Budget\nRESOLVED – That the report be noted.\n"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        (
            "Gareth Pym, Director of Adult Social Care Naomi Kerr, Head of Finance (People)",
            ("Gareth Pym", "Naomi Kerr"),
        ),
        (
            "Sam Lee, Principal Social Worker Jo Bloggs, Assistant Director of Commissioning",
            ("Sam Lee", "Jo Bloggs"),
        ),
        (
            "Priya Shah, Service Manager Tom O'Neill, Democratic Services Officer",
            ("Priya Shah", "Tom O'Neill"),
        ),
    ],
    ids=["director-head", "principal-assistant-director", "manager-officer"],
)
def test_two_people_with_roles_run_together_on_one_line(
    tmp_path: Path, line: str, names: tuple[str, ...]
) -> None:
    [minutes] = meetings_of(
        tmp_path,
        MINUTES_HEAD
        + f"In attendance:\n{line}\nImogen Farrow, Democratic Services Officer\n"
        + MINUTES_ITEMS,
    )
    assert minutes.attendance.in_attendance == (*names, "Imogen Farrow")


def test_run_together_officers_in_a_pdf_pack() -> None:
    [minutes] = of_role(parsed("tollbridge-health-asc-scrutiny-2024-11.txt"), "minutes")
    assert minutes.attendance.in_attendance == (
        "Councillor D Whitlow",
        "Gareth Pym",
        "Naomi Kerr",
        "Dr Femi Adeyinka",
        "Imogen Farrow",
    )


AGENDA = (
    "\nAGENDA\n\n1. Apologies for Absence\n\n2. Carers Strategy Refresh (Pages 7 - 18)\n"
    "\n3. Work Programme (Pages 19 - 22)\n"
)
NOTICE = "NOTICE OF MEETING\n\nHealth and Wellbeing Board\n\nDate: Tuesday 3 September 2024\n\n"


def test_membership_paragraph_wrapped_over_lines(tmp_path: Path) -> None:
    [notice] = meetings_of(
        tmp_path,
        NOTICE + "Board members: Councillor Ann Smith (Chair), Councillor Ben Jones,\n"
        "Dr Chloe Patel (Director of Public Health), Dee Khan (Healthwatch),\n"
        "Superintendent Ray Collier (Police)\n" + AGENDA,
    )
    assert notice.members == (
        "Councillor Ann Smith",
        "Councillor Ben Jones",
        "Dr Chloe Patel",
        "Dee Khan",
        "Superintendent Ray Collier",
    )


def test_membership_paragraphs_in_packs() -> None:
    [lowmoor] = of_role(parsed("lowmoor-hwb-2024-12.txt"), "notice")
    assert lowmoor.members == (
        "Councillor Bernadette Quaile",
        "Dr Ishaan Mehta",
        "Councillor Colin Aspey",
        "Dr Carys Hebden",
        "Martin Sowerby",
        "Ayesha Rahman",
        "Gwen Tillotson",
        "Superintendent Ray Collier",
        "Nadia Fairweather",
    )
    [selbourne] = of_role(parsed("selbourne-hwb-2024-11.txt"), "notice")
    assert len(selbourne.members) == 9
    assert selbourne.members[:2] == ("Councillor Imogen Wray", "Dr Faisal Qureshi")
    # A role in brackets with a semicolon inside is one member's role.
    [hartwell] = of_role(parsed("hartwell-vale-cabinet-2024-10.txt"), "notice")
    assert hartwell.members[1] == "Councillor Kieran Malley"
    assert len(hartwell.members) == 6


def test_report_of_names_the_contact_unless_a_contact_is_given(tmp_path: Path) -> None:
    [notice] = meetings_of(
        tmp_path,
        NOTICE + "AGENDA\n\n1. Apologies for Absence\n\n"
        "2. Disabled Facilities Grants Policy (Pages 13 - 38)\n"
        "Report of the Head of Housing Services\nWards: All\n\n"
        "3. Care Fees 2025/26 (Pages 39 - 50)\nReport of the Executive Director of Adults\n"
        "Purpose: To scrutinise the proposed fee uplift.\n"
        "Contact Officer: Fiona Drummond, Head of Commissioning\n",
    )
    items = {item.number: item for item in notice.agenda}
    assert items["2"].contact == "Head of Housing Services"
    assert items["3"].contact == "Fiona Drummond, Head of Commissioning"
    assert items["3"].purpose == "To scrutinise the proposed fee uplift."
    [harrowdale] = of_role(parsed("harrowdale-overview-scrutiny-2023-11.txt"), "notice")
    assert harrowdale.agenda[3].contact == "Head of Communities"  # "(copy attached)" is no post


def test_notes_after_the_last_agenda_item_are_not_its_purpose(tmp_path: Path) -> None:
    [notice] = meetings_of(
        tmp_path,
        NOTICE + AGENDA + "\nDate of next meeting: Thursday 16 January 2025 at 2.00pm.\n",
    )
    assert notice.agenda[-1].purpose is None
    [selbourne] = of_role(parsed("selbourne-hwb-2024-11.txt"), "notice")
    assert "next meeting" not in (selbourne.agenda[-1].purpose or "")


def test_agenda_table_rows_take_no_paragraph_below_the_table() -> None:
    [notice] = of_role(parsed("hollinsford-cyp-scrutiny-2024-10.txt"), "notice")
    assert notice.agenda[-1].purpose is None


def test_dashed_agenda_item_keeps_its_purpose() -> None:
    [notice] = of_role(parsed("selbourne-hwb-2024-11.txt"), "notice")
    purposes = {item.number: item.purpose for item in notice.agenda}
    assert purposes["1"] == "Verbal"
    assert purposes["4"] == "For discussion"
    assert purposes["5a"] == "For decision"
    assert purposes["7"] == "For noting"


@pytest.mark.parametrize(
    ("written", "due"),
    [
        ("Action: O Tasker to bring the revised plan to the February meeting.", "February 2025"),
        ("Action: O Tasker to report back at the November meeting.", "November 2024"),
        ("Action: O Tasker to report back by the next meeting.", "the next meeting"),
    ],
)
def test_action_due_at_a_named_month_meeting(tmp_path: Path, written: str, due: str) -> None:
    [minutes] = meetings_of(tmp_path, MINUTES_HEAD + MINUTES_ITEMS + written + "\n")
    [action] = minutes.minutes[-1].actions
    assert action.due == due


def test_a_minutes_header_whose_date_a_pdf_broke_over_two_lines(tmp_path: Path) -> None:
    """ "... held on Tuesday 9 July" over "2024 at 2.00 pm in Committee Room 1, ..."
    above "PRESENT:" still gives the meeting's date, time and venue."""
    from assure.normalising import normalise
    from assure.parsing.committee_pack import PARSER
    from assure.reading import read_document
    from fixtures.reading.council_documents import make_pdf

    path = make_pdf(
        tmp_path / "minutes.pdf",
        [
            [
                "ADULTS SCRUTINY COMMITTEE",
                "MINUTES of a meeting of the Adults Scrutiny Committee held on Tuesday 9 July",
                "2024 at 2.00 pm in Committee Room 1, County Hall, Elmbridge",
                "PRESENT:",
                "Councillor A Smith (Chair), Councillor B Jones and Councillor C Patel",
                "1. Apologies for absence",
                "Apologies were received from Councillor D Khan.",
                "2. Home care market",
                "RESOLVED - That the report be noted.",
            ]
        ],
    )
    [minutes] = of_role(PARSER.parse(normalise(read_document(path))), "minutes")
    assert (minutes.body, minutes.date, minutes.time, minutes.venue) == (
        "Adults Scrutiny Committee",
        "2024-07-09",
        "14:00",
        "Committee Room 1, County Hall, Elmbridge",
    )
