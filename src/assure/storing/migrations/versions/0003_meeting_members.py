"""Members of a meeting's body get their own table, so they can be queried.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

meetings = sa.table("meetings", sa.column("id", sa.Integer), sa.column("members", sa.JSON))
members = sa.table(
    "meeting_members", sa.column("meeting_id", sa.Integer), sa.column("name", sa.Text)
)


def upgrade() -> None:
    op.create_table(
        "meeting_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_meeting_members_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_members")),
    )
    op.create_index(
        op.f("ix_meeting_members_meeting_id"), "meeting_members", ["meeting_id"], unique=False
    )
    op.create_index(op.f("ix_meeting_members_name"), "meeting_members", ["name"], unique=False)
    bind = op.get_bind()
    rows = [
        {"meeting_id": meeting_id, "name": name}
        for meeting_id, names in bind.execute(sa.select(meetings.c.id, meetings.c.members))
        for name in names or ()
    ]
    if rows:
        bind.execute(members.insert(), rows)
    op.drop_column("meetings", "members")


def downgrade() -> None:
    op.add_column(
        "meetings",
        sa.Column("members", sa.JSON(), nullable=False, server_default=sa.text("'[]'")),
    )
    bind = op.get_bind()
    found: dict[int, list[str]] = {}
    for meeting_id, name in bind.execute(
        sa.select(members.c.meeting_id, members.c.name).order_by(sa.text("id"))
    ):
        found.setdefault(meeting_id, []).append(name)
    for meeting_id, names in found.items():
        bind.execute(meetings.update().where(meetings.c.id == meeting_id).values(members=names))
    op.drop_table("meeting_members")
