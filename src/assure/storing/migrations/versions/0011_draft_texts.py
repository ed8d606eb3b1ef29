"""People's own wording of a statement's self-assessment draft, kept per
council; the newest per statement replaces the drafted sentences in exports.

Revision ID: 0011_draft_texts
Revises: 0010_votes
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_draft_texts"
down_revision = "0010_votes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "draft_texts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("council_id", sa.Integer(), nullable=False),
        sa.Column("statement", sa.String(length=60), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("user", sa.String(length=320), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["council_id"],
            ["councils.id"],
            name=op.f("fk_draft_texts_council_id_councils"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_draft_texts")),
    )
    op.create_index(op.f("ix_draft_texts_council_id"), "draft_texts", ["council_id"], unique=False)


def downgrade() -> None:
    op.drop_table("draft_texts")
