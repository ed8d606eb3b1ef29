"""Three more plan layouts, invented councils in our own words, checked against
what a careful reader would write down from each:

- Wrenfield: a Word plan whose action table has a merged priority cell (with the
  strategic lead) down the side of its action rows, RAG letters, and a measures
  table keyed the same way with a "Good is" column;
- Ashgrove: a workbook exported from a tracker (actions, strategic leads and
  measures on three sheets, the priority area merged down its rows, target dates
  as real dates);
- Calderbrook: a markdown plan with "Priority n: title (links to AFI 2, AFI 5)"
  headings, "What we will do" bullets ending "(Lead: ...; By: ...)" and "How we
  will know" measures.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assure.normalising import normalise
from assure.parsing import detect_kind
from assure.parsing.improvement_plan import PARSER
from assure.reading import read_document
from assure.structure import DocumentKind, Plan, PlanAction

FIXTURES = Path(__file__).parent / "fixtures" / "improvement_plan"

Fields = tuple[tuple[str, ...], str | None, str | None, tuple[str, ...]]


def fields(action: PlanAction) -> Fields:
    return (action.leads, action.timeframe, action.status, action.refs)


def only_plan(path: Path) -> Plan:
    text = normalise(read_document(path))
    assert detect_kind(text)[0] is DocumentKind.IMPROVEMENT_PLAN
    [plan] = PARSER.parse(text).plans
    return plan


# ---------------------------------------------------------------- Wrenfield (DOCX)

WRENFIELD_ACTIONS = [
    (
        "Priority 1: Timely assessments and reviews",
        "Strategic lead: Amira Castellano, Assistant Director (Operations)",
        [
            ("1.1", "Recruit four permanent social workers to the long-term team and end the use"
             " of agency staff in that team", "Long-term Team Manager", "Q2 25/26", "G", "O1"),
            ("1.2", "Introduce a waiting well call for everyone waiting over four weeks for an"
             " assessment", "Kofi Mensah; Lisa Dunmore", "by end of Q4 2025-26", "A", "O1, O3"),
            ("1.3", "Clear the backlog of overdue annual reviews using a dedicated review team",
             "Kofi Mensah", "March 2026", "R", "O2"),
            ("1.4", "Publish average waiting times on the council website every quarter",
             "Performance and Intelligence Manager", "Ongoing", "G", ""),
        ],
    ),
    (
        "Priority 2: Support for unpaid carers",
        "Strategic lead: Gareth Llewellyn, Head of Commissioning",
        [
            ("2.1", "Commission a single carers' support service with the voluntary sector",
             "Gareth Llewellyn", "Q1 26/27", "A", "O5"),
            ("2.2", "Offer a carer's assessment whenever the cared-for person is assessed or"
             " reviewed", "Principal Social Worker", "Q3 2025/26", "G", "O4 O6"),
            ("2.3", "Launch a carers' emergency card with local pharmacies", "Carers Lead",
             "Sept 2025", "Complete", "O6"),
        ],
    ),
    (
        "Priority 3: Safeguarding that puts people first",
        "Strategic lead: Rosalind Achebe, Head of Safeguarding",
        [
            ("3.1", "Triage all safeguarding concerns within one working day", "Rosalind Achebe",
             "Q2 25/26", "G", "O7/8"),
            ("3.2", "Ask every person at the start of an enquiry what outcome they want, and"
             " record whether it was achieved", "Safeguarding Practice Lead",
             "by end of Q3 2025-26", "A", "O 9"),
            ("3.3", "Hold a joint audit of closed enquiries with the police and the integrated"
             " care board each quarter", "Rosalind Achebe & Designated Nurse", "Ongoing", "G",
             "O9, O10"),
        ],
    ),
    (
        "Priority 4: A workforce that stays",
        "Strategic lead: Tomasz Wiśniewski, Workforce Development Manager",
        [
            ("4.1", "Introduce a career pathway from care assistant to registered social worker",
             "Tomasz Wiśniewski", "Q4 25/26", "A", "O11"),
            ("4.2", "Run exit interviews for every leaver and report the themes to the"
             " Workforce Board", "HR Business Partner", "Q2 25/26", "R", ""),
        ],
    ),
]  # fmt: skip

WRENFIELD_MEASURES = [
    [
        ("Proportion of reviews completed within 12 months", "58%", "80%", "Higher"),
        ("Average days waiting for a Care Act assessment", "67", "28", "Lower"),
    ],
    [
        ("Carers who receive a carer's assessment in the year", "310", "500", "Higher"),
        ("Carers who had as much social contact as they wanted", "24%", "30%", "Higher"),
    ],
    [
        ("Concerns triaged within one working day", "71%", "95%", "Higher"),
        ("Repeat safeguarding concerns within 12 months", "18%", "12%", "Lower"),
    ],
    [
        ("Vacancy rate in social work posts", "14%", "8%", "Lower"),
        ("Agency social workers as a share of the workforce", "11%", "5%", "Lower"),
    ],
]


def merged_table(document, header: list[str], groups: list[tuple[list[str], list[list[str]]]]):
    """A Word table whose first column is one merged cell per group, down its rows."""
    rows = 1 + sum(len(body) for _, body in groups)
    table = document.add_table(rows=rows, cols=len(header))
    table.style = "Table Grid"
    for i, name in enumerate(header):
        table.cell(0, i).text = name
    row = 1
    for paragraphs, body in groups:
        merged = table.cell(row, 0).merge(table.cell(row + len(body) - 1, 0))
        merged.text = paragraphs[0]
        for more in paragraphs[1:]:
            merged.add_paragraph(more)
        for values in body:
            for i, value in enumerate(values, 1):
                table.cell(row, i).text = value
            row += 1
    return table


def build_wrenfield(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Wrenfield County Council")
    document.add_heading("Adult Social Care Improvement Plan 2025–27", level=0)
    control = document.add_table(rows=2, cols=4)
    for r, values in enumerate(
        [
            ["Version", "1.3", "Date", "2 September 2025"],
            ["Owner", "Director of Adult Social Services", "Reviewed by", "Improvement Board"],
        ]
    ):
        for c, value in enumerate(values):
            control.cell(r, c).text = value
    document.add_heading("Introduction", level=1)
    document.add_paragraph(
        "Inspectors visited Wrenfield in the spring and found that people wait too long for"
        " an assessment, that carers are not always offered support of their own, and that"
        " the council relies heavily on agency staff. We have numbered their findings O1 to"
        " O11 and each action shows the findings it answers."
    )
    document.add_paragraph(
        "Each priority has a strategic lead who answers for it at the Improvement Board."
    )
    document.add_heading("RAG key", level=1)
    document.add_paragraph(
        "G – on track; A – some risk to delivery; R – off track; Complete – delivered."
    )
    document.add_heading("Action plan", level=1)
    merged_table(
        document,
        ["Priority", "Ref", "Action", "Lead(s)", "Timeframe", "RAG", "CQC finding"],
        [([title, lead], [list(a) for a in actions]) for title, lead, actions in WRENFIELD_ACTIONS],
    )
    document.add_heading("How we will measure success", level=1)
    merged_table(
        document,
        ["Priority", "Success measure", "Baseline (March 2025)", "Target (March 2027)", "Good is"],
        [
            ([title], [list(m) for m in measures])
            for (title, _, _), measures in zip(WRENFIELD_ACTIONS, WRENFIELD_MEASURES, strict=True)
        ],
    )
    document.add_heading("Governance", level=1)
    document.add_paragraph(
        "The Improvement Board meets monthly and reports to Cabinet every six months."
    )
    document.save(str(path))


@pytest.fixture(scope="module")
def wrenfield(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    path = tmp_path_factory.mktemp("wrenfield") / "wrenfield-plan.docx"
    build_wrenfield(path)
    return only_plan(path)


class TestWrenfieldWordPlan:
    def test_the_plan_under_a_bare_action_plan_heading_takes_the_documents_title(
        self, wrenfield: Plan
    ) -> None:
        assert wrenfield.title == "Adult Social Care Improvement Plan 2025–27"

    def test_priorities_from_the_merged_cells(self, wrenfield: Plan) -> None:
        assert [(p.number, p.title) for p in wrenfield.priorities] == [
            ("1", "Timely assessments and reviews"),
            ("2", "Support for unpaid carers"),
            ("3", "Safeguarding that puts people first"),
            ("4", "A workforce that stays"),
        ]

    def test_strategic_leads_in_the_merged_cells(self, wrenfield: Plan) -> None:
        assert [p.leads for p in wrenfield.priorities] == [
            ("Amira Castellano",),
            ("Gareth Llewellyn",),
            ("Rosalind Achebe",),
            ("Tomasz Wiśniewski",),
        ]

    def test_every_action_row(self, wrenfield: Plan) -> None:
        assert [len(p.actions) for p in wrenfield.priorities] == [4, 3, 3, 2]
        found = [(a.text, *fields(a)) for p in wrenfield.priorities for a in p.actions]
        assert found == [
            (WRENFIELD_ACTIONS[0][2][0][1], ("Long-term Team Manager",), "Q2 25/26", "G", ("O1",)),
            (WRENFIELD_ACTIONS[0][2][1][1], ("Kofi Mensah", "Lisa Dunmore"),
             "by end of Q4 2025-26", "A", ("O1", "O3")),
            (WRENFIELD_ACTIONS[0][2][2][1], ("Kofi Mensah",), "March 2026", "R", ("O2",)),
            (WRENFIELD_ACTIONS[0][2][3][1], ("Performance and Intelligence Manager",),
             "Ongoing", "G", ()),
            (WRENFIELD_ACTIONS[1][2][0][1], ("Gareth Llewellyn",), "Q1 26/27", "A", ("O5",)),
            (WRENFIELD_ACTIONS[1][2][1][1], ("Principal Social Worker",), "Q3 2025/26", "G",
             ("O4", "O6")),
            (WRENFIELD_ACTIONS[1][2][2][1], ("Carers Lead",), "Sept 2025", "Complete", ("O6",)),
            (WRENFIELD_ACTIONS[2][2][0][1], ("Rosalind Achebe",), "Q2 25/26", "G", ("O7", "O8")),
            (WRENFIELD_ACTIONS[2][2][1][1], ("Safeguarding Practice Lead",),
             "by end of Q3 2025-26", "A", ("O9",)),
            (WRENFIELD_ACTIONS[2][2][2][1], ("Rosalind Achebe", "Designated Nurse"), "Ongoing",
             "G", ("O9", "O10")),
            (WRENFIELD_ACTIONS[3][2][0][1], ("Tomasz Wiśniewski",), "Q4 25/26", "A", ("O11",)),
            (WRENFIELD_ACTIONS[3][2][1][1], ("HR Business Partner",), "Q2 25/26", "R", ()),
        ]  # fmt: skip

    def test_measures_table_keyed_by_priority(self, wrenfield: Plan) -> None:
        found = [[(m.text, m.direction) for m in p.measures] for p in wrenfield.priorities]
        assert found == [
            [(text, "up" if good == "Higher" else "down") for text, _, _, good in measures]
            for measures in WRENFIELD_MEASURES
        ]


# ---------------------------------------------------------------- Ashgrove (XLSX)

ASHGROVE_TRACKER = [
    ("1.1", "1 - Front door", "Move the contact centre to a three-conversation model",
     "Kwame Asante", dt.datetime(2025, 10, 31), "Training delivered to all advisers;\nmodel live"
     " from October", "Green", "R1"),
    ("1.2", None, "Add an occupational therapist to the front door rota",
     "Lucy Thorne / Kwame Asante", dt.datetime(2025, 12, 31), "Recruitment under way", "Amber",
     "R1/2"),
    ("1.3", None, "Publish a directory of community groups and day opportunities",
     "Information and Advice Manager", "Q3 2025/26", "Published in August", "Complete", "N/A"),
    ("2.1", "2 - Waiting well", "Contact everyone waiting more than 28 days at least once a"
     " month", "Locality Team Managers", dt.datetime(2025, 9, 30),
     "Calls logged for 96% of people waiting", "Green", "R3"),
    ("2.2", None, "Bring the number of overdue reviews below 200",
     "Head of Assessment and Care Management", dt.datetime(2026, 3, 31),
     "Down from 520 to 365; agency reviewers extended", "Amber", "R3; R4"),
    ("2.3", None, "Introduce a risk rating for everyone on a waiting list",
     "Principal Social Worker", "Q2 2025/26", "Case system change not yet released", "Red",
     "R4"),
    ("3.1", "3 - Carers", "Refresh the carers' strategy with carers and partners",
     "Carers Commissioning Officer", dt.datetime(2026, 1, 31), "Workshops held in September",
     "Green", "R5"),
    ("3.2", None, "Offer carers' assessments online", "Digital Lead", dt.datetime(2026, 6, 30),
     "Depends on the portal contract", "Red", "R5,R6"),
    ("4.1", "4 - Workforce and practice", "Agree a practice framework and quality standards"
     " for assessments", "Principal Social Worker", "Ongoing",
     "Draft framework out for consultation", "Green", "R 7"),
    ("4.2", None, "Reduce agency social workers to no more than 10% of posts", "Head of HR",
     dt.datetime(2026, 3, 31), "Agency share 17%", "Amber", "R7 & R8"),
]  # fmt: skip

ASHGROVE_LEADS = [
    ("1 - Front door", "Sarah Okonjo, Head of Access", "Cllr Jean Marsh"),
    ("2 - Waiting well", "Daniel Frost, Assistant Director", "Cllr Jean Marsh"),
    ("3 - Carers", "Meera Pillai, Head of Commissioning", "Cllr Owen Bright"),
    ("4 - Workforce and practice", "Ruth Calloway, Principal Social Worker", "Cllr Owen Bright"),
]

ASHGROVE_MEASURES = [
    ("1 - Front door", "Contacts resolved at the first point of contact", "41%", "55%",
     "Higher is better"),
    (None, "Repeat contacts within three months", "22%", "15%", "Lower is better"),
    ("2 - Waiting well", "People waiting over 28 days for an assessment", "214", "100",
     "Lower is better"),
    (None, "Reviews completed within 12 months", "61%", "80%", "Higher is better"),
    ("3 - Carers", "Carers assessed or reviewed in the year", "880", "1,100", "Higher is better"),
    ("4 - Workforce and practice", "Audited assessments rated good or better", "54%", "75%",
     "Higher is better"),
    (None, "Social worker vacancy rate", "19%", "10%", "Lower is better"),
]  # fmt: skip


def add_sheet(workbook, title: str, header: list[str], rows: list[tuple], group: int) -> None:
    """A sheet with a header row; the group column is merged down each group's rows."""
    sheet = workbook.create_sheet(title)
    sheet.append(header)
    first = None
    for number, row in enumerate(rows, 2):
        sheet.append(list(row))
        if row[group] is not None:
            first = number
        last_of_group = number == len(rows) + 1 or rows[number - 1][group] is not None
        if last_of_group and first is not None and number > first:
            column = chr(ord("A") + group)
            sheet.merge_cells(f"{column}{first}:{column}{number}")


def build_ashgrove(path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    tracker = workbook.active
    tracker.title = "Action tracker"
    tracker.append(["Ashgrove Council Adult Social Care Improvement Plan – action tracker"])
    tracker.append(["Exported 03/11/2025 by the Performance Team"])
    tracker.append([])
    header = ["Ref", "Priority area", "Action", "Responsible officer", "Target date",
              "Progress update", "RAG", "CQC ref"]  # fmt: skip
    tracker.append(header)
    first = 5
    for number, row in enumerate(ASHGROVE_TRACKER, 5):
        tracker.append(list(row))
        if row[1] is not None:
            first = number
        following = ASHGROVE_TRACKER[number - 4] if number - 4 < len(ASHGROVE_TRACKER) else None
        if (following is None or following[1] is not None) and number > first:
            tracker.merge_cells(f"B{first}:B{number}")
    add_sheet(workbook, "Strategic leads", ["Priority area", "Strategic lead", "Lead member"],
              ASHGROVE_LEADS, 0)  # fmt: skip
    add_sheet(workbook, "Measures",
              ["Priority area", "Measure", "Baseline", "Target", "Polarity"],
              ASHGROVE_MEASURES, 0)  # fmt: skip
    workbook.save(str(path))


@pytest.fixture(scope="module")
def ashgrove(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    path = tmp_path_factory.mktemp("ashgrove") / "ashgrove-tracker.xlsx"
    build_ashgrove(path)
    return only_plan(path)


class TestAshgroveTrackerWorkbook:
    def test_priority_areas_are_the_priorities(self, ashgrove: Plan) -> None:
        assert [(p.number, p.title) for p in ashgrove.priorities] == [
            ("1", "Front door"),
            ("2", "Waiting well"),
            ("3", "Carers"),
            ("4", "Workforce and practice"),
        ]

    def test_strategic_leads_from_their_own_sheet(self, ashgrove: Plan) -> None:
        assert [p.leads for p in ashgrove.priorities] == [
            ("Sarah Okonjo",),
            ("Daniel Frost",),
            ("Meera Pillai",),
            ("Ruth Calloway",),
        ]

    def test_every_tracker_row(self, ashgrove: Plan) -> None:
        assert [len(p.actions) for p in ashgrove.priorities] == [3, 3, 2, 2]
        found = [(a.text, *fields(a)) for p in ashgrove.priorities for a in p.actions]
        assert found == [
            (ASHGROVE_TRACKER[0][2], ("Kwame Asante",), "2025-10-31", "Green", ("R1",)),
            (ASHGROVE_TRACKER[1][2], ("Lucy Thorne", "Kwame Asante"), "2025-12-31", "Amber",
             ("R1", "R2")),
            (ASHGROVE_TRACKER[2][2], ("Information and Advice Manager",), "Q3 2025/26",
             "Complete", ()),
            (ASHGROVE_TRACKER[3][2], ("Locality Team Managers",), "2025-09-30", "Green",
             ("R3",)),
            (ASHGROVE_TRACKER[4][2], ("Head of Assessment and Care Management",), "2026-03-31",
             "Amber", ("R3", "R4")),
            (ASHGROVE_TRACKER[5][2], ("Principal Social Worker",), "Q2 2025/26", "Red", ("R4",)),
            (ASHGROVE_TRACKER[6][2], ("Carers Commissioning Officer",), "2026-01-31", "Green",
             ("R5",)),
            (ASHGROVE_TRACKER[7][2], ("Digital Lead",), "2026-06-30", "Red", ("R5", "R6")),
            (ASHGROVE_TRACKER[8][2], ("Principal Social Worker",), "Ongoing", "Green", ("R7",)),
            (ASHGROVE_TRACKER[9][2], ("Head of HR",), "2026-03-31", "Amber", ("R7", "R8")),
        ]  # fmt: skip

    def test_measures_from_their_own_sheet(self, ashgrove: Plan) -> None:
        assert [[(m.text, m.direction) for m in p.measures] for p in ashgrove.priorities] == [
            [("Contacts resolved at the first point of contact", "up"),
             ("Repeat contacts within three months", "down")],
            [("People waiting over 28 days for an assessment", "down"),
             ("Reviews completed within 12 months", "up")],
            [("Carers assessed or reviewed in the year", "up")],
            [("Audited assessments rated good or better", "up"),
             ("Social worker vacancy rate", "down")],
        ]  # fmt: skip


# ---------------------------------------------------------------- Calderbrook (markdown)


@pytest.fixture(scope="module")
def calderbrook() -> Plan:
    return only_plan(FIXTURES / "calderbrook_priority_plan.md")


class TestCalderbrookMarkdownPlan:
    def test_priorities_with_their_linked_areas_for_improvement(self, calderbrook: Plan) -> None:
        assert calderbrook.title == "Adult Social Care Improvement Plan 2025–2027"
        assert [(p.number, p.title, p.start_line, p.refs) for p in calderbrook.priorities] == [
            ("1", "Listening to people and carers", 25, ("AFI1", "AFI4")),
            ("2", "A front door that resolves more at first contact", 45, ("AFI3",)),
            ("3", "Reducing waiting times", 62, ("AFI2", "AFI5")),
            ("4", "Keeping people safe", 84, ("AFI6", "AFI7")),
            ("5", "A stable and fair care market", 102, ("AFI8",)),
        ]

    def test_the_list_at_a_glance_gives_other_names(self, calderbrook: Plan) -> None:
        assert calderbrook.priorities[2].aliases == ("Shorter waits",)
        assert calderbrook.priorities[3].aliases == ()

    def test_strategic_leads(self, calderbrook: Plan) -> None:
        assert [p.leads for p in calderbrook.priorities] == [
            ("Farah Quereshi",),
            ("Nathan Orme",),
            ("Joanne Achterberg",),
            ("Helen Marchetti",),
            ("Dominic Fairweather",),
        ]

    def test_every_action_with_its_lead_date_and_status(self, calderbrook: Plan) -> None:
        found = [
            [(a.start_line, a.leads, a.timeframe, a.status) for a in p.actions]
            for p in calderbrook.priorities
        ]
        assert found == [
            [
                (33, ("Carers Lead",), "Q2 2025/26", None),
                (34, ("Farah Quereshi",), "Q3 2025/26", None),
                (35, ("Head of Business Support", "Calderbrook Voices"), "December 2025",
                 "Complete"),
                (36, ("Principal Social Worker",), "end of Q4 2025/26", "On track"),
            ],
            [
                (53, ("Nathan Orme",), "Q1 2025/26", "Complete"),
                (54, ("Digital Services Manager",), "Q3 2025/26", "Delayed"),
                (55, ("Community Partnerships Manager",), "Ongoing", None),
            ],
            [
                (70, ("Joanne Achterberg",), "Q2 2025/26", "Complete"),
                (71, ("Locality Team Managers",), "Q2 2025/26", "On track"),
                (72, ("Principal Social Worker",), "Q3 2025/26", "On track"),
                (74, ("Head of Finance Operations", "Digital Services Manager"), "March 2026",
                 "At risk"),
                (75, ("Head of Performance",), "Ongoing", None),
            ],
            [
                (92, ("Helen Marchetti",), "Q1 2025/26", "Complete"),
                (93, ("Safeguarding Practice Lead",), "Q3 2025/26", "On track"),
                (94, ("Helen Marchetti", "Designated Nurse for Adults"), "Ongoing", None),
            ],
            [
                (110, ("Dominic Fairweather",), "Q4 2025/26", None),
                (111, ("Commissioning Manager, Home Care",), "Q1 2026/27", "Not started"),
                (112, ("Market Development Officer",), "Ongoing", "On track"),
            ],
        ]  # fmt: skip

    def test_action_text_is_what_will_be_done(self, calderbrook: Plan) -> None:
        first = calderbrook.priorities[0].actions
        assert first[0].text == (
            "Set up a carers' reference group that meets every quarter and reviews our"
            " letters and leaflets"
        )
        assert first[3].text == (
            "Train all front line staff in strengths-based conversations, starting with the"
            " locality teams and then the hospital team"
        )
        assert calderbrook.priorities[2].actions[2].text == (
            "Use a risk tool to decide who is seen first and record the reason on the case file"
        )

    def test_how_we_will_know_with_the_direction_of_good(self, calderbrook: Plan) -> None:
        assert [[m.direction for m in p.measures] for p in calderbrook.priorities] == [
            ["up", "up", "down"],
            ["up", "down"],
            ["up", "down", "down", "maintain"],
            ["up", "up", "down"],
            ["down", "maintain"],
        ]
        waits = calderbrook.priorities[2].measures
        assert waits[0].text == "Increase the % of reviews completed on time"
        assert waits[1].text == "Fewer people waiting over 28 days for an assessment"

    def test_governance_after_the_last_priority_is_not_an_action(self, calderbrook: Plan) -> None:
        assert calderbrook.priorities[-1].actions[-1].start_line == 112
        assert calderbrook.measures == ()


def test_two_leads_in_one_word_table_cell_stay_two(tmp_path: Path) -> None:
    """A Word plan that puts each lead in its own paragraph of the Lead cell."""
    from docx import Document

    word = Document()
    word.add_heading("Adult Social Care Improvement Plan 2025-26", level=0)
    word.add_heading("Priority 1: Timely assessments", level=1)
    table = word.add_table(rows=2, cols=4)
    for cell, text in zip(
        table.rows[0].cells, ("Action", "Lead", "Timeframe", "Status"), strict=True
    ):
        cell.text = text
    action, lead, timeframe, status = table.rows[1].cells
    action.text = "Clear the waiting list for Care Act assessments"
    lead.text = "Head of Assessment"
    lead.add_paragraph("Principal Social Worker")
    timeframe.text = "Q3 2025/26"
    status.text = "On track"
    path = tmp_path / "plan.docx"
    word.save(str(path))
    [(priority)] = only_plan(path).priorities
    [row] = priority.actions
    assert row.leads == ("Head of Assessment", "Principal Social Worker")
    assert row.text == "Clear the waiting list for Care Act assessments"
