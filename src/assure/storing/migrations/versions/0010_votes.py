"""Recorded votes of minutes: the counts as printed, the names under each side
and the outcome, per minute item.

Revision ID: 0010_votes
Revises: 0006_risks
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_votes"
down_revision = "0006_risks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "votes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "minute_item_id",
            sa.Integer(),
            sa.ForeignKey("minute_items.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("start_line", sa.Integer(), nullable=False),
        sa.Column("motion", sa.Text(), nullable=True),
        sa.Column("for_count", sa.Integer(), nullable=True),
        sa.Column("against_count", sa.Integer(), nullable=True),
        sa.Column("abstain_count", sa.Integer(), nullable=True),
        sa.Column("for_names", sa.JSON(), nullable=False),
        sa.Column("against_names", sa.JSON(), nullable=False),
        sa.Column("abstain_names", sa.JSON(), nullable=False),
        sa.Column("carried", sa.Boolean(), nullable=True),
    )
    op.create_index("ix_votes_minute_item_id", "votes", ["minute_item_id"])


def downgrade() -> None:
    op.drop_index("ix_votes_minute_item_id", table_name="votes")
    op.drop_table("votes")
