"""Alembic environment: migrations run on the connection handed in by
``assure.storing.database.upgrade_schema`` (never from an ini file)."""

from __future__ import annotations

from alembic import context

from assure.storing.database import include_object
from assure.storing.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through assure.storing.database.upgrade_schema")


context.configure(
    connection=connection,
    include_object=include_object,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
