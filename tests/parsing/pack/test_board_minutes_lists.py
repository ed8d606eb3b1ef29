"""A board's minutes headed only by the council, the board and the date, with
attendance as bullet lists under labels in bold (markdown "**" and HTML
remnants), inside the board's next pack.

Invented in the layout of a health and wellbeing board pack as a converter
leaves it: a notice with bold field labels and an agenda with page ranges,
then the previous minutes: no "Minutes of ..." line, a label wrapped over two
lines ("Present – Board Members" / "and Substitutes:"), a name wrapped inside
a bullet ("Tom" / "Byrne, Director ..."), bold numbered minute titles, a
narrative "The Board agreed that ..." beside the real "Decision:", "RESOLVED:"
over a numbered list, "AGREED:" and "Action:" lines. The expectations were
written before the parser was run on it.
"""

from __future__ import annotations

from assure.structure import DocumentKind

PACK = "northbrook-hwb-pack-2025-01.txt"


def test_the_pack_gives_its_notice_and_the_boards_minutes(parsed, only) -> None:
    kind, structure = parsed(PACK)
    assert kind is DocumentKind.COMMITTEE_PACK
    notice = only(structure, "notice")
    assert notice.body == "Northbrook Health and Wellbeing Board"
    assert (notice.date, notice.time) == ("2025-01-16", "14:00")
    assert notice.venue is not None and notice.venue.startswith("Committee Room 1")
    assert [(a.number, a.pages) for a in notice.agenda] == [
        ("1", None), ("2", None), ("3", (1, 6)), ("4", (7, 30)), ("5", (31, 44)), ("6", (45, 48)),
    ]  # fmt: skip
    minutes = only(structure, "minutes")
    assert minutes.body == "Health and Wellbeing Board"
    assert minutes.date == "2024-11-07"


def test_bullet_lists_under_bold_labels_give_the_attendance(parsed, only) -> None:
    attendance = only(parsed(PACK)[1], "minutes").attendance
    assert attendance.present == (
        "Councillor Joan Feld",
        "Councillor Amir Rahman",
        "Councillor Priya Lal",
        "Dr Siobhan Keane",
        "Paul Ostrowski",
        "Tom Byrne",
    )
    assert attendance.apologies == ("Councillor Martin Hale", "Gillian Asante")
    assert attendance.in_attendance == ("Rachel Dunn", "Imran Qureshi")
    roles = dict(attendance.roles)
    assert roles["Tom Byrne"] == "Director of Adult Social Services"
    assert roles["Councillor Priya Lal"] == "substitute for Councillor Martin Hale"


def test_bold_numbered_titles_are_the_minute_items(parsed, only) -> None:
    items = only(parsed(PACK)[1], "minutes").minutes
    assert [(i.number, i.title) for i in items] == [
        ("1", "Welcome and Apologies"),
        ("2", "Declarations of Interest"),
        ("3", "Minutes of the Previous Meeting"),
        ("4", "Pharmaceutical Needs Assessment 2025"),
        ("5", "Better Care Fund Quarter 2 Return"),
        ("6", "Children and Young People's Mental Health"),
        ("7", "Any Other Business"),
    ]
    assert [len(i.decisions) for i in items] == [0, 0, 1, 1, 1, 1, 0]
    assessment = items[3]
    assert assessment.decisions[0].text.startswith("Decision:")  # not "agreed ... useful"


def test_actions_with_owners_and_only_the_due_dates_written(parsed, only) -> None:
    items = only(parsed(PACK)[1], "minutes").minutes
    assert [(a.owner, a.due) for a in items[3].actions] == [("Imran Qureshi", "2024-12-06")]
    assert [(a.owner, a.due) for a in items[4].actions] == [
        ("Director of Adult Social Services", "March 2025")
    ]
    (update,) = items[5].actions
    assert update.owner is None
    assert all(item.actions == () for item in (items[0], items[1], items[2], items[6]))


BOARD = "medwell-hwb-minutes-2024-11.txt"


def test_minutes_headed_by_council_board_and_date_with_html_labels(parsed, only) -> None:
    """Capitals for the council and the board, the date alone, "<b>Present:</b>"
    over "•" bullets (one name wrapped inside its bullet), numbered minutes with
    numbered points inside them, and a narrative agreement beside the decision.
    (A trial on a layout the rules were not made on: it found bullets kept in
    names and a name with a long role dropped.)"""
    kind, structure = parsed(BOARD)
    assert kind is DocumentKind.COMMITTEE_PACK
    minutes = only(structure, "minutes")
    assert (minutes.body, minutes.date) == ("Health and Wellbeing Board", "2024-11-05")
    attendance = minutes.attendance
    assert attendance.present == (
        "Councillor Ann Dale", "Councillor Tom Byrne", "Dr Lena Park", "Jill Moss",
    )  # fmt: skip
    assert attendance.in_attendance == ("Sam Reed",)
    assert attendance.apologies == ("Councillor Peter Hale",)
    assert [(i.number, len(i.decisions)) for i in minutes.minutes] == [
        ("1", 0), ("2", 1), ("3", 1), ("4", 1),
    ]  # fmt: skip
    assert minutes.minutes[3].decisions[0].text.startswith("AGREED")
    (report_back,) = minutes.minutes[2].actions
    assert (report_back.owner, report_back.due) == ("Director of Public Health", "March 2025")
