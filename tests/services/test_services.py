"""The application layer as every interface meets it: council scope enforced in
the services, roles checked, every change audited with before and after, on
SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

from assure.ingest.job import IngestJob
from assure.services import (
    Forbidden,
    InvalidRequest,
    NoScope,
    NotFound,
    Role,
    Scope,
    assessment,
    classifier,
    documents,
    evidence,
    plans,
    search,
    searching,
    tracking,
)
from assure.services.application import Application
from assure.services.audit import log

NORTH = "Northfield Borough Council"
SOUTH = "Southmere District Council"


@pytest.fixture()
def app(library, settings, examples):
    """Northfield holds the example pack and plan; Southmere the self-assessment."""
    job = IngestJob(library, settings)
    north = job.run(
        [
            examples / "northfield-adults-scrutiny-pack-2025-03.pdf",
            examples / "northfield-asc-improvement-plan-2025.docx",
        ],
        NORTH,
    )
    south = job.run([examples / "northfield-asc-self-assessment-2024.docx"], SOUTH)
    assert north.ok and south.ok
    return Application(settings, library)


def viewer(council: str) -> Scope:
    return Scope(user="viewer@example.org", grants={council: Role.VIEWER})


def editor(council: str) -> Scope:
    return Scope(user="editor@example.org", grants={council: Role.EDITOR})


def test_nothing_runs_without_a_scope(app) -> None:
    empty = Scope(user="nobody@example.org")
    with pytest.raises(NoScope):
        documents.list_documents(app, empty)
    with pytest.raises(NoScope):
        search.search(app, empty, "carers")
    with pytest.raises(NoScope):
        tracking.actions(app, empty)


def test_a_user_sees_only_their_councils_documents_and_another_councils_are_not_found(
    app,
) -> None:
    north = documents.list_documents(app, viewer(NORTH)).items
    south = documents.list_documents(app, viewer(SOUTH)).items
    assert {d.council for d in north} == {NORTH} and len(north) == 2
    assert {d.council for d in south} == {SOUTH} and len(south) == 1
    with pytest.raises(NotFound):
        documents.get_document(app, viewer(NORTH), south[0].id)
    with pytest.raises(NotFound):
        documents.document_lines(app, viewer(NORTH), south[0].id, 1, 3)
    hits = search.search(app, viewer(NORTH), "direct payments")
    assert hits and {h.council for h in hits} == {NORTH}
    passage = search.search(app, viewer(SOUTH), "direct payments")[0].passage_id
    with pytest.raises(NotFound):
        evidence.get_passage(app, viewer(NORTH), passage)
    with pytest.raises(NotFound):  # naming a council outside the scope is the same as none
        documents.list_documents(app, viewer(NORTH), council=SOUTH)


def test_search_filters_by_kind_and_date_and_refuses_a_date_that_is_not_a_day(app) -> None:
    scope = viewer(NORTH)
    packs = searching.filtered_search(app, scope, "direct payments", kind="committee_pack")
    assert packs.items and packs.total == len(packs.items)
    plans = searching.filtered_search(app, scope, "direct payments", kind="improvement_plan")
    assert not {h.passage_id for h in packs.items} & {h.passage_id for h in plans.items}
    assert searching.filtered_search(app, scope, "direct payments", since="2099-01-01").total == 0
    for bad in ("2025-13-01", "next week", "2025-3-1"):
        with pytest.raises(InvalidRequest):
            search.search(app, scope, "carers", since=bad)
        with pytest.raises(InvalidRequest):
            searching.filtered_search(app, scope, "carers", until=bad)


def test_a_viewer_cannot_correct_an_editor_can_and_the_change_is_audited(app) -> None:
    hit = search.search(app, viewer(SOUTH), "direct payments")[0]
    with pytest.raises(Forbidden):
        evidence.correct_passage(app, viewer(SOUTH), hit.passage_id, ["equity"])
    with pytest.raises(NotFound):  # Northfield's editor cannot reach Southmere's passage
        evidence.correct_passage(app, editor(NORTH), hit.passage_id, ["equity"])
    done = evidence.correct_passage(
        app, editor(SOUTH), hit.passage_id, ["equity"], stance="strength"
    )
    assert [(q.id, q.source) for q in done.passage.qs] == [("equity", "user")]
    assert done.passage.corrected and done.passage.stance == "strength"
    (entry,) = log(Scope.operator([SOUTH]), app.library).events
    assert (entry.actor, entry.council, entry.action) == (
        "editor@example.org",
        SOUTH,
        "correct passage",
    )
    assert entry.before is not None and entry.before["qs"] == done.before
    assert entry.after == {"qs": ["equity"], "category": None, "stance": "strength"}


def test_unknown_labels_are_refused_in_words(app) -> None:
    hit = search.search(app, viewer(SOUTH), "direct payments")[0]
    with pytest.raises(InvalidRequest, match="unknown quality statement 'wellbeing'"):
        evidence.correct_passage(app, editor(SOUTH), hit.passage_id, ["wellbeing"])
    with pytest.raises(InvalidRequest, match="unknown stance"):
        evidence.correct_passage(app, editor(SOUTH), hit.passage_id, [], stance="great")


def test_actions_are_tracked_to_done_with_one_rule_and_overdue_by_their_due_date(app) -> None:
    scope = editor(NORTH)
    found = tracking.actions(app, scope, today=date(2025, 6, 1)).items
    minutes = [a for a in found if a.source == "minutes"]
    plans = [a for a in found if a.source == "plan"]
    assert minutes and plans
    assert {a.council for a in found} == {NORTH}  # each action says whose it is
    overdue = tracking.actions(app, scope, overdue=True, today=date(2025, 6, 1)).items
    assert overdue and all(a.overdue and not a.done for a in overdue)
    assert all(a.due_by is not None and a.due_by < "2025-06-01" for a in overdue)

    first = next(a for a in overdue if a.source == "minutes")
    with pytest.raises(Forbidden):
        tracking.update_action(app, viewer(NORTH), first.id, "done")
    with pytest.raises(InvalidRequest, match="open or done"):
        tracking.update_action(app, scope, first.id, "nearly")
    change = tracking.update_action(app, scope, first.id, "done")
    assert change.action.done and not change.action.overdue and change.before != "done"
    assert first.id not in {a.id for a in tracking.actions(app, scope, overdue=True).items}
    plan = plans[0]
    delivered = tracking.update_action(app, scope, plan.id, "Delivered")
    assert delivered.action.done
    partly = tracking.update_action(app, scope, plan.id, "Partially complete")
    assert not partly.action.done
    with pytest.raises(NotFound):
        tracking.update_action(app, editor(SOUTH), plan.id, "Delivered")
    actions = [e.action for e in log(Scope.operator([NORTH]), app.library).events]
    assert actions.count("update action") == 3


def test_self_scores_say_how_many_statements_the_rating_covers(app) -> None:
    scope = editor(NORTH)
    assessment.set_self_score(app, scope, "equity", 3, "survey results")
    assessment.set_self_score(app, scope, "safeguarding", 2, "audit findings")
    result = assessment.self_scores(app, scope)
    assert (result.scored, result.statements_in_framework) == (2, 9)
    assert "2 of 9 statements scored" in result.note and "only those" in result.note
    assert (result.percent, result.rating) == (63, "Good")  # 5 of 8
    with pytest.raises(Forbidden):
        assessment.set_self_score(app, viewer(NORTH), "equity", 4, "x")
    with pytest.raises(InvalidRequest, match="outside 1-4"):
        assessment.set_self_score(app, scope, "equity", 5, "x")
    with pytest.raises(InvalidRequest, match="control characters"):
        assessment.set_self_score(app, scope, "equity", 3, "survey\x1b[2J\x00results")
    assert assessment.self_scores(app, scope).scored == 2  # nothing stored


def test_a_draft_and_gaps_are_always_for_one_council(app) -> None:
    both = Scope.operator([NORTH, SOUTH])
    with pytest.raises(InvalidRequest, match="name a council"):
        assessment.draft(app, both)
    with pytest.raises(InvalidRequest, match="name a council"):
        assessment.gaps(app, both)
    drafted = assessment.draft(app, both, council=SOUTH)
    assert drafted.council == SOUTH
    cited = {c.document for c in drafted.citations}
    north_titles = {d.label for d in documents.list_documents(app, viewer(NORTH)).items}
    assert cited and not cited & north_titles


def test_deleting_a_document_removes_what_came_from_it_and_is_audited(app) -> None:
    scope = Scope(user="admin@example.org", grants={NORTH: Role.ADMIN, SOUTH: Role.EDITOR})
    (plan,) = [
        d
        for d in documents.list_documents(app, scope, council=NORTH).items
        if d.kind == "improvement_plan"
    ]
    (own,) = documents.list_documents(app, scope, council=SOUTH).items
    with pytest.raises(Forbidden):  # an editor is not an admin
        documents.delete_document(app, scope, own.id)
    before = tracking.actions(app, scope, council=NORTH).total
    documents.delete_document(app, scope, plan.id)
    assert tracking.actions(app, scope, council=NORTH).total < before
    with pytest.raises(NotFound):
        documents.get_document(app, scope, plan.id)
    (entry,) = [e for e in log(scope, app.library).events if e.action == "delete document"]
    assert entry.before is not None and entry.before["id"] == plan.id and entry.after is None


def test_relabelling_keeps_a_persons_labels(app) -> None:
    scope = editor(SOUTH)
    hit = search.search(app, scope, "direct payments")[0]
    evidence.correct_passage(app, scope, hit.passage_id, ["learning"])
    (result,) = classifier.relabel(app, scope)
    assert result.passages > 100
    after = evidence.get_passage(app, scope, hit.passage_id)
    assert [(q.id, q.source) for q in after.qs] == [("learning", "user")]


def test_plans_and_risks_come_back_per_council_with_their_ratings(app, tmp_path) -> None:
    from parsing.risk.risk_layouts import register, spreadsheet

    data = register()
    path = tmp_path / "risk-register.xlsx"
    spreadsheet(data, path)
    assert IngestJob(app.library, app.settings).run([path], SOUTH).ok

    (plan,) = plans.plans(app, viewer(NORTH))
    assert plan.council == NORTH and plan.plan.priorities
    assert plans.plans(app, viewer(SOUTH)) == []
    found = plans.risks(app, viewer(SOUTH))
    assert [r.risk.ref for r in found] == [str(x["ref"]) for x in data["risks"]]
    first = found[0]
    assert first.risk.inherent is not None and first.risk.residual is not None
    assert first.reduced_by == first.risk.inherent.score - first.risk.residual.score
    assert plans.risks(app, viewer(NORTH)) == []
    with pytest.raises(InvalidRequest):
        plans.risks(app, viewer(SOUTH), statement="wellbeing")


def test_a_councils_actions_come_a_page_at_a_time_each_once_in_order(app) -> None:
    scope = viewer(NORTH)
    every = tracking.actions(app, scope, today=date(2025, 6, 1))
    assert every.limit is None and every.total == len(every.items)
    # minutes' actions first, then plans'; each by document, then line
    order = [(a.source != "minutes", a.document_id, a.start_line) for a in every.items]
    assert order == sorted(order)
    assert {a.source for a in every.items} == {"minutes", "plan"}
    seen = []
    for offset in range(0, every.total, 7):
        page = tracking.actions(app, scope, today=date(2025, 6, 1), limit=7, offset=offset)
        assert (page.total, page.limit, page.offset) == (every.total, 7, offset)
        seen += page.items
    assert [a.id for a in seen] == [a.id for a in every.items]
    past = tracking.actions(app, scope, limit=7, offset=every.total + 10)
    assert (past.items, past.total) == ([], every.total)
    overdue = tracking.actions(app, scope, overdue=True, today=date(2025, 6, 1), limit=1)
    assert overdue.total == len(
        tracking.actions(app, scope, overdue=True, today=date(2025, 6, 1)).items
    )
    assert tracking.actions(app, scope, status="done", overdue=True).total == 0


def test_a_page_of_documents_past_the_end_still_says_how_many_there_are(app) -> None:
    scope = viewer(NORTH)
    every = documents.list_documents(app, scope)
    assert every.total == len(every.items) == 2
    past = documents.list_documents(app, scope, limit=1, offset=5)
    assert (past.items, past.total) == ([], 2)


def test_meetings_come_a_page_at_a_time_either_way(app) -> None:
    scope = viewer(NORTH)
    every = tracking.meetings(app, scope)
    assert every.total == len(every.items) >= 2
    newest = tracking.meetings(app, scope, newest_first=True, limit=1, offset=0)
    assert newest.total == every.total and newest.items == every.items[-1:]
    assert tracking.meetings(app, scope, limit=1, offset=1).items == every.items[1:2]


@pytest.mark.parametrize(
    ("limit", "offset", "message"),
    [(0, 0, "limit must be between 1 and 1000"), (1001, 0, "not 1001"), (10, -1, "negative")],
)
def test_a_page_that_cannot_be_right_is_refused(app, limit, offset, message) -> None:
    for listing in (tracking.actions, tracking.meetings):
        with pytest.raises(InvalidRequest, match=message):
            listing(app, viewer(NORTH), limit=limit, offset=offset)
