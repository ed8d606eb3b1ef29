"""``Library``: the one object the rest of assure uses to store and query.

    from assure.storing import Library
    with Library.open(settings) as library:
        report = library.ingest(["papers/"], council="Northfield Borough Council")
        for hit in library.search('"direct payments" carers'):
            print(hit.document_title, hit.page, hit.start_line, hit.snippet)

Every query takes an optional ``council`` (a name) and then sees only that
council's documents; web and API code pass the signed-in user's council.
Results are the frozen records of ``assure.storing.records``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from assure.document import SourceLine
from assure.errors import AssureError
from assure.settings import Settings
from assure.storing import evidence, judgements
from assure.storing import models as m
from assure.storing.database import open_engine
from assure.storing.reading import (
    document_record,
    labels_by_passage,
    passage_of,
    section_records,
)
from assure.storing.records import (
    ActionRecord,
    CorrectionRecord,
    DocumentDetail,
    FindingRecord,
    IngestOutcome,
    IngestReport,
    MeetingRecord,
    MetricRecord,
    SearchHit,
    SectionRecord,
    SelfScoreRecord,
    StoredDocument,
    StoredPassage,
)
from assure.storing.search import search_passages
from assure.storing.writing import store_document
from assure.structure import ParsedDocument

STORE_ATTEMPTS = 3
UNASSIGNED = "Unassigned"  # the council of documents ingested without one
Progress = Callable[[IngestOutcome, int, int], None]


class UnknownDocument(AssureError):
    """A document reference that matches no stored document, or several."""


class Library:
    """A council evidence base in one database (SQLite file or PostgreSQL).

    Opening it creates or upgrades the schema (Alembic, ``upgrade head``).
    """

    def __init__(self, settings: Settings | None = None, engine: Engine | None = None) -> None:
        self.settings = settings or Settings()
        self.engine = engine or open_engine(self.settings.resolved_database_url)

    @classmethod
    def open(cls, settings: Settings | None = None) -> Library:
        return cls(settings)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- sessions -----------------------------------------------------------

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

    def council_name(self, council: str | None, parsed: ParsedDocument | None = None) -> str:
        """The council a document is filed under: the one named, else the
        settings' default, else the document's own, else ``Unassigned``."""
        found = council or self.settings.council
        if not found and parsed is not None:
            found = parsed.structure.council
        return (found or UNASSIGNED).strip()

    def councils(self) -> list[str]:
        with self.reading() as session:
            return list(session.scalars(select(m.Council.name).order_by(m.Council.name)))

    # -- storing ------------------------------------------------------------

    def ingest(
        self,
        paths: Iterable[str | Path],
        council: str | None = None,
        progress: Progress | None = None,
    ) -> IngestReport:
        """Parse and store files and folders (recursively, in sorted order).

        Each file is parsed before its transaction opens and stored whole or
        not at all; files already stored for the council are ``duplicate``;
        bad files are ``failed`` with ``error`` naming the file and reason.
        ``progress(outcome, done, total)`` is called after each file.
        """
        from assure.storing.ingesting import ingest_files

        return ingest_files(self, paths, council, progress)

    def add(
        self,
        parsed: ParsedDocument,
        council: str | None = None,
        lines: Sequence[SourceLine] | None = None,
    ) -> int | None:
        """Store one parsed document in one transaction; its id, or ``None``
        when the same content is already stored for that council.

        ``lines`` are the file's source lines (for showing passages in
        context); when omitted they are read again from ``parsed.path`` if the
        file is still there with the same content.
        """
        name = self.council_name(council, parsed)
        if lines is None:
            lines = reread_lines(parsed, self.settings)
        for attempt in range(STORE_ATTEMPTS):
            try:
                with self.writing() as session:
                    council_id = ensure_council(session, name)
                    if find_hash(session, council_id, parsed.content_hash) is not None:
                        return None
                    return store_document(session, parsed, council_id, lines).id
            except IntegrityError:
                # Another process added the same council or the same content
                # between our check and our insert; look again, then retry.
                if self.stored_id(parsed.content_hash, name) is not None:
                    return None
                if attempt == STORE_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    def stored_id(self, content_hash: str, council: str | None = None) -> int | None:
        """The id of the document with this content in the council, if stored."""
        with self.reading() as session:
            council_id = find_council(session, self.council_name(council))
            return find_hash(session, council_id, content_hash) if council_id else None

    def delete_document(self, document_id: int) -> bool:
        """Remove a document and everything extracted from it."""
        with self.writing() as session:
            doc = session.get(m.Document, document_id)
            if doc is None:
                return False
            session.delete(doc)
            return True

    # -- documents ----------------------------------------------------------

    def documents(
        self, council: str | None = None, ids: Sequence[int] | None = None
    ) -> list[StoredDocument]:
        """Stored documents (all, or those with the given ``ids``), oldest
        ingested first, with their passage counts."""
        with self.reading() as session:
            passages = (
                select(func.count(m.PassageRow.id))
                .where(m.PassageRow.document_id == m.Document.id)
                .correlate(m.Document)
                .scalar_subquery()
            )
            stmt = (
                select(m.Document, m.Council.name, passages).join(m.Council).order_by(m.Document.id)
            )
            if council:
                stmt = stmt.where(m.Council.name == council)
            if ids is not None:
                stmt = stmt.where(m.Document.id.in_(list(ids)))
            return [document_record(d, name, n or 0) for d, name, n in session.execute(stmt)]

    def document(self, ref: str | int, council: str | None = None) -> StoredDocument:
        """A document by id, content-hash prefix (6+ hex digits), or a
        fragment of its title or file name. Raises ``UnknownDocument`` when
        nothing or more than one document matches."""
        text = str(ref).strip()
        found = self.documents(council, ids=[int(text)]) if text.isdigit() else []
        docs = self.documents(council) if not found else []
        if not found and len(text) >= 6 and all(c in "0123456789abcdef" for c in text.lower()):
            found = [d for d in docs if d.content_hash.startswith(text.lower())]
        if not found:
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
        """A stored document's sections, in order."""
        with self.reading() as session:
            return section_records(session, document_id)

    def detail(self, ref: str | int, council: str | None = None) -> DocumentDetail:
        """A document with its sections and counts of everything extracted."""
        doc = self.document(ref, council)
        with self.reading() as session:
            sections = section_records(session, doc.id)
            counts = evidence.document_counts(session, doc.id)
        return DocumentDetail(doc, sections, counts)

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
        council: str | None = None,
        limit: int = 20,
        offset: int = 0,
        document: int | None = None,
        statement: str | None = None,
    ) -> list[SearchHit]:
        """Passages matching every word and "quoted phrase" of ``query``, best
        first, optionally only in one ``document`` or labelled with one quality
        ``statement`` (a person's correction wins). Any input is safe: it never
        raises a syntax error."""
        with self.reading() as session:
            council_id = self._council_filter(session, council)
            if council_id == -1:
                return []
            raw = search_passages(session, query, council_id, limit, offset, document, statement)
            if not raw:
                return []
            ids = [h.passage_id for h in raw]
            rows = {
                p.id: (p, d, c)
                for p, d, c in session.execute(
                    select(m.PassageRow, m.Document, m.Council.name)
                    .join(m.Document, m.Document.id == m.PassageRow.document_id)
                    .join(m.Council)
                    .where(m.PassageRow.id.in_(ids))
                )
            }
            labels = labels_by_passage(session, ids)
            hits = []
            for h in raw:
                p, d, council_name = rows[h.passage_id]
                hits.append(
                    SearchHit(
                        passage_id=p.id,
                        document_id=d.id,
                        document_title=d.title,
                        council=council_name,
                        page=p.page,
                        start_line=p.start_line,
                        end_line=p.end_line,
                        section=p.section,
                        snippet=h.snippet,
                        rank=h.rank,
                        labels=labels.get(p.id, ()),
                    )
                )
            return hits

    def passages(
        self, council: str | None = None, document: int | None = None, batch: int = 1000
    ) -> Iterator[StoredPassage]:
        """Every stored passage in document and line order, with its labels
        (a person's correction replaces the machine's labels)."""
        last = 0
        while True:
            with self.reading() as session:
                stmt = (
                    select(m.PassageRow, m.Document.title, m.Document.date, m.Council.name)
                    .join(m.Document, m.Document.id == m.PassageRow.document_id)
                    .join(m.Council)
                    .where(m.PassageRow.id > last)
                    .order_by(m.PassageRow.id)
                    .limit(batch)
                )
                if council:
                    stmt = stmt.where(m.Council.name == council)
                if document is not None:
                    stmt = stmt.where(m.PassageRow.document_id == document)
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
        council: str | None = None,
        body: str | None = None,
        since: str | None = None,
        document: int | None = None,
    ) -> list[MeetingRecord]:
        """Meetings (notices and minutes), by date; ``body`` matches a fragment
        of the body's name, ``since`` an ISO date."""
        with self.reading() as session:
            return evidence.meetings(
                session, self._council_filter(session, council), body, since, document
            )

    def actions(
        self,
        council: str | None = None,
        status: str | None = None,
        owner: str | None = None,
        overdue: bool = False,
        today: date | None = None,
        document: int | None = None,
    ) -> list[ActionRecord]:
        """Actions from minutes and improvement plans. ``status`` is ``open``
        or ``done``; ``overdue`` keeps open actions whose due date (or the end
        of the financial quarter they name) is before ``today``."""
        with self.reading() as session:
            return evidence.actions(
                session,
                self._council_filter(session, council),
                status=status,
                owner=owner,
                overdue=overdue,
                today=today or date.today(),
                document=document,
            )

    def set_action_status(self, key: str, status: str) -> None:
        """Track an action: ``key`` is ``ActionRecord.key``, status ``open``/``done``
        for minutes (plan actions take any status text)."""
        with self.writing() as session:
            evidence.set_action_status(session, key, status)

    def metrics(
        self,
        council: str | None = None,
        measure: str | None = None,
        period: str | None = None,
        document: int | None = None,
    ) -> list[MetricRecord]:
        """Figures found in documents; ``measure`` and ``period`` match fragments."""
        with self.reading() as session:
            return evidence.metrics(
                session, self._council_filter(session, council), measure, period, document
            )

    def findings(
        self, council: str | None = None, document: int | None = None, cross_document: bool = True
    ) -> list[FindingRecord]:
        """Findings stored with each document, then (with ``cross_document``)
        figures for the same measure and period that differ between documents."""
        with self.reading() as session:
            council_id = self._council_filter(session, council)
            found = evidence.stored_findings(session, council_id, document)
        if cross_document:
            from assure.storing.conflicts import conflicting_figures

            found.extend(conflicting_figures(self.metrics(council, document=None)))
        return found

    # -- what people say: corrections, self-scores, users ------------------

    def record_correction(
        self,
        passage_id: int,
        qs: Sequence[str] = (),
        category: str | None = None,
        stance: str | None = None,
        user: str | None = None,
    ) -> int:
        """Record a person's labels for a passage; they replace the machine's
        in ``passages()`` and ``search()``, and the classifier trains on them."""
        with self.writing() as session:
            return judgements.record_correction(session, passage_id, qs, category, stance, user)

    def corrections(self, council: str | None = None) -> list[CorrectionRecord]:
        """Every correction, oldest first, with the passage text."""
        with self.reading() as session:
            return judgements.corrections(session, self._council_filter(session, council))

    def set_self_score(
        self,
        council: str,
        statement: str,
        score: int,
        rationale: str | None = None,
        passage_ids: Sequence[int] = (),
        user: str | None = None,
    ) -> int:
        """Record a council's own score (1-4) for a quality statement; the
        newest per statement is the current one."""
        with self.writing() as session:
            council_id = ensure_council(session, council)
            return judgements.set_self_score(
                session, council_id, statement, score, rationale, passage_ids, user
            )

    def self_scores(self, council: str, history: bool = False) -> list[SelfScoreRecord]:
        """The current score per statement (or every score, with ``history``)."""
        with self.reading() as session:
            return judgements.self_scores(session, council, history)

    def add_user(self, name: str, email: str | None = None) -> int:
        with self.writing() as session:
            return judgements.add_user(session, name, email)

    def grant(self, user: str, council: str, role: str = "viewer") -> None:
        """Let ``user`` see ``council``'s documents."""
        with self.writing() as session:
            judgements.grant(session, user, ensure_council(session, council), role)

    def councils_of(self, user: str) -> list[str]:
        """The councils a user may see."""
        with self.reading() as session:
            return judgements.councils_of(session, user)

    # -- helpers ------------------------------------------------------------

    def _council_filter(self, session: Session, council: str | None) -> int | None:
        """``None`` for all councils, the id, or ``-1`` for a council unknown here."""
        if not council:
            return None
        return find_council(session, council) or -1


def find_council(session: Session, name: str) -> int | None:
    return session.scalar(select(m.Council.id).where(m.Council.name == name))


def ensure_council(session: Session, name: str) -> int:
    """The council's id, adding the council if it is new."""
    found = find_council(session, name)
    if found is not None:
        return found
    council = m.Council(name=name)
    session.add(council)
    session.flush()
    return council.id


def find_hash(session: Session, council_id: int, content_hash: str) -> int | None:
    return session.scalar(
        select(m.Document.id)
        .where(m.Document.council_id == council_id)
        .where(m.Document.content_hash == content_hash)
    )


def reread_lines(parsed: ParsedDocument, settings: Settings) -> Sequence[SourceLine]:
    """The source lines of ``parsed``'s file, if it is still there unchanged."""
    from assure.errors import DocumentError
    from assure.reading import read_document

    try:
        source = read_document(parsed.path, settings)
    except DocumentError:
        return ()
    return source.lines if source.content_hash == parsed.content_hash else ()
