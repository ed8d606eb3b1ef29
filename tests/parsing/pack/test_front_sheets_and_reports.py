"""Agenda front sheets, supplementary packs and single committee reports as a
committee system prints them.

Invented in the layouts councils publish: a cabinet front sheet (date, time
and venue beside "Ask for" and contact details, UNRESTRICTED ITEMS numbered
with decision numbers, page ranges that wrap, an EXEMPT ITEMS note, the
signature page); a supplementary pack ("Dear Member" letter listing the items
it encloses, a page left blank, then each report with a From / To / Subject /
Classification header and "Page n Agenda Item n" footers); and three reports
on their own (a cover report with "Decision No: n/a", a key decision whose
"Past Pathway" names another committee and date, and a scrutiny report "By:"
an officer that tells what another committee agreed). The expectations were
written before the parser was run on them.
"""

from __future__ import annotations

import pytest

from assure.structure import DocumentKind

FRONT_SHEET = "ashcombe-cabinet-agenda-frontsheet-2025-03.txt"
SUPPLEMENT = "thornvale-county-council-supplementary-pack-2025-03.txt"


def test_a_front_sheet_gives_the_meeting_and_every_item(parsed, only) -> None:
    kind, structure = parsed(FRONT_SHEET)
    assert kind is DocumentKind.COMMITTEE_PACK
    notice = only(structure, "notice")
    assert (notice.body, notice.date, notice.time) == ("Cabinet", "2025-03-05", "14:00")
    assert notice.venue is not None and notice.venue.startswith("Council Chamber, Shire Hall")
    assert [(a.number, a.title, a.pages) for a in notice.agenda] == [
        ("1", "Apologies and Substitutes", None),
        ("2", "Declarations of Interest", None),
        ("3", "Minutes of the Meeting held on 12th February 2025", (1, 8)),
        ("4", "Cabinet Member Updates", None),
        ("5", "25/00021 - Quarterly Performance Report, Quarter 3", (9, 52)),
        (
            "6",
            "25/00022 - Home to School Transport Policy 2025-26 and Post-16 Transport Statement",
            (53, 118),
        ),
        ("7", "25/00023 - Adult Social Care Charging Policy Review", (119, 160)),
        ("8", "25/00024 - Highways Maintenance Contract Award", (161, 190)),
    ]
    assert structure.date == "2025-03-05"


def test_a_supplementary_pack_gives_its_meeting_and_the_items_it_encloses(parsed, only) -> None:
    kind, structure = parsed(SUPPLEMENT)
    assert kind is DocumentKind.COMMITTEE_PACK
    notice = only(structure, "notice")
    assert (notice.body, notice.date) == ("County Council", "2025-03-20")
    assert [(a.number, a.title, a.pages) for a in notice.agenda] == [
        ("5", "Local Transport Plan 2025-2040", (1, 12)),
        ("7", "Treasury Management Strategy 2025-26", (13, 20)),
    ]
    assert [m.role for m in structure.meetings] == ["notice"]  # the reports are its items
    # each enclosed report is a document of the pack (its header read as a cover sheet)
    documents = {"report", "cover_sheet"}
    reports = [s.title for s in structure.sections if s.kind in documents and s.level == 1]
    assert "Local Transport Plan 2025-2040" in reports
    assert "Treasury Management Strategy 2025-26" in reports


@pytest.mark.parametrize(("name", "title"), [
    ("ashcombe-cabinet-report-performance-2025-04.txt",
     "Quarterly Performance Report, Quarter 3, 2024/25"),
    ("ashcombe-cabinet-report-key-decision-2025-04.txt",
     "Day Opportunities for Adults with a Learning Disability"),
    ("ashcombe-scrutiny-callin-report-2025-04.txt",
     "Cabinet reconsideration of Decision 25/00009 - Library Opening Hours"),
])  # fmt: skip
def test_a_report_on_its_own_gives_the_meeting_it_is_written_for(parsed, only, name, title) -> None:
    kind, structure = parsed(name)
    assert kind is DocumentKind.COMMITTEE_PACK
    report = only(structure, "report")
    assert (report.body, report.date) == ("Cabinet", "2025-04-02")
    assert report.agenda == () and report.minutes == ()
    assert [m.role for m in structure.meetings] == ["report"]  # no other committee's minutes
    assert structure.title == title
    assert structure.date == "2025-04-02"
