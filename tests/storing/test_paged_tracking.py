"""Meetings and actions a page at a time, chosen in the database: a council's
actions from minutes and plans come in one order across both sources, each
exactly once however the list is cut, with the same filters and a total, on
SQLite and PostgreSQL."""

from __future__ import annotations

from assure.storing import ActionFilter, Library, MeetingFilter
from assure.structure import Action, Meeting, MinuteItem, Plan, PlanAction, Priority

EAST = ["Eastmoor Council"]
WEST = ["Westvale Council"]
BOTH = [*EAST, *WEST]
TEXT = {"Overview": ["The board met and agreed actions."]}


def minutes(body: str, date: str, first_line: int, owners: list[str | None]) -> Meeting:
    """Minutes of one meeting with an action per owner, a line apart."""
    actions = tuple(
        Action(f"{body} action {n}", first_line + n, owner, "2025-02-28" if n % 2 else None)
        for n, owner in enumerate(owners)
    )
    item = MinuteItem("1", "Actions", first_line, first_line + len(owners), actions=actions)
    return Meeting(body, date, first_line - 1, minutes=(item,))


def plan(title: str, first_line: int, leads: list[tuple[str, ...]]) -> Plan:
    """A plan with one priority (led by the Head of Assessment) and an action
    per entry of ``leads``; the first is delivered."""
    actions = tuple(
        PlanAction(
            f"{title} action {n}",
            first_line + n,
            owners,
            "Q1 2025/26",
            "Complete" if n == 0 else "On track",
        )
        for n, owners in enumerate(leads)
    )
    lead = ("Head of Assessment",)
    return Plan(
        title, first_line - 2, (Priority("1", "Waiting times", first_line - 1, (), lead, actions),)
    )


def store(library: Library, fictional, council: str, title: str, **parts) -> int:
    parsed, lines = fictional.text(f"{council} {title}", TEXT, kind="committee_pack", **parts)
    stored = library.add(parsed, council, lines)
    assert stored is not None
    return stored


def tracked(library: Library, fictional) -> dict[str, int]:
    """Eastmoor: a pack with minutes and a plan, a plan alone, then minutes
    alone; Westvale's minutes beside them (never listed for Eastmoor)."""
    return {
        "pack": store(
            library, fictional, "Eastmoor Council", "pack",
            meetings=(minutes("Scrutiny Panel", "2025-03-12", 20, ["J Moss", None, "Comms"]),),
            plans=(plan("Pack plan", 40, [("HR lead",), ()]),),
        ),
        "west": store(
            library, fictional, "Westvale Council", "minutes",
            meetings=(minutes("Westvale Board", "2025-01-01", 20, ["J Moss"]),),
        ),
        "plan": store(
            library, fictional, "Eastmoor Council", "plan",
            plans=(plan("Own plan", 10, [(), ("Finance lead", "J Moss"), ()]),),
        ),
        "board": store(
            library, fictional, "Eastmoor Council", "board",
            meetings=(minutes("Cabinet", "2025-01-20", 5, ["Director", "J Moss"]),),
        ),
    }  # fmt: skip


def keys(found) -> list[tuple[str, str]]:
    return [(a.source, a.text) for a in found]


def test_a_councils_actions_page_through_both_sources_once_each_in_order(library, fictional):
    tracked(library, fictional)
    expected = [  # minutes, then plans; each by document, then line
        ("minutes", "Scrutiny Panel action 0"),
        ("minutes", "Scrutiny Panel action 1"),
        ("minutes", "Scrutiny Panel action 2"),
        ("minutes", "Cabinet action 0"),
        ("minutes", "Cabinet action 1"),
        ("plan", "Pack plan action 0"),
        ("plan", "Pack plan action 1"),
        ("plan", "Own plan action 0"),
        ("plan", "Own plan action 1"),
        ("plan", "Own plan action 2"),
    ]
    assert keys(library.actions(EAST)) == expected
    assert library.count_actions(EAST) == len(expected)
    for size in (1, 3, 4, 10, 25):
        pages = [
            library.actions(EAST, limit=size, offset=start)
            for start in range(0, len(expected), size)
        ]
        assert keys(a for page in pages for a in page) == expected
        assert all(len(page) == min(size, len(expected) - n * size) for n, page in enumerate(pages))
    assert library.actions(EAST, limit=5, offset=len(expected)) == []
    assert library.count_actions(WEST) == 1 and keys(library.actions(WEST)) == [
        ("minutes", "Westvale Board action 0")
    ]


def test_filters_are_the_same_paged_and_counted(library, fictional):
    stored = tracked(library, fictional)
    # a plan's action without leads of its own falls to its priority's lead
    owners = {a.text: a.owner for a in library.actions(EAST, ActionFilter(document=stored["plan"]))}
    assert owners == {
        "Own plan action 0": "Head of Assessment",
        "Own plan action 1": "Finance lead, J Moss",
        "Own plan action 2": "Head of Assessment",
    }
    cases = [
        ({"owner": "moss"}, 3),  # minutes' owners and a plan's leads, any case
        ({"owner": "head of"}, 3),  # a plan's priority lead
        ({"done": True}, 2),
        ({"done": False, "due_before": "2025-03-01"}, 2),
        ({"document": stored["pack"]}, 5),
        ({"document": stored["west"]}, 0),  # another council's document
    ]
    for filters, count in cases:
        which = ActionFilter(**filters)
        every = library.actions(EAST, which)
        assert len(every) == count == library.count_actions(EAST, which), filters
        halves = library.actions(EAST, which, limit=2) + library.actions(
            EAST, which, limit=10, offset=2
        )
        assert keys(halves) == keys(every), filters
    (one,) = library.actions(EAST, ActionFilter(owner="head of"), limit=1, offset=1)
    assert one.text == "Own plan action 0"


def test_one_action_by_its_key_from_either_source(library, fictional):
    tracked(library, fictional)
    for action in library.actions(EAST):
        assert library.actions(EAST, ActionFilter(key=action.key)) == [action]
        assert library.actions(WEST, ActionFilter(key=action.key)) == []


def test_meetings_page_by_date_and_backwards(library, fictional):
    tracked(library, fictional)
    dates = [r.meeting.date for r in library.meetings(EAST)]
    assert dates == ["2025-01-20", "2025-03-12"] and library.count_meetings(EAST) == 2
    newest = library.meetings(EAST, newest_first=True, limit=1)
    assert [r.meeting.date for r in newest] == ["2025-03-12"]
    rest = library.meetings(EAST, newest_first=True, limit=1, offset=1)
    assert [r.meeting.date for r in rest] == ["2025-01-20"]
    assert library.count_meetings(EAST, MeetingFilter(body="cabinet")) == 1
    assert library.count_meetings(EAST, MeetingFilter(since="2025-02-01")) == 1
    assert library.count_meetings(BOTH) == 3
    assert [r.meeting.body for r in library.meetings(BOTH, limit=2)] == [
        "Westvale Board",
        "Cabinet",
    ]


def test_a_database_from_before_plan_owners_gets_them_filled_in(settings, fictional):
    """Migration 0014 stores each plan action's owner for the rows already there."""
    import sqlalchemy as sa
    from alembic import command

    from assure.storing.database import alembic_config, open_engine

    with Library(settings) as library:
        stored = tracked(library, fictional)
    engine = open_engine(settings.resolved_database_url, upgrade=False)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0013_fts_per_document")
        columns = {c["name"] for c in sa.inspect(connection).get_columns("plan_actions")}
        assert "owner" not in columns
    engine.dispose()

    with Library(settings) as library:
        found = library.actions(EAST, ActionFilter(owner="head of"))
        assert [a.text for a in found] == [
            "Pack plan action 1",
            "Own plan action 0",
            "Own plan action 2",
        ]
        assert [a.document_id for a in found] == [stored["pack"], stored["plan"], stored["plan"]]
        assert library.count_actions(EAST, ActionFilter(owner="lead")) == 2
