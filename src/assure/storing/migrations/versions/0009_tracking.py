"""Actions keep the last day they are due (ISO) and whether they are done, worked
out once by the pipeline, so that listing open or overdue actions compares
stored values. Existing rows are filled in by the same rule.

Revision ID: 0009_tracking
Revises: 0007_accounts
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from assure.extracting.deadlines import due_by, is_done

revision = "0009_tracking"
down_revision = "0007_accounts"
branch_labels = None
depends_on = None

TABLES = ("actions", "plan_actions")


def upgrade() -> None:
    for name in TABLES:
        with op.batch_alter_table(name) as table:
            table.add_column(sa.Column("due_by", sa.String(length=10), nullable=True))
            table.add_column(
                sa.Column("done", sa.Boolean(), nullable=False, server_default=sa.false())
            )
            table.create_index(f"ix_{name}_due_by", ["due_by"])
    connection = op.get_bind()
    actions = sa.table(
        "actions",
        sa.column("id"),
        sa.column("due"),
        sa.column("status"),
        sa.column("due_by"),
        sa.column("done"),
    )
    for row in connection.execute(sa.select(actions.c.id, actions.c.due, actions.c.status)):
        connection.execute(
            actions.update()
            .where(actions.c.id == row.id)
            .values(due_by=due_by(row.due), done=row.status == "done")
        )
    plan_actions = sa.table(
        "plan_actions",
        sa.column("id"),
        sa.column("timeframe"),
        sa.column("status"),
        sa.column("due_by"),
        sa.column("done"),
    )
    for row in connection.execute(
        sa.select(plan_actions.c.id, plan_actions.c.timeframe, plan_actions.c.status)
    ):
        connection.execute(
            plan_actions.update()
            .where(plan_actions.c.id == row.id)
            .values(due_by=due_by(row.timeframe), done=is_done(row.status))
        )


def downgrade() -> None:
    for name in TABLES:
        with op.batch_alter_table(name) as table:
            table.drop_index(f"ix_{name}_due_by")
            table.drop_column("done")
            table.drop_column("due_by")
