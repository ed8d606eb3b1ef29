"""Put a committee pack together: notice, agenda, documents, minutes, findings."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from assure.document import CleanText
from assure.extracting.dates import year_of
from assure.parsing.pack.actions import month_meeting_due, table_actions
from assure.parsing.pack.agenda import DraftItem, parse_agenda
from assure.parsing.pack.attendance import apologies_told, read_attendance
from assure.parsing.pack.boundaries import (
    Document,
    appendices,
    assign_items,
    close_documents,
    hard_starts,
    similarity,
    split_after_closing,
    title_at,
)
from assure.parsing.pack.cover_sheets import CoverSheet, find_cover_sheets
from assure.parsing.pack.lines import PackLine, pack_lines
from assure.parsing.pack.minutes import build_items, find_minute_items
from assure.parsing.pack.minutes_header import anchor_line, find_minutes_starts
from assure.parsing.pack.notice import SUMMONED, WILL_MEET, Notice, read_notice
from assure.parsing.pack.report import ReportCover, report_cover, title_blocks
from assure.structure import AgendaItem, Finding, Meeting, MinuteItem, Section

STRONG = {"minutes", "cover_sheet", "title_block"}


class Pack:
    """Everything found in one pack, built once from its lines."""

    items: list[DraftItem]
    notice: Notice | None
    documents: list[Document]

    def __init__(self, text: CleanText) -> None:
        self.lines: list[PackLine] = pack_lines(text)
        self.minutes_drafts = find_minutes_starts(self.lines)
        self.covers: list[CoverSheet] = find_cover_sheets(self.lines)
        self.report: ReportCover | None = self._single_report()
        if self.report is not None:
            # One report on its own: its numbered sections are not an agenda.
            self.notice_end, self.items, self.notice = 0, [], None
            title = self.report.title
            self.documents = close_documents(self.lines, [Document(0, "report", title=title)])
            return
        docs = split_after_closing(self.lines, self._hard_starts())
        self.notice_end, read_to, agenda = self._notice_end(docs)
        notice_lines = self.lines[: self.notice_end]
        # The agenda of the lines up to the notice's end, read once when they are the same lines.
        self.items = agenda if read_to == self.notice_end else parse_agenda(notice_lines)
        self.notice = read_notice(notice_lines) if self._has_notice(notice_lines) else None
        docs = [doc for doc in docs if doc.index >= self.notice_end]
        docs = assign_items(self.lines, docs, self.items, self.notice_end)
        self.documents = close_documents(self.lines, docs)

    def _hard_starts(self) -> list[Document]:
        docs = hard_starts(self.lines, self.minutes_drafts, self.covers)
        taken = {doc.index for doc in docs}
        for position, title in title_blocks(self.lines):
            # The pack's own title block is the notice, not a report.
            if position >= 10 and not taken & set(range(position - 3, position + 8)):
                docs.append(Document(position, "title_block", title=title))
        return sorted(docs, key=lambda doc: doc.index)

    def _single_report(self) -> ReportCover | None:
        """The report's title block when the text is one committee report, not a pack."""
        if self.minutes_drafts or not self.lines:
            return None
        cover = report_cover(self.lines)
        if cover is None:
            return None
        head = self.lines[
            : next((p for p, line in enumerate(self.lines) if line.number > cover.date_line), 0)
            + 10
        ]
        if any(WILL_MEET.match(line.text) or SUMMONED.search(line.text) for line in head):
            return None
        if any(item.pages for item in parse_agenda(self.lines[:200])):
            return None  # an agenda with page ranges makes a pack
        return cover

    def _notice_end(self, docs: list[Document]) -> tuple[int, int, list[DraftItem]]:
        """Where the notice ends, and the agenda read from the lines before the
        first strong start (with how many lines that was)."""
        strong = next(
            (doc.index for doc in docs if doc.kind in STRONG or doc.agenda_number), len(self.lines)
        )
        items = parse_agenda(self.lines[:strong])
        if not items:
            return strong, strong, items
        last_item = next(
            p for p, line in enumerate(self.lines) if line.number == items[-1].start_line
        )
        after_blank = next((doc.index for doc in docs if last_item < doc.index < strong), strong)
        return after_blank, strong, items

    def _has_notice(self, lines: list[PackLine]) -> bool:
        return bool(self.items) or any(
            re.match(r"^(?:notice\s+of\s+(?:a\s+)?meeting|agenda)\b", line.text, re.IGNORECASE)
            for line in lines[:60]
        )

    # ----- meetings

    def meetings(self) -> list[Meeting]:
        found: list[Meeting] = []
        if self.report is not None:
            end = self.lines[-1].end
            return [Meeting(self.report.body, self.report.date, 1, end, role="report")]
        if self.notice is not None:
            found.append(self._notice_meeting())
        for doc in self.documents:
            if doc.kind == "minutes" and doc.minutes is not None:
                found.append(self._minutes_meeting(doc))
        return found

    def _notice_meeting(self) -> Meeting:
        assert self.notice is not None
        notice = self.notice
        agenda = tuple(
            AgendaItem(
                number=item.number,
                title=item.title,
                pages=item.pages,
                purpose=" ".join(item.purpose)[:1000] or None,
                contact=item.contact,
                group=item.group,
                start_line=item.start_line,
            )
            for item in self.items
        )
        end = self.lines[self.notice_end - 1].end if self.notice_end else None
        return Meeting(
            body=notice.body,
            date=notice.date,
            start_line=self.lines[0].number if self.lines else 1,
            end_line=end,
            time=notice.time,
            venue=notice.venue,
            members=notice.members,
            agenda=agenda,
            role="notice",
        )

    def _minutes_meeting(self, doc: Document) -> Meeting:
        draft = doc.minutes
        assert draft is not None
        own = [anchor_line(self.lines, draft), *self.lines[draft.anchor + 1 : doc.end_index + 1]]
        attendance, used, _ = read_attendance(own)
        rest = own[used:]
        year = year_of(draft.date) or (year_of(self.notice.date) if self.notice else None)
        end_line = self.lines[doc.end_index].end
        items = build_items(rest, find_minute_items(rest), end_line, year)
        items = _attach_ref_actions(items, rest, year)
        if not attendance.apologies:
            attendance = replace(attendance, apologies=_apologies_minute(items, rest))
        items = [
            replace(item, actions=tuple(month_meeting_due(a, draft.date) for a in item.actions))
            for item in items
        ]
        return Meeting(
            body=draft.body,
            date=draft.date,
            start_line=draft.start_line,
            end_line=end_line,
            time=draft.time,
            venue=draft.venue,
            attendance=attendance,
            minutes=tuple(items),
            role="minutes",
        )

    # ----- sections

    def sections(self, meetings: list[Meeting]) -> list[Section]:
        sections: list[Section] = []
        if self.notice is not None and self.notice_end:
            title = f"Agenda: {self.notice.body}" if self.notice.body else "Agenda"
            sections.append(
                Section(
                    title, 1, "notice", self.lines[0].number, self.lines[self.notice_end - 1].end
                )
            )
        for item in self.items:
            sections.append(
                Section(
                    f"{item.number}: {item.title}", 2, "agenda_item", item.start_line, item.end_line
                )
            )
        minutes_meetings = iter(m for m in meetings if m.role == "minutes")
        for doc in self.documents:
            sections.extend(self._document_sections(doc, minutes_meetings))
        return sorted(sections, key=lambda s: (s.start_line, s.level))

    def _document_sections(
        self, doc: Document, minutes_meetings: Iterator[Meeting]
    ) -> list[Section]:
        start, end = self.lines[doc.index].number, self.lines[doc.end_index].end
        if doc.kind == "minutes":
            return _minutes_sections(next(minutes_meetings), start, end)
        if doc.kind == "cover_sheet" and doc.cover is not None:
            return self._cover_sheet_sections(doc, doc.cover, start, end)
        appendix = bool(doc.title and re.match(r"^(?:appendix|annex)", doc.title, re.IGNORECASE))
        section = Section(
            doc.title or "Report", 1, "appendix" if appendix else "report", start, end
        )
        return [section, *self._appendix_sections(doc)]

    def _cover_sheet_sections(
        self, doc: Document, cover: CoverSheet, start: int, end: int
    ) -> list[Section]:
        """The cover sheet, and the document it introduces where one follows it."""
        title = cover.title or doc.title or "Report"
        own_end = cover.end_line
        if own_end is None or own_end >= end or self._content_between(own_end, end) < 3:
            return [Section(title, 1, "cover_sheet", start, end), *self._appendix_sections(doc)]
        first = next(
            p for p in range(doc.index, doc.end_index + 1) if self.lines[p].number > own_end
        )
        attached = Document(first, "report", end_index=doc.end_index)
        attached.title = title_at(self.lines, attached) or title
        return [
            Section(title, 1, "cover_sheet", start, own_end),
            Section(attached.title, 1, "report", self.lines[first].number, end),
            *self._appendix_sections(attached),
        ]

    def _content_between(self, after: int, until: int) -> int:
        return sum(1 for line in self.lines if after < line.number <= until and line.noise is None)

    def _appendix_sections(self, doc: Document) -> list[Section]:
        return [
            Section(title, 2, "appendix", self.lines[first].number, self.lines[last].end)
            for first, last, title in appendices(self.lines, doc)
        ]

    # ----- findings

    def findings(self) -> list[Finding]:
        """Cover sheets whose meeting date differs from the notice's."""
        if self.notice is None or self.notice.date is None:
            return []
        found = []
        year = year_of(self.notice.date)
        for cover in self.covers:
            stated = cover.date(year)
            if not stated or stated == self.notice.date or cover.date_line is None:
                continue
            if (
                cover.meeting
                and self.notice.body
                and similarity(self.notice.body, cover.meeting) < 0.5
            ):
                continue  # a report written for another body's meeting keeps that date
            message = (
                f"report '{cover.title}' gives its meeting date as {stated} "
                f"but the notice of meeting gives {self.notice.date}"
            )
            found.append(
                Finding(
                    kind="date_mismatch",
                    message=message,
                    start_line=cover.date_line,
                    other_line=self.notice.date_line,
                )
            )
        return found


def _minutes_sections(meeting: Meeting, start: int, end: int) -> list[Section]:
    title = " ".join(part for part in ("Minutes:", meeting.body, meeting.date) if part)
    found = [Section(title, 1, "minutes", start, end)]
    for item in meeting.minutes:
        label = f"{item.number or ''} {item.title}".strip()
        found.append(
            Section(label, 2, "minute_item", item.start_line, item.end_line or item.start_line)
        )
    return found


def _apologies_minute(items: list[MinuteItem], lines: list[PackLine]) -> tuple[str, ...]:
    """Apologies told in the minute that takes them ("Apologies", "Apologies
    for Absence", "Apologies and Substitutes"), among the first few."""
    for item in items[:4]:
        if re.search(r"\bapolog", item.title, re.IGNORECASE):
            end = item.end_line or item.start_line
            return apologies_told([ln for ln in lines if item.start_line <= ln.number <= end])
    return ()


def _attach_ref_actions(
    items: list[MinuteItem], lines: list[PackLine], year: int | None
) -> list[MinuteItem]:
    """Move action-table rows that cite a minute number ("Minute 45") to that minute."""
    numbers = [_main_number(item.number) for item in items]
    target: dict[int, str] = {}
    rows = {}
    for ref, action in table_actions(lines, year):
        cited = _main_number(ref)
        if cited is not None and cited in numbers:
            target[action.start_line] = cited
            rows[action.start_line] = action
    if not target:
        return items
    # Rows of minutes kept as a table belong to no item until moved here.
    moving = list(rows.values())
    result = []
    for item, number in zip(items, numbers, strict=True):
        kept = [action for action in item.actions if action.start_line not in target]
        kept += [action for action in moving if target[action.start_line] == number]
        actions = tuple(sorted(kept, key=lambda action: action.start_line))
        result.append(replace(item, actions=actions))
    return result


def _main_number(text: str | None) -> str | None:
    match = re.search(r"\d+", text or "")
    return match.group(0) if match else None
