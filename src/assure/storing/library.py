"""``Library``: the storage layer's one door. SQL in, frozen records out.

    from assure.storing import Library
    with Library(settings) as library:
        document_id = library.add(parsed, "Northfield Borough Council")
        for hit in library.search('"direct payments" carers', ["Northfield Borough Council"]):
            print(hit.document_title, hit.page, hit.start_line, hit.snippet)

Every query takes the councils it may look in, as a list of names: an empty
list finds nothing, and there is no "all councils" default, so a caller has to
say whose documents it means (the services pass the caller's scope). Nothing
here parses text, dates or statuses: the pipeline and the services work those
out and storage keeps and filters what they give it. ORM objects never leave
this package.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, and_, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from assure.document import SourceLine
from assure.errors import AssureError
from assure.settings import Settings
from assure.storing import drafting, evidence, judgements
from assure.storing import models as m
from assure.storing.accounts import AccountBook
from assure.storing.audit import AuditNote, AuditRecord, write_note
from assure.storing.audit import entries as audit_entries
from assure.storing.councils import ensure_council, find_council
from assure.storing.database import open_engine
from assure.storing.maintenance import refresh_statistics
from assure.storing.reading import (
    document_record,
    labels_by_passage,
    page_join,
    passage_of,
    plans_of,
    risk_of,
    section_records,
)
from assure.storing.records import (
    ActionFilter,
    ActionRecord,
    ActionUpdate,
    CorrectionRecord,
    FindingRecord,
    MeetingFilter,
    MeetingRecord,
    MetricRecord,
    PlanRecord,
    RiskRecord,
    SearchHit,
    SearchResults,
    SectionRecord,
    SelfScoreRecord,
    StoredDocument,
    StoredPassage,
)
from assure.storing.scope import refresh_scopes
from assure.storing.search import Filters, search_passages
from assure.storing.versions import fingerprint
from assure.storing.writing import store_document
from assure.structure import ParsedDocument, Passage

STORE_ATTEMPTS = 3
STATISTICS_CHECK = 2000  # passages stored between looks at the engine's statistics
HASHES_PER_QUERY = 500  # contents looked up in one query (SQLite allows 32,766 variables)


class UnknownDocument(AssureError):
    """A document reference that matches no stored document of the councils
    asked about, or several."""


class Library:
    """A councils' evidence base in one database (SQLite file or PostgreSQL).

    Opening it creates or upgrades the schema (Alembic, ``upgrade head``).
    """

    def __init__(self, settings: Settings | None = None, engine: Engine | None = None) -> None:
        self.settings = settings or Settings()
        self.engine = engine or open_engine(self.settings.resolved_database_url)
        self.accounts = AccountBook(self.reading, self.writing)
        self.stored_since_check = 0  # passages added since the statistics were looked at

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- sessions (for the storage package's own modules) --------------------

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries; nothing it does is committed."""
        with Session(self.engine) as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One transaction: committed on success, rolled back on any error."""
        with Session(self.engine.execution_options(writing=True)) as session, session.begin():
            yield session

    # -- councils -----------------------------------------------------------

    def councils(self) -> list[str]:
        """Every council with a record here, by name."""
        with self.reading() as session:
            return list(session.scalars(select(m.Council.name).order_by(m.Council.name)))

    def add_council(self, name: str) -> None:
        with self.writing() as session:
            ensure_council(session, name)

    # -- storing ------------------------------------------------------------

    def add(
        self,
        parsed: ParsedDocument,
        council: str,
        lines: Sequence[SourceLine] = (),
        audit: AuditNote | None = None,
    ) -> int | None:
        """Store one parsed document for ``council`` in one transaction; its id,
        or ``None`` when the same content is already stored for that council.
        ``lines`` are the file's source lines, for showing passages in context;
        ``audit`` is logged in the same transaction (its target gets the id)."""
        for attempt in range(STORE_ATTEMPTS):
            try:
                with self.writing() as session:
                    council_id = ensure_council(session, council)
                    if find_hash(session, council_id, parsed.content_hash) is not None:
                        return None
                    stored = store_document(session, parsed, council_id, lines)
                    if audit is not None:
                        write_note(session, replace(audit, target=f"document {stored}"))
                self.stored(len(parsed.passages))
                return stored
            except IntegrityError:
                # Another process added the same council or the same content
                # between our check and our insert; look again, then retry.
                if self.stored_id(parsed.content_hash, council) is not None:
                    return None
                if attempt == STORE_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    def stored(self, passages: int) -> None:
        """After a load, look now and then whether the engine's statistics
        need gathering again (see ``maintenance.py``)."""
        self.stored_since_check += passages
        if self.stored_since_check >= STATISTICS_CHECK:
            self.stored_since_check = 0
            refresh_statistics(self.engine)

    def refresh_statistics(self) -> bool:
        """Gather the engine's statistics for search now (PostgreSQL; a
        no-op on SQLite), e.g. at the end of a bulk load; whether it did."""
        return refresh_statistics(self.engine, force=True)

    def stored_id(self, content_hash: str, council: str) -> int | None:
        """The id of the document with this content in ``council``, if stored."""
        with self.reading() as session:
            council_id = find_council(session, council)
            return find_hash(session, council_id, content_hash) if council_id else None

    def stored_copies(
        self, content_hashes: Sequence[str], council: str
    ) -> dict[str, StoredDocument]:
        """The documents of ``council`` holding these contents, by content hash
        (contents not stored are left out), looked up a few hundred at a time."""
        wanted = list(dict.fromkeys(content_hashes))
        return {
            document.content_hash: document
            for start in range(0, len(wanted), HASHES_PER_QUERY)
            for document in self.documents(
                [council], content_hashes=wanted[start : start + HASHES_PER_QUERY]
            )
        }

    def delete_document(
        self, document_id: int, councils: Sequence[str], audit: AuditNote | None = None
    ) -> StoredDocument | None:
        """Remove a document of ``councils`` and everything extracted from it
        (passages, labels, corrections, meetings, plans, figures, findings);
        the document as it was, or ``None`` if there is no such document."""
        found = self.documents(councils, ids=[document_id])
        if not found:
            return None
        with self.writing() as session:
            row = session.get(m.Document, document_id)
            if row is not None:
                session.delete(row)
                write_note(session, audit)
        return found[0]

    def move_document(
        self,
        document_id: int,
        council: str,
        councils: Sequence[str],
        audit: AuditNote | None = None,
    ) -> bool:
        """File a document of ``councils`` under ``council`` instead. ``False``
        when there is no such document, or ``council`` already holds the same
        content (nothing is changed then)."""
        if not self.documents(councils, ids=[document_id]):
            return False
        with self.writing() as session:
            row = session.get(m.Document, document_id)
            target = ensure_council(session, council)
            if row is None or find_hash(session, target, row.content_hash) is not None:
                return False
            row.council_id = target
            session.flush()
            refresh_scopes(session, document_id=document_id)
            write_note(session, audit)
            return True

    # -- documents ----------------------------------------------------------

    def documents(
        self,
        councils: Sequence[str],
        ids: Sequence[int] | None = None,
        kind: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        content_hashes: Sequence[str] | None = None,
    ) -> list[StoredDocument]:
        """Stored documents of ``councils`` (those with the given ``ids`` or
        ``content_hashes``, of ``kind``), oldest ingested first, with their
        passage counts."""
        with self.reading() as session:
            passages = (
                select(func.count(m.PassageRow.id))
                .where(m.PassageRow.document_id == m.Document.id)
                .correlate(m.Document)
                .scalar_subquery()
            )
            stmt = in_councils(
                select(m.Document, m.Council.name, passages).join(m.Council), councils
            ).order_by(m.Document.id)
            if ids is not None:
                stmt = stmt.where(m.Document.id.in_(list(ids)))
            if content_hashes is not None:
                stmt = stmt.where(m.Document.content_hash.in_(list(content_hashes)))
            if kind:
                stmt = stmt.where(m.Document.kind == kind)
            stmt = stmt.offset(offset)
            if limit is not None:
                stmt = stmt.limit(limit)
            return [document_record(d, name, n or 0) for d, name, n in session.execute(stmt)]

    def count_documents(self, councils: Sequence[str], kind: str | None = None) -> int:
        with self.reading() as session:
            stmt = in_councils(select(func.count(m.Document.id)).join(m.Council), councils)
            if kind:
                stmt = stmt.where(m.Document.kind == kind)
            return int(session.scalar(stmt) or 0)

    def document(self, ref: str | int, councils: Sequence[str]) -> StoredDocument:
        """A document by id, content-hash prefix (6+ hex digits, not all
        digits), or a fragment of its title or file name. Raises
        ``UnknownDocument`` when nothing or more than one document matches."""
        text = str(ref).strip()
        found = []
        if text.isdigit() and len(text) < 19:
            found = self.documents(councils, ids=[int(text)])
        docs = self.documents(councils) if not found else []
        if not found and len(text) >= 6 and all(c in "0123456789abcdef" for c in text.lower()):
            found = [d for d in docs if d.content_hash.startswith(text.lower())]
        if not found and not text.isdigit():  # a number is never a fragment of a title
            needle = text.casefold()
            found = [d for d in docs if needle in (d.title or "").casefold()]
            found = found or [d for d in docs if needle in Path(d.source_path).name.casefold()]
        if len(found) == 1:
            return found[0]
        if not found:
            raise UnknownDocument(f"no stored document matches {text!r}")
        names = "; ".join(f"{d.id}: {d.label}" for d in found[:8])
        raise UnknownDocument(f"{text!r} matches {len(found)} documents ({names}); give the id")

    def sections(self, document_id: int) -> tuple[SectionRecord, ...]:
        """A stored document's sections, in order (ask ``documents`` first
        whether the caller may see the document)."""
        with self.reading() as session:
            return section_records(session, document_id)

    def counts(self, document_id: int) -> dict[str, int]:
        """How many of each kind of thing a stored document holds."""
        with self.reading() as session:
            return evidence.document_counts(session, document_id)

    def lines(self, document_id: int, start: int, end: int | None = None) -> list[SourceLine]:
        """Source lines ``start``..``end`` (1-based, inclusive) with their pages."""
        end = start if end is None else end
        with self.reading() as session:
            rows = session.scalars(
                select(m.SourceLineRow)
                .where(m.SourceLineRow.document_id == document_id)
                .where(m.SourceLineRow.number.between(start, end))
                .order_by(m.SourceLineRow.number)
            )
            return [
                SourceLine(r.number, r.text, r.page, r.heading_level, r.table_row) for r in rows
            ]

    # -- search and passages ------------------------------------------------

    def search(
        self,
        query: str,
        councils: Sequence[str],
        limit: int = 20,
        offset: int = 0,
        document: int | None = None,
        statement: str | None = None,
        kind: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> SearchResults:
        """Passages of ``councils`` matching every word and "quoted phrase" of
        ``query``, best first, optionally only in one ``document``, labelled
        with one quality ``statement`` (a person's correction wins), in
        documents of one ``kind`` or dated from ``since`` to ``until`` (ISO
        days; an undated document is left out when either is given). Any
        input is safe: it never raises a syntax error. The hits are a list
        that also says how many passages match (``SearchResults.total``)."""
        with self.reading() as session:
            found = search_filters(session, councils, document, statement, kind, since, until)
            raw = search_passages(session, query, found, limit, offset) if found else None
            if raw is None or not raw.hits:
                return SearchResults((), raw.total if raw else 0)
            ids = [h.passage_id for h in raw.hits]
            p, d = m.PassageRow, m.Document
            rows = {
                row.id: row
                for row in session.execute(  # columns, not rows: a hit shows no passage's text
                    select(
                        p.id,
                        p.page,
                        p.start_line,
                        p.end_line,
                        p.section,
                        d.id.label("document"),
                        d.title,
                        m.Council.name,
                    )
                    .join(d, d.id == p.document_id)
                    .join(m.Council)
                    .where(p.id.in_(ids))
                )
            }
            labels = labels_by_passage(session, ids)
            hits = [
                SearchHit(
                    passage_id=row.id,
                    document_id=row.document,
                    document_title=row.title,
                    council=row.name,
                    page=row.page,
                    start_line=row.start_line,
                    end_line=row.end_line,
                    section=row.section,
                    snippet=h.snippet,
                    rank=h.rank,
                    labels=labels.get(row.id, ()),
                )
                for h in raw.hits
                for row in [rows[h.passage_id]]
            ]
            return SearchResults(hits, raw.total)

    def passages(
        self,
        councils: Sequence[str],
        document: int | None = None,
        ids: Sequence[int] | None = None,
        statement: str | None = None,
        min_confidence: float = 0.0,
        batch: int = 1000,
    ) -> Iterator[StoredPassage]:
        """Stored passages of ``councils`` in document and line order, with
        their labels (a person's correction replaces the machine's labels), read
        ``batch`` at a time so memory stays flat however large the library.
        ``statement`` keeps passages labelled with it (by a person, the
        document's structure, or the machine from ``min_confidence`` up)."""
        last = 0
        while True:
            with self.reading() as session:
                stmt = in_councils(
                    select(m.PassageRow, m.Document.title, m.Document.date, m.Council.name)
                    .join(m.Document, m.Document.id == m.PassageRow.document_id)
                    .join(m.Council),
                    councils,
                )
                stmt = stmt.where(m.PassageRow.id > last).order_by(m.PassageRow.id).limit(batch)
                if document is not None:
                    stmt = stmt.where(m.PassageRow.document_id == document)
                if ids is not None:
                    stmt = stmt.where(m.PassageRow.id.in_(list(ids)))
                if statement is not None:
                    stmt = stmt.where(about_statement(statement, min_confidence))
                rows = session.execute(stmt).all()
                labels = labels_by_passage(session, [r[0].id for r in rows])
            for p, title, when, council_name in rows:
                yield StoredPassage(
                    p.id, p.document_id, title, passage_of(p, labels), when, council_name
                )
            if len(rows) < batch:
                return
            last = rows[-1][0].id

    # -- evidence: meetings, actions, figures, findings ---------------------

    def meetings(
        self,
        councils: Sequence[str],
        which: MeetingFilter = MeetingFilter(),
        limit: int | None = None,
        offset: int = 0,
        newest_first: bool = False,
    ) -> list[MeetingRecord]:
        """Meetings (notices and minutes) that ``which`` keeps, by date
        (``newest_first``: the same order backwards), from ``offset`` on, at
        most ``limit`` of them (``None``: all)."""
        with self.reading() as session:
            ids = council_ids_of(session, councils)
            return evidence.meetings(session, ids, which, limit, offset, newest_first)

    def count_meetings(
        self, councils: Sequence[str], which: MeetingFilter = MeetingFilter()
    ) -> int:
        """How many meetings ``meetings`` lists over all its pages."""
        with self.reading() as session:
            return evidence.count_meetings(session, council_ids_of(session, councils), which)

    def actions(
        self,
        councils: Sequence[str],
        which: ActionFilter = ActionFilter(),
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ActionRecord]:
        """Actions that ``which`` keeps, from minutes, then from plans, each by
        document and line, from ``offset`` on, at most ``limit`` of them
        (``None``: all)."""
        with self.reading() as session:
            ids = council_ids_of(session, councils)
            return evidence.actions(session, ids, which, limit, offset)

    def count_actions(self, councils: Sequence[str], which: ActionFilter = ActionFilter()) -> int:
        """How many actions ``actions`` lists over all its pages."""
        with self.reading() as session:
            return evidence.count_actions(session, council_ids_of(session, councils), which)

    def update_action(
        self,
        key: str,
        status: str,
        done: bool,
        councils: Sequence[str],
        audit: AuditNote | None = None,
    ) -> ActionUpdate | None:
        """Set the status of an action of ``councils`` (``key`` is
        ``ActionRecord.key``); what it was and is, or ``None`` if there is no
        such action there."""
        with self.writing() as session:
            update = evidence.update_action(
                session, key, status, done, council_ids_of(session, councils)
            )
            if update is not None and audit is not None and update.before is not None:
                before = {"status": update.before.status, "done": update.before.done}
                write_note(session, replace(audit, before=before))
            return update

    def plans(self, councils: Sequence[str], document: int | None = None) -> list[PlanRecord]:
        """Plans of the councils' documents as parsed: priorities with their
        actions and success measures, and the measures of each plan as a whole."""
        with self.reading() as session:
            stmt = in_councils(
                select(m.Document.id, m.Document.title, m.Council.name).join(m.Council), councils
            ).where(select(m.PlanRow.id).where(m.PlanRow.document_id == m.Document.id).exists())
            if document is not None:
                stmt = stmt.where(m.Document.id == document)
            return [
                PlanRecord(doc_id, title, council, plan)
                for doc_id, title, council in session.execute(stmt.order_by(m.Document.id))
                for plan in plans_of(session, doc_id)
            ]

    def risks(
        self, councils: Sequence[str], document: int | None = None, statement: str | None = None
    ) -> list[RiskRecord]:
        """Risks of the councils' registers, in register order; ``statement``
        keeps those linked to a quality statement."""
        with self.reading() as session:
            stmt = in_councils(
                select(m.RiskRow, m.Document.title, m.Council.name, m.SourceLineRow.page)
                .join(m.Document, m.Document.id == m.RiskRow.document_id)
                .join(m.Council)
                .outerjoin(m.SourceLineRow, page_join(m.RiskRow.document_id, m.RiskRow.start_line)),
                councils,
            ).order_by(m.RiskRow.document_id, m.RiskRow.start_line, m.RiskRow.id)
            if document is not None:
                stmt = stmt.where(m.RiskRow.document_id == document)
            found = [
                RiskRecord(row.id, row.document_id, title, council, page, risk_of(row))
                for row, title, council, page in session.execute(stmt)
            ]
        if statement is not None:
            found = [r for r in found if statement in r.risk.qs]
        return found

    def metrics(
        self,
        councils: Sequence[str],
        measure: str | None = None,
        period: str | None = None,
        document: int | None = None,
    ) -> list[MetricRecord]:
        """Figures found in documents; ``measure`` and ``period`` match fragments."""
        with self.reading() as session:
            return evidence.metrics(
                session, council_ids_of(session, councils), measure, period, document
            )

    def findings(
        self, councils: Sequence[str], document: int | None = None, cross_document: bool = True
    ) -> list[FindingRecord]:
        """Findings stored with each document, then (with ``cross_document``)
        figures for the same measure and period that differ between documents."""
        with self.reading() as session:
            found = evidence.stored_findings(session, council_ids_of(session, councils), document)
        if cross_document:
            from assure.storing.conflicts import conflicting_figures

            # one council's documents are compared with each other, never another's
            for council in councils:
                found.extend(conflicting_figures(self.metrics([council])))
        return found

    def add_audit(self, audit: AuditNote) -> None:
        """Log a change made outside the database (a model trained, a file written)."""
        with self.writing() as session:
            write_note(session, audit)

    def audit_entries(
        self, councils: Sequence[str] | None, limit: int, offset: int, action: str | None
    ) -> tuple[list[AuditRecord], int]:
        """The audit log, newest first, for ``councils`` (None: everything);
        the page asked for and how many entries there are in all."""
        with self.reading() as session:
            return audit_entries(session, councils, limit, offset, action)

    def version(self) -> tuple[int, ...]:
        """A fingerprint that changes whenever anything people see changes."""
        with self.reading() as session:
            return fingerprint(session)

    # -- a council's own wording of its draft -------------------------------

    def draft_texts(self, council: str) -> dict[str, str]:
        """The newest own wording per statement of the council's draft."""
        with self.reading() as session:
            council_id = find_council(session, council)
            return drafting.draft_texts(session, council_id) if council_id else {}

    def set_draft_text(self, council: str, statement: str, text: str, audit: AuditNote) -> None:
        """Keep a new wording of one statement, logged with the one it replaces."""
        with self.writing() as session:
            council_id = ensure_council(session, council)
            before = drafting.set_draft_text(session, council_id, statement, text, audit.actor)
            write_note(session, replace(audit, before=None if before is None else {"text": before}))

    # -- what people say: corrections, self-scores --------------------------

    def record_correction(
        self,
        passage_id: int,
        councils: Sequence[str],
        qs: Sequence[str] = (),
        category: str | None = None,
        stance: str | None = None,
        user: str | None = None,
        audit: AuditNote | None = None,
    ) -> int | None:
        """Record a person's labels for a passage of ``councils``; they replace
        the machine's in ``passages()`` and ``search()``. The correction's id, or
        ``None`` when no such passage is in those councils."""
        if not list(self.passages(councils, ids=[passage_id])):
            return None
        with self.writing() as session:
            found = judgements.record_correction(session, passage_id, qs, category, stance, user)
            write_note(session, audit)
            return found

    def relabel(self, document_id: int, labelled: dict[int, Passage]) -> int:
        """Replace the machine's and the structure's labels of a document's
        passages (by passage id) with a new labelling, in one transaction; a
        person's labels stay. How many passages changed."""
        with self.writing() as session:
            return judgements.replace_machine_labels(session, labelled)

    def corrections(self, councils: Sequence[str]) -> list[CorrectionRecord]:
        """Every correction of ``councils``' passages, oldest first, with the text."""
        with self.reading() as session:
            return judgements.corrections(session, council_ids_of(session, councils))

    def set_self_score(
        self,
        council: str,
        statement: str,
        score: int,
        rationale: str | None = None,
        passage_ids: Sequence[int] = (),
        user: str | None = None,
        audit: AuditNote | None = None,
    ) -> int:
        """Record a council's own score (1-4) for a quality statement; the
        newest per statement is the current one."""
        with self.writing() as session:
            council_id = ensure_council(session, council)
            found = judgements.set_self_score(
                session, council_id, statement, score, rationale, passage_ids, user
            )
            write_note(session, audit)
            return found

    def self_scores(self, council: str, history: bool = False) -> list[SelfScoreRecord]:
        """The current score per statement (or every score, with ``history``)."""
        with self.reading() as session:
            return judgements.self_scores(session, council, history)


def about_statement(statement: str, min_confidence: float) -> Any:
    """A passage is about ``statement`` when a person labelled it so, or, where
    no person has corrected it, when the structure or the machine did (the
    machine from ``min_confidence`` up)."""
    label = m.PassageLabel
    by_user = (
        select(label.id)
        .where(label.passage_id == m.PassageRow.id)
        .where(label.qs == statement)
        .where(label.source == "user")
        .exists()
    )
    corrected = select(m.Correction.id).where(m.Correction.passage_id == m.PassageRow.id).exists()
    by_others = (
        select(label.id)
        .where(label.passage_id == m.PassageRow.id)
        .where(label.qs == statement)
        .where(or_(label.source != "model", label.confidence >= min_confidence))
        .exists()
    )
    return or_(by_user, and_(~corrected, by_others))


def council_list(councils: Sequence[str]) -> list[str]:
    """The councils as a list; one name given alone is a mistake, not a list
    of letters."""
    if isinstance(councils, str):
        raise TypeError(f"councils is a list of names, not the string {councils!r}")
    return list(councils)


def in_councils(stmt: Any, councils: Sequence[str]) -> Any:
    """``stmt`` (joined to ``Council``) limited to the councils named."""
    return stmt.where(m.Council.name.in_(council_list(councils)))


def council_ids_of(session: Session, councils: Sequence[str]) -> list[int]:
    councils = council_list(councils)
    if not councils:
        return []
    return list(session.scalars(select(m.Council.id).where(m.Council.name.in_(councils))))


def search_filters(
    session: Session,
    councils: Sequence[str],
    document: int | None,
    statement: str | None,
    kind: str | None,
    since: str | None,
    until: str | None,
) -> Filters | None:
    """The search filters for ``councils`` (``None`` when none is known)."""
    names = set(council_list(councils))
    every = session.execute(select(m.Council.id, m.Council.name)).all()
    ids = [i for i, name in every if name in names]
    if not ids:
        return None
    return Filters(
        tuple(ids), other_councils=tuple(i for i, name in every if name not in names),
        document=document, statement=statement, kind=kind, since=since, until=until,
    )  # fmt: skip


def find_hash(session: Session, council_id: int, content_hash: str) -> int | None:
    return session.scalar(
        select(m.Document.id)
        .where(m.Document.council_id == council_id)
        .where(m.Document.content_hash == content_hash)
    )
