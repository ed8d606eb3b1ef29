"""Alembic migrations of the assure schema, run by ``database.upgrade_schema``."""
