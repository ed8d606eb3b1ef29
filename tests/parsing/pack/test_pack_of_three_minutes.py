"""A committee's pack that carries three sets of minutes, each in a layout of
its own: the committee's previous minutes as a committee system prints them
("(Item N)" tags), a sub-board's minutes headed by council, board and date with
bold labels over bullets, and a panel's minutes with one name a line and
"RESOLVED –" over numbered points. Each page is stamped "Agenda Item N" above
and "Page n" below. Invented; the expectations are what a reader writes down
(a first trial run of the parser missed the notice's venue, a role and the
sub-board's noting, which led to the rules these tests now hold).
"""

from __future__ import annotations

PACK = "harlow-vale-asc-committee-pack-2025-03.txt"

SETS = [  # body, date, [(number, decisions)]
    (
        "Adult Social Care Cabinet Committee",
        "2025-01-15",
        [("41", 0), ("42", 0), ("43", 1), ("44", 1), ("45", 1)],
    ),
    (
        "Adult Safeguarding Sub-Board",
        "2025-02-04",
        [("1", 0), ("2", 1), ("3", 1), ("4", 1), ("5", 0)],
    ),
    ("Carers Partnership Panel", "2025-02-20", [("1", 0), ("2", 1), ("3", 1)]),
]


def test_the_notice_and_each_set_of_minutes_are_meetings(parsed, only) -> None:
    structure = parsed(PACK)[1]
    notice = only(structure, "notice")
    assert (notice.body, notice.date, notice.time) == (
        "Adult Social Care Cabinet Committee",
        "2025-03-12",
        "10:00",
    )
    assert notice.venue == "Council Chamber, Civic Hall, Harlow Vale"
    assert [a.pages for a in notice.agenda][3:] == [(1, 6), (7, 10), (11, 14), (15, 16)]
    minutes = [m for m in structure.meetings if m.role == "minutes"]
    assert [(m.body, m.date) for m in minutes] == [(body, date) for body, date, _ in SETS]


def test_every_minute_item_and_decision_of_the_three_sets(parsed) -> None:
    minutes = [m for m in parsed(PACK)[1].meetings if m.role == "minutes"]
    found = [[(i.number, len(i.decisions)) for i in m.minutes] for m in minutes]
    assert found == [items for *_, items in SETS]


def test_attendance_and_actions_of_each_set(parsed) -> None:
    committee, board, panel = [m for m in parsed(PACK)[1].meetings if m.role == "minutes"]
    assert committee.attendance.present == (
        "Mr T Fox", "Mrs A Green", "Mr B Hale", "Ms C Irving", "Mr D Jones", "Mrs E King",
    )  # fmt: skip
    assert committee.attendance.apologies == ("Mr J Owen",)
    assert committee.attendance.in_attendance == ("Mr F Lane", "Ms G Moore", "Mr H Nash")
    assert board.attendance.present == ("Ms G Moore", "Dr R Shah", "Detective Inspector S Tate")
    assert board.attendance.apologies == ("Mr U Vance",)
    assert panel.attendance.present == ("Councillor W Xu", "Councillor Y Young", "Zara Adams")
    assert panel.attendance.in_attendance == ("Bella Ford",)
    assert all(item.actions == () for item in committee.minutes)
    assert [(a.owner, a.due) for i in board.minutes for a in i.actions] == [
        ("Ms Moore", "2025-02-28")
    ]
    assert [(a.owner, a.due) for i in panel.minutes for a in i.actions] == [(None, "July 2025")]
