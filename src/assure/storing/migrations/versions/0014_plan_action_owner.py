"""A plan's action keeps who it falls to as listed (its leads, else its
priority's, joined by commas), so that actions from minutes and plans are
filtered by owner and paged together in one query. Existing rows are filled
in by the same rule.

Revision ID: 0014_plan_action_owner
Revises: 0013_fts_per_document
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from assure.storing.writing import plan_action_owner

revision = "0014_plan_action_owner"
down_revision = "0013_fts_per_document"
branch_labels = None
depends_on = None

BATCH = 5000


def upgrade() -> None:
    with op.batch_alter_table("plan_actions") as table:
        table.add_column(sa.Column("owner", sa.Text(), nullable=True))
    connection = op.get_bind()
    actions = sa.table(
        "plan_actions",
        sa.column("id", sa.Integer),
        sa.column("priority_id", sa.Integer),
        sa.column("leads", sa.JSON),
        sa.column("owner", sa.Text),
    )
    priorities = sa.table("priorities", sa.column("id", sa.Integer), sa.column("leads", sa.JSON))
    last = 0
    while True:
        rows = connection.execute(
            sa.select(actions.c.id, actions.c.leads, priorities.c.leads)
            .join(priorities, priorities.c.id == actions.c.priority_id)
            .where(actions.c.id > last)
            .order_by(actions.c.id)
            .limit(BATCH)
        ).all()
        owners = [
            {"key": i, "value": owner}
            for i, leads, priority_leads in rows
            if (owner := plan_action_owner(leads, priority_leads)) is not None
        ]
        if owners:
            connection.execute(
                actions.update()
                .where(actions.c.id == sa.bindparam("key"))
                .values(owner=sa.bindparam("value")),
                owners,
            )
        if len(rows) < BATCH:
            return
        last = rows[-1][0]


def downgrade() -> None:
    with op.batch_alter_table("plan_actions") as table:
        table.drop_column("owner")
