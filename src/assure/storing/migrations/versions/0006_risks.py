"""Risks of a register get a table of their own (ratings before and after the
controls and the target, as impact, likelihood and score columns); a metric
keeps a scorecard row's target, RAG rating and direction of travel, and the
quality statements it is linked to.

Revision ID: 0006_risks
Revises: 0009_tracking
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_risks"
down_revision = "0009_tracking"
branch_labels = None
depends_on = None

RATINGS = [
    f"{when}_{part}"
    for when in ("inherent", "residual", "target")
    for part in ("impact", "likelihood", "score")
]


def upgrade() -> None:
    op.create_table(
        "risks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(length=40), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("effects", sa.Text(), nullable=True),
        sa.Column("causes", sa.Text(), nullable=True),
        sa.Column("owners", sa.JSON(), nullable=False),
        sa.Column("mitigations", sa.JSON(), nullable=False),
        sa.Column("actions", sa.JSON(), nullable=False),
        *[sa.Column(name, sa.Float(), nullable=True) for name in RATINGS],
        sa.Column("risk_group", sa.Text(), nullable=True),
        sa.Column("trend", sa.String(length=40), nullable=True),
        sa.Column("qs", sa.JSON(), nullable=False),
        sa.Column("qs_labels", sa.JSON(), nullable=False),
        sa.Column("start_line", sa.Integer(), nullable=False),
        sa.Column("end_line", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_risks_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_risks")),
    )
    op.create_index(op.f("ix_risks_document_id"), "risks", ["document_id"], unique=False)
    with op.batch_alter_table("metrics") as table:
        table.add_column(sa.Column("target", sa.Float(), nullable=True))
        table.add_column(sa.Column("rag", sa.String(length=10), nullable=True))
        table.add_column(sa.Column("trend", sa.String(length=20), nullable=True))
        table.add_column(sa.Column("qs", sa.JSON(), nullable=False, server_default="[]"))
        table.add_column(sa.Column("qs_labels", sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("metrics") as table:
        for name in ("qs_labels", "qs", "trend", "rag", "target"):
            table.drop_column(name)
    op.drop_index(op.f("ix_risks_document_id"), table_name="risks")
    op.drop_table("risks")
