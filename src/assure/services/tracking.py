"""Meetings, the decisions boards took and the actions they gave, tracked to done."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from assure.extracting.deadlines import is_done
from assure.services.application import Application
from assure.services.audit import note
from assure.services.errors import InvalidRequest, NotFound
from assure.services.listing import plain_text
from assure.services.paging import Page, check_window, total_of
from assure.services.scope import Role, Scope
from assure.storing import ActionFilter, ActionRecord, MeetingFilter, MeetingRecord
from assure.structure import Meeting

MINUTE_STATUSES = ("open", "done")


class MeetingCounts(BaseModel):
    agenda: int
    minutes: int
    decisions: int
    actions: int


class MeetingView(BaseModel):
    """A meeting as a committee pack records it, and where it is."""

    id: int
    document_id: int
    document: str | None
    page: int | None
    counts: MeetingCounts
    meeting: Meeting


class ActionView(BaseModel):
    """An action from minutes or a plan, where it was recorded, and how it stands."""

    id: str = Field(description="The key to update it by: minutes:N or plan:N.")
    source: Literal["minutes", "plan"]
    text: str
    owner: str | None
    due: str | None = Field(description="As written: a date, a month, a quarter.")
    due_by: str | None = Field(description="The last day it is due, ISO, where `due` gives one.")
    status: str | None
    done: bool
    overdue: bool
    context: str | None = Field(description="The meeting, or the plan's priority.")
    council: str | None = Field(description="The council whose document recorded it.")
    document_id: int
    document: str | None
    page: int | None
    start_line: int


class ActionChange(BaseModel):
    action: ActionView
    before: str | None


def meeting_view(r: MeetingRecord) -> MeetingView:
    x = r.meeting
    return MeetingView(
        id=r.id,
        document_id=r.document_id,
        document=r.document_title,
        page=r.page,
        counts=MeetingCounts(
            agenda=len(x.agenda),
            minutes=len(x.minutes),
            decisions=r.decisions,
            actions=r.actions,
        ),
        meeting=x,
    )


def meetings(
    app: Application,
    scope: Scope,
    council: str | None = None,
    body: str | None = None,
    since: date | None = None,
    document: int | None = None,
    limit: int | None = None,
    offset: int = 0,
    newest_first: bool = False,
) -> Page[MeetingView]:
    """Meetings of the caller's councils (notices and minutes), by date
    (``newest_first``: the other way), one page of them (``limit`` ``None``: all)."""
    check_window(limit, offset)
    councils = scope.narrowed(council).require_any()
    which = MeetingFilter(body, since.isoformat() if since else None, document)
    found = app.library.meetings(councils, which, limit, offset, newest_first)
    total = total_of(len(found), limit, offset, lambda: app.library.count_meetings(councils, which))
    return Page[MeetingView](
        items=[meeting_view(r) for r in found], total=total, limit=limit, offset=offset
    )


def action_view(a: ActionRecord, today: date) -> ActionView:
    return ActionView(
        id=a.key,
        source="minutes" if a.source == "minutes" else "plan",
        text=a.text,
        owner=a.owner,
        due=a.due,
        due_by=a.due_by,
        status=a.status,
        done=a.done,
        overdue=not a.done and a.due_by is not None and a.due_by < today.isoformat(),
        context=a.context,
        council=a.council,
        document_id=a.document_id,
        document=a.document_title,
        page=a.page,
        start_line=a.start_line,
    )


def actions(
    app: Application,
    scope: Scope,
    council: str | None = None,
    status: Literal["open", "done"] | None = None,
    owner: str | None = None,
    overdue: bool = False,
    document: int | None = None,
    today: date | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Page[ActionView]:
    """Actions from minutes and plans, one page of them (``limit`` ``None``:
    all); ``overdue`` keeps open actions whose due date (or the end of the
    period they name) is before ``today``."""
    check_window(limit, offset)
    today = today or date.today()
    councils = scope.narrowed(council).require_any()
    if overdue and status == "done":  # a finished action is never overdue
        return Page[ActionView](items=[], total=0, limit=limit, offset=offset)
    which = ActionFilter(
        done=False if overdue else None if status is None else status == "done",
        owner=owner,
        due_before=today.isoformat() if overdue else None,
        document=document,
    )
    found = app.library.actions(councils, which, limit, offset)
    total = total_of(len(found), limit, offset, lambda: app.library.count_actions(councils, which))
    return Page[ActionView](
        items=[action_view(a, today) for a in found], total=total, limit=limit, offset=offset
    )


def update_action(
    app: Application, scope: Scope, key: str, status: str, today: date | None = None
) -> ActionChange:
    """Set how an action stands. A minute's action is ``open`` or ``done``; a
    plan's takes the plan's own words ("On track", "Delivered"), and counts as
    done when they say so. Needs the editor role in the action's council."""
    status = plain_text(status, "a status")
    source = key.partition(":")[0]
    if source == "minutes" and status not in MINUTE_STATUSES:
        raise InvalidRequest(f"a minute's action is open or done, not {status!r}")
    if not status or len(status) > 80:
        raise InvalidRequest("a status is 1 to 80 characters")
    current = find_action(app, scope, key, today)
    council = council_of_document(app, scope, current.document_id)
    scope.require(council, Role.EDITOR)
    done = status == "done" if source == "minutes" else is_done(status)
    change = note(scope, council, "update action", key, after={"status": status, "done": done})
    update = app.library.update_action(key, status, done, [council], change)
    if update is None:
        raise NotFound(f"no action {key}")
    return ActionChange(
        action=find_action(app, scope, key, today),
        before=update.before.status if update.before else None,
    )


def find_action(app: Application, scope: Scope, key: str, today: date | None) -> ActionView:
    source, _, number = key.partition(":")
    if source not in ("minutes", "plan") or not number.isdigit():
        raise InvalidRequest(f"not an action id: {key!r} (minutes:N or plan:N)")
    found = app.library.actions(scope.require_any(), ActionFilter(key=key))
    if not found:
        raise NotFound(f"no action {key}")
    return action_view(found[0], today or date.today())


def council_of_document(app: Application, scope: Scope, document_id: int) -> str:
    found = app.library.documents(scope.require_any(), ids=[document_id])
    if not found:
        raise NotFound(f"no document {document_id}")
    return found[0].council
