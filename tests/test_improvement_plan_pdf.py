"""Two invented plans published as PDF, drawn at test time with reportlab the way a
word processor exports a table: each cell's text drawn in turn at its column's x
position, a long cell wrapped over several lines inside its row. PDF text
extraction flattens such a table (cells of one line run together with spaces, or
come one cell per line, and wrapped text carries on below), so the parser must
read the rows back from the page:

- Brindlecombe: one borderless action table, Ref | Action | Lead | Timescale |
  RAG | CQC ref, with "Priority n: ..." rows across it; the Action cell wraps over
  two or three lines and the other cells sit on the row's first line;
- Otterhithe: priority headings on the page, each with its strategic lead and a
  bordered table, one table running over a page break with its header row
  repeated, and a success measures table with baseline, target and "Good is".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assure.normalising import normalise
from assure.parsing import detect_kind
from assure.parsing.improvement_plan import PARSER
from assure.reading import read_document
from assure.structure import DocumentKind, Plan

FONT, SIZE, LEADING = "Helvetica", 8.5, 10.5


def only_plan(path: Path) -> Plan:
    text = normalise(read_document(path))
    assert detect_kind(text)[0] is DocumentKind.IMPROVEMENT_PLAN
    [plan] = PARSER.parse(text).plans
    return plan


class Page:
    """A reportlab canvas written top down, one table row or paragraph at a time."""

    def __init__(self, path: Path, footer: str) -> None:
        from reportlab.lib.pagesizes import A4, landscape
        from reportlab.pdfgen import canvas

        self.size = landscape(A4)
        self.pdf = canvas.Canvas(str(path), pagesize=self.size)
        self.footer = footer
        self.number = 1
        self.y = self.size[1] - 50

    def text(self, line: str, size: float = 10, font: str = FONT, gap: float = 6) -> None:
        self.pdf.setFont(font, size)
        self.pdf.drawString(40, self.y, line)
        self.y -= size + gap

    def room(self, height: float) -> bool:
        return self.y - height > 60

    def new_page(self) -> None:
        self.pdf.setFont(FONT, 8)
        self.pdf.drawString(40, 30, f"{self.footer} | Page {self.number}")
        self.pdf.showPage()
        self.number += 1
        self.y = self.size[1] - 50

    def row(
        self,
        cells: list[str],
        xs: list[float],
        widths: list[float],
        borders: bool,
        bold: bool = False,
    ) -> None:
        """One table row: each cell wrapped to its width, drawn cell by cell."""
        from reportlab.lib.utils import simpleSplit

        font = "Helvetica-Bold" if bold else FONT
        pairs = zip(cells, widths, strict=True)
        wrapped = [simpleSplit(c, font, SIZE, w - 8) if c else [] for c, w in pairs]
        height = max(len(w) for w in wrapped) * LEADING + 6
        self.pdf.setFont(font, SIZE)
        for x, width, lines in zip(xs, widths, wrapped, strict=True):
            if borders:
                self.pdf.rect(x, self.y - height, width, height)
            for k, line in enumerate(lines):
                self.pdf.drawString(x + 4, self.y - 3 - SIZE - k * LEADING, line)
        self.y -= height

    def save(self) -> None:
        self.new_page()
        self.pdf.save()


# ------------------------------------------------------- Brindlecombe (borderless table)

BRINDLECOMBE = [
    (
        "Priority 1: Timely assessments and reviews",
        [
            ("1.1", "Recruit three permanent occupational therapists so that people waiting"
             " for equipment or adaptations are seen within twenty working days",
             "Head of Therapy Services", "Q3 2025/26", "Amber", "O2"),
            ("1.2", "Introduce a weekly huddle to review everyone waiting longer than six"
             " weeks for a Care Act assessment", "Priya Raman", "Q2 2025/26", "Green", "O1"),
            ("1.3", "Clear the overdue annual reviews with a time-limited review team and"
             " report the numbers to the Improvement Board every month",
             "Head of Assessment", "March 2026", "Red", "O1, O3"),
        ],
    ),
    (
        "Priority 2: Carers and community support",
        [
            ("2.1", "Commission a carers' support service that offers breaks, advice and a"
             " named worker to every carer known to us, with carers on the panel",
             "Commissioning Manager, Carers", "Q4 2025/26", "Amber", "O4"),
            ("2.2", "Publish a directory of day opportunities with the voluntary sector",
             "Jonah Whitlock", "Sept 2025", "Complete", "O5"),
        ],
    ),
    (
        "Priority 3: Safe transitions from hospital",
        [
            ("3.1", "Agree a discharge to assess pathway with the hospital trust and the"
             " integrated care board, with a shared dashboard of delays",
             "Assistant Director, Integrated Care", "Q1 2026/27", "Green", "O6/7"),
            ("3.2", "Audit twenty hospital discharges each quarter and report what we find to"
             " the Safeguarding Adults Board", "Safeguarding Practice Lead", "Ongoing",
             "Green", "O8"),
        ],
    ),
]  # fmt: skip

BRINDLECOMBE_XS = [40, 80, 330, 500, 590, 650]
BRINDLECOMBE_WIDTHS = [40, 250, 170, 90, 60, 80]


def build_brindlecombe(path: Path) -> None:
    page = Page(path, "Brindlecombe County Council Adult Social Care Improvement Plan")
    page.text("Brindlecombe County Council", 12)
    page.text("Adult Social Care Improvement Plan 2025-2027", 16, "Helvetica-Bold")
    page.text("Version 2, agreed by the Improvement Board on 14 July 2025.")
    page.text(
        "This plan answers the findings of the CQC assessment, which we have numbered O1 to O8."
    )
    page.text("RAG: Green on track, Amber at risk, Red off track, Complete delivered.", gap=14)
    xs, widths = BRINDLECOMBE_XS, BRINDLECOMBE_WIDTHS
    page.row(["Ref", "Action", "Lead", "Timescale", "RAG", "CQC ref"], xs, widths, False, True)
    for heading, actions in BRINDLECOMBE:
        page.row([heading, "", "", "", "", ""], [40, 80, 330, 500, 590, 650],
                 [600, 1, 1, 1, 1, 1], False, True)  # fmt: skip
        for action in actions:
            page.row(list(action), xs, widths, False)
    page.text("", gap=10)
    page.text("The Improvement Board reviews this plan every month.")
    page.save()


@pytest.fixture(scope="module")
def brindlecombe(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    path = tmp_path_factory.mktemp("brindlecombe") / "brindlecombe-plan.pdf"
    build_brindlecombe(path)
    return only_plan(path)


class TestBrindlecombeBorderlessTable:
    def test_priorities_from_the_rows_across_the_table(self, brindlecombe: Plan) -> None:
        assert brindlecombe.title == "Adult Social Care Improvement Plan 2025-2027"
        assert [(p.number, p.title) for p in brindlecombe.priorities] == [
            ("1", "Timely assessments and reviews"),
            ("2", "Carers and community support"),
            ("3", "Safe transitions from hospital"),
        ]

    def test_each_action_is_its_whole_wrapped_cell(self, brindlecombe: Plan) -> None:
        assert [[a.text for a in p.actions] for p in brindlecombe.priorities] == [
            [action[1] for action in actions] for _, actions in BRINDLECOMBE
        ]

    def test_each_action_keeps_its_lead_timescale_rag_and_codes(self, brindlecombe: Plan) -> None:
        found = [
            (a.leads, a.timeframe, a.status, a.refs)
            for p in brindlecombe.priorities
            for a in p.actions
        ]
        assert found == [
            (("Head of Therapy Services",), "Q3 2025/26", "Amber", ("O2",)),
            (("Priya Raman",), "Q2 2025/26", "Green", ("O1",)),
            (("Head of Assessment",), "March 2026", "Red", ("O1", "O3")),
            (("Commissioning Manager, Carers",), "Q4 2025/26", "Amber", ("O4",)),
            (("Jonah Whitlock",), "Sept 2025", "Complete", ("O5",)),
            (("Assistant Director, Integrated Care",), "Q1 2026/27", "Green", ("O6", "O7")),
            (("Safeguarding Practice Lead",), "Ongoing", "Green", ("O8",)),
        ]

    def test_each_action_starts_on_its_rows_first_line(self, brindlecombe: Plan) -> None:
        starts = [a.start_line for p in brindlecombe.priorities for a in p.actions]
        assert starts == [8, 12, 15, 20, 24, 26, 29]

    def test_priority_refs_gather_their_actions_codes(self, brindlecombe: Plan) -> None:
        assert [p.refs for p in brindlecombe.priorities] == [
            ("O2", "O1", "O3"),
            ("O4", "O5"),
            ("O6", "O7", "O8"),
        ]


# ------------------------------------------------------- Otterhithe (bordered tables)

OTTERHITHE = [
    (
        "Priority 1 – Safeguarding people well",
        "Strategic lead: Marcus Ferrand, Head of Safeguarding",
        [
            ("1a", "Screen every safeguarding concern within one working day and record the"
             " decision and its reasons on the case record", "Safeguarding Hub Manager",
             "Q2 2025/26", "On track", "AFI 1"),
            ("1b", "Ask each person at the start of an enquiry what they want to happen, and"
             " check at closure whether it did", "Principal Social Worker", "Q3 2025/26",
             "At risk", "AFI 1, AFI 2"),
            ("1c", "Run joint audits of closed enquiries with the police and the integrated"
             " care board", "Marcus Ferrand", "Ongoing", "On track", "AFI 2"),
        ],
    ),
    (
        "Priority 2 – Living well at home",
        "Strategic lead: Anita Oduya, Assistant Director Community Services",
        [
            ("2a", "Extend the reablement service to weekends so that people leaving hospital"
             " on a Friday start reablement the next day", "Reablement Service Manager",
             "Q4 2025/26", "Not started", "AFI 3"),
            ("2b", "Review every home care package of more than 21 hours a week with the"
             " person and their family", "Anita Oduya", "March 2026", "In progress", "AFI 3"),
            ("2c", "Pilot technology enabled care in two localities", "Digital Care Lead",
             "Q1 2026/27", "Not started", ""),
        ],
    ),
    (
        "Priority 3 – A stable and skilled workforce",
        "Strategic lead: Caroline Pegg, Workforce Development Manager",
        [
            ("3a", "Launch a recruitment campaign for social workers and occupational"
             " therapists with a relocation package", "Caroline Pegg", "Q2 2025/26",
             "Complete", "AFI 4"),
            ("3b", "Give every newly qualified social worker a protected caseload and"
             " fortnightly supervision in their first year", "Principal Social Worker",
             "Q3 2025/26", "On track", "AFI 4, AFI 5"),
            ("3c", "Publish a practice framework", "Principal Social Worker", "December 2025",
             "Delayed", "AFI 5"),
        ],
    ),
]  # fmt: skip

OTTERHITHE_HEADER = [
    "No.", "What we will do", "Lead officer", "By when", "Status", "Area for improvement",
]  # fmt: skip
OTTERHITHE_XS = [40, 80, 360, 500, 580, 660]
OTTERHITHE_WIDTHS = [40, 280, 140, 80, 80, 110]

OTTERHITHE_MEASURES = [
    ("Safeguarding concerns screened within one working day", "64%", "95%", "Higher"),
    ("Enquiries where the outcomes the person wanted were fully or partly met", "78%", "90%",
     "Higher"),
    ("People still at home 91 days after leaving hospital into reablement", "81%", "85%",
     "Higher"),
    ("Social work vacancy rate", "21%", "10%", "Lower"),
    ("Newly qualified social workers leaving within two years of starting", "30%", "15%",
     "Lower"),
]  # fmt: skip
MEASURE_HEADER = ["Success measure", "Baseline 2024/25", "Target 2026/27", "Good is"]
MEASURE_XS = [40, 340, 460, 580]
MEASURE_WIDTHS = [300, 120, 120, 100]


def build_otterhithe(path: Path) -> None:
    page = Page(path, "Otterhithe Borough Council ASC Improvement Plan 2025 to 2027")
    page.text("Otterhithe Borough Council", 12)
    page.text("Adult Social Care Improvement Plan 2025 to 2027", 16, "Helvetica-Bold")
    page.text("Our three priorities come from what people told us and from the CQC findings,")
    page.text("which we call areas for improvement AFI 1 to AFI 5.", gap=12)
    xs, widths = OTTERHITHE_XS, OTTERHITHE_WIDTHS
    for k, (heading, lead, actions) in enumerate(OTTERHITHE):
        if not page.room(120):
            page.new_page()
        page.text(heading, 13, "Helvetica-Bold")
        page.text(lead, gap=8)
        page.row(OTTERHITHE_HEADER, xs, widths, True, True)
        for n, action in enumerate(actions):
            if k == 1 and n == 1:
                # Priority 2's table runs over the page break; its header row repeats.
                page.new_page()
                page.row(OTTERHITHE_HEADER, xs, widths, True, True)
            page.row(list(action), xs, widths, True)
        page.text("", gap=10)
    page.text("How we will measure success", 13, "Helvetica-Bold")
    page.row(MEASURE_HEADER, MEASURE_XS, MEASURE_WIDTHS, True, True)
    for measure in OTTERHITHE_MEASURES:
        page.row(list(measure), MEASURE_XS, MEASURE_WIDTHS, True)
    page.text("", gap=10)
    page.text("The plan is reviewed by the Adult Social Care Improvement Board each month.")
    page.save()


@pytest.fixture(scope="module")
def otterhithe(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    path = tmp_path_factory.mktemp("otterhithe") / "otterhithe-plan.pdf"
    build_otterhithe(path)
    return only_plan(path)


class TestOtterhitheBorderedTables:
    def test_priorities_from_the_headings_on_the_page(self, otterhithe: Plan) -> None:
        assert otterhithe.title == "Adult Social Care Improvement Plan 2025 to 2027"
        assert [(p.number, p.title) for p in otterhithe.priorities] == [
            ("1", "Safeguarding people well"),
            ("2", "Living well at home"),
            ("3", "A stable and skilled workforce"),
        ]

    def test_strategic_leads(self, otterhithe: Plan) -> None:
        assert [p.leads for p in otterhithe.priorities] == [
            ("Marcus Ferrand",),
            ("Anita Oduya",),
            ("Caroline Pegg",),
        ]

    def test_each_action_is_its_whole_wrapped_cell(self, otterhithe: Plan) -> None:
        assert [[a.text for a in p.actions] for p in otterhithe.priorities] == [
            [action[1] for action in actions] for _, _, actions in OTTERHITHE
        ]

    def test_the_repeated_header_row_is_not_an_action(self, otterhithe: Plan) -> None:
        found = [
            (a.leads, a.timeframe, a.status, a.refs)
            for p in otterhithe.priorities
            for a in p.actions
        ]
        assert found == [
            (("Safeguarding Hub Manager",), "Q2 2025/26", "On track", ("AFI1",)),
            (("Principal Social Worker",), "Q3 2025/26", "At risk", ("AFI1", "AFI2")),
            (("Marcus Ferrand",), "Ongoing", "On track", ("AFI2",)),
            (("Reablement Service Manager",), "Q4 2025/26", "Not started", ("AFI3",)),
            (("Anita Oduya",), "March 2026", "In progress", ("AFI3",)),
            (("Digital Care Lead",), "Q1 2026/27", "Not started", ()),
            (("Caroline Pegg",), "Q2 2025/26", "Complete", ("AFI4",)),
            (("Principal Social Worker",), "Q3 2025/26", "On track", ("AFI4", "AFI5")),
            (("Principal Social Worker",), "December 2025", "Delayed", ("AFI5",)),
        ]

    def test_success_measures_with_the_direction_of_good(self, otterhithe: Plan) -> None:
        # After the last priority, under its own heading: the plan's as a whole.
        assert [p.measures for p in otterhithe.priorities] == [(), (), ()]
        assert [(m.text, m.direction) for m in otterhithe.measures] == [
            (text, "up" if good == "Higher" else "down") for text, _, _, good in OTTERHITHE_MEASURES
        ]
