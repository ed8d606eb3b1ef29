"""Storage: what goes in comes back out, per council, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from assure.extracting.deadlines import meeting_deadlines
from assure.storing import ActionFilter, Library, MeetingFilter, UnknownDocument
from assure.structure import (
    Action,
    AgendaItem,
    Attendance,
    Comparator,
    Decision,
    Finding,
    Meeting,
    Metric,
    MinuteItem,
    Plan,
    PlanAction,
    Priority,
    StatementLabel,
    SuccessMeasure,
    Vote,
)

EAST = ["Eastmoor Council"]
WEST = ["Westvale Council"]
BOTH = [*EAST, *WEST]

CARE = {
    "Assessing needs": [
        "People told us that their care assessments in Eastmoor were timely and respectful.",
        "Direct payments are offered to every person who is eligible for support at home.",
    ],
    "Safeguarding": [
        "The safeguarding board met four times and reviewed every concern within two days.",
    ],
}
PACK = CARE | {
    "Carers": [
        "Carers in Eastmoor asked for more breaks; the board agreed to fund a respite pilot.",
        "Uptake of carers breaks will be reported to the board at its next meeting.",
        "The refreshed strategy will be published on the council website in the spring.",
    ]
}


def notice_and_minutes() -> tuple[Meeting, ...]:
    notice = Meeting(
        body="Adult Social Care Scrutiny Panel",
        date="2025-03-12",
        start_line=2,
        time="14:00",
        venue="Committee Room 2, Eastmoor Civic Centre",
        members=("Councillor A Patel (Chair)", "Councillor B Okafor"),
        agenda=(
            AgendaItem("1", "Apologies for absence", None, start_line=3),
            AgendaItem(
                "5", "Carers strategy refresh", (7, 18), "For decision", "J Moss", "TO DECIDE", 5
            ),
        ),
        role="notice",
    )
    minutes = Meeting(
        body="Health and Wellbeing Board",
        date="2025-01-20",
        start_line=8,
        end_line=12,
        attendance=Attendance(("Cllr Patel", "Cllr Okafor"), ("Cllr Ruiz",), ("J Moss",)),
        minutes=(
            MinuteItem(
                "12",
                "Carers strategy",
                8,
                12,
                decisions=(Decision("RESOLVED that the strategy be approved.", 9),),
                actions=(
                    Action("Report uptake of carers breaks", 10, "J Moss", "2025-02-28"),
                    Action("Publish the strategy online", 11, "Communications team", None),
                ),
                votes=(
                    Vote(
                        9,
                        "That the strategy be approved",
                        for_count=2,
                        against_count=1,
                        abstain_count=0,
                        for_names=("Cllr Patel", "Cllr Okafor"),
                        against_names=("Cllr Ruiz",),
                        carried=True,
                    ),
                ),
            ),
        ),
    )
    return notice, minutes


def test_stored_document_keeps_its_details_and_is_found_by_reference(library, fictional):
    parsed, lines = fictional.text("Eastmoor self assessment", CARE, kind="self_assessment")
    stored = library.add(parsed, "Eastmoor Council", lines)

    (doc,) = library.documents(EAST)
    assert (doc.id, doc.council, doc.kind, doc.lines, doc.pages, doc.passages) == (
        stored,
        "Eastmoor Council",
        "self_assessment",
        len(lines),
        lines[-1].page,
        3,
    )
    assert doc.ingested_at.utcoffset() is not None  # a moment in UTC on every engine
    assert library.document(str(stored), EAST) == doc
    assert library.document(parsed.content_hash[:8], EAST) == doc
    assert library.document("SELF ASSESS", EAST) == doc
    assert library.documents(WEST) == []
    with pytest.raises(UnknownDocument, match="no stored document"):
        library.document("nothing like this", EAST)


def test_same_content_is_stored_once_per_council(library, fictional):
    parsed, lines = fictional.text("Eastmoor self assessment", CARE)
    first = library.add(parsed, "Eastmoor Council", lines)
    assert library.add(parsed, "Eastmoor Council", lines) is None
    other = library.add(parsed, "Westvale Council", lines)

    assert first is not None and other is not None and other != first
    assert [d.council for d in library.documents(BOTH)] == ["Eastmoor Council", "Westvale Council"]
    assert len(library.documents(EAST)) == 1
    assert library.documents([]) == []


def test_a_document_that_fails_to_store_leaves_nothing(library, fictional):
    parsed, lines = fictional.text("Eastmoor self assessment", CARE)
    broken_lines = (*lines, lines[0])  # line 1 twice: the primary key refuses it at the end
    with pytest.raises(Exception, match=r"(?i)unique|duplicate"):
        library.add(parsed, "Eastmoor Council", broken_lines)

    assert library.documents(EAST) == []
    assert library.councils() == []
    assert library.search("safeguarding", EAST) == []
    assert library.add(parsed, "Eastmoor Council", lines) is not None


def test_reopening_keeps_what_was_stored(settings, fictional):
    parsed, lines = fictional.text("Eastmoor self assessment", CARE)
    with Library(settings) as library:
        library.add(parsed, "Eastmoor Council", lines)
    with Library(settings) as library:
        assert [d.title for d in library.documents(EAST)] == ["Eastmoor self assessment"]
        assert library.add(parsed, "Eastmoor Council", lines) is None


def test_source_lines_come_back_with_their_pages(library, fictional):
    parsed, lines = fictional.text("Eastmoor self assessment", CARE, lines_per_page=4)
    stored = library.add(parsed, "Eastmoor Council", lines)

    shown = library.lines(stored, 3, 6)
    assert [(x.number, x.page, x.text) for x in shown] == [
        (3, 1, ""),
        (4, 1, CARE["Assessing needs"][0]),
        (5, 2, ""),
        (6, 2, CARE["Assessing needs"][1]),
    ]
    assert [(s.title, s.start_line, s.page) for s in library.sections(stored)] == [
        ("Assessing needs", 2, 1),
        ("Safeguarding", 7, 2),
    ]
    assert library.counts(stored)["passages"] == 3


def test_meetings_come_back_as_they_were_parsed(library, fictional):
    meetings = notice_and_minutes()
    parsed, lines = fictional.text("Eastmoor pack", PACK, kind="committee_pack", meetings=meetings)
    stored = library.add(parsed, "Eastmoor Council", lines)

    found = library.meetings(EAST)
    # by date, with the due dates the pipeline's deadlines stage works out
    assert [r.meeting for r in found] == [meeting_deadlines(m) for m in (meetings[1], meetings[0])]
    assert all(r.document_id == stored for r in found)
    assert (found[1].page, len(found[1].meeting.agenda)) == (1, 2)
    assert (found[0].decisions, found[0].actions) == (1, 2)
    assert [r.meeting.body for r in library.meetings(EAST, MeetingFilter(body="scrutiny"))] == [
        meetings[0].body
    ]
    assert [r.meeting.date for r in library.meetings(EAST, MeetingFilter(since="2025-02-01"))] == [
        "2025-03-12"
    ]


def plan() -> Plan:
    return Plan(
        "Eastmoor improvement plan",
        2,
        priorities=(
            Priority(
                "1",
                "Reduce waiting for assessments",
                3,
                leads=("Head of Assessment",),
                actions=(
                    PlanAction(
                        "Recruit two more assessors",
                        4,
                        ("HR lead",),
                        "Q3 2024/25",
                        "Complete",
                        ("O4",),
                    ),
                    PlanAction("Launch online self-assessment", 5, (), "Q1-Q2 2025/26", "On track"),
                ),
                measures=(SuccessMeasure("Fewer people waiting over 28 days", "down", 6),),
            ),
        ),
    )


def test_actions_from_minutes_and_plans_can_be_tracked(library, fictional):
    parsed, lines = fictional.text(
        "Eastmoor pack", PACK, kind="committee_pack", meetings=notice_and_minutes(), plans=(plan(),)
    )
    library.add(parsed, "Eastmoor Council", lines)

    found = library.actions(EAST)
    assert [(a.source, a.owner, a.due, a.start_line) for a in found] == [
        ("minutes", "J Moss", "2025-02-28", 10),
        ("minutes", "Communications team", None, 11),
        ("plan", "HR lead", "Q3 2024/25", 4),
        ("plan", "Head of Assessment", "Q1-Q2 2025/26", 5),
    ]
    assert found[0].context == "Health and Wellbeing Board 2025-01-20"
    assert found[0].page == 2

    # Q1-Q2 2025/26 ends on 30 September 2025; the complete plan action is not overdue.
    assert [a.due_by for a in found] == ["2025-02-28", None, "2024-12-31", "2025-09-30"]
    assert [a.done for a in found] == [False, False, True, False]
    overdue = library.actions(EAST, ActionFilter(done=False, due_before="2025-10-01"))
    assert [a.text for a in overdue] == [
        "Report uptake of carers breaks",
        "Launch online self-assessment",
    ]
    assert [a.text for a in library.actions(EAST, ActionFilter(owner="moss"))] == [
        "Report uptake of carers breaks"
    ]

    update = library.update_action(found[0].key, "done", True, EAST)
    assert update is not None and update.before is not None
    assert (update.before.status, update.status) == ("open", "done")
    assert [a.text for a in library.actions(EAST, ActionFilter(done=True))] == [
        "Report uptake of carers breaks",
        "Recruit two more assessors",
    ]
    assert library.actions(EAST, ActionFilter(done=False, due_before="2025-03-01")) == []
    assert library.update_action(found[0].key, "open", False, WEST) is None
    assert library.actions(WEST) == []


def test_figures_come_back_and_conflicts_between_documents_name_both_places(library, fictional):
    rate = Comparator("england", 61.0, "England 61%")
    first = Metric(
        "64% of carers",
        64.0,
        "percent",
        4,
        "carers satisfied with support",
        "2023/24",
        "Eastmoor",
        comparators=(rate,),
    )
    # Across documents only figures that say when and where they hold are compared.
    second = Metric(
        "58% of carers", 58.0, "percent", 6, "Carers satisfied with support", "2023/24", "Eastmoor"
    )
    third = Metric(
        "58% of carers", 58.0, "percent", 4, "carers satisfied with support", "2022/23", "Eastmoor"
    )
    a, a_lines = fictional.text("Eastmoor performance report", CARE, metrics=(first,))
    b, b_lines = fictional.text("Eastmoor carers strategy", CARE, metrics=(second, third))
    a_id = library.add(a, "Eastmoor Council", a_lines)
    b_id = library.add(b, "Eastmoor Council", b_lines)

    found = library.metrics(EAST, measure="carers satisfied")
    assert [r.metric for r in found] == [first, third, second]  # by document, then line
    assert [r.metric for r in library.metrics(EAST, period="2022/23")] == [third]

    (conflict,) = [f for f in library.findings(EAST) if f.kind == "conflicting_figure"]
    places = {(x.document_id, x.line, x.page) for x in (conflict.at, conflict.other)}
    assert places == {(a_id, 4, 1), (b_id, 6, 1)}
    assert "64%" in conflict.message and "58%" in conflict.message


def test_findings_stored_with_a_document_keep_their_lines(library, fictional):
    placeholder = Finding("placeholder", "TO BE COMPLETED left in the text", 6)
    parsed, lines = fictional.text("Eastmoor draft", CARE, findings=(placeholder,))
    stored = library.add(parsed, "Eastmoor Council", lines)

    (found,) = library.findings(EAST, cross_document=False)
    assert (found.kind, found.at.document_id, found.at.line, found.at.page) == (
        "placeholder",
        stored,
        6,
        1,
    )


def test_a_correction_replaces_the_machine_labels(library, fictional):
    parsed, lines = fictional.text("Eastmoor self assessment", CARE)
    labelled = parsed.passages[0]
    object.__setattr__(labelled, "qs", (StatementLabel("equity", 0.4, "model"),))
    library.add(parsed, "Eastmoor Council", lines)
    first = next(library.passages(EAST))

    assert first.passage.qs == (StatementLabel("equity", 0.4, "model"),)
    assert library.record_correction(first.id, WEST, ["equity"]) is None  # not Westvale's passage
    library.record_correction(
        first.id,
        EAST,
        ["assessing-needs"],
        category="people's experience",
        stance="strength",
        user="amy",
    )

    again = next(library.passages(EAST))
    assert again.passage.qs == (StatementLabel("assessing-needs", 1.0, "user"),)
    assert (again.passage.category, again.passage.stance) == ("people's experience", "strength")
    (correction,) = library.corrections(EAST)
    assert (correction.passage_id, correction.qs, correction.user) == (
        first.id,
        ("assessing-needs",),
        "amy",
    )
    assert correction.passage_text == CARE["Assessing needs"][0]


def test_self_scores_keep_history_and_the_newest_counts(library):
    library.set_self_score(
        "Eastmoor Council", "safeguarding", 2, "Backlog of enquiries", [], "lead"
    )
    library.set_self_score("Eastmoor Council", "safeguarding", 3, "Backlog cleared", [], "lead")
    library.set_self_score("Eastmoor Council", "equity", 3)

    assert [(s.statement, s.score) for s in library.self_scores("Eastmoor Council")] == [
        ("equity", 3),
        ("safeguarding", 3),
    ]
    assert len(library.self_scores("Eastmoor Council", history=True)) == 3
    assert library.self_scores("Westvale Council") == []
    with pytest.raises(ValueError, match="1 to 4"):
        library.set_self_score("Eastmoor Council", "equity", 5)


def test_queries_see_only_the_council_asked_for(library, fictional):
    east, east_lines = fictional.text("Eastmoor pack", PACK, meetings=notice_and_minutes())
    west, west_lines = fictional.text(
        "Westvale pack", {"Carers": ["Westvale carers praised the respite service they received."]}
    )
    library.add(east, "Eastmoor Council", east_lines)
    library.add(west, "Westvale Council", west_lines)

    assert [h.document_title for h in library.search("carers", WEST)] == ["Westvale pack"]
    assert library.meetings(WEST) == []
    assert len(library.meetings(EAST)) == 2
    assert [p.document_title for p in library.passages(WEST)] == ["Westvale pack"]
    assert library.search("carers", ["Nowhere Council"]) == []
    assert library.search("carers", []) == []
    assert list(library.passages([])) == []


def test_deleting_a_document_removes_it_from_search(library, fictional):
    parsed, lines = fictional.text("Eastmoor self assessment", CARE)
    stored = library.add(parsed, "Eastmoor Council", lines)
    assert library.search("safeguarding", EAST)

    assert library.delete_document(stored, WEST) is None
    assert library.search("safeguarding", EAST)
    assert library.delete_document(stored, EAST) is not None
    assert library.search("safeguarding", EAST) == []
    assert list(library.passages(EAST)) == []


def test_the_migrations_build_exactly_the_schema_the_models_describe(library):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from assure.storing.database import include_object
    from assure.storing.models import Base

    with library.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": include_object})
        assert compare_metadata(context, Base.metadata) == []


def test_conflicts_pair_documents_that_disagree_never_ones_that_agree(library, fictional):
    def figure(value: float, line: int, measure: str = "carers satisfied with support") -> Metric:
        return Metric(f"{value:g}%", value, "percent", line, measure, "2023/24", "Eastmoor")

    values = {"Eastmoor report 0": 64.0, "Eastmoor report 1": 58.0, "Eastmoor report 2": 58.0}
    for n, (title, value) in enumerate(values.items()):
        vague = figure(10.0 + n, 6, measure="score")  # one vague word: never compared
        parsed, lines = fictional.text(title, CARE, metrics=(figure(value, 4), vague))
        library.add(parsed, "Eastmoor Council", lines)

    found = library.findings(EAST)
    assert found and all(f.kind == "conflicting_figure" for f in found)
    for f in found:
        assert values[f.at.document_title] != values[f.other.document_title]
        assert (f.at.line, f.other.line) == (4, 4)
    assert {"Eastmoor report 0", "Eastmoor report 1"} in [
        {f.at.document_title, f.other.document_title} for f in found
    ]


def test_a_database_from_before_the_members_table_keeps_its_members(settings):
    """Migration 0003 moves each meeting's members out of a JSON list into rows."""
    from datetime import UTC, datetime

    import sqlalchemy as sa
    from alembic import command

    from assure.storing.database import alembic_config, open_engine

    engine = open_engine(settings.resolved_database_url, upgrade=False)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0002")
    now = datetime.now(UTC)
    councils = sa.table("councils", sa.column("id"), sa.column("name"), sa.column("created_at"))
    documents = sa.table(
        "documents",
        *(sa.column(c) for c in ("id", "council_id", "content_hash", "kind", "source_path")),
        *(sa.column(c) for c in ("format", "lines", "status", "ingested_at")),
        sa.column("warnings", sa.JSON),
    )
    meetings = sa.table(
        "meetings",
        *(sa.column(c) for c in ("id", "document_id", "role", "body", "date", "start_line")),
        sa.column("members", sa.JSON),
    )
    with engine.begin() as connection:
        connection.execute(councils.insert().values(id=1, name="Eastmoor Council", created_at=now))
        connection.execute(
            documents.insert().values(
                id=1, council_id=1, content_hash="ab" * 32, kind="committee_pack",
                source_path="pack.txt", format="text", lines=40, status="stored",
                ingested_at=now, warnings=[],
            )
        )  # fmt: skip
        connection.execute(
            meetings.insert().values(
                id=1, document_id=1, role="notice", body="Scrutiny Panel", date="2025-03-12",
                start_line=2, members=["Cllr Patel", "Cllr Okafor"],
            )
        )  # fmt: skip
    engine.dispose()

    with Library(settings) as library:
        (found,) = library.meetings(EAST)
        assert found.meeting.members == ("Cllr Patel", "Cllr Okafor")
