"""The bundled committee pack (examples/sources/README.md states what it holds),
parsed from its text and from its PDF: actions with owners and due dates, and
the attendance of each set of minutes."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from assure.normalising import normalise
from assure.parsing.committee_pack import PARSER
from assure.parsing.pack.actions import due_of
from assure.reading import read_document
from assure.settings import Settings
from assure.structure import Meeting, ParsedStructure

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PACK = "northfield-adults-scrutiny-pack-2025-03"


@cache
def parsed(suffix: str) -> ParsedStructure:
    path = EXAMPLES / f"{PACK}.{suffix}"
    return PARSER.parse(normalise(read_document(path, Settings())))


def meeting(suffix: str, body: str, date: str) -> Meeting:
    found = [m for m in parsed(suffix).meetings if m.body == body and m.date == date]
    assert len(found) == 1, [(m.body, m.date) for m in parsed(suffix).meetings]
    return found[0]


def actions_of(suffix: str, body: str, date: str, minute: str) -> list[tuple[str | None, ...]]:
    item = next(i for i in meeting(suffix, body, date).minutes if i.number == minute)
    return [(a.owner, a.due) for a in item.actions]


@pytest.mark.parametrize("suffix", ["txt", "pdf"])
def test_action_table_in_minute_38_gives_each_row_with_owner_and_due(suffix):
    rows = actions_of(suffix, "Adults and Health Scrutiny Panel", "2025-01-14", "38")
    assert rows == [
        ("Rachel Ambrose", "2025-02-28"),
        ("Sian Penberthy", "2025-02-14"),
        ("Priya Lal", "September 2025"),
        ("Gareth Lindqvist", None),  # the row without a due date
    ]


@pytest.mark.parametrize("suffix", ["txt", "pdf"])
def test_board_actions_have_iso_due_dates(suffix):
    board = ("Health and Wellbeing Board", "2025-02-06")
    # "... Due: 28 February 2025." after an earlier "before publication"
    assert actions_of(suffix, *board, "48") == [("Dr Farah Siddiqui", "2025-02-28")]
    # the PDF wraps this action over two lines; the date is on the second
    assert actions_of(suffix, *board, "46") == [("Dr Owen Pryce", "2025-03-31")]


@pytest.mark.parametrize("suffix", ["txt", "pdf"])
def test_board_attendance_counts_match_the_source(suffix):
    attendance = meeting(suffix, "Health and Wellbeing Board", "2025-02-06").attendance
    assert len(attendance.present) == 8
    assert attendance.present[-1] == "Dr Owen Pryce"
    assert len(attendance.in_attendance) == 3
    assert attendance.in_attendance[-1] == "Sian Penberthy"
    assert len(attendance.apologies) == 2


@pytest.mark.parametrize("suffix", ["txt", "pdf"])
def test_panel_attendance_counts_match_the_source(suffix):
    attendance = meeting(suffix, "Adults and Health Scrutiny Panel", "2025-01-14").attendance
    assert len(attendance.present) == 6  # five councillors and one co-optee
    assert len(attendance.in_attendance) == 5
    assert len(attendance.apologies) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Jo Bloggs to revise the chapter before publication. Due: 28 February 2025.",
        "Jo Bloggs to revise the chapter. Due by 28 February 2025",
        "Jo Bloggs to revise the chapter. Deadline: 28 February 2025.",
        "Jo Bloggs to revise the chapter (due 28/02/25)",
        "Jo Bloggs to revise the chapter by 28 February.",
    ],
)
def test_due_date_forms_give_the_iso_date(text):
    assert due_of(text, 2025) == "2025-02-28"


def test_due_without_a_date_stays_as_written_or_none():
    assert due_of("Jo Bloggs to report back by the next meeting.", 2025) == "the next meeting"
    assert due_of("Jo Bloggs to revise the chapter before publication.", 2025) is None


WRAPPED_ATTENDANCE = """KESTREL VALE BOROUGH COUNCIL

HEALTH AND WELLBEING BOARD

Minutes of the meeting held on Thursday 6th February 2025

Present: Councillor Ann Marlow (Chair), Leader and Cabinet Member for Strategy, Finance and Assets
Councillor Tom Reddle, Cabinet Member for Adult Social Care, Public Health and Wellbeing Services
Dr Nita Sharma, Director of Public Health and Consultant in Health Protection, Kestrel Vale Council
Bo Lenz, Place Director, Kestrel and Upper Wold Integrated Care Board
Kay Brown, Chief Executive, Healthwatch Kestrel Vale

In attendance: Ross Veal, Head of Performance and Insight, Adult Social Care and Health Directorate
Lin Moss, Independent Chair, Kestrel Vale Safeguarding Adults Board
Pat Orr, Democratic Services Officer

Apologies: Sam Holt, Director of Children's Services

1 Apologies and Declarations of Interest

Apologies were received as listed above. No interests were declared.

2 Minutes of the Previous Meeting

RESOLVED – That the minutes be approved.
"""


def test_attendance_printed_to_pdf_keeps_each_person_once(tmp_path):
    """A PDF wraps long "Name, role" lines (the tail of a role on a line of its
    own) and its reader may join two short ones: neither adds nor loses anyone."""
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "board.pdf"
    page, y = canvas.Canvas(str(pdf), pagesize=A4), 800
    for raw in WRAPPED_ATTENDANCE.splitlines():
        while raw:
            cut = len(raw) if len(raw) <= 90 else raw.rfind(" ", 0, 90)
            page.drawString(40, y, raw[:cut])
            raw, y = raw[cut:].lstrip(), y - 14
    page.save()
    board = PARSER.parse(normalise(read_document(pdf))).meetings[0]
    assert board.attendance.present == (
        "Councillor Ann Marlow",
        "Councillor Tom Reddle",
        "Dr Nita Sharma",
        "Bo Lenz",
        "Kay Brown",
    )
    assert board.attendance.in_attendance == ("Ross Veal", "Lin Moss", "Pat Orr")
    roles = dict(board.attendance.roles)
    assert roles["Ross Veal"].endswith("Health Directorate")
