"""Running a storage benchmark on each engine: SQLite in a temporary folder,
then PostgreSQL in a schema of its own (dropped afterwards) where
ASSURE_TEST_POSTGRES_URL, or the default local server, is reachable."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Callable

from sqlalchemy import create_engine, text

from assure.settings import Settings

POSTGRES_URL = os.environ.get(
    "ASSURE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def on_each_engine(bench: Callable[[str, Settings], None]) -> None:
    """``bench(name, settings)`` on a fresh SQLite file, then PostgreSQL."""
    with tempfile.TemporaryDirectory() as folder:
        bench("sqlite", Settings(data_dir=folder))
    schema = f"assure_bench_{uuid.uuid4().hex[:8]}"
    try:
        admin = create_engine(
            POSTGRES_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3}
        )
        with admin.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as error:
        print(f"postgresql skipped: not reachable at {POSTGRES_URL} ({type(error).__name__})")
        return
    try:
        separator = "&" if "?" in POSTGRES_URL else "?"
        url = f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}"
        with tempfile.TemporaryDirectory() as folder:
            bench("postgresql", Settings(data_dir=folder, database_url=url))
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
