"""Notice-and-agenda front pages printed to PDF, in forms the packs before did
not take: a modern.gov page with the body under the council's name, a summons
letter, a one-line title ("Cabinet – 14 November 2024 at 7.00 pm, Town Hall,
Room 3"), dates written "Thursday 7 Nov 2024" or "07/11/2024", a venue with a
postcode and remote participation, labels with their values in a column
beside them, items numbered "Item 1", "1.", "(1)" or "A1", pages in a
right-hand column ("5 - 12", "Page 59") that the PDF gives on a line of its
own after the title, and exempt items under "PART 2 - EXEMPT ITEMS" that carry
the numbering on. The expectations were written before the parser was run.

In the fixture text, " >> " sends what follows to the right-hand page column
(set a little below the title's baseline, as a cell centred in a taller row is,
which the PDF gives on the title's line), " >>> " sends it there a half line
lower (which the PDF gives on a line of its own after the title), and a tab
sends what follows to the value column beside a label.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assure.normalising import normalise
from assure.parsing.committee_pack import PARSER
from assure.reading import read_document
from assure.structure import DocumentKind, Meeting

FRONT_PAGES = Path(__file__).parent / "fixtures" / "committee_pack" / "front_pages"

Notice = tuple[str, str, str | None, str | None]  # body, date, time, venue
Agenda = list[tuple[str, str, tuple[int, int] | None]]  # number, title, pages

EXPECTED: dict[str, tuple[Notice, Agenda]] = {
    "ashcombe-asc-health-osc-2024-10.txt": (
        (
            "Adult Social Care and Health Overview and Scrutiny Committee",
            "2024-10-02",
            "10:00",
            "Council Chamber - Civic Centre, Market Street, Ashcombe, AS1 4RT",
        ),
        [
            ("1", "Apologies and Substitutions", None),
            ("2", "Declarations of Interest", None),
            ("3", "Minutes of the previous meeting", (5, 12)),
            ("4", "Adult Social Care Market Position Statement 2024-2027", (13, 40)),
            ("5", "Hospital Discharge and Reablement: Winter Plan", (41, 58)),
            ("6", "Work Programme", (59, 59)),
        ],
    ),
    "dunmere-hwb-2024-11.txt": (
        (
            "Health and Wellbeing Board",
            "2024-11-07",
            "18:30",
            "Dunmere House, 4 Quay Street, Dunmere DN4 7QP",
        ),
        [
            ("1", "Welcome, Introductions and Apologies", None),
            ("2", "Declarations of Interest", None),
            ("3", "Minutes of the Meeting held on 12 September 2024", (3, 8)),
            ("4", "Better Care Fund Quarter 2 Return", (9, 16)),
            ("5", "Joint Local Health and Wellbeing Strategy: Year One Review", (17, 30)),
            ("6", "Pharmaceutical Needs Assessment Update", (31, 31)),
        ],
    ),
    "fernley-cabinet-2024-11.txt": (
        ("Cabinet", "2024-11-14", "19:00", "Town Hall, Room 3"),
        [
            ("1", "Apologies for Absence", None),
            ("2", "Declarations of Interest", None),
            ("3", "Minutes of the meeting held on 10 October 2024", (3, 10)),
            ("4", "Adult Social Care Charging Policy Review", (11, 28)),
            ("5", "Children's Residential Care Sufficiency Strategy", (29, 52)),
            ("6", "Exclusion of the Press and Public", None),
            ("7", "Award of Contract: Home Care Framework", (53, 60)),
            ("8", "Disposal of Land at Mill Lane", (61, 61)),
        ],
    ),
    "orbury-cyp-scrutiny-2024-11.txt": (
        (
            "Children and Young People Scrutiny Panel",
            "2024-11-07",
            "14:00",
            "Committee Room 2, The Guildhall, Orbury OR1 1AA",
        ),
        [
            ("A1", "Apologies for absence", None),
            ("A2", "Declarations of interest", None),
            ("A3", "Minutes of the last meeting", (1, 6)),
            ("A4", "Ofsted Focused Visit: Care Leavers - Action Plan", (7, 20)),
            ("A5", "Elective Home Education Annual Report", (21, 34)),
            ("A6", "Work Programme 2024/25", (35, 35)),
        ],
    ),
    "penwithy-health-asc-scrutiny-2024-12.txt": (
        (
            "Health and Adult Social Care Scrutiny Committee",
            "2024-12-03",
            "10:30",
            "Room 4.12, Kestle House, 20 Tower Road, Penwithy PW3 9LT "
            "(Remote participation via Microsoft Teams)",
        ),
        [
            ("1", "Apologies", None),
            ("2", "Declarations of Interest", None),
            ("3", "Notes of the last meeting", (5, 5)),
            ("4", "Care Quality Commission Local Authority Assessment: Preparation", (6, 19)),
            ("5", "Carers Support Offer Review", (20, 27)),
            ("6", "Date of Next Meeting", None),
        ],
    ),
    "lindmoor-adults-select-2024-12.txt": (
        (
            "Adults and Health Select Committee",
            "2024-12-09",
            "10:30",
            "Council Chamber, County Hall, Lindmoor LM1 3QS",
        ),
        [
            ("1", "Election of Vice-Chairman", None),
            ("2", "Apologies and Substitutions", None),
            ("3", "Minutes of the Previous Meeting", (1, 9)),
            ("4", "Adult Social Care Waiting Lists and Reviews", (10, 24)),
            ("5", "Learning Disability and Autism Housing Programme", (25, 38)),
            ("6", "Exclusion of the Public", None),
            ("7", "Provider Failure: Lessons Learned", (39, 44)),
            ("8", "Care Home Block Contract Extension", (45, 45)),
        ],
    ),
}


def print_front_page(source: Path, target: Path) -> None:
    """Lay a front page out on A4: titles on the left, a page column on the
    right set 4 points lower, values beside their labels on the same line."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(target), pagesize=A4)
    y = 800
    for raw in source.read_text(encoding="utf-8").splitlines():
        own_line = " >>> " in raw
        left, _, pages = raw.replace(" >>> ", " >> ").partition(" >> ")
        label, tab, value = left.partition("\t")
        text = label if tab else left
        while text:
            cut = len(text) if len(text) <= 90 else text.rfind(" ", 0, 90)
            page.drawString(40, y, text[:cut])
            text = text[cut:].lstrip()
            if tab:
                page.drawString(140, y, value)
            if pages:
                page.drawString(500, y - (9 if own_line else 4), pages)
                pages = ""
            y -= 14 if text else 0
        y -= 20 if not raw.strip() else 14
    page.save()


def notice_of(tmp_path: Path, name: str) -> Meeting:
    pdf = tmp_path / name.replace(".txt", ".pdf")
    print_front_page(FRONT_PAGES / name, pdf)
    pack = PARSER.parse(normalise(read_document(pdf)))
    assert pack.kind is DocumentKind.COMMITTEE_PACK
    [notice] = [meeting for meeting in pack.meetings if meeting.role == "notice"]
    return notice


@pytest.mark.parametrize("name", sorted(EXPECTED), ids=lambda name: name.split("-")[0])
def test_front_page_notice(tmp_path: Path, name: str) -> None:
    pytest.importorskip("reportlab")
    notice = notice_of(tmp_path, name)
    expected, _ = EXPECTED[name]
    assert (notice.body, notice.date, notice.time, notice.venue) == expected


@pytest.mark.parametrize("name", sorted(EXPECTED), ids=lambda name: name.split("-")[0])
def test_front_page_agenda(tmp_path: Path, name: str) -> None:
    pytest.importorskip("reportlab")
    notice = notice_of(tmp_path, name)
    _, expected = EXPECTED[name]
    assert [(item.number, item.title, item.pages) for item in notice.agenda] == expected
