"""The pack parser on layouts the first fixtures did not cover.

Each fictional pack below follows a layout English councils use: a county
cabinet with "CAB 23/24-45" minute references and lettered decisions, a London
borough with a tab agenda and decisions inside prose, a district council with
a summons letter and "OS.12" minutes, a health and wellbeing board with
"HWB/24/07" references and "ACTION:" lines, and a single committee report;
then a county scrutiny committee printed from PDF (page breaks, the committee's
name at the foot of every page, "ITEM 5" over the title over "(Pages ...)",
"Minute 17/24 – Title", attendance rows "Councillor | Role", decisions as
"AGREED:", "The Committee NOTED", "Recommendation approved"), and a
metropolitan scrutiny panel converted to markdown (pipe tables for the agenda
and an action log, bold labels, a sub-group's notes as a second set of minutes).
Then a metropolitan scrutiny panel with bracketed minute numbers ("(4) Title")
over resolutions numbered the same way ("(5) ... be shared") and "Action: owner"
over the task; a district cabinet's "Record of Decisions" ("CAB/24/031" with
"Decision:", "Reasons for decision:" fields, a venue wrapped over two lines,
"Pages 5 to 12", a key decision marked "*"); and a unitary health and
wellbeing board with one-line agenda items ("Item 5a – Title – pp. 33–40 – For
decision"), minutes in "Part A"/"Part B" with lettered sub-minutes ("17a")
and "Action (owner):".
Then two packs as PDF text extraction leaves them: a borough scrutiny
committee whose agenda table ran its columns together ("6. Carers Strategy
2025-2028 8 - 11", a title's last words under its page range), with "Date: ...
Time: ..." on one line, "Agenda Item 5" stamped on every page, names read
across two columns and minute numbers alone in the margin; and a health and
wellbeing board whose notice fields came one column after the other ("Date:",
"Time:", "Venue:" over the values), with a one-page item ending in a bare page
number and the previous meeting's minutes between two reports.
The expectations were written before the parser was run on them.

Minute numbers keep the reference without the body's letters: "CAB 23/24-45"
is "23/24-45", "OS.12" is "12", "HWB/24/07" is "24/07".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from assure.normalising import normalise
from assure.parsing.committee_pack import PARSER
from assure.parsing.registry import detect_kind
from assure.reading import read_document
from assure.structure import DocumentKind, Meeting, ParsedStructure

FIXTURES = Path(__file__).parent / "fixtures" / "committee_pack"


def line_of(name: str, start: str, after: int = 0) -> int:
    """The 1-based number of the first line of a fixture starting with ``start``."""
    # Split on newlines only: a form feed (a page break in text from a PDF)
    # stays inside its line, as the reader keeps it.
    lines = (FIXTURES / name).read_text(encoding="utf-8").split("\n")
    for number, line in enumerate(lines, start=1):
        if number > after and line.lstrip("\f").startswith(start):
            return number
    raise AssertionError(f"{start!r} not in {name}")


@dataclass
class Expected:
    """What a reader of the pack would write down."""

    name: str
    notice: tuple[str, str, str | None, str | None] | None  # body, date, time, venue
    agenda: list[tuple[str, str, tuple[int, int] | None]]
    minutes: tuple[str, str, str | None] | None  # body, date, venue
    items: list[tuple[str, str, str]]  # number, title, start of its line
    # minute number -> starts of the decisions' lines, or (start, a line above it)
    decisions: dict[str, list[str | tuple[str, str]]]
    actions: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)
    # (start of the line, owner, due) in the minute holding them


EXPECTED = [
    Expected(
        "westmoor-county-cabinet-2024-01.txt",
        ("Cabinet", "2024-01-18", "10:00", "Council Chamber, County Hall, Westmoor"),
        [
            ("1", "Apologies for Absence", None),
            ("2", "Declarations of Interest", None),
            ("3", "Minutes of the meeting held on 14 December 2023", (3, 10)),
            ("4", "Public Questions", None),
            ("5", "Council Plan Performance Quarter 1 - 2", (11, 24)),
            ("6", "Highways Maintenance Capital Programme 2024/25", (25, 40)),
        ],
        ("Cabinet", "2023-12-14", "Council Chamber, County Hall, Westmoor"),
        [
            ("23/24-45", "Apologies for Absence", "CAB 23/24-45"),
            ("23/24-46", "Declarations of Interest", "CAB 23/24-46"),
            ("23/24-47", "Minutes", "CAB 23/24-47"),
            ("23/24-48", "Children's Services Sufficiency Strategy 2024-2027", "CAB 23/24-48"),
            (
                "23/24-49",
                "Medium Term Financial Plan: Draft Budget Proposals 2024/25",
                "CAB 23/24-49",
            ),
            ("23/24-50", "Home to School Transport Policy", "CAB 23/24-50"),
        ],
        {
            "23/24-47": ["Decision: That the minutes"],
            "23/24-48": ["Cabinet RESOLVED that:"],
            "23/24-49": [("Decision:", "CAB 23/24-49")],
            "23/24-50": ["Members discussed the consultation"],
        },
    ),
    Expected(
        "thamesford-health-scrutiny-2024-02.txt",
        (
            "Health and Adults Scrutiny Sub-Committee",
            "2024-02-05",
            "18:30",
            "Committee Room 3, Thamesford Town Hall, High Road",
        ),
        [
            ("1", "Apologies for Absence", None),
            ("2", "Declarations of Interest", None),
            ("3", "Minutes of the previous meeting", (5, 12)),
            ("4", "Action Log", (13, 16)),
            ("5", "Adult Social Care Workforce Strategy", (17, 34)),
            ("6", "Hospital Discharge Performance Quarter 1 - 2", (35, 48)),
            ("7", "Work Programme 2023/24", (49, 54)),
        ],
        (
            "Health and Adults Scrutiny Sub-Committee",
            "2023-12-06",
            "Committee Room 3, Thamesford Town Hall",
        ),
        [
            ("1", "DECLARATIONS OF INTEREST", "1. DECLARATIONS"),
            ("2", "MINUTES OF THE PREVIOUS MEETING", "2. MINUTES OF"),
            ("3", "HOME CARE COMMISSIONING", "3. HOME CARE"),
            ("4", "CARERS' STRATEGY REFRESH", "4. CARERS"),
            ("5", "ACTION LOG", "5. ACTION LOG"),
        ],
        {
            "2": ["It was RESOLVED"],
            "3": ["Following discussion, the Committee agreed"],
            "4": ["The Sub-Committee noted the update"],
            "5": ["The Sub-Committee agreed the action log"],
        },
        [
            ("Provide ward breakdown", "Kwame Asante", "2024-01-31"),
            ("Circulate carers", "Sarah Lindqvist", "2024-01-15"),
        ],
    ),
    Expected(
        "harrowdale-overview-scrutiny-2023-11.txt",
        (
            "Overview and Scrutiny Committee",
            "2023-11-07",
            "19:00",
            "Council Chamber, Civic Offices, Bridge Street, Harrowdale",
        ),
        [
            ("1", "Apologies for Absence", None),
            ("2", "Declarations of Interest", None),
            ("3", "Minutes", None),
            ("4", "Leisure Centre Contract Performance", None),
            ("5", "Housing Allocations Policy Review - Task and Finish Group Final Report", None),
            ("6", "Forward Plan and Work Programme", None),
        ],
        ("Overview and Scrutiny Committee", "2023-10-03", "Civic Offices"),
        [
            ("12", "Declarations of Interest", "OS.12"),
            ("13", "Minutes", "OS.13"),
            ("14", "Community Safety Partnership Annual Review", "OS.14"),
            ("15", "Car Parking Charges Review", "OS.15"),
            ("16", "Work Programme", "OS.16"),
        ],
        {
            "13": ["RESOLVED that the minutes"],
            "14": ["RECOMMENDED to Cabinet"],
            "15": ["Members considered the options"],
            "16": ["RESOLVED that the work"],
        },
    ),
    Expected(
        "pennock-licensing-committee-2024-04.txt",
        (
            "Licensing and Regulatory Committee",
            "2024-04-17",
            "14:00",
            "Meeting Room 2, Pennock Municipal Buildings",
        ),
        [
            ("1", "Apologies for Absence and Substitutions", None),
            ("2", "Declarations of Interest", None),
            ("3", "Minutes of the meeting held on 14 February 2024", (1, 6)),
            ("4", "Taxi and Private Hire Licensing Policy Review", (7, 22)),
            ("5", "Street Trading Consent Fees Years 1 - 3", (23, 30)),
        ],
        ("Licensing and Regulatory Committee", "2024-02-14", None),
        [
            ("31/24", "DECLARATIONS OF INTEREST", "31/24"),
            ("32/24", "MINUTES", "32/24"),
            ("33/24", "GAMBLING ACT 2005 STATEMENT OF PRINCIPLES", "33/24"),
            ("34/24", "HACKNEY CARRIAGE FARE TARIFF", "34/24"),
        ],
        {
            "32/24": ["RESOLVED: That the minutes"],
            "33/24": [("RESOLVED:", "33/24")],
            "34/24": ["Members considered a request"],
        },
    ),
    Expected(
        "dorrow-hwb-2024-06.txt",
        (
            "Dorrow Health and Wellbeing Board",
            "2024-06-04",
            "13:30",
            "Room 101, Dorrow Civic Centre",
        ),
        [
            ("1", "Welcome and apologies", None),
            ("2", "Minutes of the last meeting and action log", (1, 10)),
            ("3", "Better Care Fund Quarter 4 Report", (11, 24)),
            ("4", "Joint Strategic Needs Assessment: Children and Young People", (25, 60)),
            ("5", "Any other business", None),
        ],
        ("Dorrow Health and Wellbeing Board", "2024-03-05", None),
        [
            ("1", "Welcome and apologies", "1.\tWelcome"),
            ("2", "The minutes of the meeting on 5 December 2023 were agreed", "2.\tThe minutes"),
            (
                "3",
                "The Board considered the BCF return and approved it for submission",
                "3.\tThe Board",
            ),
        ],
        {"2": ["2.\tThe minutes"], "3": ["3.\tThe Board"]},
        [("3.\tThe Board", "T Crane", "2024-03-31")],
    ),
    Expected(
        "ellerby-adults-panel-2024-05.txt",
        (
            "Adult Social Care Scrutiny Panel",
            "2024-05-09",
            "10:00",
            "Virtual meeting via Microsoft Teams",
        ),
        [
            ("1", "Apologies", None),
            ("2", "Minutes of the last meeting", (3, 8)),
            ("3", "Minutes of the Carers Sub-Group", (9, 12)),
            ("4", "Adult Social Care Complaints Annual Report 2023/24", (13, 30)),
        ],
        ("Adult Social Care Scrutiny Panel", "2024-03-07", "Microsoft Teams"),
        [
            ("1", "Apologies", "1. Apologies"),
            ("2", "Minutes of the previous meeting", "2. Minutes"),
            ("3", "Safeguarding Adults Board Annual Report", "3. Safeguarding"),
            ("4", "Work Programme", "4. Work"),
        ],
        {
            "2": ["The minutes of the meeting held on 11"],
            "3": ["Resolved – (1)"],
            "4": ["The Panel agreed"],
        },
    ),
    Expected(
        "kestrelford-hwb-2024-06.txt",
        (
            "Kestrelford Health and Wellbeing Board",
            "2024-06-12",
            "14:00",
            "Ground Floor Meeting Room, Kestrelford House, 1 Quay Street",
        ),
        [
            ("1", "Welcome, Introductions and Apologies", None),
            ("2", "Declarations of Interest", None),
            ("3", "Minutes of the meeting held on 20 March 2024", (1, 8)),
            ("4", "Joint Local Health and Wellbeing Strategy: Annual Progress", (9, 30)),
            ("5", "Pharmaceutical Needs Assessment 2025", (31, 44)),
            ("6", "Any Other Business", None),
        ],
        ("Kestrelford Health and Wellbeing Board", "2024-03-20", "Kestrelford House"),
        [
            ("24/07", "Welcome and Apologies", "HWB/24/07"),
            ("24/08", "Declarations of Interest", "HWB/24/08"),
            ("24/09", "Minutes and Action Log", "HWB/24/09"),
            ("24/10", "Childhood Immunisation Uptake", "HWB/24/10"),
            ("24/11", "Better Care Fund 2023-25 Quarter 3 Return", "HWB/24/11"),
            ("24/12", "Any Other Business", "HWB/24/12"),
        ],
        {
            "24/09": ["The minutes of the meeting held on 13"],
            "24/10": ["The Board:"],
            "24/11": ["The Board approved"],
        },
        [
            ("ACTION: Democratic Services", "Democratic Services", "the next meeting"),
            ("ACTION: Director of Public Health", "Director of Public Health", "2024-05-31"),
            ("ACTION: Mark Tennant", "Mark Tennant", "June 2024"),  # "at the June meeting"
        ],
    ),
    Expected(
        "ravensmoor-asc-ph-scrutiny-2024-09.txt",
        (
            "Adult Social Care and Public Health Overview and Scrutiny Committee",
            "2024-09-03",
            "14:00",
            "The Wessex Room, County Hall, Ravensmoor",
        ),
        [
            ("1", "Apologies for Absence and Substitutions", None),
            ("2", "Declarations of Interest", None),
            ("3", "Minutes of the Meeting held on 9 July 2024", (1, 8)),
            ("4", "Public Health Annual Report 2023/24: Healthy Ageing in Ravensmoor", (9, 18)),
            ("5", "Care Market Sustainability and Fee Uplift 2024/25", (19, 36)),
            ("6", "Adult Social Care Complaints and Compliments 2023/24", (37, 44)),
            ("7", "Work Programme 2024/25", (45, 48)),
            ("8", "Date of Next Meeting", None),
        ],
        (
            "Adult Social Care and Public Health Overview and Scrutiny Committee",
            "2024-07-09",
            "Wessex Room, County Hall, Ravensmoor",
        ),
        [
            ("17/24", "Apologies and Substitutions", "Minute 17/24"),
            ("18/24", "Declarations of Interest", "Minute 18/24"),
            ("19/24", "Minutes of the Previous Meeting", "Minute 19/24"),
            ("20/24", "Hospital Discharge and Intermediate Care", "Minute 20/24"),
            ("21/24", "Suicide Prevention Strategy 2024-2029: Consultation Draft", "Minute 21/24"),
            ("22/24", "Adult Social Care Workforce: Recruitment and Retention", "Minute 22/24"),
            ("23/24", "Work Programme", "Minute 23/24"),
        ],
        {
            "19/24": ["AGREED: that the minutes"],
            "20/24": ["RESOLVED:"],
            "21/24": ["The Committee NOTED"],
            "22/24": ["Recommendation approved"],
            "23/24": ["AGREED: that the work"],
        },
        [
            ("ACTION: Simon Veitch", "Simon Veitch", "2024-09-30"),
            ("Members welcomed the draft", "Director of Public Health", "2024-08-16"),
            ("• Workforce Development Manager", "Workforce Development Manager", "January 2025"),
            ("• Kerry Lam", "Kerry Lam", None),
        ],
    ),
    Expected(
        "hollinsford-cyp-scrutiny-2024-10.txt",
        (
            "Children and Young People Scrutiny Panel",
            "2024-10-15",
            "18:00",
            "Council Chamber, Hollinsford Town Hall, Market Place",
        ),
        [
            ("1", "Apologies for Absence and Substitutions", None),
            ("2", "Declarations of Interest", None),
            ("3", "Minutes of the meeting held on 10 September 2024", (1, 8)),
            (
                "4",
                "Care Leavers Sub-Group: notes of the meeting held on 24 September 2024",
                (9, 12),
            ),
            ("5", "Ofsted ILACS Improvement Plan: Progress Report", (13, 30)),
            ("6", "Elective Home Education Annual Report 2023/24", (31, 40)),
            ("7", "Children's Social Care Performance Scorecard: Quarter 1 2024/25", (41, 52)),
            ("8", "Work Programme and Recommendations Tracker", (53, 56)),
        ],
        (
            "Children and Young People Scrutiny Panel",
            "2024-09-10",
            "Council Chamber, Hollinsford Town Hall",
        ),
        [
            ("31", "Apologies for Absence and Substitutions", "**31."),
            ("32", "Declarations of Interest", "**32."),
            ("33", "Minutes", "**33."),
            ("34", "Ofsted Focused Visit: Children in Care", "**34."),
            ("35", "Sufficiency Strategy for Children in Care 2024-2027", "**35."),
            ("36", "Children's Social Care Performance Scorecard: Quarter 4 2023/24", "**36."),
            ("37", "Work Programme", "**37."),
        ],
        {
            "33": ["**Resolved:** That the minutes"],
            "34": [("**Resolved:**", "**34.")],
            "35": ["**RECOMMENDATION TO CABINET:**"],
            "36": ["The Panel NOTED"],
            "37": ["It was agreed by consensus"],
        },
        [
            ("Action: Gavin Rooke", "Gavin Rooke", "2024-10-04"),
            ("Action: Head of Performance", "Head of Performance and Intelligence", None),
        ],
    ),
    Expected(
        "brinscombe-adults-health-panel-2024-11.txt",
        (
            "Adults and Health Scrutiny Panel",
            "2024-11-15",
            "10:00",
            "Committee Room 2, Brinscombe Town Hall",
        ),
        [
            ("1", "Apologies and Substitutions", None),
            ("2", "Minutes of the Previous Meeting", (1, 8)),
            ("3", "Declarations of Interest", None),
            ("4", "Learning Disability Day Opportunities Review", (9, 26)),
            ("5", "Mental Health Crisis Pathway", (27, 38)),
            ("6", "Panel Work Programme 2024/25", (39, 42)),
        ],
        ("Adults and Health Scrutiny Panel", "2024-09-26", None),
        [
            ("1", "Apologies and Substitutions", "(1) Apologies"),
            ("2", "Minutes of the Previous Meeting", "(2) Minutes"),
            ("3", "Declarations of Interest", "(3) Declarations"),
            ("4", "Reablement and Intermediate Care", "(4) Reablement"),
            ("5", "Carers' Breaks and Respite", "(5) Carers"),
            ("6", "Adult Social Care Complaints Annual Report 2023/24", "(6) Adult"),
            ("7", "Panel Work Programme 2024/25", "(7) Panel"),
        ],
        {
            "2": ["RESOLVED – That the minutes"],
            "4": [("RESOLVED –", "(4) Reablement")],
            "5": ["The Panel agreed that the carers"],
            "6": ["RESOLVED – That the annual"],
            "7": [("RESOLVED –", "(7) Panel")],
        },
        [
            ("Action: Priya Natarajan", "Priya Natarajan", "2024-12-13"),
            ("Action: Head of Customer", "Head of Customer Experience", None),
        ],
    ),
    Expected(
        "hartwell-vale-cabinet-2024-10.txt",
        (
            "Cabinet",
            "2024-10-09",
            "10:30",
            "Council Chamber, Hartwell Vale House, Marsh Lane, Tedbury",
        ),
        [
            ("1", "Apologies for Absence", None),
            ("2", "Declarations of Interest", None),
            ("3", "Record of Decisions of the meeting held on 4 September 2024", (5, 12)),
            ("4", "Public Participation", None),
            ("5", "Disabled Facilities Grants Policy 2024-2027", (13, 38)),
            ("6", "Hartwell Vale Community Safety Partnership Plan Refresh", (39, 56)),
            ("7", "Revenue and Capital Budget Monitoring Quarter 1 2024/25", (57, 70)),
            ("8", "Exclusion of the Press and Public", None),
            ("9", "Tedbury Leisure Centre Operating Contract", (71, 84)),
        ],
        ("Cabinet", "2024-09-04", "Council Chamber, Hartwell Vale House, Tedbury"),
        [
            ("24/027", "Apologies for Absence", "CAB/24/027"),
            ("24/028", "Declarations of Interest", "CAB/24/028"),
            (
                "24/029",
                "Record of Decisions of the meeting held on 24 July 2024",
                "CAB/24/029",
            ),
            ("24/030", "Public Participation", "CAB/24/030"),
            ("24/031", "Community Transport Grant Funding 2025-2028", "CAB/24/031"),
            ("24/032", "Garden Waste Collection Charges 2025/26", "CAB/24/032"),
            ("24/033", "Local Plan Review: Issues and Options Consultation", "CAB/24/033"),
            ("24/034", "Quarter 1 Performance and Risk Report 2024/25", "CAB/24/034"),
            ("24/035", "Exclusion of the Press and Public", "CAB/24/035"),
            ("24/036", "Disposal of Land at Brook Farm, Ashby Parva", "CAB/24/036"),
        ],
        {
            "24/029": ["Decision: That the record"],
            "24/031": [("Decision:", "CAB/24/031")],
            "24/032": ["Decision: That the annual charge"],
            "24/033": ["Decision: That the Issues"],
            "24/034": ["Decision: That the Quarter 1"],
            "24/035": ["Decision: That the press"],
            "24/036": ["Decision: That the disposal"],
        },
    ),
    Expected(
        "selbourne-hwb-2024-11.txt",
        (
            "Selbourne Health and Wellbeing Board",
            "2024-11-14",
            "14:00",
            "Main Hall, The Exchange, Wharf Road, Selbourne",
        ),
        [
            ("1", "Welcome, Introductions and Apologies", None),
            ("2", "Declarations of Interest", None),
            ("3", "Minutes of the meeting held on 19 September 2024 and Action Log", (1, 10)),
            ("4", "Joint Strategic Needs Assessment 2024: Healthy Life Expectancy", (11, 32)),
            ("5", "Better Care Fund 2024/25", None),
            ("5a", "Quarter 2 Return", (33, 40)),
            ("5b", "Discharge Fund Spending Plan", (41, 46)),
            ("6", "Pharmaceutical Needs Assessment: Supplementary Statement", (47, 50)),
            ("7", "Board Forward Plan 2024/25", (51, 54)),
            ("8", "Any Other Business", None),
        ],
        (
            "Selbourne Health and Wellbeing Board",
            "2024-09-19",
            "The Exchange, Wharf Road, Selbourne",
        ),
        [
            ("14", "Welcome and Apologies", "14. Welcome"),
            ("15", "Declarations of Interest", "15. Declarations"),
            ("16", "Minutes and Action Log", "16. Minutes"),
            ("17", "Better Care Fund", "17. Better"),
            ("17a", "Quarter 1 Return", "17a. Quarter"),
            ("17b", "Care Home Support Scheme", "17b. Care"),
            ("18", "Selbourne Suicide Prevention Plan 2024-2027", "18. Selbourne"),
            ("19", "Healthwatch Selbourne Annual Report 2023/24", "19. Healthwatch"),
            ("20", "Board Forward Plan", "20. Board"),
            ("21", "Exclusion of the Press and Public", "21. Exclusion"),
            ("22", "Integrated Community Equipment Service Contract", "22. Integrated"),
        ],
        {
            "16": ["The minutes of the meeting held on 11 July"],
            "17a": ["Agreed: that the Quarter 1"],
            "17b": ["Agreed: that the scheme"],
            "18": ["The Board RESOLVED to:"],
            "20": ["Decision: The Board agreed"],
            "21": ["RESOLVED: That under"],
            "22": ["RESOLVED: That the Board supports"],
        },
        [
            ("Action (Grace Odunsi)", "Grace Odunsi", "January 2025"),  # "by the January meeting"
            ("ACTION: Dr Samira Haddad", "Dr Samira Haddad", "2024-10-31"),
        ],
    ),
    Expected(
        "tollbridge-health-asc-scrutiny-2024-11.txt",
        (
            "Health and Adult Social Care Scrutiny Committee",
            "2024-11-14",
            "18:30",
            "Council Chamber, Civic Centre, Market Street, Tollbridge",
        ),
        [
            ("1", "Apologies for Absence and Substitutes", None),
            ("2", "Declarations of Interest", None),
            ("3", "Minutes of the Meeting held on 12 September 2024", (1, 4)),
            ("4", "Public Question Time", None),
            ("5", "Adult Social Care Budget Monitoring Q2", (5, 7)),
            ("6", "Carers Strategy 2025-2028", (8, 11)),
            ("7", "Hospital Discharge and Intermediate Care: Winter Readiness 2024/25", (12, 13)),
            ("8", "Tollbridge Safeguarding Adults Board Annual Report 2023/24", (14, 16)),
            ("9", "Work Programme 2024-2025", (17, 18)),
            ("10", "Date of Next Meeting", None),
        ],
        (
            "Health and Adult Social Care Scrutiny Committee",
            "2024-09-12",
            "Council Chamber, Civic Centre, Market Street, Tollbridge",
        ),
        [
            ("23", "Apologies for Absence and Substitutes", "23."),
            ("24", "Declarations of Interest", "24."),
            ("25", "Minutes", "25."),
            ("26", "Public Question Time", "26."),
            ("27", "Adult Social Care Budget Monitoring Q1", "27."),
            ("28", "Hospital Discharge: Length of Stay and Delays", "28."),
            ("29", "Carers Strategy Refresh: Engagement Findings", "29."),
            ("30", "Work Programme", "30."),
        ],
        {
            "25": ["RESOLVED – That the minutes"],
            "27": ["RESOLVED – That:"],
            "28": ["The Committee noted the update"],
            "29": ["AGREED – That the findings"],
            "30": ["RESOLVED – That the work"],
        },
        [
            ("ACTION: Naomi Kerr", "Naomi Kerr", "2024-10-31"),
            ("ACTION: Kemi Lawal", "Kemi Lawal", None),
        ],
    ),
    Expected(
        "lowmoor-hwb-2024-12.txt",
        (
            "Health and Wellbeing Board",
            "2024-12-10",
            "14:00",
            "Committee Room 1, Lowmoor Town Hall, Church Street",
        ),
        [
            ("1", "Welcome, Introductions and Apologies for Absence", None),
            ("2", "Declarations of Interest", None),
            ("3", "Questions from the Public", None),
            ("4", "Joint Strategic Needs Assessment: Annual Summary 2024", (1, 3)),
            ("5", "Minutes of the Previous Meeting and Action Log", (4, 8)),
            (
                "6",
                "Better Care Fund 2023-25: Quarter 2 Return and Winter Pressures Funding",
                (9, 11),
            ),
            ("7", "Healthy Weight Strategy 2025-2030", (12, 14)),
            ("8", "Lowmoor Safeguarding Adults Board Annual Report 2023-24", (15, 16)),
            ("9", "Forward Plan", (17, 17)),
            ("10", "Any Other Business", None),
        ],
        ("Health and Wellbeing Board", "2024-10-08", "Lowmoor Town Hall"),
        [
            ("41", "Welcome and Apologies", "41"),
            ("42", "Declarations of Interest", "42"),
            ("43", "Minutes of the Previous Meeting", "43"),
            ("44", "Public Mental Health and Suicide Prevention", "44"),
            ("45", "Better Care Fund 2023-25: Quarter 1 Return", "45"),
            (
                "46",
                "Children and Young People's Emotional Wellbeing: Progress on the Local "
                "Transformation Plan",
                "46",
            ),
            ("47", "Community Pharmacy Provision", "47"),
            ("48", "Any Other Business", "48"),
        ],
        {
            "43": ["The minutes of the meeting held on 9 July"],
            "44": ["Resolved: That the Board"],
            "45": ["The Board ratified"],
            "46": [("Resolved: That the Board", "46")],
            "47": ["The Board agreed to publish"],
        },
        [
            ("Action: Dr C Hebden", "Dr C Hebden", None),
            ("Action: O Tasker", "O Tasker", "February 2025"),  # "to the February meeting"
            ("Action: E Brodie", "E Brodie", "2024-11-15"),
        ],
    ),
]


def parsed(name: str) -> ParsedStructure:
    return PARSER.parse(normalise(read_document(FIXTURES / name)))


def meetings_of(tmp_path: Path, text: str) -> list[Meeting]:
    """The meetings parsed from ``text`` written to a file."""
    path = tmp_path / "pack.txt"
    path.write_text(text, encoding="utf-8")
    return list(PARSER.parse(normalise(read_document(path))).meetings)


def of_role(pack: ParsedStructure, role: str) -> list[Meeting]:
    return [meeting for meeting in pack.meetings if meeting.role == role]


def _line(name: str, start: str | tuple[str, str]) -> int:
    if isinstance(start, tuple):
        return line_of(name, start[0], after=line_of(name, start[1]))
    return line_of(name, start)


def score(expected: Expected, pack: ParsedStructure) -> dict[str, tuple[int, int]]:
    """Right / total for agenda items, minute items, decisions and meeting facts."""
    name = expected.name
    notices, minutes = of_role(pack, "notice"), of_role(pack, "minutes")
    agenda = {(a.number, a.title, a.pages) for n in notices[:1] for a in n.agenda}
    found_items = {(i.number, i.title, i.start_line): i for m in minutes[:1] for i in m.minutes}
    items_right = sum(
        (number, title, line_of(name, start)) in found_items
        for number, title, start in expected.items
    )
    decision_lines = {
        (i.number, d.start_line) for m in minutes[:1] for i in m.minutes for d in i.decisions
    }
    wanted_decisions = [
        (number, _line(name, start))
        for number, starts in expected.decisions.items()
        for start in starts
    ]
    facts_right, facts = 0, 0
    if expected.notice:
        facts += 4
        got = (
            (notices[0].body, notices[0].date, notices[0].time, notices[0].venue) if notices else ()
        )
        facts_right += sum(a == b for a, b in zip(expected.notice, got, strict=False))
    if expected.minutes:
        facts += 3
        got = (minutes[0].body, minutes[0].date, minutes[0].venue) if minutes else ()
        facts_right += sum(a == b for a, b in zip(expected.minutes, got, strict=False))
    actions = {
        (a.start_line, a.owner, a.due) for m in minutes[:1] for i in m.minutes for a in i.actions
    }
    return {
        "agenda": (sum(item in agenda for item in expected.agenda), len(expected.agenda)),
        "minute_items": (items_right, len(expected.items)),
        "decisions": (
            sum(pair in decision_lines for pair in wanted_decisions),
            len(wanted_decisions),
        ),
        "decisions_found": (len(decision_lines), len(wanted_decisions)),
        "actions": (
            sum(
                (line_of(name, start), owner, due) in actions
                for start, owner, due in expected.actions
            ),
            len(expected.actions),
        ),
        "meeting_facts": (facts_right, facts),
    }


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda e: e.name.split("-")[0])
def test_pack_meets_the_bar(expected: Expected) -> None:
    pack = parsed(expected.name)
    assert pack.kind is DocumentKind.COMMITTEE_PACK
    assert PARSER.recognise(normalise(read_document(FIXTURES / expected.name))) >= 0.5
    figures = score(expected, pack)
    for measure in ("agenda", "minute_items", "decisions", "actions", "meeting_facts"):
        right, total = figures[measure]
        assert right == total, (measure, figures)
    # No decision is found where the reader saw none.
    assert figures["decisions_found"][0] == figures["decisions_found"][1]


def test_pack_agenda_and_minutes_in_full() -> None:
    """One pack compared whole, so a failure shows what was found."""
    expected = EXPECTED[0]
    pack = parsed(expected.name)
    [notice] = of_role(pack, "notice")
    assert [(a.number, a.title, a.pages) for a in notice.agenda] == expected.agenda
    [minutes] = of_role(pack, "minutes")
    assert [(i.number, i.title) for i in minutes.minutes] == [
        (number, title) for number, title, _ in expected.items
    ]
    # given inside the first minute, not as a block
    assert minutes.attendance.apologies == ("Councillor M Dunmore",)
    assert minutes.attendance.present[:2] == ("Councillor D Fairbairn", "Councillor S Holloway")
    assert dict(minutes.attendance.roles)["Councillor D Fairbairn"] == (
        "Leader of the Council, Chair"
    )
    assert "Councillor T Ormerod" in minutes.attendance.in_attendance


def test_lettered_decision_keeps_its_sub_points() -> None:
    pack = parsed("westmoor-county-cabinet-2024-01.txt")
    items = {item.number: item for item in of_role(pack, "minutes")[0].minutes}
    [decision] = items["23/24-48"].decisions
    assert "(c) a progress report" in decision.text
    [budget] = items["23/24-49"].decisions
    assert "(b) The revised savings target" in budget.text


def test_comma_attendance_and_apologies_heading() -> None:
    pack = parsed("thamesford-health-scrutiny-2024-02.txt")
    [minutes] = of_role(pack, "minutes")
    assert minutes.attendance.present == (
        "Councillor Amina Begum",
        "Councillor Tom Ridley",
        "Councillor Grace Okafor",
        "Councillor Hamid Rahman",
    )
    assert minutes.attendance.apologies == ("Councillor Lucy Sterling",)
    assert minutes.time == "18:30"


def test_district_attendance_and_sentence_apologies() -> None:
    pack = parsed("harrowdale-overview-scrutiny-2023-11.txt")
    [minutes] = of_role(pack, "minutes")
    assert minutes.attendance.present[:2] == ("Councillor P Ashdown", "Councillor L Brereton")
    assert len(minutes.attendance.present) == 6
    assert minutes.attendance.apologies == ("Councillor H Quinlan",)
    assert minutes.time == "19:00"


def test_second_set_of_minutes_in_a_pack() -> None:
    name = "ellerby-adults-panel-2024-05.txt"
    _, sub_group = of_role(parsed(name), "minutes")
    assert (sub_group.body, sub_group.date) == ("Carers Sub-Group", "2024-02-20")
    assert [(i.number, i.title) for i in sub_group.minutes] == [
        ("1", "Carers Survey"),
        ("2", "Respite Review"),
    ]
    [action] = sub_group.minutes[1].actions
    assert (action.owner, action.due) == ("L Ivory", "2024-03-31")
    assert action.text.startswith("L Ivory to share")


REPORT = "castlebrook-regeneration-report-2023-12.txt"


def test_single_committee_report_is_a_committee_paper() -> None:
    text = normalise(read_document(FIXTURES / REPORT))
    kind, _ = detect_kind(text)
    assert kind is DocumentKind.COMMITTEE_PACK
    pack = PARSER.parse(text)
    [meeting] = pack.meetings
    assert meeting.role == "report"
    assert (meeting.body, meeting.date) == (
        "Regeneration and Culture Overview and Scrutiny Committee",
        "2023-12-12",
    )
    assert meeting.agenda == () and meeting.minutes == ()
    assert pack.date == "2023-12-12"
    assert pack.council == "Castlebrook Council"


def test_real_pdfs_report_letter_and_summary(corpus: Path) -> None:
    """A committee report is a committee paper; a letter and an evaluation summary are not."""
    folder = corpus / "pdf"
    report = normalise(read_document(folder / "medway_cycle_action_plan_2014_2017.pdf"))
    assert detect_kind(report)[0] is DocumentKind.COMMITTEE_PACK
    [meeting] = PARSER.parse(report).meetings
    assert meeting.role == "report"
    assert meeting.body is not None and "Overview and Scrutiny Committee" in meeting.body
    assert meeting.date == "2013-12-12"
    for name in ("A9-SELEP-support-for-Medway-Council.pdf", "Exec_summary.pdf"):
        other = normalise(read_document(folder / name))
        assert detect_kind(other)[0] is DocumentKind.OTHER, name


def test_report_title_block_ends_minutes_without_a_closing_line() -> None:
    name = "pennock-licensing-committee-2024-04.txt"
    pack = parsed(name)
    top = [(s.kind, s.start_line, s.end_line) for s in pack.sections if s.level == 1]
    report_start = line_of(name, "PENNOCK BOROUGH COUNCIL", after=10)
    assert ("minutes", line_of(name, "MINUTES OF THE"), report_start - 2) in top
    [report] = [s for s in pack.sections if s.kind == "report"]
    assert (report.start_line, report.title) == (
        report_start,
        "Taxi and Private Hire Licensing Policy Review",
    )


def test_report_after_closed_minutes_takes_its_heading_only() -> None:
    name = "harrowdale-overview-scrutiny-2023-11.txt"
    [report] = [s for s in parsed(name).sections if s.kind == "report"]
    assert report.title == "Leisure Centre Contract Performance"
    assert report.start_line == line_of(name, "Leisure Centre Contract", after=40)


MINUTES_BODY = (
    "\nPresent: Councillors A Smith (Chair), B Jones and C Patel\n\nApologies: Councillor D Khan\n"
    "\n12. Minutes\n\nRESOLVED - That the minutes be approved.\n"
    "\n13. Budget\n\nRESOLVED - That the report be noted.\n"
)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            "NOTES OF THE CARERS PARTNERSHIP BOARD\n\nHeld on 14 December 2023 at County Hall\n",
            ("Carers Partnership Board", "2023-12-14", None, "County Hall"),
        ),
        (
            "Corporate Parenting Panel\n\nThursday, 14th December, 2023\n\n2.00 pm\n\n"
            "Committee Room 1, Town Hall\n",
            ("Corporate Parenting Panel", "2023-12-14", "14:00", "Committee Room 1, Town Hall"),
        ),
        (
            "Schools Forum\nMinutes of the meeting held on Thursday 14 December 2023\n"
            "Venue: Room 2, Civic Centre\n",
            ("Schools Forum", "2023-12-14", None, "Room 2, Civic Centre"),
        ),
        (
            "Executive Board\n\nDate: 14 December 2023\nTime: 10.00 am\nVenue: Civic Hall\n",
            ("Executive Board", "2023-12-14", "10:00", "Civic Hall"),
        ),
    ],
)
def test_minutes_headers(tmp_path: Path, header: str, expected: tuple[str, ...]) -> None:
    path = tmp_path / "minutes.txt"
    path.write_text(header + MINUTES_BODY, encoding="utf-8")
    [minutes] = PARSER.parse(normalise(read_document(path))).meetings
    assert (minutes.body, minutes.date, minutes.time, minutes.venue) == expected
    assert [item.number for item in minutes.minutes] == ["12", "13"]


@pytest.mark.parametrize(
    "told",
    [
        "After a long debate, the Panel agreed to defer the item.",
        "The Sub-Committee noted the update and agreed to write to the Cabinet Member.",
        "The recommendations in the report were agreed.",
        "On being put to the vote, the motion was carried.",
        "The Board signed off the annual plan.",
        "Outcome: the Board will receive the plan in March.",
        "Recommendation to Cabinet: that the charging policy be approved.",
        "The Committee noted that the plan was on track and agreed to receive an update.",
        "The Committee agreed that the update had been helpful and agreed to receive it yearly.",
        "Following the officer's explanation, the Board agreed to defer the decision.",
        "The Board agreed to review the strategy in 2025.",
        "The Chairman put the motion to the vote.\nMotion carried.",
        "The minutes of the meeting held on 3 May were presented and approved as a correct record.",
    ],
)
def test_decision_told_in_the_minute(tmp_path: Path, told: str) -> None:
    path = tmp_path / "minutes.txt"
    path.write_text(
        f"{MINUTES_BODY}\n14. Carers Strategy\n\nThe officer presented the strategy.\n\n{told}\n",
        encoding="utf-8",
    )
    [minutes] = PARSER.parse(normalise(read_document(path))).meetings
    item = minutes.minutes[-1]
    assert item.number == "14"
    assert [d.start_line for d in item.decisions] == [len(path.read_text().splitlines())]


@pytest.mark.parametrize(
    "narrative",
    [
        "Members asked whether the Cabinet Member had seen the figures.",
        "The Board noted that referrals had risen.",
        "The plan was approved by the NHS trust in 2022.",
        # Someone's account of a decision, not this meeting's.
        "It was noted that Cabinet agreed the strategy in March 2023.",
        "The Chair reminded Members that Council resolved in 2021 to declare a climate emergency.",
        "Members were reminded that the Board agreed the plan in January.",
        "In response to a question, the officer said that the Cabinet agreed the funding in July.",
        "The officer confirmed that the proposals were agreed by the ICB in September.",
        "Members noted that the minutes of the previous meeting were agreed at the last meeting.",
        "Councillor Smith said the recommendations were agreed by the working group.",
        "The officer reported that the contract was let and the Board agreed the specification.",
        "The report explained that the Executive resolved to consult in 2022.",
        # Agreement in opinion, or made before the meeting.
        "Members agreed that the presentation had been helpful.",
        "The Board agreed with the concerns raised.",
        "Members discussed the report and agreed it was a helpful overview.",
        "It was agreed last year that the service would be recommissioned.",
        "Members agreed that more work was needed on transitions.",
        "Members agreed that the visit to the new day centre had been valuable.",
        # Another meeting's decision, its sentence broken by a page.
        "At the Scrutiny Committee held on 5 February 2025, Members considered the call-in. "
        "At that meeting,\n\fMembers agreed to refer the decision to full Council.",
    ],
)
def test_narrative_is_not_a_decision(tmp_path: Path, narrative: str) -> None:
    path = tmp_path / "minutes.txt"
    path.write_text(f"{MINUTES_BODY}\n14. Carers Strategy\n\n{narrative}\n", encoding="utf-8")
    [minutes] = PARSER.parse(normalise(read_document(path))).meetings
    assert minutes.minutes[-1].decisions == ()


def test_capital_titles_run_into_their_minute(tmp_path: Path) -> None:
    path = tmp_path / "minutes.txt"
    path.write_text(
        "Cabinet\nMinutes of the meeting held on 14 December 2023\n\n"
        "Present: Councillors A Smith (Chair), B Jones and C Patel\n\n"
        "45. MINUTES: The minutes of the last meeting were agreed as a correct record.\n\n"
        "46. DECLARATIONS OF INTEREST: None.\n\n"
        "47. CARERS STRATEGY: The Cabinet Member introduced the strategy. "
        "Cabinet approved the strategy for consultation.\n",
        encoding="utf-8",
    )
    [minutes] = PARSER.parse(normalise(read_document(path))).meetings
    assert [(i.number, i.title, len(i.decisions)) for i in minutes.minutes] == [
        ("45", "MINUTES", 1),
        ("46", "DECLARATIONS OF INTEREST", 0),
        ("47", "CARERS STRATEGY", 1),
    ]
    assert minutes.minutes[2].decisions[0].text.startswith("Cabinet approved")


def test_report_with_a_field_cover_sheet_alone(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(
        "Name of meeting: Cabinet\nDate: 12 March 2024\n"
        "Title of report: Charging Policy Review\nPurpose of report: To seek approval.\n\n"
        "1. Summary\n1.1 The policy was last reviewed in 2019.\n\n"
        "2. Recommendations\n2.1 That Cabinet approves the revised policy.\n\n"
        "3. Contact officer\nJo Smith, Head of Finance\n\n4. Background Papers\nNone.\n",
        encoding="utf-8",
    )
    text = normalise(read_document(path))
    assert detect_kind(text)[0] is DocumentKind.COMMITTEE_PACK
    pack = PARSER.parse(text)
    assert [(m.role, m.body, m.date, m.agenda) for m in pack.meetings] == [
        ("report", "Cabinet", "2024-03-12", ())
    ]
    assert pack.title == "Charging Policy Review"


def test_actions_listed_under_a_heading(tmp_path: Path) -> None:
    path = tmp_path / "minutes.txt"
    path.write_text(
        "Schools Forum\nMinutes of the meeting held on 14 December 2023\n\n"
        "Present: Councillors A Smith (Chair), B Jones and C Patel\n\n"
        "12. High Needs Block\nThe finance manager presented the forecast.\nActions:\n"
        "• Jo Bloggs to circulate the recovery plan by 30 January 2024.\n"
        "• Democratic Services to add the item to the work programme.\n"
        "The Forum agreed the recovery plan.\n",
        encoding="utf-8",
    )
    [minutes] = PARSER.parse(normalise(read_document(path))).meetings
    [item] = minutes.minutes
    assert [(a.start_line, a.owner, a.due) for a in item.actions] == [
        (9, "Jo Bloggs", "2024-01-30"),
        (10, "Democratic Services", None),
    ]
    assert [d.start_line for d in item.decisions] == [11]


@pytest.mark.parametrize(
    "label", ["Attended:", "Members in attendance:", "Members:", "Councillors:", "PRESENT -"]
)
def test_attendance_labels(tmp_path: Path, label: str) -> None:
    path = tmp_path / "minutes.txt"
    path.write_text(
        "Cabinet\nMinutes of the meeting held on 14 December 2023\n\n"
        f"{label} Councillors A Smith (Chair), B Jones and C Patel\n\n"
        "Apologies: Councillor D Khan\n\n12. Minutes\n\nRESOLVED - That the minutes be approved.\n",
        encoding="utf-8",
    )
    [minutes] = PARSER.parse(normalise(read_document(path))).meetings
    assert minutes.attendance.present == (
        "Councillor A Smith",
        "Councillor B Jones",
        "Councillor C Patel",
    )
    assert minutes.attendance.apologies == ("Councillor D Khan",)
    assert [item.number for item in minutes.minutes] == ["12"]


def test_unnumbered_minutes_headed_in_capitals(tmp_path: Path) -> None:
    path = tmp_path / "minutes.txt"
    path.write_text(
        "Safeguarding Adults Partnership Board\nMinutes of the meeting held on 14 December 2023\n\n"
        "Present: Councillor A Smith (Chair), Dr B Jones, C Patel\n\n"
        "WELCOME AND APOLOGIES\nThe Chair welcomed members.\n\n"
        "BETTER CARE FUND\nThe Board considered the return.\nRESOLVED\n"
        "That the return be approved for submission.\n\n"
        "ANNUAL REPORT 2022/23\nThe Board agreed to publish it in January.\n"
        "ACTION: C Patel to publish the report by 31 January 2024.\n\n"
        "The meeting closed at 4.10 pm.\n",
        encoding="utf-8",
    )
    [minutes] = PARSER.parse(normalise(read_document(path))).meetings
    assert [(i.number, i.title, i.start_line, len(i.decisions)) for i in minutes.minutes] == [
        (None, "WELCOME AND APOLOGIES", 6, 0),
        (None, "BETTER CARE FUND", 9, 1),
        (None, "ANNUAL REPORT 2022/23", 14, 1),
    ]
    assert len(minutes.attendance.present) == 3


def test_agenda_title_wrapped_before_its_pages(tmp_path: Path) -> None:
    path = tmp_path / "agenda.txt"
    path.write_text(
        "AGENDA\n\n1. Apologies for Absence\n\n2. Adult Social Care Workforce\n"
        "Strategy 2024 - 2027 (Pages 5 - 12)\nReport of the Director of Adult Services.\n\n"
        "3. Quarter 3 Revenue Budget Monitoring\n(Pages 13 - 20)\nReport of the Director\n",
        encoding="utf-8",
    )
    [notice] = PARSER.parse(normalise(read_document(path))).meetings
    assert [(a.number, a.title, a.pages) for a in notice.agenda] == [
        ("1", "Apologies for Absence", None),
        ("2", "Adult Social Care Workforce Strategy 2024 - 2027", (5, 12)),
        ("3", "Quarter 3 Revenue Budget Monitoring", (13, 20)),
    ]


def test_attendance_kept_as_rows_of_name_and_role() -> None:
    """ "Councillor | Role" rows, as a PDF table comes out as text, give the
    people and their roles; the heading row is no one."""
    [minutes] = of_role(parsed("ravensmoor-asc-ph-scrutiny-2024-09.txt"), "minutes")
    attendance = minutes.attendance
    assert attendance.present == (
        "Councillor Margaret Oduya",
        "Councillor Peter Lindgren",
        "Councillor Hannah Blackwood",
        "Councillor Rupert Fenn",
        "Councillor Sunita Kaur",
        "Councillor Dominic Ashe",
    )
    assert dict(attendance.roles)["Councillor Peter Lindgren"] == "Vice-Chair"
    assert attendance.in_attendance[:2] == ("Councillor Lorraine Tate", "Dr Olu Badejo")
    assert len(attendance.in_attendance) == 5
    assert attendance.apologies == ("Councillor Gareth Mole", "Councillor Ann Pryce")
    assert minutes.time == "14:00"


def test_running_committee_name_stays_out_of_minutes() -> None:
    """The committee's name printed at the foot of every page is furniture:
    it neither ends a lettered resolution nor joins a minute's text."""
    name = "ravensmoor-asc-ph-scrutiny-2024-09.txt"
    [minutes] = of_role(parsed(name), "minutes")
    items = {item.number: item for item in minutes.minutes}
    [resolved] = items["20/24"].decisions
    assert "(c) that a further update" in resolved.text
    assert "Overview and Scrutiny Committee" not in resolved.text


def test_sub_group_notes_after_the_panel_minutes() -> None:
    name = "hollinsford-cyp-scrutiny-2024-10.txt"
    _, notes = of_role(parsed(name), "minutes")
    assert (notes.body, notes.date, notes.time) == ("Care Leavers Sub-Group", "2024-09-24", "16:00")
    assert notes.venue == "Room 2.14, Hollinsford Town Hall"
    assert [(i.number, i.title) for i in notes.minutes] == [
        ("1", "Welcome and introductions"),
        ("2", "Council Tax exemption for care leavers"),
        ("3", "Local offer refresh"),
    ]
    assert [d.start_line for d in notes.minutes[1].decisions] == [
        line_of(name, "Agreed: that the Sub-Group")
    ]
    assert [d.start_line for d in notes.minutes[2].decisions] == [
        line_of(name, "Agreed: that the refreshed")
    ]
    assert [(a.owner, a.due) for a in notes.minutes[2].actions] == [
        ("Marcus Kemp", "2024-10-18"),
        ("Chloe Barnard", "next meeting"),
    ]
    assert notes.attendance.apologies == ("Councillor Liam Roper",)
    assert len(notes.attendance.present) == 5


def test_markdown_panel_attendance() -> None:
    [minutes, _] = of_role(parsed("hollinsford-cyp-scrutiny-2024-10.txt"), "minutes")
    assert minutes.attendance.present == (
        "Councillor Yvonne Adair",
        "Councillor Bilal Hussain",
        "Councillor Tessa Crowther",
        "Councillor Owen Marsh",
        "Councillor Precious Nwachukwu",
        "Angela Doyle",
    )
    assert minutes.attendance.apologies == ("Councillor Liam Roper", "Revd Mark Ellis")
    assert len(minutes.attendance.in_attendance) == 4


def test_agenda_contact_from_a_line_or_a_lead_column() -> None:
    """ "Contact Officer:" under an item, or the "Lead" column of an agenda table."""
    [notice, *_] = parsed("ravensmoor-asc-ph-scrutiny-2024-09.txt").meetings
    contacts = {item.number: item.contact for item in notice.agenda}
    assert contacts["5"] == "Fiona Drummond, Head of Commissioning, 01632 961450"
    assert contacts["1"] is None
    [notice, *_] = parsed("hollinsford-cyp-scrutiny-2024-10.txt").meetings
    contacts = {item.number: item.contact for item in notice.agenda}
    assert contacts["5"] == "Director of Children's Services"
    assert contacts["4"] == "Councillor Owen Marsh"


def test_undated_footer_inside_a_resolution(tmp_path: Path) -> None:
    """Text extracted without page breaks: the committee's name over "Page 2",
    falling between (a) and (b) of a resolution, is a footer, not part of it;
    the same name as the notice's title stays the body."""
    footer = "Adult Social Care and Public Health Overview and Scrutiny Committee\nPage 2\n\f"
    text = (FIXTURES / "ravensmoor-asc-ph-scrutiny-2024-09.txt").read_text(encoding="utf-8")
    text = text.replace(footer, "", 1).replace(
        "(a) that the report be noted;\n", "(a) that the report be noted;\n" + footer, 1
    )
    notice, minutes = meetings_of(tmp_path, text.replace("\f", ""))[:2]
    committee = "Adult Social Care and Public Health Overview and Scrutiny Committee"
    assert (notice.body, minutes.body) == (committee, committee)
    items = {item.number: item for item in minutes.minutes}
    [resolved] = items["20/24"].decisions
    assert resolved.text.startswith("RESOLVED: (a) that the report be noted; (b) that")


@pytest.mark.parametrize(
    ("written", "owner", "due"),
    [
        (
            "Action: circulate the carers survey results. Owner: Jo Bloggs. Due: 30 January 2024.",
            "Jo Bloggs",
            "2024-01-30",
        ),
        (
            "ACTION: Jo Bloggs (30/01/2024) – circulate the carers survey results.",
            "Jo Bloggs",
            "2024-01-30",
        ),
        ("Action: Head of Commissioning – circulate the results.", "Head of Commissioning", None),
        ("• Jo Bloggs to report retention rates – January 2025", "Jo Bloggs", "January 2025"),
        (
            "Action: Jo Bloggs\nCirculate the survey results by 30 January 2024.",
            "Jo Bloggs",
            "2024-01-30",
        ),
    ],
)
def test_action_owner_and_due_in_their_forms(
    tmp_path: Path, written: str, owner: str, due: str | None
) -> None:
    heading = "Actions:\n" if written.startswith("•") else ""
    [minutes] = meetings_of(
        tmp_path,
        f"{MINUTES_BODY}\n14. Carers Strategy\n\nThe officer presented the strategy.\n"
        f"{heading}{written}\n",
    )
    [action] = minutes.minutes[-1].actions
    assert (action.owner, action.due) == (owner, due)


NOTICE_AGENDA = (
    "\nAGENDA\n\n1. Apologies for Absence\n\n2. Carers Strategy Refresh (Pages 7 - 18)\n"
    "\n3. Work Programme (Pages 19 - 22)\n"
)


@pytest.mark.parametrize(
    "notice",
    [
        "WESTSHIRE COUNCIL\n\nDear Councillor,\n\nYou are requested to attend a meeting of the "
        "Adult Social Care Committee which will be held in Committee Room 1, County Hall on "
        "Tuesday 3 September 2024 at 2.00 pm.\n",
        "NOTICE OF MEETING\n\nADULT SOCIAL CARE COMMITTEE\n\nDATE: TUESDAY 3 SEPTEMBER 2024\n"
        "TIME: 14:00\nVENUE: COMMITTEE ROOM 1, COUNTY HALL\n",
        "AN AGENDA FOR THE MEETING OF THE ADULT SOCIAL CARE COMMITTEE TO BE HELD ON TUESDAY "
        "3 SEPTEMBER 2024 AT 2.00 PM IN COMMITTEE ROOM 1, COUNTY HALL\n",
    ],
    ids=["summons-which-will-be-held", "fields-in-capitals", "agenda-for-title"],
)
def test_notice_forms(tmp_path: Path, notice: str) -> None:
    [meeting] = meetings_of(tmp_path, notice + NOTICE_AGENDA)
    assert (meeting.body, meeting.date, meeting.time, meeting.venue) == (
        "Adult Social Care Committee",
        "2024-09-03",
        "14:00",
        "Committee Room 1, County Hall",
    )
    assert [item.pages for item in meeting.agenda] == [None, (7, 18), (19, 22)]


def test_attendance_heading_under_a_dated_minutes_title(tmp_path: Path) -> None:
    """ "Attendance" on a line of its own heads the names only under a minutes
    title, where it cannot be a report's section on school attendance."""
    [minutes] = meetings_of(
        tmp_path,
        "Adult Social Care Committee – Minutes – 9 July 2024\n\nAttendance\n"
        "Councillor A Smith (Chair)\nCouncillor B Jones\nApologies\nCouncillor C Patel\n"
        "\n17. Apologies\nNone.\n\n18. Carers Strategy\nAGREED: that the strategy be approved.\n",
    )
    assert (minutes.body, minutes.date) == ("Adult Social Care Committee", "2024-07-09")
    assert minutes.attendance.present == ("Councillor A Smith", "Councillor B Jones")
    assert minutes.attendance.apologies == ("Councillor C Patel",)
    assert [(item.number, len(item.decisions)) for item in minutes.minutes] == [
        ("17", 0),
        ("18", 1),
    ]


def test_record_of_decisions_keeps_its_fields_apart() -> None:
    """ "Reasons for decision:" and the other fields under a decision are not
    part of it; a dated field ends the attendance block."""
    [minutes] = of_role(parsed("hartwell-vale-cabinet-2024-10.txt"), "minutes")
    items = {item.number: item for item in minutes.minutes}
    [decision] = items["24/032"].decisions
    assert decision.text.endswith("renew online before 31 January 2025.")
    assert "Reasons for decision" not in decision.text
    assert minutes.attendance.apologies == ("Councillor Arjun Bedi",)


def test_bracketed_minutes_and_resolution_points(tmp_path: Path) -> None:
    """ "(2) Work Programme" heads a minute; "(2) A report be brought ..." under
    a RESOLVED line is a point of the resolution, even where it rises."""
    [minutes] = meetings_of(
        tmp_path,
        "Carers Panel\nMinutes of the meeting held on 14 December 2023\n\n"
        "Present: Councillors A Smith (Chair), B Jones and C Patel\n\n(1) Apologies\nNone.\n\n"
        "(2) Carers Strategy\n\nRESOLVED –\n(1) That the strategy be noted.\n"
        "(2) Officers be thanked.\n(3) A report on respite be brought to the Panel in March\n"
        "\n(3) Work Programme\n\nRESOLVED – That the work programme be agreed.\n",
    )
    assert [(item.number, item.title) for item in minutes.minutes] == [
        ("1", "Apologies"),
        ("2", "Carers Strategy"),
        ("3", "Work Programme"),
    ]
    assert "(3) A report on respite" in minutes.minutes[1].decisions[0].text


# Decisions outside ``EXPECTED`` (packs it does not cover, and second sets of
# minutes), each read and found to be one a clerk would record:
# (pack, set of minutes, minute number) -> starts of the decisions' lines.
REVIEWED_DECISIONS: dict[tuple[str, int, str], list[str]] = {
    ("ashworth-cabinet-2019-03.txt", 0, "103"): ["RESOLVED – That the minutes"],
    ("ashworth-cabinet-2019-03.txt", 0, "104"): ["RESOLVED – That:"],
    ("ashworth-cabinet-2019-03.txt", 0, "105"): ["RESOLVED – That the fee uplift"],
    ("ashworth-cabinet-2019-03.txt", 0, "106"): ["RESOLVED – That the action log"],
    ("brackenmoor-hwb-2019-06.txt", 0, "47"): ["AGREED: that the minutes"],
    ("brackenmoor-hwb-2019-06.txt", 0, "48"): ["The Board agreed that the draft"],
    ("brackenmoor-hwb-2019-06.txt", 0, "49"): ["It was agreed that the quarter 4"],
    ("brackenmoor-hwb-2019-06.txt", 0, "50"): ["AGREED –"],
    ("brackenmoor-hwb-2019-06.txt", 0, "51"): ["RESOLVED that the pharmaceutical"],
    ("calderbridge-scrutiny-2019-05.txt", 0, "14"): ["Resolved that the minutes"],
    ("calderbridge-scrutiny-2019-05.txt", 0, "15"): ["RESOLVED:"],
    ("calderbridge-scrutiny-2019-05.txt", 0, "16"): ["RESOLVED – That the work programme"],
    ("fenmarsh-adults-committee-minutes-2020-01.txt", 0, "12"): ["Minute 12 Minutes – RESOLVED"],
    ("fenmarsh-adults-committee-minutes-2020-01.txt", 0, "14"): ["The Director of Adult Care"],
    ("fenmarsh-adults-committee-minutes-2020-01.txt", 0, "15"): ["RECOMMENDED to Council"],
    ("fenmarsh-adults-committee-minutes-2020-01.txt", 0, "16"): ["16.2\tReviews overdue"],
    ("ellerby-adults-panel-2024-05.txt", 1, "1"): ["Agreed: that the results"],
    ("hollinsford-cyp-scrutiny-2024-10.txt", 1, "2"): ["Agreed: that the Sub-Group"],
    ("hollinsford-cyp-scrutiny-2024-10.txt", 1, "3"): ["Agreed: that the refreshed"],
}


def test_every_reported_decision_across_the_fixtures_is_one() -> None:
    """Precision: across every fixture pack and every set of minutes in it, the
    parser reports no decision that a reader did not find (``EXPECTED`` for the
    first minutes of the packs it covers, ``REVIEWED_DECISIONS`` for the rest)."""
    wanted: set[tuple[str, int, str, int]] = set()
    for expected in EXPECTED:
        for number, starts in expected.decisions.items():
            wanted.update((expected.name, 0, number, _line(expected.name, s)) for s in starts)
    for (name, index, number), starts in REVIEWED_DECISIONS.items():
        wanted.update((name, index, number, line_of(name, start)) for start in starts)
    reported = {
        (path.name, index, item.number, decision.start_line)
        for path in sorted(FIXTURES.glob("*.txt"))
        for index, minutes in enumerate(of_role(parsed(path.name), "minutes"))
        for item in minutes.minutes
        for decision in item.decisions
    }
    assert reported - wanted == set()
    assert wanted - reported == set()
