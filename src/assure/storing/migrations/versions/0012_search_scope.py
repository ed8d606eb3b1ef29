"""Search scope words in the full-text index, for searching a million passages.

Each passage gets ``search_scope`` (its council, document kind and date, and
the statements it is about, as words; see ``assure/storing/scope.py``),
filled here for the passages already stored. SQLite's FTS5 table indexes it as
a third column; PostgreSQL's GIN index gets it (and the passage's batch of
ids) as a second column beside the text's tsvector. Documents get an index on
their date.

Revision ID: 0012_search_scope
Revises: 0011_draft_texts
"""

from __future__ import annotations

from importlib import import_module

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from assure.storing.scope import refresh_scopes

revision = "0012_search_scope"
down_revision = "0011_draft_texts"
branch_labels = None
depends_on = None

BATCH = 5000

SQLITE_TRIGGERS = ("insert", "delete", "update")
SQLITE_SEARCH = (
    # External-content FTS5 table: the text lives once, in passages; triggers
    # keep the index in step inside the same transaction as the rows.
    "CREATE VIRTUAL TABLE passages_fts USING fts5(text, section, search_scope, "
    "content='passages', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER passages_fts_insert AFTER INSERT ON passages BEGIN "
    "INSERT INTO passages_fts(rowid, text, section, search_scope) "
    "VALUES (new.id, new.text, new.section, new.search_scope); END",
    "CREATE TRIGGER passages_fts_delete AFTER DELETE ON passages BEGIN "
    "INSERT INTO passages_fts(passages_fts, rowid, text, section, search_scope) "
    "VALUES ('delete', old.id, old.text, old.section, old.search_scope); END",
    "CREATE TRIGGER passages_fts_update AFTER UPDATE OF text, section, search_scope ON passages "
    "BEGIN INSERT INTO passages_fts(passages_fts, rowid, text, section, search_scope) "
    "VALUES ('delete', old.id, old.text, old.section, old.search_scope); "
    "INSERT INTO passages_fts(rowid, text, section, search_scope) "
    "VALUES (new.id, new.text, new.section, new.search_scope); END",
    "INSERT INTO passages_fts(passages_fts) VALUES ('rebuild')",
)
# One GIN index over the text's tsvector and the scope words (as 'simple'
# lexemes, with the passage's batch of 1,024 ids: newest first, search looks
# a window of batches at a time), so a query's words and its filters are
# matched in one index scan. See assure/storing/search_postgresql.py.
POSTGRESQL_SEARCH = (
    "CREATE INDEX ix_passages_search ON passages USING gin "
    "(search, (to_tsvector('simple'::regconfig, search_scope || ' batch' || (id >> 10)::text)))",
    "ANALYZE passages",
)
POSTGRESQL_SEARCH_BEFORE = ("CREATE INDEX ix_passages_search ON passages USING gin (search)",)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    drop_search_index(dialect)
    op.add_column(
        "passages", sa.Column("search_scope", sa.Text(), nullable=False, server_default="")
    )
    op.create_index(op.f("ix_documents_date"), "documents", ["date"], unique=False)
    fill_scopes()
    run({"sqlite": SQLITE_SEARCH, "postgresql": POSTGRESQL_SEARCH}.get(dialect, ()))


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    drop_search_index(dialect)
    op.drop_index(op.f("ix_documents_date"), table_name="documents")
    # Not batch mode: on SQLite that copies the table, and dropping the old
    # one would cascade to the passages' labels. Both engines drop a column.
    op.execute("ALTER TABLE passages DROP COLUMN search_scope")
    if dialect == "sqlite":
        initial = import_module("assure.storing.migrations.versions.0001_initial")
        run((*initial.SQLITE_SEARCH, "INSERT INTO passages_fts(passages_fts) VALUES ('rebuild')"))
    else:
        run(POSTGRESQL_SEARCH_BEFORE)


def drop_search_index(dialect: str) -> None:
    if dialect == "sqlite":
        for trigger in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS passages_fts_{trigger}")
        op.execute("DROP TABLE IF EXISTS passages_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_passages_search")


def fill_scopes() -> None:
    """Scope words for the passages stored before this revision."""
    session = Session(bind=op.get_bind())
    last = 0
    while True:
        ids = list(
            session.scalars(
                sa.text("SELECT id FROM passages WHERE id > :last ORDER BY id LIMIT :n"),
                {"last": last, "n": BATCH},
            )
        )
        if not ids:
            session.close()
            return
        refresh_scopes(session, ids)
        last = ids[-1]


def run(statements: tuple[str, ...]) -> None:
    for statement in statements:
        op.execute(statement)
