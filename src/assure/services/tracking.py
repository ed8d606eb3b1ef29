"""What boards decided and agreed to do: meetings with their decisions, the
action tracker (owner, due, status, overdue) with each action linked to the
minute or plan row it came from, and improvement plans."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from assure.services.errors import InvalidRequest, NotFound
from assure.services.paging import Paged, plain_text, window
from assure.services.scope import Role, Scope
from assure.storing import ActionRecord, Library, audit, ownership
from assure.storing.evidence import due_date, tracked_status
from assure.storing.reading import plans_of
from assure.structure import Meeting, Plan

MINUTE_STATUSES = ("open", "done")


class MeetingView(BaseModel):
    id: int
    council: str
    document_id: int
    document_title: str | None
    page: int | None
    meeting: Meeting


class ActionView(BaseModel):
    key: str  # minutes:N or plan:N
    source: str  # minutes | plan
    council: str
    document_id: int
    document_title: str | None
    text: str
    owner: str | None
    due: str | None
    due_date: date | None
    status: str | None
    tracked: str  # open | done
    overdue: bool
    start_line: int
    page: int | None
    context: str | None


class PlanView(BaseModel):
    council: str
    document_id: int
    document_title: str | None
    plan: Plan


def meetings(
    scope: Scope,
    library: Library,
    council: str | None = None,
    body: str | None = None,
    offset: int = 0,
    limit: int = 50,
) -> Paged[MeetingView]:
    """Meetings of the caller's councils, newest first."""
    found = []
    for name in scope.narrowed(council).require_any():
        for r in library.meetings(name, body=body or None):
            found.append(
                MeetingView(
                    id=r.id,
                    council=name,
                    document_id=r.document_id,
                    document_title=r.document_title,
                    page=r.page,
                    meeting=r.meeting,
                )
            )
    found.sort(key=lambda v: (v.meeting.date or "", v.id), reverse=True)
    return window(found, offset, limit)


def action_view(r: ActionRecord, council: str, today: date) -> ActionView:
    tracked = tracked_status(r)
    due = due_date(r.due)
    return ActionView(
        key=r.key,
        source=r.source,
        council=council,
        document_id=r.document_id,
        document_title=r.document_title,
        text=r.text,
        owner=r.owner,
        due=r.due,
        due_date=due,
        status=r.status,
        tracked=tracked,
        overdue=tracked == "open" and due is not None and due < today,
        start_line=r.start_line,
        page=r.page,
        context=r.context,
    )


def actions(
    scope: Scope,
    library: Library,
    council: str | None = None,
    owner: str | None = None,
    status: str | None = None,
    overdue: bool = False,
    offset: int = 0,
    limit: int = 50,
    today: date | None = None,
) -> Paged[ActionView]:
    """Actions from minutes and plans of the caller's councils; overdue ones
    are open with a due date (or financial quarter) before ``today``."""
    if status not in (None, "", "open", "done"):
        raise InvalidRequest("status is open or done")
    today = today or date.today()
    found = []
    for name in scope.narrowed(council).require_any():
        for r in library.actions(
            name, status=status or None, owner=owner or None, overdue=overdue, today=today
        ):
            found.append(action_view(r, name, today))
    return window(found, offset, limit)


def action(scope: Scope, library: Library, key: str, today: date | None = None) -> ActionView:
    """One action by key; another council's is not found."""
    with library.reading() as session:
        home = ownership.action_home(session, key)
    if home is None or not scope.can_read(home[1]):
        raise NotFound(f"no action {key}")
    document_id, council = home
    for r in library.actions(council, document=document_id):
        if r.key == key:
            return action_view(r, council, today or date.today())
    raise NotFound(f"no action {key}")


def update_action(scope: Scope, library: Library, key: str, status: str) -> ActionView:
    """Set an action's status (``open``/``done`` for minutes; a plan's own
    words for plan actions); needs the editor role. Audited."""
    before = action(scope, library, key)
    scope.require(before.council, Role.EDITOR)
    status = plain_text(status, "the status")
    if before.source == "minutes" and status not in MINUTE_STATUSES:
        raise InvalidRequest(f"a minuted action is {' or '.join(MINUTE_STATUSES)}, not {status!r}")
    if not status or len(status) > 80:
        raise InvalidRequest("a status is 1 to 80 characters")
    from assure.storing.evidence import set_action_status

    with library.writing() as session:
        set_action_status(session, key, status)
        audit.write(
            session,
            scope.actor,
            before.council,
            "action.status",
            f"action {key}",
            {"status": before.status},
            {"status": status},
        )
    return action(scope, library, key)


def plans(scope: Scope, library: Library, council: str | None = None) -> list[PlanView]:
    """Improvement plans of the caller's councils with priorities, actions and measures."""
    found = []
    for name in scope.narrowed(council).require_any():
        for d in library.documents(name):
            with library.reading() as session:
                for plan in plans_of(session, d.id):
                    found.append(
                        PlanView(council=name, document_id=d.id, document_title=d.title, plan=plan)
                    )
    return found
