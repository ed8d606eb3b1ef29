"""Engines and schema: SQLite by default, PostgreSQL by URL, Alembic on open.

``open_engine(url)`` returns an engine whose schema is at the newest
migration. SQLite runs in WAL mode with a busy timeout, and its transactions
really are transactions (DDL included), so a process killed mid-way leaves
the file as it was at the last commit.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import Connection, make_url

from assure.settings import private_folder

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 30_000
# Held while migrating, so that two processes opening a fresh database do not
# both try to create it (PostgreSQL; SQLite is serialised by BEGIN IMMEDIATE).
MIGRATION_LOCK = 0x61737572


def open_engine(url: str, upgrade: bool = True) -> Engine:
    """An engine for ``url``, its schema upgraded to the newest migration."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = sqlite_engine(url)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    if upgrade:
        upgrade_schema(engine)
    return engine


def sqlite_engine(url: str) -> Engine:
    parsed = make_url(url)
    database = parsed.database
    # A URI ("file:...?mode=ro&uri=true") names its file SQLite's own way, and a
    # read-only one is never created: only a plain path is made private here.
    uri = parsed.query.get("uri") == "true" or (database or "").startswith("file:")
    if database and database != ":memory:" and not uri:
        private_database_file(Path(database))
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # The driver's own transaction handling skips DDL and defers BEGIN;
        # take control of it so every transaction is real (SQLAlchemy's recipe).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Connection) -> None:
        # Writers take the write lock up front: a deferred transaction that
        # later upgrades to writing can fail at once instead of waiting.
        immediate = connection.get_execution_options().get("writing", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def private_database_file(database: Path) -> None:
    """Make the SQLite file readable and writable by its owner only (0600), and
    the folder it is created in (the data folder, by default) private to its
    owner too (0700). The file holds residents' and staff's names: SQLite would
    create it, and its ``-wal`` and ``-shm`` companions, readable by everyone
    under the usual umask. An existing file others can read is tightened; its
    companions take the file's mode when SQLite creates them."""
    private_folder(database.parent)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(database, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    for path in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
            if mode & 0o077:
                path.chmod(mode & 0o700)
        except FileNotFoundError:
            continue


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """For autogenerate: leave out the engine-specific full-text index, which
    the migrations create by hand (FTS5 tables; the tsvector column)."""
    if type_ == "table" and name and name.startswith("passages_fts"):
        return False
    return not (type_ in ("column", "index") and name in ("search", "ix_passages_search"))


def alembic_config(connection: Connection) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config).get_current_head()


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def upgrade_schema(engine: Engine) -> None:
    """Bring the schema to the newest migration (a no-op when it is there)."""
    from alembic import command

    head = head_revision()
    with engine.connect() as connection:
        if current_revision(connection) == head:
            return
    with engine.execution_options(writing=True).begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        if current_revision(connection) == head:
            return
        command.upgrade(alembic_config(connection), "head")
