"""An assessment names its framework and keeps grades by name (Ofsted's
"Requires improvement to be good" per judgement area) beside numeric scores.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("assessments") as table:
        table.add_column(
            sa.Column(
                "framework",
                sa.String(length=40),
                nullable=False,
                server_default="cqc-local-authority",
            )
        )
        table.add_column(sa.Column("grades", sa.JSON(), nullable=False, server_default="{}"))


def downgrade() -> None:
    with op.batch_alter_table("assessments") as table:
        table.drop_column("grades")
        table.drop_column("framework")
