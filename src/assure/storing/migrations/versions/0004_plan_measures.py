"""Success measures of a plan as a whole (Plan.measures) get a table of their
own; a priority's measures stay in success_measures.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plan_measures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("direction", sa.String(length=20), nullable=True),
        sa.Column("start_line", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plans.id"],
            name=op.f("fk_plan_measures_plan_id_plans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_measures")),
    )
    op.create_index(op.f("ix_plan_measures_plan_id"), "plan_measures", ["plan_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_plan_measures_plan_id"), table_name="plan_measures")
    op.drop_table("plan_measures")
