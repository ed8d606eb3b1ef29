"""The pack parser on fictional packs written in three councils' styles."""

from __future__ import annotations

from pathlib import Path

import pytest

from assure.normalising import normalise
from assure.parsing.committee_pack import PARSER
from assure.reading import read_document
from assure.structure import Meeting, ParsedStructure

FIXTURES = Path(__file__).parent / "fixtures" / "committee_pack"


def line_of(name: str, start: str, after: int = 0) -> int:
    """The 1-based number of the first line of a fixture starting with ``start``."""
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        if number > after and line.startswith(start):
            return number
    raise AssertionError(f"{start!r} not in {name}")


def parsed(name: str) -> ParsedStructure:
    return PARSER.parse(normalise(read_document(FIXTURES / name)))


def meetings(pack: ParsedStructure, role: str) -> list[Meeting]:
    return [m for m in pack.meetings if m.role == role]


# ----- a cabinet: Modern.gov title block, "RESOLVED –", "Action:" lines, an action log

CABINET = "ashworth-cabinet-2019-03.txt"


@pytest.fixture(scope="module")
def cabinet() -> ParsedStructure:
    return parsed(CABINET)


def test_cabinet_notice_from_title_block_and_fields(cabinet: ParsedStructure) -> None:
    [notice] = meetings(cabinet, "notice")
    assert (notice.body, notice.date, notice.time) == ("Cabinet", "2019-03-12", "14:00")
    assert notice.venue == "Committee Room 1, Ashworth Civic Offices, Market Street"
    assert notice.members == tuple(
        f"Councillor {n}" for n in ("Harper", "Lund", "Mistry", "Okonjo", "Varga")
    )
    assert cabinet.council == "Ashworth Metropolitan Borough Council"


def test_cabinet_agenda_page_ranges_on_title_line(cabinet: ParsedStructure) -> None:
    agenda = meetings(cabinet, "notice")[0].agenda
    assert [(a.number, a.pages) for a in agenda] == [
        ("1", None), ("2", None), ("3", (1, 8)), ("4", (9, 20)),
        ("5", (21, 30)), ("6", None), ("7", (31, 34)),
    ]  # fmt: skip
    # A span of years in a title is not a page range.
    assert agenda[4].title == "Quarter 3 Revenue Budget Monitoring 2018 - 2019"
    assert agenda[3].contact == "Rhian Alder, Head of Commissioning"


def test_cabinet_minutes_decisions_and_actions(cabinet: ParsedStructure) -> None:
    [minutes] = meetings(cabinet, "minutes")
    assert (minutes.body, minutes.date, minutes.time) == ("Cabinet", "2019-02-12", "14:00")
    assert minutes.attendance.present == tuple(
        f"Councillor {n}" for n in ("Harper", "Lund", "Mistry", "Varga")
    )
    assert minutes.attendance.apologies == ("Councillor Okonjo",)
    assert minutes.attendance.in_attendance == (
        "Councillor P Quayle",
        "Rhian Alder",
        "Owen Petrakis",
    )
    items = {item.number: item for item in minutes.minutes}
    assert list(items) == ["101", "102", "103", "104", "105", "106"]
    assert items["104"].start_line == line_of(CABINET, "104. Carers")
    [decision] = items["104"].decisions
    assert decision.start_line == line_of(CABINET, "RESOLVED – That:")
    assert "(2) authority be delegated" in decision.text
    spoken = items["104"].actions[0]
    assert (spoken.owner, spoken.due) == ("Rhian Alder", "2019-04-30")
    assert spoken.start_line == line_of(CABINET, "Action: Rhian Alder")
    bracketed = items["105"].actions[0]
    assert (bracketed.owner, bracketed.due) == ("Owen Petrakis", "2019-04-01")


def test_cabinet_action_log_rows_go_to_the_minute_they_cite(cabinet: ParsedStructure) -> None:
    items = {item.number: item for item in meetings(cabinet, "minutes")[0].minutes}
    log_row = line_of(CABINET, "104\tCirculate")
    assert log_row in [a.start_line for a in items["104"].actions]
    fee_row = next(
        a for a in items["105"].actions if a.start_line == line_of(CABINET, "105\tPublish")
    )
    assert (fee_row.owner, fee_row.due) == ("Owen Petrakis", "2019-04-01")
    # A row citing an earlier meeting's minute stays with the action log item.
    assert [a.owner for a in items["106"].actions] == ["Rhian Alder"]
    assert [d.start_line for d in items["106"].decisions] == [
        line_of(CABINET, "RESOLVED – That the action log")
    ]


def test_cabinet_documents_follow_agenda_stamps(cabinet: ParsedStructure) -> None:
    top = {s.start_line: s for s in cabinet.sections if s.level == 1}
    minutes_start = line_of(CABINET, "ASHWORTH METROPOLITAN", after=10)
    assert top[minutes_start].kind == "minutes"
    assert top[minutes_start].end_line == line_of(CABINET, "The meeting closed")
    covers = [s for s in cabinet.sections if s.kind == "cover_sheet"]
    assert [c.title for c in covers] == [
        "Adult Social Care Charging Policy",
        "Quarter 3 Revenue Budget Monitoring 2018 - 2019",
    ]
    [appendix] = [s for s in cabinet.sections if s.kind == "appendix"]
    assert appendix.start_line == line_of(CABINET, "Appendix 1:")
    assert appendix.end_line < covers[1].start_line
    assert not cabinet.findings  # both cover sheets give the meeting's own date


# ----- a health and wellbeing board: sentence notice, tab agenda, numbers alone, AGREED


BOARD = "brackenmoor-hwb-2019-06.txt"


@pytest.fixture(scope="module")
def board() -> ParsedStructure:
    return parsed(BOARD)


def test_board_notice_sentence_and_tab_agenda(board: ParsedStructure) -> None:
    [notice] = meetings(board, "notice")
    assert notice.body == "Brackenmoor Health and Wellbeing Board"
    assert (notice.date, notice.time) == ("2019-06-06", "13:30")
    assert notice.venue == "Boardroom, Riverside House, Brackenmoor"
    assert len(notice.members) == 7
    agenda = notice.agenda
    assert [(a.number, a.pages) for a in agenda] == [
        ("1", None), ("2", None), ("3", (1, 6)), ("4", (7, 18)),
        ("5", (19, 26)), ("6", (27, 40)), ("7", None),
    ]  # fmt: skip
    assert [a.group for a in agenda] == [None, None, None] + ["ITEMS FOR DECISION"] * 2 + [
        "ITEMS FOR INFORMATION"
    ] * 2


def test_board_minutes_continue_numbering_with_numbers_alone(board: ParsedStructure) -> None:
    [minutes] = meetings(board, "minutes")
    assert (minutes.body, minutes.date) == ("Brackenmoor Health and Wellbeing Board", "2019-04-04")
    assert minutes.start_line == line_of(BOARD, "BRACKENMOOR HEALTH AND WELLBEING BOARD")
    assert [item.number for item in minutes.minutes] == [str(n) for n in range(45, 53)]
    titles = {item.number: item.title for item in minutes.minutes}
    assert titles["45"] == "Welcome and Introductions"
    assert titles["50"] == "Childhood Obesity Programme"
    # Each item starts at its number, standing alone on the line before the title.
    assert minutes.minutes[5].start_line == line_of(BOARD, "50.")


def test_board_attendance_with_roles_and_apologies(board: ParsedStructure) -> None:
    attendance = meetings(board, "minutes")[0].attendance
    assert attendance.present[0] == "Councillor Gail Fenwick"
    assert len(attendance.present) == 4
    assert attendance.apologies == (
        "Councillor Bernard Cole",
        "Janet Olusegun",
        "Superintendent Ray Cobb",
    )
    assert attendance.in_attendance == ("Saira Qureshi", "Dana Whitfield")
    assert dict(attendance.roles)["Lucy Tran"] == "Director of Public Health"


def test_board_decisions_in_every_form(board: ParsedStructure) -> None:
    decisions = {
        item.number: [d.start_line for d in item.decisions]
        for item in meetings(board, "minutes")[0].minutes
    }
    assert decisions == {
        "45": [],
        "46": [],
        "47": [line_of(BOARD, "AGREED: that the minutes")],
        "48": [line_of(BOARD, "The Board agreed that")],
        "49": [line_of(BOARD, "It was agreed that")],
        "50": [line_of(BOARD, "AGREED –")],
        "51": [line_of(BOARD, "RESOLVED that the pharm")],
        "52": [],
    }
    item = meetings(board, "minutes")[0].minutes[3]
    [action] = item.actions
    assert action.owner == "Lucy Tran"
    assert action.text.startswith("A summary of the consultation responses")


def test_board_reports_after_blank_pages(board: ParsedStructure) -> None:
    reports = [(s.title, s.start_line) for s in board.sections if s.kind == "report"]
    assert reports == [
        ("Better Care Fund Plan 2019/20", line_of(BOARD, "Better Care Fund Plan 2019/20")),
        ("Suicide Prevention Action Plan", line_of(BOARD, "Suicide Prevention Action Plan")),
    ]


# ----- a scrutiny committee: "(Pages 13 - 40)", TO NOTE, running headers, a stray date


SCRUTINY = "calderbridge-scrutiny-2019-05.txt"


@pytest.fixture(scope="module")
def scrutiny() -> ParsedStructure:
    return parsed(SCRUTINY)


def test_scrutiny_agenda_groups_and_contacts(scrutiny: ParsedStructure) -> None:
    [notice] = meetings(scrutiny, "notice")
    assert notice.body == "Adults Health and Social Care Scrutiny Committee"
    assert (notice.date, notice.time, notice.venue) == (
        "2019-05-14",
        "18:30",
        "Room 4, Calderbridge Town Hall",
    )
    assert notice.members[:2] == ("Councillor Ruth Askew", "Councillor Dev Sandhu")
    assert notice.members[-1] == "Alan Greaves"
    agenda = {a.number: a for a in notice.agenda}
    assert [(n, a.pages) for n, a in agenda.items()] == [
        ("1", None), ("2", None), ("3", (1, 8)), ("4", None),
        ("5", (13, 40)), ("6", (41, 52)), ("7", (53, 56)), ("8", (57, 60)),
    ]  # fmt: skip
    assert agenda["5"].title == "Adult Social Care Performance Report"
    assert agenda["5"].contact == "Imogen Fairley, Head of Performance"
    assert (agenda["6"].group, agenda["7"].group, agenda["8"].group) == (None, "TO NOTE", "TO NOTE")


def test_scrutiny_minutes_survive_page_furniture(scrutiny: ParsedStructure) -> None:
    [minutes] = meetings(scrutiny, "minutes")
    assert (minutes.body, minutes.date) == (
        "Adults Health and Social Care Scrutiny Committee",
        "2019-03-12",
    )
    assert [(i.number, i.title) for i in minutes.minutes] == [
        ("12", "Apologies"), ("13", "Declarations of Interest"), ("14", "Minutes"),
        ("15", "Carers Strategy Update"), ("16", "Work Programme"),
    ]  # fmt: skip
    carers = minutes.minutes[3]
    [decision] = carers.decisions
    assert decision.start_line == line_of(SCRUTINY, "RESOLVED:")
    assert decision.text.endswith("be provided to members.")
    assert "Page 2" not in decision.text and "Calderbridge Council" not in decision.text
    [action] = carers.actions
    assert (action.owner, action.due) == ("Kofi Mensah", "2019-04-30")
    assert [d.start_line for d in minutes.minutes[2].decisions] == [
        line_of(SCRUTINY, "Resolved that")
    ]
    assert minutes.attendance.present[-1] == "Alan Greaves"
    assert minutes.attendance.in_attendance == ("Imogen Fairley", "Kofi Mensah")


def test_scrutiny_cover_sheet_date_mismatch(scrutiny: ParsedStructure) -> None:
    [finding] = scrutiny.findings
    assert finding.kind == "date_mismatch"
    assert finding.start_line == line_of(SCRUTINY, "Date: 21 May 2019")
    assert finding.other_line == line_of(SCRUTINY, "Date: Tuesday 14 May 2019")
    covers = [(s.title, s.start_line) for s in scrutiny.sections if s.kind == "cover_sheet"]
    assert covers == [
        ("Adult Social Care Performance Report", line_of(SCRUTINY, "Agenda Item 5")),
        ("Reablement Service Review", line_of(SCRUTINY, "Agenda Item 6")),
    ]


def test_scrutiny_running_headers_and_blank_pages_stay_out(scrutiny: ParsedStructure) -> None:
    furniture = ("Page ", "This page is intentionally", "Calderbridge Council – Adults")
    for meeting in scrutiny.meetings:
        for agenda_item in meeting.agenda:
            assert not (agenda_item.purpose or "").startswith(furniture)
        for item in meeting.minutes:
            assert not any(part in item.title for part in furniture)
            for decision in item.decisions:
                assert not any(part in decision.text for part in furniture)


@pytest.mark.parametrize("name", [CABINET, BOARD, SCRUTINY])
def test_fixture_packs_are_recognised(name: str) -> None:
    assert PARSER.recognise(normalise(read_document(FIXTURES / name))) >= 0.6


# ----- minutes alone, as a PDF gives them: no blank lines, wrapped sentences, a table


MINUTES_ONLY = "fenmarsh-adults-committee-minutes-2020-01.txt"


@pytest.fixture(scope="module")
def minutes_only() -> ParsedStructure:
    return parsed(MINUTES_ONLY)


def test_minutes_alone_are_a_pack_without_a_notice(minutes_only: ParsedStructure) -> None:
    assert PARSER.recognise(normalise(read_document(FIXTURES / MINUTES_ONLY))) > 0.5
    [minutes] = minutes_only.meetings
    assert minutes.role == "minutes"
    assert (minutes.body, minutes.date, minutes.time) == (
        "Adult Care and Health Committee",
        "2020-01-15",
        "10:00",
    )
    assert minutes.venue == "Fenmarsh House, Quay Street"
    assert minutes_only.council == "Fenmarsh District Council"
    assert len(minutes.attendance.present) == 4
    assert minutes.attendance.in_attendance == ("Tariq Shah", "Bethan Lowe")
    assert minutes.attendance.apologies == ("Councillor Ian Frost",)


def test_minutes_alone_decisions_inline_and_in_tables(minutes_only: ParsedStructure) -> None:
    items = {item.number: item for item in minutes_only.meetings[0].minutes}
    assert list(items) == ["12", "13", "14", "15", "16"]
    assert items["12"].title == "Minutes"  # the decision run into the title line is cut off
    assert [d.start_line for d in items["12"].decisions] == [line_of(MINUTES_ONLY, "Minute 12")]
    [inline] = items["14"].decisions
    assert inline.text.startswith("it was RESOLVED that")
    assert [d.text.split()[0] for d in items["15"].decisions] == ["RECOMMENDED"]
    assert [d.start_line for d in items["16"].decisions] == [line_of(MINUTES_ONLY, "16.2")]
    [action] = items["15"].actions
    assert (action.owner, action.due) == ("Tariq Shah", "2020-02-28")


def test_minutes_end_where_the_meeting_closed(minutes_only: ParsedStructure) -> None:
    minutes = next(s for s in minutes_only.sections if s.kind == "minutes")
    report = next(s for s in minutes_only.sections if s.kind == "report")
    assert minutes.end_line == line_of(MINUTES_ONLY, "Signed")
    assert report.start_line == line_of(MINUTES_ONLY, "Home Care Recommissioning")
    assert minutes_only.meetings[0].minutes[-1].end_line == line_of(MINUTES_ONLY, "Signed")


def test_a_report_written_for_another_body_keeps_its_date(tmp_path: Path) -> None:
    pack = tmp_path / "pack.txt"
    pack.write_text(
        "Notice of Meeting\n\nThe Fenmarsh Scrutiny Board will meet in Room 2 at 10.00 am on "
        "Monday 3 February 2020.\n\nAgenda\n\n1. Apologies\n\n"
        "2. Day Services Review (Pages 1 - 9)\n\n"
        "This page is intentionally left blank\n\nReport to: Cabinet\n\nDate: 14 January 2020\n\n"
        "Report title: Day Services Review\n\n1. Purpose\n\n1.1 To describe the review.\n",
        encoding="utf-8",
    )
    parsed_pack = PARSER.parse(normalise(read_document(pack)))
    assert [s.kind for s in parsed_pack.sections if s.level == 1] == ["notice", "cover_sheet"]
    assert parsed_pack.findings == ()


def test_reports_that_follow_minutes_on_the_same_page(tmp_path: Path) -> None:
    pack = tmp_path / "pack.txt"
    pack.write_text(
        "Notice of Meeting\nFenmarsh Scrutiny Board\nMonday 2 March 2020 at 2pm\nAgenda\n"
        "1: Minutes of the Previous Meeting\n1 - 3\n"
        "2: Carers Breaks Review\n4 - 9\n"
        "3: Fenmarsh Safeguarding Adults Board Annual Report 2019/20\n10 - 20\n"
        "FENMARSH DISTRICT COUNCIL\nFENMARSH SCRUTINY BOARD\nMonday 3 February 2020\n"
        "Present: Councillor Ada Shore (Chair)\nCouncillor Ben Tull\n"
        "1 Minutes of the Previous Meeting\nRESOLVED - That the minutes be approved.\n"
        "2 Day Opportunities\nRESOLVED - That the update be noted.\n"
        "Report to Fenmarsh Scrutiny Board\nTitle: Carers Breaks Review\n"
        "Report of: Director of Adult Care\n1. Purpose\n1.1 To set out the review.\n"
        "Fenmarsh Safeguarding Adults Board Annual Report 2019/20\n"
        "The Board received more concerns this year.\n",
        encoding="utf-8",
    )
    parsed_pack = PARSER.parse(normalise(read_document(pack)))
    top = [(s.kind, s.start_line, s.end_line) for s in parsed_pack.sections if s.level == 1]
    assert top == [
        ("notice", 1, 10),
        ("minutes", 11, 19),
        ("cover_sheet", 20, 24),
        ("report", 25, 26),
    ]
    [minutes] = meetings(parsed_pack, "minutes")
    assert [(i.number, len(i.decisions)) for i in minutes.minutes] == [("1", 1), ("2", 1)]


def test_running_header_joined_into_a_paragraph_is_cut_out() -> None:
    from assure.document import CleanLine, CleanText, Format, SourceDocument, SourceLine

    written = [
        "Present: Councillor Ada Shore (Chair)",
        "4 Day Opportunities",
        "RESOLVED - That the day opportunities",
        "Fenmarsh Scrutiny Board - 3 February 2020",
        "review be noted.",
        "5 Work Programme",
        "Fenmarsh Scrutiny Board - 3 February 2020",
        "RESOLVED - That the programme be agreed.",
    ]
    source = SourceDocument(
        path="joined.txt",
        format=Format.TEXT,
        content_hash="0" * 64,
        size=1,
        lines=tuple(SourceLine(n, t) for n, t in enumerate(written, 1)),
    )
    # A normaliser that joined the wrapped decision, running header and all.
    clean = (
        CleanLine(1, 1, written[0]),
        CleanLine(2, 2, written[1]),
        CleanLine(3, 5, " ".join(written[2:5])),
        CleanLine(6, 6, written[5]),
        CleanLine(8, 8, written[7]),
    )
    parsed_pack = PARSER.parse(CleanText(source=source, lines=clean))
    [minutes] = parsed_pack.meetings
    decision = minutes.minutes[0].decisions[0]
    assert decision.start_line == 3
    assert decision.text == "RESOLVED - That the day opportunities review be noted."
