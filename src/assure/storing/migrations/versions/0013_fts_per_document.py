"""SQLite: new passages go into the full-text index one document at a time,
written by the storing code, not by a trigger per row.

FTS5 writes out what it holds in memory at every statement savepoint, and a
trigger on ``passages`` makes each inserted row such a statement: the index
then grows by a segment per passage and merges them all again, about five
times the CPU of one ``INSERT INTO passages_fts ... SELECT`` after the
document's passages (``assure/storing/writing.py``). Passages are stored
only there. The triggers for updates and deletes stay: corrections,
relabelling, moves and deletes change a few rows at a time.

Revision ID: 0013_fts_per_document
Revises: 0012_search_scope
"""

from __future__ import annotations

from alembic import op

revision = "0013_fts_per_document"
down_revision = "0012_search_scope"
branch_labels = None
depends_on = None

INSERT_TRIGGER = (
    "CREATE TRIGGER passages_fts_insert AFTER INSERT ON passages BEGIN "
    "INSERT INTO passages_fts(rowid, text, section, search_scope) "
    "VALUES (new.id, new.text, new.section, new.search_scope); END"
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS passages_fts_insert")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(INSERT_TRIGGER)
