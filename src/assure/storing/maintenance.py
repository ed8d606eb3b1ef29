"""Keeping the engine's view of the library fresh after bulk loads.

PostgreSQL plans a search from its statistics of the passages table: how
common each word is decides between walking the newest passages and reading
the GIN index. Until ``ANALYZE`` has seen the table (autovacuum gets there
in its own time, a minute or more after a load) it guesses, and for a
million passages it guesses badly. So once the passages have changed by
half since the statistics were last gathered, they are gathered again, and
the GIN index's pending list (entries not yet merged, which every search
reads through) is merged. SQLite's FTS5 index needs none of this.
"""

from __future__ import annotations

from sqlalchemy import Engine, text

CHANGED_SHARE = 0.5  # of the rows: gather again once this many have changed
CHANGED_AT_LEAST = 1000

STALENESS = """
    SELECT n_mod_since_analyze, n_live_tup FROM pg_stat_user_tables
    WHERE relid = 'passages'::regclass
"""


def refresh_statistics(engine: Engine, force: bool = False) -> bool:
    """Gather PostgreSQL's statistics of the searched tables if the passages
    changed enough since the last time (or ``force``); whether it did."""
    if engine.dialect.name != "postgresql":
        return False
    with engine.connect() as connection:
        found = connection.execute(text(STALENESS)).one_or_none()
        changed, live = found if found else (0, 0)
        if not force and changed < max(CHANGED_AT_LEAST, CHANGED_SHARE * live):
            return False
        connection.execute(text("ANALYZE passages, passage_labels, documents"))
        connection.execute(text("SELECT gin_clean_pending_list('ix_passages_search'::regclass)"))
        connection.commit()
    return True
