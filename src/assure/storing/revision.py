"""Write a new migration: ``python -m assure.storing.revision "what changed"``.

The models are compared with a scratch SQLite database at the newest
revision, and Alembic writes what differs into ``migrations/versions``.
Review the file (and add anything engine-specific, as ``0001_initial`` does
for the full-text index) before committing it.
"""

from __future__ import annotations

import sys
import tempfile

from assure.storing.database import alembic_config, open_engine


def new_revision(message: str) -> None:
    from alembic import command

    with tempfile.TemporaryDirectory() as folder:
        engine = open_engine(f"sqlite:///{folder}/scratch.db")
        with engine.begin() as connection:
            command.revision(alembic_config(connection), message=message, autogenerate=True)
        engine.dispose()


if __name__ == "__main__":
    new_revision(" ".join(sys.argv[1:]) or "schema change")
